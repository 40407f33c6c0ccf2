"""Table schemas as data.

A :class:`TableSpec` says what a table holds: canonical field names, the header labels clerks
use (Simplified, Traditional, English), each field's type, whether it is required and which
values it allows.  One engine (:mod:`sectools.reader`) reads every table from its spec.

Types: ``text``, ``name`` (a person's name), ``id`` (学号/工号, kept as text with every digit),
``date``, ``time``, ``datetime`` (a day and its time: a form's 提交时间), ``int``, ``number``, ``choice`` (a closed vocabulary), ``phone``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import re

from .normalize import fold, header_key, question_key

_JOINERS = re.compile(r"[/／、,，|｜]+")
_INSIDE = re.compile(r"[(（\[【〔]([^)）\]】〕]*)[)）\]】〕]")


def label_parts(label: str) -> list[str]:
    """``次数/人次`` → 次数, 人次; ``扣分（人次）`` → 扣分, 人次 (the words outside and inside brackets)."""
    inside = _INSIDE.findall(label)
    outside = _INSIDE.sub(" ", label)
    return [p.strip() for chunk in [outside] + inside for p in _JOINERS.split(chunk) if p.strip()]

# prose: words a clerk wrote to be read (a title, an event, progress): kept as typed — full-width ，（） and all —
# only trimmed; text: words sectools also matches (names of meetings, departments): NFKC-folded
TYPES = {"text", "prose", "name", "id", "date", "time", "datetime", "int", "number", "money", "price", "choice", "phone"}


@dataclass(frozen=True)
class Field:
    name: str
    labels: tuple[str, ...]  # first is the label sectools writes (Simplified Chinese)
    type: str = "text"
    required: bool = False
    # For choice fields: canonical value → accepted spellings (canonical itself always accepted)
    choices: dict[str, tuple[str, ...]] | None = None
    english: str = ""
    width: int | None = None  # column width in the workbooks sectools writes

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"unknown field type {self.type!r}")

    @property
    def label(self) -> str:
        return self.labels[0]

    @property
    def term(self):
        """The field's name as a message shows it, in the message's language."""
        from .messages import Term

        return Term(self.label, self.english or self.label)

    @cached_property
    def keys(self) -> frozenset[str]:
        ks = {header_key(x) for x in self.labels}
        if self.english:
            ks.add(header_key(self.english))
        return frozenset(k for k in ks if k)

    @cached_property
    def choice_map(self) -> dict[str, str]:
        """folded spelling → canonical value."""
        out: dict[str, str] = {}
        for canon, spellings in (self.choices or {}).items():
            for s in (canon, *spellings):
                out[fold(s)] = canon
        return out

    def allowed_text(self) -> str:
        """The values a clerk may type, in their words (a choice keyed by a code, personal_leave, is named
        by its first Chinese spelling, 事假)."""
        def word(key, spellings):
            return key if not key.isascii() else next((w for w in spellings if not w.isascii()), key)

        return "、".join(word(k, v) for k, v in (self.choices or {}).items())


@dataclass(frozen=True)
class TableSpec:
    name: str  # key under [tables.*]
    title: str  # what a clerk calls it: 名册
    fields: tuple[Field, ...]
    default_path: str = ""
    default_sheet: str | None = None
    key: str | None = None  # a field whose values must be unique
    english_title: str = ""
    questions: bool = False  # the labels are a form's questions (1、姓名, 您的学号：): see question_key

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @cached_property
    def by_key(self) -> dict[str, Field]:
        out: dict[str, Field] = {}
        for f in self.fields:
            for k in f.keys:
                out.setdefault(k, f)
        return out

    def match(self, label: str) -> Field | None:
        """The field a header label names.  Clerks join labels and add notes — ``次数/人次``,
        ``扣分（人次）``, ``分值（分）``: when the whole label is not known, its parts (split at
        ``/ 、 , |`` and the words inside brackets) are tried, and they must all agree on one field."""
        if not label:
            return None
        label = str(label)
        memo = self._matched
        if label in memo:  # every cell of a sheet's first rows is asked about, for every table
            return memo[label]
        if len(memo) > 20000:  # a long-running server reads many books: keep it bounded
            memo.clear()
        memo[label] = found = self._match(label)
        return found

    @cached_property
    def _matched(self) -> dict[str, Field | None]:
        return {}

    def _match(self, label: str) -> Field | None:
        # a unit in brackets says what a number column counts: 扣分（人次） holds person-times, not points
        for unit in _INSIDE.findall(label):
            f = self.by_key.get(header_key(unit))
            if f is not None and f.type in ("int", "number"):
                return f
        f = self.by_key.get(header_key(label))
        if f is not None:
            return f
        found = {f.name: f for f in (self.by_key.get(header_key(part)) for part in label_parts(label)) if f}
        if len(found) == 1:  # (by name: a choice field's dict of spellings is not hashable)
            return next(iter(found.values()))
        return self.by_key.get(question_key(label)) if self.questions and not found else None

    @property
    def required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def term(self):
        from .messages import Term

        return Term(self.title, self.english_title or self.name)

    def required_term(self, n: int | None = None):
        """The required columns' names (the first ``n``), as one list in the message's language."""
        from .messages import joined

        fields = self.required[:n] if n else self.required
        return joined([f.term for f in (fields or self.fields[:1])])

    def title_in(self, lang: str) -> str:
        from .messages import normalize_lang, to_traditional

        lang = normalize_lang(lang)
        if lang == "en":
            return self.english_title or self.name
        return to_traditional(self.title) if lang == "zh-TW" else self.title

