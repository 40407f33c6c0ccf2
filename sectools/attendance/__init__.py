"""考勤 — meetings, sign-ins and leave → per-member, per-department and per-meeting results,
and the office's escalation rules.

:func:`compute` is the rule engine on frames; :func:`find_meeting` and :func:`expected_at` answer
"which meeting" and "who should be there".  Nothing here opens a file: a source reads the tables.
"""

from __future__ import annotations

import datetime as dt

from ..errors import WARNING, Problem, SectoolsError
from ..messages import L, W
from .compute import Result, compute
from .records import Records, SigninTable, from_table
from .rules import Rules, Step
from .schema import LEAVE_TABLE, MEETINGS, SIGNINS, STATUS_LABELS

__all__ = ["Result", "Rules", "Step", "compute", "MEETINGS", "SIGNINS", "LEAVE_TABLE", "STATUS_LABELS",
           "SigninTable", "check_meetings", "leave_problems", "find_meeting", "expected_at", "leave_records"]


def check_meetings(table, semester=None) -> list[Problem]:
    """The meetings table's own rules: end after start, no meeting listed twice, dates inside
    the semester (a wrong year or month is reported, never taken as it is silently)."""
    df = table.data
    problems = []
    seen: dict = {}
    from ..normalize import fold
    from ..qr import signin_link

    for i, (d, name, s, e) in enumerate(zip(df["date"].tolist(), df["meeting"].tolist(), df["start"].tolist(),
                                            df["end"].tolist())):
        if s and e and e < s:
            problems.append(table.problem("meeting-times", i, "end", e, WARNING, start=s.strftime("%H:%M")))
        if d and semester is not None and semester.start and not semester.contains(d):
            problems.append(table.problem("date-outside-semester", i, "date", d, WARNING,
                                          start=semester.start.isoformat(),
                                          end=semester.end.isoformat() if semester.end else "…"))
        link = df["signin_url"].iat[i] if "signin_url" in df.columns else None
        if link and signin_link(link) is None:  # a QR code of it would open nothing
            problems.append(table.problem("bad-signin-url", i, "signin_url", link))
        if d and name:
            key = (d, fold(name))
            if key in seen:
                problems.append(table.problem("duplicate-meeting", i, "meeting", name, other=table.cell(seen[key], "meeting")))
            else:
                seen[key] = i
    return problems


def leave_problems(table) -> list[Problem]:
    if "approved" not in table.columns:
        return []
    return [table.problem("leave-approval-missing", i, "approved", None, WARNING)
            for i, (k, a) in enumerate(zip(table.data["kind"].tolist(), table.data["approved"].tolist()))
            if k and a is None]


def find_meeting(meetings_table, query: str | None, today: dt.date | None = None, semester=None) -> int:
    """The meeting a clerk means: a date (2026-03-08, 3月8日), a name, or — with no query —
    the next meeting from today (the last one when none is ahead).  Returns its row."""
    from ..dates import parse_date
    from ..normalize import fold

    df = meetings_table.data
    dates, names = df["date"].tolist(), df["meeting"].tolist()
    rows = [i for i, d in enumerate(dates) if d]
    if not rows:
        raise SectoolsError(Problem("no-meetings", params={"detail": W("meetings-empty")}))
    if not query:
        today = today or dt.date.today()
        ahead = [i for i in rows if dates[i] >= today]
        return min(ahead, key=lambda i: dates[i]) if ahead else max(rows, key=lambda i: dates[i])
    by_name = [i for i in rows if names[i] and fold(names[i]) == fold(query)]
    if len(by_name) == 1:
        return by_name[0]
    d = parse_date(query, semester) if semester else parse_date(query)
    by_date = [i for i in rows if d and dates[i] == d]
    if len(by_date) == 1:
        return by_date[0]
    choices = by_date or by_name
    detail = "、".join(f"{dates[i]} {names[i]}" for i in choices[:8]) or W("not-in-meetings")
    raise SectoolsError(Problem("meeting-not-found", value=query, params={"detail": detail}))


def expected_at(meetings_table, k: int, roster, departments: tuple[str, ...], leaves=None) -> tuple[dict, list[dict]]:
    """Meeting row ``k`` as a dict, and the members expected at it in sign-in-sheet order
    (department, then post, then id), each with any leave already recorded for it."""
    import numpy as np

    from ..vocab import leave_approved, post_rank
    from .compute import active_matrix, scope_masks

    mt = meetings_table.data.iloc[[k]].reset_index(drop=True)
    r = roster.reset_index(drop=True)
    scope, _ = scope_masks(mt, r, departments)
    expected = (scope & active_matrix(mt["date"].tolist(), r))[0]
    notes: dict[str, str] = {}
    if leaves is not None:
        for sid, name, d, mname, kind, appr in zip(leaves["id"], leaves["name"], leaves["date"], leaves["meeting"],
                                                   leaves["kind"], leaves["approved"]):
            if d == mt["date"].iat[0] and (not mname or mname == mt["meeting"].iat[0]) and kind:
                notes[sid or name] = W("leave-note", kind=L(STATUS_LABELS[kind]),
                                          state=W("approved" if leave_approved(appr) else "not-approved"))
    people = [{"id": r["id"].iat[i], "name": r["name"].iat[i], "department": r["department"].iat[i],
               "post": r["post"].iat[i], "note": notes.get(r["id"].iat[i]) or notes.get(r["name"].iat[i])}
              for i in np.nonzero(expected)[0]]
    rank = {d: i for i, d in enumerate(departments)}
    people.sort(key=lambda p: (rank.get(p["department"], 99), p["department"] or "",
                               post_rank(p["post"]), p["id"] or ""))
    meeting = {c: mt[c].iat[0] for c in mt.columns if c != "_row"}
    return meeting, people


def leave_records(leaves) -> Records | None:
    """The leave table as records the rule engine matches against meetings."""
    if leaves is None:
        return None
    return Records(from_table(leaves, extra=("kind", "approved")), [], [(leaves.file, leaves.sheet, "log")])
