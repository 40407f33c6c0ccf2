"""爱心基金 job: the ledger read, the running balance in exact yuan, a semester's 收支 — the workbook; the 收支公示's
figures."""

from __future__ import annotations

from ..errors import Problem, SectoolsError
from .core import Choice, JobResult, as_source, report_path, write_sheets


def fund(source, semester: str | None = None, *, whole: bool = False, out=None) -> JobResult:
    """The fund's ledger for ``semester`` (2026春, 2026秋, 本学期; default: the office's semester, else every line):
    each line with its balance (an overdraft, a payment without approval or voucher said at its cell), income by
    source, spending by purpose.  ``whole``: every line of the ledger, whatever the semester (check).  ``out``: the
    workbook (None: 输出/爱心基金_2026年春季学期.xlsx)."""
    from ..fund import check_ledger, semester_range
    from ..fund.output import fund_sheets

    src = as_source(source)
    (table,) = src.read_required("fund")
    gone = table.missing("income", "expense")  # else every line would read as no money at all
    if gone:
        raise SectoolsError(gone)
    period = None if whole else semester_range(semester, src.office.semester)
    if semester and period is None:
        raise SectoolsError(Problem("fund-bad-semester", value=semester))
    choices = [Choice("semester", period[0], "fund-semester-default", {"start": period[1].isoformat(),
                                                                      "end": period[2].isoformat()})] \
        if period and not semester else []
    res = check_ledger(table, period)
    rows = {x["row"] for x in res.lines}
    own = [p for p in table.problems if p.row is None or p.row in rows]
    if "beneficiary" not in table.columns and any(x["category"] == "资助" for x in res.lines):
        own += table.missing("beneficiary", severity="warning")  # said once, at the header
    own += _other_sheets(src, table)
    job = JobResult("fund", res, own + res.problems, choices)
    if period and not res.lines:
        job.problems.append(Problem("fund-period-empty", "warning", table.file, table.sheet, value=period[0],
                                    params={"start": period[1].isoformat(), "end": period[2].isoformat()}))
    from ..money import yuan

    from ..money import shown

    job.facts = {"period": res.label or "", "lines": len(res.lines),
                 "left_out": sum(not x["counted"] and not x["carried_again"] for x in res.lines),
                 "opening": yuan(res.opening), "income": yuan(res.income), "expense": yuan(res.expense),
                 "closing": yuan(res.closing), "opening_shown": shown(res.opening), "income_shown": shown(res.income),
                 "expense_shown": shown(res.expense), "closing_shown": shown(res.closing)}
    job.sheets = fund_sheets(res, src.office.name, src.ref, job.problems)
    write_sheets(src, report_path(src, out, "爱心基金" + (f"_{res.label}" if res.label else "")), job.sheets, job)
    return job


def checked_fund(source, semester: str | None = None, force: bool = False) -> JobResult:
    """The ledger for a 收支公示: refused while it has errors up to the semester's end (an overdraft, a payment without
    approval, an amount that cannot be read … — in an earlier semester too: the opening balance stands on them)
    unless ``force`` — a published 公示 with a wrong figure is worse than a late one; and refused when the semester
    has no line at all (a 公示 of nothing is no 公示)."""
    job = fund(source, semester, out=False)
    res = job.result
    if not res.lines:
        raise SectoolsError(Problem("fund-nothing-to-publish", value=res.label or ""))
    whole = fund(source, whole=True, out=False)
    end = res.end
    errors = [p for p in whole.errors if end is None or _line_date(whole.result, p) is None
              or _line_date(whole.result, p) <= end]
    if errors and not force:
        first = errors[0]
        raise SectoolsError(Problem("fund-has-errors", params={
            "count": len(errors), "first": f"{first.location()} {first.code}".strip()}))
    job.facts["forced_errors"] = len(errors) if force else 0
    return job


def _line_date(res, p: Problem):
    row = p.row
    hit = next((x for x in res.lines if x["row"] == row), None)
    return hit["date"] if hit else None


def _other_sheets(src, table) -> list[Problem]:
    """Other sheets of the ledger's workbook that are ledgers too (a sheet a semester, as some offices keep it):
    only one is read — said, naming them, never silently left out."""
    from ..reader.table import read_table_from
    from ..tables import RIVALS

    if src.office.table("fund").sheet and src.office.table("fund").sheet != table.spec.default_sheet \
            or table.sheet is None:
        return []
    others = []
    try:
        for wb, _ in src.workbooks("fund"):
            with wb:
                for name in getattr(wb, "sheet_names", []):
                    if name == table.sheet:
                        continue
                    t = read_table_from(wb, table.spec, sheet=name, rivals=RIVALS)
                    if t.header_row is not None and len(t) and ("income" in t.columns or "expense" in t.columns):
                        others.append(name)
            break
    except Exception:  # noqa: BLE001 - an extra look only: the ledger itself was read
        return []
    if not others:
        return []
    return [Problem("fund-other-sheets", "warning", table.file, table.sheet, value="、".join(others))]
