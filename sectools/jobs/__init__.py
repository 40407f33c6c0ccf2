"""One function per job — the only layer the CLI, the Excel buttons, the notices and the demo call.

Each takes a *source* (an office folder, an open workbook, frames; see :mod:`sectools.sources`;
an ``Office`` or a folder path is accepted too) and options, and returns a :class:`JobResult`:
the results, every problem found, the defaults it chose (said back in words) and the files it
wrote.  Defaults are decided here once: which week (the latest with records), which month, which
appraisal period (the latest with ratings), which meeting (the next one).
"""

from __future__ import annotations

from .attendance import attendance, meeting_held, signin_sheet
from .check import check
from .core import Choice, JobResult, as_source
from .kpi import kpi
from .notices import notice, notice_data
from .plans import plans_collect, plans_due, plans_schedule
from .ranking import ranking_inputs, ranking_semester, ranking_week, week_deadlines, workdays
from .workflow import correct, publish, ranking_status, run_semester, seal, sealed_weeks, state, verify

__all__ = ["attendance", "signin_sheet", "meeting_held", "check", "kpi", "notice", "notice_data", "plans_collect", "plans_due", "plans_due",
           "plans_schedule", "ranking_week", "ranking_semester", "ranking_status", "ranking_inputs", "week_deadlines",
           "workdays", "publish", "correct", "seal", "verify", "run_semester", "sealed_weeks", "state", "Choice",
           "JobResult", "as_source"]
