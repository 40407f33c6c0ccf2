"""Where an office's tables come from: a folder, an open workbook, or frames built in a test.

A :class:`Source` answers one question — *give me table X as the reader reads it* — the same way
whatever holds the bytes.  Reading, the guard and problems with cells stay in the reader; each
table's own rules (ids unique, meetings not listed twice, leave approval given) run here once for
every source.  Jobs (:mod:`sectools.jobs`) take a source and never care which kind it is.

* :class:`OfficeSource` — an office folder with ``sectools.toml``: tables at the configured paths
  (a workbook, or a folder of workbooks for inspections), monthly plans under ``[plans] folder``,
  workflow state in ``.sectools/``, outputs in ``输出/``.
* :class:`BookSource` — an open ``xw.Book`` (desktop, xlwings Server or Lite): tables found on its
  sheets by their headers; one the book lacks is read from the office folder when the book knows
  one (its own folder, or ``办公室文件夹`` on the settings sheet).
* :class:`FrameSource` — tables given as rows or DataFrames (tests, scripts): they go through the
  same header finder and cleaning as a clerk's sheet.
"""

from __future__ import annotations

import os

from ..config import Office
from .base import FrameSource, OfficeSource, Source, read_form
from .book import BookSource


def as_source(x) -> Source:
    """A source from what a caller has: a source, an Office, or an office folder's path."""
    if isinstance(x, Source):
        return x
    if isinstance(x, Office):
        return OfficeSource(x)
    if isinstance(x, (str, os.PathLike)):
        return OfficeSource.load(x)
    if hasattr(x, "sheets") and hasattr(x, "app"):
        return BookSource(x)
    raise TypeError(f"not a table source: {type(x).__name__}")


__all__ = ["Source", "OfficeSource", "BookSource", "FrameSource", "as_source", "read_form"]
