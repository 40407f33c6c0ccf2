"""考勤 outputs: the report workbook and the printable sign-in sheet."""

from __future__ import annotations

from ..dates import format_date_zh
from ..messages import L, Term, W, joined
from ..writer import Column, Sheet
from .compute import Result

MEMBER_COLUMNS = [
    ("id", "学号", "text"), ("name", "姓名", "text"), ("department", "部门", "text"), ("post", "职务", "text"),
    ("expected", "应到", "int"), ("present", "出席", "int"), ("late", "迟到", "int"), ("left_early", "早退", "int"),
    ("personal_leave", "事假", "int"), ("sick_leave", "病假", "int"), ("official_leave", "公假", "int"),
    ("absent", "缺席", "int"), ("counted_absences", "折算缺席", "int"), ("rate", "出勤率", "percent"),
    ("longest_absence_streak", "最长连续缺席", "int"), ("actions", "处理", "text"),
]
def _num(v):
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return v
    return None if f != f else f


def report_sheets(res: Result, office_name: str, lang: str = "zh-CN", period: str = "") -> list[Sheet]:
    low = res.rules.low_rate
    title = W("title-attendance-period", office=office_name, period=period) if period else \
        W("title-attendance", office=office_name)
    m = res.members
    gone = [x for x in res.left_out if x["reason"] == "no-signins"]
    ahead = [x for x in res.left_out if x["reason"] == "not-held"]
    said = [W("left-out-no-signins", count=len(gone), meetings="、".join(f"{x['date']} {x['meeting']}" for x in gone[:10]))
            ] if gone else []
    said += [W("left-out-not-held", count=len(ahead), first=min(x["date"] for x in ahead))] if ahead else []
    if res.arrival_only:  # a form records arrival only: nobody there is counted as having stayed, or as 早退
        said += [W("arrival-only", count=len(res.arrival_only),
                   meetings="、".join(f"{x['date']} {x['meeting']}" for x in res.arrival_only[:10]))]
    cols = MEMBER_COLUMNS
    if "unread" in m.columns and m["unread"].any():  # records that could not be read: counted apart, shown
        cols = cols[:cols.index(("absent", "缺席", "int")) + 1] + [("unread", "无法识别", "int")] + \
            cols[cols.index(("absent", "缺席", "int")) + 1:]
    members = Sheet(
        L("成员考勤"),
        [Column(L(lab), kind, low=low if key == "rate" else None,
                width=28 if key == "actions" else None) for key, lab, kind in cols],
        [[_num(v) if kind in ("int", "percent") else v for (key, _, kind), v in
          zip(cols, row)] for row in m[[k for k, _, _ in cols]].itertuples(index=False)],
        title=title, note=joined(said) if said else None,
    )
    d = res.departments
    dep_cols = [("department", "部门", "text"), ("members", "人数", "int"), ("expected", "应到", "int"),
                ("attended", "实到", "int"), ("late", "迟到/早退", "int"), ("leave", "请假", "int"),
                ("official", "其中公假", "int"), ("absent", "缺席", "int"), ("rate", "出勤率", "percent")]
    departments = Sheet(
        L("部门汇总"),
        [Column(L(lab), kind, low=low if key == "rate" else None) for key, lab, kind in dep_cols],
        [[_num(v) if kind != "text" else v for (key, _, kind), v in zip(dep_cols, row)]
         for row in d[[k for k, _, _ in dep_cols]].itertuples(index=False)],
        title=title, note=L("出勤率 = 实到 ÷（应到 − 公假）：公假既不算出席也不算缺席。"),
        charts=[{"type": "column", "categories": 0, "values": [8], "percent": True, "labels": True,
                 "title": L("各部门出勤率"),
                 "at": "A" + str(len(d) + 5), "width": 720, "height": 320}],
    )
    w = res.weeks
    dw = res.department_weeks
    deps = [c for c in dw.columns if c != "week"]
    week_rows = []
    for k, row in enumerate(w.itertuples(index=False)):
        extra = [_num(dw[c].iat[k]) for c in deps]
        week_rows.append([row.week, row.monday, int(row.meetings), _num(row.rate)] + extra)
    weeks = Sheet(
        L("按周"),
        [Column(L("周")), Column(L("周一"), "date"), Column(L("会议数"), "int"),
         Column(L("全体"), "percent", low=low)] + [Column(c, "percent") for c in deps],
        week_rows, title=title, heat=tuple(range(4, 4 + len(deps))),  # departments: a heat map, not ten lines
        charts=[{"type": "line", "categories": 0, "values": [3], "percent": True,
                 "title": L("每周出勤率（全体）"),
                 "at": "B" + str(len(week_rows) + 5), "width": 900, "height": 320}],
    )
    mt = res.meetings
    mt_cols = [("date", "日期", "date"), ("start", "开始", "time"), ("meeting", "会议", "text"),
               ("kind", "类型", "text"), ("place", "地点", "text"), ("expected", "应到", "int"),
               ("attended", "实到", "int"), ("late", "迟到", "int"), ("left_early", "早退", "int"),
               ("leave", "请假", "int"), ("absent", "缺席", "int"), ("rate", "出勤率", "percent"),
               ("absent_names", "缺席名单", "wrap"), ("leave_names", "请假名单", "wrap"),
               ("late_names", "迟到/早退名单", "wrap")]
    meetings = Sheet(
        L("会议明细"),
        [Column(L(lab), kind, low=low if key == "rate" else None,
                width=30 if kind == "wrap" else None) for key, lab, kind in mt_cols],
        [[_num(v) if kind in ("int", "percent") else (v or None) for (key, _, kind), v in zip(mt_cols, row)]
         for row in mt[[k for k, _, _ in mt_cols]].itertuples(index=False)],
        title=title,
    )
    act_cols = [Column(L(x)) for x in ("学号", "姓名", "部门", "职务")] + [
        Column(L("折算缺席"), "int"), Column(L("缺席"), "int"), Column(L("迟到/早退"), "int"),
        Column(L("处理"), width=18), Column(L("依据"), "wrap", width=36), Column(L("通知")),
        Column(L("相关会议"), "wrap", width=60)]
    unsure = any(a.get("unsure") for a in res.actions)  # records that could not be read: said beside the step
    if unsure:
        act_cols.insert(8, Column(L("待核实"), "wrap", width=36))
    actions = Sheet(
        L("处理名单"), act_cols,
        [[a["id"], a["name"], a["department"], a["post"], a["count"], a["absent"], a["late_or_early"], a["action"]]
         + ([a.get("unsure")] if unsure else []) + [a["rule"], a["notice"], "；".join(a["meetings"])]
         for a in res.actions],
        title=title, note=None if res.actions else L("没有达到处理标准的成员。"),
    )
    sheets = [members, departments, weeks, meetings, actions, trace_sheet(res, title)]
    if res.problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(res.problems, lang))
    return sheets


def trace_sheet(res: Result, title) -> Sheet:
    """Every member at every counted meeting: the status and the record cell it comes from, so an
    objection to a figure is checked in minutes (the cell is a link where the record can be opened)."""
    from .schema import STATUS_LABELS

    t = res.trace
    rows = []
    if t is not None and len(t):
        refs = t["source"].tolist() if "source" in t.columns else [None] * len(t)
        notes = t["note"].tolist() if "note" in t.columns else [None] * len(t)
        via_word = {"leave": L("请假记录"), "signin": L("签到记录"), "none": L("无记录"), "scan-missed": L("扫码（未计入）")}
        for sid, name, dep, d, m, st, via, ref, note in zip(
                t["id"].tolist(), t["name"].tolist(), t["department"].tolist(), t["date"].tolist(),
                t["meeting"].tolist(), t["status"].tolist(), t["via"].tolist(), refs, notes):
            rows.append([sid, name, dep, d, m, L(STATUS_LABELS[st]), via_word[via],
                         ref if ref is not None else L("没有签到或请假记录，记缺席"), note])
    return Sheet(L("考勤明细"), [Column(L("学号")), Column(L("姓名")), Column(L("部门")), Column(L("日期"), "date"),
                                Column(L("会议"), width=22), Column(L("结果")), Column(L("来源")),
                                Column(L("记录位置"), "link", width=34), Column(L("说明"), "wrap", width=40)],
                 rows, title=title)


# ---- the printable sign-in sheet ------------------------------------------------------------
SIGNIN_COLUMNS = (("序号", 6), ("部门", 10), ("姓名", 10), ("职务", 9), ("签到时间", 11), ("本人签名", 16), ("备注", 16))


def signin_title(meeting: dict, office_name: str):
    return W("title-signin", office=office_name, meeting=meeting["meeting"])


def signin_when(meeting: dict):
    """The meeting's day and times: 2026年3月8日（星期日） 19:00–20:00, or 2026-03-08 (Sun) 19:00–20:00."""
    times = ""
    if meeting.get("start"):
        times = " " + meeting["start"].strftime("%H:%M")
        if meeting.get("end"):
            times += "–" + meeting["end"].strftime("%H:%M")
    d = meeting["date"]
    return Term(format_date_zh(d, weekday=True) + times, f"{d.isoformat()} ({d:%a})" + times)


def signin_rows(people: list[dict]) -> list[list]:
    return [[i + 1, p["department"], p["name"], p["post"], None, None, p.get("note")] for i, p in enumerate(people)]


def signin_sheet_data(meeting: dict, people: list[dict], office_name: str) -> Sheet:
    """The sign-in sheet as data (the Excel button puts it into the open book; the file is the same layout)."""
    title = W("signin-heading", title=signin_title(meeting, office_name), when=signin_when(meeting),
              place=meeting.get("place") or "")
    return Sheet(L("签到表"), [Column(L(label), width=w) for label, w in SIGNIN_COLUMNS], signin_rows(people), title=title)
