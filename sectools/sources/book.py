"""An open workbook (``xw.Book``) as sectools reads and writes it.

Reading: every sheet's values become a :class:`~sectools.reader.RawSheet`, so tables are found
by their headers with the same rules as files (title rows, two-row headers, aliases, 繁体 …).
An optional settings sheet (``sectools设置``: one setting per row, name in A, value in B) names
the office, the semester and — if tables are on other sheets than sectools would find — which
sheet holds which table; any other sectools.toml setting goes there by its dotted name
(``attendance.grace_minutes`` | 5).  On desktop Excel a table that is not in the book is read from the
office folder (the workbook's own folder, or ``办公室文件夹`` in the settings), if it has one.

Writing: results go only to sheets sectools owns — a sheet whose A1 title carries the mark
``sectools`` — created or replaced whole.  A clerk's sheet that happens to have the same name is
never touched: the result sheet gets another name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..normalize import fold
from ..config import load_office, office_from_dict
from ..reader import MemoryWorkbook, RawSheet, ReadContext, Table, read_table_from
from ..tables import RIVALS, TABLES
from .base import OfficeSource, Source, inspections_not_found, table_rules

MARK = "sectools"
SETTINGS_SHEETS = ("sectools设置", "sectools", "设置")
SETTING_KEYS = {
    "办公室名称": ("office", "name"), "名称": ("office", "name"), "office": ("office", "name"),
    "学期开始": ("office", "semester_start"), "semester_start": ("office", "semester_start"),
    "学期结束": ("office", "semester_end"), "semester_end": ("office", "semester_end"),
    "语言": ("office", "lang"), "lang": ("office", "lang"),
    "办公室文件夹": ("folder", None), "folder": ("folder", None),
    "名册": ("tables", "roster"), "会议": ("tables", "meetings"), "签到": ("tables", "signins"),
    "请假": ("tables", "leaves"),
    "签到会议": ("extra", "签到会议"),
    "周次": ("extra", "周次"),
    "考核期间": ("extra", "考核期间"),
    "大事记月份": ("extra", "大事记月份"),
    "学期": ("extra", "学期"),
    "预算年度": ("extra", "预算年度"), "年度": ("extra", "预算年度"),
}


def _matrix(value: Any) -> list[list]:
    if value is None:
        return []
    if not isinstance(value, list):
        return [[value]]
    if value and not isinstance(value[0], list):
        return [value]
    return value


def _cell(v: Any) -> Any:
    """xlwings' cell values → what the file reader yields (blank = "", dates as datetimes)."""
    return "" if v is None else v


class BookWorkbook(MemoryWorkbook):
    """An ``xw.Book``'s sheets, read once, as :class:`~sectools.reader.MemoryWorkbook` sheets."""

    kind = "book"

    def __init__(self, book):
        super().__init__(book.name)
        self.book = book
        self.owned: list[str] = []
        for sh in book.sheets:
            raw = self._read(sh)
            first = raw.rows[0][0] if raw.rows and raw.rows[0] else ""
            if isinstance(first, str) and MARK in first and raw.origin == (0, 0):
                self.owned.append(sh.name)
                continue
            self.add(raw)

    @staticmethod
    def _read(sh) -> RawSheet:
        rng = sh.used_range
        rows = _matrix(rng.options(ndim=2).value)
        rows = [["" if v is None else v for v in r] for r in rows]  # _cell, inline: 100,000 cells a sheet
        return RawSheet(sh.name, rows, (rng.row - 1, rng.column - 1), [], True)

    # -- settings ----------------------------------------------------------------------
    def settings(self) -> tuple[dict, Path | None]:
        """sectools.toml-shaped settings from the settings sheet, and the office folder."""
        data, folder = read_settings(self)
        if folder is None:
            try:
                full = getattr(self.book, "fullname", "") or ""
            except Exception:  # a remote book has no path
                full = ""
            if full and Path(full).parent.joinpath("sectools.toml").is_file():
                folder = Path(full).parent
        return data, folder


class RangesWorkbook(MemoryWorkbook):
    """The ranges a custom function was given, one sheet each (``参数2`` …), so the jobs read them
    as they read a book: each table found by its header.  A two-column range of settings
    (学期开始, 办公室名称 …) is the settings sheet."""

    kind = "ranges"

    def __init__(self, func: str, ranges: list, first: int = 1, lang: str = "zh-CN"):
        from ..messages import text

        super().__init__(func)
        self.owned: list[str] = []
        for k, value in enumerate(ranges, first):
            rows = [[_cell(v) for v in r] for r in _matrix(value)]
            name = SETTINGS_SHEETS[0] if _is_settings(rows) else text("argument-n", lang, n=k)
            self.add(RawSheet(name, rows))

    def settings(self) -> tuple[dict, Path | None]:
        return read_settings(self)


def _is_settings(rows: list[list]) -> bool:
    keys = [r[0] for r in rows if r and isinstance(r[0], str) and r[0].strip()]
    return bool(keys) and all(len(r) <= 3 for r in rows) and \
        sum(1 for k in keys if (SETTING_KEYS.get(k.strip()) or SETTING_KEYS.get(fold(k)) or _dotted(k))) * 2 >= len(keys)


def _dotted(label: str) -> tuple[str, str] | None:
    k = label.strip()
    section, dot, field = k.partition(".")
    if dot and section.isidentifier() and field.replace(".", "_").isidentifier() and section not in ("tables",):
        return ("rules", k)
    return None


def read_settings(wb: MemoryWorkbook) -> tuple[dict, Path | None]:
    """The settings sheet's rows → sectools.toml-shaped settings and the office folder it names;
    the settings sheet is then no longer one of the workbook's table sheets."""
    data: dict = {"office": {}, "tables": {}, "extra": {}}
    folder = None
    name = next((n for n in wb.sheet_names if fold(n) in {fold(s) for s in SETTINGS_SHEETS}), None)
    if name:
        for row in wb.sheet(name).rows:
            if len(row) < 2 or not isinstance(row[0], str):
                continue
            key = SETTING_KEYS.get(row[0].strip()) or SETTING_KEYS.get(fold(row[0])) or _dotted(row[0])
            value = row[1]
            if not key or value in ("", None):
                continue
            if key[0] == "rules":  # any sectools.toml setting by its dotted name: attendance.grace_minutes
                section, _, field = key[1].partition(".")
                *inner, last = field.split(".")  # intake.quota.秘书处: a table's entry
                at = data.setdefault("rules", {}).setdefault(section, {})
                for k in inner:
                    at = at.setdefault(k, {})
                at[last] = int(value) if isinstance(value, float) and value.is_integer() else value
                continue
            if isinstance(value, dt.datetime):
                value = value.date()
            section, field = key
            if section == "folder":
                folder = Path(str(value))
            elif section == "tables":
                data["tables"][field] = {"sheet": str(value)}
            elif section == "extra":
                data["extra"][field] = value.isoformat() if isinstance(value, dt.date) else str(value)
            else:
                data["office"][field] = value if isinstance(value, dt.date) else str(value).strip()
        wb.sheet_names.remove(name)
    return data, folder


class BookSource(Source):
    """An open workbook (``xw.Book``); tables it lacks come from its office folder, if it has one."""

    kind = "book"

    def __init__(self, book, wb: MemoryWorkbook | None = None):
        from ..messages import normalize_lang

        self.book = book
        self.wb = wb if wb is not None else BookWorkbook(book)
        self.name = self.wb.display
        data, folder = self.wb.settings()
        self.book_tables = {k: v["sheet"] for k, v in data.pop("tables", {}).items()}
        extra = data.pop("extra", {})
        self.folder_source: OfficeSource | None = None
        if folder is not None:
            from ..paths import allowed_folder

            if not allowed_folder(folder):  # on the server: only the folders its administrator allowed
                from ..errors import Problem, SectoolsError

                raise SectoolsError(Problem("folder-not-allowed", value=str(folder)))
            office = load_office(folder)
            for k, v in data["office"].items():
                setattr(office, k, normalize_lang(v) if k == "lang" else v)
            self.folder_source = OfficeSource(office)
        else:
            office = office_from_dict(Path("."), {"office": data["office"], **data.get("rules", {})})
        super().__init__(office)
        self.options = extra
        if self.folder_source is not None:
            self.folder_source.ctx = self.ctx

    def has(self, name: str) -> bool:
        if self.folder_source is not None and self.folder_source.has(name):
            return True
        return self._in_book(name)

    def _in_book(self, name: str) -> bool:
        key = f"inbook:{name}"
        if key not in self._cache:
            if name == "signins":
                from ..attendance.records import read_signins

                self._cache[key] = bool(read_signins(self.wb, self.ctx, self.book_tables.get(name)).sheets)
            elif name == "inspections":
                self._cache[key] = bool(Source._read_inspections(self).tables)
            else:
                t = read_table_from(self.wb, self.spec_of(name), sheet=self.book_tables.get(name), context=self.ctx,
                                    rivals=RIVALS)
                self._cache[key] = t.header_row is not None
        return self._cache[key]

    @property
    def inputs(self) -> set[Path]:
        return self.folder_source.inputs if self.folder_source else set()

    @property
    def state_root(self) -> Path | None:
        return self.folder_source.state_root if self.folder_source else None

    def workbooks(self, name: str):
        yield _Shared(self.wb), None

    def _read(self, name: str):
        if name == "signins":
            return self._read_book_signins()
        if name == "inspections":
            t = Source._read_inspections(self)
            if not t.tables and self.folder_source is not None:
                return self.folder_source.read("inspections")
            if not t.tables:
                t.problems.append(inspections_not_found(self.name, self.lang))
            return t
        spec = self.spec_of(name)
        t = read_table_from(self.wb, spec, sheet=self.book_tables.get(name), context=self.ctx, rivals=RIVALS)
        found = t.header_row is not None and not any(p.code == "missing-column" for p in t.problems)
        if found or (t.header_row is not None and name in self.book_tables):
            t.problems.extend(table_rules(name, self.office, t))
            if name == "meetings":
                self._semester_from(t)
            return t
        if self.folder_source is not None:
            return self.folder_source.read(name)
        return t

    def _read_book_signins(self):
        from ..attendance.records import SigninTable, read_signins
        from ..attendance.schema import SIGNINS

        rec = read_signins(self.wb, self.ctx, self.book_tables.get("signins"))
        if rec.sheets or self.folder_source is None:
            return SigninTable(SIGNINS, rec, self.name if rec.sheets else None, rec.problems)
        return self.folder_source.read("signins")

    def _semester_from(self, meetings: Table) -> None:
        """No semester in the settings: the meetings' own dates give 3月8日 its year."""
        if self.office.semester_start:
            return
        from ..dates import Semester

        dates = [d for d in meetings.data["date"].tolist() if d]
        if dates:
            self.ctx = ReadContext(semester=Semester(min(dates), max(dates)), limits=self.ctx.limits, lang=self.ctx.lang)

    def plan_files(self, month):
        if self.folder_source is not None:
            return self.folder_source.plan_files(month)
        return super().plan_files(month)

    def display(self, path: Path) -> str:
        return self.folder_source.display(path) if self.folder_source else path.name

    def ref(self, file: str | None, sheet: str | None, cell: str | None):
        from ..writer import Ref

        if file and file == self.name:
            return Ref(file, sheet, cell, internal=self.book is not None)
        return self.folder_source.ref(file, sheet, cell) if self.folder_source else super().ref(file, sheet, cell)


class _Shared:
    """The book's workbook, lent to a reader without closing it."""

    def __init__(self, wb):
        self._wb = wb

    def __getattr__(self, name):
        return getattr(self._wb, name)

    def __enter__(self):
        return self._wb

    def __exit__(self, *exc):
        return None
