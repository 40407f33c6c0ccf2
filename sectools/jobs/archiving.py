"""档案 jobs: a semester's roster snapshot sealed under the office's state (.sectools/档案/<学期>/: the roster
workbook's bytes and its members, each with its hash), the changes between two semesters, one member's history, and
the attendance ladder's 撤职 / 退出 written into a *new* roster workbook (the clerk's is never written)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ..errors import Problem, SectoolsError
from .archived import archive_root, code, snapshots
from .core import Choice, JobResult, as_source, report_path, write_sheets

NOW = ("现在", "当前", "now", "current")


def _semester(src, semester: str | None):
    from ..fund import semester_range

    period = semester_range(semester, src.office.semester)
    if period is None:
        raise SectoolsError(Problem("fund-bad-semester" if semester else "archive-no-semester", value=semester or ""))
    return period


def archive_snapshot(source, semester: str | None = None, *, replace: bool = False,
                     now: dt.datetime | None = None, roster_file: Path | None = None) -> JobResult:
    """Seal the roster as it stands as ``semester``'s (default: the office's semester): its workbook's bytes and its
    members, with their hashes.  A semester already sealed is refused unless ``replace`` (the old one kept beside it,
    ``*.prev``).  ``roster_file``: a roster workbook kept from that semester, read instead of the office's."""
    from ..archive import members_hash, members_of
    from .statefiles import file_sha, write_state

    src = as_source(source)
    if roster_file is not None:
        from ..reader.table import read_table
        from ..roster import ROSTER

        roster = read_table(roster_file, ROSTER)
        if roster.header_row is None or not len(roster):
            raise SectoolsError(roster.problems or [Problem("table-has-no-rows", file=str(roster_file))])
    else:
        (roster,) = src.read_required("roster")
    label, start, end = _semester(src, semester)
    choices = [] if semester else [Choice("semester", label, "archive-semester-default",
                                          {"start": start.isoformat(), "end": end.isoformat()})]
    folder = archive_root(src) / label
    if (folder / "snapshot.json").exists() and not replace:
        raise SectoolsError(Problem("archive-exists", value=label, file=str(folder / "snapshot.json")))
    members = members_of(roster)
    path = Path(roster_file) if roster_file is not None else src.office.path_of("roster")
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / ("名册" + (path.suffix if path.is_file() else ".xlsx"))
    if path.is_file():
        from ..writer import atomic_target

        with atomic_target(copy) as tmp:
            shutil.copyfile(path, tmp)
    now = now or dt.datetime.now().replace(microsecond=0)
    data = {"semester": label, "start": start.isoformat(), "end": end.isoformat(), "taken_at": now.isoformat(),
            "source": roster.file, "sheet": roster.sheet, "copy": copy.name if path.is_file() else None,
            "copy_sha256": file_sha(copy) if path.is_file() else None, "members": members,
            "hash": members_hash(members)}
    write_state(folder / "snapshot.json", data)
    job = JobResult("archive-snapshot", data, list(roster.problems), choices)
    job.facts = {"semester": label, "members": len(members), "active": sum(m.get("status") not in ("已退出", "撤职")
                                                                         for m in members),
                 "hash": code(data["hash"]), "folder": str(folder)}
    job.files = [folder / "snapshot.json"] + ([copy] if path.is_file() else [])
    return job


def _members(src, which: str, known: list[dict]) -> tuple[str, list[dict]]:
    """A semester's sealed members, or the roster now (现在)."""
    from ..archive import members_of
    from ..fund import semester_range

    if which.strip().lower() in NOW:
        (roster,) = src.read_required("roster")
        return "现在", members_of(roster)
    period = semester_range(which, src.office.semester)
    if period is None:
        raise SectoolsError(Problem("fund-bad-semester", value=which))
    hit = next((d for d in known if d["semester"] == period[0]), None)
    if hit is not None and hit["damaged"]:
        raise SectoolsError(hit["damaged"])
    if hit is None:
        raise SectoolsError(Problem("archive-missing", value=period[0], params={
            "have": "、".join(d["semester"] for d in known) or "—"}))
    return period[0], hit["members"]


def archive_diff(source, before: str, after: str = "现在", *, out=None) -> JobResult:
    """Who joined, left, was 撤职, changed department or post between two semesters (or a semester and now)."""
    from ..archive import changes
    from ..archive.output import changes_sheet

    src = as_source(source)
    known = snapshots(src, strict=False)  # a damaged semester refuses only where it is asked for
    a_label, a = _members(src, before, known)
    b_label, b = _members(src, after, known)
    found = changes(a, b)
    job = JobResult("archive-diff", found, [])
    job.facts = {"before": a_label, "after": b_label, "changes": len(found),
                 **{k: sum(c["kind"] == v for c in found) for k, v in (("joined", "加入"), ("left", "退出"),
                                                                       ("dismissed", "撤职"), ("moved", "调整部门"),
                                                                       ("posts", "职务变动"))}}
    job.sheets = [changes_sheet(found, src.office.name, a_label, b_label)]
    key = b_label if b_label != "现在" else dt.date.today().isoformat()  # the later one names it: 档案变动_<学期>_对比<学期>
    write_sheets(src, report_path(src, out, f"档案变动_{key}_对比{a_label}"), job.sheets, job)
    return job


def archive_show(source, key: str) -> JobResult:
    """One member (学号, or a name one member has) through every sealed semester and now."""
    from ..archive import history, members_of

    src = as_source(source)
    known = snapshots(src, strict=False)
    seq = [(d["semester"], d["members"]) for d in known if not d["damaged"]]
    roster = src.read_optional("roster")
    if roster is not None and roster.header_row is not None:
        seq.append(("现在", members_of(roster)))
    names = {m["id"] for _, ms in seq for m in ms if m["name"] == key.strip()}
    if len(names) > 1 and not any(m["id"] == key.strip() for _, ms in seq for m in ms):
        raise SectoolsError(Problem("archive-same-name", value=key, params={"ids": "、".join(sorted(names))}))
    rows = history(seq, key.strip())
    if not rows:
        raise SectoolsError(Problem("archive-no-member", value=key, params={
            "semesters": "、".join(label for label, _ in seq) or "—"}))
    problems = [d["damaged"] for d in known if d["damaged"]]  # left out of the history, and said
    job = JobResult("archive-show", rows, problems)
    job.facts = {"name": next((r["name"] for r in rows if r.get("name")), key), "semesters": len(rows)}
    return job


def archive_apply(source, *, today: dt.date | None = None, out=None) -> JobResult:
    """The attendance ladder's 撤职 and 视为自动退出 as a *new* roster workbook (输出/考勤处理后名册.xlsx): the roster as
    read, with those members' 状态 (撤职 / 已退出) and 离任日期 set — for the clerk to look over and adopt.  An action
    still uncertain (records that could not be read) is not applied, and that is said."""
    from ..archive import members_of
    from ..archive.output import applied_sheet
    from .meetings import attendance

    src = as_source(source)
    att = attendance(src, out=False)
    (roster,) = src.read_required("roster")
    members = members_of(roster)
    choices = []
    if today is None:  # after the semester: its last day, not today (the ladder counted the semester's meetings)
        end = src.office.semester_end
        today = min(dt.date.today(), end) if end else dt.date.today()
        choices.append(Choice("date", today.isoformat(), "archive-apply-date"))
    by_id = {m["id"]: m for m in members}
    done: dict[str, dict] = {}
    skipped = []
    for a in att.result.actions:
        status = "撤职" if "撤" in (a["action"] or "") or "免职" in (a["action"] or "") else \
            "已退出" if "退出" in (a["action"] or "") else None
        if status is None:
            continue
        m = by_id.get(a["id"])
        if a.get("unsure") or m is None:
            skipped.append(a)
            continue
        if a["id"] in done:  # two ladders for one member (撤职, then 视为自动退出): one line, the end they reach
            hit = done[a["id"]]
            hit["action"] += "；" + a["action"]
            if status == "已退出":
                hit["after"] = m["status"] = "已退出"
            continue
        if m.get("status") == status:
            continue
        done[a["id"]] = {"id": m["id"], "name": m["name"], "department": m.get("department"),
                         "action": a["action"], "before": m.get("status"), "after": status}
        m["status"] = status
        m["left"] = m.get("left") or today.isoformat()
    applied = list(done.values())
    problems = [Problem("archive-action-unsure", "warning", value=a["name"], params={"action": a["action"]})
                for a in skipped]
    job = JobResult("archive-apply", applied, problems, choices)
    job.facts = {"applied": len(applied), "skipped": len(skipped), "members": len(members)}
    if applied:
        job.sheets = [applied_sheet(src.office.name, members, applied, today)]
        write_sheets(src, report_path(src, out, "考勤处理后名册"), job.sheets, job)
    return job

