"""档案 workbooks: the changes between two semesters; the roster with the attendance ladder's actions applied."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Sheet

KIND_COLORS = {"加入": "green", "调整部门": "blue", "职务变动": "blue", "撤职": "red", "退出": "yellow"}


def _day(v):
    import datetime as dt

    try:
        return dt.date.fromisoformat(v) if isinstance(v, str) else v
    except ValueError:
        return v


def changes_sheet(found: list[dict], office_name: str, before: str, after: str) -> Sheet:
    colors = {L(k): v for k, v in KIND_COLORS.items()}
    return Sheet(L("档案变动"), [
        Column(L("变动"), colors=colors), Column(L("学号"), width=13), Column(L("姓名")), Column(L("部门"), width=10),
        Column(L("变动前"), width=14), Column(L("变动后"), width=14), Column(L("日期"), "date", width=11)],
        [[L(c["kind"]), c["id"], c["name"], c["department"], c["before"],
          L(c["after"]) if c["after"] == "不在名册" else c["after"], _day(c["date"])] for c in found],
        title=W("title-archive-diff", office=office_name, before=L(before) if before == "现在" else before,
                after=L(after) if after == "现在" else after),
        note=None if found else L("两次之间名册没有变动。"))


def applied_sheet(office_name: str, members: list[dict], applied: list[dict], today) -> Sheet:
    """The roster as read with the ladder's 撤职 / 退出 set (the clerk's to adopt)."""
    import datetime as dt
    from dataclasses import replace

    from .. import demo
    from ..scaffold import roster_sheet

    def day(v):
        return dt.date.fromisoformat(v) if isinstance(v, str) and len(v) == 10 else v

    people = [demo.Member(m["id"], m["name"], m.get("gender"), m.get("department"), m.get("post"),
                          m.get("class_name"), m.get("phone"), day(m.get("joined")), day(m.get("left")),
                          m.get("status")) for m in members]
    sheet = roster_sheet(office_name, people)
    return replace(sheet, title=f"{office_name}成员名册（按考勤处理后，{today.isoformat()}）",
                   note=W("archive-applied-note", count=len(applied),
                          names="、".join(f"{a['name']}（{a['after']}）" for a in applied)))
