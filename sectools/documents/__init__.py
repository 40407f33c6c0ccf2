"""收文登记: each incoming document's state under the office's 收文处理程序 (seed 001) — on the register's
frame, no I/O.

* A 办件 needs a 主办部门 (承办部门) and a 办理时限; when two or more departments handle it, one is 主办.
  An urgent one without a 办理时限 has ``[documents] urgent_workdays`` working days from its receipt; a 平件
  without one has ``due_workdays`` — said as a default, with a warning to write the date.
* A 办件 is finished only when its 办理结果 is recorded (落实 / 答复 / 批复 …): a 办结日期 alone is not a result.
* A 阅件 is finished when everyone on its 传阅 list has read it (a date, or 已阅, beside the name).
* Unfinished 办件: 逾期 past the due date, 临期 within ``due_soon_workdays`` working days of it, else 办理中 —
  counted in working days from the holiday calendar (and the office's own 节假日 table).
* 收文编号 follows ``incoming_number`` (收〔{year}〕{n}号); a document without one is given the next number of its
  year as a suggestion (the clerk's workbook is never written); a number used twice is a problem.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold

STATUSES = ("逾期", "临期", "办理中", "未分发", "传阅中", "待核实", "逾期办结", "已办结", "已阅毕")
STATUS_EN = {"逾期": "overdue", "临期": "due-soon", "办理中": "in-progress", "未分发": "not-circulated",
             "传阅中": "circulating", "待核实": "unverified", "逾期办结": "finished-late", "已办结": "finished",
             "已阅毕": "read"}
_SPLIT = re.compile(r"[、,，;；/\n]+")
_READERS = re.compile(r"[、,，;；\n]+")  # 张三(3/5)、李四: a date's slash is no separator
_READ_WORDS = re.compile(r"已阅|阅毕|已读|阅|√|✓|☑")
# 办理结果 that says it is not done yet: not a result (正在落实, 未办, 待办, 无, 尚未答复 …)
_NOT_A_RESULT = re.compile(r"^\s*(?:正在|未|待|尚未|暂未|还未|没有|无$|无\s|办理中|进行中|拟|准备|计划|—+$|-+$|/$)")


@dataclass(frozen=True)
class Rules:
    number_format: str = "收〔{year}〕{n}号"
    urgent_workdays: dict = field(default_factory=lambda: {"特急": 1, "加急": 3})
    due_workdays: int = 10
    due_soon_workdays: int = 3

    def number(self, year: int, n: int) -> str:
        return self.number_format.replace("{year}", str(year)).replace("{n}", str(n))

    def number_pattern(self) -> re.Pattern:
        parts = re.split(r"(\{year\}|\{n\})", self.number_format)
        rx = "".join("(?P<year>\\d{4})" if p == "{year}" else "(?P<n>\\d+)" if p == "{n}" else re.escape(p)
                     for p in parts)
        return re.compile(rx)


def rules_from_config(section: dict) -> tuple[Rules, list[Problem]]:
    from ..settings import validate_section
    from .schema import INCOMING

    v, problems = validate_section("documents", section)
    urgency = INCOMING.field("urgency").choice_map
    urgent = {}
    for k, x in v["urgent_workdays"].items():  # 急件 is the register's 加急: keyed as the register reads it
        canon = urgency.get(fold(k))
        if canon is None:
            from ..messages import Term

            problems.append(Problem("config-bad-value", file="sectools.toml", value=k, params={
                "key": "documents.urgent_workdays", "expected": Term("特急、加急（紧急程度的写法）", "特急 or 加急")}))
        else:
            urgent[canon] = int(x)
    return Rules(v["incoming_number"], urgent, v["due_workdays"], v["due_soon_workdays"]), problems


def departments_of(text) -> list[str]:
    return [x.strip() for x in _SPLIT.split(str(text or "")) if x.strip()]


def parse_circulation(text, semester=None) -> list[tuple[str, bool, dt.date | None]]:
    """``张三(3/5)、李四 已阅、王五`` → (name, read, date): a date or a read mark beside a name says it was read."""
    from ..dates import NO_SEMESTER, parse_date

    out = []
    for item in _READERS.split(str(text or "")):
        item = item.strip()
        if not item:
            continue
        m = re.match(r"([^\s(（\d:：]+)\s*[:：]?\s*[(（]?\s*([^)）]*?)\s*[)）]?\s*$", item)
        name, rest = (m.group(1), m.group(2)) if m else (item, "")
        name = _READ_WORDS.sub("", name) or name
        when = parse_date(rest, semester or NO_SEMESTER) if rest else None
        out.append((name, bool(when) or bool(_READ_WORDS.search(rest)) or bool(_READ_WORDS.search(item[len(name):])),
                    when))
    return out


@dataclass
class DocResult:
    docs: list[dict]
    departments: list[dict]
    problems: list[Problem]
    today: dt.date
    due_soon: int = 3

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per document, with stable English keys (README: 收文登记)."""
        return [{
            "row": d["row"], "place": f"{d['file']} › {d['sheet']}!{d['cell']}", "number": d["number"],
            "suggested_number": d["suggested"], "received": _iso(d["received"]), "sender": d["sender"],
            "reference": d["reference"], "title": d["title"], "kind": {"办件": "action", "阅件": "reading"}.get(d["kind"]),
            "urgency": d["urgency"], "department": d["lead"], "partners": d["partners"], "due": _iso(d["due"]),
            "due_is_default": d["due_default"], "finished": _iso(d["done"]), "result": d["result"],
            "status": STATUS_EN[d["status"]], "workdays_left": d["left"], "overdue_workdays": d["overdue"],
            "unread_by": d["unread"],
        } for d in self.docs]


def _iso(d):
    return d.isoformat() if d else None


def check_incoming(table, rules: Rules, workdays, today: dt.date, departments=(), semester=None) -> DocResult:
    """Every registered document's state; ``table`` the read 收文登记 (its ``problem`` locates a cell),
    ``workdays`` a :class:`sectools.workdays.Workdays` (holiday-aware)."""
    problems: list[Problem] = []
    unread_cells = {(p.cell, p.code) for p in table.problems}  # a 办理时限 typed but not read is no default
    off_format: list[str] = []
    pattern = rules.number_pattern()
    seen_numbers: dict[str, int] = {}
    top: dict[int, int] = {}
    known = {fold(d) for d in departments}
    out = []
    for i, r in enumerate(table.data.to_dict("records")):
        received = r.get("received")
        if received is None and not r.get("title"):
            continue

        def say(code: str, field_name: str | None, value=None, severity: str = WARNING, **params) -> None:
            problems.append(table.problem(code, i, field_name, value, severity, **params))

        number = (r.get("number") or "").strip() or None
        if number:
            m = pattern.fullmatch(number)
            if not m:
                off_format.append(number)
            if m and received:
                year = int(m.group("year")) if "year" in m.groupdict() else received.year
                top[year] = max(top.get(year, 0), int(m.group("n")))
            key = fold(number)
            if key in seen_numbers:
                say("incoming-duplicate-number", "number", number, ERROR,
                    other=table.cell(seen_numbers[key], "number"))
            seen_numbers.setdefault(key, i)
        lead = (r.get("lead") or "").strip() or None
        partners = departments_of(r.get("partners"))
        if lead and len(departments_of(lead)) > 1:  # 外联部、宣传部 as 主办: which one leads is not said
            say("incoming-several-leads", "lead", lead)
            partners, lead = departments_of(lead) + partners, None
        partners = list(dict.fromkeys(p for p in partners if fold(p) != fold(lead or "")))
        for dep, col in [(lead, "lead")] + [(p, "partners") for p in partners]:
            if dep and known and fold(dep) not in known:
                say("incoming-unknown-department", col, dep, allowed="、".join(departments))
        kind = r.get("kind")
        doc = {"i": i, "row": int(table.data["_row"].iat[i]) + 1, "file": table.file, "sheet": table.sheet,
               "cell": table.cell(i, "received"), "number": number, "suggested": None, "received": received,
               "sender": r.get("sender"), "reference": r.get("reference"), "title": r.get("title"),
               "secrecy": r.get("secrecy"), "urgency": r.get("urgency"), "copies": r.get("copies"), "kind": kind,
               "proposal": r.get("proposal"), "instruction": r.get("instruction"), "lead": lead, "partners": partners,
               "due": r.get("due"), "due_default": False, "done": r.get("done"), "result": r.get("result"),
               "readers": [], "unread": [], "left": None, "overdue": None, "status": "待核实"}
        _dates_in_order(doc, today, say, r)
        doc["due_unread"] = "due" in table.columns and (table.cell(i, "due"), "bad-date") in unread_cells
        if kind == "办件":
            _action(doc, rules, workdays, today, say)
        elif kind == "阅件":
            doc["readers"] = parse_circulation(r.get("circulation"), semester)
            doc["unread"] = [n for n, read, _ in doc["readers"] if not read]
            early = [n for n, _, w in doc["readers"] if w and received and w < received]
            if early:
                say("incoming-read-before-received", "circulation", "、".join(early), received=received.isoformat())
            if not doc["readers"]:
                say("incoming-no-circulation", "circulation", None)
                doc["status"] = "未分发"
            else:
                doc["status"] = "传阅中" if doc["unread"] else "已阅毕"
        out.append(doc)
    if off_format:  # numbers written another way: the suggestions do not follow on from them
        problems.append(Problem("incoming-number-format", WARNING, table.file, table.sheet, None, off_format[0], {
            "count": len(off_format), "format": rules.number_format}))
    for d in sorted((d for d in out if not d["number"] and d["received"]), key=lambda d: (d["received"], d["i"])):
        year = d["received"].year
        top[year] = top.get(year, 0) + 1
        d["suggested"] = rules.number(year, top[year])
    out.sort(key=lambda d: (STATUSES.index(d["status"]), -(d["overdue"] or 0), d["due"] or dt.date.max,
                            d["received"] or dt.date.min, d["i"]))
    return DocResult(out, _by_department(out, departments), problems, today, rules.due_soon_workdays)


def _action(doc: dict, rules: Rules, workdays, today: dt.date, say) -> None:
    """A 办件: who handles it, by when, and where it stands."""
    if not doc["lead"]:
        if len(doc["partners"]) >= 2:
            say("incoming-no-lead", "lead", None, departments="、".join(doc["partners"]))
        else:
            say("incoming-no-department", "lead", None)
    received = doc["received"]
    if doc["due"] is None and doc["due_unread"]:  # typed but not a date (12月15日前): no deadline is made up
        doc["status"] = "待核实"
        return
    if doc["due"] is None and received is not None:
        urgent = rules.urgent_workdays.get(doc["urgency"] or "")
        n = urgent if urgent is not None else rules.due_workdays
        doc["due"], doc["due_default"] = workdays.add_workdays(received, n), True
        if urgent is None:
            say("incoming-no-due", "due", None, days=n, date=doc["due"].isoformat())
    result = (doc["result"] or "").strip()
    if result and _NOT_A_RESULT.search(result):  # 正在落实, 未办, 待办: a note of progress, not a result
        say("incoming-result-not-final", "result", result)
        result = ""
    if doc["done"] and not result:
        say("incoming-done-without-result", "result", None, date=doc["done"].isoformat())
    due = doc["due"]
    if result:
        late = due is not None and doc["done"] is not None and doc["done"] > due
        doc["status"] = "逾期办结" if late else "已办结"
        if late:
            doc["overdue"] = _workdays_between(workdays, due, doc["done"])
        return
    if due is None:
        return
    if today > due:
        doc["status"], doc["overdue"] = "逾期", _workdays_between(workdays, due, today)
        return
    doc["left"] = _workdays_between(workdays, today, due)
    doc["status"] = "临期" if doc["left"] <= rules.due_soon_workdays else "办理中"


def _dates_in_order(doc: dict, today: dt.date, say, r: dict) -> None:
    """Dates that cannot be: received or finished after today, a due date before the receipt."""
    received, due, done = doc["received"], doc["due"], doc["done"]
    if received and received > today:
        say("incoming-date-ahead", "received", received.isoformat(), today=today.isoformat())
    if done and done > today:
        say("incoming-date-ahead", "done", done.isoformat(), today=today.isoformat())
        doc["done"] = None  # a finishing day not yet come says nothing about lateness
    if due and received and due < received:
        say("incoming-due-before-received", "due", due.isoformat(), received=received.isoformat())


def _workdays_between(workdays, a: dt.date, b: dt.date) -> int:
    """Working days after ``a`` up to and including ``b`` (0 when b ≤ a)."""
    n, d = 0, a
    while d < b:
        d += dt.timedelta(days=1)
        n += workdays.is_workday(d)
    return n


def _by_department(docs: list[dict], departments) -> list[dict]:
    """Per 主办 department: in hand, due soon, overdue, finished (late), and the documents it helps with."""
    order = {fold(d): k for k, d in enumerate(departments)}
    rows: dict[str, dict] = {}
    for d in docs:
        if d["kind"] != "办件":
            continue
        for dep, role in [(d["lead"], "lead")] + [(p, "partner") for p in d["partners"]]:
            if not dep:
                continue
            row = rows.setdefault(dep, {"department": dep, "in_hand": 0, "due_soon": 0, "overdue": 0, "finished": 0,
                                        "finished_late": 0, "helping": 0})
            if role == "partner":
                row["helping"] += 1
                continue
            row[{"逾期": "overdue", "临期": "due_soon", "办理中": "in_hand", "已办结": "finished",
                 "逾期办结": "finished_late"}.get(d["status"], "in_hand")] += 1
    return sorted(rows.values(), key=lambda r: (order.get(fold(r["department"]), 99), r["department"]))


__all__ = ["DocResult", "Rules", "STATUSES", "STATUS_EN", "check_incoming", "departments_of", "parse_circulation",
           "rules_from_config"]
