"""The wide inspection layout: classes as rows, one column per scoring item, the number of
occurrences (次数/人次) in the cells.  The date comes from a 日期 column, else from the title rows
above the header or the sheet's name (a date, or a week such as 2026-W11 → its Monday)."""

from __future__ import annotations

import re

from ..dates import parse_date
from ..errors import ERROR, Problem
from ..normalize import clean_text, fold
from ..reader import cell_address, find_header
from ..reader.table import Table
from ..schema import Field, TableSpec
from .schema import INSPECTIONS

WIDE = TableSpec("inspections", "检查记录（宽表）", (
    Field("class_name", ("班级",), "text", True),
    Field("date", ("日期", "检查日期"), "date"),
    Field("department", ("检查部门",), "text"),
))


class WideTable(Table):
    def cell(self, i: int, field_name: str | None = None) -> str | None:
        row = int(self.data["_row"].iat[i])
        if field_name in ("item", "count", "points"):
            return cell_address(row, int(self.data["_col"].iat[i]))
        return super().cell(i, field_name)


def _date_from(raw, above: int, ctx):
    for r in raw.rows[:above]:
        for v in r:
            if v in ("", None):
                continue
            d = parse_date(v, ctx.semester)
            if d:
                return d
            if isinstance(v, str):
                m = re.search(r"(\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日)", v)
                if m and parse_date(m.group(1), ctx.semester):
                    return parse_date(m.group(1), ctx.semester)
    return _date_from_name(raw.name, ctx)


def _date_from_name(name: str, ctx):
    import datetime as dt

    m = re.search(r"(\d{4})-?W(\d{1,2})", name.upper())
    if m:
        try:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
    return parse_date(name, ctx.semester)


def read_wide(raw, items: list[str], ctx, file: str) -> WideTable | None:
    import pandas as pd

    h = find_header(raw, WIDE)
    if h is None or "class_name" not in h.columns:
        return None
    item_of = {fold(x): x for x in items if x}
    r0, c0 = raw.origin
    header = raw.rows[h.last]
    cols = {}
    for j, v in enumerate(header):
        if j in h.columns.values() or not isinstance(v, str):
            continue
        name = item_of.get(fold(clean_text(v)))
        if name:
            cols[j] = name
    if not cols:
        return None
    problems: list[Problem] = []
    default_date = None if "date" in h.columns else _date_from(raw, h.first, ctx)
    if "date" not in h.columns and default_date is None:
        problems.append(Problem("wide-no-date", ERROR, file, raw.name, None, raw.name))
        default_date = None
    out = {k: [] for k in ("date", "class_name", "item", "count", "points", "department", "inspector", "note",
                           "_row", "_col")}
    jc = h.columns["class_name"]
    for i in range(h.last + 1, len(raw.rows)):
        row = raw.rows[i]
        cls = row[jc] if jc < len(row) else ""
        if not isinstance(cls, str) or not cls.strip() or fold(cls) in ("合计", "总计", "小计"):
            continue
        d = default_date
        if "date" in h.columns:
            d = parse_date(row[h.columns["date"]], ctx.semester)
        dep = row[h.columns["department"]] if "department" in h.columns else None
        for j, item in cols.items():
            v = row[j] if j < len(row) else ""
            if v in ("", None, 0, 0.0):
                continue
            try:
                n = float(clean_text(str(v))) if not isinstance(v, (int, float)) else float(v)
            except ValueError:
                problems.append(Problem("bad-number", ERROR, file, raw.name, cell_address(i + r0, j + c0), v,
                                        {"column": item}))
                continue
            out["date"].append(d)
            out["class_name"].append(clean_text(cls))
            out["item"].append(item)
            out["count"].append(n)
            out["points"].append(None)
            out["department"].append(dep or None)
            out["inspector"].append(None)
            out["note"].append(None)
            out["_row"].append(i + r0)
            out["_col"].append(j + c0)
    df = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in out.items()})
    columns = {name: j + c0 for name, j in h.columns.items()}
    return WideTable(INSPECTIONS, df, problems, file, raw.name, h.first + r0, columns)
