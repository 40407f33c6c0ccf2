"""Sheet buttons for xlwings Server and xlwings Lite, one ``@xw.script`` per entry of
:data:`sectools.excel.buttons.BUTTONS`.

Each button is a shape named like its ``button=`` target, placed over its cell on the 操作 sheet of
the workbooks sectools creates (``sectools excel quickstart``).  With ``XLWINGS_ON_SERVER`` unset
the decorators do nothing, and these stay plain functions.
"""

from __future__ import annotations

import xlwings as xw

from . import jobs
from .buttons import BUTTONS, SHEET


def _script(button):
    body = jobs.JOBS[button.job]

    def script(book: xw.Book):
        return body(book)

    script.__name__ = script.__qualname__ = button.script
    script.__doc__ = f"{button.caption}：{button.help}"
    return xw.script(button=button.target)(script)


for _b in BUTTONS:
    globals()[_b.script] = _script(_b)

__all__ = [b.script for b in BUTTONS] + ["SHEET"]
