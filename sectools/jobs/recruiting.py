"""纳新 job: applicants and interview scores to the admission list — the workbook; the 录用名单公示, the 录用通知 and the
new roster's figures."""

from __future__ import annotations

import datetime as dt

from ..errors import Problem, SectoolsError
from ..messages import L
from .core import JobResult, as_source, report_path, write_sheets


def intake(source, *, out=None, scores_only: bool = False) -> JobResult:
    """The applicants (纳新.xlsx › 报名) scored from the interviews (› 面试评分) and placed by the quotas of
    ``[intake.quota]``.  ``out``: the workbook (None: 输出/纳新结果.xlsx).  ``scores_only``: with no quota set, the
    scores all the same and the missing quota an error (check), not a refusal."""
    from ..intake import score_intake
    from ..intake.output import intake_sheets
    from ..settings import validate_section
    from ..sources.base import criteria_of

    src = as_source(source)
    applicants, interviews = src.read_required("applicants", "interviews")
    rules, bad = validate_section("intake", src.office.section("intake"))
    criteria = criteria_of(src.office)
    gone = interviews.missing(*[f"c{k}" for k in range(len(criteria))])
    if len(gone) == len(criteria):  # not one criterion found: every applicant would score nothing
        raise SectoolsError(gone)
    quotas = {}
    from ..normalize import fold

    known = {fold(d): d for d in src.office.departments}
    for dep, n in rules["quota"].items():
        if known and fold(dep) not in known:  # a place in no department of the office: never given
            bad.append(Problem("intake-quota-unknown-department", file="sectools.toml", value=dep, params={
                "known": "、".join(src.office.departments)}))
            continue
        dep = known.get(fold(dep), dep)
        if n != int(n):
            bad.append(Problem("config-bad-value", file="sectools.toml", value=n, params={
                "key": f"intake.quota.{dep}", "expected": "整数 / a whole number"}))
            continue
        quotas[dep] = int(n)
    if not quotas:
        missing = Problem("intake-no-quota-set", params={"departments": "、".join(src.office.departments)})
        if not scores_only:
            raise SectoolsError(missing)
        bad.append(missing)
    res = score_intake(applicants, interviews, criteria, rules["weights"], quotas, src.office.departments,
                       rules["full_marks"], rules["standardise"] == "z")
    own = applicants.problems + interviews.problems + gone  # a criterion's column not found: said at the header
    for f, what in (("second", "第二志愿"), ("adjust", "服从调剂")):  # a column not found: every one read as blank
        if f not in applicants.columns:
            field = applicants.spec.field(f)
            own.append(Problem("intake-no-second-column", "warning", applicants.file, applicants.sheet,
                               params={"column": field.term, "what": L(what),
                                       "aliases": "、".join(field.labels)}))
    roster = src.read_optional("roster")
    if roster is not None and roster.header_row is not None and "id" in roster.columns:
        members = set(roster.data["id"].dropna())
        for a in res.applicants:
            if a["id"] in members:
                own.append(Problem("intake-already-member", "warning", a["file"], a["sheet"], a["cell"],
                                   value=a["name"], params={"id": a["id"]}))
    for a in res.applicants:
        if a["decision"] == "录用" and a["status"] not in ("录用", "并列待定"):
            own.append(Problem("intake-decision-not-a-tie", "warning", a["file"], a["sheet"], a["cell"],
                               value=a["name"]))
    for d in res.departments:  # a tie waiting for the office: said (check shows it too)
        if d["tied"]:
            own.append(Problem("intake-tie-pending", "warning", applicants.file, applicants.sheet, value=d["department"],
                               params={"count": len(d["tied"]), "names": "、".join(a["name"] for a in d["tied"])}))
    job = JobResult("intake", res, bad + own + res.problems)
    job.facts = {"applicants": len(res.applicants), "interviewed": sum(a["score"] is not None for a in res.applicants),
                 "admitted": len(res.admitted), "tied": len(res.tied),
                 "places": sum(quotas.values()), "left": sum(d["left"] for d in res.departments),
                 "interviewers": len(res.interviewers)}
    job.sheets = intake_sheets(res, src.office.name, src.ref, job.problems)
    write_sheets(src, report_path(src, out, "纳新结果"), job.sheets, job)
    return job


def checked_intake(source, force: bool = False) -> JobResult:
    """The admission list for a 公示 or a letter: refused while a tie waits for the office's decision or the scores
    have errors (an applicant named who did not apply, a score out of range …) unless ``force``; refused when nobody
    is admitted."""
    job = intake(source, out=False)
    res = job.result
    if res.tied and not force:
        raise SectoolsError(Problem("intake-ties-pending", params={
            "count": len(res.tied), "names": "、".join(f"{a['name']}（{a['tied_for']}）" for a in res.tied)}))
    if job.errors and not force:
        first = job.errors[0]
        raise SectoolsError(Problem("intake-has-errors", params={
            "count": len(job.errors), "first": f"{first.location()} {first.code}".strip()}))
    if not res.admitted:
        raise SectoolsError(Problem("intake-nobody-admitted"))
    job.facts["forced_errors"] = len(job.errors) + len(res.tied) if force else 0
    return job


def intake_roster(source, *, today: dt.date | None = None, force: bool = False, out=None) -> JobResult:
    """A *new* roster workbook (输出/纳新后名册.xlsx): the roster's members as read, and each admitted applicant
    appended (部门, 干事, 在任, joined today) — for the clerk to look over and adopt; their own roster is never
    written.  Refused as :func:`checked_intake` is."""
    from ..intake.output import roster_sheet

    src = as_source(source)
    job = checked_intake(src, force)
    roster = src.read_optional("roster")
    members = roster.data.to_dict("records") if roster is not None and roster.header_row is not None else []
    today = today or dt.date.today()
    have = {m.get("id") for m in members}
    new = [a for a in job.result.admitted if a["id"] not in have]
    there = [a["name"] for a in job.result.admitted if a["id"] in have]
    if there:  # admitted, but on the roster already: no second row, and that is said
        job.problems.append(Problem("intake-member-not-added", "warning", params={"names": "、".join(there),
                                                                                  "count": len(there)}))
    sheet = roster_sheet(src.office.name, members, new, today)
    job.sheets = [sheet]
    job.facts.update({"members": len(members), "added": len(new), "already": len(there)})
    write_sheets(src, report_path(src, out, "纳新后名册"), job.sheets, job)
    return job
