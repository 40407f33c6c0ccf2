"""用印登记: every use of a seal checked against the office's 印章管理制度 (seed 001) — on the tables'
frames, no I/O.

The rules, as the seed and public 用印 practice state them:

* every use needs the signature of someone authorised for that seal (``[seals] approvers`` by the seal's
  type or name; a seal's own 审批权限 cell wins), and a contract, an agreement or a money matter needs one
  of the ``合同或财物`` approvers (the seed: 学校法人代表或校长);
* approval comes before the stamp: an 审批日期 after the use is 先盖章后审批;
* a seal that is 停用 or 销毁 (from its 停用日期, or at all when none is given), or not yet 启用, is not used;
* nothing is stamped on blank paper (a 文件名称 that says 空白);
* a use without an approval is 待审批 while its day has not passed, and a violation once it has;
* 涉及合同或财物 left blank is taken as 否 — but not for a document whose name reads like a contract or money
  (合同, 协议, 报销, 经费 …): that use is 待核实 until the cell says which.

Nothing is guessed: an approver sectools cannot place (not a post it knows, not one name of the roster,
not listed in the approvers) makes the use 待核实 with a problem at the cell, never "authorised"; a seal
the seals table does not hold is an error at its cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold
from ..vocab import POSTS
from .schema import SEAL_TYPES as SEAL_KINDS

MONEY = "合同或财物"  # the [seals] approvers entry for contracts, agreements and money
# Posts an approver's cell may name besides the union's own (a college office's and the school's).
OTHER_POSTS = ("院长", "副院长", "书记", "副书记", "校长", "副校长", "法人代表", "法定代表人", "办公室主任", "办公室副主任",
               "指导老师", "团委书记", "团委副书记", "辅导员")
# What makes a use a violation (the rest leave it 待核实: the record cannot show whether the rule held).
HARD = ("no-approval", "approved-after-use", "not-authorised", "money-not-authorised", "seal-not-in-use",
        "blank-paper")
SOFT = ("approver-unknown", "approver-shared-name", "approval-undated", "seal-unknown", "approvers-unknown",
        "money-unstated")
STATUSES = ("violation", "unverified", "pending", "ok")
_SPLIT = re.compile(r"[、,，/;；\s]+")
_BLANK_PAPER = re.compile(r"空白(?:纸|页|介绍信|信笺|表格|文件|材料)?")
# a document that reads like a contract or a money matter: with 涉及合同或财物 left blank it is not assumed 否
_MONEY_WORDS = re.compile(r"合同|协议|借款|报销|经费|采购|付款|收款|收据|发票|租赁|赞助|拨款")


@dataclass(frozen=True)
class Rules:
    approvers: dict[str, list[str]] = field(default_factory=dict)

    def for_seal(self, seal: dict) -> list[str] | None:
        """Who may approve this seal's uses: its own 审批权限, else its name's or its type's entry."""
        own = [x for x in _SPLIT.split(seal.get("approvers") or "") if x]
        if own:
            return own
        return self.approvers.get(seal["name"]) or self.approvers.get(seal.get("kind") or "")

    @property
    def money(self) -> list[str]:
        return self.approvers.get(MONEY, [])


def rules_from_config(section: dict) -> tuple[Rules, list[Problem]]:
    from ..settings import validate_section

    v, problems = validate_section("seals", section)
    return Rules(v["approvers"]), problems


@dataclass
class SealResult:
    uses: list[dict]  # each checked use: its fields, status, violation codes, the cell of each
    seals: list[dict]
    monthly: list[dict]  # per month and seal: uses, copies, violations
    problems: list[Problem]
    month: tuple[int, int] | None = None
    today: dt.date | None = None

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per use, with stable English keys (README: 用印登记)."""
        out = []
        for u in self.uses:
            out.append({
                "row": u["row"], "place": f"{u['file']} › {u['sheet']}!{u['cell']}", "date": _iso(u["date"]), "seal": u["seal"], "document": u["document"],
                "purpose": u["purpose"], "copies": u["copies"], "handler": u["handler"], "approver": u["approver"],
                "approved_on": _iso(u["approved_on"]), "contract_or_money": u["involves"] == "是",
                "status": u["status"], "violations": list(u["codes"]), "may_approve": u["allowed"],
            })
        return out


def _iso(d):
    return d.isoformat() if d else None


def known_posts(rules: Rules) -> tuple[str, ...]:
    words = set(POSTS) | set(OTHER_POSTS)
    for names in rules.approvers.values():
        words |= set(names)
    return tuple(sorted(words, key=len, reverse=True))  # 副主席 before 主席: the longer word wins


def posts_in(text: str, posts: tuple[str, ...]) -> set[str]:
    """The posts a cell names (``主席 张欣怡``, ``王院长``): longest first, a shorter one inside a longer
    match not counted (副主席 is not also 主席)."""
    taken = [False] * len(text)
    found = set()
    for p in posts:
        for m in re.finditer(re.escape(p), text):
            if not any(taken[m.start():m.end()]):
                found.add(p)
                for k in range(m.start(), m.end()):
                    taken[k] = True
    return found


class _Approvers:
    """Who an 审批人 cell is: the posts it names, the roster member it names (and so their post), or a
    name the approvers list holds."""

    def __init__(self, rules: Rules, roster):
        self.posts = known_posts(rules)
        self.listed = {x for names in rules.approvers.values() for x in names}
        self.by_name: dict[str, list[str]] = {}
        if roster is not None:
            for name, post in zip(roster["name"].tolist(), roster["post"].tolist()):
                if name:
                    self.by_name.setdefault(str(name), []).append(post or "")

    def who(self, text: str, extra: list[str] | None = None) -> tuple[set[str], str | None]:
        """(posts and names the cell stands for, why not when it stands for none)."""
        t = re.sub(r"\s+", " ", str(text)).strip()
        listed = self.listed | set(extra or ())
        ids = {t} if t in listed else set()
        ids |= posts_in(t, self.posts)
        written = posts_in(t, self.posts)
        rest = t
        for p in sorted(written, key=len, reverse=True):
            rest = rest.replace(p, " ")
        for name in {t, *(w for w in _SPLIT.split(rest) if w)}:
            hits = self.by_name.get(name)
            if hits and written:  # 主席 张三: the post written says which 张三, and it is what is checked
                ids.add(name)
            elif hits and len(hits) == 1:
                ids.add(name)
                if hits[0]:
                    ids.add(hits[0])
            elif hits:
                return ids, "approver-shared-name"
            elif name in listed:
                ids.add(name)
        return ids, None if ids else "approver-unknown"


def check_uses(uses, seals, roster, rules: Rules, today: dt.date, month: tuple[int, int] | None = None) -> SealResult:
    """Every use (of ``month``, when given) checked; ``uses`` and ``seals`` are the read tables (their
    ``problem`` locates a cell), ``roster`` the roster's frame or None."""
    problems: list[Problem] = []
    seal_rows = {}
    seal_list = []
    for i, rec in enumerate(seals.data.to_dict("records")):
        if not rec.get("name"):
            continue
        s = {**rec, "_i": i, "uses": 0, "last": None}
        s["_allowed"] = "、".join(rules.for_seal(s) or [])
        seal_rows.setdefault(fold(rec["name"]), s)
        seal_list.append(s)
        if rules.for_seal(s) is None:
            if rec.get("kind"):  # a type sectools.toml does not list (a typo in [seals] approvers?)
                problems.append(seals.problem("seal-kind-not-in-settings", i, "kind", rec["kind"], WARNING,
                                              seal=rec["name"], listed="、".join(rules.approvers) or "—"))
            else:
                problems.append(seals.problem("seal-approvers-unknown", i, "kind", rec.get("kind"), WARNING,
                                              seal=rec["name"]))
    names = {fold(s["name"]) for s in seal_list} | {fold(k) for k in SEAL_KINDS} | {fold(MONEY)}
    for key in rules.approvers:
        if fold(key) not in names:
            problems.append(Problem("seal-approvers-key-unknown", WARNING, "sectools.toml", value=key, params={
                "allowed": "、".join(list(SEAL_KINDS) + [MONEY] + [s["name"] for s in seal_list][:8])}))
    who = _Approvers(rules, roster)
    out = []
    for i, u in enumerate(uses.data.to_dict("records")):
        d = u.get("date")
        if d is None or (month and (d.year, d.month) != month):
            continue
        codes: list[str] = []

        def flag(code: str, field_name: str, value, severity: str = WARNING, **params) -> None:
            codes.append(code)
            problems.append(uses.problem(code if code.startswith("seal-") else "seal-" + code, i, field_name, value,
                                         severity, **params))

        seal = seal_rows.get(fold(u["seal"])) if u.get("seal") else None
        if seal is None:
            flag("seal-unknown", "seal", u.get("seal"), ERROR,
                 known="、".join(s["name"] for s in seal_list) or "—")
            allowed = None
        else:
            if d <= today:  # a use ahead (awaiting approval) has not happened yet
                seal["uses"] += 1
                seal["last"] = max(seal["last"] or d, d)
            allowed = rules.for_seal(seal)
            state = seal.get("state")
            if (state in ("停用", "销毁") and (seal.get("until") is None or d >= seal["until"])) or \
                    (seal.get("until") is not None and d >= seal["until"]) or \
                    (seal.get("since") is not None and d < seal["since"]):
                flag("seal-not-in-use", "seal", u["seal"], state=state or "—",
                     since=_iso(seal.get("since")) or "—", until=_iso(seal.get("until")) or "—")
        if d > today + dt.timedelta(days=31):  # 3月5日 read in an autumn semester as next March: say so
            problems.append(uses.problem("seal-date-ahead", i, "date", d.isoformat(), WARNING,
                                         today=today.isoformat()))
        money = u.get("involves") == "是"
        needed = rules.money if money else allowed
        if u.get("involves") is None and u.get("document") and _MONEY_WORDS.search(str(u["document"])):
            flag("money-unstated", "involves", None, document=u["document"])
        if u.get("document") and _BLANK_PAPER.search(str(u["document"])):
            flag("blank-paper", "document", u["document"])
        approver = (u.get("approver") or "").strip()
        if not approver:
            if d < today:
                flag("no-approval", "approver", None, date=d.isoformat())
        else:
            ids, why = who.who(approver, needed)
            if why:
                flag(why, "approver", approver, allowed="、".join(needed or []) or "—")
            elif needed is None:
                if seal is not None:
                    codes.append("approvers-unknown")  # said once, at the seal's own row
            elif not ids & set(needed):
                flag("money-not-authorised" if money else "not-authorised", "approver", approver,
                     allowed="、".join(needed), seal=u.get("seal") or "—")
            approved_on = u.get("approved_on")
            if approved_on is None:
                flag("approval-undated", "approved_on", None)
            elif approved_on > d:
                flag("approved-after-use", "approved_on", approved_on.isoformat(), date=d.isoformat())
        hard = [c for c in codes if c in HARD]
        status = "violation" if hard else "unverified" if codes else "pending" if not approver else "ok"
        out.append({
            "i": i, "seal_name": seal["name"] if seal else u.get("seal"), "row": int(uses.data["_row"].iat[i]) + 1, "file": uses.file, "sheet": uses.sheet,
            "cell": uses.cell(i, "date"), "date": d, "seal": u.get("seal"), "document": u.get("document"),
            "purpose": u.get("purpose"), "copies": u.get("copies"), "handler": u.get("handler"),
            "approver": approver or None, "approved_on": u.get("approved_on"), "involves": u.get("involves"),
            "note": u.get("note"), "status": status, "codes": codes, "allowed": list(needed or []),
            "keeper": seal.get("keeper") if seal else None, "kind": seal.get("kind") if seal else None,
            "seal_allowed": list(allowed or []), "money_allowed": list(rules.money),
        })
    out.sort(key=lambda u: (STATUSES.index(u["status"]), u["date"], u["i"]))
    monthly: dict[tuple, dict] = {}
    for u in out:
        if u["date"] > today:  # not used yet
            continue
        key = (f"{u['date']:%Y-%m}", u["seal_name"] or "—")
        m = monthly.setdefault(key, {"month": key[0], "seal": key[1], "uses": 0, "copies": 0, "violations": 0})
        m["uses"] += 1
        if m["copies"] is not None:  # a 份数 that could not be read leaves the month's total unknown, not short
            m["copies"] = m["copies"] + u["copies"] if u["copies"] is not None else None
        m["violations"] += u["status"] == "violation"
    return SealResult(out, seal_list, [monthly[k] for k in sorted(monthly)], problems, month, today)


SEAL_CODES = HARD + SOFT
__all__ = ["SEAL_CODES", "Rules", "SealResult", "check_uses", "posts_in", "rules_from_config"]
