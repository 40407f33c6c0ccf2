"""The ``sectools`` command line: thin commands over the library.

Every failure a clerk can cause ends in a message (``错误: …``) and a non-zero exit, never a
traceback; ``--debug`` shows one for the maintainers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import SectoolsError
from .messages import MESSAGES, normalize_lang, word


class Failure(click.ClickException):
    """A clerk-facing error: printed as ``错误: …`` (``Error: …`` in English), exit 1."""

    def __init__(self, message: str, lang: str = "zh-CN"):
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        prefix = "Error" if self.lang == "en" else ("錯誤" if self.lang == "zh-TW" else "错误")
        click.echo(f"{prefix}: {self.format_message()}", err=True)


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SectoolsError as e:
            raise Failure(e.message(_lang(ctx)), _lang(ctx)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as e:  # a bug: say so plainly, keep the traceback for --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from .errors import Problem

            p = Problem("internal-error", params={"detail": f"{type(e).__name__}: {e}"})
            raise Failure(p.message(_lang(ctx)), _lang(ctx)) from None


def _lang(ctx: click.Context | None) -> str:
    ctx = ctx or click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    obj = (root.obj if root else None) or {}
    return obj.get("lang") or "zh-CN"


def _set_office_lang(office) -> None:
    ctx = click.get_current_context()
    obj = ctx.find_root().obj
    if not obj.get("lang_given"):
        obj["lang"] = office.lang


def _load(folder: str):
    from .config import load_office

    office = load_office(folder)
    _set_office_lang(office)
    return office


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
      sectools notices render 会议通知 我的办公室            生成通知（Word 公文格式）
      sectools excel quickstart 我的办公室                  生成带按钮的 Excel 工作簿
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["lang"] = normalize_lang(lang) if lang else None
    ctx.obj["lang_given"] = bool(lang)


# ---- init -----------------------------------------------------------------------------------
@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--demo", "with_demo", is_flag=True, help="填入一个虚构学期的演示数据 / fill with the demo semester.")
@click.option("--name", help="办公室名称，如 财经系学生会 / office name.")
@click.option("--force", is_flag=True, help="文件夹非空时仍写入（只覆盖 sectools 生成的文件）。")
def init(folder: Path, with_demo: bool, name: str | None, force: bool) -> None:
    """新建办公室文件夹：sectools.toml 和带表头、下拉列表的工作簿。

    \b
    例 / examples:
      sectools init 学生会秘书处
      sectools init 演示 --demo
    """
    from .scaffold import init_office

    made = init_office(folder, with_demo=with_demo, force=force, name=name)
    lang = _lang(None)
    head = "Created" if lang == "en" else "已创建"
    click.echo(f"{head}: {folder}")
    for p in made:
        click.echo(f"  {p.name}")


# ---- check ----------------------------------------------------------------------------------
@main.command()
@click.argument("office", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出问题列表 / print problems as JSON.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="另存问题清单工作簿（.xlsx）/ also write the problems to a workbook.")
def check(office: Path, as_json: bool, out: Path | None) -> None:
    """读取办公室的每张表，列出所有问题（文件、工作表、单元格）。没有错误时退出码为 0，有错误为 1。

    \b
    例 / examples:
      sectools check 学生会秘书处
      sectools check 学生会秘书处 --json > 问题.json
      sectools check 学生会秘书处 --out 问题清单.xlsx
    """
    from . import office as office_mod
    from .errors import has_errors

    off = _load(str(office))
    tables = office_mod.check(off)
    problems = [p for t in tables.values() for p in t.problems]
    lang = _lang(None)
    if out:
        from .report import write_problems

        write_problems(out, problems, lang, inputs=off.input_paths())
    if as_json:
        click.echo(json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2))
    else:
        _print_summary(tables, lang)
        _print_problems(problems, lang)
        if out:
            click.echo(("Problems written to: " if lang == "en" else "问题清单已写入：") + str(out))
    sys.exit(1 if has_errors(problems) else 0)


def _print_summary(tables, lang: str) -> None:
    for name, t in tables.items():
        errs = sum(p.is_error() for p in t.problems)
        warns = len(t.problems) - errs
        title = t.spec.title_in(lang)
        where = f"{t.file} › {t.sheet}" if t.sheet else (t.file or "")
        if lang == "en":
            click.echo(f"{title}: {where}: {len(t)} rows, {errs} errors, {warns} warnings")
        else:
            click.echo(f"{title}：{where}：{len(t)} 行，{errs} 个错误，{warns} 个警告")


def _print_problems(problems, lang: str) -> None:
    if not problems:
        click.echo("No problems found." if lang == "en" else "没有发现问题。")
        return
    from .normalize import display_width

    rows = [(p.location(), word(p.severity, lang), p.code, p.message(lang)) for p in problems]
    head = (word("location", lang), word("severity", lang), word("code", lang), word("message", lang))
    widths = [max(display_width(r[i]) for r in rows + [head]) for i in range(3)]

    def line(r):
        cells = [r[i] + " " * (widths[i] - display_width(r[i])) for i in range(3)]
        return "  ".join(cells + [r[3]])

    click.echo()
    click.echo(line(head))
    click.echo("  ".join("-" * w for w in widths) + "  " + "-" * 8)
    for r in rows:
        color = "red" if r[1] in ("错误", "error", "錯誤") else "yellow"
        click.secho(line(r), fg=color if sys.stdout.isatty() else None)


# ---- attendance ----------------------------------------------------------------------------
class DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        import datetime as dt

        from .dates import parse_date

        if isinstance(value, dt.date):
            return value
        d = parse_date(value)
        if d is None:
            self.fail(f"“{value}”不是日期，应写成 2026-03-02 / not a date, write 2026-03-02", param, ctx)
        return d


def _period(date_from, date_to, office) -> str:
    a = date_from or office.semester_start
    b = date_to or office.semester_end
    return f"{a} 至 {b}" if a and b else ""


@main.command()
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--from", "date_from", type=DateParam(), help="起始日期（含）/ first day, e.g. 2026-03-01.")
@click.option("--to", "date_to", type=DateParam(), help="截止日期（含）/ last day.")
@click.option("--kind", help="只统计某类会议，如 例会、秘书处例会 / one meeting kind only.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="报表工作簿（默认：办公室文件夹/输出/考勤统计.xlsx）/ report workbook.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="屏幕输出格式 / output format.")
def attendance(office: Path, date_from, date_to, kind, out, fmt) -> None:
    """考勤统计：应到、出席、迟到、早退、请假、缺席、出勤率，按制度给出处理名单，并生成报表工作簿。

    \b
    例 / examples:
      sectools attendance 学生会秘书处
      sectools attendance 学生会秘书处 --from 2026-03-01 --to 2026-03-31
      sectools attendance 学生会秘书处 --kind 秘书处例会 --format json
    """
    from . import attendance as att
    from .attendance.report import write_report

    off = _load(str(office))
    lang = _lang(None)
    res = att.run(off, date_from=date_from, date_to=date_to, kind=kind)
    period = _period(date_from, date_to, off)
    if out or fmt == "table":
        target = out or (office / "输出" / ("考勤统计" + (f"_{kind}" if kind else "") + ".xlsx"))
        from .paths import safe_filename

        if not out:
            target = target.with_name(safe_filename(target.stem) + ".xlsx")
        write_report(target, res, off.name, lang, period, inputs=off.input_paths())
    if fmt == "json":
        click.echo(json.dumps(res.as_records(lang), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        _echo_csv(res)
    else:
        _print_attendance(res, lang)
        _print_problems(res.problems, lang) if res.problems else None
        click.echo(("Report: " if lang == "en" else "报表：") + str(target))
    if fmt != "table" and res.problems:
        n = len(res.problems)
        click.echo((f"{n} problems; see the report or run sectools check" if lang == "en"
                    else f"另有 {n} 个数据问题，详见报表的问题清单或运行 sectools check"), err=True)


def _echo_csv(res) -> None:
    import csv
    import io

    from .attendance.report import MEMBER_COLUMNS
    from .writer import csv_safe

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([lab for _, lab, _ in MEMBER_COLUMNS])
    for rec in res.members[[k for k, _, _ in MEMBER_COLUMNS]].itertuples(index=False):
        w.writerow([csv_safe("" if v is None or (isinstance(v, float) and v != v) else
                             (round(v, 4) if isinstance(v, float) else v)) for v in rec])
    click.echo(buf.getvalue(), nl=False)


def _print_attendance(res, lang: str) -> None:
    from .normalize import display_width

    d = res.departments
    en = lang == "en"
    click.echo(("Attendance by department:" if en else "各部门出勤率："))
    for r in d.itertuples(index=False):
        rate = "—" if r.rate != r.rate else f"{r.rate:.1%}"
        pad = " " * max(0, 8 - display_width(r.department))
        click.echo(f"  {r.department}{pad} {rate:>6}  ({r.attended}/{r.expected})")
    if res.actions:
        click.echo("\n" + ("Actions due:" if en else "处理名单："))
        for a in res.actions:
            click.echo(f"  {a['department']} {a['name']}（{a['id']}）：{a['action']}  —  {a['rule']}")
    else:
        click.echo("\n" + ("No one reached a threshold." if en else "没有达到处理标准的成员。"))


@main.command("signin-sheet")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--meeting", help="会议日期或名称；不写则取下一次会议 / a date or name; default: the next meeting.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="输出工作簿（默认：输出/签到表_日期_会议.xlsx）/ output workbook.")
def signin_sheet(office: Path, meeting: str | None, out: Path | None) -> None:
    """打印用签到表：会议信息、应到人员（已请假的注明），A4 纸，每页重复表头。

    \b
    例 / examples:
      sectools signin-sheet 学生会秘书处
      sectools signin-sheet 学生会秘书处 --meeting 2026-03-08
      sectools signin-sheet 学生会秘书处 --meeting 第1周例会 --out 签到表.xlsx
    """
    from .attendance import signin_sheet_data
    from .attendance.report import write_signin_sheet
    from .paths import safe_filename

    off = _load(str(office))
    m, people = signin_sheet_data(off, meeting)
    target = out or office / "输出" / (safe_filename(f"签到表_{m['date']}_{m['meeting']}") + ".xlsx")
    write_signin_sheet(target, m, people, off.name, inputs=off.input_paths())
    lang = _lang(None)
    click.echo((f"Sign-in sheet for {m['date']} {m['meeting']} ({len(people)} expected): " if lang == "en" else
                f"{m['date']} {m['meeting']} 签到表（应到 {len(people)} 人）：") + str(target))


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


def _week_option(f):
    return click.option("--week", help="周次，如 2026-W11，或该周任一日期；默认最近一周 / ISO week.")(f)


@ranking.command("compute")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_week_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="另存排名工作簿 / also write a workbook.")
@click.option("--semester", is_flag=True, help="学期累计排名（各周平均分）/ the semester's cumulative ranking.")
def ranking_compute(office: Path, week: str | None, fmt: str, out: Path | None, semester: bool) -> None:
    """计算一周各班得分与排名（按年级或全部），标出流动红旗。

    \b
    例 / examples:
      sectools ranking compute 学生会秘书处 --week 2026-W11
      sectools ranking compute 学生会秘书处 --week 2026-03-09 --format json
      sectools ranking compute 学生会秘书处 --semester
    """
    from . import ranking as rk
    from .ranking.report import write_week

    off = _load(str(office))
    lang = _lang(None)
    if semester:
        df = rk.semester(off)
        if fmt == "json":
            click.echo(json.dumps([{"class": r["class_name"], "grade": r["grade"], "mean": r["mean"],
                                    "weeks": int(r["weeks"]), "red_flags": int(r["red_flags"]), "rank": int(r["rank"])}
                                   for r in df.to_dict("records")], ensure_ascii=False, indent=2))
        else:
            for r in df.to_dict("records"):
                click.echo(f"  {r['grade']}  {int(r['rank']):>3}  {r['class_name']}  {r['mean']:7.2f}  "
                           f"{'★' * int(r['red_flags'])}")
        return
    res = rk.week(off, week)
    if out:
        write_week(out, res, off, lang, inputs=off.input_paths())
    if fmt == "json":
        click.echo(json.dumps(res.as_records(), ensure_ascii=False, indent=2))
        return
    _print_week(res, lang)
    if res.problems:
        _print_problems(res.problems, lang)
    if out:
        click.echo(("Workbook: " if lang == "en" else "排名工作簿：") + str(out))


def _print_week(res, lang: str) -> None:
    from .normalize import display_width

    en = lang == "en"
    click.echo((f"Week {res.week}: {res.records} records" if en else f"{res.week} 周：{res.records} 条检查记录"))
    grade = None
    for r in res.table.to_dict("records"):
        if r["grade"] != grade:
            grade = r["grade"]
            click.echo(f"\n  {grade}")
        flag = " ★流动红旗" if r["red_flag"] else ""
        bad = " （严重违纪）" if r["serious"] else ""
        name = r["class_name"] + " " * max(0, 12 - display_width(r["class_name"]))
        click.echo(f"  {int(r['rank']):>3}  {name} {r['score']:7.2f}{flag}{bad}")


@ranking.command("publish")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--week", required=True, help="周次，如 2026-W11 / ISO week.")
@click.option("--by", help="发布人 / who publishes.")
def ranking_publish(office: Path, week: str, by: str | None) -> None:
    """发布：写排名工作簿、公示通知和备份，并记下发布时的记录与结果（之后可更正、封单）。

    \b
    例 / examples:
      sectools ranking publish 学生会秘书处 --week 2026-W11 --by 张三
    """
    from .ranking.workflow import publish

    off = _load(str(office))
    r = publish(off, week, by=by)
    _print_week(r["result"], _lang(None))
    for p in r["problems"]:
        click.echo(f"{word(p.severity, _lang(None))}: {p.message(_lang(None))}")
    click.echo("已发布：" if _lang(None) != "en" else "Published:")
    for f in r["files"]:
        click.echo(f"  {f}")


@ranking.command("correct")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--week", required=True, help="周次 / ISO week.")
@click.option("--reason", required=True, help="更正原因 / why.")
@click.option("--by", help="更正人 / who corrects.")
def ranking_correct(office: Path, week: str, reason: str, by: str | None) -> None:
    """更正：与发布时比较，记录每一处改动（谁、何时、为何、原值 → 新值），重新发布并附更正说明。

    \b
    例 / examples:
      sectools ranking correct 学生会秘书处 --week 2026-W11 --reason "会计2401卫生扣分重复录入" --by 李四
    """
    from .ranking.workflow import correct

    off = _load(str(office))
    r = correct(off, week, reason, by=by)
    if not r["changes"]:
        click.echo("与发布时相比没有变化，无需更正。" if _lang(None) != "en" else "Nothing changed since publication.")
        return
    for c in r["changes"]:
        click.echo(f"  {c['class']} {c['field']}: {c['old']} → {c['new']}")
    click.echo(("已更正并重新发布：" if _lang(None) != "en" else "Corrected and republished:"))
    for f in r["files"]:
        click.echo(f"  {f}")


@ranking.command("seal")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--week", required=True, help="周次 / ISO week.")
@click.option("--force", is_flag=True, help="公示未结束也封单 / seal before the 公示 ends.")
def ranking_seal(office: Path, week: str, force: bool) -> None:
    """封单：公示结束后锁定该周，之后任何更改都会被拒绝；记录哈希，与前一周连成链。

    \b
    例 / examples:
      sectools ranking seal 学生会秘书处 --week 2026-W11
    """
    from .ranking.workflow import seal

    off = _load(str(office))
    r = seal(off, week, force=force)
    click.echo((f"{r['week']} 已封单" if _lang(None) != "en" else f"{r['week']} sealed") + f"（{r['hash'][:12]}）")


@ranking.command("verify")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
def ranking_verify(office: Path) -> None:
    """核验：重新计算每个已封单的周，检查记录与结果是否被手工改动；有改动时退出码为 1。

    \b
    例 / examples:
      sectools ranking verify 学生会秘书处
    """
    from .ranking.workflow import _sealed_weeks, verify

    off = _load(str(office))
    problems = verify(off)
    weeks = _sealed_weeks(off)
    if not problems:
        click.echo((f"已核验 {len(weeks)} 个封单周，均未改动。" if _lang(None) != "en" else
                    f"{len(weeks)} sealed weeks verified: unchanged."))
        return
    for p in problems:
        click.echo(f"{p.code}: {p.message(_lang(None))}")
    sys.exit(1)


@ranking.command("status")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_week_option
def ranking_status(office: Path, week: str | None) -> None:
    """一周的进度：各检查部门是否已交检查记录，发布与公示截止时间。

    \b
    例 / examples:
      sectools ranking status 学生会秘书处 --week 2026-W11
    """
    from . import ranking as rk

    off = _load(str(office))
    lang = _lang(None)
    st = rk.status(off, week)
    en = lang == "en"
    click.echo((f"Week {st['week']}" if en else f"{st['week']} 周") + f"（{st['monday']} — {st['sunday']}）")
    click.echo(("Handed in: " if en else "已交：") + ("、".join(st["handed_in"]) or "—"))
    click.echo(("Missing: " if en else "未交：") + ("、".join(st["missing"]) or "—"))
    if st["missing"]:
        due = st["deadlines"]["collect_by"].strftime("%Y-%m-%d %H:%M")
        click.echo(("Reminder: " if en else "催交：") + "、".join(st["missing"]) +
                   (f" — please hand in this week's inspection records by {due}." if en else
                    f"：请于 {due} 前提交本周检查记录。"))
    d = st["deadlines"]
    click.echo(("Collect by: " if en else "收集截止：") + d["collect_by"].strftime("%Y-%m-%d %H:%M"))
    click.echo(("Publish by: " if en else "发布截止：") + d["publish_by"].strftime("%Y-%m-%d %H:%M"))
    click.echo(("公示 ends: " if en else "公示截止：") + d["objection_end"].strftime("%Y-%m-%d %H:%M"))
    from .ranking.workflow import state

    ws = state(off, st["week"])
    if ws["sealed"]:
        phase = ("sealed " if en else "已封单 ") + ws["sealed"]["sealed_at"]
    elif ws["published"]:
        phase = ("published " if en else "已发布 ") + ws["published"]["published_at"] + \
            ((" (late)" if en else "（逾期）") if ws["published"]["late"] else "")
    else:
        phase = "not published" if en else "未发布"
    click.echo(("State: " if en else "状态：") + phase + (f"，更正 {len(ws['corrections'])} 次" if ws["corrections"] else ""))
    for p in st["problems"]:
        click.echo(("Warning: " if en else "警告：") + p.message(lang))


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


@plans.command("collect")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--month", required=True, help="月份，如 2026-03 / month.")
@click.option("--kind", type=click.Choice(["plan", "summary", "semester"]), default="plan", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="汇总工作簿（默认：输出/计划总结_月份.xlsx）。")
@click.option("--remind", is_flag=True, help="为未交、逾期的部门生成催办通知 / write 催办通知 for missing and late.")
def plans_collect(office: Path, month: str, kind: str, fmt: str, out: Path | None, remind: bool) -> None:
    """收集一个月的计划或总结：逐个检查，写一个汇总工作簿（总览、全部条目、完成率、计划外工作）。

    \b
    例 / examples:
      sectools plans collect 学生会秘书处 --month 2026-03
      sectools plans collect 学生会秘书处 --month 2026-03 --kind summary --remind
    """
    from .plans import KIND_LABELS, collect, month_label, parse_month_arg
    from .plans.output import STATUS_WORDS, write_collected

    off = _load(str(office))
    m = parse_month_arg(month)
    with click.progressbar(length=0, label="收集中 / collecting", show_pos=True, file=sys.stderr) as bar:
        res = collect(off, m, kind, progress=lambda _: bar.update(1))
    target = out or office / "输出" / f"{KIND_LABELS[kind]}_{month_label(m)}.xlsx"
    write_collected(target, res, off.name, inputs=off.input_paths())
    reminders = _plan_reminders(off, res) if remind else []
    if fmt == "json":
        click.echo(json.dumps(res.as_records(), ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"{KIND_LABELS[kind]} {month_label(m)}（截止 {res.due:%Y-%m-%d %H:%M}）")
    for r in res.rows:
        rate = "" if r["completion_rate"] is None else f"  完成率 {r['completion_rate']:.0%}"
        when = f"{r['handed_in']:%m-%d %H:%M}" if r["handed_in"] else ""
        click.echo(f"  {r['department']:<6} {STATUS_WORDS[r['status']]:<4} {when:<12} {r['items']:>3} 项{rate}")
    if res.problems:
        _print_problems(res.problems, _lang(None))
    click.echo("汇总工作簿：" + str(target))
    for p in reminders:
        click.echo("催办通知：" + str(p))


def _plan_reminders(off, res) -> list[Path]:
    from .notices import Options, render

    opts = Options(extra={"collected": res})
    try:
        return render(off, "催办通知", opts=opts).files
    except SectoolsError:
        return []


@plans.command("schedule")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--month", required=True, help="月份，如 2026-03 / month.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="输出工作簿 / output workbook.")
def plans_schedule(office: Path, month: str, out: Path | None) -> None:
    """每月工作重点及每周活动安排：把各部门计划按周排好，可直接打印。

    \b
    例 / examples:
      sectools plans schedule 学生会秘书处 --month 2026-03
    """
    from .plans import collect, month_label, parse_month_arg
    from .plans.output import schedule_sheet
    from .writer import write_workbook

    off = _load(str(office))
    m = parse_month_arg(month)
    res = collect(off, m, "plan")
    target = out or office / "输出" / f"每周活动安排_{month_label(m)}.xlsx"
    write_workbook(target, [schedule_sheet(res, off.name)], inputs=off.input_paths())
    click.echo(str(target))


# ---- kpi ---------------------------------------------------------------------------------------
@main.command()
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--period", required=True, help="考核期间：月份（2026-03）或“学期” / a month or the semester.")
@click.option("--for", "target", type=click.Choice(["member", "department"]), default="member", show_default=True,
              help="考核成员或部门 / appraise members or departments.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="结果工作簿（默认：输出/绩效考核_期间.xlsx）。")
@click.option("--notices", "with_notices", is_flag=True, help="同时生成每人的考核结果通知 / also a notice per person.")
def kpi(office: Path, period: str, target: str, fmt: str, out: Path | None, with_notices: bool) -> None:
    """绩效考核：多方评分与考勤、计划等数据加权，得出总分、等级（含优秀名额）、排名和奖金分配。

    \b
    例 / examples:
      sectools kpi 学生会秘书处 --period 2026-03
      sectools kpi 学生会秘书处 --period 学期 --for department
      sectools kpi 学生会秘书处 --period 2026-03 --format json --notices
    """
    from . import kpi as kpi_mod
    from .kpi.output import write_result

    off = _load(str(office))
    res = kpi_mod.run(off, period, target)
    target_path = out or office / "输出" / f"绩效考核_{'部门_' if target == 'department' else ''}{res.period}.xlsx"
    write_result(target_path, res, off.name, inputs=off.input_paths())
    files = []
    if with_notices:
        from .notices import Options, render

        files = render(off, "考核结果通知", opts=Options(extra={"kpi": res})).files
    if fmt == "json":
        click.echo(json.dumps(res.as_records(), ensure_ascii=False, indent=2))
        return
    for r in res.rows:
        bonus = f"  奖金 {r['bonus']} 元" if "bonus" in r else ""
        click.echo(f"  {r['rank_overall']:>3}  {r['department'] or '':<6} {r['name']:<6} {r['total']:7.2f}  {r['grade']}"
                   f"{bonus}")
    if res.problems:
        _print_problems(res.problems, _lang(None))
    click.echo("结果工作簿：" + str(target_path))
    for f in files[:5]:
        click.echo("通知：" + str(f))


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
        click.echo(f"{k.name}\t{k.about}")


@notices.command("render")
@click.argument("kind")
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--for", "per", type=click.Choice(["member", "department"]), help="按人或按部门分发 / one per member or department.")
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "txt", "pdf"]), default="docx", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="输出文件夹（默认：输出/通知/种类）。")
@click.option("--combine", is_flag=True, help="合并为一个文件（每份另起一页）/ one file, a page break between notices.")
@click.option("--meeting", help="哪次会议：日期或名称 / which meeting: a date or a name.")
@click.option("--from", "date_from", type=DateParam(), help="统计起始日期 / period start.")
@click.option("--to", "date_to", type=DateParam(), help="统计截止日期 / period end.")
@click.option("--date", "issued", type=DateParam(), help="成文日期（默认今天）/ date of issue (default today).")
@click.option("--week", help="哪一周（量化考核公示）/ which week.")
def notices_render(kind, office, per, fmt, out, combine, meeting, date_from, date_to, issued, week) -> None:
    """生成一种通知：每个对象一个文件（或 --combine 合并），文件名安全，不会写出输出文件夹。

    \b
    例 / examples:
      sectools notices render 会议通知 学生会秘书处 --meeting 2026-03-08
      sectools notices render 考勤通报 学生会秘书处 --for member --format html
      sectools notices render 考勤提醒 学生会秘书处 --combine --format pdf
    """
    import datetime as dt

    from .notices import Options, render

    off = _load(str(office))
    lang = _lang(None)
    opts = Options(meeting=meeting, date_from=date_from, date_to=date_to, per=per, today=issued or dt.date.today(),
                   week=week)
    with click.progressbar(length=0, label="生成中 / rendering", show_pos=True) as bar:
        res = render(off, kind, fmt=fmt, opts=opts, out_dir=out, combine=combine, progress=lambda _: bar.update(1))
    head = (f"{kind}: {res.recipients} recipients, {len(res.files)} files" if lang == "en" else
            f"{kind}（{res.doc_number}）：{res.recipients} 份，{len(res.files)} 个文件")
    click.echo(head)
    for p in res.files[:20]:
        click.echo(f"  {p}")
    if len(res.files) > 20:
        click.echo(f"  … {len(res.files) - 20} more")


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
@click.argument("office", type=click.Path(exists=True, file_okay=False, path_type=Path))
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

    off = _load(str(office))
    made = quickstart(off, out or office / "Excel")
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
    click.echo(install(workbook, bas))


@excel.command("serve")
@click.option("--port", default=8000, show_default=True, help="端口 / port.")
def excel_serve(port: int) -> None:
    """在本机 127.0.0.1 启动 xlwings Server，提供 sectools 的按钮与函数（需要 sectools[server]）。

    \b
    例 / examples:
      sectools excel serve
      sectools excel serve --port 8080
    """
    try:
        import xlwings_server  # noqa: F401
    except ImportError:
        from .errors import Problem

        raise SectoolsError(Problem("internal-error", params={
            "detail": "没有安装 xlwings-server：请运行 pip install \"sectools[server]\" / install sectools[server]"})) from None
    from .excel.server import serve

    click.echo(f"xlwings Server: http://127.0.0.1:{port}  (Ctrl+C 停止)")
    serve("127.0.0.1", port)


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
    from . import office as office_mod
    from .report import write_problems
    from .scaffold import init_office

    lang = _lang(None)
    made = init_office(out, with_demo=True, force=True)
    off = _load(str(out))
    outputs = out / "输出"
    tables = office_mod.check(off)
    problems = [p for t in tables.values() for p in t.problems]
    reports = [write_problems(outputs / "检查结果.xlsx", problems, lang, inputs=off.input_paths())]
    _print_summary(tables, lang)
    from . import attendance as att
    from .attendance.report import write_report, write_signin_sheet

    res = att.run(off)
    reports.append(write_report(outputs / "考勤统计.xlsx", res, off.name, lang, _period(None, None, off),
                                inputs=off.input_paths()))
    m, people = att.signin_sheet_data(off, None)
    reports.append(write_signin_sheet(outputs / f"签到表_{m['date']}.xlsx", m, people, off.name,
                                      inputs=off.input_paths()))

    from .ranking.workflow import run_semester

    weeks = run_semester(off, off.semester_end)
    sealed = sum(1 for w in weeks if w["sealed"])
    click.echo((f"Class assessment: {len(weeks)} weeks published, {sealed} sealed" if lang == "en" else
                f"班级量化考核：{len(weeks)} 周已发布，其中 {sealed} 周已封单"))
    reports.append(outputs / "排名")
    from .plans import collect
    from .plans.output import schedule_sheet, write_collected
    from .writer import write_workbook

    from .plans import read_month

    march = read_month(off, (2026, 3))
    for kind in ("plan", "summary"):
        col = collect(off, (2026, 3), kind, read=march)
        reports.append(write_collected(outputs / f"{'月度工作计划' if kind == 'plan' else '月度工作总结'}_2026-03.xlsx",
                                       col, off.name, inputs=off.input_paths()))
        if kind == "plan":
            reports.append(write_workbook(outputs / "每周活动安排_2026-03.xlsx", [schedule_sheet(col, off.name)],
                                          inputs=off.input_paths()))
    from . import kpi as kpi_mod
    from .kpi.output import write_result

    contexts: dict[str, dict] = {}
    for period, target in (("2026-03", "member"), ("2026年春季学期", "member"), ("2026年春季学期", "department")):
        res_k = kpi_mod.run(off, period, target)
        reports.append(write_result(outputs / f"绩效考核_{'部门_' if target == 'department' else ''}{res_k.period}.xlsx",
                                    res_k, off.name, inputs=off.input_paths()))
        if period == "2026-03":
            contexts["考核结果通知"] = {"kpi": res_k}
    contexts["催办通知"] = {"collected": collect(off, (2026, 3), "plan", read=march)}
    reports += _demo_notices(off, outputs, contexts)
    click.echo()
    _print_attendance(res, lang)
    if lang == "en":
        click.echo(f"\nDemo office: {out.resolve()}")
    else:
        click.echo(f"\n演示办公室：{out.resolve()}")
    for p in made:
        click.echo(f"  {p.relative_to(out)}")
    click.echo(("Outputs:" if lang == "en" else "输出："))
    for report in reports:
        click.echo(f"  {report.relative_to(out)}")


import datetime as dt  # noqa: E402  (used by the demo)


def _demo_notices(off, outputs: Path, extra: dict | None = None) -> list[Path]:
    """Every notice kind in docx, html and txt, and one of each as PDF when LibreOffice is installed."""
    from .notices import KINDS, Options, render
    from .notices.engine import soffice, to_pdf

    made: list[Path] = []
    sample_docx: list[Path] = []
    today = off.semester_end or dt.date.today()
    for kind in KINDS:
        for fmt in ("docx", "html", "txt"):
            opts = Options(today=today, extra=(extra or {}).get(kind, {}))
            try:
                res = render(off, kind, fmt=fmt, opts=opts, out_dir=outputs / "通知" / kind)
            except SectoolsError:
                continue  # e.g. nobody to praise
            made += res.files
            if fmt == "docx" and res.files:
                sample_docx.append(res.files[0])
    if sample_docx and soffice():
        made += to_pdf(sample_docx, outputs / "通知" / "PDF")
    elif sample_docx:
        click.echo("（未安装 LibreOffice，跳过 PDF / LibreOffice not installed: no PDF）")
    return [outputs / "通知"] if made else []


def run() -> None:  # console entry point
    try:
        main(prog_name="sectools")
    except BrokenPipeError:  # `sectools check … | head`: the reader left; not an error
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


__all__ = ["main", "run", "MESSAGES"]
