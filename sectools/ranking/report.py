"""The week's ranking workbook."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Sheet
from .compute import week_text


def week_sheet(res, office_name: str, lang: str = "zh-CN", footnote=None, sealed: bool = False,
               semester=None) -> Sheet:
    """The week's ranks; titled with the office's own name for the week (第2周 of ``semester``)."""
    cats = sorted({c for r in res.table["categories"] for c in r})
    # the totals are 加分合计 / 扣分合计, so a category the office calls 加分 keeps its own distinct column
    cols = [Column(L("年级")), Column(L("排名"), "int"), Column(L("班级")), Column(L("得分"), "number"),
            Column(L("加分合计"), "number"), Column(L("扣分合计"), "number")] + [Column(c, "number") for c in cats] + \
        [Column(L("流动红旗")), Column(L("严重违纪"))]
    rows = []
    for r in res.table.to_dict("records"):
        rows.append([r["grade"], int(r["rank"]), r["class_name"], r["score"], r["bonuses"], r["deductions"]]
                    + [r["categories"].get(c) for c in cats] + ["★" if r["red_flag"] else None,
                                                               L("是") if r["serious"] else None])
    title = W("title-ranking-sealed" if sealed else "title-ranking", office=office_name,
              week=week_text(res.week, semester))
    return Sheet(L("排名"), cols, rows, title=title, footnote=footnote)


def trace_sheet(res, office_name: str, semester=None) -> Sheet:
    """Every record behind every class's score: date, item, points and the clerk's cell (a link)."""
    order = {c: k for k, c in enumerate(res.table["class_name"].tolist())} if len(res.table) else {}
    rows = []
    for t in sorted(res.trace, key=lambda t: (order.get(t["class_name"], 1 << 30), t["date"] or 0)):
        where = t.get("source")
        rows.append([t["class_name"], t["date"], t["item"], t["category"], t["count"], round(t["points"], 2),
                     L("已达周上限") if t["capped"] else None,
                     where if where is not None else (f"{t['file']} › {t['sheet']}!{t['cell']}" if t["file"] else None)])
    cols = [Column(L("班级")), Column(L("日期"), "date"), Column(L("项目"), width=18), Column(L("类别")),
            Column(L("次数"), "number"), Column(L("分值"), "number"), Column(L("说明")),
            Column(L("记录位置"), "link", width=34)]
    return Sheet(L("得分明细"), cols, rows, title=W("title-ranking", office=office_name, week=week_text(res.week, semester)),
                 note=None if rows else L("本周没有计分的检查记录。"))
