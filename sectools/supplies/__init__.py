"""办公用品: purchases against the year's budget, stock on hand, 领用 per department, the 报销汇总 — under the office's
rules (办公用品的购买、管理及报销, seed 001; 预算, 采购, seed 004), on the read tables, no I/O.  Money is exact (Decimal
yuan; an amount worked out from 数量 × 单价 is rounded half up to the 分, as the finance office rounds it).

* A purchase's 金额 is 数量 × 单价 (to the 分): when both are written and part, that is an error at the cell, and the
  金额 written (the invoice's) is what is counted.  With no 金额 and no 单价 the line's cost is unknown: not counted.
* A purchase needs its 审批人 (an error) and its 发票号 (a warning: nothing can be claimed without one).  One 发票号 on
  two lines is one invoice of several items only when the lines are of one day and of different items; otherwise it
  is an invoice entered twice (an error: claimed twice).
* Spending per 科目 of the year against its 预算金额: the remainder, the share spent, a warning from ``warn_at`` of it
  (预警) and past it (超支).  A purchase with no 科目, or one the year's budget lacks, is said and listed apart.
* Stock runs in date order per item (purchases in, 领用 out; a purchase under 期初库存 is stock found, not spending)
  and never goes below zero: a 领用 of more than is on hand, or of an item never bought, is an error and not counted.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ..errors import ERROR, WARNING, Problem
from ..money import FEN, shown
from ..normalize import fold
from .schema import OPENING

ZERO = Decimal("0.00")
NO_ACCOUNT = "未列科目"


@dataclass(frozen=True)
class Year:
    """A budget year: a calendar year (2026年度) or a school year (2025-2026学年, September to August)."""

    label: str
    start: dt.date
    end: dt.date

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def parse_year(text) -> Year | None:
    """``2026`` / ``2026年`` / ``2026年度`` → the calendar year; ``2025-2026`` / ``2025-2026学年`` / ``2025—26学年度``
    → September 2025 to August 2026.  None: not a year."""
    raw = fold(str(text if text is not None else "")).replace(" ", "")
    if isinstance(text, float) and text.is_integer():
        raw = str(int(text))
    school = bool(re.search(r"学年度?$", raw))
    raw = re.sub(r"(学年度|学年|年度|年)$", "", raw)
    m = re.fullmatch(r"(\d{4})", raw)
    if m and not school:  # 2026学年 names no school year (2025-2026 or 2026-2027?): not guessed
        y = int(m.group(1))
        return Year(f"{y}年度", dt.date(y, 1, 1), dt.date(y, 12, 31)) if 1990 <= y <= 2100 else None
    m = re.fullmatch(r"(\d{4})[-—–~至/](\d{2}|\d{4})", raw)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        b = b if b >= 100 else a // 100 * 100 + b
        if b == a + 1 and 1990 <= a <= 2100:
            return Year(f"{a}-{b}学年", dt.date(a, 9, 1), dt.date(b, 8, 31))
    return None


def quantity(v) -> Decimal | None:
    """A quantity as read (a float) → an exact Decimal (2.5 包, not 2.4999…)."""
    if v is None:
        return None
    d = Decimal(format(float(v), ".15g"))
    return d.to_integral_value() if d == d.to_integral_value() else d.normalize()


def shown_qty(d: Decimal | None):
    """For a workbook cell: 3, not 3.00; 2.5 stays 2.5."""
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def item_key(name) -> str:
    """Two spellings of one item are one item: A4纸 = Ａ４ 纸 = a4纸."""
    return re.sub(r"\s+", "", fold(str(name or ""))).lower()


@dataclass
class SuppliesResult:
    year: Year
    purchases: list[dict]  # the year's purchases, each with its cost and findings
    issues: list[dict]  # the year's 领用, each with the stock after it
    budget: list[dict]  # per 科目: budget, spent, remaining, share, level
    stock: list[dict]  # per item: bought, issued, on hand (now)
    monthly: list[dict]  # (month, department, item): quantity, times
    claims: list[dict]  # the year's purchases not yet reimbursed (报销汇总)
    warn_at: float
    problems: list[Problem] = field(default_factory=list)
    every: list[Problem] = field(default_factory=list)  # every line's findings, whatever its year (check)
    outside: set = field(default_factory=set)  # (sheet, row) of the lines of other years

    def of_year(self, p: Problem) -> bool:
        """Whether a finding (the reader's too) is about this year: not about a line of another year."""
        return (p.sheet, p.row) not in self.outside

    @property
    def spent(self) -> Decimal:
        return sum((x["spent"] for x in self.budget), ZERO)

    @property
    def budgeted(self) -> Decimal:
        return sum((x["budget"] for x in self.budget if x["budget"] is not None), ZERO)

    @property
    def claimed(self) -> Decimal:
        return sum((x["cost"] for x in self.claims), ZERO)

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """One object per budget line (README: 办公用品); amounts as strings of yuan with two decimals."""
        from ..money import yuan

        return [{"year": self.year.label, "account": x["account"], "budget": yuan(x["budget"]),
                 "spent": yuan(x["spent"]), "remaining": yuan(x["remaining"]),
                 "share": None if x["share"] is None else round(x["share"], 4), "level": x["level"],
                 "purchases": x["lines"]} for x in self.budget]


def check_supplies(budget, purchases, issues, year: Year, warn_at: float = 0.8,
                   departments: list[str] | tuple[str, ...] = (), today: dt.date | None = None) -> SuppliesResult:
    """``budget``, ``purchases``, ``issues`` the read tables (``budget`` or ``issues`` may be None: not kept).
    ``today``: a line dated after it is said (a year typed wrong)."""
    problems: list[Problem] = []
    lines = _purchases(purchases, problems, today)
    accounts, at = _budget(budget, year, problems)
    stock, taken = _stock(lines, issues, departments, problems, today)
    every = list(problems)
    mine = [x for x in lines if year.holds(x["date"])]
    known = {fold(a): a for a in accounts}
    for x in mine:
        if not x["counted"]:
            continue
        if not x["account"]:
            x["codes"].append("supplies-no-account")
            problems.append(purchases.problem("supplies-no-account", x["i"], "account", None, WARNING))
        elif fold(x["account"]) not in known and accounts is not None:
            x["codes"].append("supplies-unbudgeted")
            problems.append(purchases.problem("supplies-unbudgeted", x["i"], "account", x["account"], WARNING,
                                              year=year.label))
    rows = []
    spent: dict[str, list] = {}
    for x in mine:
        if not x["counted"]:
            continue
        key = known.get(fold(x["account"] or ""), x["account"] or NO_ACCOUNT)
        t = spent.setdefault(key, [ZERO, 0])
        t[0] += x["cost"]
        t[1] += 1
    for account, amount in (accounts or {}).items():
        s, n = spent.pop(account, [ZERO, 0])
        share = float(s / amount) if amount else None
        level = "超支" if s > amount else "预警" if share is not None and share >= warn_at else "正常"
        rows.append({"account": account, "budget": amount, "spent": s, "remaining": amount - s, "share": share,
                     "level": level, "lines": n})
        if level != "正常" and budget is not None:
            problems.append(Problem("supplies-over-budget" if level == "超支" else "supplies-budget-warning",
                                    WARNING, budget.file, budget.sheet, budget.cell(at[account], "amount"),
                                    value=shown(amount), params={"account": account,
                                        "year": year.label, "spent": shown(s), "budget": shown(amount),
                                        "share": f"{share:.0%}" if share is not None else "—",
                                        "warn": f"{warn_at:.0%}", "over": shown(s - amount)}))
    for account, (s, n) in spent.items():  # spending no budget line covers: listed apart, never dropped
        rows.append({"account": account, "budget": None, "spent": s, "remaining": None, "share": None,
                     "level": "无预算", "lines": n})
    mine_issues = [x for x in taken if year.holds(x["date"])]
    monthly: dict[tuple, list] = {}
    for x in mine_issues:
        if not x["counted"]:
            continue
        k = (x["date"].strftime("%Y-%m"), x["department"] or "", x["item"])
        t = monthly.setdefault(k, [Decimal(0), 0, x["unit"]])
        t[0] += x["quantity"]
        t[1] += 1
    claims = [x for x in mine if x["counted"] and x["status"] != "已报销"]
    own = [p for p in problems if _in_year(p, lines, taken, year, purchases, issues)]
    return SuppliesResult(year, mine, mine_issues, rows, stock,
                          [{"month": k[0], "department": k[1], "item": k[2], "quantity": v[0], "times": v[1],
                            "unit": v[2]} for k, v in sorted(monthly.items())], claims, warn_at, own, every,
                          {(x["sheet"], x["row"]) for x in lines + taken if x["date"] and not year.holds(x["date"])})


def _in_year(p: Problem, lines, taken, year: Year, purchases, issues) -> bool:
    """A finding about a line outside the year is not this year's (check reads every year)."""
    for rows, table in ((lines, purchases), (taken, issues)):
        if table is None or p.file != table.file or p.sheet != table.sheet:
            continue
        if p.row is None:
            return True
        hit = next((x for x in rows if x["row"] == p.row), None)
        return hit is None or hit["date"] is None or year.holds(hit["date"])
    return True


def _purchases(table, problems: list[Problem], today: dt.date | None = None) -> list[dict]:
    out = []
    seen: dict[str, dict] = {}
    unread = {p.cell for p in table.problems if p.code in ("bad-money", "money-fraction", "money-negative")}
    bad_number = {p.cell for p in table.problems if p.code == "bad-number"}
    for i, r in enumerate(table.data.to_dict("records")):
        if r.get("date") is None and not r.get("item") and r.get("quantity") is None:
            continue
        codes: list[str] = []

        def say(code: str, field_name: str | None, value=None, severity: str = WARNING, **params) -> None:
            codes.append(code)
            problems.append(table.problem(code, i, field_name, value, severity, **params))

        qty, price, amount = quantity(r.get("quantity")), r.get("price"), r.get("amount")
        account = (r.get("account") or "").strip() or None
        opening = account is not None and fold(account) in {fold(x) for x in OPENING}
        cost = amount
        unread_cost = any(table.cell(i, f) in unread for f in ("price", "amount") if f in table.columns)
        unread_qty = "quantity" in table.columns and table.cell(i, "quantity") in bad_number
        if qty is not None and qty <= 0:  # nothing bought: not stock, and 数量 × 单价 means nothing
            say("supplies-bad-quantity", "quantity", str(shown_qty(qty)), ERROR)
            qty = None
            unread_qty = True
        if today and r.get("date") and r["date"] > today:
            say("supplies-future-date", "date", r["date"].isoformat(), today=today.isoformat())
        if qty is not None and price is not None:
            worked = (qty * price).quantize(FEN, rounding=ROUND_HALF_UP)
            if amount is None:
                cost = worked
            elif amount != worked:
                say("supplies-amount-mismatch", "amount", str(amount), ERROR, quantity=str(shown_qty(qty)),
                    price=str(price), worked=str(worked))
        if cost is None and not opening:
            if unread_cost or (unread_qty and price is not None):  # the reader said which cell it could not read
                codes.append("supplies-cost-unread")
            else:
                say("supplies-no-cost", "amount", None, ERROR)
        twice = False
        if not opening and r.get("date") is not None:
            if not r.get("approver"):
                say("supplies-no-approval", "approver", None, ERROR)
            invoice = (r.get("invoice") or "").strip()
            if not invoice:
                say("supplies-no-invoice", "invoice", None)
            else:
                key = fold(invoice).replace(" ", "")
                first = seen.get(key)
                if first is not None and (first["date"] != r.get("date") or item_key(first["item"]) ==
                                          item_key(r.get("item"))):  # entered twice: counted once
                    say("supplies-duplicate-invoice", "invoice", invoice, ERROR,
                        other=table.cell(first["i"], "invoice"))
                    twice = True
                seen.setdefault(key, {"i": i, "date": r.get("date"), "item": r.get("item")})
        out.append({"i": i, "row": int(table.data["_row"].iat[i]) + 1, "file": table.file, "sheet": table.sheet,
                    "cell": table.cell(i, "date"), "date": r.get("date"), "item": (r.get("item") or "").strip(),
                    "quantity": qty, "unit": r.get("unit"), "price": price, "amount": amount, "cost": cost,
                    "account": account, "handler": r.get("handler"), "approver": r.get("approver"),
                    "status": r.get("status") or "未报销", "invoice": (r.get("invoice") or "").strip() or None,
                    "opening": opening, "codes": codes,
                    "counted": not opening and cost is not None and not twice})  # in spending and claims
    return out


def _budget(table, year: Year, problems: list[Problem]) -> tuple[dict[str, Decimal] | None, dict[str, int]]:
    """The year's 预算金额 per 科目 (None: no budget kept at all), and the line of each.  A 年度 that is no year, or a
    科目 budgeted twice for one year, is an error at its cell (the first line stands)."""
    if table is None:
        return None, {}
    out: dict[str, Decimal] = {}
    rows: dict[str, int] = {}
    for i, r in enumerate(table.data.to_dict("records")):
        if r.get("year") is None and not r.get("account") and r.get("amount") is None:
            continue
        y = parse_year(r.get("year"))
        if y is None:
            if r.get("year") is not None:
                problems.append(table.problem("supplies-bad-year", i, "year", r.get("year"), ERROR))
            continue
        if y != year or not r.get("account") or r.get("amount") is None:
            continue
        account = r["account"].strip()
        same = next((a for a in out if fold(a) == fold(account)), None)
        if same is not None:
            problems.append(table.problem("supplies-budget-twice", i, "account", account, ERROR,
                                          other=table.cell(rows[same], "account")))
            continue
        out[account] = r["amount"]
        rows[account] = i
    return out, rows


def budget_years(table) -> list[Year]:
    """The years the budget table holds, in order."""
    if table is None:
        return []
    years = {parse_year(v) for v in table.data["year"].tolist()} if "year" in table.columns else set()
    return sorted((y for y in years if y), key=lambda y: y.start)


def _stock(lines: list[dict], issues, departments, problems: list[Problem],
           today: dt.date | None = None) -> tuple[list[dict], list[dict]]:
    """Stock per item in date order (purchases of a day before its 领用); a 领用 beyond the stock is not counted."""
    events = [(x["date"] or dt.date.max, 0, x["i"], "in", x) for x in lines if x["quantity"] is not None]
    taken = []
    if issues is not None:
        for i, r in enumerate(issues.data.to_dict("records")):
            if r.get("date") is None and not r.get("item") and r.get("quantity") is None:
                continue
            x = {"i": i, "row": int(issues.data["_row"].iat[i]) + 1, "file": issues.file, "sheet": issues.sheet,
                 "cell": issues.cell(i, "date"), "date": r.get("date"), "item": (r.get("item") or "").strip(),
                 "quantity": quantity(r.get("quantity")), "department": r.get("department"),
                 "person": r.get("person"), "codes": [], "counted": False, "unit": None, "left": None}
            taken.append(x)
            events.append((x["date"] or dt.date.max, 1, i, "out", x))
    events.sort(key=lambda e: e[:3])
    on_hand: dict[str, dict] = {}
    ever = {item_key(x["item"]): x for x in lines if x["item"]}  # bought at some time
    known_departments = {fold(d): d for d in departments}
    for _, _, _, kind, x in events:
        key = item_key(x["item"])
        if kind == "in":
            s = on_hand.setdefault(key, {"item": x["item"], "unit": x["unit"], "bought": Decimal(0),
                                         "opening": Decimal(0), "issued": Decimal(0), "left": Decimal(0)})
            s["opening" if x["opening"] else "bought"] += x["quantity"]
            s["left"] += x["quantity"]
            s["unit"] = s["unit"] or x["unit"]
            continue
        if x["date"] is None or x["quantity"] is None or not key:
            continue  # the reader says what is missing
        if x["quantity"] <= 0:  # a 领用 of nothing, or a return written as a negative: not counted
            x["codes"].append("supplies-bad-quantity")
            problems.append(issues.problem("supplies-bad-quantity", x["i"], "quantity", str(shown_qty(x["quantity"])),
                                           ERROR))
            continue
        if today and x["date"] > today:
            x["codes"].append("supplies-future-date")
            problems.append(issues.problem("supplies-future-date", x["i"], "date", x["date"].isoformat(), WARNING,
                                           today=today.isoformat()))
        if x["department"] and known_departments and fold(x["department"]) not in known_departments:
            x["codes"].append("supplies-unknown-department")
            problems.append(issues.problem("supplies-unknown-department", x["i"], "department", x["department"],
                                           WARNING, known="、".join(departments)))
        elif x["department"] and known_departments:
            x["department"] = known_departments[fold(x["department"])]
        s = on_hand.get(key)
        if s is None and key in ever:  # issued before it was first bought: none was on hand yet
            s = on_hand[key] = {"item": ever[key]["item"], "unit": ever[key]["unit"], "bought": Decimal(0),
                                "opening": Decimal(0), "issued": Decimal(0), "left": Decimal(0)}
        if s is None:
            near = difflib.get_close_matches(key, list(ever), n=1, cutoff=0.5)
            x["codes"].append("supplies-unknown-item")
            problems.append(issues.problem("supplies-unknown-item-near" if near else "supplies-unknown-item", x["i"],
                                           "item", x["item"], ERROR, **({"near": ever[near[0]]["item"]}
                                                                       if near else {})))
            continue
        if x["quantity"] > s["left"]:
            x["codes"].append("supplies-short")
            problems.append(issues.problem("supplies-short", x["i"], "quantity", str(shown_qty(x["quantity"])),
                                           ERROR, left=str(shown_qty(s["left"])), item=s["item"]))
            x["left"] = s["left"]
            continue
        s["left"] -= x["quantity"]
        s["issued"] += x["quantity"]
        x["counted"], x["left"], x["unit"], x["item"] = True, s["left"], s["unit"], s["item"]
    stock = sorted(on_hand.values(), key=lambda s: s["item"])
    return stock, taken


__all__ = ["SuppliesResult", "Year", "budget_years", "check_supplies", "parse_year"]
