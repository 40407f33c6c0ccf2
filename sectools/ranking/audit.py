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


SEAL_VERSION = 3  # 3: the seal covers the publication and the corrections log, and is printed


def short(h: str | None) -> str:
    """A hash as a clerk reads it off paper: 12 characters in three groups (``3F2A-9C01-77BE``)."""
    if not h:
        return ""
    return "-".join((h[0:4], h[4:8], h[8:12])).upper()


def _entry(e: dict) -> dict:
    return {k: v for k, v in e.items() if k not in ("prev", "hash")}


def chain_entry(log: list[dict], entry: dict) -> dict:
    """``entry`` with its place in the corrections log's chain (the hash of the one before and its own)."""
    prev = log[-1].get("hash") if log else None
    return {**entry, "prev": prev, "hash": sha([prev, _entry(entry)])}


def log_head(log: list[dict]) -> tuple[str | None, int | None]:
    """The hash at the head of the corrections log and, if an entry does not fit the chain (edited,
    inserted or removed by hand), its position (from 1)."""
    prev = None
    for k, e in enumerate(log, start=1):
        if not isinstance(e, dict) or e.get("prev") != prev or e.get("hash") != sha([prev, _entry(e)]):
            return prev, k
        prev = e["hash"]
    return prev, None


def publication_hash(snapshot: dict) -> str:
    """What a publication printed: the week, when, its records and results, and the corrections
    log it followed."""
    return sha([snapshot["week"], snapshot["published_at"], sha(snapshot["inputs"]), sha(snapshot["outputs"]),
                snapshot.get("corrections_head")])


def seal_hash(rec: dict) -> str:
    """A seal's own hash, chained to the week before (as each seal version computed it)."""
    if rec.get("seal_version", 2) >= 3:
        return sha([rec["week"], rec["inputs_hash"], rec["outputs_hash"], rec["rules_hash"],
                    rec.get("publication_hash"), rec.get("corrections_head"), rec.get("prev")])
    return sha([rec["week"], rec["inputs_hash"], rec["outputs_hash"]]
               + ([rec["rules_hash"]] if "rules_hash" in rec else []) + [rec.get("prev")])

