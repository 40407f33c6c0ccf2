"""办公用品 job: the year's purchases against the budget, stock on hand, 领用 per department per month, the 报销汇总 —
the workbook; the 报销汇总表's figures."""

from __future__ import annotations

import datetime as dt

from ..errors import Problem, SectoolsError
from .core import Choice, JobResult, as_source, kept_table, report_path, write_sheets


def supplies(source, year: str | None = None, *, whole: bool = False, today: dt.date | None = None,
             out=None) -> JobResult:
    """办公用品 for budget ``year`` (2026, 2026年度, 2025-2026学年; default: the budget year the office's semester
    begins in, else today's).  ``whole``: every year's findings (check).  ``out``: the workbook (None:
    输出/办公用品_2026年度.xlsx)."""
    from ..settings import validate_section
    from ..supplies import budget_years, check_supplies, parse_year
    from ..supplies.output import supplies_sheets

    src = as_source(source)
    (purchases,) = src.read_required("purchases", rows=False)
    if purchases.header_row is not None and "amount" not in purchases.columns and "price" not in purchases.columns:
        # else no purchase would cost anything: the budget all unspent
        raise SectoolsError(Problem("supplies-no-cost-column", file=purchases.file, sheet=purchases.sheet))
    budget = kept_table(src, "budget")
    issues = kept_table(src, "issues_out")
    rules, bad = validate_section("supplies", src.office.section("supplies"))
    choices = []
    if year:
        y = parse_year(year)
        if y is None:
            raise SectoolsError(Problem("supplies-bad-year-option", value=year))
    else:
        y, why = _default_year(budget, src.office.semester_start, today or dt.date.today())
        choices.append(Choice("year", y.label, why, {"start": y.start.isoformat(), "end": y.end.isoformat()}))
    years = [y] if not whole else (budget_years(budget) or [y])
    job = None
    for each in years if whole else [y]:
        res = check_supplies(budget, purchases, issues, each, rules["warn_at"], src.office.departments,
                             today or dt.date.today())
        if job is None:
            own = [p for p in purchases.problems]
            own += [p for t in (budget, issues) if t is not None for p in t.problems]
            job = JobResult("supplies", res, bad + [p for p in own if whole or res.of_year(p)] + res.problems,
                            choices)
        else:
            job.problems += [p for p in res.problems if p not in job.problems]
    if whole:  # a line outside every budget year is checked too
        job.problems += [p for p in res.every if p not in job.problems]
    res = job.result
    if whole:
        pass  # check: every line's findings; an empty year is no finding
    elif budget is None or not any(x["budget"] is not None for x in res.budget):
        job.problems.append(Problem("supplies-no-budget", "warning", budget.file if budget else None,
                                    budget.sheet if budget else None, value=res.year.label))
    if not whole and not res.purchases and not res.issues:
        job.problems.append(Problem("supplies-year-empty", "warning", purchases.file, purchases.sheet,
                                    value=res.year.label, params={"start": res.year.start.isoformat(),
                                                                  "end": res.year.end.isoformat()}))
    from ..money import shown, yuan

    job.facts = {"year": res.year.label, "purchases": len(res.purchases), "issues": len(res.issues),
                 "budget": yuan(res.budgeted), "spent": yuan(res.spent), "claims": len(res.claims),
                 "claimed": yuan(res.claimed), "budget_shown": shown(res.budgeted), "spent_shown": shown(res.spent),
                 "claimed_shown": shown(res.claimed), "items": len(res.stock),
                 "warned": sum(x["level"] in ("预警", "超支") for x in res.budget)}
    job.sheets = supplies_sheets(res, src.office.name, src.ref, job.problems)
    write_sheets(src, report_path(src, out, f"办公用品_{res.year.label}"), job.sheets, job)
    return job


def _default_year(budget, semester_start: dt.date | None, today: dt.date):
    """The budget year the office's semester begins in (a school-year budget when the budget is kept so), else
    today's."""
    from ..supplies import Year, budget_years

    day = semester_start or today
    for y in reversed(budget_years(budget)):
        if y.holds(day):
            return y, "supplies-year-semester" if semester_start else "supplies-year-today"
    return Year(f"{day.year}年度", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)), \
        "supplies-year-semester" if semester_start else "supplies-year-today"


def checked_claims(source, year: str | None = None, force: bool = False, until: dt.date | None = None) -> JobResult:
    """The purchases for a 报销汇总表 (those dated up to ``until``, default today): refused while a line to be claimed
    has an error (an amount that is not 数量 × 单价, no approval …) unless ``force`` — the finance office pays what
    the form says; refused when nothing is left to claim."""
    job = supplies(source, year, out=False, today=until)
    res = job.result
    last = until or dt.date.today()
    res.claims = [x for x in res.claims if x["date"] and x["date"] <= last]
    if not res.claims:
        raise SectoolsError(Problem("supplies-nothing-to-claim", value=res.year.label))
    rows = {x["row"] for x in res.claims}
    errors = [p for p in job.errors if (p.file, p.sheet) == (res.claims[0]["file"], res.claims[0]["sheet"])
              and p.row in rows]
    if errors and not force:
        first = errors[0]
        raise SectoolsError(Problem("supplies-claims-have-errors", params={
            "count": len(errors), "first": f"{first.location()} {first.code}".strip()}))
    job.facts["forced_errors"] = len(errors) if force else 0
    return job
