"""Attendance over a bare sign-in range (a log or a ledger with its header), for cell formulas:
no roster and no meetings table, so it counts the marks a person has; a sign-in time counts as
出席 (lateness needs the meeting's start, which only the full job knows)."""

from __future__ import annotations

from ..normalize import clean_name, clean_text, fold
from ..reader import RawSheet, ReadContext, find_header
from ..reader.table import extract
from .records import classify_mark, read_matrix
from .schema import ABSENT, LATE, LEAVES, LEFT_EARLY, OFFICIAL, PRESENT, SIGNINS, STATUSES

DEFAULT_CONTEXT = ReadContext()


def counts_for(values: list[list], who: str, ctx: ReadContext = DEFAULT_CONTEXT) -> dict[str, int]:
    """Counts of each status for one person (学号 or 姓名) in a sign-in range."""
    rows = [["" if v is None else v for v in r] for r in values]
    raw = RawSheet("range", rows)
    h = find_header(raw, SIGNINS)
    if h is not None and ({"status", "time_in"} & h.columns.keys()) and ({"id", "name"} & h.columns.keys()):
        t = extract(raw, h, SIGNINS, ctx, "range")
        ids, names, marks, times = (t.data[c].tolist() for c in ("id", "name", "status", "time_in"))
    else:
        m = read_matrix(raw, "range", ctx)
        if m is None:
            raise ValueError("这个区域不是签到表：需要包含表头（学号或姓名，以及状态/签到时间或各次会议的日期）")
        f = m[0]
        ids, names, marks, times = (f[c].tolist() for c in ("id", "name", "status", "time_in"))
    key = clean_text(str(who)).lstrip("'")
    name_key = clean_name(str(who))
    out = {s: 0 for s in STATUSES}
    for sid, name, mark, t in zip(ids, names, marks, times):
        if sid != key and name != name_key:
            continue
        status, mt, ok = classify_mark(mark)
        if not ok:
            continue
        if status is None and (t or mt):
            status = PRESENT
        if status:
            out[status] += 1
    return out


def rate(c: dict[str, int]) -> float | None:
    from .schema import attendance_rate

    r = attendance_rate(c[PRESENT] + c[LATE] + c[LEFT_EARLY], sum(c.values()), c[OFFICIAL])
    return None if r != r else r


def status_of(word: str) -> str | list[str]:
    from .records import STATUS_MAP

    k = fold(word)
    if k in (fold("请假合计"), fold("全部请假"), "leave_all"):
        return list(LEAVES)
    if k in STATUS_MAP:
        return STATUS_MAP[k]
    if word in STATUSES:
        return word
    raise ValueError(f"“{word}”不是考勤状态。可用：出席、迟到、早退、事假、病假、公假、缺席、请假合计")


__all__ = ["counts_for", "rate", "status_of", "ABSENT"]
