"""Desktop Excel: the VBA buttons call these through ``RunPython``::

    RunPython "import sectools.excel.desktop as d; d.attendance()"

One shim per button of :data:`sectools.excel.buttons.BUTTONS`: the same job body as the server
buttons, on ``xw.Book.caller()``.
"""

from __future__ import annotations

from .buttons import BUTTONS


def _shim(job: str):
    def run() -> None:
        import xlwings as xw

        from .jobs import JOBS

        JOBS[job](xw.Book.caller())

    run.__name__ = job
    return run


for _b in BUTTONS:
    globals()[_b.job] = _shim(_b.job)

__all__ = [b.job for b in BUTTONS]
