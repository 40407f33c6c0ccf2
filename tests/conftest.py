from __future__ import annotations

import os

# The Excel layer is tested through xlwings' real Server/Lite protocol: these must be set
# before xlwings is first imported (XLWINGS.md).  The key is xlwings' noncommercial licence.
os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from sectools.dates import Semester
from sectools.reader import ReadContext

SEMESTER = Semester(dt.date(2026, 3, 2), dt.date(2026, 7, 10))
CTX = ReadContext(semester=SEMESTER)


def sheets_book(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook of several sheets, each its rows as given (办公用品.xlsx: 预算, 采购登记, 领用登记)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def sheet_book(path: Path, rows: list[list], title: str = "成员", merges: tuple[str, ...] = (),
               formats: dict[str, str] | None = None, extra_sheets: dict[str, list[list]] | None = None,
               hidden: bool = False) -> Path:
    """Build a real .xlsx with openpyxl (the tests' own files, not a clerk's)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    for cell, fmt in (formats or {}).items():
        ws[cell].number_format = fmt
    for name, srows in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for r in srows:
            other.append(r)
    if hidden:
        ws.sheet_state = "hidden"
        wb.active = 1
    wb.save(path)
    return path


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def ctx() -> ReadContext:
    return CTX


@pytest.fixture(scope="session")
def demo_office(tmp_path_factory) -> tuple[Path, str]:
    """`sectools demo` run once for the session: (office folder, its output)."""
    from click.testing import CliRunner

    from sectools.cli import main

    out = tmp_path_factory.mktemp("demo") / "演示"
    r = CliRunner().invoke(main, ["demo", "--out", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out, r.output


def relayout_office(src: Path, dst: Path) -> Path:
    """The same office facts as ``src``, laid out the way another secretariat keeps them: the roster
    renamed, under two title rows, columns reversed and headed in Traditional characters; meeting
    dates and times typed as text; every department's inspections on its own sheet of one workbook
    instead of one file each; the ratings' columns shuffled."""
    import shutil

    import openpyxl

    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("输出", ".sectools", "Excel"))

    def rows_of(path: Path, sheet: str | None = None) -> list[list]:
        wb = openpyxl.load_workbook(path)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]

    def header_at(rows: list[list], first: str) -> int:
        return next(i for i, r in enumerate(rows) if r and r[0] == first)

    save = sheets_book

    cfg = (dst / "sectools.toml").read_text(encoding="utf-8")
    # roster: 成员名单.xlsx, two title rows, reversed columns, Traditional headers
    rows = rows_of(dst / "名册.xlsx", "成员")
    h = header_at(rows, "学号")
    trad = {"学号": "學號", "姓名": "姓名", "性别": "性別", "部门": "部門", "职务": "職務", "班级": "班級", "电话": "電話",
            "入职日期": "入職日期", "离任日期": "離任日期", "状态": "狀態"}
    body = [list(reversed(r)) for r in rows[h + 1:] if any(v not in (None, "") for v in r)]
    save(dst / "成员名单.xlsx", {"名单": [["財經系學生會 成員名冊"], ["（2026年春季學期）"],
                                          [trad.get(x, x) for x in reversed(rows[h])]] + body})
    (dst / "名册.xlsx").unlink()
    cfg = cfg.replace('path = "名册.xlsx"\nsheet = "成员"', 'path = "成员名单.xlsx"')
    # meetings: dates and times as text
    rows = rows_of(dst / "会议.xlsx")
    h = header_at(rows, "日期")

    def as_text(v):
        if isinstance(v, dt.datetime) and (v.hour, v.minute) == (0, 0):
            return f"{v.year}年{v.month}月{v.day}日"
        if isinstance(v, dt.time):
            return v.strftime("%H:%M")
        return v

    save(dst / "会议.xlsx", {"会议": rows[:h + 1] + [[as_text(v) for v in r] for r in rows[h + 1:]]})
    # inspections: one workbook, a sheet per department
    folder = dst / "检查记录"
    save(dst / "检查记录汇总.xlsx", {p.stem: rows_of(p) for p in sorted(folder.glob("*.xlsx"))})
    shutil.rmtree(folder)
    cfg = cfg.replace('path = "检查记录"', 'path = "检查记录汇总.xlsx"')
    # ratings: columns shuffled
    rows = rows_of(dst / "评分表.xlsx")
    h = header_at(rows, "期间")
    order = [6, 4, 5, 0, 2, 1, 3]
    save(dst / "评分表.xlsx", {"评分": [[r[i] if i < len(r) else None for i in order] for r in rows[h:]]})
    (dst / "sectools.toml").write_text(cfg, encoding="utf-8")
    assert 'path = "成员名单.xlsx"' in cfg and 'path = "检查记录汇总.xlsx"' in cfg
    return dst


@pytest.fixture(scope="session")
def offices(demo_office, tmp_path_factory) -> dict[str, Path]:
    """The demo office, and the same facts laid out differently."""
    root, _ = demo_office
    return {"demo": root, "relaid": relayout_office(root, tmp_path_factory.mktemp("relaid") / "另一个办公室")}


def traditional_office(src: Path, dst: Path) -> Path:
    """The same office facts as ``src`` kept by a Traditional-script office: every cell, sheet name and
    drop-down list of its workbooks in Traditional characters (主席團, 遲到, 學習部), and the values in
    sectools.toml too — but file and folder names (what the clerk's disk holds) and notice kinds kept."""
    import re
    import shutil

    import openpyxl

    from sectools.messages import converter

    trad = converter("s2tw").convert
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("输出", ".sectools", "Excel"))
    for path in dst.rglob("*.xlsx"):
        wb = openpyxl.load_workbook(path)  # a test's own copy, never a clerk's file
        for ws in wb.worksheets:
            ws.title = trad(ws.title)
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = trad(cell.value)
            for dv in ws.data_validations.dataValidation:
                dv.formula1 = trad(dv.formula1) if dv.formula1 else dv.formula1
        wb.save(path)
    toml = dst / "sectools.toml"
    lines = toml.read_text("utf-8").splitlines()
    toml.write_text("\n".join(ln if re.match(r"\s*(path|folder|notice)\s*=", ln) else trad(ln) for ln in lines) + "\n",
                    "utf-8")
    return dst
