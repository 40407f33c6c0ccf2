"""大事记: what the office records by hand beside what sectools already knows (学院大事的记载, seed 001)."""

from __future__ import annotations

from ..schema import Field, TableSpec

EVENTS = TableSpec(
    name="events",
    title="大事记",
    english_title="events",
    default_path="大事记.xlsx",
    default_sheet="大事记",
    fields=(
        Field("date", ("日期", "时间", "发生日期"), "date", True, english="Date", width=12),
        Field("event", ("事件", "大事", "事项", "内容", "记事"), "prose", True, english="Event", width=40),
        Field("category", ("类别", "类型", "分类"), "text", english="Kind", width=10),
        Field("place", ("地点",), "prose", english="Place", width=14),
        Field("people", ("参加人员", "参加人", "出席人员", "人员"), "prose", english="Who took part", width=18),
        Field("note", ("备注",), "prose", english="Note", width=14),
    ),
)
