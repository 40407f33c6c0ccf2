"""Ranking with ties, the two ways Chinese offices rank (shared by rankings and KPIs)."""

from __future__ import annotations

METHODS = ("dense", "competition")


def rank_of(value: float, values: list[float], method: str = "dense") -> int:
    """Rank of ``value`` among ``values``, highest first.

    ``dense`` (中国式排名): 1, 2, 2, 3 — ties share a rank and the next rank follows on;
    ``competition``: 1, 2, 2, 4 — the next rank skips as many places as were tied."""
    method = (method or "dense").strip().lower()
    if method not in METHODS:
        raise ValueError(f"排名方式“{method}”不对：应为 dense（中国式）或 competition")
    if value not in values:
        raise ValueError(f"{value} 不在得分列表中")
    if method == "dense":
        return len({v for v in values if v > value}) + 1
    return sum(1 for v in values if v > value) + 1


def ranks(values: list[float], method: str = "dense") -> list[int]:
    return [rank_of(v, values, method) for v in values]
