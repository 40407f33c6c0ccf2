"""通知 / 通报 / 公示 / 催办 / 会议纪要: Word templates → .docx (GB/T 9704 layout), HTML, chat text
and PDF, one file per recipient or combined.

Each kind (:data:`KINDS`) builds its recipients from results the job layer hands it
(``sectools.jobs.notice`` renders them); nothing here reads the office's files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .kinds import KINDS, Options

FORMATS = ("docx", "html", "txt", "pdf")
SUFFIX = {"docx": ".docx", "html": ".html", "txt": ".txt", "pdf": ".pdf"}

__all__ = ["KINDS", "FORMATS", "SUFFIX", "Options", "Rendered", "kinds_list"]


@dataclass
class Rendered:
    kind: str
    subject: str
    doc_number: str
    files: list[Path] = field(default_factory=list)
    recipients: int = 0
    choices: list = field(default_factory=list)  # defaults the job took (which meeting, week …)
    said: list = field(default_factory=list)  # lines for the clerk: who got no notice and why, what is missing


def kinds_list(lang: str = "zh-CN") -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, one line about it in ``lang``, the recipients it accepts) for every kind."""
    from ..messages import text

    return [(k.name, text("about-" + k.name, lang), k.per) for k in KINDS.values()]

