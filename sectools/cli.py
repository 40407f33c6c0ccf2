"""The ``sectools`` command line: thin commands over :mod:`sectools.jobs`.

Every failure a clerk can cause ends in a message (``错误: …``) and a non-zero exit, never a
traceback; ``--debug`` shows one for the maintainers.  Exit codes: 0 done and no errors in the
data, 1 done (or refused) with errors in the data, 2 bad usage.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from .errors import SectoolsError
from .messages import MESSAGES, L, normalize_lang, text, to_traditional, word


class Failure(click.ClickException):
    """A clerk-facing error: printed as ``错误: …`` (``Error: …`` in English), exit 1."""

    def __init__(self, message: str, lang: str = "zh-CN"):
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        click.echo(f"{text('error-prefix', self.lang)}: {self.format_message()}", err=True)


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SectoolsError as e:
            raise Failure(e.message(_lang()), _lang()) from None
        except click.NoSuchOption as e:  # --json where the command says --format json: point there, not at --to
            if e.option_name == "--json" and e.ctx is not None and any(
                    "--format" in p.opts for p in e.ctx.command.params):
                e.possibilities = ["--format json"]
            raise
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except OSError as e:  # a read-only folder, a full disk, a path too long …: what to do, not a bug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from .errors import os_problem

            raise Failure(os_problem(e).message(_lang()), _lang()) from None
        except Exception as e:  # a bug: say so plainly, keep the traceback for --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from .errors import Problem

            p = Problem("internal-error", params={"detail": f"{type(e).__name__}: {e}"})
            raise Failure(p.message(_lang()), _lang()) from None


def _lang() -> str:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    obj = (root.obj if root else None) or {}
    return obj.get("lang") or "zh-CN"


def _open(folder: Path):
    """The office folder as a source; its ``lang`` becomes the messages' language unless --lang was given."""
    from .sources import OfficeSource

    src = OfficeSource.load(folder)
    obj = click.get_current_context().find_root().obj
    if obj.get("lang_given"):
        src.set_lang(obj["lang"])
    else:
        obj["lang"] = src.office.lang
        _CLICK_LANG[0] = src.office.lang
    return src


def say(key: str, **params) -> None:
    click.echo(text(key, _lang(), **params))


# ---- parameter types: a malformed value is a usage error (exit 2) -------------------------------
class DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        from .dates import parse_date

        if isinstance(value, dt.date):
            return value
        d = parse_date(value)
        if d is None and ctx is not None and ctx.params.get("office"):
            # 3月31日 as in the cells: its year from the office's semester, as the reader gives it one
            try:
                from .config import load_office

                d = parse_date(value, load_office(ctx.params["office"]).semester)
            except SectoolsError:
                d = None
        if d is None:
            self.fail(f"“{value}”不是日期，应写成 2026-03-02 或 3月2日 / not a date: write 2026-03-02", param, ctx)
        return d


class WorkbookOut(click.Path):
    """``--out`` for a report workbook: sectools writes .xlsx, so a name that says otherwise (签到表.xls, 报表.csv,
    no suffix) is refused with the name to use — a file that Excel opens as something it is not helps nobody."""

    def __init__(self):
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value, param, ctx):
        path = super().convert(value, param, ctx)
        if path.suffix.lower() != ".xlsx":
            fixed = path.with_suffix(".xlsx") if path.suffix else path.with_name(path.name + ".xlsx")
            self.fail(f"“{path.name}”：sectools 输出的是 .xlsx 工作簿，请写成 {fixed.name} / "
                      f"sectools writes .xlsx workbooks: write {fixed.name}", param, ctx)
        return path


class SemesterParam(click.ParamType):
    """A semester as clerks name it: 2026春, 2026秋, 2026年春季学期, 2026-2027学年第一学期, 本学期, 上学期 (a mistyped one
    is a usage error, exit 2)."""

    name = "SEMESTER"

    def convert(self, value, param, ctx):
        import datetime as _dt

        from .dates import Semester
        from .fund import semester_range

        if semester_range(value, Semester(_dt.date(2026, 3, 1), _dt.date(2026, 7, 10))) is None:
            self.fail(text("semester-usage", _lang(), value=value), param, ctx)
        return value


class YearParam(click.ParamType):
    """A budget year: 2026, 2026年度, 2025-2026学年 (a mistyped one is a usage error, exit 2)."""

    name = "YEAR"

    def convert(self, value, param, ctx):
        from .supplies import parse_year

        if parse_year(value) is None:
            self.fail(text("year-usage", _lang(), value=value), param, ctx)
        return value


class MonthParam(click.ParamType):
    name = "MONTH"

    def convert(self, value, param, ctx):
        from .plans.forms import parse_month

        if isinstance(value, tuple):
            return value
        m = parse_month(value, dt.date.today().year)
        if not m:
            self.fail(f"“{value}”不是月份，应写成 2026-03 / not a month: write 2026-03", param, ctx)
        return m


class WeekParam(click.ParamType):
    name = "WEEK"

    def convert(self, value, param, ctx):
        from .dates import teaching_week_number
        from .ranking import normalise_week

        if teaching_week_number(value) is not None:
            return value.strip()  # 第17周: the job counts it from the office's semester_start
        try:
            return normalise_week(value)
        except SectoolsError:
            self.fail(f"“{value}”不是周次，应写成 2026-W11、第2周或该周任一日期 / not a week: write 2026-W11",
                      param, ctx)


class PeriodParam(click.ParamType):
    name = "PERIOD"

    def convert(self, value, param, ctx):
        from .kpi import is_semester
        from .plans.forms import parse_month

        if is_semester(value) or parse_month(value, dt.date.today().year):
            return str(value).strip()
        self.fail(f"“{value}”不是考核期间，应写成 2026-03 或 2026年春季学期 / not a period", param, ctx)


class FolderPath(click.Path):
    """An existing folder; "Directory '…' does not exist" in the clerk's language."""

    def convert(self, value, param, ctx):
        self.name = _click_words("Directory")
        return super().convert(value, param, ctx)


OFFICE = click.argument("office", type=FolderPath(exists=True, file_okay=False, path_type=Path),
                        is_eager=True)  # first: a date typed 3月31日 takes its year from the office


def output_options(*formats: str, out_help: str = "结果工作簿 / result workbook (default: 办公室/输出/…)"):
    """``--format`` (the first format is the default) and ``--out``, declared once for every job."""

    def deco(f):
        f = click.option("--out", type=WorkbookOut(), help=out_help)(f)
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                            help="屏幕输出格式 / output format.")(f)

    return deco


def register_notice_options(kind: str, force: bool = True):
    """``--format``, ``--out``, ``--date`` (and ``--force``) of a register's notice, declared once."""

    def deco(f):
        if force:
            f = click.option("--force", is_flag=True, help="来源有错误时仍然生成 / make it even while the data has errors.")(f)
        f = click.option("--date", "issued", type=DateParam(), help="截至哪一天、成文日期（默认今天）/ as of and date of issue.")(f)
        f = click.option("--out", type=click.Path(file_okay=False, path_type=Path),
                         help=f"输出文件夹（默认：输出/通知/{kind}）/ output folder.")(f)
        return click.option("--format", "fmt", type=click.Choice(["docx", "html", "txt", "pdf"]), default="docx",
                            show_default=True)(f)

    return deco


# ---- showing a job's result ------------------------------------------------------------------
def _table(rows: list[list], headers: list[str] | None = None) -> str:
    from tabulate import tabulate

    return tabulate(rows, headers=headers or (), tablefmt="plain", disable_numparse=True)


def _choices(job, err: bool = False) -> None:
    for c in job.choices:
        click.echo(text(c.lead, _lang(), text=c.text(_lang())), err=err)


def _problems(problems) -> None:
    lang = _lang()
    if not problems:
        say("no-problems")
        return
    head = [word("location", lang), word("severity", lang), word("code", lang), word("message", lang)]
    rows = [[p.location(), word(p.severity, lang), p.code, p.message(lang)] for p in problems]
    click.echo()
    color = sys.stdout.isatty()
    lines = _table(rows, head).splitlines()
    click.echo(lines[0])
    for line, p in zip(lines[1:], problems):
        click.secho(line, fg=("red" if p.is_error() else "yellow") if color else None)


def finish(job, fmt: str, show) -> None:
    """Print a job's result in ``fmt``, its choices and problems; exit 1 when the data has errors."""
    if fmt == "json":
        click.echo(json.dumps(job.records(_lang()), ensure_ascii=False, indent=2, default=str))
        _choices(job, err=True)
        if job.problems:
            click.echo(text("more-problems", _lang(), count=len(job.problems)), err=True)
    elif fmt == "csv":
        click.echo(show(job), nl=False)
        _choices(job, err=True)
    else:
        _choices(job)
        show(job)
        if job.problems:
            _problems(job.problems)
    sys.exit(1 if job.errors else 0)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--lang", type=click.Choice(["zh-CN", "zh-TW", "en"], case_sensitive=False),
              help="提示语言（默认取 sectools.toml 的 lang）/ message language.")
@click.option("--debug", is_flag=True, help="出错时显示技术细节 / show tracebacks.")
@click.version_option(package_name="sectools")
@click.pass_context
def main(ctx: click.Context, lang: str | None, debug: bool) -> None:
    """sectools — 学生会 / 院团委 / 学院办公室秘书处的 Excel 助手。

    \b
    例 / examples:
      sectools demo                      建一个演示办公室并运行全部任务
      sectools init 我的办公室            新建空白办公室文件夹
      sectools check 我的办公室           检查所有工作簿，列出问题及单元格
      sectools attendance 我的办公室      考勤统计与处理名单，生成报表
      sectools signin-sheet 我的办公室    打印下一次会议的签到表
      sectools ranking publish 我的办公室 --week 2026-W11    班级量化考核：发布排名与公示
      sectools plans collect 我的办公室 --month 2026-03     收集各部门月度计划，列出未交、逾期
      sectools kpi 我的办公室 --period 2026-03              绩效考核
      sectools seals 我的办公室                            用印检查（违规在前）
      sectools documents 我的办公室                        收文办理：逾期、临期的办件，未阅的阅件
      sectools tasks 我的办公室                            督办：逾期、临期、正常三色，各部门完成率
      sectools diary 我的办公室 --month 2026-03             本月大事记（Word 和工作簿）
      sectools fund 我的办公室                             爱心基金收支与余额
      sectools supplies 我的办公室                         办公用品：预算执行、库存、领用、报销汇总
      sectools intake 我的办公室                           纳新：面试成绩（标准化）、按志愿和名额录用
      sectools archive snapshot 我的办公室                 档案：本学期名册存档；archive diff / show 查变动和个人履历
      sectools notices render 会议通知 我的办公室            生成通知（Word 公文格式）
      sectools excel quickstart 我的办公室                  生成带按钮的 Excel 工作簿
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["lang"] = normalize_lang(lang) if lang else None
    ctx.obj["lang_given"] = bool(lang)
    _CLICK_LANG[0] = normalize_lang(lang) if lang else "zh-CN"


# ---- init -----------------------------------------------------------------------------------
@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--demo", "with_demo", is_flag=True, help="填入一个虚构学期的演示数据 / fill with the demo semester.")
@click.option("--name", help="办公室名称，如 财经系学生会 / office name.")
@click.option("--force", is_flag=True, help="文件夹非空时仍写入：只补上缺少的文件，和 sectools 生成后没人改过的文件；"
                                           "您的文件一律保留并列出 / fill in what is missing; never replaces your files.")
def init(folder: Path, with_demo: bool, name: str | None, force: bool) -> None:
    """新建办公室文件夹：sectools.toml 和带表头、下拉列表的工作簿。

    \b
    例 / examples:
      sectools init 学生会秘书处
      sectools init 演示 --demo
      sectools init 學生會秘書處 --lang zh-TW     繁體辦公室：設定、表頭、下拉選項皆為繁體

    --lang 也写进 sectools.toml，作为这个办公室的语言 / --lang is also the office's language.
    """
    from .scaffold import init_office

    existed = folder.exists() and any(folder.iterdir())
    obj = click.get_current_context().find_root().obj or {}
    made = init_office(folder, with_demo=with_demo, force=force, name=name,
                       lang=obj.get("lang") if obj.get("lang_given") else None)
    say("init-filled" if existed and made else "init-nothing" if existed else "created", path=folder)
    for p in made:
        click.echo(f"  {p.relative_to(folder).as_posix()}")
    if made.kept:
        say("init-kept", count=len(made.kept))
        for p in made.kept:
            click.echo(f"  {p.relative_to(folder).as_posix()}")
    if not name and not with_demo and not existed:  # the default name signs every notice: say how to change it
        from .config import load_office

        say("init-name", name=load_office(folder).name, folder=folder)


# ---- check ----------------------------------------------------------------------------------
@main.command()
@OFFICE
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出问题列表 / print problems as JSON.")
@click.option("--out", type=WorkbookOut(),
              help="另存问题清单工作簿（.xlsx）/ also write the problems to a workbook.")
def check(office: Path, as_json: bool, out: Path | None) -> None:
    """读取办公室的每张表，列出所有问题（文件、工作表、单元格）。没有错误时退出码为 0，有错误为 1。

    \b
    例 / examples:
      sectools check 学生会秘书处
      sectools check 学生会秘书处 --json > 问题.json
      sectools check 学生会秘书处 --out 问题清单.xlsx
    """
    from . import jobs

    job = jobs.check(_open(office), out=out or False)
    if as_json:
        click.echo(json.dumps([p.as_dict(_lang()) for p in job.problems], ensure_ascii=False, indent=2))
        sys.exit(1 if job.errors else 0)
    finish(job, "table", _show_tables)


def _show_tables(job) -> None:
    lang = _lang()
    for t in job.result.values():
        errs = sum(p.is_error() for p in t.problems)
        where = f"{t.file} › {t.sheet}" if t.sheet else (t.file or "")
        say("table-summary", title=t.spec.title_in(lang), where=where, rows=len(t), errors=errs,
            warnings=len(t.problems) - errs)
    # problems in files that are no table of the office (the month folders' plan forms …): counted too,
    # so the lines above never add up to "0 个错误" when the command exits 1
    owned = {id(p) for t in job.result.values() for p in t.problems}
    rest = [p for p in job.problems if id(p) not in owned]
    if rest:
        errs = sum(p.is_error() for p in rest)
        files = list(dict.fromkeys(p.file for p in rest if p.file))
        shown = "、".join(files[:3]) + ("……" if len(files) > 3 else "")
        say("other-files-summary", files=shown or "—", errors=errs, warnings=len(rest) - errs)
    for f in job.files:
        say("problems-written", path=f)


# ---- attendance ----------------------------------------------------------------------------
@main.command()
@OFFICE
@click.option("--from", "date_from", type=DateParam(), help="起始日期（含）/ first day, e.g. 2026-03-01.")
@click.option("--to", "date_to", type=DateParam(), help="截止日期（含）/ last day.")
@click.option("--kind", help="只统计某类会议，如 例会、秘书处例会（报表名加 _类型）/ one meeting kind only.")
@output_options("table", "json", "csv", out_help="报表工作簿（默认：办公室文件夹/输出/考勤统计.xlsx；给了 --from/--to：考勤统计_起始至截止.xlsx）/ report workbook.")
def attendance(office: Path, date_from, date_to, kind, out, fmt) -> None:
    """考勤统计：应到、出席、迟到、早退、请假、缺席、出勤率，按制度给出处理名单，并生成报表工作簿。

    \b
    例 / examples:
      sectools attendance 学生会秘书处
      sectools attendance 学生会秘书处 --from 2026-03-01 --to 2026-03-31
      sectools attendance 学生会秘书处 --kind 秘书处例会 --format json
    """
    from . import jobs

    if date_from and date_to and date_to < date_from:
        raise click.BadParameter(text("range-reversed", _lang(), start=date_from, end=date_to), param_hint="--to")
    job = jobs.attendance(_open(office), date_from=date_from, date_to=date_to, kind=kind,
                          out=out if (out or fmt == "table") else False)
    finish(job, fmt, _show_csv if fmt == "csv" else _show_attendance)


def _show_csv(job) -> str:
    import csv
    import io

    from .attendance.report import MEMBER_COLUMNS
    from .writer import csv_safe

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([lab for _, lab, _ in MEMBER_COLUMNS])
    for rec in job.result.members[[k for k, _, _ in MEMBER_COLUMNS]].itertuples(index=False):
        w.writerow([csv_safe("" if v is None or (isinstance(v, float) and v != v) else
                             (round(v, 4) if isinstance(v, float) else v)) for v in rec])
    return buf.getvalue()


def _left_out(job) -> None:
    """What the attendance figures leave out, said before them."""
    gone = [m for m in job.result.left_out if m["reason"] == "no-signins"]
    ahead = [m for m in job.result.left_out if m["reason"] == "not-held"]
    if gone:
        click.secho(text("left-out-no-signins", _lang(), count=len(gone),
                         meetings="、".join(f"{m['date']} {m['meeting']}" for m in gone[:10])),
                    fg="yellow" if sys.stdout.isatty() else None)
    if ahead:
        say("left-out-not-held", count=len(ahead), first=min(m["date"] for m in ahead))
    seen = job.result.arrival_only
    if seen:  # signed in by QR form: arrival only
        say("arrival-only", count=len(seen), meetings="、".join(f"{m['date']} {m['meeting']}" for m in seen[:10]))


def _show_attendance(job) -> None:
    _left_out(job)
    res = job.result
    say("attendance-by-department")
    # the fraction the rate is: 公假 is neither attended nor missed
    rows = [["", r.department, "—" if r.rate != r.rate else f"{r.rate:.1%}", f"({r.attended}/{r.expected - r.official})"]
            for r in res.departments.itertuples(index=False)]
    click.echo(_table(rows))
    click.echo()
    if res.actions:
        say("actions-due")
        click.echo(_table([["", a["department"], f"{a['name']}（{a['id']}）", a["action"], a.get("unsure") or a["rule"]]
                           for a in res.actions]))
    else:
        say("no-actions")
    for f in job.files:
        say("report", path=f)


@main.command("signin-sheet")
@OFFICE
@click.option("--meeting", help="会议日期或名称；不写则取下一次会议 / a date or name; default: the next meeting.")
@click.option("--out", type=WorkbookOut(),
              help="输出工作簿（默认：输出/签到表_日期_会议.xlsx）/ output workbook.")
def signin_sheet(office: Path, meeting: str | None, out: Path | None) -> None:
    """打印用签到表：会议信息、应到人员（已请假的注明），A4 纸，每页重复表头。

    \b
    例 / examples:
      sectools signin-sheet 学生会秘书处
      sectools signin-sheet 学生会秘书处 --meeting 2026-03-08
      sectools signin-sheet 学生会秘书处 --meeting 第1周例会 --out 签到表.xlsx

    扫码签到：sectools.toml 的 [attendance] signin_form_url（或会议表的“签到链接”列）给了表单链接时，
    签到表上方印出它的二维码 / with a form link set, the sheet carries its QR code.
    """
    from . import jobs

    job = jobs.signin_sheet(_open(office), meeting, out=out)
    _choices(job)
    say("signin-sheet", date=job.facts["date"], meeting=job.facts["meeting"], count=job.facts["expected"],
        path=job.files[0])
    if job.facts.get("signin_link"):
        say("signin-sheet-qr", link=job.facts["signin_link"])


# ---- ranking -----------------------------------------------------------------------------------
@main.group()
def ranking() -> None:
    """班级量化考核：每周得分、排名、流动红旗，以及发布与公示的截止时间。

    \b
    例 / examples:
      sectools ranking status 学生会秘书处 --week 2026-W11
      sectools ranking compute 学生会秘书处 --week 2026-W11
      sectools ranking compute 学生会秘书处 --week 2026-W11 --format json
    """


def _week_option(required: bool = False):
    return click.option("--week", type=WeekParam(), required=required,
                        help="周次，如 2026-W11、第2周（从学期第一天算起）或该周任一日期" + ("" if required else "；默认最近一周")
                        + " / ISO week, the semester's week (第2周) or a date.")


@ranking.command("compute")
@OFFICE
@_week_option()
@output_options("table", "json", out_help="另存排名工作簿 / also write a workbook.")
@click.option("--semester", is_flag=True, help="学期累计排名（各周平均分）/ the semester's cumulative ranking.")
def ranking_compute(office: Path, week: str | None, fmt: str, out: Path | None, semester: bool) -> None:
    """计算一周各班得分与排名（按年级或全部），标出流动红旗。

    \b
    例 / examples:
      sectools ranking compute 学生会秘书处 --week 2026-W11
      sectools ranking compute 学生会秘书处 --week 2026-03-09 --format json
      sectools ranking compute 学生会秘书处 --semester
    """
    from . import jobs

    src = _open(office)
    if semester:
        finish(jobs.ranking_semester(src), fmt, _show_semester)
    job = jobs.ranking_week(src, week, out=out or False)
    finish(job, fmt, _show_week)


def _show_semester(job) -> None:
    say("semester-ranking", until=job.facts["until"])
    click.echo(_table([["", r["grade"], r["rank"], r["class"], f"{r['mean']:.2f}", "★" * r["red_flags"]]
                       for r in job.result]))
    if any(r["red_flags"] for r in job.result):
        say("stars-legend")


def _show_week(job) -> None:
    res = job.result
    say("week-head", week=res.week, name=job.facts["name"], records=res.records)
    for grade, sub in res.table.groupby("grade", sort=False):
        click.echo(f"\n  {grade}")
        click.echo(_table([["", int(r["rank"]), r["class_name"], f"{r['score']:.2f}",
                            (text("red-flag", _lang()) if r["red_flag"] else "") +
                            (text("serious", _lang()) if r["serious"] else "")]
                           for r in sub.to_dict("records")]))
    for f in job.files:
        say("workbook", path=f)


@ranking.command("publish")
@OFFICE
@_week_option(required=True)
@click.option("--by", help="发布人 / who publishes.")
@click.option("--force", is_flag=True, help="本周记录有读不出的单元格也照样发布（不建议）/ publish despite errors.")
def ranking_publish(office: Path, week: str, by: str | None, force: bool) -> None:
    """发布：写排名工作簿、公示通知和备份，并记下发布时的记录与结果（之后可更正、封单）。

    \b
    例 / examples:
      sectools ranking publish 学生会秘书处 --week 2026-W11 --by 张三
    """
    from . import jobs

    job = jobs.publish(_open(office), week, by=by, force=force)
    _show_week(job)
    for p in job.problems:
        click.echo(f"{word(p.severity, _lang())}: {p.message(_lang())}")
    _files("published", job.files)


def _files(head: str, files) -> None:
    say(head)
    for f in files:
        click.echo(f"  {f}")


@ranking.command("correct")
@OFFICE
@_week_option(required=True)
@click.option("--reason", required=True, help="更正原因 / why.")
@click.option("--by", help="更正人 / who corrects.")
@click.option("--force", is_flag=True, help="记录仍有读不出的单元格也照样重新发布（不建议）/ republish despite errors.")
def ranking_correct(office: Path, week: str, reason: str, by: str | None, force: bool) -> None:
    """更正：与发布时比较，记录每一处改动（谁、何时、为何、原值 → 新值），重新发布并附更正说明。

    \b
    例 / examples:
      sectools ranking correct 学生会秘书处 --week 2026-W11 --reason "会计2401卫生扣分重复录入" --by 李四
    """
    from . import jobs

    job = jobs.correct(_open(office), week, reason, by=by, force=force)
    if not job.facts["changes"]:
        say("nothing-changed")
        return
    field = {"score": L("得分"), "rank": L("排名"), "red_flag": L("流动红旗")}
    click.echo(_table([["", c["class"], field[c["field"]].render(_lang()), f"{c['old']} → {c['new']}"]
                       for c in job.facts["changes"]]))
    _files("corrected", job.files)


@ranking.command("seal")
@OFFICE
@_week_option(required=True)
@click.option("--force", is_flag=True, help="公示未结束也封单（须写 --reason）/ seal before the 公示 ends (needs --reason).")
@click.option("--reason", help="提前封单的原因，记入封单记录 / why, logged with the seal.")
def ranking_seal(office: Path, week: str, force: bool, reason: str | None) -> None:
    """封单：公示结束后锁定该周，之后任何更改都会被拒绝；记录哈希，与前一周连成链。

    \b
    例 / examples:
      sectools ranking seal 学生会秘书处 --week 2026-W11
      sectools ranking seal 学生会秘书处 --week 2026-W11 --force --reason "学期末统一封单"
    """
    from . import jobs

    job = jobs.seal(_open(office), week, force=force, reason=reason)
    say("sealed", week=job.facts["week"], hash=job.facts["code"])
    for f in job.files:
        say("workbook", path=f)


@ranking.command("verify")
@OFFICE
def ranking_verify(office: Path) -> None:
    """核验：重新计算每个已封单的周，检查记录与结果是否被手工改动；有改动时退出码为 1。

    \b
    例 / examples:
      sectools ranking verify 学生会秘书处
    """
    from . import jobs

    job = jobs.verify(_open(office))
    for week in sorted(set(job.facts["codes"]) | set(job.facts["published_codes"])):
        say("week-codes", week=week, published=job.facts["published_codes"].get(week, "—"),
            sealed=job.facts["codes"].get(week, "—"))
    if not job.problems:
        say("verified", count=job.facts["weeks"])
        return
    _problems(job.problems)
    sys.exit(1 if job.errors else 0)


@main.command()
@OFFICE
def repair(office: Path) -> None:
    """修复损坏的 sectools 记录文件（.sectools 文件夹）：损坏的文件改名保留，用上一版本恢复；恢复不了的列出办法。

    \b
    例 / examples:
      sectools repair 学生会秘书处
      sectools ranking verify 学生会秘书处      # 修复后核对
    """
    from . import jobs

    job = jobs.repair(_open(office))
    say("repaired", count=job.facts["fixed"])
    if job.problems:
        _problems(job.problems)
    sys.exit(1 if job.errors else 0)


@ranking.command("status")
@OFFICE
@_week_option()
def ranking_status(office: Path, week: str | None) -> None:
    """一周的进度：各检查部门是否已交检查记录，发布与公示截止时间。

    \b
    例 / examples:
      sectools ranking status 学生会秘书处 --week 2026-W11
    """
    from . import jobs

    job = jobs.ranking_status(_open(office), week)
    _choices(job)
    _show_status(job.result)
    if job.problems:
        _problems(job.problems)  # with the cell each one is at
    sys.exit(1 if job.errors else 0)


def _show_status(st: dict) -> None:
    fmt = "%Y-%m-%d %H:%M"
    d = st["deadlines"]
    say("status-week", week=st["week"], name=st["name"], monday=st["monday"], sunday=st["sunday"])
    say("handed-in", names="、".join(st["handed_in"]) or "—")
    say("missing", names="、".join(st["missing"]) or ("—" if st["handed_in"] else "?"))
    if st["missing"]:
        say("reminder", names="、".join(st["missing"]), due=d["collect_by"].strftime(fmt))
    say("collect-by", when=d["collect_by"].strftime(fmt))
    say("publish-by", when=d["publish_by"].strftime(fmt))
    say("objection-end", when=d["objection_end"].strftime(fmt))
    ws = st["state"]
    corr = text("state-corrections", _lang(), count=len(ws["corrections"])) if ws["corrections"] else ""
    def when(iso: str) -> str:
        return dt.datetime.fromisoformat(iso).strftime(fmt)

    if ws["sealed"]:
        click.echo(text("state-sealed", _lang(), when=when(ws["sealed"]["sealed_at"])) + corr)
    elif ws["published"]:
        late = text("state-late", _lang()) if ws["published"]["late"] else ""
        click.echo(text("state-published", _lang(), when=when(ws["published"]["published_at"])) + late + corr)
    else:
        click.echo(text("state-open", _lang()) + corr)


# ---- plans -----------------------------------------------------------------------------------
@main.group()
def plans() -> None:
    """月度工作计划 / 总结：批量收集各部门文件，检查，汇总，列出按时、逾期、未交，生成催办通知。

    \b
    例 / examples:
      sectools plans collect 学生会秘书处 --month 2026-03
      sectools plans collect 学生会秘书处 --month 2026-03 --kind summary --format json
      sectools plans schedule 学生会秘书处 --month 2026-03
    """


MONTH = click.option("--month", type=MonthParam(),
                     help="月份，如 2026-03；默认：有文件的最近一个月 / month (default: the latest with forms).")


@plans.command("collect")
@OFFICE
@MONTH
@click.option("--kind", type=click.Choice(["plan", "summary", "semester"]), default="plan", show_default=True)
@output_options("table", "json", out_help="汇总工作簿（默认：输出/月度工作计划_月份.xlsx）/ summary workbook.")
@click.option("--remind", is_flag=True, help="为未交、逾期的部门生成催办通知 / write 催办通知 for missing and late.")
def plans_collect(office: Path, month, kind: str, fmt: str, out: Path | None, remind: bool) -> None:
    """收集一个月的计划或总结：逐个检查，写一个汇总工作簿（总览、全部条目、完成率、计划外工作）。

    \b
    例 / examples:
      sectools plans collect 学生会秘书处 --month 2026-03
      sectools plans collect 学生会秘书处 --month 2026-03 --kind summary --remind
    """
    from . import jobs

    src = _open(office)
    with click.progressbar(length=0, label=text("collecting", _lang()), show_pos=True, file=sys.stderr) as bar:
        job = jobs.plans_collect(src, month, kind, progress=lambda _: bar.update(1), out=out)
    if remind:
        job.facts["reminders"] = _plan_reminders(src, job.result)
    finish(job, fmt, _show_plans)


def _plan_reminders(src, res) -> list[Path]:
    from . import jobs
    from .notices import Options

    try:
        return jobs.notice(src, "催办通知", opts=Options(extra={"collected": res})).files
    except SectoolsError:
        return []


def _when(v) -> str:
    """A time as known: 03-04 19:30 from a file's time, 03-04 from a form's 填表日期 (never an invented noon)."""
    if v is None:
        return ""
    return f"{v:%m-%d %H:%M}" if isinstance(v, dt.datetime) else f"{v:%m-%d}"


def _show_plans(job) -> None:
    res = job.result
    lang = _lang()
    say("plans-head", kind=text(f"kind-{res.kind}", lang), month=job.facts["month"], due=f"{res.due:%Y-%m-%d %H:%M}")
    click.echo(_table([["", r["department"], text(f"plan-{r['status']}", lang),
                        _when(r.get("handed_in_shown")), text("items", lang, count=r["items"]),
                        "" if r["completion_rate"] is None else text("completion", lang, rate=f"{r['completion_rate']:.0%}")]
                       for r in res.rows]))
    for f in job.files:
        say("plans-summary-workbook", path=f)
    for p in job.facts.get("reminders", []):
        say("reminder-notice", path=p)


@plans.command("schedule")
@OFFICE
@MONTH
@click.option("--out", type=WorkbookOut(), help="输出工作簿 / output workbook.")
def plans_schedule(office: Path, month, out: Path | None) -> None:
    """每月工作重点及每周活动安排：把各部门计划按周排好，可直接打印。

    \b
    例 / examples:
      sectools plans schedule 学生会秘书处 --month 2026-03
    """
    from . import jobs

    job = jobs.plans_schedule(_open(office), month, out=out)
    finish(job, "table", lambda j: say("schedule", path=j.files[0]))  # the month taken said, problems listed


# ---- kpi ---------------------------------------------------------------------------------------
@main.command()
@OFFICE
@click.option("--period", type=PeriodParam(),
              help="考核期间：月份（2026-03）、学期（2026年春季学期）或“本学期”“上学期”；默认评分表中最近的一期 / "
                   "a month, a semester, or the words 本学期 / 上学期.")
@click.option("--for", "target", type=click.Choice(["member", "department"]), default="member", show_default=True,
              help="考核成员或部门 / appraise members or departments.")
@output_options("table", "json", out_help="结果工作簿（默认：输出/绩效考核_<期间>.xlsx，--for department：绩效考核_<期间>_部门.xlsx）/ result workbook.")
@click.option("--notices", "with_notices", is_flag=True, help="同时生成每人的考核结果通知 / also a notice per person.")
def kpi(office: Path, period: str | None, target: str, fmt: str, out: Path | None, with_notices: bool) -> None:
    """绩效考核：多方评分与考勤、计划等数据加权，得出总分、等级（含优秀名额）、排名和奖金分配。

    \b
    例 / examples:
      sectools kpi 学生会秘书处 --period 2026-03
      sectools kpi 学生会秘书处 --period 2026年春季学期 --for department
      sectools kpi 学生会秘书处 --period 2026-03 --format json --notices
    """
    from . import jobs
    from .notices import Options

    src = _open(office)
    job = jobs.kpi(src, period, target, out=out)
    if with_notices:
        try:
            made = jobs.notice(src, "考核结果通知", opts=Options(extra={"kpi": job.result}))
            job.facts["notices"] = made.files
        except SectoolsError as e:  # no notice (ratings incomplete …): said with the results, which still stand
            job.problems += [p for p in e.problems if p not in job.problems]
            if fmt == "json":  # the JSON stays the results; the clerk still reads why there is no notice
                for p in e.problems:
                    click.echo(f"{word(p.severity, _lang())}: {p.message(_lang())}", err=True)
    finish(job, fmt, _show_kpi)


def _show_kpi(job) -> None:
    per_department = job.result.target == "department"  # a department's name is its row's name: once
    click.echo(_table([["", r["rank_overall"]] + ([] if per_department else [r["department"] or ""])
                       + [r["name"], f"{r['total']:.2f}", r["grade"], r.get("bonus", "")] for r in job.result.rows]))
    for f in job.files:
        say("kpi-workbook", path=f)
    made = job.facts.get("notices", [])
    for f in made[:5]:
        say("notice-file", path=f)
    if len(made) > 5:  # how many were made, not only the first five
        say("more-files", count=len(made) - 5)


# ---- registers: seals (用印登记), documents (收文登记) ----------------------------------------------
class DefaultGroup(Group):
    """A group whose first word may be the office itself: ``sectools seals 学生会秘书处`` runs its
    ``report`` command, ``sectools seals form 学生会秘书处`` the ``form`` one."""

    default_command = "report"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@main.group(cls=DefaultGroup)
def seals() -> None:
    """用印登记：每次用印是否经有权的人审批、是否先审批后盖章、印章是否在用、合同财物是否由法人代表或校长签批；打印用印审批单。

    sectools seals OFFICE 即 sectools seals report OFFICE [--month 2026-03] [--format table|json] [--out FILE.xlsx]
    （选项见 sectools seals report --help）/ the same as the report command.

    \b
    例 / examples:
      sectools seals 学生会秘书处                      用印统计（违规在前）
      sectools seals 学生会秘书处 --month 2026-03 --format json
      sectools seals form 学生会秘书处                 还没有审批人的用印，各打一张用印审批单
      sectools seals form 学生会秘书处 --row 12 --format pdf
    """


@seals.command("report")
@OFFICE
@click.option("--month", type=MonthParam(), help="只看这个月，如 2026-03（默认：全部）/ one month (default: all).")
@output_options("table", "json", out_help="用印统计工作簿（默认：输出/用印统计.xlsx）/ report workbook.")
def seals_report(office: Path, month, fmt: str, out: Path | None) -> None:
    """用印统计：每条用印的审批人、审批日期、印章状态，违规和待核实的在前；按月、按印章统计。

    \b
    例 / examples:
      sectools seals report 学生会秘书处
      sectools seals 学生会秘书处 --month 2026-03 --format json
    """
    from . import jobs

    finish(jobs.seals(_open(office), month, out=out), fmt, _show_seals)


def _show_seals(job) -> None:
    from .seals.output import CODE_WORDS, STATUS_WORDS
    from .messages import L

    lang = _lang()
    sep = ", " if lang == "en" else "、"
    rows = [[L(STATUS_WORDS[u["status"]]).render(lang), u["row"], u["date"], u["seal"] or "", u["document"] or "",
             u["approver"] or "", sep.join(L(CODE_WORDS[c]).render(lang) for c in u["codes"])]
            for u in job.result.uses if u["status"] != "ok"]
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("seal-status", "seal-row", "date", "seal", "document",
                                                         "approver", "seal-findings")]))
    say("seals-summary", uses=job.facts["uses"], violation=job.facts["violation"],
        unverified=job.facts["unverified"], pending=job.facts["pending"], ok=job.facts["ok"])
    for f in job.files:
        say("report", path=f)


@seals.command("form")
@OFFICE
@click.option("--row", "rows", type=click.IntRange(1), multiple=True,
              help="用印登记表里那一条的行号，可写多次（默认：还没有审批人的每一条）/ register row (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "txt", "pdf"]), default="docx", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="输出文件夹（默认：输出/通知/用印审批单）/ output folder.")
@click.option("--combine", is_flag=True, help="合并为一个文件（每张另起一页）/ one file, a page each.")
def seals_form(office: Path, rows: tuple[int, ...], fmt: str, out: Path | None, combine: bool) -> None:
    """用印审批单：盖章前交审批人签字的一页 A4 表单（印章、文件、用途、份数、经办人、谁有权审批、签字栏）。

    \b
    例 / examples:
      sectools seals form 学生会秘书处
      sectools seals form 学生会秘书处 --row 12 --row 13 --format pdf
    """
    _render_form(office, "用印审批单", {"rows": list(rows)}, fmt, out, combine)


@main.group(cls=DefaultGroup, short_help="收文登记：办件是否按时办结（逾期、临期按工作日计），阅件谁还没阅；文书处理单、催办通知。")
def documents() -> None:
    """收文登记：办件是否在办理时限内办结（逾期、临期按工作日计，节假日顺延）、阅件谁还没阅；打印文书处理单、给逾期的主办部门发催办通知。

    sectools documents OFFICE 即 sectools documents report OFFICE [--format table|json] [--out FILE.xlsx]
    / the same as the report command.

    \b
    例 / examples:
      sectools documents 学生会秘书处                     收文办理情况（逾期在前）
      sectools documents 学生会秘书处 --format json
      sectools documents form 学生会秘书处                新收文件的文书处理单
      sectools documents form 学生会秘书处 收〔2026〕3号 --format pdf
      sectools documents remind 学生会秘书处              逾期办件的催办通知，主办部门各一份
    """


@documents.command("report")
@OFFICE
@output_options("table", "json", out_help="收文办理工作簿（默认：输出/收文办理.xlsx）/ report workbook.")
def documents_report(office: Path, fmt: str, out: Path | None) -> None:
    """收文办理情况：每份收文的状态（逾期、临期、办理中、传阅中、已办结），按部门统计，未阅名单。

    \b
    例 / examples:
      sectools documents report 学生会秘书处
      sectools documents 学生会秘书处 --format json
    """
    from . import jobs

    finish(jobs.documents(_open(office), out=out), fmt, _show_documents)


def _show_documents(job) -> None:
    from .messages import L

    lang = _lang()
    rows = [[L(d["status"]).render(lang), d["number"] or d["suggested"] or "", d["title"] or "", d["lead"] or "",
             d["due"] or "", d["overdue"] if d["overdue"] is not None else (d["left"] if d["left"] is not None else ""),
             "、".join(d["unread"])]
            for d in job.result.docs if d["status"] in ("逾期", "临期", "传阅中", "未分发", "待核实")]
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("seal-status", "doc-number", "doc-title", "doc-lead",
                                                         "doc-due", "doc-days", "doc-unread")]))
    f = job.facts
    say("incoming-summary", **f)
    for p in job.files:
        say("report", path=p)


@documents.command("form")
@OFFICE
@click.argument("numbers", nargs=-1)
@click.option("--row", "rows", type=click.IntRange(1), multiple=True, help="收文登记表里的行号，可写多次 / register row.")
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "txt", "pdf"]), default="docx", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="输出文件夹（默认：输出/通知/文书处理单）/ output folder.")
@click.option("--combine", is_flag=True, help="合并为一个文件（每张另起一页）/ one file, a page each.")
@click.option("--force", is_flag=True, help="收文登记有错误时仍然生成 / make them even while the register has errors.")
def documents_form(office: Path, numbers: tuple[str, ...], rows: tuple[int, ...], fmt: str, out: Path | None,
                   combine: bool, force: bool) -> None:
    """文书处理单：随文件流转、归档的一页 A4 表单（来文、拟办意见、领导批示、传阅、办理结果）。

    NUMBERS：收文编号（如 收〔2026〕3号，或只写序号 3）；不写则为还没有拟办意见和领导批示的新收文件各打一张。

    \b
    例 / examples:
      sectools documents form 学生会秘书处
      sectools documents form 学生会秘书处 3 4 --format pdf
      sectools documents form 学生会秘书处 --row 7
    """
    _render_form(office, "文书处理单", {"numbers": list(numbers), "rows": list(rows)}, fmt, out, combine, force)


@documents.command("remind")
@OFFICE
@register_notice_options("收文催办通知")
def documents_remind(office: Path, fmt: str, out: Path | None, issued, force: bool) -> None:
    """收文催办通知：给有逾期办件的主办部门各一份，列出逾期文件（附将到期的）。

    \b
    例 / examples:
      sectools documents remind 学生会秘书处
      sectools documents remind 学生会秘书处 --format pdf --date 2026-05-18
    """
    _register_notice(office, "收文催办通知", fmt, out, issued, force)


@main.group(cls=DefaultGroup, short_help="督办：议定事项、收文办件和交办事项，红黄蓝三色，各部门完成率；督办通报、催办通知。")
def tasks() -> None:
    """督办：会议议定事项、收文办件和领导交办的事项是否按时办结（三色：红逾期、黄临期、蓝正常，按工作日计，节假日顺延）；每周督办通报，给逾期和临期的主办部门发催办通知。

    sectools tasks OFFICE 即 sectools tasks report OFFICE [--date D] [--format table|json] [--out FILE.xlsx]
    / the same as the report command.

    \b
    例 / examples:
      sectools tasks 学生会秘书处                       督办事项（逾期在前）、各部门完成率
      sectools tasks 学生会秘书处 --format json
      sectools tasks notice 学生会秘书处                本周的督办通报（Word）
      sectools tasks remind 学生会秘书处                逾期、临期事项的催办通知，主办部门各一份
    """


@tasks.command("report")
@OFFICE
@click.option("--date", "as_of", type=DateParam(), help="截至哪一天（默认今天），如学期最后一天 / as of (default today).")
@output_options("table", "json", out_help="督办通报工作簿（默认：输出/督办通报.xlsx）/ report workbook.")
def tasks_report(office: Path, as_of, fmt: str, out: Path | None) -> None:
    """督办事项：每件事的等级（逾期、临期、正常、已完成）、主办部门、完成时限、最新进展；按部门统计完成率；逾期清单。

    议定事项里有负责人或完成时限的、收文登记里的办件，自动列入督办，不必在督办台账里重抄。

    \b
    例 / examples:
      sectools tasks report 学生会秘书处
      sectools tasks 学生会秘书处 --format json
      sectools tasks 学生会秘书处 --date 2026-07-10        学期最后一天的情况
    """
    from . import jobs

    finish(jobs.tasks(_open(office), today=as_of, out=out), fmt, _show_tasks)


def _show_tasks(job) -> None:
    from .messages import L

    lang = _lang()
    rows = [[L(t["level"]).render(lang), t["id"], t["title"] or "", t["lead"] or "", t["due"] or "",
             t["overdue"] if t["overdue"] is not None else (t["left"] if t["left"] is not None else "")]
            for t in job.result.tasks if t["level"] in ("逾期", "临期", "待核实", "正常")]  # the done: in the workbook
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("task-level", "task-id", "task-title", "doc-lead",
                                                         "task-due", "doc-days")]))
    say("tasks-summary", **job.facts)
    for p in job.files:
        say("report", path=p)


def _register_notice(office: Path, kind: str, fmt: str, out: Path | None, issued, force: bool,
                     extra: dict | None = None) -> None:
    """A register's notice (收文催办通知, 督办通报, 督办催办通知) as of ``issued`` (default today): the files, what was
    left out and why."""
    from . import jobs
    from .notices import Options

    src = _open(office)
    opts = Options(today=issued or dt.date.today(), dated=issued is not None, force=force, extra=extra or {})
    res = jobs.notice(src, kind, fmt=fmt, opts=opts, out_dir=out)
    _choices(res)
    if res.doc_number:
        say("notice-head", kind=kind, number=res.doc_number, recipients=res.recipients, files=len(res.files))
    else:  # a letter or a form: no 文号
        say("forms-made", kind=kind, count=res.recipients, files=len(res.files))
    for line in res.said:
        click.echo(line)
    for p in res.files[:20]:
        click.echo(f"  {p}")


@tasks.command("notice")
@OFFICE
@register_notice_options("督办通报")
def tasks_notice(office: Path, fmt: str, out: Path | None, issued, force: bool) -> None:
    """督办通报：各部门督办事项的办理情况、完成率，逾期和临期事项（每周发一次）。

    \b
    例 / examples:
      sectools tasks notice 学生会秘书处
      sectools tasks notice 学生会秘书处 --format pdf
    """
    _register_notice(office, "督办通报", fmt, out, issued, force)


@tasks.command("remind")
@OFFICE
@register_notice_options("督办催办通知")
def tasks_remind(office: Path, fmt: str, out: Path | None, issued, force: bool) -> None:
    """督办催办通知：给有逾期或临期事项的主办部门各一份，列出这些事项，请到期前申请延期。

    \b
    例 / examples:
      sectools tasks remind 学生会秘书处
      sectools tasks remind 学生会秘书处 --format pdf
    """
    _register_notice(office, "督办催办通知", fmt, out, issued, force)


@main.command(short_help="大事记：本月的会议、通知、排名、计划总结、收文、督办和手记的事，按日期排成 Word 和工作簿。")
@OFFICE
@click.option("--month", type=MonthParam(), help="哪个月，如 2026-03（默认：本月）/ the month (default: this month).")
@click.option("--doc", "doc", type=click.Choice(["docx", "pdf", "html", "txt", "none"]), default="docx",
              show_default=True, help="大事记文档的格式（none：只要工作簿）/ the document's format (none: the workbook only).")
@output_options("table", "json", out_help="大事记工作簿（默认：输出/大事记_2026-03.xlsx）/ the workbook.")
def diary(office: Path, month, doc: str, fmt: str, out: Path | None) -> None:
    """大事记：把这个月开过的会（应到、实到）、印发的通知（文号）、班级量化考核的公示和封单、收取的计划总结、收到和办结的文件、
    完成的督办事项，连同“大事记”表里手工记的事，按日期排成一份大事记（Word 文档和工作簿）。

    \b
    例 / examples:
      sectools diary 学生会秘书处 --month 2026-03
      sectools diary 学生会秘书处 --month 2026-03 --doc pdf
      sectools diary 学生会秘书处 --format json
    """
    from . import jobs
    from .notices import Options

    src = _open(office)
    job = jobs.diary(src, month, out=out)
    if doc != "none":
        res = jobs.notice(src, "大事记", fmt=doc, opts=Options(month=month, extra={"diary": job.result}))
        job.files += res.files
    finish(job, fmt, _show_diary)


def _show_diary(job) -> None:
    rows = [[e["date"].isoformat(), e["category"], e["text"]] for e in job.result.entries]
    if rows:
        lang = _lang()
        click.echo(_table(rows, [word(w, lang) for w in ("date", "diary-kind", "diary-text")]))
    say("diary-summary", **job.facts)
    for p in job.files:
        say("report", path=p)


@main.group(cls=DefaultGroup, short_help="爱心基金：逐笔余额（不能透支），审批与凭证，学期收支；收支公示、感谢信。")
def fund() -> None:
    """爱心基金：逐笔计算余额（不能透支），支出是否经审批、有无凭证，按学期统计收入来源和支出用途；生成收支公示（金额写数字和大写）。

    sectools fund OFFICE 即 sectools fund report OFFICE [--semester 2026春] [--format table|json] [--out FILE.xlsx]
    / the same as the report command.

    \b
    例 / examples:
      sectools fund 学生会秘书处                         本学期的收支明细和汇总
      sectools fund 学生会秘书处 --semester 2025秋 --format json
      sectools fund notice 学生会秘书处 --semester 2026春   收支公示（Word）
      sectools fund thanks 学生会秘书处                   给每位捐赠人的感谢信
    """


@fund.command("report")
@OFFICE
@click.option("--semester", type=SemesterParam(), help="学期：2026春、2026秋、2026-2027学年第一学期、本学期、上学期（默认：sectools.toml 的本学期）/ the semester.")
@click.option("--notices", is_flag=True, help="同时生成收支公示（Word；账目有错误时不生成）/ also the 收支公示.")
@click.option("--force", is_flag=True, help="和 --notices 一起用：账目有错误时仍然生成收支公示 / with --notices: even so.")
@output_options("table", "json", out_help="爱心基金工作簿（默认：输出/爱心基金_2026年春季学期.xlsx）/ report workbook.")
def fund_report(office: Path, semester: str | None, notices: bool, force: bool, fmt: str, out: Path | None) -> None:
    """爱心基金收支：每笔收支和余额（透支、未经审批、缺凭证的标出并说明单元格），期初、收入、支出、期末（含大写）。

    \b
    例 / examples:
      sectools fund report 学生会秘书处
      sectools fund 学生会秘书处 --semester 2025秋
      sectools fund 学生会秘书处 --notices
    """
    from . import jobs
    from .notices import Options

    src = _open(office)
    job = jobs.fund(src, semester, out=out)
    if notices and (force or not job.errors):  # a 公示 with a wrong figure is never made unforced: errors listed
        for kind in ("爱心基金收支公示", "爱心基金感谢信"):
            try:
                job.files += jobs.notice(src, kind, opts=Options(extra={"semester": semester} if semester else {},
                                                                 force=force)).files
            except SectoolsError as e:  # e.g. no donor this semester: said, the report stands
                job.problems.extend(e.problems)
    finish(job, fmt, _show_fund)


def _show_fund(job) -> None:
    from .fund.output import CODE_WORDS
    from .messages import L
    from .money import shown

    lang = _lang()
    rows = [[x["date"].isoformat() if x["date"] else "", x["summary"] or "", shown(x["income"]), shown(x["expense"]),
             shown(x["balance"]) if x["counted"] else "—",
             ("、" if lang != "en" else ", ").join(L(CODE_WORDS[c]).render(lang) for c in x["codes"])]
            for x in job.result.lines]
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("date", "fund-summary", "fund-income", "fund-expense",
                                                         "fund-balance", "seal-findings")]))
    say("fund-summary", **job.facts)
    for p in job.files:
        say("report", path=p)


@fund.command("notice")
@OFFICE
@click.option("--semester", type=SemesterParam(), help="学期：2026春、2026秋、本学期、上学期（默认：本学期）/ the semester.")
@register_notice_options("爱心基金收支公示")
def fund_notice(office: Path, semester: str | None, fmt: str, out: Path | None, issued, force: bool) -> None:
    """爱心基金收支公示：一学期的期初余额、收入、支出、期末余额（数字和大写），收入按来源、支出按用途列出。账目有错误时不生成。

    \b
    例 / examples:
      sectools fund notice 学生会秘书处
      sectools fund notice 学生会秘书处 --semester 2026春 --format pdf
    """
    _register_notice(office, "爱心基金收支公示", fmt, out, issued, force, {"semester": semester} if semester else None)


@fund.command("thanks")
@OFFICE
@click.option("--semester", type=SemesterParam(), help="学期：2026春、2026秋、本学期、上学期（默认：本学期）/ the semester.")
@register_notice_options("爱心基金感谢信", force=False)
def fund_thanks(office: Path, semester: str | None, fmt: str, out: Path | None, issued) -> None:
    """爱心基金感谢信：本学期每位捐赠人一封（“捐赠人”一列；捐款合计，数字和大写）。没写捐赠人、那一行有问题的，说明原因，不生成。

    \b
    例 / examples:
      sectools fund thanks 学生会秘书处
      sectools fund thanks 学生会秘书处 --semester 2026春 --format pdf
    """
    _register_notice(office, "爱心基金感谢信", fmt, out, issued, False, {"semester": semester} if semester else None)


@main.group(cls=DefaultGroup, short_help="办公用品：预算执行（预警、超支），采购核对，库存，各部门领用，报销汇总。")
def supplies() -> None:
    """办公用品：按科目对照年度预算（花到预警比例提示，超支标红），核对每笔采购（金额 = 数量 × 单价、审批、发票号重复），
    逐笔计算库存（不能为负），各部门每月领用，未报销的采购汇总交财务。

    sectools supplies OFFICE 即 sectools supplies report OFFICE [--year 2026] [--format table|json] [--out FILE.xlsx]
    / the same as the report command.

    \b
    例 / examples:
      sectools supplies 学生会秘书处                       本年度的预算执行、库存、领用、报销汇总
      sectools supplies 学生会秘书处 --year 2025-2026学年 --format json
      sectools supplies claims 学生会秘书处                报销汇总表（Word，交财务）
    """


@supplies.command("report")
@OFFICE
@click.option("--year", type=YearParam(), help="预算年度：2026、2026年度、2025-2026学年（默认：本学期开始时所在的预算年度）/ the budget year.")
@click.option("--notices", is_flag=True, help="同时生成报销汇总表（Word；待报销的采购有错误时不生成）/ also the claim form.")
@click.option("--force", is_flag=True, help="和 --notices 一起用：有错误时仍然生成报销汇总表 / with --notices: even so.")
@output_options("table", "json", out_help="办公用品工作簿（默认：输出/办公用品_2026年度.xlsx）/ report workbook.")
def supplies_report(office: Path, year: str | None, notices: bool, force: bool, fmt: str, out: Path | None) -> None:
    """办公用品与预算：各科目预算、已支出、剩余、执行比例（预警、超支），采购明细及问题，库存，领用月报，报销汇总。

    \b
    例 / examples:
      sectools supplies report 学生会秘书处
      sectools supplies 学生会秘书处 --year 2026
      sectools supplies 学生会秘书处 --notices
    """
    from . import jobs
    from .notices import Options

    src = _open(office)
    job = jobs.supplies(src, year, out=out)
    if notices:
        try:
            job.files += jobs.notice(src, "办公用品报销汇总表", opts=Options(extra={"year": year} if year else {},
                                                                        force=force)).files
        except SectoolsError as e:  # errors on a line to claim, or nothing to claim: said, the report stands
            job.problems.extend(e.problems)
    finish(job, fmt, _show_supplies)


def _show_supplies(job) -> None:
    from .messages import L
    from .money import shown

    lang = _lang()
    rows = [[L(x["account"]).render(lang) if x["account"] == "未列科目" else x["account"], shown(x["budget"]) or "—",
             shown(x["spent"]), shown(x["remaining"]) or "—", f"{x['share']:.1%}" if x["share"] is not None else "—",
             L(x["level"]).render(lang)] for x in job.result.budget]
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("supplies-account", "supplies-budget", "supplies-spent",
                                                         "supplies-remaining", "supplies-share", "seal-status")]))
    say("supplies-summary", **job.facts)
    for p in job.files:
        say("report", path=p)


@supplies.command("claims")
@OFFICE
@click.option("--year", type=YearParam(), help="预算年度：2026、2026年度、2025-2026学年（默认：本学期开始时所在的预算年度）/ the budget year.")
@register_notice_options("办公用品报销汇总表")
def supplies_claims(office: Path, year: str | None, fmt: str, out: Path | None, issued, force: bool) -> None:
    """办公用品报销汇总表：本年度未报销的采购逐笔列出，按经办人、按科目汇总，合计写数字和大写，交财务报销。待报销的采购有错误时不生成。

    \b
    例 / examples:
      sectools supplies claims 学生会秘书处
      sectools supplies claims 学生会秘书处 --year 2026 --format pdf
    """
    _register_notice(office, "办公用品报销汇总表", fmt, out, issued, force, {"year": year} if year else None)


@main.group(cls=DefaultGroup, short_help="纳新：面试成绩（面试官打分标准化）、按志愿和名额录用、并列待定；公示、录用通知、新名册。")
def intake() -> None:
    """纳新：报名表（问卷星等导出的原样即可）和面试评分表，每位面试官的打分先标准化（严格的面试官不会拉低他面试的人），
    按评分标准的权重算出总分；各部门按名额先录第一志愿，再第二志愿，再服从调剂的；名额边上同分的列为并列待定，由办公室决定。

    sectools intake OFFICE 即 sectools intake report OFFICE [--format table|json] [--out FILE.xlsx]
    / the same as the report command.

    \b
    例 / examples:
      sectools intake 学生会秘书处                         纳新结果（排名、各部门录用、面试官）
      sectools intake 学生会秘书处 --format json
      sectools intake notice 学生会秘书处                  拟录用名单公示（Word）
      sectools intake letters 学生会秘书处                 给每位录用的同学一份录用通知
      sectools intake roster 学生会秘书处                  新名册（原名册加上录用的同学，供核对后替换）
    """


@intake.command("report")
@OFFICE
@click.option("--notices", is_flag=True, help="同时生成录用名单公示和录用通知（有并列待定或错误时不生成）/ also the 公示 and letters.")
@click.option("--force", is_flag=True, help="和 --notices 一起用：有并列待定或错误时仍然生成 / with --notices: even so.")
@output_options("table", "json", out_help="纳新结果工作簿（默认：输出/纳新结果.xlsx）/ report workbook.")
def intake_report(office: Path, notices: bool, force: bool, fmt: str, out: Path | None) -> None:
    """纳新结果：每位报名者的各项得分、总分、排名和结果（录用、并列待定、未录用），各部门录用名单，面试官打分的宽严。

    \b
    例 / examples:
      sectools intake report 学生会秘书处
      sectools intake 学生会秘书处 --notices
    """
    from . import jobs
    from .notices import Options

    src = _open(office)
    job = jobs.intake(src, out=out)
    if notices:
        for kind in ("录用名单公示", "录用通知"):
            try:
                job.files += jobs.notice(src, kind, opts=Options(force=force)).files
            except SectoolsError as e:  # ties pending, errors: said, the report stands
                job.problems.extend(p for p in e.problems if p not in job.problems)
    finish(job, fmt, _show_intake)


def _show_intake(job) -> None:
    from .messages import L

    lang = _lang()
    rows = [[a["rank"] or "—", a["id"], a["name"], a["first"] or "", a["second"] or "",
             f"{a['score']:.2f}" if a["score"] is not None else "—", L(a["status"]).render(lang),
             a["admitted_to"] or a["tied_for"] or ""] for a in job.result.applicants]
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("intake-rank", "intake-id", "intake-name", "intake-first",
                                                         "intake-second", "intake-score", "intake-result",
                                                         "intake-department")]))
    say("intake-summary", **job.facts)
    for p in job.files:
        say("report", path=p)


@intake.command("notice")
@OFFICE
@register_notice_options("录用名单公示")
def intake_notice(office: Path, fmt: str, out: Path | None, issued, force: bool) -> None:
    """拟录用名单公示：按部门列出录用的同学，公示三天。还有并列待定或面试评分有错误时不生成。

    \b
    例 / examples:
      sectools intake notice 学生会秘书处
      sectools intake notice 学生会秘书处 --format pdf
    """
    _register_notice(office, "录用名单公示", fmt, out, issued, force)


@intake.command("letters")
@OFFICE
@register_notice_options("录用通知")
def intake_letters(office: Path, fmt: str, out: Path | None, issued, force: bool) -> None:
    """录用通知：每位录用的同学一份（录用的部门；按第二志愿或调剂录用的写明）。还有并列待定或错误时不生成。

    \b
    例 / examples:
      sectools intake letters 学生会秘书处
      sectools intake letters 学生会秘书处 --format pdf
    """
    _register_notice(office, "录用通知", fmt, out, issued, force)


@intake.command("roster")
@OFFICE
@click.option("--date", "joined", type=DateParam(), help="入会日期（默认今天）/ the day they join.")
@click.option("--force", is_flag=True, help="还有并列待定或错误时仍然生成 / make it even so.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="新名册（默认：输出/纳新后名册.xlsx）/ the new roster.")
def intake_roster(office: Path, joined, force: bool, out: Path | None) -> None:
    """新名册：原名册的成员加上这次录用的同学（部门、干事、在任、入会日期），另存为新的工作簿；原名册不会改动，核对后替换即可。

    \b
    例 / examples:
      sectools intake roster 学生会秘书处
      sectools intake roster 学生会秘书处 --date 2026-03-20
    """
    from . import jobs

    src = _open(office)
    job = jobs.intake_roster(src, today=joined, force=force, out=out)
    say("intake-roster-made", **job.facts)
    for p in job.files:
        say("report", path=p)
    shown = [p for p in job.problems if p.severity == "error" or p.code == "intake-member-not-added"]
    if shown:  # made with --force: what stands is said; so is an admitted member already on the roster
        _problems(shown)


@main.group(short_help="档案：每学期名册存档（带校验值），两学期之间的变动，个人履历；考勤处理结果写成新名册。")
def archive() -> None:
    """档案：每学期把名册存档一次（原样保存并记下校验值，之后改名册不影响存档），比较两个学期谁加入、退出、撤职、调整部门或职务，
    查一个人在各学期的履历；按考勤制度要撤职、视为自动退出的，另存一份改好状态的新名册（原名册不动）。

    \b
    例 / examples:
      sectools archive snapshot 学生会秘书处                 本学期名册存档
      sectools archive list 学生会秘书处                     已存档的学期
      sectools archive diff 学生会秘书处 2025秋 2026春        两个学期之间的变动（不写第二个：与现在的名册比）
      sectools archive show 学生会秘书处 2024110101          一个人的履历（学号或姓名）
      sectools archive apply 学生会秘书处                    考勤处理（撤职、退出）写成新名册
    """


@archive.command("snapshot")
@OFFICE
@click.option("--semester", type=SemesterParam(), help="哪个学期的存档（默认：sectools.toml 的本学期）/ the semester.")
@click.option("--replace", is_flag=True, help="这个学期已存档时重新存档（原存档保留为 .prev）/ take it again.")
def archive_snapshot(office: Path, semester: str | None, replace: bool) -> None:
    """名册存档：把名册原样存到办公室的 .sectools/档案/<学期>/（工作簿副本和成员清单，各带校验值）。每学期一次。

    \b
    例 / examples:
      sectools archive snapshot 学生会秘书处
      sectools archive snapshot 学生会秘书处 --semester 2025秋
    """
    from . import jobs

    job = jobs.archive_snapshot(_open(office), semester, replace=replace)
    _choices(job)
    say("archive-snapshot-made", **job.facts)
    if job.problems:
        _problems(job.problems)
    sys.exit(1 if job.errors else 0)


@archive.command("list")
@OFFICE
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def archive_list(office: Path, fmt: str) -> None:
    """已存档的学期：每个存档的人数、存档时间，并核对校验值（存档后被改动的会报错）。

    \b
    例 / examples:
      sectools archive list 学生会秘书处
    """
    from . import jobs

    from .jobs.archived import code

    found = jobs.snapshots(_open(office), strict=False)
    if fmt == "json":
        click.echo(json.dumps([{k: d.get(k) for k in ("semester", "start", "end", "taken_at", "hash")} |
                               {"members": len(d["members"]), "code": code(d.get("hash") or ""),
                                "damaged": d["damaged"] is not None} for d in found], ensure_ascii=False, indent=2))
    else:
        if not found:
            say("archive-none")
        for d in found:
            if d["damaged"] is None:
                say("archive-list-line", semester=d["semester"], start=d["start"], end=d["end"],
                    members=len(d["members"]), taken_at=d["taken_at"].replace("T", " "), code=code(d["hash"]))
        bad = [d["damaged"] for d in found if d["damaged"] is not None]
        if bad:
            _problems(bad)
    sys.exit(1 if any(d["damaged"] is not None for d in found) else 0)


@archive.command("diff")
@OFFICE
@click.argument("before")
@click.argument("after", required=False, default="现在")
@output_options("table", "json", out_help="变动工作簿（默认：输出/档案变动_<后一学期>_对比<前一学期>.xlsx）/ workbook.")
def archive_diff(office: Path, before: str, after: str, fmt: str, out: Path | None) -> None:
    """两个学期之间名册的变动：加入、退出、撤职、调整部门、职务变动（有入职、离任日期的写上日期）。第二个学期不写：与现在的名册比。

    \b
    例 / examples:
      sectools archive diff 学生会秘书处 2025秋 2026春
      sectools archive diff 学生会秘书处 2026春
    """
    from . import jobs

    job = jobs.archive_diff(_open(office), before, after, out=out)
    finish(job, fmt, _show_archive_diff)


def _show_archive_diff(job) -> None:
    from .messages import L

    lang = _lang()
    rows = [[L(c["kind"]).render(lang), c["id"], c["name"], c["department"] or "", c["before"] or "",
             L(c["after"]).render(lang) if c["after"] == "不在名册" else c["after"] or "", c["date"] or ""]
            for c in job.result]
    if rows:
        click.echo(_table(rows, [word(w, lang) for w in ("archive-kind", "intake-id", "intake-name",
                                                         "intake-department", "archive-before", "archive-after",
                                                         "date")]))
    say("archive-diff-summary", **job.facts)
    for p in job.files:
        say("report", path=p)


@archive.command("show")
@OFFICE
@click.argument("member")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def archive_show(office: Path, member: str, fmt: str) -> None:
    """一个人的履历：各学期存档和现在的名册里，他在哪个部门、什么职务、什么状态，以及变动。写学号或姓名。

    \b
    例 / examples:
      sectools archive show 学生会秘书处 2024110101
      sectools archive show 学生会秘书处 张欣怡 --format json
    """
    from . import jobs

    job = jobs.archive_show(_open(office), member)
    finish(job, fmt, _show_archive_history)


def _show_archive_history(job) -> None:
    from .messages import L

    lang = _lang()
    first = next((r for r in job.result if r.get("id")), {})
    say("archive-who", id=first.get("id", ""), name=first.get("name", ""))
    rows = [[L(r["semester"]).render(lang) if r["semester"] == "现在" else r["semester"], r.get("department") or "",
             r.get("post") or "", r.get("status") or "", r.get("joined") or "", r.get("left") or "",
             "、".join(L(k).render(lang) for k in (r["change"] or "").split("、") if k)] for r in job.result]
    click.echo(_table(rows, [word(w, lang) for w in ("archive-semester", "intake-department", "archive-post",
                                                     "seal-status", "archive-joined", "archive-left",
                                                     "archive-kind")]))


@archive.command("apply")
@OFFICE
@click.option("--date", "day", type=DateParam(), help="离任日期（默认：学期最后一天和今天中较早的）/ the day they leave.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="新名册（默认：输出/考勤处理后名册.xlsx）/ the new roster.")
def archive_apply(office: Path, day, out: Path | None) -> None:
    """考勤处理写进名册：按考勤制度要撤职、视为自动退出的人，状态和离任日期改好，另存为新的名册工作簿；原名册不动，核对后替换即可。

    \b
    例 / examples:
      sectools archive apply 学生会秘书处
      sectools archive apply 学生会秘书处 --date 2026-07-10
    """
    from . import jobs

    job = jobs.archive_apply(_open(office), today=day, out=out)
    _choices(job)
    if not job.result:
        say("archive-nothing-to-apply")
    else:
        say("archive-applied", **job.facts)
        for a in job.result:
            click.echo(f"  {a['department'] or ''} {a['name']}（{a['id']}）：{a['action']} → {a['after']}")
    for p in job.files:
        say("report", path=p)
    if job.problems:
        _problems(job.problems)


def _render_form(office: Path, kind: str, extra: dict, fmt: str, out: Path | None, combine: bool,
                 force: bool = False) -> None:
    """A form (用印审批单, 文书处理单) for each item chosen, with a progress bar."""
    from . import jobs
    from .notices import Options

    src = _open(office)
    with click.progressbar(length=0, label=text("rendering", _lang()), show_pos=True, file=sys.stderr) as bar:
        res = jobs.notice(src, kind, fmt=fmt, opts=Options(extra=extra, force=force), out_dir=out, combine=combine,
                          progress=lambda _: bar.update(1))
    _choices(res)
    for line in res.said:
        click.echo(line)
    say("forms-made", kind=kind, count=res.recipients, files=len(res.files))
    for p in res.files[:20]:
        click.echo(f"  {p}")
    if len(res.files) > 20:
        say("more-files", count=len(res.files) - 20)


# ---- notices ---------------------------------------------------------------------------------
@main.group()
def notices() -> None:
    """通知、通报、会议纪要：按模板批量生成 Word（公文格式）、网页、文字和 PDF。

    \b
    例 / examples:
      sectools notices list
      sectools notices render 会议通知 学生会秘书处
      sectools notices render 考勤提醒 学生会秘书处 --format pdf
    """


@notices.command("list")
def notices_list() -> None:
    """列出可生成的通知种类，每行一个，名称在前（即 render 使用的名称）。

    \b
    例 / examples:
      sectools notices list
    """
    from .notices import KINDS

    for k in KINDS.values():
        name = to_traditional(k.name) if _lang() == "zh-TW" else k.name  # either script is taken by render
        click.echo(f"{name}\t{text('about-' + k.name, _lang())}")


@notices.command("render")
@click.argument("kind")
@OFFICE
@click.option("--for", "per", type=click.Choice(["member", "department"]), help="按人或按部门分发 / one per member or department.")
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "txt", "pdf"]), default="docx", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="输出文件夹（默认：输出/通知/种类；文件名：种类_期间或会议_对象）/ output folder.")
@click.option("--combine", is_flag=True, help="合并为一个文件（每份另起一页）/ one file, a page break between notices.")
@click.option("--meeting", help="哪次会议：日期或名称 / which meeting: a date or a name.")
@click.option("--from", "date_from", type=DateParam(), help="统计起始日期 / period start.")
@click.option("--to", "date_to", type=DateParam(), help="统计截止日期 / period end.")
@click.option("--date", "issued", type=DateParam(), help="成文日期（默认今天）/ date of issue (default today).")
@_week_option()
@click.option("--month", type=MonthParam(), help="哪个月（催办通知）/ which month.")
@click.option("--period", type=PeriodParam(), help="考核期间（考核结果通知）/ which appraisal period.")
@click.option("--force", is_flag=True, help="已开过的会议也生成会议通知 / a notice of a past meeting too.")
def notices_render(kind, office, per, fmt, out, combine, meeting, date_from, date_to, issued, week, month,
                   period, force) -> None:
    """生成一种通知：每个对象一个文件（或 --combine 合并），文件名安全，不会写出输出文件夹。

    \b
    例 / examples:
      sectools notices render 会议通知 学生会秘书处 --meeting 2026-03-08
      sectools notices render 考勤通报 学生会秘书处 --for member --format html
      sectools notices render 考勤提醒 学生会秘书处 --combine --format pdf
      sectools notices render 会议通知 学生会秘书处 --meeting 2026-03-08 --date 2026-03-06
    """
    from . import jobs
    from .notices import Options

    src = _open(office)
    opts = Options(meeting=meeting, date_from=date_from, date_to=date_to, per=per, today=issued or dt.date.today(),
                   week=week, month=month, period=period, dated=issued is not None, force=force)
    with click.progressbar(length=0, label=text("rendering", _lang()), show_pos=True, file=sys.stderr) as bar:
        res = jobs.notice(src, kind, fmt=fmt, opts=opts, out_dir=out, combine=combine,
                          progress=lambda _: bar.update(1))
    _choices(res)
    say("notice-head", kind=kind, number=res.doc_number, recipients=res.recipients, files=len(res.files))
    for line in res.said:
        click.echo(line)
    for p in res.files[:20]:
        click.echo(f"  {p}")
    if len(res.files) > 20:
        say("more-files", count=len(res.files) - 20)


# ---- excel -----------------------------------------------------------------------------------
@main.group()
def excel() -> None:
    """Excel 按钮与函数：生成可用的工作簿、安装宏、启动 xlwings Server。

    \b
    例 / examples:
      sectools excel quickstart 学生会秘书处
      sectools excel install 考勤工作簿.xlsm
      sectools excel serve
    """


@excel.command("quickstart")
@OFFICE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="放在哪个文件夹（默认：办公室文件夹/Excel）/ output folder.")
def excel_quickstart(office: Path, out: Path | None) -> None:
    """生成带按钮位置的考勤工作簿：桌面版（.xlsm，含 xlwings 模块）与 xlwings Server/Lite 版（.xlsx）。

    \b
    例 / examples:
      sectools excel quickstart 学生会秘书处
      sectools excel quickstart 学生会秘书处 --out D:\\考勤
    """
    from .excel.quickstart import quickstart

    made = quickstart(_open(office).office, out or office / "Excel")
    for p in made:
        click.echo(str(p))


@excel.command("install")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def excel_install(workbook: Path) -> None:
    """在 Windows 版 Excel 中导入 sectools 宏并添加按钮；其他系统打印手动步骤。

    \b
    例 / examples:
      sectools excel install 考勤工作簿.xlsm
    """
    import tempfile

    from .excel.quickstart import install
    from .excel.vba import bas_text

    bas = Path(tempfile.gettempdir()) / "sectools.bas"
    bas.write_text(bas_text(), encoding="utf-8", newline="")
    click.echo(install(workbook, bas, _lang()))


@excel.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址；只有放在学校的反向代理后面时才改 / listen address (change only behind a reverse proxy).")
@click.option("--port", default=8000, show_default=True, help="端口 / port.")
@click.option("--token", envvar="SECTOOLS_SERVER_TOKEN",
              help="服务器口令（省略：每次启动随机生成并显示）/ the shared secret (default: a new random one).")
@click.option("--folder", "folders", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="允许工作簿打开的办公室文件夹（可多次）；不给则只用工作簿自己的数据 / an office folder books may open.")
@click.option("--origin", "origins", multiple=True,
              help="允许跨域访问的网址（可多次），如 https://excel.学校.edu.cn / a CORS origin to allow.")
def excel_serve(host: str, port: int, token: str | None, folders: tuple[Path, ...], origins: tuple[str, ...]) -> None:
    """启动 xlwings Server，提供 sectools 的按钮与函数（需要 sectools[server]）。

    默认只监听本机 127.0.0.1；每个请求都要带服务器口令（在工作簿的 sectools设置 表中填一行
    “服务器口令 | 口令”）；工作簿只能打开 --folder 允许的办公室文件夹。

    先设置许可证 / set the licence key first: XLWINGS_LICENSE_KEY=noncommercial

    \b
    例 / examples:
      sectools excel serve --folder D:\\秘书处
      sectools excel serve --port 8080 --folder D:\\秘书处 --token 7fQ2-mx9K-pL4s

    \b
    口令也可放在环境变量 SECTOOLS_SERVER_TOKEN 中（至少 8 个英文字母、数字或符号）；
    多个工作进程（gunicorn）时用 SECTOOLS_SERVER_FOLDERS 给出允许的文件夹，见 README。
    """
    import importlib.util
    import os

    # Not imported here: xlwings-server reads its settings (the auth provider, CORS) once, on import,
    # and configure() below must come first — importing it to check made a server without the token.
    if importlib.util.find_spec("xlwings_server") is None:
        from .errors import Problem

        raise SectoolsError(Problem("server-missing"))
    if not os.environ.get("XLWINGS_LICENSE_KEY"):  # xlwings Server refuses to start without one
        from .errors import Problem

        raise SectoolsError(Problem("server-licence"))
    from .excel.server import configure, serve

    used = configure(token, origins, tuple(str(f) for f in folders))
    say("serve", port=port)
    say("serve-token", token=used)
    say("serve-folders", folders="、".join(str(f) for f in folders) or text("serve-no-folders", _lang()))
    serve(host, port)


# ---- demo -----------------------------------------------------------------------------------
@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("sectools-demo"),
              show_default=True, help="演示办公室放在哪个文件夹 / where to create the demo office.")
def demo(out: Path) -> None:
    """建一个演示办公室（虚构的财经系学生会），运行目前所有任务，并告诉您结果在哪里。

    \b
    例 / examples:
      sectools demo
      sectools demo --out D:\\演示
    """
    from .jobs.demo import run_demo

    res = run_demo(out, _lang())
    for t in res.result["tables"].values():
        errs = sum(p.is_error() for p in t.problems)
        where = f"{t.file} › {t.sheet}" if t.sheet else (t.file or "")
        say("table-summary", title=t.spec.title_in(_lang()), where=where, rows=len(t), errors=errs,
            warnings=len(t.problems) - errs)
    say("demo-ranking", weeks=res.facts["weeks"], sealed=res.facts["sealed"])
    if not res.facts["pdf"]:
        say("no-pdf")
    click.echo()
    _show_attendance(res.result["attendance"])
    click.echo()
    say("demo-office", path=out.resolve())
    for p in res.result["made"]:
        click.echo(f"  {p.relative_to(out)}")
    say("outputs")
    for p in res.files:
        click.echo(f"  {p.relative_to(out)}")


def _everywhere(group: click.Group) -> None:
    """``--lang`` and ``--debug`` also after the command (``sectools attendance 办公室 --lang en``)."""

    def set_lang(ctx, _, value):
        if value:
            ctx.find_root().obj.update(lang=normalize_lang(value), lang_given=True)
            _CLICK_LANG[0] = normalize_lang(value)

    def set_debug(ctx, _, value):
        if value:
            ctx.find_root().obj["debug"] = True

    for cmd in group.commands.values():
        if isinstance(cmd, click.Group):
            _everywhere(cmd)
            continue
        cmd.params.append(click.Option(["--lang"], type=click.Choice(["zh-CN", "zh-TW", "en"], case_sensitive=False),
                                       expose_value=False, callback=set_lang, is_eager=True,
                                       help="提示语言 / message language."))
        cmd.params.append(click.Option(["--debug"], is_flag=True, expose_value=False, callback=set_debug,
                                       help="出错时显示技术细节 / show tracebacks."))


_everywhere(main)
_CLICK_LANG = ["zh-CN"]  # the language click's own messages are shown in (set by --lang)


def _click_words(message: str) -> str:
    """click's own messages (usage errors, help headings) in the chosen language."""
    from .messages import CLICK_WORDS, to_traditional

    lang = _CLICK_LANG[0]
    if lang == "en" or message not in CLICK_WORDS:
        return message
    return to_traditional(CLICK_WORDS[message]) if lang == "zh-TW" else CLICK_WORDS[message]


def _localise_click() -> None:
    """click marks its words with gettext but ships no Chinese; give each of its modules our catalogue."""
    import importlib

    def plural(one: str, many: str, n: int) -> str:
        return _click_words(one if n == 1 else many)

    for name in ("core", "exceptions", "types", "parser", "formatting", "decorators", "termui", "utils"):
        mod = importlib.import_module(f"click.{name}")
        if hasattr(mod, "_"):
            mod._ = _click_words
        if hasattr(mod, "ngettext"):
            mod.ngettext = plural


_localise_click()


def run() -> None:  # console entry point
    try:
        main(prog_name="sectools")
    except BrokenPipeError:  # `sectools check … | head`: the reader left; not an error
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


__all__ = ["main", "run", "MESSAGES"]
