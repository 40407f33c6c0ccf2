"""督办台账: the register of supervised tasks (会议议决事项的传达、催办、督办, seed 001; 主办 / 会办 / 催办, seed 004)."""

from __future__ import annotations

from ..schema import Field, TableSpec

STATES = {
    "未开始": ("未启动", "尚未开始", "待办", "未办"),
    "进行中": ("办理中", "正在办理", "推进中", "落实中", "在办", "进行", "已签收", "签收"),
    "已完成": ("完成", "办结", "已办结", "已落实", "落实", "已结束", "结束", "已完结"),
    "已延期": ("延期", "申请延期", "延期中"),
    "已撤销": ("撤销", "取消", "已取消", "终止", "已终止", "不再办理"),
}
APPROVAL = {  # 延期批准
    "同意": ("是", "批准", "已批准", "准", "同意延期", "已同意", "√", "✓", "yes", "y"),
    "不同意": ("否", "不批准", "未批准", "驳回", "不准", "×", "✗", "no", "n"),
}

TASKS = TableSpec(
    name="tasks",
    title="督办台账",
    english_title="supervised tasks",
    default_path="督办台账.xlsx",
    default_sheet="督办事项",
    fields=(
        Field("number", ("督办编号", "编号", "督办号", "序号"), "text", english="No.", width=10),
        Field("title", ("事项", "督办事项", "工作事项", "任务", "交办事项", "事项内容"), "prose", english="Task", width=30),
        Field("source", ("来源", "事项来源", "任务来源", "交办来源", "依据"), "text", english="Source", width=24),
        Field("assigned", ("交办日期", "交办时间", "立项日期", "下达日期"), "date", english="Assigned", width=12),
        Field("lead", ("主办部门", "承办部门", "牵头部门", "责任部门", "主办"), "text", english="Lead department",
              width=10),
        Field("partners", ("会办部门", "协办部门", "配合部门", "会办"), "text", english="Other departments", width=12),
        Field("owner", ("责任人", "负责人", "联系人", "经办人"), "text", english="Person responsible", width=10),
        Field("due", ("完成时限", "办结时限", "截止日期", "时限", "完成期限", "截止时间", "期限"), "date", english="Due",
              width=12),
        Field("progress", ("进展", "进展情况", "落实情况", "办理进展", "反馈"), "prose", english="Progress", width=36),
        Field("status", ("状态", "办理状态", "完成情况"), "choice", choices=STATES, english="Status", width=8),
        Field("done", ("完成日期", "办结日期", "完成时间", "办结时间", "实际完成日期", "实际完成时间"), "date",
              english="Finished", width=12),
        Field("ext_asked", ("延期申请日期", "申请延期日期", "延期申请时间"), "date", english="Extension asked on",
              width=12),
        Field("ext_to", ("延期至", "申请延至", "延期后时限", "延期时限", "延至"), "date", english="Extended to", width=12),
        Field("ext_reason", ("延期理由", "延期原因", "申请理由"), "prose", english="Reason", width=18),
        Field("ext_approved", ("延期批准", "延期审批", "是否批准延期", "批准延期"), "choice", choices=APPROVAL,
              english="Extension approved", width=8),
        Field("note", ("备注",), "prose", english="Note", width=14),
    ),
)
