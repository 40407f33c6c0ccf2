"""The buttons' bodies: each takes an ``xw.Book``, calls the same job as the CLI on the book as a
source (:class:`sectools.sources.BookSource`), puts the job's report sheets into sheets sectools
owns and ends with one alert.  Desktop (RunPython), xlwings Server and xlwings Lite all call these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import jobs
from ..errors import ERROR, Problem, SectoolsError
from ..messages import L, normalize_lang, text
from ..sources.book import MARK, BookWorkbook
from ..writer import Ref

ALERT_PROBLEMS = 5


# ---- writing -----------------------------------------------------------------------------------
def _excel_value(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, Ref):
        return str(v)
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


def _json_value(v: Any) -> Any:
    """A cell as xlwings' remote engine (Server, Lite) sends it to Excel — what its conversion makes of
    :func:`_excel_value` (blank as "", a date as 2026-03-02, a time of day as 2026-03-02 19:05:00) —
    made here at once for the whole sheet instead of through its pipeline cell by cell."""
    cls = v.__class__
    if cls is str or cls is int or cls is bool:
        return v
    if cls is float:
        return "" if v != v else v
    v = _excel_value(v)
    if v is None:
        return ""
    cls = v.__class__
    if cls is dt.datetime:
        return v.date().isoformat() if v.time() == dt.time(0) else v.replace(tzinfo=None).isoformat(sep=" ").split(".")[0]
    if cls is dt.date:
        return v.isoformat()
    return v


def _remote(book) -> bool:
    return type(book.impl).__module__.endswith("_xlremote")


FORMATS = {"percent": "0.0%", "date": "yyyy-mm-dd", "time": "hh:mm", "datetime": "yyyy-mm-dd hh:mm", "int": "0",
           "number": "0.00"}


def put_sheet(book, sheet, owned: list[str], lang: str = "zh-CN") -> str:
    """Write a :class:`sectools.writer.Sheet` into a sheet sectools owns; returns its name."""
    sheet = sheet.rendered(lang)
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
    title = (sheet.title or sheet.name) + text("excel-mark", lang, mark=MARK)
    width = max(len(sheet.columns), 1)
    remote = _remote(book)
    cell = _json_value if remote else _excel_value
    blank = cell(None)
    values = [[title] + [blank] * (width - 1)]
    values.append([c.label for c in sheet.columns])
    for r in sheet.rows:
        values.append([cell(v) for v in list(r)[:width]] + [blank] * (width - len(r)))
    if not sheet.rows and sheet.note:
        values.append([sheet.note] + [blank] * (width - 1))
    if remote:  # the values are as the engine sends them already: past its per-cell conversion
        ws.range((1, 1), (len(values), width)).raw_value = values
    else:
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
    _links(ws, sheet)
    ws.range((2, 1), (2 + max(n, 1), width)).columns.autofit()
    return name


MAX_BOOK_LINKS = 2000  # each link is one action in the answer to Excel


def _links(ws, sheet) -> None:
    """A Ref to a cell of this book becomes a link to it (click: the clerk's record)."""
    done = 0
    for c, col in enumerate(sheet.columns):
        if col.kind != "link":
            continue
        for i, r in enumerate(sheet.rows):
            v = r[c] if c < len(r) else None
            if isinstance(v, Ref) and v.internal and done < MAX_BOOK_LINKS:
                ws.range((3 + i, c + 1)).add_hyperlink("#" + v.anchor(), str(v))
                done += 1


def put_sheets(book, sheets, owned: list[str], rename: dict | None = None, lang: str = "zh-CN") -> list[str]:
    """A report's sheets into the book (without charts; the problems sheet is written by finish).
    ``rename``: a report sheet's name (its Simplified word) → the name it takes in the book."""
    from dataclasses import replace

    written = []
    for sh in sheets:
        zh = getattr(sh.name, "zh", sh.name)
        if zh == "问题清单":
            continue
        sh = replace(sh, charts=[], name=(rename or {}).get(zh, sh.name))
        written.append(put_sheet(book, sh, owned, lang))
    return written


def finish(book, summary: str, problems: list[Problem], lang: str, owned: list[str],
           written: list[str]) -> None:
    """Write the problems sheet when there are problems, then one alert."""
    from ..report import problems_sheet

    lang = normalize_lang(lang)
    lines = [summary]
    if written:
        lines.append(text("excel-results", lang, sheets="、".join(written)))
    if problems:
        errs = sum(p.severity == ERROR for p in problems)
        name = put_sheet(book, problems_sheet(problems, lang), owned, lang)
        lines.append(text("excel-problems", lang, count=len(problems), errors=errs, sheet=name))
        for p in problems[:ALERT_PROBLEMS]:
            where = f"{p.sheet}!{p.cell}" if p.sheet and p.cell else (p.location() or "")
            lines.append(f"• {where} {p.message(lang)}")
        if len(problems) > ALERT_PROBLEMS:
            lines.append("…")
    book.app.alert("\n".join(lines), title="sectools")


def fail(book, error: SectoolsError, lang: str = "zh-CN") -> None:
    """A job that could not run: one alert with what to fix."""
    book.app.alert(text("excel-failed", lang) + "\n" + error.message(lang), title="sectools")


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
        except OSError as e:  # the office folder read-only, the disk full …: what to do
            from ..errors import os_problem

            fail(book, SectoolsError(os_problem(e)), _book_lang(book))
        return book

    run.__name__ = job.__name__
    run.__doc__ = job.__doc__
    return run


# ---- jobs ---------------------------------------------------------------------------------------
def _source(book):
    from ..sources.book import BookSource

    return BookSource(book)


def _chosen(job, lang: str) -> list[str]:
    return [text(c.lead, lang, text=c.text(lang)) for c in job.choices]


@guarded
def attendance(book) -> None:
    """考勤统计：读取本工作簿的名册、会议、签到、请假表，写入考勤结果工作表。"""
    src = _source(book)
    job = jobs.attendance(src, out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"成员考勤": L("考勤统计")}, src.lang)
    summary = "\n".join([text("excel-done-attendance", src.lang, **job.facts)] + _chosen(job, src.lang))
    finish(book, summary, job.problems, src.lang, src.wb.owned, written)


@guarded
def check(book) -> None:
    """检查：读取本工作簿中的各张表，列出所有问题及其单元格。"""
    src = _source(book)
    job = jobs.check(src)
    counts = "，".join(f"{t.spec.title_in(src.lang)} {len(t)}" for t in job.result.values())
    summary = text("excel-checked", src.lang, counts=counts)
    if not job.problems:
        summary += " " + text("no-problems", src.lang)
    finish(book, summary, job.problems, src.lang, src.wb.owned, [])


@guarded
def signin_sheet(book) -> None:
    """签到表：为下一次会议（或“sectools设置”中“签到会议”指定的会议）生成带应到人员的签到表工作表。"""
    from ..attendance.report import signin_sheet_data

    src = _source(book)
    job = jobs.signin_sheet(src, src.options.get("签到会议"), out=False)
    data = signin_sheet_data(job.result["meeting"], job.result["people"], src.office.name)
    name = put_sheet(book, data, src.wb.owned, src.lang)
    f = job.facts
    if f.get("signin_link"):
        _signin_qr(book.sheets[name], f["signin_link"], len(data.columns) + 2, src.lang)
    summary = "\n".join([text("excel-signin", src.lang, date=f["date"], meeting=f["meeting"], count=f["expected"])]
                        + _chosen(job, src.lang))
    finish(book, summary, job.errors, src.lang, src.wb.owned, [name])


def _signin_qr(ws, link: str, column: int, lang: str) -> None:
    """扫码签到 beside the names: a caption, the link, and the form's QR code under them (a picture the book
    keeps; on Server and Lite it travels as the PNG's bytes)."""
    import os
    import tempfile

    from ..qr import qr_png

    ws.range((1, column)).value = text("signin-qr-caption", lang)
    ws.range((1, column)).font.bold = True
    ws.range((2, column)).value = link
    fd, png = tempfile.mkstemp(suffix=".png")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(qr_png(link, scale=4))
        ws.pictures.add(png, anchor=ws.range((3, column)))
    finally:
        os.unlink(png)


@guarded
def ranking(book) -> None:
    """班级排名：读取本工作簿的班级、评分细则和各部门检查记录表，计算一周得分、排名与流动红旗。"""
    src = _source(book)
    job = jobs.ranking_week(src, src.options.get("周次"))
    written = put_sheets(book, job.sheets, src.wb.owned, lang=src.lang)
    f = job.facts
    summary = "\n".join([text("excel-ranking", src.lang, week=f["week"], name=f["name"], classes=f["classes"],
                               flags="、".join(f["red_flags"]) or "—")] + _chosen(job, src.lang))
    finish(book, summary, job.problems, src.lang, src.wb.owned, written)


@guarded
def kpi(book) -> None:
    """绩效考核：读取本工作簿的名册、考核指标和评分表，计算总分、等级和排名（“sectools设置”中的“考核期间”）。"""
    src = _source(book)
    job = jobs.kpi(src, src.options.get("考核期间"), out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"考核结果": L("绩效考核")}, src.lang)
    top = job.facts["top"]
    line = (text("excel-kpi-top", src.lang, period=job.facts["period"], people=job.facts["people"], name=top["name"],
                 total=f"{top['total']:g}") if top else
            text("excel-kpi", src.lang, period=job.facts["period"], people=job.facts["people"]))
    finish(book, "\n".join([line] + _chosen(job, src.lang)), job.problems, src.lang, src.wb.owned, written)


@guarded
def seals(book) -> None:
    """用印检查：读取本工作簿的印章表和用印登记，写入用印统计（违规在前）和月度统计。"""
    src = _source(book)
    job = jobs.seals(src, out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"用印记录": L("用印统计")}, src.lang)
    f = job.facts
    summary = text("seals-summary", src.lang, uses=f["uses"], violation=f["violation"], unverified=f["unverified"],
                   pending=f["pending"], ok=f["ok"])
    finish(book, summary, job.problems, src.lang, src.wb.owned, written)


@guarded
def documents(book) -> None:
    """收文办理：读取本工作簿的收文登记，写入收文办理情况（逾期在前）、按部门统计和未阅名单。"""
    src = _source(book)
    job = jobs.documents(src, out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"收文情况": L("收文办理")}, src.lang)
    f = job.facts
    summary = text("incoming-summary", src.lang, **f)
    finish(book, summary, job.problems, src.lang, src.wb.owned, written)


@guarded
def tasks(book) -> None:
    """督办通报：读取本工作簿的督办台账（和议定事项、收文登记，在本工作簿或办公室文件夹里），写入督办事项（三色）、按部门统计和逾期清单。"""
    src = _source(book)
    job = jobs.tasks(src, out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"督办事项": L("督办通报")}, src.lang)
    summary = text("tasks-summary", src.lang, **job.facts)
    finish(book, summary, job.problems, src.lang, src.wb.owned, written)


@guarded
def fund(book) -> None:
    """爱心基金：读取本工作簿的收支明细，逐笔计算余额，写入收支明细（含问题）和收支汇总（“sectools设置”中的“学期”，默认本学期）。"""
    src = _source(book)
    job = jobs.fund(src, src.options.get("学期"), out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"收支明细": L("爱心基金收支")}, src.lang)
    finish(book, text("fund-summary", src.lang, **job.facts), job.problems, src.lang, src.wb.owned, written)


@guarded
def supplies(book) -> None:
    """办公用品：读取本工作簿的预算、采购登记、领用登记，写入预算执行（预警、超支）、采购明细（含问题）、库存、领用月报和报销汇总（“sectools设置”中的“预算年度”，默认本学期开始时所在的年度）。"""
    src = _source(book)
    wanted = src.options.get("预算年度")
    job = jobs.supplies(src, str(int(wanted)) if isinstance(wanted, float) and wanted.is_integer() else
                        (str(wanted) if wanted not in (None, "") else None), out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {}, src.lang)
    finish(book, "\n".join([text("supplies-summary", src.lang, **job.facts)] + _chosen(job, src.lang)), job.problems,
           src.lang, src.wb.owned, written)


@guarded
def intake(book) -> None:
    """纳新：读取本工作簿的报名表和面试评分表，写入纳新排名、各部门录用和面试官（名额：“sectools设置”中 intake.quota.部门 一行一个，或办公室文件夹的 sectools.toml）。"""
    src = _source(book)
    job = jobs.intake(src, out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {}, src.lang)
    finish(book, text("intake-summary", src.lang, **job.facts), job.problems, src.lang, src.wb.owned, written)


@guarded
def archive(book) -> None:
    """档案变动：本工作簿的名册与办公室文件夹里最近一次名册存档相比，谁加入、退出、撤职、调整部门或职务（存档用 sectools archive snapshot）。"""
    from ..errors import Problem, SectoolsError
    from ..jobs.archived import snapshots

    src = _source(book)
    if src.state_root is None:  # the archive lives in the office folder's .sectools
        raise SectoolsError(Problem("archive-needs-folder"))
    known = [d for d in snapshots(src, strict=False) if not d["damaged"]]
    if not known:
        raise SectoolsError(Problem("archive-nothing-yet"))
    job = jobs.archive_diff(src, known[-1]["semester"], "现在", out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {}, src.lang)
    finish(book, text("archive-diff-summary", src.lang, **job.facts), job.problems, src.lang, src.wb.owned, written)


@guarded
def diary(book) -> None:
    """大事记：本工作簿（和办公室文件夹）里这个月的会议、收文、督办和大事记表的记事，按日期写入“大事记”工作表。"""
    import datetime as dt

    from ..plans.forms import parse_month

    src = _source(book)
    wanted = src.options.get("大事记月份")
    month = (wanted.year, wanted.month) if isinstance(wanted, (dt.date, dt.datetime)) else \
        parse_month(str(wanted)) if wanted else None
    if wanted and month is None:
        from ..errors import Problem, SectoolsError

        raise SectoolsError(Problem("bad-month", value=str(wanted)))
    job = jobs.diary(src, month, out=False)
    written = put_sheets(book, job.sheets, src.wb.owned, {"大事记": L("大事记汇编")}, src.lang)  # beside the clerk's own
    finish(book, "\n".join([text("diary-summary", src.lang, **job.facts)] + _chosen(job, src.lang)), job.problems,
           src.lang, src.wb.owned, written)


JOBS = {"attendance": attendance, "check": check, "signin_sheet": signin_sheet, "ranking": ranking, "kpi": kpi,
        "seals": seals, "documents": documents, "tasks": tasks, "diary": diary, "fund": fund,
        "supplies": supplies, "intake": intake, "archive": archive}
