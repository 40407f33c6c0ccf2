"""The jobs behind Excel's custom functions: small answers from the values of a few cells.

The functions in :mod:`sectools.excel.functions` only convert Excel's arguments and call these; the
rules are the domains' own (the one attendance rate, the one ranking with ties, the holiday calendar).
A bad argument raises ``ValueError`` with a clerk's message (Excel shows ``#VALUE!``)."""

from __future__ import annotations

import datetime as dt

from ..messages import L, text


def _numbers(values, what: str) -> list[float]:
    flat = [v for row in (values if isinstance(values, list) else [[values]]) for v in
            (row if isinstance(row, list) else [row])]
    out = []
    for v in flat:
        if v is None or v == "":
            continue
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            raise ValueError(text("cell-not-number", what=L(what), value=v)) from None
    return out


def attendance_rate(signins, who: str) -> float:
    from ..attendance.quick import counts_for, rate

    r = rate(counts_for(signins, who))
    if r is None:
        raise ValueError(text("cell-no-signins", who=who))
    return r


def status_count(signins, who: str, status: str = "缺席") -> int:
    from ..attendance.quick import counts_for, status_of

    wanted = status_of(status)
    c = counts_for(signins, who)
    return sum(c[s] for s in wanted) if isinstance(wanted, list) else c[wanted]


def next_workday(day: dt.date, n: int = 0) -> dt.date:
    from ..workdays import DEFAULT

    return DEFAULT.add_workdays(day, int(n))


def deadline(month: dt.date, n: int = 3) -> dt.date:
    from ..workdays import DEFAULT

    return DEFAULT.nth_workday_of_month(month.year, month.month, int(n))


def weighted(scores, weights) -> float:
    s, w = _numbers(scores, "得分"), _numbers(weights, "权重")
    if len(s) != len(w) or not s:
        raise ValueError(text("cell-count-mismatch", scores=len(s), weights=len(w)))
    total = sum(w)
    if total == 0:
        raise ValueError(text("cell-zero-weights"))
    return sum(a * b for a, b in zip(s, w)) / total


def class_score(base: float, items) -> float:
    return float(base) + sum(_numbers(items, "加减分"))


def rank(value: float, values, method: str = "dense") -> int:
    from ..ranks import rank_of

    return rank_of(float(value), _numbers(values, "得分"), method)
