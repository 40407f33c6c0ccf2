"""Monthly plans and summaries: collection from a folder of real .xlsx and .docx forms."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.printouts import write_form_docx, write_form_xlsx

D = dt.date
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10
departments = ["秘书处", "宣传部", "学习部", "体育部"]
"""
ITEMS = [["1", "学雷锋月宣传", "海报一期", "3月5日", "张三", "按时"], ["2", "公众号推送", "每周两篇", "每周三", "李四", "按时"]]


def office(tmp_path: Path) -> Path:
    root = tmp_path / "o"
    month = root / "计划总结" / "2026年3月"
    month.mkdir(parents=True)
    (root / "sectools.toml").write_text(CONFIG, encoding="utf-8")
    write_form_xlsx(month / "秘书处计划.xlsx", "plan", "秘书处", "2026年3月", "王", D(2026, 3, 2), ITEMS)
    write_form_docx(month / "宣传部.docx", "plan", "宣传部", "2026年3月", "李", D(2026, 3, 4), ITEMS)
    write_form_xlsx(month / "体育部3月计划.xlsx", "plan", "体育部", "2026年3月", "赵", D(2026, 3, 9), ITEMS)  # late
    (month / "学习部").mkdir()
    write_form_docx(month / "学习部" / "计划.docx", "plan", "学习部", "2026年3月", "钱", D(2026, 3, 3), ITEMS,
                    traditional=True)
    return root


def rows(res) -> dict[str, tuple]:
    return {r["department"]: (r["status"], r["items"]) for r in res.rows}


def test_plans_on_time_late_missing_docx_xlsx_traditional_and_subfolders(tmp_path):
    res = jobs.plans_collect(load_office(office(tmp_path)), (2026, 3), "plan", out=False).result
    assert res.due == dt.datetime(2026, 3, 4, 23, 59, 59)  # the 3rd working day of March 2026
    assert rows(res) == {"秘书处": ("on_time", 2), "宣传部": ("on_time", 2), "学习部": ("on_time", 2),
                         "体育部": ("late", 2)}
    assert [p.code for p in res.problems] == []


def test_missing_duplicate_wrong_month_malformed_and_unknown_department(tmp_path):
    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    (month / "体育部3月计划.xlsx").unlink()
    write_form_xlsx(month / "秘书处计划（修改）.xlsx", "plan", "秘书处", "2026年3月", "王", D(2026, 3, 3),
                    ITEMS + [["3", "档案更新", "", "3月20日", "王", ""]])
    write_form_xlsx(month / "学习部二月.xlsx", "plan", "学习部", "2026年2月", "钱", D(2026, 3, 1), ITEMS)
    write_form_xlsx(month / "火星部计划.xlsx", "plan", "火星部", "2026年3月", "?", D(2026, 3, 1), ITEMS)
    write_form_xlsx(month / "宣传部空表.xlsx", "plan", "宣传部", "2026年3月", "李", D(2026, 3, 1), [])
    (month / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    res = jobs.plans_collect(load_office(root), (2026, 3), "plan", out=False).result
    r = rows(res)
    assert r["体育部"] == ("missing", 0)
    assert r["秘书处"] == ("on_time", 3)  # the newer of the two is used
    codes = {(Path(p.file).name, p.code) for p in res.problems}
    assert ("秘书处计划.xlsx", "duplicate-submission") in codes
    assert ("学习部二月.xlsx", "wrong-month") in codes
    assert ("火星部计划.xlsx", "unknown-department") in codes
    assert ("宣传部空表.xlsx", "no-items") in codes
    assert ("坏文件.xlsx", "corrupt-workbook") in codes
    wm = next(p for p in res.problems if p.code == "wrong-month")
    assert wm.sheet and wm.cell == "D2" and "2026年2月" in wm.message()


def test_without_a_filled_date_the_file_time_counts(tmp_path):
    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    p = write_form_xlsx(month / "体育部3月计划.xlsx", "plan", "体育部", "2026年3月", "赵", None, ITEMS)
    stamp = time.mktime(dt.datetime(2026, 3, 4, 22, 0).timetuple())
    os.utime(p, (stamp, stamp))
    assert rows(jobs.plans_collect(load_office(root), (2026, 3), "plan", out=False).result)["体育部"] == ("on_time", 2)


def test_summary_completion_against_the_plan(tmp_path):
    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    summary = [["1", "学雷锋月宣传", "", "", "张三", "", "已完成", "", "否"],
               ["2", "公众号推送", "", "", "李四", "", "部分完成", "少一篇", "否"],
               ["3", "协助校团委", "", "", "张三", "", "已完成", "临时任务", "是"]]
    write_form_xlsx(month / "宣传部3月工作总结.xlsx", "summary", "宣传部", "2026年3月", "李", D(2026, 4, 2), summary)
    res = jobs.plans_collect(load_office(root), (2026, 3), "summary", out=False).result
    assert res.due.date() == D(2026, 4, 3)
    r = next(x for x in res.rows if x["department"] == "宣传部")
    assert (r["status"], r["completion_rate"]) == ("on_time", 0.5)


def test_deadlines_follow_the_calendar(tmp_path):
    off = load_office(office(tmp_path))
    assert jobs.plans_due(off, (2026, 10), "plan").date() == D(2026, 10, 10)  # 国庆: 10/8, 10/9, then Sat 10/10
    assert jobs.plans_due(off, (2026, 4), "summary").date() == D(2026, 5, 8)  # May's 3rd working day after 5/1–5/5


def test_cli_collect_json_workbook_schedule_and_reminders(tmp_path):
    root = office(tmp_path)
    r = CliRunner().invoke(main, ["plans", "collect", str(root), "--month", "2026-03", "--format", "json"],
                           catch_exceptions=False)
    data = json.loads(r.stdout)
    assert {d["department"]: d["status"] for d in data}["体育部"] == "late"
    assert set(data[0]) == {"department", "kind", "status", "items", "completion_rate", "problems"}
    r = CliRunner().invoke(main, ["plans", "collect", str(root), "--month", "2026-03", "--remind"],
                           catch_exceptions=False)
    assert "催办通知_2026-03_月度工作计划_体育部.docx" in r.output  # <种类>_<期间>_<对象>: April's never replaces March's
    d = docx.Document(next((root / "输出" / "通知" / "催办通知").glob("*体育部*")))
    text = "\n".join(p.text for p in d.paragraphs)
    # handed in late: said and recorded, never asked for again (it said "请于…前交至秘书处")
    assert "关于2026年3月月度工作计划逾期提交的通知" in text and "已于2026年3月9日逾期提交" in text
    assert "交至秘书处" not in text and "记入部门考核" in text
    wb = openpyxl.load_workbook(root / "输出" / "月度工作计划_2026-03.xlsx")
    assert wb.sheetnames[:2] == ["总览", "全部条目"]
    r = CliRunner().invoke(main, ["plans", "schedule", str(root), "--month", "2026-03"], catch_exceptions=False)
    ws = openpyxl.load_workbook(root / "输出" / "每周活动安排_2026-03.xlsx").active
    weeks = [ws.cell(row=i, column=1).value for i in range(3, ws.max_row + 1)]
    assert "第1周" in weeks and "本月内" in weeks
    r = CliRunner().invoke(main, ["plans", "schedule", str(root)])  # the month it takes is said, as everywhere
    assert "默认：2026年3月" in r.output and r.exit_code in (0, 1)


def test_the_demo_month_reports_each_fault(tmp_path):
    from sectools.scaffold import init_office

    init_office(tmp_path / "d", with_demo=True)
    res = jobs.plans_collect(load_office(tmp_path / "d"), (2026, 3), "plan", out=False).result
    r = {x["department"]: x for x in res.rows}
    assert r["外联部"]["status"] == "missing" and r["体育部"]["status"] == "late"
    assert r["学习部"]["items"] == 2  # the Word form in Traditional characters
    assert r["宣传部"]["items"] == 4  # the newer of its two files
    codes = {(Path(p.file).name, p.code) for p in res.problems}
    assert ("宣传部2026年3月工作计划（初稿）.xlsx", "duplicate-submission") in codes
    assert ("文艺部计划.xlsx", "no-items") in codes
    summaries = jobs.plans_collect(load_office(tmp_path / "d"), (2026, 3), "summary", out=False).result
    s = {x["department"]: x["completion_rate"] for x in summaries.rows}
    assert s["秘书处"] == 1.0 and s["宣传部"] == 0.75 and s["体育部"] == 0.5


def test_reminders_chase_only_what_is_due_and_name_the_month(demo_office):
    import datetime as dt

    from sectools.notices import Options

    root, _ = demo_office
    src = jobs.as_source(root)
    early = jobs.notice_data(src, "催办通知", Options(month=(2026, 3), today=dt.date(2026, 3, 2)))
    assert "外联部" not in [r.label for r in early.recipients]  # not due before 3/4 23:59
    late = jobs.notice_data(src, "催办通知", Options(month=(2026, 3), today=dt.date(2026, 3, 20)))
    labels = [r.label for r in late.recipients]
    assert "外联部" in labels and "文艺部" in labels  # missing, and an empty form (已交（不完整）)
    default = jobs.plans_collect(root, None, out=False, today=dt.date(2026, 12, 1))
    assert default.facts["month"] == "2026-03" and default.choices[0].reason == "month-latest"
    from sectools.errors import SectoolsError

    with pytest.raises(SectoolsError) as e:
        jobs.notice_data(src, "催办通知", Options(month=(2026, 5)))
    assert e.value.problems[0].code == "month-folder-not-found" and "2026-03" in e.value.problems[0].message()


def test_the_schedule_uses_the_adopted_plans_in_date_order(demo_office):
    root, _ = demo_office
    job = jobs.plans_schedule(root, (2026, 3), out=False)
    rows = [r for r in job.sheets[0].rows]
    drafts = [r for r in rows if r[2] == "宣传部"]
    adopted = next(r["file"] for r in job.result.rows if r["department"] == "宣传部")
    assert "定稿" in adopted
    form = next(s for s in job.result.submissions if s.file == adopted)
    assert len(drafts) == len(form.items)  # the 初稿's items are not listed a second time
    from sectools.plans.output import first_day

    weeks = [(str(r[0]), first_day(r[1], (2026, 3))) for r in rows]
    for (w1, d1), (w2, d2) in zip(weeks, weeks[1:]):
        if w1 == w2 and d1 and d2:
            assert d1 <= d2, (w1, d1, d2)


def test_check_reports_every_problem_plans_collect_finds(tmp_path):
    """check reads the plan and summary forms of every month folder: no fault in a form is left for
    plans collect to find first, and check exits 1 on them."""
    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    write_form_xlsx(month / "学习部二月.xlsx", "plan", "学习部", "2026年2月", "钱", D(2026, 3, 1), ITEMS)
    write_form_xlsx(month / "宣传部空表.xlsx", "plan", "宣传部", "2026年3月", "李", D(2026, 3, 1), [])
    (month / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    collected = {(p.code, Path(p.file).name) for k in ("plan", "summary")
                 for p in jobs.plans_collect(load_office(root), (2026, 3), k, out=False).problems}
    checked = {(p.code, Path(p.file).name) for p in jobs.check(load_office(root)).problems if p.file}
    assert collected and collected <= checked
    r = CliRunner().invoke(main, ["check", str(root)])
    assert r.exit_code == 1 and "学习部二月.xlsx" in r.output and "wrong-month" in r.output


def test_a_deadline_beyond_the_holiday_calendar_is_warned(tmp_path):
    root = office(tmp_path)
    (root / "计划总结" / "2027-01").mkdir(parents=True)
    res = jobs.plans_collect(load_office(root), (2027, 1), "summary", out=False)
    assert [p.value for p in res.problems if p.code == "calendar-fallback"] == ["2027"]
    march = jobs.plans_collect(load_office(root), (2026, 3), "plan", out=False)
    assert not [p for p in march.problems if p.code == "calendar-fallback"]


def test_links_in_the_folders_are_listed_never_followed(tmp_path):
    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    secret = tmp_path / "secret.csv"
    secret.write_text("部门,外联部\n月份,2026年3月\n序号,工作项目\n1,偷看\n", encoding="utf-8")
    (month / "外联部计划.csv").symlink_to(secret)
    (month / "子目录").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(month / "管道.xlsx")
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    (elsewhere / "外联部.csv").write_text("部门,外联部\n", encoding="utf-8")
    (root / "计划总结" / "2026-04").symlink_to(elsewhere, target_is_directory=True)  # a linked month folder

    res = jobs.plans_collect(load_office(root), (2026, 3), "plan", out=False).result
    skipped = sorted(Path(p.file).name for p in res.problems if p.code == "skipped-link")
    assert skipped == ["外联部计划.csv", "管道.xlsx"]
    assert all("偷看" not in str(r) for r in res.rows)
    assert not any("secret" in str(p.file) for p in res.problems)
    from sectools.sources import OfficeSource

    assert (2026, 4) not in OfficeSource.load(root).plan_months()  # a linked month folder is not a month


def test_a_damaged_or_oversized_form_named_for_its_department_is_listed_not_a_crash(tmp_path):
    """An unreadable form whose file name gives the department (体育部计划.docx) ended the whole
    collection in an internal error; it is listed as handed in but incomplete, with its problem."""
    import zipfile

    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    (month / "体育部3月计划.xlsx").unlink()
    (month / "体育部计划.docx").write_bytes(b"PK\x03\x04broken")
    src = month / "宣传部.docx"
    bomb = month / "宣传部计划.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p/>" * (40 << 20) + b"</w:body>")
            zout.writestr(item.filename, data)
    src.unlink()
    res = jobs.plans_collect(load_office(root), (2026, 3), "plan", out=False).result
    r = rows(res)
    assert r["体育部"] == ("incomplete", 0) and r["宣传部"] == ("incomplete", 0)
    codes = {(Path(p.file).name, p.code) for p in res.problems}
    assert ("体育部计划.docx", "corrupt-document") in codes and ("宣传部计划.docx", "document-too-large") in codes
    r = CliRunner().invoke(main, ["plans", "collect", str(root), "--month", "2026-03"])
    assert r.exit_code == 1 and "内部出错" not in r.output and "document-too-large" in r.output



def test_a_damaged_file_never_displaces_a_form_that_reads(tmp_path):
    """A file that is not really Word, named 学习部3月工作计划.docx beside 学习部's good form, was taken as the
    newer submission: 学习部 became 已交（不完整）0 项 and would be chased."""
    root = office(tmp_path)
    month = root / "计划总结" / "2026年3月"
    (month / "学习部3月工作计划.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    res = jobs.plans_collect(load_office(root), (2026, 3), "plan", out=False).result
    assert rows(res)["学习部"] == ("on_time", 2)
    bad = [p for p in res.problems if Path(p.file).name == "学习部3月工作计划.docx"]
    assert {p.code for p in bad} >= {"corrupt-document"}
    assert "Word" in next(p for p in bad if p.code == "corrupt-document").message()


def test_semester_summaries_are_looked_for_at_the_semester_end(demo_office):
    """`plans collect --kind semester` took March (the latest month with forms) with a March deadline and found all
    eight departments 未交; semester summaries are handed in at the semester's end: that month is taken (said),
    and a month with no folder is refused naming the months there, as for monthly forms."""
    r = CliRunner().invoke(main, ["plans", "collect", str(demo_office[0]), "--kind", "semester"])
    assert r.exit_code == 1 and "找不到 2026-07 的文件夹" in r.output
    assert "已有的月份：2026-03" in r.output and "  未交" not in r.output


def test_a_form_dated_by_its_filler_is_shown_by_its_date_alone(demo_office):
    """A form whose only time is its 填表日期 was shown handed in at 12:00 (the noon used to date it) — a time nobody
    gave; it shows the date alone, in the console and in 总览."""
    import openpyxl

    r = CliRunner().invoke(main, ["plans", "collect", str(demo_office[0]), "--month", "2026-03"])
    assert "12:00" not in r.output and "03-02" in r.output
    ws = openpyxl.load_workbook(demo_office[0] / "输出" / "月度工作计划_2026-03.xlsx")["总览"]
    shown = [row[2] for row in ws.iter_rows(min_row=3) if row[2].value is not None]
    assert shown and all(c.value.hour == 0 and "h" not in c.number_format for c in shown)
