"""``sectools init``: a blank office folder, or the demo office, ready to open in Excel.

Workbooks get a title row, a styled header, frozen panes, drop-down lists for closed
vocabularies, widths that fit Chinese text and rows formatted for typing.  The same code makes
what is committed under ``workbooks/`` (a test proves it current).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import demo
from .config import CONFIG_NAME, DEFAULT_DEPARTMENTS
from .vocab import POSTS
from .errors import Problem, SectoolsError
from .attendance.schema import DECISIONS, LEAVE_TABLE, MEETING_KINDS, MEETINGS, SIGNINS, YES_NO
from .kpi.schema import INDICATORS, RATINGS
from .ranking.schema import CLASSES, INSPECTIONS, SCORE_ITEMS
from .seals.schema import SEAL_USES, SEALS
from .tasks.schema import TASKS
from .diary.schema import EVENTS
from .fund.schema import FUND
from .supplies.schema import BUDGET, ISSUES_OUT, PURCHASES
from .intake.schema import APPLICANTS, INTERVIEWS
from .documents.schema import INCOMING
from .roster import ROSTER, STATUSES
from .schema import TableSpec
from .writer import Column, Sheet, atomic_target, write_workbook

_KIND = {"date": "date", "time": "time", "int": "int", "number": "number", "money": "money", "price": "price"}

# The tables ``init`` writes into sectools.toml, in order: (table, sheet or None, note).
TEMPLATE_TABLES = (
    ("roster", "成员", ""),
    ("meetings", None, ""),
    ("signins", None, "签到：流水表、台账（矩阵）均可；每个签到表都会读取；也可以是一个文件夹（含子文件夹）"),
    ("leaves", None, ""),
    ("classes", None, "班级量化考核"),
    ("score_items", None, ""),
    ("inspections", None, "一个工作簿（每个检查部门一张表）或一个文件夹（每个部门一个文件）"),
    ("indicators", None, "绩效考核"),
    ("ratings", None, ""),
    ("incoming", "收文登记", "收文登记"),
    ("decisions", "议定事项", "会议议定事项：会议纪要写它们，有负责人或完成时限的自动列入督办"),
    ("tasks", "督办事项", "督办台账：领导交办的事项，以及议定事项、收文办件的进展和延期"),
    ("events", "大事记", "大事记：会议、通知、收文、督办之外要记下的事（sectools diary 按月汇总）"),
    ("fund", "收支明细", "爱心基金：收支明细（专款专用，每学期公示）"),
    ("budget", "预算", "办公用品：预算、采购登记、领用登记在同一个工作簿里（sectools supplies）"),
    ("purchases", "采购登记", ""),
    ("issues_out", "领用登记", ""),
    ("applicants", "报名", "纳新：报名表（问卷星等导出的原样贴进来即可）和面试评分表（每项标准一列）在同一个工作簿里"),
    ("interviews", "面试评分", ""),
    ("seals", "印章", "用印登记：印章表和用印记录在同一个工作簿里"),
    ("seal_uses", "用印登记", ""),
)


def config_text(name: str, start: dt.date | None, end: dt.date | None,
                departments: tuple[str, ...] = DEFAULT_DEPARTMENTS, extra_actions: str = "",
                lang: str | None = None, script: str | None = None, paths: dict[str, str] | None = None,
                values: dict | None = None) -> str:
    """The sectools.toml ``init`` writes: every setting of :mod:`sectools.settings` with its
    default and a Chinese comment (optional ones commented out), the office's name, semester and
    departments filled in, and ``extra_actions`` after the attendance ladder.  ``lang``: the office's
    language; ``script = "zh-TW"``: the text in Traditional, but for what names a file on disk
    (``path``, ``folder``) and the notice kinds (sectools' keys).  ``paths``: a table kept somewhere other than
    its own file (the demo's sign-ins: a folder).  ``values``: settings of other sections filled in (the demo's
    纳新 quotas)."""
    from .settings import template
    from .tables import TABLES

    tables = [(t, (paths or {}).get(t, TABLES[t].default_path), sheet, note) for t, sheet, note in TEMPLATE_TABLES]
    office = {"name": name, "semester_start": start, "semester_end": end, "departments": list(departments)}
    if lang:
        office["lang"] = lang
    text = template({"office": office, **(values or {})}, tables=tables, after={"attendance": extra_actions})
    if script != "zh-TW":
        return text
    def line(ln: str) -> str:
        kept = _KEEP_SCRIPT.match(ln)
        return kept.group(1) + _script(kept.group(2) or "", script) if kept else _script(ln, script)

    return "\n".join(line(ln) for ln in text.split("\n"))


# a line naming a file or folder on disk, or a notice kind (sectools' key): its value kept, its comment not
_KEEP_SCRIPT = re.compile(r'(\s*#?\s*(?:path|folder|notice)\s*=\s*(?:"[^"]*"|\S+)\s*)(#.*)?$')


def _script(text, lang: str | None):
    """sectools' default words in the office's script: Traditional for a zh-TW office."""
    if lang != "zh-TW" or not isinstance(text, str):
        return text
    from .messages import to_traditional

    return to_traditional(text)


def in_script(sheet: Sheet, lang: str | None) -> Sheet:
    """A blank workbook's sheet (name, title, headers, drop-downs, default rows) in the office's script."""
    if lang != "zh-TW":
        return sheet
    from dataclasses import replace

    def t(v):
        return _script(v, lang)

    return replace(sheet, name=t(sheet.name), title=t(sheet.title), note=t(sheet.note), footnote=t(sheet.footnote),
                   columns=[replace(c, label=t(c.label)) for c in sheet.columns],
                   rows=[[t(v) for v in r] for r in sheet.rows],
                   validations={k: t(vs) if isinstance(vs, str) else [t(v) for v in vs]
                                for k, vs in sheet.validations.items()})


OPTIONAL_ACTIONS = """
# 某类会议单独计数的阶梯（默认不设）。例如秘书处例会三次不到视为自动退出：
# [[attendance.actions]]
# kind = "秘书处例会"
# absences = 3
# action = "视为自动退出"
"""

DEMO_ACTIONS = """
# 秘书处例会单独计数：三次不到视为自动退出（秘书处制度）
[[attendance.actions]]
kind = "秘书处例会"
absences = 3
action = "视为自动退出"
notice = "考勤通报"
"""


def _columns(spec: TableSpec) -> list[Column]:
    return [Column(f.label, "quantity" if f.name == "quantity" else _KIND.get(f.type, "text"), f.width)
            for f in spec.fields]  # a count of things bought: 3, not 3.00


def _validations(spec: TableSpec, extra: dict[str, list[str]] | None = None) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for c, f in enumerate(spec.fields):
        if extra and f.name in extra:
            out[c] = list(extra[f.name])
        elif f.type == "choice" and f.choices:
            out[c] = list(f.choices)
    return out


def roster_sheet(office_name: str, members: list[demo.Member] | None,
                 departments: tuple[str, ...] = DEFAULT_DEPARTMENTS) -> Sheet:
    rows = []
    for m in members or []:
        rows.append([m.id, m.name, m.gender, m.department, m.post, m.class_name, m.phone, m.joined, m.left,
                     m.status])
    return Sheet(
        name="成员",
        columns=_columns(ROSTER),
        rows=rows,
        title=f"{office_name}成员名册",
        validations=_validations(ROSTER, {"department": list(departments), "post": list(POSTS),
                                          "status": list(STATUSES)}),
        blank_rows=max(0, 300 - len(rows)),
    )


def meetings_sheet(items: list[demo.Meeting] | None) -> Sheet:
    rows = [[m.date, m.start, m.end, m.name, m.kind, m.place, m.scope, m.host, m.recorder,
             demo.FORM_URL if demo.by_form(m) else None] for m in items or []]
    return Sheet("会议", _columns(MEETINGS), rows, title="会议安排",
                 validations=_validations(MEETINGS, {"kind": list(MEETING_KINDS)}),
                 blank_rows=max(0, 120 - len(rows)))


def leaves_sheet(items: list[demo.Leave] | None) -> Sheet:
    rows = [[x.member.id, x.member.name, x.meeting.date, x.meeting.name, x.kind, x.approved, x.reason, x.approver]
            for x in items or []]
    return Sheet("请假", _columns(LEAVE_TABLE), rows, title="请假登记",
                 validations=_validations(LEAVE_TABLE, {"kind": ["事假", "病假", "公假"], "approved": list(YES_NO)}),
                 blank_rows=max(0, 300 - len(rows)))


def signin_log_sheet(items: list[demo.Signin] | None) -> Sheet:
    rows = [[s.meeting.date, s.meeting.name, s.member.id, s.member.name, s.status, s.time_in, s.time_out, s.note]
            for s in items or []]
    return Sheet("签到记录", _columns(SIGNINS), rows, title="签到记录", blank_rows=max(0, 500 - len(rows)))


LEDGER_KIND = "秘书处例会"


def write_signins(target: Path, items: list[demo.Signin] | None, lang: str | None = None) -> Path:
    """The sign-in workbook: a log sheet, and (demo) a semester ledger for the secretariat's own
    meeting — members as rows, a merged month row over the meeting days, a mark per cell."""
    log = [s for s in items or [] if s.meeting.kind != LEDGER_KIND and not demo.by_form(s.meeting)]
    ledger = [s for s in items or [] if s.meeting.kind == LEDGER_KIND]
    extra = (lambda wb, styles: _ledger(wb, styles, ledger)) if ledger else None
    return write_workbook(target, [in_script(signin_log_sheet(log), lang)], extra=extra)


WJX_HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：", "2、您的学号：",
              "3、所在部门："]
JSJ_HEADER = ["序号", "姓名", "学号", "部门", "提交人", "提交时间", "填写设备", "IP", "微信昵称"]


def write_form_exports(folder: Path, scans: list[demo.Scan]) -> list[Path]:
    """Each QR meeting's answers as its form service lets the clerk download them: 问卷星's layout (its own
    columns first, the submit time as text, numbered questions; the file named id_n_title_count_count)
    and 金数据's (the questions first, the submit time a real date-time, its columns after; named by the
    form and the day it was downloaded) — plain sheets, header in row 1, as the services make them."""
    import random

    import xlsxwriter

    rng = random.Random(demo.SEED + 9)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    meetings = sorted({x.meeting for x in scans}, key=lambda m: m.date)
    for k, m in enumerate(meetings):
        rows = [x for x in scans if x.meeting == m]
        wjx = k % 2 == 0
        if wjx:
            name = f"{31840275 + 113 * k}_2_{m.name}签到_{len(rows)}_{len(rows)}.xlsx"
        else:
            name = f"例会签到_{m.date + dt.timedelta(days=1):%Y%m%d}.xlsx"
        path = folder / name
        wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_urls": False})
        wb.set_properties({"created": dt.datetime.combine(m.date + dt.timedelta(days=1), dt.time(9, 30))})  # the same bytes each time
        ws = wb.add_worksheet("Sheet1" if wjx else "数据")
        when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        ws.write_row(0, 0, WJX_HEADER if wjx else JSJ_HEADER)
        for i, x in enumerate(rows, start=1):
            ip = f"10.{rng.randint(20, 90)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
            if wjx:
                ws.write_row(i, 0, [i, f"{x.at:%Y/%-m/%-d %H:%M:%S}", f"{rng.randint(12, 60)}秒",
                                    rng.choice(("微信", "微信", "手机提交")), "N/A", f"{ip}(江苏-南京)", x.name, x.id,
                                    x.department])
            else:
                ws.write_row(i, 0, [i, x.name, x.id, x.department, "匿名"])
                ws.write_datetime(i, 5, x.at, when)
                ws.write_row(i, 6, [rng.choice(("iPhone", "Android", "Android", "微信小程序")), ip,
                                    x.name[0] + rng.choice(("同学", "xx", "🍀", "_"))])
        ws.set_column(0, len(WJX_HEADER) - 1, 14)
        wb.close()
        made.append(path)
    return made


def _mark(s: demo.Signin) -> str:
    if s.status and s.status not in ("√",):
        return {"请假": "假", "事假": "假", "病假": "病", "公假": "公", "缺席": "×"}.get(s.status, s.status)
    start = dt.datetime.combine(s.meeting.date, s.meeting.start)
    end = dt.datetime.combine(s.meeting.date, s.meeting.end)
    if s.time_in and dt.datetime.combine(s.meeting.date, s.time_in) > start:
        return "迟"
    if s.time_out and dt.datetime.combine(s.meeting.date, s.time_out) < end:
        return "早"
    return "✓"


def _ledger(wb, styles, items: list[demo.Signin]) -> None:
    from .writer import write_value

    meetings = sorted({s.meeting for s in items}, key=lambda m: m.date)
    people = sorted({s.member for s in items} | {p for p in demo.members() if p.department == "秘书处"},
                    key=lambda p: (p.post != "秘书长", p.post != "副秘书长", p.id))
    marks = {(s.member.id, s.meeting.date): _mark(s) for s in items}
    ws = wb.add_worksheet("秘书处例会台账")
    ws.hide_gridlines(2)
    fixed = ["序号", "学号", "姓名", "职务"]
    ncol = len(fixed) + len(meetings)
    ws.merge_range(0, 0, 0, ncol - 1, "秘书处例会考勤台账（2026年春季学期）", styles.title)
    ws.write_string(1, 0, "标记：✓ 出席  迟 迟到  早 早退  假 事假  病 病假  公 公假  × 缺席", styles.note)
    center = wb.add_format({**styles.base, "align": "center", "border": 1, "border_color": "#D9D9D9"})
    for c, label in enumerate(fixed):
        ws.merge_range(2, c, 3, c, label, styles.header)
    col = len(fixed)
    for month in sorted({m.date.month for m in meetings}):
        ms = [m for m in meetings if m.date.month == month]
        if len(ms) > 1:
            ws.merge_range(2, col, 2, col + len(ms) - 1, f"{month}月", styles.header)
        else:
            ws.write_string(2, col, f"{month}月", styles.header)
        for k, m in enumerate(ms):
            ws.write_number(3, col + k, m.date.day, styles.header)
        col += len(ms)
    for i, p in enumerate(people):
        r = 4 + i
        write_value(ws, r, 0, i + 1, styles.cell["int"])
        write_value(ws, r, 1, p.id, styles.cell["text"])
        write_value(ws, r, 2, p.name, styles.cell["text"])
        write_value(ws, r, 3, p.post, styles.cell["text"])
        for k, m in enumerate(meetings):
            write_value(ws, r, len(fixed) + k, marks.get((p.id, m.date)), center)
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 13)
    ws.set_column(2, 3, 9)
    ws.set_column(len(fixed), ncol - 1, 4.5)
    ws.freeze_panes(4, len(fixed))
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(2, 3)


def classes_sheet(rows) -> Sheet:
    return Sheet("班级", _columns(CLASSES), [list(r) for r in rows], title="班级名单",
                 blank_rows=max(0, 60 - len(rows)))


def items_sheet() -> Sheet:
    rows = [list(r) for r in demo.SCORE_ITEMS]
    return Sheet("评分细则", _columns(SCORE_ITEMS), rows, title="班级量化考核评分细则（扣分为负数，加分为正数）",
                 validations=_validations(SCORE_ITEMS), blank_rows=40)


INSPECTION_COLUMNS = [Column("日期", "date", 12), Column("班级", width=14), Column("项目", width=22),
                      Column("次数/人次", "number", 10), Column("分值", "number", 8), Column("检查人", width=10),
                      Column("备注", width=16)]


def write_inspections(folder: Path, records: dict[str, list[tuple]] | None, lang: str | None = None) -> list[Path]:
    """One workbook per inspecting department (the folder layout offices use)."""
    made = []
    deps = records or {dep: [] for dep in demo.INSPECTORS}
    names = {i for _, i, *_ in demo.SCORE_ITEMS}
    for dep, rows in deps.items():
        sheet = Sheet(dep, INSPECTION_COLUMNS, [[d, c, item, n, None, who, None] for d, c, item, n, who in rows],
                      title=f"{dep}检查记录", validations={2: sorted(names)}, blank_rows=200)
        made.append(write_workbook(folder / f"{dep}.xlsx", [in_script(sheet, lang)]))
    return made


def indicators_sheet() -> Sheet:
    return Sheet("考核指标", _columns(INDICATORS), [list(r) for r in demo.KPI_INDICATORS], title="绩效考核指标",
                 validations=_validations(INDICATORS), blank_rows=30)


def ratings_sheet(rows) -> Sheet:
    return Sheet("评分", _columns(RATINGS), [[p, i, n, None, ind, g, v] for p, i, n, ind, g, v in rows],
                 title="绩效考核评分表", validations={5: ["自评", "部长评", "主席团评"]},
                 blank_rows=max(0, 300 - len(rows)))


def incoming_sheet(items: list[demo.Incoming] | None) -> Sheet:
    """收文登记.xlsx: one row per document received, from 签收 to 办结 (or 阅毕)."""
    rows = [[x.received, x.number, x.sender, x.reference, x.title, "公开", x.urgency, 1, x.kind, x.proposal,
             x.instruction, x.lead, x.partners, x.due, x.done, x.result, x.circulation, None] for x in items or []]
    return Sheet("收文登记", _columns(INCOMING), rows, title="收文登记",
                 validations=_validations(INCOMING), blank_rows=max(0, 300 - len(rows)))


def decisions_sheet(items: list[demo.Decision] | None) -> Sheet:
    """议定事项.xlsx: what each meeting decided, once — the 会议纪要 lists them, 督办 follows them up."""
    rows = [[x.date, x.meeting, x.item, x.owner, x.due, x.lead, x.partners] for x in items or []]
    return Sheet("议定事项", _columns(DECISIONS), rows, title="会议议定事项",
                 validations=_validations(DECISIONS, {"lead": list(DEFAULT_DEPARTMENTS)}),
                 blank_rows=max(0, 200 - len(rows)))


def fund_sheet(items: list[tuple] | None) -> Sheet:
    """爱心基金.xlsx: one line per income or payment; amounts as numbers (yuan, two decimals)."""
    from decimal import Decimal

    rows, balance = [], Decimal("0")
    for x in items or []:  # the 余额 as a clerk keeps it: worked out line by line (the overdraft was never paid)
        income, expense = (Decimal(x[2]) if x[2] else None), (Decimal(x[3]) if x[3] else None)
        if income:
            balance += income
        elif expense and expense <= balance:
            balance -= expense
        rows.append([x[0], x[1], income, expense, balance, *x[4:], None])
    return Sheet("收支明细", _columns(FUND), rows, title="爱心基金收支明细",
                 validations=_validations(FUND), blank_rows=max(0, 300 - len(rows)))


def supplies_sheets(budget: list[tuple] | None, purchases: list[tuple] | None,
                    issues: list[tuple] | None) -> list[Sheet]:
    """办公用品.xlsx: the year's budget per 科目, every purchase (with its invoice and approval), every 领用."""
    from decimal import Decimal

    def money(v):
        return Decimal(v) if v else None

    b = [[x[0], x[1], money(x[2]), x[3]] for x in budget or []]
    p = [[x[0], x[1], x[2], x[3], money(x[4]), money(x[5]), *x[6:], None] for x in purchases or []]
    o = [list(x) + [None] for x in issues or []]
    return [Sheet("预算", _columns(BUDGET), b, title="办公用品年度预算", validations=_validations(BUDGET),
                  blank_rows=max(0, 30 - len(b))),
            Sheet("采购登记", _columns(PURCHASES), p, title="办公用品采购登记（先审批，后采购；凭发票报销）",
                  validations={**_validations(PURCHASES),  # the budget's 科目, from 预算
                               [f.name for f in PURCHASES.fields].index("account"): "=预算!$B$3:$B$40"},
                  blank_rows=max(0, 300 - len(p))),
            Sheet("领用登记", _columns(ISSUES_OUT), o, title="办公用品领用登记",
                  validations=_validations(ISSUES_OUT, {"department": list(DEFAULT_DEPARTMENTS)}),
                  blank_rows=max(0, 300 - len(o)))]


def intake_sheets(applicants: list[tuple] | None, interviews: list[tuple] | None) -> list[Sheet]:
    """纳新.xlsx: the sign-up form's rows (as a form service exports them), the interviewers' scores."""
    a = [[x[0], *x[1:], None] for x in applicants or []]
    cols = _columns(APPLICANTS)
    order = ["submitted", "name", "id", "gender", "class_name", "phone", "first", "second", "adjust", "intro",
             "decision"]
    by = {f.name: c for f, c in zip(APPLICANTS.fields, cols)}
    return [Sheet("报名", [by[n] for n in order], a, title="纳新报名表",
                  validations={order.index("adjust"): ["是", "否"], order.index("decision"): ["录用", "不录用"],
                               order.index("first"): list(DEFAULT_DEPARTMENTS),
                               order.index("second"): list(DEFAULT_DEPARTMENTS)},
                  blank_rows=max(0, 200 - len(a))),
            Sheet("面试评分", _columns(INTERVIEWS), [[i[0], i[1], None, *i[2:]] for i in interviews or []],
                  title="面试评分表（每项满分 100 分）", blank_rows=max(0, 400 - len(interviews or [])))]


def events_sheet(items: list[tuple] | None) -> Sheet:
    """大事记.xlsx: what happened that no other register holds (a visit, a training, an award)."""
    rows = [list(x) + [None] for x in items or []]
    return Sheet("大事记", _columns(EVENTS), rows, title="大事记", blank_rows=max(0, 200 - len(rows)))


def tasks_sheet(items: list[demo.Task] | None) -> Sheet:
    """督办台账.xlsx: the tasks given outside a meeting, and the follow-up (进展, 延期) of every task."""
    rows = [[None, x.title, x.source, x.assigned, x.lead, x.partners, x.owner, x.due, x.progress, x.status, x.done,
             x.ext_asked, x.ext_to, x.ext_reason, x.ext_approved, None] for x in items or []]
    return Sheet("督办事项", _columns(TASKS), rows, title="督办台账",
                 validations=_validations(TASKS, {"lead": list(DEFAULT_DEPARTMENTS)}),
                 blank_rows=max(0, 200 - len(rows)))


def seal_sheets(seals: list[demo.Seal] | None, uses: list[demo.SealUse] | None) -> list[Sheet]:
    """用印登记.xlsx: the office's seals, and the register a use is written into before the stamp."""
    seal_rows = [[x.name, x.kind, x.keeper, x.state, x.since, x.until, x.approvers] for x in seals or []]
    use_rows = [[u.date, u.seal, u.document, u.purpose, u.copies, u.handler, u.approver, u.approved_on, u.involves,
                 None] for u in uses or []]
    return [Sheet("印章", _columns(SEALS), seal_rows, title="印章登记", validations=_validations(SEALS),
                  blank_rows=max(0, 20 - len(seal_rows))),
            Sheet("用印登记", _columns(SEAL_USES), use_rows, title="用印登记（先审批，后用印）",
                  validations={**_validations(SEAL_USES, {"involves": ["是", "否"]}),  # the seals' names, from 印章
                               [f.name for f in SEAL_USES.fields].index("seal"): "=印章!$A$3:$A$40"},
                  blank_rows=max(0, 300 - len(use_rows)))]


def write_plan_forms(folder: Path, with_demo: bool, lang: str | None = None) -> list[Path]:
    """The blank forms (计划总结/模板/) and, for the demo, March 2026 as departments handed it in."""
    import os
    import time

    from .printouts import write_form_docx, write_form_xlsx

    base = folder / "计划总结"
    trad = lang == "zh-TW"
    made = [write_form_xlsx(base / "模板" / "月度工作计划（模板）.xlsx", "plan", traditional=trad),
            write_form_xlsx(base / "模板" / "月度工作总结（模板）.xlsx", "summary", traditional=trad),
            write_form_docx(base / "模板" / "月度工作计划（模板）.docx", "plan", traditional=trad),
            write_form_docx(base / "模板" / "月度工作总结（模板）.docx", "summary", traditional=trad)]
    if not with_demo:
        return made
    month = base / "2026-03"
    for sub in demo.plan_submissions():
        where = month / sub["folder"] if sub["folder"] else month
        target = where / (sub["file"] + "." + sub["format"])
        args = dict(kind=sub["kind"], department=sub["department"], month="2026年3月", author=sub["author"],
                    filled=sub["filled"], rows=sub["items"])
        if sub["format"] == "docx":
            p = write_form_docx(target, traditional=sub["traditional"], **args)
        else:
            p = write_form_xlsx(target, **args)
        stamp = time.mktime(dt.datetime.combine(sub["filled"], dt.time(20, 0)).timetuple())
        os.utime(p, (stamp, stamp))
        made.append(p)
    return made


MANIFEST = Path(".sectools") / "made.json"  # office-relative path → sha256 of each file init wrote


@dataclass
class Made(list):
    """The files init wrote (a list of paths), and ``kept``: the ones it left alone because a clerk
    made or changed them."""

    kept: list[Path] = field(default_factory=list)

    def __init__(self, written=(), kept=()):
        super().__init__(written)
        self.kept = list(kept)


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest(folder: Path) -> dict[str, dict]:
    """What sectools made here: relative path → {"sha": its hash when made, "kind": "blank" | "demo"}.
    A damaged manifest (or an entry of an older sectools, without its kind) vouches for nothing, so
    every file is kept."""
    import json

    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict) and isinstance(v.get("sha"), str)}


def init_office(folder: str | Path, *, with_demo: bool = False, force: bool = False,
                name: str | None = None, keep_none: bool = False, overwrite_all: bool = False,
                lang: str | None = None) -> Made:
    """Create an office folder.  Refuses a non-empty folder unless ``force``; even then a file is
    only replaced when sectools made it and nobody changed it since (its hash in ``.sectools/made.json``):
    every other file is kept and listed in ``kept``.  ``keep_none``: refuse instead of keeping any
    (the demo must not run on a clerk's files).  ``overwrite_all``: the repository's own workbooks."""
    import json
    import os
    import shutil
    import tempfile

    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not force:
        raise SectoolsError(Problem("output-exists", file=str(folder),
                                    params={"detail": "、".join(sorted(p.name for p in folder.iterdir())[:5])}))
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".sectools-init-", dir=folder.parent))
    try:
        staged = _build(stage / "office", with_demo, name, lang)
        manifest = _manifest(folder)
        kind = "demo" if with_demo else "blank"
        plan = []
        for src in staged:
            rel = src.relative_to(stage / "office")
            dst = folder / rel
            entry = manifest.get(rel.as_posix()) or {}
            # replaced only if sectools made it, nobody changed it, and it is the same kind of file:
            # an untouched demo workbook is the office's data now, never swapped for a blank one
            mine = dst.is_file() and entry.get("kind") == kind and entry.get("sha") == _sha(dst)
            plan.append((src, dst, rel, overwrite_all or not dst.exists() or mine))
        kept = [dst for _, dst, _, ok in plan if not ok]
        if kept and keep_none:
            raise SectoolsError(Problem("demo-folder-taken", file=str(folder), params={
                "detail": "、".join(str(p.relative_to(folder)) for p in kept[:5])}))
        written = []
        for src, dst, rel, ok in plan:
            if not ok:
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)  # the plan forms keep the time they were "handed in"
            manifest[rel.as_posix()] = {"sha": _sha(dst), "kind": kind}
            written.append(dst)
        if not overwrite_all:
            (folder / MANIFEST).parent.mkdir(parents=True, exist_ok=True)
            with atomic_target(folder / MANIFEST) as tmp:
                tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        return Made(written, kept)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _build(folder: Path, with_demo: bool, name: str | None, lang: str | None = None) -> list[Path]:
    """Every file of a new office, written into ``folder`` (a fresh staging folder).  ``lang``: the
    office's language, written into sectools.toml; a blank Traditional office gets its sheets, headers,
    drop-downs and settings in Traditional (the demo's facts stay as the demo has them)."""
    from dataclasses import replace

    made = [folder / CONFIG_NAME, folder / ROSTER.default_path]
    folder.mkdir(parents=True, exist_ok=True)
    script = None if with_demo else lang
    office_name = name or (demo.OFFICE_NAME if with_demo else _script("学生会", script))
    start, end = (demo.SEMESTER_START, demo.SEMESTER_END) if with_demo else _this_semester()
    extra = DEMO_ACTIONS if with_demo else OPTIONAL_ACTIONS
    paths = {"signins": demo.SIGNIN_FOLDER} if with_demo else None  # the demo's sign-ins: a folder
    with atomic_target(made[0]) as tmp:
        tmp.write_text(config_text(office_name, start, end, DEFAULT_DEPARTMENTS, extra, lang, script, paths,
                                   {"intake": {"quota": demo.QUOTAS}} if with_demo else None), encoding="utf-8")

    def book(path: Path, sheet: Sheet) -> Path:
        return write_workbook(path, [in_script(sheet, script)])

    members = demo.members() if with_demo else None
    roster = in_script(roster_sheet(office_name, members), script)
    write_workbook(made[1], [replace(roster, title=office_name + _script("成员名册", script))])
    signins, leaves = demo.attendance() if with_demo else (None, None)
    made += [
        book(folder / MEETINGS.default_path, meetings_sheet(demo.meetings() if with_demo else None)),
        write_signins(folder / demo.SIGNIN_FOLDER / SIGNINS.default_path if with_demo else
                      folder / SIGNINS.default_path, signins, script),
        book(folder / LEAVE_TABLE.default_path, leaves_sheet(leaves)),
        book(folder / CLASSES.default_path, classes_sheet(demo.class_rows() if with_demo else [])),
        book(folder / SCORE_ITEMS.default_path, items_sheet()),
    ]
    if with_demo:  # May's QR meetings: the form services' exports, as downloaded
        made += write_form_exports(folder / demo.SIGNIN_FOLDER / demo.FORM_FOLDER, demo.scans())
    made += write_inspections(folder / INSPECTIONS.default_path, demo.inspections() if with_demo else None, script)
    made += write_plan_forms(folder, with_demo, script)
    made += [book(folder / INDICATORS.default_path, indicators_sheet()),
             book(folder / RATINGS.default_path, ratings_sheet(demo.ratings() if with_demo else [])),
             book(folder / INCOMING.default_path, incoming_sheet(demo.incoming() if with_demo else None)),
             book(folder / DECISIONS.default_path, decisions_sheet(demo.decisions() if with_demo else None)),
             book(folder / TASKS.default_path, tasks_sheet(demo.tasks() if with_demo else None)),
             book(folder / EVENTS.default_path, events_sheet(demo.events() if with_demo else None)),
             book(folder / FUND.default_path, fund_sheet(demo.fund() if with_demo else None)),
             write_workbook(folder / APPLICANTS.default_path, [in_script(x, script) for x in intake_sheets(
                 demo.applicants() if with_demo else None, demo.interviews() if with_demo else None)]),
             write_workbook(folder / PURCHASES.default_path, [in_script(x, script) for x in supplies_sheets(
                 demo.budget() if with_demo else None, demo.purchases() if with_demo else None,
                 demo.issues_out() if with_demo else None)]),
             write_workbook(folder / SEALS.default_path, [in_script(x, script) for x in seal_sheets(
                 demo.seals() if with_demo else None, demo.seal_uses() if with_demo else None)])]
    return made


def _this_semester(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """A sensible default semester around today: spring Mar–Jul, autumn Sep–Jan."""
    today = today or dt.date.today()
    if 2 <= today.month <= 7:
        return dt.date(today.year, 3, 1), dt.date(today.year, 7, 15)
    y = today.year if today.month >= 8 else today.year - 1
    return dt.date(y, 9, 1), dt.date(y + 1, 1, 20)



def write_committed_workbooks(folder: str | Path) -> list[Path]:
    """What the repository keeps under ``workbooks/``: the blank workbooks a new office gets,
    and the demo office.  Regenerate with ``python -m sectools.scaffold workbooks``."""
    folder = Path(folder)
    blank = folder / "blank"
    made = [write_workbook(blank / ROSTER.default_path, [roster_sheet("学生会", None)]),
            write_workbook(blank / MEETINGS.default_path, [meetings_sheet(None)]),
            write_signins(blank / SIGNINS.default_path, None),
            write_workbook(blank / LEAVE_TABLE.default_path, [leaves_sheet(None)]),
            write_workbook(blank / CLASSES.default_path, [classes_sheet([])]),
            write_workbook(blank / SCORE_ITEMS.default_path, [items_sheet()])]
    made += write_inspections(blank / INSPECTIONS.default_path, None)
    made += [write_workbook(blank / INDICATORS.default_path, [indicators_sheet()]),
             write_workbook(blank / RATINGS.default_path, [ratings_sheet([])]),
             write_workbook(blank / INCOMING.default_path, [incoming_sheet(None)]),
             write_workbook(blank / DECISIONS.default_path, [decisions_sheet(None)]),
             write_workbook(blank / TASKS.default_path, [tasks_sheet(None)]),
             write_workbook(blank / EVENTS.default_path, [events_sheet(None)]),
             write_workbook(blank / FUND.default_path, [fund_sheet(None)]),
             write_workbook(blank / PURCHASES.default_path, supplies_sheets(None, None, None)),
             write_workbook(blank / APPLICANTS.default_path, intake_sheets(None, None)),
             write_workbook(blank / SEALS.default_path, seal_sheets(None, None))]
    made += init_office(folder / "demo", with_demo=True, force=True, overwrite_all=True)
    return made


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import sys

    for p in write_committed_workbooks(sys.argv[1] if len(sys.argv) > 1 else "workbooks"):
        print(p)
