"""The sources' common part: a :class:`Source` reads tables the same way whatever holds them;
:class:`OfficeSource` (a folder) and :class:`FrameSource` (rows or frames). See :mod:`sectools.sources`."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Callable, Iterable

from ..config import Office, load_office, office_from_dict
from ..errors import WARNING, Problem, SectoolsError, UnreadableFile
from ..reader import MemoryWorkbook, RawSheet, ReadContext, Table, open_workbook, read_table_from
from ..reader.table import empty_table
from ..tables import RIVALS, TABLES

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".docx", ".csv")
SKIP_PREFIXES = ("~$", ".~lock", ".")


def table_rules(name: str, office: Office, table: Table) -> list[Problem]:
    """Each table's own rules, beyond its columns' types (pure functions of the domains)."""
    if name == "roster":
        from ..roster import check_roster

        return check_roster(table, office.departments)
    if name == "meetings":
        from ..attendance import check_meetings

        return check_meetings(table, office.semester)
    if name == "leaves":
        from ..attendance import leave_problems

        return leave_problems(table)
    return []


class Source:
    """What every source offers a job.  Subclasses say only where workbooks come from."""

    kind = "source"
    office: Office
    ctx: ReadContext
    options: dict  # choices a front end passes along (the book's 周次, 考核期间, 签到会议)

    def __init__(self, office: Office):
        self.office = office
        self.ctx = ReadContext(semester=office.semester, limits=office.limits, lang=office.lang)
        self.options = {}
        self._cache: dict[str, Any] = {}

    # -- what the office has --------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.office.lang

    def set_lang(self, lang: str) -> None:
        """Answer in ``lang`` instead of the office's own (``--lang`` on the command line)."""
        from dataclasses import replace

        self.office.lang = lang
        self.ctx = replace(self.ctx, lang=lang)

    def has(self, name: str) -> bool:
        """Whether the office keeps table ``name`` at all (optional tables may be absent)."""
        return name in self.office.configured_tables()

    @property
    def inputs(self) -> set[Path]:
        """Files sectools reads from (an output must never land on one of them)."""
        return set()

    @property
    def out_root(self) -> Path | None:
        """Where reports go by default (a folder source's ``输出/``); None: the front end decides."""
        return None

    @property
    def state_root(self) -> Path | None:
        """Where workflow state lives (``.sectools/``); None when the source keeps none."""
        return None

    def display(self, path: Path) -> str:
        return path.name

    def ref(self, file: str | None, sheet: str | None, cell: str | None):
        """Where a record is, as a report cites it (and links to it where it can)."""
        from ..writer import Ref

        return Ref(file or "", sheet, cell) if file else None

    # -- reading ---------------------------------------------------------------------------
    def workbooks(self, name: str) -> Iterable[tuple[Any, str]]:
        """(open workbook, label) pairs that hold table ``name``; problems are raised as UnreadableFile."""
        raise NotImplementedError

    def read(self, name: str):
        """Table ``name`` with its own rules checked (cached: one read per job)."""
        if name not in self._cache:
            self._cache[name] = self._read(name)
        return self._cache[name]

    def spec_of(self, name: str):
        """Table ``name``'s spec: the registry's, but for the interviews, whose columns are the office's criteria
        (``[intake] weights``)."""
        if name == "interviews":
            from ..intake.schema import DEFAULT_CRITERIA, interviews_spec

            criteria = tuple(criteria_of(self.office)) or DEFAULT_CRITERIA
            return TABLES[name] if criteria == DEFAULT_CRITERIA else interviews_spec(criteria)
        return TABLES[name]

    def _read(self, name: str):
        if name == "signins":
            return self._read_signins()
        if name == "inspections":
            return self._read_inspections()
        spec = self.spec_of(name)
        sheet = self.office.table(name).sheet
        tables: list[Table] = []
        for wb, _ in self._open_each(name, tables, spec):
            with wb:
                try:
                    tables.append(read_table_from(wb, spec, sheet=sheet, context=self.ctx, rivals=RIVALS))
                except UnreadableFile as e:
                    tables.append(empty_table(spec, e.problems, wb.display))
        table = tables[0] if tables else empty_table(spec, [Problem(
            "table-not-found", params={"table": spec.term, "required": spec.required_term(3)})], None)
        if table.header_row is not None:
            table.problems.extend(table_rules(name, self.office, table))
        return table

    def _open_each(self, name: str, failed: list, spec) -> Iterable:
        try:
            yield from self.workbooks(name)
        except UnreadableFile as e:
            failed.append(empty_table(spec, e.problems, e.problems[0].file if e.problems else None))

    def form_time_column(self) -> str | None:
        """``[attendance] form_time_column``: the column of a form export taken as the sign-in time."""
        from ..settings import validate_section

        return validate_section("attendance", self.office.section("attendance"))[0].get("form_time_column")

    def _read_signins(self):
        from ..attendance.records import Records, SigninTable, empty_frame, joined, read_signins
        from ..attendance.schema import SIGNINS

        sheet = self.office.table("signins").sheet
        time_column = self.form_time_column()
        parts, problems, display = [], [], None
        seen: dict[str, str] = {}  # a folder's exports: the same rows saved twice are read once
        folder = self.folder_of("signins")
        try:
            for wb, _ in self.workbooks("signins"):
                if isinstance(wb, _Failed):
                    problems.extend(wb.error.problems)
                    continue
                display = display or wb.display
                with wb:
                    rec = read_signins(wb, self.ctx, sheet, time_column)
                if len(rec.frame) and folder is not None:
                    key = _records_key(rec)
                    if key in seen:
                        problems.append(Problem("duplicate-export", WARNING, file=wb.display,
                                                params={"other": seen[key]}))
                        continue
                    seen[key] = wb.display
                parts.append(rec)
                problems.extend(rec.problems)
        except UnreadableFile as e:
            problems.extend(e.problems)
            display = display or (e.problems[0].file if e.problems else None)
        if folder is not None:
            display = folder
        problems.extend(self.stray_signins())
        if not parts:
            return SigninTable(SIGNINS, Records(empty_frame(), [], []), display, problems)
        if len(parts) == 1:
            return SigninTable(SIGNINS, parts[0], display, problems)
        frame = joined([r.frame for r in parts])
        return SigninTable(SIGNINS, Records(frame, problems, [s for r in parts for s in r.sheets]), display, problems)

    def _read_inspections(self):
        from ..ranking import InspectionsTable, inspection_table
        from ..ranking.schema import INSPECTIONS

        items = []
        if self.has("score_items"):
            items = [x for x in self.read("score_items").data["item"].tolist() if x]
        tables, problems = [], []
        where = self.inspections_label()
        opened = []
        try:
            for wb, label in self.workbooks("inspections"):
                if isinstance(wb, _Failed):
                    problems.extend(wb.error.problems)
                    opened.append(wb.display)
                    continue
                opened.append(wb.display)
                with wb:
                    found = False
                    for sheet_name in wb.sheet_names:
                        try:
                            raw = wb.sheet(sheet_name)
                        except UnreadableFile as e:
                            problems.extend(e.problems)
                            continue
                        dept = sheet_name if len(wb.sheet_names) > 1 or label is None else label
                        t = inspection_table(raw, items, self.ctx, wb.display, dept)
                        if t is None:
                            continue
                        tables.append(t)
                        problems.extend(p for p in t.problems if p.code != "empty-table")
                        found = True
                    if not found and self.kind != "book":
                        problems.append(inspections_not_found(wb.display, self.lang))
        except UnreadableFile as e:
            problems.extend(e.problems)
        if not opened and not problems:
            problems.append(inspections_not_found(where, self.lang))
        return InspectionsTable(INSPECTIONS, tables, problems, where)

    def inspections_label(self) -> str | None:
        return None

    def stray_signins(self) -> list[Problem]:
        """Sign-ins kept where the sign-in table is not (an export saved beside the office's workbooks, a
        签到.xlsx left behind when the table became a folder): named, so they are not missed without a word."""
        return []

    def folder_of(self, name: str) -> str | None:
        """The folder (as a clerk reads it) when table ``name`` is kept as a folder of workbooks."""
        return None

    def read_required(self, *names: str, rows: bool = True) -> list:
        """Tables a job cannot do without: their problems are raised when one could not be read at all
        or lacks a column every rule needs (学号, 姓名, 部门 …: never a silent blank), and (``rows``) a
        table that has only its header is refused, naming its file and sheet."""
        tables = [self.read(n) for n in names]
        fatal = [p for t in tables for p in t.problems if t.header_row is None or p.code == "missing-column"]
        if not fatal and rows:
            fatal = [Problem("table-has-no-rows", file=t.file, sheet=t.sheet, params={"table": t.spec.term})
                     for t in tables if len(t) == 0]
        if fatal:
            raise SectoolsError(fatal)
        return tables

    def read_optional(self, name: str):
        """An optional table, or None when the office does not keep it."""
        return self.read(name) if self.has(name) else None

    def check(self) -> dict[str, Any]:
        """Every table the office has, in registry order."""
        return {name: self.read(name) for name in TABLES if self.has(name)}

    # -- monthly plans and summaries --------------------------------------------------------
    def plan_files(self, month: tuple[int, int]) -> tuple[list[Path], list[Problem]]:
        return [], [Problem("month-folder-missing", WARNING, value=f"{month[0]}-{month[1]:02d}")]

    def plan_months(self) -> list[tuple[int, int]]:
        """The months the office keeps plans for (month folders that hold at least one file)."""
        return []

    def plan_submissions(self, month: tuple[int, int], progress: Callable[[str], None] | None = None):
        """Every form in the month's folder, read (never raises for a bad file)."""
        key = f"plans:{month}"
        if key in self._cache:
            return self._cache[key]
        from ..plans.forms import locate

        files, problems = self.plan_files(month)
        subs = []
        for p in files:
            sub = read_form(p, self.ctx, self.office.departments, self.display(p), self.office.limits)
            locate(sub, p.stem, p.parent.name, self.office.departments)
            subs.append(sub)
            if progress:
                progress(p.name)
        self._cache[key] = (subs, problems)
        return subs, problems


def inspections_not_found(where: str | None, lang: str) -> Problem:
    from ..ranking.schema import INSPECTIONS

    return Problem("table-not-found", WARNING, file=where,
                   params={"table": INSPECTIONS.term, "required": INSPECTIONS.required_term()})


def read_form(path: Path, ctx: ReadContext, departments: tuple[str, ...], display: str, limits=None):
    """One plan or summary form from a file (never raises for a bad file: its problems are kept)."""
    from ..plans.forms import parse_form
    from ..reader import DEFAULT_LIMITS

    try:
        modified = dt.datetime.fromtimestamp(os.stat(path).st_mtime).replace(microsecond=0)
    except OSError:
        modified = None
    sheets, bad = _form_sheets(path, display, limits or DEFAULT_LIMITS)
    return parse_form(sheets, bad, display, path, modified, ctx, departments)


def _form_sheets(path: Path, display: str, limits) -> tuple[list[RawSheet], list[Problem]]:
    """A plan or summary form's sheets: a workbook's first five, or a Word form's paragraphs and tables."""
    try:
        if path.suffix.lower() == ".docx":
            from ..reader.docx import docx_sheets

            return docx_sheets(path, display, limits), []
        with open_workbook(path, limits, display=display) as wb:
            return [wb.sheet(n) for n in wb.sheet_names[:5]], []
    except UnreadableFile as e:
        return [], list(e.problems)


# ---------------------------------------------------------------------------------------------
class OfficeSource(Source):
    """An office folder: ``sectools.toml`` and the workbooks it names."""

    kind = "folder"

    def __init__(self, office: Office):
        super().__init__(office)
        self.root = office.root

    @classmethod
    def load(cls, folder: str | os.PathLike) -> "OfficeSource":
        return cls(load_office(folder))

    @property
    def inputs(self) -> set[Path]:
        plans = self.office.plans_root
        return self.office.input_paths() | ({plans} if plans.is_dir() else set())

    @property
    def out_root(self) -> Path:
        return self.root / "输出"

    @property
    def state_root(self) -> Path:
        return self.root / ".sectools"

    def display(self, path: Path) -> str:
        return self.office.display(path)

    def ref(self, file: str | None, sheet: str | None, cell: str | None):
        from ..writer import Ref

        if not isinstance(file, str) or not file:
            return None
        paths = self._cache.setdefault("_ref_paths", {})
        if file not in paths:
            path = (self.office.root / file).resolve()
            paths[file] = path if path.is_file() else None
        return Ref(file, sheet, cell, paths[file])

    def inspections_label(self) -> str:
        return self.display(self.office.path_of("inspections"))

    def stray_signins(self) -> list[Problem]:
        from ..attendance.records import read_signins

        office = self.office
        claimed = {office.path_of(n) for n in TABLES}
        target = office.path_of("signins")
        where = self.display(target) + ("/" if target.is_dir() else "")
        out = []
        for f in _regular_files(office.root, office.root.iterdir(), WORKBOOK_SUFFIXES)[0]:
            if f.resolve() in claimed:
                continue
            try:
                with open_workbook(f, office.limits, display=self.display(f)) as wb:
                    found = read_signins(wb, self.ctx, None, self.form_time_column()).sheets
            except UnreadableFile:
                continue
            if found:
                out.append(Problem("signins-elsewhere", WARNING, file=self.display(f),
                                   params={"path": where, "sheets": "、".join(s for _, s, _ in found)}))
        return out

    def folder_of(self, name: str) -> str | None:
        path = self.office.path_of(name)
        return self.display(path) + "/" if path.is_dir() else None

    def workbooks(self, name: str):
        path = self.office.path_of(name)
        if path.is_dir():
            listed = name in ("inspections", "signins")  # folder tables: a bad file is listed, the rest read
            if name == "signins":  # exports as they come: in subfolders too; what is not read is said
                files, skipped = _regular_files(path, path.rglob("*"), WORKBOOK_SUFFIXES)
                for f in _not_workbooks(path):
                    yield _Failed(UnreadableFile(Problem("file-not-read", WARNING, file=self.display(f)))), f.stem
            else:
                files, skipped = _regular_files(path, path.iterdir(), WORKBOOK_SUFFIXES)
            if listed:  # a link in it is listed, never followed
                for f in skipped:
                    yield _Failed(UnreadableFile(Problem("skipped-link", WARNING, file=self.display(f)))), f.stem
            for f in files:
                try:
                    yield open_workbook(f, self.office.limits, display=self.display(f)), f.stem
                except UnreadableFile as e:
                    if not listed:
                        raise
                    yield _Failed(e), f.stem
            return
        if not path.exists():
            moved = _moved(self.office.root, path)
            if moved is not None:  # the clerk moved the workbook and not its path: say where it is now
                folder = name in ("signins", "inspections") and moved.parent != self.office.root
                found = self.display(moved)
                raise UnreadableFile(Problem("table-file-moved", file=self.display(path), params={
                    "found": found, "key": f"[tables.{name}]",
                    "suggest": self.display(moved.parent) if folder else found}))
        yield open_workbook(path, self.office.limits, display=self.display(path)), path.stem

    def plan_months(self) -> list[tuple[int, int]]:
        from ..plans.forms import parse_month

        root = self.office.plans_root
        if not root.is_dir():
            return []
        found = set()
        for p in root.iterdir():
            m = parse_month(p.name) if p.is_dir() and not p.is_symlink() else None
            if m and _regular_files(p, p.rglob("*"), FORM_SUFFIXES)[0]:  # a link alone makes no month
                found.add(m)
        return sorted(found)

    def plan_files(self, month):
        root = self.office.plans_root
        folder = _month_folder(root, month)
        if folder is None:
            return [], [Problem("month-folder-missing", WARNING, file=self.display(root),
                                value=f"{month[0]}-{month[1]:02d}")]
        files, skipped = _regular_files(folder, folder.rglob("*"), FORM_SUFFIXES)
        return files, [Problem("skipped-link", WARNING, file=self.display(p)) for p in skipped]


def _regular_files(root: Path, entries, suffixes) -> tuple[list[Path], list[Path]]:
    """The plain files among ``entries`` (of the suffixes, not an owner or temp file), and the
    links, pipes and devices skipped: a link in a clerk's folder may point anywhere on the machine."""
    files, skipped = [], []
    for p in entries:
        if p.suffix.lower() not in suffixes or p.name.startswith(SKIP_PREFIXES):
            continue
        rel = p.relative_to(root)
        chain = [root / Path(*rel.parts[:k]) for k in range(1, len(rel.parts) + 1)]
        if any(c.is_symlink() for c in chain):
            skipped.append(p)
        elif p.is_file():
            files.append(p)
        elif p.exists() and not p.is_dir():
            skipped.append(p)  # a FIFO or a device
    return sorted(files), sorted(skipped)


def _moved(root: Path, path: Path) -> Path | None:
    """A workbook of ``path``'s name one or two folders down the office folder (not under 输出/ or .sectools)."""
    for pattern in (f"*/{path.name}", f"*/*/{path.name}"):
        for p in sorted(root.glob(pattern)):
            rel = p.relative_to(root).parts
            if p.is_file() and not p.is_symlink() and rel[0] not in ("输出", ".sectools") and not rel[0].startswith("."):
                return p
    return None


def _not_workbooks(root: Path) -> list[Path]:
    """The plain files of a folder table that are not read: an owner or temp file Excel or WPS leaves
    beside an open workbook (``~$签到.xlsx``), or a file of another kind (a photo, a .txt, a .pdf)."""
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_symlink() or not p.is_file() or any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        if p.name.startswith(SKIP_PREFIXES) or p.suffix.lower() not in WORKBOOK_SUFFIXES:
            out.append(p)
    return out


def _records_key(rec) -> str:
    """The rows a sign-in workbook holds (not where they sit): the same export saved twice has the same key,
    and two that differ in one cell never do (a digest, not ``hash``: a collision would drop an export)."""
    import hashlib

    from ..attendance.records import RECORD_COLUMNS

    frame = rec.frame[[c for c in RECORD_COLUMNS if c in rec.frame.columns]]
    digest = hashlib.sha256()
    for row in frame.itertuples(index=False):
        digest.update("\x1f".join(map(repr, row)).encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()


def _month_folder(root: Path, month: tuple[int, int]) -> Path | None:
    from ..plans.forms import parse_month

    y, m = month
    names = {f"{y}-{m:02d}", f"{y}-{m}", f"{y}年{m}月", f"{y}年{m:02d}月", f"{y}{m:02d}", f"{y}.{m:02d}", f"{y}.{m}"}
    if not root.is_dir():
        return None
    for p in root.iterdir():
        if p.is_dir() and not p.is_symlink() and (p.name in names or parse_month(p.name) == month):
            return p
    return None



class _Failed:
    """A workbook of a folder that could not be opened: its problems, and no sheets."""

    def __init__(self, error: UnreadableFile):
        self.error = error
        self.display = error.problems[0].file if error.problems else ""
        self.sheet_names: list[str] = []



class FrameSource(Source):
    """Tables given in memory: ``{"roster": DataFrame or [header, row, …], …}``.

    A DataFrame's columns may be the clerk's headers (学号, 姓名 …) or sectools' field names
    (id, name …); either way the values go through the reader exactly as a sheet's would.
    ``inspections`` and ``signins`` may also be ``{sheet name: rows}`` (one sheet per department)."""

    kind = "frames"

    def __init__(self, tables: dict[str, Any], office: Office | dict | None = None):
        if isinstance(office, dict) or office is None:
            office = office_from_dict(Path("."), office or {})
        super().__init__(office)
        self._given = {name: _sheets_of(name, v) for name, v in tables.items()}

    def has(self, name: str) -> bool:
        return name in self._given

    def workbooks(self, name: str):
        if name not in self._given:
            return
        yield MemoryWorkbook(TABLES[name].title, self._given[name]), None


def _sheets_of(name: str, value) -> dict[str, list[list]]:
    if isinstance(value, dict):
        return {k: _rows_of(name, v) for k, v in value.items()}
    return {TABLES[name].title: _rows_of(name, value)}


def _rows_of(name: str, value) -> list[list]:
    if isinstance(value, list):
        return value
    spec = TABLES[name]
    labels = {f.name: f.label for f in spec.fields}
    header = [labels.get(str(c), str(c)) for c in value.columns]
    return [header] + [[_plain(v) for v in row] for row in value.itertuples(index=False)]


def _plain(v):
    if v is None:
        return ""
    if isinstance(v, float) and v != v:
        return ""
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        return v.item()
    return v


def criteria_of(office) -> list[str]:
    """The interview criteria the office weighs (``[intake] weights``), in its order."""
    from ..settings import validate_section

    v, _ = validate_section("intake", office.section("intake"))
    return [k for k in v["weights"]]
