"""Words in one place: every message, console line and choice renders in zh-CN, zh-TW and en with no
missing parameter and no stray script; Traditional output converts sectools' own words only; with
``--lang en`` the demo's commands print no Chinese but the clerks' own data."""

from __future__ import annotations

import re
import string
import tomllib

import openpyxl
import pytest
from click.testing import CliRunner

from sectools.cli import main
from sectools.errors import Problem
from sectools.messages import CHOICES, MESSAGES, TEXTS, Term, W, choice_text, converter, render, text, to_traditional
from sectools.tables import TABLES

CJK = re.compile(r"[\u3400-\u9fff]")
# Chinese an English message may show: the words a clerk types or finds in the office's files.
CLERK_WORDS = {"学期", "公示", "工作计划", "工作总结", "工作项目", "日期", "是", "否", "下午", "年", "月", "日", "自评",
               "全体", "部长级", "部长", "干事", "出席", "到", "迟", "迟到", "早", "早退", "假", "事假", "病", "病假", "公",
               "公假", "缺席", "旷会", "学号", "姓名", "会议名称", "状态", "签到时间",
               "考勤工作簿", "操作",  # the names of the Excel workbook and sheet sectools makes
               "不合格"}  # the grade below [kpi] grades, a grade name like 优秀 and 合格
ENGLISH_WORDS = re.compile(r"\b(the|and|is|are|not|of|to|with|this|please|file|sheet|write|found)\b\s+[a-z]", re.I)


def _placeholders(template: str) -> list[str]:
    template = re.sub(r"\{(\w+)\|[^|{}]*\|[^|{}]*\}", "", template)  # {n|row|rows}: plural forms
    return [f for _, f, _, _ in string.Formatter().parse(template) if f]


def _samples(*templates: str) -> dict:
    return {name: f"X{i}" for i, name in enumerate(dict.fromkeys(n for t in templates for n in _placeholders(t)))}


def _stray_cjk(s: str) -> list[str]:
    words = CJK.findall(s)
    if not words:
        return []
    left = s
    for w in sorted(CLERK_WORDS, key=len, reverse=True):
        left = left.replace(w, "")
    return CJK.findall(left)


CATALOGUE = [("message", k, v) for k, v in MESSAGES.items()] + [("text", k, v) for k, v in TEXTS.items()] + \
    [("choice", k, v) for k, v in CHOICES.items()]


@pytest.mark.parametrize("kind,key,pair", CATALOGUE, ids=[f"{a}:{b}" for a, b, _ in CATALOGUE])
def test_every_entry_renders_in_three_languages(kind, key, pair):
    zh, en = pair
    assert set(_placeholders(zh)) == set(_placeholders(en)), "the two languages take different parameters"
    params = _samples(zh, en)
    for lang in ("zh-CN", "zh-TW", "en"):
        if kind == "message":
            out = render(Problem(key, params=params, value="V"), lang)
        elif kind == "text":
            out = text(key, lang, **params)
        else:
            out = choice_text(key, lang, params)
        assert not re.search(r"\{\w+\}", out), (lang, out)  # every parameter filled
        if lang == "en":
            assert _stray_cjk(out) == [], out
        else:
            assert CJK.search(out) or not CJK.search(zh), out
            assert not ENGLISH_WORDS.search(re.sub(r"X\d+", "", out)), out
        if lang == "zh-TW":
            assert to_traditional(out) == out, out  # no Simplified character left (流水表 is no 流水錶)


def test_traditional_converts_sectools_words_never_names_or_paths():
    p = Problem("ambiguous-name", file="名册/龙璐的表.xlsx", params={"id_label": TABLES["roster"].field("id").term,
                                                                     "ids": "龙璐（A2）"}, value="龙璐")
    out = render(p, "zh-TW")
    assert "龙璐" in out and "龍璐" not in out  # the clerk's name stays as typed
    assert "對應" in out  # sectools' own words are Traditional
    assert "學號" in out  # and so is the column's label
    assert render(p, "en").count("Student ID") == 1


def test_terms_follow_the_message_language():
    p = Problem("table-not-found", params={"table": TABLES["roster"].term, "required": TABLES["roster"].required_term()})
    assert "roster" in render(p, "en") and "Student ID" in render(p, "en")
    assert "名册" in render(p, "zh-CN") and "名冊" in render(p, "zh-TW")
    assert W("none").render("en") == "(none)" and str(Term("名册", "roster")) == "名册"


def _strings(v, keys: bool = False):
    """Every string inside nested dicts and lists (and the dicts' keys, with ``keys``)."""
    if isinstance(v, dict):
        for k, x in v.items():
            if keys:
                yield str(k)
            yield from _strings(x, keys)
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x, keys)
    elif isinstance(v, str):
        yield v


def _data_strings(root) -> set[str]:
    """Everything the office itself holds: cell texts, sheet and file names, sectools.toml's strings."""
    found: set[str] = set()
    for p in root.rglob("*"):
        found |= {p.name, p.stem}
        if p.suffix == ".xlsx" and "输出" not in p.parts:
            wb = openpyxl.load_workbook(p, read_only=True)
            for ws in wb.worksheets:
                found.add(ws.title)
                for row in ws.iter_rows(values_only=True):
                    found |= {str(v) for v in row if isinstance(v, str)}
        if p.suffix == ".docx":
            import docx

            d = docx.Document(p)
            found |= {x.text.strip() for x in d.paragraphs} | \
                {c.text.strip() for t in d.tables for r in t.rows for c in r.cells}

    found |= set(_strings(tomllib.loads((root / "sectools.toml").read_text(encoding="utf-8")), keys=True))
    from sectools.normalize import clean_text

    found |= {clean_text(s) for s in found if s}  # as the reader cleans them (full-width forms folded)
    return {s for s in found if s and CJK.search(s)}


def test_english_commands_print_no_chinese_but_the_offices_data(demo_office):
    root, _ = demo_office
    data = sorted(_data_strings(root) | CLERK_WORDS, key=len, reverse=True)
    o = str(root)
    commands = [["check", o], ["attendance", o, "--out", str(root / "输出" / "en.xlsx")], ["signin-sheet", o],
                ["ranking", "compute", o, "--week", "2026-W11"], ["ranking", "compute", o, "--semester"],
                ["ranking", "status", o, "--week", "2026-W11"], ["plans", "collect", o, "--month", "2026-03"],
                ["kpi", o, "--period", "2026-03"], ["ranking", "verify", o]]
    for args in commands:
        r = CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)
        assert r.exit_code in (0, 1), r.output
        for line in r.output.splitlines():
            line = re.sub(r"\S*[/\\]\S*", "", line)  # paths are the office's file names
            for s in data:
                line = line.replace(s, "")
            assert _stray_cjk(line) == [], (args, line)


def test_report_workbooks_speak_the_office_language(demo_office, tmp_path):
    """--lang en: every sheet name, header, title and cell sectools wrote is English (the office's own
    names, classes and items aside); --lang zh-TW: the headers are Traditional."""
    root, _ = demo_office
    data = sorted(_data_strings(root) | CLERK_WORDS, key=len, reverse=True)
    o = str(root)
    made = {
        "attendance": ["attendance", o], "ranking": ["ranking", "compute", o, "--week", "2026-W11"],
        "kpi": ["kpi", o, "--period", "2026-03"], "plans": ["plans", "collect", o, "--month", "2026-03"],
        "check": ["check", o], "signin": ["signin-sheet", o],
    }
    for name, args in made.items():
        out = tmp_path / f"{name}.xlsx"
        r = CliRunner().invoke(main, ["--lang", "en", *args, "--out", str(out)], catch_exceptions=False)
        assert r.exit_code in (0, 1), r.output
        wb = openpyxl.load_workbook(out)
        for ws in wb.worksheets:
            assert _stray_cjk(ws.title) == [], (name, ws.title)
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if not isinstance(v, str):
                        continue
                    left = re.sub(r"\S*[/\\]\S*", "", v)
                    for s in data:
                        left = left.replace(s, "")
                    assert _stray_cjk(left) == [], (name, ws.title, v)
    out = tmp_path / "tw.xlsx"
    CliRunner().invoke(main, ["--lang", "zh-TW", "attendance", o, "--out", str(out)], catch_exceptions=False)
    ws = openpyxl.load_workbook(out).worksheets[0]
    head = [c.value for r in ws.iter_rows(max_row=4) for c in r]  # under the title (and a note, if any)
    assert ws.title == "成員考勤" and "學號" in head


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_notice_phrases_follow_the_office_language(demo_office, lang):
    """The words sectools puts into each notice come from the catalogue in the office's language;
    the office's data (names, meetings, departments) is left as it is."""
    import datetime as dt

    from sectools import jobs
    from sectools.notices import KINDS, Options
    from sectools.sources import OfficeSource

    root, _ = demo_office
    src = OfficeSource.load(root)
    # a suggested 收文编号 is made from the office's own format (its sectools.toml): the office's data
    suggested = {r["suggested_number"] for r in jobs.documents(src, out=False).records() if r["suggested_number"]}
    data = sorted(_data_strings(root) | CLERK_WORDS | suggested, key=len, reverse=True)
    src.set_lang(lang)
    extra = {"考核结果通知": Options(period="2026-03"), "催办通知": Options(month=(2026, 3)),
             "文书处理单": Options(extra={"numbers": ["10"]}),
             "量化考核公示": Options(week="2026-W11"),
             "爱心基金收支公示": Options(today=dt.date(2026, 7, 10), force=True),  # the demo's autumn errors
             "办公用品报销汇总表": Options(today=dt.date(2026, 7, 10), force=True),  # an invoice entered twice …
             "录用名单公示": Options(today=dt.date(2026, 7, 10), force=True),  # the demo's tie
             "录用通知": Options(today=dt.date(2026, 7, 10), force=True)}
    seen = 0
    for kind in KINDS:
        opts = extra.get(kind) or Options(today=dt.date(2026, 7, 10), dated=True)
        batch = jobs.notice_data(src, kind, opts)
        for rec in batch.recipients:
            seen += 1
            for w in _strings(rec.context):
                left = w
                for s in data:
                    left = left.replace(s, "")
                if lang == "en":
                    assert _stray_cjk(left) == [], (kind, w)
                else:
                    assert converter("s2tw").convert(left) == left, (kind, w)
    assert seen > 10


def test_english_counts_agree_with_their_nouns():
    assert text("table-summary", "en", title="roster", where="x", rows=1, errors=0, warnings=2) == \
        "roster: x: 1 row, 0 errors, 2 warnings"
    assert text("table-summary", "zh-CN", title="名册", where="x", rows=1, errors=0, warnings=2) == \
        "名册：x：1 行，0 个错误，2 个警告"
