"""绩效考核 tables: indicators and ratings."""

from __future__ import annotations

from ..schema import Field, TableSpec

METHODS = {"打分": ("评分", "直接打分", "score"), "比率": ("比例", "百分比", "rate"),
           "扣分制": ("扣分", "倒扣", "deduction"), "加分项": ("加分", "bonus")}
SOURCES = {"手工评分": ("手工", "人工评分", "评分", "打分", "manual"), "出勤率": ("考勤", "attendance"),
           "计划按时率": ("按时率", "计划提交按时率", "on-time"), "计划完成率": ("完成率", "completion"),
           "活动次数": ("活动", "activities"), "班级排名": ("量化考核", "ranking"),
           "督办完成率": ("督办", "督办完成情况", "督办事项完成率", "tasks")}
TARGETS = {"成员": ("个人", "member"), "部门": ("department",)}
# what a method or a source is called in English (the Chinese is the key; zh-TW is made from it)
WORDS_EN = {"打分": "score", "比率": "rate", "扣分制": "deductions", "加分项": "bonus", "手工评分": "ratings",
            "出勤率": "attendance rate", "计划按时率": "plans on time", "计划完成率": "plan completion",
            "活动次数": "activities attended", "班级排名": "class ranking",
            "督办完成率": "task completion"}


def word(value):
    """A method or source (sectools' own vocabulary, keyed in Simplified) as a Term shown in the office's
    language; anything else (a rater group the clerk named) as it is."""
    if value in WORDS_EN:
        from ..messages import Term

        return Term(value, WORDS_EN[value])
    return value

INDICATORS = TableSpec(
    name="indicators",
    title="考核指标",
    english_title="indicators",
    default_path="考核指标.xlsx",
    key="name",
    fields=(
        Field("name", ("指标", "指标名称", "考核指标", "名称"), "text", True, english="Indicator", width=16),
        Field("category", ("类别", "指标类别", "一级指标"), "text", english="Category", width=10),
        Field("weight", ("权重", "权重(%)", "权重%"), "number", True, english="Weight", width=8),
        Field("method", ("评分方式", "计分方式"), "choice", choices=METHODS, english="Method", width=8),
        Field("source", ("数据来源", "来源"), "choice", choices=SOURCES, english="Source", width=10),
        Field("full", ("满分", "最高分", "分值"), "number", english="Full marks", width=6),
        Field("target", ("考核对象", "对象"), "choice", choices=TARGETS, english="Applies to", width=8),
    ),
)

RATINGS = TableSpec(
    name="ratings",
    title="评分表",
    english_title="ratings",
    default_path="评分表.xlsx",
    fields=(
        Field("period", ("期间", "考核期间", "月份", "考核月份"), "text", True, english="Period", width=10),
        Field("id", ("学号", "工号", "编号"), "id", english="Student ID", width=14),
        Field("name", ("姓名", "被考核人"), "name", english="Name", width=10),
        Field("department", ("部门", "被考核部门"), "text", english="Department", width=10),
        Field("indicator", ("指标", "考核指标", "指标名称"), "text", True, english="Indicator", width=16),
        Field("rater", ("评分人类别", "评分类别", "评分人", "评价主体"), "text", True, english="Rater group", width=10),
        Field("score", ("分数", "得分", "评分"), "number", True, english="Score", width=8),
    ),
)
