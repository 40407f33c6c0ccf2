"""sectools — a college secretariat's Excel workbooks, read safely and put to work.

The public API is re-exported here lazily, so ``import sectools`` stays fast (an Excel button
must answer quickly): pandas and the readers load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "Problem": "errors", "SectoolsError": "errors", "has_errors": "errors",
    "Field": "schema", "TableSpec": "schema",
    "read_table": "reader", "open_workbook": "reader", "Table": "reader", "ReadContext": "reader",
    "Limits": "reader",
    "load_office": "config", "Office": "config",
    "read": "office", "check": "office",
    "ROSTER": "roster", "check_roster": "roster",
    "write_workbook": "writer", "write_csv": "writer", "atomic_target": "writer",
    "init_office": "scaffold",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module 'sectools' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{mod}", __name__), name)
    globals()[name] = value
    return value
