"""用印登记 job: the register read, every use checked, the 用印统计 workbook written; and the uses a
用印审批单 is printed for."""

from __future__ import annotations

import datetime as dt

from ..errors import Problem, SectoolsError
from .core import Choice, JobResult, as_source, config_checked, report_path, write_sheets


def seals(source, month: tuple[int, int] | None = None, *, today: dt.date | None = None, out=None) -> JobResult:
    """Every use of the office's seals (of ``month``, when given) against the 印章管理制度: who approved,
    when, which seal in what state; violations first.  ``out``: the workbook (None: 输出/用印统计.xlsx)."""
    from ..seals import check_uses, rules_from_config
    from ..seals.output import seal_sheets

    src = as_source(source)
    rules, cfg = rules_from_config(src.office.section("seals"))
    config_checked(cfg)
    seals_t, uses_t = src.read_required("seals", "seal_uses")
    gone = uses_t.missing("approver", "approved_on")  # without them every use would read as never approved
    if gone:
        raise SectoolsError(gone)
    roster = src.read_optional("roster")
    today = today or dt.date.today()
    res = check_uses(uses_t, seals_t, roster.data if roster is not None and roster.header_row is not None else None,
                     rules, today, month)
    own = list(seals_t.problems) + _of_rows(uses_t.problems, {u["row"] for u in res.uses} if month else None)
    own += uses_t.missing("involves", severity="warning")  # each use then taken as 否, a contract-like one 待核实
    job = JobResult("seals", res, own + res.problems)
    if month and not res.uses:
        job.problems.append(Problem("seal-month-empty", value=f"{month[0]}-{month[1]:02d}", file=uses_t.file,
                                    sheet=uses_t.sheet, severity="warning"))
    counts = {s: sum(u["status"] == s for u in res.uses) for s in ("violation", "unverified", "pending", "ok")}
    job.facts = {"uses": len(res.uses), **counts, "month": month}
    job.sheets = seal_sheets(res, src.office.name, src.ref, job.problems)
    name = "用印统计" + (f"_{month[0]}-{month[1]:02d}" if month else "")
    write_sheets(src, report_path(src, out, name), job.sheets, job)
    return job


def _of_rows(problems: list[Problem], rows: set[int] | None) -> list[Problem]:
    """The register's own problems on ``rows`` (a month's uses), and those of no row; all when ``rows`` is None."""
    if rows is None:
        return list(problems)
    return [p for p in problems if p.row is None or p.row in rows]


def seal_form_uses(source, rows: list[int] | None = None, *, today: dt.date | None = None) -> tuple[list[dict], Choice | None]:
    """The uses a 用印审批单 is printed for: the register rows asked for (``rows``: Excel row numbers), else
    every use still without an approver (the form goes to the approver before the stamp)."""
    job = seals(source, today=today, out=False)
    uses = job.result.uses
    if rows:
        rows = list(dict.fromkeys(rows))  # a row asked for twice is one form
        by_row = {u["row"]: u for u in uses}
        missing = [r for r in rows if r not in by_row]
        if missing:
            t = as_source(source).read("seal_uses")
            known = sorted(u["row"] for u in uses)
            raise SectoolsError(Problem("seal-row-not-found", file=t.file, sheet=t.sheet,
                                        value="、".join(map(str, missing)),
                                        params={"rows": "、".join(map(str, known[:12])) + ("……" if len(known) > 12 else "")}))
        return [by_row[r] for r in rows], None
    pending = sorted((u for u in uses if not u["approver"]), key=lambda u: (u["date"], u["row"]))
    if not pending:
        t = as_source(source).read("seal_uses")
        raise SectoolsError(Problem("seal-nothing-pending", file=t.file, sheet=t.sheet))
    return pending, Choice("uses", str(len(pending)), "seal-forms-pending", {"count": len(pending)})
