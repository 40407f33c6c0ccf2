"""The office folder: ``sectools.toml`` and the workbooks it names.

.. code-block:: toml

    [office]
    name = "财经系学生会"
    semester_start = 2026-03-02
    semester_end = 2026-07-10
    lang = "zh-CN"            # zh-CN (default), zh-TW, en
    departments = ["秘书处", "宣传部", ...]

    [tables.roster]
    path = "名册.xlsx"        # relative to the office folder
    sheet = "成员"            # optional: found by its header when left out

    [limits]                  # optional: what a workbook may expand to
    max_uncompressed = 1073741824

Every section and key is declared once in :mod:`sectools.settings`; loading checks the whole
file against those declarations and refuses it with every problem at once (each naming its
key and line), so the jobs only ever see typed values with the defaults filled in.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import settings as settings_mod
from .dates import Semester
from .errors import ConfigError, Problem
from .reader.guard import Limits

CONFIG_NAME = settings_mod.CONFIG_NAME
DEFAULT_DEPARTMENTS = settings_mod.DEFAULT_DEPARTMENTS


@dataclass(frozen=True)
class TableConfig:
    path: str
    sheet: str | None = None


@dataclass
class Office:
    root: Path
    name: str = settings_mod.default("office", "name")
    semester_start: dt.date | None = None
    semester_end: dt.date | None = None
    lang: str = settings_mod.default("office", "lang")
    departments: tuple[str, ...] = DEFAULT_DEPARTMENTS
    tables: dict[str, TableConfig] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    raw: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, dict] = field(default_factory=dict)  # every section, checked, defaults filled

    @property
    def semester(self) -> Semester:
        return Semester(self.semester_start, self.semester_end)

    def table(self, name: str) -> TableConfig:
        from .tables import TABLES

        if name in self.tables:
            return self.tables[name]
        spec = TABLES[name]
        return TableConfig(spec.default_path, spec.default_sheet)

    @property
    def plans_root(self) -> Path:
        """The folder of the monthly plans and summaries (``[plans] folder``)."""
        return self.root / str(self.section("plans")["folder"])

    def path_of(self, name: str) -> Path:
        return (self.root / self.table(name).path).resolve()

    def display(self, path: Path) -> str:
        """A path as a clerk reads it: relative to the office folder."""
        try:
            return str(path.resolve().relative_to(self.root.resolve())).replace(os.sep, "/")
        except ValueError:
            return path.name

    def input_paths(self) -> set[Path]:
        return {self.path_of(n) for n in self.configured_tables()}

    def configured_tables(self) -> list[str]:
        from .tables import TABLES

        return [n for n in TABLES
                if n == "roster" or n in self.tables or (self.root / TABLES[n].default_path).exists()]

    def section(self, name: str) -> dict:
        """``[name]`` of sectools.toml, checked, with every default filled in."""
        if not self.settings:
            self.settings = settings_mod.defaults()
        v = self.settings.get(name)
        if v is None:
            v = self.raw.get(name, {})
        return v if isinstance(v, dict) else {}


MAX_CONFIG_BYTES = 1 << 20


_WIDE_PUNCTUATION = re.compile(r"[“”‘’，＝［］｛｝：；　]")  # what a Chinese input method types for " , = [ ] { } : ;


def load_office(folder: str | os.PathLike) -> Office:
    root = Path(folder)
    cfg = root / CONFIG_NAME
    if root.is_file() and root.name == CONFIG_NAME:
        root, cfg = root.parent, root
    if not cfg.is_file():
        raise ConfigError(Problem("config-missing", file=str(root)))
    if cfg.stat().st_size > MAX_CONFIG_BYTES:  # a settings file is a few KB: this one is not one
        raise ConfigError(Problem("config-invalid", file=CONFIG_NAME, params={
            "detail": f"{cfg.stat().st_size:,} bytes > {MAX_CONFIG_BYTES:,}"}))
    text = ""
    try:
        text = cfg.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        from .messages import W

        detail = str(e)
        at = re.search(r"at line (\d+)", detail)
        line = text.splitlines()[int(at.group(1)) - 1] if at and int(at.group(1)) <= len(text.splitlines()) else ""
        wide = "".join(dict.fromkeys(_WIDE_PUNCTUATION.findall(line.split("#", 1)[0])))
        if wide:  # “财经系学生会”, ["主席团"，"秘书处"]: typed with the Chinese input method on
            detail = W("toml-wide-punctuation", detail=detail, chars=" ".join(wide))
        elif "key part" in detail:
            detail = W("toml-quote-keys", detail=detail)
        elif "overwrite" in detail:  # quota = { } left above, quota = {…} added below: one setting written twice
            detail = W("toml-written-twice", detail=detail)
        raise ConfigError(Problem("config-invalid", file=CONFIG_NAME, params={"detail": detail},
                                  line=int(at.group(1)) if at else None)) from None
    return office_from_dict(root, data, text=text)


def office_from_dict(root: Path, data: dict, *, text: str | None = None) -> Office:
    """An office from a parsed sectools.toml (or the Excel settings sheet's ``{"office": {...}}``,
    whose values may be text: dates as "2026-03-02", lang as typed).  ``text``: the file's text,
    so each problem names its line.  Raises :class:`ConfigError` with every problem at once."""
    from .tables import TABLES

    values, problems = settings_mod.validate(data, text, tables={n: t.default_path for n, t in TABLES.items()})
    if problems:
        raise ConfigError(problems)
    o = values["office"]
    return Office(
        root=root,
        name=o["name"],
        semester_start=o["semester_start"],
        semester_end=o["semester_end"],
        lang=o["lang"],
        departments=tuple(o["departments"]),
        tables={n: TableConfig(t["path"] or TABLES[n].default_path, t["sheet"]) for n, t in values["tables"].items()},
        limits=Limits(**values["limits"]),
        raw=data,
        settings=values,
    )
