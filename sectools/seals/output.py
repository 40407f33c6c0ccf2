"""The 用印统计 workbook: every use with what is wrong with it (violations first), the months, the seals."""

from __future__ import annotations

from ..messages import L, W, joined
from ..writer import Column, Ref, Sheet

CODE_WORDS = {  # a violation code → the few words the register's 问题 column says
    "no-approval": "未经审批", "approved-after-use": "先盖章后审批", "not-authorised": "审批人无权批准",
    "money-not-authorised": "合同或财物须更高一级签批", "seal-not-in-use": "印章不在使用中", "blank-paper": "空白纸张盖章",
    "approver-unknown": "审批人无法核实", "approver-shared-name": "审批人同名", "approval-undated": "缺审批日期",
    "seal-unknown": "印章未登记", "approvers-unknown": "印章未定审批权限", "money-unstated": "未写是否涉及合同或财物",
}
STATUS_WORDS = {"violation": "违规", "unverified": "待核实", "pending": "待审批", "ok": "合规"}


def seal_sheets(res, office_name: str, ref=None, problems=None) -> list[Sheet]:
    """``ref(file, sheet, cell)``: the register's cell as a link (the job's source makes it); ``problems``: every
    problem of the job (the tables' own too), for the 问题清单 (default: the rules' findings)."""
    period = W("seal-period-month", month=f"{res.month[0]}-{res.month[1]:02d}") if res.month else L("全部")
    title = W("title-seals", office=office_name, period=period)
    rows = []
    for u in res.uses:
        where = ref(u["file"], u["sheet"], u["cell"]) if ref else Ref(u["file"], u["sheet"], u["cell"])
        rows.append([L(STATUS_WORDS[u["status"]]), u["date"], u["seal"], u["document"], u["purpose"], u["copies"],
                     u["handler"], u["approver"], u["approved_on"], u["involves"],
                     joined([L(CODE_WORDS[c]) for c in u["codes"]]) if u["codes"] else None, where])
    colors = {L("违规"): "red", L("待核实"): "yellow", L("待审批"): "blue", L("合规"): "green"}
    uses = Sheet(L("用印记录"), [
        Column(L("状态"), colors=colors), Column(L("日期"), "date", width=12), Column(L("印章"), width=22), Column(L("文件名称"), "wrap", width=30),
        Column(L("用途"), "wrap", width=16), Column(L("份数"), "int"), Column(L("经办人")), Column(L("审批人"), width=14),
        Column(L("审批日期"), "date", width=12), Column(L("合同或财物"), width=10), Column(L("问题"), "wrap", width=28),
        Column(L("登记位置"), "link", width=30)], rows, title=title,
        note=None if rows else L("这段时间没有用印记录。"))
    months = Sheet(L("月度统计"), [Column(L("月份")), Column(L("印章"), width=20), Column(L("用印次数"), "int"),
                                 Column(L("份数"), "int"), Column(L("违规次数"), "int")],
                   [[m["month"], m["seal"], m["uses"], m["copies"], m["violations"]] for m in res.monthly], title=title)
    seals = Sheet(L("印章一览"), [Column(L("印章名称"), width=20), Column(L("类型")), Column(L("保管人")), Column(L("状态")),
                             Column(L("启用日期"), "date"), Column(L("停用日期"), "date"),
                             Column(L("审批权限"), "wrap", width=26), Column(L("用印次数"), "int"),
                             Column(L("最近一次"), "date")],
                  [[s["name"], s.get("kind"), s.get("keeper"), s.get("state"), s.get("since"), s.get("until"),
                    s.get("_allowed"), s["uses"], s["last"]] for s in res.seals], title=title)
    sheets = [uses, months, seals]
    problems = res.problems if problems is None else problems
    if problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(problems))
    return sheets
