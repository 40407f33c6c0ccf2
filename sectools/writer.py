"""Writing outputs without ever harming a clerk's data.

* every output is a new file written to a temporary name beside the target, then moved over it
  in one step (:func:`atomic_target`): a crash never leaves a half-written workbook;
* an input workbook is never a target (``output-is-input``);
* a target open in Excel/WPS (an ``~$`` owner file beside it, a LibreOffice lock, or a locked
  file) is refused with a message and nothing is written;
* text that begins with ``= + - @`` is written as text, never as a formula (xlsx: the string
  type is forced; CSV: prefixed with ``'`` as OWASP advises);
* reports look finished: styled header, widths fitted to Chinese text, frozen header,
  autofilter, date and percent formats.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .errors import Problem, SectoolsError, WorkbookOpenError
from .messages import W
from .normalize import display_width

HEADER_FILL = "#1F4E78"
HEADER_FONT = "#FFFFFF"
BAND_FILL = "#F2F6FA"
LOW_FILL = "#FDE2E1"
LOW_FONT = "#9C0006"
# the 三色 of supervision (督办): red overdue or in breach, yellow due soon or to be checked, blue on track
STATE_COLORS = {"red": (LOW_FILL, LOW_FONT), "yellow": ("#FFF2CC", "#7F6000"), "blue": ("#DDEBF7", "#1F4E78"),
                "green": ("#E2EFDA", "#375623")}
FONT = "等线"  # Excel's default CJK UI font; LibreOffice falls back to a CJK font


def check_writable(target: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Raise unless ``target`` may be (over)written now."""
    target = Path(target)
    display = target.name
    resolved = target.resolve()
    for p in inputs:
        p = Path(p).resolve()
        if p == resolved or (p.is_dir() and p in resolved.parents):  # on an input, or inside an input folder
            raise SectoolsError(Problem("output-is-input", file=display))
    owner = target.with_name("~$" + target.name)
    owner2 = target.with_name("~$" + target.name[2:]) if len(target.name) > 2 else owner
    lo_lock = target.with_name(".~lock." + target.name + "#")
    for lock in (owner, owner2, lo_lock):
        if lock.exists():
            raise WorkbookOpenError(Problem("file-open-in-excel", file=display,
                                            params={"detail": W("lock-file", name=lock.name)}))
    if target.exists():
        try:
            with open(target, "r+b"):
                pass
        except PermissionError as e:
            raise WorkbookOpenError(Problem("file-locked", file=display, params={"detail": str(e)})) from None
    return target


STALE_SECONDS = 6 * 3600  # a temp file this old is a run that was killed, not one still writing


def _clean_stale(folder: Path) -> None:
    """Temporary files a killed run left beside its target (``.sectools-XXXX.xlsx``) are removed."""
    import time

    now = time.time()
    try:
        for p in folder.glob(".sectools-*"):
            try:
                if p.is_file() and not p.is_symlink() and now - p.stat().st_mtime > STALE_SECONDS:
                    p.unlink()
            except OSError:
                continue
    except OSError:
        return


@contextlib.contextmanager
def atomic_target(target: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success move it over ``target`` at once."""
    target = check_writable(target, inputs)
    target.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=".sectools-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        try:
            yield tmp_path
        except OSError as e:  # say which file, not the temporary one (a full disk, a read-only place …)
            if not e.filename or str(e.filename) == str(tmp_path):
                e.filename = str(target)
            raise
        check_writable(target, inputs)  # opened in Excel meanwhile?
        os.chmod(tmp_path, _mode_for(target))
        try:
            os.replace(tmp_path, target)
        except PermissionError as e:
            raise WorkbookOpenError(Problem("file-locked", file=target.name, params={"detail": str(e)})) from None
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _mode_for(target: Path) -> int:
    """The existing file's mode, or what a new file gets under the umask (mkstemp makes 0600)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# ---- cells --------------------------------------------------------------------------------
FORMULA_START = ("=", "+", "-", "@")


def csv_safe(v: Any) -> Any:
    """OWASP CSV-injection defence: text that a spreadsheet would run gets a leading '."""
    if isinstance(v, str) and v and (v[0] in FORMULA_START or v[0] in "\t\r"):
        return "'" + v
    return v


def write_csv(target: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence[Any]],
              inputs: Iterable[str | os.PathLike] = ()) -> Path:
    import csv

    with atomic_target(target, inputs) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([csv_safe(h) for h in header])
            for r in rows:
                w.writerow([csv_safe(_plain(v)) for v in r])
    return Path(target)


def _plain(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, float) and v != v:
        return ""
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return v


# ---- report workbooks ----------------------------------------------------------------------
def _loc(v: Any, lang: str) -> Any:
    """sectools' own words (a :class:`~sectools.messages.Term`) in ``lang``; anything else as it is."""
    from .messages import Term

    return v.render(lang) if isinstance(v, Term) else v


@dataclass(frozen=True)
class Ref:
    """Where a figure came from: a cell of a clerk's workbook, shown as ``签到.xlsx › 签到记录!F3`` and,
    where it can be, a link that opens the workbook at that cell (``path``: the file, for a report
    written beside the office; ``internal``: a sheet of the same book, for the Excel buttons)."""

    file: str
    sheet: str | None
    cell: str | None
    path: Path | None = None
    internal: bool = False
    label: str | None = None  # what the cell shows instead of the full place (a short file name)

    def __str__(self) -> str:
        if self.label:
            return self.label
        where = f"{self.sheet}!{self.cell}" if self.sheet and self.cell else (self.sheet or self.cell or "")
        return f"{self.file} › {where}" if where else self.file

    def anchor(self) -> str:
        sheet = (self.sheet or "").replace("'", "''")
        return f"'{sheet}'!{self.cell or 'A1'}"


ONE_PAGE_ROWS = 60  # rows that still read well shrunk onto one A4 page
MAX_LINKS = 65000  # xlsxwriter (and Excel) keep at most 65,530 links on a sheet; past that the text alone


@dataclass
class Column:
    label: Any  # str, or a Term (sectools' word, shown in the workbook's language)
    kind: str = "text"  # text, wrap (long text), int, number, percent, date, time, datetime, link (a Ref)
    width: float | None = None
    low: float | None = None  # highlight values below this (rates)
    colors: dict | None = None  # a cell's word (a Term) → "red" / "yellow" / "blue" / "green": the row's state at a glance


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[Sequence[Any]]
    title: str | None = None  # a title row above the header
    note: str | None = None
    charts: list[dict] = field(default_factory=list)  # passed to :func:`_add_chart`
    validations: dict[int, list[str] | str] = field(default_factory=dict)  # column → drop-down list (or =Sheet!$A$3:$A$40)
    blank_rows: int = 0  # rows left for typing (formats and drop-downs reach them)
    footnote: str | None = None  # a line two rows below the table (and in the printed footer)
    heat: tuple[int, ...] = ()  # columns coloured as a heat map (red low, green high)

    def rendered(self, lang: str = "zh-CN") -> "Sheet":
        """The sheet with sectools' words (Terms: names, headers, titles, chart titles, cells) in ``lang``;
        the office's data is left exactly as it is."""
        from dataclasses import replace

        from .messages import Term

        from itertools import chain
        from operator import itemgetter

        terms = {t for t in set(map(type, chain.from_iterable(self.rows))) if issubclass(t, Term)}
        memo: dict = {}  # the same words (出席, 缺席 …) down a 200,000-row column: rendered once

        def shown(v):
            if type(v) not in terms:
                return v
            k = (v.zh, v.en, v.key) if not v.params and type(v) is Term else id(v)
            if k not in memo:
                memo[k] = v.render(lang)
            return memo[k]

        def rows():
            lengths = set(map(len, self.rows))
            width = max(lengths, default=0)
            if len(lengths) == 1:  # a full table: each column's types at once
                where = [c for c in range(width) if not terms.isdisjoint(set(map(type, map(itemgetter(c), self.rows))))]
            else:
                where = [c for c in range(width)
                         if not terms.isdisjoint(set(map(type, (r[c] for r in self.rows if len(r) > c))))]
            for r in self.rows:
                if terms.isdisjoint(map(type, r)):
                    yield r
                    continue
                r = list(r)
                for c in where:
                    if c < len(r):
                        r[c] = shown(r[c])
                yield r

        return replace(self, name=_loc(self.name, lang), title=_loc(self.title, lang), note=_loc(self.note, lang),
                       footnote=_loc(self.footnote, lang),
                       columns=[replace(c, label=_loc(c.label, lang),
                                        colors={_loc(k, lang): v for k, v in c.colors.items()} if c.colors else None)
                                for c in self.columns],
                       rows=list(rows()) if terms else self.rows,
                       charts=[{**ch, "title": _loc(ch.get("title", ""), lang)} for ch in self.charts])


def close_workbook(wb) -> None:
    """Finish an xlsxwriter workbook; the operating system's refusal (a full disk …) as itself, so the
    front ends say what to do — xlsxwriter wraps it in an exception of its own."""
    import gc
    import sys

    from xlsxwriter.exceptions import FileCreateError

    hook = sys.unraisablehook
    try:
        wb.close()
        return
    except FileCreateError as e:
        inner = e.args[0] if e.args and isinstance(e.args[0], OSError) else None
        if inner is None:
            raise
        # The half-written zip still open in xlsxwriter's frames fails again when it is freed and would
        # print "Exception ignored …" on the console: let it go quietly.
        sys.unraisablehook = lambda unraisable: None
    try:
        inner.__traceback__ = inner.__context__ = inner.__cause__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook
    raise inner


def new_workbook(path: str | os.PathLike):
    """An xlsxwriter workbook that never turns strings into formulas, numbers or links."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
        "default_date_format": "yyyy-mm-dd",
        "remove_timezone": True,
    })
    wb.set_properties({"created": dt.datetime(2026, 1, 1), "author": "sectools", "company": ""})
    wb.set_size(1600, 1000)
    return wb


class Styles:
    def __init__(self, wb):
        base = {"font_name": FONT, "font_size": 11, "valign": "vcenter"}
        self.base = base
        self.header = wb.add_format({**base, "bold": True, "font_color": HEADER_FONT, "bg_color": HEADER_FILL,
                                     "align": "center", "text_wrap": True, "border": 1,
                                     "border_color": "#BFBFBF"})
        self.title = wb.add_format({**base, "bold": True, "font_size": 16, "align": "left"})
        self.note = wb.add_format({**base, "font_color": "#595959", "italic": True})
        kinds = {
            "text": {"num_format": "@"},
            "wrap": {"num_format": "@", "text_wrap": True},
            "int": {"num_format": "0", "align": "center"},  # a rank or a count: apart from the name beside it
            "number": {"num_format": "0.00"},
            "money": {"num_format": "#,##0.00"},
            "price": {"num_format": "#,##0.00##"},
            "quantity": {"num_format": "General", "align": "center"},  # 3 包, 2.5 kg: as typed, no decimals added
            "percent": {"num_format": "0.0%"},
            "date": {"num_format": "yyyy-mm-dd"},
            "time": {"num_format": "hh:mm"},
            "datetime": {"num_format": "yyyy-mm-dd hh:mm"},
            "link": {"num_format": "@", "font_color": "#1F4E9E", "underline": 1},  # a Ref: where a figure came from
        }
        self.cell = {k: wb.add_format({**base, **v, "border": 1, "border_color": "#D9D9D9"}) for k, v in kinds.items()}
        self.band = {k: wb.add_format({**base, **v, "border": 1, "border_color": "#D9D9D9", "bg_color": BAND_FILL})
                     for k, v in kinds.items()}
        self.low = wb.add_format({"bg_color": LOW_FILL, "font_color": LOW_FONT})
        self.state = {name: wb.add_format({"bg_color": fill, "font_color": font}) for name, (fill, font) in STATE_COLORS.items()}
        # Rows left for typing: the number format only (ids stay text), no borders to print.
        self.blank = {k: wb.add_format({**base, **v}) for k, v in kinds.items()}


def _link_url(v: "Ref", links: dict | None) -> str | None:
    """The link a :class:`Ref` becomes (counted against ``links``), or None: past the links a sheet
    keeps, too long for Excel, or nowhere to point."""
    url = None
    if links is not None and links["n"] < MAX_LINKS:
        if v.path is not None and links.get("from") is not None:
            rels = links.setdefault("rel", {})
            if v.path not in rels:
                rels[v.path] = os.path.relpath(v.path, links["from"])
            url = "external:" + rels[v.path] + ("#" + v.anchor() if v.sheet or v.cell else "")
        elif v.internal:
            url = "internal:" + v.anchor()
    if url and len(url) <= 2079:
        links["n"] += 1
        return url
    return None


def write_value(ws, r: int, c: int, v: Any, fmt, links: dict | None = None) -> None:
    """One cell, typed explicitly: strings always as strings (never formulas); a :class:`Ref` as a
    link to the cell it names when ``links`` (``{"from": report folder, "n": count}``) allows."""
    if isinstance(v, Ref):
        url = _link_url(v, links)
        if url:
            ws.write_url(r, c, url, fmt, string=str(v))
        else:
            ws.write_string(r, c, str(v), fmt)
    elif v is None or (isinstance(v, float) and v != v):
        ws.write_blank(r, c, None, fmt)
    elif isinstance(v, str):
        ws.write_string(r, c, v, fmt)
    elif isinstance(v, bool):
        ws.write_boolean(r, c, v, fmt)
    elif isinstance(v, Decimal):  # money: exact in sectools' sums, a number in the sheet (shown to the 分)
        ws.write_number(r, c, float(v), fmt)
    elif isinstance(v, (int, float)):
        ws.write_number(r, c, v, fmt)
    elif isinstance(v, dt.datetime):
        ws.write_datetime(r, c, v, fmt)
    elif isinstance(v, dt.date):
        ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), fmt)
    elif isinstance(v, dt.time):
        ws.write_datetime(r, c, v, fmt)
    elif hasattr(v, "item") and hasattr(v, "dtype"):  # a numpy number (a count from a frame): its value, not its text
        write_value(ws, r, c, v.item(), fmt, links)
    else:
        ws.write_string(r, c, str(v), fmt)


def fit_width(column: Column, values: Iterable[Any]) -> float:
    if column.width:
        return column.width
    w = display_width(column.label) + 2
    for i, v in enumerate(values):
        if i > 500:
            break
        if v is None:
            continue
        if isinstance(v, float):
            s = f"{v:.2f}"
        elif isinstance(v, dt.datetime):
            s = "2026-03-02 19:05"  # as "yyyy-mm-dd hh:mm" shows it: never ###
        elif isinstance(v, (dt.date, dt.time)):
            s = "2026-03-02" if isinstance(v, dt.date) else "19:05"
        else:
            s = str(v)
        w = max(w, display_width(s) + 2)
    return min(max(w, 6), 60)


BULK_ROWS = 2000  # a table this long has its rows written as XML at once, not cell by cell through xlsxwriter


def _bulk_class():
    """A worksheet whose table body is written straight into its XML: the same cells xlsxwriter writes
    (shared strings, the same formats, numbers and dates, texts cut at a cell's limit), ~10× faster for
    the 200,000-row 考勤明细 of a large term; the body's links are written as xlsxwriter writes them.
    Values of other types (numpy numbers, Timestamps …) still go through xlsxwriter's own calls and are
    merged in place."""
    global _BULK
    if _BULK is not None:
        return _BULK
    from xlsxwriter.worksheet import Worksheet

    class BulkWorksheet(Worksheet):
        bulk: "_Body | None" = None
        links: list | None = None  # (row, col, url, text) of the body's links, written as xlsxwriter writes them

        def _write_hyperlinks(self) -> None:
            if not self.links:
                return super()._write_hyperlinks()
            from xlsxwriter.url import Url
            from xlsxwriter.utility import xl_rowcol_to_cell

            esc = self._escape_attributes
            targets: dict[str, str] = {}
            out = ["<hyperlinks>"]
            for row, col, url, text in sorted(self.links):
                ref = xl_rowcol_to_cell(row, col)
                if url.startswith("external:"):
                    file, _, anchor = url[9:].partition("#")
                    if file not in targets:  # the same file for every record: its target made once
                        targets[file] = Url("external:" + file)._target()
                    self.rel_count += 1
                    out.append(f'<hyperlink ref="{ref}" r:id="rId{self.rel_count}"'
                               + (f' location="{esc(anchor)}"' if anchor else "") + "/>")
                    self.external_hyper_links.append(["/hyperlink", targets[file], "External"])
                else:
                    out.append(f'<hyperlink ref="{ref}" location="{esc(url[9:])}" display="{esc(text)}"/>')
            out.append("</hyperlinks>")
            self.fh.write("".join(out))

        def _write_rows(self) -> None:
            body = self.bulk
            if body is None:
                return super()._write_rows()
            low, high = self.dim_rowmin, self.dim_rowmax
            if low is None or high is None:
                return super()._write_rows()
            try:  # the rows above the body (title, note, header), then the body, then those below
                self.dim_rowmax = body.first - 1
                if low <= body.first - 1:
                    super()._write_rows()
                body.write(self)
                self.dim_rowmin, self.dim_rowmax = body.first + body.count, high
                if body.first + body.count <= high:
                    super()._write_rows()
            finally:
                self.dim_rowmin, self.dim_rowmax = low, high

    _BULK = BulkWorksheet
    return _BULK


_BULK = None


@dataclass
class _Body:
    """A table body as sheet XML, made when the sheet is written (its strings must be in the shared
    string table before xlsxwriter sorts it on closing); the cells xlsxwriter wrote itself, and rows
    with a height of their own, are left as places filled in when the file is assembled."""

    first: int  # the sheet row of the first record
    rows: list
    formats: list  # per column: (plain format, banded format)
    date_formats: list  # per column: the formats of a date alone (no 00:00)
    pieces: list = field(default_factory=list)
    count: int = 0  # rows

    def render(self, ws) -> None:
        from xlsxwriter.utility import xl_col_to_name

        sst = ws.str_table._get_shared_string_index
        letters = [xl_col_to_name(c) for c in range(len(self.formats))]
        xf = [(a._get_xf_index(), b._get_xf_index()) for a, b in self.formats]
        date_xf = [(a._get_xf_index(), b._get_xf_index()) for a, b in self.date_formats]
        convert, serials = ws._convert_date_time, {}

        def serial(v):  # the same few meeting dates down the whole table: each converted once
            x = serials.get(v)
            if x is None:
                x = serials[v] = convert(v)
            return x

        table, info = ws.table, ws.row_info
        pieces = self.pieces
        out: list[str] = []
        ncol = len(letters)
        self.count = len(self.rows)

        def place(item):
            if out:
                pieces.append("".join(out))
                out.clear()
            pieces.append(item)

        for i, row in enumerate(self.rows):
            n = self.first + i
            r = n + 1
            band = i & 1
            given = table.get(n)  # cells written through xlsxwriter: links
            if n in info:
                place(("row", n))
            else:
                out.append(f'<row r="{r}">')
            for c in range(ncol):
                if given and c in given:
                    place(("cell", n, c))
                    continue
                v = row[c] if c < len(row) else None
                cls = v.__class__
                if cls is str:
                    if len(v) > 16383:
                        v = _excel_text(v)
                    out.append(f'<c r="{letters[c]}{r}" s="{xf[c][band]}" t="s"><v>{sst(v)}</v></c>')
                elif v is None or (cls is float and v != v):
                    out.append(f'<c r="{letters[c]}{r}" s="{xf[c][band]}"/>')
                elif cls is bool:
                    out.append(f'<c r="{letters[c]}{r}" s="{xf[c][band]}" t="b"><v>{int(v)}</v></c>')
                elif cls is int or cls is float:
                    out.append(f'<c r="{letters[c]}{r}" s="{xf[c][band]}"><v>{v:.16G}</v></c>')
                elif cls is dt.date:
                    out.append(f'<c r="{letters[c]}{r}" s="{date_xf[c][band]}"><v>{serial(v):.16G}</v></c>')
                elif cls is dt.datetime or cls is dt.time:
                    out.append(f'<c r="{letters[c]}{r}" s="{xf[c][band]}"><v>{serial(v):.16G}</v></c>')
                else:  # a Ref (its link, if any, is the sheet's): a place of its own on every row, so in line
                    out.append(f'<c r="{letters[c]}{r}" s="{xf[c][band]}" t="inlineStr">{_inline(str(v))}</c>')
            out.append("</row>")
            if len(out) > 4096:
                pieces.append("".join(out))
                out.clear()
        if out:
            pieces.append("".join(out))
        self.rows = []

    def write(self, ws) -> None:
        write = ws.fh.write
        for p in self.pieces:
            if p.__class__ is str:
                write(p)
            elif p[0] == "row":
                ws._write_row(p[1], None, ws.row_info[p[1]])
            else:
                ws._write_cell(p[1], p[2], ws.table[p[1]][p[2]])


_PLAIN_TYPES = {str, float, int, bool, dt.date, dt.datetime, dt.time, type(None)}


def _plain_cell(v) -> bool:
    """A value the bulk body writes itself (the rest goes through xlsxwriter)."""
    return v.__class__ in _PLAIN_TYPES


def _inline(s: str) -> str:
    """A text written in its cell (``<is>``) as xlsxwriter's constant-memory mode writes it — for texts of
    their own on every row (签到.xlsx › 签到!F123), which the shared string table would only grow."""
    if len(s) > 16383:
        s = _excel_text(s)
    if s.isprintable() and s == s.strip() and not any(ch in s for ch in "&<>") and "_x" not in s \
            and "\ufffe" not in s and "\uffff" not in s:
        return f"<is><t>{s}</t></is>"
    from xlsxwriter.xmlwriter import XMLwriter

    keep = ' xml:space="preserve"' if s[:1].isspace() or s[-1:].isspace() else ""
    text = XMLwriter._escape_control_characters(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<is><t{keep}>{text}</t></is>"


def _excel_text(s: str) -> str:
    """At most the 32,767 UTF-16 units a cell holds, as xlsxwriter cuts it (never half a character)."""
    units = s.encode("utf-16-le")
    if len(units) <= 65534:
        return s
    cut = units[:65534]
    if 0xD800 <= int.from_bytes(cut[-2:], "little") <= 0xDBFF:  # a lone high surrogate
        cut = cut[:-2]
    return cut.decode("utf-16-le")


def write_sheet(wb, styles: Styles, sheet: Sheet, link_from: Path | None = None) -> Any:
    bulk = len(sheet.rows) >= BULK_ROWS
    ws = wb.add_worksheet(_safe_sheet_name(sheet.name), worksheet_class=_bulk_class() if bulk else None)
    links = {"from": link_from, "n": 0}
    ws.hide_gridlines(2)
    top = 0
    if sheet.title:
        ws.write_string(0, 0, sheet.title, styles.title)
        ws.set_row(0, 26)
        top = 1
    if sheet.note:
        ws.write_string(top, 0, sheet.note, styles.note)
        top += 1
    ncol = len(sheet.columns)
    for c, col in enumerate(sheet.columns):
        ws.write_string(top, c, col.label, styles.header)
        ws.set_column(c, c, fit_width(col, (r[c] for r in sheet.rows)))
    ws.set_row(top, 24)
    wraps = [(c, fit_width(col, ())) for c, col in enumerate(sheet.columns) if col.kind == "wrap"]
    if bulk:
        ws.bulk = _Body(top + 1, sheet.rows, [(styles.cell[col.kind], styles.band[col.kind]) for col in sheet.columns],
                        [(styles.cell["date"], styles.band["date"]) if col.kind == "datetime" else
                         (styles.cell[col.kind], styles.band[col.kind]) for col in sheet.columns])
        if sheet.rows:
            ws._check_dimensions(top + len(sheet.rows), max(ncol - 1, 0))
        # only what the body does not write itself: Refs' links, and values of other types through xlsxwriter
        from itertools import chain

        odd = {t for t in set(map(type, chain.from_iterable(sheet.rows))) if t not in _PLAIN_TYPES}
        for i, row in enumerate(sheet.rows):
            if odd.isdisjoint(map(type, row)):
                continue
            band = styles.band if i % 2 else styles.cell
            for c, col in enumerate(sheet.columns):
                v = row[c] if c < len(row) else None
                if _plain_cell(v):
                    continue  # written with the body
                if isinstance(v, Ref):  # its text with the body; its link with the sheet's links
                    url = _link_url(v, links)
                    if url:
                        ws.links = ws.links or []
                        ws.links.append((top + 1 + i, c, url, str(v)))
                    continue
                write_value(ws, top + 1 + i, c, v, band["date" if col.kind == "datetime" and type(v) is dt.date
                                                       else col.kind], links)
    for i, row in enumerate(() if bulk else sheet.rows):
        band = styles.band if i % 2 else styles.cell
        for c, col in enumerate(sheet.columns):
            v = row[c] if c < len(row) else None
            kind = "date" if col.kind == "datetime" and type(v) is dt.date else col.kind  # a date alone: no 00:00
            write_value(ws, top + 1 + i, c, v, band[kind], links)
    extra_lines = 0  # wrapped rows print as tall as several
    for i, row in enumerate(sheet.rows if wraps else ()):
        if wraps:  # row height for wrapped text (neither Excel nor LibreOffice grows it on open)
            lines = max(-(-display_width(str(row[c] or "")) // max(int(w) - 1, 1)) for c, w in wraps)
            if lines > 1:
                ws.set_row(top + 1 + i, 15 * lines)
                extra_lines += lines - 1
    if bulk:
        ws.bulk.render(ws)
    last = top + len(sheet.rows) + sheet.blank_rows
    for c, col in enumerate(sheet.columns):
        if sheet.blank_rows:
            for r in range(top + 1 + len(sheet.rows), last + 1):
                ws.write_blank(r, c, None, styles.blank[col.kind])
        if c in sheet.heat and sheet.rows:  # a department × week table read at a glance: red low, green high
            ws.conditional_format(top + 1, c, top + len(sheet.rows), c, {
                "type": "3_color_scale", "min_color": "#F8696B", "mid_color": "#FFEB84", "max_color": "#63BE7B"})
        elif col.colors and sheet.rows:  # 逾期 red, 临期 yellow …: the word in the cell picks the colour
            for word, colour in col.colors.items():
                ws.conditional_format(top + 1, c, top + len(sheet.rows), c, {
                    "type": "cell", "criteria": "==", "value": '"' + str(word).replace('"', '""') + '"',
                    "format": styles.state[colour]})
        elif col.low is not None and sheet.rows:  # a blank cell is no low figure: it is not painted
            first = f"{_col(c)}{top + 2}"
            ws.conditional_format(top + 1, c, top + len(sheet.rows), c, {
                "type": "formula", "criteria": f"=AND(ISNUMBER({first}),{first}<{col.low})", "format": styles.low})
        if c in sheet.validations and isinstance(sheet.validations[c], str):  # a range of another sheet: =印章!$A$3:$A$40
            ws.data_validation(top + 1, c, max(last, top + 1), c, {
                "validate": "list", "source": sheet.validations[c], "error_type": "warning",
                "error_title": "不在下拉列表中", "error_message": "请从下拉列表中选择；新的一项请先登记在它的表里。",
            })
        elif c in sheet.validations:
            ws.data_validation(top + 1, c, max(last, top + 1), c, {
                "validate": "list", "source": sheet.validations[c],
                "error_title": "请从下拉列表中选择", "error_message": "可选：" + "、".join(sheet.validations[c]),
            })
    ws.freeze_panes(top + 1, 0)
    if ncol:
        ws.autofilter(top, 0, max(top + len(sheet.rows), top), ncol - 1)
    wide = sum(fit_width(c, ()) if c.width else 10 for c in sheet.columns) > 100
    ws.set_landscape() if (ncol > 8 or wide) else ws.set_portrait()
    ws.set_paper(9)  # A4
    # one page wide; a table short enough for one page is kept on it (no class alone on page 2) — short in
    # printed lines: 20 meetings whose 缺席名单 of a large union runs to 40 lines each is not one page
    ws.fit_to_pages(1, 1 if len(sheet.rows) + sheet.blank_rows + top + extra_lines <= ONE_PAGE_ROWS else 0)
    ws.center_horizontally()
    if sheet.footnote:  # on the screen below the table, and on every printed page
        ws.write_string(top + len(sheet.rows) + sheet.blank_rows + 2, 0, sheet.footnote, styles.note)
    left = sheet.footnote or sheet.title  # every printed page says what it is and which page it is
    ws.set_footer(("&L" + str(left).replace("&", "&&")[:120] if left else "") + "&R&P / &N")
    ws.repeat_rows(top)
    for ch in sheet.charts:
        _add_chart(wb, ws, sheet, top, ch)
    return ws


def _add_chart(wb, ws, sheet: Sheet, top: int, spec: dict) -> None:
    chart = wb.add_chart({"type": spec.get("type", "column")})
    n = len(sheet.rows)
    if n == 0:
        return
    name = _safe_sheet_name(sheet.name)
    first, count = spec.get("rows", (0, n))  # a part of the table: the top ten, the bottom ten
    r1, r2 = top + 1 + first, top + min(n, first + count)
    for k, col in enumerate(spec["values"]):
        series = {
            "name": [name, top, col],
            "categories": [name, r1, spec["categories"], r2, spec["categories"]],
            "values": [name, r1, col, r2, col],
        }
        if spec.get("labels"):
            series["data_labels"] = {"value": True, "num_format": "0%" if spec.get("percent") else "General",
                                     "font": {"size": 8}}
        if spec.get("type") == "line":
            series["line"] = {"width": 3.0 if k == 0 else 1.25}
            series["marker"] = {"type": "circle", "size": 5 if k == 0 else 3}
        chart.add_series(series)
    if spec.get("max") is not None:  # the axis ends at what can be reached (满分), not past it
        axis = {"min": 0, "max": spec["max"], "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}}}
        (chart.set_x_axis if spec.get("type") == "bar" else chart.set_y_axis)(axis)
    if spec.get("type") == "bar":
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})  # the first row on top, every name shown
    chart.set_title({"name": spec.get("title", ""), "name_font": {"name": FONT, "size": 12}})
    chart.set_legend({"position": "bottom"})
    if spec.get("percent"):
        # Rates cluster near the top: start the axis a little below the lowest one so that the
        # differences show (the axis labels say where it starts).
        values = [r[c] for r in sheet.rows for c in spec["values"] if c < len(r)]
        values = [v for v in values if isinstance(v, (int, float)) and v == v]
        low = max(0.0, (int(min(values) * 10) - 1) / 10) if values else 0.0
        chart.set_y_axis({"num_format": "0%", "min": low, "max": 1, "major_gridlines": {"visible": True,
                          "line": {"color": "#E0E0E0"}}})

    chart.set_size({"width": spec.get("width", 640), "height": spec.get("height", 320)})
    ws.insert_chart(spec.get("at", f"{_col(len(sheet.columns) + 1)}{top + 2}"), chart)


def _col(c: int) -> str:
    from .reader.address import col_letter

    return col_letter(c)


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _safe_sheet_name(name: str) -> str:
    s = name.translate(_BAD_SHEET_CHARS).strip("'") or "Sheet"
    return s[:31]


def write_workbook(target: str | os.PathLike, sheets: list[Sheet], inputs: Iterable[str | os.PathLike] = (),
                   extra: Callable[[Any, Styles], None] | None = None, lang: str = "zh-CN") -> Path:
    """Write a finished-looking report workbook atomically, its own words in ``lang``."""
    from .gcpause import paused_gc

    with atomic_target(target, inputs) as tmp, paused_gc():
        wb = new_workbook(tmp)
        styles = Styles(wb)
        for s in sheets:
            write_sheet(wb, styles, s.rendered(lang), Path(target).resolve().parent)
        if extra:
            extra(wb, styles)
        close_workbook(wb)
    return Path(target)
