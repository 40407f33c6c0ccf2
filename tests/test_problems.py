"""Every way a clerk can go wrong that the other test files do not already feed: each one ends in a
problem with its stable code, its place (file, sheet, cell where there is one) and a message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.errors import SectoolsError
from sectools.reader import read_table
from sectools.roster import ROSTER, check_roster

from . import test_attendance as ta
from . import test_kpi as tk
from . import test_ranking as tr
from .conftest import CTX, sheet_book

D = dt.date


def where(problems, code):
    hits = [p for p in problems if p.code == code]
    assert hits, (code, [p.code for p in problems])
    p = hits[0]
    assert p.message() and p.message("en") and "{" not in p.message(), p.message()
    return (p.sheet, p.cell)


def raised(call) -> str:
    with pytest.raises(SectoolsError) as e:
        call()
    p = e.value.problems[0]
    assert p.message() and "{" not in p.message()
    return p.code


# ---- reader and roster ------------------------------------------------------------------------
def test_roster_problems_have_cells(tmp_path):
    path = sheet_book(tmp_path / "r.xlsx", [
        ["学号", "姓名", "部门", "姓名", "入职日期", "离任日期"],
        ["1", "甲", "秘书处", "x", D(2026, 3, 1), D(2026, 2, 1)],
        [12.5, "乙", "秘书处", "y", None, None],
    ])
    t = read_table(path, ROSTER, context=CTX)
    assert where(t.problems, "duplicate-column") == ("成员", "D1")
    assert where(t.problems, "bad-id") == ("成员", "A3")
    assert where(check_roster(t), "dates-out-of-order") == ("成员", "F2")


# ---- attendance -------------------------------------------------------------------------------------
def office_with(tmp_path, meetings=None, extra_log=None, leaves=None):
    root = ta.make_office(tmp_path / "o", extra_log=extra_log)
    if meetings is not None:
        sheet_book(root / "会议.xlsx", meetings, title="会议")
    if leaves is not None:
        sheet_book(root / "请假.xlsx", leaves, title="请假")
    return load_office(root)


def test_meeting_table_problems(tmp_path):
    rows = [r[:] for r in ta.MEETINGS] + [
        [D(2026, 3, 8), ta.T(19), ta.T(20), "第1周例会", "例会", "全体"],  # listed twice
        [D(2025, 3, 29), ta.T(19), ta.T(18), "第4周例会", "例会", "全体"],  # wrong year, ends before it starts
        [D(2026, 3, 22), ta.T(12), ta.T(13), "部长午会", "部长级会议", "部长级"],  # a second meeting on 3/22
    ]
    res = jobs.attendance(office_with(tmp_path, meetings=rows), out=False).result
    assert where(res.problems, "duplicate-meeting") == ("会议", "D7")
    assert where(res.problems, "meeting-times") == ("会议", "C8")
    assert where(res.problems, "date-outside-semester") == ("会议", "A8")


def test_signin_records_that_name_the_wrong_meeting(tmp_path):
    rows = [r[:] for r in ta.MEETINGS] + [[D(2026, 3, 22), ta.T(12), ta.T(13), "部长午会", "部长级会议", "部长级"]]
    extra = [
        [D(2026, 3, 22), None, "002", "乙", "到", None, None],  # two meetings that day
        [D(2026, 3, 15), "例会", "001", "甲", "到", None, None],  # the day's only meeting has another name
        [None, None, "001", "甲", "到", None, None],  # neither date nor meeting
        [D(2026, 3, 15), "第2周例会", None, None, "到", None, None],  # nobody named
    ]
    res = jobs.attendance(office_with(tmp_path, meetings=rows, extra_log=extra), out=False).result
    n = len(ta.FACTS) + 1
    assert where(res.problems, "ambiguous-meeting") == ("签到", f"A{n + 1}")
    assert where(res.problems, "meeting-name-mismatch") == ("签到", f"B{n + 2}")
    assert where(res.problems, "missing-meeting")[0] == "签到"
    assert where(res.problems, "missing-member")[0] == "签到"


def test_leave_without_an_approval_is_counted_and_warned(tmp_path):
    leaves = [r[:] for r in ta.LEAVES] + [["004", "丁", D(2026, 3, 22), "第3周例会", "事假", None]]
    res = jobs.attendance(office_with(tmp_path, leaves=leaves), out=False).result
    assert where(res.problems, "leave-approval-missing") == ("请假", "F4")


# ---- ranking --------------------------------------------------------------------------------------
def test_ranking_workflow_refusals(tmp_path):
    from sectools import ranking

    off = load_office(tr.make(tmp_path / "o"))
    assert raised(lambda: jobs.correct(off, "2026-W11", "x", force=True)) == "not-published"
    assert raised(lambda: jobs.publish(off, "2026-W20")) == "no-records"
    assert raised(lambda: ranking.normalise_week("2026-W60")) == "bad-week"
    jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 9))
    assert raised(lambda: jobs.correct(off, "2026-W11", "  ", force=True)) == "reason-required"
    wb = openpyxl.load_workbook(off.root / "检查记录.xlsx")
    wb["纪检部"]["D2"] = 3
    wb.save(off.root / "检查记录.xlsx")
    assert raised(lambda: jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 20))) == "unpublished-changes"
    state = off.root / ".sectools" / "ranking" / "2026-W11" / "published.json"
    state.write_text("{broken", encoding="utf-8")
    assert raised(lambda: jobs.state(off, "2026-W11")) == "state-damaged"


def test_seal_chain_edit_is_found(tmp_path):
    import json


    off = load_office(tr.make(tmp_path / "o"))
    jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 9))
    jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 19))
    path = off.root / ".sectools" / "ranking" / "2026-W11" / "sealed.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["prev"] = "0" * 64
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "seal-chain-broken" in [p.code for p in jobs.verify(off).problems]


def test_wide_sheet_without_a_date(tmp_path):

    office = tr.make(tmp_path / "o")
    sheet_book(office / "宽表.xlsx", [["班级", "活动获奖"], ["会计2401", 1]], title="检查")
    cfg = office / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('path = "检查记录.xlsx"', 'path = "宽表.xlsx"'),
                   encoding="utf-8")
    with pytest.raises(SectoolsError) as e:  # its records have no date: the week has none, and says why
        jobs.ranking_week(load_office(office), "2026-W11")
    assert where(e.value.problems, "wide-no-date")[0] == "检查"


# ---- plans ----------------------------------------------------------------------------------------
def test_plan_form_problems(tmp_path):
    from sectools.plans import parse_month_arg
    from sectools.printouts import write_form_xlsx

    root = tmp_path / "o"
    (root / "计划总结").mkdir(parents=True)
    (root / "sectools.toml").write_text('[office]\nname = "测"\nsemester_start = 2026-03-01\n'
                                        'departments = ["秘书处", "宣传部"]\n', encoding="utf-8")
    off = load_office(root)
    with pytest.raises(SectoolsError) as e:  # no folder for the month: refused, not "everyone missing"
        jobs.plans_collect(off, (2026, 3), out=False)
    assert [p.code for p in e.value.problems] == ["month-folder-not-found"]
    month = root / "计划总结" / "2026-03"
    month.mkdir()
    items = [["1", "工作", "", "3月9日", "甲", ""]]
    write_form_xlsx(month / "随手记计划.xlsx", "plan", "", "", "", None, items)  # fields left blank
    sheet_book(month / "资料.xlsx", [["部门", "宣传部", "月份", "2026年3月"], ["序号", "工作项目"], ["1", "海报"]])
    sheet_book(month / "秘书处.xlsx", [["秘书处2026年3月工作计划"], ["序号", "工作项目"], ["1", "档案"]])  # no author
    res = jobs.plans_collect(load_office(root), (2026, 3), out=False).result
    codes = {(Path(p.file).name, p.code) for p in res.problems}
    assert ("资料.xlsx", "form-kind-unknown") in codes  # neither title nor name says plan or summary
    assert ("随手记计划.xlsx", "form-field-missing") in codes
    assert ("随手记计划.xlsx", "unknown-department") not in codes  # a blank field is not the next label
    assert ("秘书处.xlsx", "form-field-missing") in codes
    assert raised(lambda: parse_month_arg("上个月")) == "bad-month"


# ---- appraisal ------------------------------------------------------------------------------------
def test_appraisal_rating_problems(tmp_path):
    off = tk.office(tmp_path)
    wb = openpyxl.load_workbook(off.root / "评分表.xlsx")
    wb.active.append(["2026-03", "001", "甲", "颜值", "部长评", 90])
    wb.active.append(["2026-03", "001", "甲", "工作态度", "同学评", 90])
    wb.save(off.root / "评分表.xlsx")
    res = jobs.kpi(off, "2026-03", out=False).result
    assert where(res.problems, "unknown-indicator") == ("评分", "D13")
    assert where(res.problems, "unknown-rater") == ("评分", "E14")
    assert raised(lambda: jobs.kpi(off, "明年", out=False).result) == "bad-period"


# ---- configuration and notices -----------------------------------------------------------------------
def test_config_and_notice_refusals(tmp_path):
    from sectools.jobs import notice as render
    from sectools.notices import Options

    off = tk.office(tmp_path)
    assert raised(lambda: render(off, "嘉奖令")) == "unknown-notice"
    assert raised(lambda: render(off, "会议通知", opts=Options(per="member"))) == "bad-recipients"
    assert raised(lambda: render(off, "表扬", opts=Options(today=D(2026, 3, 25)))) == "nothing-to-render"
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + '\n[ranking]\ntie_method = "奥运"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["ranking", "status", str(off.root)])
    assert r.exit_code == 1 and "ranking.tie_method" in r.output
    r = CliRunner().invoke(main, ["init", str(off.root)])
    assert r.exit_code == 1 and "不是空的" in r.output


def test_pdf_without_libreoffice_is_a_message(tmp_path, monkeypatch):
    from sectools.jobs import notice as render
    from sectools.notices import Options

    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    off = tk.office(tmp_path)
    assert raised(lambda: render(off, "会议通知", fmt="pdf",
                                 opts=Options(meeting="2026-03-22", today=D(2026, 3, 20)))) == "pdf-unavailable"


def test_check_finds_what_the_jobs_find(tmp_path):
    """A job never reports an error check missed: unknown classes and items in the inspections."""
    office = tr.make(tmp_path / "o")
    r = CliRunner().invoke(main, ["check", str(office), "--json"])
    codes = {(p["code"], p["cell"]) for p in json.loads(r.stdout)}
    assert {("unknown-class", "B7"), ("unknown-item", "C7")} <= codes and r.exit_code == 1


def test_allowed_values_are_named_in_the_clerks_words():
    """A leave typed 年假 was told "可填写：personal_leave、sick_leave、official_leave" (sectools' codes)."""
    from sectools.tables import TABLES

    for table in TABLES.values():
        for f in table.fields:
            if f.choices:
                assert all(not w.isascii() for w in f.allowed_text().split("、")), (table.name, f.name)
    assert TABLES["leaves"].field("kind").allowed_text() == "事假、病假、公假"


def test_check_merges_thousands_of_job_problems_without_comparing_each_with_all(demo_office, monkeypatch):
    """A 1,620-member office without ratings for its new members: 6,080 problems took `check` 46 s, each
    new problem compared with every one its table already had; now each is looked up once (3.6 s)."""
    from sectools.errors import WARNING, Problem
    from sectools.jobs import checking

    office = demo_office[0]
    many = [Problem("missing-rating", WARNING, "名册.xlsx", None, f"A{i + 2}", f"成员{i}") for i in range(3000)]
    monkeypatch.setattr(checking, "_jobs_problems", lambda src: many + many[:10])  # and some twice
    calls = 0
    real = checking._key

    def counting(p):
        nonlocal calls
        calls += 1
        return real(p)

    monkeypatch.setattr(checking, "_key", counting)
    job = checking.check(office)
    assert sum(p.code == "missing-rating" for p in job.problems) == 3000  # each once
    roster = job.result["roster"]
    assert sum(p.code == "missing-rating" for p in roster.problems) == 3000
    assert calls < 5 * (len(job.problems) + len(many) + 10)  # linear, not 3000² / 2
