"""考勤 jobs: the attendance report and the printable sign-in sheet."""

from __future__ import annotations

import datetime as dt

from ..dates import span_key
from ..errors import Problem, SectoolsError
from ..messages import W
from .core import Choice, JobResult, as_source, config_checked, report_path, write_sheets


def _period_text(a, b):
    return W("date-range", start=a, end=b) if a and b else ""


def attendance(source, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
               kind: str | None = None, out=None, today: dt.date | None = None) -> JobResult:
    """Attendance per member, department, meeting and week, and the escalation list.

    ``out``: the report workbook (None: ``输出/考勤统计.xlsx`` of a folder office, ``考勤统计_<from>至<to>.xlsx``
    for a range of its own; False: none)."""
    from ..attendance import compute, leave_records
    from ..attendance.report import report_sheets
    from ..attendance.rules import rules_from_config

    src = as_source(source)
    memo = ("attendance", date_from, date_to, kind, today)
    if out is False and memo in src._cache:  # check and the appraisal ask for the same attendance again
        return src._cache[memo]
    office = src.office
    rules, cfg = rules_from_config(office.section("attendance"))
    config_checked(cfg)
    roster, meetings = src.read_required("roster", "meetings")
    past = None
    if date_from and date_to:  # a past semester's attendance: its members, as the 档案 sealed them
        from .archived import roster_for

        past = roster_for(src, date_from, date_to)
        if past is not None:
            roster = past[0]
    signins = src.read("signins")
    if not signins.records.sheets or len(signins.records.frame) == 0:
        raise SectoolsError(list(signins.problems) + [Problem("signins-not-read", file=signins.file)])
    leaves = src.read_optional("leaves")
    from ..gcpause import paused_gc

    with paused_gc():  # a term of a large union: a million records made at once
        res = compute(roster, meetings, signins.records, leave_records(leaves), rules, office.departments,
                      date_from=date_from, date_to=date_to, kind=kind, lang=src.lang, today=today or dt.date.today())
    res.problems = roster.problems + meetings.problems + signins.problems + \
        (leaves.problems if leaves is not None else []) + res.problems
    if len(res.meetings) == 0:
        detail = W("no-meetings-in-range", start=date_from or "…", end=date_to or "…", kind=kind or "—") \
            if (date_from or date_to or kind) else W("meetings-empty")
        from ..normalize import fold

        kinds = list(dict.fromkeys(k for k in meetings.data["kind"].tolist() if k))
        if kind and fold(kind) not in {fold(k) for k in kinds}:
            detail = W("kinds-known", kinds="、".join(kinds) or "—")
        elif res.left_out:
            detail = W("all-left-out", count=len(res.left_out))
        why = [p for p in res.problems if p.code in ("export-no-meeting", "export-two-meetings")]  # scans placed nowhere
        raise SectoolsError(why + [Problem("no-meetings", file=meetings.file, sheet=meetings.sheet, value=kind,
                                           params={"detail": detail})])
    t = res.trace
    t["source"] = [src.ref(f, sh, c) for f, sh, c in zip(t["file"].tolist(), t["sheet"].tolist(), t["cell"].tolist())]
    job = JobResult("attendance", res, list(res.problems))
    a, b = date_from or office.semester_start, date_to or office.semester_end
    if not (date_from and date_to) and a and b:
        job.choices.append(Choice("range", f"{a}—{b}", "range-semester", {"start": a, "end": b}))
    if past is not None:
        job.choices.append(past[1])
    job.facts = {"members": len(res.members), "meetings": len(res.meetings), "actions": len(res.actions),
                 "left_out": res.left_out, "arrival_only": res.arrival_only}
    with paused_gc():
        job.sheets = report_sheets(res, office.name, src.lang, _period_text(a, b))
    # <种类>_<期间>[_<会议类型>]: the semester's report is 考勤统计.xlsx; a range of its own never replaces it
    span = f"_{span_key(a, b)}" if (date_from or date_to) and a and b else ""
    target = report_path(src, out, "考勤统计" + span + (f"_{kind}" if kind else ""))
    write_sheets(src, target, job.sheets, job)
    if out is False:
        src._cache[memo] = job
    return job


def _pick_meeting(meetings, query, today, semester) -> tuple[int, Choice | None]:
    from ..attendance import find_meeting

    k = find_meeting(meetings, query, today, semester)
    if query:
        return k, None
    d = meetings.data["date"].iat[k]
    name = meetings.data["meeting"].iat[k]
    reason = "meeting-next" if d >= today else "meeting-last-past"
    return k, Choice("meeting", f"{d} {name}", reason, {"date": d, "meeting": name})


def signin_sheet(source, meeting: str | None = None, *, today: dt.date | None = None, out=None) -> JobResult:
    """The meeting a clerk means (default: the next one) and the members expected at it, in print order.

    ``out``: the printable workbook (None: ``输出/签到表_日期_会议.xlsx`` of a folder office; False: none)."""
    from ..attendance import expected_at

    src = as_source(source)
    today = today or dt.date.today()
    roster, meetings = src.read_required("roster", "meetings")
    leaves = src.read_optional("leaves")
    k, choice = _pick_meeting(meetings, meeting, today, src.office.semester)
    m, people = expected_at(meetings, k, roster.data, src.office.departments,
                            leaves.data if leaves is not None else None)
    job = JobResult("signin_sheet", {"meeting": m, "people": people},
                    [p for t in (roster, meetings) for p in t.problems if p.is_error()])
    if choice:
        job.choices.append(choice)
    job.facts = {"expected": len(people), "date": m["date"], "meeting": m["meeting"]}
    link = _signin_link(src, meetings, k, m)
    job.facts["signin_link"] = link
    target = report_path(src, out, f"签到表_{m['date']}_{m['meeting']}")
    if target is not None:
        from ..printouts import write_signin_sheet

        job.files.append(write_signin_sheet(target, m, people, src.office.name, inputs=src.inputs, lang=src.lang,
                                            link=link))
    return job


def _signin_link(src, meetings, k: int, m: dict) -> str | None:
    """The link the meeting's QR code opens: its own 签到链接, else the office's form (None: no code).  A 签到链接
    that is not a web link is refused at its cell: printing the office's form instead would send the meeting's
    people to another form (or to none)."""
    from ..attendance.rules import rules_from_config
    from ..qr import signin_link

    own = m.get("signin_url")
    if own not in (None, "") and signin_link(own) is None:
        raise SectoolsError(meetings.problem("bad-signin-url", k, "signin_url", own))
    return rules_from_config(src.office.section("attendance"))[0].signin_link(m)


def meeting_held(source, query: str | None, today: dt.date) -> tuple[dict, Choice | None]:
    """A meeting that took place (会议纪要): the one asked for, else the latest one held by today."""
    from ..attendance import find_meeting

    src = as_source(source)
    (meetings,) = src.read_required("meetings")
    df = meetings.data
    if query:
        k = find_meeting(meetings, query, today, src.office.semester)
        choice = None
    else:
        dates = df["date"].tolist()
        past = [i for i, d in enumerate(dates) if d and d <= today]
        if not past:
            raise SectoolsError(Problem("no-meetings", params={"detail": W("no-meeting-held", today=today)}))
        k = max(past, key=lambda i: (dates[i], df["start"].iat[i] or dt.time(0)))
        choice = Choice("meeting", f"{dates[k]} {df['meeting'].iat[k]}", "meeting-held",
                        {"date": dates[k], "meeting": df["meeting"].iat[k]})
    return {c: df[c].iat[k] for c in df.columns}, choice
