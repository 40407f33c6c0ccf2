"""The 档案's sealed snapshots, read and checked — and the roster a past semester is counted with (attendance and the
appraisal read it here; the archive's own jobs are in :mod:`.archiving`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import Problem, SectoolsError
from .core import Choice, as_source

ARCHIVE = Path("档案")


def archive_root(src) -> Path:
    if src.state_root is None:
        raise SectoolsError(Problem("state-unavailable", value="档案"))
    return src.state_root / ARCHIVE


def snapshots(source, strict: bool = True) -> list[dict]:
    """Every sealed semester, in order of its start, each checked: its members against their hash, the workbook
    copy against its hash, and the members read again from that copy (a snapshot changed afterwards — even with its
    hash worked out again — is found).  ``strict``: a damaged one is refused, naming it; otherwise it is returned
    with ``damaged`` (a Problem) and the others stand."""
    from ..archive import members_hash, members_of
    from .statefiles import file_sha, read_state

    src = as_source(source)
    root = archive_root(src)
    out = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if not (folder / "snapshot.json").exists():
            continue
        damaged = None
        try:
            data = read_state(folder / "snapshot.json", "snapshot.json")
        except SectoolsError as e:
            data, damaged = {"semester": folder.name, "start": "", "members": []}, e.problems[0]
        if damaged is None:
            if not isinstance(data, dict) or "members" not in data or \
                    data.get("hash") != members_hash(data["members"]):
                damaged = Problem("archive-tampered", file=str(folder / "snapshot.json"), value=folder.name)
            elif data.get("copy"):
                copy = folder / data["copy"]
                if file_sha(copy) != data.get("copy_sha256"):
                    damaged = Problem("archive-tampered", file=str(copy), value=folder.name)
                else:
                    from ..reader.table import read_table
                    from ..roster import ROSTER

                    t = read_table(copy, ROSTER, sheet=data.get("sheet"))
                    if t.header_row is None or members_of(t) != data["members"]:
                        damaged = Problem("archive-tampered", file=str(folder / "snapshot.json"),
                                          value=folder.name)
        if damaged is not None and strict:
            raise SectoolsError(damaged)
        data = dict(data, damaged=damaged)
        out.append(data)
    return sorted(out, key=lambda d: (d.get("start") or "", d["semester"]))


def code(hash_hex: str) -> str:
    """A snapshot's 存档核验码 (the first 12 hex digits of its hash, in threes of four): printed when it is taken, to
    note down and compare later."""
    h = hash_hex[:12].upper()
    return f"{h[:4]}-{h[4:8]}-{h[8:12]}"


def roster_for(src, start: dt.date | None, end: dt.date | None):
    """The roster a past period is counted with: the sealed snapshot of the semester that holds it (members who
    joined since are not counted, those who left since are) — else None (the roster as it stands).  The office's
    own semester always uses the roster as it stands."""
    import pandas as pd

    from ..archive import FIELDS
    from ..reader.table import Table
    from ..roster import ROSTER

    if start is None or end is None or src.state_root is None or not (src.state_root / ARCHIVE).is_dir():
        return None
    own = src.office.semester
    if own is not None and own.start and own.end and start <= own.end and end >= own.start:
        return None
    hit = next((d for d in snapshots(src, strict=False) if not d["damaged"] and d["start"] <= start.isoformat()
                and end.isoformat() <= d["end"]), None)
    if hit is None:
        return None
    rows = []
    for k, m in enumerate(hit["members"]):
        r = {f: (dt.date.fromisoformat(m[f]) if f in ("joined", "left") and m.get(f) else m.get(f)) for f in FIELDS}
        r["_row"] = k + 1
        rows.append(r)
    data = pd.DataFrame(rows, columns=[f.name for f in ROSTER.fields] + ["_row"])
    table = Table(ROSTER, data.astype(object).where(data.notna(), None), [], f"档案 {hit['semester']}", None, 0,
                  {f: k for k, f in enumerate(FIELDS)})
    return table, Choice("roster", hit["semester"], "roster-from-archive", {"taken_at": hit["taken_at"][:10]})

