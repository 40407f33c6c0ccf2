"""Sign-in ledgers in the layouts offices keep, written from the same facts as a log.

``write_ledger_sheet(ws, members, facts, layout, semester_start)`` puts one ledger on a sheet:
members as rows (序号 学号 姓名), one column per meeting date, the mark or time in each cell, the
columns headed the way ``layout`` says.  The tests read the ledger and the log and compare.
"""

from __future__ import annotations

import datetime as dt

LAYOUTS = (
    "date-cells",        # a real date in each heading cell
    "md-text",           # 3月3日 (the month repeated in every cell)
    "md-weekday",        # 3月3日（周二）
    "slash",             # 3/3
    "dot-text",          # "3.3" typed as text
    "dot-number",        # 3.3 typed as a number (3.10 is stored as 3.1)
    "month-merged",      # 3月 merged over the day numbers
    "month-repeated",    # 3月 typed over every day
    "month-spread",      # 3月 over the first day only, blank after it
    "month-day-text",    # 3月 over 3日 / 10号
    "week-weekday",      # 第1周 merged over 周二 / 周四
    "week-over-dates",   # a 周次 row above the row with 学号 and the real dates
    "week-month-day",    # 周次 row, month row, day row
)
WEEKDAY = "一二三四五六日"


def _teaching_week(d: dt.date, start: dt.date) -> int:
    monday = start - dt.timedelta(days=start.weekday())
    return (d - monday).days // 7 + 1


def _heading_rows(dates: list[dt.date], layout: str, start: dt.date) -> list[list]:
    """The header rows over the date columns (one list per row)."""
    if layout == "date-cells":
        return [list(dates)]
    if layout == "md-text":
        return [[f"{d.month}月{d.day}日" for d in dates]]
    if layout == "md-weekday":
        return [[f"{d.month}月{d.day}日（周{WEEKDAY[d.weekday()]}）" for d in dates]]
    if layout == "slash":
        return [[f"{d.month}/{d.day}" for d in dates]]
    if layout == "dot-text":
        return [[f"{d.month}.{d.day}" for d in dates]]
    if layout == "dot-number":
        return [[float(f"{d.month}.{d.day}") for d in dates]]
    if layout in ("month-merged", "month-spread"):
        months = [f"{d.month}月" if k == 0 or dates[k - 1].month != d.month else None for k, d in enumerate(dates)]
        return [months, [d.day for d in dates]]
    if layout == "month-repeated":
        return [[f"{d.month}月" for d in dates], [d.day for d in dates]]
    if layout == "month-day-text":
        return [[f"{d.month}月" for d in dates], [f"{d.day}{'日' if d.day % 2 else '号'}" for d in dates]]
    if layout == "week-weekday":
        weeks = [_teaching_week(d, start) for d in dates]
        return [[f"第{w}周" if k == 0 or weeks[k - 1] != w else None for k, w in enumerate(weeks)],
                [f"周{WEEKDAY[d.weekday()]}" for d in dates]]
    if layout == "week-over-dates":
        weeks = [_teaching_week(d, start) for d in dates]
        return [[f"第{w}周" if k == 0 or weeks[k - 1] != w else None for k, w in enumerate(weeks)], list(dates)]
    if layout == "week-month-day":
        weeks = [_teaching_week(d, start) for d in dates]
        return [[f"第{w}周" for w in weeks], [f"{d.month}月" for d in dates], [d.day for d in dates]]
    raise ValueError(layout)


def _merge_runs(ws, row: int, col0: int, values: list) -> None:
    """Merge each label over the blank cells after it (as clerks merge month and week rows)."""
    k = 0
    while k < len(values):
        j = k + 1
        while j < len(values) and values[j] is None:
            j += 1
        if j - k > 1:
            ws.merge_cells(start_row=row, start_column=col0 + k, end_row=row, end_column=col0 + j - 1)
        k = j


def write_ledger_sheet(ws, members: list[tuple[str, str]], facts: dict, layout: str, start: dt.date,
                       title: str = "考勤台账") -> None:
    """``members``: (学号, 姓名) in order; ``facts``: {(date, 学号): mark or time}."""
    dates = sorted({d for d, _ in facts})
    heads = _heading_rows(dates, layout, start)
    ws.append([title])
    left = ["序号", "学号", "姓名"]
    n = len(left)
    if layout == "week-over-dates":
        ws.append([None] * n + heads[0])  # 周次 above the header row
        _merge_runs(ws, ws.max_row, n + 1, heads[0])
        ws.append(left + heads[1])
    else:
        first = ws.max_row + 1
        for k, h in enumerate(heads):
            ws.append((left if k == 0 else [None] * n) + h)
            if layout in ("month-merged", "week-weekday") and k == 0:
                _merge_runs(ws, ws.max_row, n + 1, h)
        if len(heads) > 1:
            for c in range(1, n + 1):
                ws.merge_cells(start_row=first, start_column=c, end_row=first + len(heads) - 1, end_column=c)
    for k, (sid, name) in enumerate(members):
        ws.append([k + 1, sid, name] + [facts.get((d, sid)) for d in dates])
    ws.append(["合计"])
