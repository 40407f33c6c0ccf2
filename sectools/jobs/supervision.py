"""督办 job: the tasks of the 督办台账, the 议定事项 and the 收文登记's 办件 in one list, each at its level in working
days; the 督办通报 workbook; the tasks each 主办 department is chased for; the 督办完成率 of the KPI."""

from __future__ import annotations

import datetime as dt

from ..errors import Problem, SectoolsError
from .core import JobResult, as_source, config_checked, kept_table, report_path, write_sheets


def tasks(source, *, today: dt.date | None = None, out=None) -> JobResult:
    """Every supervised task: overdue first, then due soon, on track, finished; per 主办 department with its
    completion rate; the overdue list.  ``out``: the workbook (None: 输出/督办通报.xlsx)."""
    from ..documents import rules_from_config
    from ..tasks import supervise
    from ..tasks.output import task_sheets
    from .ranking import workdays

    src = as_source(source)
    rules, cfg = rules_from_config(src.office.section("documents"))
    config_checked(cfg)
    today = today or dt.date.today()
    tasks_t = kept_table(src, "tasks")
    decisions_t = kept_table(src, "decisions")
    own: list[Problem] = []
    if tasks_t is not None:
        own += tasks_t.problems
        gone = tasks_t.missing("due")  # else no task of the register could ever be overdue
        if "status" not in tasks_t.columns and "done" not in tasks_t.columns and tasks_t.header_row is not None:
            gone += tasks_t.missing("status", "done")  # else no task could ever be finished: all overdue in time
        if gone and len(tasks_t):
            raise SectoolsError(gone)
    if decisions_t is not None:
        own += decisions_t.problems
        if len(decisions_t):  # a column not found is said once, at the header (not as a blank on every row)
            own += decisions_t.missing("owner", "due", severity="warning")
    if tasks_t is not None and len(tasks_t):
        own += tasks_t.missing("done", "lead", severity="warning")
    docs = None
    inc_t = src.read_optional("incoming")
    if inc_t is not None and inc_t.header_row is not None and len(inc_t):  # an empty register: no 办件 to supervise
        from .incoming import documents

        inc = documents(src, today=today, out=False)
        docs = inc.result.docs
        action_rows = {d["row"] for d in docs if d["kind"] == "办件"}
        own += [p for p in inc.problems if p.code != "calendar-fallback" and p.row in action_rows]
    if (tasks_t is None or not len(tasks_t)) and (decisions_t is None or not len(decisions_t)) and \
            not any(d["kind"] == "办件" for d in docs or ()):
        raise SectoolsError(Problem("tasks-none", params={"places": "、".join(
            str(src.office.table(n).path) for n in ("tasks", "decisions", "incoming"))}))
    roster = src.read_optional("roster")
    days = workdays(src)
    res = supervise(tasks_t, decisions_t, docs, roster.data if roster is not None and roster.header_row is not None
                    else None, src.office.departments, days, today, rules.due_soon_workdays, src.office.semester,
                    src.lang, rules.number_pattern())
    job = JobResult("tasks", res, own + res.problems)
    end = src.office.semester_end
    if end and today > end + dt.timedelta(days=7):  # the spring semester's tasks looked at in December: said
        job.problems.append(Problem("tasks-after-semester", "warning", params={"today": today.isoformat(),
                                                                               "end": end.isoformat()}))
    if days.fallback_years:
        job.problems.append(Problem("calendar-fallback", "warning",
                                    value="、".join(map(str, sorted(days.fallback_years)))))
    levels = [t["level"] for t in res.tasks]
    job.facts = {"tasks": len(levels), "overdue": levels.count("逾期"), "soon": levels.count("临期"),
                 "normal": levels.count("正常"), "unverified": levels.count("待核实"),
                 "done": levels.count("已完成") + levels.count("逾期完成"), "late": levels.count("逾期完成"),
                 "cancelled": levels.count("已撤销"),
                 "from_decisions": sum(t["origin"] == "decision" for t in res.tasks),
                 "from_documents": sum(t["origin"] == "incoming" for t in res.tasks)}
    job.sheets = task_sheets(res, src.office.name, src.ref, job.problems)
    write_sheets(src, report_path(src, out, "督办通报"), job.sheets, job)
    return job



def checked_tasks(source, today: dt.date | None = None, force: bool = False) -> JobResult:
    """The tasks for a 督办通报 or a reminder: refused while a source has errors (two rows for one decision, a number
    used twice, a date that cannot be read …) unless ``force`` — a notice made from them may chase the wrong task."""
    job = tasks(source, today=today, out=False)
    if job.errors and not force:
        first = job.errors[0]
        raise SectoolsError(Problem("tasks-have-errors", params={
            "count": len(job.errors), "first": f"{first.location()} {first.code}".strip()}))
    return job


def task_rates(source, start: dt.date, end: dt.date, today: dt.date | None = None) -> tuple[dict, list[Problem]]:
    """督办完成率 per 主办 department over [start, end] (up to today): (department → (rate, tasks counted)), the
    problems of the tasks' sources."""
    from ..tasks import completion_rates

    today = today or dt.date.today()
    job = tasks(source, today=today, out=False)
    return completion_rates(job.result.tasks, start, min(end, today)), job.problems
