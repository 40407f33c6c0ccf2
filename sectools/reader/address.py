"""Cell addresses: 0-based (row, col) ↔ ``C7``."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20000)
def col_letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    s = ""
    n = col + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_address(row: int, col: int) -> str:
    """0-based row and column → ``C7``."""
    return f"{col_letter(col)}{row + 1}"
