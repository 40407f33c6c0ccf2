"""纳新: interview scores to an admission list, under the office's rules (纳新制度, seed 000) — on the read tables, no
I/O.

* **Scores.**  Several interviewers score each applicant, a number per criterion (0 to ``full`` marks).  With
  ``standardise = "z"`` each interviewer's scores of a criterion are standardised over the applicants they scored
  (z = (x − their mean) ÷ their spread), then put back on the panel's scale (the mean of every score + z × the
  spread within an interviewer's scores, averaged): an
  interviewer who scores everyone 10 points lower moves nobody.  An interviewer who scored fewer than
  :data:`MIN_FOR_Z` applicants cannot be standardised: their raw scores are used, and that is said.  An applicant's
  criterion is the mean over their interviewers; the score is the weighted mean of the criteria (``weights``).
* **Places.**  Department by department, in the office's order, the applicants whose 第一志愿 it is are admitted by
  score up to its quota; then the 第二志愿 for the places left; then, for those who accept it (服从调剂), the places
  still left anywhere (a 调剂: the department with most places left).  Scores are compared as shown (two decimals).
* **Ties are never broken silently.**  Applicants tied at the edge of a quota are all held 并列待定 with the places
  they share; the office decides (a 录用决定 of 录用 wins a tie, 不录用 takes the applicant out anywhere) and runs it
  again.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold

MIN_FOR_Z = 3  # an interviewer's scores of fewer applicants than this are not standardised


@dataclass
class IntakeResult:
    applicants: list[dict]  # every applicant, best first: scores, rank, result
    departments: list[dict]  # per department: quota, admitted, tied, places left
    interviewers: list[dict]  # per interviewer: applicants scored, mean, spread, offset from the panel
    criteria: list[str]
    weights: dict[str, float]
    standardised: bool
    problems: list[Problem] = field(default_factory=list)

    @property
    def admitted(self) -> list[dict]:
        return [a for a in self.applicants if a["status"] == "录用"]

    @property
    def tied(self) -> list[dict]:
        return [a for a in self.applicants if a["status"] == "并列待定"]

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per applicant (README: 纳新)."""
        how = {"第一志愿": "first", "第二志愿": "second", "调剂": "adjusted"}
        status = {"录用": "admitted", "并列待定": "tied", "未录用": "not-admitted", "未面试": "not-interviewed",
                  "不录用": "declined", "待核实": "to-check"}
        return [{"id": a["id"], "name": a["name"], "class": a["class_name"], "first_choice": a["first"],
                 "second_choice": a["second"], "accepts_adjustment": a["adjust"], "interviews": a["interviews"],
                 "criteria": {c: _r(a["criteria"].get(c)) for c in self.criteria}, "score": _r(a["score"]),
                 "rank": a["rank"], "admitted_to": a["admitted_to"], "admitted_by": how.get(a["how"]),
                 "status": status[a["status"]], "tied_for": a["tied_for"], "depends_on_tie": a["depends_on"]}
                for a in self.applicants]


def _r(x):
    return None if x is None else round(x, 2)


def score_intake(applicants, interviews, criteria: list[str], weights: dict[str, float], quotas: dict[str, int],
                 departments, full: float = 100.0, standardise: bool = True) -> IntakeResult:
    """``applicants``, ``interviews``: the read tables (their field names: see :mod:`.schema`)."""
    problems: list[Problem] = []
    known = {fold(d): d for d in list(departments) + [d for d in quotas if d not in departments]}
    people = _applicants(applicants, known, quotas, problems)
    scores = _scores(interviews, people, criteria, full, problems)
    panel = {c: [x for (_, _, cc), x in scores.items() if cc == c] for c in criteria}
    by_interviewer: dict[str, dict[str, list[float]]] = {}
    for (who, _, c), x in scores.items():
        by_interviewer.setdefault(who, {}).setdefault(c, []).append(x)
    # the panel's scale: each criterion's mean over every score, and the spread within an interviewer's scores (the
    # spread between interviewers — one strict, one lenient — is what standardising takes out)
    pooled = {}
    for c, v in panel.items():
        within = [statistics.pstdev(per[c]) for per in by_interviewer.values() if len(per.get(c, ())) >= MIN_FOR_Z]
        pooled[c] = (statistics.fmean(v) if v else 0.0, statistics.fmean(within) if within else 0.0)
    interviewers = []
    raw_only = set()
    for who, per in by_interviewer.items():
        n = len({a for (w, a, _) in scores if w == who})
        allx = [x for v in per.values() for x in v]
        mean_all = statistics.fmean(allx)
        panel_mean = statistics.fmean([x for v in panel.values() for x in v])
        interviewers.append({"name": who, "applicants": n, "mean": mean_all, "spread": statistics.pstdev(allx),
                             "offset": mean_all - panel_mean, "standardised": standardise and n >= MIN_FOR_Z})
        if standardise and n < MIN_FOR_Z:
            raw_only.add(who)
            problems.append(Problem("intake-too-few-to-standardise", WARNING, interviews.file, interviews.sheet,
                                    value=who, params={"count": n, "min": MIN_FOR_Z}))
    per_applicant: dict[str, dict[str, list[float]]] = {}
    for (who, key, c), x in scores.items():
        if standardise and who not in raw_only:
            mine = by_interviewer[who][c]
            m, sd = statistics.fmean(mine), statistics.pstdev(mine)
            z = (x - m) / sd if sd > 0 else 0.0
            x = pooled[c][0] + z * pooled[c][1]
        per_applicant.setdefault(key, {}).setdefault(c, []).append(x)
    total_w = sum(weights.get(c, 0) for c in criteria)
    for key, a in people.items():
        got = per_applicant.get(key)
        a["interviews"] = len({w for (w, k, _) in scores if k == key})
        if not got:
            continue
        a["criteria"] = {c: statistics.fmean(v) for c, v in got.items()}
        have = [c for c in criteria if c in a["criteria"]]
        w = sum(weights.get(c, 0) for c in have)
        if w > 0:
            a["score"] = sum(weights.get(c, 0) * a["criteria"][c] for c in have) / w
        if w < total_w:  # a criterion nobody scored for this applicant: the others carry it, and that is said
            problems.append(Problem("intake-criterion-missing", WARNING, interviews.file, interviews.sheet,
                                    value=a["name"], params={"criteria": "、".join(c for c in criteria if c not in have)}))
    ranked = sorted(people.values(), key=lambda a: (a["score"] is None, -(round(a["score"], 2) if a["score"] is not
                                                                          None else 0), a["id"]))
    for pos, a in enumerate(ranked):  # competition ranking on the shown score: 1, 2, 2, 4
        if a["score"] is None:
            a["status"] = "待核实" if a["ambiguous"] else "未面试"
            continue
        prev = ranked[pos - 1] if pos else None
        a["rank"] = prev["rank"] if prev and prev["score"] is not None and round(prev["score"], 2) == \
            round(a["score"], 2) else pos + 1
    deps = _allocate(ranked, quotas, known)
    for d in deps:
        if d["tied"] and sum(a["decision"] == "录用" for a in d["tied"]) > d["tied_places"]:
            problems.append(Problem("intake-decision-too-many", ERROR, applicants.file, applicants.sheet,
                                    value=d["department"], params={"places": d["tied_places"], "names": "、".join(
                                        a["name"] for a in d["tied"] if a["decision"] == "录用")}))
    _depending(ranked)
    return IntakeResult(ranked, deps, sorted(interviewers, key=lambda x: x["offset"]), list(criteria), dict(weights),
                        standardise, problems)


def _applicants(table, known, quotas, problems) -> dict[str, dict]:
    """学号 → applicant.  A 学号 twice (a form submitted again): the later submission stands, and that is said."""
    out: dict[str, dict] = {}
    rows: dict[str, int] = {}
    for i, r in enumerate(table.data.to_dict("records")):
        key = r.get("id")
        if not key or not r.get("name"):
            continue  # the reader says what is missing
        choices = []
        typed: dict[str, str] = {}
        for f in ("first", "second"):
            v = (r.get(f) or "").strip()
            if not v:
                choices.append(None)
                continue
            dep = known.get(fold(v))
            if dep is None:  # a place lost by a typo: an error, the nearest department suggested
                import difflib

                near = difflib.get_close_matches(fold(v), list(known), n=1, cutoff=0.6)
                problems.append(table.problem("intake-unknown-department-near" if near else
                                              "intake-unknown-department", i, f, v, ERROR,
                                              known="、".join(known.values()),
                                              **({"near": known[near[0]]} if near else {})))
                typed[f] = v
            elif dep not in quotas:
                problems.append(table.problem("intake-no-quota", i, f, dep, WARNING))
            choices.append(dep)
        if key in out:
            problems.append(table.problem("intake-applied-twice", i, "id", key, WARNING,
                                          other=table.cell(rows[key], "id")))
        rows[key] = i
        out[key] = {"i": i, "row": int(table.data["_row"].iat[i]) + 1, "file": table.file, "sheet": table.sheet,
                    "cell": table.cell(i, "name"), "id": key, "name": r["name"], "gender": r.get("gender"),
                    "class_name": r.get("class_name"), "phone": r.get("phone"), "first": choices[0],
                    "second": choices[1] if choices[1] != choices[0] else None, "adjust": r.get("adjust") == "是",
                    "decision": r.get("decision"), "intro": r.get("intro"), "interviews": 0, "criteria": {},
                    "score": None, "rank": None, "status": "未录用", "admitted_to": None, "how": None,
                    "tied_for": None, "typed": typed, "ambiguous": False, "depends_on": None}
    return out


def _scores(table, people, criteria, full, problems) -> dict[tuple[str, str, str], float]:
    """(interviewer, 学号, criterion) → the score.  An applicant named who did not apply, or a name two applicants
    share with no 学号 to tell them apart, is an error (the row is not counted); a score outside 0 … full is an
    error at its cell; the same interviewer scoring an applicant twice: the first row stands."""
    by_name: dict[str, list[str]] = {}
    for key, a in people.items():
        by_name.setdefault(fold(a["name"]), []).append(key)
    out: dict[tuple[str, str, str], float] = {}
    seen: dict[tuple[str, str], int] = {}
    for i, r in enumerate(table.data.to_dict("records")):
        who, name, sid = r.get("interviewer"), r.get("applicant"), r.get("id")
        if not who or not (name or sid):
            continue
        if sid:
            key = sid if sid in people else None
            if key is None:
                problems.append(table.problem("intake-not-an-applicant", i, "id", sid, ERROR))
                continue
            if name and fold(name) != fold(people[key]["name"]):
                problems.append(table.problem("intake-name-differs", i, "applicant", name, ERROR,
                                              name=people[key]["name"], id=key))
                continue
        else:
            keys = by_name.get(fold(name), [])
            if not keys:
                problems.append(table.problem("intake-not-an-applicant", i, "applicant", name, ERROR))
                continue
            if len(keys) > 1:
                problems.append(table.problem("intake-same-name", i, "applicant", name, ERROR, ids="、".join(keys)))
                for k in keys:  # interviewed, but whose scores these are is not known: 待核实, never 未面试
                    people[k]["ambiguous"] = True
                continue
            key = keys[0]
        if (fold(who), key) in seen:
            problems.append(table.problem("intake-scored-twice", i, "interviewer", who, ERROR,
                                          other=table.cell(seen[(fold(who), key)], "interviewer")))
            continue
        seen[(fold(who), key)] = i
        for k, c in enumerate(criteria):
            x = r.get(f"c{k}")
            if x is None:
                continue
            if not 0 <= x <= full:
                problems.append(table.problem("intake-score-out-of-range", i, f"c{k}", x, ERROR, full=f"{full:g}"))
                continue
            out[(who, key, c)] = float(x)
    return out


def _depending(ranked: list[dict]) -> None:
    """A place given by a 第二志愿 or a 调剂 after a tie was held may go otherwise once the office settles it (the one
    not chosen goes on to their second choice or to 调剂): marked as depending on the tie."""
    tied = [a for a in ranked if a["status"] == "并列待定"]
    if not tied:
        return
    reach = {a["second"] for a in tied if a["second"]}
    anywhere = any(a["adjust"] for a in tied)
    names = "、".join(a["name"] for a in tied)
    for a in ranked:
        if a["status"] == "录用" and a["how"] in ("第二志愿", "调剂") and (anywhere or a["admitted_to"] in reach):
            a["depends_on"] = names


def _allocate(ranked: list[dict], quotas: dict[str, int], known) -> list[dict]:
    """Places by 第一志愿, then 第二志愿, then 调剂 — ties at a quota's edge held for the office's decision."""
    seats = dict(quotas)
    deps = {d: {"department": d, "quota": q, "admitted": [], "tied": [], "tied_places": 0} for d, q in quotas.items()}
    for a in ranked:
        if a["decision"] == "不录用":
            a["status"] = "不录用"

    def open_(a):
        return a["score"] is not None and a["status"] == "未录用"

    def fill(dep: str, cands: list[dict], how: str) -> None:
        n = seats.get(dep, 0)
        if n <= 0 or not cands:
            return
        groups: list[list[dict]] = []
        for a in cands:  # by shown score, best first
            if groups and round(groups[-1][0]["score"], 2) == round(a["score"], 2):
                groups[-1].append(a)
            else:
                groups.append([a])
        for g in groups:
            if n <= 0:
                break
            if len(g) <= n:
                for a in g:
                    admit(a, dep, how)
                n -= len(g)
                continue
            chosen = [a for a in g if a["decision"] == "录用"]  # the office's decision of the tie
            if len(chosen) <= n:
                for a in chosen:
                    admit(a, dep, how)
                n -= len(chosen)
                rest = [a for a in g if a not in chosen]
                if n > 0 and rest:
                    for a in rest:
                        a["status"], a["tied_for"] = "并列待定", dep
                    deps[dep]["tied"] += rest
                    deps[dep]["tied_places"] += n
                    n = 0
            else:  # more chosen than places: still the office's to settle
                for a in g:
                    a["status"], a["tied_for"] = "并列待定", dep
                deps[dep]["tied"] += g
                deps[dep]["tied_places"] += n
                n = 0
            break
        seats[dep] = n

    def admit(a, dep, how):
        a["status"], a["admitted_to"], a["how"] = "录用", dep, how
        deps[dep]["admitted"].append(a)

    for choice, how in (("first", "第一志愿"), ("second", "第二志愿")):
        for dep in quotas:
            fill(dep, [a for a in ranked if open_(a) and a[choice] == dep], how)
    pool = [a for a in ranked if open_(a) and a["adjust"]]
    left = sum(max(0, n) for n in seats.values())
    if pool and left:  # 调剂: the best of those who accept it, to the places left anywhere
        taken: list[dict] = []
        groups: list[list[dict]] = []
        for a in pool:
            if groups and round(groups[-1][0]["score"], 2) == round(a["score"], 2):
                groups[-1].append(a)
            else:
                groups.append([a])
        for g in groups:
            if left <= 0:
                break
            if len(g) <= left:
                taken += g
                left -= len(g)
            else:
                for a in g:
                    a["status"], a["tied_for"] = "并列待定", "调剂"
                break
        for a in taken:
            dep = max(seats, key=lambda d: (seats[d], -list(quotas).index(d)))
            admit(a, dep, "调剂")
            seats[dep] -= 1
    for d in deps.values():
        d["left"] = seats.get(d["department"], 0)
    return list(deps.values())


__all__ = ["IntakeResult", "MIN_FOR_Z", "score_intake"]
