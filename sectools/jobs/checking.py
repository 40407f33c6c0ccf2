"""The check job: read every table the office keeps and list every problem with its cell."""

from __future__ import annotations

from .core import JobResult, as_source, report_path, write_sheets


def check(source, *, out=False) -> JobResult:
    """Every table read, with its own rules; ``out``: also a problems workbook."""
    from ..report import problems_sheet

    src = as_source(source)
    tables = src.check()
    problems = [p for t in tables.values() for p in t.problems]
    job = JobResult("check", tables, problems)
    job.facts = {"tables": {name: len(t) for name, t in tables.items()}}
    job.sheets = [problems_sheet(problems, src.lang)]
    if out is not False and out is not None:
        write_sheets(src, report_path(src, out, "检查结果"), job.sheets, job)
    return job


def check_records(job: JobResult, lang: str) -> list[dict]:
    return [p.as_dict(lang) for p in job.problems]
