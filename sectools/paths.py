"""File names made from cell values (a department, a person, a meeting): safe on Windows,
macOS and Linux, never leaving the output folder; and the folders a server may open."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_BAD = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


MAX_STEM_BYTES = 150  # leaves room for a kind prefix, a (2) and the suffix within 255 bytes


def safe_filename(name: str, max_len: int = 80, fallback: str = "未命名") -> str:
    """A cell value → a file name stem: no path separators or reserved characters, no ``..``,
    no reserved device names, no trailing dots or spaces, full-width forms folded, at most
    ``max_len`` characters and ``MAX_STEM_BYTES`` bytes of UTF-8."""
    s = unicodedata.normalize("NFKC", str(name))
    s = _INVISIBLE.sub("", s)
    s = _BAD.sub("_", s)
    s = re.sub(r"\.{2,}", ".", s)
    s = re.sub(r"\s+", " ", s).strip(" .")
    if s.split(".")[0].upper() in _RESERVED:
        s = "_" + s
    if len(s) > max_len:
        s = s[:max_len].rstrip(" .")
    while len(s.encode("utf-8")) > MAX_STEM_BYTES:  # 80 emoji are 320 bytes: past a file system's 255
        s = s[:-1].rstrip(" .")
    return s or fallback


FOLDERS_ENV = "SECTOOLS_SERVER_FOLDERS"  # os.pathsep-separated; set (even empty) by ``sectools excel serve``


def allowed_folder(folder: Path) -> bool:
    """On the server, an office folder a book names must be inside one of the allowed folders;
    on a clerk's own machine (no allow-list set) any folder is theirs to open."""
    allow = os.environ.get(FOLDERS_ENV)
    if allow is None:
        return True
    try:
        real = Path(folder).resolve()
    except OSError:
        return False
    for root in (p for p in allow.split(os.pathsep) if p.strip()):
        r = Path(root).resolve()
        if real == r or r in real.parents:
            return True
    return False
