"""The domains on small in-memory tables (no files): a :class:`FrameSource` feeds the same jobs as an
office folder, so every rule can be checked on a few rows typed here — and the same facts from a
folder give the same answers."""

from __future__ import annotations

import datetime as dt
import tomllib

import pandas as pd
import pytest

from sectools import jobs
from sectools.config import load_office
from sectools.errors import SectoolsError
from sectools.sources import FrameSource

from . import test_attendance as ta
from . import test_kpi as tk
from . import test_ranking as tr

D = dt.date


def attendance_frames(log: list[list] | None = None) -> FrameSource:
    return FrameSource({"roster": ta.ROSTER, "meetings": ta.MEETINGS, "signins": log or ta.log_rows(),
                        "leaves": ta.LEAVES}, tomllib.loads(ta.CONFIG))


def test_attendance_rules_on_frames_match_the_hand_computed_counts():
    res = jobs.attendance(attendance_frames()).result
    got = {r["id"]: tuple(r[k] for k in ta.KEYS) for r in res.as_records()}
    assert got == {k: pytest.approx(v) for k, v in ta.EXPECTED.items()}


def test_frames_and_a_folder_give_the_same_attendance(tmp_path):
    def cells_only(records):  # a frame has no file name: the records' cells must still agree
        for r in records:
            for m in r["meetings"]:
                m["source"] = m["source"] and m["source"].rsplit("!", 1)[1]
        return records

    folder = cells_only(jobs.attendance(load_office(ta.make_office(tmp_path / "o")), out=False).records())
    assert cells_only(jobs.attendance(attendance_frames()).records()) == folder


def test_a_dataframe_with_field_names_is_read_like_a_sheet():
    head, *rows = ta.ROSTER
    roster = pd.DataFrame(rows, columns=["id", "name", "department", "post", "joined", "left", "status"])
    src = FrameSource({"roster": roster, "meetings": ta.MEETINGS, "signins": ta.log_rows(), "leaves": ta.LEAVES},
                      tomllib.loads(ta.CONFIG))
    assert jobs.attendance(src).records() == jobs.attendance(attendance_frames()).records()
    assert src.read("roster").data["id"].tolist()[0] == "001"  # ids stay text with their zeros


@pytest.mark.parametrize("k", range(1, len(ta.FACTS) + 1))
def test_removing_a_sign_in_never_raises_a_rate(k):
    """Metamorphic: less evidence of attendance can only keep or lower a member's rate — unless the row
    removed was a meeting's only record, and then the meeting is said to be unrecorded (not counted,
    a problem, and no notice can be made from it) instead of everyone being marked absent."""
    full = {r["id"]: r["rate"] for r in jobs.attendance(attendance_frames()).records()}
    log = ta.log_rows()
    job = jobs.attendance(attendance_frames(log[:k] + log[k + 1:]))
    gone = [m for m in job.result.left_out if m["reason"] == "no-signins"]
    if gone:
        assert [m["meeting"] for m in gone] == [log[k][1]]
        assert "meeting-without-signins" in [p.code for p in job.problems]
        return
    for r in job.records():
        sid, rate = r["id"], r["rate"]
        assert rate is None or full[sid] is None or rate <= full[sid] + 1e-9, (sid, log[k])


def test_a_meeting_nobody_signed_in_for_is_said_not_counted_and_blocks_notices():
    from sectools.errors import SectoolsError as Refused
    from sectools.notices import Options

    log = [r for r in ta.log_rows() if not (r[0] == D(2026, 3, 11))]  # the 部长会's only sign-in removed
    src = attendance_frames(log)
    job = jobs.attendance(src)
    assert [(m["meeting"], m["reason"]) for m in job.result.left_out] == [("部长会", "no-signins")]
    assert "部长会" not in job.result.meetings["meeting"].tolist()
    with pytest.raises(Refused) as e:
        jobs.notice_data(src, "考勤通报", Options())
    assert e.value.problems[0].code == "partial-attendance"


def test_meetings_still_to_come_are_not_absences():
    job = jobs.attendance(attendance_frames(), today=D(2026, 3, 12))
    assert {m["meeting"] for m in job.result.left_out if m["reason"] == "not-held"} == {"第2周例会", "第3周例会"}
    assert {r["id"]: r["expected"] for r in job.records()}["002"] == 3  # 3/8, 3/10, 3/11 only


def test_sign_ins_that_cannot_be_read_refuse_the_job():
    from sectools.errors import SectoolsError as Refused

    unreadable = [["某某表"], ["甲", "乙", "丙"], [1, 2, 3]]
    with pytest.raises(Refused) as e:
        jobs.attendance(attendance_frames(unreadable))
    assert "signins-not-read" in [p.code for p in e.value.problems]


def ranking_frames(extra: dict | None = None) -> FrameSource:
    return FrameSource({"classes": tr.CLASSES, "score_items": tr.ITEMS,
                        "inspections": {"生活部": tr.LIFE, "纪检部": tr.DISCIPLINE}},
                       tomllib.loads(tr.CONFIG.format(extra="")) | (extra or {}))


def test_ranking_rules_on_frames(tmp_path):
    res = jobs.ranking_week(ranking_frames(), "2026-W11").result
    got = tr.table(res)
    # 会计2401: 卫生 −7 capped at −5, 活动获奖 +6 capped at +5 → 100; 财管2401: −5 and a serious violation
    assert got["会计2401"][0] == 100 and got["财管2401"][:1] == (95,) and got["财管2401"][3] is True
    assert got == tr.table(jobs.ranking_week(load_office(tr.make(tmp_path / "o")), "2026-W11").result)
    assert {(p.code, p.cell) for p in res.problems} >= {("unknown-class", "B7"), ("unknown-item", "C7")}


def test_a_week_without_records_is_said_and_reported(tmp_path):
    job = jobs.ranking_week(ranking_frames(), None, today=D(2026, 3, 15))
    assert job.facts["week"] == "2026-W11" and job.choices[0].reason == "week-latest"
    assert "2026-W11（第3周，2026-03-09" in job.choices[0].text("zh-CN")
    with pytest.raises(SectoolsError) as e:  # no records up to today: refused, not 30 classes at 100 with red flags
        jobs.ranking_week(ranking_frames(), None, today=D(2026, 3, 1))
    assert e.value.problems[0].code == "no-records"
    with pytest.raises(SectoolsError):
        jobs.ranking_week(ranking_frames(), "2026-W20")


def test_appraisal_on_frames_without_computed_sources():
    src = FrameSource({"roster": ta.ROSTER, "indicators": tk.INDICATORS, "ratings": tk.RATINGS},
                      tomllib.loads(ta.CONFIG + tk.KPI_CONFIG))
    job = jobs.kpi(src, "2026-03", computed=False)
    rows = {r["id"]: r for r in job.result.rows}
    # 甲: 工作态度 = 0.1×90 + 0.5×80 + 0.4×85 = 83; 加分 3 (not weighted)
    assert rows["001"]["indicators"]["工作态度"] == 83.0 and rows["001"]["indicators"]["加分"] == 3.0
    assert {p.code for p in job.problems} >= {"source-unavailable", "score-out-of-range"}
    assert job.choices == []  # the period was given


def test_the_latest_period_is_a_date_not_a_text_order():
    ratings = tk.RATINGS + [["2026年春季学期", "001", "甲", "工作态度", "自评", 88]]
    src = FrameSource({"roster": ta.ROSTER, "indicators": tk.INDICATORS, "ratings": ratings},
                      tomllib.loads(ta.CONFIG + tk.KPI_CONFIG))
    job = jobs.kpi(src, computed=False)
    assert job.facts["period"] == "2026-03" and job.choices[0].reason == "period-latest"


def test_a_job_without_its_tables_refuses():
    with pytest.raises(SectoolsError) as e:
        jobs.attendance(FrameSource({"roster": ta.ROSTER}, tomllib.loads(ta.CONFIG)))
    assert e.value.problems[0].code == "table-not-found"


def test_plan_collection_on_submissions_typed_here():
    """plans.collect on forms already read (no files): on time, late, missing, a second copy, a wrong month."""
    from pathlib import Path

    from sectools.plans import collect
    from sectools.plans.forms import Submission

    items = pd.DataFrame({"item": ["迎新晚会"], "done": [None], "unplanned": [None]})

    def form(dep, filled, month=(2026, 3), name=None):
        return Submission(name or f"{dep}.xlsx", Path(name or f"{dep}.xlsx"), "plan", dep, month, "某人", filled,
                          None, "", items, [])

    subs = [form("秘书处", D(2026, 3, 2)), form("宣传部", D(2026, 3, 9)), form("学习部", D(2026, 3, 3)),
            form("学习部", D(2026, 3, 4), name="学习部（定稿）.xlsx"), form("体育部", D(2026, 3, 2), month=(2026, 4))]
    due = dt.datetime(2026, 3, 4, 23, 59, 59)
    res = collect((subs, []), (2026, 3), "plan", due, ["秘书处", "宣传部", "学习部", "体育部", "外联部"])
    status = {r["department"]: r["status"] for r in res.rows}
    assert status == {"秘书处": "on_time", "宣传部": "late", "学习部": "on_time", "体育部": "on_time",
                      "外联部": "missing"}
    assert next(r for r in res.rows if r["department"] == "学习部")["file"] == "学习部（定稿）.xlsx"
    codes = sorted(p.code for p in res.problems)
    assert codes == ["duplicate-submission", "wrong-month"]


@pytest.mark.parametrize("header", ["次数/人次", "扣分（人次）", "人次数", "次数（人次）", "次數/人次"])
def test_a_count_column_is_read_however_it_is_headed(header):
    """The count header sectools' own template writes (次数/人次) and the ways clerks write it all count."""
    life = [tr.LIFE[0], [header if c == "次数" else c for c in tr.LIFE[1]]] + tr.LIFE[2:]
    discipline = [[header if c == "人次" else c for c in tr.DISCIPLINE[0]]] + tr.DISCIPLINE[1:]
    src = FrameSource({"classes": tr.CLASSES, "score_items": tr.ITEMS,
                       "inspections": {"生活部": life, "纪检部": discipline}}, tomllib.loads(tr.CONFIG.format(extra="")))
    assert tr.table(jobs.ranking_week(src, "2026-W11").result) == tr.table(jobs.ranking_week(ranking_frames(),
                                                                                            "2026-W11").result)


def test_the_inspection_template_sectools_writes_is_read_with_its_counts():
    from sectools.scaffold import INSPECTION_COLUMNS

    head = [c.label for c in INSPECTION_COLUMNS]
    assert "次数/人次" in head
    rows = [head] + [[D(2026, 3, 10), "会计2401", "地面有垃圾", 2] + [None] * (len(head) - 4)]
    src = FrameSource({"classes": tr.CLASSES, "score_items": tr.ITEMS, "inspections": {"生活部": rows}},
                      tomllib.loads(tr.CONFIG.format(extra="")))
    assert tr.table(jobs.ranking_week(src, "2026-W11").result)["会计2401"][0] == 96  # 2 × −2


@pytest.mark.parametrize("table,column", [("roster", "学号"), ("meetings", "日期"), ("classes", "班级")])
def test_renaming_a_required_column_always_gives_a_problem(table, column):
    """Metamorphic: a required column under a label nobody knows is reported, never silently empty."""
    given = {"roster": ta.ROSTER, "meetings": ta.MEETINGS, "classes": tr.CLASSES}
    rows = [list(r) for r in given[table]]
    rows[0] = ["备用列" if c == column else c for c in rows[0]]
    t = FrameSource({table: rows}, tomllib.loads(ta.CONFIG)).read(table)
    assert any(p.code in ("missing-column", "table-not-found") for p in t.problems), t.problems


def test_the_report_says_what_it_left_out(tmp_path):
    import openpyxl

    log = [r for r in ta.log_rows() if not (r[0] == D(2026, 3, 11))]
    out = tmp_path / "考勤.xlsx"
    jobs.attendance(attendance_frames(log), out=out)
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert "部长会" in str(ws["A2"].value) and "未计入" in str(ws["A2"].value)
