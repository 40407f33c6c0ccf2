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
        rows.append([L(d["status"]), number, d["received"], d["sender"], d["reference"], d["title"],
                     d["kind"] if d["urgency"] in (None, "平件") else f"{d['kind'] or ''} {d['urgency']}".strip(),
                     d["lead"], "、".join(d["partners"]) or None, due, when, d["done"], d["result"],
                     "、".join(d["unread"]) or None, where])
    colors = {L("逾期"): "red", L("待核实"): "red", L("临期"): "yellow", L("未分发"): "yellow", L("传阅中"): "blue",
              L("办理中"): "blue", L("逾期办结"): "green", L("已办结"): "green", L("已阅毕"): "green"}
    docs = Sheet(L("收文情况"), [
        Column(L("状态"), colors=colors), Column(L("收文编号"), width=20), Column(L("收文日期"), "date", width=11),
        Column(L("来文单位"), "wrap", width=12), Column(L("来文字号"), "wrap", width=15),
        Column(L("标题"), "wrap", width=28), Column(L("类别"), width=9), Column(L("主办部门")),
        Column(L("会办部门"), "wrap"), Column(L("办理时限"), "date", width=11),
        Column(L("剩余或逾期工作日"), "int", width=9), Column(L("办结日期"), "date", width=11),
        Column(L("办理结果"), "wrap", width=16), Column(L("未阅"), "wrap", width=12),
        Column(L("登记位置"), "link", width=24)], rows, title=title,
        note=W("incoming-note", soon=res.due_soon) if rows else L("收文登记里还没有文件。"))
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
