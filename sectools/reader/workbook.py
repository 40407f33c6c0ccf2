"""Open any workbook a clerk hands in and give back raw sheets, or one clear problem.

Formats: ``.xlsx`` / ``.xlsm`` (guarded, see :mod:`.guard`), ``.xls`` and ``.csv`` (UTF-8 or
GBK).  Everything else (WPS ``.et``, Apple ``.numbers``, Strict Open XML, encrypted files, PDFs
renamed to .xlsx …) gets a problem that says how to re-save it.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, UnreadableFile
from ..messages import W
from .guard import DEFAULT_LIMITS, Limits, ZipBudget, check_zip_directory, drain_part, SheetShape, guard_sheet, read_part, scan_biff, scan_sheet, too_many_cells

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"
STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml/main"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


@dataclass
class RawSheet:
    """A sheet's values as a grid, positioned: ``rows[i][j]`` is cell (origin[0]+i, origin[1]+j)."""

    name: str
    rows: list[list[Any]]
    origin: tuple[int, int] = (0, 0)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 absolute
    visible: bool = True


class RawWorkbook:
    """An opened workbook.  Sheets are parsed one at a time, each after its guard checks."""

    def __init__(self, path: Path, display: str, kind: str, limits: Limits):
        self.path = path
        self.display = display
        self.kind = kind
        self.limits = limits
        self.sheet_names: list[str] = []
        self.visible: dict[str, bool] = {}
        self._cal = None
        self._zip: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}
        self._budget: ZipBudget | None = None
        self._csv: RawSheet | None = None
        self._biff: dict[str, SheetShape] | None = None  # .xls: each sheet's shape, guarded on opening
        self._cache: dict[str, RawSheet] = {}

    # -- public ------------------------------------------------------------------------
    def sheet(self, name: str) -> RawSheet:
        if name in self._cache:
            return self._cache[name]
        if self._csv is not None:
            return self._csv
        shape = None
        if self._zip is not None:
            if name in self._parts:
                todo = [self._parts[name]]
            else:  # the name did not resolve to a part here: guard every worksheet part
                todo = [n for n in self._zip.namelist() if "/worksheets/" in n and n.endswith(".xml")]
            for part in todo:
                try:
                    found = scan_sheet(self._zip, part, self._budget, name)
                except UnreadableFile:
                    raise
                except Exception as e:  # bad CRC, truncated part …
                    raise UnreadableFile(_damaged(self.display, e, sheet=name)) from None
                guard_sheet(found, self.limits, self.display, name)
                if shape is None or found.likely_extent > shape.likely_extent:
                    shape = found
        elif self._biff is not None:
            shape = self._biff.get(name)
        try:
            if shape is not None and shape.likely_extent > self.limits.isolate_extent:
                from ..isolate import Limited, run_limited

                try:
                    rows, start, merged, height = run_limited(
                        _parse_sheet, (self._cal, name), memory=self.limits.max_memory, seconds=self.limits.max_seconds)
                except Limited as e:
                    raise UnreadableFile(Problem("sheet-too-costly", file=self.display, sheet=name, params={
                        "what": W(f"costly-{e.kind}", memory=f"{self.limits.max_memory >> 20} MB",
                                  seconds=self.limits.max_seconds)})) from None
            else:
                rows, start, merged, height = _parse_sheet(self._cal, name)
        except UnreadableFile:
            raise
        except Exception as e:  # calamine raises many kinds; all mean "damaged"
            raise UnreadableFile(_damaged(self.display, e, sheet=name)) from None
        if rows and start == (0, 0) and height == 0:
            rows = []
        sheet = RawSheet(name, rows, tuple(start), merged, self.visible.get(name, True))
        self._cache[name] = sheet
        return sheet

    def close(self) -> None:
        if self._cal is not None:
            try:
                self._cal.close()
            except Exception:
                pass
        if self._zip is not None:
            self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _parse_sheet(cal, name: str):
    """One sheet through calamine: its rows, where they start, its merged ranges, its height."""
    cs = cal.get_sheet_by_name(name)
    rows = cs.to_python()
    merged = [(a[0], a[1], b[0], b[1]) for a, b in (cs.merged_cell_ranges or [])]
    return rows, tuple(cs.start or (0, 0)), merged, cs.height


class MemoryWorkbook:
    """Sheets already in memory — an open Excel book, rows typed in a test — duck-typing
    :class:`RawWorkbook`, so the same header finder and cleaning read them."""

    kind = "memory"

    def __init__(self, display: str, sheets: dict[str, list[list]] | None = None):
        self.display = display
        self.sheet_names: list[str] = []
        self.visible: dict[str, bool] = {}
        self._sheets: dict[str, RawSheet] = {}
        for name, rows in (sheets or {}).items():
            self.add(RawSheet(name, [["" if v is None else v for v in r] for r in rows]))

    def add(self, raw: RawSheet, visible: bool = True) -> None:
        self._sheets[raw.name] = raw
        self.sheet_names.append(raw.name)
        self.visible[raw.name] = visible

    def sheet(self, name: str) -> RawSheet:
        if name not in self._sheets:
            raise UnreadableFile([])
        return self._sheets[name]

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def open_workbook(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS, display: str | None = None) -> RawWorkbook:
    """Open a workbook or raise :class:`UnreadableFile` with exactly one problem."""
    path = Path(path)
    display = display or path.name
    suffix = path.suffix.lower()

    def fail(code: str, **params) -> UnreadableFile:
        return UnreadableFile(Problem(code, file=display, params=params))

    if not path.is_file():
        raise fail("file-not-found")
    size = path.stat().st_size
    if size == 0:
        raise fail("file-empty")
    if size > limits.max_file_bytes:
        raise fail("workbook-too-large", detail=W("file-size", size=f"{size / 1048576:.0f} MB"),
                   limit=f"{limits.max_file_bytes / 1048576:.0f} MB")
    if suffix == ".et" or suffix == ".ett":
        raise fail("wps-format")
    if suffix == ".numbers":
        raise fail("numbers-format")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if suffix == ".csv" or suffix == ".txt":
        return _open_csv(path, display, limits)
    if head.startswith(OLE_MAGIC):
        return _open_ole(path, display, limits, suffix)
    if head.startswith(ZIP_MAGIC):
        return _open_zip(path, display, limits)
    raise fail("not-a-workbook", detail=_sniff(head))


def _sniff(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return W("sniff-pdf")
    if head.lstrip().startswith((b"<html", b"<!DOC", b"<?xml", b"<HTML", b"<table")):
        return W("sniff-html")
    if head.startswith(b"{\\rtf"):
        return W("sniff-rtf")
    return W("sniff-unknown")


def _damaged(display: str, e: BaseException, sheet: str | None = None) -> Problem:
    import python_calamine as pc

    if isinstance(e, getattr(pc, "PasswordError", ())):
        return Problem("password-protected", file=display)
    detail = f"{type(e).__name__}: {str(e)[:160]}"
    return Problem("corrupt-workbook", file=display, sheet=sheet, params={"detail": detail})


def _calamine(path: Path, display: str):
    import python_calamine as pc

    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except Exception as e:
        raise UnreadableFile(_damaged(display, e)) from None


def _open_ole(path: Path, display: str, limits: Limits, suffix: str) -> RawWorkbook:
    data = path.read_bytes()
    if _ENCRYPTED_MARK in data:
        raise UnreadableFile(Problem("password-protected", file=display))
    if suffix in (".et", ".ett"):
        raise UnreadableFile(Problem("wps-format", file=display))
    if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" not in data and b"B\x00o\x00o\x00k" not in data:
        raise UnreadableFile(Problem("not-a-workbook", file=display,
                                     params={"detail": W("ole-not-excel")}))
    wb = RawWorkbook(path, display, "xls", limits)
    wb._biff = scan_biff(path, limits, display)
    for name, shape in wb._biff.items():  # the parser reads every sheet of an .xls when it opens it
        guard_sheet(shape, limits, display, None if name.startswith("#") else name)
    wb._cal = _calamine(path, display)
    _load_names(wb)
    return wb


def _load_names(wb: RawWorkbook) -> None:
    try:
        metas = wb._cal.sheets_metadata
        wb.sheet_names = [m.name for m in metas if "WorkSheet" in str(m.typ)]
        wb.visible = {m.name: "Visible" in str(m.visible) for m in metas}
    except Exception as e:
        raise UnreadableFile(_damaged(wb.display, e)) from None


def _open_zip(path: Path, display: str, limits: Limits) -> RawWorkbook:
    try:
        zf = zipfile.ZipFile(path)
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        raise UnreadableFile(Problem("corrupt-workbook", file=display,
                                     params={"detail": W("incomplete-zip", error=str(e))})) from None
    try:
        return _open_ooxml(zf, names, path, display, limits)
    except UnreadableFile:
        zf.close()
        raise
    except Exception as e:  # zip/XML damage found while looking inside
        zf.close()
        raise UnreadableFile(Problem("corrupt-workbook", file=display,
                                     params={"detail": f"{type(e).__name__}: {str(e)[:160]}"})) from None


def _open_ooxml(zf, names, path, display, limits) -> RawWorkbook:
    budget = check_zip_directory(zf, limits, display, path.stat().st_size)
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names) or "Index.zip" in names:
        raise UnreadableFile(Problem("numbers-format", file=display))
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        if "word/document.xml" in names:
            detail = W("sniff-docx")
        elif "ppt/presentation.xml" in names:
            detail = W("sniff-pptx")
        elif "content.xml" in names:
            detail = W("sniff-odf")
        else:
            detail = W("sniff-zip")
        raise UnreadableFile(Problem("not-a-workbook", file=display, params={"detail": detail}))
    wb_part = _workbook_part(zf, names, budget)
    wb_xml = read_part(zf, wb_part, budget)
    if STRICT_NS in wb_xml:
        raise UnreadableFile(Problem("strict-ooxml", file=display))
    parts = _sheet_parts(zf, names, wb_part, wb_xml, budget)
    # Parts the parser reads when the workbook is opened: count their real size first.
    for n in names:
        if n.endswith(("sharedStrings.xml", "styles.xml")) or n.endswith(".rels") or n == "[Content_Types].xml":
            drain_part(zf, n, budget)
    wb = RawWorkbook(path, display, "xlsx", limits)
    wb._zip = zf
    wb._parts = parts
    wb._budget = budget
    wb._cal = _calamine(path, display)
    _load_names(wb)
    return wb


def _csv_rows(path: Path, enc: str, dialect, display: str, limits: Limits) -> tuple[list[list[str]], int]:
    import csv

    rows: list[list[str]] = []
    cells = width = 0
    bound = min(limits.max_extent, limits.max_cells)  # one long row pads every row out to it
    with open(path, encoding=enc, newline="") as f:
        for r in csv.reader(f, dialect):
            rows.append(r)
            cells += len(r)
            if len(r) > width:
                width, far = len(r), len(rows)
            if cells > limits.max_cells:
                raise too_many_cells(display, None, cells, limits)
            if width * len(rows) > bound:
                from .address import col_letter

                last = col_letter(min(width, 16384) - 1)
                raise UnreadableFile(Problem("sheet-extent-too-large", file=display, sheet=path.stem, params={
                    "extent": f"A1:{last}{len(rows)}", "count": f"{width * len(rows):,}",
                    "far": f"{last}{far}"}))
    return rows, width


def _workbook_part(zf, names, budget) -> str:
    if "_rels/.rels" in names:
        root = _parse_xml(read_part(zf, "_rels/.rels", budget))
        for rel in root:
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    return "xl/workbook.xml" if "xl/workbook.xml" in names else next(n for n in names if n.endswith("workbook.xml"))


def _parse_xml(data: bytes):
    import defusedxml.ElementTree as DET

    return DET.fromstring(data)


def _sheet_parts(zf, names, wb_part, wb_xml, budget) -> dict[str, str]:
    """sheet name → part path, from workbook.xml and its relationships."""
    root = _parse_xml(wb_xml)
    rels_name = posixpath.join(posixpath.dirname(wb_part), "_rels", posixpath.basename(wb_part) + ".rels")
    targets: dict[str, str] = {}
    if rels_name in names:
        for rel in _parse_xml(read_part(zf, rels_name, budget)):
            t = rel.get("Target", "")
            if t.startswith("/"):
                t = t.lstrip("/")
            else:
                t = posixpath.normpath(posixpath.join(posixpath.dirname(wb_part), t))
            targets[rel.get("Id", "")] = t
    out: dict[str, str] = {}
    for el in root.iter():
        if el.tag.endswith("}sheet") or el.tag == "sheet":
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
            target = targets.get(rid or "")
            if target and target in names:
                out[el.get("name", "")] = target
    # Any worksheet part not named above is scanned too when calamine reads it by position.
    return out


def _open_csv(path: Path, display: str, limits: Limits) -> RawWorkbook:
    """A CSV read as it streams in: the count of cells and the padded rectangle are checked row by row,
    so a hostile file is refused before it is all in memory (a 187 MB one took 2.9 GB)."""
    import csv

    with open(path, "rb") as fh:
        head = fh.read(8192)
    if b"\x00" in head[:4096]:
        raise UnreadableFile(Problem("not-a-workbook", file=display, params={"detail": W("csv-encoding")}))
    for enc in ("utf-8-sig", "gb18030"):
        try:
            sample = head.decode(enc, errors="ignore" if len(head) == 8192 else "strict")
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
            except csv.Error:
                dialect = csv.excel
            rows, width = _csv_rows(path, enc, dialect, display, limits)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile(Problem("not-a-workbook", file=display, params={"detail": W("csv-encoding")}))
    rows = [r + [""] * (width - len(r)) for r in rows]
    wb = RawWorkbook(path, display, "csv", limits)
    name = path.stem
    wb.sheet_names = [name]
    wb.visible = {name: True}
    wb._csv = RawSheet(name, rows, (0, 0), [], True)
    return wb
