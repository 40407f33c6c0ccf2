"""The week's ranking workbook."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..writer import Column, Sheet, write_workbook


def week_sheet(res, office_name: str, lang: str = "zh-CN") -> Sheet:
    cats = sorted({c for r in res.table["categories"] for c in r})
    cols = [Column("年级"), Column("排名", "int"), Column("班级"), Column("得分", "number"), Column("加分", "number"),
            Column("扣分", "number")] + [Column(c, "number") for c in cats] + [Column("流动红旗"), Column("严重违纪")]
    rows = []
    for r in res.table.to_dict("records"):
        rows.append([r["grade"], int(r["rank"]), r["class_name"], r["score"], r["bonuses"], r["deductions"]]
                    + [r["categories"].get(c) for c in cats] + ["★" if r["red_flag"] else None,
                                                               "是" if r["serious"] else None])
    return Sheet("排名", cols, rows, title=f"{office_name} {res.week} 班级量化考核排名")


def write_week(target: str | os.PathLike, res, office, lang: str = "zh-CN",
               inputs: Iterable[str | os.PathLike] = ()) -> Path:
    sheets = [week_sheet(res, office.name, lang)]
    if res.problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(res.problems, lang))
    return write_workbook(target, sheets, inputs=inputs)
