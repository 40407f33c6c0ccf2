"""One pipeline: every job gives the same results through the CLI (``--format json``), through the
Excel buttons over the real xlwings protocol, and in the notices' data — on the demo office and on
the same facts laid out differently (a metamorphic test: the layout never changes a result)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.excel.buttons import BUTTONS
from sectools.notices import Options

from .test_excel import added, alert, payload, run_script, sheet_values

WEEK = "2026-W11"
PERIOD = "2026-03"


def cli_json(*args) -> list | dict:
    r = CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def results(offices) -> dict[str, dict]:
    """Each office's CLI answers, read once."""
    out = {}
    for name, root in offices.items():
        o = str(root)
        out[name] = {
            "attendance": cli_json("attendance", o),
            "ranking": cli_json("ranking", "compute", o, "--week", WEEK),
            "semester": cli_json("ranking", "compute", o, "--semester"),
            "kpi": cli_json("kpi", o, "--period", PERIOD),
            "kpi_departments": cli_json("kpi", o, "--period", "2026年春季学期", "--for", "department"),
            "plans": cli_json("plans", "collect", o, "--month", PERIOD),
            "summaries": cli_json("plans", "collect", o, "--month", PERIOD, "--kind", "summary"),
        }
    return out


def figures(x):
    """A result without where its records sit (the cells move with the layout; test_trace checks them)."""
    if isinstance(x, dict):
        return {k: figures(v) for k, v in x.items() if k != "source"}
    if isinstance(x, list):
        return [figures(v) for v in x]
    return x


def test_cli_results_do_not_depend_on_the_layout(results):
    demo, relaid = results["demo"], results["relaid"]
    for job in demo:
        assert figures(demo[job]) == figures(relaid[job]), job
    # and they are real answers, not empty ones
    assert len(demo["attendance"]) > 50 and any(m["absent"] for m in demo["attendance"])
    assert len(demo["ranking"]) == 30 and any(r["red_flag"] for r in demo["ranking"])
    assert {r["status"] for r in demo["plans"]} == {"on_time", "late", "missing", "incomplete"}


def _book(root, tmp_path, settings: dict):
    """The office as one workbook (``sectools excel quickstart``) with a settings sheet, as Excel sends it."""
    r = CliRunner().invoke(main, ["excel", "quickstart", str(root), "--out", str(tmp_path)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    from sectools.excel.quickstart import SERVER_NAME

    data = payload(tmp_path / SERVER_NAME)
    rows = [["设置", "值"], ["办公室文件夹", str(root)]] + [[k, v] for k, v in settings.items()]
    data["sheets"].append({"name": "sectools设置", "values": rows, "tables": [], "pictures": []})
    return data


def _sheet(actions, name: str) -> list[dict]:
    values = sheet_values(actions, added(actions)[name])
    head = values[1]
    return [dict(zip(head, r)) for r in values[2:] if any(v not in (None, "") for v in r)]


@pytest.mark.parametrize("office", ["demo", "relaid"])
def test_excel_buttons_give_the_cli_results(offices, results, office, tmp_path):
    cli = results[office]
    data = _book(offices[office], tmp_path, {"周次": WEEK, "考核期间": PERIOD})
    names = [sh["name"] for sh in data["sheets"]]
    assert {"考核指标", "评分"} <= set(names)  # the appraisal's tables travel in the book too
    ops = next(sh for sh in data["sheets"] if sh["name"] == "操作")
    assert all(b.vba_sub in str(ops["values"]) or b.caption in str(ops["values"]) for b in BUTTONS)
    # attendance
    actions = run_script("sectools_attendance", data)
    assert "考勤统计完成" in alert(actions)
    sheet = {r["学号"]: r for r in _sheet(actions, "考勤统计")}
    assert set(sheet) == {m["id"] for m in cli["attendance"]}
    for m in cli["attendance"]:
        row = sheet[m["id"]]
        assert (row["应到"], row["缺席"], row["迟到"]) == (m["expected"], m["absent"], m["late"]), m["id"]
        if m["rate"] is None:
            assert row["出勤率"] in (None, ""), m["id"]
        else:  # the JSON rounds rates to 4 places
            assert row["出勤率"] == pytest.approx(m["rate"], abs=5e-5), m["id"]
    # ranking
    actions = run_script("sectools_ranking", data)
    assert f"{WEEK}（第2周）" in alert(actions)
    sheet = {r["班级"]: r for r in _sheet(actions, "排名")}
    assert {c: (s["得分"], s["排名"]) for c, s in sheet.items()} == \
        {r["class"]: (r["score"], r["rank"]) for r in cli["ranking"]}
    # appraisal
    actions = run_script("sectools_kpi", data)
    assert f"绩效考核（{PERIOD}）完成" in alert(actions)
    sheet = {r["学号"]: r for r in _sheet(actions, "绩效考核")}
    assert {k: (r["总分"], r["等级"]) for k, r in sheet.items()} == \
        {r["id"]: (r["total"], r["grade"]) for r in cli["kpi"]}


@pytest.mark.parametrize("office", ["demo", "relaid"])
def test_notices_say_what_the_jobs_computed(offices, results, office):
    cli = results[office]
    src = jobs.as_source(offices[office])
    # 考勤通报 / 考勤提醒: the people, actions, counts and rates of the attendance job
    by_id = {m["name"]: m for m in cli["attendance"]}
    for kind in ("考勤提醒", "考勤通报"):
        batch = jobs.notice_data(src, kind, Options(per="member"))
        assert batch.recipients, kind
        for rec in batch.recipients:
            people = rec.context.get("people") or [rec.context["person"]]
            for p in people:
                m = by_id[p["name"]]
                acts = [(a["action"], a["counted_absences"]) for a in m["actions"]]
                # one entry per person: every action that fired for them, each the job's own
                assert all(x in [a for a, _ in acts] for x in p["action"].split("；")), (p["action"], acts)
                assert p["counted"] in [c for _, c in acts]
                assert float(p["rate"].rstrip("%")) / 100 == pytest.approx(m["rate"], abs=6e-4), (kind, p["name"])
    # 量化考核公示: the week's scores and ranks
    batch = jobs.notice_data(src, "量化考核公示", Options(week=WEEK))
    shown = {c["name"]: (float(c["score"]), c["rank"]) for g in batch.recipients[0].context["grades"]
             for c in g["classes"]}
    assert shown == {r["class"]: (r["score"], r["rank"]) for r in cli["ranking"]}
    # 考核结果通知: each person's total and grade
    batch = jobs.notice_data(src, "考核结果通知", Options(period=PERIOD))
    shown = {r.context["person"]["name"]: (float(r.context["person"]["total"]), r.context["person"]["grade"])
             for r in batch.recipients}
    assert shown == {r["name"]: (r["total"], r["grade"]) for r in cli["kpi"] if not r["incomplete_ratings"]}
    # 催办通知: the departments the plans job found missing or late
    batch = jobs.notice_data(src, "催办通知", Options(month=(2026, 3)))
    assert sorted(r.label for r in batch.recipients) == \
        sorted(r["department"] for r in cli["plans"] if r["status"] in ("missing", "late", "incomplete"))


def test_book_defaults_are_the_cli_defaults(offices, results, tmp_path):
    """No week or period in the settings sheet: the button takes the same default as the CLI."""
    root = offices["demo"]
    data = _book(root, tmp_path, {})
    cli_week = jobs.ranking_week(root).facts["week"]
    assert f"{cli_week}（" in alert(run_script("sectools_ranking", data))
    cli_period = jobs.kpi(root, out=False).facts["period"]
    assert cli_period == PERIOD  # the latest month with ratings, not the semester by text order
    assert f"绩效考核（{cli_period}）完成" in alert(run_script("sectools_kpi", data))


def test_a_traditional_office_gets_the_same_results(demo_office, results, tmp_path):
    """The demo's facts typed in Traditional characters (主席團, 學習部, 遲到, 計劃完成率 …) give the same
    figures.  Before, 主席團 was not recognised as the 主席团 that hands in no plans: it was reported as
    not handing in its March plan and its members' appraisal fell (莫帆 98.01 → 80.51)."""
    from sectools.messages import converter

    from .conftest import traditional_office

    simp = converter("t2s").convert
    root = str(traditional_office(demo_office[0], tmp_path / "繁體辦公室"))
    got = {
        "attendance": cli_json("attendance", root),
        "semester": cli_json("ranking", "compute", root, "--semester"),
        "kpi": cli_json("kpi", root, "--period", PERIOD),
        "kpi_departments": cli_json("kpi", root, "--period", "2026年春季學期", "--for", "department"),
        "plans": cli_json("plans", "collect", root, "--month", PERIOD),
        "summaries": cli_json("plans", "collect", root, "--month", PERIOD, "--kind", "summary"),
    }
    for job, answer in got.items():
        want = json.loads(simp(json.dumps(figures(results["demo"][job]), ensure_ascii=False)))
        assert json.loads(simp(json.dumps(figures(answer), ensure_ascii=False))) == want, job
