"""大事记 job: the month's record from the office's tables and sectools' own state — what each job already knows —
and its 大事记 table; the workbook and (through the notice engine) the Word document."""

from __future__ import annotations

import datetime as dt
import json

from ..errors import WARNING, Problem, SectoolsError
from .core import Choice, JobResult, as_source, report_path, write_sheets


def diary(source, month: tuple[int, int] | None = None, *, today: dt.date | None = None, out=None) -> JobResult:
    """The 大事记 of ``month`` (default: this month, said): meetings held, notices issued with their 文号, rankings
    published and sealed, plans and summaries collected, documents received and finished, tasks finished, and the
    大事记 table's events.  A source that cannot be read is left out and said in the record and the problems.
    ``out``: the workbook (None: 输出/大事记_2026-03.xlsx)."""
    from ..diary import assemble
    from ..diary.output import diary_sheets

    src = as_source(source)
    today = today or dt.date.today()
    choices = []
    if month is None:
        month = (today.year, today.month)
        choices.append(Choice("month", f"{month[0]}-{month[1]:02d}", "diary-month-this", {}))
    first = dt.date(month[0], month[1], 1)
    last = (dt.date(month[0] + month[1] // 12, month[1] % 12 + 1, 1) - dt.timedelta(days=1))
    upto = min(last, today)
    problems: list[Problem] = []
    left: list[dict] = []

    def tried(what: str, fn):
        try:
            return fn()
        except SectoolsError as e:  # that part of the record is left out, and said
            problems.extend(e.problems)
            problems.append(Problem("diary-left-out", WARNING, value=what))
            left.append({"what": what})
            return None

    ev = tried("大事记表", lambda: _kept(src, "events"))
    events = []
    if ev is not None:
        problems += ev.problems  # its own (a date that cannot be read …): said with the record
        events = [{**r, "where": (ev.file, ev.sheet, ev.cell(i, "event"))} for i, r in enumerate(ev.data.to_dict("records"))]
    meetings = tried("会议", lambda: _meetings(src, first, upto)) if src.has("meetings") and first <= today else []
    notices = tried("通知", lambda: _notices(src, month)) or []
    rankings = tried("量化考核", lambda: _rankings(src, month)) or []
    collections = tried("计划总结", lambda: _collections(src, month)) or []
    docs = []
    if _has_rows(src, "incoming"):
        from .incoming import documents

        job = tried("收文", lambda: documents(src, today=today, out=False))
        docs = job.result.docs if job else []
    tasks = []
    if _has_rows(src, "tasks") or _has_rows(src, "decisions"):
        from .supervision import tasks as supervised

        job = tried("督办", lambda: supervised(src, today=today, out=False))
        tasks = job.result.tasks if job else []
    res = assemble(month, lang=src.lang, meetings=meetings or [], notices=notices, rankings=rankings,
                   collections=collections, docs=docs, tasks=tasks, events=events, left_out=left)
    job = JobResult("diary", res, problems, choices)
    if not res.entries:
        sem = src.office.semester
        outside = sem is not None and sem.start and sem.end and not (sem.start <= last and first <= sem.end)
        job.problems.append(Problem("diary-empty-outside" if outside else "diary-empty", WARNING, value=res.label,
                                    params={"start": sem.start.isoformat() if outside else "",
                                            "end": sem.end.isoformat() if outside else ""}))
    kinds = [e["kind"] for e in res.entries]
    job.facts = {"month": res.label, "entries": len(kinds), "meetings": kinds.count("meeting"),
                 "notices": kinds.count("notice"), "rankings": kinds.count("ranking"), "plans": kinds.count("plans"),
                 "documents": kinds.count("incoming"), "tasks": kinds.count("task"), "events": kinds.count("event")}
    job.sheets = diary_sheets(res, src.office.name, src.ref, job.problems)
    write_sheets(src, report_path(src, out, f"大事记_{res.label}"), job.sheets, job)
    return job


def _has_rows(src, name: str) -> bool:
    t = src.read_optional(name)
    return t is not None and t.header_row is not None and len(t) > 0


def _kept(src, name: str):
    """A table the office keeps, or None when it keeps none; one kept but unreadable (no header found) is raised —
    the part of the record it feeds is left out and said, never silently empty."""
    t = src.read_optional(name)
    if t is not None and t.header_row is None:
        raise SectoolsError(t.problems or [Problem("table-not-found", params={"table": t.spec.term,
                                                                             "required": t.spec.required_term(3)})])
    return t


def _meetings(src, first: dt.date, upto: dt.date) -> list[dict]:
    """The meetings of the month held by today, with their attendance when the sign-ins can be read."""
    t = _kept(src, "meetings")
    if t is None:
        return []
    held = [(i, r) for i, r in enumerate(t.data.to_dict("records")) if r.get("date") and first <= r["date"] <= upto]
    if not held:
        return []
    figures, read = {}, False
    if src.has("signins") and src.has("roster"):
        from .meetings import attendance

        try:
            att = attendance(src, date_from=first, date_to=upto, out=False).result
            figures = {(r["date"], r["meeting"]): r for r in att.meetings.to_dict("records")}
            read = True
        except SectoolsError:
            figures = {}  # the meetings are listed all the same, without figures
    from ..normalize import fold

    out = []
    for i, r in held:
        f = figures.get((r["date"], r.get("meeting")))
        out.append({"date": r["date"], "meeting": r.get("meeting") or "", "place": r.get("place"),
                    "expected": f["expected"] if f else None, "attended": f["attended"] if f else None,
                    "unsigned": read and not f, "activity": fold(r.get("kind") or "") == fold("活动"),
                    "where": (t.file, t.sheet, t.cell(i, "meeting"))})
    return out


def _notices(src, month: tuple[int, int]) -> list[dict]:
    """The notices numbered in the month, from the 文号 register (its 成文日期; an older entry without one: the date
    its file name gives, when it gives a day)."""
    import re

    from .statefiles import DOC_NUMBERS

    path = src.state_root / DOC_NUMBERS if src.state_root is not None else None
    if path is None or not path.is_file():
        return []
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # damaged: the notices are left out, and said (sectools repair restores it)
        raise SectoolsError(Problem("state-damaged", file=str(path))) from None
    prefix = src.office.section("notices").get("doc_prefix") or src.office.name
    out = []
    for year, ys in (state.items() if isinstance(state, dict) else ()):
        if not isinstance(ys, dict) or not isinstance(ys.get("issued"), dict):
            continue
        dates = ys.get("dates") if isinstance(ys.get("dates"), dict) else {}
        for key, n in ys["issued"].items():
            kind, _, subject = key.partition("|")
            when = dates.get(key)
            m = re.match(r"(\d{4}-\d\d-\d\d)", subject) if not when else None
            when = when or (m.group(1) if m else None)
            try:
                day = dt.date.fromisoformat(when) if when else None
            except ValueError:
                day = None
            if day and (day.year, day.month) == month:
                about = re.sub(r"^\d{4}-\d\d-\d\d_", "", subject) if re.match(r"\d{4}-\d\d-\d\d_.", subject) else None
                out.append({"date": day, "kind": kind, "subject": subject, "about": about,
                            "number": f"{prefix}〔{year}〕{n}{'號' if src.office.lang == 'zh-TW' else '号'}"})
    return out


def _rankings(src, month: tuple[int, int]) -> list[dict]:
    """The weeks whose class ranking was published or sealed in the month (the workflow's state), with the classes
    given the 流动红旗."""
    from ..ranking.compute import week_name
    from .statefiles import STATE, read_state

    if src.state_root is None or not (src.state_root / STATE).is_dir():
        return []
    out = []
    for d in sorted((src.state_root / STATE).iterdir()):
        pub = read_state(d / "published.json") if d.is_dir() else None  # damaged: raised, the rankings left out
        seal = read_state(d / "sealed.json") if d.is_dir() else None
        if not pub:
            continue
        when = dt.datetime.fromisoformat(pub["published_at"]).date()
        sealed = dt.datetime.fromisoformat(seal["sealed_at"]).date() if seal else None
        if (when.year, when.month) != month and not (sealed and (sealed.year, sealed.month) == month):
            continue
        flags = [o[0] for o in pub.get("outputs", []) if isinstance(o, list) and len(o) > 4 and o[4]]
        out.append({"week": d.name, "name": week_name(d.name, src.office.semester).render(src.lang),
                    "published": when, "sealed": sealed, "flags": flags})
    return out


def _collections(src, month: tuple[int, int]) -> list[dict]:
    """The plans and summaries whose deadline falls in the month: who handed in on time, late, not at all."""
    from .plans import collected

    out = []
    months = {month, ((month[0] - 1, 12) if month[1] == 1 else (month[0], month[1] - 1))}
    for m in sorted(months & set(src.plan_months())):
        for kind in ("plan", "summary"):
            res = collected(src, m, kind)
            due = res.due.date() if hasattr(res.due, "date") else res.due
            if not any(r["status"] != "missing" for r in res.rows):
                continue  # nothing collected for that month and kind
            status = [{"incomplete": "on_time"}.get(r["status"], r["status"]) for r in res.rows]  # 不完整: handed in
            from ..messages import text

            out.append({"due": due, "what": text("diary-what-" + kind, src.lang, month=f"{m[1]}"),
                        "on_time": status.count("on_time"), "late": status.count("late"),
                        "missing": status.count("missing"),
                        "missing_names": [r["department"] for r in res.rows if r["status"] == "missing"]})
    return out
