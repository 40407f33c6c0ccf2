"""考勤 — meetings, sign-ins and leave → per-member, per-department and per-meeting results,
and the office's escalation rules.

:func:`compute` is the rule engine on frames; :func:`run` reads an office and calls it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import WARNING, Problem, SectoolsError
from .compute import Result, compute
from .records import Records, from_table, read_signins
from .rules import Rules, Step, rules_from_config
from .schema import LEAVE_TABLE, MEETINGS, SIGNINS, STATUS_LABELS

__all__ = ["Result", "Rules", "Step", "compute", "run", "load", "MEETINGS", "SIGNINS", "LEAVE_TABLE",
           "STATUS_LABELS", "SigninTable", "check_meetings"]


@dataclass
class SigninTable:
    """Sign-ins as ``sectools check`` shows them: every sign-in sheet of the workbook."""

    spec: object
    records: Records
    file: str | None
    problems: list[Problem]

    @property
    def sheet(self) -> str | None:
        return "、".join(s for _, s, _ in self.records.sheets) or None

    @property
    def data(self):
        return self.records.frame

    @property
    def header_row(self):
        return 0 if self.records.sheets else None

    def __len__(self) -> int:
        return len(self.records.frame)


def read_signins_office(office) -> SigninTable:
    from ..office import context
    from ..reader import open_workbook

    cfg = office.table("signins")
    path = office.path_of("signins")
    display = office.display(path)
    from ..errors import UnreadableFile

    try:
        wb = open_workbook(path, office.limits, display=display)
    except UnreadableFile as e:
        return SigninTable(SIGNINS, Records(_empty(), [], []), display, list(e.problems))
    with wb:
        rec = read_signins(wb, context(office), cfg.sheet)
    return SigninTable(SIGNINS, rec, display, rec.problems)


def _empty():
    from .records import empty_frame

    return empty_frame()


def check_meetings(table, semester=None) -> list[Problem]:
    """The meetings table's own rules: end after start, no meeting listed twice, dates inside
    the semester (a wrong year or month is reported, never taken as it is silently)."""
    df = table.data
    problems = []
    seen: dict = {}
    from ..normalize import fold

    for i, (d, name, s, e) in enumerate(zip(df["date"].tolist(), df["meeting"].tolist(), df["start"].tolist(),
                                            df["end"].tolist())):
        if s and e and e < s:
            problems.append(table.problem("meeting-times", i, "end", e, WARNING, start=s.strftime("%H:%M")))
        if d and semester is not None and semester.start and not semester.contains(d):
            problems.append(table.problem("date-outside-semester", i, "date", d, WARNING,
                                          start=semester.start.isoformat(),
                                          end=semester.end.isoformat() if semester.end else "…"))
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


@dataclass
class Inputs:
    roster: object
    meetings: object
    signins: SigninTable
    leaves: object | None
    leave_records: Records | None
    rules: Rules
    problems: list[Problem]


def load(office) -> Inputs:
    """Read everything attendance needs from an office; unreadable essentials raise."""
    from .. import office as office_mod

    rules, cfg_problems = rules_from_config(office.section("attendance"))
    if cfg_problems:
        from ..errors import ConfigError

        raise ConfigError(cfg_problems)
    roster = office_mod.read(office, "roster")
    meetings = office_mod.read(office, "meetings")
    signins = office_mod.read(office, "signins")
    leaves = None
    leave_records = None
    if "leaves" in office.configured_tables():
        leaves = office_mod.read(office, "leaves")
        leave_records = from_table(leaves, extra=("kind", "approved"))
        leave_records = Records(leave_records, [], [(leaves.file, leaves.sheet, "log")])
    problems = roster.problems + meetings.problems + signins.problems + (leaves.problems if leaves else [])
    fatal = [p for t in (roster, meetings) for p in t.problems if t.header_row is None]
    if fatal:
        raise SectoolsError(fatal)
    return Inputs(roster, meetings, signins, leaves, leave_records, rules, problems)


def run(office, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
        kind: str | None = None) -> Result:
    """Read the office and compute attendance; the result carries every problem found."""
    inp = load(office)
    res = compute(inp.roster, inp.meetings, inp.signins.records, inp.leave_records, inp.rules,
                  office.departments, date_from=date_from, date_to=date_to, kind=kind, lang=office.lang)
    res.problems = inp.problems + res.problems
    if len(res.meetings) == 0:
        detail = " ".join(x for x in (f"from {date_from}" if date_from else "", f"to {date_to}" if date_to else "",
                                      f"kind {kind}" if kind else "") if x) or "会议表为空 / empty"
        raise SectoolsError(Problem("no-meetings", params={"detail": detail}))
    return res


def find_meeting(meetings_table, query: str | None, today: dt.date | None = None, semester=None) -> int:
    """The meeting a clerk means: a date (2026-03-08, 3月8日), a name, or — with no query —
    the next meeting from today (the last one when none is ahead).  Returns its row."""
    from ..dates import parse_date
    from ..normalize import fold

    df = meetings_table.data
    dates, names = df["date"].tolist(), df["meeting"].tolist()
    rows = [i for i, d in enumerate(dates) if d]
    if not rows:
        raise SectoolsError(Problem("no-meetings", params={"detail": "会议表为空 / empty"}))
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
    detail = "、".join(f"{dates[i]} {names[i]}" for i in choices[:8]) or "会议表中没有 / not in the meetings table"
    raise SectoolsError(Problem("meeting-not-found", value=query, params={"detail": detail}))


def expected_at(meetings_table, k: int, roster, departments: tuple[str, ...], leaves=None) -> tuple[dict, list[dict]]:
    """Meeting row ``k`` as a dict, and the members expected at it in sign-in-sheet order
    (department, then post, then id), each with any leave already recorded for it."""
    import numpy as np

    from ..config import POSTS
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
                notes[sid or name] = f"{STATUS_LABELS[kind]}（{'已批准' if appr in ('是', None) else '未批准'}）"
    people = [{"id": r["id"].iat[i], "name": r["name"].iat[i], "department": r["department"].iat[i],
               "post": r["post"].iat[i], "note": notes.get(r["id"].iat[i]) or notes.get(r["name"].iat[i])}
              for i in np.nonzero(expected)[0]]
    rank = {d: i for i, d in enumerate(departments)}
    people.sort(key=lambda p: (rank.get(p["department"], 99), p["department"] or "",
                               POSTS.index(p["post"]) if p["post"] in POSTS else 99, p["id"] or ""))
    meeting = {c: mt[c].iat[0] for c in mt.columns if c != "_row"}
    return meeting, people


def signin_sheet_data(office, query: str | None, today: dt.date | None = None) -> tuple[dict, list[dict]]:
    """The meeting (as a dict) and the members expected at it, with leave already known."""
    from .. import office as office_mod

    roster, meetings = office_mod.read_required(office, "roster", "meetings")
    k = find_meeting(meetings, query, today, office.semester)
    leaves = office_mod.read(office, "leaves").data if "leaves" in office.configured_tables() else None
    return expected_at(meetings, k, roster.data, office.departments, leaves)
