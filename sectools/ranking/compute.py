"""A week's class scores, ranks and 流动红旗 (no I/O).

score = ``base_score`` + bonuses − deductions, where each record is worth its own 分值 when it
gives one, else the item's 分值 × 次数/人次; within each category a week's deductions and bonuses
are each capped at the category's 每周上限; ``max_score`` caps the total.  With
``normalise_by_size`` a 每人次 item's points are scaled by (median class size ÷ class size), so a
large class is not punished for being large.  A record belongs to the ISO week (Monday–Sunday) of
its 日期.  Ranks are per grade (``rank_scope = "grade"``) or overall, ``dense`` (1,2,2,3) or
``competition`` (1,2,2,4).  流动红旗: the best ``red_flags_per_grade`` classes of each grade that
scored at least ``red_flag_min_score`` with no serious violation; an ineligible class is skipped and
the flag goes to the next; classes tied at the cut all receive it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold
from ..ranks import rank_values
from .schema import CLASSES

CLASSES_TERM = CLASSES.term
from ..settings import default, validate_section


def _d(key: str):
    return default("ranking", key)


@dataclass(frozen=True)
class RankingRules:
    base_score: float = _d("base_score")
    max_score: float | None = _d("max_score")
    normalise_by_size: bool = _d("normalise_by_size")
    rank_scope: str = _d("rank_scope")
    tie_method: str = _d("tie_method")
    red_flags_per_grade: int = _d("red_flags_per_grade")
    red_flag_min_score: float = _d("red_flag_min_score")
    publish_hour: int = _d("publish_hour")
    objection_workdays: int = _d("objection_workdays")


_RULE_KEYS = tuple(RankingRules.__dataclass_fields__)


def rules_from_config(section: dict) -> tuple[RankingRules, list[Problem]]:
    """``[ranking]`` (declared in :mod:`sectools.settings`) → rules, and its problems."""
    v, problems = validate_section("ranking", section)
    return RankingRules(**{k: v[k] for k in _RULE_KEYS}), problems


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_bounds(week: str) -> tuple[dt.date, dt.date]:
    y, w = int(week[:4]), int(week.split("W")[1])
    monday = dt.date.fromisocalendar(y, w, 1)
    return monday, monday + dt.timedelta(days=6)


def week_name(week: str, semester=None):
    """How the office names a week (a Term): its teaching week 第2周 when the semester has a start and the
    week falls in it (the office's meetings are called 第17周例会), else the calendar's 2026年第11周."""
    from ..messages import W

    monday, _ = week_bounds(week)
    n = semester.week_of(monday) if semester is not None else None
    return W("week-n", n=n) if n else W("n-week-title", year=week[:4], n=int(week.split("W")[1]))


def week_text(week: str, semester=None):
    """The week named and dated: 第2周（3月9日—3月15日）."""
    from ..messages import W

    monday, sunday = week_bounds(week)
    return W("n-week-text", title=week_name(week, semester), m1=monday.month, d1=monday.day, m2=sunday.month,
             d2=sunday.day)


@dataclass
class WeekResult:
    week: str
    table: object  # DataFrame: class, grade, size, score, bonuses, deductions, serious, rank, red_flag, categories
    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    trace: list[dict] = field(default_factory=list)  # every record counted: class, date, item, points, where

    def as_records(self, lang: str = "zh-CN") -> list[dict]:  # noqa: ARG002 (one signature for every result)
        by_class: dict[str, list[dict]] = {}
        for t in self.trace:
            by_class.setdefault(t["class_name"], []).append(
                {"date": t["date"].isoformat() if t["date"] else None, "item": t["item"], "count": t["count"],
                 "points": round(t["points"], 2), "capped": t["capped"],
                 "source": str(t["source"]) if t.get("source") is not None else _where(t)})
        out = []
        for r in self.table.to_dict("records"):
            out.append({"class": r["class_name"], "grade": r["grade"], "score": round(r["score"], 2),
                        "rank": int(r["rank"]), "red_flag": bool(r["red_flag"]),
                        "bonuses": round(r["bonuses"], 2), "deductions": round(r["deductions"], 2),
                        "records": by_class.get(r["class_name"], [])})
        return out


def _where(t: dict) -> str | None:
    f, sh, c = t.get("file"), t.get("sheet"), t.get("cell")
    return f"{f} › {sh}!{c}" if f else None


def score_week(classes, items, records, week: str, rules: RankingRules, locate=None) -> WeekResult:
    """``classes``/``items``: frames of the CLASSES/SCORE_ITEMS tables; ``records``: inspection
    records (date, class_name, item, count, points, _t, _row…); ``locate(i, field)`` → where a
    record came from, for problems."""
    import pandas as pd

    problems: list[Problem] = []
    monday, sunday = week_bounds(week)
    cls = {fold(c): i for i, c in enumerate(classes["class_name"].tolist()) if c}
    item_map = {fold(n): i for i, n in enumerate(items["item"].tolist()) if n}
    sizes = [s for s in classes["size"].tolist() if s]
    median = sorted(sizes)[len(sizes) // 2] if sizes else None
    cats: dict[tuple[int, str], list[float]] = {}
    serious: set[int] = set()
    caps: dict[str, float] = {}
    for cat, cap in zip(items["category"].tolist(), items["weekly_cap"].tolist()):
        if cat and cap is not None:
            caps[cat] = min(caps.get(cat, cap), abs(cap))
    n = 0
    trace: list[dict] = []
    # The columns as lists once, and only the week's records as dicts (a term has 17 weeks to score)
    item_cat, item_points = items["category"].tolist(), items["points"].tolist()
    item_serious, item_method = items["serious"].tolist(), items["method"].tolist()
    class_names, class_grades, class_sizes = classes["class_name"].tolist(), classes["grade"].tolist(), \
        classes["size"].tolist()
    in_week = [i for i, d in enumerate(records["date"].tolist()) if d is not None and monday <= d <= sunday]
    for i, r in zip(in_week, records.iloc[in_week].to_dict("records") if in_week else ()):
        d = r["date"]
        ci = cls.get(fold(r["class_name"] or ""))
        if ci is None:
            problems.append(_at(locate, i, "class_name", Problem("unknown-class", ERROR, value=r["class_name"],
                                                                  params={"table": CLASSES_TERM})))
            continue
        ii = item_map.get(fold(r["item"] or ""))
        if ii is None and r["points"] is None:
            problems.append(_at(locate, i, "item", Problem("unknown-item", ERROR, value=r["item"])))
            continue
        if r.get("_unread_count"):  # 次数 typed so it cannot be read (its error is at the cell): not once
            continue
        count = r["count"] if r["count"] is not None else 1  # a blank 次数 is once, as offices write it
        if ii is not None:
            cat = item_cat[ii]
            pts = r["points"] if r["points"] is not None else float(item_points[ii]) * count
            if item_serious[ii] == "是":
                serious.add(ci)
            if rules.normalise_by_size and item_method[ii] == "每人次" and median:
                size = class_sizes[ci]
                if size:
                    pts = pts * median / size
        else:
            cat = "其他"
            pts = r["points"]
        cats.setdefault((ci, cat), []).append(float(pts))
        n += 1
        file, sheet, cell = locate(i, "points" if r["points"] is not None else "count" if r["count"] is not None
                                   else "item") if locate else (None, None, None)
        trace.append({"class_name": class_names[ci], "date": d, "item": r["item"], "category": cat,
                      "count": r["count"], "points": float(pts), "capped": False, "file": file, "sheet": sheet,
                      "cell": cell})
    rows = []
    for ci, name in enumerate(classes["class_name"].tolist()):
        bonuses = deductions = 0.0
        by_cat = {}
        for (c, cat), pts in cats.items():
            if c != ci:
                continue
            plus = sum(p for p in pts if p > 0)
            minus = -sum(p for p in pts if p < 0)
            cap = caps.get(cat)
            if cap is not None:
                if plus > cap or minus > cap:
                    for t in trace:
                        if t["class_name"] == name and t["category"] == cat:
                            t["capped"] = True
                plus, minus = min(plus, cap), min(minus, cap)
            bonuses += plus
            deductions += minus
            by_cat[cat] = round(plus - minus, 2)
        score = rules.base_score + bonuses - deductions
        if rules.max_score is not None:
            score = min(score, rules.max_score)
        rows.append({"class_name": name, "grade": class_grades[ci], "size": class_sizes[ci],
                     "score": round(score, 4), "bonuses": bonuses, "deductions": deductions,
                     "serious": ci in serious, "categories": by_cat})
    df = pd.DataFrame(rows)
    if len(df):
        df["rank"] = 0
        groups = df.groupby("grade").groups if rules.rank_scope == "grade" else {"all": df.index}
        df["red_flag"] = False
        for _, idx in groups.items():
            idx = list(idx)
            ranks = rank_values(df.loc[idx, "score"].tolist(), rules.tie_method)
            df.loc[idx, "rank"] = ranks
        for grade, idx in df.groupby("grade").groups.items():
            sub = df.loc[list(idx)]
            eligible = sub[(sub["score"] >= rules.red_flag_min_score) & (~sub["serious"])]
            if len(eligible) and rules.red_flags_per_grade:
                scores = sorted(eligible["score"], reverse=True)
                cut = scores[min(rules.red_flags_per_grade, len(scores)) - 1]
                df.loc[eligible[eligible["score"] >= cut].index, "red_flag"] = True
        df = df.sort_values(["grade", "rank", "class_name"], kind="stable").reset_index(drop=True)
    return WeekResult(week, df, problems, n, trace)


def _at(locate, i, field, p: Problem) -> Problem:
    if locate is None:
        return p
    file, sheet, cell = locate(i, field)
    return Problem(p.code, p.severity, file, sheet, cell, p.value, p.params)


__all__ = ["RankingRules", "WeekResult", "score_week", "rules_from_config", "iso_week", "week_bounds", "WARNING"]
