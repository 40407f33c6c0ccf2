"""The VBA module for desktop Excel, as text: one ``RunPython`` line per button.
``macros/sectools.bas`` is this text (a test keeps them the same)."""

from __future__ import annotations

from .buttons import BUTTONS

SUBS = {b.vba_sub: b.job for b in BUTTONS}


def bas_text() -> str:
    lines = [
        'Attribute VB_Name = "sectools"',
        "' sectools buttons for desktop Excel (xlwings RunPython).",
        "' Import this module (VBA editor: File > Import File), then assign each Sub to a button.",
        "' Needs the xlwings VBA module in the workbook (sectools excel quickstart makes such a workbook).",
        "",
    ]
    for sub, fn in SUBS.items():
        lines += [f"Sub {sub}()", f'    RunPython "import sectools.excel.desktop as d; d.{fn}()"', "End Sub", ""]
    return "\r\n".join(lines[:-1]) + "\r\n"
