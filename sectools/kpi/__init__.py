"""绩效考核 — weighted indicators from several raters and from computed sources (attendance,
plans and summaries), grades with a quota, ranks and bonus allocation.

Computed indicators take their values from the same library functions as the attendance and
plans reports, for the same period: one source of truth, nothing copied between workbooks.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from ..errors import ERROR, WARNING, Problem, SectoolsError
from ..messages import W
from ..normalize import fold
from .compute import KpiRules, allocate, grade_all, rank_all, rater_mean, rules_from_config, total_score
from ..roster import serving_during
from .schema import INDICATORS, RATINGS, word

__all__ = ["evaluate", "KpiResult", "period_range", "is_semester", "computed_values", "plan_rates", "months_between",
           "KpiRules", "rules_from_config", "INDICATORS", "RATINGS"]


@dataclass
class KpiResult:
    period: str
    target: str
    rows: list[dict]
    indicators: list[dict]
    problems: list[Problem] = field(default_factory=list)
    missing_rule: str = "zero"  # how an indicator without a score was counted
    trace: list[dict] = field(default_factory=list)  # every score behind a total: rater, score, cell or basis

    def as_records(self, lang: str = "zh-CN") -> list[dict]:  # noqa: ARG002 (one signature for every result)
        keys = ("id", "name", "department", "total", "grade", "rank_department", "rank_overall", "indicators",
                "missing", "not_applicable")
        out = []
        by_key: dict = {}
        for t in self.trace:
            by_key.setdefault(t["key"], []).append(t)
        for r in self.rows:
            d = {k: r.get(k) for k in keys}
            d["incomplete_ratings"] = r.get("partial") or {}  # indicator → the rater groups still missing
            if "bonus" in r:
                d["bonus"] = r["bonus"]
            d["sources"] = [{"indicator": t["indicator"], "rater": t["rater"], "score": t["score"],
                             "source": str(t["source"]) if t.get("source") is not None else t.get("basis")}
                            for t in by_key.get(r.get("id") or r.get("name"), [])]
            out.append(d)
        return out


def is_semester(period) -> bool:
    p = str(period).strip()
    return fold(p) in ("semester", "学期", "本学期") or "学期" in p or "春" in p or "秋" in p


def period_range(period: str, semester) -> tuple[str, dt.date, dt.date]:
    """A period a clerk wrote (2026-03, 3月, 2026年春季学期, 学期) → its label, first and last day."""
    from ..plans.forms import parse_month

    p = str(period).strip()
    if is_semester(p):
        if not (semester.start and semester.end):
            raise SectoolsError(Problem("bad-period", value=period))
        return p, semester.start, semester.end
    m = parse_month(p, semester.start.year if semester.start else dt.date.today().year)
    if not m:
        raise SectoolsError(Problem("bad-period", value=period))
    last = calendar.monthrange(m[0], m[1])[1]
    return f"{m[0]}-{m[1]:02d}", dt.date(m[0], m[1], 1), dt.date(m[0], m[1], last)


def _same_period(value, label: str, semester) -> bool:
    try:
        return period_range(value, semester)[0] == label
    except SectoolsError:
        return fold(str(value)) == fold(label)


def evaluate(ind_t, rat_t, roster, period: str, semester, rules: KpiRules, target: str = "member",
             departments: list[str] | None = None, computed=None) -> KpiResult:
    """The appraisal from tables already read.  ``computed(indicators, targets, start, end, target,
    problems)`` gives the values of indicators from attendance and plans (the job layer computes
    them with the same jobs as the reports); None: they are reported as unavailable."""
    label, start, end = period_range(period, semester)
    problems = list(ind_t.problems) + list(rat_t.problems)
    want = "部门" if target == "department" else "成员"
    indicators = []
    for r in ind_t.data.to_dict("records"):
        if (r["target"] or "成员") != want or not r["name"]:
            continue
        indicators.append({"name": r["name"], "category": r["category"], "weight": float(r["weight"] or 0),
                           "method": r["method"] or "打分", "source": r["source"] or "手工评分",
                           "full": float(r["full"] or 100)})
    by_name = {fold(i["name"]): i for i in indicators}
    all_names = {fold(x) for x in ind_t.data["name"].tolist() if x}
    # -- who is appraised
    if target == "department":
        targets = [{"key": d, "id": None, "name": d, "department": d} for d in departments or []]
    else:
        targets = []
        for r in roster.to_dict("records"):
            if not serving_during(r["joined"], r["left"], r["status"], start, end):
                continue
            targets.append({"key": r["id"], "id": r["id"], "name": r["name"], "department": r["department"],
                            "post": r["post"]})
    keys = {t["key"] for t in targets}
    # -- manual ratings
    scores: dict[tuple, dict[str, list[float]]] = {}
    trace: list[dict] = []
    raters = {fold(g): g for g in rules.raters}
    for i, r in enumerate(rat_t.data.to_dict("records")):
        if not r["period"] or not _same_period(r["period"], label, semester):
            continue
        ind = by_name.get(fold(r["indicator"] or ""))
        if ind is None:
            if fold(r["indicator"] or "") not in all_names:
                problems.append(rat_t.problem("unknown-indicator", i, "indicator", r["indicator"]))
            continue
        key = r["department"] if target == "department" else r["id"]
        if target != "department" and not key and r["name"]:
            hits = [t["key"] for t in targets if t["name"] == r["name"]]
            key = hits[0] if len(hits) == 1 else None
        if key not in keys:
            if target != "department" or r["id"] is None:
                problems.append(rat_t.problem("unknown-member", i, "id" if r["id"] else "name", r["id"] or r["name"],
                                              detail=W("not-appraised")))
            continue
        group = raters.get(fold(r["rater"] or ""))
        if group is None:
            problems.append(rat_t.problem("unknown-rater", i, "rater", r["rater"], WARNING,
                                          allowed="、".join(rules.raters)))
            continue
        if r["score"] is None or not 0 <= r["score"] <= ind["full"]:
            problems.append(rat_t.problem("score-out-of-range", i, "score", r["score"], full=f"{ind['full']:g}"))
            continue
        scores.setdefault((key, ind["name"]), {}).setdefault(group, []).append(float(r["score"]))
        trace.append({"key": key, "indicator": ind["name"], "rater": group, "score": float(r["score"]),
                      "file": rat_t.file, "sheet": rat_t.sheet, "cell": rat_t.cell(i, "score")})
    # -- computed sources
    not_applicable: set = set()
    if computed is not None:
        computed = computed(indicators, targets, start, end, target, problems)
        basis = computed.pop("_basis", {})
        not_applicable = computed.pop("_not_applicable", set())
        for (k, name), v in computed.items():
            ind = by_name.get(fold(name))
            trace.append({"key": k, "indicator": name, "rater": ind["source"] if ind else "", "score": round(v, 2),
                          "file": None, "sheet": None, "cell": None, "basis": basis.get((k, name))})
    else:
        computed = {}
        for ind in indicators:
            if ind["source"] != "手工评分":
                problems.append(Problem("source-unavailable", WARNING, value=ind["name"],
                                        params={"source": ind["source"]}))
    sources_of = {i["name"]: i["source"] for i in indicators}
    rows = []
    no_data: set = set()
    for t in targets:
        ind_scores: dict[str, float] = {}
        partial: dict[str, str] = {}  # indicator → the rater groups whose ratings are missing
        for ind in indicators:
            if ind["source"] != "手工评分":
                v = computed.get((t["key"], ind["name"]))
                if v is not None:
                    ind_scores[ind["name"]] = round(v, 2)
                continue
            got = scores.get((t["key"], ind["name"]), {})
            if ind["method"] == "加分项":  # a bonus is given by whoever gives it; none is no bonus
                if got:
                    ind_scores[ind["name"]] = round(sum(sum(v) / len(v) for v in got.values()) / len(got), 2)
                continue
            mean, missing = rater_mean(got, rules.raters)
            if missing:
                problems.append(Problem("missing-rating", ERROR, rat_t.file, rat_t.sheet, None, t["name"],
                                        {"indicator": ind["name"], "groups": "、".join(missing), "period": label}))
                if mean is not None:
                    partial[ind["name"]] = "、".join(missing)
            if mean is None:
                continue
            if ind["method"] == "扣分制":
                mean = ind["full"] - mean
            ind_scores[ind["name"]] = round(mean, 2)
        applicable = [i for i in indicators if (t["key"], i["name"]) not in not_applicable]
        for i in applicable:  # a computed indicator without data: counted as the rule says, and said once
            if i["source"] != "手工评分" and i["name"] not in ind_scores and computed is not None:
                key = (i["name"], t["department"] if i["source"] in ("计划按时率", "计划完成率") else t["key"])
                if key not in no_data:
                    no_data.add(key)
                    problems.append(Problem("kpi-no-data", WARNING, value=i["name"], params={
                        "who": t["department"] if i["source"] in ("计划按时率", "计划完成率") else t["name"],
                        "source": word(i["source"]), "rule": W("kpi-rule-" + rules.missing)}))
        lacking = [i["name"] for i in applicable if i["method"] != "加分项" and i["name"] not in ind_scores]
        rows.append({**{k: t.get(k) for k in ("id", "name", "department", "post")},
                     "total": total_score(ind_scores, applicable, rules.missing), "indicators": ind_scores,
                     "missing": lacking, "partial": partial,
                     "no_data": [n for n in lacking if sources_of.get(n, "手工评分") != "手工评分"],
                     "not_applicable": [i["name"] for i in indicators if (t["key"], i["name"]) in not_applicable]})
    grade_all(rows, rules, "department" if target != "department" else "_all")
    rank_all(rows, rules.tie_method)
    if rules.bonus_pool is not None:
        allocate(rows, rules.bonus_pool)
    rows.sort(key=lambda r: (r["rank_overall"], r["department"] or "", r["id"] or ""))
    order = {r.get("id") or r.get("name"): n for n, r in enumerate(rows)}
    trace.sort(key=lambda t: (order.get(t["key"], 1 << 30), [i["name"] for i in indicators].index(t["indicator"])
                              if t["indicator"] in [i["name"] for i in indicators] else 0))
    return KpiResult(label, target, rows, indicators, problems, rules.missing, trace)


def computed_values(indicators, targets, target: str, attendance=None, plan_rates=None,
                    plan_departments: list[str] | None = None, task_rates: dict | None = None) -> dict:
    """(target key, indicator) → value for the indicators computed from an attendance result
    (出勤率, 活动次数) and from per-department plan rates (计划按时率, 计划完成率).  A member of a
    department that does not hand in plans (``plan_departments``: 主席团 by default) has no plan
    indicator: it is not applicable (left out of the weights and said), not 0."""
    out: dict = {}
    basis: dict[tuple, object] = {}
    res = attendance
    if res is not None:
        rate = {r["id"]: r["rate"] for r in res.members.to_dict("records")}
        counts = {r["id"]: (r["present"] + r["late"] + r["left_early"], r["expected"] - r["official_leave"])
                  for r in res.members.to_dict("records")}
        dep_rate = {r["department"]: r["rate"] for r in res.departments.to_dict("records")}
        acts = _activities(res)
        for ind in indicators:
            for t in targets:
                if ind["source"] == "出勤率":
                    v = dep_rate.get(t["key"]) if target == "department" else rate.get(t["key"])
                    if v is not None and v == v:
                        out[(t["key"], ind["name"])] = v * ind["full"]
                        if target != "department" and t["key"] in counts:
                            basis[(t["key"], ind["name"])] = W("kpi-basis-attendance", attended=counts[t["key"]][0],
                                                               expected=counts[t["key"]][1])
                elif ind["source"] == "活动次数":
                    n = sum(acts.get(m, 0) for m in ([t["key"]] if target != "department" else
                                                      [x for x, d in res.member_index[["id", "department"]]
                                                       .itertuples(index=False) if d == t["key"]]))
                    out[(t["key"], ind["name"])] = float(min(n, ind["full"]))
    not_applicable: set = set()
    if plan_rates is not None:
        # departments compared as words (主席團 in the roster is 主席团 in sectools.toml), never as spellings
        on_time, completion = ({fold(k): v for k, v in d.items()} for d in plan_rates)
        handing_in = None if plan_departments is None else {fold(d) for d in plan_departments}
        for ind in indicators:
            for t in targets:
                dep = t["department"]
                key = fold(dep or "")
                if ind["source"] in ("计划按时率", "计划完成率") and handing_in is not None \
                        and key not in handing_in:
                    not_applicable.add((t["key"], ind["name"]))
                    continue
                if ind["source"] == "计划按时率" and key in on_time:
                    out[(t["key"], ind["name"])] = on_time[key] * ind["full"]
                    basis[(t["key"], ind["name"])] = W("kpi-basis-plans", department=dep)
                elif ind["source"] == "计划完成率" and completion.get(key) is not None:
                    out[(t["key"], ind["name"])] = completion[key] * ind["full"]
                    basis[(t["key"], ind["name"])] = W("kpi-basis-summaries", department=dep)
    if task_rates is not None:  # 督办完成率 of the member's department (or the department's own)
        rates = {fold(k): v for k, v in task_rates.items()}
        for ind in indicators:
            if ind["source"] != "督办完成率":
                continue
            for t in targets:
                dep = t["key"] if target == "department" else t["department"]
                hit = rates.get(fold(dep or ""))
                if hit is None:  # no supervised task of its due in the period: nothing to complete, not 0
                    not_applicable.add((t["key"], ind["name"]))
                    continue
                out[(t["key"], ind["name"])] = hit[0] * ind["full"]
                basis[(t["key"], ind["name"])] = W("kpi-basis-tasks", department=dep, done=round(hit[0] * hit[1]),
                                                   due=hit[1])
    out["_basis"] = basis
    out["_not_applicable"] = not_applicable
    return out


def months_between(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _activities(res) -> dict[str, int]:
    import numpy as np

    from ..attendance.compute import CODE
    from ..attendance.schema import ATTENDED

    kinds = res.meeting_index["kind"].tolist()
    cols = [k for k, kd in enumerate(kinds) if fold(kd or "") == fold("活动")]
    if not cols:
        return {}
    sub = res.status[:, cols]
    counts = np.isin(sub, [CODE[s] for s in ATTENDED]).sum(axis=1)
    return dict(zip(res.member_index["id"].tolist(), counts.tolist()))


def plan_rates(collected) -> tuple[dict, dict]:
    """Per department, over collections (plans and summaries of several months): the share handed
    in on time, and the mean completion.  A month nobody handed anything in for is left out."""
    hits: dict[str, list[int]] = {}
    comp: dict[str, list[float]] = {}
    for res in collected:
        if not any(r["status"] != "missing" for r in res.rows):
            continue  # nothing collected that month (not yet begun)
        for r in res.rows:
            hits.setdefault(r["department"], []).append(1 if r["status"] == "on_time" else 0)
            if res.kind == "summary" and r["completion_rate"] is not None:
                comp.setdefault(r["department"], []).append(r["completion_rate"])
    on_time = {d: sum(v) / len(v) for d, v in hits.items() if v}
    completion = {d: sum(v) / len(v) for d, v in comp.items() if v}
    return on_time, completion
