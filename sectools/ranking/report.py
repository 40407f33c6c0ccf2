"""The week's ranking workbook."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Sheet


def week_sheet(res, office_name: str, lang: str = "zh-CN") -> Sheet:
    cats = sorted({c for r in res.table["categories"] for c in r})
    cols = [Column(L("年级")), Column(L("排名"), "int"), Column(L("班级")), Column(L("得分"), "number"),
            Column(L("加分"), "number"), Column(L("扣分"), "number")] + [Column(c, "number") for c in cats] + \
        [Column(L("流动红旗")), Column(L("严重违纪"))]
    rows = []
    for r in res.table.to_dict("records"):
        rows.append([r["grade"], int(r["rank"]), r["class_name"], r["score"], r["bonuses"], r["deductions"]]
                    + [r["categories"].get(c) for c in cats] + ["★" if r["red_flag"] else None,
                                                               L("是") if r["serious"] else None])
    return Sheet(L("排名"), cols, rows, title=W("title-ranking", office=office_name, week=res.week))
