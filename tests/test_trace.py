"""Traceable numbers: every class score and every KPI total cites the clerk's cells behind it, and
those cells hold what the report says — so a 公示 objection is checked in minutes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sectools.cli import main


def cited(office: Path, source: str, books: dict):
    file, where = source.split(" › ")
    sheet, cell = where.rsplit("!", 1)
    if file not in books:
        books[file] = openpyxl.load_workbook(office / file, data_only=True)
    wb = books[file]
    ws = wb[sheet]
    return ws[cell].value, [c.value for c in ws[ws[cell].row]]


@pytest.mark.parametrize("office_name", ["demo", "relaid"])
def test_class_scores_trace_to_inspection_cells(offices, office_name):
    office = offices[office_name]
    r = CliRunner().invoke(main, ["ranking", "compute", str(office), "--week", "2026-W12", "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    classes = json.loads(r.stdout)
    books: dict = {}
    n = 0
    for c in classes:
        total = 0.0
        for rec in c["records"]:
            value, row = cited(office, rec["source"], books)
            assert value not in (None, ""), rec
            assert c["class"] in row, (rec, row)  # the cited row is this class's record
            total += rec["points"]
            n += 1
        if not any(rec["capped"] for rec in c["records"]):
            assert c["score"] == pytest.approx(100 + total), c["class"]  # base 100 + what the cells give
    assert n > 0


@pytest.mark.parametrize("office_name", ["demo", "relaid"])
def test_kpi_totals_trace_to_rating_cells(offices, office_name, tmp_path):
    office = offices[office_name]
    r = CliRunner().invoke(main, ["kpi", str(office), "--format", "json"])
    people = json.loads(r.stdout)
    books: dict = {}
    for p in people[:20]:
        assert p["sources"], p["name"]
        for s in p["sources"]:
            if " › " in (s["source"] or ""):
                value, row = cited(office, s["source"], books)
                assert value == pytest.approx(s["score"]), s
                assert p["id"] in row or p["name"] in row, (s, row)
            else:
                assert s["source"], s  # a computed indicator says how it was computed
    out = tmp_path / "kpi.xlsx"
    CliRunner().invoke(main, ["kpi", str(office), "--out", str(out)])
    ws = openpyxl.load_workbook(out)["评分明细"]
    assert any(c.hyperlink for c in ws["G"][2:])


def test_attendance_cites_the_cell_that_decided(offices):
    """迟到 decided by a sign-in time cites the 签到时间 cell (even beside a √), 早退 by a sign-out time the
    签退时间 cell; a mark that says the status cites the mark."""
    import datetime as dt

    office = offices["demo"]
    data = json.loads(CliRunner().invoke(main, ["attendance", str(office), "--format", "json"]).stdout)
    books: dict = {}
    kinds = set()
    for m in (m for p in data for m in p["meetings"] if m["source"] and "签到记录" in m["source"]):
        value, row = cited(office, m["source"], books)
        if m["status"] in ("late", "left_early") and not isinstance(value, str):
            assert isinstance(value, dt.time), m
            kinds.add(m["status"])
            if m["status"] == "left_early":
                assert value == row[6], m  # the 签退时间 column
            else:
                assert value == row[5], m  # the 签到时间 column
    assert kinds == {"late", "left_early"}
