"""The words a clerk gives ``SEC_COUNT`` (出席, 迟到, 缺席, 请假合计, 折算缺席, 应到 …) → the
attendance report's fields they add up."""

from __future__ import annotations

from ..normalize import fold
from .schema import ATTENDED, LEAVES, STATUSES

_EXTRA = {
    "请假合计": list(LEAVES), "全部请假": list(LEAVES), "请假": list(LEAVES), "leave_all": list(LEAVES),
    "出勤": list(ATTENDED), "实到": list(ATTENDED),
    "折算缺席": ["counted_absences"], "计缺席": ["counted_absences"], "counted_absences": ["counted_absences"],
    "应到": ["expected"], "expected": ["expected"],
}
ALLOWED = "出席、迟到、早退、事假、病假、公假、缺席、请假合计、出勤、折算缺席、应到"


def report_fields(word: str) -> list[str]:
    """One status word → the report fields it counts; ValueError (with the words allowed) otherwise."""
    from ..messages import text
    from .records import STATUS_MAP

    k = fold(word)
    for w, fields in _EXTRA.items():
        if fold(w) == k:
            return fields
    if k in STATUS_MAP:
        return [STATUS_MAP[k]]
    if word in STATUSES:
        return [word]
    raise ValueError(text("cell-unknown-status", value=word, allowed=ALLOWED))


__all__ = ["report_fields", "ALLOWED"]
