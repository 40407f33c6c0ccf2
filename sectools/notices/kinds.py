"""The notice kinds and what each says: one function per kind builds the recipients and their
fields from the office's data (the same attendance results as the report — one source of truth).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from ..dates import format_date_zh


@dataclass
class Recipient:
    label: str  # who it is for: a person, a department, or the office
    context: dict


@dataclass
class Batch:
    kind: str
    subject: str  # what it is about (a meeting, a period); keys the 文号 register
    recipients: list[Recipient]
    key: str = ""  # the period or meeting in file names (<种类>_<期间>[_<对象>]); default: subject
    said: list = field(default_factory=list)  # lines for the clerk (recipients left out and why): never silent


@dataclass
class Options:
    meeting: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    per: str | None = None  # member | department
    today: dt.date = field(default_factory=dt.date.today)
    week: str | None = None
    month: tuple[int, int] | None = None  # 催办通知: which month's plans
    period: str | None = None  # 考核结果通知: which appraisal period
    dated: bool = False  # the date of issue was given (--date): a notice for a past meeting is meant
    force: bool = False  # --force: make it anyway
    extra: dict = field(default_factory=dict)  # results a workflow already has (ranking publish)


@dataclass(frozen=True)
class Kind:
    name: str  # its one line for `notices list` is TEXTS["about-<name>"] in sectools.messages
    per: tuple[str, ...]  # the --for values it accepts; the first is its default
    build: Callable
    numbered: bool = True  # takes a 文号 (a form to fill in and sign does not)


def _t(office, s: str, **params) -> str:
    """Wording sectools supplies (not data), in the office's language: a phrase of the catalogue's
    notice words, or (with params) a catalogue text."""
    from ..messages import NOTICE_WORDS, Term, text

    if params:
        return text(s, office.lang, **params)
    return Term(s, NOTICE_WORDS[s]).render(office.lang)


def _date(office, d, weekday: bool = False) -> str:
    """A date as the office writes it: 2026年3月8日（星期日）, or 2026-03-08 (Sun) in English."""
    if office.lang == "en":
        return d.isoformat() + (f" ({d:%a})" if weekday else "")
    from ..messages import Term

    return Term(format_date_zh(d, weekday=weekday)).render(office.lang)


def _pct(v) -> str:
    return "—" if v is None or v != v else f"{v:.1%}"


def _period(office, opts: Options) -> str:
    a = opts.date_from or office.semester_start
    b = opts.date_to or office.semester_end
    if a and b:
        return _t(office, "date-range", start=_date(office, a), end=_date(office, b))
    return _t(office, "本学期")


def _period_key(office, opts: Options) -> str:
    """The attendance period in file names (the same as the attendance report's)."""
    from ..dates import span_key

    a = opts.date_from or office.semester_start
    b = opts.date_to or office.semester_end
    return span_key(a, b) if a and b else _t(office, "本学期")


def _attendance(data, opts: Options):
    return data.attendance(opts.date_from, opts.date_to, opts.force)


def _top_rule(office, res) -> tuple[str, int]:
    general = res.rules.ladders().get(None, [])
    top = general[-1] if general else None
    rule = _t(office, "n-rule", rule=top.rule_text(office.lang)) if top else _t(office, "《考勤制度》")
    return rule, (top.absences if top else 3)


def _meeting_fields(office, meeting: dict, expected: int) -> dict:
    start, end = meeting.get("start"), meeting.get("end")
    when = _date(office, meeting["date"], weekday=True) + (f" {start.strftime('%H:%M')}" if start else "")
    time = (start.strftime("%H:%M") if start else "") + (f"—{end.strftime('%H:%M')}" if end else "")
    return {"name": meeting["meeting"], "when": when, "time": time or _t(office, "时间另行通知"),
            "day": _date(office, meeting["date"], weekday=True),
            "place": meeting.get("place") or _t(office, "另行通知"),
            "scope": meeting.get("scope") or _t(office, "全体成员"),
            "host": meeting.get("host") or _t(office, "主席团"), "recorder": meeting.get("recorder") or _t(office, "秘书处"),
            "expected": expected, "kind": meeting.get("kind") or ""}


def _signin_code(link: str | None) -> dict:
    """``meeting.signin_url`` and the QR code of it (empty: the notice has no 扫码签到 paragraph)."""
    from .engine import qr_markup

    return {"signin_url": link or "", "signin_qr": qr_markup(link) if link else ""}


def meeting_notice(office, opts: Options, data) -> Batch:
    from ..attendance.rules import rules_from_config

    m, people = data.signin_sheet(opts.meeting, opts.today)
    if m["date"] < opts.today and not (opts.dated or opts.force):
        from ..errors import Problem, SectoolsError

        raise SectoolsError(Problem("meeting-in-past", value=m["meeting"], params={"date": m["date"].isoformat()}))
    rules, _ = rules_from_config(office.section("attendance"))
    general = rules.ladders().get(None, [])
    ctx = {
        "addressee": _t(office, "各部门") if (m.get("scope") or "全体") in ("全体", "") else str(m["scope"]),
        "meeting": {**_meeting_fields(office, m, len(people)), **_signin_code(rules.signin_link(m))},
        "rules": {"late_as_absent_minutes": rules.late_as_absent_minutes, "early_minutes": rules.early_minutes,
                  "top_absences": general[-1].absences if general else 3},
    }
    return Batch("会议通知", f"{m['date']}_{m['meeting']}", [Recipient(office.name, ctx)])


def _person(a: dict, member_rows: dict) -> dict:
    r = member_rows.get(a["id"], {})
    return {"name": a["name"], "department": a["department"] or "", "post": a["post"] or "",
            "expected": int(r.get("expected", 0)), "absent": a["absent"], "late": a["late_or_early"],
            "counted": a["count"], "rate": _pct(r.get("rate")), "meetings": a["meetings"], "action": a["action"]}


def _actions_for(res, notice: str) -> list[dict]:
    return [a for a in res.actions if (a.get("notice") or "") == notice]


def attendance_reminder(office, opts: Options, data) -> Batch:
    res = _attendance(data, opts)
    rows = {r["id"]: r for r in res.members.to_dict("records")}
    acts = _actions_for(res, "考勤提醒")
    period = _period(office, opts)
    out = []
    for a in acts:
        p = _person(a, rows)
        out.append(Recipient(f"{a['department']}_{a['name']}", {
            "period": period, "person": p,
            "rule": _t(office, "n-rule", rule=a["rule"])}))
    return Batch("考勤提醒", period, out, _period_key(office, opts))


def attendance_report(office, opts: Options, data) -> Batch:
    res = _attendance(data, opts)
    rows = {r["id"]: r for r in res.members.to_dict("records")}
    acts = _actions_for(res, "考勤通报")
    period = _period(office, opts)
    # One entry per person, with every rule that fired for them (two ladders: one entry, both rules).
    by_member: dict[str, list[dict]] = {}
    for a in acts:
        by_member.setdefault(a["id"], []).append(a)
    people = []
    for group in by_member.values():
        p = _person(group[0], rows)
        p["action"] = "；".join(dict.fromkeys(a["action"] for a in group))
        p["rules"] = "；".join(dict.fromkeys(a["rule"] for a in group))
        people.append(p)
    cited = list(dict.fromkeys(a["rule"] for a in acts))
    rule = _t(office, "n-rule", rule="；".join(cited)) if cited else _top_rule(office, res)[0]
    per = opts.per or "department"
    if per == "member":
        out = [Recipient(f"{p['department']}_{p['name']}", {"period": period, "people": [p],
                                                              "addressee": p["department"] or _t(office, "各部门"), "rule": rule})
               for p in people]
    else:
        groups: dict[str, list[dict]] = {}
        for p in people:
            groups.setdefault(p["department"] or _t(office, "未填部门"), []).append(p)
        out = [Recipient(d, {"period": period, "people": ps, "addressee": d, "rule": rule})
               for d, ps in groups.items()]
    return Batch("考勤通报", period, out, _period_key(office, opts))


def minutes(office, opts: Options, data) -> Batch:
    m = data.meeting_held(opts.meeting, opts.today)
    res = data.attendance(m["date"], m["date"], opts.force)
    row = res.meetings[(res.meetings["meeting"] == m["meeting"])]
    r = row.iloc[0] if len(row) else None
    present = _names_present(res, m) if r is not None else ""
    decisions = _decisions(office, m, data)
    ctx = {
        "meeting": _meeting_fields(office, m, int(r["expected"]) if r is not None else 0),
        "present": present or _t(office, "无"), "present_count": int(r["attended"]) if r is not None else 0,
        "on_leave": (r["leave_names"] if r is not None else "") or _t(office, "无"),
        "absent": (r["absent_names"] if r is not None else "") or _t(office, "无"),
        "attending": _t(office, "无"),
        "decisions": decisions,
    }
    said = [] if decisions else [_t(office, "minutes-no-decisions", meeting=m["meeting"],
                                    path=office.table("decisions").path)]
    return Batch("会议纪要", f"{m['date']}_{m['meeting']}", [Recipient(office.name, ctx)], said=said)


def _names_present(res, m) -> str:
    import numpy as np

    from ..attendance.compute import CODE, names_of
    from ..attendance.schema import ATTENDED

    mt = res.meeting_index
    ks = [k for k in range(len(mt)) if mt["meeting"].iat[k] == m["meeting"] and mt["date"].iat[k] == m["date"]]
    if not ks:
        return ""
    col = res.status[:, ks[0]]
    return names_of(res.member_index, np.isin(col, [CODE[s] for s in ATTENDED]))


def numeral(office, n: int) -> str:
    """A heading number as the office writes it: 一 … 十、十一 … 九十九、一百、一百零一 (1, 2 … in English)."""
    from ..numerals import LIMIT, to_chinese

    return str(n) if office.lang == "en" or not 0 < n < LIMIT else to_chinese(n)


def _decisions(office, m, data) -> list[dict]:
    out = []
    t = data.table("decisions")
    if t is not None:
        for d, name, item, owner, due in zip(t.data["date"], t.data["meeting"], t.data["item"], t.data["owner"],
                                             t.data["due"]):
            if (d and d != m["date"]) or (name and name != m["meeting"]) or not item:
                continue
            out.append({"item": item, "owner": owner or "—", "due": _date(office, due) if due else "—"})
    for i, d in enumerate(out):  # none: the section and its lead-in are left out of the 纪要
        d["number"] = numeral(office, i + 1)
    return out


def praise(office, opts: Options, data) -> Batch:
    res = _attendance(data, opts)
    m = res.members
    least = int(office.section("notices").get("praise_min_meetings", 3))
    best = m[(m["rate"] >= 1.0) & (m["expected"] >= least) & (m["late"] + m["left_early"] == 0)
             & (m["unread"] == 0)]  # a record that could not be read may be an absence: no praise on it
    roster = data.table("roster")
    if roster is not None and len(roster.data):  # praised "记入个人档案": only who still serves (not 已退出 / 撤职)
        gone = {i for i, status, left in zip(roster.data["id"], roster.data["status"], roster.data["left"])
                if status in ("已退出", "撤职") or left is not None}
        best = best[~best["id"].isin(gone)]
    groups = []
    for dep in list(office.departments) + sorted(set(best["department"].dropna()) - set(office.departments)):
        names = best[best["department"] == dep]["name"].tolist()
        if names:
            groups.append({"department": dep, "names": "、".join(names)})
    period = _period(office, opts)
    if not groups:
        return Batch("表扬", period, [], _period_key(office, opts))
    ctx = {"addressee": _t(office, "各部门"), "period": period, "groups": groups,
           "count": int(len(best))}
    return Batch("表扬", period, [Recipient(office.name, ctx)], _period_key(office, opts))


def criticism(office, opts: Options, data) -> Batch:
    res = _attendance(data, opts)
    rows = {r["id"]: r for r in res.members.to_dict("records")}
    _, top = _top_rule(office, res)
    people = [_person(a, rows) for a in res.actions if a["kind"] is None and a["count"] >= top and not a.get("pending")]
    # the rule book's own rule for criticism (屡次无故缺席 → 公开提出批评), not the ladder's 撤职 step it counts by
    rule = _t(office, "n-criticism-rule", n=top)
    period = _period(office, opts)
    if not people:
        return Batch("通报批评", period, [], _period_key(office, opts))
    ctx = {"addressee": _t(office, "各部门"), "period": period, "people": people,
           "rule": rule}
    return Batch("通报批评", period, [Recipient(office.name, ctx)], _period_key(office, opts))


def ranking_notice(office, opts: Options, data) -> Batch:
    from ..ranking.compute import rules_from_config, week_name, week_text as dated_week

    res = opts.extra.get("result") or data.ranking_week(opts.week, opts.today)
    dl = opts.extra.get("deadlines") or data.ranking_deadlines(res.week)
    rules, _ = rules_from_config(office.section("ranking"))
    week_title = week_name(res.week, office.semester).render(office.lang)
    week_text = dated_week(res.week, office.semester).render(office.lang)
    grades = []
    for i, (grade, sub) in enumerate(res.table.groupby("grade", sort=True)):
        classes = [{"rank": int(r["rank"]), "name": r["class_name"], "score": f"{r['score']:g}",
                    "bonus": f"{r['bonuses']:g}", "deduction": f"{r['deductions']:g}",
                    "flag": "★" if r["red_flag"] else ""}
                   for r in sub.sort_values(["rank", "class_name"]).to_dict("records")]
        grades.append({"number": numeral(office, i + 1), "grade": grade, "classes": classes})
    flags = "、".join(res.table[res.table["red_flag"]]["class_name"].tolist()) or _t(office, "无")
    tie = (_t(office, "中国式排名，并列名次不占位（1、2、2、3）") if rules.tie_method == "dense"
           else _t(office, "并列名次占位（1、2、2、4）"))
    ctx = {"week_text": week_text, "week_title": week_title, "base": f"{rules.base_score:g}", "tie_text": tie,
           "grades": grades, "flags": flags, "corrections": opts.extra.get("corrections") or [],
           "verify_code": opts.extra.get("verify_code") or "",
           "objection_end": _date(office, dl["objection_end"].date()) + dl["objection_end"].strftime(" %H:%M")}
    return Batch("量化考核公示", res.week, [Recipient(office.name, ctx)])


def plan_reminder(office, opts: Options, data) -> Batch:
    from ..plans import KIND_LABELS, month_label

    res = opts.extra.get("collected") or data.plans(opts.month, "plan", opts.today)
    if any(p.code == "month-folder-missing" for p in res.problems):
        from ..errors import SectoolsError

        raise SectoolsError([p for p in res.problems if p.code == "month-folder-missing"])
    wd = data.workdays()
    new_due = wd.add_workdays(max(opts.today, res.due.date()) + dt.timedelta(days=1), 1)
    out = []
    for r in res.rows:
        if r["status"] not in ("missing", "late", "incomplete"):
            continue
        if r["status"] == "missing" and opts.today <= res.due.date():
            continue  # not due yet: nothing to chase
        state = _t(office, "尚未提交") if r["status"] == "missing" else \
            _t(office, "已提交，但没有填写工作条目") if r["status"] == "incomplete" else \
            _t(office, "n-handed-in-late", date=_date(office, r["handed_in"].date()))
        out.append(Recipient(r["department"], {
            "department": r["department"], "month_text": _t(office, "month-name", year=res.month[0], month=res.month[1]),
            "kind_text": _t(office, KIND_LABELS[res.kind]), "due_text": _date(office, res.due.date()),
            "checked_text": _date(office, opts.today), "state_text": state,
            "new_due_text": _date(office, new_due),
            "chase": r["status"] != "late",  # handed in late: said and recorded, never asked for again
            "subject_text": _t(office, "n-chase-subject" if r["status"] != "late" else "n-late-subject",
                               month=_t(office, "month-name", year=res.month[0], month=res.month[1]),
                               kind=_t(office, KIND_LABELS[res.kind]))}))
    return Batch("催办通知", f"{month_label(res.month)}_{res.kind}", out,
                 f"{month_label(res.month)}_{KIND_LABELS[res.kind]}")


def kpi_result(office, opts: Options, data) -> Batch:
    res = opts.extra.get("kpi") or data.kpi(opts.period, opts.today)
    partial = [p for p in res.problems if p.code == "kpi-partial-attendance"]
    if partial and not opts.force:  # a result notice on incomplete attendance would tell people the wrong score
        from ..errors import ERROR, Problem, SectoolsError

        raise SectoolsError([Problem(p.code, ERROR, p.file, p.sheet, p.cell, p.value, p.params) for p in partial])
    label = res.period
    period_text = _t(office, "month-name", year=label[:4], month=int(label[5:])) \
        if len(label) == 7 and label[4] == "-" else label
    weights = {i["name"]: i["weight"] for i in res.indicators}
    out = []
    # a score computed from some of the rater groups is a result still to come — and with it everyone's ranks,
    # the 优秀 quota and the bonus shares every notice states: none is made until the ratings are complete
    held = [r for r in res.rows if r.get("partial")]
    if held and not opts.force:
        from ..errors import ERROR, Problem, SectoolsError

        raise SectoolsError(Problem("kpi-ratings-incomplete", ERROR, value=label, params={
            "count": len(held), "names": "、".join(r["name"] for r in held[:10])}))
    for r in res.rows:
        def weight(n) -> dict:  # a bonus indicator has no weight: it is added as it is (直接加减分)
            w = weights.get(n, 0)
            bonus = _t(office, "直接加减分")
            return {"weight": f"{w:g}", "weight_text": _t(office, "n-weight", w=f"{w:g}") if w else bonus,
                    "weight_cell": f"{w:g}" if w else bonus}

        inds = [{"name": n, "score": f"{v:g}", **weight(n)} for n, v in r["indicators"].items()]
        zero = res.missing_rule == "zero"
        sources = {i["name"]: i["source"] for i in res.indicators}
        inds += [{"name": n, "score": _t(office, ("n-no-data-zero" if sources.get(n, "手工评分") != "手工评分" else
                                                  "n-missing-zero") if zero else "n-missing-excluded", x=0),
                  **weight(n)} for n in r.get("missing", [])]
        bonus = _t(office, "n-bonus", amount=r["bonus"]) if "bonus" in r else ""
        out.append(Recipient(f"{r['department']}_{r['name']}", {
            "period_text": period_text,
            "person": {"name": r["name"], "department": r["department"] or "", "total": f"{r['total']:g}",
                       "grade": r["grade"], "rank_department": r["rank_department"], "rank_overall": r["rank_overall"]},
            "indicators": inds, "bonus_text": bonus}))
    return Batch("考核结果通知", label, out)


def seal_form(office, opts: Options, data) -> Batch:
    """用印审批单: one per use — the register rows asked for, else each use still without an approver."""
    uses = data.seal_form_uses(opts.extra.get("rows") or None, opts.today)
    out, said = [], []
    for u in uses:
        if "no-approval" in u["codes"]:  # its day has passed: the form is an approval after the fact
            said.append(_t(office, "n-seal-form-late", row=u["row"], date=u["date"].isoformat()))
        allowed = "、".join(u["seal_allowed"]) or _t(office, "未规定")
        if u["money_allowed"]:
            allowed += _t(office, "n-money-approvers", names="、".join(u["money_allowed"]))
        out.append(Recipient(f"{u['date']}_{u['document'] or u['row']}", {"use": {
            "date": _date(office, u["date"]), "seal": u["seal"] or "", "document": u["document"] or "",
            "purpose": u["purpose"] or "", "copies": u["copies"] if u["copies"] is not None else "",
            "involves": u["involves"] or "", "handler": u["handler"] or "", "keeper": u["keeper"] or "",
            "may_approve": allowed, "approver": u["approver"] or "",
            "approved_on": _date(office, u["approved_on"]) if u["approved_on"] else "　　年　　月　　日",
            "place": f"{u['file']} › {u['sheet']}!{u['cell']}",
            "money_approvers": "、".join(u["money_allowed"]) or _t(office, "有权审批的负责人")}}))
    return Batch("用印审批单", "用印审批单", out, key="", said=said)  # 用印审批单_<日期>_<文件名称>: a file per use


def document_form(office, opts: Options, data) -> Batch:
    """文书处理单: one per document — the numbers or rows asked for, else each newly received one."""
    docs = data.document_form_docs(opts.extra.get("numbers") or None, opts.extra.get("rows") or None, opts.today,
                                   opts.force)
    out = []
    for d in docs:
        circulation = "、".join(f"{n}（{_date(office, w) if w else _t(office, '已阅')}）" if read else n
                               for n, read, w in d["readers"])
        out.append(Recipient(f"{d['received'] or d['row']}_{d['title'] or ''}", {"doc": {
            "number": d["number"] or (_t(office, "n-suggested-number", number=d["suggested"]) if d["suggested"] else ""),
            "received": _date(office, d["received"]) if d["received"] else "",
            "sender": d["sender"] or "", "reference": d["reference"] or "", "title": d["title"] or "",
            "secrecy": d["secrecy"] or "", "urgency": d["urgency"] or "",
            "copies": d["copies"] if d["copies"] is not None else "", "kind": d["kind"] or "",
            "due": (_date(office, d["due"]) + (_t(office, "（默认）") if d["due_default"] else "")) if d["due"] else "",
            "lead": d["lead"] or "", "partners": "、".join(d["partners"]), "proposal": d["proposal"] or "",
            "instruction": d["instruction"] or "", "circulation": circulation, "result": d["result"] or "",
            "done": _date(office, d["done"]) if d["done"] else "　　年　　月　　日",
            "place": f"{d['file']} › {d['sheet']}!{d['cell']}"}}))
    return Batch("文书处理单", "文书处理单", out, key="")


def document_reminder(office, opts: Options, data) -> Batch:
    """收文催办通知: one per lead department with overdue documents, listing them (and what is due soon)."""
    res = data.documents(opts.today, opts.force)
    wd = data.workdays()
    out, said = [], []
    by_dep: dict[str, list[dict]] = {}
    for d in res.docs:
        if d["kind"] == "办件" and d["status"] in ("逾期", "临期"):
            by_dep.setdefault(d["lead"] or "", []).append(d)
    for dep, docs in by_dep.items():
        overdue = [d for d in docs if d["status"] == "逾期"]
        if not dep:
            if overdue:  # nobody to chase for them: said, never silently dropped
                said.append(_t(office, "n-no-lead-overdue", count=len(overdue)))
            continue
        if not overdue:
            continue
        out.append(Recipient(dep, {
            "department": dep, "as_of": _date(office, opts.today),
            "documents": [{"number": d["number"] or d["suggested"] or "", "title": d["title"] or "",
                           "due": _date(office, d["due"]), "overdue": d["overdue"]} for d in overdue],
            "soon": [f"{d['title']}（{_date(office, d['due'])}）" for d in docs if d["status"] == "临期"],
            "due_soon_workdays": data.document_rules().due_soon_workdays,
            "reply_by": _date(office, wd.add_workdays(opts.today, 3))}))
    return Batch("收文催办通知", opts.today.isoformat(), out, said=said)


def _task_row(office, t: dict) -> dict:
    return {"title": t["title"] or "", "source": t["source"] or "", "lead": t["lead"] or _t(office, "未定主办"),
            "owner": t["owner"] or "", "due": _date(office, t["due"]) if t["due"] else "",
            "overdue": t["overdue"] if t["overdue"] is not None else "", "left": t["left"] if t["left"] is not None else ""}


def task_report(office, opts: Options, data) -> Batch:
    """督办通报: the week's state of every supervised task — per department, the overdue ones, those due soon."""
    res = data.tasks(opts.today, opts.force)
    wd = data.workdays()
    tasks = res.tasks
    level = [t["level"] for t in tasks]
    deps = [{"department": r["department"] or _t(office, "未定主办"), "total": r["total"] - r["cancelled"],
             "normal": r["normal"], "soon": r["due_soon"], "overdue": r["overdue"], "unverified": r["unverified"],
             "done": r["done"] + r["done_late"], "rate": _pct(r["rate"])}
            for r in res.departments if r["total"] > r["cancelled"]]  # the columns add up to the total
    week_start = opts.today - dt.timedelta(days=6)  # the seven days up to the report (a Monday's report too)
    order = {r["department"]: k for k, r in enumerate(res.departments)}  # the office's order; no lead last
    ctx = {"as_of": _date(office, opts.today), "total": len(tasks) - level.count("已撤销"),
           "done": level.count("已完成") + level.count("逾期完成"), "late": level.count("逾期完成"),
           "normal": level.count("正常"), "soon": level.count("临期"), "overdue": level.count("逾期"),
           "unverified_text": _t(office, "n-tasks-unverified", count=level.count("待核实"))
           if level.count("待核实") else "",
           "new_week": sum(1 for t in tasks if t["assigned"] and week_start <= t["assigned"] <= opts.today),
           "done_week": sum(1 for t in tasks if t["level"] in ("已完成", "逾期完成") and t["done"]
                            and week_start <= t["done"] <= opts.today),
           "departments": deps,
           "overdue_tasks": [_task_row(office, t) for t in sorted((t for t in tasks if t["level"] == "逾期"),
                                                                  key=lambda t: (order.get(t["lead"] or "", 1 << 30),
                                                                                 -(t["overdue"] or 0)))],
           "soon_tasks": [_task_row(office, t) for t in tasks if t["level"] == "临期"],
           "week_from": _date(office, week_start), "due_soon_workdays": res.due_soon,
           "reply_by": _date(office, wd.add_workdays(opts.today, 3))}
    year, week, _ = opts.today.isocalendar()  # weekly: 督办通报_2026-W28, one 文号 a week
    return Batch("督办通报", f"{year}-W{week:02d}", [Recipient(office.name, ctx)])


def task_reminder(office, opts: Options, data) -> Batch:
    """督办催办通知: one per 主办 department with overdue tasks or tasks due soon (the warning comes before the
    deadline), listing them."""
    res = data.tasks(opts.today, opts.force)
    wd = data.workdays()
    out, said = [], []
    by_dep: dict[str, list[dict]] = {}
    for t in res.tasks:
        if t["level"] in ("逾期", "临期"):
            by_dep.setdefault(t["lead"] or "", []).append(t)
    for dep, tasks in by_dep.items():
        if not dep:  # nobody to chase for them: said, never silently dropped
            said.append(_t(office, "n-tasks-no-lead", count=len(tasks)))
            continue
        reply = wd.add_workdays(opts.today, 3)
        soon_due = [t["due"] for t in tasks if t["level"] == "临期" and t["due"]]
        reply = min([reply] + soon_due)  # never after a deadline the notice warns of
        out.append(Recipient(dep, {
            "department": dep, "as_of": _date(office, opts.today),
            "overdue": [_task_row(office, t) for t in tasks if t["level"] == "逾期"],
            "soon": [_task_row(office, t) for t in tasks if t["level"] == "临期"],
            "due_soon_workdays": res.due_soon, "reply_by": _date(office, reply)}))
    return Batch("督办催办通知", opts.today.isoformat(), out, said=said)


def diary_record(office, opts: Options, data) -> Batch:
    """大事记: the month's record, day by day (a record kept, not a 公文: no 文号)."""
    from ..diary import by_day

    res = opts.extra.get("diary") or data.diary(opts.month, opts.today)
    days = [{"date": _t(office, "n-diary-day", month=d.month, day=d.day), "entries": [{"text": e["text"]} for e in es]}
            for d, es in by_day(res.entries)]  # the year is in the title
    month = f"{res.month[0]}-{res.month[1]:02d}"
    month_text = _t(office, "n-diary-month", year=res.month[0], month=res.month[1])
    said = [_t(office, "n-diary-left-out", what="、".join(x["what"] for x in res.left_out))] if res.left_out else []
    return Batch("大事记", month, [Recipient(office.name, {"month_text": month_text, "days": days,
                                                          "count": len(res.entries),
                                                          "left_out": said[0] if said else ""})], key=month,
                 said=said)


def _capitals(office, amount) -> str:
    """An amount in capitals as the office's language writes it: 壹仟贰佰元整 (貳 … in Traditional); English has no
    such form: the figure."""
    from ..messages import to_traditional
    from ..money import in_words, shown

    if office.lang == "en":
        return f"{shown(amount)} yuan"
    words = in_words(amount)
    return to_traditional(words) if office.lang == "zh-TW" else words


def fund_notice(office, opts: Options, data) -> Batch:
    """爱心基金收支公示: a semester's income and spending, in figures and in capitals (大写), by source and purpose."""
    from ..money import shown

    res = data.fund(opts.extra.get("semester") or opts.period, opts.force)
    rows = [("期初余额", res.opening), ("本期收入", res.income), ("本期支出", res.expense), ("期末余额", res.closing)]
    import re

    m = re.match(r"(\d{4})年(春|秋)", res.label or "")
    ctx = {"period_text": _t(office, "n-semester", year=m.group(1), season=_t(office, m.group(2))) if m else "",
           "start": _date(office, res.start) if res.start else "",
           "end": _date(office, res.end) if res.end else "",
           "overall": [{"item": _t(office, k), "amount": shown(v), "words": _capitals(office, v)} for k, v in rows],
           "sources": [{"kind": k, "count": n, "amount": shown(v)} for k, v, n in res.by_source],
           "purposes": [{"kind": k, "count": n, "amount": shown(v)} for k, v, n in res.by_purpose],
           "until": _date(office, opts.today + dt.timedelta(days=7))}
    said = [_t(office, "n-fund-forced", count=data.fund_forced)] if getattr(data, "fund_forced", 0) else []
    ctx["as_of"] = _t(office, "n-as-of", date=_date(office, opts.today)) if res.end and opts.today < res.end else ""
    return Batch("爱心基金收支公示", res.label or opts.today.isoformat(), [Recipient(office.name, ctx)], said=said)


def fund_thanks(office, opts: Options, data) -> Batch:
    """爱心基金感谢信: one per donor of the semester (the 捐赠 lines with a 捐赠人), their gifts summed, in figures and
    capitals.  A donation without a donor named gets no letter, and is said; so is a donor whose line has a problem."""
    from ..money import shown
    from ..normalize import fold

    res = data.fund_lines(opts.extra.get("semester") or opts.period)
    donors: dict[str, dict] = {}
    nameless, doubtful = 0, []
    for x in res.lines:
        if x["category"] != "捐赠" or x["income"] is None:
            continue
        if not x["donor"]:
            nameless += 1
            continue
        if x["codes"] or not x["counted"]:  # a gift whose line is in question is not thanked for a wrong amount
            doubtful.append(x["donor"])
            continue
        d = donors.setdefault(fold(x["donor"]), {"name": x["donor"], "total": 0, "dates": []})
        d["total"] += x["income"]
        d["dates"].append(x["date"])
    said = []
    if nameless:
        said.append(_t(office, "n-thanks-nameless", count=nameless))
    if doubtful:
        said.append(_t(office, "n-thanks-doubtful", names="、".join(dict.fromkeys(doubtful))))
    out = [Recipient(d["name"], {"donor": d["name"], "amount": shown(d["total"]), "words": _capitals(office, d["total"]),
                                 "dates": "、".join(_date(office, day) for day in sorted(d["dates"])),
                                 "times": len(d["dates"])}) for d in donors.values()]
    return Batch("爱心基金感谢信", res.label or "", out, key=res.label or "", said=said)


def supplies_claims(office, opts: Options, data) -> Batch:
    """办公用品报销汇总表: the year's purchases not yet reimbursed, for the finance office — each line, per 经办人 and per
    科目 against its budget, the total in figures and capitals."""
    from ..money import shown
    from ..supplies import shown_qty

    res = data.claims(opts.extra.get("year"), opts.force, opts.today)
    claims = [{"date": f"{x['date'].year}.{x['date'].month}.{x['date'].day}" if x["date"] else "", "item": x["item"],
               "quantity": f"{shown_qty(x['quantity'])}{x['unit'] or ''}" if x["quantity"] is not None else "",
               "amount": shown(x["cost"]), "account": x["account"] or "", "invoice": x["invoice"] or "—",
               "handler": x["handler"] or "—",
               "flag": "※" if x["codes"] else ""} for x in res.claims]  # forced: a line in question is marked
    handlers: dict[str, list] = {}
    for x in res.claims:
        t = handlers.setdefault(x["handler"] or "", [0, 0])
        t[0] += 1
        t[1] += x["cost"]
    claimed: dict[str, object] = {}
    for x in res.claims:
        claimed[x["account"] or ""] = claimed.get(x["account"] or "", 0) + x["cost"]
    from decimal import Decimal

    def spent_by(account):  # as of the form's date: purchases after it are not yet spent
        return sum((x["cost"] for x in res.purchases if x["counted"] and x["date"] and x["date"] <= opts.today
                    and (x["account"] or "未列科目") == account), Decimal("0.00"))

    accounts = []
    for b in res.budget:
        spent = spent_by(b["account"])
        accounts.append({"account": b["account"], "budget": shown(b["budget"]) if b["budget"] is not None else "—",
                         "spent": shown(spent), "remaining": shown(b["budget"] - spent) if b["budget"] is not None
                         else "—", "claimed": shown(claimed.get(b["account"], 0)) if claimed.get(b["account"])
                         else "—"})
    ctx = {"year": res.year.label, "as_of": _date(office, opts.today), "claims": claims, "count": len(claims),
           "flagged": sum(1 for c in claims if c["flag"]),
           "total": shown(res.claimed), "words": _capitals(office, res.claimed),
           "handlers": [{"name": k, "count": n, "amount": shown(v), "words": _capitals(office, v)}
                        for k, (n, v) in sorted(handlers.items())], "accounts": accounts}
    said = [_t(office, "n-claims-forced", count=data.claims_forced)] if getattr(data, "claims_forced", 0) else []
    return Batch("办公用品报销汇总表", res.year.label, [Recipient(office.name, ctx)], key=res.year.label, said=said)


def _intake_term(office) -> tuple[str, str]:
    """(the semester as the notices write it, 2026年春季学期 in the office's language; the file key)."""
    import re

    from ..fund import semester_range

    r = semester_range(None, office.semester)
    label = r[0] if r else ""
    m = re.match(r"(\d{4})年(春|秋)", label)
    term = _t(office, "n-semester", year=m.group(1), season=_t(office, m.group(2))) if m else ""
    return term, label or "纳新"


def intake_notice(office, opts: Options, data) -> Batch:
    """录用名单公示: the admitted, by department in the office's order."""
    res = data.intake(opts.force)
    term, key = _intake_term(office)
    order = {d["department"]: k for k, d in enumerate(res.departments)}
    admitted = sorted(res.admitted, key=lambda a: (order.get(a["admitted_to"], 99), -(a["score"] or 0)))
    pending = [d for d in res.departments if d["tied"]]  # forced over a tie: the places still open are said
    ctx = {"term": term, "count": len(admitted), "until": _date(office, opts.today + dt.timedelta(days=3)),
           "admitted": [{"department": a["admitted_to"], "name": a["name"], "class_name": a["class_name"] or ""}
                        for a in admitted],
           "pending": "；".join(_t(office, "n-intake-pending", department=d["department"], places=d["tied_places"])
                                for d in pending)}
    said = [_t(office, "n-intake-forced", count=data.intake_forced)] if getattr(data, "intake_forced", 0) else []
    return Batch("录用名单公示", key, [Recipient(office.name, ctx)], said=said)


def intake_letters(office, opts: Options, data) -> Batch:
    """录用通知: one to each admitted applicant (a 调剂 or 第二志愿 said as such)."""
    res = data.intake(opts.force)
    term, key = _intake_term(office)
    how = {"第二志愿": _t(office, "按第二志愿"), "调剂": _t(office, "服从调剂")}
    out = [Recipient(f"{a['admitted_to']}_{a['name']}", {"name": a["name"], "department": a["admitted_to"],
                                                        "term": term, "how": how.get(a["how"], "")})
           for a in res.admitted]
    said = [_t(office, "n-intake-forced", count=data.intake_forced)] if getattr(data, "intake_forced", 0) else []
    return Batch("录用通知", key, out, key=key, said=said)


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("会议通知", ("office",), meeting_notice),
    Kind("考勤提醒", ("member",), attendance_reminder),
    Kind("考勤通报", ("department", "member"), attendance_report),
    Kind("会议纪要", ("office",), minutes),
    Kind("表扬", ("office",), praise),
    Kind("通报批评", ("office",), criticism),
    Kind("催办通知", ("department",), plan_reminder),
    Kind("考核结果通知", ("member",), kpi_result),
    Kind("量化考核公示", ("office",), ranking_notice),
    Kind("用印审批单", ("use",), seal_form, numbered=False),
    Kind("文书处理单", ("document",), document_form, numbered=False),
    Kind("收文催办通知", ("department",), document_reminder),
    Kind("督办通报", ("office",), task_report),
    Kind("督办催办通知", ("department",), task_reminder),
    Kind("大事记", ("office",), diary_record, numbered=False),
    Kind("爱心基金收支公示", ("office",), fund_notice),
    Kind("爱心基金感谢信", ("donor",), fund_thanks, numbered=False),
    Kind("办公用品报销汇总表", ("office",), supplies_claims, numbered=False),
    Kind("录用名单公示", ("office",), intake_notice),
    Kind("录用通知", ("applicant",), intake_letters, numbered=False),
)}
