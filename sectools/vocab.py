"""The office's fixed words, each listed once: posts, the yes/no a clerk types, leave approval.

Every rule that needs one of these lists imports it from here, so a post added or a 是/否 spelling
accepted is accepted everywhere at once.
"""

from __future__ import annotations

POSTS = ("主席", "副主席", "秘书长", "副秘书长", "部长", "副部长", "干事")
"""Posts in their order of seniority (sign-in sheets and rosters are sorted by it)."""

HEAD_POSTS = POSTS[:-1]
"""Posts that lead (everyone but a 干事): expected at 部长级会议."""

YES = "是"
NO = "否"
YES_NO = {YES: ("批准", "已批准", "同意", "准", "通过", "√", "✓", "yes", "y", "true", "1", "ok"),
          NO: ("不批准", "未批准", "不同意", "驳回", "拒绝", "×", "✗", "no", "n", "false", "0")}
"""是/否 as a choice field's vocabulary: canonical word → the other ways clerks write it."""


def post_rank(post: str | None) -> int:
    """Seniority of a post for sorting (unknown posts last)."""
    return POSTS.index(post) if post in POSTS else len(POSTS)


def leave_approved(value: str | None) -> bool:
    """A leave counts as approved when its 批准 says 是 — or is left blank (reported as a warning
    by the leave table's own rule, never silently)."""
    return value in (YES, None)
