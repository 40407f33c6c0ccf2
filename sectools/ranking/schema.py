"""班级量化考核 tables: classes, the scoring rules (评分细则), inspection records, holidays."""

from __future__ import annotations

from ..schema import Field, TableSpec
from ..vocab import NO, YES, YES_NO as _YN


YES_NO = {YES: _YN[YES] + ("严重",), NO: _YN[NO]}  # 严重违纪: a clerk may write 严重 for 是
METHODS = {"每次": ("次", "按次", "per time"), "每人次": ("人次", "按人次", "每人", "per person")}

CLASSES = TableSpec(
    name="classes",
    title="班级",
    english_title="classes",
    default_path="班级.xlsx",
    key="class_name",
    fields=(
        Field("class_name", ("班级", "班级名称"), "text", True, english="Class", width=14),
        Field("grade", ("年级",), "text", True, english="Grade", width=8),
        Field("size", ("人数", "班级人数", "学生人数"), "int", english="Size", width=6),
        Field("adviser", ("班主任", "辅导员"), "text", english="Adviser", width=10),
        Field("monitor", ("班长",), "text", english="Monitor", width=10),
    ),
)

SCORE_ITEMS = TableSpec(
    name="score_items",
    title="评分细则",
    english_title="score items",
    default_path="评分细则.xlsx",
    key="item",
    fields=(
        Field("category", ("类别", "考核类别", "项目类别"), "text", True, english="Category", width=10),
        Field("item", ("项目", "考核项目", "评分项目", "检查项目"), "text", True, english="Item", width=20),
        Field("points", ("分值", "每次分值", "加减分"), "number", True, english="Points", width=8),
        Field("method", ("计分方式", "计分"), "choice", choices=METHODS, english="Method", width=8),
        Field("weekly_cap", ("每周上限", "周上限", "上限"), "number", english="Weekly cap", width=8),
        Field("serious", ("严重违纪", "是否严重违纪"), "choice", choices=YES_NO, english="Serious", width=8),
    ),
)

INSPECTIONS = TableSpec(
    name="inspections",
    title="检查记录",
    english_title="inspections",
    default_path="检查记录",
    fields=(
        Field("date", ("日期", "检查日期"), "date", True, english="Date", width=12),
        Field("class_name", ("班级",), "text", True, english="Class", width=14),
        Field("item", ("项目", "检查项目", "扣分项目", "考核项目"), "text", True, english="Item", width=20),
        Field("count", ("次数", "人次", "数量", "人次数", "次数人次", "件数"), "number", english="Count", width=6),
        Field("points", ("分值", "扣分", "加分", "得分"), "number", english="Points", width=8),
        Field("department", ("检查部门", "部门"), "text", english="Department", width=10),
        Field("inspector", ("检查人",), "text", english="Inspector", width=10),
        Field("note", ("备注", "说明"), "text", english="Note", width=16),
    ),
)

HOLIDAYS = TableSpec(
    name="holidays",
    title="节假日",
    english_title="holidays",
    default_path="节假日.xlsx",
    fields=(
        Field("date", ("日期",), "date", True, english="Date", width=12),
        Field("kind", ("类型", "安排"), "choice", True,
              choices={"放假": ("休息", "假期", "假日", "off"), "上班": ("调休上班", "补班", "工作日", "work")},
              english="Kind", width=10),
        Field("note", ("说明", "备注", "名称"), "text", english="Note", width=16),
    ),
)
