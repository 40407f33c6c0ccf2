"""The audit trail's pure parts: what a week's records and results are, independent of where
they sit, and their hashes (the seal chains them week to week)."""

from __future__ import annotations

import hashlib
import json

from .compute import week_bounds


def _canon(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def week_rules(inp) -> list:
    """What else enters every score: the scoring rules table and the [ranking] settings."""
    from dataclasses import asdict

    items = sorted([[str(r.get(k)) for k in ("category", "item", "points", "method", "cap", "serious")]
                    for r in inp.items.data.to_dict("records")])
    return [items, sorted((k, str(v)) for k, v in asdict(inp.rules).items())]


def sha(obj) -> str:
    return hashlib.sha256(_canon(obj).encode("utf-8")).hexdigest()


def week_inputs(inp, week: str) -> list[list]:
    """The week's records, independent of where they sit: sorted (date, class, item, count, points, dept)."""
    monday, sunday = week_bounds(week)
    rows = []
    for r in inp.records.to_dict("records"):
        d = r["date"]
        if d and monday <= d <= sunday:
            rows.append([d.isoformat(), r["class_name"], r["item"], r["count"], r["points"], r["department"]])
    return sorted(rows, key=lambda x: [str(v) for v in x])


def week_outputs(res) -> list[list]:
    return [[r["class_name"], r["grade"], round(float(r["score"]), 4), int(r["rank"]), bool(r["red_flag"])]
            for r in res.table.to_dict("records")]
