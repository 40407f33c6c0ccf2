"""One function per job — the only layer the CLI, the Excel buttons, the notices and the demo call.

Each takes a *source* (an office folder, an open workbook, frames; see :mod:`sectools.sources`;
an ``Office`` or a folder path is accepted too) and options, and returns a :class:`JobResult`:
the results, every problem found, the defaults it chose (said back in words) and the files it
wrote.  Defaults are decided here once: which week (the latest with records), which month, which
appraisal period (the latest with ratings), which meeting (the next one).

Names load on first use, so a button or a command pays only for the job it runs.  No submodule is
named like a job (a loaded submodule would shadow the function of the same name).
"""

from __future__ import annotations

from .. import lazy_exports

_WHERE = {
    "attendance": "meetings", "signin_sheet": "meetings", "meeting_held": "meetings", "check": "checking",
    "kpi": "appraisal", "notice": "notices", "notice_data": "notices", "plans_collect": "plans", "plans_due": "plans",
    "plans_schedule": "plans", "ranking_week": "ranking", "ranking_semester": "ranking", "ranking_inputs": "ranking",
    "week_deadlines": "ranking", "workdays": "ranking", "publish": "workflow", "correct": "workflow",
    "seal": "workflow", "verify": "workflow", "repair": "workflow", "ranking_status": "workflow", "run_semester": "workflow",
    "sealed_weeks": "statefiles", "seals": "sealing", "seal_form_uses": "sealing",
    "documents": "incoming", "document_form_docs": "incoming", "tasks": "supervision", "checked_tasks": "supervision",
    "task_rates": "supervision", "diary": "chronicle", "fund": "charity", "checked_fund": "charity", "supplies": "supply", "checked_claims": "supply", "intake": "recruiting", "checked_intake": "recruiting", "intake_roster": "recruiting", "archive_snapshot": "archiving", "snapshots": "archived", "archive_diff": "archiving", "archive_show": "archiving", "archive_apply": "archiving", "state": "workflow", "Choice": "core", "JobResult": "core", "as_source": "core",
}

__all__ = sorted(_WHERE)


__getattr__ = lazy_exports(__name__, _WHERE, globals())
