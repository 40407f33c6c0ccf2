"""用印登记 tables: the office's seals and the register of their uses (印章管理制度, seed 001)."""

from __future__ import annotations

from ..schema import Field, TableSpec

SEAL_TYPES = {
    "公章": ("单位公章", "行政公章", "正式章", "行政章", "会章", "院章"),
    "专用章": ("业务专用章", "财务专用章", "合同专用章", "部门章", "部门印章", "专用印章"),
    "手章": ("名章", "私章", "签名章", "个人名章", "人名章"),
}
SEAL_STATES = {
    "在用": ("使用中", "启用", "正常", "在用中", "有效"),
    "停用": ("暂停", "暂停使用", "封存", "已停用"),
    "销毁": ("已销毁", "作废", "缴销", "已缴销", "注销"),
}
INVOLVES = {  # 涉及合同或财物
    "是": ("涉及", "有", "√", "✓", "yes", "y", "合同", "财物", "合同或财物"),
    "否": ("不涉及", "无", "没有", "×", "✗", "no", "n", "—"),
}

SEALS = TableSpec(
    name="seals",
    title="印章",
    english_title="seals",
    default_path="用印登记.xlsx",
    default_sheet="印章",
    key="name",
    fields=(
        Field("name", ("印章名称", "印章", "名称", "印章名"), "text", True, english="Seal", width=22),
        Field("kind", ("类型", "印章类型", "种类"), "choice", choices=SEAL_TYPES, english="Type", width=8),
        Field("keeper", ("保管人", "管理人", "保管"), "name", english="Keeper", width=10),
        Field("state", ("状态", "使用状态"), "choice", choices=SEAL_STATES, english="State", width=8),
        Field("since", ("启用日期", "启用时间"), "date", english="In use since", width=12),
        Field("until", ("停用日期", "销毁日期", "缴销日期", "停用时间"), "date", english="Out of use from", width=12),
        Field("approvers", ("审批权限", "有权审批", "可批准人", "批准权限"), "text", english="May approve", width=22),
    ),
)

SEAL_USES = TableSpec(
    name="seal_uses",
    title="用印登记",
    english_title="seal uses",
    default_path="用印登记.xlsx",
    default_sheet="用印登记",
    fields=(
        Field("date", ("日期", "用印日期", "盖章日期"), "date", True, english="Date", width=12),
        Field("seal", ("印章", "印章名称", "所用印章", "用印种类"), "text", True, english="Seal", width=20),
        Field("document", ("文件名称", "文件", "用印文件", "材料名称", "文件标题"), "prose", True, english="Document",
              width=30),
        Field("purpose", ("用途", "用印事由", "事由"), "prose", english="Purpose", width=18),
        Field("copies", ("份数", "用印份数", "数量"), "int", english="Copies", width=6),
        Field("handler", ("经办人", "申请人", "经手人", "用印人"), "name", True, english="Handled by", width=10),
        Field("approver", ("审批人", "批准人", "签批人"), "text", english="Approved by", width=12),
        Field("approved_on", ("审批日期", "批准日期", "签批日期"), "date", english="Approved on", width=12),
        Field("involves", ("涉及合同或财物", "合同或财物", "是否涉及合同或财物", "涉及合同", "涉及财物"), "choice",
              choices=INVOLVES, english="Contract or money", width=8),
        Field("note", ("备注",), "prose", english="Note", width=16),
    ),
)
