"""Report workbooks shared by every job (the problems list)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .errors import Problem
from .messages import word
from .writer import Column, Sheet, write_workbook


def problems_sheet(problems: list[Problem], lang: str = "zh-CN") -> Sheet:
    en = lang == "en"
    cols = [Column("File" if en else "文件"), Column("Sheet" if en else "工作表"), Column("Cell" if en else "单元格"),
            Column(word("severity", lang)), Column(word("code", lang)), Column(word("message", lang), "wrap", width=70),
            Column("Value" if en else "原值")]
    rows = [[p.file, p.sheet, p.cell, word(p.severity, lang), p.code, p.message(lang),
             None if p.value is None else str(p.value)] for p in problems]
    note = None if rows else ("No problems found." if en else "没有发现问题。")
    return Sheet("Problems" if en else "问题清单", cols, rows, title="Problems" if en else "问题清单", note=note)


def write_problems(target: str | os.PathLike, problems: list[Problem], lang: str = "zh-CN",
                   inputs: Iterable[str | os.PathLike] = ()) -> Path:
    return write_workbook(target, [problems_sheet(problems, lang)], inputs=inputs)
