"""月度工作计划 / 总结: collect a month's submissions from a folder, check them, and report who is
on time, late or missing, every item, and each department's completion against its plan.

The office's folder (``[plans] folder``, default ``计划总结``) holds one subfolder per month, named
like ``2026-03`` or ``2026年3月``; files may sit in subfolders per department.  Deadlines:
a plan is due by the end of the month's ``plan_due_workday``-th working day (default 3); a
summary by the end of the next month's ``summary_due_workday``-th working day (default 3; 0 = the
month's own last working day).  The date handed in is the form's 填表日期, else the file's
modification time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import ERROR, WARNING, Problem, SectoolsError
from ..messages import W
from ..normalize import fold
from .forms import Submission, field_cell, parse_month
from .schema import KIND_LABELS



@dataclass
class Collected:
    month: tuple[int, int]
    kind: str
    due: dt.datetime
    rows: list[dict]  # per department: department, kind, status, handed_in, items, completion_rate, problems
    submissions: list[Submission]
    problems: list[Problem] = field(default_factory=list)
    plan_items: dict = field(default_factory=dict)  # department → plan items (for completion)

    def as_records(self, lang: str = "zh-CN") -> list[dict]:  # noqa: ARG002 (one signature for every result)
        return [{"department": r["department"], "kind": r["kind"], "status": r["status"], "items": r["items"],
                 "completion_rate": r["completion_rate"], "problems": r["problems"]} for r in self.rows]


def month_label(month: tuple[int, int]) -> str:
    return f"{month[0]}-{month[1]:02d}"


def parse_month_arg(text: str) -> tuple[int, int]:
    m = parse_month(text, dt.date.today().year)
    if not m:
        raise SectoolsError(Problem("bad-month", value=text))
    return m


def due_date(workdays, month: tuple[int, int], kind: str, plan_due_workday: int = 3,
             summary_due_workday: int = 3) -> dt.datetime:
    """A plan: the end of the month's ``plan_due_workday``-th working day; a summary: of the next
    month's ``summary_due_workday``-th (0: the month's own last working day)."""
    y, m = month
    if kind == "plan":
        d = workdays.nth_workday_of_month(y, m, plan_due_workday)
    elif summary_due_workday <= 0:
        d = workdays.nth_workday_of_month(y, m, 0)
    else:
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        d = workdays.nth_workday_of_month(ny, nm, summary_due_workday)
    return dt.datetime.combine(d, dt.time(23, 59, 59))


def expected_departments(listed, office_departments: tuple[str, ...]) -> list[str]:
    """The departments that hand in plans: ``[plans] departments``, else every department but 主席团."""
    return list(listed or [d for d in office_departments if fold(d) != "主席团"])  # 主席團 too


def collect(read: tuple[list[Submission], list[Problem]], month: tuple[int, int], kind: str,
            due: dt.datetime, expected: list[str]) -> Collected:
    """A month's forms (as the source read them) → who handed in on time, late or not at all."""
    subs, problems = read
    subs = [_fresh(s) for s in subs]
    problems = list(problems)
    mine = []
    for s in subs:
        if s.kind is None:
            s.problems.append(Problem("form-kind-unknown", ERROR, s.file))
        if s.department and fold(s.department) not in {fold(d) for d in expected}:
            s.problems.append(Problem("unknown-department", ERROR, s.file, *field_cell(s, "department"),
                                      s.department, {"allowed": "、".join(expected)}))
        if s.month and s.month != month:
            s.problems.append(Problem("wrong-month", ERROR, s.file, *field_cell(s, "month"),
                                      W("month-name", year=s.month[0], month=s.month[1]),
                                      {"month": W("month-name", year=month[0], month=month[1])}))
        if s.kind == kind or s.kind is None:
            mine.append(s)
    by_dep: dict[str, list[Submission]] = {}
    for s in mine:
        if s.department:
            by_dep.setdefault(s.department, []).append(s)
        else:
            s.problems.append(Problem("form-field-missing", ERROR, s.file, None, None, None, {"field": W("form-field-department")}))
    rows = []
    plans = _plan_items(subs) if kind == "summary" else {}
    for dep in expected + [d for d in by_dep if d not in expected]:
        group = sorted(by_dep.get(dep, []), key=lambda s: s.handed_in)
        if not group:
            rows.append({"department": dep, "kind": kind, "status": "missing", "handed_in": None, "items": 0,
                         "completion_rate": None, "problems": [], "file": None})
            continue
        readable = [s for s in group if not s.unreadable]
        use = (readable or group)[-1]  # a damaged file never displaces a form that reads
        for older in [s for s in group if s is not use]:
            use.problems.append(Problem("duplicate-submission", WARNING, older.file, None, None, None,
                                        {"used": use.file}))
        status = "on_time" if use.handed_in <= due else "late"
        if use.unreadable or any(p.code == "no-items" for p in use.problems):
            status = "incomplete"  # handed in, but unreadable or without work items: chased like a late one
        rate = None
        if kind == "summary":
            rate = completion(use.items, plans.get(dep))
        rows.append({"department": dep, "kind": kind, "status": status, "handed_in": use.handed_in,
                     # shown as known: the form's 填表日期 alone (its noon only orders and dates it), else the time
                     "handed_in_shown": use.filled or use.handed_in,
                     "items": int(len(use.items)), "completion_rate": rate,
                     "problems": [p.code for p in use.problems], "file": use.file})
    for s in subs:
        problems.extend(s.problems)
    return Collected(month, kind, due, rows, mine, problems, plans)


def _fresh(s: Submission) -> Submission:
    """A copy whose problem list this collection may add to (the same files serve both kinds)."""
    from dataclasses import replace

    copy = replace(s, problems=list(s.problems))
    copy._where = getattr(s, "_where", {})  # type: ignore[attr-defined]
    return copy


def _plan_items(subs: list[Submission]) -> dict[str, list[str]]:
    """The plans handed in (the month's folder holds plans and summaries alike), newest last."""
    out: dict[str, list[str]] = {}
    for s in sorted(subs, key=lambda s: s.handed_in):
        if s.kind == "plan" and s.department:
            out[s.department] = [x for x in s.items["item"].tolist() if x]
    return out


def completion(items, planned: list[str] | None) -> float | None:
    """Planned items done ÷ planned (已完成 counts; 部分完成/未完成/取消 do not)."""
    if not planned:
        return None
    done = {fold(i) for i, d, u in zip(items["item"].tolist(), items["done"].tolist(), items["unplanned"].tolist())
            if i and d == "已完成" and u != "是"}
    return round(sum(1 for p in planned if fold(p) in done) / len(planned), 4)


__all__ = ["collect", "expected_departments", "Collected", "due_date", "parse_month_arg", "month_label", "completion", "KIND_LABELS"]
