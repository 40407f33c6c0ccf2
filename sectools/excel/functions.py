"""Custom functions for cells.  Desktop Excel: ``=SEC_RATE(签到!A1:H500, "2024010101")``;
xlwings Server / Lite: ``=XLWINGS.SEC_RATE(…)``.  The docstrings are Excel's help text.
Each converts Excel's arguments and calls its job in :mod:`sectools.jobs.cells`; a bad argument
raises an error whose message Excel shows with ``#VALUE!``."""

from __future__ import annotations

import datetime as dt

import xlwings as xw

from ..jobs import cells


@xw.func
@xw.arg("signins", ndim=2, doc="签到区域，含表头（流水表或台账）")
@xw.arg("who", doc="学号或姓名")
def SEC_RATE(signins, who: str) -> float:
    """某人在签到区域中的出勤率：(出席+迟到+早退) ÷ (记录次数 − 公假)。"""
    return cells.attendance_rate(signins, who)


@xw.func
@xw.arg("signins", ndim=2, doc="签到区域，含表头（流水表或台账）")
@xw.arg("who", doc="学号或姓名")
@xw.arg("status", doc="状态：出席、迟到、早退、事假、病假、公假、缺席 或 请假合计")
def SEC_COUNT(signins, who: str, status: str = "缺席") -> int:
    """某人在签到区域中某种状态的次数（默认：缺席）。"""
    return cells.status_count(signins, who, status)


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
    """加权得分：Σ(得分×权重) ÷ Σ权重（绩效考核的综合得分）。"""
    return cells.weighted(scores, weights)


@xw.func
@xw.arg("base", doc="基础分，如 100")
@xw.arg("items", ndim=2, doc="加分（正数）与扣分（负数）")
def SEC_SCORE(base: float, items) -> float:
    """班级周得分：基础分 + 加分 − 扣分。"""
    return cells.class_score(base, items)


@xw.func
@xw.arg("value", doc="要排名的得分")
@xw.arg("values", ndim=2, doc="全部得分")
@xw.arg("method", doc="dense（中国式 1,2,2,3，默认）或 competition（1,2,2,4）")
def SEC_RANK(value: float, values, method: str = "dense") -> int:
    """得分从高到低的名次。并列时默认中国式排名（1,2,2,3）；competition 为 1,2,2,4。"""
    return cells.rank(value, values, method)


__all__ = ["SEC_RATE", "SEC_COUNT", "SEC_NEXT_WORKDAY", "SEC_DEADLINE", "SEC_WEIGHTED", "SEC_SCORE", "SEC_RANK"]
