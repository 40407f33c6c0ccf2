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


# ---- report figures: the job itself over the ranges given ---------------------------------------
_CACHE: dict = {}
_CACHE_SIZE = 8


def _freeze(v):
    if isinstance(v, list):
        return tuple(_freeze(x) for x in v)
    return v


def _office_job(func: str, kind: str, ranges: tuple, needs: str, **options):
    """The job ``kind`` run on a book made of the ranges — the same job as the button and the
    CLI, so the cell shows the report's own figure.  Cached on the ranges' values: a column of
    formulas over the same ranges runs the job once."""
    from .. import jobs
    from ..errors import SectoolsError
    from ..sources.book import BookSource, RangesWorkbook

    key = (kind, _freeze(list(ranges)), tuple(sorted(options.items())))
    if key in _CACHE:
        return _CACHE[key]
    if not ranges:
        raise ValueError(text("cell-needs-ranges", func=func, needs=text(needs)))
    lang = "zh-CN"
    try:
        src = BookSource(None, RangesWorkbook(func, list(ranges), first=_FIRST_RANGE[func]))
        lang = src.lang
        if kind == "attendance":
            for name in ("roster", "meetings", "signins"):
                if not src.has(name):
                    raise ValueError(text("cell-needs-ranges", lang, func=func, needs=text(needs, lang)))
            if not src.has("leaves") and not options.get("no_leaves"):
                raise ValueError(text("cell-needs-leaves", lang, func=func))
            job = jobs.attendance(src, out=False)
        else:
            job = jobs.ranking_week(src, options.get("week"), out=False)
    except SectoolsError as e:
        raise ValueError(text("cell-needs-ranges", lang, func=func, needs=text(needs, lang)) + " " +
                         e.message(lang)) from None
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (job, lang)
    return job, lang


_FIRST_RANGE = {"SEC_RATE": 2, "SEC_COUNT": 3, "SEC_SCORE": 3, "SEC_RANK": 3}  # argument number of the first range
NO_LEAVES = {"无", "无请假", "没有请假表", "none", "no leave"}


def _split_ranges(args) -> tuple[tuple, bool]:
    """Ranges, and whether the clerk said there is no leave table (the text 无请假)."""
    ranges, no_leaves = [], False
    for a in args:
        if isinstance(a, list) and len(a) == 1 and len(a[0]) == 1 and isinstance(a[0][0], str) \
                and a[0][0].strip().lower() in NO_LEAVES:
            no_leaves = True
        elif a not in (None, "", [[None]], [[""]]):
            ranges.append(a)
    return tuple(ranges), no_leaves


def _each(who, one):
    """``who`` one value → one answer; a range of them → the same shape of answers (it spills)."""
    if isinstance(who, list):
        return [[("" if w in (None, "") else one(w)) for w in (row if isinstance(row, list) else [row])]
                for row in who]
    return one(who)


def _member(job, lang: str, who) -> dict:
    from ..normalize import clean_name, clean_text

    key = clean_text(str(who)).lstrip("'")
    if isinstance(who, float) and who.is_integer():
        key = str(int(who))
    records = job.result.as_records(lang)
    hit = [r for r in records if r["id"] == key]
    if not hit:
        hit = [r for r in records if r["name"] == clean_name(str(who))]
    if len(hit) > 1:
        raise ValueError(text("cell-same-name", lang, who=who, ids="、".join(r["id"] for r in hit)))
    if not hit:
        raise ValueError(text("cell-not-a-member", lang, who=who))
    return hit[0]


def attendance_rate(who, *tables) -> float:
    """出勤率 as the attendance report gives it, from the office's tables."""
    ranges, no_leaves = _split_ranges(tables)
    job, lang = _office_job("SEC_RATE", "attendance", ranges, "cell-attendance-tables", no_leaves=no_leaves)

    def one(w):
        r = _member(job, lang, w)["rate"]
        if r is None or r != r:
            raise ValueError(text("cell-no-meetings", lang, who=w))
        return r

    return _each(who, one)


def status_count(who, status, *tables) -> int:
    """How many 缺席 (迟到, 请假合计, 折算缺席 …) the attendance report gives the member."""
    from ..attendance.quick import report_fields

    ranges, no_leaves = _split_ranges(tables)
    fields = report_fields(str(status or "缺席"))
    job, lang = _office_job("SEC_COUNT", "attendance", ranges, "cell-attendance-tables", no_leaves=no_leaves)
    return _each(who, lambda w: sum(int(_member(job, lang, w)[f]) for f in fields))


def _class(job, lang: str, name) -> dict:
    from ..normalize import clean_text, fold

    key = fold(clean_text(str(name)))
    hit = [r for r in job.result.as_records() if fold(r["class"]) == key]
    if not hit:
        raise ValueError(text("cell-not-a-class", lang, who=name, week=job.facts["week"]))
    return hit[0]


def class_score(name, week, *tables) -> float:
    """A class's 得分 for a week, as the ranking report gives it."""
    job, lang = _office_job("SEC_SCORE", "ranking", _split_ranges(tables)[0], "cell-ranking-tables",
                            week=_week_text(week))
    return _each(name, lambda n: _class(job, lang, n)["score"])


def class_rank(name, week, *tables) -> int:
    """A class's 名次 for a week (within its grade, ties as configured), as the ranking report gives it."""
    job, lang = _office_job("SEC_RANK", "ranking", _split_ranges(tables)[0], "cell-ranking-tables",
                            week=_week_text(week))
    return _each(name, lambda n: _class(job, lang, n)["rank"])


def _week_text(week) -> str | None:
    """周次 as typed (2026-W10, 第10周), or a date cell (a date, or its serial number) → its ISO week."""
    from ..dates import parse_date
    from ..ranking.compute import iso_week

    if week in (None, ""):
        return None
    d = None if isinstance(week, str) else parse_date(week)
    return iso_week(d) if d else str(week).strip()


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
