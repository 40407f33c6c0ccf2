"""The appraisal's result workbook."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..writer import Column, Sheet, write_workbook


def result_sheets(res, office_name: str) -> list[Sheet]:
    names = [i["name"] for i in res.indicators]
    has_bonus = any("bonus" in r for r in res.rows)
    cols = [Column("总排名", "int"), Column("部门内排名", "int"), Column("学号"), Column("姓名"), Column("部门"),
            Column("总分", "number", low=60), Column("等级")] + [Column(n, "number") for n in names]
    if has_bonus:
        cols.append(Column("奖金（元）", "int"))
    cols.append(Column("说明", width=20))
    rows = []
    for r in res.rows:
        row = [r["rank_overall"], r["rank_department"], r["id"], r["name"], r["department"], r["total"], r["grade"]]
        row += [r["indicators"].get(n) for n in names]
        if has_bonus:
            row.append(r.get("bonus"))
        row.append(r.get("quota_note"))
        rows.append(row)
    title = f"{office_name} {res.period} {'部门' if res.target == 'department' else '成员'}绩效考核结果"
    weights = Sheet("指标与权重", [Column("指标"), Column("类别"), Column("权重", "number"), Column("评分方式"),
                                  Column("数据来源"), Column("满分", "number")],
                    [[i["name"], i["category"], i["weight"], i["method"], i["source"], i["full"]] for i in res.indicators],
                    title=title)
    sheets = [Sheet("考核结果", cols, rows, title=title,
                    charts=[{"type": "bar", "categories": 3, "values": [5], "title": "总分",
                             "at": f"B{len(rows) + 5}", "width": 720, "height": max(300, 18 * len(rows))}]
                    if rows else []),
              weights]
    if res.problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(res.problems))
    return sheets


def write_result(target: str | os.PathLike, res, office_name: str, inputs: Iterable = ()) -> Path:
    return write_workbook(target, result_sheets(res, office_name), inputs=inputs)
