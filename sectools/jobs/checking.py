"""The check job: read every table the office keeps, run every job's validation over them, and list
every problem with its cell — so no job ever reports an error ``check`` missed."""

from __future__ import annotations

from ..errors import SectoolsError
from .core import JobResult, as_source, report_path, write_sheets


def _key(p) -> tuple:
    # the params too: 甲's missing 工作态度 and 工作质量 ratings share code, file and value
    return (p.code, p.file, p.sheet, p.cell, str(p.value), str(sorted((p.params or {}).items())))


def _jobs_problems(src) -> list:
    """The cross-table problems the jobs find: sign-ins of unknown members or meetings, unknown
    marks, classes and items in inspections, ratings of unknown members, raters or out-of-range scores,
    the monthly plan and summary forms (wrong month, unknown department, no items, duplicates), each seal
    use that breaks the 印章管理制度, and each supervised task's (督办) follow-up that cannot be placed."""
    from .appraisal import kpi
    from .meetings import attendance
    from .ranking import ranking_inputs

    found: list = []
    if all(src.has(n) for n in ("roster", "meetings", "signins")):
        try:
            found += attendance(src, out=False).problems
        except SectoolsError:
            pass  # a job that cannot start: the tables' own problems above already say why
    if all(src.has(n) for n in ("classes", "score_items", "inspections")):
        try:
            from ..ranking import semester_weeks
            from ..ranking.compute import score_week

            inp = ranking_inputs(src)
            found += inp.problems  # the scoring rules' own (a category's cap an item's cell does not say …)
            for week in semester_weeks(inp, max((d for d in inp.records["date"].tolist() if d), default=None)
                                       or src.office.semester_end or __import__("datetime").date.today()):
                found += score_week(inp.classes.data, inp.items.data, inp.records, week, inp.rules, inp.locate).problems
        except SectoolsError:
            pass  # a job that cannot start: the tables' own problems above already say why
    from .plans import collected

    for month in src.plan_months():  # every month folder's plan and summary forms, as plans collect reads them
        for kind in ("plan", "summary"):
            try:
                found += collected(src, month, kind).problems
            except SectoolsError as e:
                found += e.problems
    if src.has("incoming"):  # 收文: 办件 without a department or a due date, unread 阅件 …, at their cells
        from .incoming import documents

        try:
            found += documents(src, out=False).problems
        except SectoolsError:
            pass
    if src.has("fund"):  # 爱心基金: every line of the ledger — an overdraft, a payment nobody approved …
        from .charity import fund

        try:
            found += fund(src, whole=True, out=False).problems
        except SectoolsError:
            pass
    if src.state_root is not None and (src.state_root / "档案").is_dir():  # 档案: each snapshot against its hashes
        from .archived import snapshots

        try:
            snapshots(src)
        except SectoolsError as e:
            found += e.problems
    if src.has("purchases"):  # 办公用品: every purchase and 领用 of every year — 金额 ≠ 数量 × 单价, an invoice twice …
        from .supply import supplies

        try:
            found += supplies(src, whole=True, out=False).problems
        except SectoolsError as e:  # a register the job refuses (no 金额 or 单价 column): said, not passed
            found += e.problems
    if src.has("applicants") and src.has("interviews"):  # 纳新: an applicant named who did not apply, a score out of range
        from .recruiting import intake

        try:
            found += intake(src, out=False, scores_only=True).problems
        except SectoolsError as e:  # no rows yet: a blank office is not wrong
            found += [p for p in e.problems if p.code != "table-has-no-rows"]
    if src.has("tasks") or src.has("decisions"):  # 督办: a follow-up of no decision, a late extension …, at its cell
        from .supervision import tasks

        try:
            found += tasks(src, out=False).problems
        except SectoolsError as e:
            found += [p for p in e.problems if p.code != "tasks-none"]
    if all(src.has(n) for n in ("seals", "seal_uses")):  # 用印: every use against the rules, at its cell
        from .sealing import seals

        try:
            found += seals(src, out=False).problems
        except SectoolsError:
            pass
    if all(src.has(n) for n in ("indicators", "ratings")):
        periods = list(dict.fromkeys(str(x).strip() for x in src.read("ratings").data["period"].tolist() if x))
        for period in periods:
            try:
                found += kpi(src, period, out=False).problems
            except SectoolsError:
                pass
    return found


def _in_folder(file: str | None, folder: str) -> bool:
    """A file of a table kept as a folder (签到/, 检查记录/): its problems are that table's."""
    return bool(file) and file.startswith(folder.rstrip("/") + "/")


def check(source, *, out=False) -> JobResult:
    """Every table read, with its own rules and every job's validation; ``out``: also a problems workbook."""
    from ..report import problems_sheet

    import copy

    src = as_source(source)
    tables = {}
    for name, t in src.check().items():  # copies: the jobs' problems join them, never the source's cached tables
        tables[name] = copy.copy(t)  # (a later job on the same source would list them twice)
        tables[name].problems = list(t.problems)
    problems = [p for t in tables.values() for p in t.problems]
    seen = {_key(p) for p in problems}
    owned = {id(t): {_key(q) for q in t.problems} for t in tables.values()}  # kept as problems join
    for p in _jobs_problems(src):
        key = _key(p)
        if key in seen:
            continue
        seen.add(key)
        problems.append(p)
        owner = next((t for t in tables.values() if t.file and (t.file == p.file
                      and (p.sheet is None or p.sheet in (t.sheet or "")) or _in_folder(p.file, t.file))), None)
        if owner is not None and key not in owned[id(owner)]:
            owned[id(owner)].add(key)
            owner.problems.append(p)
    job = JobResult("check", tables, problems)
    job.facts = {"tables": {name: len(t) for name, t in tables.items()}}
    job.sheets = [problems_sheet(problems, src.lang)]
    if out is not False and out is not None:
        write_sheets(src, report_path(src, out, "检查结果"), job.sheets, job)
    return job
