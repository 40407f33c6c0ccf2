"""档案: the roster as it stood each semester (档案管理 每学期整理, seed 000) — a member's record, what changed between
two semesters, one member's history — on plain records, no I/O.

A snapshot is the list of members as read (学号, 姓名, 部门, 职务, 状态 …); its ``hash`` is the SHA-256 of their
canonical JSON, so a snapshot changed after it was taken is found.  A member leaving keeps their history: snapshots
are never rewritten by a later roster.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

FIELDS = ("id", "name", "gender", "department", "post", "class_name", "phone", "joined", "left", "status")
GONE = ("已退出", "撤职")  # a status that ends a member's place (their row may stay on the roster)


def members_of(table) -> list[dict]:
    """The roster's rows as records: dates as ISO text, the rest as read; rows without a 学号 are left out (the
    reader says so)."""
    out = []
    for r in table.data.to_dict("records"):
        if not r.get("id"):
            continue
        m = {}
        for f in FIELDS:
            v = r.get(f)
            m[f] = v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else (None if v is None or v != v else v)
        out.append(m)
    return out


def members_hash(members: list[dict]) -> str:
    return hashlib.sha256(json.dumps(members, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _active(m: dict | None) -> bool:
    return m is not None and m.get("status") not in GONE


def _place(m: dict) -> str:
    return f"{m.get('department') or ''} {m.get('post') or ''}".strip()


KIND_CODES = {"加入": "joined", "退出": "left", "撤职": "dismissed", "调整部门": "moved", "职务变动": "post-changed"}


class Changes(list):
    """The changes, and their JSON (README: 档案): ``kind`` as a stable English code."""

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        return [{"kind": KIND_CODES[c["kind"]], "id": c["id"], "name": c["name"], "department": c["department"],
                 "before": c["before"], "after": c["after"], "date": c["date"]} for c in self]


def changes(before: list[dict], after: list[dict]) -> list[dict]:
    """What changed from ``before`` to ``after``, member by member: 加入, 退出, 撤职, 调整部门, 职务变动 (a member may
    have several), each with the date the roster gives (入职日期 / 离任日期) when it gives one."""
    a = {m["id"]: m for m in before}
    b = {m["id"]: m for m in after}
    out = []

    def add(kind, m, old=None, new=None, date=None):
        out.append({"kind": kind, "id": m["id"], "name": m["name"], "department": m.get("department"),
                    "before": old, "after": new, "date": date})

    for sid, m in b.items():
        old = a.get(sid)
        if old is None or (not _active(old) and _active(m)):
            if _active(m):
                add("加入", m, None, f"{m.get('department') or ''} {m.get('post') or ''}".strip(), m.get("joined"))
            continue
        if _active(old) and not _active(m):
            add("撤职" if m.get("status") == "撤职" else "退出", m, _place(old), m.get("status"), m.get("left"))
            continue
        if not _active(m):
            continue
        if (old.get("department") or "") != (m.get("department") or ""):
            add("调整部门", m, old.get("department"), m.get("department"))
        if (old.get("post") or "") != (m.get("post") or ""):
            add("职务变动", m, old.get("post"), m.get("post"))
    for sid, old in a.items():
        if sid not in b and _active(old):  # gone from the roster altogether: left, the date not known
            add("退出", old, _place(old), "不在名册", None)
    order = {"加入": 0, "调整部门": 1, "职务变动": 2, "撤职": 3, "退出": 4}
    out.sort(key=lambda c: (order[c["kind"]], c["department"] or "", c["id"]))
    return Changes(out)


def history(snapshots: list[tuple[str, list[dict]]], key: str) -> list[dict]:
    """One member through the semesters (``snapshots``: (label, members) in order): where they were each semester,
    and what changed.  ``key``: a 学号, or a name one member has."""
    rows = []
    prev = None
    for label, members in snapshots:
        m = next((x for x in members if x["id"] == key), None) or \
            next((x for x in members if x["name"] == key and sum(y["name"] == key for y in members) == 1), None)
        if m is not None:
            key = m["id"]  # found by name: followed by 学号 from here on
        if m is None:
            if prev is not None:
                rows.append({"semester": label, "department": None, "post": None, "status": None,
                             "change": "不在名册"})
            prev = None
            continue
        change = None
        if prev is None:  # first seen: 加入 when an earlier semester was sealed without them
            change = "重新在册" if rows else "加入" if snapshots.index((label, members)) > 0 else "在册"
        else:
            said = [c["kind"] for c in changes([prev], [m])]
            change = "、".join(said) or None
        rows.append({"semester": label, "id": m["id"], "name": m["name"], "department": m.get("department"),
                     "post": m.get("post"), "status": m.get("status"), "joined": m.get("joined"),
                     "left": m.get("left"), "change": change})
        prev = m
    return rows


__all__ = ["FIELDS", "changes", "history", "members_hash", "members_of"]
