"""The reader on real messy workbooks, built here the way clerks make them."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from sectools.reader import Limits, ReadContext, read_table
from sectools.roster import ROSTER

from .conftest import CTX, SEMESTER, sheet_book


def cells(table):
    return [(p.cell, p.code) for p in table.problems]


def test_title_rows_two_row_merged_header_traditional_fullwidth(tmp_path):
    path = sheet_book(tmp_path / "名册.xlsx", [
        ["财经系学生会成员名册"],
        ["制表日期：2026年3月1日", None, None, None, "单位：人"],
        [],
        ["序號", "學　號", "姓 名", "基本信息", None, "備註"],
        [None, None, None, "部門", "入職日期", None],
        [1, "２０２４０１０１０１", "  张　三 ", "秘书处", "2026年3月2日", "x"],
        [2, "2024010102", "李 四", "宣传部", "2026/3/5", None],
    ], merges=("A1:F1", "B4:B5", "C4:C5", "A4:A5", "D4:E4"))
    t = read_table(path, ROSTER, context=CTX)
    assert t.header_row == 3 and t.sheet == "成员"
    assert t.data["id"].tolist() == ["2024010101", "2024010102"]
    assert t.data["name"].tolist() == ["张三", "李四"]
    assert t.data["department"].tolist() == ["秘书处", "宣传部"]
    assert t.data["joined"].tolist() == [dt.date(2026, 3, 2), dt.date(2026, 3, 5)]
    assert t.data["_row"].tolist() == [5, 6]
    assert t.problems == []


def test_columns_any_order_english_headers_extra_columns_ignored(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [
        ["Remarks", "Department", "Name", "Student ID", "Hobby"],
        ["", "外联部", "Wang Wei", "S001", "chess"],
    ])
    t = read_table(path, ROSTER, context=CTX)
    assert t.columns == {"department": 1, "name": 2, "id": 3}
    assert t.data.loc[0, ["id", "name", "department"]].tolist() == ["S001", "Wang Wei", "外联部"]


def test_blank_total_and_footer_rows_dropped(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [
        ["序号", "学号", "姓名", "部门"],
        [1, "001", "甲", "秘书处"],
        [None, None, None, None],
        [2, "002", "乙", "秘书处"],
        ["合  计", None, None, "2人"],
        [None, None, "总計", None],
        ["注：本表每学期更新", None, None, None],
        ["制表人：张三", None, None, None],
    ])
    t = read_table(path, ROSTER, context=CTX)
    assert t.data["name"].tolist() == ["甲", "乙"]
    assert t.problems == []


def test_ids_as_numbers_text_apostrophe_and_exponent_floats(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [
        ["学号", "姓名", "部门", "电话"],
        [2.0260001e7, "甲", "秘书处", 13812345678],
        ["02024001", "乙", "秘书处", "'13812345679"],
        ["'02024002", "丙", "秘书处", None],
        ["2.0260003E+07", "丁", "秘书处", None],
        ["110101199003071234", "戊", "秘书处", None],
        ["2024005.0", "己", "秘书处", None],
    ])
    t = read_table(path, ROSTER, context=CTX)
    assert t.data["id"].tolist() == ["20260001", "02024001", "02024002", "20260003", "110101199003071234",
                                     "2024005"]
    assert t.data["phone"].tolist()[:2] == ["13812345678", "13812345679"]
    assert t.problems == []


def test_an_18_digit_id_stored_as_a_number_is_reported(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [["学号", "姓名", "部门"], [110101199003071234, "甲", "秘书处"]])
    t = read_table(path, ROSTER, context=CTX)
    assert cells(t) == [("A2", "id-precision-lost")]
    assert t.problems[0].severity == "warning"


@pytest.mark.parametrize("typed, expected", [
    (dt.datetime(2026, 3, 2), dt.date(2026, 3, 2)),
    (46083, dt.date(2026, 3, 2)),  # a serial in a cell with no date format
    ("2026-03-02", dt.date(2026, 3, 2)),
    ("2026/3/2", dt.date(2026, 3, 2)),
    ("2026.3.2", dt.date(2026, 3, 2)),
    ("2026年3月2日", dt.date(2026, 3, 2)),
    ("２０２６年３月２日", dt.date(2026, 3, 2)),
    ("3月2日", dt.date(2026, 3, 2)),  # the year from the semester
    ("2026年3月2日 星期一", dt.date(2026, 3, 2)),
    ("20260302", dt.date(2026, 3, 2)),
    ("2026-03-02 19:05", dt.date(2026, 3, 2)),
])
def test_every_date_form(tmp_path, typed, expected):
    path = sheet_book(tmp_path / "r.xlsx", [["学号", "姓名", "部门", "入职日期"], ["1", "甲", "秘书处", typed]])
    t = read_table(path, ROSTER, context=CTX)
    assert t.data["joined"].tolist() == [expected]
    assert t.problems == []


def test_month_day_takes_the_year_across_new_year():
    from sectools.dates import Semester, parse_date

    autumn = Semester(dt.date(2025, 9, 1), dt.date(2026, 1, 20))
    assert parse_date("10月8日", autumn) == dt.date(2025, 10, 8)
    assert parse_date("1月5日", autumn) == dt.date(2026, 1, 5)
    assert parse_date("2月30日", autumn) is None


@pytest.mark.parametrize("typed, expected", [
    ("19:05", dt.time(19, 5)), ("19:05:00", dt.time(19, 5)), ("下午7:05", dt.time(19, 5)),
    ("晚上7点05分", dt.time(19, 5)), ("7:05 PM", dt.time(19, 5)), ("19：05", dt.time(19, 5)),
    (0.795138888888889, dt.time(19, 5)), (dt.time(19, 5), dt.time(19, 5)), ("上午9点半", dt.time(9, 30)),
    ("25:00", None), ("迟到", None),
])
def test_times(typed, expected):
    from sectools.dates import parse_time

    assert parse_time(typed) == expected


def test_bad_values_are_problems_with_cell_value_and_hint(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [
        ["名册"],
        ["学号", "姓名", "部门", "入职日期", "状态", "职务"],
        ["1", "甲", "秘书处", "三月二号", "在職", "干事"],
        ["2", None, "秘书处", None, "休假", "组长"],
        ["1", "丙", "秘书处", None, "撤職", None],
    ])
    t = read_table(path, ROSTER, context=CTX)
    assert sorted(cells(t)) == sorted([("D3", "bad-date"), ("E4", "bad-choice"), ("F4", "bad-choice"),
                                       ("B4", "missing-value"), ("A5", "duplicate-id")])
    assert t.data["status"].tolist() == ["在任", None, "撤职"]
    msg = {p.cell: p for p in t.problems}
    msg = {"bad-date": msg["D3"], "bad-choice": msg["E4"], "duplicate-id": msg["A5"]}
    assert msg["bad-date"].location() == "r.xlsx › 成员!D3"
    assert "三月二号" in msg["bad-date"].message() and "2026/3/2" in msg["bad-date"].message()
    assert "在任" in msg["bad-choice"].message()
    assert "A3" in msg["duplicate-id"].message()
    en = msg["bad-date"].message("en")
    assert "not a date" in en and "三月二号" in en
    assert "遲" not in msg["bad-date"].message("zh-TW") and "日期" in msg["bad-date"].message("zh-TW")


def test_merged_department_cell_fills_its_rows(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [
        ["部门", "学号", "姓名"],
        ["秘书处", "1", "甲"], [None, "2", "乙"], [None, "3", "丙"],
        ["宣传部", "4", "丁"],
    ], merges=("A2:A4",))
    t = read_table(path, ROSTER, context=CTX)
    assert t.data["department"].tolist() == ["秘书处", "秘书处", "秘书处", "宣传部"]


def test_table_found_on_a_hidden_sheet_and_by_header_among_sheets(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [["学号", "姓名", "部门"], ["1", "甲", "秘书处"]], title="数据",
                      hidden=True, extra_sheets={"说明": [["本工作簿说明"]]})
    t = read_table(path, ROSTER, context=CTX)
    assert t.sheet == "数据" and len(t) == 1


def test_missing_sheet_and_missing_required_column(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [["学号", "部门", "电话"], ["1", "秘书处", "1"]])
    t = read_table(path, ROSTER, sheet="名单", context=CTX)
    assert cells(t) == [(None, "sheet-not-found")] and "成员" in t.problems[0].message()
    t = read_table(path, ROSTER, context=CTX)
    assert [p.code for p in t.problems] == ["missing-column"]
    assert "姓名" in t.problems[0].message()
    t = read_table(path, ROSTER, sheet=" 成员 ", context=CTX)  # forgiving about spaces
    assert t.sheet == "成员"


def test_no_table_at_all(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [["随便写的笔记"], ["没有表头"]])
    t = read_table(path, ROSTER, context=CTX)
    assert [p.code for p in t.problems] == ["table-not-found"] and len(t) == 0


def test_same_name_two_ids_is_a_warning(tmp_path):
    from sectools.roster import check_roster

    path = sheet_book(tmp_path / "r.xlsx", [["学号", "姓名", "部门"], ["1", "张伟", "秘书处"],
                                            ["2", "张伟", "宣传部"]])
    t = read_table(path, ROSTER, context=CTX)
    probs = check_roster(t, ("秘书处", "宣传部"))
    assert [(p.cell, p.code, p.severity) for p in probs] == [("B3", "ambiguous-name", "warning")]
    assert "1（A2）" in probs[0].message() and "2（A3）" in probs[0].message()


def test_csv_utf8_and_gbk(tmp_path):
    text = "学号,姓名,部门\n001,张三,秘书处\n"
    (tmp_path / "u.csv").write_text(text, encoding="utf-8-sig")
    (tmp_path / "g.csv").write_bytes(text.encode("gbk"))
    for name in ("u.csv", "g.csv"):
        t = read_table(tmp_path / name, ROSTER, context=CTX)
        assert t.data["id"].tolist() == ["001"] and t.data["name"].tolist() == ["张三"], name


def test_xls_and_xlsm(tmp_path):
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("成员")
    for r, row in enumerate([["学号", "姓名", "部门"], ["2024001", "甲", "秘书处"]]):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    wb.save(str(tmp_path / "old.xls"))
    t = read_table(tmp_path / "old.xls", ROSTER, context=CTX)
    assert t.data["id"].tolist() == ["2024001"] and t.problems == []

    import openpyxl

    sheet_book(tmp_path / "m.xlsx", [["学号", "姓名", "部门"], ["1", "甲", "秘书处"]])
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    book.save(tmp_path / "m.xlsm")
    assert len(read_table(tmp_path / "m.xlsm", ROSTER, context=CTX)) == 1


# ---- files that are not readable: one clear problem each --------------------------------------
def one(path, limits: Limits | None = None):
    ctx = ReadContext(semester=SEMESTER, limits=limits) if limits else CTX
    t = read_table(path, ROSTER, context=ctx)
    assert len(t.problems) == 1, t.problems
    p = t.problems[0]
    assert p.file == Path(path).name and p.message() and p.message("en")
    return p.code


def test_unreadable_files(tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert one(tmp_path / "empty.xlsx") == "file-empty"
    (tmp_path / "notes.xlsx").write_text("这其实是文本文件", encoding="utf-8")
    assert one(tmp_path / "notes.xlsx") == "not-a-workbook"
    (tmp_path / "scan.xlsx").write_bytes(b"%PDF-1.7 ...")
    assert one(tmp_path / "scan.xlsx") == "not-a-workbook"
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    (tmp_path / "cut.xlsx").write_bytes(good.read_bytes()[:700])
    assert one(tmp_path / "cut.xlsx") == "corrupt-workbook"
    assert one(tmp_path / "nothere.xlsx") == "file-not-found"
    (tmp_path / "表.et").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert one(tmp_path / "表.et") == "wps-format"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("Index/Document.iwa", b"x")
    (tmp_path / "表.numbers").write_bytes(buf.getvalue())
    assert one(tmp_path / "表.numbers") == "numbers-format"
    (tmp_path / "disguised.xlsx").write_bytes(buf.getvalue())
    assert one(tmp_path / "disguised.xlsx") == "numbers-format"


def test_password_protected(tmp_path):
    import msoffcrypto

    plain = sheet_book(tmp_path / "plain.xlsx", [["学号", "姓名"], ["1", "甲"]])
    enc = tmp_path / "locked.xlsx"
    with open(plain, "rb") as src, open(enc, "wb") as dst:
        f = msoffcrypto.OfficeFile(src)
        f.encrypt("secret", dst)
    assert one(enc) == "password-protected"


def test_strict_open_xml(tmp_path):
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    out = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                    b"http://purl.oclc.org/ooxml/spreadsheetml/main")
            zout.writestr(item, data)
    assert one(out) == "strict-ooxml"


def _with_sheet_xml(src: Path, dst: Path, sheet_xml: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            zout.writestr(item.filename, data)
    return dst


def test_zip_bomb_refused_quickly(tmp_path):
    import time

    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    # 300 MB of blank rows that compress to a few hundred KB.
    filler = b"<row/>" * (50 * 1024 * 1024)
    xml = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b"<sheetData>" + filler + b"</sheetData></worksheet>")
    bomb = _with_sheet_xml(good, tmp_path / "bomb.xlsx", xml)
    assert bomb.stat().st_size < 2_000_000
    t0 = time.perf_counter()
    assert one(bomb, Limits(max_uncompressed=100 * 1024 * 1024)) == "workbook-too-large"
    assert time.perf_counter() - t0 < 5


def test_zip_part_lying_about_its_size_is_caught_while_inflating(tmp_path):
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           + b"<row/>" * 400_000 + b"</sheetData></worksheet>")
    bomb = _with_sheet_xml(good, tmp_path / "liar.xlsx", xml)
    data = bytearray(bomb.read_bytes())
    # Shrink the declared size of the sheet part in the central directory to 100 bytes.
    name = b"xl/worksheets/sheet1.xml"
    pos = data.find(b"PK\x01\x02")
    while data[pos + 46:pos + 46 + int.from_bytes(data[pos + 28:pos + 30], "little")] != name:
        pos = data.find(b"PK\x01\x02", pos + 4)
    data[pos + 24:pos + 28] = (100).to_bytes(4, "little")
    liar = tmp_path / "liar2.xlsx"
    liar.write_bytes(bytes(data))
    code = one(liar, Limits(max_uncompressed=1024 * 1024))
    assert code in ("workbook-too-large", "corrupt-workbook")


def test_huge_extent_with_two_cells_is_refused_before_parsing(tmp_path):
    """A1 and XFD1048576: the parser would allocate 17 billion cells and abort the process."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "成员"
    ws["A1"] = "学号"
    ws["B1"] = "姓名"
    ws["XFD1048576"] = "far away"
    wb.save(tmp_path / "far.xlsx")
    t = read_table(tmp_path / "far.xlsx", ROSTER, context=CTX)
    assert [p.code for p in t.problems] == ["sheet-extent-too-large"]
    assert "XFD1048576" in t.problems[0].message()


def test_too_many_cells(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [["学号", "姓名"]] + [[str(i), "甲"] for i in range(600)])
    assert one(path, Limits(max_cells=1000)) == "too-many-cells"


def test_xml_entity_bomb_in_workbook_part(tmp_path):
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    out = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                dtd = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                data = data.replace(b"?>", b"?>" + dtd, 1) if data.startswith(b"<?xml") else dtd + data
            zout.writestr(item.filename, data)
    assert one(out) == "corrupt-workbook"


def test_a_declared_huge_dimension_alone_is_harmless(tmp_path):
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名", "部门"], ["1", "甲", "秘书处"]])
    xml = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    import re

    xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
    t = read_table(_with_sheet_xml(good, tmp_path / "dim.xlsx", xml), ROSTER, context=CTX)
    assert t.problems == [] and t.data["name"].tolist() == ["甲"]


def test_far_cell_hidden_behind_odd_attribute_spelling_is_still_found(tmp_path):
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    for far in (b'<c\nr="XFD1048576"><v>1</v></c>', b"<c r='XFD1048576'><v>1</v></c>",
                b'<c s="0" r="XFD1048576"><v>1</v></c>',
                b'<c r="xfd1048576"><v>1</v></c>',  # lower case: the parser reads it, the guard must too
                b'<c r="XFD00001048576"><v>1</v></c>',  # leading zeros
                b'<c r="Xfd0001048576"><v>1</v></c>',
                b'<c r="A99999999"><v>1</v></c>', b'<c r="B2000000"><v>1</v></c>',  # past Excel's last row
                b'<c r="AAAA1"><v>1</v></c>'):  # past Excel's last column
        xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>' + far + b"</row></sheetData></worksheet>")
        path = _with_sheet_xml(good, tmp_path / "odd.xlsx", xml)
        assert one(path) == "sheet-extent-too-large", far


def test_numbers_typed_as_text_and_a_custom_spec(tmp_path):
    from sectools.schema import Field, TableSpec

    spec = TableSpec("scores", "分数", (
        Field("cls", ("班级",), "text", True),
        Field("count", ("次数",), "int"),
        Field("score", ("分值", "得分"), "number"),
        Field("at", ("时间",), "time"),
    ))
    path = sheet_book(tmp_path / "s.xlsx", [
        ["班级", "次数", "得分", "时间"],
        ["会计2401", "１２", "3.5", "19:05"],
        ["会计2402", 3, "1,200", "下午7:05"],
        ["会计2403", "2.5", "85%", "晚饭后"],
    ])
    t = read_table(path, spec, context=CTX)
    assert t.data["count"].tolist() == [12, 3, None]
    assert t.data["score"].tolist() == [3.5, 1200.0, 0.85]
    assert t.data["at"].tolist() == [dt.time(19, 5), dt.time(19, 5), None]
    assert cells(t) == [("B4", "bad-number"), ("D4", "bad-time")]


def test_a_sheet_another_table_fits_better_is_not_read_as_this_one():
    """A book with meetings and a sign-in log but no leave sheet: the meetings (日期, 会议名称, 类型)
    are not leave requests, and the log is not the meetings table."""
    from sectools.attendance.schema import LEAVE_TABLE, MEETINGS
    from sectools.reader import MemoryWorkbook, read_table_from
    from sectools.tables import RIVALS

    from . import test_attendance as ta

    wb = MemoryWorkbook("考勤.xlsx", {"会议": ta.MEETINGS, "签到": ta.log_rows()})
    leaves = read_table_from(wb, LEAVE_TABLE, context=CTX, rivals=RIVALS)
    assert leaves.header_row is None and [p.code for p in leaves.problems] == ["table-not-found"]
    assert read_table_from(wb, LEAVE_TABLE, context=CTX).sheet == "会议"  # what happened without rivals
    only_log = MemoryWorkbook("签到.xlsx", {"签到": ta.log_rows()})
    assert read_table_from(only_log, MEETINGS, context=CTX, rivals=RIVALS).header_row is None
    # named explicitly, a sheet is read as the table it is named for
    assert read_table_from(wb, LEAVE_TABLE, sheet="会议", context=CTX, rivals=RIVALS).sheet == "会议"


def test_a_csv_with_one_very_long_row_is_refused_before_padding(tmp_path):
    """200,000 commas on one line: padding 2,000 rows out to it would take gigabytes."""
    import resource
    import time

    path = tmp_path / "名册.csv"
    path.write_text("学号,姓名\n" + "1,甲\n" * 2000 + "," * 200_000 + "\n", encoding="utf-8")
    t0, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert one(path) == "sheet-extent-too-large"
    assert time.perf_counter() - t0 < 2
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200


# ---- guards measured against what the parser really allocates --------------------------------------
def _sheet(cells_xml: bytes) -> bytes:
    return (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\xad\xa6\xe5\x8f\xb7</t></is></c>'
            b'<c r="B1" t="inlineStr"><is><t>\xe5\xa7\x93\xe5\x90\x8d</t></is></c>'
            b'<c r="C1" t="inlineStr"><is><t>\xe9\x83\xa8\xe9\x97\xa8</t></is></c></row>'
            b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>'
            b'<c r="C2" t="inlineStr"><is><t>x</t></is></c></row>'
            + cells_xml + b"</sheetData></worksheet>")


def test_a_stray_value_far_down_a_nearly_empty_sheet_is_refused_with_its_extent(tmp_path):
    """A1 and J1000000 is a 10-million-cell allocation from a few KB; formatting far away, and the
    empty rows LibreOffice writes down to row 1048576, are nothing the parser places."""
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    far = _with_sheet_xml(good, tmp_path / "far.xlsx", _sheet(b'<row r="1000000"><c r="J1000000"><v>1</v></c></row>'))
    t = read_table(far, ROSTER, context=CTX)
    assert [p.code for p in t.problems] == ["sheet-extent-too-large"]
    assert "J1000000" in t.problems[0].message()
    styled = _with_sheet_xml(good, tmp_path / "styled.xlsx",
                             _sheet(b'<row r="1000000"><c r="J1000000" s="0"/></row>'))
    rows = b"".join(b'<row r="%d" ht="12.8" customHeight="false"/>' % r for r in range(1_048_000, 1_048_577))
    lo = _with_sheet_xml(good, tmp_path / "lo.xlsx", _sheet(rows))
    for path in (styled, lo):
        t = read_table(path, ROSTER, context=CTX)
        assert t.problems == [] and t.data["name"].tolist() == ["x"], path.name


def test_a_small_file_inflating_to_hundreds_of_mb_is_refused_by_its_ratio(tmp_path):
    """An 880 KB workbook inflating to 900 MB was read under the absolute limit: past 64 MB the
    inflated size may be at most 100 times the file's."""
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    big = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' + b"a" * (90 << 20) + b"</t></si></sst>"
    out = tmp_path / "sst.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
        zout.writestr("xl/sharedStrings.xml", big)
    assert out.stat().st_size < 1_000_000
    t = read_table(out, ROSTER, context=CTX)
    assert [p.code for p in t.problems] == ["workbook-too-large"]
    assert "100" in t.problems[0].message()


def test_cells_past_the_limit_stop_the_count_at_once(tmp_path):
    good = sheet_book(tmp_path / "good.xlsx", [["学号", "姓名"], ["1", "甲"]])
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(3, 3000))
    path = _with_sheet_xml(good, tmp_path / "many.xlsx", _sheet(rows))
    t = read_table(path, ROSTER, context=ReadContext(semester=SEMESTER, limits=Limits(max_cells=1000)))
    assert [p.code for p in t.problems] == ["too-many-cells"]
    assert "1,000" in t.problems[0].message()


def test_an_xls_with_a_value_at_its_last_cell_is_refused_before_parsing(tmp_path):
    """A 6 KB .xls with a cell at (65535, 255) took 1.2 GB: its cell records bound the sheet now.
    A blank (formatted) cell there is nothing, and an ordinary .xls still reads."""
    import xlwt

    def book(name, far=None, style=None):
        w = xlwt.Workbook()
        s = w.add_sheet("成员")
        for j, h in enumerate(["学号", "姓名", "部门"]):
            s.write(0, j, h)
            s.write(1, j, ["1", "甲", "秘书处"][j])
        w.add_sheet("备注").write(0, 0, "x")
        if far is not None:
            s.write(65535, 255, far, style) if style else s.write(65535, 255, far)
        w.save(str(tmp_path / name))
        return tmp_path / name

    far = book("far.xls", 1)
    assert far.stat().st_size < 10_000
    t = read_table(far, ROSTER, context=CTX)
    assert [p.code for p in t.problems] == ["sheet-extent-too-large"] and "IV65536" in t.problems[0].message()
    for path in (book("blank.xls", None, xlwt.easyxf("font: bold on")), book("plain.xls")):
        t = read_table(path, ROSTER, context=CTX)
        assert t.problems == [] and t.data["name"].tolist() == ["甲"], path.name


def test_word_forms_and_templates_are_guarded_like_workbooks(tmp_path):
    """A 1 MB plan form whose body inflated to 755 MB ran to 9.9 GB in python-docx; the same file as
    a notice template 6.7 GB.  Both are refused before parsing, quickly."""
    import time

    import docx

    from sectools.errors import UnreadableFile
    from sectools.reader.docx import docx_sheets
    from sectools.reader.guard import DEFAULT_LIMITS, guard_docx

    d = docx.Document()
    d.add_paragraph("部门：外联部")
    d.save(tmp_path / "plan.docx")
    assert docx_sheets(tmp_path / "plan.docx", "plan.docx")[0].rows
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(tmp_path / "plan.docx") as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p/>" * ((40 << 20) // 6) + b"</w:body>")
            zout.writestr(item.filename, data)
    assert bomb.stat().st_size < 1_000_000
    t0 = time.perf_counter()
    with pytest.raises(UnreadableFile) as e:
        docx_sheets(bomb, "bomb.docx")
    assert time.perf_counter() - t0 < 5
    assert e.value.problems[0].code == "document-too-large" and "bomb.docx" in e.value.problems[0].location()
    with pytest.raises(UnreadableFile):
        guard_docx(bomb.read_bytes(), DEFAULT_LIMITS, "会议通知.docx")


def test_a_very_large_sheet_is_parsed_in_a_child_with_limits(tmp_path):
    """Past ``isolate_extent`` a sheet is parsed in a child process: the same rows come back, and a
    sheet that needs more memory or time than allowed is refused — the main process lives on."""
    from sectools import isolate

    if not isolate.available():
        pytest.skip("no fork here")
    rows = [["学号", "姓名", "部门"]] + [[str(i), f"成员{i}", "秘书处"] for i in range(1, 30001)]
    path = sheet_book(tmp_path / "big.xlsx", rows)
    plain = read_table(path, ROSTER, context=CTX)
    child = read_table(path, ROSTER, context=ReadContext(semester=SEMESTER, limits=Limits(isolate_extent=100)))
    assert child.problems == [] and child.data["name"].tolist() == plain.data["name"].tolist()
    assert len(child.data) == 30000
    # In a fresh process (a long-running one may still have free heap the child can use unchecked):
    import subprocess
    import sys

    code = ("import sys, datetime as dt; from sectools.reader import Limits, ReadContext, read_table; "
            "from sectools.roster import ROSTER; t = read_table(sys.argv[1], ROSTER, context=ReadContext("
            "semester=(dt.date(2026, 3, 1), dt.date(2026, 7, 10)), limits=Limits(isolate_extent=100, max_memory=1))); "
            "print([p.code for p in t.problems]); print(t.problems[0].message() if t.problems else '')")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "['sheet-too-costly']" in r.stdout and "内存" in r.stdout, (r.stdout, r.stderr)


def test_the_child_process_limits_hold(tmp_path):
    from sectools import isolate

    if not isolate.available():
        pytest.skip("no fork here")
    import time

    assert isolate.run_limited(sum, ([1, 2, 3],), memory=1 << 30, seconds=30) == 6
    with pytest.raises(isolate.Limited) as e:
        isolate.run_limited(bytearray, (8 << 30,), memory=256 << 20, seconds=30)
    assert e.value.kind in ("memory", "died")
    t0 = time.perf_counter()
    with pytest.raises(isolate.Limited) as e:
        isolate.run_limited(time.sleep, (30,), memory=1 << 30, seconds=0.5)
    assert e.value.kind == "time" and time.perf_counter() - t0 < 5
    with pytest.raises(ZeroDivisionError):
        isolate.run_limited(divmod, (1, 0), memory=1 << 30, seconds=30)


def test_the_sheet_scan_bounds_every_reference_wherever_it_lies(monkeypatch):
    """The scan reads a piece reference by reference only when one search finds something past the
    rows and columns seen so far; whatever the piece boundaries, its bounds are never below the
    farthest cell the parser would place — a far cell late in the sheet, lower case, leading zeros,
    a wider column long after the first wide one — and a plain dense sheet is read without a refusal."""
    import random
    import re

    from sectools.errors import UnreadableFile
    from sectools.reader import guard

    monkeypatch.setattr(guard, "CHUNK", 2048)  # many small pieces: every boundary case turns up
    rng = random.Random(15)
    odd = [b'<c r="%s"><v>1</v></c>' % r for r in (b"xfd9", b"AB0012", b"XFD1048576", b"ZZ300", b"ABC40",
                                                      b"XFC41", b"B1048576", b"J999999", b"K5000")]
    for trial in range(120):
        rows = []
        for r in range(1, rng.randint(2, 400)):
            cells = b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c, r, r) for c in (b"A", b"B", b"C"))
            if rng.random() < 0.02:
                cells += rng.choice(odd)
            if rng.random() < 0.02:
                cells += b'<c r="XFD%d" s="1"/>' % r  # formatting: nothing placed
            rows.append(b'<row r="%d">%s</row>' % (r, cells))
        xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               + b"".join(rows) + b"</sheetData></worksheet>")
        plain = guard._canonical(xml)
        placed = re.findall(rb' r="([A-Z]{1,3})(\d{1,7})"[^>/]*>', plain)
        truth_rows = max(int(d) for _, d in placed)
        truth_cols = max(guard._col_number(c) for c, _ in placed)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("s.xml", xml)
        zf = zipfile.ZipFile(buf)
        limits = Limits()
        shape = guard.scan_sheet(zf, "s.xml", guard.ZipBudget(limits, "t.xlsx"))
        try:
            guard.guard_sheet(shape, limits, "t.xlsx", "s")
        except UnreadableFile:
            assert truth_rows * truth_cols > guard.allowed_extent(limits, shape.values), trial
            continue
        assert shape.rows_bound >= truth_rows and shape.cols_bound >= truth_cols, (trial, shape, truth_rows,
                                                                                    truth_cols)
        if not any(o in xml for o in odd):
            assert truth_cols == 3  # a plain sheet was accepted


def test_columns_converted_as_a_whole_equal_cell_by_cell(monkeypatch):
    """Speed may not buy a changed value: a column converted at once (the fast path) gives exactly
    what converting each cell gives — dirty spaces, full-width digits, zero-width marks, ids typed
    as numbers, text, with an apostrophe or ``.0``, big ids, fractions — and the same problems."""
    import random

    from sectools.normalize import clean_name, clean_text, clean_texts
    from sectools.reader import table as T
    from sectools.schema import Field

    rng = random.Random(15)
    bits = ["a", "B", "1", " ", "  ", "\t", "\u3000", "张", "三", "\u200b", "Ａ", "１", "ﾃ", "\n", "'", "x", "\x00",
            "\xa0", "e\u0301", ".0", "e+5", "计"]
    for _ in range(3000):
        vals = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 12))]
        assert clean_texts(vals) == [clean_text(v) for v in vals]
        assert clean_texts(vals, names=True) == [clean_name(v) for v in vals]
    cells = ["2024001", " 2024002 ", "２０２４００３", "'2024004", "2024005.0", "1.5e+3", "", "张三", "张  三",
             2024006, 2024007.0, 2.5, -3, 10 ** 16, 2 ** 60, 0, "a\u200bb"]
    fast_calls = 0
    real = T._whole_column

    def counting(*a):
        nonlocal fast_calls
        r = real(*a)
        fast_calls += r is not None
        return r

    for kind in ("text", "name", "id", "phone"):
        f = Field("x", ("列",), kind, required=rng.random() < 0.5)
        for _ in range(300):
            col = [rng.choice(cells) for _ in range(rng.randint(1, 10))]
            if rng.random() < 0.5:
                col = [c for c in col if isinstance(c, str)]
            rows = list(range(1, len(col) + 1))
            monkeypatch.setattr(T, "_whole_column", counting)
            fast = T.convert_column(list(col), f, CTX, "f.xlsx", "s", rows, 0)
            monkeypatch.setattr(T, "_whole_column", lambda *a: None)
            slow = T.convert_column(list(col), f, CTX, "f.xlsx", "s", rows, 0)
            assert fast[0] == slow[0] and [type(v) for v in fast[0]] == [type(v) for v in slow[0]], (kind, col)
            assert [(p.code, p.cell) for p in fast[1]] == [(p.code, p.cell) for p in slow[1]], (kind, col)
    assert fast_calls > 300  # the fast path was taken, not only its refusals


def test_the_collector_paused_for_a_read_runs_again_after_it(tmp_path):
    """Reading pauses the cyclic garbage collector (a 1M-row sheet: 40 s → 31 s) and always resumes it —
    after a good read, a refused file, and inside a pause of the caller's own, which it leaves paused."""
    import gc

    good = sheet_book(tmp_path / "r.xlsx", [["学号", "姓名", "部门"], ["1", "甲", "秘书处"]])
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    assert gc.isenabled()
    assert len(read_table(good, ROSTER, context=CTX)) == 1 and gc.isenabled()
    assert read_table(tmp_path / "bad.xlsx", ROSTER, context=CTX).problems and gc.isenabled()
    gc.disable()
    try:
        read_table(good, ROSTER, context=CTX)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cells_without_a_reference_far_down_are_bounded_by_their_row():
    """Cells without an r attribute are placed in their row element's row: a few of them at row
    900,000 span a rectangle the guard must see (the one-search shortcut looks at cell references only)."""
    from sectools.errors import UnreadableFile
    from sectools.reader import guard

    xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           + b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"><v>2</v></c></row>' % (r, r, r)
                      for r in range(1, 4))
           + b'<row r="900000"><c><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("s.xml", xml)
    limits = Limits()
    shape = guard.scan_sheet(zipfile.ZipFile(buf), "s.xml", guard.ZipBudget(limits, "t.xlsx"))
    assert shape.rows_bound >= 900000
    with pytest.raises(UnreadableFile):
        guard.guard_sheet(shape, limits, "t.xlsx", "s")
