"""Find a table in a sheet as clerks make them, and return clean typed rows plus problems.

Handles title and info rows above the header, headers spread over two (merged) rows, labels
with spaces, full-width forms, Traditional characters or English, columns in any order, extra
columns, blank rows, total rows (合计/总计/小计), footnotes (注：/制表人：), merged cells down a
column, and values typed every way a clerk types them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from operator import itemgetter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..dates import NO_SEMESTER, Semester, parse_date, parse_datetime, parse_time
from ..errors import ERROR, WARNING, Problem, UnreadableFile
from ..messages import W
from ..normalize import clean_name, clean_prose, clean_text, clean_texts, fold, is_footer_note, is_total_label
from ..schema import Field, TableSpec
from .address import cell_address
from .guard import DEFAULT_LIMITS, Limits
from .workbook import RawSheet, RawWorkbook, open_workbook

HEADER_SCAN_ROWS = 30


@dataclass
class ReadContext:
    semester: Semester = NO_SEMESTER
    limits: Limits = DEFAULT_LIMITS
    lang: str = "zh-CN"


DEFAULT_CONTEXT = ReadContext()


@dataclass
class Table:
    """Rows read from one sheet.  ``data`` has one column per spec field (None where absent)
    and ``_row``, the 0-based sheet row each record came from."""

    spec: TableSpec
    data: Any  # pandas.DataFrame
    problems: list[Problem]
    file: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # 0-based
    columns: dict[str, int] = field(default_factory=dict)  # field → 0-based sheet column

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)

    def cell(self, i: int, field_name: str | None = None) -> str | None:
        """Address of record ``i``'s cell for ``field_name`` (or its first column)."""
        row = int(self.data["_row"].iat[i])
        col = self.columns.get(field_name) if field_name else None
        if col is None:
            col = min(self.columns.values()) if self.columns else 0
        return cell_address(row, col)

    def problem(self, code: str, i: int, field_name: str | None, value: Any = None,
                severity: str = ERROR, **params) -> Problem:
        """A problem located at record ``i``'s cell."""
        if field_name and "column" not in params:
            params["column"] = self.spec.field(field_name).term
        return Problem(code, severity, self.file, self.sheet, self.cell(i, field_name), value, params)

    def __len__(self) -> int:
        return len(self.data)

    def missing(self, *names: str, severity: str = ERROR) -> list[Problem]:
        """A ``missing-column`` problem for each column a rule needs that the header does not have (an optional
        column of the schema a job cannot do without: without it every row would read as blank)."""
        out = []
        for name in names:
            if name in self.columns or self.header_row is None:
                continue
            f = self.spec.field(name)
            out.append(Problem("missing-column", severity, self.file, self.sheet, None, None, {
                "table": self.spec.term, "column": f.term, "header_row": self.header_row + 1,
                "aliases": "、".join(dict.fromkeys(f.labels + ((f.english,) if f.english else ())))}))
        return out


# ---------------------------------------------------------------------------------------
def read_table(
    source: str | os.PathLike | RawWorkbook,
    spec: TableSpec,
    *,
    sheet: str | None = None,
    context: ReadContext = DEFAULT_CONTEXT,
    display: str | None = None,
) -> Table:
    """Read ``spec``'s table from a workbook path (or an opened :class:`RawWorkbook`).

    Never raises for bad input: an unreadable file or a missing table comes back as a
    :class:`Table` with no rows and the problem in ``problems``."""
    own = not isinstance(source, RawWorkbook)
    try:
        wb = open_workbook(source, context.limits, display=display) if own else source
    except UnreadableFile as e:
        return empty_table(spec, e.problems, display or Path(source).name)
    try:
        return read_table_from(wb, spec, sheet=sheet, context=context)
    except UnreadableFile as e:
        return empty_table(spec, e.problems, wb.display)
    finally:
        if own:
            wb.close()


def resolve_sheet(wb: RawWorkbook, sheet: str) -> str | Problem:
    """The sheet a clerk named, forgiving spaces, width and script; or a ``sheet-not-found`` problem."""
    if sheet in wb.sheet_names:
        return sheet
    match = [n for n in wb.sheet_names if fold(n) == fold(sheet)]
    if len(match) == 1:
        return match[0]
    return Problem("sheet-not-found", file=wb.display, value=sheet,
                   params={"available": "、".join(wb.sheet_names) or W("none")})


def read_table_from(wb: RawWorkbook, spec: TableSpec, *, sheet: str | None = None,
                    context: ReadContext = DEFAULT_CONTEXT, rivals: tuple[TableSpec, ...] = ()) -> Table:
    """``spec``'s table from the sheet (named, or the best fitting one).  A sheet that one of the
    ``rivals`` fits better — every required column of it and at least as many columns, a larger
    share of its columns — is that table's, not this one's: the meetings sheet (日期, 会议名称,
    类型) is not read as the leave table, nor a sign-in log as the meetings."""
    from ..gcpause import paused_gc

    with paused_gc():
        return _read_table_from(wb, spec, sheet, context, rivals)


def _read_table_from(wb, spec: TableSpec, sheet: str | None, context: ReadContext, rivals) -> Table:
    if sheet is not None:
        found_name = resolve_sheet(wb, sheet)
        if isinstance(found_name, Problem):
            return empty_table(spec, [found_name], wb.display)
        sheet = found_name
        candidates = [sheet]
    else:
        # Visible sheets first, then hidden ones.
        candidates = sorted(wb.sheet_names, key=lambda n: not wb.visible.get(n, True))
    best = None
    for name in candidates:
        raw = wb.sheet(name)
        found = find_header(raw, spec)
        if found and sheet is None and rivals and _belongs_elsewhere(raw, found, spec, rivals):
            continue
        if found and (best is None or found.score > best[1].score):
            best = (raw, found)
            if found.complete:
                break
    if best is None:
        return empty_table(spec, [Problem("table-not-found", file=wb.display, sheet=sheet,
                                     params={"table": spec.term, "required": spec.required_term(3)})],
                      wb.display, sheet)
    return extract(best[0], best[1], spec, context, wb.display)


def _belongs_elsewhere(raw: RawSheet, found: "Header", spec: TableSpec, rivals) -> bool:
    share = found.score[1] / len(spec.fields)
    cache = raw.__dict__.setdefault("_rival_headers", {})  # a sheet is asked about each rival once
    for other in rivals:
        if other is spec or len(other.fields) < found.score[1]:
            continue  # cannot name as many columns as this table already does
        if other.name not in cache:
            cache[other.name] = find_header(raw, other)
        h = cache[other.name]
        if h is None or h.score[0] < len(other.required):
            continue
        if h.score[1] >= found.score[1] and h.score[1] / len(other.fields) > share:
            return True
    return False


def empty_table(spec: TableSpec, problems: list[Problem], file: str | None, sheet: str | None = None) -> Table:
    import pandas as pd

    cols = [f.name for f in spec.fields] + ["_row"]
    return Table(spec, pd.DataFrame({c: pd.Series([], dtype=object) for c in cols}), list(problems), file, sheet)


# ---------------------------------------------------------------------------------------
@dataclass
class Header:
    first: int  # index into raw.rows of the first header row
    last: int  # index of the last header row (first or first + 1)
    columns: dict[str, int]  # field → index into the row lists
    duplicates: list[tuple[str, int]]
    score: tuple[int, int]
    complete: bool


def merged_fill(raw: RawSheet, upto: int) -> dict[tuple[int, int], Any]:
    """Values that merged ranges spread over the first ``upto`` grid rows."""
    r0, c0 = raw.origin
    fill: dict[tuple[int, int], Any] = {}
    for r1, c1, r2, c2 in raw.merged:
        i1, j1 = r1 - r0, c1 - c0
        if i1 < 0 or j1 < 0 or i1 >= upto or i1 >= len(raw.rows):
            continue
        row = raw.rows[i1]
        if j1 >= len(row):
            continue
        v = row[j1]
        for i in range(i1, min(r2 - r0, upto) + 1):
            for j in range(j1, min(c2 - c0, 16383) + 1):
                if (i, j) != (i1, j1):
                    fill[(i, j)] = v
    return fill


def find_header(raw: RawSheet, spec: TableSpec) -> Header | None:
    rows = raw.rows
    n = min(len(rows), HEADER_SCAN_ROWS)
    if n == 0:
        return None
    fill = merged_fill(raw, n + 1)

    def label(i: int, j: int) -> str:
        v = rows[i][j] if j < len(rows[i]) else ""
        if v == "" or v is None:
            v = fill.get((i, j), "")
        return v if isinstance(v, str) else ("" if v is None else str(v))

    width = max((len(r) for r in rows[:n]), default=0)
    labels = [[label(i, j) for j in range(width)] for i in range(min(len(rows), n + 1))]
    required = {f.name for f in spec.required}

    def candidate(i: int, two: bool) -> Header | None:
        cols: dict[str, int] = {}
        dups: list[tuple[str, int]] = []
        for j in range(width):
            top = labels[i][j]
            if two:
                bottom = labels[i + 1][j]
                f = spec.match(bottom) or spec.match(top) or spec.match(top + bottom)
            else:
                f = spec.match(top)
            if f is None:
                continue
            if f.name in cols:
                dups.append((f.name, j))
            else:
                cols[f.name] = j
        if not cols:
            return None
        req = len(required & cols.keys())
        return Header(i, i + 1 if two else i, cols, dups, (req, len(cols)), False)

    singles = [candidate(i, False) for i in range(n)]
    best: Header | None = None
    for i in range(n):
        for h in (singles[i], candidate(i, True) if i + 1 < len(labels) else None):
            if h is None:
                continue
            if h.last > h.first:
                # Two rows count when both name columns and together they name more than the
                # top row alone, and no fewer than the bottom row alone.
                below = singles[i + 1] if i + 1 < n else None
                if singles[i] is None or h.score <= singles[i].score or (below and h.score < below.score):
                    continue
            if best is None or h.score > best.score:
                best = h
    if best is None:
        return None
    # Enough to call it this table: every required column, or at least two known columns.
    if best.score[0] < len(required) and best.score[1] < 2:
        return None
    best.complete = best.score[1] == len(spec.fields)  # nothing better can turn up elsewhere
    return best


# ---------------------------------------------------------------------------------------
def extract(raw: RawSheet, header: Header, spec: TableSpec, context: ReadContext, file: str) -> Table:
    import pandas as pd

    r0, c0 = raw.origin
    problems: list[Problem] = []
    columns = {name: j + c0 for name, j in header.columns.items()}
    header_row = header.first + r0
    for name, j in header.duplicates:
        f = spec.field(name)
        problems.append(Problem("duplicate-column", WARNING, file, raw.name, cell_address(header.last + r0, j + c0),
                                f.label, {"column": f.term,
                                          "cells": f"{cell_address(header.last + r0, header.columns[name] + c0)}、"
                                                   f"{cell_address(header.last + r0, j + c0)}"}))
    for f in spec.required:
        if f.name not in header.columns:
            problems.append(Problem("missing-column", ERROR, file, raw.name, None, None,
                                    {"table": spec.term, "column": f.term,
                                     "aliases": "、".join(dict.fromkeys(f.labels + ((f.english,) if f.english else ()))),
                                     "header_row": header_row + 1}))
    start = header.last + 1
    body = raw.rows[start:]
    _fill_merged_body(raw, body, start, header.columns.values())

    mapped = list(header.columns.items())
    width = max(j for _, j in mapped) + 1
    for r in body:  # CSV rows and ragged rows: make every mapped index valid
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    # Column-wise from here on: each test runs over a column's distinct values, not its cells.
    raw_cols = {name: list(map(itemgetter(j), body)) for name, j in mapped}
    blank = ("",) * len(mapped)
    if len(mapped) > 1:
        keep = [k for k, t in enumerate(zip(*raw_cols.values())) if t != blank]
    else:
        keep = [k for k, v in enumerate(next(iter(raw_cols.values()))) if v != "" and v is not None]
    suspects: set[int] = set()
    required = [name for name, _ in mapped if spec.field(name).required]
    if not required and len(mapped) > 1:
        # No required column: a footnote or a stray label is a row with a single value.
        lone = len(mapped) - 1
        suspects.update(k for k, t in enumerate(zip(*raw_cols.values())) if t.count("") >= lone)
    for name, col in raw_cols.items():
        uniq = set(col)
        short = [v for v in uniq if v.__class__ is str and 0 < len(v) <= 12]
        joined = "\x00".join(short)  # most columns hold no hint of a total anywhere: one test for all
        totals = set()
        if any(h in joined for h in _TOTAL_HINTS):
            totals = {v for v in short if _may_total(v) and is_total_label(v)}
        if totals:
            suspects.update(k for k, v in enumerate(col) if v in totals)
        if name in required and ("" in uniq or None in uniq):
            suspects.update(k for k, v in enumerate(col) if v == "" or v is None)
    if suspects:
        drop = {k for k in suspects if _is_total_or_footer(body[k])}
        if drop:
            keep = [k for k in keep if k not in drop]
    everything = len(keep) == len(body)
    rows_abs = [start + k + r0 for k in keep]
    data: dict[str, list] = {}
    for name, j in mapped:
        f = spec.field(name)
        col = raw_cols[name]
        if not everything:
            col = [col[k] for k in keep]
        values, probs = convert_column(col, f, context, file, raw.name, rows_abs, j + c0)
        data[name] = values
        problems.extend(probs)
    n = len(keep)
    for f in spec.fields:
        if f.name not in data:
            data[f.name] = [None] * n
    data["_row"] = rows_abs
    df = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in data.items()})
    df = df[[f.name for f in spec.fields] + ["_row"]]
    if n == 0:
        problems.append(Problem("empty-table", WARNING, file, raw.name, None, None,
                                {"table": spec.term}))
    table = Table(spec, df, problems, file, raw.name, header_row, columns)
    if spec.key and spec.key in header.columns:
        _check_unique(table)
    return table


_TOTAL_HINTS = ("计", "計", "tal", "TAL", "Tal", "um", "UM")


def _may_total(v: str) -> bool:
    return any(h in v for h in _TOTAL_HINTS)


def _is_total_or_footer(row: list) -> bool:
    for v in row:
        if isinstance(v, str) and v.strip():
            if len(v) <= 12 and is_total_label(v):
                return True
            return is_footer_note(v)
        if v != "" and v is not None:
            return False
    return False


def _fill_merged_body(raw: RawSheet, body: list[list], start: int, cols: Iterable[int]) -> None:
    """A cell merged down a column (部门 over its members' rows) gives its value to every row."""
    if not raw.merged:
        return
    r0, c0 = raw.origin
    wanted = set(cols)
    for r1, c1, r2, c2 in raw.merged:
        i1, j1 = r1 - r0 - start, c1 - c0
        if i1 < 0 or i1 >= len(body) or r2 == r1:
            continue
        if not any(j1 <= j <= c2 - c0 for j in wanted):
            continue
        src = body[i1]
        for i in range(i1 + 1, min(r2 - r0 - start, len(body) - 1) + 1):
            row = body[i]
            for j in range(j1, c2 - c0 + 1):
                if j in wanted and j < len(row) and j < len(src) and row[j] == "":
                    row[j] = src[j]


# ---------------------------------------------------------------------------------------
def convert_column(raw: list, f: Field, ctx: ReadContext, file: str, sheet: str, rows: list[int],
                   col: int) -> tuple[list, list[Problem]]:
    """Typed values for one column, and the problems found in it.

    Each distinct value is converted once; the column is then mapped in one pass."""
    conv = _CONVERTERS[f.type]
    types = set(map(type, raw))
    fast = _whole_column(raw, f, types)
    if fast is not None:
        out, bad = fast, []
    elif bool in types and (int in types or float in types):  # True == 1: convert cell by cell
        results = [conv(v, f, ctx) if v != "" and v is not None else _EMPTY for v in raw]
        out = [r[0] for r in results]
        bad = [(k, raw[k], r) for k, r in enumerate(results) if r[1]]
    else:
        table: dict = {}
        for v in set(raw):
            table[v] = _EMPTY if (v == "" or v is None) else conv(v, f, ctx)
        values = {v: r[0] for v, r in table.items()}
        out = list(map(values.__getitem__, raw))
        bad_values = {v for v, r in table.items() if r[1]}
        bad = [(k, v, table[v]) for k, v in enumerate(raw) if v in bad_values] if bad_values else []
    problems: list[Problem] = []
    for k, v, (_, code, params) in bad:
        sev = WARNING if code in _WARNING_CODES else ERROR
        problems.append(Problem(code, sev, file, sheet, cell_address(rows[k], col), v, {"column": f.term, **params}))
    if f.required and None in out:
        for k, v in enumerate(out):
            if v is None and not any(b[0] == k for b in bad):
                problems.append(Problem("missing-value", ERROR, file, sheet, cell_address(rows[k], col), None,
                                        {"column": f.term}))
        problems.sort(key=lambda p: (len(p.cell), p.cell))
    return out, problems


_PLAIN_TYPES = {str, int, float}
_ID_MARKS = ("'", "‘", "’", "`", ".0", "e+", "E+")


def _whole_column(raw: list, f: Field, types: set) -> list | None:
    """A text, name, id or phone column converted as a whole — the same values the cell-by-cell
    converters give — when none of its cells can have a problem; None when it needs cell by cell.
    Most large columns are of this kind: 200,000 distinct ids or names."""
    if f.type not in ("text", "name", "id", "phone") or not types <= _PLAIN_TYPES:
        return None
    numeric = types != {str}
    if numeric:
        strs_at = [k for k, v in enumerate(raw) if v.__class__ is str]
        strs = [raw[k] for k in strs_at]
    else:
        strs = raw
    cleaned = clean_texts(strs, names=f.type == "name")
    if f.type in ("id", "phone"):
        joined = "\x00".join(cleaned)
        if any(m in joined for m in (_ID_MARKS if f.type == "id" else ("'",))):
            return None
    if numeric:
        out: list = [None] * len(raw)
        for k, v in enumerate(raw):
            if v.__class__ is not str:
                if f.type in ("text", "prose", "name"):
                    out[k] = _num_text(v) if v.__class__ is float else str(v)
                else:
                    fv = float(v)
                    if not fv.is_integer() or fv < 0 or fv >= 1e15:
                        return None
                    out[k] = str(int(v))
        for k, v in zip(strs_at, cleaned):
            out[k] = v or None
        return out
    return [v or None for v in cleaned]


_EMPTY = (None, None, {})
_WARNING_CODES = {"id-precision-lost"}
_OK: dict = {}


def _num_text(v: float) -> str:
    if v.is_integer():
        return str(int(v))
    return repr(v)


def _text(v, f, ctx):
    if isinstance(v, str):
        s = clean_name(v) if f.type == "name" else clean_prose(v) if f.type == "prose" else clean_text(v)
        return (s or None), None, _OK
    if isinstance(v, float):
        return _num_text(v), None, _OK
    if isinstance(v, bool):
        return ("是" if v else "否"), None, _OK
    if isinstance(v, dt.datetime) and v.time() == dt.time(0):
        return v.date().isoformat(), None, _OK
    if hasattr(v, "isoformat"):
        return v.isoformat(), None, _OK
    return str(v), None, _OK


def _id(v, f, ctx):
    if isinstance(v, str):
        s = clean_text(v).lstrip("'‘’`").strip()
        if s.endswith(".0") and s[:-2].isdigit():
            s = s[:-2]
        if "e+" in s.lower() and _is_float(s):
            return _id(float(s), f, ctx)
        return (s or None), None, _OK
    if isinstance(v, bool) or isinstance(v, (dt.date, dt.time, dt.timedelta)):
        return None, "bad-id", {"detail": W("not-an-id")}
    if isinstance(v, (int, float)):
        fv = float(v)
        if not fv.is_integer() or fv < 0:
            return None, "bad-id", {"detail": W("id-has-fraction")}
        s = str(int(v))
        if abs(fv) >= 1e15:
            return s, "id-precision-lost", _OK
        return s, None, _OK
    return str(v), None, _OK


def _is_float(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def _phone(v, f, ctx):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _id(v, f, ctx)
    s = clean_text(str(v)).lstrip("'")
    return (s or None), None, _OK


def _date(v, f, ctx):
    d = parse_date(v, ctx.semester)
    if d is None:
        return None, "bad-date", _OK
    return d, None, _OK


def _time(v, f, ctx):
    t = parse_time(v)
    if t is None:
        return None, "bad-time", _OK
    return t, None, _OK


def _datetime(v, f, ctx):
    m = parse_datetime(v, ctx.semester)
    if m is None:
        return None, "bad-datetime", _OK
    return m, None, _OK


_UNIT = re.compile(r"^(.+?)\s*(人次|次|人|个|名|件|项|处|分|份|张|页|本|套|册|盒|包|支|箱|条|块|卷|瓶|袋|把|台|桶|双|副|捆|令|"
                   r"只|枚|沓|提|罐|组)$")


def _counted(s: str) -> float | None:
    """A number with the unit a clerk types after it (3次, 2人, 1.5分), or in Chinese numerals (三, 十二, 九十八);
    None for anything else (一些, 2-3, 三四)."""
    from ..numerals import from_chinese

    m = _UNIT.match(s)
    core = m.group(1) if m else s
    try:
        return float(core)
    except ValueError:
        n = from_chinese(core)
        return float(n) if n is not None else None


def _number(v, f, ctx):
    if isinstance(v, bool):
        return None, "bad-number", _OK
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        s = clean_text(str(v)).replace(",", "").replace("，", "")
        pct = s.endswith("%")
        try:
            x = float(s.rstrip("%")) / (100 if pct else 1)
        except ValueError:
            x = _counted(s)  # as clerks type a count or a score: 3次, 2人, 三, 九十八分
            if x is None:
                return None, "bad-number", _OK
    if f.type == "int":
        if not x.is_integer():
            return None, "bad-number", _OK
        return int(x), None, _OK
    return x, None, _OK


def _money(v, f, ctx):
    """An amount of yuan, exact to the 分 (a Decimal): 1,200.00, ¥1200, 1200元; finer than a 分 or below zero is
    a problem, never rounded or taken as written."""
    from ..money import parse_money

    d, why = parse_money(v, 4 if f.type == "price" else 2)
    if why:
        return None, {"not-money": "bad-money", "fraction": "money-fraction", "negative": "money-negative"}[why], _OK
    return d, None, _OK


def _choice(v, f, ctx):
    key = fold(v if isinstance(v, str) else _text(v, f, ctx)[0])
    canon = f.choice_map.get(key)
    if canon is None:
        return None, "bad-choice", {"allowed": f.allowed_text()}
    return canon, None, _OK


_CONVERTERS = {
    "text": _text,
    "prose": _text,
    "name": _text,
    "id": _id,
    "phone": _phone,
    "date": _date,
    "time": _time,
    "datetime": _datetime,
    "int": _number,
    "number": _number,
    "choice": _choice,
    "money": _money,
    "price": _money,
}


# ---------------------------------------------------------------------------------------
def _check_unique(table: Table) -> None:
    key = table.spec.key
    first: dict[str, int] = {}
    for i, v in enumerate(table.data[key].tolist()):
        if v is None:
            continue
        if v in first:
            table.problems.append(table.problem("duplicate-id", i, key, v, other=table.cell(first[v], key)))
        else:
            first[v] = i

