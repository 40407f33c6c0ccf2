"""The 督办通报 workbook: every task by its level (三色: red overdue, yellow due soon, blue on track, green done), the
departments with their counts and completion rates, the overdue list, the decisions not supervised."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Ref, Sheet
from . import LEVEL_COLORS


def task_sheets(res, office_name: str, ref=None, problems=None) -> list[Sheet]:
    title = W("title-tasks", office=office_name, date=res.today.isoformat())

    def where(t):
        return ref(t["file"], t["sheet"], t["cell"]) if ref else Ref(t["file"], t["sheet"], t["cell"])

    rows = []
    for t in res.tasks:
        days = t["overdue"] if t["level"] in ("逾期", "逾期完成") else t["left"]
        latest = t["latest"] and (f"{t['latest_date'].month}/{t['latest_date'].day} {t['latest']}"
                                  if t["latest_date"] else t["latest"])
        rows.append([L(t["level"]), t["id"], t["title"], t["source"], t["lead"] or L("未定主办"),
                     "、".join(t["partners"]) or None, t["owner"], t["assigned"], t["due"],
                     t["original_due"] if t["extended"] else None, days, L(t["status"]) if t["status"] else None,
                     latest, t["done"], where(t)])
    colors = {L(k): v for k, v in LEVEL_COLORS.items()}
    tasks = Sheet(L("督办事项"), [
        Column(L("督办等级"), colors=colors), Column(L("编号"), width=18), Column(L("事项"), "wrap", width=30),
        Column(L("事项来源"), "wrap", width=26), Column(L("主办部门")), Column(L("会办部门"), "wrap"),
        Column(L("责任人")), Column(L("交办日期"), "date", width=11), Column(L("完成时限"), "date", width=11),
        Column(L("原时限"), "date", width=11), Column(L("剩余或逾期工作日"), "int", width=12), Column(L("状态")),
        Column(L("最新进展"), "wrap", width=26), Column(L("完成日期"), "date", width=11),
        Column(L("登记位置"), "link", width=24)], rows, title=title,
        note=W("tasks-note", soon=res.due_soon) if rows else L("还没有督办事项。"))
    deps = Sheet(L("按部门"), [
        Column(L("部门")), Column(L("督办总数"), "int"), Column(L("正常"), "int"), Column(L("临期"), "int"),
        Column(L("逾期"), "int"), Column(L("待核实"), "int"), Column(L("已完成"), "int"), Column(L("逾期完成"), "int"),
        Column(L("已撤销"), "int"), Column(L("近7日新交办"), "int"), Column(L("近7日完成"), "int"),
        Column(L("会办"), "int"), Column(L("到期事项"), "int"), Column(L("完成率"), "percent", low=0.8)],
        [[r["department"] or L("未定主办"), r["total"], r["normal"], r["due_soon"], r["overdue"], r["unverified"],
          r["done"], r["done_late"], r["cancelled"], r["new_this_week"], r["done_this_week"], r["helping"],
          r["due_count"], r["rate"]] for r in res.departments], title=title, note=L("完成率 = 已完成 ÷ 到期事项（已撤销的不计）。"))
    overdue = [t for t in res.tasks if t["level"] == "逾期"]
    order = {r["department"]: k for k, r in enumerate(res.departments)}  # the office's order; no lead last
    late = Sheet(L("逾期清单"), [
        Column(L("主办部门")), Column(L("编号"), width=18), Column(L("事项"), "wrap", width=32),
        Column(L("完成时限"), "date", width=11), Column(L("逾期工作日"), "int"), Column(L("责任人")),
        Column(L("最新进展"), "wrap", width=28), Column(L("登记位置"), "link", width=24)],
        [[t["lead"] or L("未定主办"), t["id"], t["title"], t["due"], t["overdue"], t["owner"], t["latest"], where(t)]
         for t in sorted(overdue, key=lambda t: (order.get(t["lead"] or "", 1 << 30), -(t["overdue"] or 0)))],
        title=title, note=None if overdue else L("没有逾期的督办事项。"))
    sheets = [tasks, deps, late]
    if res.not_tasks:
        sheets.append(Sheet(L("未列入督办"), [Column(L("议定事项"), "wrap", width=40), Column(L("事项来源"), width=24),
                                             Column(L("登记位置"), "link", width=24)],
                            [[n["title"], n["label"], ref(*n["place"]) if ref else Ref(*n["place"])]
                             for n in res.not_tasks], title=title, note=L("这些议定事项没有负责人和完成时限，不列入督办。要督办的，请补写负责人和完成时限。")))
    problems = res.problems if problems is None else problems
    if problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(problems))
    return sheets
