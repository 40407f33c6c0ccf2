"""考勤 rules, each against a hand-computed expectation, on real workbooks built here."""

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

from .conftest import sheet_book
from .ledgers import LAYOUTS, write_ledger_sheet

D = dt.date
T = dt.time

ROSTER = [
    ["学号", "姓名", "部门", "职务", "入职日期", "离任日期", "状态"],
    ["001", "甲", "秘书处", "干事", D(2026, 3, 1), None, "在任"],
    ["002", "乙", "秘书处", "部长", D(2025, 9, 1), None, "在任"],
    ["003", "丙", "宣传部", "干事", D(2025, 9, 1), D(2026, 3, 20), "已退出"],
    ["004", "丁", "宣传部", "干事", D(2026, 3, 16), None, "在任"],
    ["005", "张伟", "宣传部", "干事", D(2025, 9, 1), None, "在任"],
    ["006", "张伟", "学习部", "干事", D(2025, 9, 1), None, "在任"],
]
MEETINGS = [
    ["日期", "开始时间", "结束时间", "会议名称", "类型", "参会范围"],
    [D(2026, 3, 8), T(19), T(20), "第1周例会", "例会", "全体"],
    [D(2026, 3, 15), T(19), T(20), "第2周例会", "例会", "全体"],
    [D(2026, 3, 22), T(19), T(20), "第3周例会", "例会", "全体"],
    [D(2026, 3, 10), T(12, 30), T(13), "秘书处例会", "秘书处例会", "秘书处"],
    [D(2026, 3, 11), T(12, 30), T(13, 10), "部长会", "部长级会议", "部长级"],
]
# The same facts a clerk could type in a log or in a ledger: (meeting date, id, mark or time).
FACTS = [
    (D(2026, 3, 8), "001", T(19, 0)),  # on time (start + 0 grace) → present
    (D(2026, 3, 8), "002", T(19, 5)),  # late
    (D(2026, 3, 8), "003", "√"),
    (D(2026, 3, 8), "005", T(19, 20)),  # 20 min late > 15 → absent (旷会)
    (D(2026, 3, 8), "006", "请假"),  # a leave mark → personal leave
    (D(2026, 3, 15), "001", T(19, 10)),  # late
    (D(2026, 3, 15), "002", "早退"),
    (D(2026, 3, 15), "005", "×"),
    (D(2026, 3, 22), "001", "遲到"),  # Traditional
    (D(2026, 3, 22), "002", T(18, 50)),
    (D(2026, 3, 22), "004", "到"),
    (D(2026, 3, 22), "005", "公"),  # official leave mark
    (D(2026, 3, 22), "006", "缺席"),
    (D(2026, 3, 10), "002", "✓"),
    (D(2026, 3, 11), "002", T(12, 46)),  # 16 min late → absent
]
LEAVES = [
    ["学号", "姓名", "日期", "会议名称", "类型", "批准"],
    ["006", "张伟", D(2026, 3, 15), "第2周例会", "病假", "是"],
    ["006", "张伟", D(2026, 3, 22), None, "公假", "否"],  # not approved → absent
]
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10
departments = ["秘书处", "宣传部", "学习部"]

[tables.roster]
path = "名册.xlsx"
[tables.meetings]
path = "会议.xlsx"
[tables.signins]
path = "签到.xlsx"
[tables.leaves]
path = "请假.xlsx"

[attendance]
grace_minutes = 0
late_as_absent_minutes = 15
lates_per_absence = 3

[[attendance.actions]]
absences = 2
action = "提醒"
notice = "考勤提醒"

[[attendance.actions]]
absences = 3
action = "通报部长并撤销职务"

[[attendance.actions]]
kind = "秘书处例会"
absences = 1
action = "视为自动退出"
"""
NAMES = {r[0]: r[1] for r in ROSTER[1:]}
MEETING_NAME = {r[0]: r[3] for r in MEETINGS[1:]}


def log_rows(extra: list[list] | None = None) -> list[list]:
    rows = [["日期", "会议名称", "学号", "姓名", "状态", "签到时间", "签退时间"]]
    for d, sid, v in FACTS:
        mark, t = (None, v) if isinstance(v, dt.time) else (v, None)
        rows.append([d, MEETING_NAME[d], sid, NAMES[sid], mark, t, None])
    return rows + (extra or [])


def write_ledger(path: Path) -> Path:
    """The same facts as a semester ledger: a merged month row over the meeting days."""
    dates = sorted({r[0] for r in MEETINGS[1:]})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["考勤台账"])
    ws.append(["序号", "学号", "姓名", "部门"] + ["3月"] + [None] * (len(dates) - 1))
    ws.append([None] * 4 + [d.day for d in dates])
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=4 + len(dates))
    for c in range(1, 5):
        ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    facts = {(d, sid): v for d, sid, v in FACTS}
    for k, row in enumerate(ROSTER[1:]):
        ws.append([k + 1, row[0], row[1], row[2]] + [facts.get((d, row[0])) for d in dates])
    ws.append(["合计"])
    wb.save(path)
    return path


def make_office(folder: Path, signins: str = "log", config: str = CONFIG, extra_log: list[list] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sectools.toml").write_text(config, encoding="utf-8")
    sheet_book(folder / "名册.xlsx", ROSTER)
    sheet_book(folder / "会议.xlsx", MEETINGS, title="会议")
    sheet_book(folder / "请假.xlsx", LEAVES, title="请假")
    if signins == "log":
        sheet_book(folder / "签到.xlsx", log_rows(extra_log), title="签到")
    else:
        write_ledger(folder / "签到.xlsx")
    return folder


def by_id(res) -> dict[str, dict]:
    """Per member: every figure and every meeting's status (where the record sits is layout's business)."""
    out = {}
    for r in res.as_records():
        r["meetings"] = [(m["date"], m["meeting"], m["status"]) for m in r["meetings"]]
        out[r["id"]] = r
    return out


EXPECTED = {
    # id: expected present late left_early personal sick official absent counted rate streak
    "001": (4, 1, 2, 0, 0, 0, 0, 1, 1, 0.75, 1),
    "002": (5, 2, 1, 1, 0, 0, 0, 1, 1, 0.8, 1),
    "003": (2, 1, 0, 0, 0, 0, 0, 1, 1, 0.5, 1),
    "004": (1, 1, 0, 0, 0, 0, 0, 0, 0, 1.0, 0),
    "005": (3, 0, 0, 0, 0, 0, 1, 2, 2, 0.0, 2),
    "006": (3, 0, 0, 0, 1, 1, 0, 1, 1, 0.0, 1),
}
KEYS = ("expected", "present", "late", "left_early", "personal_leave", "sick_leave", "official_leave", "absent",
        "counted_absences", "rate", "longest_absence_streak")


def test_every_rule_against_hand_computed_counts(tmp_path):
    res = jobs.attendance(load_office(make_office(tmp_path / "o")), out=False).result
    got = by_id(res)
    for sid, exp in EXPECTED.items():
        assert tuple(got[sid][k] for k in KEYS) == exp, sid
    actions = sorted((a["id"], a["action"], a["count"]) for a in res.actions)
    assert actions == [("001", "视为自动退出", 1), ("005", "提醒", 2)]
    a001 = next(a for a in res.actions if a["id"] == "001")
    assert a001["meetings"] == ["2026-03-10 秘书处例会（缺席）"] and "秘书处例会" in a001["rule"]
    a005 = next(a for a in res.actions if a["id"] == "005")
    assert a005["meetings"] == ["2026-03-08 第1周例会（缺席）", "2026-03-15 第2周例会（缺席）"]
    dep = res.departments.set_index("department")
    assert dep.loc["秘书处", "expected"] == 9 and dep.loc["秘书处", "attended"] == 7
    assert dep.loc["秘书处", "rate"] == pytest.approx(7 / 9)
    m1 = res.meetings.set_index("meeting").loc["第1周例会"]
    assert (m1["expected"], m1["attended"], m1["leave"], m1["absent"]) == (5, 3, 1, 1)
    assert m1["absent_names"] == "张伟（宣传部）" and m1["leave_names"] == "张伟（学习部）"  # two 张伟: told apart
    assert res.problems == [] or all(p.severity == "warning" for p in res.problems)


def test_log_and_ledger_layouts_agree(tmp_path):
    log = jobs.attendance(load_office(make_office(tmp_path / "log", "log")), out=False).result
    ledger = jobs.attendance(load_office(make_office(tmp_path / "ledger", "matrix")), out=False).result
    assert by_id(log) == by_id(ledger)
    assert log.actions == ledger.actions


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_ledger_layout_reads_as_the_log(tmp_path, layout):
    """The same facts as a ledger headed in each way offices head one give the log's results."""
    office = make_office(tmp_path / "o")
    wb = openpyxl.Workbook()
    write_ledger_sheet(wb.active, [(r[0], r[1]) for r in ROSTER[1:]], {(d, sid): v for d, sid, v in FACTS}, layout,
                       D(2026, 3, 1))
    wb.save(office / "签到.xlsx")
    ledger = jobs.attendance(load_office(office), out=False)
    log = jobs.attendance(load_office(make_office(tmp_path / "log")), out=False).result
    assert by_id(ledger.result) == by_id(log)
    assert ledger.result.actions == log.actions
    assert not [p for p in ledger.problems if p.severity == "error"]


def test_ledger_number_heading_the_order_cannot_decide_is_reported(tmp_path):
    """3.1 first in the row may be 3月1日 or 3月10日: the column is reported, never guessed."""
    office = make_office(tmp_path / "o")
    wb = openpyxl.Workbook()
    facts = {(d, sid): v for d, sid, v in FACTS if d != D(2026, 3, 8)}  # 3.1 (3/10) is now the first column
    write_ledger_sheet(wb.active, [(r[0], r[1]) for r in ROSTER[1:]], facts, "dot-number", D(2026, 3, 1))
    wb.save(office / "签到.xlsx")
    job = jobs.attendance(load_office(office), out=False)
    amb = [p for p in job.problems if p.code == "ambiguous-ledger-date"]
    assert [(p.sheet, p.cell, p.value) for p in amb] == [("Sheet", "D2", "2026-03-01 / 2026-03-10")]
    assert "3.10" in amb[0].message()
    # The meeting on 3/10 has no sign-in now: it is left out and said so, not counted as everyone absent.
    assert {m["meeting"] for m in job.result.left_out if m["reason"] == "no-signins"} == {"第1周例会", "秘书处例会"}


def test_ledger_week_rows_need_the_semester_start(tmp_path):
    office = make_office(tmp_path / "o", config=CONFIG.replace("semester_start = 2026-03-01\n", ""))
    wb = openpyxl.Workbook()
    write_ledger_sheet(wb.active, [(r[0], r[1]) for r in ROSTER[1:]], {(d, sid): v for d, sid, v in FACTS},
                       "week-weekday", D(2026, 3, 1))
    wb.save(office / "签到.xlsx")
    r = CliRunner().invoke(main, ["attendance", str(office)])
    assert r.exit_code == 1 and "semester_start" in r.output and "内部出错" not in r.output


def test_ledger_date_under_the_wrong_week_is_warned(tmp_path):
    office = make_office(tmp_path / "o")
    wb = openpyxl.Workbook()
    write_ledger_sheet(wb.active, [(r[0], r[1]) for r in ROSTER[1:]], {(d, sid): v for d, sid, v in FACTS},
                       "week-month-day", D(2026, 3, 1))
    wb.active["D2"] = "第9周"
    wb.save(office / "签到.xlsx")
    job = jobs.attendance(load_office(office), out=False)
    assert [(p.code, p.cell) for p in job.problems if p.code.startswith("ledger-")] == [("ledger-week-mismatch", "D4")]


def test_rules_change_with_the_config(tmp_path):
    cfg = CONFIG.replace("grace_minutes = 0", "grace_minutes = 5").replace(
        "late_as_absent_minutes = 15", "late_as_absent_minutes = 30").replace(
        "lates_per_absence = 3", "lates_per_absence = 2")
    got = by_id(jobs.attendance(load_office(make_office(tmp_path / "o", config=cfg)), out=False).result)
    # 002: 19:05 is within 5 minutes' grace → present; 12:46 is 16 min late, < 30 → late.
    assert (got["002"]["present"], got["002"]["late"], got["002"]["absent"]) == (3, 1, 0)
    # 005: 19:20 is 20 min late: late now, not absent.
    assert (got["005"]["late"], got["005"]["absent"]) == (1, 1)
    # 001: late twice (19:10, 遲到) with 2 lates per absence: 1 absent + 2 // 2 = 2 counted.
    assert got["001"]["counted_absences"] == 2


def test_filters_by_date_and_kind(tmp_path):
    off = load_office(make_office(tmp_path / "o"))
    res = jobs.attendance(off, date_from=D(2026, 3, 9), date_to=D(2026, 3, 15), out=False).result
    assert set(res.meetings["meeting"]) == {"第2周例会", "秘书处例会", "部长会"}
    assert by_id(res)["002"]["expected"] == 3
    res = jobs.attendance(off, kind="例会", out=False).result
    assert len(res.meetings) == 3 and by_id(res)["001"]["expected"] == 3
    from sectools.errors import SectoolsError

    with pytest.raises(SectoolsError) as e:
        jobs.attendance(off, kind="茶话会", out=False).result
    assert e.value.problems[0].code == "no-meetings"


def test_records_that_cannot_be_matched_are_reported_not_guessed(tmp_path):
    extra = [
        [D(2026, 3, 8), "第1周例会", None, "张伟", "到", None, None],  # two members share the name
        [D(2026, 3, 8), "第1周例会", "999", "路人", "到", None, None],  # not in the roster
        [D(2026, 3, 9), None, "001", "甲", "到", None, None],  # no meeting that day
        [D(2026, 3, 8), "第1周例会", "004", "丁", "到了吗", None, None],  # unknown mark
        [D(2026, 3, 8), "第1周例会", "002", "乙", "到", None, None],  # a second record
        [D(2026, 3, 8), "第1周例会", "001", "甲乙", "到", None, None],  # name differs from the id's
    ]
    res = jobs.attendance(load_office(make_office(tmp_path / "o", extra_log=extra)), out=False).result
    found = sorted((p.cell, p.code, p.severity) for p in res.problems if p.file == "签到.xlsx")
    n = len(FACTS) + 1  # header row 1, facts in rows 2..16
    assert found == sorted([
        (f"D{n + 1}", "ambiguous-member", "error"),
        (f"C{n + 2}", "unknown-member", "error"),
        (f"A{n + 3}", "unknown-meeting", "error"),
        (f"E{n + 4}", "bad-status", "error"),
        (f"E{n + 5}", "duplicate-signin", "warning"),
        (f"D{n + 6}", "member-mismatch", "warning"),
        (f"E{n + 6}", "duplicate-signin", "warning"),
    ])
    assert by_id(res) == by_id(jobs.attendance(load_office(make_office(tmp_path / "clean")), out=False).result)
    msgs = {p.code: p.message() for p in res.problems}
    assert "同名" in msgs["ambiguous-member"] and "未计入" in msgs["unknown-member"]
    assert "到了吗" in msgs["bad-status"]


def test_ledger_bad_mark_points_at_its_cell(tmp_path):
    office = make_office(tmp_path / "o", "matrix")
    wb = openpyxl.load_workbook(office / "签到.xlsx")
    wb["台账"]["E4"] = "？"
    wb.save(office / "签到.xlsx")
    res = jobs.attendance(load_office(office), out=False).result
    assert [(p.sheet, p.cell, p.code) for p in res.problems if p.code == "bad-status"] == [("台账", "E4", "bad-status")]


def test_left_without_a_date_and_unknown_scope_are_warned(tmp_path):
    office = make_office(tmp_path / "o")
    rows = [r[:] for r in ROSTER]
    rows[4][6] = "撤职"  # 丁 dismissed, no leaving date
    sheet_book(office / "名册.xlsx", rows)
    mts = [r[:] for r in MEETINGS]
    mts[5][5] = "部长级、火星部"
    sheet_book(office / "会议.xlsx", mts, title="会议")
    res = jobs.attendance(load_office(office), out=False).result
    codes = {(p.code, p.cell) for p in res.problems}
    assert ("left-date-missing", "F5") in codes and ("unknown-scope", "F6") in codes
    assert "004" not in by_id(res)


def test_bad_attendance_config_is_a_clear_error(tmp_path):
    cfg = CONFIG.replace("lates_per_absence = 3", "lates_per_absence = 0")
    r = CliRunner().invoke(main, ["attendance", str(make_office(tmp_path / "o", config=cfg))])
    assert r.exit_code == 1 and "attendance.lates_per_absence" in r.output and "Traceback" not in r.output


def test_cli_json_csv_and_report(tmp_path):
    office = make_office(tmp_path / "o")
    r = CliRunner().invoke(main, ["attendance", str(office), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    keys = {"id", "name", "department", "post", "expected", "present", "late", "left_early", "personal_leave",
            "sick_leave", "official_leave", "absent", "counted_absences", "rate", "actions"}
    assert keys <= set(data[0])
    assert next(d for d in data if d["id"] == "005")["actions"][0]["action"] == "提醒"
    r = CliRunner().invoke(main, ["attendance", str(office), "--format", "csv"], catch_exceptions=False)
    assert r.stdout.splitlines()[0].startswith("学号,姓名,部门,职务,应到")
    out = tmp_path / "考勤.xlsx"
    r = CliRunner().invoke(main, ["attendance", str(office), "--out", str(out)], catch_exceptions=False)
    assert r.exit_code == 0 and "提醒" in r.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:5] == ["成员考勤", "部门汇总", "按周", "会议明细", "处理名单"]
    ws = wb["成员考勤"]
    assert [c.value for c in ws[2]][:5] == ["学号", "姓名", "部门", "职务", "应到"]
    assert ws.freeze_panes == "A3" and ws.conditional_formatting
    assert wb["部门汇总"]._charts and wb["按周"]._charts


def test_signin_sheet_lists_expected_members_with_leave(tmp_path):
    office = make_office(tmp_path / "o")
    out = tmp_path / "签到表.xlsx"
    r = CliRunner().invoke(main, ["signin-sheet", str(office), "--meeting", "2026-03-22", "--out", str(out)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(out).active
    assert "第3周例会 签到表" in ws["A1"].value
    assert "2026年3月22日 星期日 19:00–20:00" in ws["A2"].value
    assert [c.value for c in ws[4]] == ["序号", "部门", "姓名", "职务", "签到时间", "本人签名", "备注"]
    names = [ws.cell(row=r, column=3).value for r in range(5, 10)]
    assert names == ["乙", "甲", "丁", "张伟", "张伟"]  # 丙 has left; 丁 has joined; department order
    notes = [ws.cell(row=r, column=7).value for r in range(5, 10)]
    assert notes[4] == "公假（未批准）"
    assert "应到 5 人" in ws.cell(row=11, column=1).value
    assert ws.print_title_rows.replace("$", "") == "4:4" and ws.page_setup.paperSize == 9
    r = CliRunner().invoke(main, ["signin-sheet", str(office), "--meeting", "第9周例会"])
    assert r.exit_code == 1 and "找不到" in r.output


def test_demo_attendance_runs_and_flags_members(demo_office):
    office, output = demo_office
    assert "考勤统计.xlsx" in output and "签到表_" in output
    res = jobs.attendance(load_office(office), out=False).result
    assert len(res.meetings) > 30 and len(res.members) > 75
    assert {a["action"] for a in res.actions} >= {"提醒", "通报部长并撤销职务", "视为自动退出"}
    assert not [p for p in res.problems if p.severity == "error"]


DEMO_SIGNINS = Path("签到") / "签到.xlsx"  # the demo keeps its sign-ins as a folder: this book and May's QR exports


def _demo_ledger_pair(root: Path, dst: Path, layout: str) -> tuple[Path, Path]:
    """The demo office twice: its log (签退 dropped: a ledger cell holds one mark or time), and the same
    facts with every meeting that has a date of its own moved from the log into a ledger sheet."""
    import shutil

    pair = []
    for name in ("log", "ledger"):
        office = dst / name
        shutil.copytree(root, office, ignore=shutil.ignore_patterns("输出", ".sectools"))
        pair.append(office)
    mts = openpyxl.load_workbook(root / "会议.xlsx").active
    dates = [r[0] for r in mts.iter_rows(min_row=3, values_only=True) if r[0]]
    single = {d.date() for d in dates if dates.count(d) == 1}
    start = load_office(root).semester_start
    roster = [(r[0], r[1]) for r in openpyxl.load_workbook(root / "名册.xlsx").active.iter_rows(min_row=3, values_only=True)
              if r[0]]
    for office, move in zip(pair, (False, True)):
        wb = openpyxl.load_workbook(office / DEMO_SIGNINS)
        old = wb["签到记录"]
        rows = [[c.value for c in r] for r in old.iter_rows()]
        assert rows[1][5:8] == ["签到时间", "签退时间", "备注"]
        index = wb.index(old)
        wb.remove(old)
        log = wb.create_sheet("签到记录", index)
        facts = {}
        for k, (d, meeting, sid, name, mark, t, *_rest) in enumerate(rows):
            if move and k >= 2 and d and d.date() in single:
                if mark or t:
                    facts[(d.date(), sid)] = t or mark  # a time says more than its √
                continue
            log.append([d, meeting, sid, name, mark, t])
        if move:
            write_ledger_sheet(wb.create_sheet("例会台账"), roster, facts, layout, start)
        wb.save(office / DEMO_SIGNINS)
    return pair[0], pair[1]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_demo_sign_ins_as_a_ledger_give_the_same_results(demo_office, tmp_path, layout):
    """Metamorphic, on a generated office: a ledger and a log holding the same facts agree for every
    member, meeting and action, in every ledger layout (months side by side: the demo runs March–June)."""
    log_office, ledger_office = _demo_ledger_pair(demo_office[0], tmp_path, layout)
    log = jobs.attendance(load_office(log_office), out=False)
    ledger = jobs.attendance(load_office(ledger_office), out=False)
    assert by_id(ledger.result) == by_id(log.result)
    assert ledger.result.actions == log.result.actions
    assert ledger.result.left_out == log.result.left_out
    assert sorted(p.code for p in ledger.problems) == sorted(p.code for p in log.problems)


@pytest.mark.parametrize("layout", ["log", "matrix"])
def test_every_figure_traces_to_the_cell_it_came_from(tmp_path, layout):
    """The detail sheet and the JSON cite, for every member at every meeting, the clerk's cell
    that decided the status; the cell really holds that member's mark, time or leave."""
    office = make_office(tmp_path / "o", layout)
    out = tmp_path / "考勤.xlsx"
    r = CliRunner().invoke(main, ["attendance", str(office), "--out", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    data = json.loads(CliRunner().invoke(main, ["attendance", str(office), "--format", "json"]).stdout)
    books: dict[str, openpyxl.Workbook] = {}
    seen = set()
    for member in data:
        assert len(member["meetings"]) == member["expected"]
        for m in member["meetings"]:
            if m["source"] is None:
                assert m["status"] == "absent"  # no record at all
                continue
            file, where = m["source"].split(" › ")
            sheet, cell = where.rsplit("!", 1)
            if file not in books:
                books[file] = openpyxl.load_workbook(office / file)
            wb = books[file]
            ws = wb[sheet]
            assert ws[cell].value not in (None, ""), m
            row = [c.value for c in ws[ws[cell].row]]
            assert member["id"] in row or member["name"] in row, (m, row)
            seen.add((member["id"], m["date"], file))
    assert ("006", "2026-03-15", "请假.xlsx") in seen  # approved sick leave: the leave request is the record
    wb = openpyxl.load_workbook(out)
    ws = wb[wb.sheetnames[5]]
    assert ws.title == "考勤明细" and [c.value for c in ws[2]][-3:] == ["来源", "记录位置", "说明"]
    linked = [c for c in ws["H"][2:] if c.hyperlink]
    assert linked and all(c.hyperlink.target.replace("\\", "/").endswith(("o/签到.xlsx", "o/请假.xlsx"))
                          for c in linked)
    assert all(c.hyperlink.location == "'" + c.value.split(" › ")[1].replace("!", "'!") for c in linked)


def test_a_meeting_with_leave_requests_but_no_sign_ins_is_not_counted(tmp_path):
    """Leave requests are filed before a meeting, sign-ins at it: without any sign-in the meeting was not
    recorded yet, so nobody is absent from it (before: everyone but the two on leave was)."""
    office = make_office(tmp_path / "o")
    rows = [r for r in log_rows() if r[0] != D(2026, 3, 15)]  # 3/15 keeps only its leave request (006 病假)
    sheet_book(office / "签到.xlsx", rows, title="签到")
    job = jobs.attendance(load_office(office), out=False)
    assert [(m["meeting"], m["reason"]) for m in job.result.left_out] == [("第2周例会", "no-signins")]
    assert all(m["meeting"] != "第2周例会" for r in job.result.as_records() for m in r["meetings"])
    r = CliRunner().invoke(main, ["notices", "render", "考勤提醒", str(office), "--format", "txt"])
    assert r.exit_code == 1 and "第2周例会" in r.output and "partial-attendance" not in r.output


def test_notices_are_not_made_from_attendance_with_errors(tmp_path):
    """A sign-in of someone not on the roster is not counted: a notice could name the wrong people."""
    office = make_office(tmp_path / "o", extra_log=[[D(2026, 3, 8), "第1周例会", "099", "无名氏", "√", None, None]])
    r = CliRunner().invoke(main, ["notices", "render", "考勤提醒", str(office), "--format", "txt"])
    assert r.exit_code == 1 and "错误" in r.output and "--force" in r.output and "内部出错" not in r.output
    r = CliRunner().invoke(main, ["notices", "render", "考勤提醒", str(office), "--format", "txt", "--force"])
    assert r.exit_code in (0, 1) and "考勤提醒" in r.output


@pytest.mark.parametrize("label, column", [("所属单位", "部门"), ("称呼", "姓名"), ("学籍", "学号")])
def test_a_roster_without_a_column_the_rules_need_is_refused(tmp_path, label, column):
    office = make_office(tmp_path / "o")
    rows = [r[:] for r in ROSTER]
    rows[0][rows[0].index(column)] = label
    sheet_book(office / "名册.xlsx", rows)
    r = CliRunner().invoke(main, ["attendance", str(office)])
    assert r.exit_code == 1 and f"“{column}”" in r.output and "内部出错" not in r.output, r.output
    r = CliRunner().invoke(main, ["check", str(office)])
    assert r.exit_code == 1 and "missing-column" in r.output and "内部出错" not in r.output


def test_the_console_fraction_is_the_rate(demo_office):
    import re

    r = CliRunner().invoke(main, ["attendance", str(demo_office[0])])
    lines = re.findall(r"(\d+\.\d)%\s+\((\d+)/(\d+)\)", r.output)
    assert lines and all(abs(float(p) - 100 * int(a) / int(b)) < 0.051 for p, a, b in lines), lines


def test_a_ledger_heading_no_meeting_matches_is_one_problem_at_the_heading(tmp_path):
    office = make_office(tmp_path / "o", "matrix")
    wb = openpyxl.load_workbook(office / "签到.xlsx")
    ws = wb["台账"]
    assert ws["E3"].value == 8
    ws["E3"] = 9  # 3月9日: no meeting that day
    wb.save(office / "签到.xlsx")
    job = jobs.attendance(load_office(office), out=False)
    found = [p for p in job.problems if p.code.endswith(("unknown-meeting", "ambiguous-meeting"))]
    assert [(p.code, p.cell, p.params["count"]) for p in found] == [("ledger-unknown-meeting", "E3", 5)]
    assert "表头" in found[0].message() and "2026-03-09" in found[0].message()
    assert [m["meeting"] for m in job.result.left_out] == ["第1周例会"]  # not everyone absent on 3/8


def test_a_sign_in_log_beside_a_ledger_whose_mark_column_is_renamed_is_an_error_not_skipped(tmp_path):
    """Two sheets of sign-ins — a log and a ledger; the log's 状态 and 签到时间 headers renamed (情况, 进场):
    it was skipped without a word, its meetings uncounted, the report built from the ledger alone, exit 0."""
    from click.testing import CliRunner

    from sectools.cli import main

    office = make_office(tmp_path / "o", signins="ledger")
    ledger = openpyxl.load_workbook(office / "签到.xlsx")
    log = ledger.create_sheet("签到记录")
    for r in log_rows():
        log.append(["情况" if v == "状态" else "进场" if v == "签到时间" else v for v in r])
    ledger.save(office / "签到.xlsx")
    job = jobs.attendance(load_office(office), out=False)
    bad = [p for p in job.problems if p.code == "signin-sheet-unread"]
    assert bad and bad[0].sheet == "签到记录" and bad[0].cell == "A1" and bad[0].is_error()
    assert "状态" in bad[0].message() and "签到时间" in bad[0].message()
    r = CliRunner().invoke(main, ["attendance", str(office)])
    assert r.exit_code == 1 and "signin-sheet-unread" in r.output
    r = CliRunner().invoke(main, ["check", str(office)])
    assert r.exit_code == 1 and "signin-sheet-unread" in r.output


def test_a_report_for_a_range_never_replaces_the_semesters(tmp_path):
    """考勤统计.xlsx is the semester's; `--from/--to` writes 考勤统计_<from>至<to>.xlsx beside it (it replaced it)."""
    office = make_office(tmp_path / "o")
    r = CliRunner().invoke(main, ["attendance", str(office)], catch_exceptions=False)
    semester = office / "输出" / "考勤统计.xlsx"
    assert r.exit_code in (0, 1) and semester.exists()
    before = semester.read_bytes()
    r = CliRunner().invoke(main, ["attendance", str(office), "--from", "2026-03-01", "--to", "2026-03-31"],
                           catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output
    assert (office / "输出" / "考勤统计_2026-03-01至2026-03-31.xlsx").exists()
    assert semester.read_bytes() == before


def test_a_record_that_cannot_be_read_is_never_an_absence(demo_office, tmp_path):
    """郑彬 signed in at 18:48 and the clerk typed 到了 as his mark; 戴杰's approved 公假 was typed as 年假.
    Before, both were counted 缺席 (a record sectools could not read was as good as none): 郑彬 went from 提醒
    to 通报部长并撤销职务, exit 1 with the bad mark far down the list.  Now the meeting is 无法识别 for them —
    neither attended nor missed, its cell cited — and a step the unknowns could change is marked 待核实."""
    import shutil

    root = tmp_path / "o"
    shutil.copytree(demo_office[0], root, ignore=shutil.ignore_patterns("输出", ".sectools"))

    def answer():
        r = CliRunner().invoke(main, ["attendance", str(root), "--format", "json"])
        return r, {m["name"]: m for m in json.loads(r.stdout)}

    _, before = answer()
    wb = openpyxl.load_workbook(root / DEMO_SIGNINS)  # the test's own copy
    ws = wb["签到记录"]
    row = next(r for r in ws.iter_rows(min_row=3) if r[3].value == "郑彬" and r[0].value == dt.datetime(2026, 3, 6))
    row[4].value = "到了"
    wb.save(root / DEMO_SIGNINS)
    wb = openpyxl.load_workbook(root / "请假.xlsx")
    ws = wb.worksheets[0]
    row = next(r for r in ws.iter_rows(min_row=3) if r[1].value == "戴杰")
    row[4].value = "年假"
    wb.save(root / "请假.xlsx")
    r, after = answer()
    assert r.exit_code == 1
    for name, day in (("郑彬", "2026-03-06"), ("戴杰", "2026-03-10")):
        was, now = before[name], after[name]
        assert now["absent"] == was["absent"] and now["counted_absences"] == was["counted_absences"], name
        assert now["expected"] == was["expected"] - 1
        meeting = next(m for m in now["meetings"] if m["date"] == day)
        assert meeting["status"] == "unread" and meeting["source"], meeting
    assert after["郑彬"]["meetings"] and [a["action"] for a in after["郑彬"]["actions"]] == \
        [a["action"] for a in before["郑彬"]["actions"]] == ["提醒"]
    assert "通报部长并撤销职务" in after["郑彬"]["actions"][0]["unsure"]
    out = CliRunner().invoke(main, ["attendance", str(root)]).output
    line = next(ln for ln in out.splitlines() if "郑彬" in ln and "提醒" in ln)
    assert "待核实" in line
    report = openpyxl.load_workbook(root / "输出" / "考勤统计.xlsx")
    detail = [r for r in report["考勤明细"].iter_rows(values_only=True) if r[1] == "郑彬" and "3-06" in str(r[3])]
    assert detail and "无法识别" in detail[0]
    listed = [r for r in report["处理名单"].iter_rows(values_only=True) if r[1] == "郑彬"]
    assert listed and any("待核实" in str(v) for v in listed[0])
    member = [r for r in report["成员考勤"].iter_rows(values_only=True) if r[1] == "郑彬"]
    assert member and "提醒（待核实）" in member[0]  # the 处理 column says it too


def test_the_department_sheet_adds_up(demo_office):
    """部门汇总 showed 应到 304, 实到 282, 出勤率 93.7% — 282 ÷ 304 is 92.8%: 公假 is out of the denominator, but
    there was no 公假 column to see it by.  Now 其中公假 is there and every row's rate is 实到 ÷ (应到 − 公假)."""
    report = openpyxl.load_workbook(demo_office[0] / "输出" / "考勤统计.xlsx")
    rows = list(report["部门汇总"].iter_rows(values_only=True))
    head = next(r for r in rows if "应到" in r)
    at = {h: head.index(h) for h in ("应到", "实到", "其中公假", "出勤率")}
    body = [r for r in rows[rows.index(head) + 1:] if isinstance(r[at["应到"]], int)]
    assert body and any(r[at["其中公假"]] for r in body)
    for r in body:
        assert abs(r[at["实到"]] / (r[at["应到"]] - r[at["其中公假"]]) - r[at["出勤率"]]) < 1e-9, r
    assert any("公假既不算出席也不算缺席" in str(v) for r in rows for v in r)


def test_a_student_id_two_roster_rows_hold_never_makes_a_certain_step(tmp_path):
    """A clerk added 王晓明 with 乙's 学号 002. Before, every 002 sign-in went to the first row and 王晓明 — with
    no record anywhere — was listed for 通报部长并撤销职务 as if certain. Now a record whose name picks one of the
    two rows counts for that one, one that does not is an error at its cell, and every step of either says 待核实."""
    office = make_office(tmp_path / "o")
    sheet_book(office / "名册.xlsx", ROSTER + [["002", "王晓明", "秘书处", "干事", D(2025, 9, 1), None, "在任"]])
    job = jobs.attendance(load_office(office), out=False)
    assert ("duplicate-id", "002") in [(p.code, p.value) for p in job.problems]
    got = {r["name"]: r for r in job.result.as_records() if r["id"] == "002"}
    alone = by_id(jobs.attendance(load_office(make_office(tmp_path / "p")), out=False).result)["002"]
    assert [m["status"] for m in got["乙"]["meetings"]] == [s for _, _, s in alone["meetings"]]  # 乙's, by name
    assert {m["status"] for m in got["王晓明"]["meetings"]} == {"absent"}
    phantom = [a for a in job.result.actions if a["name"] == "王晓明"]
    assert phantom and all("学号 002 在名册中重复" in a["unsure"] for a in phantom)
    rows = log_rows()
    rows[1 + next(i for i, (d, sid, _) in enumerate(FACTS) if sid == "002")][3] = "乙乙"  # a name neither row has
    sheet_book(office / "签到.xlsx", rows, title="签到")
    job = jobs.attendance(load_office(office), out=False)
    bad = [p for p in job.problems if p.code == "shared-id-record"]
    assert len(bad) == 1 and bad[0].is_error() and bad[0].value == "002" and "乙、王晓明" in bad[0].message()
