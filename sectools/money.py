"""Money as finance offices keep it: exact (Decimal, to the 分), read from what clerks type (1,200.00 / ¥1200 /
1200元), shown with two decimals, and written in capital Chinese (大写) as on a voucher: 壹仟贰佰元整."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_MARKS = re.compile(r"[,，\s¥￥]|元整$|元$|人民币|RMB|CNY", re.I)


def parse_money(v, places: int = 2) -> tuple[Decimal | None, str | None]:
    """A cell → (amount, None), or (None, why): "not-money" (not a number), "fraction" (finer than a 分, or than
    ``places`` decimals: a unit price may be 0.125 元 a sheet), "negative" (an amount is written in 收入 or 支出, never
    below zero).  A float from Excel is read by its shortest decimal form to Excel's 15 significant digits (12.3,
    not 12.2999999…)."""
    if v is None or v == "" or isinstance(v, bool):
        return None, None
    if isinstance(v, int):
        d = Decimal(v)
    elif isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return None, "not-money"
        d = Decimal(format(v, ".15g"))  # what Excel shows: 15 significant digits (0.1+0.2 is 0.3)
    elif isinstance(v, Decimal):
        d = v
    else:
        s = _MARKS.sub("", str(v).strip())
        if not s:
            return None, None
        try:
            d = Decimal(s)
        except InvalidOperation:
            return None, "not-money"
        if not d.is_finite():
            return None, "not-money"
    step = Decimal(1).scaleb(-places)
    if d != d.quantize(step):
        return None, "fraction"
    if d < 0:
        return None, "negative"
    return (d.quantize(FEN) if d == d.quantize(FEN) else d.normalize()), None


def yuan(d: Decimal | None) -> str | None:
    """``Decimal('1200')`` → ``"1200.00"`` (the JSON's form: a string of yuan with two decimals)."""
    return None if d is None else f"{d.quantize(FEN, rounding=ROUND_HALF_UP):f}"


def shown(d: Decimal | None) -> str:
    """``1234.5`` → ``"1,234.50"`` (how a notice shows an amount in figures)."""
    return "" if d is None else f"{d.quantize(FEN, rounding=ROUND_HALF_UP):,.2f}"


def _section(g: int) -> str:
    """0 < g < 10000 in capitals: 1050 → 壹仟零伍拾."""
    out, zero = "", False
    for i, unit in enumerate(("仟", "佰", "拾", "")):
        d = g // 10 ** (3 - i) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + unit
    return out


def in_words(amount: Decimal) -> str:
    """人民币大写 as a voucher writes it (会计基础工作规范 §52): 1200 → 壹仟贰佰元整, 10005 → 壹万零伍元整, 1.05 → 壹元零伍分,
    0.5 → 伍角整, 100000 → 壹拾万元整, 0 → 零元整."""
    amount = amount.quantize(FEN, rounding=ROUND_HALF_UP)
    if amount < 0:
        return "负" + in_words(-amount)
    cents = int(amount * 100)
    n, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    head = ""
    if n:
        groups = []
        while n:
            groups.append(n % 10000)
            n //= 10000
        pending = False
        for k in range(len(groups) - 1, -1, -1):
            g = groups[k]
            if g == 0:
                pending = bool(head)
                continue
            if head and (pending or g < 1000):
                head += "零"
            pending = False
            head += _section(g) + ("", "万", "亿", "万亿")[k]
        head += "元"
    if not jiao and not fen:
        return (head or "零元") + "整"
    tail = (_DIGITS[jiao] + "角") if jiao else ("零" if head else "")
    if not fen:  # 到角为止的，角后写“整”（会计基础工作规范第五十二条）；有分的，分后不写
        return head + tail + "整"
    return head + tail + _DIGITS[fen] + "分"


__all__ = ["FEN", "in_words", "parse_money", "shown", "yuan"]
