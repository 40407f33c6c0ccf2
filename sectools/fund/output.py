"""The 爱心基金 workbook: every line with its balance (an overdraft in red), income by source, spending by purpose."""

from __future__ import annotations

from ..messages import L, W, joined
from ..writer import Column, Ref, Sheet

CODE_WORDS = {"fund-amount-unread": "金额无法识别，未计入", "fund-carry-mismatch": "结转额与余额不符", "fund-both": "收支同行", "fund-no-amount": "无金额", "fund-no-approval": "未经审批",
              "fund-no-voucher": "缺凭证号", "fund-no-beneficiary": "缺资助对象", "fund-overdraft": "透支，未计入",
              "fund-duplicate-voucher": "凭证号重复"}


def fund_sheets(res, office_name: str, ref=None, problems=None) -> list[Sheet]:
    from ..money import in_words, shown

    period = W("fund-period", label=res.label, start=res.start.isoformat(), end=res.end.isoformat()) \
        if res.label else L("全部")
    title = W("title-fund", office=office_name, period=period)
    rows = []
    for x in res.lines:
        where = ref(x["file"], x["sheet"], x["cell"]) if ref else Ref(x["file"], x["sheet"], x["cell"])
        rows.append([x["date"], x["summary"], x["category"], x["income"], x["expense"],
                     x["balance"] if x["counted"] else L("未计入"), x["handler"],
                     x["approver"], x["voucher"], x["beneficiary"] or x["donor"],
                     joined([L(CODE_WORDS[c]) for c in x["codes"]]) if x["codes"] else None, where])
    note = W("fund-note", opening=shown(res.opening), income=shown(res.income), expense=shown(res.expense),
             closing=shown(res.closing), closing_words=in_words(res.closing))
    ledger = Sheet(L("收支明细"), [
        Column(L("日期"), "date", width=11), Column(L("摘要"), "wrap", width=28), Column(L("类别"), width=7),
        Column(L("收入"), "money", width=12), Column(L("支出"), "money", width=12),
        Column(L("余额"), "money", width=13), Column(L("经手人")), Column(L("审批人")), Column(L("凭证号")),
        Column(L("资助对象或捐赠人"), "wrap", width=14), Column(L("问题"), "wrap", width=18),
        Column(L("登记位置"), "link", width=22)], rows, title=title, note=note)
    sums = Sheet(L("收支汇总"), [Column(L("项目"), width=16), Column(L("类别"), width=10), Column(L("笔数"), "int"),
                                Column(L("金额"), "money", width=14), Column(L("大写"), "wrap", width=40)],
                 [[L("期初余额"), None, None, res.opening, in_words(res.opening)]]
                 + [[L("收入"), k, n, v, in_words(v)] for k, v, n in res.by_source]
                 + [[L("收入合计"), None, sum(n for _, _, n in res.by_source), res.income, in_words(res.income)]]
                 + [[L("支出"), k, n, v, in_words(v)] for k, v, n in res.by_purpose]
                 + [[L("支出合计"), None, sum(n for _, _, n in res.by_purpose), res.expense, in_words(res.expense)]]
                 + [[L("期末余额"), None, None, res.closing, in_words(res.closing)]], title=title)
    sheets = [ledger, sums]
    problems = res.problems if problems is None else problems
    if problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(problems))
    return sheets
