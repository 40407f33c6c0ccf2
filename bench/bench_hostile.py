"""Hostile files: how fast and in how little memory each is refused, whole process.

    python bench/bench_hostile.py

Builds each hostile input in a temporary office (nothing is committed), runs ``sectools check`` on it
(or the command the case needs) in its own process, and prints wall seconds, the child's peak memory and the exit code, beside the
same check on the untouched blank office.  Target (issue 13): every hostile file refused in < 1 s
and < 200 MB, exit 1 — never an abort (rc 134) or a memory blow-up.  A benchmark, not a test.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def _rewrite_sheet(book: Path, edit) -> None:
    parts = {}
    with zipfile.ZipFile(book) as z:
        for i in z.infolist():
            parts[i.filename] = z.read(i.filename)
    name = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    parts[name] = edit(parts[name])
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def far_cell(ref: bytes):
    def make(office: Path) -> None:
        _rewrite_sheet(office / "名册.xlsx", lambda xml: xml.replace(
            b"</sheetData>", b'<row r="1048576"><c r="' + ref + b'"><v>1</v></c></row></sheetData>'))
    return make


def zip_bomb(office: Path) -> None:
    row = b"".join(b'<c r="%s%d"><v>1</v></c>' % (col, r) for r in range(2, 3) for col in (b"A", b"B"))
    body = b"<row>" + b"<c><v>1</v></c>" * 200 + b"</row>"
    _rewrite_sheet(office / "名册.xlsx", lambda xml: xml.replace(b"</sheetData>", row + body * 100_000
                                                                + b"</sheetData>"))


def long_csv(office: Path) -> None:
    (office / "名册.xlsx").unlink()
    (office / "名册.csv").write_text("学号,姓名,部门\n" + "1,甲,秘书处\n" * 2000 + "," * 200_000 + "\n", encoding="utf-8")
    cfg = office / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('path = "名册.xlsx"', 'path = "名册.csv"'), encoding="utf-8")


def stray_value(office: Path) -> None:
    _rewrite_sheet(office / "名册.xlsx", lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1000000"><c r="J1000000"><v>1</v></c></row></sheetData>'))


def inflating_strings(office: Path) -> None:
    """~100 KB on disk, 900 MB of shared strings inflated."""
    book = office / "名册.xlsx"
    parts = {}
    with zipfile.ZipFile(book) as z:
        for i in z.infolist():
            parts[i.filename] = z.read(i.filename)
    parts["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                                     + b"a" * (900 << 20) + b"</t></si></sst>")
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def xls_far_value(office: Path) -> None:
    import xlwt

    w = xlwt.Workbook()
    s = w.add_sheet("成员")
    for j, h in enumerate(["学号", "姓名", "部门"]):
        s.write(0, j, h)
    s.write(65535, 255, 1)
    w.save(str(office / "名册.xls"))
    (office / "名册.xlsx").unlink()
    cfg = office / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('path = "名册.xlsx"', 'path = "名册.xls"'), encoding="utf-8")


def word_form_bomb(office: Path) -> None:
    """A plan form whose body inflates to 700 MB from about 1 MB."""
    import docx

    month = office / "计划总结" / "2026-03"
    month.mkdir(parents=True, exist_ok=True)
    d = docx.Document()
    d.add_paragraph("部门：外联部")
    d.save(month / "外联部计划.docx")
    form = month / "外联部计划.docx"
    parts = {}
    with zipfile.ZipFile(form) as z:
        for i in z.infolist():
            parts[i.filename] = z.read(i.filename)
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"</w:body>", b"<w:p/>" * (120 << 20) + b"</w:body>")
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


CASES = {
    "blank office (yardstick)": None,
    'far cell r="XFD1048576"': far_cell(b"XFD1048576"),
    'lower case r="xfd1048576"': far_cell(b"xfd1048576"),
    'leading zeros r="XFD00001048576"': far_cell(b"XFD00001048576"),
    'past the grid r="A99999999"': far_cell(b"A99999999"),
    "zip bomb (20 M cells, ~1 MB)": zip_bomb,
    "CSV with a 200,000-comma row": long_csv,
    "stray value at J1000000": stray_value,
    "900 MB of shared strings in ~1 MB": inflating_strings,
    ".xls with a value at IV65536": xls_far_value,
    "Word plan form inflating to 700 MB": word_form_bomb,
}


WRAP = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


COMMAND = {"Word plan form inflating to 700 MB": ["plans", "collect"]}


def run(office: Path, command=("check",)) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit code of ``sectools check`` (a wrapper process of its own,
    so the peak is this run's alone)."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAP, sys.executable, "-m", "sectools", *command, str(office)],
                         capture_output=True, text=True).stdout.split()
    wall = time.perf_counter() - t
    return wall, int(out[0]) / 1024, int(out[1])


def main() -> None:
    print(f"{'case':36} {'wall s':>7} {'peak MB':>8} {'rc':>3}")
    for name, make in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            office = Path(tmp) / "office"
            subprocess.run([sys.executable, "-m", "sectools", "init", str(office)], capture_output=True, check=True)
            if make:
                make(office)
            wall, peak, rc = run(office, COMMAND.get(name, ("check",)))
            print(f"{name:36} {wall:7.2f} {peak:8.0f} {rc:3d}")


if __name__ == "__main__":
    main()
