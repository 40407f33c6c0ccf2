"""Which meeting each scan of a QR-code form is for (on frames, no I/O).

A form export says who sent the form and when, seldom for which meeting.  A scan belongs to a
meeting when it was sent inside the meeting's sign-in window — from ``early_minutes`` before the
start to the end (no end: until the next meeting that day, else the day's end; no start: the whole
day).  A meeting named in the export's file or sheet name narrows the candidates to it; a 会议名称
column decides by itself.  Never a guess:

* a scan inside no window is listed (``scan-outside-window``) and not counted (returned as a *missed* scan
  of the export's meeting, so the member's detail row can say why a scan did not count);
* a scan inside two windows is not counted, and the export says which meetings (``export-two-meetings``);
* an export none of whose scans fits a meeting is a problem naming the file (``export-no-meeting``).
"""

from __future__ import annotations

import datetime as dt

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold
from .records import Records, problem_at

DAY_END = 24 * 3600 - 1


def form_sheets(rec: Records) -> set[tuple[str, str]]:
    return {(f, s) for f, s, layout in rec.sheets if layout == "form"}


def is_scan(rec: Records):
    """A boolean array: which records are a form's scans."""
    import numpy as np

    forms = form_sheets(rec)
    if not forms:
        return np.zeros(len(rec.frame), dtype=bool)
    return np.fromiter(((f, s) in forms for f, s in zip(rec.frame["file"].tolist(), rec.frame["sheet"].tolist())),
                       dtype=bool, count=len(rec.frame))


def _seconds(t: dt.time | None):
    return None if t is None else t.hour * 3600 + t.minute * 60 + t.second


def windows(mt_all, early_minutes: int) -> list[tuple[dt.date, str, int, int, str]]:
    """(date, name, from, to, shown) of every meeting: its sign-in window in seconds of the day."""
    rows = [(d, n or "", _seconds(s), _seconds(e)) for d, n, s, e in
            zip(mt_all["date"].tolist(), mt_all["meeting"].tolist(), mt_all["start"].tolist(), mt_all["end"].tolist())
            if d is not None]
    out = []
    for d, n, s, e in rows:
        a = 0 if s is None else max(0, s - early_minutes * 60)
        if e is not None and (s is None or e > s):
            b = e
        else:  # no end: until the next meeting of the day opens its window
            later = [s2 - early_minutes * 60 for d2, _, s2, _ in rows if d2 == d and s2 is not None and s is not None
                     and s2 > s]
            b = max(min(later) - 1, s) if later else DAY_END
        out.append((d, n, a, b, f"{_hm(a)}–{_hm(b)}"))
    return out


def _hm(secs: int) -> str:
    return f"{secs // 3600:02d}:{secs // 60 % 60:02d}"


def place_scans(rec: Records, mt_all, early_minutes: int) -> tuple[Records, list[Problem], list[dict]]:
    """Give every scan without a 会议名称 its meeting; drop (and list) the scans that fit none or two.  The
    third value: the scans outside their export's meeting's window — {date, meeting, id, name, time, problem}."""
    import numpy as np

    scan = is_scan(rec)
    f = rec.frame
    if not scan.any():
        return rec, [], []
    wins = windows(mt_all, early_minutes)
    by_date: dict[dt.date, list[int]] = {}
    for k, w in enumerate(wins):
        by_date.setdefault(w[0], []).append(k)
    meeting = f["meeting"].tolist()
    dates, times = f["date"].tolist(), f["time_in"].tolist()
    files, sheets = f["file"].tolist(), f["sheet"].tolist()
    keep = np.ones(len(f), dtype=bool)
    problems: list[Problem] = []
    missed: list[dict] = []
    ids, people = f["id"].tolist(), f["name"].tolist()
    groups: dict[tuple[str, str], list[int]] = {}
    for r in np.nonzero(scan)[0]:
        if not meeting[r]:
            groups.setdefault((files[r], sheets[r]), []).append(int(r))
    names = [fold(w[1]) for w in wins]
    for (file, sheet), rows in groups.items():
        title = fold(file_stem(file) + " " + (sheet or ""))
        named = {k for k, n in enumerate(names) if n and n in title}
        # 第3周例会 in the title names that meeting, not every 例会 as well
        named = {k for k in named if not any(names[k] != names[o] and names[k] in names[o] for o in named)}
        hits: dict[int, list[int]] = {}
        for r in rows:
            s = _seconds(times[r])
            hits[r] = [k for k in by_date.get(dates[r], []) if (not named or k in named)
                       and wins[k][2] <= s <= wins[k][3]]
        placed = [r for r in rows if len(hits[r]) == 1]
        two = [r for r in rows if len(hits[r]) > 1]
        if not placed and not two:
            moments = sorted(dt.datetime.combine(dates[r], times[r]) for r in rows)
            problems.append(Problem("export-no-meeting", ERROR, file, sheet, None, None, {
                "count": len(rows), "first": f"{moments[0]:%Y-%m-%d %H:%M}", "last": f"{moments[-1]:%Y-%m-%d %H:%M}",
                "early": early_minutes}))
            keep[rows] = False
            continue
        for r in placed:
            meeting[r] = wins[hits[r][0]][1]
        if two:
            both = sorted({k for r in two for k in hits[r]})
            problems.append(Problem("export-two-meetings", ERROR, file, sheet, None, None, {
                "count": len(two), "meetings": "”“".join(f"{wins[k][0]} {wins[k][1]}" for k in both)}))
            keep[two] = False
        counts: dict[int, int] = {}
        for r in placed:
            counts[hits[r][0]] = counts.get(hits[r][0], 0) + 1
        main = max(counts, key=counts.get) if counts else None
        for r in rows:
            if hits[r]:
                continue
            keep[r] = False
            k = main if main is not None else next(iter(named), None)
            problems.append(problem_at(rec, r, "c_time", "scan-outside-window",
                                       f"{dates[r]} {times[r]:%H:%M:%S}", WARNING,
                                       meeting=f"{wins[k][0]} {wins[k][1]}" if k is not None else "—",
                                       window=wins[k][4] if k is not None else "—"))
            if k is not None:
                missed.append({"date": wins[k][0], "meeting": wins[k][1], "id": ids[r], "name": people[r],
                               "time": times[r], "window": wins[k][4], "problem": problems[-1]})
    import pandas as pd

    frame = f.assign(meeting=pd.Series(meeting, dtype=object, index=f.index))  # a blank stays None, not NaN
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    return Records(frame, rec.problems, rec.sheets), problems, missed


def file_stem(display: str) -> str:
    name = display.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
