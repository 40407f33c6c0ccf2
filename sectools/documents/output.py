"""The 收文办理 workbook: every document by where it stands (overdue first), the departments, the unread."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Ref, Sheet


def document_sheets(res, office_name: str, ref=None) -> list[Sheet]:
    title = W("title-incoming", office=office_name, date=res.today.isoformat())
    rows = []
    for d in res.docs:
        where = ref(d["file"], d["sheet"], d["cell"]) if ref else Ref(d["file"], d["sheet"], d["cell"])
        number = d["number"] or (W("incoming-suggested", number=d["suggested"]) if d["suggested"] else None)
        when = d["overdue"] if d["status"] in ("逾期", "逾期办结") else d["left"]
        due = d["due"]
        rows.append([L(d["status"]), number, d["received"], d["sender"], d["reference"], d["title"], d["kind"],
                     d["urgency"], d["lead"], "、".join(d["partners"]) or None, due,
                     L("默认") if d["due_default"] else None, when, d["done"], d["result"],
                     "、".join(d["unread"]) or None, where])
    docs = Sheet(L("收文情况"), [
        Column(L("状态")), Column(L("收文编号"), width=16), Column(L("收文日期"), "date"), Column(L("来文单位"), width=14),
        Column(L("来文字号"), width=14), Column(L("标题"), "wrap", width=30), Column(L("类别")), Column(L("紧急程度")),
        Column(L("主办部门")), Column(L("会办部门")), Column(L("办理时限"), "date"), Column(L("时限来源")),
        Column(L("剩余或逾期工作日"), "int"), Column(L("办结日期"), "date"), Column(L("办理结果"), "wrap", width=16),
        Column(L("未阅"), "wrap", width=14), Column(L("登记位置"), "link", width=28)], rows, title=title,
        note=None if rows else L("收文登记里还没有文件。"))
    deps = Sheet(L("按部门"), [Column(L("部门")), Column(L("办理中"), "int"), Column(L("临期"), "int"),
                              Column(L("逾期"), "int"), Column(L("已办结"), "int"), Column(L("逾期办结"), "int"),
                              Column(L("会办"), "int")],
                 [[r["department"], r["in_hand"], r["due_soon"], r["overdue"], r["finished"], r["finished_late"],
                   r["helping"]] for r in res.departments], title=title)
    unread = Sheet(L("未阅名单"), [Column(L("收文编号"), width=16), Column(L("标题"), "wrap", width=30),
                                  Column(L("收文日期"), "date"), Column(L("未阅"), "wrap", width=30)],
                   [[d["number"] or d["suggested"], d["title"], d["received"], "、".join(d["unread"])]
                    for d in res.docs if d["unread"]], title=title,
                   note=None if any(d["unread"] for d in res.docs) else L("所有阅件都已阅毕。"))
    sheets = [docs, deps, unread]
    if res.problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(res.problems))
    return sheets
