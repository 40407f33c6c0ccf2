"""Which meeting each column of a sign-in ledger is, from the header rows above the marks.

Offices head their ledger columns in many ways; every column's labels are read top to bottom
and combined:

* a whole date in one cell: a real date, ``3月3日``, ``3/3``, ``3.3`` (text, or the number 3.3
  Excel keeps when a clerk types it), ``2026-03-03``;
* a month over its days: ``3月`` (merged, or repeated in every cell, or spreading right over
  the empty cells after it) above ``3``, ``10``, ``17`` or ``3日``; several months side by side;
* a teaching week over weekdays: ``第1周`` above ``周二`` / ``星期四`` / ``二`` (week 1 is the
  Monday-to-Sunday week holding ``[office] semester_start``);
* a 周次 row above any of these, used to check the date below it;
* a meeting's name in the header (``第3周例会``).

A label that could be two dates (the number 3.1 is 3月1日 or 3月10日: Excel drops the trailing
zero) is taken only when the columns' left-to-right order decides it; otherwise the column is
reported, not guessed at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import parse_date, teaching_week_number
from ..errors import ERROR, WARNING, Problem
from ..normalize import clean_text, fold, to_simplified
from ..numerals import from_chinese
from ..reader import cell_address

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_NUM = r"([0-9]{1,2}|[一二三四五六七八九十两〇零]{1,3})"
_MONTH = re.compile(rf"^(?:(\d{{4}})年)?{_NUM}月份?$")
_WEEKDAY = re.compile(r"^[(（]?(?:周|週|星期|礼拜|禮拜)?([一二三四五六日天七])[)）]?$")
_DAY = re.compile(r"^(\d{1,2})[日号號]?$")
_SUMMARY = {fold(w) for w in ("合计", "总计", "小计", "出勤率", "出勤次数", "缺勤次数", "缺席次数", "迟到次数", "请假次数",
                              "备注", "说明", "签名", "应到", "实到", "折算缺席", "处理", "班级", "电话", "性别", "序号")}
HEADER_ROWS_ABOVE = 2  # a 周次 or month row may sit above the row holding 学号/姓名
MAX_DATE_ROWS = 4


@dataclass
class Label:
    """What one header cell says about its column."""

    kind: str  # date | month | week | weekday | day | text | ambiguous
    value: object = None


def read_label(v, ctx) -> Label | None:
    """One header cell → what it says, or None when blank."""
    if v is None or v == "":
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return Label("date", v.date() if isinstance(v, dt.datetime) else v)
    if isinstance(v, bool):
        return Label("text", str(v))
    if isinstance(v, (int, float)):
        if float(v).is_integer() and 1 <= v <= 31:
            return Label("day", int(v))
        d = parse_date(v, ctx.semester)
        if d is not None:
            return Label("date", d)
        return _month_dot_day(v, ctx)
    s = to_simplified(clean_text(str(v)))
    k = fold(s).replace(" ", "")
    if not k:
        return None
    n = teaching_week_number(k, latin=True)
    if n is not None and 1 <= n <= 30:
        return Label("week", n)
    m = _MONTH.match(k)
    if m:
        n = from_chinese(m.group(2))
        if n is not None and 1 <= n <= 12:
            return Label("month", n)
    m = _WEEKDAY.match(k)
    if m:
        return Label("weekday", _WEEKDAYS[m.group(1)])
    m = _DAY.match(k)
    if m and 1 <= int(m.group(1)) <= 31:
        return Label("day", int(m.group(1)))
    d = parse_date(s, ctx.semester)
    if d is not None:
        return Label("date", d)
    return Label("text", clean_text(str(v)))


def _month_dot_day(v: float, ctx) -> Label | None:
    """The number 3.3 a clerk typed for 3月3日; 3.1 may be 3月1日 or 3月10日."""
    text = f"{v:.2f}".rstrip("0")
    mo, _, dd = text.partition(".")
    if not mo.isdigit() or not dd.isdigit() or not 1 <= int(mo) <= 12:
        return None
    cands = []
    for day in {int(dd), int(dd) * 10 if len(dd) == 1 else int(dd)}:
        d = parse_date(f"{mo}月{day}日", ctx.semester)
        if d is not None:
            cands.append(d)
    if not cands:
        return None
    return Label("date", cands[0]) if len(cands) == 1 else Label("ambiguous", sorted(cands))


@dataclass
class Column:
    date: dt.date | None
    name: str | None
    cell: str  # the header cell that gave it, for problems


def meeting_columns(raw, header, fill, member_cols: set[int], data_start: int, file: str, ctx):
    """Header rows → ({column: Column}, problems).  ``data_start`` is the first member row."""
    rows = raw.rows
    r0, c0 = raw.origin
    first = header.first
    top = max(0, first - HEADER_ROWS_ABOVE)
    width = max((len(rows[i]) for i in range(top, min(data_start, len(rows)))), default=0)
    problems: list[Problem] = []

    def lab(i, j):
        v = rows[i][j] if j < len(rows[i]) else ""
        if v == "" or v is None:
            v = fill.get((i, j), "")
        return v

    # Each header row: its labels, months and weeks spreading right over the blanks after them.
    grid: dict[int, dict[int, Label]] = {}
    for i in range(top, data_start):
        carry: Label | None = None
        line: dict[int, Label] = {}
        for j in range(width):
            if j in member_cols:
                carry = None
                continue
            lbl = read_label(lab(i, j), ctx)
            if lbl is None:
                if carry is not None:
                    line[j] = carry
                continue
            carry = lbl if lbl.kind in ("month", "week") else None
            if i < first and lbl.kind not in ("month", "week"):
                continue  # above the header only 周次 and month rows count (not the title)
            line[j] = lbl
        grid[i] = line

    cols: dict[int, Column] = {}
    for j in range(width):
        if j in member_cols:
            continue
        stack = [(i, grid[i][j]) for i in range(top, data_start) if j in grid[i]]
        col = _combine(stack, j, raw, file, ctx, problems)
        if col is not None:
            cols[j] = col
    _settle_ambiguous(cols, problems, raw, file)
    return cols, problems


def _combine(stack, j, raw, file, ctx, problems) -> Column | None:
    r0, c0 = raw.origin
    by = {}
    for i, lbl in stack:
        by.setdefault(lbl.kind, (i, lbl))
    where = lambda kind: cell_address(by[kind][0] + r0, j + c0)  # noqa: E731
    last = stack[-1][0] if stack else 0
    cell = cell_address(last + r0, j + c0)
    date = None
    if "date" in by:
        date = by["date"][1].value
        cell = where("date")
    elif "ambiguous" in by:
        return _Ambiguous(by["ambiguous"][1].value, where("ambiguous"))
    elif "month" in by and "day" in by:
        cell = where("day")
        date = parse_date(f"{by['month'][1].value}月{by['day'][1].value}日", ctx.semester)
        if date is None:
            problems.append(Problem("bad-ledger-date", ERROR, file, raw.name, cell,
                                    f"{by['month'][1].value}月{by['day'][1].value}日"))
            return None
    elif "week" in by and "weekday" in by:
        cell = where("weekday")
        start = ctx.semester.start
        if start is None:
            problems.append(Problem("ledger-week-needs-start", ERROR, file, raw.name, cell))
            return None
        date = ctx.semester.week_monday(by["week"][1].value) + dt.timedelta(days=by["weekday"][1].value)
    if date is not None:
        if "week" in by and "weekday" not in by and ctx.semester.start:
            first = ctx.semester.first_monday()
            week = (date - first).days // 7 + 1  # past the semester's end too: the heading said a number
            if week != by["week"][1].value:
                problems.append(Problem("ledger-week-mismatch", WARNING, file, raw.name, cell, date.isoformat(),
                                        {"week": by["week"][1].value, "actual": week}))
        if "weekday" in by and "week" not in by and date.weekday() != by["weekday"][1].value:
            problems.append(Problem("ledger-weekday-mismatch", WARNING, file, raw.name, cell, date.isoformat()))
        return Column(date, None, cell)
    texts = [lbl for _, lbl in stack if lbl.kind == "text"]
    if texts and not _is_summary(texts[-1].value):
        return Column(None, texts[-1].value, cell)  # a meeting named in the header
    return None


class _Ambiguous(Column):
    def __init__(self, candidates, cell):
        super().__init__(None, None, cell)
        self.candidates = candidates


def _settle_ambiguous(cols: dict[int, Column], problems, raw, file) -> None:
    """3.1 between 3.9 and 3.17 is 3月10日; where order does not decide, report the column."""
    order = sorted(cols)
    for k, j in enumerate(order):
        col = cols[j]
        if not isinstance(col, _Ambiguous):
            continue
        before = next((cols[x].date for x in reversed(order[:k]) if cols[x].date), None)
        after = next((cols[x].date for x in order[k + 1:] if cols[x].date and not isinstance(cols[x], _Ambiguous)),
                     None)
        fits = [d for d in col.candidates if (before is None or d > before) and (after is None or d < after)]
        if len(fits) == 1:
            cols[j] = Column(fits[0], None, col.cell)
        else:
            problems.append(Problem("ambiguous-ledger-date", ERROR, file, raw.name, col.cell,
                                    " / ".join(d.isoformat() for d in col.candidates)))
            del cols[j]


def _is_summary(v: str) -> bool:
    return fold(v) in _SUMMARY


def first_member_row(raw, header, member_cols: set[int]) -> int:
    """The first row below the header holding a member (its 学号 or 姓名 typed, not merged down)
    or blank: the rows between are the ledger's date rows."""
    rows = raw.rows
    keys = [header.columns[k] for k in ("id", "name") if k in header.columns]
    limit = min(len(rows), header.first + 1 + MAX_DATE_ROWS)
    for i in range(max(header.first, header.last) + 1, limit):
        row = rows[i]
        if any(j < len(row) and row[j] not in ("", None) for j in keys) or all(v in ("", None) for v in row):
            return i
    return max(header.first, header.last) + 1
