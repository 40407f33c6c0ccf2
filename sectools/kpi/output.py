"""The appraisal's result workbook."""

from __future__ import annotations

from ..messages import L, W, joined
from ..writer import Column, Sheet
from .schema import word


def result_sheets(res, office_name: str) -> list[Sheet]:
    names = [i["name"] for i in res.indicators]
    has_bonus = any("bonus" in r for r in res.rows)
    cols = [Column(L("总排名"), "int"), Column(L("部门内排名"), "int"), Column(L("学号")), Column(L("姓名")),
            Column(L("部门")), Column(L("总分"), "number", low=60), Column(L("等级"))] + [Column(n, "number") for n in names]
    if has_bonus:
        cols.append(Column(L("奖金（元）"), "int"))
    cols.append(Column(L("说明"), "wrap", width=36))  # long notes wrap inside the table, never run off the page
    rows = []
    for r in res.rows:
        row = [r["rank_overall"], r["rank_department"], r["id"], r["name"], r["department"], r["total"], r["grade"]]
        row += [r["indicators"].get(n) for n in names]
        if has_bonus:
            row.append(r.get("bonus"))
        notes = [r["quota_note"]] if r.get("quota_note") else []
        rated = [n for n in r.get("missing", []) if n not in r.get("no_data", [])]
        if rated:
            notes.append(W("kpi-missing", names="、".join(rated)))
        if r.get("no_data"):
            notes.append(W("kpi-no-data-note", names="、".join(r["no_data"])))
        if r.get("partial"):  # computed from the ratings there are: said, so 优秀 on two of three groups is seen
            notes.append(W("kpi-partial-note", items=joined([W("kpi-partial-item", indicator=n, groups=g)
                                                              for n, g in r["partial"].items()])))
        if r.get("not_applicable"):
            notes.append(W("kpi-not-applicable", names="、".join(r["not_applicable"])))
        row.append(joined(notes, clauses=True) if notes else None)
        rows.append(row)
    title = W("title-kpi-department" if res.target == "department" else "title-kpi-member", office=office_name,
              period=res.period)
    weights = Sheet(L("指标与权重"), [Column(L("指标")), Column(L("类别")), Column(L("权重"), "number"),
                                     Column(L("评分方式")), Column(L("数据来源")), Column(L("满分"), "number")],
                    [[i["name"], i["category"], i["weight"], word(i["method"]), word(i["source"]), i["full"]]
                     for i in res.indicators],
                    title=title)
    top = max([100.0] + [float(r["total"]) for r in res.rows if isinstance(r.get("total"), (int, float))])
    top = float(-(-top // 10) * 10)  # 满分 100; past it (bonus points) to the next ten
    n = len(rows)
    if n <= 20:
        charts = [{"type": "bar", "categories": 3, "values": [5], "title": L("总分"), "max": top,
                   "at": f"B{n + 5}", "width": 720, "height": max(300, 22 * n)}] if rows else []
    else:  # at most twenty bars a person can read: the first ten and the last ten by rank
        charts = [{"type": "bar", "categories": 3, "values": [5], "title": W("chart-top", n=10), "max": top,
                   "rows": (0, 10), "at": f"B{n + 5}", "width": 480, "height": 300},
                  {"type": "bar", "categories": 3, "values": [5], "title": W("chart-bottom", n=10), "max": top,
                   "rows": (n - 10, 10), "at": f"H{n + 5}", "width": 480, "height": 300}]
    sheets = [Sheet(L("考核结果"), cols, rows, title=title, charts=charts), weights]
    sheets.append(trace_sheet(res, title))
    if res.problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(res.problems))
    return sheets


def trace_sheet(res, title) -> Sheet:
    """Every score behind every total: who rated what, and the ratings cell (a link), or how a
    computed indicator was computed."""
    who = {r.get("id") or r.get("name"): r for r in res.rows}
    rows = []
    for t in res.trace:
        r = who.get(t["key"], {})
        where = t.get("source")
        rows.append([r.get("id"), r.get("name"), r.get("department"), t["indicator"], word(t["rater"]), t["score"],
                     where if where is not None else (f"{t['file']} › {t['sheet']}!{t['cell']}" if t.get("file")
                                                      else t.get("basis"))])
    cols = [Column(L("学号")), Column(L("姓名")), Column(L("部门")), Column(L("指标"), width=16), Column(L("评分人")),
            Column(L("分数"), "number"), Column(L("记录位置"), "link", width=40)]
    return Sheet(L("评分明细"), cols, rows, title=title)
