"""Weighted appraisal (no I/O): indicator scores from raters and computed sources, totals,
grades under a quota, ranks and an optional bonus pool.

* an indicator's score is the rater-weighted mean of its rater groups' scores (each group's own
  scores averaged); a missing group is a problem and the other groups' weights are scaled up —
  never a silent zero; a score outside 0–满分 is a problem and is left out;
* 扣分制: the raters give deductions, the score is 满分 − the weighted deduction; 加分项: not
  weighted, its score is added to the total;
* total = Σ weight × score ÷ 满分 × 100 ÷ Σ weight (a 100-point scale whatever each 满分 is);
* grades by thresholds; 优秀 is capped at ``excellent_quota`` of each department, the quota being
  人数 × quota rounded half up (at least 1 when the department has anyone); when a tie would cross
  the quota, the tied members all stay below it (the quota is never exceeded);
* ranks within the department and overall, ``dense`` (1,2,2,3) or ``competition`` (1,2,2,4);
* bonus pool: proportional to total in whole yuan; the yuan left by rounding down go one each to
  the largest remainders (ties: higher total, then id), so the parts add up to the pool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import Problem
from ..messages import W
from ..ranks import rank_values
from ..settings import default, validate_section

DEFAULT_RATERS = default("kpi", "raters")


def _grades(g: dict) -> tuple:
    """``{ 优秀 = 90, … }`` → ((name, threshold), …), highest first."""
    return tuple(sorted(((k, float(v)) for k, v in g.items()), key=lambda x: -x[1]))


DEFAULT_GRADES = _grades(default("kpi", "grades"))


@dataclass(frozen=True)
class KpiRules:
    raters: dict = field(default_factory=lambda: default("kpi", "raters"))
    grades: tuple = DEFAULT_GRADES
    excellent_quota: float = default("kpi", "excellent_quota")
    tie_method: str = default("kpi", "tie_method")
    bonus_pool: int | None = default("kpi", "bonus_pool")
    missing: str = default("kpi", "missing")  # zero | exclude-with-warning


def rules_from_config(section: dict) -> tuple[KpiRules, list[Problem]]:
    """``[kpi]`` (declared in :mod:`sectools.settings`) → rules, and its problems."""
    v, problems = validate_section("kpi", section)
    return KpiRules(dict(v["raters"]), _grades(v["grades"]), v["excellent_quota"], v["tie_method"],
                    v["bonus_pool"], v["missing"]), problems


def rater_mean(scores: dict[str, list[float]], raters: dict[str, float]) -> tuple[float | None, list[str]]:
    """Weighted mean over the configured rater groups present; and the groups missing."""
    present = {g: sum(v) / len(v) for g, v in scores.items() if v and g in raters}
    missing = [g for g, w in raters.items() if w > 0 and g not in present]
    total_w = sum(raters[g] for g in present)
    if not present or total_w == 0:
        return None, missing
    return sum(present[g] * raters[g] for g in present) / total_w, missing


def total_score(indicator_scores: dict[str, float], indicators: list[dict], missing: str = "zero") -> float:
    """Σ weight × score ÷ 满分 × 100 ÷ Σ weight, plus the bonuses.  An indicator without a score counts 0
    (``missing = "zero"``, so missing evidence never raises a total) or is left out of both sums."""
    weighted = [(i["weight"], indicator_scores.get(i["name"], 0.0) / (i["full"] or 100) * 100)
                for i in indicators if i["method"] != "加分项"
                and (i["name"] in indicator_scores or missing == "zero")]
    w = sum(a for a, _ in weighted)
    base = sum(a * b for a, b in weighted) / w if w else 0.0
    bonus = sum(indicator_scores.get(i["name"], 0.0) for i in indicators if i["method"] == "加分项")
    return round(base + bonus, 2)


def quota_of(n: int, quota: float) -> int:
    return 0 if n == 0 else max(1, math.floor(n * quota + 0.5))


def grade_all(rows: list[dict], rules: KpiRules, group_key: str = "department") -> None:
    """Set ``grade`` on each row: thresholds, then the 优秀 quota per group."""
    for r in rows:
        r["grade"] = next((g for g, t in rules.grades if r["total"] >= t), "不合格")
    top = rules.grades[0][0] if rules.grades else None
    if top is None:
        return
    second = rules.grades[1][0] if len(rules.grades) > 1 else "不合格"
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r.get(group_key) or "", []).append(r)
    for members in groups.values():
        q = quota_of(len(members), rules.excellent_quota)
        best = sorted((r for r in members if r["grade"] == top), key=lambda r: -r["total"])
        if len(best) <= q:
            continue
        cut = best[q]["total"]  # the first one over the quota
        for r in best:
            if r["total"] <= cut:
                r["grade"] = second
                r["quota_note"] = W("quota-exceeded", grade=top, count=q)


def rank_all(rows: list[dict], method: str) -> None:
    overall = rank_values([r["total"] for r in rows], method)
    for r, k in zip(rows, overall):
        r["rank_overall"] = k
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r.get("department") or "", []).append(r)
    for members in groups.values():
        for r, k in zip(members, rank_values([m["total"] for m in members], method)):
            r["rank_department"] = k


def allocate(rows: list[dict], pool: int) -> None:
    """Whole yuan, proportional to total; the remainder by largest fractional parts."""
    total = sum(max(r["total"], 0) for r in rows)
    if not rows or total <= 0:
        for r in rows:
            r["bonus"] = 0
        return
    shares = [(pool * max(r["total"], 0) / total) for r in rows]
    for r, s in zip(rows, shares):
        r["bonus"] = int(math.floor(s))
    left = pool - sum(r["bonus"] for r in rows)
    order = sorted(range(len(rows)), key=lambda i: (-(shares[i] - math.floor(shares[i])), -rows[i]["total"],
                                                    str(rows[i].get("id") or rows[i].get("department"))))
    for i in order[:left]:
        rows[i]["bonus"] += 1
