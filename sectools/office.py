"""Reading an office's tables: the one place that joins sectools.toml, the reader and each
table's own rules.  Front ends call :func:`read` and :func:`check`."""

from __future__ import annotations

from .config import Office, load_office
from .errors import ConfigError, Problem, SectoolsError
from .reader import ReadContext, Table, read_table

__all__ = ["Office", "load_office", "read", "read_required", "check", "checked_config", "context"]


def context(office: Office) -> ReadContext:
    return ReadContext(semester=office.semester, limits=office.limits, lang=office.lang)


def read(office: Office, name: str) -> Table:
    """Read table ``name`` of the office, with its own rules checked."""
    from .tables import TABLES

    if name == "signins":  # a log or a ledger, on one sheet or several
        from .attendance import read_signins_office

        return read_signins_office(office)
    if name == "inspections":  # a workbook of department sheets, or a folder of workbooks
        from .ranking import read_inspections_office

        return read_inspections_office(office)
    spec = TABLES[name]
    cfg = office.table(name)
    path = office.path_of(name)
    table = read_table(path, spec, sheet=cfg.sheet, context=context(office), display=office.display(path))
    if table.header_row is not None:
        table.problems.extend(_rules(name, office, table))
    return table


def _rules(name: str, office: Office, table: Table) -> list[Problem]:
    if name == "roster":
        from .roster import check_roster

        return check_roster(table, office.departments)
    if name == "meetings":
        from .attendance import check_meetings

        return check_meetings(table, office.semester)
    if name == "leaves":
        from .attendance import leave_problems

        return leave_problems(table)
    return []


def read_required(office: Office, *names: str) -> list[Table]:
    """Read tables a job cannot do without; raise their problems when one could not be read at all."""
    tables = [read(office, n) for n in names]
    fatal = [p for t in tables for p in t.problems if t.header_row is None]
    if fatal:
        raise SectoolsError(fatal)
    return tables


def checked_config(problems: list[Problem]) -> None:
    """Raise a section's config problems (the CLI shows them as one message)."""
    if problems:
        raise ConfigError(problems)


def check(office: Office) -> dict[str, Table]:
    """Read every table the office has, in registry order."""
    return {name: read(office, name) for name in office.configured_tables()}
