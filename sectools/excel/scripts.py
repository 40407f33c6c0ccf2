"""Sheet buttons for xlwings Server and xlwings Lite.

Each button is a shape named like the ``button=`` below, placed over its cell on the 操作
sheet of the workbooks sectools creates (``sectools excel quickstart``).  With
``XLWINGS_ON_SERVER`` unset the decorators do nothing, and these stay plain functions.
"""

from __future__ import annotations

import xlwings as xw

from . import jobs

BUTTONS = {
    # script name: (shape name, cell on the 操作 sheet, caption)
    "sectools_attendance": ("btn_attendance", "B7", "考勤统计"),
    "sectools_check": ("btn_check", "B10", "检查数据"),
    "sectools_signin_sheet": ("btn_signin_sheet", "B13", "生成签到表"),
    "sectools_ranking": ("btn_ranking", "B16", "班级排名"),
    "sectools_kpi": ("btn_kpi", "B19", "绩效考核"),
}
SHEET = "操作"


def _button(script: str) -> str:
    shape, cell, _ = BUTTONS[script]
    return f"[{shape}]{SHEET}!{cell}"


@xw.script(button=_button("sectools_attendance"))
def sectools_attendance(book: xw.Book):
    """考勤统计：按名册、会议、签到、请假表计算出勤并写入结果工作表。"""
    return jobs.attendance(book)


@xw.script(button=_button("sectools_check"))
def sectools_check(book: xw.Book):
    """检查数据：列出本工作簿各表的问题及单元格。"""
    return jobs.check(book)


@xw.script(button=_button("sectools_signin_sheet"))
def sectools_signin_sheet(book: xw.Book):
    """生成签到表：下一次会议的应到人员名单，供打印签到。"""
    return jobs.signin_sheet(book)


@xw.script(button=_button("sectools_ranking"))
def sectools_ranking(book: xw.Book):
    """班级排名：一周的得分、排名与流动红旗（“sectools设置”中的“周次”，默认最近一周）。"""
    return jobs.ranking(book)


@xw.script(button=_button("sectools_kpi"))
def sectools_kpi(book: xw.Book):
    """绩效考核：总分、等级（含优秀名额）、排名（“sectools设置”中的“考核期间”，默认最近一期）。"""
    return jobs.kpi(book)


__all__ = ["sectools_attendance", "sectools_check", "sectools_signin_sheet", "sectools_ranking", "sectools_kpi"]
