"""The sign-in form's QR code, made here (segno: pure Python, no network — it runs in xlwings Lite too).

A link is printed only when it is one: ``http://`` or ``https://`` and no spaces, at most 1,000
characters (a QR code of a longer text is too dense to scan from paper)."""

from __future__ import annotations

import re
from functools import lru_cache

_LINK = re.compile(r"^https?://[^\s<>\"']{1,990}$", re.IGNORECASE)


def signin_link(value) -> str | None:
    """A cell or setting → the link to print, or None when it is not a web link."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    return v if _LINK.match(v) else None


@lru_cache(maxsize=32)
def qr_png(link: str, scale: int = 6) -> bytes:
    """The code as a PNG (black on white, the quiet zone of 4 modules scanners want)."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


def qr_svg_uri(link: str) -> str:
    """The code as an SVG data URI (the HTML notice)."""
    import segno

    return segno.make(link, error="m", micro=False).svg_data_uri(scale=4, border=4)
