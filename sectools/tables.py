"""Registry of the office's tables: name under ``[tables.*]`` → its spec.

Each domain module defines its schemas at its top; this registry only lists them, so the
config, ``check`` and ``init`` know every table.
"""

from __future__ import annotations

from .attendance.schema import DECISIONS, LEAVE_TABLE, MEETINGS, SIGNINS
from .ranking.schema import CLASSES, HOLIDAYS, INSPECTIONS, SCORE_ITEMS
from .kpi.schema import INDICATORS, RATINGS
from .roster import ROSTER
from .seals.schema import SEAL_USES, SEALS
from .documents.schema import INCOMING
from .tasks.schema import TASKS
from .diary.schema import EVENTS
from .fund.schema import FUND
from .supplies.schema import BUDGET, ISSUES_OUT, PURCHASES
from .intake.schema import APPLICANTS, INTERVIEWS

TABLES = {spec.name: spec for spec in (ROSTER, MEETINGS, SIGNINS, LEAVE_TABLE, DECISIONS, CLASSES, SCORE_ITEMS,
                                            INSPECTIONS, HOLIDAYS, INDICATORS, RATINGS, INCOMING, TASKS,
                                            SEALS, SEAL_USES, EVENTS, FUND, BUDGET, PURCHASES, ISSUES_OUT,
                                            APPLICANTS, INTERVIEWS)}
# The tables a sheet may be mistaken for: a sheet one of them fits better is not read as another.
RIVALS = tuple(TABLES.values())
