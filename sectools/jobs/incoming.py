"""收文登记 job: the register read, each document's state worked out in working days, the 收文办理 workbook;
the documents a 文书处理单 is printed for, and the overdue ones each department is chased for."""

from __future__ import annotations

import datetime as dt

from ..errors import Problem, SectoolsError
from .core import Choice, JobResult, as_source, config_checked, report_path, write_sheets


def documents(source, *, today: dt.date | None = None, out=None) -> JobResult:
    """Every incoming document: 办件 by their due dates (逾期 first, then 临期), 阅件 by who has not read them;
    per department; a suggested 收文编号 for each without one.  ``out``: the workbook (None: 输出/收文办理.xlsx)."""
    from ..documents import check_incoming, rules_from_config
    from ..documents.output import document_sheets
    from .ranking import workdays

    src = as_source(source)
    rules, cfg = rules_from_config(src.office.section("documents"))
    config_checked(cfg)
    (table,) = src.read_required("incoming")
    kinds = set(table.data["kind"].tolist())
    gone = (table.missing("due", "result") if "办件" in kinds else []) + \
        (table.missing("circulation") if "阅件" in kinds else [])  # else every 办件 overdue, every 阅件 unread
    if gone:
        raise SectoolsError(gone)
    today = today or dt.date.today()
    days = workdays(src)
    res = check_incoming(table, rules, days, today, src.office.departments, src.office.semester)
    job = JobResult("documents", res, list(table.problems) + res.problems)
    if days.fallback_years:  # no holiday data for a year: Monday–Friday, said
        job.problems.append(Problem("calendar-fallback", "warning",
                                    value="、".join(map(str, sorted(days.fallback_years)))))
    status = [d["status"] for d in res.docs]
    job.facts = {"docs": len(res.docs), "overdue": status.count("逾期"), "soon": status.count("临期"),
                 "open": status.count("办理中"), "reading": status.count("传阅中") + status.count("未分发"),
                 "done": status.count("已办结") + status.count("逾期办结") + status.count("已阅毕"),
                 "late": status.count("逾期办结"), "unverified": status.count("待核实")}
    job.sheets = document_sheets(res, src.office.name, src.ref)
    write_sheets(src, report_path(src, out, "收文办理"), job.sheets, job)
    return job


def checked_documents(source, today: dt.date | None = None, force: bool = False):
    """The register's states for a reminder or a form: refused while the register has errors (a number used twice,
    a date that cannot be read …) unless ``force`` — a notice made from them may name the wrong document."""
    job = documents(source, today=today, out=False)
    if job.errors and not force:
        first = job.errors[0]
        raise SectoolsError(Problem("documents-have-errors", params={
            "count": len(job.errors), "first": f"{first.location()} {first.code}".strip()}))
    return job


def document_form_docs(source, numbers: list[str] | None = None, rows: list[int] | None = None, *,
                       today: dt.date | None = None, force: bool = False) -> tuple[list[dict], Choice | None]:
    """The documents a 文书处理单 is printed for: those asked for (``numbers``: a 收文编号 or just its sequence
    number, the latest year's; ``rows``: rows of the register), else every document not yet given a 拟办意见 or
    a 领导批示 and not finished (just received)."""
    from ..documents import rules_from_config
    from ..normalize import fold

    src = as_source(source)
    pattern = rules_from_config(src.office.section("documents"))[0].number_pattern()
    job = checked_documents(src, today, force)
    docs = job.result.docs

    def sequence(d: dict) -> int | None:
        m = pattern.fullmatch(d["number"] or d["suggested"] or "")
        return int(m.group("n")) if m else None

    if numbers or rows:
        picked, missing = [], []
        latest = sorted(docs, key=lambda d: (d["received"] or dt.date.min, d["row"]), reverse=True)
        for want in numbers or ():
            w = fold(str(want))
            hit = [d for d in latest if w in (fold(d["number"] or ""), fold(d["suggested"] or ""))] or \
                [d for d in latest if w.isdigit() and sequence(d) == int(w)]
            years = {d["received"].year for d in hit if d["received"]}
            same_year = [d for d in hit if d["received"] and d["received"].year == max(years)] if years else hit
            if len(same_year) > 1:  # the same number on two documents: which one is not guessed
                t = src.read("incoming")
                raise SectoolsError(Problem("incoming-number-ambiguous", file=t.file, sheet=t.sheet, value=str(want),
                                            params={"count": len(same_year),
                                                    "rows": "、".join(str(d["row"]) for d in same_year)}))
            (picked.append(hit[0]) if hit else missing.append(str(want)))
        for r in rows or ():
            hit = [d for d in docs if d["row"] == r]
            (picked.append(hit[0]) if hit else missing.append(f"#{r}"))
        picked = list({id(d): d for d in picked}.values())  # a document asked for twice is one form
        if missing:
            t = src.read("incoming")
            raise SectoolsError(Problem("incoming-not-found", file=t.file, sheet=t.sheet, value="、".join(missing)))
        return picked, None
    done = ("已办结", "逾期办结", "已阅毕")
    fresh = sorted((d for d in docs if not (d["proposal"] or d["instruction"]) and d["status"] not in done),
                   key=lambda d: (d["received"] or dt.date.min, d["row"]))
    if not fresh:
        t = src.read("incoming")
        raise SectoolsError(Problem("incoming-nothing-new", file=t.file, sheet=t.sheet))
    return fresh, Choice("documents", str(len(fresh)), "incoming-forms-new", {"count": len(fresh)})
