"""What every job returns, and the few things every job does the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ERROR, Problem, SectoolsError
from ..sources import Source, as_source

__all__ = ["JobResult", "Choice", "as_source", "Source", "report_path", "write_sheets", "config_checked"]


@dataclass(frozen=True)
class Choice:
    """A default the job decided for the user (which week, month, period or meeting), and why."""

    key: str  # week | month | period | meeting | semester
    value: Any
    reason: str  # a code of the CHOICES catalogue in sectools.messages
    params: dict = field(default_factory=dict, compare=False, hash=False)
    typed: bool = field(default=False, compare=False)  # the clerk's own word read one way (本学期), not a default

    @property
    def lead(self) -> str:
        """The catalogue line that introduces it: 默认：… for a default, 理解为：… for a word read one way."""
        return "chosen-typed" if self.typed else "chosen"

    def text(self, lang: str = "zh-CN") -> str:
        from ..messages import choice_text

        return choice_text(self.reason, lang, {"value": self.value, **self.params})

    def as_dict(self, lang: str = "zh-CN") -> dict:
        v = self.value
        return {"key": self.key, "value": v.isoformat() if hasattr(v, "isoformat") else v, "reason": self.reason,
                "text": self.text(lang)}


@dataclass
class JobResult:
    """A job's whole answer: the results, every problem found, the defaults chosen, the files written.

    ``sheets`` is the report as data (:class:`sectools.writer.Sheet`): a folder job writes them to a
    workbook, an Excel button puts them into the open book."""

    job: str
    result: Any = None
    problems: list[Problem] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    sheets: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)  # the numbers a one-line summary needs

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def records(self, lang: str = "zh-CN"):
        """The results as JSON-able data (what ``--format json`` prints); texts in ``lang``."""
        r = self.result
        if r is None:
            return None
        if hasattr(r, "as_records"):
            return r.as_records(lang)
        return r


def kept_table(src: Source, name: str):
    """An optional table the office keeps (None: it keeps none); one it keeps whose header is not found is refused,
    its file named — never read as empty (no 督办台账 would read as no tasks, no budget as every 科目 unbudgeted); so is
    one that lacks a column every rule needs (领用登记 without 数量 would read as nothing ever issued)."""
    t = src.read_optional(name)
    if t is None:
        return None
    if t.header_row is None:
        raise SectoolsError(t.problems or [Problem("table-has-no-rows", file=t.file, sheet=t.sheet,
                                                   params={"table": t.spec.term})])
    gone = [p for p in t.problems if p.code == "missing-column"]  # a column every rule needs: never a blank
    if gone:
        raise SectoolsError(gone)
    return t


def config_checked(problems: list[Problem]) -> None:
    if problems:
        from ..errors import ConfigError

        raise ConfigError(problems)


def report_path(src: Source, out, default_name: str) -> Path | None:
    """Where a report goes: ``out`` if given, else the office's ``输出/`` (None: no file)."""
    if out is False:
        return None
    if out:
        return Path(out)
    if src.out_root is None:
        return None
    from ..paths import safe_filename

    return src.out_root / (safe_filename(default_name) + ".xlsx")


def write_sheets(src: Source, target: Path | None, sheets: list, res: JobResult, extra=None) -> None:
    if target is None:
        return
    from ..writer import write_workbook

    res.files.append(write_workbook(target, sheets, inputs=src.inputs, extra=extra, lang=src.lang))


def today_or(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def refuse(code: str, **kw) -> None:
    raise SectoolsError(Problem(code, **kw))
