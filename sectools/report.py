"""Report workbooks shared by every job (the problems list)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .errors import Problem
from .messages import Term, word
from .writer import Column, Sheet, write_workbook


class MessageOf(Term):
    """A problem's message, written in the language of the workbook it lands in."""

    def __init__(self, problem: Problem):
        super().__init__(key=None)
        self.problem = problem

    def render(self, lang: str = "zh-CN") -> str:
        return self.problem.message(lang)


def problems_sheet(problems: list[Problem], lang: str = "zh-CN") -> Sheet:
    """Every problem a row: where, how bad, the message (in ``lang``), the bad value, and its code last in a
    narrow column (for scripts and for asking; a clerk reads the message)."""
    from .messages import L, W

    cols = [Column(L("文件")), Column(L("工作表")), Column(L("单元格")), Column(L("级别")),
            Column(Term(word("message", "zh-CN"), "Message"), "wrap", width=70), Column(L("原值")),
            Column(L("代码"), width=30)]
    rows = [[p.file, p.sheet, p.cell, L("错误" if p.is_error() else "警告"), MessageOf(p),
             None if p.value is None else str(p.value), p.code] for p in problems]
    return Sheet(L("问题清单"), cols, rows, title=L("问题清单"), note=None if rows else W("no-problems"))


def write_problems(target: str | os.PathLike, problems: list[Problem], lang: str = "zh-CN",
                   inputs: Iterable[str | os.PathLike] = ()) -> Path:
    return write_workbook(target, [problems_sheet(problems, lang)], inputs=inputs, lang=lang)
