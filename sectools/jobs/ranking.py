"""班级量化考核 jobs: a week's scores and ranks, the semester's, and the week's progress."""

from __future__ import annotations

import datetime as dt

from ..dates import shown_minute
from ..errors import Problem, SectoolsError
from .core import Choice, JobResult, as_source, config_checked, report_path, write_sheets


def ranking_rules(src):
    from ..ranking.compute import rules_from_config

    rules, cfg = rules_from_config(src.office.section("ranking"))
    config_checked(cfg)
    return rules


def ranking_inputs(source):
    """Classes, scoring rules and every inspection sheet, read once."""
    from ..ranking import inputs_from

    src = as_source(source)
    rules = ranking_rules(src)
    classes, items = src.read_required("classes", "score_items")
    return inputs_from(classes, items, src.read("inspections"), rules)


def workdays(source):
    from ..ranking import workdays_from

    src = as_source(source)
    return workdays_from(src.read_optional("holidays"))


def week_deadlines(source, week: str):
    from ..ranking import deadlines

    src = as_source(source)
    return deadlines(ranking_rules(src), workdays(src), week)


def pick_week(records, week: str | None, today: dt.date, semester=None) -> tuple[str, Choice | None]:
    """The week asked for, else the latest week with records up to today — said back in words, with the
    office's own name for it (第2周 of ``semester``)."""
    from ..ranking import latest_week, normalise_week
    from ..ranking.compute import week_bounds, week_name

    if week:
        return normalise_week(week, semester), None
    label, found = latest_week(records, today)
    monday, sunday = week_bounds(label)
    return label, Choice("week", label, "week-latest" if found else "week-none",
                         {"monday": monday, "sunday": sunday, "name": week_name(label, semester)})


def sealed_differs(src, week: str, res) -> list[Problem]:
    """A sealed week computed again from records edited since: say the seal stands, and which classes differ."""
    if src.state_root is None:
        return []
    from ..ranking.audit import week_outputs
    from .statefiles import read_state, week_dir

    try:
        sealed = read_state(week_dir(src, week) / "sealed.json")
    except SectoolsError as e:
        return list(e.problems)
    if not sealed or sealed.get("outputs") == week_outputs(res):
        return []
    changed = sorted({o[0] for o, n in zip(sealed.get("outputs") or [], week_outputs(res)) if o != n})
    return [Problem("sealed-week-differs", value=week, params={"classes": "、".join(changed) or "—",
                                                               "at": shown_minute(sealed["sealed_at"])})]


def ranking_week(source, week: str | None = None, *, today: dt.date | None = None, out=False) -> JobResult:
    """A week's class scores, ranks and 流动红旗 (default: the latest week with records)."""
    from ..ranking.compute import score_week, week_name
    from ..ranking.report import trace_sheet, week_sheet

    src = as_source(source)
    inp = ranking_inputs(src)
    if len(inp.records) == 0:
        raise SectoolsError(Problem("no-records-at-all", file=src.read("inspections").file))
    label, choice = pick_week(inp.records, week, today or dt.date.today(), src.office.semester)
    res = score_week(inp.classes.data, inp.items.data, inp.records, label, inp.rules, inp.locate)
    if res.records == 0:  # every class would get the base score and a red flag
        raise SectoolsError([Problem("no-records", value=label)] + [p for p in inp.problems if p.is_error()
                                                                    or p.code.startswith("wide-")])
    res.problems = inp.problems + res.problems + sealed_differs(src, label, res)
    for t in res.trace:
        t["source"] = src.ref(t["file"], t["sheet"], t["cell"])
    job = JobResult("ranking", res, list(res.problems), [choice] if choice else [])
    flags = res.table[res.table["red_flag"]]["class_name"].tolist() if len(res.table) else []
    job.facts = {"week": label, "classes": len(res.table), "records": res.records, "red_flags": flags,
                 "name": week_name(label, src.office.semester)}
    job.sheets = [week_sheet(res, src.office.name, src.lang, semester=src.office.semester),
                  trace_sheet(res, src.office.name, src.office.semester)]
    target = report_path(src, out, f"排名_{label}")
    if target is not None:
        from ..report import problems_sheet

        write_sheets(src, target, job.sheets + ([problems_sheet(res.problems, src.lang)] if res.problems else []), job)
    return job


def ranking_semester(source, *, until: dt.date | None = None) -> JobResult:
    """The semester's cumulative ranking by mean weekly score."""
    from ..ranking import semester

    src = as_source(source)
    inp = ranking_inputs(src)
    if len(inp.records) == 0:
        raise SectoolsError(Problem("no-records-at-all", file=src.read("inspections").file))
    until = until or src.office.semester_end or dt.date.today()
    sealed, unread = _sealed_results(src)
    df = semester(inp, until, sealed)
    records = [{"class": r["class_name"], "grade": r["grade"], "mean": r["mean"], "weeks": int(r["weeks"]),
                "red_flags": int(r["red_flags"]), "rank": int(r["rank"])} for r in df.to_dict("records")]
    return JobResult("ranking_semester", records, list(inp.problems) + unread,
                     facts={"until": until, "classes": len(records)})


def _sealed_results(src) -> tuple[dict, list[Problem]]:
    """Each sealed week's sealed results (they stand: a record edited after the seal changes nothing), and the
    problem of each seal record that cannot be read (that week is then counted from its records, and said)."""
    from .statefiles import read_state, sealed_weeks, week_dir

    out: dict = {}
    problems: list[Problem] = []
    for week in sealed_weeks(src):
        try:
            rec = read_state(week_dir(src, week) / "sealed.json")
        except SectoolsError as e:
            problems += e.problems
            continue
        if rec and rec.get("outputs"):
            out[week] = rec["outputs"]
    return out, problems


def require_records(job: JobResult) -> None:
    if job.result.records == 0:
        raise SectoolsError(Problem("no-records", value=job.facts["week"]))
