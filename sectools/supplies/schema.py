"""办公用品 tables (办公用品的购买、管理及报销, seed 001; 预算, 办公用品和设备采购, seed 004): the year's budget per 科目,
every purchase with its invoice and approval, every 领用 by a department — one workbook, 办公用品.xlsx."""

from __future__ import annotations

from ..schema import Field, TableSpec

CLAIM_STATES = {"未报销": ("待报销", "未报", "没报", "否", "no"), "已报销": ("已报", "报销", "已付", "是", "yes")}
# A purchase line under one of these 科目 is the stock found when the register began (or a count): stock, not spending.
OPENING = ("期初库存", "期初", "期初结存", "上年结存", "库存盘点", "盘点", "opening stock", "opening")

BUDGET = TableSpec(
    name="budget",
    title="预算",
    english_title="budget",
    default_path="办公用品.xlsx",
    default_sheet="预算",
    fields=(
        Field("year", ("年度", "预算年度", "年份", "学年"), "text", True, english="Year", width=14),
        Field("account", ("科目", "预算科目", "项目", "经费科目"), "text", True, english="Account", width=16),
        Field("amount", ("预算金额", "预算", "金额", "预算（元）", "预算(元)"), "money", True, english="Budget", width=14),
        Field("note", ("备注", "说明"), "prose", english="Note", width=24),
    ),
)

PURCHASES = TableSpec(
    name="purchases",
    title="采购登记",
    english_title="purchases",
    default_path="办公用品.xlsx",
    default_sheet="采购登记",
    fields=(
        Field("date", ("日期", "购买日期", "采购日期"), "date", True, english="Date", width=12),
        Field("item", ("物品", "物品名称", "品名", "名称", "用品名称"), "text", True, english="Item", width=16),
        Field("quantity", ("数量", "采购数量", "购买数量"), "number", True, english="Quantity", width=8),
        Field("unit", ("单位", "计量单位"), "text", english="Unit", width=6),
        Field("price", ("单价", "单价（元）", "单价(元)"), "price", english="Unit price", width=10),
        Field("amount", ("金额", "金额（元）", "金额(元)", "总价", "合计"), "money", english="Amount", width=12),
        Field("account", ("科目", "预算科目", "经费科目"), "text", english="Account", width=14),
        Field("handler", ("经办人", "采购人", "经手人", "购买人"), "name", True, english="Bought by", width=10),
        Field("approver", ("审批人", "批准人", "签批人"), "text", english="Approved by", width=10),
        Field("status", ("报销状态", "是否报销", "报销"), "choice", choices=CLAIM_STATES, english="Claim", width=10),
        Field("invoice", ("发票号", "发票号码", "发票编号", "票据号"), "text", english="Invoice", width=14),
        Field("note", ("备注",), "prose", english="Note", width=16),
    ),
)

ISSUES_OUT = TableSpec(
    name="issues_out",
    title="领用登记",
    english_title="supplies issued",
    default_path="办公用品.xlsx",
    default_sheet="领用登记",
    fields=(
        Field("date", ("日期", "领用日期", "领取日期"), "date", True, english="Date", width=12),
        Field("item", ("物品", "物品名称", "品名", "名称", "用品名称"), "text", True, english="Item", width=16),
        Field("quantity", ("数量", "领用数量", "领取数量"), "number", True, english="Quantity", width=8),
        Field("department", ("部门", "领用部门", "所在部门"), "text", True, english="Department", width=10),
        Field("person", ("领用人", "领取人", "经手人", "签字"), "name", True, english="Taken by", width=10),
        Field("note", ("备注", "用途"), "prose", english="Note", width=16),
    ),
)
