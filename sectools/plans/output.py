"""Plans and summaries: the blank forms departments fill in (.xlsx and .docx), the consolidated
workbook, and the month's 每月工作重点及每周活动安排."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..messages import L, W
from ..writer import Column, Sheet
from .schema import ITEMS, KIND_LABELS

PLAN_COLUMNS = ["序号", "工作项目", "具体内容", "时间安排", "负责人", "预期目标"]
SUMMARY_COLUMNS = PLAN_COLUMNS + ["完成情况", "完成说明", "计划外"]
STATUS_WORDS = {"on_time": "按时", "late": "逾期", "missing": "未交"}


def write_form_xlsx(target: Path, kind: str, department: str = "", month: str = "", author: str = "",
                    filled: dt.date | None = None, rows: list[list] | None = None) -> Path:
    """A form as a department fills it in: title, the four fields, the item table."""
    from ..writer import Styles, atomic_target, new_workbook, write_value

    cols = SUMMARY_COLUMNS if kind != "plan" else PLAN_COLUMNS
    with atomic_target(target) as tmp:
        wb = new_workbook(tmp)
        st = Styles(wb)
        ws = wb.add_worksheet(KIND_LABELS[kind][-4:])
        ws.merge_range(0, 0, 0, len(cols) - 1, f"{department}{month}{KIND_LABELS[kind]}" if department else
                       KIND_LABELS[kind], st.title)
        ws.write_string(1, 0, "部门：", st.note)
        write_value(ws, 1, 1, department or None, st.cell["text"])
        ws.write_string(1, 2, "月份：", st.note)
        write_value(ws, 1, 3, month or None, st.cell["text"])
        ws.write_string(2, 0, "填表人：", st.note)
        write_value(ws, 2, 1, author or None, st.cell["text"])
        ws.write_string(2, 2, "填表日期：", st.note)
        write_value(ws, 2, 3, filled, st.cell["date"])
        for c, label in enumerate(cols):
            ws.write_string(4, c, label, st.header)
        for i, r in enumerate(rows or []):
            for c, v in enumerate(r):
                write_value(ws, 5 + i, c, v, st.cell["text"])
        for i in range(len(rows or []), 20):
            for c in range(len(cols)):
                ws.write_blank(5 + i, c, None, st.blank["text"])
        widths = {f.label: f.width for f in ITEMS.fields}
        for c, label in enumerate(cols):
            ws.set_column(c, c, widths.get(label, 12) or 12)
        if kind != "plan":
            ws.data_validation(5, 6, 200, 6, {"validate": "list", "source": ["已完成", "部分完成", "未完成", "取消"]})
            ws.data_validation(5, 8, 200, 8, {"validate": "list", "source": ["是", "否"]})
        ws.freeze_panes(5, 0)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        wb.close()
    return target


def write_form_docx(target: Path, kind: str, department: str = "", month: str = "", author: str = "",
                    filled: dt.date | None = None, rows: list[list] | None = None,
                    traditional: bool = False) -> Path:
    import docx

    from ..writer import atomic_target

    def t(s: str) -> str:
        if traditional:
            from ..messages import to_traditional

            return to_traditional(s)
        return s

    cols = SUMMARY_COLUMNS if kind != "plan" else PLAN_COLUMNS
    d = docx.Document()
    d.add_heading(t(f"{department}{month}{KIND_LABELS[kind]}" if department else KIND_LABELS[kind]), level=1)
    d.add_paragraph(t(f"部门：{department}    月份：{month}"))
    d.add_paragraph(t("填表人：") + (author or "") + t("    填表日期：") + (f"{filled:%Y-%m-%d}" if filled else ""))
    table = d.add_table(rows=1 + max(len(rows or []), 1), cols=len(cols))
    table.style = "Table Grid"
    for c, label in enumerate(cols):
        table.cell(0, c).text = t(label)
    for i, r in enumerate(rows or []):
        for c, v in enumerate(r):
            table.cell(1 + i, c).text = "" if v is None else str(v)
    with atomic_target(target) as tmp:
        d.save(tmp)
    return target


def collected_sheets(res, office_name: str) -> list[Sheet]:
    kind = L(KIND_LABELS[res.kind])
    title = W("title-plans", office=office_name, year=res.month[0], month=res.month[1], kind=kind,
              due=f"{res.due:%Y-%m-%d %H:%M}")
    overview = Sheet(L("总览"), [Column(L("部门")), Column(L("类型")), Column(L("提交时间"), "datetime"),
                                 Column(L("状态")), Column(L("条目数"), "int"), Column(L("完成率"), "percent", low=0.8),
                                 Column(L("问题"), "wrap", 30), Column(L("文件"), width=30)],
                     [[r["department"], kind, r["handed_in"], L(STATUS_WORDS[r["status"]]), r["items"],
                       r["completion_rate"], "、".join(r["problems"]) or None, r["file"]] for r in res.rows],
                     title=title)
    items_rows, unplanned = [], []
    used = {r["file"] for r in res.rows if r["file"]}
    for s in res.submissions:
        if s.file not in used:
            continue
        for it in s.items.to_dict("records"):
            row = [s.department, it["no"], it["item"], it["detail"], it["when"], it["owner"], it["goal"]]
            if res.kind != "plan":
                row += [it["done"], it["remark"], it["unplanned"]]
                planned = {p for p in res.plan_items.get(s.department, [])}
                if it["unplanned"] == "是" or (planned and it["item"] not in planned):
                    unplanned.append([s.department, it["item"], it["detail"], it["done"], it["remark"]])
            items_rows.append(row)
    cols = [Column(L("部门")), Column(L("序号")), Column(L("工作项目"), "wrap", 22), Column(L("具体内容"), "wrap", 30),
            Column(L("时间安排")), Column(L("负责人")), Column(L("预期目标"), "wrap", 20)]
    if res.kind != "plan":
        cols += [Column(L("完成情况")), Column(L("完成说明"), "wrap", 24), Column(L("计划外"))]
    sheets = [overview, Sheet(L("全部条目"), cols, items_rows, title=title)]
    if res.kind != "plan":
        sheets.append(Sheet(L("计划外工作"), [Column(L("部门")), Column(L("工作项目"), "wrap", 22),
                                            Column(L("具体内容"), "wrap", 30), Column(L("完成情况")),
                                            Column(L("完成说明"), "wrap", 24)], unplanned, title=title,
                            note=None if unplanned else L("没有计划外工作。")))
    if res.problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(res.problems))
    return sheets


def week_of(text, month: tuple[int, int]) -> tuple[int | None, str]:
    """Which week of the month a 时间安排 falls in (1–5), from its first date; None when unknown."""
    from ..dates import Semester, parse_date

    if text is None:
        return None, ""
    s = str(text)
    y, m = month
    sem = Semester(dt.date(y, m, 1), dt.date(y, m, 28))
    d = parse_date(s, sem)
    if d is None:
        mm = re.search(r"(\d{1,2})\s*[月./-]\s*(\d{1,2})", s)
        if mm:
            d = parse_date(f"{mm.group(1)}月{mm.group(2)}日", sem)
        else:
            mm = re.search(r"第\s*([一二三四五12345])\s*周", s)
            if mm:
                return "一二三四五12345".index(mm.group(1)) % 5 + 1, s
    if d is None or (d.year, d.month) != month:
        return None, s
    first = dt.date(y, m, 1)
    # Week 1 starts on the Monday of the 1st, or on the next Monday when the 1st is a weekend day.
    first_monday = first - dt.timedelta(days=first.weekday()) if first.weekday() < 5 else \
        first + dt.timedelta(days=7 - first.weekday())
    return max(1, (d - first_monday).days // 7 + 1), s


def schedule_sheet(res, office_name: str) -> Sheet:
    rows = []
    for s in res.submissions:
        if s.kind != "plan":
            continue
        for it in s.items.to_dict("records"):
            w, when = week_of(it["when"], res.month)
            rows.append((w, [W("week-n", n=w) if w else L("本月内"), when or None, s.department, it["item"], it["owner"]]))
    rows.sort(key=lambda r: (r[0] is None, r[0] or 0, r[1][2] or ""))
    return Sheet(L("每周活动安排"), [Column(L("周次")), Column(L("时间安排")), Column(L("部门")),
                                    Column(L("工作项目"), "wrap", 30), Column(L("负责人"))], [r for _, r in rows],
                 title=W("title-schedule", office=office_name, year=res.month[0], month=res.month[1]))
