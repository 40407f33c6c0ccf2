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
    max_parts: int = default("limits", "max_parts")
    max_cells: int = default("limits", "max_cells")  # cells in one sheet
    max_extent: int = default("limits", "max_extent")  # rows × columns of one sheet's used rectangle

    @classmethod
    def from_config(cls, data: dict | None) -> "Limits":
        if not data:
            return cls()
        known = {k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


DEFAULT_LIMITS = Limits()
CHUNK = 1 << 22

_CELL_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[ >/]")
_NO_R_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?: (?!r=)[\w:.-]+=\"[^\"]*\")*\s*/?>")
# A cell or row reference is an attribute named exactly r (`` r="XFD1048576"``); the leading
# white space keeps colours (``rgb="FFC53687"``) and other attributes out.
_COL3 = re.compile(rb' r="([A-Z]{3})\d{1,7}"')
_COL2 = re.compile(rb' r="([A-Z]{2})\d{1,7}"')
_WIDE = re.compile(rb' r="[A-Z]{2}')
_FAR = re.compile(rb' r="[A-Z]{0,3}\d{7}"')
_DIGITS = {d: re.compile(rb' r="[A-Z]{0,3}(\d{%d})"' % d) for d in range(1, 8)}



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

    def __init__(self, limits: Limits, file: str):
        self.limits = limits
        self.used = 0
        self.file = file

    def add(self, n: int, part: str) -> None:
        self.used += n
        if self.used > self.limits.max_uncompressed:
            raise UnreadableFile(
                Problem(
                    "workbook-too-large",
                    file=self.file,
                    params={
                        "detail": W("parts-over", part=part, size=_mb(self.used)),
                        "limit": _mb(self.limits.max_uncompressed),
                    },
                )
            )


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_zip_directory(zf: zipfile.ZipFile, limits: Limits, file: str) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_parts:
        raise UnreadableFile(
            Problem("workbook-too-large", file=file,
                    params={"detail": W("parts-count", count=len(infos)), "limit": W("parts-count", count=limits.max_parts)})
        )
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_uncompressed:
        raise UnreadableFile(
            Problem("workbook-too-large", file=file,
                    params={"detail": W("declared-size", size=_mb(declared)), "limit": _mb(limits.max_uncompressed)})
        )


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

    @property
    def extent(self) -> int:
        return self.rows_bound * self.cols_bound


def _pieces(zf: zipfile.ZipFile, part: str, budget: ZipBudget):
    """Inflate a part in pieces cut just after a ``>``, so no pattern straddles two pieces."""
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
            yield _canonical(buf[:cut])
    if carry:
        yield _canonical(carry)


def scan_sheet(zf: zipfile.ZipFile, part: str, budget: ZipBudget) -> SheetShape:
    """Bound a sheet's cell count and used rectangle from its raw XML, cheaply and in pieces.

    Bounds are conservative (never below the truth): columns from the widest column letters
    seen, rows from the longest row number seen (``10**digits - 1``), made exact by a second
    pass only when the rough bound would exceed the limit."""
    cells = 0
    cols = 26
    no_r = False
    digits = 0
    narrow_seen = False
    for data in _pieces(zf, part, budget):
        n = data.count(b"<c ") + data.count(b"<c>")
        if b":c " in data or b":c>" in data:  # namespace-prefixed cells (rare)
            n = len(_CELL_OPEN.findall(data))
        cells += n
        if cols < 702 and _WIDE.search(data):
            if _COL3.search(data):
                cols = max(cols, max(_col_number(c) for c in set(_COL3.findall(data))))
            else:
                cols = max(cols, max(_col_number(c) for c in set(_COL2.findall(data))))
        if n and not no_r and data.count(b'<c r="') != n and _NO_R_CELL.search(data):
            no_r = True
        if cols * 1_048_576 <= budget.limits.max_extent:
            narrow_seen = True
            continue  # narrow: even the last row of a sheet keeps the rectangle inside the limit
        if digits < 7 and _FAR.search(data):
            digits = 7
        elif digits < 6 and _DIGITS[6].search(data):
            digits = 6
        elif digits < 5:
            for d in range(5, digits, -1):
                if _DIGITS[d].search(data):
                    digits = d
                    break
    if no_r:
        cols = max(cols, min(16384, cells))  # cells without a reference are placed in turn
    if cols * 1_048_576 <= budget.limits.max_extent:
        return SheetShape(cells, 1_048_576, cols)
    if narrow_seen:
        # Some pieces were passed over while the sheet still looked narrow: look again.
        digits = 0
        for data in _pieces(zf, part, ZipBudget(budget.limits, budget.file)):
            for d in range(7, digits, -1):
                if _DIGITS[d].search(data):
                    digits = d
                    break
    rows = min(1_048_576, 10**digits - 1) if digits else 1
    shape = SheetShape(cells, rows, cols)
    if shape.extent > budget.limits.max_extent and digits:
        exact = 0
        again = ZipBudget(budget.limits, budget.file)
        for data in _pieces(zf, part, again):
            found = _DIGITS[digits].findall(data)
            if found:
                exact = max(exact, max(int(x) for x in found))
        shape = SheetShape(cells, exact, cols)
    return shape


def guard_sheet(shape: SheetShape, limits: Limits, file: str, sheet: str) -> None:
    if shape.cells > limits.max_cells:
        raise UnreadableFile(
            Problem("too-many-cells", file=file, sheet=sheet,
                    params={"count": f"{shape.cells:,}", "limit": f"{limits.max_cells:,}"})
        )
    if shape.extent > limits.max_extent:
        from .address import col_letter

        raise UnreadableFile(
            Problem("sheet-extent-too-large", file=file, sheet=sheet,
                    params={"extent": f"A1:{col_letter(shape.cols_bound - 1)}{shape.rows_bound}",
                            "count": f"{shape.extent:,}"})
        )
