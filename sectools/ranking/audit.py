"""The audit trail's pure parts: what a week's records and results are, independent of where
they sit, and their hashes (the seal chains them week to week)."""

from __future__ import annotations

import hashlib
import json

from .compute import week_bounds


def _canon(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


RULES_VERSION = 2  # 2: every column of the scoring rules (the weekly cap too) and the classes table


def week_rules(inp, version: int = RULES_VERSION) -> list:
    """What else enters every score: the scoring rules table, the classes (grade and size decide
    ranks and per-person points) and the [ranking] settings.  ``version``: how a seal made by an
    earlier sectools summed them up, so its seal still verifies."""
    from dataclasses import asdict

    rules = sorted((k, str(v)) for k, v in asdict(inp.rules).items())
    if version == 1:
        items = sorted([[str(r.get(k)) for k in ("category", "item", "points", "method", "cap", "serious")]
                        for r in inp.items.data.to_dict("records")])
        return [items, rules]
    items = sorted([[str(r.get(c)) for c in sorted(c for c in inp.items.data.columns if not c.startswith("_"))]
                    for r in inp.items.data.to_dict("records")])
    classes = sorted([[str(r.get(c)) for c in ("class_name", "grade", "size")] for r in inp.classes.data.to_dict("records")])
    return [items, classes, rules]


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
