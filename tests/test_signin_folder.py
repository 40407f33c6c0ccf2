"""Sign-ins kept as a folder of workbooks (one per meeting or month, as a form service or a clerk saved
them): every workbook in it and its subfolders is read, what is not read is listed, the same export
saved twice is counted once, and a folder with no sign-in in it stops the job instead of reporting
everyone absent."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.errors import Problem, SectoolsError
from sectools.messages import render

from .conftest import sheet_book
from .test_attendance import CONFIG, FACTS, MEETING_NAME, NAMES, by_id, log_rows, make_office

FOLDER_CONFIG = CONFIG.replace('[tables.signins]\npath = "签到.xlsx"', '[tables.signins]\npath = "签到"')


def _log(facts) -> list[list]:
    rows = [["日期", "会议名称", "学号", "姓名", "状态", "签到时间"]]
    for d, sid, v in facts:
        mark, t = (None, v) if not isinstance(v, str) else (v, None)
        rows.append([d, MEETING_NAME[d], sid, NAMES[sid], mark, t])
    return rows


def _folder_office(tmp_path):
    office = make_office(tmp_path / "folder", config=FOLDER_CONFIG)
    (office / "签到.xlsx").unlink()
    folder = office / "签到"
    (folder / "3月" / "第二周").mkdir(parents=True)
    by_date: dict = {}
    for fact in FACTS:
        by_date.setdefault(fact[0], []).append(fact)
    for k, (d, facts) in enumerate(sorted(by_date.items())):
        where = folder if k % 3 == 0 else (folder / "3月" if k % 3 == 1 else folder / "3月" / "第二周")
        sheet_book(where / f"{MEETING_NAME[d]}.xlsx", _log(facts), title="签到")
    return office, folder


def test_a_folder_of_sign_in_workbooks_in_subfolders_gives_the_single_workbook_results(tmp_path):
    one = jobs.attendance(load_office(make_office(tmp_path / "one")), out=False).result
    office, folder = _folder_office(tmp_path)
    job = jobs.attendance(load_office(office), out=False)
    assert by_id(job.result) == by_id(one)
    assert job.result.actions == one.actions


def test_what_a_sign_in_folder_holds_besides_sign_ins_is_listed_and_a_second_copy_is_counted_once(tmp_path):
    office, folder = _folder_office(tmp_path)
    first = sorted(folder.rglob("*.xlsx"))[0]
    (folder / "3月" / ("副本 " + first.name)).write_bytes(first.read_bytes())  # the same export saved twice
    (folder / ("~$" + first.name)).write_bytes(b"owner")  # Excel's owner file beside an open workbook
    (folder / "签到照片.jpg").write_bytes(b"\xff\xd8")
    (folder / "坏文件.xlsx").write_bytes(b"not a zip")
    one = jobs.attendance(load_office(make_office(tmp_path / "one")), out=False).result
    job = jobs.attendance(load_office(office), out=False)
    assert by_id(job.result) == by_id(one)  # nothing counted twice, nothing lost
    codes = {(p.code, p.file) for p in job.problems}
    copy, orig = f"签到/3月/副本 {first.name}", "签到/" + first.relative_to(folder).as_posix()
    dup = [p for p in job.problems if p.code == "duplicate-export"]
    assert len(dup) == 1 and {dup[0].file, dup[0].params["other"]} == {copy, orig}
    assert ("file-not-read", f"签到/~${first.name}") in codes
    assert ("file-not-read", "签到/签到照片.jpg") in codes
    assert any(p.file == "签到/坏文件.xlsx" for p in job.problems)
    said = {render(p) for p in job.problems if p.code == "file-not-read"}
    assert any("签到/签到照片.jpg" in s for s in said) and not any("{file}" in s for s in said)


def test_two_exports_that_differ_in_one_cell_are_both_read(tmp_path):
    """Only the very same rows are one export saved twice: a copy with one time changed is read, and its
    second sign-in for that member and meeting is listed as such."""
    office, folder = _folder_office(tmp_path)
    first = sorted(folder.rglob("*.xlsx"))[0]
    import openpyxl

    wb = openpyxl.load_workbook(first)
    ws = wb.active
    ws.cell(2, 6).value = dt.time(19, 1) if not isinstance(ws.cell(2, 6).value, dt.time) else dt.time(18, 59)
    ws.cell(2, 5).value = None
    wb.save(folder / ("改过的 " + first.name))
    job = jobs.attendance(load_office(office), out=False)
    codes = [p.code for p in job.problems]
    assert "duplicate-export" not in codes and "duplicate-signin" in codes


def test_a_sign_in_folder_without_sign_ins_stops_the_job_naming_the_folder(tmp_path):
    office = make_office(tmp_path / "o", config=FOLDER_CONFIG)
    (office / "签到.xlsx").unlink()
    (office / "签到").mkdir()
    (office / "签到" / "说明.txt").write_text("扫码签到导出放这里", encoding="utf-8")
    sheet_book(office / "签到" / "名单.xlsx", [["序号", "备注"], [1, "无"]])
    with pytest.raises(SectoolsError) as e:
        jobs.attendance(load_office(office), out=False)
    codes = {p.code for p in e.value.problems}
    assert "signins-not-read" in codes
    assert next(p for p in e.value.problems if p.code == "signins-not-read").file == "签到/"
    r = CliRunner().invoke(main, ["attendance", str(office)])
    assert r.exit_code != 0 and "签到/" in r.output and "Traceback" not in r.output


def test_a_message_about_a_file_names_the_file():
    """A problem that names only its file (a link skipped, a file not read) says which file."""
    for code in ("skipped-link", "file-not-read"):
        text = render(Problem(code, file="签到/a.xlsx"))
        assert "签到/a.xlsx" in text and "{file}" not in text


def test_sign_ins_kept_where_the_table_is_not_are_named_not_missed_without_a_word(tmp_path):
    """Half a move to a folder (path = "签到", the old 签到.xlsx left beside the other workbooks), and an export saved
    in the office folder instead of the sign-in folder: each is named with where sign-ins are read from."""
    from .test_signin_forms import FOLDER_CONFIG, wjx

    office = make_office(tmp_path / "o", config=FOLDER_CONFIG)  # 签到.xlsx stays at the top
    (office / "签到").mkdir()
    sheet_book(office / "签到" / "签到.xlsx", log_rows()[:6], title="签到")
    wjx(office / "第2周例会签到.xlsx", dt.date(2026, 3, 15), [("003", dt.time(19, 1))])
    sheet_book(office / "通讯录.xlsx", [["姓名", "电话"], ["甲", "13800000000"]], title="通讯录")  # no sign-ins
    job = jobs.attendance(load_office(office), out=False)
    stray = sorted((p.file, p.params["path"]) for p in job.problems if p.code == "signins-elsewhere")
    assert stray == [("第2周例会签到.xlsx", "签到/"), ("签到.xlsx", "签到/")]
    assert all(p.severity == "warning" for p in job.problems if p.code == "signins-elsewhere")
    assert "移进 签到/" in next(p for p in job.problems if p.code == "signins-elsewhere").message()
    checked = jobs.check(load_office(office))
    assert sorted(p.file for p in checked.problems if p.code == "signins-elsewhere") == ["第2周例会签到.xlsx", "签到.xlsx"]


def test_a_workbook_moved_into_a_folder_without_its_path_says_where_it_is_and_what_to_write(tmp_path):
    """The other half of the move: 签到.xlsx put into 签到/ with path still "签到.xlsx" — not a bare 找不到文件."""
    office = make_office(tmp_path / "o")
    (office / "签到").mkdir()
    (office / "签到.xlsx").rename(office / "签到" / "签到.xlsx")
    r = CliRunner().invoke(main, ["attendance", str(office)])
    assert r.exit_code == 1 and "table-file-moved" not in r.output  # the message, not the code, is shown
    assert '在“签到/签到.xlsx”有一个同名文件' in r.output and '[tables.signins] 的 path 改成 "签到"' in r.output
    assert "Traceback" not in r.output
