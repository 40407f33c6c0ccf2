"""The buttons' bodies: each takes an ``xw.Book``, reads its tables with the file reader's
rules, calls the same library function as the CLI, writes its own result sheets and ends
with one alert.  Desktop (RunPython), xlwings Server and xlwings Lite all call these."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import ERROR, Problem, SectoolsError
from ..messages import normalize_lang
from ..office import checked_config
from .book import MARK, BookWorkbook

ALERT_PROBLEMS = 5


class Session:
    """One button press: the book, the office it belongs to, and how to read from both."""

    def __init__(self, book):
        from ..config import Office, load_office, office_from_dict
        from ..office import context

        self.book = book
        self.wb = BookWorkbook(book)
        data, folder = self.wb.settings()
        self.book_tables = {k: v["sheet"] for k, v in data.pop("tables", {}).items()}
        self.extra = data.pop("extra", {})
        self.folder = folder
        if folder is not None:
            office = load_office(folder)
            for k, v in data["office"].items():
                setattr(office, k, v) if k not in ("lang",) else setattr(office, k, normalize_lang(v))
        else:
            office = office_from_dict(Path("."), {"office": data["office"]})
        self.office: Office = office
        self.ctx = context(office)
        self.lang = office.lang
        self.problems: list[Problem] = []

    def table(self, name: str, required: bool = True):
        """Table ``name`` from the book, else from the office folder, else a problem."""
        from ..office import _rules
        from ..reader import read_table_from
        from ..tables import TABLES

        spec = TABLES[name]
        t = read_table_from(self.wb, spec, sheet=self.book_tables.get(name), context=self.ctx)
        found = t.header_row is not None and not any(p.code == "missing-column" for p in t.problems)
        if found or (t.header_row is not None and name in self.book_tables):
            t.problems.extend(_rules(name, self.office, t))
            self.problems.extend(t.problems)
            return t
        if self.folder is not None:
            from .. import office as office_mod

            t = office_mod.read(self.office, name)
            self.problems.extend(t.problems)
            return t if t.header_row is not None else None
        if required:
            raise SectoolsError(Problem("table-not-found", file=self.book.name,
                                        params={"table": spec.title_in(self.lang),
                                                "required": "、".join(f.label for f in spec.required)}))
        return None

    def settings_value(self, key: str):
        return self.extra.get(key)

    def semester_from(self, meetings) -> None:
        """No semester in the settings: take it from the meetings, so 3月8日 gets its year."""
        if self.office.semester_start:
            return
        from ..dates import Semester
        from ..reader import ReadContext

        dates = [d for d in meetings.data["date"].tolist() if d]
        if dates:
            self.ctx = ReadContext(semester=Semester(min(dates), max(dates)), limits=self.ctx.limits,
                                   lang=self.ctx.lang)

    def signins(self):
        from ..attendance.records import read_signins

        rec = read_signins(self.wb, self.ctx, self.book_tables.get("signins"))
        if rec.sheets:
            self.problems.extend(rec.problems)
            return rec
        if self.folder is not None:
            from ..attendance import read_signins_office

            st = read_signins_office(self.office)
            self.problems.extend(st.problems)
            return st.records
        raise SectoolsError(Problem("table-not-found", file=self.book.name,
                                    params={"table": "签到" if self.lang != "en" else "sign-ins",
                                            "required": "学号/姓名、日期/会议名称、状态/签到时间"}))


# ---- writing -----------------------------------------------------------------------------------
def _excel_value(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, float):
        return None if v != v else v
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        v = v.item()
        return None if isinstance(v, float) and v != v else v
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second) / 86400
    return v


FORMATS = {"percent": "0.0%", "date": "yyyy-mm-dd", "time": "hh:mm", "datetime": "yyyy-mm-dd hh:mm", "int": "0",
           "number": "0.00"}


def put_sheet(book, sheet, owned: list[str]) -> str:
    """Write a :class:`sectools.writer.Sheet` into a sheet sectools owns; returns its name."""
    names = [s.name for s in book.sheets]
    name = sheet.name
    if name in names and name not in owned:
        k = 2
        while f"{sheet.name}（{k}）" in names and f"{sheet.name}（{k}）" not in owned:
            k += 1
        name = f"{sheet.name}（{k}）"
    if name in names:
        ws = book.sheets[name]
        ws.clear_contents()
    else:
        ws = book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])
    title = f"{sheet.title or sheet.name}（{MARK} 生成，每次运行整页替换，请勿在此页录入）"
    width = max(len(sheet.columns), 1)
    values = [[title] + [None] * (width - 1)]
    values.append([c.label for c in sheet.columns])
    for r in sheet.rows:
        values.append([_excel_value(v) for v in list(r)[:width]] + [None] * (width - len(r)))
    if not sheet.rows and sheet.note:
        values.append([sheet.note] + [None] * (width - 1))
    ws["A1"].value = values
    header = ws.range((2, 1), (2, width))
    header.font.bold = True
    header.color = "#1F4E78"
    header.font.color = "#FFFFFF"
    ws["A1"].font.bold = True
    n = len(sheet.rows)
    if n:
        for c, col in enumerate(sheet.columns):
            fmt = FORMATS.get(col.kind)
            if fmt:
                ws.range((3, c + 1), (2 + n, c + 1)).number_format = fmt
    ws.range((2, 1), (2 + max(n, 1), width)).columns.autofit()
    return name


def put_sheets(book, sheets, owned: list[str], rename: dict[str, str] | None = None) -> list[str]:
    """A report's sheets into the book (without charts; the problems sheet is written by finish)."""
    written = []
    for sh in sheets:
        if sh.name in ("问题清单", "Problems"):
            continue
        sh.charts = []
        sh.name = (rename or {}).get(sh.name, sh.name)
        written.append(put_sheet(book, sh, owned))
    return written


def finish(book, summary: str, problems: list[Problem], lang: str, owned: list[str],
           written: list[str]) -> None:
    """Write the problems sheet when there are problems, then one alert."""
    from ..report import problems_sheet

    lang = normalize_lang(lang)
    lines = [summary]
    if written:
        lines.append(("Results: " if lang == "en" else "结果在工作表：") + "、".join(written))
    if problems:
        errs = sum(p.severity == ERROR for p in problems)
        name = put_sheet(book, problems_sheet(problems, lang), owned)
        if lang == "en":
            lines.append(f"{len(problems)} problems ({errs} errors), listed on sheet '{name}':")
        else:
            lines.append(f"发现 {len(problems)} 个问题（其中 {errs} 个错误），详见“{name}”工作表：")
        for p in problems[:ALERT_PROBLEMS]:
            where = f"{p.sheet}!{p.cell}" if p.sheet and p.cell else (p.location() or "")
            lines.append(f"• {where} {p.message(lang)}")
        if len(problems) > ALERT_PROBLEMS:
            lines.append("…")
    book.app.alert("\n".join(lines), title="sectools")


def fail(book, error: SectoolsError, lang: str = "zh-CN") -> None:
    """A job that could not run: one alert with what to fix."""
    head = "Could not run: " if normalize_lang(lang) == "en" else "未能完成："
    book.app.alert(head + "\n" + error.message(lang), title="sectools")


def _book_lang(book) -> str:
    """The language the settings sheet asks for (the alert of a job that could not start)."""
    try:
        data, _ = BookWorkbook(book).settings()
        return normalize_lang(data["office"].get("lang"))
    except Exception:
        return "zh-CN"


def guarded(job):
    """Run a job body; a clerk's error becomes one alert, never a traceback."""

    def run(book):
        try:
            job(book)
        except SectoolsError as e:
            fail(book, e, _book_lang(book))
        return book

    run.__name__ = job.__name__
    run.__doc__ = job.__doc__
    return run


# ---- jobs ---------------------------------------------------------------------------------------
@guarded
def attendance(book) -> None:
    """考勤统计：读取本工作簿的名册、会议、签到、请假表，写入考勤结果工作表。"""
    from ..attendance import compute
    from ..attendance.records import Records, from_table
    from ..attendance.report import report_sheets
    from ..attendance.rules import rules_from_config

    s = Session(book)
    rules, cfg = rules_from_config(s.office.section("attendance"))
    checked_config(cfg)
    roster = s.table("roster")
    meetings = s.table("meetings")
    s.semester_from(meetings)
    signins = s.signins()
    leaves = s.table("leaves", required=False)
    leave_rec = Records(from_table(leaves, extra=("kind", "approved")), [], []) if leaves is not None else None
    res = compute(roster, meetings, signins, leave_rec, rules, s.office.departments, lang=s.lang)
    written = put_sheets(book, report_sheets(res, s.office.name, s.lang), s.wb.owned,
                         {"成员考勤": "考勤统计", "Members": "Attendance"})
    n_act = len(res.actions)
    if s.lang == "en":
        summary = f"Attendance done: {len(res.members)} members, {len(res.meetings)} meetings; {n_act} actions due."
    else:
        summary = f"考勤统计完成：{len(res.members)} 名成员，{len(res.meetings)} 次会议；处理名单 {n_act} 条。"
    finish(book, summary, s.problems + res.problems, s.lang, s.wb.owned, written)


@guarded
def check(book) -> None:
    """检查：读取本工作簿中的各张表，列出所有问题及其单元格。"""
    s = Session(book)
    counts = []
    for name, required in (("roster", True), ("meetings", False), ("leaves", False)):
        t = s.table(name, required=required)
        if t is not None:
            counts.append(f"{t.spec.title_in(s.lang)} {len(t)}")
    try:
        rec = s.signins()
        counts.append(("sign-ins " if s.lang == "en" else "签到 ") + str(len(rec.frame)))
    except SectoolsError:
        pass
    summary = ("Checked: " if s.lang == "en" else "已检查：") + "，".join(counts)
    if not s.problems:
        summary += "。No problems found." if s.lang == "en" else "。没有发现问题。"
    finish(book, summary, s.problems, s.lang, s.wb.owned, [])


@guarded
def signin_sheet(book) -> None:
    """签到表：为下一次会议（或“sectools设置”中“签到会议”指定的会议）生成带应到人员的签到表工作表。"""
    from ..attendance import expected_at, find_meeting
    from ..dates import format_date_zh
    from ..writer import Column, Sheet

    s = Session(book)
    roster = s.table("roster")
    meetings = s.table("meetings")
    leaves = s.table("leaves", required=False)
    k = find_meeting(meetings, s.settings_value("签到会议"), semester=s.office.semester)
    m, people = expected_at(meetings, k, roster.data, s.office.departments,
                            leaves.data if leaves is not None else None)
    rows = [[n + 1, p["department"], p["name"], p["post"], None, None, p["note"]] for n, p in enumerate(people)]
    when = format_date_zh(m["date"], weekday=True) + (f" {m['start'].strftime('%H:%M')}" if m.get("start") else "")
    sheet = Sheet("签到表", [Column(x) for x in ("序号", "部门", "姓名", "职务", "签到时间", "本人签名", "备注")],
                  rows, title=f"{m['meeting']} 签到表 {when} {m.get('place') or ''}".strip())
    name = put_sheet(book, sheet, s.wb.owned)
    summary = (f"Sign-in sheet for {m['date']} {m['meeting']}: {len(rows)} expected." if s.lang == "en" else
               f"已生成 {m['date']} {m['meeting']} 的签到表，应到 {len(rows)} 人。")
    finish(book, summary, [p for p in s.problems if p.severity == ERROR], s.lang, s.wb.owned, [name])


@guarded
def ranking(book) -> None:
    """班级排名：读取本工作簿的班级、评分细则和各部门检查记录表，计算一周得分、排名与流动红旗。"""
    from ..ranking import Inputs, combine, inspection_table, normalise_week
    from ..ranking.compute import iso_week, rules_from_config, score_week
    from ..ranking.report import week_sheet

    s = Session(book)
    rules, cfg = rules_from_config(s.office.section("ranking"))
    checked_config(cfg)
    classes = s.table("classes")
    items = s.table("score_items")
    names = [x for x in items.data["item"].tolist() if x]
    tables = [t for t in (inspection_table(s.wb.sheet(n), names, s.ctx, s.wb.display, n) for n in s.wb.sheet_names)
              if t is not None]
    if not tables:
        raise SectoolsError(Problem("table-not-found", file=book.name,
                                    params={"table": "检查记录", "required": "日期、班级、项目"}))
    for t in tables:
        s.problems.extend(p for p in t.problems if p.code != "empty-table")
    inp = Inputs(classes, items, tables, combine(tables), rules)
    wanted = s.settings_value("周次")
    dates = [d for d in inp.records["date"].tolist() if d]
    week = normalise_week(wanted) if wanted else iso_week(max(dates)) if dates else None
    if week is None:
        raise SectoolsError(Problem("no-records", value="—"))
    res = score_week(classes.data, items.data, inp.records, week, rules, inp.locate)
    name = put_sheet(book, week_sheet(res, s.office.name, s.lang), s.wb.owned)
    flags = "、".join(res.table[res.table["red_flag"]]["class_name"].tolist()) or "—"
    summary = (f"Week {week}: {len(res.table)} classes ranked; red flags: {flags}." if s.lang == "en" else
               f"{week} 周：{len(res.table)} 个班级已排名；流动红旗：{flags}。")
    finish(book, summary, s.problems + res.problems, s.lang, s.wb.owned, [name])


@guarded
def kpi(book) -> None:
    """绩效考核：读取本工作簿的名册、考核指标和评分表，计算总分、等级和排名（“sectools设置”中的“考核期间”）。"""
    from ..kpi import evaluate
    from ..kpi.output import result_sheets

    s = Session(book)
    roster = s.table("roster")
    ind = s.table("indicators")
    rat = s.table("ratings")
    period = s.settings_value("考核期间")
    if not period:
        periods = [p for p in rat.data["period"].tolist() if p]
        period = max(periods) if periods else None
    if not period:
        raise SectoolsError(Problem("bad-period", value="—"))
    res = evaluate(s.office, ind, rat, roster.data, str(period), "member", computed=s.folder is not None)
    written = put_sheets(book, result_sheets(res, s.office.name), s.wb.owned, {"考核结果": "绩效考核"})
    top = next((r for r in res.rows if r["rank_overall"] == 1), None)
    summary = (f"绩效考核（{res.period}）完成：{len(res.rows)} 人"
               + (f"，第一名 {top['name']} {top['total']:g} 分。" if top else "。"))
    finish(book, summary, s.problems + res.problems, s.lang, s.wb.owned, written)


JOBS = {"attendance": attendance, "check": check, "signin_sheet": signin_sheet, "ranking": ranking, "kpi": kpi}
