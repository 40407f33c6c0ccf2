"""绩效考核 job: indicators from raters and from the attendance and plans jobs of the same period."""

from __future__ import annotations

from ..errors import WARNING, Problem, SectoolsError
from .core import Choice, JobResult, as_source, config_checked, report_path, write_sheets


def pick_period(ratings, period: str | None, semester, needs_ratings: bool = True) -> tuple[str, Choice | None]:
    """The period asked for, else the latest month with ratings (a semester only when no month has
    any) — by the periods' dates, never by comparing their text."""
    from ..kpi import is_semester, period_range
    from ..normalize import fold

    seen = []
    for p in dict.fromkeys(str(x).strip() for x in ratings.data["period"].tolist() if x):
        try:
            label, start, end = period_range(p, semester)
        except SectoolsError:
            continue
        seen.append((not is_semester(p), end, start, label))
    if period and not needs_ratings and not seen:  # indicators computed from data only: any period will do
        return str(period).strip(), None
    if not seen:
        raise SectoolsError(Problem("no-ratings", file=ratings.file, sheet=ratings.sheet))
    labels = list(dict.fromkeys(x[3] for x in sorted(seen, reverse=True)))
    if not period:
        label = max(seen)[3]
        return label, Choice("period", label, "period-latest", {})
    wanted = str(period).strip()
    words = {fold(w): 0 for w in ("学期", "本学期", "semester", "this semester")}
    words.update({fold(w): 1 for w in ("上学期", "上个学期", "last semester", "previous semester")})
    if fold(wanted) in words:  # the word: the latest semester the ratings name, or the one before it
        names = list(dict.fromkeys(x[3] for x in sorted(seen, reverse=True) if not x[0]))
        back = words[fold(wanted)]
        if len(names) > back:
            return names[back], Choice("period", names[back], "period-semester", {"word": wanted}, typed=True)
        if not needs_ratings and not back:
            return wanted, None
    else:
        label = period_range(wanted, semester)[0]
        hit = next((x for x in labels if fold(x) == fold(label)), None)
        if hit:
            return hit, None
        if not needs_ratings:
            return label, None
    raise SectoolsError(Problem("no-ratings-for-period", file=ratings.file, sheet=ratings.sheet, value=wanted,
                                params={"periods": "、".join(labels)}))


def kpi(source, period: str | None = None, target: str = "member", *, computed: bool | None = None,
        out=None) -> JobResult:
    """Weighted totals, grades with the 优秀 quota, ranks and bonus for a period's members or departments.

    ``computed``: compute 出勤率 / 计划 indicators from the office's attendance and plans (default: when
    the source can read them); otherwise they are reported as unavailable."""
    from ..kpi import computed_values, evaluate, months_between, plan_rates, rules_from_config
    from ..kpi.output import result_sheets
    from ..plans import expected_departments

    src = as_source(source)
    rules, cfg = rules_from_config(src.office.section("kpi"))
    config_checked(cfg)
    ind_t, rat_t = src.read_required("indicators", "ratings", rows=False)
    if len(ind_t) == 0:
        src.read_required("indicators")  # refuses, naming the file
    want = "部门" if target == "department" else "成员"
    needs_ratings = any((t or "成员") == want and (s or "手工评分") == "手工评分"
                        for t, s in zip(ind_t.data["target"].tolist(), ind_t.data["source"].tolist()))
    if len(rat_t) == 0 and needs_ratings:
        raise SectoolsError(Problem("no-ratings", file=rat_t.file, sheet=rat_t.sheet))
    roster = src.read_required("roster")[0].data if target != "department" else None  # no roster: no one to appraise
    label, choice = pick_period(rat_t, period, src.office.semester, needs_ratings)
    past = None
    if roster is not None:  # a past semester's month: its members, as the 档案 sealed them
        from ..kpi import period_range
        from .archived import roster_for

        try:
            past = roster_for(src, *period_range(label, src.office.semester)[1:])
        except SectoolsError:
            past = None
        if past is not None:
            roster = past[0].data
    if computed is None:
        computed = src.kind != "book" or getattr(src, "folder_source", None) is not None

    def compute_sources(indicators, targets, start, end, who, problems):
        wanted = {i["source"] for i in indicators}
        att = rates = None
        if wanted & {"出勤率", "活动次数"}:
            from .meetings import attendance

            try:
                att = attendance(src, date_from=start, date_to=end, out=False).result
            except SectoolsError as e:
                problems.extend(e.problems)
            else:
                gone = [m for m in att.left_out if m["reason"] == "no-signins"]
                if gone:  # the 出勤 indicator stands on incomplete attendance: said, and no notice from it
                    problems.append(Problem("kpi-partial-attendance", WARNING, params={
                        "count": len(gone), "meetings": "、".join(f"{m['date']} {m['meeting']}" for m in gone[:5])}))
        if wanted & {"计划按时率", "计划完成率"}:
            from .plans import collected

            rates = plan_rates([collected(src, m, k) for m in months_between(start, end) for k in ("plan", "summary")])
        tasks = None
        if "督办完成率" in wanted:
            from .supervision import task_rates

            try:
                tasks, found = task_rates(src, start, end)
            except SectoolsError as e:
                problems.extend(e.problems)
            else:
                problems.extend(p for p in found if p.severity == "error")
        return computed_values(indicators, targets, who, att, rates, departments, tasks)

    departments = expected_departments(src.office.section("plans").get("departments"), src.office.departments)
    res = evaluate(ind_t, rat_t, roster, label, src.office.semester, rules, target, departments,
                   compute_sources if computed else None)
    for t in res.trace:
        t["source"] = src.ref(t["file"], t["sheet"], t["cell"]) if t.get("file") else None
    job = JobResult("kpi", res, list(res.problems), ([choice] if choice else []) + ([past[1]] if past else []))
    top = next((r for r in res.rows if r["rank_overall"] == 1), None)
    job.facts = {"period": res.period, "people": len(res.rows), "top": top}
    job.sheets = result_sheets(res, src.office.name)
    name = f"绩效考核_{res.period}{'_部门' if target == 'department' else ''}"
    write_sheets(src, report_path(src, out, name), job.sheets, job)
    return job


