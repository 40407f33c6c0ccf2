"""月度计划 / 总结 jobs: collect a month's forms, and the month's weekly schedule."""

from __future__ import annotations

import datetime as dt

from ..errors import ERROR, WARNING, Problem, SectoolsError
from .core import Choice, JobResult, as_source, report_path, write_sheets

KIND_FILE = {"plan": "月度工作计划", "summary": "月度工作总结", "semester": "学期工作总结"}


def _settings(src) -> dict:
    return src.office.section("plans")


def plans_due(source, month: tuple[int, int], kind: str = "plan", problems: list | None = None) -> dt.datetime:
    """When the month's plans (or summaries) are due, by the office's settings and holiday calendar;
    a year the calendar does not know is said in ``problems`` (Monday–Friday assumed)."""
    from ..plans import due_date
    from .ranking import workdays

    src = as_source(source)
    sec = _settings(src)
    wd = workdays(src)
    due = due_date(wd, month, kind, int(sec.get("plan_due_workday", 3)), int(sec.get("summary_due_workday", 3)))
    if problems is not None and wd.fallback_years:
        problems.append(Problem("calendar-fallback", WARNING, value="、".join(str(y) for y in sorted(wd.fallback_years))))
    return due


def collected(source, month: tuple[int, int], kind: str = "plan", progress=None):
    """One month's plans (or summaries) from the source, with the office's deadline and departments."""
    from ..plans import collect, expected_departments

    src = as_source(source)
    sec = _settings(src)
    said: list = []
    due = plans_due(src, month, kind, said)
    expected = expected_departments(sec.get("departments"), src.office.departments)
    res = collect(src.plan_submissions(month, progress), month, kind, due, expected)
    res.problems.extend(said)
    return res


def pick_month(src, month, today: dt.date | None, kind: str = "plan") -> tuple[tuple[int, int], Choice | None]:
    """The month asked for, else the latest month (up to today's) whose folder holds forms; semester summaries:
    the month the semester ends (they are handed in at its end, into that month's folder)."""
    if month:
        return month, None
    end = src.office.semester_end
    if kind == "semester" and end is not None:
        m = (end.year, end.month)
        return m, Choice("month", f"{m[0]}-{m[1]:02d}", "month-semester-end", {"year": m[0], "month": m[1]})
    today = today or dt.date.today()
    months = [m for m in src.plan_months() if m <= (today.year, today.month)]
    if not months:
        raise SectoolsError(Problem("no-plan-months", file=str(src.office.section("plans")["folder"])))
    m = months[-1]
    return m, Choice("month", f"{m[0]}-{m[1]:02d}", "month-latest", {"year": m[0], "month": m[1]})


def plans_collect(source, month: tuple[int, int] | None = None, kind: str = "plan", *, progress=None,
                  today: dt.date | None = None, out=None) -> JobResult:
    """Who handed in the month's plans or summaries on time, late or not at all, and every item."""
    from ..plans import month_label
    from ..plans.output import collected_sheets

    src = as_source(source)
    month, choice = pick_month(src, month, today, kind)
    res = collected(src, month, kind, progress)
    if any(p.code == "month-folder-missing" for p in res.problems):
        # no folder for the month: not "every department missing" — say so, and which months there are
        months = "、".join(f"{y}-{m:02d}" for y, m in src.plan_months()) or "—"
        raise SectoolsError([Problem("month-folder-not-found", ERROR, p.file, p.sheet, p.cell, p.value,
                                     {**p.params, "months": months})
                             for p in res.problems if p.code == "month-folder-missing"])
    job = JobResult("plans", res, list(res.problems), [choice] if choice else [])
    job.facts = {"month": month_label(month), "kind": kind, "due": res.due,
                 "missing": [r["department"] for r in res.rows if r["status"] == "missing"],
                 "late": [r["department"] for r in res.rows if r["status"] == "late"]}
    job.sheets = collected_sheets(res, src.office.name, refs=lambda f: src.ref(f, None, None))
    write_sheets(src, report_path(src, out, f"{KIND_FILE[kind]}_{month_label(month)}"), job.sheets, job)
    return job


def plans_schedule(source, month: tuple[int, int] | None = None, *, out=None, today: dt.date | None = None) -> JobResult:
    """每月工作重点及每周活动安排: the month's planned activities by week (default: the latest month with forms)."""
    from ..plans import month_label
    from ..plans.output import schedule_sheet

    src = as_source(source)
    month, choice = pick_month(src, month, today)
    res = collected(src, month, "plan")
    if not any(r["status"] != "missing" for r in res.rows):
        raise SectoolsError(list(res.problems) + [Problem("no-plans-in-month", value=month_label(month))])
    job = JobResult("schedule", res, list(res.problems), [choice] if choice else [])
    job.sheets = [schedule_sheet(res, src.office.name)]
    write_sheets(src, report_path(src, out, f"每周活动安排_{month_label(month)}"), job.sheets, job)
    return job
