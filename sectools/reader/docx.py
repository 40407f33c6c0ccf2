"""A Word (.docx) form read as sheets, so the same header finder and cell-addressed problems apply:
its paragraphs (one a row) then each of its tables (``表格1``, ``表格2`` …)."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, UnreadableFile
from .workbook import RawSheet


def docx_sheets(path: Path, display: str, limits=None) -> list[RawSheet]:
    """The form's sheets; an unreadable or oversized document raises :class:`UnreadableFile`."""
    from .guard import DEFAULT_LIMITS, guard_docx

    guard_docx(path, limits or DEFAULT_LIMITS, display)
    try:
        import docx

        doc = docx.Document(str(path))
    except Exception as e:  # a damaged .docx, or not a Word document at all
        raise UnreadableFile(Problem("corrupt-document", file=display,
                                     params={"detail": f"{type(e).__name__}: {str(e)[:80]}"})) from None
    paras = [[p.text] for p in doc.paragraphs if p.text.strip()]
    out = []
    for k, t in enumerate(doc.tables, start=1):
        rows = []
        for r in t.rows:
            seen = set()
            cells = []
            for c in r.cells:
                if id(c._tc) in seen:  # a merged cell repeats
                    cells.append("")
                    continue
                seen.add(id(c._tc))
                cells.append(c.text.strip())
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        out.append(RawSheet(f"表格{k}", paras + rows if k == 1 else rows))
    if not out:
        out.append(RawSheet("正文", paras))
    return out
