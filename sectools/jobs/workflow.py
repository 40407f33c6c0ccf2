"""The class-assessment week's workflow, with its state kept in the office (``.sectools/ranking/``):

收集 (status) → 计算 (compute) → 发布 (publish: the ranking workbook, the 公示 notice and a backup,
and a snapshot of the inputs and results) → 公示 (correct: the clerk fixes the records, sectools
compares them with the snapshot, records every changed figure — who, when, why, old → new — and
republishes with a 更正 note) → 封单 (seal: after the 公示 ends; from then on the week refuses every
change).  ``verify`` recomputes every sealed week and checks a hash of its inputs and outputs,
chained week to week, so a hand edit to a sealed week's records or results is found.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

from ..dates import shown_minute
from ..errors import WARNING, Problem, SectoolsError
from ..ranking import normalise_week
from ..messages import W
from ..ranking.audit import (RULES_VERSION, SEAL_VERSION, chain_entry, log_head, publication_hash, seal_hash,
                             sha, short, week_inputs, week_outputs, week_rules)
from ..ranking.compute import iso_week, score_week, week_name
from .core import JobResult, as_source
from .statefiles import STATE, file_sha, read_state, readable, sealed_weeks, week_dir, write_state
from .ranking import ranking_inputs, week_deadlines

LOCK_WAIT = 5.0  # seconds a second run waits for the first before saying who holds the office


@contextlib.contextmanager
def office_lock(src):
    """One state-writing job at a time per office (two clerks publishing at once would both log):
    a second run waits a few seconds, then says who holds the lock."""
    import getpass
    import os
    import socket

    root = src.state_root
    if root is None:  # a book without an office folder keeps no state (and xlwings Lite has no file locks)
        yield
        return
    from filelock import FileLock, Timeout

    root.mkdir(parents=True, exist_ok=True)
    who = root / "lock.who"
    lock = FileLock(str(root / "lock"))
    try:
        lock.acquire(timeout=LOCK_WAIT)
    except Timeout:
        try:
            holder = who.read_text(encoding="utf-8").strip()
        except OSError:
            holder = "?"
        raise SectoolsError(Problem("office-busy", params={"holder": holder})) from None
    try:
        try:
            user = getpass.getuser()
        except Exception:  # no user name on this machine
            user = "?"
        who.write_text(f"{user}@{socket.gethostname()} (pid {os.getpid()}, {dt.datetime.now():%Y-%m-%d %H:%M})",
                       encoding="utf-8")
        yield
    finally:
        lock.release()


def state(source, week: str) -> dict:
    d = week_dir(as_source(source), week)
    return {"published": read_state(d / "published.json"), "sealed": read_state(d / "sealed.json"),
            "corrections": read_state(d / "corrections.json") or []}


def _refuse_if_sealed(office, week: str) -> None:
    st = read_state(week_dir(office, week) / "sealed.json")
    if st:
        raise SectoolsError(Problem("week-sealed", value=week, params={"at": shown_minute(st["sealed_at"])}))
    book = office.out_root / "排名" / f"排名_{week}_封单.xlsx" if office.out_root is not None else None
    if book is not None and book.exists():  # sealed once, its state since removed: never a reopened week
        raise SectoolsError(Problem("sealed-state-missing", value=week, params={"evidence": str(book)}))


def _compute(office, week: str):
    inp = ranking_inputs(office)
    res = score_week(inp.classes.data, inp.items.data, inp.records, week, inp.rules, inp.locate)
    res.problems = inp.problems + res.problems
    return inp, res


def publish(office, week: str, *, by: str | None = None, now: dt.datetime | None = None,
            corrections: list[dict] | None = None, corrections_head: str | None = None,
            force: bool = False) -> JobResult:
    """Write the ranking workbook, the 公示 notice and a backup; remember what was published."""
    src = as_source(office)
    with office_lock(src):
        return _publish(src, week, by=by, now=now, corrections=corrections, corrections_head=corrections_head,
                        force=force)


def _publish(office, week: str, *, by: str | None = None, now: dt.datetime | None = None,
             corrections: list[dict] | None = None, corrections_head: str | None = None,
             force: bool = False) -> JobResult:
    """Write the ranking workbook, the 公示 notice and a backup, each printing the publication's code
    (a hash of the week, its records, results and corrections log); then remember what was published
    and each file's hash."""
    from ..ranking.report import trace_sheet, week_sheet
    from ..writer import write_workbook

    office = as_source(office)
    week = normalise_week(week, office.office.semester)
    now = now or dt.datetime.now().replace(microsecond=0)
    _refuse_if_sealed(office, week)
    if corrections is None and read_state(week_dir(office, week) / "published.json"):
        raise SectoolsError(Problem("already-published", value=week))
    inp, res = _compute(office, week)
    if res.records == 0:
        raise SectoolsError(Problem("no-records", value=week))
    from ..ranking import week_errors

    errors = week_errors(inp, res, week)
    if errors and not force:  # a 公示 and its red flags resting on cells that could not be read: not posted
        raise SectoolsError(errors + [Problem("publish-has-errors", value=week, params={"count": len(errors)})])
    dl, cal = week_deadlines(office, week)
    first = read_state(week_dir(office, week) / "published.json") if corrections is not None else None
    late = now > dl["publish_by"] if first is None else first["late"]
    if first is not None:  # a correction keeps the 公示 of the first publication
        dl = {**dl, "objection_end": dt.datetime.fromisoformat(first["objection_end"])}
    elif late:  # the classes get their full 公示 from the day it was actually published
        from ..ranking import objection_end

        from .ranking import ranking_rules, workdays

        dl = {**dl, "objection_end": max(dl["objection_end"],
                                         objection_end(ranking_rules(office), workdays(office), now.date()))}
    out = office.out_root / "排名"
    stamp = now.strftime("%Y%m%d-%H%M%S")
    snapshot = {"week": week, "published_at": now.isoformat(), "by": by, "late": late,
                "publish_by": dl["publish_by"].isoformat(), "objection_end": dl["objection_end"].isoformat(),
                "inputs": week_inputs(inp, week), "outputs": week_outputs(res), "corrections_head": corrections_head}
    snapshot["hash"] = publication_hash(snapshot)
    code = short(snapshot["hash"])
    for t in res.trace:
        t["source"] = office.ref(t["file"], t["sheet"], t["cell"])
    sheets = [week_sheet(res, office.office.name, footnote=W("code-published", code=code),
                         semester=office.office.semester),
              trace_sheet(res, office.office.name, office.office.semester)]  # 公示 with its evidence
    workbook = write_workbook(out / f"排名_{week}.xlsx", sheets, inputs=office.inputs, lang=office.lang)
    backup = write_workbook(out / "备份" / f"排名_{week}_{stamp}.xlsx", sheets, inputs=office.inputs, lang=office.lang)
    notice = _notice(office, week, res, dl, corrections or [], now, code)
    files = [workbook, backup] + list(notice)
    snapshot["files"] = [str(p) for p in files]
    snapshot["file_hashes"] = {Path(p).name: file_sha(p) for p in files}
    write_state(week_dir(office, week) / "published.json", snapshot)
    problems = list(res.problems) + cal
    from ..ranking import handed_in

    missing = handed_in(inp, week, office.office.section("ranking").get("departments"))["missing"]
    if missing:  # published all the same (the deadline is the deadline), but never without saying so
        problems.append(Problem("published-with-missing", WARNING, value=week, params={"departments": "、".join(missing)}))
    if late:
        problems.append(Problem("published-late", WARNING, value=week,
                                params={"due": dl["publish_by"].strftime("%Y-%m-%d %H:%M")}))
    return JobResult("publish", res, problems, files=[workbook, backup] + list(notice),
                     facts={"week": week, "late": late, "deadlines": dl, "changes": [], "reason": None,
                            "name": week_name(week, office.office.semester)})


def _notice(office, week, res, dl, corrections, now, code: str = "") -> list[Path]:
    from ..notices import Options
    from .notices import notice

    opts = Options(today=now.date(), week=week, extra={"result": res, "deadlines": dl, "corrections": corrections,
                                                       "verify_code": code})
    return notice(office, "量化考核公示", opts=opts, out_dir=office.out_root / "排名").files


def _open_week(office, week: str, now: dt.datetime | None) -> tuple[str, dt.datetime, dict]:
    """A published, not yet sealed week: (its label, now, its published snapshot)."""
    office = as_source(office)
    week = normalise_week(week, office.office.semester)
    now = now or dt.datetime.now().replace(microsecond=0)
    _refuse_if_sealed(office, week)
    published = read_state(week_dir(office, week) / "published.json")
    if not published:
        raise SectoolsError(Problem("not-published", value=week))
    return week, now, published


def correct(office, week: str, reason: str, *, by: str | None = None, now: dt.datetime | None = None,
            force: bool = False) -> JobResult:
    """Compare the corrected records with the published snapshot, record every change, republish."""
    src = as_source(office)
    with office_lock(src):
        return _correct(src, week, reason, by=by, now=now, force=force)


def _correct(office, week: str, reason: str, *, by: str | None = None, now: dt.datetime | None = None,
             force: bool = False) -> JobResult:
    """Compare the corrected records with the published snapshot, record every change, republish."""
    office = as_source(office)
    week, now, published = _open_week(office, week, now)
    if not reason or not reason.strip():
        raise SectoolsError(Problem("reason-required", value=week))
    inp, res = _compute(office, week)
    old = {r[0]: r for r in published["outputs"]}
    changes = []
    for r in week_outputs(res):
        o = old.get(r[0])
        for i, name in ((2, "score"), (3, "rank"), (4, "red_flag")):
            if o is None or o[i] != r[i]:
                changes.append({"class": r[0], "field": name, "old": None if o is None else o[i], "new": r[i]})
    before, after = published["inputs"], week_inputs(inp, week)
    removed = [x for x in before if x not in after]
    added = [x for x in after if x not in before]
    if not changes and not removed and not added:
        return JobResult("correct", res, list(res.problems), facts={"week": week, "changes": [], "reason": reason,
                                                                    "name": week_name(week, office.office.semester)})
    log = read_state(week_dir(office, week) / "corrections.json") or []
    head, broken = log_head(log)
    if broken:
        raise SectoolsError(Problem("corrections-forged", file=str(week_dir(office, week) / "corrections.json"),
                                    value=week, params={"entry": broken}))
    entry = chain_entry(log, {"at": now.isoformat(), "by": by, "reason": reason.strip(), "changes": changes,
                              "records_removed": removed, "records_added": added})
    shown = [c for c in changes if c["field"] == "score"]

    def num(v):
        return "—" if v is None else f"{v:g}"

    result = _publish(office, week, by=by, now=now, force=force, corrections=[{"class": c["class"], "old": num(c["old"]),
                                                                "new": num(c["new"])} for c in shown] or
                     [{"class": "—", "old": "—", "new": "—"}], corrections_head=entry["hash"])
    log.append(entry)  # the log last: a republication refused (the workbook open in Excel …) logs nothing
    write_state(week_dir(office, week) / "corrections.json", log)
    result.job = "correct"
    result.facts.update(changes=changes, reason=reason)
    return result


def seal(office, week: str, *, now: dt.datetime | None = None, force: bool = False,
         reason: str | None = None) -> JobResult:
    """封单 (see :func:`_seal`), one state-writing job at a time."""
    src = as_source(office)
    with office_lock(src):
        return _seal(src, week, now=now, force=force, reason=reason)


def _seal(office, week: str, *, now: dt.datetime | None = None, force: bool = False,
          reason: str | None = None) -> JobResult:
    """封单: after the 公示 ends, fix the week: hash its records, its results and the scoring rules,
    chained to the week before.  ``force`` seals before the 公示 ends and needs a ``reason`` (logged)."""
    office = as_source(office)
    week, now, published = _open_week(office, week, now)
    end = dt.datetime.fromisoformat(published["objection_end"])
    if now <= end and not force:
        raise SectoolsError(Problem("objection-open", value=week, params={"end": end.strftime("%Y-%m-%d %H:%M")}))
    if now <= end and not (reason and reason.strip()):
        raise SectoolsError(Problem("reason-required", value=week))
    inp, res = _compute(office, week)
    inputs, outputs = week_inputs(inp, week), week_outputs(res)
    if inputs != published["inputs"]:
        raise SectoolsError(Problem("unpublished-changes", value=week))
    prev = _previous_seal(office, week)
    log = read_state(week_dir(office, week) / "corrections.json") or []
    head, broken = log_head(log)
    if broken:
        raise SectoolsError(Problem("corrections-forged", file=str(week_dir(office, week) / "corrections.json"),
                                    value=week, params={"entry": broken}))
    if published.get("hash") and (publication_hash(published) != published["hash"]
                                  or published.get("corrections_head") != head):
        raise SectoolsError(Problem("publication-forged", file=str(week_dir(office, week) / "published.json"), value=week))
    record = {"week": week, "sealed_at": now.isoformat(), "inputs_hash": sha(inputs), "outputs_hash": sha(outputs),
              "rules_hash": sha(week_rules(inp)), "rules_version": RULES_VERSION, "seal_version": SEAL_VERSION,
              "publication_hash": published.get("hash"), "corrections_head": head, "prev": prev}
    if now <= end:
        record["forced"] = {"reason": reason.strip(), "objection_end": end.isoformat()}
    record["hash"] = seal_hash(record)
    record["outputs"] = outputs
    # The sealed ranking, printing the seal's code: evidence outside the state, for the notice board.
    from ..ranking.report import week_sheet
    from ..writer import write_workbook

    sheet = week_sheet(res, office.office.name, footnote=W("code-sealed", code=short(record["hash"])), sealed=True,
                       semester=office.office.semester)
    book = write_workbook(office.out_root / "排名" / f"排名_{week}_封单.xlsx", [sheet], inputs=office.inputs,
                          lang=office.lang)
    record["file"], record["file_hash"] = str(book), file_sha(book)
    log_path = _seal_log(office)
    if log_path is not None:
        _append_seal_log(log_path, office, record)
    write_state(week_dir(office, week) / "sealed.json", record)
    return JobResult("seal", record, files=[book],
                     facts={"week": week, "hash": record["hash"], "code": short(record["hash"]), "prev": prev})


def _seal_log(office) -> Path | None:
    value = office.office.section("ranking").get("seal_log")
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute() and office.root is not None:
        path = office.root / path
    return path


def _office_id(office) -> str:
    return f"{office.office.name} @ {office.root}"


def _append_seal_log(path: Path, office, record: dict) -> None:
    """One line per seal, appended (never rewritten): week, time, the seal's hash, the office."""
    line = json.dumps({"office": _office_id(office), "week": record["week"], "sealed_at": record["sealed_at"],
                       "hash": record["hash"]}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()
            import os

            os.fsync(f.fileno())
    except OSError as e:
        raise SectoolsError(Problem("seal-log-unwritable", file=str(path), params={"detail": str(e)})) from None


def _read_seal_log(path: Path, office) -> tuple[dict[str, list[str]], list[Problem]]:
    """week → the hashes this office's seals logged."""
    out: dict[str, list[str]] = {}
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return out, [Problem("seal-log-missing", file=str(path))]
    except OSError as e:
        return out, [Problem("seal-log-unwritable", file=str(path), params={"detail": str(e)})]
    me = _office_id(office)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            e = json.loads(line)
            if e["office"] == me:
                out.setdefault(str(e["week"]), []).append(str(e["hash"]))
        except (ValueError, KeyError, TypeError):
            problems.append(Problem("seal-log-damaged", file=str(path), line=n))
    return out, problems


def repair(source) -> JobResult:
    """Every damaged state file of the office: moved aside (``*.damaged-YYYYmmdd-HHMMSS``, never
    deleted) and replaced by the version before it when that one is readable; what cannot be
    restored is listed with what to do.  ``verify`` afterwards says whether the restored state
    still fits the published and sealed files."""
    src = as_source(source)
    problems: list[Problem] = []
    fixed: list[str] = []
    root = src.state_root
    if root is None or not root.is_dir():
        return JobResult("repair", fixed, problems, facts={"fixed": 0})
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with office_lock(src):
        for path in sorted((root / STATE).glob("*/*.json")) + sorted(root.glob("*.json")):
            if readable(path):
                continue
            prev = path.with_name(path.name + ".prev")
            aside = path.with_name(f"{path.name}.damaged-{stamp}")
            path.replace(aside)
            if path.name == "made.json":  # the list of files sectools made: without it, every file is kept
                problems.append(Problem("manifest-set-aside", WARNING, file=str(path), params={"aside": aside.name}))
                continue
            ok = prev.exists() and readable(prev, path.name)
            if ok and path.name == "文号.json":
                # the version before lacks the last number issued: skip one in every year rather than
                # issue a number twice
                data = json.loads(prev.read_text(encoding="utf-8"))
                for year in data.values():
                    year["next"] += 1
                write_state(path, data)
                fixed.append(str(path))
                problems.append(Problem("numbers-restored", WARNING, file=str(path), params={
                    "aside": aside.name, "next": "、".join(f"{y}年 {v['next']}号" for y, v in sorted(data.items()))}))
            elif ok:
                from ..writer import atomic_target

                with atomic_target(path) as tmp:
                    tmp.write_bytes(prev.read_bytes())
                fixed.append(str(path))
                problems.append(Problem("state-restored", WARNING, file=str(path), params={"aside": aside.name}))
            else:
                problems.append(Problem("state-not-restorable", file=str(path), params={"aside": aside.name}))
    return JobResult("repair", fixed, problems, facts={"fixed": len(fixed)})


def _previous_seal(office, week: str) -> str | None:
    earlier = [w for w in sealed_weeks(office) if w < week]
    if not earlier:
        return None
    return read_state(week_dir(office, earlier[-1]) / "sealed.json")["hash"]


def _printed_code(path: Path) -> str | None:
    """The code a published or sealed ranking workbook prints below its table (None: not found)."""
    import re

    from ..reader import open_workbook

    try:
        with open_workbook(path) as wb:
            for name in wb.sheet_names[:1]:
                for row in wb.sheet(name).rows:
                    for v in row:
                        m = re.search(r"([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})", str(v or ""))
                        if m:
                            return m.group(1)
    except Exception:
        return None
    return None


_WEEK_FILE = __import__("re").compile(r"^排名_(\d{4}-W\d{2})(_封单)?\.xlsx$")
_BACKUP_FILE = __import__("re").compile(r"^排名_(\d{4}-W\d{2})_\d{8}-\d{6}\.xlsx$")


def verify(office) -> JobResult:
    """Every week with any trace — its state, its published or sealed workbook, the seal log — checked
    against the others: records and results recomputed against the seal, the chain of seals, each
    publication's and correction's hash, the files each wrote (hash and printed code), and the
    seal log outside the office.  Removing or re-hashing the state cannot make a week disappear."""
    office = as_source(office)
    problems: list[Problem] = []
    try:
        inp = ranking_inputs(office)
    except SectoolsError as e:  # a table emptied or unreadable: the rest can still be checked, and is
        inp = None
        problems += e.problems
    out = office.out_root / "排名" if office.out_root is not None else None
    printed: dict[str, dict[str, Path]] = {}
    if out is not None and out.is_dir():
        for p in out.iterdir():
            m = _WEEK_FILE.match(p.name)
            if m:
                printed.setdefault(m.group(1), {})["sealed" if m.group(2) else "published"] = p
        backups = out / "备份"
        for p in (backups.iterdir() if backups.is_dir() else ()):  # a backup is evidence of a publication too
            m = _BACKUP_FILE.match(p.name)
            if m:
                printed.setdefault(m.group(1), {}).setdefault("backup", p)
    base = office.state_root / STATE if office.state_root is not None else None
    dirs = sorted(p.name for p in base.iterdir() if p.is_dir()) if base is not None and base.is_dir() else []
    log_path = _seal_log(office)
    logged, log_problems = _read_seal_log(log_path, office) if log_path is not None else ({}, [])
    problems += log_problems
    weeks = sorted(set(dirs) | set(printed) | set(logged))
    prev = None
    sealed_count = 0
    codes: dict[str, str] = {}
    published_codes: dict[str, str] = {}
    for week in weeks:
        d = base / week if base is not None else None
        try:
            rec = read_state(d / "sealed.json") if d is not None else None
            pub = read_state(d / "published.json") if d is not None else None
            log = (read_state(d / "corrections.json") if d is not None else None) or []
        except SectoolsError as e:
            problems += e.problems
            continue
        files = printed.get(week, {})
        aside = sorted(d.glob("sealed.json.damaged-*")) if d is not None and d.is_dir() else []
        if rec is None and aside:
            problems.append(Problem("sealed-set-aside", value=week, params={"aside": aside[-1].name}))
        elif rec is None:
            if "sealed" in files or week in logged:
                problems.append(Problem("sealed-state-missing", value=week, params={
                    "evidence": str(files.get("sealed") or log_path)}))
            elif pub is None and ("published" in files or "backup" in files):
                problems.append(Problem("published-state-missing", value=week, params={
                    "evidence": str(files.get("published") or files["backup"])}))
        elif pub is None and rec.get("publication_hash"):  # sealed, and what it published is gone
            problems.append(Problem("published-state-missing", value=week, params={
                "evidence": str(d / "sealed.json")}))
        head, broken = log_head(log)
        if broken:
            problems.append(Problem("corrections-forged", file=str(d / "corrections.json"), value=week,
                                    params={"entry": broken}))
        elif pub is not None and pub.get("hash") and pub.get("corrections_head") != head:
            problems.append(Problem("corrections-forged", file=str(d / "corrections.json"), value=week,
                                    params={"entry": len(log)}))
        if pub is not None:
            problems += _check_publication(week, pub, head, files.get("published"), rec, out)
            if pub.get("hash"):
                published_codes[week] = short(pub["hash"])
        if rec is None:
            continue
        sealed_count += 1
        codes[week] = short(rec["hash"])
        if rec.get("prev") != prev or rec["hash"] != seal_hash(rec):
            problems.append(Problem("seal-chain-broken", value=week))
        if rec.get("seal_version", 2) >= 3:
            if pub is not None and rec.get("publication_hash") != pub.get("hash"):
                problems.append(Problem("publication-forged", file=str(d / "published.json"), value=week))
            if rec.get("corrections_head") != head and not any(
                    p.code == "corrections-forged" and p.value == week for p in problems):
                problems.append(Problem("corrections-forged", file=str(d / "corrections.json"), value=week,
                                        params={"entry": len(log)}))
            book = files.get("sealed")
            if book is None:  # named where it belongs now (the office may have moved since it was sealed)
                where = _expected_here(out, rec.get("file"), f"排名_{week}_封单.xlsx")
                problems.append(Problem("sealed-file-missing", file=where, value=week, params={"file": where}))
            else:
                code = _printed_code(book)
                if code != short(rec["hash"]):
                    problems.append(Problem("sealed-code-mismatch", file=str(book), value=week,
                                            params={"printed": code or "—", "state": short(rec["hash"])}))
                elif rec.get("file_hash") and file_sha(book) != rec["file_hash"]:
                    problems.append(Problem("sealed-file-changed", file=str(book), value=week))
        if week in logged and rec["hash"] not in logged[week]:
            problems.append(Problem("seal-log-mismatch", file=str(log_path), value=week,
                                    params={"logged": short(logged[week][-1]), "state": short(rec["hash"])}))
        elif log_path is not None and week not in logged and rec.get("seal_version", 2) >= 3:
            problems.append(Problem("seal-not-logged", WARNING, file=str(log_path), value=week))
        prev = rec["hash"]
        if inp is None:
            continue
        res = score_week(inp.classes.data, inp.items.data, inp.records, week, inp.rules, inp.locate)
        inputs, outputs = week_inputs(inp, week), week_outputs(res)
        if "rules_hash" in rec and sha(week_rules(inp, rec.get("rules_version", 1))) != rec["rules_hash"]:
            problems.append(Problem("sealed-rules-changed", value=week))
        if sha(inputs) != rec["inputs_hash"]:
            problems.append(Problem("sealed-records-changed", value=week,
                                    params={"records": _records_diff(pub, rec, inputs)}))
        if sha(rec.get("outputs")) != rec["outputs_hash"] or sha(outputs) != rec["outputs_hash"]:
            changed = sorted({o[0] for o, n in zip(rec.get("outputs") or [], outputs) if o != n})
            problems.append(Problem("sealed-results-changed", value=week,
                                    params={"classes": "、".join(changed) or "—"}))
    return JobResult("verify", sorted(codes), problems, facts={"weeks": sealed_count, "codes": codes,
                                                              "published_codes": published_codes})


def _records_diff(pub: dict | None, rec: dict, inputs: list) -> str:
    """Which records differ from the ones sealed, when the publication the seal covers still holds them."""
    if not pub or pub.get("hash") != rec.get("publication_hash") or sha(pub.get("inputs")) != rec["inputs_hash"]:
        return ""
    def show(r):
        return f"{r[0]} {r[1]} {r[2]}×{r[3]:g}" if isinstance(r[3], (int, float)) else f"{r[0]} {r[1]} {r[2]}"
    gone = [W("record-gone", record=show(r)) for r in pub["inputs"] if r not in inputs]
    new = [W("record-new", record=show(r)) for r in inputs if r not in pub["inputs"]]
    changes = gone + new
    if not changes:
        return ""
    from ..messages import Joined

    return W("records-diff", changes=Joined(changes[:6]))


def _expected_here(out: Path | None, recorded: str | None, default: str) -> str:
    """Where a week's file belongs in the office as it is now: its recorded name under this office's 输出/排名
    (a recorded absolute path points at wherever the office was when it was written)."""
    name = Path(recorded).name if recorded else default
    return str(out / name) if out is not None else name


def _check_publication(week: str, pub: dict, head: str | None, book: Path | None, rec: dict | None,
                       out: Path | None = None) -> list[Problem]:
    """A publication's own hash, the corrections log it followed, and the files it wrote."""
    if "hash" not in pub:  # published by a sectools before publications were hashed
        return []
    problems = []
    where = str(book) if book else None
    if publication_hash(pub) != pub["hash"]:  # a mismatch with the corrections log is the log's, said there
        problems.append(Problem("publication-forged", file=where, value=week))
    if book is None:
        where = _expected_here(out, (pub.get("files") or [None])[0], f"排名_{week}.xlsx")
        problems.append(Problem("published-file-missing", file=where, value=week, params={"file": where}))
        return problems
    code = _printed_code(book)
    if code != short(pub["hash"]):
        problems.append(Problem("published-code-mismatch", file=where, value=week,
                                params={"printed": code or "—", "state": short(pub["hash"])}))
    else:
        want = (pub.get("file_hashes") or {}).get(book.name)
        if want and file_sha(book) != want and not _same_as_backup(book, pub):
            problems.append(Problem("published-file-changed", file=where, value=week,
                                    params={"backup": _backup_of(pub) or "输出/排名/备份"}))
    for f in pub.get("files") or []:  # the 公示 notice: a clerk may touch it up in Word, but it is said
        f = Path(f)
        want = (pub.get("file_hashes") or {}).get(f.name)
        if f.suffix == ".docx" and want and f.exists() and file_sha(f) != want:
            problems.append(Problem("published-notice-changed", WARNING, file=str(f), value=week))
    return problems


def _backup_of(pub: dict) -> str | None:
    return next((f for f in pub.get("files") or [] if "备份" in f), None)


def _same_as_backup(book: Path, pub: dict) -> bool:
    """A published workbook copied back from its backup (whose links differ, so its bytes do) is whole
    when the backup is the one published and every value of the 排名 sheet is the backup's."""
    backup = _backup_of(pub)
    if not backup or not Path(backup).exists():
        return False
    if file_sha(backup) != (pub.get("file_hashes") or {}).get(Path(backup).name):
        return False
    from ..reader import open_workbook

    try:
        with open_workbook(book) as a, open_workbook(backup) as b:
            return [str(v) for r in a.sheet(a.sheet_names[0]).rows for v in r] == \
                [str(v) for r in b.sheet(b.sheet_names[0]).rows for v in r]
    except Exception:
        return False


def run_semester(office, until: dt.date, progress=None) -> list[dict]:
    """Publish each finished week on time and seal it once its 公示 is over (the demo's semester)."""
    office = as_source(office)
    inp = ranking_inputs(office)
    weeks = sorted({iso_week(d) for d in inp.records["date"].tolist() if d})
    done = []
    for week in weeks:
        st = state(office, week)
        dl, _ = week_deadlines(office, week)
        if dl["publish_by"].date() > until:
            break
        if not st["published"]:
            publish(office, week, by="秘书处", now=dl["publish_by"] - dt.timedelta(hours=1))
        if not st["sealed"] and dl["objection_end"].date() < until:
            seal(office, week, now=dl["objection_end"] + dt.timedelta(minutes=1))
        done.append({"week": week, **state(office, week)})
        if progress:
            progress(week)
    return done


def ranking_status(source, week: str | None = None, *, today: dt.date | None = None) -> JobResult:
    """Which inspecting departments handed in for the week, its deadlines and its state."""
    from ..ranking import handed_in
    from .ranking import pick_week

    src = as_source(source)
    inp = ranking_inputs(src)
    label, choice = pick_week(inp.records, week, today or dt.date.today(), src.office.semester)
    st = handed_in(inp, label, src.office.section("ranking").get("departments"))
    dl, problems = week_deadlines(src, label)
    if not st["handed_in"] and not st["missing"]:  # nobody configured, nobody ever handed in: say so, not "none missing"
        problems.append(Problem("inspecting-departments-unknown", WARNING, file="sectools.toml"))
    st["deadlines"] = dl
    st["name"] = week_name(label, src.office.semester)  # 第2周: the office's own name for the week
    st["state"] = state(src, label) if src.state_root is not None else {"published": None, "sealed": None,
                                                                           "corrections": []}
    book = src.out_root / "排名" / f"排名_{label}_封单.xlsx" if src.out_root is not None else None
    if book is not None and book.exists() and not st["state"]["sealed"]:  # sealed once, its record since removed
        problems.append(Problem("sealed-state-missing", value=label, params={"evidence": str(book)}))
    if st["state"]["sealed"]:  # 已封单, and its records edited since: said here too, not only by compute and verify
        from .ranking import sealed_differs

        res = score_week(inp.classes.data, inp.items.data, inp.records, label, inp.rules, inp.locate)
        problems += sealed_differs(src, label, res)
    return JobResult("ranking_status", st, list(inp.problems) + problems, [choice] if choice else [])
