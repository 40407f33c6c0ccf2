"""Working days from the Chinese holiday calendar (节假日 and 调休).

The ``chinesecalendar`` package knows each year's official holidays and the weekend days
moved to working days.  For a year it has no data for, sectools falls back to Monday–Friday
and says so (``fallback_years``), never silently.  An office may keep its own table of days
that win over the library (school breaks, local changes): pass them as ``overrides``
(date → True for a working day, False for a day off).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=None)
def _library_years() -> frozenset[int]:
    try:
        import chinese_calendar as cc
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    years = {d.year for d in cc.holidays} | {d.year for d in cc.workdays}
    return frozenset(years)


class Workdays:
    def __init__(self, overrides: dict[dt.date, bool] | None = None):
        self.overrides = dict(overrides or {})
        self.fallback_years: set[int] = set()

    def is_workday(self, d: dt.date) -> bool:
        if d in self.overrides:
            return self.overrides[d]
        if d.year in _library_years():
            import chinese_calendar as cc

            try:
                return bool(cc.is_workday(d))
            except NotImplementedError:
                pass
        self.fallback_years.add(d.year)
        return d.weekday() < 5

    def next_workday(self, d: dt.date, include_today: bool = True) -> dt.date:
        """The first working day on or after ``d`` (after it when ``include_today`` is False)."""
        if not include_today:
            d += dt.timedelta(days=1)
        for _ in range(400):
            if self.is_workday(d):
                return d
            d += dt.timedelta(days=1)
        raise ValueError("no working day within 400 days")

    def add_workdays(self, d: dt.date, n: int) -> dt.date:
        """``n`` working days after ``d`` (n = 0: ``d`` itself if it is one, else the next)."""
        d = self.next_workday(d)
        for _ in range(n):
            d = self.next_workday(d, include_today=False)
        return d

    def nth_workday_of_month(self, year: int, month: int, n: int) -> dt.date:
        """The month's ``n``-th working day (n ≥ 1); n = 0 or less: its last working day."""
        if n <= 0:
            last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
            while not self.is_workday(last):
                last -= dt.timedelta(days=1)
            return last
        d = dt.date(year, month, 1)
        count = 0
        while True:
            if self.is_workday(d):
                count += 1
                if count == n:
                    return d
            d += dt.timedelta(days=1)
            if d.month != month:
                raise ValueError(f"{year}-{month:02d} has fewer than {n} working days")


DEFAULT = Workdays()
