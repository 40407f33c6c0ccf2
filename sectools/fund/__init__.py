"""爱心基金: the fund's ledger under the office's rules (爱心基金的管理以及使用, seed 000; 专款专用, 每学期公示) — on the
read table, no I/O.  Money is exact: Decimal yuan to the 分, never a binary float.

* Each row is an income or a payment: one amount, in 收入 or in 支出 (both, or neither, is an error).
* The balance runs in date order (rows of one day in the ledger's order) and never goes below zero: a payment that
  would overdraw the fund is an error at its cell, and is not counted (it cannot have been paid as written): the
  balance, the totals and the 公示 leave it out, and say so.
* A payment needs its 审批人 and its 凭证号; a 资助 names its 资助对象; a 凭证号 used twice is said.
* A 余额 column the clerk keeps is compared with the balance worked out: the first line where they part is said
  (with how many after it differ too) — a sum typed wrong, or a line missing.
* A period (a semester) opens with the balance carried from before it (and any 结转 line in it: a carried balance,
  not income); income by source, spending by purpose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ..errors import ERROR, WARNING, Problem
from ..normalize import fold

ZERO = Decimal("0.00")


def semester_range(text: str | None, semester=None) -> tuple[str, dt.date, dt.date] | None:
    """``2026春`` → (2026年春季学期, 2026-02-01, 2026-08-31); ``2026秋`` → … 2026-09-01 to 2027-01-31;
    ``2026年春季学期``, ``2026spring`` likewise; ``本学期`` (or nothing given) → the office's semester from
    sectools.toml.  None: not a semester.  The label is the file names' (爱心基金_2026年春季学期.xlsx)."""
    raw = fold(str(text or ""))
    own = None
    if semester is not None and semester.start and semester.end:
        own = (semester.start.year, "春" if 2 <= semester.start.month <= 7 else "秋")
    m = re.fullmatch(r"(\d{4})-(\d{4})学年第(一|二|1|2)学期", raw)  # 2026-2027学年第一学期: the school year's
    if m:
        y, s = (int(m.group(1)), "秋") if m.group(3) in ("一", "1") else (int(m.group(2)), "春")
    else:
        t = raw.replace("学期", "").replace("季", "").replace("年", "")
        if t in ("", "本", "上"):
            if own is None:
                return None
            y, s = own
            if t == "上":  # the one before the office's
                y, s = (y - 1, "秋") if s == "春" else (y, "春")
        else:
            m = re.fullmatch(r"(\d{4})(春|秋|spring|autumn|fall)", t)
            if not m:
                return None
            y, s = int(m.group(1)), "春" if m.group(2) in ("春", "spring") else "秋"
    label = f"{y}年{s}季学期"
    if own == (y, s):  # the office's own semester: its dates from sectools.toml, however it is named
        return label, semester.start, semester.end
    if s == "春":
        return label, dt.date(y, 2, 1), dt.date(y, 8, 31)
    return label, dt.date(y, 9, 1), dt.date(y + 1, 1, 31)


@dataclass
class FundResult:
    label: str | None
    start: dt.date | None
    end: dt.date | None
    lines: list[dict]  # the period's rows, each with its running balance and findings
    opening: Decimal
    income: Decimal
    expense: Decimal
    closing: Decimal
    by_source: list[tuple[str, Decimal, int]]
    by_purpose: list[tuple[str, Decimal, int]]
    problems: list[Problem]

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per ledger line (README: 爱心基金); amounts as strings of yuan with two decimals."""
        from ..money import yuan

        return [{"row": x["row"], "place": x["place"], "date": x["date"].isoformat() if x["date"] else None,
                 "summary": x["summary"], "category": x["category"], "income": yuan(x["income"]),
                 "expense": yuan(x["expense"]), "balance": yuan(x["balance"]), "handler": x["handler"],
                 "approver": x["approver"], "voucher": x["voucher"], "counted": x["counted"],
                 "problems": x["codes"]} for x in self.lines]


def check_ledger(table, period: tuple[str, dt.date, dt.date] | None = None) -> FundResult:
    """Every line of the ledger with its running balance; ``period`` (label, first, last day): the lines shown and
    summed (the balance carried in from the lines before it)."""
    problems: list[Problem] = []
    unread = {p.cell for p in table.problems if p.code in ("bad-money", "money-fraction", "money-negative")}
    rows = []
    for i, r in enumerate(table.data.to_dict("records")):
        if r.get("date") is None and not r.get("summary") and r.get("income") is None and r.get("expense") is None:
            continue
        rows.append((r.get("date") or dt.date.max, i, r))
    rows.sort(key=lambda x: (x[0], x[1]))
    balance = ZERO
    parted: list[tuple[int, Decimal, Decimal]] = []  # (line, kept, worked out) where the clerk's 余额 differs
    seen_voucher: dict[str, int] = {}
    lines = []
    for _, i, r in rows:
        codes: list[str] = []
        carried_again = False

        def say(code: str, field_name: str | None, value=None, severity: str = WARNING, **params) -> None:
            codes.append(code)
            problems.append(table.problem(code, i, field_name, value, severity, **params))

        income, expense = r.get("income"), r.get("expense")
        income = None if income is not None and income == 0 else income  # 0.00 is no amount
        expense = None if expense is not None and expense == 0 else expense
        counted = r.get("date") is not None  # an undated line (said by the reader) belongs to no day: not counted
        amount_unread = any(table.cell(i, f) in unread for f in ("income", "expense") if f in table.columns)
        if amount_unread:  # an amount typed that cannot be read (the reader says where): this line is not counted
            codes.append("fund-amount-unread")
            counted = False
        if income is not None and expense is not None:
            say("fund-both", "expense", f"{income} / {expense}", ERROR)
            counted = False
        elif income is None and expense is None and not amount_unread:
            say("fund-no-amount", "income", None, ERROR)
            counted = False
        category = r.get("category")
        if not counted:
            pass
        elif expense is not None and income is None:
            if not r.get("approver"):
                say("fund-no-approval", "approver", None, ERROR)
            if not r.get("voucher"):
                say("fund-no-voucher", "voucher", None)
            if category == "资助" and not r.get("beneficiary") and "beneficiary" in table.columns:
                say("fund-no-beneficiary", "beneficiary", None)
            if expense > balance:  # more than the fund holds: it cannot have been paid as written — not counted
                say("fund-overdraft", "expense", str(expense), ERROR, balance=str(balance))
                counted = False
            else:
                balance -= expense
        elif income is not None and expense is None:
            if category == "结转" and any(x["counted"] for x in lines):  # the balance carried, written again
                carried_again = True
                if income != balance:
                    say("fund-carry-mismatch", "income", str(income), balance=str(balance))
            else:
                balance += income
        voucher = (r.get("voucher") or "").strip()
        if voucher:
            key = fold(voucher)
            if key in seen_voucher:
                say("fund-duplicate-voucher", "voucher", voucher, other=table.cell(seen_voucher[key], "voucher"))
            seen_voucher.setdefault(key, i)
        kept = r.get("kept_balance")
        if kept is not None and counted and kept != balance:
            parted.append((i, kept, balance))
        lines.append({"carried_again": carried_again, "i": i, "row": int(table.data["_row"].iat[i]) + 1, "place": f"{table.file} › {table.sheet}!"
                      f"{table.cell(i, 'date')}", "file": table.file, "sheet": table.sheet,
                      "cell": table.cell(i, "date"), "date": r.get("date"), "summary": r.get("summary"),
                      "category": category, "income": income if expense is None else None,
                      "expense": expense if income is None else None, "balance": balance,
                      "handler": r.get("handler"), "approver": r.get("approver"), "voucher": voucher or None,
                      "beneficiary": r.get("beneficiary"), "donor": r.get("donor"), "codes": codes,
                      "counted": counted})
    if parted:  # the first line where the clerk's own 余额 parts from the ledger's: said once, with how many follow
        i, kept, worked = parted[0]
        problems.append(table.problem("fund-balance-differs", i, "kept_balance", str(kept), WARNING,
                                      balance=str(worked), more=len(parted) - 1))
    label, start, end = period if period else (None, None, None)
    before = [x for x in lines if start and x["date"] and x["date"] < start]
    shown = [x for x in lines if x not in before and not (end and x["date"] and x["date"] > end)
             and not (start and x["date"] is None)]  # an undated line: in the ledger's whole list only
    carried = sum((x["income"] for x in shown if x["income"] is not None and x["category"] == "结转" and x["counted"]
                   and not x["carried_again"]), ZERO)
    opening = (before[-1]["balance"] if before else ZERO) + carried  # 上期结转 opens the period: not income
    income = sum((x["income"] for x in shown if x["income"] is not None and x["category"] != "结转" and x["counted"]),
                 ZERO)
    expense = sum((x["expense"] for x in shown if x["expense"] is not None and x["counted"]), ZERO)
    kept = {x["i"] for x in shown}  # the period's lines' problems (the balance carried in is said as a figure)
    own = [p for p in problems if _line_of(p, table, lines) in kept]
    return FundResult(label, start, end, shown, opening, income, expense, opening + income - expense,
                      _totals(shown, "income"), _totals(shown, "expense"), own)


def _line_of(p: Problem, table, lines) -> int | None:
    return next((x["i"] for x in lines if x["row"] == p.row), None) if p.row is not None else None


def _totals(lines: list[dict], side: str) -> list[tuple[str, Decimal, int]]:
    """Per 类别 (uncategorised: 其他): the sum and the number of lines, largest first."""
    out: dict[str, list] = {}
    for x in lines:
        if x[side] is None or not x["counted"] or x["category"] == "结转":
            continue
        k = x["category"] or "其他"
        t = out.setdefault(k, [ZERO, 0])
        t[0] += x[side]
        t[1] += 1
    return sorted(((k, v[0], v[1]) for k, v in out.items()), key=lambda t: (-t[1], t[0]))


__all__ = ["FundResult", "check_ledger", "semester_range"]
