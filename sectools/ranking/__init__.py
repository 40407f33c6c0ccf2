"""班级量化考核评比 — weekly class scores, ranks, 流动红旗 and the week's deadlines.

Pure functions of tables already read (a source reads them): :func:`inspection_table` finds one
sheet's records (long or wide layout), :func:`inputs_from` joins them, ``score_week`` scores one ISO
week, :func:`deadlines` gives its publication and 公示 times from the holiday calendar, and
:func:`semester` the cumulative ranking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WARNING, Problem, SectoolsError
from .compute import RankingRules, WeekResult, iso_week, score_week, week_bounds
from .schema import CLASSES, HOLIDAYS, INSPECTIONS, SCORE_ITEMS

__all__ = ["inputs_from", "latest_week", "workdays_from", "handed_in", "semester", "inspection_table", "combine",
           "InspectionsTable", "normalise_week", "deadlines", "Inputs", "iso_week", "week_bounds", "RankingRules", "WeekResult",
           "CLASSES", "SCORE_ITEMS", "INSPECTIONS", "HOLIDAYS"]



@dataclass
class Inputs:
    classes: object
    items: object
    tables: list  # inspection Tables, one per sheet read
    records: object  # all inspection records, with _t (index into tables)
    rules: RankingRules
    problems: list[Problem] = field(default_factory=list)

    def locate(self, i: int, fieldname: str):
        t = self.tables[int(self.records["_t"].iat[i])]
        j = int(self.records["_i"].iat[i])
        return t.file, t.sheet, t.cell(j, fieldname)


def inspection_table(raw, items: list[str], ctx, display: str, department: str):
    """One sheet's inspection records (the long or the wide layout), or None if it holds none.
    Without a 检查部门 column, ``department`` (the sheet's or file's name) says who inspected."""
    from ..reader import find_header
    from ..reader.table import extract

    h = find_header(raw, INSPECTIONS)
    if h is None or not h.complete and h.score[0] < len(INSPECTIONS.required):
        from .wide import read_wide

        t = read_wide(raw, items, ctx, display) if items else None
        if t is None:
            return None
    else:
        t = extract(raw, h, INSPECTIONS, ctx, display)
    if "department" not in t.columns:
        t.data["department"] = department
    return t


def combine(tables: list):
    """All tables' records in one frame; ``_t``/``_i`` say which table and row each came from."""
    import pandas as pd

    frames = []
    for k, t in enumerate(tables):
        f = t.data.copy()
        f["_t"] = k
        f["_i"] = range(len(f))
        frames.append(f)
    cols = list(dict.fromkeys([fl.name for fl in INSPECTIONS.fields] + ["department", "_row", "_t", "_i"]))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({c: [] for c in cols})


@dataclass
class InspectionsTable:
    """Inspection records as ``sectools check`` shows them: every sheet of every file read."""

    spec: object
    tables: list
    problems: list[Problem]
    file: str | None

    @property
    def sheet(self) -> str | None:
        def label(t):
            if t.file == self.file:
                return t.sheet
            return Path(t.file).name if Path(t.file).stem == t.sheet else f"{Path(t.file).name}:{t.sheet}"

        return "、".join(dict.fromkeys(label(t) for t in self.tables)) or None

    @property
    def header_row(self):
        return 0 if self.tables else None

    def __len__(self) -> int:
        return sum(len(t) for t in self.tables)


def inputs_from(classes, items, inspections, rules: RankingRules) -> Inputs:
    """The week's inputs from tables already read (the inspections as one :class:`InspectionsTable`).
    A record whose 次数 or date could not be read is marked (``_unread_count``, ``_unread_date``): never
    counted as once, never silently in no week."""
    inp = Inputs(classes, items, inspections.tables, combine(inspections.tables), rules,
                 classes.problems + items.problems + shared_cap_problems(items) + inspections.problems)
    bad = {(p.file, p.sheet, p.cell) for p in inspections.problems if p.is_error() and p.cell}
    n = len(inp.records)
    for name, col in (("_unread_count", "count"), ("_unread_date", "date")):  # looked up only when there are errors
        inp.records[name] = [bad != set() and inp.records[col].iat[i] is None and inp.locate(i, col) in bad
                             for i in range(n)]
    return inp


def week_errors(inp: Inputs, res, week: str) -> list[Problem]:
    """The errors a week's results rest on: at a cell of one of its records (or of a record whose date could
    not be read, which may be of this week), and those found computing it (unknown class or item)."""
    monday, sunday = week_bounds(week)
    cells = set()
    rec = inp.records
    for i in range(len(rec)):
        d = rec["date"].iat[i]
        if (d is not None and monday <= d <= sunday) or (d is None and bool(rec["_unread_date"].iat[i])):
            t = inp.tables[int(rec["_t"].iat[i])]
            j = int(rec["_i"].iat[i])
            cells |= {(t.file, t.sheet, t.cell(j, f.name)) for f in INSPECTIONS.fields if f.name in t.data.columns}
    found = [p for p in inp.problems if p.is_error() and (p.file, p.sheet, p.cell) in cells] + \
        [p for p in res.problems if p.is_error()]
    return list({(p.code, p.file, p.sheet, p.cell, str(p.value)): p for p in found}.values())


def shared_cap_problems(items) -> list[Problem]:
    """每周上限 caps a whole category (the smallest one its items give): an item of that category whose
    own cell says something else — blank, or another figure — is capped all the same, which a clerk
    reading that row would not expect.  Said at each such cell."""
    data = items.data
    if not len(data) or "weekly_cap" not in data:
        return []
    caps: dict[str, float] = {}
    for cat, cap in zip(data["category"].tolist(), data["weekly_cap"].tolist()):
        if cat and cap is not None:
            caps[cat] = min(caps.get(cat, abs(cap)), abs(cap))
    out = []
    for i, (cat, item, cap) in enumerate(zip(data["category"].tolist(), data["item"].tolist(),
                                             data["weekly_cap"].tolist())):
        applied = caps.get(cat)
        if applied is not None and (cap is None or abs(cap) != applied):
            out.append(items.problem("category-cap-shared", i, "weekly_cap", cap, WARNING, item=item or "",
                                     category=cat, cap=f"{applied:g}"))
    return out


def latest_week(records, today: dt.date | None = None) -> tuple[str, bool]:
    """The last week that has records up to today, and True; else the week before today's, and False."""
    today = today or dt.date.today()
    dates = [d for d in records["date"].tolist() if d and d <= today]
    if dates:
        return iso_week(max(dates)), True
    return iso_week(today - dt.timedelta(days=7)), False


def normalise_week(text: str, semester=None) -> str:
    """A week as typed (2026-W11, a date in it, or the office's 第2周 counted from ``semester``'s start)
    → its key, 2026-W11."""
    import re

    from ..dates import parse_date, teaching_week_number

    n = teaching_week_number(text)
    if n is not None:
        if semester is None or semester.start is None:
            raise SectoolsError(Problem("week-needs-start", value=text))
        if n < 1 or (semester.end and semester.week_of(semester.end) and n > semester.week_of(semester.end)):
            raise SectoolsError(Problem("week-outside-semester", value=text, params={
                "last": semester.week_of(semester.end) if semester.end else "?"}))
        return iso_week(semester.week_monday(n))
    s = str(text).strip().upper().replace("—", "-")
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", s)
    if m:
        y, w = int(m.group(1)), int(m.group(2))
        try:
            dt.date.fromisocalendar(y, w, 1)
        except ValueError:
            raise SectoolsError(Problem("bad-week", value=text)) from None
        return f"{y}-W{w:02d}"
    d = parse_date(text)
    if d:
        return iso_week(d)
    raise SectoolsError(Problem("bad-week", value=text))


def workdays_from(holidays=None):
    """The holiday calendar, with the office's own 节假日 table (if any) winning over the library."""
    from ..workdays import Workdays

    overrides = {}
    if holidays is not None:
        for d, kind in zip(holidays.data["date"].tolist(), holidays.data["kind"].tolist()):
            if d and kind:
                overrides[d] = kind == "上班"
    return Workdays(overrides)


def deadlines(rules: RankingRules, workdays, week_label: str) -> tuple[dict, list[Problem]]:
    """When week ``week_label`` must be published (first working day on or after the Monday
    after it, at ``publish_hour``) and when its 公示 ends (``objection_workdays`` working days
    later, 23:59)."""
    wd = workdays
    _, sunday = week_bounds(week_label)
    publish_day = wd.next_workday(sunday + dt.timedelta(days=1))
    end_day = objection_end(rules, wd, publish_day).date()
    out = {
        "week": week_label,
        "collect_by": dt.datetime.combine(sunday, dt.time(21, 0)),
        "publish_by": dt.datetime.combine(publish_day, dt.time(rules.publish_hour, 0)),
        "objection_end": dt.datetime.combine(end_day, dt.time(23, 59)),
    }
    problems = []
    if wd.fallback_years:
        years = "、".join(str(y) for y in sorted(wd.fallback_years))
        problems.append(Problem("calendar-fallback", WARNING, value=years))
    return out, problems


def objection_end(rules: RankingRules, workdays, published: dt.date) -> dt.datetime:
    """The 公示 runs ``objection_workdays`` working days from the day of publication, to 23:59."""
    end_day = workdays.add_workdays(published, 0)
    for _ in range(rules.objection_workdays):
        end_day = workdays.next_workday(end_day, include_today=False)
    return dt.datetime.combine(end_day, dt.time(23, 59))


def handed_in(inp: Inputs, week_label: str, expected: list[str] | None) -> dict:
    """Which inspecting departments handed in records for the week (expected: all that ever did)."""
    monday, sunday = week_bounds(week_label)
    deps_all = list(dict.fromkeys(d for d in inp.records["department"].tolist() if d))
    expected = list(expected or deps_all)
    import numpy as np

    mask = np.array([bool(d and monday <= d <= sunday) for d in inp.records["date"].tolist()], dtype=bool)
    in_week = inp.records.loc[mask]  # a bool array: an empty list would select no columns
    handed = list(dict.fromkeys(d for d in in_week["department"].tolist() if d))
    return {"week": week_label, "monday": monday, "sunday": sunday, "handed_in": handed,
            "missing": [x for x in expected if x not in handed], "records": int(len(in_week))}


def semester_weeks(inp: Inputs, until: dt.date) -> list[str]:
    return sorted({iso_week(d) for d in inp.records["date"].tolist() if d and d <= until})


def semester(inp: Inputs, until: dt.date, sealed: dict | None = None):
    """Semester cumulative ranking: each class's mean weekly score over the weeks with records,
    its number of 流动红旗, ranked (same scope and tie method as the weeks).  ``sealed``: week → the results
    sealed for it (class, grade, score, rank, flag), which stand whatever the records say since."""
    import pandas as pd

    from ..ranks import rank_values

    weeks = semester_weeks(inp, until)
    rows: dict[str, dict] = {}
    for w in weeks:
        if sealed and w in sealed:
            table = [{"class_name": c, "grade": g, "score": s, "red_flag": f} for c, g, s, _, f in sealed[w]]
        else:
            table = score_week(inp.classes.data, inp.items.data, inp.records, w, inp.rules,
                               inp.locate).table.to_dict("records")
        for r in table:
            x = rows.setdefault(r["class_name"], {"class_name": r["class_name"], "grade": r["grade"], "weeks": 0,
                                                  "total": 0.0, "red_flags": 0})
            x["weeks"] += 1
            x["total"] += r["score"]
            x["red_flags"] += int(r["red_flag"])
    df = pd.DataFrame(list(rows.values()))
    if df.empty:
        return df
    df["mean"] = (df["total"] / df["weeks"]).round(2)
    df["rank"] = 0
    groups = df.groupby("grade").groups if inp.rules.rank_scope == "grade" else {"all": df.index}
    for _, idx in groups.items():
        idx = list(idx)
        df.loc[idx, "rank"] = rank_values(df.loc[idx, "mean"].tolist(), inp.rules.tie_method)
    return df.sort_values(["grade", "rank", "class_name"]).reset_index(drop=True)
