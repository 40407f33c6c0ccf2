"""Custom functions for cells.  Desktop Excel: ``=SEC_RATE(A2, 签到!A1:H900, 会议!A1:G50, 名册!A1:G90, 请假!A1:F40)``;
xlwings Server / Lite: ``=XLWINGS.SEC_RATE(…)``.  The docstrings are Excel's help text.
Each converts Excel's arguments and calls its job in :mod:`sectools.jobs.cells`; a bad argument
raises an error whose message Excel shows with ``#VALUE!``.

A function named for a report figure (出勤率, 缺席次数, 得分, 名次) runs the report's own job on
the ranges it is given — the only data a function on xlwings Server or Lite receives — so it
shows exactly the report's number; given too little to compute it, it says which ranges to add."""

from __future__ import annotations

import datetime as dt

import xlwings as xw

from ..jobs import cells


@xw.func
@xw.arg("who", ndim=2, doc="学号或姓名（一个单元格，或一列：结果也是一列）")
@xw.arg("tables", ndim=2, doc="签到、会议、名册、请假区域（含表头，顺序不限；没有请假表写 \"无请假\"）")
def SEC_RATE(who, *tables):
    """出勤率，与考勤统计报表上的数相同：需要签到、会议、名册、请假四个区域。"""
    return cells.attendance_rate(who, *tables)


@xw.func
@xw.arg("who", ndim=2, doc="学号或姓名（一个单元格，或一列）")
@xw.arg("status", doc="出席、迟到、早退、事假、病假、公假、缺席、请假合计、出勤、折算缺席、应到")
@xw.arg("tables", ndim=2, doc="签到、会议、名册、请假区域（含表头，顺序不限）")
def SEC_COUNT(who, status, *tables):
    """某种考勤次数（如缺席），与考勤统计报表上的数相同。"""
    return cells.status_count(who, status, *tables)


@xw.func
@xw.arg("day", dt.date, doc="日期")
@xw.arg("n", doc="之后第几个工作日（0 = 当天或之后的第一个工作日）")
@xw.ret(date_format="yyyy-mm-dd")
def SEC_NEXT_WORKDAY(day: dt.date, n: int = 0) -> dt.date:
    """按中国法定节假日与调休，从某日起第 n 个工作日（n=0：当天若是工作日即当天）。"""
    return cells.next_workday(day, n)


@xw.func
@xw.arg("month", dt.date, doc="该月中的任一日期")
@xw.arg("n", doc="第几个工作日（0 = 该月最后一个工作日）")
@xw.ret(date_format="yyyy-mm-dd")
def SEC_DEADLINE(month: dt.date, n: int = 3) -> dt.date:
    """某月第 n 个工作日（如计划于每月第 3 个工作日前上交），按中国法定节假日与调休。"""
    return cells.deadline(month, n)


@xw.func
@xw.arg("scores", ndim=2, doc="各项得分")
@xw.arg("weights", ndim=2, doc="对应权重（个数与得分相同）")
def SEC_WEIGHTED(scores, weights) -> float:
    """加权平均：Σ(得分×权重) ÷ Σ权重（只算给定的数；绩效考核的总分请看考核报表）。"""
    return cells.weighted(scores, weights)


@xw.func
@xw.arg("name", ndim=2, doc="班级（一个单元格，或一列）")
@xw.arg("week", doc="周次，如 2026-W10、第10周，或该周的任一日期；留空：有记录的最近一周")
@xw.arg("tables", ndim=2, doc="各部门检查记录、班级、评分细则区域（含表头，顺序不限）")
def SEC_SCORE(name, week, *tables):
    """班级某周得分，与排名报表上的数相同。"""
    return cells.class_score(name, week, *tables)


@xw.func
@xw.arg("name", ndim=2, doc="班级（一个单元格，或一列）")
@xw.arg("week", doc="周次，如 2026-W10、第10周，或该周的任一日期；留空：有记录的最近一周")
@xw.arg("tables", ndim=2, doc="各部门检查记录、班级、评分细则区域（含表头，顺序不限）")
def SEC_RANK(name, week, *tables):
    """班级某周名次（按设置在年级内或全部排名，并列按设置），与排名报表上的数相同。"""
    return cells.class_rank(name, week, *tables)


__all__ = ["SEC_RATE", "SEC_COUNT", "SEC_NEXT_WORKDAY", "SEC_DEADLINE", "SEC_WEIGHTED", "SEC_SCORE", "SEC_RANK"]
