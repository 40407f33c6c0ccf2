"""绩效考核: weights, rater groups, computed indicators that match attendance and plans, quotas, ranks, bonus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.kpi.compute import KpiRules, allocate, grade_all, quota_of
from sectools.printouts import write_form_xlsx

from . import test_attendance as ta
from .conftest import sheet_book

D = dt.date
INDICATORS = [
    ["指标", "类别", "权重", "评分方式", "数据来源", "满分"],
    ["工作态度", "履职", 40, "打分", "手工评分", 100],
    ["出勤", "纪律", 30, "比率", "出勤率", 100],
    ["计划按时", "履职", 30, "比率", "计划按时率", 100],
    ["加分", "加分", 0, "加分项", "手工评分", 5],
]
RATINGS = [
    ["期间", "学号", "姓名", "指标", "评分人类别", "分数"],
    ["2026-03", "001", "甲", "工作态度", "自评", 90], ["2026-03", "001", "甲", "工作态度", "部长评", 80],
    ["2026-03", "001", "甲", "工作态度", "主席团评", 85], ["2026-03", "001", "甲", "加分", "部长评", 3],
    ["2026-03", "002", "乙", "工作态度", "自评", 100], ["2026-03", "002", "乙", "工作态度", "部长评", 90],
    ["2026年3月", "002", "乙", "工作态度", "部长评", 80],  # a second 部长 rater; the month typed another way
    ["2026-03", "005", "张伟", "工作态度", "自评", 120],  # over 满分: a problem, not counted
    ["2026-03", "005", "张伟", "工作态度", "部长评", 70], ["2026-03", "005", "张伟", "工作态度", "主席团评", 60],
    ["2026-02", "005", "张伟", "工作态度", "部长评", 10],  # another month: ignored
]
KPI_CONFIG = """
[tables.indicators]
path = "考核指标.xlsx"
[tables.ratings]
path = "评分表.xlsx"

[kpi]
raters = { "自评" = 10, "部长评" = 50, "主席团评" = 40 }
grades = { "优秀" = 85, "良好" = 80, "合格" = 60 }
excellent_quota = 0.2
bonus_pool = 1000
"""


def office(tmp_path):
    root = ta.make_office(tmp_path / "o", config=ta.CONFIG + KPI_CONFIG)
    sheet_book(root / "考核指标.xlsx", INDICATORS, title="指标")
    sheet_book(root / "评分表.xlsx", RATINGS, title="评分")
    month = root / "计划总结" / "2026-03"
    month.mkdir(parents=True)
    items = [["1", "工作", "", "3月9日", "甲", ""]]
    write_form_xlsx(month / "秘书处.xlsx", "plan", "秘书处", "2026年3月", "乙", D(2026, 3, 2), items)
    write_form_xlsx(month / "宣传部.xlsx", "plan", "宣传部", "2026年3月", "丙", D(2026, 3, 9), items)  # late
    return load_office(root)


def test_totals_grades_ranks_and_bonus_hand_computed(tmp_path):
    res = jobs.kpi(office(tmp_path), "2026-03", out=False).result
    r = {x["id"]: x for x in res.rows}
    assert r["001"]["indicators"] == {"工作态度": 83.0, "出勤": 75.0, "计划按时": 100.0, "加分": 3.0}
    assert r["001"]["total"] == 88.7  # (40×83 + 30×75 + 30×100) / 100 + 3
    assert r["002"]["indicators"]["工作态度"] == 87.5  # (100×10 + mean(90, 80)×50) / 60: 主席团 missing
    assert r["002"]["total"] == 89.0
    assert r["005"]["indicators"]["工作态度"] == 65.56  # 120 left out: (70×50 + 60×40) / 90
    assert r["003"]["total"] == 15.0  # no 工作态度 counts 0: (40×0 + 30×50 + 30×0) / 100
    assert r["004"]["total"] == 30.0  # (40×0 + 30×100 + 30×0) / 100
    assert r["006"]["total"] == 0.0
    assert (r["003"]["missing"], r["001"]["missing"]) == (["工作态度"], [])  # every exclusion listed
    # 秘书处 has 2 members: 优秀 quota = round(2 × 0.2) → at least 1; 乙 keeps it, 甲 drops to 良好.
    assert (r["002"]["grade"], r["001"]["grade"]) == ("优秀", "良好") and "名额" in str(r["001"]["quota_note"])
    assert [r[k]["rank_overall"] for k in ("002", "001", "004", "005", "003", "006")] == [1, 2, 3, 4, 5, 6]
    assert (r["001"]["rank_department"], r["004"]["rank_department"]) == (2, 1)
    # 1000 × total ÷ 248.92, floored, the 2 yuan left to the largest remainders (002 .54, 004 .52)
    assert {k: v["bonus"] for k, v in r.items()} == {"002": 358, "001": 356, "004": 121, "005": 105, "003": 60,
                                                     "006": 0}
    codes = sorted((p.code, p.cell) for p in res.problems if p.code != "missing-rating")
    assert codes == [("score-out-of-range", "F9")]
    missing = {(p.value, p.params["groups"]) for p in res.problems if p.code == "missing-rating"}
    assert ("乙", "主席团评") in missing and ("丙", "自评、部长评、主席团评") in missing
    assert not any(v == "甲" for v, _ in missing)  # 加分项 needs no rater group


def test_computed_indicators_match_attendance_and_plans(tmp_path):
    off = office(tmp_path)
    res = jobs.kpi(off, "2026-03", out=False).result
    att = {m["id"]: m["rate"] for m in jobs.attendance(off, date_from=D(2026, 3, 1), date_to=D(2026, 3, 31), out=False).result.as_records()}
    for row in res.rows:
        assert row["indicators"]["出勤"] == pytest.approx(att[row["id"]] * 100, abs=0.01)
    plans = {r["department"]: r["status"] for r in jobs.plans_collect(off, (2026, 3), "plan", out=False).result.rows}
    for row in res.rows:
        expected = 100.0 if plans[row["department"]] == "on_time" else 0.0
        assert row["indicators"]["计划按时"] == expected


def test_quota_boundaries_and_rounding():
    assert [quota_of(n, 0.2) for n in (0, 1, 2, 3, 5, 7, 8, 10)] == [0, 1, 1, 1, 1, 1, 2, 2]
    rules = KpiRules(grades=(("优秀", 90.0), ("良好", 80.0), ("合格", 60.0)), excellent_quota=0.2)
    rows = [{"department": "A", "total": t} for t in (95, 93, 93, 91, 85, 70, 60, 50, 40, 30)]
    grade_all(rows, rules)
    # 10 members → 2 优秀; 93 and 93 tie at the cut: giving both would make 3, so both drop.
    assert [r["grade"] for r in rows] == ["优秀", "良好", "良好", "良好", "良好", "合格", "合格", "不合格", "不合格",
                                          "不合格"]


def test_bonus_parts_add_up_to_the_pool():
    rows = [{"id": str(i), "total": t} for i, t in enumerate((90, 90, 90))]
    allocate(rows, 100)
    assert [r["bonus"] for r in rows] == [34, 33, 33] and sum(r["bonus"] for r in rows) == 100


def test_department_appraisal_and_semester(tmp_path):
    off = office(tmp_path)
    cfg = off.root / "sectools.toml"
    ind = [r[:] + ["部门"] for r in INDICATORS[2:4]]
    sheet_book(off.root / "考核指标.xlsx", [INDICATORS[0] + ["考核对象"]] + [r + ["成员"] for r in INDICATORS[1:]] + ind,
               title="指标")
    del cfg
    res = jobs.kpi(load_office(off.root), "学期", "department", out=False).result
    r = {x["department"]: x for x in res.rows}
    assert set(r) == {"秘书处", "宣传部", "学习部"}
    assert r["秘书处"]["indicators"]["计划按时"] == 100.0 and r["宣传部"]["indicators"]["计划按时"] == 0.0


def test_cli_json_workbook_and_notices(tmp_path):
    off = office(tmp_path)
    r = CliRunner().invoke(main, ["kpi", str(off.root), "--period", "2026-03", "--format", "json", "--notices"],
                           catch_exceptions=False)
    assert r.exit_code == 1, r.output  # done, but 丁's ratings are missing: an error in the data
    data = json.loads(r.stdout)
    assert set(data[0]) >= {"id", "name", "department", "total", "grade", "rank_department", "rank_overall",
                            "indicators"}
    import docx
    import openpyxl

    assert "评分还不全" in r.stderr + r.stdout  # 乙 lacks 主席团评: no result to announce yet, for anyone
    assert not list((off.root / "输出" / "通知").rglob("考核结果通知_*"))
    CliRunner().invoke(main, ["notices", "render", "考核结果通知", str(off.root), "--period", "2026-03", "--force"])
    notice = next((off.root / "输出" / "通知" / "考核结果通知").glob("*秘书处_乙*"))
    text = "\n".join(p.text for p in docx.Document(notice).paragraphs)
    assert "2026年3月绩效考核结果通知" in text and "综合得分89分，考核等级：优秀" in text
    jia = next((off.root / "输出" / "通知" / "考核结果通知").glob("*_甲*"))
    jia_doc = docx.Document(jia)
    jia_text = "\n".join(p.text for p in jia_doc.paragraphs)
    assert "权重0" not in jia_text
    (table,) = jia_doc.tables  # people read rows: one row per indicator, the bonus without a weight
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "考核指标", "权重", "得分"] and [r[0] for r in rows[1:]] == [
        str(k) for k in range(1, len(rows))]
    assert any(r[1] == "加分" and r[2] == "直接加减分" for r in rows[1:]), rows
    wb = openpyxl.load_workbook(off.root / "输出" / "绩效考核_2026-03.xlsx")
    assert wb.sheetnames[:2] == ["考核结果", "指标与权重"]
    r = CliRunner().invoke(main, ["kpi", str(off.root), "--period", "下个月"])
    assert r.exit_code == 2 and "考核期间" in r.output  # a malformed option is a usage error


def test_removing_a_plan_never_raises_a_score(tmp_path):
    """Metamorphic: a department that hands in less is never scored higher (missing evidence counts 0)."""
    off = office(tmp_path)
    before = {r["id"]: r["total"] for r in jobs.kpi(off, "2026-03", out=False).result.rows}
    for form in sorted((off.root / "计划总结" / "2026-03").glob("*.xlsx")):
        form.rename(form.with_suffix(".removed"))
        after = {r["id"]: r["total"] for r in jobs.kpi(load_office(off.root), "2026-03", out=False).result.rows}
        form.with_suffix(".removed").rename(form)
        assert all(after[k] <= before[k] for k in before), (form.name, before, after)


def test_the_exclusion_rule_can_be_chosen_and_is_listed(tmp_path):
    off = office(tmp_path)
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("bonus_pool = 1000", 'bonus_pool = 1000\nmissing = "exclude-with-warning"'),
                   encoding="utf-8")
    r = {x["id"]: x for x in jobs.kpi(load_office(off.root), "2026-03", out=False).result.rows}
    assert r["003"]["total"] == 25.0 and r["003"]["missing"] == ["工作态度"]  # (30×50 + 30×0) / 60


def test_periods_as_clerks_name_them(demo_office):
    root, _ = demo_office
    word = jobs.kpi(root, "学期", out=False)
    assert word.facts["period"] == "2026年春季学期" and word.choices[0].reason == "period-semester"
    assert jobs.kpi(root, "本学期", out=False).records() == word.records()
    r = CliRunner().invoke(main, ["kpi", str(root), "--period", "本学期"])  # typed, not a default: said so
    assert "理解为：2026年春季学期" in r.output and "默认：2026年春季学期" not in r.output
    from sectools.errors import SectoolsError

    with pytest.raises(SectoolsError) as e:
        jobs.kpi(root, "2026-04", out=False)  # no ratings: refused, never 100 分 for everyone
    p = e.value.problems[0]
    assert p.code == "no-ratings-for-period" and "2026-03" in p.message() and "2026年春季学期" in p.message()


def test_a_member_appraisal_without_a_roster_is_refused(tmp_path):
    from sectools.errors import SectoolsError

    off = office(tmp_path)
    (off.root / "名册.xlsx").unlink()
    with pytest.raises(SectoolsError) as e:
        jobs.kpi(load_office(off.root), "2026-03", out=False)
    assert e.value.problems[0].file == "名册.xlsx"


def test_last_semester_by_its_word(tmp_path):
    """上学期 is the semester before the latest one the ratings name; with only one, it is refused."""
    from sectools.errors import SectoolsError

    off = office(tmp_path)
    rows = RATINGS[:1] + [["2025年秋季学期", "001", "甲", "工作态度", g, 60] for g in ("自评", "部长评", "主席团评")] + \
        [["2026年春季学期", "001", "甲", "工作态度", g, 90] for g in ("自评", "部长评", "主席团评")]
    sheet_book(off.root / "评分表.xlsx", rows, title="评分")
    last = jobs.kpi(load_office(off.root), "上学期", computed=False, out=False)
    this = jobs.kpi(load_office(off.root), "本学期", computed=False, out=False)
    assert (last.facts["period"], this.facts["period"]) == ("2025年秋季学期", "2026年春季学期")
    pick = lambda job: next(r for r in job.result.rows if r["id"] == "001")["indicators"]["工作态度"]  # noqa: E731
    assert (pick(last), pick(this)) == (60.0, 90.0)
    assert last.choices[0].reason == "period-semester"
    sheet_book(off.root / "评分表.xlsx", rows[:1] + rows[4:], title="评分")
    with pytest.raises(SectoolsError) as e:
        jobs.kpi(load_office(off.root), "上学期", computed=False, out=False)
    assert e.value.problems[0].code == "no-ratings-for-period" and "2026年春季学期" in e.value.problems[0].message()


def _lacking_a_rating(demo_root: Path, root: Path, name: str = "张欣怡") -> Path:
    """A copy of the demo office in which ``name`` has no 主席团评 for 2026-03 (工作态度, 工作质量)."""
    import shutil

    import openpyxl

    shutil.copytree(demo_root, root, ignore=shutil.ignore_patterns("输出", ".sectools"))
    wb = openpyxl.load_workbook(root / "评分表.xlsx")  # the test's own copy
    ws = wb.worksheets[0]
    for row in reversed(list(ws.iter_rows(min_row=3))):
        if row[2].value == name and row[5].value == "主席团评" and row[0].value == "2026-03":
            ws.delete_rows(row[0].row)
    wb.save(root / "评分表.xlsx")
    return root


def test_check_lists_every_error_the_appraisal_reports(demo_office, tmp_path):
    """Two missing ratings of one member (工作态度 and 工作质量) are two problems in check as in kpi."""
    root = _lacking_a_rating(demo_office[0], tmp_path / "o")
    key = lambda p: (p.code, p.file, p.value, str(sorted(p.params.items())))  # noqa: E731
    kpi = {key(p) for p in jobs.kpi(root, out=False).problems if p.is_error()}
    checked = jobs.check(load_office(root))
    assert kpi and kpi <= {key(p) for p in checked.problems}
    ratings = checked.result["ratings"]  # and the table's own count says as many
    assert sum(p.is_error() for p in ratings.problems) == sum(p.is_error() and p.file == ratings.file
                                                              for p in checked.problems)


def test_plan_indicators_do_not_apply_to_a_department_that_hands_in_no_plans(demo_office):
    """主席团 hands in no monthly plans ([plans] departments' default): its members' plan indicators are
    not applicable — left out of the weights and said — not 0 (which sank them below every 干事)."""
    root, _ = demo_office
    res = jobs.kpi(root, "2026-03", out=False).result
    inds = {i["name"]: i for i in res.indicators}
    plan_inds = sorted(n for n, i in inds.items() if i["source"] in ("计划按时率", "计划完成率"))
    heads = [r for r in res.rows if r["department"] == "主席团"]
    assert heads and all(sorted(r["not_applicable"]) == plan_inds for r in heads)
    for r in heads:
        used = [i for n, i in inds.items() if i["method"] != "加分项" and n not in plan_inds]
        want = sum(i["weight"] * r["indicators"].get(i["name"], 0) / i["full"] * 100 for i in used) / \
            sum(i["weight"] for i in used)
        bonus = sum(r["indicators"].get(n, 0) for n, i in inds.items() if i["method"] == "加分项")
        assert r["total"] == pytest.approx(round(want + bonus, 2))
    others = [r for r in res.rows if r["department"] != "主席团"]
    assert all(r["not_applicable"] == [] for r in others)


def test_gaps_in_computed_indicators_are_said_and_block_the_notices(tmp_path):
    """A department without a plan, and attendance with a meeting nobody signed in for: the appraisal says
    both, and no result notice is made from them unless --force."""
    off = office(tmp_path)
    sheet_book(off.root / "考核指标.xlsx", INDICATORS + [["计划完成", "履职", 10, "比率", "计划完成率", 100]], title="指标")
    rows = [r for r in ta.log_rows() if r[0] != D(2026, 3, 15)]
    sheet_book(off.root / "签到.xlsx", rows, title="签到")
    job = jobs.kpi(load_office(off.root), "2026-03", out=False)
    codes = [(p.code, p.value) for p in job.problems]
    assert ("kpi-partial-attendance", None) in codes
    no_data = [p for p in job.problems if p.code == "kpi-no-data"]  # no summaries: once per department
    assert sorted(p.params["who"] for p in no_data) == ["学习部", "宣传部", "秘书处"]
    assert "按 0 分计" in no_data[0].message()
    r = CliRunner().invoke(main, ["notices", "render", "考核结果通知", str(off.root), "--period", "2026-03",
                                  "--format", "txt"])
    assert r.exit_code == 1 and "考勤不完整" in r.output
    r = CliRunner().invoke(main, ["notices", "render", "考核结果通知", str(off.root), "--period", "2026-03",
                                  "--format", "txt", "--force"])
    assert r.exit_code in (0, 1) and "考核结果通知" in r.output


def test_sources_and_methods_are_sectools_words_in_the_offices_language(tmp_path):
    """计划完成率, 比率, 手工评分 are sectools' vocabulary, not a clerk's typing: an English office reads
    "plan completion", a Traditional one 計劃完成率 (both printed 计划完成率 before), in the warning, the
    weights sheet and the trace."""
    import openpyxl

    from sectools.messages import render, to_traditional

    off = office(tmp_path)
    sheet_book(off.root / "考核指标.xlsx", INDICATORS + [["计划完成", "履职", 10, "比率", "计划完成率", 100]], title="指标")
    job = jobs.kpi(load_office(off.root), "2026-03", out=tmp_path / "k.xlsx")
    no_data = next(p for p in job.problems if p.code == "kpi-no-data")
    assert "from plan completion" in render(no_data, "en")
    assert "來自計劃完成率" in render(no_data, "zh-TW") and "来自计划完成率" in render(no_data, "zh-CN")
    weights = openpyxl.load_workbook(tmp_path / "k.xlsx").worksheets[1]
    row = next(r for r in weights.iter_rows(values_only=True) if r[0] == "计划完成")
    assert row[3:5] == ("比率", "计划完成率")
    sheets = [s.rendered("zh-TW") for s in job.sheets]
    row = next(r for r in sheets[1].rows if r[0] == "计划完成")
    assert list(row[3:5]) == ["比率", to_traditional("计划完成率")]
    row = next(r for r in [s.rendered("en") for s in job.sheets][1].rows if r[0] == "计划完成")
    assert list(row[3:5]) == ["rate", "plan completion"]


def test_a_score_from_some_rater_groups_is_said_and_not_announced(demo_office, tmp_path):
    """张欣怡's 主席团评 missing: her score comes from the other groups.  Before, her 说明 said only 不适用 and the
    notices told her 优秀 — and told everyone else ranks, 优秀 places and bonus shares her score moves.  Now the
    workbook says whose ratings are missing, and no result notice is made until they are complete (or --force)."""
    import openpyxl

    root = _lacking_a_rating(demo_office[0], tmp_path / "o")
    r = CliRunner().invoke(main, ["kpi", str(root), "--period", "2026-03", "--notices"])
    assert r.exit_code == 1 and "评分还不全（1 人缺少某些评分人类别的评分：张欣怡）" in r.output
    assert not list((root / "输出" / "通知").rglob("考核结果通知_*"))
    ws = openpyxl.load_workbook(root / "输出" / "绩效考核_2026-03.xlsx").worksheets[0]
    note = next(row[-1] for row in ws.iter_rows(values_only=True) if row[3] == "张欣怡")
    assert "评分不全，按已有评分计算：工作态度缺主席团评、工作质量缺主席团评" in note
    r = CliRunner().invoke(main, ["notices", "render", "考核结果通知", str(root), "--period", "2026-03", "--force",
                                  "--format", "txt"])
    assert r.exit_code in (0, 1)
    assert (root / "输出" / "通知" / "考核结果通知" / "考核结果通知_2026-03_主席团_张欣怡.txt").exists()
