"""爱心基金: the fund's ledger (爱心基金的管理以及使用, seed 000) — every income and payment, with who handled and who
approved it."""

from __future__ import annotations

from ..schema import Field, TableSpec

CATEGORIES = {"捐赠": ("捐款", "募捐", "爱心捐款", "donation"), "资助": ("救助", "补助", "慰问", "帮扶", "aid"),
              "利息": ("存款利息", "interest"), "结转": ("上期结转", "期初余额", "上学期结转", "承前"),
              "其他": ("其它", "other")}

FUND = TableSpec(
    name="fund",
    title="爱心基金",
    english_title="charity fund",
    default_path="爱心基金.xlsx",
    default_sheet="收支明细",
    fields=(
        Field("date", ("日期", "收支日期", "发生日期"), "date", True, english="Date", width=12),
        Field("summary", ("摘要", "事由", "内容", "项目"), "prose", True, english="Summary", width=28),
        Field("income", ("收入", "收入金额", "收入（元）", "收入(元)", "借方"), "money", english="Income", width=12),
        Field("expense", ("支出", "支出金额", "支出（元）", "支出(元)", "贷方"), "money", english="Expense", width=12),
        Field("kept_balance", ("余额", "结余", "账面余额", "结存"), "money", english="Balance (as kept)", width=12),
        Field("handler", ("经手人", "经办人", "经手"), "name", True, english="Handled by", width=10),
        Field("approver", ("审批人", "批准人", "签批人"), "text", english="Approved by", width=10),
        Field("voucher", ("凭证号", "凭证编号", "单据号", "票据号"), "text", english="Voucher", width=10),
        Field("category", ("类别", "收支类别", "类型"), "choice", choices=CATEGORIES, english="Kind", width=8),
        Field("beneficiary", ("资助对象", "受助人", "受助对象", "受助学生"), "prose", english="Beneficiary", width=14),
        Field("donor", ("捐赠人", "捐款人", "捐赠单位", "捐赠方"), "prose", english="Donor", width=14),
        Field("note", ("备注",), "prose", english="Note", width=14),
    ),
)
