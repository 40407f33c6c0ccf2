"""The 办公用品 workbook: spending against the budget per 科目 (预警 yellow, 超支 red), every purchase with its findings,
stock on hand, 领用 per month and department, the 报销汇总 for the finance office."""

from __future__ import annotations

from ..messages import L, W, joined
from ..writer import Column, Ref, Sheet
from . import shown_qty

CODE_WORDS = {"supplies-amount-mismatch": "金额≠数量×单价", "supplies-no-cost": "无金额", "supplies-cost-unread": "金额无法识别",
              "supplies-no-approval": "未经审批", "supplies-no-invoice": "缺发票号", "supplies-duplicate-invoice": "发票号重复，未计入",
              "supplies-no-account": "未列科目", "supplies-unbudgeted": "科目不在预算内",
              "supplies-unknown-item": "无此物品，未计入", "supplies-short": "超出库存，未计入",
              "supplies-unknown-department": "部门不在名单内", "supplies-bad-quantity": "数量不对，未计入库存",
              "supplies-future-date": "日期未到"}
LEVEL_COLORS = {"正常": "green", "预警": "yellow", "超支": "red", "无预算": "red"}


def supplies_sheets(res, office_name: str, ref=None, problems=None) -> list[Sheet]:
    from ..money import in_words

    title = W("title-supplies", office=office_name, year=res.year.label)

    def part(name: str):
        return W("title-supplies-part", office=office_name, part=L(name), year=res.year.label)

    def where(x):
        return ref(x["file"], x["sheet"], x["cell"]) if ref else Ref(x["file"], x["sheet"], x["cell"])

    def findings(x):
        return joined([L(CODE_WORDS[c]) for c in x["codes"]]) if x["codes"] else None

    colors = {L(k): v for k, v in LEVEL_COLORS.items()}
    budget = Sheet(L("预算执行"), [
        Column(L("科目"), width=16), Column(L("预算金额"), "money", width=13), Column(L("已支出"), "money", width=13),
        Column(L("剩余"), "money", width=13), Column(L("执行比例"), "percent", width=10),
        Column(L("状态"), colors=colors), Column(L("笔数"), "int")],
        [[L(x["account"]) if x["account"] == "未列科目" else x["account"], x["budget"], x["spent"], x["remaining"],
          x["share"], L(x["level"]), x["lines"]] for x in res.budget]
        + ([[L("合计"), res.budgeted, res.spent, res.budgeted - res.spent if res.budgeted else None,
             float(res.spent / res.budgeted) if res.budgeted else None, None,
             sum(x["lines"] for x in res.budget)]] if res.budget else []),
        title=title, note=W("supplies-note", warn=f"{res.warn_at:.0%}", year=res.year.label,
                            start=res.year.start.isoformat(), end=res.year.end.isoformat()))
    bought = Sheet(L("采购明细"), [
        Column(L("日期"), "date", width=11), Column(L("物品"), width=14), Column(L("数量"), "quantity", width=7),
        Column(L("单位"), width=5), Column(L("单价"), "price", width=10), Column(L("金额"), "money", width=11),
        Column(L("科目"), width=12), Column(L("经办人")), Column(L("审批人")), Column(L("报销状态")),
        Column(L("发票号"), width=14), Column(L("问题"), "wrap", width=18), Column(L("登记位置"), "link", width=22)],
        [[x["date"], x["item"], shown_qty(x["quantity"]), x["unit"], x["price"],
          x["cost"] if not x["opening"] else None, L("期初库存") if x["opening"] else x["account"], x["handler"],
          x["approver"], L(x["status"]) if not x["opening"] else None, x["invoice"], findings(x), where(x)]
         for x in res.purchases], title=part("采购明细"),
        note=None if res.purchases else L("这一年还没有采购记录。"))
    stock = Sheet(L("库存"), [
        Column(L("物品"), width=16), Column(L("单位"), width=6), Column(L("期初"), "quantity"), Column(L("购入"), "quantity"),
        Column(L("领用"), "quantity"), Column(L("结存"), "quantity")],
        [[s["item"], s["unit"], shown_qty(s["opening"]), shown_qty(s["bought"]), shown_qty(s["issued"]),
          shown_qty(s["left"])] for s in res.stock], title=W("title-stock", office=office_name),
        note=L("库存按日期逐笔计算（全部年份）：购入加、领用减；超出库存的领用不计入，见“问题”。"))
    issued = Sheet(L("领用月报"), [
        Column(L("月份"), width=9), Column(L("部门"), width=10), Column(L("物品"), width=16),
        Column(L("数量"), "quantity"), Column(L("单位"), width=6), Column(L("次数"), "int")],
        [[m["month"], m["department"], m["item"], shown_qty(m["quantity"]), m["unit"], m["times"]]
         for m in res.monthly], title=part("领用月报"), note=None if res.monthly else L("这一年还没有领用记录。"))
    detail = Sheet(L("领用明细"), [
        Column(L("日期"), "date", width=11), Column(L("物品"), width=14), Column(L("数量"), "quantity", width=7),
        Column(L("部门"), width=10), Column(L("领用人")), Column(L("领用后结存"), "quantity", width=10),
        Column(L("问题"), "wrap", width=18), Column(L("登记位置"), "link", width=22)],
        [[x["date"], x["item"], shown_qty(x["quantity"]), x["department"], x["person"],
          shown_qty(x["left"]) if x["counted"] else None, findings(x), where(x)] for x in res.issues],
        title=part("领用明细"))
    claim_rows = []
    for who in sorted({x["handler"] or "" for x in res.claims}):
        mine = [x for x in res.claims if (x["handler"] or "") == who]
        for x in mine:
            claim_rows.append([who, x["date"], x["item"], shown_qty(x["quantity"]), x["price"], x["cost"],
                               x["account"], x["invoice"], findings(x)])
        total = sum((x["cost"] for x in mine), type(res.claimed)(0))
        claim_rows.append([W("supplies-handler-total", who=who), None, None, None, None, total, None, None,
                           in_words(total)])
    if res.claims:
        claim_rows.append([L("合计"), None, None, None, None, res.claimed, None, None, in_words(res.claimed)])
    claims = Sheet(L("报销汇总"), [
        Column(L("经办人")), Column(L("日期"), "date", width=11), Column(L("物品"), width=14),
        Column(L("数量"), "quantity", width=7), Column(L("单价"), "price", width=10), Column(L("金额"), "money", width=12),
        Column(L("科目"), width=12), Column(L("发票号"), width=14), Column(L("问题或大写"), "wrap", width=30)],
        claim_rows, title=W("title-claims", office=office_name, year=res.year.label),
        note=L("未报销的采购（报销状态空着的算未报销），按经办人列出，交财务报销。") if claim_rows
        else L("没有待报销的采购。"))
    sheets = [budget, bought, stock, issued, detail, claims]
    problems = res.problems if problems is None else problems
    if problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(problems))
    return sheets
