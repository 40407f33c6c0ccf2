"""Plans and summaries as report sheets: the consolidated workbook and the month's
每月工作重点及每周活动安排.  The blank forms departments fill in are written by :mod:`sectools.printouts`."""

from __future__ import annotations

import datetime as dt
import re

from ..messages import TEXTS, Joined, L, W
from ..writer import Column, Sheet
from .schema import KIND_LABELS

PLAN_COLUMNS = ["序号", "工作项目", "具体内容", "时间安排", "负责人", "预期目标"]
SUMMARY_COLUMNS = PLAN_COLUMNS + ["完成情况", "完成说明", "计划外"]
SHORT = {k for k in TEXTS if k.startswith("short-")}
STATUS_WORDS = {"on_time": "按时", "late": "逾期", "missing": "未交", "incomplete": "已交（不完整）"}


def collected_sheets(res, office_name: str, refs=None) -> list[Sheet]:
    """``refs``: file → :class:`~sectools.writer.Ref` (the source's), so the 文件 column links to each form."""
    kind = L(KIND_LABELS[res.kind])
    title = W("title-plans", office=office_name, year=res.month[0], month=res.month[1], kind=kind,
              due=f"{res.due:%Y-%m-%d %H:%M}")
    def file_cell(file):
        if not file:
            return None
        ref = refs(file) if refs else None
        name = file.replace("\\", "/").rsplit("/", 1)[-1]
        if ref is None:
            return name
        from dataclasses import replace

        return replace(ref, label=name)  # the short name, linked to the file

    overview = Sheet(L("总览"), [Column(L("部门")), Column(L("类型")), Column(L("提交时间"), "datetime"),
                                 Column(L("状态")), Column(L("条目数"), "int"), Column(L("完成率"), "percent", low=0.8),
                                 Column(L("问题"), "wrap", 30), Column(L("文件"), "link", 24), Column(L("代码"))],
                     [[r["department"], kind, r.get("handed_in_shown"), L(STATUS_WORDS[r["status"]]), r["items"],
                       r["completion_rate"], Joined([W(f"short-{c}") if f"short-{c}" in SHORT else c
                                                     for c in r["problems"]]) if r["problems"] else None,
                       file_cell(r["file"]), " ".join(r["problems"]) or None] for r in res.rows],
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


def first_day(text, month: tuple[int, int]) -> dt.date | None:
    """The first date a 时间安排 names, in that month (None when it names none)."""
    from ..dates import Semester, parse_date

    if text is None:
        return None
    y, m = month
    sem = Semester(dt.date(y, m, 1), dt.date(y, m, 28))
    d = parse_date(str(text), sem)
    if d is None:
        mm = re.search(r"(\d{1,2})\s*[月./-]\s*(\d{1,2})", str(text))
        d = parse_date(f"{mm.group(1)}月{mm.group(2)}日", sem) if mm else None
    return d if d and (d.year, d.month) == month else None


def week_of(text, month: tuple[int, int]) -> tuple[int | None, str]:
    """Which week of the month a 时间安排 falls in (1–5), from its first date; None when unknown."""
    if text is None:
        return None, ""
    s = str(text)
    y, m = month
    d = first_day(s, month)
    if d is None:
        mm = re.search(r"第\s*([一二三四五12345])\s*周", s)
        return ("一二三四五12345".index(mm.group(1)) % 5 + 1 if mm else None), s
    first = dt.date(y, m, 1)
    # Week 1 starts on the Monday of the 1st, or on the next Monday when the 1st is a weekend day.
    first_monday = first - dt.timedelta(days=first.weekday()) if first.weekday() < 5 else \
        first + dt.timedelta(days=7 - first.weekday())
    return max(1, (d - first_monday).days // 7 + 1), s


def schedule_sheet(res, office_name: str) -> Sheet:
    """Only the plan each department's collection adopted (a superseded 初稿 is left out), by week
    and, within a week, by date."""
    adopted = {r["file"] for r in res.rows if r.get("file")}
    rows = []
    for s in res.submissions:
        if s.kind != "plan" or s.file not in adopted:
            continue
        for it in s.items.to_dict("records"):
            w, when = week_of(it["when"], res.month)
            day = first_day(it["when"], res.month)
            rows.append(((w is None, w or 0, day or dt.date.max, s.department or ""),
                         [W("week-n", n=w) if w else L("本月内"), when or None, s.department, it["item"], it["owner"]]))
    rows.sort(key=lambda r: r[0])
    return Sheet(L("每周活动安排"), [Column(L("周次")), Column(L("时间安排")), Column(L("部门")),
                                    Column(L("工作项目"), "wrap", 30), Column(L("负责人"))], [r for _, r in rows],
                 title=W("title-schedule", office=office_name, year=res.month[0], month=res.month[1]))
