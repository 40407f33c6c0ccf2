"""督办: every task the office supervises, where it stands in working days (会议议决事项的传达、催办、督办, seed 001;
主办 / 会办 / 催办, seed 004) — on read tables and values, no I/O.

Where tasks come from, so that nothing is typed twice:

* each 议定事项 (the ``decisions`` table) with a 负责人 or a 完成时限 is a task of itself;
* each 办件 of the 收文登记 is a task of itself, finished when the register records its result;
* the 督办台账 (``tasks``) holds the tasks given some other way (领导交办 …) and the office's follow-up of any task:
  a row whose 来源 names a decision (``部长例会 2026-03-09 第2项``, or the same 事项 as a decision) or a document
  (its 收文编号 or 来文字号) is that task — its own cells win, the rest comes from the source.  Two rows for one
  source are an error (which one counts is not guessed).

Levels (三色): an unfinished task is 逾期 (red) past its due date, 临期 (yellow) within ``due_soon`` working days of
it, else 正常 (blue) — working days from the holiday calendar.  An extension moves the due date only when it was
asked for on or before the due date and approved (延期批准 同意); one asked for late, undated or not (yet) approved
leaves the due date where it was, said at its cell.  A task finished after its due date is 逾期完成.  A task whose
due date or state cannot be read is 待核实 — never 正常.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold

LEVELS = ("逾期", "待核实", "临期", "正常", "逾期完成", "已完成", "已撤销")
LEVEL_EN = {"逾期": "overdue", "待核实": "unverified", "临期": "due-soon", "正常": "normal", "逾期完成": "done-late",
            "已完成": "done", "已撤销": "cancelled"}
STATUS_EN = {"未开始": "not-started", "进行中": "in-progress", "已完成": "done", "已延期": "extended",
             "已撤销": "cancelled", None: "not-recorded"}
LEVEL_COLORS = {"逾期": "red", "待核实": "red", "临期": "yellow", "正常": "blue", "逾期完成": "green", "已完成": "green"}
FINISHED = ("已完成", "逾期完成")

_ENTRY = re.compile(r"[；;\n]+")
_LEAD_DATE = re.compile(
    r"^\s*(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*(?:日|号)?\s*[:：,，、]?\s*")
_ANY_DATE = re.compile(r"(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*(?:日|号)?")
_ITEM_NO = re.compile(r"第\s*(\d+|[一二三四五六七八九十]+)\s*(?:项|条|点)|item\s*(\d+)")
_MEETING_WORDS = re.compile(r"会议|纪要|例会|议定|决议|会上")
_SPLIT = re.compile(r"[、,，;；/\n]+")
_CN = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def departments_of(text) -> list[str]:
    return [x.strip() for x in _SPLIT.split(str(text or "")) if x.strip()]


def parse_progress(text, semester=None) -> list[tuple[dt.date | None, str]]:
    """``3/10 已联系场地；3月15日 完成初稿`` → [(date, words)]: an entry's leading date, when it has one."""
    out = []
    for item in _ENTRY.split(str(text or "")):
        item = item.strip()
        if not item:
            continue
        m = _LEAD_DATE.match(item)
        when = _date_of(m, semester) if m else None
        out.append((when, item[m.end():].strip() if when else item))
    return out


def _date_of(m, semester) -> dt.date | None:
    from ..dates import NO_SEMESTER

    y, mo, d = m.group("y"), int(m.group("m")), int(m.group("d"))
    try:
        year = int(y) if y else (semester or NO_SEMESTER).year_for(mo, d)
        return dt.date(year, mo, d) if year else None
    except (ValueError, TypeError):
        return None


def _item_number(text: str) -> int | None:
    m = _ITEM_NO.search(text)
    if not m:
        return None
    n = m.group(1) or m.group(2)
    if n.isdigit():
        return int(n)
    if n == "十":
        return 10
    if n.startswith("十"):
        return 10 + _CN.get(n[1:], 0)
    if "十" in n:
        a, _, b = n.partition("十")
        return _CN.get(a, 0) * 10 + _CN.get(b, 0)
    return _CN.get(n)


def _words(text) -> str:
    """A 事项 compared as words: no spaces, punctuation or width differences."""
    return re.sub(r"[\s，。、；;,.:：！!？?“”\"'‘’（）()【】\[\]《》<>—\-]+", "", fold(str(text or "")))


@dataclass
class TaskResult:
    tasks: list[dict]
    departments: list[dict]
    problems: list[Problem]
    today: dt.date
    due_soon: int = 3
    not_tasks: list[dict] | None = None  # 议定事项 with neither a 负责人 nor a 完成时限: decisions, not tasks

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per task, with stable English keys (README: 督办)."""
        return [{
            "id": t["id"], "origin": t["origin"], "place": t["place"], "title": t["title"], "source": t["source"],
            "assigned": _iso(t["assigned"]), "lead": t["lead"], "partners": t["partners"], "owner": t["owner"],
            "due": _iso(t["due"]), "original_due": _iso(t["original_due"]), "extended": t["extended"],
            "status": STATUS_EN[t["status"]], "level": LEVEL_EN[t["level"]], "overdue_workdays": t["overdue"],
            "workdays_left": t["left"], "finished": _iso(t["done"]), "progress": t["latest"],
            "progress_date": _iso(t["latest_date"]),
        } for t in self.tasks]


def _iso(d):
    return d.isoformat() if d else None


@dataclass
class _Source:
    """A decision or a document a task comes from."""
    kind: str  # "decision" | "incoming"
    key: str  # id of the task it makes
    label: str  # 来源 as the report writes it (and a 督办台账 row may copy)
    title: str | None
    assigned: dt.date | None
    lead: str | None
    partners: list[str]
    owner: str | None
    due: dt.date | None
    due_unread: bool
    done: dt.date | None
    finished: bool
    unverified: bool
    place: tuple[str, str, str]
    row: int
    meeting: str | None = None
    number: int | None = None  # its place among its meeting's decisions
    refs: tuple[str, ...] = ()  # what a 来源 may name it by (收文编号, 来文字号)
    is_task: bool = True
    unplaced: str | None = None  # its 负责人 in no department ("unknown") or in several ("several")
    cells: dict | None = None  # a field → its cell in the source's row (where a problem of the task is said)


def supervise(tasks, decisions, docs, roster, departments, workdays, today: dt.date, due_soon: int = 3,
              semester=None, lang: str = "zh-CN", doc_pattern=None) -> TaskResult:
    """Every supervised task and its level.  ``tasks`` / ``decisions``: the read tables (or None); ``docs``: the
    收文登记's documents as :func:`sectools.documents.check_incoming` gives them (or None); ``roster``: its frame
    (a 负责人 placed in a department) or None; ``workdays`` a :class:`sectools.workdays.Workdays`."""
    problems: list[Problem] = []
    known = {fold(d): d for d in departments}
    people = _people(roster)
    sources = _decision_sources(decisions, people, known, lang) if decisions is not None else []
    sources += _document_sources(docs or [], lang)
    out: list[dict] = []
    claimed: dict[int, tuple[int, str]] = {}  # id(source) → (tasks row index, its cell)
    if tasks is not None:
        unread = {(p.cell, p.code) for p in tasks.problems}
        numbers: dict[str, int] = {}
        for i, r in enumerate(tasks.data.to_dict("records")):
            if not any(r.get(k) for k in ("title", "source", "due", "lead", "number")):
                continue

            def say(code: str, field_name: str | None, value=None, severity: str = WARNING, _i=i, **params) -> None:
                problems.append(tasks.problem(code, _i, field_name, value, severity, **params))

            number = (r.get("number") or "").strip() or None
            if number and not number.isdigit():  # 序号 1, 2, 3 is a row count, not a name
                if fold(number) in numbers:
                    say("task-duplicate-number", "number", number, ERROR, other=tasks.cell(numbers[fold(number)], "number"))
                numbers.setdefault(fold(number), i)
            src = _link(r, sources, semester, say, doc_pattern)
            if src is not None:
                if id(src) in claimed:
                    say("task-duplicate-source", "source", r.get("source") or r.get("title"), ERROR,
                        other=claimed[id(src)][1], label=src.label)
                else:
                    claimed[id(src)] = (i, tasks.cell(i, "source" if "source" in tasks.columns else "title"))
            row = int(tasks.data["_row"].iat[i]) + 1
            cell = lambda f, _i=i: tasks.cell(_i, f) if f in tasks.columns else None  # noqa: E731
            t = _task(
                tid=number or f"督办台账-{row}", origin="tasks", place=(tasks.file, tasks.sheet, tasks.cell(i, "title")),
                row=row, title=r.get("title") or (src.title if src else None),
                source=(src.label if src else None) or r.get("source"),
                assigned=r.get("assigned") or (src.assigned if src else None),
                lead=r.get("lead"), partners=departments_of(r.get("partners")), owner=r.get("owner"), src=src,
                due=r.get("due"), due_unread=(cell("due"), "bad-date") in unread, status=r.get("status"),
                status_unread=(cell("status"), "bad-choice") in unread, done=r.get("done"),
                progress=parse_progress(r.get("progress"), semester), ext=(r.get("ext_asked"), r.get("ext_to"),
                                                                        r.get("ext_reason"), r.get("ext_approved")),
                ext_unread=(cell("ext_approved"), "bad-choice") in unread,
                people=people, known=known, workdays=workdays, today=today, due_soon=due_soon, say=say)
            out.append(t)
    for src in sources:
        if id(src) in claimed or not src.is_task:
            continue
        file, sheet, c = src.place

        def say(code: str, field_name: str | None, value=None, severity: str = WARNING, _s=src, **params):
            if _s.kind == "incoming" and code != "task-done-undated":  # the 收文登记's own problems say it
                return
            cell = (_s.cells or {}).get(field_name) or _s.place[2]
            problems.append(Problem(code, severity, _s.place[0], _s.place[1], cell, value, params))

        out.append(_task(tid=src.key, origin=src.kind, place=src.place, row=src.row, title=src.title,
                         source=src.label, assigned=src.assigned, lead=None, partners=[], owner=None, src=src,
                         due=None, due_unread=False, status=None, status_unread=False, done=None, progress=[],
                         ext=(None, None, None, None), ext_unread=False, people=people, known=known,
                         workdays=workdays, today=today, due_soon=due_soon, say=say))
    out.sort(key=lambda t: (LEVELS.index(t["level"]), -(t["overdue"] or 0), t["due"] or dt.date.max,
                            t["assigned"] or dt.date.min, t["id"]))
    not_tasks = [{"title": s.title, "label": s.label, "place": s.place} for s in sources
                 if not s.is_task and s.kind == "decision"]
    return TaskResult(out, by_department(out, departments, today), problems, today, due_soon, not_tasks)


def _people(roster) -> dict[str, set[str]]:
    """A name or a post → the departments of the members it may be (a 负责人 placed in their department)."""
    out: dict[str, set[str]] = {}
    if roster is None:
        return out
    cols = roster.columns if hasattr(roster, "columns") else []
    for r in roster.to_dict("records"):
        dep = (r.get("department") or "").strip() if "department" in cols else ""
        for k in (r.get("name"), r.get("post")):
            if k and dep:
                out.setdefault(fold(str(k).strip()), set()).add(dep)
    return out


def _lead_of(owner: str | None, people, known) -> tuple[str | None, str | None]:
    """A decision's 负责人 → (its department, why not): a department written as the owner is itself; a member or a
    post placed in one department is theirs; a name two departments share is not guessed."""
    if not owner:
        return None, None
    first = departments_of(owner)[0] if departments_of(owner) else owner
    if fold(first) in known:
        return known[fold(first)], None
    name = re.sub(r"[(（].*?[)）]", "", first).strip()
    deps = people.get(fold(name))
    if deps and len(deps) == 1:
        return next(iter(deps)), None
    if deps:
        return None, "several"
    return None, "unknown"


def _decision_sources(t, people, known, lang: str) -> list[_Source]:
    from ..messages import text

    out: list[_Source] = []
    seen: dict[tuple, int] = {}
    unread = {(p.cell, p.code) for p in t.problems}
    for i, r in enumerate(t.data.to_dict("records")):
        item = r.get("item")
        if not item:
            continue
        day, meeting = r.get("date"), (r.get("meeting") or "").strip() or None
        key = (day, fold(meeting or ""))
        seen[key] = seen.get(key, 0) + 1
        row = int(t.data["_row"].iat[i]) + 1
        owner = (r.get("owner") or "").strip() or None
        lead = (r.get("lead") or "").strip() or None
        why = None
        if not lead:
            lead, why = _lead_of(owner, people, known)
        due_unread = "due" in t.columns and (t.cell(i, "due"), "bad-date") in unread
        where = " ".join(x for x in (meeting, day.isoformat() if day else None) if x)
        label = text("task-source-decision", lang, where=where, n=seen[key]).strip()  # a 来源 a row may copy
        src = _Source("decision", f"议定事项-{row}", label, item, day, lead, departments_of(r.get("partners")), owner,
                      r.get("due"), due_unread, None, False, False, (t.file, t.sheet, t.cell(i, "item")), row,
                      meeting=meeting, number=seen[key], is_task=bool(owner or r.get("due") or due_unread or lead),
                      unplaced=why, cells={f: t.cell(i, c) for f, c in (
                          ("title", "item"), ("due", "due"), ("partners", "partners"),
                          ("lead", "owner" if why or "lead" not in t.columns else "lead")) if c in t.columns})
        out.append(src)
    return out


def _document_sources(docs: list[dict], lang: str) -> list[_Source]:
    from ..messages import text

    out = []
    for d in docs:
        number = d["number"] or d["suggested"]
        label = text("task-source-document", lang, number=number) if number else \
            text("task-source-row", lang, row=d["row"])
        file, sheet, cell = d["file"], d["sheet"], d["cell"]
        out.append(_Source(
            "incoming", f"收文-{number}" if number else f"收文登记-{d['row']}", label, d["title"], d["received"],
            d["lead"], list(d["partners"]), None, d["due"], d.get("due_unread", False), d["done"],
            d["status"] in ("已办结", "逾期办结"), d["status"] == "待核实", (file, sheet, cell), d["row"],
            refs=tuple(x for x in (d["number"], d["suggested"], d["reference"]) if x), is_task=d["kind"] == "办件"))
    return out


_DOC_WORDS = re.compile(r"收文|收〔|收\[|收\(")


def _link(r: dict, sources: list[_Source], semester, say, doc_pattern=None) -> _Source | None:
    """The decision or document a 督办台账 row follows up, from its 来源 (or its 事项, typed as the decision was)."""
    text = str(r.get("source") or "").strip()
    folded = fold(text)  # Simplified, no spaces: 第1項 and 第 1 项 alike
    if text:
        docs = [s for s in sources if s.kind == "incoming" and any(fold(x) in folded for x in s.refs)]
        if len(docs) == 1:
            return docs[0]
        if len(docs) > 1:
            say("task-source-ambiguous", "source", text, count=len(docs))
            return None
        if _DOC_WORDS.search(folded) or (doc_pattern is not None and doc_pattern.search(text)):
            say("task-source-doc-not-found", "source", text)  # a document the register does not have
            return None
    decisions = [s for s in sources if s.kind == "decision"]
    title = _words(r.get("title"))
    if text and decisions:
        picked = decisions
        m = _ANY_DATE.search(folded)
        day = _date_of(m, semester) if m else None
        if day:
            picked = [s for s in picked if s.assigned == day]
        named = [s for s in picked if s.meeting and fold(s.meeting) in folded]
        if named:
            picked = named
        n = _item_number(folded)
        meetingish = bool(_MEETING_WORDS.search(folded) or named or n is not None)
        if n is not None and (day or named):
            hit = [s for s in picked if s.number == n]
        elif title and meetingish:
            hit = [s for s in picked if _words(s.title) == title]
        else:
            hit = []
        if len(hit) == 1:
            return hit[0]
        if len({(s.assigned, s.meeting) for s in hit}) > 1:
            say("task-source-ambiguous", "source", text, count=len(hit))
            return None
        if hit:
            return hit[0]
        if meetingish:
            if not (title and any(_words(s.title) == title for s in decisions)):
                say("task-source-not-found", "source", text)
                return None
    if title:  # the 事项 typed as the decision was: the same task, never two
        same = [s for s in decisions if _words(s.title) == title]
        if len(same) == 1:
            return same[0]
        if len(same) > 1:
            say("task-source-ambiguous", "title", r.get("title"), count=len(same))
    return None


def _task(*, tid, origin, place, row, title, source, assigned, lead, partners, owner, src, due, due_unread, status,
          status_unread, done, progress, ext, ext_unread, people, known, workdays, today, due_soon, say) -> dict:
    """One task's cells (those of its 督办台账 row, else its source's) → its dates, state and level."""
    if src is not None:
        lead = lead or src.lead
        partners = partners or list(src.partners)
        owner = owner or src.owner
    if lead and len(departments_of(lead)) > 1:  # 外联部、宣传部 as 主办: which one leads is not said
        say("task-several-leads", "lead", lead)
        partners, lead = departments_of(lead) + partners, None
    lead = (lead or "").strip() or None
    if lead and fold(lead) in known:
        lead = known[fold(lead)]
    partners = list(dict.fromkeys(known.get(fold(p), p) for p in partners if fold(p) != fold(lead or "")))
    for dep, col in [(lead, "lead")] + [(p, "partners") for p in partners]:
        if dep and known and fold(dep) not in known:
            say("task-unknown-department", col, dep, allowed="、".join(known.values()))
    if not title:
        say("task-no-title", "title", None, ERROR)
    settled = status in ("已完成", "已撤销") or (status is None and (done is not None or (src is not None and
                                                                                        src.finished)))
    if not lead and src is not None and src.unplaced:  # the decision's 负责人 is in no department, or in two
        say("task-owner-unplaced" if src.unplaced == "unknown" else "task-owner-ambiguous", "lead", src.owner)
    elif not lead and not settled:  # done or cancelled: nobody to chase
        say("task-no-lead", "lead", None)
    if due is None and not due_unread and src is not None:
        due, due_unread = src.due, src.due_unread
    if assigned and assigned > today:
        say("task-date-ahead", "assigned", assigned.isoformat(), today=today.isoformat())
    if due and assigned and due < assigned:
        say("task-due-before-assigned", "due", due.isoformat(), assigned=assigned.isoformat())
    for when, words in progress:
        if when and when > today:
            say("task-date-ahead", "progress", f"{when.isoformat()} {words}", today=today.isoformat())
    dated = [(w, x) for w, x in progress if w and w <= today]
    latest_date, latest = (max(dated, key=lambda e: e[0]) if dated else (None, progress[-1][1] if progress else None))
    done_ahead = bool(done and done > today)
    if done_ahead:  # finished on a day not yet come: where it stands is not guessed (待核实), said once
        say("task-date-ahead", "done", done.isoformat(), today=today.isoformat())
        done = None
    t = {"id": tid, "origin": origin, "file": place[0], "sheet": place[1], "cell": place[2],
         "place": f"{place[0]} › {place[1]}!{place[2]}", "row": row, "title": title, "source": source,
         "assigned": assigned, "lead": lead, "partners": partners, "owner": owner, "due": due, "original_due": due,
         "extended": False, "status": status, "done": done, "progress": progress, "latest": latest,
         "latest_date": latest_date, "level": "待核实", "left": None, "overdue": None}
    finished = status == "已完成" or (status is None and (done is not None or (src is not None and src.finished)))
    if src is not None and src.finished and status is None:
        t["done"] = done = done or src.done
    if status == "已撤销":
        t["level"] = "已撤销"
        return t
    if status_unread or done_ahead:  # a 状态 that is none of the words, a finish still to come: not guessed
        return t
    if done and status in ("未开始", "进行中", "已延期"):
        say("task-done-but-open", "status", status, date=done.isoformat())
        return t
    _extension(t, ext, ext_unread, today, say)
    due = t["due"]
    if status == "已延期" and not t["extended"] and not ext[1]:
        say("task-extension-missing", "status", status)
    if finished:
        if done is None and latest_date is not None:
            t["done"] = done = latest_date  # 已完成 with no date: the day of its last progress entry
        if done is None and due is not None and today > due:  # on time or late cannot be told: never "on time"
            say("task-done-undated", "done", None)
            return t
        late = due is not None and done is not None and done > due
        t["level"] = "逾期完成" if late else "已完成"
        if late:
            t["overdue"] = workdays_between(workdays, due, done)
        return t
    if due is None:  # no deadline (or one that could not be read): 待核实, never 正常
        if not due_unread and not (src is not None and src.unverified):
            say("task-no-due", "due", None)
        return t
    if today > due:
        t["level"], t["overdue"] = "逾期", workdays_between(workdays, due, today)
        return t
    t["left"] = workdays_between(workdays, today, due)
    t["level"] = "临期" if t["left"] <= due_soon else "正常"
    return t


def _extension(t: dict, ext, ext_unread: bool, today: dt.date, say) -> None:
    """延期: counts only when asked for on or before the due date and approved."""
    asked, to, reason, approved = ext
    if not to:
        if asked or approved:
            say("task-extension-no-date", "ext_to", None)
        return
    due = t["due"]
    if due is not None and to <= due:
        say("task-extension-not-later", "ext_to", to.isoformat(), due=due.isoformat())
        return
    if asked is None:
        say("task-extension-undated", "ext_asked", None, to=to.isoformat())
        return
    if due is not None and asked > due:
        say("task-extension-late", "ext_asked", asked.isoformat(), due=due.isoformat())
        return
    if approved == "不同意":
        return
    if approved is None:
        if not ext_unread:
            say("task-extension-pending", "ext_approved", None, to=to.isoformat())
        return
    if not reason:
        say("task-extension-no-reason", "ext_reason", None)
    t["due"], t["extended"] = to, True


def workdays_between(workdays, a: dt.date, b: dt.date) -> int:
    """Working days after ``a`` up to and including ``b`` (0 when b ≤ a)."""
    n, d = 0, a
    while d < b:
        d += dt.timedelta(days=1)
        n += workdays.is_workday(d)
    return n


def by_department(tasks: list[dict], departments, today: dt.date, week_start: dt.date | None = None) -> list[dict]:
    """Per 主办 department: 正常, 临期, 逾期, finished (on time, late), 待核实, the tasks it helps with, and its
    completion rate (finished ÷ due by today, cancelled ones left out)."""
    order = {fold(d): k for k, d in enumerate(departments)}
    week_start = week_start or today - dt.timedelta(days=6)  # the seven days up to today (a Monday's report too)
    rows: dict[str, dict] = {}
    for t in tasks:
        for dep, role in [(t["lead"] or "", "lead")] + [(p, "partner") for p in t["partners"]]:
            row = rows.setdefault(dep, {"department": dep, "total": 0, "normal": 0, "due_soon": 0, "overdue": 0,
                                        "unverified": 0, "done": 0, "done_late": 0, "cancelled": 0, "helping": 0,
                                        "new_this_week": 0, "done_this_week": 0, "rate": None, "due_count": 0})
            if role == "partner":
                row["helping"] += 1
                continue
            row["total"] += 1
            row[{"正常": "normal", "临期": "due_soon", "逾期": "overdue", "待核实": "unverified", "已完成": "done",
                 "逾期完成": "done_late", "已撤销": "cancelled"}[t["level"]]] += 1
            if t["assigned"] and week_start <= t["assigned"] <= today:
                row["new_this_week"] += 1
            if t["level"] in FINISHED and t["done"] and week_start <= t["done"] <= today:
                row["done_this_week"] += 1
    for dep, row in rows.items():
        rate = completion([t for t in tasks if (t["lead"] or "") == dep], None, today)
        row["rate"], row["due_count"] = rate if rate else (None, 0)
    return sorted(rows.values(), key=lambda r: (not r["department"], order.get(fold(r["department"]), 99),
                                                r["department"]))


def completion(tasks: list[dict], start: dt.date | None, end: dt.date) -> tuple[float, int] | None:
    """督办完成率 of some tasks over [start, end]: of those due in it (by ``end``) or finished in it, the share
    finished — cancelled ones left out; a finished task without a date counts where its due date falls.  None
    when none was due."""
    due = []
    for t in tasks:
        if t["level"] == "已撤销":
            continue
        when = t["due"]
        in_due = when is not None and when <= end and (start is None or when >= start)
        in_done = t["level"] in FINISHED and t["done"] is not None and t["done"] <= end and \
            (start is None or t["done"] >= start)
        if in_due or in_done:
            due.append(t)
    if not due:
        return None
    done = sum(t["level"] in FINISHED and (t["done"] is None or t["done"] <= end) for t in due)
    return done / len(due), len(due)


def completion_rates(tasks: list[dict], start: dt.date | None, end: dt.date) -> dict[str, tuple[float, int]]:
    """Per 主办 department: (督办完成率, how many tasks it stands on) over [start, end]; a department with none due
    is absent (no value, not 0)."""
    out = {}
    for dep in dict.fromkeys(t["lead"] for t in tasks if t["lead"]):
        r = completion([t for t in tasks if t["lead"] == dep], start, end)
        if r is not None:
            out[dep] = r
    return out


__all__ = ["FINISHED", "LEVELS", "LEVEL_COLORS", "LEVEL_EN", "STATUS_EN", "TaskResult", "by_department",
           "completion", "completion_rates", "parse_progress", "supervise", "workdays_between"]
