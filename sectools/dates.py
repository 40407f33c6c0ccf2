"""Dates and times in every form a clerk types them.

Dates: real Excel dates, serial numbers, ``2026-03-02``, ``2026/3/2``, ``2026.3.2``,
``2026年3月2日``, ``20260302``, ``3月2日`` / ``3/2`` / ``3.2`` (the year taken from the semester).
Times: real times, day fractions, ``19:05``, ``19:05:00``, ``19点05``, ``下午7:05``, ``7:05 PM``.
Every parser returns ``None`` for a value it does not understand; the caller reports it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .normalize import clean_text, to_simplified

EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers sectools accepts as dates: 1954-10-... to 2119-...  (keeps ids and counts out)
SERIAL_MIN, SERIAL_MAX = 20000, 80000

_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_WEEKDAY_TAIL = re.compile(r"[\s(（]*(星期|周|礼拜)[一二三四五六日天末]?[)）]?$")
_TIME_TAIL = re.compile(r"[ T](\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)Z?$")


def serial_to_date(v: float) -> dt.date | None:
    if SERIAL_MIN <= v <= SERIAL_MAX:
        return EXCEL_EPOCH + dt.timedelta(days=int(v))
    return None


class Semester:
    """The date range that gives ``3月2日`` its year."""

    def __init__(self, start: dt.date | None, end: dt.date | None):
        self.start = start
        self.end = end

    def year_for(self, month: int, day: int) -> int | None:
        if not self.start:
            return None
        years = sorted({self.start.year, (self.end or self.start).year})
        best = None
        for y in years:
            try:
                d = dt.date(y, month, day)
            except ValueError:
                continue
            if self.contains(d):
                return y
            if best is None:
                best = y
        # Outside the semester in every candidate year: take the year the month falls in
        # nearest the semester; the caller may warn that the date lies outside.
        if best is None:
            return None
        if self.end and self.start.year != self.end.year:
            return self.start.year if month >= self.start.month else self.end.year
        return best

    def contains(self, d: dt.date) -> bool:
        if self.start and d < self.start:
            return False
        if self.end and d > self.end:
            return False
        return True

    def first_monday(self) -> dt.date | None:
        """The Monday of teaching week 1: the Monday-to-Sunday week holding ``semester_start``."""
        return self.start - dt.timedelta(days=self.start.weekday()) if self.start else None

    def week_of(self, d: dt.date) -> int | None:
        """The office's 第N周 of ``d`` (week 1 holds ``semester_start``); None outside the semester's
        weeks or without a start."""
        first = self.first_monday()
        if first is None or d < first or (self.end and d > self.end + dt.timedelta(days=6 - self.end.weekday())):
            return None
        return (d - first).days // 7 + 1

    def week_monday(self, n: int) -> dt.date | None:
        first = self.first_monday()
        return first + dt.timedelta(weeks=n - 1) if first else None


NO_SEMESTER = Semester(None, None)


def parse_date(v, semester: Semester = NO_SEMESTER) -> dt.date | None:
    """A cell value → a date, or None when it is not one."""
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not v == v:  # NaN
            return None
        if 19000101 <= v <= 21001231 and float(v).is_integer():
            return _parse_text(str(int(v)), semester)
        return serial_to_date(float(v))
    if isinstance(v, str):
        return _parse_text(v, semester)
    return None


def _parse_text(s: str, semester: Semester) -> dt.date | None:
    return _parse_text_cached(s, semester.start, semester.end)


@lru_cache(maxsize=16384)
def _parse_text_cached(s: str, start, end) -> dt.date | None:
    s = to_simplified(clean_text(s))
    s = _WEEKDAY_TAIL.sub("", s).strip()
    s = _TIME_TAIL.sub("", s).strip()
    if not s:
        return None
    m = _FULL.match(s) or _COMPACT.match(s)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        return _safe_date(y, mo, d)
    m = _MONTH_DAY.match(s)
    if m:
        mo, d = int(m.group(1)), int(m.group(2))
        y = Semester(start, end).year_for(mo, d)
        return _safe_date(y, mo, d) if y else None
    try:
        # A serial typed as text ("46083") or a decimal serial.
        f = float(s)
    except ValueError:
        return None
    return serial_to_date(f)


def _safe_date(y, mo, d) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except (ValueError, TypeError):
        return None


def date_needs_year(v) -> bool:
    """True when a text date gave no year (``3月2日``), so a missing semester matters."""
    if not isinstance(v, str):
        return False
    s = _WEEKDAY_TAIL.sub("", to_simplified(clean_text(v))).strip()
    return bool(_MONTH_DAY.match(s))


# ---- times --------------------------------------------------------------------------------
_TIME = re.compile(
    r"^(?P<ampm1>上午|早上|早晨|凌晨|中午|下午|傍晚|晚上|晚)?\s*"
    r"(?P<h>\d{1,2})\s*(?:[:：点時时]\s*(?P<m>\d{1,2})?\s*分?\s*(?:[:：]\s*(?P<s>\d{1,2}(?:\.\d+)?)\s*秒?)?|点半(?P<half>))?"
    r"\s*(?P<ampm2>am|pm|a\.m\.|p\.m\.)?$",
    re.IGNORECASE,
)
_PM = {"下午", "傍晚", "晚上", "晚"}


def parse_time(v) -> dt.time | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.time().replace(microsecond=0)
    if isinstance(v, dt.time):
        return v.replace(microsecond=0)
    if isinstance(v, dt.timedelta):
        secs = int(round(v.total_seconds()))
        return _from_seconds(secs) if 0 <= secs < 86400 else None
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        f = float(v)
        if 0 <= f < 1:
            return _from_seconds(int(round(f * 86400)) % 86400)
        return None
    if isinstance(v, str):
        return _parse_time_text(v)
    return None


def parse_datetime(v, semester: Semester = NO_SEMESTER) -> dt.datetime | None:
    """A moment with both its day and its time — a form service's 提交时间: a real datetime, a serial
    number with a day fraction, ``2026/3/3 19:02:15``, ``2026-03-03 19:02``, ``2026年3月3日 19:02``.  None when
    either part is missing (a bare date says nothing about arrival)."""
    if v is None or v == "" or isinstance(v, bool):
        return None
    if isinstance(v, dt.datetime):
        return v.replace(microsecond=0, tzinfo=None)
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not v == v:
            return None
        d = serial_to_date(float(v))
        if d is None:
            return None
        secs = int(round((float(v) - int(v)) * 86400))
        return dt.datetime.combine(d, _from_seconds(min(secs, 86399)))
    if isinstance(v, str):
        s = to_simplified(clean_text(v))
        m = _DATE_TIME.match(s)
        if not m:
            return None
        d = parse_date(m.group(1), semester)
        t = parse_time(m.group(2))
        return dt.datetime.combine(d, t) if d and t else None
    return None


# the day, a space or T (or nothing after 日/号), then the time
_DATE_TIME = re.compile(r"^\s*(.+?(?:日|号|\d))\s*[T ]?\s*(\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2}(?:\.\d+)?)?)\s*Z?$")


def _from_seconds(secs: int) -> dt.time:
    return dt.time(secs // 3600, (secs // 60) % 60, secs % 60)


@lru_cache(maxsize=8192)
def _parse_time_text(s: str) -> dt.time | None:
    s = to_simplified(clean_text(s))
    # "2026-03-02 19:05" → the time part
    m = _TIME_TAIL.search(s)
    if m and len(s) > len(m.group(1)) + 1:
        s = m.group(1)
    m = _TIME.match(s)
    if not m or (m.group("m") is None and m.group("half") is None and not m.group("ampm1")
                 and not m.group("ampm2") and not re.search(r"[点时時]", s)):
        try:
            f = float(s)
        except ValueError:
            return None
        return parse_time(f) if 0 <= f < 1 else None
    h = int(m.group("h"))
    mi = 30 if m.group("half") is not None else int(m.group("m") or 0)
    sec = int(float(m.group("s") or 0))
    ampm = (m.group("ampm1") or "") + (m.group("ampm2") or "").lower().replace(".", "")
    if ampm:
        if ("pm" in ampm or any(w in ampm for w in _PM)) and h < 12:
            h += 12
        elif ("am" in ampm or "凌晨" in ampm or "上午" in ampm or "早" in ampm) and h == 12:
            h = 0
        elif "中午" in ampm and h < 6:
            h += 12
    if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= sec < 60):
        return None
    return dt.time(h, mi, sec)


WEEKDAYS_ZH = "一二三四五六日"


_WEEK_WORD = re.compile(r"^第?\s*([0-9]{1,2}|[一二三四五六七八九十两〇零]{1,3})\s*[周週]$")
_WEEK_LATIN = re.compile(r"^w(?:eek)?\s*([0-9]{1,2})$", re.IGNORECASE)


def teaching_week_number(text, latin: bool = False) -> int | None:
    """The N of a week of the semester as a clerk types it: 第17周, 第十七周, 17周, 第17週 (``latin``: also w17,
    week17 — a ledger heading; on the command line W11 stays the calendar's); None for anything else."""
    from .numerals import from_chinese

    s = str(text).strip()
    m = _WEEK_WORD.match(s) or (_WEEK_LATIN.match(s) if latin else None)
    return from_chinese(m.group(1)) if m else None


def shown_minute(iso: str) -> str:
    """A stored time (2026-03-19T08:00:00) as a clerk reads it: 2026-03-19 08:00."""
    return iso.replace("T", " ")[:16]


def span_key(a: dt.date, b: dt.date) -> str:
    """A period in file names: 2026-03-02至2026-07-10 (no spaces; sorts by date)."""
    return f"{a.isoformat()}至{b.isoformat()}"


def format_date_zh(d: dt.date, weekday: bool = False) -> str:
    s = f"{d.year}年{d.month}月{d.day}日"
    return s + f" 星期{WEEKDAYS_ZH[d.weekday()]}" if weekday else s
