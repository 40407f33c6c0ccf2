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
from pathlib import Path

from ..errors import ERROR, WARNING, Problem, SectoolsError
from ..normalize import fold
from .forms import Submission, field_cell, parse_month, read_form
from .schema import KIND_LABELS

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".docx", ".csv")


@dataclass
class Collected:
    month: tuple[int, int]
    kind: str
    due: dt.datetime
    rows: list[dict]  # per department: department, kind, status, handed_in, items, completion_rate, problems
    submissions: list[Submission]
    problems: list[Problem] = field(default_factory=list)
    plan_items: dict = field(default_factory=dict)  # department → plan items (for completion)

    def as_records(self) -> list[dict]:
        return [{"department": r["department"], "kind": r["kind"], "status": r["status"], "items": r["items"],
                 "completion_rate": r["completion_rate"], "problems": r["problems"]} for r in self.rows]


def month_label(month: tuple[int, int]) -> str:
    return f"{month[0]}-{month[1]:02d}"


def parse_month_arg(text: str) -> tuple[int, int]:
    m = parse_month(text, dt.date.today().year)
    if not m:
        raise SectoolsError(Problem("bad-month", value=text))
    return m


def month_folder(root: Path, month: tuple[int, int]) -> Path | None:
    y, m = month
    names = {f"{y}-{m:02d}", f"{y}-{m}", f"{y}年{m}月", f"{y}年{m:02d}月", f"{y}{m:02d}", f"{y}.{m:02d}", f"{y}.{m}"}
    if not root.is_dir():
        return None
    for p in root.iterdir():
        if p.is_dir() and (p.name in names or parse_month(p.name) == month):
            return p
    return None


def due_date(office, month: tuple[int, int], kind: str) -> dt.datetime:
    from ..ranking import workdays_for

    wd = workdays_for(office)
    sec = office.section("plans")
    y, m = month
    if kind == "plan":
        n = int(sec.get("plan_due_workday", 3))
        d = wd.nth_workday_of_month(y, m, n)
    else:
        n = int(sec.get("summary_due_workday", 3))
        if n <= 0:
            d = wd.nth_workday_of_month(y, m, 0)
        else:
            ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
            d = wd.nth_workday_of_month(ny, nm, n)
    return dt.datetime.combine(d, dt.time(23, 59, 59))


def read_month(office, month: tuple[int, int], progress=None) -> tuple[list[Submission], list[Problem]]:
    from ..office import context

    root = office.root / str(office.section("plans").get("folder", "计划总结"))
    folder = month_folder(root, month)
    if folder is None:
        return [], [Problem("month-folder-missing", WARNING, file=office.display(root), value=month_label(month))]
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                   and not p.name.startswith(("~$", ".~lock", ".")))
    ctx = context(office)
    subs = []
    for p in files:
        sub = read_form(p, ctx, office.departments, office.display(p), office.limits)
        if not sub.department:
            # the file name second, then the folder a department keeps its files in
            for text in (p.stem, p.parent.name):
                from .forms import _department_from

                d = _department_from(text, office.departments)
                if d:
                    sub.department, sub.source = d, "file name"
                    break
        if not sub.kind:
            from .forms import _kind_from

            sub.kind = _kind_from(p.stem) or _kind_from(p.parent.name)
        subs.append(sub)
        if progress:
            progress(p.name)
    return subs, []


def collect(office, month: tuple[int, int], kind: str = "plan", progress=None,
            read: tuple[list[Submission], list[Problem]] | None = None) -> Collected:
    """``read``: the month's files already read by :func:`read_month` (to collect both kinds once)."""
    subs, problems = read if read is not None else read_month(office, month, progress)
    subs = [_fresh(s) for s in subs]
    problems = list(problems)
    due = due_date(office, month, kind)
    expected = list(office.section("plans").get("departments") or _roster_departments(office))
    mine = []
    for s in subs:
        if s.kind is None:
            s.problems.append(Problem("form-kind-unknown", ERROR, s.file))
        if s.department and fold(s.department) not in {fold(d) for d in expected}:
            s.problems.append(Problem("unknown-department", ERROR, s.file, *field_cell(s, "department"),
                                      s.department, {"allowed": "、".join(expected)}))
        if s.month and s.month != month:
            s.problems.append(Problem("wrong-month", ERROR, s.file, *field_cell(s, "month"),
                                      f"{s.month[0]}年{s.month[1]}月", {"month": f"{month[0]}年{month[1]}月"}))
        if s.kind == kind or s.kind is None:
            mine.append(s)
    by_dep: dict[str, list[Submission]] = {}
    for s in mine:
        if s.department:
            by_dep.setdefault(s.department, []).append(s)
        else:
            s.problems.append(Problem("form-field-missing", ERROR, s.file, None, None, None, {"field": "部门"}))
    rows = []
    plans = _plan_items(subs) if kind == "summary" else {}
    for dep in expected + [d for d in by_dep if d not in expected]:
        group = sorted(by_dep.get(dep, []), key=lambda s: s.handed_in)
        if not group:
            rows.append({"department": dep, "kind": kind, "status": "missing", "handed_in": None, "items": 0,
                         "completion_rate": None, "problems": [], "file": None})
            continue
        use = group[-1]
        for older in group[:-1]:
            use.problems.append(Problem("duplicate-submission", WARNING, older.file, None, None, None,
                                        {"used": use.file}))
        status = "on_time" if use.handed_in <= due else "late"
        rate = None
        if kind == "summary":
            rate = completion(use.items, plans.get(dep))
        rows.append({"department": dep, "kind": kind, "status": status, "handed_in": use.handed_in,
                     "items": int(len(use.items)), "completion_rate": rate,
                     "problems": [p.code for p in use.problems], "file": use.file})
    for s in subs:
        problems.extend(s.problems)
    return Collected(month, kind, due, rows, mine, problems, plans)


def _roster_departments(office) -> list[str]:
    return [d for d in office.departments if d not in ("主席团",)]


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


__all__ = ["collect", "read_month", "Collected", "due_date", "parse_month_arg", "month_label", "completion", "KIND_LABELS"]
