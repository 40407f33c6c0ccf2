"""Every output kind of the demo office as pictures, to look at before calling a change finished.

    python bench/gallery.py [OUT]          (default: ./gallery, which is not committed)

Makes the demo office in a temporary folder, renders every notice kind (one file of each) in both
styles — the demo's plain one, then again with ``[notices] style = "formal"`` (red 版头 and rule, 版记) —
and every report workbook to PDF through LibreOffice, then the first pages to PNG with ``pdftoppm``,
and writes ``OUT/index.html`` with the pictures, their page counts and any ``###`` a workbook shows.
Needs LibreOffice (``soffice``) and poppler-utils.  A script, not a test.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PAGES = 2  # pictures per document


def pick(outputs: Path) -> list[Path]:
    """One document of each kind: every report workbook, and the first file of each notice kind."""
    chosen: dict[str, Path] = {}
    for p in sorted(outputs.rglob("*")):
        if p.suffix not in (".xlsx", ".docx") or "备份" in p.parts or p.name.startswith((".", "~$")):
            continue
        kind = p.stem.split("_")[0] if p.suffix == ".docx" else re.sub(r"_\d{4}.*$", "", p.stem)
        if p.name.endswith("_封单.xlsx"):
            kind += "_封单"
        chosen.setdefault(kind, p)
    return list(chosen.values())


OPTIONS = {"催办通知": ["--month", "2026-03"], "考核结果通知": ["--period", "2026-03"]}


def formal(office: Path, out: Path) -> list[Path]:
    """The first file of each notice kind again, in the formal style (the demo office is the script's own)."""
    cfg = office / "sectools.toml"
    text = cfg.read_text(encoding="utf-8").replace('style = "plain"', 'style = "formal"\ncopy_to = "院团委"', 1)
    cfg.write_text(text, encoding="utf-8")
    kinds = subprocess.run([sys.executable, "-m", "sectools", "notices", "list"], capture_output=True,
                           text=True).stdout.splitlines()
    kinds = [line.split("\t")[0] for line in kinds if line.strip()]
    chosen = []
    for kind in [k for k in kinds if k in {p.parent.name for p in (office / "输出" / "通知").rglob("*.docx")}]:
        subprocess.run([sys.executable, "-m", "sectools", "notices", "render", kind, str(office), "--out",
                        str(out / kind), "--date", "2026-07-10"] + OPTIONS.get(kind, []), capture_output=True)
        first = sorted((out / kind).glob("*.docx"))[:1]
        chosen += first
    return chosen


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "gallery").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sectools-gallery-") as tmp:
        office = Path(tmp) / "演示"
        subprocess.run([sys.executable, "-m", "sectools", "demo", "--out", str(office)], check=True,
                       capture_output=True)
        docs = pick(office / "输出")
        docs += formal(office, Path(tmp) / "正式")
        staged = []
        for k, p in enumerate(docs):  # plain ASCII names for LibreOffice, one run for all
            q = Path(tmp) / f"{k:02d}{p.suffix}"
            shutil.copyfile(p, q)
            staged.append((p, q))
        profile = Path(tmp) / "lo"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out)] + [str(q) for _, q in staged], capture_output=True, timeout=900)
        rows = []
        for p, q in staged:
            pdf = out / (q.stem + ".pdf")
            if not pdf.exists():
                rows.append((p, 0, [], "not converted"))
                continue
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            note = "### shown" if "###" in text else ""
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", str(PAGES), str(pdf), str(out / q.stem)],
                           check=True)
            pngs = sorted(out.glob(q.stem + "-*.png"))
            rows.append((p, pages, pngs, note))
            print(f"{p.relative_to(office) if p.is_relative_to(office) else '正式/' + p.name}: {pages} page(s) {note}")
    parts = ["<!DOCTYPE html><html lang='zh'><meta charset='utf-8'><title>sectools gallery</title>",
             "<style>body{font-family:sans-serif}figure{display:inline-block;margin:8px;vertical-align:top}"
             "img{border:1px solid #999;max-width:420px}</style><h1>sectools — the demo office's outputs</h1>"]
    for p, pages, pngs, note in rows:
        style = "（正式）" if "正式" in p.parts else ""
        parts.append(f"<h2>{html.escape(p.name)}{style} — {pages} page(s) {html.escape(note)}</h2>")
        parts += [f"<figure><img src='{png.name}'></figure>" for png in pngs]
    (out / "index.html").write_text("\n".join(parts), encoding="utf-8")
    print(out / "index.html")


if __name__ == "__main__":
    main()
