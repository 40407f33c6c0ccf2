"""The writer: atomic, never over an input, refuses a workbook open in Excel, no formulas from text."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import openpyxl
import pytest

from sectools.errors import SectoolsError, WorkbookOpenError
from sectools.writer import Column, Sheet, atomic_target, csv_safe, write_csv, write_workbook

HOSTILE = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"点我\")", "\tTAB", "\rCR"]


def test_report_workbook_looks_finished_and_text_stays_text(tmp_path):
    rows = [[v, 0.875, dt.date(2026, 3, 2), 3] for v in HOSTILE]
    out = write_workbook(tmp_path / "报表.xlsx", [Sheet("出勤", [Column("姓名"), Column("出勤率", "percent", low=0.8),
                                                              Column("日期", "date"), Column("次数", "int")], rows,
                                                       title="出勤统计")])
    wb = openpyxl.load_workbook(out)
    ws = wb["出勤"]
    assert ws["A1"].value == "出勤统计"
    assert [c.value for c in ws[2]] == ["姓名", "出勤率", "日期", "次数"]
    assert ws["A2"].font.b and ws["A2"].fill.fgColor.rgb.endswith("1F4E78")
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:D{2 + len(rows)}"
    assert ws["B3"].number_format == "0.0%" and ws["C3"].number_format == "yyyy-mm-dd"
    assert ws.column_dimensions["A"].width >= 8
    for i, v in enumerate(HOSTILE[:-1]):  # (openpyxl shows the last one's \r as _x000D_, as Excel stores it)
        cell = ws.cell(row=3 + i, column=1)
        assert cell.data_type == "s" and cell.value == v  # a string, not a formula
    assert ws.conditional_formatting  # low rates highlighted
    assert not list((tmp_path).glob(".sectools-*"))  # no temporary file left behind


def test_csv_output_escapes_formula_starts():
    assert [csv_safe(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert csv_safe("张三") == "张三" and csv_safe(3) == 3 and csv_safe("") == ""


def test_csv_written_with_bom_for_excel(tmp_path):
    out = write_csv(tmp_path / "a.csv", ["姓名", "备注"], [["张三", "=1+1"], ["李四", None]])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["姓名", "备注"], ["张三", "'=1+1"], ["李四", ""]]


def test_never_writes_over_an_input(tmp_path):
    src = tmp_path / "名册.xlsx"
    src.write_bytes(b"clerk data")
    with pytest.raises(SectoolsError) as e:
        write_workbook(src, [Sheet("x", [Column("a")], [])], inputs=[tmp_path / "." / "名册.xlsx"])
    assert e.value.problems[0].code == "output-is-input"
    assert src.read_bytes() == b"clerk data"


@pytest.mark.parametrize("name, lock", [("报表.xlsx", "~$报表.xlsx"),
                                        ("2026年3月考勤报表.xlsx", "~$26年3月考勤报表.xlsx"),
                                        ("报表.xlsx", ".~lock.报表.xlsx#")])
def test_target_open_in_excel_is_refused_and_untouched(tmp_path, name, lock):
    target = tmp_path / name
    target.write_bytes(b"previous report")
    (tmp_path / lock).write_bytes(b"owner")
    with pytest.raises(WorkbookOpenError) as e:
        write_workbook(target, [Sheet("x", [Column("a")], [["b"]])])
    assert e.value.problems[0].code == "file-open-in-excel"
    assert "关闭" in e.value.message()
    assert target.read_bytes() == b"previous report"


def test_failure_midway_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "报表.xlsx"
    target.write_bytes(b"previous report")
    with pytest.raises(RuntimeError):
        with atomic_target(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("crash while writing")
    assert target.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["报表.xlsx"]


def test_temp_files_left_by_a_killed_run_are_cleaned_on_the_next(tmp_path):
    import os
    import time

    from sectools.writer import STALE_SECONDS, atomic_target

    old = tmp_path / ".sectools-abc123.xlsx"
    old.write_bytes(b"half")
    t = time.time() - STALE_SECONDS - 60
    os.utime(old, (t, t))
    fresh = tmp_path / ".sectools-def456.xlsx"  # another run, still writing: left alone
    fresh.write_bytes(b"busy")
    with atomic_target(tmp_path / "报表.xlsx") as tmp:
        tmp.write_bytes(b"new")
    assert not old.exists() and fresh.exists() and (tmp_path / "报表.xlsx").read_bytes() == b"new"


# ---- what the operating system refuses: a message saying what to do, never 内部出错 ----------------
@pytest.fixture
def mounted(tmp_path):
    """A real small or read-only file system (tmpfs), where this machine lets the tests mount one."""
    import subprocess

    made = []

    def mount(name: str, options: str):
        where = tmp_path / name
        where.mkdir()
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
        if r.returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        made.append(where)
        return where

    yield mount
    for where in made:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _attendance_to(tmp_path, out):
    from click.testing import CliRunner

    from sectools.cli import main

    from . import test_attendance as ta

    office = ta.make_office(tmp_path / "o")
    return CliRunner().invoke(main, ["attendance", str(office), "--out", str(out)])


def test_a_full_disk_says_so_and_leaves_nothing_half_written(tmp_path, mounted):
    small = mounted("small", "size=12k")
    r = _attendance_to(tmp_path, small / "考勤统计.xlsx")
    assert r.exit_code == 1 and "磁盘已满" in r.output and "内部出错" not in r.output, r.output
    assert list(small.iterdir()) == []  # no temp file, no half a workbook


def test_a_read_only_folder_says_so(tmp_path, mounted):
    ro = mounted("ro", "ro,size=1m")
    r = _attendance_to(tmp_path, ro / "考勤统计.xlsx")
    assert r.exit_code == 1 and "只读" in r.output and "内部出错" not in r.output, r.output


def test_no_permission_says_so(tmp_path):
    r = _attendance_to(tmp_path, "/sys/考勤统计.xlsx")  # even root may not write there
    assert r.exit_code == 1 and "内部出错" not in r.output, r.output
    assert "权限" in r.output or "只读" in r.output


def test_a_path_too_long_says_so_and_names_from_cells_stay_short(tmp_path):
    r = _attendance_to(tmp_path, tmp_path / ("😀" * 70 + ".xlsx"))
    assert r.exit_code == 1 and "路径太长" in r.output and "内部出错" not in r.output, r.output
    from sectools.paths import safe_filename

    stem = safe_filename("😀" * 80)
    assert len(stem.encode("utf-8")) <= 150 and (tmp_path / f"考勤提醒_{stem}（2）.docx").write_bytes(b"x")


def test_every_demo_workbook_prints_without_hashes(demo_office, tmp_path):
    """Rendered by LibreOffice as a clerk prints them, no report workbook of the demo shows ``###``
    (a column too narrow for its date or number), and a short table stays on one page."""
    import re
    import shutil
    import subprocess

    root, _ = demo_office
    books = [p for p in sorted((root / "输出").glob("*.xlsx"))] + sorted((root / "输出" / "排名").glob("*_封单.xlsx"))[:1]
    staged = []
    for k, p in enumerate(books):
        q = tmp_path / f"{k:02d}.xlsx"
        shutil.copyfile(p, q)
        staged.append((p, q))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path)] + [str(q) for _, q in staged], capture_output=True, timeout=600)
    for p, q in staged:
        pdf = q.with_suffix(".pdf")
        assert pdf.exists(), p.name
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "###" not in text, p.name
        if p.name.endswith("_封单.xlsx"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 1, p.name  # 30 classes, one page


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is installed by .ci/run")
def test_a_blank_rate_is_never_painted_low_when_printed(tmp_path):
    """The `< 0.8` rule painted every empty 完成率 cell pink.  Printed through LibreOffice and looked at as
    pixels: a column of blanks shows none of the low fill, the same column with one low rate shows it."""
    import subprocess

    from sectools.writer import LOW_FILL

    fill = tuple(int(LOW_FILL[k:k + 2], 16) for k in (1, 3, 5))

    def pink_pixels(rows, name) -> int:
        book = write_workbook(tmp_path / f"{name}.xlsx", [Sheet("总览", [Column("部门"), Column("完成率", "percent",
                                                                                              low=0.8)], rows)])
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(tmp_path), str(book)], capture_output=True, timeout=300)
        subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        data = next(tmp_path.glob(f"{name}*.ppm")).read_bytes()
        parts = data.split(maxsplit=4)  # P6 width height maxval pixels
        pixels = parts[4]
        return sum(1 for k in range(0, len(pixels) - 2, 3) if tuple(pixels[k:k + 3]) == fill)

    assert pink_pixels([["秘书处", None], ["宣传部", None], ["学习部", None]], "blank") == 0
    assert pink_pixels([["秘书处", None], ["宣传部", 0.5], ["学习部", None]], "low") > 20


def test_a_long_table_written_at_once_has_the_same_cells_as_cell_by_cell(tmp_path, monkeypatch):
    """Past BULK_ROWS a table's body is written straight into the sheet's XML: every cell the same as
    through xlsxwriter — value, type, number format, banding, borders — links where they were, a
    Term in the office's language, a text longer than a cell holds cut the same way, wrapped rows as tall."""
    import math

    import numpy as np

    from sectools import writer
    from sectools.messages import W, Term

    big = "长" * 40000
    src = tmp_path / "签到.xlsx"
    src.write_bytes(b"")
    rows = []
    for i in range(30):
        rows.append([f"成员{i}", None if i % 5 == 0 else i * 1.5, i, i % 2 == 0, dt.date(2026, 3, 1 + i % 28),
                     dt.datetime(2026, 3, 2, 19, i), dt.time(19, i), float("nan") if i == 3 else 0.25,
                     writer.Ref("签到.xlsx", "签到", f"B{i + 2}", path=src) if i % 3 else
                     writer.Ref("考勤明细", "考勤明细", "A1", internal=True) if i % 2 else
                     writer.Ref("a&b.xlsx", "<表>", "A1", label=f" a&b<c>\x01\t长{i} "),
                     W("init-nothing", path="x") if i % 2 else Term("出席", "present"), big if i == 7 else "备注 " * (i % 4),
                     "=1+1", dt.date(2026, 4, 1) if i % 2 else dt.datetime(2026, 4, 1, 8, 30),
                     np.int64(i) if i % 2 else np.float64(i / 4)])  # through xlsxwriter, merged into the body
    cols = [Column("姓名"), Column("分", "number"), Column("次", "int"), Column("是否"), Column("日期", "date"),
            Column("时间", "datetime"), Column("到", "time"), Column("率", "percent", low=0.5), Column("来源", "link"),
            Column("结果"), Column("说明", "wrap", width=8), Column("式"), Column("何时", "datetime"),
            Column("数", "number")]

    def book(name, bulk_rows):
        monkeypatch.setattr(writer, "BULK_ROWS", bulk_rows)
        out = write_workbook(tmp_path / name, [Sheet("表", cols, rows, title="标题", note="注", footnote="脚注")],
                             lang="zh-TW")
        return openpyxl.load_workbook(out)["表"]

    slow, fast = book("slow.xlsx", 10 ** 9), book("fast.xlsx", 1)
    assert slow.max_row == fast.max_row and slow.max_column == fast.max_column and slow.dimensions == fast.dimensions
    for a_row, b_row in zip(slow.iter_rows(), fast.iter_rows()):
        for a, b in zip(a_row, b_row):
            same = a.value == b.value or (isinstance(a.value, float) and math.isnan(a.value) and math.isnan(b.value))
            assert same and a.data_type == b.data_type, (a.coordinate, a.value, b.value)
            assert (a.number_format, a.fill.fgColor.rgb, a.border.left.style, a.font.color and a.font.color.rgb,
                    a.font.u, a.alignment.wrap_text) == \
                   (b.number_format, b.fill.fgColor.rgb, b.border.left.style, b.font.color and b.font.color.rgb,
                    b.font.u, b.alignment.wrap_text), a.coordinate
            assert (a.hyperlink and (a.hyperlink.target, a.hyperlink.location)) == \
                   (b.hyperlink and (b.hyperlink.target, b.hyperlink.location)), a.coordinate
    assert {r: d.height for r, d in slow.row_dimensions.items() if d.height} == \
           {r: d.height for r, d in fast.row_dimensions.items() if d.height}
    assert len(fast["K10"].value) < 40000 and fast["J4"].value == "出席"  # cut as a cell holds it; Term rendered
    assert (fast["N5"].value, fast["N6"].value) == (1, 0.5)  # numpy values, written by xlsxwriter mid-row
    assert fast.freeze_panes == slow.freeze_panes and fast.auto_filter.ref == slow.auto_filter.ref


def test_a_few_rows_of_long_wrapped_text_print_over_several_pages_not_shrunk_onto_one(tmp_path):
    """会议明细 of a 1,620-member union: 20 meetings, each 缺席名单 hundreds of names — 20 rows, but hundreds of
    printed lines; shrunk onto one page nothing could be read.  A short table of short rows stays on one."""
    names = "、".join(f"成员{i}" for i in range(300))
    cols = [Column("会议"), Column("缺席名单", "wrap", width=40)]
    out = write_workbook(tmp_path / "长.xlsx", [Sheet("会议明细", cols, [[f"第{i}周例会", names] for i in range(20)]),
                                               Sheet("短", cols, [[f"第{i}周例会", "甲、乙"] for i in range(20)])])
    wb = openpyxl.load_workbook(out)
    assert wb["会议明细"].page_setup.fitToHeight == 0 and wb["会议明细"].page_setup.fitToWidth in (1, None)
    assert wb["短"].page_setup.fitToHeight in (1, None)
