"""班级量化考核评比 — weekly class scores, ranks, 流动红旗 and the week's deadlines.

:func:`load` reads an office's classes, scoring rules and inspection records (a workbook with one
sheet per inspecting department, or a folder with one workbook per department); :func:`week`
scores one ISO week; :func:`deadlines` gives its publication and 公示 times from the Chinese
holiday calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WARNING, Problem, SectoolsError
from .compute import RankingRules, WeekResult, iso_week, rules_from_config, score_week, week_bounds
from .schema import CLASSES, HOLIDAYS, INSPECTIONS, SCORE_ITEMS

__all__ = ["load", "week", "deadlines", "Inputs", "iso_week", "week_bounds", "RankingRules", "WeekResult",
           "CLASSES", "SCORE_ITEMS", "INSPECTIONS", "HOLIDAYS"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")


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


def read_inspections(office, items: list[str] | None = None) -> tuple[list, list[Problem]]:
    """Every sheet whose header fits, in the configured workbook or in every workbook of the folder."""
    from ..errors import UnreadableFile
    from ..office import context
    from ..reader import open_workbook

    path = office.path_of("inspections")
    ctx = context(office)
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in WORKBOOK_SUFFIXES
                   and not p.name.startswith(("~$", ".~lock"))) if path.is_dir() else [path]
    tables, problems = [], []
    if path.is_dir() and not files:
        problems.append(Problem("table-not-found", WARNING, file=office.display(path),
                                params={"table": "检查记录", "required": "日期、班级、项目"}))
    for f in files:
        display = office.display(f)
        try:
            wb = open_workbook(f, office.limits, display=display)
        except UnreadableFile as e:
            problems.extend(e.problems)
            continue
        with wb:
            found = False
            for name in wb.sheet_names:
                try:
                    raw = wb.sheet(name)
                except UnreadableFile as e:
                    problems.extend(e.problems)
                    continue
                label = name if len(wb.sheet_names) > 1 else Path(f).stem  # one sheet or one file per department
                t = inspection_table(raw, items or [], ctx, display, label)
                if t is None:
                    continue
                tables.append(t)
                problems.extend(p for p in t.problems if p.code != "empty-table")
                found = True
            if not found:
                problems.append(Problem("table-not-found", WARNING, file=display,
                                        params={"table": "检查记录", "required": "日期、班级、项目"}))
    return tables, problems


def combine(tables: list):
    """All tables' records in one frame; ``_t``/``_i`` say which table and row each came from."""
    import pandas as pd

    frames = []
    for k, t in enumerate(tables):
        f = t.data.copy()
        f["_t"] = k
        f["_i"] = range(len(f))
        frames.append(f)
    cols = [fl.name for fl in INSPECTIONS.fields] + ["_row", "_t", "_i"]
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


def _item_names(office) -> list[str]:
    from .. import office as office_mod

    if "score_items" not in office.configured_tables():
        return []
    return [x for x in office_mod.read(office, "score_items").data["item"].tolist() if x]


def read_inspections_office(office) -> InspectionsTable:
    tables, problems = read_inspections(office, _item_names(office))
    return InspectionsTable(INSPECTIONS, tables, problems, office.display(office.path_of("inspections")))


def load(office) -> Inputs:
    from .. import office as office_mod

    rules, cfg = rules_from_config(office.section("ranking"))
    office_mod.checked_config(cfg)
    classes, items = office_mod.read_required(office, "classes", "score_items")
    tables, problems = read_inspections(office, [x for x in items.data["item"].tolist() if x])
    return Inputs(classes, items, tables, combine(tables), rules, classes.problems + items.problems + problems)


def latest_week(inp: Inputs, today: dt.date | None = None) -> str:
    """The last week that has records and has ended (or the last week before today)."""
    today = today or dt.date.today()
    dates = [d for d in inp.records["date"].tolist() if d and d <= today]
    if dates:
        return iso_week(max(dates))
    return iso_week(today - dt.timedelta(days=7))


def week(office, week_label: str | None = None, today: dt.date | None = None) -> WeekResult:
    inp = load(office)
    label = normalise_week(week_label) if week_label else latest_week(inp, today)
    res = score_week(inp.classes.data, inp.items.data, inp.records, label, inp.rules, inp.locate)
    res.problems = inp.problems + res.problems
    return res


def normalise_week(text: str) -> str:
    import re

    from ..dates import parse_date

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


def workdays_for(office):
    """The holiday calendar, with the office's own 节假日 table winning over the library."""
    from ..workdays import Workdays

    overrides = {}
    if "holidays" in office.configured_tables():
        from .. import office as office_mod

        t = office_mod.read(office, "holidays")
        for d, kind in zip(t.data["date"].tolist(), t.data["kind"].tolist()):
            if d and kind:
                overrides[d] = kind == "上班"
    return Workdays(overrides)


def deadlines(office, week_label: str) -> tuple[dict, list[Problem]]:
    """When week ``week_label`` must be published (first working day on or after the Monday
    after it, at ``publish_hour``) and when its 公示 ends (``objection_workdays`` working days
    later, 23:59)."""
    rules, _ = rules_from_config(office.section("ranking"))
    wd = workdays_for(office)
    _, sunday = week_bounds(week_label)
    publish_day = wd.next_workday(sunday + dt.timedelta(days=1))
    end_day = wd.add_workdays(publish_day, 0)
    for _ in range(rules.objection_workdays):
        end_day = wd.next_workday(end_day, include_today=False)
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



def status(office, week_label: str | None = None, today: dt.date | None = None) -> dict:
    """Which inspecting departments handed in records for the week, and its deadlines."""
    inp = load(office)
    label = normalise_week(week_label) if week_label else latest_week(inp, today)
    monday, sunday = week_bounds(label)
    deps_all = list(dict.fromkeys(d for d in inp.records["department"].tolist() if d))
    expected = office.section("ranking").get("departments") or deps_all
    in_week = inp.records[[bool(d and monday <= d <= sunday) for d in inp.records["date"].tolist()]]
    handed = list(dict.fromkeys(d for d in in_week["department"].tolist() if d))
    d, problems = deadlines(office, label)
    return {"week": label, "monday": monday, "sunday": sunday, "handed_in": handed,
            "missing": [x for x in expected if x not in handed], "deadlines": d, "problems": problems}


def semester(office, until: dt.date | None = None):
    """Semester cumulative ranking: each class's mean weekly score over the weeks with records,
    its number of 流动红旗, ranked (same scope and tie method as the weeks)."""
    import pandas as pd

    from .compute import rank_values

    inp = load(office)
    until = until or office.semester_end or dt.date.today()
    weeks = sorted({iso_week(d) for d in inp.records["date"].tolist() if d and d <= until})
    rows: dict[str, dict] = {}
    for w in weeks:
        res = score_week(inp.classes.data, inp.items.data, inp.records, w, inp.rules, inp.locate)
        for r in res.table.to_dict("records"):
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
