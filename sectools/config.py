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
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import Semester
from .errors import ConfigError, Problem
from .messages import normalize_lang
from .reader.guard import Limits

CONFIG_NAME = "sectools.toml"
DEFAULT_DEPARTMENTS = ("主席团", "秘书处", "组织部", "宣传部", "学习部", "文艺部", "体育部", "生活部", "外联部")
POSTS = ("主席", "副主席", "秘书长", "副秘书长", "部长", "副部长", "干事")


@dataclass(frozen=True)
class TableConfig:
    path: str
    sheet: str | None = None


@dataclass
class Office:
    root: Path
    name: str = "学生会"
    semester_start: dt.date | None = None
    semester_end: dt.date | None = None
    lang: str = "zh-CN"
    departments: tuple[str, ...] = DEFAULT_DEPARTMENTS
    tables: dict[str, TableConfig] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def semester(self) -> Semester:
        return Semester(self.semester_start, self.semester_end)

    def table(self, name: str) -> TableConfig:
        from .tables import TABLES

        if name in self.tables:
            return self.tables[name]
        spec = TABLES[name]
        return TableConfig(spec.default_path, spec.default_sheet)

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
        v = self.raw.get(name, {})
        return v if isinstance(v, dict) else {}


def load_office(folder: str | os.PathLike) -> Office:
    root = Path(folder)
    cfg = root / CONFIG_NAME
    if root.is_file() and root.name == CONFIG_NAME:
        root, cfg = root.parent, root
    if not cfg.is_file():
        raise ConfigError(Problem("config-missing", file=str(root)))
    try:
        data = tomllib.loads(cfg.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        detail = str(e)
        if "key part" in detail:
            detail += "；中文键名要加英文引号，如 \"自评\" = 10 / quote non-ASCII keys"
        raise ConfigError(Problem("config-invalid", file=CONFIG_NAME, params={"detail": detail})) from None
    return office_from_dict(root, data)


def office_from_dict(root: Path, data: dict) -> Office:
    problems: list[Problem] = []

    def bad(key: str, value: Any, expected: str) -> None:
        problems.append(Problem("config-bad-value", file=CONFIG_NAME, value=value,
                                params={"key": key, "expected": expected}))

    o = data.get("office", {})
    if not isinstance(o, dict):
        bad("[office]", o, "一个表（[office] 段）/ a table")
        o = {}
    office = Office(root=root, raw=data)
    office.name = str(o.get("name", office.name))
    for key in ("semester_start", "semester_end"):
        v = o.get(key)
        if v is None:
            continue
        if isinstance(v, dt.datetime):
            v = v.date()
        if isinstance(v, str):
            from .dates import parse_date

            v = parse_date(v) or v
        if isinstance(v, dt.date):
            setattr(office, key, v)
        else:
            bad(f"office.{key}", v, "日期，如 2026-03-02 / a date such as 2026-03-02")
    if office.semester_start and office.semester_end and office.semester_end < office.semester_start:
        bad("office.semester_end", office.semester_end, "不早于 semester_start 的日期 / a date after semester_start")
    lang = o.get("lang", "zh-CN")
    if str(lang).lower() not in ("zh-cn", "zh-tw", "en", "zh-hk", "zh-hans", "zh-hant", "zh"):
        bad("office.lang", lang, "zh-CN、zh-TW 或 en")
    office.lang = normalize_lang(str(lang))
    deps = o.get("departments")
    if deps is not None:
        if isinstance(deps, list) and all(isinstance(x, str) and x.strip() for x in deps):
            office.departments = tuple(x.strip() for x in deps)
        else:
            bad("office.departments", deps, "部门名称列表，如 [\"秘书处\", \"宣传部\"] / a list of names")
    from .tables import TABLES

    tables = data.get("tables", {})
    for name, t in (tables.items() if isinstance(tables, dict) else []):
        if name not in TABLES:
            bad(f"tables.{name}", name, "已知的表名：" + "、".join(TABLES))
            continue
        if not isinstance(t, dict) or not isinstance(t.get("path", TABLES[name].default_path), str):
            bad(f"tables.{name}", t, '如 { path = "名册.xlsx", sheet = "成员" }')
            continue
        sheet = t.get("sheet")
        office.tables[name] = TableConfig(t.get("path", TABLES[name].default_path),
                                          str(sheet) if sheet is not None else None)
    try:
        office.limits = Limits.from_config(data.get("limits"))
    except (TypeError, ValueError):
        bad("limits", data.get("limits"), "整数 / whole numbers")
    if problems:
        raise ConfigError(problems)
    return office
