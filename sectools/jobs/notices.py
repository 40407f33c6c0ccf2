"""Notice jobs: gather what a notice kind needs through the other jobs, render it from its Word
template (the office's own ``templates/<kind>.docx`` wins), number it, write the files."""

from __future__ import annotations

import datetime as dt

import json
from importlib import resources
from pathlib import Path
from typing import Callable

from ..dates import format_date_zh, shown_minute
from ..errors import Problem, SectoolsError
from ..notices import FORMATS, KINDS, Options, Rendered
from .core import JobResult, as_source

from .statefiles import DOC_NUMBERS  # noqa: E402,F401  (kept importable from here)


class NoticeData:
    """What the notice kinds ask for, answered by the jobs (the same numbers as the reports)."""

    def __init__(self, src):
        self.src = src
        self.choices: list = []
        self._att: dict = {}

    def _keep(self, job: JobResult):
        self.choices += [c for c in job.choices if c not in self.choices]
        return job.result

    def attendance(self, date_from=None, date_to=None, force: bool = False):
        from .meetings import attendance

        key = (date_from, date_to)
        if key not in self._att:
            res = self._keep(attendance(self.src, date_from=date_from, date_to=date_to, out=False))
            gone = [m for m in res.left_out if m["reason"] == "no-signins"]
            if gone:  # a notice on incomplete attendance would name the wrong people
                raise SectoolsError(Problem("partial-attendance", params={
                    "count": len(gone), "meetings": "、".join(f"{m['date']} {m['meeting']}" for m in gone[:5])}))
            errors = [p for p in res.problems if p.is_error()]
            if errors and not force:  # sign-ins not counted (unknown member, meeting, mark …): wrong people named
                first = errors[0]
                raise SectoolsError(Problem("attendance-has-errors", params={
                    "count": len(errors), "first": f"{first.location()} {first.code}".strip()}))
            self._att[key] = res
        return self._att[key]

    def signin_sheet(self, meeting, today):
        from .meetings import signin_sheet

        r = self._keep(signin_sheet(self.src, meeting, today=today, out=False))
        return r["meeting"], r["people"]

    def meeting_held(self, meeting, today):
        from .meetings import meeting_held

        m, choice = meeting_held(self.src, meeting, today)
        if choice:
            self.choices.append(choice)
        return m

    def table(self, name):
        return self.src.read_optional(name)

    def ranking_week(self, week, today):
        from .ranking import ranking_week

        return self._keep(ranking_week(self.src, week, today=today))

    def ranking_deadlines(self, week):
        from .ranking import week_deadlines

        return week_deadlines(self.src, week)[0]

    def workdays(self):
        from .ranking import workdays

        return workdays(self.src)

    def plans(self, month, kind, today):
        from .plans import plans_collect

        return self._keep(plans_collect(self.src, month, kind, today=today, out=False))

    def kpi(self, period, today):
        from .appraisal import kpi

        return self._keep(kpi(self.src, period, out=False))

    def documents(self, today, force: bool = False):
        from .incoming import checked_documents

        return self._keep(checked_documents(self.src, today, force))

    def tasks(self, today, force: bool = False):
        from .supervision import checked_tasks

        return self._keep(checked_tasks(self.src, today, force))

    def fund(self, semester, force: bool = False):
        from .charity import checked_fund

        job = checked_fund(self.src, semester, force)
        self.fund_forced = job.facts.get("forced_errors", 0)  # made with --force over errors: said
        return self._keep(job)

    def fund_lines(self, semester):
        from .charity import fund

        return self._keep(fund(self.src, semester, out=False))

    def claims(self, year, force: bool = False, until=None):
        from .supply import checked_claims

        job = checked_claims(self.src, year, force, until)
        self.claims_forced = job.facts.get("forced_errors", 0)  # made with --force over errors: said
        return self._keep(job)

    def intake(self, force: bool = False):
        from .recruiting import checked_intake

        job = checked_intake(self.src, force)
        self.intake_forced = job.facts.get("forced_errors", 0)  # made with --force over errors or ties: said
        return self._keep(job)

    def diary(self, month, today):
        from .chronicle import diary

        return self._keep(diary(self.src, month, today=today, out=False))

    def document_rules(self):
        from ..documents import rules_from_config

        return rules_from_config(self.src.office.section("documents"))[0]

    def document_form_docs(self, numbers, rows, today, force: bool = False):
        from .incoming import document_form_docs

        docs, choice = document_form_docs(self.src, numbers, rows, today=today, force=force)
        if choice:
            self.choices.append(choice)
        return docs

    def seal_form_uses(self, rows, today):
        from .sealing import seal_form_uses

        uses, choice = seal_form_uses(self.src, rows, today=today)
        if choice:
            self.choices.append(choice)
        return uses


def template_path(src, kind: str) -> Path:
    """The office's own ``templates/<kind>.docx`` if it has one, else sectools' template — in the
    ``[notices] style`` the office chose (``formal``: ``<kind>（正式）.docx``, with the red 版头)."""
    from ..notices.sources import FORMAL_SUFFIX, FORMS

    office = getattr(src, "office", None)
    formal = office is not None and office.section("notices").get("style") == "formal" and kind not in FORMS
    name = kind + (FORMAL_SUFFIX if formal else "")
    root = getattr(src, "root", None)
    if root is not None:
        own = root / "templates" / f"{name}.docx"
        if own.is_file():
            return own
    return Path(str(resources.files("sectools.templates") / f"{name}.docx"))


def _record(office, today) -> dict | None:
    """The 版记 of a formal notice (抄送, 印发机关 and date), when the office gives a 抄送 or an 印发机关."""
    sec = office.section("notices")
    if not (sec.get("copy_to") or sec.get("issued_by")):
        return None
    return {"copy_to": sec.get("copy_to") or "", "issued_by": sec.get("issued_by") or office.name,
            "issued_date": format_date_zh(today)}


def doc_number(src, kind: str, subject: str, year: int, dry: bool = False, key: str | None = None,
               issued_on: dt.date | None = None) -> str:
    """``财学生会〔2026〕3号``: one number per notice and subject, kept in the office's state so a
    notice rendered again keeps its number — in any language: the register keys on ``key`` (the
    language-free 2026-03-02至2026-07-10 of the file names) and still finds a number issued under the
    subject's words by an earlier sectools."""
    prefix = src.office.section("notices").get("doc_prefix") or src.office.name
    path = src.state_root / DOC_NUMBERS if src.state_root is not None else None
    try:
        if path and path.exists() and (path.is_symlink() or path.stat().st_size > 16 << 20):
            raise ValueError("not the register sectools wrote")
        state = json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else {}
    except (OSError, ValueError):
        state = None
    from .statefiles import numbers_ok

    if not numbers_ok(state):  # reset, it would issue numbers already issued again
        raise SectoolsError(Problem("state-damaged", file=str(path)))
    year_state = state.setdefault(str(year), {"next": 1, "issued": {}})
    issued = year_state["issued"]
    stable, legacy = f"{kind}|{key or subject}", f"{kind}|{subject}"
    changed = stable not in issued
    if changed and legacy in issued:
        issued[stable] = issued[legacy]  # numbered before under its words: the same number, now keyed stably
    elif changed:
        issued[stable] = year_state["next"]
        year_state["next"] += 1
    dates = year_state.setdefault("dates", {})  # the 成文日期 a number was first given on (the 大事记 lists them)
    if issued_on is not None and stable not in dates and isinstance(dates, dict):
        dates[stable] = issued_on.isoformat()
        changed = True
    if changed and not dry and path is not None:
        from .statefiles import write_state  # atomically, keeping the version before for sectools repair

        write_state(path, state)
    return f"{prefix}〔{year}〕{issued[stable]}{'號' if src.office.lang == 'zh-TW' else '号'}"





def notice(source, kind: str, *, fmt: str = "docx", opts: Options | None = None, out_dir: Path | None = None,
           combine: bool = False, progress: Callable[[str], None] | None = None, number: bool = True) -> Rendered:
    """Render notice ``kind``: one file per recipient (or ``combine``d), safe unique file names, never
    outside ``out_dir``.  The result's ``choices`` say which meeting, week, month or period was taken."""
    from ..paths import safe_filename
    from ..writer import atomic_target
    from ..notices.engine import compile_template, combine as combine_xml, paragraphs, to_html, to_text
    from ..pdf import to_pdf

    src = as_source(source)
    office = src.office
    from ..normalize import fold

    kind = next((k for k in KINDS if fold(k) == fold(kind)), kind)  # 會議紀要 is the 会议纪要 kind
    if kind not in KINDS:
        raise SectoolsError(Problem("unknown-notice", value=kind, params={"allowed": "、".join(KINDS)}))
    if fmt not in FORMATS:
        raise SectoolsError(Problem("unknown-notice", value=fmt, params={"allowed": "、".join(FORMATS)}))
    opts = opts or Options()
    spec = KINDS[kind]
    if opts.per and opts.per not in spec.per:
        raise SectoolsError(Problem("bad-recipients", value=opts.per,
                                    params={"kind": kind, "allowed": "、".join(spec.per)}))
    data = NoticeData(src)
    batch = spec.build(office, opts, data)
    if kind == "量化考核公示" and not opts.extra.get("result"):
        _refuse_if_published(src, batch.subject)
    if not batch.recipients:
        raise SectoolsError(Problem("nothing-to-render", value=kind, params={"subject": batch.subject}))
    path = template_path(src, kind)
    try:
        data_bytes = path.read_bytes()
    except OSError as e:
        raise SectoolsError(Problem("template-error", file=path.name, params={"detail": str(e)})) from None
    from ..reader.guard import guard_docx

    guard_docx(data_bytes, office.limits, path.name)
    compiled = compile_template(data_bytes, path.name, traditional=office.lang == "zh-TW")
    year = opts.today.year
    number_text = doc_number(src, kind, batch.subject, year, dry=not number, key=batch.key or batch.subject,
                             issued_on=opts.today) \
        if spec.numbered else ""  # a form (用印审批单) takes no 文号
    common = {"doc_number": number_text, "date": format_date_zh(opts.today), "office": office.name,
              "office_short": office.section("notices").get("short_name") or office.name,
              "record": _record(office, opts.today)}
    if out_dir is None:
        if src.out_root is None:
            raise SectoolsError(Problem("state-unavailable", value=kind))
        out_dir = src.out_root / "通知" / kind
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    base = out_dir.resolve()
    result = Rendered(kind, batch.subject, number_text, recipients=len(batch.recipients))
    result.choices = data.choices
    result.said = list(batch.said)
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

    def write(path: Path, content: bytes | str) -> Path:
        with atomic_target(path, src.inputs) as tmp:
            if isinstance(content, str):
                tmp.write_text(content, encoding="utf-8")
            else:
                tmp.write_bytes(content)
        result.files.append(path)
        return path

    import tempfile

    stage = Path(tempfile.mkdtemp(prefix="sectools-pdf-")) if fmt == "pdf" else None

    def emit(label: str, xml: str) -> None:
        if fmt == "pdf":  # the Word file only on the way to the PDF: never beside (or over) the clerk's own .docx
            path = target(label, ".pdf")
            docx = stage / (path.stem + ".docx")
            docx.write_bytes(compiled.docx_bytes(xml))
            result.files.append(docx)
            return
        if fmt == "docx":
            write(target(label, ".docx"), compiled.docx_bytes(xml))
            return
        paras = paragraphs(xml)
        title = next((t for s, t in paras if s == "GwTitle" and t.strip()), label)
        if fmt == "html":
            write(target(label, ".html"), to_html(paras, title))
        else:
            write(target(label, ".txt"), to_text(paras))

    xmls = []
    # one naming scheme: <种类>_<期间或会议>[_<对象>]; a form (no 文号) is named by its use: <种类>_<日期>_<文件>
    key = (batch.key or batch.subject) if spec.numbered else batch.key
    for rec in batch.recipients:
        xml = compiled.render_xml({**rec.context, **common})
        if progress:
            progress(rec.label)
        if combine:
            xmls.append(xml)
            continue
        emit("_".join(x for x in (kind, key, None if spec.per == ("office",) else rec.label) if x), xml)
    if combine:
        emit("_".join(x for x in (kind, key, "合并") if x), combine_xml(xmls))
    if fmt == "pdf":
        import shutil

        try:
            made = to_pdf(list(result.files), stage)
            result.files = []
            for pdf in made:
                write(out_dir.resolve() / pdf.name, pdf.read_bytes())
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return result


def _refuse_if_published(src, week: str) -> None:
    """A published week's 公示 is the one publish wrote (with its code): a second copy would carry the
    same 文号 without it, dated today."""
    if src.state_root is None:
        return
    from .statefiles import read_state, week_dir

    published = read_state(week_dir(src, week) / "published.json")
    if published:
        notice = next((f for f in published.get("files", []) if "量化考核公示" in f), "")
        raise SectoolsError(Problem("ranking-notice-published", value=week, params={
            "file": notice or "输出/排名", "at": shown_minute(published["published_at"])}))


def notice_data(source, kind: str, opts: Options | None = None):
    """A notice kind's recipients and fields, without rendering (what the equivalence tests compare)."""
    src = as_source(source)
    data = NoticeData(src)
    return KINDS[kind].build(src.office, opts or Options(), data)


__all__ = ["notice", "notice_data", "doc_number", "template_path", "NoticeData"]
