"""sectools.toml as data: every section declared once in sectools.settings, checked at load with
each problem naming its key and line, defaults filled in, the init template and README's table
made from the same declarations."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sectools import settings
from sectools.config import load_office, office_from_dict
from sectools.errors import ConfigError, Problem

ROOT = Path(__file__).resolve().parents[1]
HEAD = '[office]\nname = "测试学生会"\nsemester_start = 2026-03-01\nsemester_end = 2026-07-10\n\n'


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "o"
    folder.mkdir(exist_ok=True)
    (folder / "sectools.toml").write_text(text, encoding="utf-8")
    return folder


def problems_of(tmp_path: Path, text: str) -> list[Problem]:
    with pytest.raises(ConfigError) as e:
        load_office(write(tmp_path, text))
    for p in e.value.problems:
        assert p.message() and p.message("en") and not re.search(r"\{[a-z_]+\}", p.message() + p.message("en"))
    return e.value.problems


def line_with(text: str, snippet: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if snippet in line)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [(p.code, p.params.get("key"), p.line) for p in problems]
    return problems[0]


# ---- every section: a key of the wrong type names the key and its line ------------------------------
WRONG_TYPE = [
    # (section text, the key as reported, the snippet on its line)
    ('[office]\nname = "测"\ndepartments = "秘书处"\n', "office.departments", "departments ="),
    (HEAD + '[tables.roster]\nsheet = "成员"\npath = ["名册.xlsx"]\n', "tables.roster.path", "path ="),
    (HEAD + '[attendance]\nlow_rate = 0.7\ngrace_minutes = "5"\n', "attendance.grace_minutes", "grace_minutes"),
    (HEAD + '[[attendance.actions]]\nabsences = 2\naction = "提醒"\n\n[[attendance.actions]]\n'
     'absences = "三"\naction = "通报"\n', "attendance.actions[2].absences", '"三"'),
    (HEAD + '[ranking]\nbase_score = 100\nnormalise_by_size = "是"\n', "ranking.normalise_by_size", "normalise"),
    (HEAD + '[plans]\nfolder = "计划"\nplan_due_workday = "x"\n', "plans.plan_due_workday", "plan_due"),
    (HEAD + '[kpi]\nexcellent_quota = 0.2\nraters = { "自评" = "十", "部长评" = 50 }\n', "kpi.raters", "raters"),
    (HEAD + '[notices]\ndoc_prefix = "测学"\npraise_min_meetings = 2.5\n', "notices.praise_min_meetings", "praise"),
    (HEAD + '[limits]\nmax_parts = 100\nmax_cells = "很多"\n', "limits.max_cells", "max_cells"),
]


@pytest.mark.parametrize("text,key,snippet", WRONG_TYPE, ids=[k for _, k, _ in WRONG_TYPE])
def test_a_wrong_type_in_every_section_names_the_key_and_its_line(tmp_path, text, key, snippet):
    p = only(problems_of(tmp_path, text))
    n = line_with(text, snippet)
    assert (p.code, p.params["key"], p.line) == ("config-bad-value", key, n)
    assert p.location() == f"sectools.toml:{n}" and key in p.message()
    assert p.as_dict()["line"] == n


OUT_OF_RANGE = [
    ("[attendance]\ngrace_minutes = -1\n", "attendance.grace_minutes"),
    ("[attendance]\nlow_rate = 1.5\n", "attendance.low_rate"),
    ("[attendance]\nlates_per_absence = 0\n", "attendance.lates_per_absence"),
    ('[[attendance.actions]]\nabsences = 0\naction = "提醒"\n', "attendance.actions[1].absences"),
    ("[ranking]\npublish_hour = 24\n", "ranking.publish_hour"),
    ('[ranking]\nrank_scope = "班级"\n', "ranking.rank_scope"),
    ('[ranking]\ntie_method = "奥运"\n', "ranking.tie_method"),
    ("[plans]\nplan_due_workday = 0\n", "plans.plan_due_workday"),
    ("[plans]\nsummary_due_workday = 16\n", "plans.summary_due_workday"),
    ("[kpi]\nexcellent_quota = 2\n", "kpi.excellent_quota"),
    ('[kpi]\nraters = { "自评" = -1 }\n', "kpi.raters"),
    ("[kpi]\nbonus_pool = -100\n", "kpi.bonus_pool"),
    ("[notices]\npraise_min_meetings = -1\n", "notices.praise_min_meetings"),
    ("[limits]\nmax_cells = 0\n", "limits.max_cells"),
    ('[office]\nlang = "fr"\n', "office.lang"),
    ("[office]\nsemester_start = 2026-07-10\nsemester_end = 2026-03-01\n", "office.semester_end"),
    ("[attendance]\ngrace_minutes = 20\nlate_as_absent_minutes = 10\n", "attendance.late_as_absent_minutes"),
]


@pytest.mark.parametrize("text,key", OUT_OF_RANGE, ids=[k for _, k in OUT_OF_RANGE])
def test_out_of_range_and_not_a_choice(tmp_path, text, key):
    text = "# 办公室配置\n\n" + text
    p = only(problems_of(tmp_path, text))
    assert (p.code, p.params["key"]) == ("config-bad-value", key)
    assert p.line == line_with(text, key.split(".")[-1].split("]")[-1] + " =")


def test_unknown_key_says_did_you_mean(tmp_path):
    text = HEAD + "[attendance]\nlates_per_absence = 2\ngrace_minute = 5\n"
    p = only(problems_of(tmp_path, text))
    assert (p.code, p.params["key"], p.params["suggestion"]) == ("config-unknown-key", "attendance.grace_minute",
                                                                 "grace_minutes")
    assert p.line == line_with(text, "grace_minute =") and p.location() == f"sectools.toml:{p.line}"
    assert "grace_minutes" in p.message() and "did you mean grace_minutes" in p.message("en")
    # a misspelt table name and a misspelt key of a [[…actions]] table, too
    text = HEAD + '[tables.rooster]\npath = "名册.xlsx"\n\n[[attendance.actions]]\nabsense = 2\naction = "提醒"\n'
    got = {(p.code, p.params["key"], p.params.get("suggestion"), p.line) for p in problems_of(tmp_path, text)}
    assert ("config-unknown-key", "tables.rooster", "roster", line_with(text, "[tables.rooster]")) in got
    assert ("config-unknown-key", "attendance.actions[1].absense", "absences", line_with(text, "absense")) in got
    assert any(c == "config-missing-key" for c, *_ in got)  # and the absences it lacks


def test_a_setting_written_twice_is_named(tmp_path):
    """The template's quota = {  } left, quota = {…} added below it: said as one setting written twice."""
    text = HEAD + '[intake]\nquota = {  }\nquota = { "秘书处" = 3 }\n'
    p = only(problems_of(tmp_path, text))
    assert p.code == "config-invalid" and p.line == line_with(text, 'quota = { "秘书处"')
    assert "写了两次" in p.message() and "written twice" in p.message("en")


def test_unknown_section(tmp_path):
    text = HEAD + "[attendence]\ngrace_minutes = 5\n"
    p = only(problems_of(tmp_path, text))
    assert (p.code, p.params["section"], p.params["suggestion"]) == ("config-unknown-section", "attendence",
                                                                     "attendance")
    assert p.line == line_with(text, "[attendence]") and "attendance" in p.message()
    # a key above every section: says which section it belongs to
    text = 'name = "测试学生会"\n' + HEAD
    p = only(problems_of(tmp_path, text))
    assert (p.code, p.params["suggestion"], p.line) == ("config-unknown-section", "office", 1)


def test_every_problem_at_once_in_line_order(tmp_path):
    text = HEAD + ('[attendance]\ngrace_minute = 5\nlow_rate = "高"\n\n[ranking]\npublish_hour = 25\n\n'
                   '[plans]\nplan_due_workday = "x"\n\n[kpi]\ntie_method = "奥运"\n\n[extra]\nx = 1\n')
    problems = problems_of(tmp_path, text)
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert [p.params.get("key") or p.params["section"] for p in problems] == [
        "attendance.grace_minute", "attendance.low_rate", "ranking.publish_hour", "plans.plan_due_workday",
        "kpi.tie_method", "extra"]
    msg = ConfigError(problems).message()
    assert all(f"sectools.toml:{p.line}:" in msg for p in problems)


def test_plan_due_workday_text_is_a_clean_config_error(tmp_path):
    text = HEAD + '[plans]\nplan_due_workday = "x"\n'
    p = only(problems_of(tmp_path, text))
    assert (p.code, p.value, p.line) == ("config-bad-value", "x", line_with(text, "plan_due_workday"))
    assert "1 到 15 之间的整数" in p.message() and "whole number" in p.message("en")
    office = load_office(write(tmp_path, HEAD + "[plans]\nplan_due_workday = 5\nsummary_due_workday = 0\n"))
    assert office.settings["plans"]["plan_due_workday"] == 5 and office.section("plans")["summary_due_workday"] == 0
    from sectools.cli import main

    r = CliRunner().invoke(main, ["check", str(write(tmp_path, text))])
    assert r.exit_code == 1 and "plans.plan_due_workday" in r.output and "Traceback" not in r.output


def test_chinese_key_names(tmp_path):
    from sectools.attendance.rules import rules_from_config

    text = HEAD.replace("name =", '"名称" =') + ('[attendance]\n"宽限分钟" = 5\n"迟到按缺席分钟" = 30\n\n'
                                               '[[attendance.actions]]\n"缺席次数" = 2\n"处理办法" = "提醒"\n'
                                               '"会议类型" = "例会"\n\n[plans]\n"计划截止工作日" = 4\n\n'
                                               '[kpi]\n"奖金总额" = 800\n')
    office = load_office(write(tmp_path, text))
    assert office.name == "测试学生会"
    att = office.section("attendance")
    assert (att["grace_minutes"], att["late_as_absent_minutes"]) == (5, 30)
    assert att["actions"] == [{"absences": 2, "action": "提醒", "notice": None, "kind": "例会"}]
    rules, problems = rules_from_config(att)
    assert problems == [] and rules.grace_minutes == 5 and rules.steps[0].kind == "例会"
    assert office.settings["plans"]["plan_due_workday"] == 4 and office.settings["kpi"]["bonus_pool"] == 800
    # the Chinese and the English name of one setting: keep one
    text = HEAD + '[attendance]\ngrace_minutes = 5\n"宽限分钟" = 10\n'
    p = only(problems_of(tmp_path, text))
    assert (p.code, p.params["key"], p.line) == ("config-duplicate-key", "attendance.宽限分钟", line_with(text, "宽限"))
    # a misspelt Chinese name is answered in Chinese
    p = only(problems_of(tmp_path, HEAD + '[attendance]\n"宽限时间" = 5\n'))
    assert (p.code, p.params["suggestion"]) == ("config-unknown-key", '"宽限分钟"')


def test_defaults_are_filled_and_typed(tmp_path):
    from sectools.kpi.compute import KpiRules
    from sectools.ranking.compute import RankingRules
    from sectools.ranks import METHODS
    from sectools.reader.guard import Limits

    office = load_office(write(tmp_path, '[office]\nname = "测"\n'))
    s = office.settings
    assert set(s) == set(settings.SECTIONS)
    assert s["plans"] == {"folder": "计划总结", "plan_due_workday": 3, "summary_due_workday": 3, "departments": None}
    assert s["notices"] == {"praise_min_meetings": 3, "doc_prefix": "测", "short_name": "测", "style": "plain", "copy_to": None,
                            "issued_by": None}  # the office's name by default
    assert s["attendance"]["actions"][0] == {"absences": 2, "action": "提醒", "notice": "考勤提醒", "kind": None}
    assert s["ranking"]["base_score"] == 100.0 and s["ranking"]["rank_scope"] == "grade"
    assert s["kpi"]["raters"] == {"自评": 10.0, "部长评": 50.0, "主席团评": 40.0} and s["kpi"]["bonus_pool"] is None
    assert office.section("plans").get("folder", "?") == "计划总结"
    assert office.limits == Limits() and Limits(**s["limits"]) == Limits()
    assert office.departments == settings.DEFAULT_DEPARTMENTS and office.lang == "zh-CN"
    assert office.tables == {}
    # the declarations agree with what reads them: every default is a value of its own type
    for sec in settings.SECTIONS.values():
        for k in sec.keys:
            if k.default is not None and k.kind != "tables":
                assert settings.coerce(k, k.default) == k.default, (sec.name, k.name)
    assert tuple(c.value for c in settings.SECTIONS["ranking"].key("tie_method").choices) == METHODS
    assert KpiRules() == settings_rules("kpi") and RankingRules() == settings_rules("ranking")
    assert {k.name for k in settings.SECTIONS["limits"].keys} == set(Limits.__dataclass_fields__)


def settings_rules(name):
    from sectools.kpi.compute import rules_from_config as kpi_rules
    from sectools.ranking.compute import rules_from_config as ranking_rules

    rules, problems = {"kpi": kpi_rules, "ranking": ranking_rules}[name]({})
    assert problems == []
    return rules


def test_rules_from_config_keep_their_signature_and_results():
    from sectools.attendance.rules import DEFAULT_STEPS, Rules, Step
    from sectools.attendance.rules import rules_from_config as attendance_rules
    from sectools.kpi.compute import rules_from_config as kpi_rules
    from sectools.ranking.compute import rules_from_config as ranking_rules

    rules, problems = attendance_rules({"grace_minutes": 5, "actions": [{"absences": 1, "action": " 退出 ",
                                                                         "kind": "秘书处例会"}]})
    assert problems == [] and rules == Rules(grace_minutes=5, steps=(Step(1, "退出", None, "秘书处例会"),))
    assert attendance_rules({})[0].steps == DEFAULT_STEPS
    rules, problems = ranking_rules({"rank_scope": "全院", "tie_method": "Competition", "max_score": 110})
    assert problems == [] and (rules.rank_scope, rules.tie_method, rules.max_score) == ("all", "competition", 110.0)
    rules, problems = ranking_rules({"rank_scope": "overall", "tie_method": "奥运"})
    assert rules.rank_scope == "all" and rules.tie_method == "dense"  # a bad value keeps its default
    assert [(p.code, p.params["key"], p.line) for p in problems] == [("config-bad-value", "ranking.tie_method", None)]
    rules, problems = kpi_rules({"grades": {"合格": 60, "优秀": 85}, "bonus_pool": 1000})
    assert problems == [] and rules.grades == (("优秀", 85.0), ("合格", 60.0)) and rules.bonus_pool == 1000
    # what the office already checked goes through again unchanged
    values = settings.defaults()
    for name, fn in (("attendance", attendance_rules), ("ranking", ranking_rules), ("kpi", kpi_rules)):
        assert fn(values[name]) == fn({}), name


def test_the_excel_settings_sheet_gives_text(tmp_path):
    office = office_from_dict(Path("."), {"office": {"name": "财经系学生会", "semester_start": "2026-03-02",
                                                       "semester_end": dt.datetime(2026, 7, 10), "lang": "繁體"}})
    assert (office.semester_start, office.semester_end, office.lang) == (dt.date(2026, 3, 2), dt.date(2026, 7, 10),
                                                                         "zh-TW")
    assert office_from_dict(Path("."), {"office": {"semester_start": "2026年3月2日", "lang": "EN"}}).lang == "en"
    with pytest.raises(ConfigError) as e:
        office_from_dict(Path("."), {"office": {"semester_start": "下周", "lang": "fr"}})
    assert [(p.params["key"], p.line) for p in e.value.problems] == [("office.semester_start", None),
                                                                      ("office.lang", None)]
    assert e.value.problems[0].location() == "sectools.toml"


def test_a_toml_syntax_error_has_its_line(tmp_path):
    p = only(problems_of(tmp_path, '[office]\nname = "测"\nlang = \n'))
    assert (p.code, p.line) == ("config-invalid", 3)


@pytest.mark.parametrize("line, chars", [('name = “财经系学生会”', "“ ”"), ('departments = ["秘书处"，"宣传部"]', "，"),
                                         ('grace_minutes ＝ 5', "＝")])
def test_punctuation_typed_with_the_chinese_input_method_is_named(tmp_path, line, chars):
    """The clerk's input method was on Chinese: the message names the full-width marks and what to type instead,
    in the office's language — not only the parser's English."""
    from sectools.messages import render

    section = "[attendance]" if "grace" in line else "[office]"
    p = only(problems_of(tmp_path, f"{section}\n{line}\n"))
    assert (p.code, p.line) == ("config-invalid", 2)
    assert f"这一行有中文标点 {chars}" in render(p, "zh-CN") and "英文半角" in render(p, "zh-CN")
    assert f"full-width punctuation {chars}" in render(p, "en")


def test_key_lines_scanner():
    text = '''# a = 1
[office]                        # [not] = 2
name = "a = b"
departments = [
  "秘书处",   # [fake]
  "宣传部",
]
note = """
[fake]
x = 1
"""

[tables."roster"]
path = '名册.xlsx'

[[attendance.actions]]
absences = 2
[[attendance.actions]]
"缺席次数" = 3
actions_list = [{ a = 1 }, { a = 2 },
  { a = 3 }]
[kpi]
raters = { "自评" = 10 }
'''
    lines = settings.key_lines(text)
    assert lines[("office",)] == 2 and lines[("office", "name")] == 3 and lines[("office", "departments")] == 4
    assert lines[("office", "departments", 1)] == 6 and ("fake",) not in lines and ("a",) not in lines
    assert lines[("office", "note")] == 8 and lines[("tables", "roster", "path")] == 14
    assert lines[("attendance", "actions", 0, "absences")] == 17
    assert lines[("attendance", "actions", 1, "缺席次数")] == 19
    assert lines[("attendance", "actions", 1, "actions_list", 2)] == 21
    assert settings.line_of(lines, ("kpi", "raters", "自评")) == 23
    assert settings.line_of(lines, ("tables",)) == 13 and settings.line_of(lines, ("nowhere",)) is None


# ---- the init template and README --------------------------------------------------------------------
def declared_keys():
    for sec in settings.SECTIONS.values():
        for k in sec.keys:
            yield sec.name, k.name
            for sub in k.items:
                yield sec.name, sub.name


@pytest.mark.parametrize("demo", [False, True])
def test_the_init_template_round_trips_and_shows_every_key(tmp_path, demo):
    from sectools.scaffold import DEMO_ACTIONS, OPTIONAL_ACTIONS, config_text
    from sectools.tables import TABLES

    text = config_text("财经系学生会", dt.date(2026, 3, 2), dt.date(2026, 7, 10),
                       extra_actions=DEMO_ACTIONS if demo else OPTIONAL_ACTIONS)
    values, problems = settings.validate(tomllib.loads(text), text, tables={n: t.default_path for n, t in TABLES.items()})
    assert problems == []
    assert values["office"]["name"] == "财经系学生会" and values["office"]["semester_start"] == dt.date(2026, 3, 2)
    assert values["attendance"]["actions"][:2] == settings.default("attendance", "actions")
    assert len(values["attendance"]["actions"]) == (3 if demo else 2)
    assert set(values["tables"]) == {"roster", "meetings", "signins", "leaves", "classes", "score_items",
                                     "inspections", "indicators", "ratings", "incoming", "decisions", "tasks", "seals", "events", "fund",
                                     "seal_uses", "budget", "purchases", "issues_out", "applicants", "interviews"}
    written = {m.group(1) for m in re.finditer(r'^(?:# )?"?([\w]+)"? = ', text, re.M)}
    written |= {m.group(1) for m in re.finditer(r'^(?:# )?\[\[\w+\.(\w+)\]\]', text, re.M)}
    assert {k for _, k in declared_keys()} <= written
    for sec in settings.SECTIONS.values():
        assert re.search(rf"^(# )?\[{sec.name}[.\]]", text, re.M), sec.name
    # and what init writes is that text, and loads
    from sectools.scaffold import init_office

    init_office(tmp_path / "o", with_demo=demo)
    office = load_office(tmp_path / "o")
    assert office.settings["plans"]["folder"] == "计划总结"


def test_readme_settings_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings.readme_text(readme) == readme, "run: python -m sectools.settings readme"
    table = readme.split(settings.README_START)[1].split(settings.README_END)[0]
    for section, key in declared_keys():
        assert f"`{key}`" in table, (section, key)


def test_settings_module_is_light():
    import subprocess
    import sys

    code = ("import sys, sectools.settings; bad = [m for m in sys.modules if m.startswith(('pandas', "
            "'sectools.config', 'sectools.attendance', 'sectools.ranking', 'sectools.kpi', 'sectools.plans', "
            "'sectools.notices', 'sectools.reader', 'sectools.excel'))]; print(bad)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stdout + r.stderr


# ---- through the command line ------------------------------------------------------------------------
def test_cli_names_the_line_of_a_bad_key(tmp_path):
    from sectools.cli import main

    text = HEAD + "[attendance]\nlates_per_absence = 2\ngrace_minute = 5\n"
    r = CliRunner().invoke(main, ["attendance", str(write(tmp_path, text))])
    n = line_with(text, "grace_minute")
    assert r.exit_code == 1 and f"sectools.toml:{n}" in r.output and "grace_minutes" in r.output
    assert "Traceback" not in r.output
