"""``[attendance]`` in sectools.toml: the office's attendance rules, with documented defaults.

.. code-block:: toml

    [attendance]
    grace_minutes = 0               # signing in later than start + grace is 迟到
    late_as_absent_minutes = 15     # later than start + this is 缺席 (旷会)
    lates_per_absence = 3           # every 3 迟到/早退 count as one more absence
    low_rate = 0.8                  # rates below this are highlighted in the report
    early_minutes = 30              # QR sign-in: a scan from 30 minutes before the start counts

    [[attendance.actions]]          # the escalation ladder, counted over all meetings in range
    absences = 2
    action = "提醒"
    notice = "考勤提醒"

    [[attendance.actions]]
    absences = 3
    action = "通报部长并撤销职务"
    notice = "考勤通报"

    [[attendance.actions]]          # a ladder for one meeting kind, counted over that kind only
    kind = "秘书处例会"
    absences = 3
    action = "视为自动退出"

The keys, their ranges and defaults are declared once in :mod:`sectools.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem
from ..settings import default, validate_section


@dataclass(frozen=True)
class Step:
    absences: int
    action: str
    notice: str | None = None
    kind: str | None = None  # None: counted over all meetings in range

    def rule_text(self, lang: str = "zh-CN") -> str:
        from ..messages import W, text

        return text("rule-text", lang, scope=self.kind or W("all-meetings"), n=self.absences, action=self.action)


DEFAULT_STEPS = tuple(Step(**a) for a in default("attendance", "actions"))


@dataclass(frozen=True)
class Rules:
    grace_minutes: int = default("attendance", "grace_minutes")
    late_as_absent_minutes: int = default("attendance", "late_as_absent_minutes")
    lates_per_absence: int = default("attendance", "lates_per_absence")
    low_rate: float = default("attendance", "low_rate")
    early_minutes: int = default("attendance", "early_minutes")
    steps: tuple[Step, ...] = DEFAULT_STEPS
    signin_form_url: str | None = None  # the sign-in form's link (a meeting's 签到链接 overrides it)

    def signin_link(self, meeting: dict) -> str | None:
        """The link a meeting's QR code opens: its own 签到链接, else the office's form; None: no code."""
        from ..qr import signin_link

        return signin_link(meeting.get("signin_url")) or signin_link(self.signin_form_url)

    def ladders(self) -> dict[str | None, list[Step]]:
        """kind (None for the general ladder) → steps, lowest first."""
        out: dict[str | None, list[Step]] = {}
        for s in self.steps:
            out.setdefault(s.kind, []).append(s)
        for v in out.values():
            v.sort(key=lambda s: s.absences)
        return out


def rules_from_config(section: dict) -> tuple[Rules, list[Problem]]:
    """``[attendance]`` (as in sectools.toml, or as the office already checked it) → rules, and
    its problems; a bad value keeps its default."""
    v, problems = validate_section("attendance", section)
    steps = tuple(Step(a["absences"], a["action"], a["notice"], a["kind"]) for a in v["actions"])
    return Rules(v["grace_minutes"], v["late_as_absent_minutes"], v["lates_per_absence"], v["low_rate"],
                 v["early_minutes"], steps, v["signin_form_url"]), problems
