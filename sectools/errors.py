"""Problems and exceptions.

A :class:`Problem` is one thing wrong with a clerk's input: where it is (file, sheet, cell),
a stable kebab-case ``code``, the bad value and what was expected.  Its text comes from
:mod:`sectools.messages` in the office's language.  The library collects problems and returns
them; it never prints or exits.  Front ends (CLI, Excel) turn them into messages once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str = ERROR
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    value: Any = None
    params: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = field(default=None, compare=False)  # a line of a text file (sectools.toml)

    @property
    def row(self) -> int | None:
        """The sheet row of its cell (C7 → 7); None when it names no cell."""
        import re

        m = re.search(r"(\d+)$", self.cell or "")
        return int(m.group(1)) if m else None

    # -- presentation -----------------------------------------------------------------
    def location(self) -> str:
        """``名册.xlsx › 成员!C7``, ``sectools.toml:12`` (only the parts that are known)."""
        parts = []
        if self.file:
            parts.append(f"{self.file}:{self.line}" if self.line is not None else self.file)
        place = ""
        if self.sheet:
            place = self.sheet
            if self.cell:
                place += "!" + self.cell
        elif self.cell:
            place = self.cell
        if place:
            parts.append(place)
        return " › ".join(parts)

    def message(self, lang: str = "zh-CN") -> str:
        from .messages import render

        return render(self, lang)

    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self, lang: str = "zh-CN") -> dict:
        """``line`` only when known: a workbook's problems keep the keys scripts already read."""
        out = {
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "code": self.code,
            "severity": self.severity,
            "value": _jsonable(self.value),
            "message": self.message(lang),
        }
        if self.line is not None:
            out["line"] = self.line
        return out

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        loc = self.location()
        return f"{loc}: [{self.code}] {self.message()}" if loc else f"[{self.code}] {self.message()}"


def _jsonable(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


class SectoolsError(Exception):
    """An error a clerk can act on.  Carries one or more problems."""

    def __init__(self, problems: Problem | list[Problem]):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(f"{p.location()} [{p.code}]" for p in self.problems))

    def message(self, lang: str = "zh-CN") -> str:
        lines = []
        for p in self.problems:
            loc = p.location()
            lines.append(f"{loc}: {p.message(lang)}" if loc else p.message(lang))
        return "\n".join(lines)


class WorkbookOpenError(SectoolsError):
    """The target file is open in Excel / WPS / LibreOffice, or locked."""


class ConfigError(SectoolsError):
    """sectools.toml is missing or wrong."""


class UnreadableFile(SectoolsError):
    """A workbook that cannot be read at all (corrupt, encrypted, a bomb, wrong format)."""


def os_problem(e: OSError) -> Problem:
    """An operating-system error a clerk can cause (a read-only folder, a full disk, a path too long,
    no permission, a file held by another program) as the problem that says what to do."""
    import errno

    file = e.filename if isinstance(e.filename, str) else (str(e.filename) if e.filename else "")
    detail = e.strerror or str(e)
    win = getattr(e, "winerror", None)
    code = {
        errno.EACCES: "os-permission", errno.EPERM: "os-permission",
        errno.EROFS: "os-read-only",
        errno.ENOSPC: "os-disk-full", getattr(errno, "EDQUOT", -1): "os-disk-full",
        errno.ENAMETOOLONG: "os-path-too-long",
        errno.ENOENT: "os-not-found",
        errno.EBUSY: "file-locked", getattr(errno, "ETXTBSY", -1): "file-locked",
    }.get(e.errno, "os-error")
    if win in (32, 33):  # another program (Excel, WPS, a sync client) has the file open
        code = "file-locked"
    elif win in (206, 3) and len(file) > 200:
        code = "os-path-too-long"
    elif win == 112:
        code = "os-disk-full"
    return Problem(code, file=file or None, params={"detail": detail, "count": len(file.encode("utf-8")),
                                                    "path": file or "—"})
