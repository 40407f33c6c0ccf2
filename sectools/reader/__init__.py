"""Reading clerks' workbooks: open safely, find the table, clean the values."""

from .address import cell_address, col_letter
from .guard import DEFAULT_LIMITS, Limits
from .table import ReadContext, Table, find_header, read_table, read_table_from, resolve_sheet
from .workbook import MemoryWorkbook, RawSheet, RawWorkbook, open_workbook

__all__ = [
    "DEFAULT_LIMITS", "Limits", "MemoryWorkbook", "RawSheet", "RawWorkbook", "ReadContext", "Table",
    "cell_address", "col_letter", "find_header", "open_workbook", "read_table", "read_table_from", "resolve_sheet",
]
