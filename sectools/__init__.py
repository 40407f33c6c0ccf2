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
    "jobs": None, "sources": None,
    "ROSTER": "roster", "check_roster": "roster",
    "write_workbook": "writer", "write_csv": "writer", "atomic_target": "writer",
    "init_office": "scaffold",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def lazy_exports(package: str, where: dict, namespace: dict):
    """A module ``__getattr__`` that imports ``name`` from ``package.<where[name]>`` on first use
    (``where[name]`` None: the submodule ``name`` itself), so importing a package stays cheap."""
    import importlib

    def __getattr__(name: str):
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        sub = where[name]
        value = importlib.import_module(f"{package}.{name}") if sub is None else \
            getattr(importlib.import_module(f"{package}.{sub}"), name)
        namespace[name] = value
        return value

    return __getattr__


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
