"""Checks made before a workbook is parsed, so that a hostile file is refused quickly,
in little memory, and never takes the process down.

* a zip whose parts expand past ``max_uncompressed`` bytes in all, or has too many parts (zip bomb);
  sizes are counted while inflating, so a part that lies about its size is caught too;
* a sheet with more than ``max_cells`` cells;
* a sheet whose cells span a huge rectangle (a cell at A1 and one at XFD1048576): the parser
  allocates the whole rectangle at once and the allocation failure aborts the process, which no
  ``try`` can catch.  The span is bounded from the raw XML first;
* XML with entity declarations (billion laughs) in the parts sectools parses itself (defusedxml).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from ..errors import Problem, UnreadableFile
from ..settings import default
from ..messages import W


@dataclass(frozen=True)
class Limits:
    # the defaults are the [limits] declarations of sectools.settings
    max_file_bytes: int = default("limits", "max_file_bytes")
    max_uncompressed: int = default("limits", "max_uncompressed")  # bytes inflated from one workbook
    max_ratio: int = default("limits", "max_ratio")  # bytes inflated per byte of file, past RATIO_FLOOR
    max_parts: int = default("limits", "max_parts")
    max_cells: int = default("limits", "max_cells")  # cells in one sheet
    max_extent: int = default("limits", "max_extent")  # rows × columns of one sheet's used rectangle
    sparse_extent: int = default("limits", "sparse_extent")  # past this the sheet must be 1/sparse_ratio full
    sparse_ratio: int = default("limits", "sparse_ratio")
    max_word_xml: int = default("limits", "max_word_xml")  # bytes of a Word document's body
    isolate_extent: int = default("limits", "isolate_extent")  # larger sheets are parsed in a child process
    max_memory: int = default("limits", "max_memory")  # bytes that child may use
    max_seconds: int = default("limits", "max_seconds")  # seconds that child may take

    @classmethod
    def from_config(cls, data: dict | None) -> "Limits":
        if not data:
            return cls()
        known = {k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


DEFAULT_LIMITS = Limits()
CHUNK = 1 << 22
# An office file compresses 5-20 times; a bomb hundreds or thousands of times.  Up to this many bytes
# any ratio is fine (a small formatted template), past it the ratio is checked too.
RATIO_FLOOR = 64 << 20

_CELL_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[ >/]")
_NO_R_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?: (?!r=)[\w:.-]+=\"[^\"]*\")*\s*/?>")
# A cell or row reference is an attribute named exactly r (`` r="XFD1048576"``); the leading
# white space keeps colours (``rgb="FFC53687"``) and other attributes out.  The parser places only
# cells that hold something, so the rectangle is bounded from cells that are not self-closing
# (``<c r="T1048576" s="3"/>`` is formatting; a row element without cells is nothing).
_COL3 = re.compile(rb' r="([A-Z]{3})\d{1,7}"[^>/]*>')
_COL2 = re.compile(rb' r="([A-Z]{2})\d{1,7}"[^>/]*>')
_REF_COL = re.compile(rb' r="([A-Z]{1,3})\d{1,7}"[^>/]*>')
_WIDE = re.compile(rb' r="[A-Z]{2}')
_FAR = re.compile(rb' r="[A-Z]{1,3}\d{7}"[^>/]*>')
_DIGITS = {d: re.compile(rb' r="[A-Z]{1,3}(\d{%d})"[^>/]*>' % d) for d in range(1, 8)}
_ROW_NUMBER = re.compile(rb' r="[A-Z]{1,3}(\d{1,7})"[^>/]*>')  # a cell that holds something
_ROW_ANY = re.compile(rb' r="[A-Z]{0,3}(\d{1,7})"')
# cells without a reference take their row from the row element
_ROW_DIGITS = {d: re.compile(rb' r="[A-Z]{0,3}(\d{%d})"' % d) for d in range(1, 8)}
_VALUE_TAGS = (b"<v>", b"<v ", b"<is>", b"<f>", b"<f ")
_PREFIXED_VALUE = re.compile(rb"<[A-Za-z_][\w.-]*:(?:v|is|f)[ >]")


_ODD_REF = re.compile(rb' r="(?:[A-Z]*[a-z]|[A-Za-z]+0|[A-Za-z]{4}|[A-Za-z]{0,3}(?:\d{8}|[2-9]\d{6}|1[1-9]\d{5}|10[5-9]\d{4}))')
_ANY_REF = re.compile(rb' r="([A-Za-z]+)0*(\d+)"')


def _plain_ref(m: re.Match) -> bytes:
    letters, digits = m.group(1).upper(), m.group(2) or b"0"
    if len(letters) > 3 or len(digits) > 7 or int(digits) > 1_048_576:
        # outside Excel's grid, which the parser would still allocate: the farthest cell there is
        letters, digits = b"XFD", b"1048576"
    return b' r="' + letters + digits + b'"'


def _canonical(data: bytes) -> bytes:
    """Rare spellings of the r attribute made plain, so the fast literal patterns above see every
    reference: other white space, single quotes, and what the parser reads as a far cell although
    the patterns would not — lower case (``xfd1048576``), leading zeros (``XFD00001048576``), four
    letters, eight digits.  Used for scanning only."""
    odd = b"r='" in data or any(ws in data and ws + b'r="' in data for ws in (b"\n", b"\t", b"\r"))
    if odd:
        data = re.sub(rb"""\sr=(["'])""", b' r="', data).replace(b"'", b'"')
    if _ODD_REF.search(data):
        data = _ANY_REF.sub(_plain_ref, data)
    return data


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


class ZipBudget:
    """Counts the bytes inflated from one workbook against the limit."""

    def __init__(self, limits: Limits, file: str, size: int | None = None):
        self.limits = limits
        self.used = 0
        self.file = file
        self.size = size  # the file's own bytes, for the ratio; None: no ratio check
        allowed = limits.max_uncompressed
        if size is not None:
            allowed = min(allowed, max(RATIO_FLOOR, limits.max_ratio * size))
        self.allowed = allowed

    def limit_text(self):
        """The limit as the message says it: the absolute one, or the ratio's when that is lower."""
        if self.allowed < self.limits.max_uncompressed:
            return W("ratio-limit", ratio=self.limits.max_ratio, size=_mb(self.allowed))
        return _mb(self.limits.max_uncompressed)

    def add(self, n: int, part: str) -> None:
        self.used += n
        if self.used > self.allowed:
            raise UnreadableFile(Problem("workbook-too-large", file=self.file, params={
                "detail": W("parts-over", part=part, size=_mb(self.used)), "limit": self.limit_text()}))

    def again(self) -> "ZipBudget":
        """A fresh budget for a second pass over a part already counted."""
        return ZipBudget(self.limits, self.file, self.size)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_zip_directory(zf: zipfile.ZipFile, limits: Limits, file: str, size: int | None = None) -> ZipBudget:
    """Refuse a zip whose directory already says too much; the budget its parts are inflated against."""
    infos = zf.infolist()
    if len(infos) > limits.max_parts:
        raise UnreadableFile(
            Problem("workbook-too-large", file=file,
                    params={"detail": W("parts-count", count=len(infos)), "limit": W("parts-count", count=limits.max_parts)})
        )
    declared = sum(i.file_size for i in infos)
    budget = ZipBudget(limits, file, size)
    if declared > budget.allowed:
        raise UnreadableFile(Problem("workbook-too-large", file=file, params={
            "detail": W("declared-size", size=_mb(declared)), "limit": budget.limit_text()}))
    return budget


def read_part(zf: zipfile.ZipFile, name: str, budget: ZipBudget, keep: bool = True) -> bytes:
    """Inflate one part, counting its real size against the budget (``keep=False``: count only)."""
    out = []
    with zf.open(name) as f:
        while True:
            b = f.read(CHUNK)
            if not b:
                break
            budget.add(len(b), name)
            if keep:
                out.append(b)
    return b"".join(out)


def drain_part(zf: zipfile.ZipFile, name: str, budget: ZipBudget) -> None:
    """Inflate a part only to count its real size."""
    read_part(zf, name, budget, keep=False)


@dataclass
class SheetShape:
    cells: int
    rows_bound: int
    cols_bound: int
    values: int | None = None  # cells holding a value or formula (None: not counted)
    rows_seen: int = 0  # the last row number of each piece, at most (a cheap estimate, not a bound)
    cols_seen: int = 0  # the column of each piece's last cell, at most (an estimate too)

    @property
    def extent(self) -> int:
        return self.rows_bound * self.cols_bound

    @property
    def likely_extent(self) -> int:
        """What the parser will most likely allocate (rows seen × columns), for choosing where to parse;
        the guard itself uses :attr:`extent`, which is never below the truth."""
        if not self.rows_seen:
            return self.extent
        return min(self.extent, self.rows_seen * max(self.cols_seen or self.cols_bound, 1))


def allowed_extent(limits: Limits, values: int | None) -> int:
    """The rectangle a sheet may span: anything up to ``sparse_extent`` cells; past that the sheet
    must be at least 1/``sparse_ratio`` full (a value at A1 and one at J1000000 is a 10-million-cell
    allocation from a 6 KB file); never past ``max_extent``."""
    if values is None:
        return limits.max_extent
    return min(limits.max_extent, max(limits.sparse_extent, limits.sparse_ratio * values))


def _pieces(zf: zipfile.ZipFile, part: str, budget: ZipBudget, canonical: bool = True):
    """Inflate a part in pieces cut just after a ``>``, so no pattern straddles two pieces
    (``canonical``: with the rare spellings of references made plain, see :func:`_canonical`)."""
    plain = _canonical if canonical else (lambda b: b)
    carry = b""
    with zf.open(part) as f:
        while True:
            b = f.read(CHUNK)
            if not b:
                break
            budget.add(len(b), part)
            buf = carry + b
            cut = buf.rfind(b">") + 1
            if cut == 0 and len(buf) < 16 * CHUNK:
                carry = buf
                continue
            if cut == 0:
                cut = len(buf)
            carry = buf[cut:]
            yield plain(buf[:cut])
    if carry:
        yield plain(carry)


def too_many_cells(file: str, sheet: str | None, cells: int, limits: Limits, counting: bool = True) -> UnreadableFile:
    """The refusal of a sheet past ``max_cells`` (``counting``: stopped as soon as the limit was
    crossed, so the count is "at least")."""
    count = W("more-than", count=f"{cells:,}") if counting else f"{cells:,}"
    return UnreadableFile(Problem("too-many-cells", file=file, sheet=sheet, params={
        "count": count, "limit": f"{limits.max_cells:,}"}))


def _odd_spelling(data: bytes) -> bool:
    """References written with single quotes or other white space before them (see :func:`_canonical`)."""
    return b"r='" in data or any(ws in data and ws + b'r="' in data for ws in (b"\n", b"\t", b"\r"))


_BEYOND: dict[tuple[int, int], re.Pattern] = {}


def _row_bound(rows: int) -> int:
    """The largest ``k × 10**d - 1`` at or below ``rows`` (a bound one search can test), at most the grid's."""
    if rows >= 1_048_576:
        return 1_048_576
    if rows < 9:
        return max(rows, 0)
    d = len(str(rows + 1)) - 1
    return (rows + 1) // 10 ** d * 10 ** d - 1


def _beyond(cols: int, rows: int) -> re.Pattern:
    """A reference past a sheet of ``cols`` columns and ``rows`` rows (a :func:`_row_bound`): more
    column letters, a longer row number, or as long and a higher first digit; or one the parser reads
    as farther than it looks: lower case, leading zeros, four letters, past Excel's grid."""
    letters = 1 if cols <= 26 else 2 if cols <= 702 else 3
    key = (letters, rows)
    if key not in _BEYOND:
        if rows >= 1_048_576:
            far = rb"\d{8}"  # and past the grid's end, below
        else:
            digits = len(str(rows + 1))
            top = (rows + 1) // 10 ** (digits - 1)  # rows + 1 = top × 10**(digits - 1)
            far = rb"\d{%d}" % digits if top == 1 else rb"\d{%d}|[%d-9]\d{%d}" % (digits + 1, top, digits - 1)
        _BEYOND[key] = re.compile(rb' r="(?:[A-Za-z]{%d}|[A-Za-z]{1,%d}(?:%s)|[A-Za-z]*0|[A-Z]*[a-z]'
                                  rb'|[A-Za-z]{0,3}(?:\d{8}|[2-9]\d{6}|1[1-9]\d{5}|10[5-9]\d{4}))'
                                  % (letters + 1, letters, far))
    return _BEYOND[key]

def scan_sheet(zf: zipfile.ZipFile, part: str, budget: ZipBudget, sheet: str | None = None) -> SheetShape:
    """Bound a sheet's cell count and used rectangle from its raw XML, cheaply and in pieces.

    Bounds are conservative (never below what the parser allocates).  Columns: from the widest
    column letters seen (26 for one-letter ones).  Rows: each piece is searched once for a
    reference past the rows the sheet may span with the values counted so far (``allowed_extent``
    over the columns); a piece that has one is read reference by reference, and if the rectangle
    is then too large a second pass makes it exact.  Counting stops the moment the sheet has more
    cells than allowed."""
    limits = budget.limits
    cells = values = rows_seen = cols_seen = 0
    cols = 1
    rows = 0  # every reference checked so far is at or below this row
    no_r = False
    row_digits = 0
    for data in _pieces(zf, part, budget, canonical=False):
        n = data.count(b"<c ") + data.count(b"<c>")
        prefixed = b":c " in data or b":c>" in data  # namespace-prefixed cells (rare)
        if prefixed:
            n = len(_CELL_OPEN.findall(data))
            values += len(_PREFIXED_VALUE.findall(data))
        # Every cell holding a value or a formula has a closing tag; empty ones are self-closing.
        values += data.count(b"</c>")
        cells += n
        last = data.rfind(b'<row r="')
        if last >= 0:
            end = data.find(b'"', last + 8)
            if 0 < end - last - 8 <= 7 and data[last + 8:end].isdigit():
                rows_seen = max(rows_seen, int(data[last + 8:end]))
        last = data.rfind(b'<c r="')
        if last >= 0:
            ref = data[last + 6:last + 16]
            letters = ref[:len(ref) - len(ref.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
            if 0 < len(letters) <= 3:
                cols_seen = max(cols_seen, _col_number(letters))
        if cells > limits.max_cells:  # no need to inflate the rest to know
            raise too_many_cells(budget.file, sheet, cells, limits)
        if n and not no_r and data.count(b'<c r="') != n and _NO_R_CELL.search(data):
            no_r = True
        if _odd_spelling(data):
            data = _canonical(data)
        cols = max(cols, 26)  # one-letter columns: A-Z
        if cols < 16384 and _WIDE.search(data):
            if _COL3.search(data):
                cols = max(cols, max(_col_number(c) for c in set(_COL3.findall(data))))
            else:
                found = set(_COL2.findall(data))
                if found:
                    cols = max(cols, max(_col_number(c) for c in found))
        # The rows this sheet may span so far; a piece with no reference past them needs no more.
        bound = _row_bound(allowed_extent(limits, values) // max(cols, 1))
        if not no_r and not _beyond(cols, bound).search(data):  # cells without a reference: their row elements
            rows = max(rows, bound)
            continue
        data = _canonical(data)
        letters = set(_REF_COL.findall(data))
        if letters:
            cols = max(cols, max(_col_number(c) for c in letters))
        found = _ROW_NUMBER.findall(data)
        if found:
            rows = max(rows, max(map(int, found)))
        if no_r and row_digits < 7:
            for d in range(7, row_digits, -1):
                if _ROW_DIGITS[d].search(data):
                    row_digits = d
                    break
    if not cells:
        return SheetShape(0, 0, 0, 0)
    if no_r:
        cols = max(cols, min(16384, cells))  # cells without a reference are placed in turn
        rows = max(rows, 10 ** row_digits - 1)
        values = max(values, cells)  # placed in turn: count every cell
    shape = SheetShape(cells, max(1, min(rows, 1_048_576)), cols, values, rows_seen, cols_seen)
    if shape.extent > allowed_extent(limits, values):
        exact = exact_cols = 0
        pattern = _ROW_ANY if no_r else _ROW_NUMBER
        for data in _pieces(zf, part, budget.again()):
            found = pattern.findall(data)
            if found:
                exact = max(exact, max(int(x) for x in found))
            letters = set(_REF_COL.findall(data))
            if letters:
                exact_cols = max(exact_cols, max(_col_number(c) for c in letters))
        shape = SheetShape(cells, max(1, min(exact, 1_048_576)), cols if no_r else max(1, exact_cols), values,
                           rows_seen, cols_seen)
    return shape


def guard_sheet(shape: SheetShape, limits: Limits, file: str, sheet: str) -> None:
    if shape.cells > limits.max_cells:
        raise too_many_cells(file, sheet, shape.cells, limits, counting=False)
    if shape.extent > allowed_extent(limits, shape.values):
        from .address import col_letter

        raise UnreadableFile(
            Problem("sheet-extent-too-large", file=file, sheet=sheet,
                    params={"extent": f"A1:{col_letter(shape.cols_bound - 1)}{shape.rows_bound}",
                            "far": f"{col_letter(shape.cols_bound - 1)}{shape.rows_bound}",
                            "count": f"{shape.extent:,}"})
        )


# ---- .xls (BIFF in an OLE compound file) ----------------------------------------------------------
# Cell records whose first four bytes are the row and column (BIFF2-8); the blank ones hold nothing
# the parser places, but count as cells.
_BIFF_VALUE = {0x0006, 0x0206, 0x0406, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6,
               0x0002, 0x0003, 0x0004, 0x0005}
_BIFF_BLANK = {0x0201, 0x0001}
_MULRK, _MULBLANK, _BOUNDSHEET, _EOF = 0x00BD, 0x00BE, 0x0085, 0x000A
_BOF_TYPES = {0x0809, 0x0409, 0x0209, 0x0009}
_WORKSHEET = 0x0010


def scan_biff(path, limits: Limits, file: str) -> dict[str, SheetShape]:
    """Each worksheet's cell count and the rectangle its value cells span, from the records of an
    .xls workbook stream — the parser places every value it finds, however far, so a 6 KB file
    with a value at row 65536, column 256 is a 16-million-cell allocation.  Sheets are keyed by the
    name their BOUNDSHEET record gives (else ``#0``, ``#1`` … by position)."""
    import struct

    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((n for n in ("Workbook", "Book", "WORKBOOK", "BOOK") if ole.exists(n)), None)
            if stream is None:
                return {}
            data = ole.openstream(stream).read()
    except Exception:
        return {}  # the parser's own error says the file is damaged
    unpack = struct.unpack_from
    names: dict[int, str] = {}
    shapes: dict[str, SheetShape] = {}
    stack: list[list | None] = []  # one entry per open substream: [cells, values, row, col, name] or None
    pos, end, index = 0, len(data), 0
    while pos + 4 <= end:
        typ, ln = unpack("<HH", data, pos)
        body, start = pos + 4, pos
        pos = body + ln
        if typ in _BOF_TYPES:
            kind = unpack("<H", data, body + 2)[0] if ln >= 4 and body + 4 <= end else 0
            if kind == _WORKSHEET:
                stack.append([0, 0, -1, -1, names.get(start, f"#{index}")])
                index += 1
            else:
                stack.append(None)
            continue
        if typ == _EOF:
            top = stack.pop() if stack else None
            if top is not None:
                shapes[top[4]] = SheetShape(top[0], top[2] + 1, top[3] + 1, top[1])
            continue
        if typ == _BOUNDSHEET and ln >= 8:
            offset = unpack("<I", data, body)[0]
            cch, flags = data[body + 6], data[body + 7]
            raw = data[body + 8: body + 8 + (cch * 2 if flags & 1 else cch)]
            names[offset] = raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
            continue
        current = stack[-1] if stack else None
        if current is None or ln < 4 or body + 4 > end:
            continue
        if typ in _BIFF_VALUE or typ in _BIFF_BLANK:
            row, col = unpack("<HH", data, body)
            current[0] += 1
            if typ in _BIFF_VALUE:
                current[1] += 1
                current[2] = max(current[2], row)
                current[3] = max(current[3], col)
        elif typ in (_MULRK, _MULBLANK) and ln >= 6 and body + ln <= end:
            row, first = unpack("<HH", data, body)
            last = unpack("<H", data, body + ln - 2)[0]
            n = max(0, last - first + 1)
            current[0] += n
            if typ == _MULRK and n:
                current[1] += n
                current[2] = max(current[2], row)
                current[3] = max(current[3], last)
        else:
            continue
        if current[0] > limits.max_cells:
            raise too_many_cells(file, current[4], current[0], limits)
    for top in stack:  # no EOF record: what was read so far
        if top is not None:
            shapes[top[4]] = SheetShape(top[0], top[2] + 1, top[3] + 1, top[1])
    return shapes


# ---- Word documents (plan forms, notice templates) ------------------------------------------------
def guard_docx(source, limits: Limits, file: str) -> None:
    """Refuse a .docx (a path or its bytes) that would not be safe to hand to python-docx or the
    template compiler: too many parts, a bomb (every part inflated against the same budget as a
    workbook's, counted while inflating), or a document body past ``max_word_xml`` bytes — lxml
    builds a tree about ten times the text, so a 755 MB body was 9.9 GB."""
    import io
    from pathlib import Path

    if isinstance(source, (bytes, bytearray)):
        size, opener = len(source), (lambda: zipfile.ZipFile(io.BytesIO(source)))
    else:
        size = Path(source).stat().st_size
        if size > limits.max_file_bytes:
            raise UnreadableFile(Problem("workbook-too-large", file=file, params={
                "detail": W("file-size", size=_mb(size)), "limit": _mb(limits.max_file_bytes)}))
        opener = lambda: zipfile.ZipFile(source)  # noqa: E731
    try:
        zf = opener()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return  # not a zip: the reader's own message says what the file is
    try:
        _guard_docx(zf, limits, file, size)
    except UnreadableFile as e:
        import dataclasses

        raise UnreadableFile([dataclasses.replace(p, code="document-too-large") if p.code == "workbook-too-large"
                              else p for p in e.problems]) from None
    finally:
        zf.close()


def _guard_docx(zf, limits: Limits, file: str, size: int) -> None:
    import dataclasses

    budget = check_zip_directory(zf, limits, file, size)
    body = ZipBudget(dataclasses.replace(limits, max_uncompressed=limits.max_word_xml), file)
    for info in zf.infolist():
        if info.filename.endswith("/"):
            continue
        try:
            if info.filename == "word/document.xml":
                drain_part(zf, info.filename, body)
                budget.add(body.used, info.filename)
            else:
                drain_part(zf, info.filename, budget)
        except UnreadableFile:
            raise
        except Exception:
            return  # damaged: python-docx's own error says so
