"""大事记: a month's record assembled from what sectools already knows — meetings held (with their attendance),
notices issued with their 文号, class rankings published and sealed, plans and summaries collected, documents
received and finished, supervised tasks finished — and the office's own 大事记 table for the rest (学院大事的记载,
seed 001).  Pure: the job reads; this orders and words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KIND_ORDER = ("event", "meeting", "notice", "ranking", "plans", "incoming", "task")
CATEGORY = {"event": "其他", "meeting": "会议", "notice": "通知", "ranking": "量化考核", "plans": "计划总结",
            "incoming": "收文", "task": "督办"}


@dataclass
class Diary:
    month: tuple[int, int]
    entries: list[dict]
    left_out: list[dict]  # what could not be read, said in the record (never silently missing)

    @property
    def label(self) -> str:
        return f"{self.month[0]}-{self.month[1]:02d}"

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per entry (README: 大事记): ``date``, ``kind``, ``category``, ``text``, ``place``."""
        return [{"date": e["date"].isoformat() if e["date"] else None, "kind": e["kind"],
                 "category": e["category"], "text": e["text"], "place": _place(e["place"])} for e in self.entries]


def _place(p) -> str | None:
    return f"{p[0]} › {p[1]}!{p[2]}" if p else None


def in_month(d, month: tuple[int, int]) -> bool:
    return d is not None and (d.year, d.month) == month


def assemble(month: tuple[int, int], *, lang: str = "zh-CN", meetings=(), notices=(), rankings=(), collections=(),
             docs=(), tasks=(), events=(), left_out=()) -> Diary:
    """The month's entries, by date, each said in the office's language (the office's own words kept as typed)."""
    from ..messages import text

    out: list[dict] = []

    def add(day, kind: str, line: str, place=None, category: str | None = None) -> None:
        out.append({"date": day, "kind": kind, "category": category or CATEGORY[kind], "text": line, "place": place})

    for e in events:
        if in_month(e["date"], month) and e.get("event"):
            line = e["event"] + (text("diary-place", lang, place=e["place"]) if e.get("place") else "")
            if e.get("people"):
                line += text("diary-people", lang, people=e["people"])
            add(e["date"], "event", line, e.get("where"), (e.get("category") or "").strip() or None)
    for m in meetings:
        if not in_month(m["date"], month):
            continue
        held = "diary-activity" if m.get("activity") else "diary-meeting"  # 举办社区志愿服务, not 召开
        line = text(held, lang, meeting=m["meeting"]) + \
            (text("diary-place", lang, place=m["place"]) if m.get("place") else "")
        if m.get("expected"):
            line += text("diary-attendance", lang, expected=m["expected"], attended=m["attended"])
        elif m.get("unsigned"):  # the attendance was read, but nobody signed in for this one: said
            line += text("diary-no-signins", lang)
        add(m["date"], "meeting", line, m.get("where"))
    published = {r["week"]: r for r in rankings}
    for n in notices:
        if not in_month(n["date"], month):
            continue
        if n["kind"] == "量化考核公示" and n["subject"] in published:  # said once: with the ranking it published
            published[n["subject"]]["number"] = n["number"]
            continue
        key = "diary-notice-about" if n.get("about") else "diary-notice"
        add(n["date"], "notice", text(key, lang, kind=n["kind"], number=n["number"], about=n.get("about")))
    for r in rankings:
        if in_month(r["published"], month):
            line = text("diary-ranking", lang, week=r["name"])
            if r.get("number"):
                line += text("diary-number", lang, number=r["number"])
            if r.get("flags"):
                line += text("diary-flags", lang, classes="、".join(r["flags"]))
            add(r["published"], "ranking", line)
        if in_month(r.get("sealed"), month):
            add(r["sealed"], "ranking", text("diary-ranking-sealed", lang, week=r["name"]))
    for c in collections:
        if not in_month(c["due"], month):
            continue
        line = text("diary-plans", lang, what=c["what"], on_time=c["on_time"], late=c["late"], missing=c["missing"])
        if c["missing_names"]:
            line += text("diary-plans-missing", lang, names="、".join(c["missing_names"]))
        add(c["due"], "plans", line)
    for d in docs:  # the number registered only: a suggested one was never given, so never recorded as given
        number = text("diary-number", lang, number=d["number"]) if d["number"] else ""
        place = (d["file"], d["sheet"], d["cell"])
        if in_month(d["received"], month):
            add(d["received"], "incoming", text("diary-received", lang, sender=d["sender"] or "", title=d["title"] or "",
                                                number=number), place)
        if d["status"] in ("已办结", "逾期办结") and in_month(d["done"], month):
            add(d["done"], "incoming", text("diary-doc-done", lang, title=d["title"] or "", number=number,
                                            lead=d["lead"] or "—"), place)
    for t in tasks:
        if t["level"] in ("已完成", "逾期完成") and in_month(t["done"], month) and t["origin"] != "incoming":
            title = (t["title"] or "").replace("“", "‘").replace("”", "’")  # quotes inside quotes: ‘’
            add(t["done"], "task", text("diary-task-done", lang, title=title, lead=t["lead"] or "—"),
                (t["file"], t["sheet"], t["cell"]))
    out.sort(key=lambda e: (e["date"], KIND_ORDER.index(e["kind"])))
    return Diary(month, out, list(left_out))


def by_day(entries: list[dict]) -> list[tuple[dt.date, list[dict]]]:
    days: dict[dt.date, list[dict]] = {}
    for e in entries:
        days.setdefault(e["date"], []).append(e)
    return list(days.items())


__all__ = ["Diary", "assemble", "by_day", "in_month"]
