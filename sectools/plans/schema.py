"""月度工作计划 / 总结 forms: the header fields and the item table, as clerks fill them in."""

from __future__ import annotations

from ..schema import Field, TableSpec
from ..vocab import YES_NO

STATUS = {"已完成": ("完成", "已完成√", "done", "√", "✓"), "部分完成": ("部分", "进行中", "partly", "partial"),
          "未完成": ("没完成", "未开展", "not done", "×"), "取消": ("已取消", "cancelled", "取消了")}

ITEMS = TableSpec(
    name="plan_items",
    title="工作项目",
    english_title="work items",
    fields=(
        Field("no", ("序号", "编号"), "text", english="No.", width=6),
        Field("item", ("工作项目", "项目", "工作内容", "工作事项", "活动名称", "工作专案", "专案"), "text", True,
              english="Item", width=22),
        Field("detail", ("具体内容", "内容", "详细内容", "工作要求"), "text", english="Details", width=30),
        Field("when", ("时间安排", "时间", "日期", "完成时间", "计划时间"), "text", english="When", width=14),
        Field("owner", ("负责人", "责任人"), "text", english="Owner", width=10),
        Field("goal", ("预期目标", "目标", "预期效果"), "text", english="Goal", width=20),
        Field("done", ("完成情况", "完成状态"), "choice", choices=STATUS, english="Done", width=10),
        Field("remark", ("完成说明", "情况说明", "说明"), "text", english="Remark", width=24),
        Field("unplanned", ("计划外", "是否计划外"), "choice", choices=YES_NO, english="Unplanned", width=8),
    ),
)

META_LABELS = {
    "department": ("部门", "部门名称", "填报部门"),
    "month": ("月份", "月度", "所属月份"),
    "author": ("填表人", "填报人", "制表人"),
    "filled": ("填表日期", "填报日期", "日期", "提交日期"),
}
KINDS = {"plan": ("计划", "工作计划", "月计划"), "summary": ("总结", "工作总结", "月总结"),
         "semester": ("学期总结", "学期工作总结")}
KIND_LABELS = {"plan": "月度工作计划", "summary": "月度工作总结", "semester": "学期工作总结"}
