"""Desktop Excel: the VBA buttons call these through ``RunPython``::

    RunPython "import sectools.excel.desktop as d; d.attendance()"

Each is one line: the same job body as the server buttons, on ``xw.Book.caller()``.
"""

from __future__ import annotations


def _caller():
    import xlwings as xw

    return xw.Book.caller()


def attendance() -> None:
    from .jobs import attendance as job

    job(_caller())


def check() -> None:
    from .jobs import check as job

    job(_caller())


def signin_sheet() -> None:
    from .jobs import signin_sheet as job

    job(_caller())


def ranking() -> None:
    from .jobs import ranking as job

    job(_caller())


def kpi() -> None:
    from .jobs import kpi as job

    job(_caller())
