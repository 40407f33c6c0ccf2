"""Ranking with ties, the two ways Chinese offices rank (shared by rankings and KPIs)."""

from __future__ import annotations

METHODS = ("dense", "competition")


def rank_values(values: list[float], method: str = "dense") -> list[int]:
    """Each value's rank among ``values``, highest first (see :func:`rank_of` for the two methods)."""
    import bisect

    if method == "dense":
        pos = {v: i + 1 for i, v in enumerate(sorted(set(values), reverse=True))}
        return [pos[v] for v in values]
    ascending = sorted(values)
    return [len(ascending) - bisect.bisect_right(ascending, v) + 1 for v in values]


def rank_of(value: float, values: list[float], method: str = "dense") -> int:
    """Rank of ``value`` among ``values``, highest first.

    ``dense`` (中国式排名): 1, 2, 2, 3 — ties share a rank and the next rank follows on;
    ``competition``: 1, 2, 2, 4 — the next rank skips as many places as were tied."""
    method = (method or "dense").strip().lower()
    if method not in METHODS:
        raise ValueError(f"排名方式“{method}”不对：应为 dense（中国式）或 competition")
    if value not in values:
        raise ValueError(f"{value} 不在得分列表中")
    return rank_values([value] + list(values), method)[0]
