"""通知 / 通报 / 公示 / 催办 / 会议纪要: Word templates → .docx (GB/T 9704 layout), HTML, chat text
and PDF, one file per recipient or combined.

:func:`render` is the one entry point the CLI (and the demo) call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

from ..dates import format_date_zh
from ..errors import Problem, SectoolsError
from .kinds import KINDS, Batch, Options, doc_number

FORMATS = ("docx", "html", "txt", "pdf")
SUFFIX = {"docx": ".docx", "html": ".html", "txt": ".txt", "pdf": ".pdf"}

__all__ = ["KINDS", "FORMATS", "Options", "render", "template_path", "Rendered"]


def template_path(office, kind: str) -> Path:
    """The office's own ``templates/<kind>.docx`` if it has one, else sectools' template."""
    own = office.root / "templates" / f"{kind}.docx"
    if own.is_file():
        return own
    return Path(str(resources.files("sectools.templates") / f"{kind}.docx"))


@dataclass
class Rendered:
    kind: str
    subject: str
    doc_number: str
    files: list[Path] = field(default_factory=list)
    recipients: int = 0


def render(office, kind: str, *, fmt: str = "docx", opts: Options | None = None, out_dir: Path | None = None,
           combine: bool = False, progress: Callable[[str], None] | None = None,
           number: bool = True) -> Rendered:
    from ..paths import safe_filename
    from ..writer import atomic_target
    from .engine import compile_template, combine as combine_xml, paragraphs, to_html, to_pdf, to_text

    if kind not in KINDS:
        raise SectoolsError(Problem("unknown-notice", value=kind, params={"allowed": "、".join(KINDS)}))
    if fmt not in FORMATS:
        raise SectoolsError(Problem("unknown-notice", value=fmt, params={"allowed": "、".join(FORMATS)}))
    opts = opts or Options()
    spec = KINDS[kind]
    if opts.per and opts.per not in spec.per:
        raise SectoolsError(Problem("bad-recipients", value=opts.per,
                                    params={"kind": kind, "allowed": "、".join(spec.per)}))
    batch: Batch = spec.build(office, opts)
    if not batch.recipients:
        raise SectoolsError(Problem("nothing-to-render", value=kind, params={"subject": batch.subject}))
    compiled = compile_template(template_path(office, kind), traditional=office.lang == "zh-TW")
    year = opts.today.year
    number_text = doc_number(office, kind, batch.subject, year, dry=not number)
    common = {"doc_number": number_text, "date": format_date_zh(opts.today), "office": office.name}
    out_dir = Path(out_dir or office.root / "输出" / "通知" / kind)
    out_dir.mkdir(parents=True, exist_ok=True)
    base = out_dir.resolve()
    result = Rendered(kind, batch.subject, number_text, recipients=len(batch.recipients))
    used: set[str] = set()

    def target(label: str, suffix: str) -> Path:
        stem = safe_filename(label)
        name = stem
        k = 2
        while (name + suffix).casefold() in used:
            name = f"{stem}_{k}"
            k += 1
        used.add((name + suffix).casefold())
        path = (out_dir / (name + suffix)).resolve()
        if base not in path.parents:
            raise SectoolsError(Problem("unsafe-path", value=label))
        return path

    def write(path: Path, data: bytes | str) -> Path:
        with atomic_target(path) as tmp:
            if isinstance(data, str):
                tmp.write_text(data, encoding="utf-8")
            else:
                tmp.write_bytes(data)
        result.files.append(path)
        return path

    xmls = []
    for rec in batch.recipients:
        xml = compiled.render_xml({**rec.context, **common})
        if progress:
            progress(rec.label)
        if combine:
            xmls.append(xml)
            continue
        label = f"{kind}_{batch.subject}" if spec.per == ("office",) else f"{kind}_{rec.label}"
        _emit(fmt, label, xml, compiled, target, write, paragraphs, to_html, to_text)
    if combine:
        xml = combine_xml(xmls)
        _emit(fmt, f"{kind}_{batch.subject}_合并", xml, compiled, target, write, paragraphs, to_html, to_text)
    if fmt == "pdf":
        docx_files = [p for p in result.files if p.suffix == ".docx"]
        pdfs = to_pdf(docx_files, out_dir)
        for p in docx_files:
            p.unlink()
        result.files = pdfs
    return result


def _emit(fmt, label, xml, compiled, target, write, paragraphs, to_html, to_text) -> None:
    if fmt in ("docx", "pdf"):
        write(target(label, ".docx"), compiled.docx_bytes(xml))
        return
    paras = paragraphs(xml)
    title = next((t for s, t in paras if s == "GwTitle" and t.strip()), label)
    if fmt == "html":
        write(target(label, ".html"), to_html(paras, title))
    else:
        write(target(label, ".txt"), to_text(paras))


def kinds_list() -> list[tuple[str, str, tuple[str, ...]]]:
    return [(k.name, k.about, k.per) for k in KINDS.values()]

