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
