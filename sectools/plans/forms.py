"""Reading one department's plan or summary, as an .xlsx form or a .docx Word form.

The header fields (部门, 月份, 填表人, 填表日期) are found by their labels — ``部门：宣传部`` in one
cell or paragraph, or the value in the next cell — and the item table by its header, with the
same reader rules as every other table.  Department and kind come from the content first (the
fields, the title ``宣传部2026年3月工作计划``), the file and folder names second.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import parse_date
from ..errors import ERROR, WARNING, Problem
from ..normalize import clean_text, fold, header_key
from ..reader import RawSheet, ReadContext, cell_address, find_header
from ..reader.table import extract
from .schema import ITEMS, META_LABELS

_LABEL_KEYS = {header_key(lab): key for key, labels in META_LABELS.items() for lab in labels}
_INLINE = re.compile(r"(部门名称|填报部门|部门|所属月份|月份|月度|填表人|填报人|制表人|填表日期|填报日期|提交日期)\s*[:：]\s*"
                     r"([^\s:：]+(?:\s*年\s*\d+\s*月(?:\s*\d+\s*日)?)?)")


@dataclass
class Submission:
    file: str
    path: Path
    kind: str | None = None
    department: str | None = None
    month: tuple[int, int] | None = None
    author: str | None = None
    filled: dt.date | None = None
    modified: dt.datetime | None = None
    title: str = ""
    items: Any = None  # DataFrame of ITEMS fields
    problems: list[Problem] = field(default_factory=list)
    source: str = "content"  # where the department came from
    unreadable: bool = False  # the file could not be read (its problem says why)

    @property
    def handed_in(self) -> dt.datetime:
        if self.filled:
            return dt.datetime.combine(self.filled, dt.time(12, 0))
        return self.modified or dt.datetime.min


def parse_month(text: Any, default_year: int | None = None) -> tuple[int, int] | None:
    if text is None or text == "":
        return None
    if isinstance(text, (dt.date, dt.datetime)):
        return text.year, text.month
    s = clean_text(str(text))
    m = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})", s)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"(\d{1,2})\s*月", s)
    if m and default_year and 1 <= int(m.group(1)) <= 12:
        return default_year, int(m.group(1))
    return None


def _kind_from(text: str) -> str | None:
    t = fold(text)
    if "学期" in t and "总结" in t:
        return "semester"
    if "总结" in t:
        return "summary"
    if "计划" in t or "安排" in t:
        return "plan"
    return None


def _department_from(text: str, departments: tuple[str, ...]) -> str | None:
    t = fold(text)
    hits = [d for d in departments if fold(d) in t]
    return max(hits, key=len) if hits else None


def _meta_from_rows(rows: list[list], upto: int) -> tuple[dict, dict, str]:
    """Label → value and label → (row, col) from the rows above the item table; and the title."""
    meta: dict[str, Any] = {}
    where: dict[str, tuple[int, int]] = {}
    title = ""
    for i, r in enumerate(rows[:upto]):
        for j, v in enumerate(r):
            if not isinstance(v, str) or not v.strip():
                continue
            if not title and len(v.strip()) >= 4 and not _INLINE.search(v):
                title = clean_text(v)
            for m in _INLINE.finditer(v):
                key = _LABEL_KEYS.get(header_key(m.group(1)))
                if key and key not in meta:
                    meta[key], where[key] = m.group(2).strip(), (i, j)
            key = _LABEL_KEYS.get(header_key(v))
            if key and key not in meta:
                nxt = next(((k, x) for k, x in enumerate(r[j + 1:], start=j + 1) if x not in ("", None)), None)
                # the value is the next cell, unless that is already the next label (a field left blank)
                if nxt and not (isinstance(nxt[1], str) and _LABEL_KEYS.get(header_key(nxt[1]))):
                    meta[key], where[key] = nxt[1], (i, nxt[0])
    return meta, where, title


def parse_form(sheets: list[RawSheet], unreadable: list[Problem], display: str, path: Path,
               modified: dt.datetime | None, ctx: ReadContext, departments: tuple[str, ...]) -> Submission:
    """One submission's sheets (already read by the source) → its fields, items and problems."""
    sub = Submission(display, path)
    sub.modified = modified
    if unreadable:
        sub.problems.extend(unreadable)
        import pandas as pd

        sub.items = pd.DataFrame({f.name: [] for f in ITEMS.fields})
        sub.unreadable = True
        return sub
    table = None
    meta: dict = {}
    where: dict = {}
    title = ""
    sheet_name = None
    for raw in sheets:
        h = find_header(raw, ITEMS)
        m, w, t = _meta_from_rows(raw.rows, h.first if h else len(raw.rows))
        for k, v in m.items():
            meta.setdefault(k, v)
            where.setdefault(k, (raw.name, w[k]))
        title = title or t
        if h is not None and table is None and "item" in h.columns:
            table = extract(raw, h, ITEMS, ctx, display)
            sheet_name = raw.name
    sub.title = title
    default_year = ctx.semester.start.year if ctx.semester.start else dt.date.today().year
    sub.author = clean_text(str(meta["author"])) if meta.get("author") else None
    sub.filled = parse_date(meta.get("filled"), ctx.semester) if meta.get("filled") else None
    sub.month = parse_month(meta.get("month"), default_year) or parse_month(title, default_year)
    if meta.get("department"):
        sub.department = _department_from(str(meta["department"]), departments) or clean_text(str(meta["department"]))
    else:
        sub.department = _department_from(title, departments)
    sub.kind = _kind_from(title) or (("summary" if table is not None and "done" in table.columns else None))
    if table is None:
        sub.problems.append(Problem("no-items", ERROR, display, sheet_name, None, None))
        import pandas as pd

        sub.items = pd.DataFrame({f.name: [] for f in ITEMS.fields})
    else:
        sub.items = table.data
        sub.problems.extend(p for p in table.problems if p.code != "empty-table")
        if len(table.data) == 0:
            sub.problems.append(Problem("no-items", ERROR, display, sheet_name, None, None))
    for key in ("department", "month", "author"):
        if not meta.get(key) and not (key == "month" and sub.month) and not (key == "department" and sub.department):
            sub.problems.append(Problem("form-field-missing", WARNING if key == "author" else ERROR, display,
                                        sheet_name, None, None, {"field": META_LABELS[key][0]}))
    sub._where = where  # type: ignore[attr-defined]
    return sub


def field_cell(sub: Submission, key: str) -> tuple[str | None, str | None]:
    w = getattr(sub, "_where", {}).get(key)
    if not w:
        return None, None
    sheet, (i, j) = w
    return sheet, cell_address(i, j)


def locate(sub: Submission, stem: str, folder: str, departments: tuple[str, ...]) -> None:
    """Department and kind the form itself did not give: from its file name, then its folder's."""
    if not sub.department:
        for text in (stem, folder):
            d = _department_from(text, departments)
            if d:
                sub.department, sub.source = d, "file name"
                break
    if not sub.kind:
        sub.kind = _kind_from(stem) or _kind_from(folder)
