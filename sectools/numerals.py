"""Chinese numerals as offices write them, both ways: 一 … 十、十一 … 九十九、一百、一百零一 … 一万零一.

``to_chinese`` writes heading numbers (一、二、… 一百零五、); ``from_chinese`` reads what clerks type in
ledger headers (第十二周、三十一日、两百). Both cover 0 … 99,999,999 (万 units); one implementation of each,
tested as a round trip.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LIMIT = 10 ** 8


def _below_10000(n: int, leading: bool) -> str:
    """1 … 9999; ``leading``: the number starts here, so 10 … 19 read 十 … 十九 (not 一十)."""
    out, zero = [], False
    for unit, word in _UNITS:
        d, n = divmod(n, unit)
        if d:
            if zero:
                out.append("零")
            zero = False
            if not (unit == 10 and d == 1 and leading and not out):
                out.append(DIGITS[d])
            out.append(word)
        elif out:
            zero = True
    if n:
        if zero:
            out.append("零")
        out.append(DIGITS[n])
    return "".join(out)


def to_chinese(n: int) -> str:
    """0 → 零, 10 → 十, 11 → 十一, 20 → 二十, 100 → 一百, 101 → 一百零一, 110 → 一百一十, 10001 → 一万零一."""
    if not 0 <= n < LIMIT:
        raise ValueError(f"{n} is outside 0 … {LIMIT - 1}")
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    if not high:
        return _below_10000(low, True)
    text = _below_10000(high, True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_10000(low, False)
    return text


def _section(s: str) -> int | None:
    total, digit, last_unit = 0, None, 10 ** 5
    for ch in s:
        if ch in _VALUE:
            if digit is not None and digit != 0 and _VALUE[ch] != 0:
                return None  # 二三: two digits without a unit between them
            digit = _VALUE[ch]
        elif ch in _UNIT:
            unit = _UNIT[ch]
            if unit >= last_unit or digit == 0:
                return None  # 十百, 零十: units out of order
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


def from_chinese(s: str) -> int | None:
    """``12`` / ``十二`` / ``二十`` / ``一百零五`` / ``两千`` / ``一万零一`` → the number; None when it is not one."""
    s = s.strip()
    if s.isascii() and s.isdigit():
        return int(s)
    if not s:
        return None
    if len(s) > 1 and all(ch in "〇零一二三四五六七八九" for ch in s):
        return None  # 二〇二六 is a year written digit by digit, not a number of units
    high, sep, low = s.partition("万")
    if sep:
        if not high or "万" in low:
            return None
        h, lo = _section(high), _section(low) if low else 0
        return None if h is None or lo is None or h == 0 else h * 10000 + lo
    return _section(s)
