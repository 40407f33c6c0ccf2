"""``[attendance]`` in sectools.toml: the office's attendance rules, with documented defaults.

.. code-block:: toml

    [attendance]
    grace_minutes = 0               # signing in later than start + grace is 迟到
    late_as_absent_minutes = 15     # later than start + this is 缺席 (旷会)
    lates_per_absence = 3           # every 3 迟到/早退 count as one more absence
    low_rate = 0.8                  # rates below this are highlighted in the report

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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem


@dataclass(frozen=True)
class Step:
    absences: int
    action: str
    notice: str | None = None
    kind: str | None = None  # None: counted over all meetings in range

    def rule_text(self, lang: str = "zh-CN") -> str:
        scope = self.kind or ("all meetings" if lang == "en" else "全部会议")
        if lang == "en":
            return f"{scope}: counted absences ≥ {self.absences} → {self.action}"
        return f"{scope}：折算缺席 ≥ {self.absences} 次 → {self.action}"


DEFAULT_STEPS = (
    Step(2, "提醒", "考勤提醒"),
    Step(3, "通报部长并撤销职务", "考勤通报"),
)


@dataclass(frozen=True)
class Rules:
    grace_minutes: int = 0
    late_as_absent_minutes: int = 15
    lates_per_absence: int = 3
    low_rate: float = 0.8
    steps: tuple[Step, ...] = DEFAULT_STEPS

    def ladders(self) -> dict[str | None, list[Step]]:
        """kind (None for the general ladder) → steps, lowest first."""
        out: dict[str | None, list[Step]] = {}
        for s in self.steps:
            out.setdefault(s.kind, []).append(s)
        for v in out.values():
            v.sort(key=lambda s: s.absences)
        return out


def rules_from_config(section: dict) -> tuple[Rules, list[Problem]]:
    problems: list[Problem] = []

    def bad(key, value, expected):
        problems.append(Problem("config-bad-value", file="sectools.toml", value=value,
                                params={"key": f"attendance.{key}", "expected": expected}))

    kw: dict = {}
    for key, lo in (("grace_minutes", 0), ("late_as_absent_minutes", 0), ("lates_per_absence", 1)):
        if key in section:
            v = section[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < lo:
                bad(key, v, f"不小于 {lo} 的整数 / a whole number ≥ {lo}")
            else:
                kw[key] = v
    if "low_rate" in section:
        v = section["low_rate"]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
            bad("low_rate", v, "0 到 1 之间的小数，如 0.8 / a fraction such as 0.8")
        else:
            kw["low_rate"] = float(v)
    if "actions" in section:
        steps = []
        acts = section["actions"]
        if not isinstance(acts, list):
            bad("actions", acts, "[[attendance.actions]] 段 / array of tables")
            acts = []
        for a in acts:
            if not isinstance(a, dict) or not isinstance(a.get("absences"), int) or a.get("absences", 0) < 1 \
                    or not isinstance(a.get("action"), str) or not a["action"].strip():
                bad("actions", a, "absences = 正整数, action = \"处理办法\"")
                continue
            kind = a.get("kind")
            steps.append(Step(a["absences"], a["action"].strip(), a.get("notice"), kind.strip() if kind else None))
        kw["steps"] = tuple(steps)
    rules = Rules(**kw)
    if rules.late_as_absent_minutes < rules.grace_minutes:
        bad("late_as_absent_minutes", rules.late_as_absent_minutes, "不小于 grace_minutes / ≥ grace_minutes")
    return rules, problems
