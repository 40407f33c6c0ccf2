"""督办: the tasks of the 督办台账, the 议定事项 and the 收文登记's 办件 in one list — levels in working days (三色), an
extension counted only when asked for before the due date and approved, a 督办台账 row following up a decision or a
document without typing it again — each rule with a hand-computed expectation on real workbooks the test builds;
the 督办通报, the 督办催办通知, the 督办完成率 of the KPI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.notices import Options

from .conftest import sheet_book

D = dt.date
TODAY = D(2026, 3, 20)  # a Friday; no holiday in March 2026
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10
departments = ["主席团", "秘书处", "组织部", "宣传部", "学习部", "体育部", "生活部", "外联部"]

[tables.roster]
path = "名册.xlsx"

[tables.decisions]
path = "议定事项.xlsx"

[tables.tasks]
path = "督办台账.xlsx"

[tables.incoming]
path = "收文登记.xlsx"
"""
ROSTER = [["学号", "姓名", "部门", "职务"], ["001", "张三", "组织部", "部长"], ["002", "李四", "宣传部", "部长"],
          ["003", "王五", "秘书处", "秘书长"], ["004", "赵六", "学习部", "干事"], ["005", "赵六", "体育部", "干事"]]
DH = ["日期", "会议名称", "议定事项", "负责人", "完成时限", "主办部门", "会办部门"]
DECISIONS = [  # rows 2 …
    [D(2026, 3, 4), "部长例会", "甲事项", "张三", D(2026, 3, 13), None, None],  # 组织部 (roster): 逾期 5
    [D(2026, 3, 4), "部长例会", "乙事项", "李四", D(2026, 3, 24), None, None],  # 宣传部: 临期, 2 left
    [D(2026, 3, 4), "部长例会", "丙决定", None, None, None, None],  # a rule, not a task
    [D(2026, 3, 11), "部长例会", "丁事项", "王五", D(2026, 3, 31), "秘书处", "组织部"],  # followed up by DB-1
    [D(2026, 3, 11), "部长例会", "戊事项", "赵六", D(2026, 4, 2), None, None],  # two 赵六: no lead; 正常, 9 left
    [D(2026, 3, 11), "部长例会", "己事项", "宣传部", D(2026, 3, 20), None, None],  # followed up by DB-2 (same words)
]
TH = ["督办编号", "事项", "来源", "交办日期", "主办部门", "会办部门", "责任人", "完成时限", "进展", "状态", "完成日期",
      "延期申请日期", "延期至", "延期理由", "延期批准"]
_ = None
TASKS = [  # rows 2 …
    ["DB-1", _, "部长例会 2026-03-11 第1项", _, _, _, _, _, "3/12 开始；3/18 完成", "已完成", D(2026, 3, 18), _, _, _, _],
    ["DB-2", "己事项", _, _, _, _, _, _, _, "进行中", _, _, _, _, _],
    ["DB-3", "庚任务", "领导交办", D(2026, 3, 2), "学习部", _, "赵六", D(2026, 3, 10), "3/9 申请延期", "已延期", _,
     D(2026, 3, 9), D(2026, 3, 27), "场地未落实", "同意"],  # asked in time, approved: due 3/27, 5 left
    ["DB-4", "辛任务", "领导交办", D(2026, 3, 2), "体育部", _, _, D(2026, 3, 10), _, "进行中", _,
     D(2026, 3, 12), D(2026, 3, 27), "人手不足", "同意"],  # asked after the due date: still 3/10, 逾期 8
    ["DB-5", "壬任务", "领导交办", D(2026, 3, 2), "生活部", _, _, D(2026, 3, 16), _, "已完成", D(2026, 3, 17),
     _, _, _, _],  # 逾期完成 1
    ["DB-6", "癸任务", "领导交办", D(2026, 3, 2), "外联部", _, _, D(2026, 3, 31), _, "进行中", D(2026, 3, 19),
     _, _, _, _],  # 进行中 yet finished on 3/19: 待核实
    ["DB-7", "子任务", "领导交办", D(2026, 3, 2), "秘书处", _, _, _, _, "进行中", _, _, _, _, _],  # no due: 待核实
    ["DB-8", "丑任务", "领导交办", D(2026, 3, 2), "秘书处", _, _, D(2026, 3, 16), _, "已撤销", _, _, _, _, _],
    ["DB-9", "寅任务", "领导交办", D(2026, 3, 2), "组织部", _, _, D(2026, 3, 18), _, "进行中", _,
     D(2026, 3, 17), D(2026, 3, 25), "等待批复", _],  # not approved yet: still 3/18, 逾期 2
    ["DB-10", "卯任务", "领导交办", D(2026, 3, 2), "宣传部", _, _, D(2026, 3, 19), "3/16 初稿；3/18 定稿", "已完成", _,
     _, _, _, _],  # finished: the day of its last progress entry, 3/18
    ["DB-11", _, "收文 收〔2026〕2号", _, _, _, "张三", _, "3/19 已联系", _, _, _, _, _, _],  # the document: 逾期 4
    ["DB-12", "辰任务", "部长例会 2026-03-11 第9项", D(2026, 3, 2), "秘书处", _, _, D(2026, 3, 30), _, "进行中", _,
     _, _, _, _],  # no 9th decision: said; a task of its own, 6 left
]
IH = ["收文日期", "收文编号", "来文单位", "标题", "紧急程度", "类别", "主办部门", "会办部门", "办理时限", "办结日期", "办理结果",
      "传阅"]
INCOMING = [
    [D(2026, 3, 2), "收〔2026〕1号", "院团委", "子通知", "平件", "办件", "秘书处", _, D(2026, 3, 13), D(2026, 3, 12), "已落实", _],
    [D(2026, 3, 3), "收〔2026〕2号", "院团委", "丑通知", "平件", "办件", "组织部", _, D(2026, 3, 16), _, _, _],
    [D(2026, 3, 4), "收〔2026〕3号", "校团委", "寅通知", "平件", "阅件", _, _, _, _, _, "张三(3/5)"],
    [D(2026, 3, 5), "收〔2026〕4号", "院团委", "卯通知", "加急", "办件", "外联部", "生活部", _, _, _, _],  # due 3/10
]
EXPECTED = {  # id → (level, overdue working days, working days left)
    "议定事项-2": ("overdue", 5, None), "议定事项-3": ("due-soon", None, 2), "议定事项-6": ("normal", None, 9),
    "DB-1": ("done", None, None), "DB-2": ("due-soon", None, 0), "DB-3": ("normal", None, 5),
    "DB-4": ("overdue", 8, None), "DB-5": ("done-late", 1, None), "DB-6": ("unverified", None, None),
    "DB-7": ("unverified", None, None), "DB-8": ("cancelled", None, None), "DB-9": ("overdue", 2, None),
    "DB-10": ("done", None, None), "DB-11": ("overdue", 4, None), "DB-12": ("normal", None, 6),
    "收文-收〔2026〕1号": ("done", None, None), "收文-收〔2026〕4号": ("overdue", 8, None),
}


def task_office(tmp_path: Path, tasks=TASKS, decisions=DECISIONS, incoming=INCOMING, config: str = CONFIG,
                th=TH, dh=DH) -> Path:
    office = tmp_path / "o"
    office.mkdir(parents=True, exist_ok=True)
    (office / "sectools.toml").write_text(config, encoding="utf-8")
    sheet_book(office / "名册.xlsx", ROSTER, title="成员")
    sheet_book(office / "议定事项.xlsx", [dh] + decisions, title="议定事项")
    sheet_book(office / "督办台账.xlsx", [th] + tasks, title="督办事项")
    sheet_book(office / "收文登记.xlsx", [IH] + incoming, title="收文登记")
    return office


def run(office, today=TODAY):
    return jobs.tasks(load_office(office), today=today, out=False)


def test_every_rule_by_hand(tmp_path):
    job = run(task_office(tmp_path))
    got = {r["id"]: r for r in job.records()}
    assert {k: (r["level"], r["overdue_workdays"], r["workdays_left"]) for k, r in got.items()} == EXPECTED
    # overdue first (most overdue first), then to be checked, due soon, on track, done
    assert [r["id"] for r in job.records()][:4] == ["DB-4", "收文-收〔2026〕4号", "议定事项-2", "DB-11"]
    # the decision followed up by a row: its words, lead and partners come from the decision, the row's state wins
    assert (got["DB-1"]["title"], got["DB-1"]["lead"], got["DB-1"]["partners"], got["DB-1"]["due"]) == \
        ("丁事项", "秘书处", ["组织部"], "2026-03-31")
    assert got["DB-1"]["source"] == "部长例会 2026-03-11 第1项" and got["DB-1"]["finished"] == "2026-03-18"
    assert got["DB-2"]["source"] == "部长例会 2026-03-11 第3项" and got["DB-2"]["lead"] == "宣传部"  # 负责人 a department
    assert got["议定事项-2"]["lead"] == "组织部" and got["议定事项-6"]["lead"] is None  # roster; two 赵六
    assert (got["DB-3"]["due"], got["DB-3"]["original_due"], got["DB-3"]["extended"]) == ("2026-03-27", "2026-03-10",
                                                                                        True)
    assert (got["DB-4"]["due"], got["DB-4"]["extended"]) == ("2026-03-10", False)  # asked for too late
    assert (got["DB-9"]["due"], got["DB-9"]["extended"]) == ("2026-03-18", False)  # not approved (yet)
    assert got["DB-10"]["finished"] == "2026-03-18"  # the day of its last progress entry
    assert (got["DB-11"]["title"], got["DB-11"]["lead"], got["DB-11"]["owner"]) == ("丑通知", "组织部", "张三")
    assert got["DB-11"]["progress"] == "已联系" and got["DB-11"]["progress_date"] == "2026-03-19"
    assert "收文-收〔2026〕2号" not in got and "收文-收〔2026〕3号" not in got  # followed up by DB-11; a 阅件
    assert [n["title"] for n in job.result.not_tasks] == ["丙决定"]
    assert job.facts["tasks"] == 17 and job.facts["overdue"] == 5


def test_each_problem_names_its_cell(tmp_path):
    job = run(task_office(tmp_path))
    found = sorted((p.file, p.cell, p.code) for p in job.problems)
    assert found == [("督办台账.xlsx", "C13", "task-source-not-found"), ("督办台账.xlsx", "H8", "task-no-due"),
                     ("督办台账.xlsx", "J7", "task-done-but-open"), ("督办台账.xlsx", "L5", "task-extension-late"),
                     ("督办台账.xlsx", "O10", "task-extension-pending"),
                     ("议定事项.xlsx", "D6", "task-owner-ambiguous")]
    late = next(p for p in job.problems if p.code == "task-extension-late")
    assert "2026-03-12" in late.message() and "2026-03-10" in late.message()
    assert not job.errors


def test_errors_two_rows_for_one_decision_and_a_number_used_twice(tmp_path):
    tasks = TASKS + [["DB-1", "丁事项", "", _, _, _, _, _, _, "进行中", _, _, _, _, _],  # row 14: DB-1's decision
                     ["DB-13", "巳任务", "领导交办", D(2026, 3, 2), "外联部", _, _, D(2026, 3, 31), _, "已交", _, _, _, _,
                      _]]  # row 15: a state that is none of the words
    office = task_office(tmp_path, tasks)
    job = run(office)
    errs = sorted((p.cell, p.code) for p in job.errors)
    assert errs == [("A14", "task-duplicate-number"), ("C14", "task-duplicate-source"), ("J15", "bad-choice")]
    assert {r["id"]: r["level"] for r in job.records()}["DB-13"] == "unverified"  # never guessed to be on track
    assert "A2" in next(p for p in job.errors if p.code == "task-duplicate-number").message()
    refused = CliRunner().invoke(main, ["tasks", "remind", str(office)])
    assert refused.exit_code == 1 and "--force" in refused.output and "J15" in refused.output
    forced = jobs.notice(load_office(office), "督办催办通知", fmt="txt", opts=Options(today=TODAY, force=True),
                         out_dir=tmp_path / "f")
    assert forced.recipients == 4


def rank(level: str) -> int:
    return {"done": 0, "normal": 1, "due-soon": 2, "done-late": 3, "overdue": 4, "unverified": 4}[level]


def test_removing_evidence_never_improves_a_task(tmp_path):
    """Metamorphic: blanking the finishing dates, the progress, the extensions' approval or the date they were asked
    for, or a document's result, never moves a task to a better level nor raises a department's completion rate."""
    from sectools.tasks import completion_rates

    base_job = run(task_office(tmp_path / "base"))
    base = {r["id"]: r["level"] for r in base_job.records()}
    base_rates = completion_rates(base_job.result.tasks, None, TODAY)
    for column in ("完成日期", "进展", "延期批准", "延期申请日期", "办理结果"):
        tasks = [list(t) for t in TASKS]
        incoming = [list(x) for x in INCOMING]
        if column in TH:
            for t in tasks:
                t[TH.index(column)] = None
        else:
            for x in incoming:
                x[IH.index(column)] = None
        job = run(task_office(tmp_path / column, tasks, incoming=incoming))
        after = {r["id"]: r["level"] for r in job.records()}
        # (a task already to be checked is unknown, not a level: DB-6's date contradicts its state)
        worse = {k for k in after if base[k] not in ("cancelled", "unverified") and rank(after[k]) < rank(base[k])}
        assert not worse, (column, worse)
        rates = completion_rates(job.result.tasks, None, TODAY)
        assert all(rates.get(d, (0,))[0] <= r[0] for d, r in base_rates.items()), column
    assert base["DB-5"] == "done-late"  # and with no finishing date it is to be checked, never "done"
    no_dates = [list(t) for t in TASKS]
    for t in no_dates:
        t[TH.index("完成日期")] = None
    assert {r["id"]: r["level"] for r in run(task_office(tmp_path / "nd", no_dates)).records()}["DB-5"] == "unverified"


def test_the_same_facts_in_another_layout(tmp_path):
    """Metamorphic: columns in another order and headed as other offices head them give the same tasks."""
    other = ["编号", "任务来源", "工作事项", "承办部门", "协办部门", "负责人", "截止日期", "立项日期", "状态", "办结日期",
             "落实情况", "延至", "申请延期日期", "延期原因", "批准延期"]
    order = [TH.index(h) for h in ("督办编号", "来源", "事项", "主办部门", "会办部门", "责任人", "完成时限", "交办日期", "状态",
                                   "完成日期", "进展", "延期至", "延期申请日期", "延期理由", "延期批准")]
    tasks = [[t[i] for i in order] for t in TASKS]
    decisions = [[d[2], d[0], d[1], d[6], d[5], d[4], d[3]] for d in DECISIONS]
    dh = ["决定事项", "会议日期", "会议", "配合部门", "牵头部门", "截止日期", "责任人"]
    a = run(task_office(tmp_path / "a")).records()
    b = run(task_office(tmp_path / "b", tasks, decisions, th=other, dh=dh)).records()
    strip = lambda rs: sorted((r["id"], r["level"], r["due"], r["lead"], r["title"]) for r in rs)  # noqa: E731
    assert strip(a) == strip(b)


def test_by_department_and_the_completion_rate(tmp_path):
    from sectools.tasks import completion_rates

    res = run(task_office(tmp_path)).result
    deps = {r["department"]: r for r in res.departments}
    assert (deps["组织部"]["total"], deps["组织部"]["overdue"], deps["组织部"]["helping"], deps["组织部"]["rate"]) == \
        (3, 3, 1, 0.0)
    assert (deps["宣传部"]["due_soon"], deps["宣传部"]["done"], deps["宣传部"]["rate"]) == (2, 1, 0.5)
    assert (deps["秘书处"]["total"], deps["秘书处"]["cancelled"], deps["秘书处"]["unverified"], deps["秘书处"]["rate"]) == \
        (5, 1, 1, 1.0)
    assert deps["学习部"]["rate"] is None and deps["生活部"]["rate"] == 1.0  # nothing due yet; finished late is finished
    assert deps[""]["total"] == 1  # 戊事项: no lead
    rates = completion_rates(res.tasks, D(2026, 3, 1), TODAY)
    assert rates == {"组织部": (0.0, 3), "宣传部": (0.5, 2), "秘书处": (1.0, 2), "体育部": (0.0, 1), "生活部": (1.0, 1),
                     "外联部": (0.0, 1)}


def test_the_kpi_indicator(tmp_path):
    """督办完成率: each department's share of its tasks due in the period that are done; a department with none due
    is not appraised on it (its weight goes to the others), never given 0."""
    office = task_office(tmp_path)
    cfg = CONFIG + '\n[tables.indicators]\npath = "考核指标.xlsx"\n\n[tables.ratings]\npath = "评分表.xlsx"\n'
    (office / "sectools.toml").write_text(cfg, encoding="utf-8")
    sheet_book(office / "考核指标.xlsx", [["指标", "类别", "权重", "评分方式", "数据来源", "满分", "考核对象"],
                                        ["督办完成", "管理", 100, "比率", "督办完成率", 100, "部门"]], title="考核指标")
    sheet_book(office / "评分表.xlsx", [["期间", "学号", "姓名", "指标", "评分人类别", "分数"],
                                      ["2026-03", "001", "张三", "督办完成", "部长评", 90]], title="评分")
    job = jobs.kpi(load_office(office), "2026-03", target="department", out=False)
    got = {r["id"] or r["name"]: r for r in job.result.rows}
    # levels as of the real today: over March, 宣传部 has 乙事项 (3/24), 己事项 (3/20) and 卯任务 (done) due
    assert got["宣传部"]["indicators"]["督办完成"] == 33.33
    assert got["秘书处"]["indicators"]["督办完成"] == 66.67  # 丁事项 done, 辰任务 not, 子通知 done; 子任务 no due
    assert got["生活部"]["indicators"]["督办完成"] == 100.0 and got["组织部"]["indicators"]["督办完成"] == 0.0
    assert got["学习部"]["indicators"]["督办完成"] == 0.0  # 庚任务, due 3/27, not done
    basis = next(t for t in job.result.trace if t["key"] == "宣传部" and t["indicator"] == "督办完成")["basis"]
    assert basis.render("zh-CN") == "宣传部主办的 3 件到期督办事项完成 1 件，见督办通报"


def test_the_report_workbook_and_the_json(tmp_path):
    office = task_office(tmp_path)
    job = jobs.tasks(load_office(office), today=TODAY, out=tmp_path / "督办.xlsx")
    wb = openpyxl.load_workbook(job.files[0])
    assert wb.sheetnames == ["督办事项", "按部门", "逾期清单", "未列入督办", "问题清单"]
    table = [r for r in wb["督办事项"].iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(table) if r[0] == "督办等级")
    first = dict(zip(table[head], table[head + 1]))
    assert (first["督办等级"], first["编号"], first["事项"], first["剩余或逾期工作日"]) == ("逾期", "DB-4", "辛任务", 8)
    fills = {cf.sqref: [r.formula for r in cf.rules] for cf in wb["督办事项"].conditional_formatting}
    assert any(['"逾期"'] in v for v in fills.values()) and any(['"临期"'] in v for v in fills.values())
    extended = next(dict(zip(table[head], r)) for r in table[head + 1:] if r[1] == "DB-3")
    assert extended["原时限"] == dt.datetime(2026, 3, 10) and extended["完成时限"] == dt.datetime(2026, 3, 27)
    late = [[c.value for c in r] for r in wb["逾期清单"].iter_rows(min_row=3) if r[0].value]
    assert [r[1] for r in late] == ["议定事项-2", "DB-11", "DB-9", "DB-4", "收文-收〔2026〕4号"]  # in the office's
    # order of departments, the most overdue first
    r = CliRunner().invoke(main, ["tasks", str(office), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert {"id", "title", "lead", "partners", "due", "status", "level", "overdue_workdays"} <= set(data[0])
    assert {d["status"] for d in data} >= {"done", "in-progress", "cancelled", "extended", "not-recorded"}


def test_the_report_notice_and_the_reminders(tmp_path):
    office = task_office(tmp_path)
    res = jobs.notice(load_office(office), "督办通报", fmt="txt", opts=Options(today=TODAY), out_dir=tmp_path / "n")
    body = res.files[0].read_text(encoding="utf-8")
    assert "督办事项共16件：已完成4件（其中逾期完成1件），正常推进3件，临期2件，逾期5件，另有 2 件" in body
    assert "辛任务" in body and "甲事项" in body and "2026年3月10日" in body
    rem = jobs.notice(load_office(office), "督办催办通知", fmt="txt", opts=Options(today=TODAY), out_dir=tmp_path / "r")
    assert sorted(p.name for p in rem.files) == [f"督办催办通知_2026-03-20_{d}.txt" for d in
                                                 sorted(["组织部", "宣传部", "体育部", "外联部"])]
    zz = next(p for p in rem.files if p.name.endswith("组织部.txt")).read_text(encoding="utf-8")
    assert "甲事项" in zz and "寅任务" in zz and "丑通知" in zz and "将于" not in zz  # all three overdue, none soon
    xc = next(p for p in rem.files if p.name.endswith("宣传部.txt")).read_text(encoding="utf-8")
    assert "已超过完成时限" not in xc and "乙事项" in xc and "己事项" in xc  # a warning before the deadline
    assert rem.said == []  # 戊事项 has no lead, but it is on track: nothing to chase


def test_decisions_alone_and_nothing_at_all(tmp_path):
    """An office with only its 议定事项 is supervised; one with neither register nor decisions is told where to start."""
    office = task_office(tmp_path)
    (office / "督办台账.xlsx").unlink()
    (office / "收文登记.xlsx").unlink()
    cfg = CONFIG.replace('[tables.tasks]\npath = "督办台账.xlsx"\n', "").replace(
        '[tables.incoming]\npath = "收文登记.xlsx"\n', "")
    (office / "sectools.toml").write_text(cfg, encoding="utf-8")
    got = {r["id"]: r["level"] for r in run(office).records()}
    assert got == {"议定事项-2": "overdue", "议定事项-3": "due-soon", "议定事项-5": "normal", "议定事项-6": "normal",
                   "议定事项-7": "due-soon"}  # with nobody to say they are done, by their due dates alone
    (office / "议定事项.xlsx").unlink()
    (office / "sectools.toml").write_text(cfg.replace('[tables.decisions]\npath = "议定事项.xlsx"\n', ""),
                                          encoding="utf-8")
    r = CliRunner().invoke(main, ["tasks", str(office)])
    assert r.exit_code == 1 and "督办台账.xlsx" in r.output and "Traceback" not in r.output


def test_a_register_without_a_due_or_state_column_is_refused(tmp_path):
    """完成时限 headed 要求: no task of the register could ever be overdue; 状态 and 完成日期 both missing: none could
    ever be finished. Refused, naming what was looked for."""
    th = ["要求" if h == "完成时限" else h for h in TH]
    r = CliRunner().invoke(main, ["tasks", str(task_office(tmp_path / "a", th=th))])
    assert r.exit_code == 1 and "完成时限" in r.output
    keep = [i for i, h in enumerate(TH) if h not in ("状态", "完成日期")]
    r = CliRunner().invoke(main, ["tasks", str(task_office(tmp_path / "b", [[t[i] for i in keep] for t in TASKS],
                                                          th=[TH[i] for i in keep]))])
    assert r.exit_code == 1 and "状态" in r.output


def test_the_demo(demo_office):
    root = demo_office[0]
    job = jobs.tasks(load_office(root), today=D(2026, 7, 10), out=False)
    got = {r["title"]: r for r in job.records()}
    assert got["汇总学生会干部述职考核材料"]["level"] == "overdue"  # its extension came after the due date
    assert got["整理本学期学生会工作档案并移交学院办公室"]["level"] == "due-soon"  # extended in time, to 7/15
    assert got["整理本学期学生会工作档案并移交学院办公室"]["extended"] is True
    assert got["编印本学期工作总结汇编"]["level"] == "normal" and got["编印本学期工作总结汇编"]["origin"] == "decision"
    assert got["制作学生会新学期宣传海报和推文"]["level"] == "done-late"
    assert got["关于报送学生会干部考核结果的通知"]["level"] == "overdue"
    assert got["收集同学对食堂的意见建议"]["level"] == "cancelled"
    assert {p.code for p in job.problems} == {"task-extension-late", "task-owner-unplaced"} and not job.errors
    assert len(job.result.not_tasks) == 1


def test_the_excel_button(tmp_path):
    from .test_excel import added, alert, payload, run_script, sheet_values

    book = sheet_book(tmp_path / "督办.xlsx", [TH] + TASKS, title="督办事项",
                      extra_sheets={"议定事项": [DH] + DECISIONS})
    data = payload(book)
    mine = len(data["sheets"])
    actions = run_script("sectools_tasks", data)
    new = added(actions)
    assert min(new.values()) >= mine
    values = sheet_values(actions, new["督办通报"])
    assert values[1][:3] == ["督办等级", "编号", "事项"]
    ids = [r[1] for r in values[2:] if r[0]]
    assert "DB-1" in ids and "议定事项-2" in ids  # the book's decisions are read too
    assert "件督办事项" in alert(actions)


def test_a_walk_through_s_findings(tmp_path):
    """From a clerk's walk-through: a 完成日期 still to come is said once (never also "no date") and is 待核实; a
    来源 naming a document the register lacks is said; 时限 / 办结时间 headers are read, a missing one said at the
    header; no lead is chased for a task already done; a check before the report lists nothing twice."""
    tasks = [list(t) for t in TASKS] + [
        ["DB-13", "巳任务", "领导交办", D(2026, 3, 2), "外联部", _, _, D(2026, 3, 31), _, "已完成", D(2026, 3, 25),
         _, _, _, _],  # row 14: finished on a day to come
        ["DB-14", _, "收文 收〔2026〕99号", D(2026, 3, 2), "秘书处", _, _, D(2026, 3, 31), _, "进行中", _, _, _, _, _],
        ["DB-15", "午任务", "领导交办", D(2026, 3, 2), _, _, _, D(2026, 3, 10), _, "已完成", D(2026, 3, 9),
         _, _, _, _]]  # row 16: done, no lead: nobody to chase, nothing said
    dh = ["时限" if h == "完成时限" else h for h in DH]
    th = ["办结时间" if h == "完成日期" else h for h in TH]
    office = task_office(tmp_path, tasks, dh=dh, th=th)
    job = run(office)
    got = {r["id"]: r for r in job.records()}
    assert got["DB-13"]["level"] == "unverified" and got["DB-15"]["level"] == "done"
    assert got["议定事项-2"]["due"] == "2026-03-13" and got["DB-5"]["finished"] == "2026-03-17"  # 时限, 办结时间
    found = [(p.cell, p.code) for p in job.problems]
    assert [c for c in found if c[0] == "K14"] == [("K14", "task-date-ahead")]
    assert ("C15", "task-source-doc-not-found") in found and not [c for c in found if c[0] and c[0].endswith("16")]
    src = __import__("sectools.sources", fromlist=["OfficeSource"]).OfficeSource.load(office)
    jobs.check(src)
    again = jobs.tasks(src, today=TODAY, out=False)
    assert sorted(map(str, again.problems)) == sorted(map(str, job.problems))  # check no longer adds its own to them
    no_due = [h for h in TH if h != "完成时限"]
    thin = [[t[TH.index(h)] for h in no_due] for t in TASKS]
    r = CliRunner().invoke(main, ["tasks", str(task_office(tmp_path / "t", thin, th=no_due))])
    assert r.exit_code == 1 and "完成时限" in r.output  # refused: no task could ever be overdue
    no_lead = [h for h in TH if h != "主办部门"]
    job = run(task_office(tmp_path / "l", [[t[TH.index(h)] for h in no_lead] for t in TASKS], th=no_lead))
    gone = [p for p in job.problems if p.code == "missing-column"]
    assert len(gone) == 1 and "主办部门" in gone[0].message() and gone[0].severity == "warning"  # said once


def test_the_notice_adds_up_and_the_reminder_asks_in_time(tmp_path):
    office = task_office(tmp_path)
    ctx = jobs.notice_data(load_office(office), "督办通报", Options(today=TODAY)).recipients[0].context
    for d in ctx["departments"]:
        assert d["total"] == d["normal"] + d["soon"] + d["overdue"] + d["unverified"] + d["done"], d
    assert ctx["total"] == sum(d["total"] for d in ctx["departments"]) == 16
    assert (ctx["new_week"], ctx["done_week"]) == (0, 3)  # the seven days 3/14–3/20: DB-5, DB-1, DB-10 (收文1: 3/12)
    rem = jobs.notice_data(load_office(office), "督办催办通知", Options(today=TODAY))
    xc = next(r.context for r in rem.recipients if r.label == "宣传部")
    assert xc["reply_by"] == "2026年3月20日"  # 己事项 is due today: the answer is asked for by then, not after
    zz = next(r.context for r in rem.recipients if r.label == "组织部")
    assert zz["reply_by"] == "2026年3月25日"  # three working days on


def test_the_report_as_of_a_day_and_after_the_semester(tmp_path):
    office = task_office(tmp_path)
    r = CliRunner().invoke(main, ["tasks", str(office), "--date", "2026-03-20", "--format", "json"])
    assert r.exit_code == 0 and {d["id"]: d["level"] for d in json.loads(r.stdout)}["DB-3"] == "normal"
    late = jobs.tasks(load_office(office), today=D(2026, 12, 7), out=False)
    assert "tasks-after-semester" in {p.code for p in late.problems}
    assert "--date 2026-07-10" in next(p for p in late.problems if p.code == "tasks-after-semester").message()
