"""The command line through click's CliRunner, and the office folder end to end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sectools.cli import main

from .conftest import digest, sheet_book

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_demo_creates_an_office_whose_check_lists_its_faults(demo_office):
    out, output = demo_office
    assert "名册" in output and "检查结果.xlsx" in output
    for made in ("考勤统计.xlsx", "排名", "月度工作计划_2026-03.xlsx", "绩效考核_2026-03.xlsx", "通知"):
        assert made in output, made
    assert (out / "sectools.toml").is_file() and (out / "名册.xlsx").is_file()
    r = run("check", out)
    assert r.exit_code == 1, r.output  # the demo's faults on purpose: a plan with no items, …
    assert "no-items" in r.output
    assert re.search(r"名册：名册.xlsx › 成员：(7[5-9]|8\d|9\d) 行，0 个错误", r.output), r.output
    assert "ambiguous-name" in r.output  # the demo's 同名 pair is reported, not merged
    # the summary adds up to the exit code: the plan form's error is counted on a line of its own
    errors = sum(int(n) for n in re.findall(r"(\d+) 个错误", r.output.split("\n\n")[0]))
    assert errors >= 1 and re.search(r"其他文件：.*文艺部计划\.xlsx.*：1 个错误", r.output), r.output


def test_check_json_lists_problems_and_exits_1_on_errors(tmp_path):
    run("init", tmp_path / "o")
    sheet_book(tmp_path / "o" / "名册.xlsx", [["学号", "姓名", "部门"], ["1", "甲", "秘书处"],
                                              ["1", "乙", "宣传部"], ["2", "丙", "火星部"]])
    r = run("check", tmp_path / "o", "--json")
    assert r.exit_code == 1
    data = [d for d in json.loads(r.output) if d["code"] != "empty-table"]
    assert [(d["cell"], d["code"], d["severity"]) for d in data] == [
        ("A3", "duplicate-id", "error"), ("C4", "unknown-department", "warning")]
    assert set(data[0]) == {"file", "sheet", "cell", "code", "severity", "message", "value"}
    assert data[0]["file"] == "名册.xlsx" and data[0]["sheet"] == "成员"


def test_check_in_english_and_problems_workbook(tmp_path):
    run("init", tmp_path / "o")
    sheet_book(tmp_path / "o" / "名册.xlsx", [["学号", "姓名", "部门", "入职日期"], ["1", "甲", "秘书处", "昨天"]])
    r = run("--lang", "en", "check", tmp_path / "o", "--out", tmp_path / "problems.xlsx")
    assert r.exit_code == 1
    assert "is not a date" in r.output and "D2" in r.output
    ws = openpyxl.load_workbook(tmp_path / "problems.xlsx").active
    assert ws["C3"].value == "D2" and ws["G3"].value == "bad-date" and "is not a date" in ws["E3"].value  # the code last


def test_errors_are_messages_not_tracebacks(tmp_path):
    r = run("check", tmp_path)
    assert r.exit_code == 1 and "sectools.toml" in r.output and "Traceback" not in r.output
    (tmp_path / "sectools.toml").write_text("[office\nname = ", encoding="utf-8")
    r = run("check", tmp_path)
    assert r.exit_code == 1 and "错误: sectools.toml" in r.output and "写法有误" in r.output
    (tmp_path / "sectools.toml").write_text('[office]\nsemester_start = "下周"\nlang = "fr"\n', encoding="utf-8")
    r = run("check", tmp_path)
    assert r.exit_code == 1 and "semester_start" in r.output and "lang" in r.output
    r = run("init", tmp_path)  # not empty
    assert r.exit_code == 1 and "不是空的" in r.output


def test_zh_tw_office_gets_traditional_messages(tmp_path):
    run("init", tmp_path / "o")
    cfg = tmp_path / "o" / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('lang = "zh-CN"', 'lang = "zh-TW"'), encoding="utf-8")
    sheet_book(tmp_path / "o" / "名册.xlsx", [["學號", "姓名", "部門"], ["1", "甲", "秘書處"], ["1", "乙", "秘書處"]])
    r = run("check", tmp_path / "o")
    assert r.exit_code == 1 and "重複" in r.output and "錯誤" in r.output


def test_no_command_changes_a_byte_of_any_input(demo_office, tmp_path):
    office, _ = demo_office

    def inputs():
        return {k: v for k, v in digest(office).items() if not k.startswith(("输出", ".sectools", "Excel"))}

    before = inputs()
    for args in (["check", office], ["check", office, "--json"], ["check", office, "--out", tmp_path / "p.xlsx"],
                 ["--lang", "en", "check", office], ["attendance", office], ["attendance", office, "--format", "json"],
                 ["signin-sheet", office], ["notices", "render", "会议通知", office, "--format", "html", "--force"],
                 ["ranking", "compute", office, "--week", "2026-W12"], ["ranking", "status", office],
                 ["ranking", "verify", office], ["plans", "collect", office, "--month", "2026-03", "--remind"],
                 ["plans", "schedule", office, "--month", "2026-03"], ["kpi", office, "--period", "2026-03"],
                 ["excel", "quickstart", office]):
        r = run(*args)
        assert r.exit_code in (0, 1), (args, r.output)
    assert inputs() == before
    r = run("check", office, "--out", office / "名册.xlsx")  # an input as output: refused
    assert r.exit_code == 1 and "不能是输入" in r.output
    assert inputs() == before


def test_init_blank_office_workbook_is_ready_to_type_into(tmp_path):
    r = run("init", tmp_path / "o")
    assert r.exit_code == 0
    ws = openpyxl.load_workbook(tmp_path / "o" / "名册.xlsx")["成员"]
    assert ws["A1"].value == "学生会成员名册"
    assert [c.value for c in ws[2]][:4] == ["学号", "姓名", "性别", "部门"]
    assert ws.freeze_panes == "A3"
    lists = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "在任" in lists["J"] and "秘书处" in lists["D"] and "干事" in lists["E"]
    assert ws.column_dimensions["A"].width >= 12
    assert ws["A3"].number_format == "@"  # ids typed as text keep their zeros
    r = run("check", tmp_path / "o")
    assert r.exit_code == 0  # an empty roster is only a warning


def test_init_for_a_traditional_office_speaks_traditional(tmp_path):
    """`init --lang zh-TW`: the office's language is zh-TW (it was written zh-CN, so every job spoke
    Simplified), its settings (通報部長並撤銷職務), sheets, titles, headers and drop-downs are Traditional;
    the file names stay as README lists them; the office checks clean and its jobs read it."""
    import tomllib

    from sectools.messages import to_traditional

    r = run("init", tmp_path / "o", "--lang", "zh-TW")
    assert r.exit_code == 0 and "已創建" in r.output
    root = tmp_path / "o"
    text = (root / "sectools.toml").read_text("utf-8")
    conf = tomllib.loads(text)
    assert conf["office"]["lang"] == "zh-TW" and conf["office"]["name"] == "學生會"
    assert "通報部長並撤銷職務" in [a["action"] for a in conf["attendance"]["actions"]]
    assert "主席團" in conf["office"]["departments"]
    assert conf["tables"]["roster"]["path"] == "名册.xlsx" and conf["plans"]["folder"] == "计划总结"
    for line in text.splitlines():
        if not re.match(r"\s*#?\s*(path|folder|notice)\s*=", line):
            assert to_traditional(line) == line, line
    books = sorted(root.rglob("*.xlsx"))
    assert len(books) >= 10
    for book in books:
        wb = openpyxl.load_workbook(book)
        for ws in wb.worksheets:
            assert to_traditional(ws.title) == ws.title, (book.name, ws.title)
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if isinstance(v, str):
                        assert to_traditional(v) == v, (book.name, v)
            for dv in ws.data_validations.dataValidation:
                assert to_traditional(dv.formula1 or "") == (dv.formula1 or ""), (book.name, dv.formula1)
    ws = openpyxl.load_workbook(root / "名册.xlsx")["成員"]
    assert ws["A1"].value == "學生會成員名冊" and [c.value for c in ws[2]][:4] == ["學號", "姓名", "性別", "部門"]
    r = run("check", root)
    assert r.exit_code == 0 and "錯誤" in r.output and "missing-column" not in r.output, r.output


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0 and "例" in r.output, name
        assert f"sectools {name}" in readme, name


def test_python_dash_m_runs():
    r = subprocess.run([sys.executable, "-m", "sectools", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "sectools" in r.stdout


def test_committed_workbooks_are_current(tmp_path):
    """workbooks/ is what `sectools init` makes: regenerate and compare cell by cell."""
    from sectools.scaffold import write_committed_workbooks

    write_committed_workbooks(tmp_path)
    committed = ROOT / "workbooks"
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert made == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file()
                          and p.name != "README.md")
    for rel in made:
        a, b = tmp_path / rel, committed / rel
        if rel.suffix == ".xlsx":
            wa, wb = openpyxl.load_workbook(a), openpyxl.load_workbook(b)
            assert wa.sheetnames == wb.sheetnames, rel
            for sa, sb in zip(wa, wb):
                assert [[c.value for c in r] for r in sa.iter_rows()] == [[c.value for c in r] for r in sb.iter_rows()], rel
                assert [(d.sqref, d.formula1) for d in sa.data_validations.dataValidation] == \
                       [(d.sqref, d.formula1) for d in sb.data_validations.dataValidation], rel
        elif rel.suffix == ".docx":
            import docx

            da, db = docx.Document(a), docx.Document(b)
            assert [p.text for p in da.paragraphs] == [p.text for p in db.paragraphs], rel
            assert [[c.text for c in r.cells] for t in da.tables for r in t.rows] == \
                   [[c.text for c in r.cells] for t in db.tables for r in t.rows], rel
        else:
            assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8"), rel


def test_a_damaged_roster_is_one_problem_not_a_traceback(tmp_path):
    run("init", tmp_path / "o")
    (tmp_path / "o" / "名册.xlsx").write_bytes(b"PK\x03\x04 broken")
    r = run("check", tmp_path / "o", "--json")
    assert r.exit_code == 1
    assert [(d["file"], d["code"]) for d in json.loads(r.output) if d["code"] != "empty-table"] == \
        [("名册.xlsx", "corrupt-workbook")]


def test_a_blank_office_refuses_each_job_naming_the_table_to_fill(tmp_path):
    office = tmp_path / "空白"
    assert CliRunner().invoke(main, ["init", str(office)]).exit_code == 0
    o = str(office)
    expect = [(["attendance", o], "名册.xlsx"), (["signin-sheet", o], "会议.xlsx"), (["ranking", "compute", o], "班级.xlsx"),
              (["ranking", "status", o], "班级.xlsx"), (["ranking", "compute", o, "--semester"], "班级.xlsx"),
              (["kpi", o], "评分表.xlsx"), (["notices", "render", "考勤提醒", o], "名册.xlsx")]
    for cmd, file in expect:
        r = CliRunner().invoke(main, cmd)
        assert r.exit_code == 1, (cmd, r.output)
        assert file in r.output and "内部出错" not in r.output and "Traceback" not in r.output, (cmd, r.output)


def test_options_of_every_command_and_usage_errors(demo_office):
    root, _ = demo_office
    r = CliRunner().invoke(main, ["ranking", "status", str(root), "--week", "2026-W11", "--lang", "en"])
    assert r.exit_code == 0 and "Publish by:" in r.output  # --lang after the command
    r = CliRunner().invoke(main, ["--lang", "zh-TW", "ranking", "status", str(root), "--week", "2026-W11"])
    assert "發佈截止" in r.output and "釋出" not in r.output and "2026-W11（第2週，2026-03-09" in r.output
    r = CliRunner().invoke(main, ["attendance", str(root), "--from", "2026-05-01", "--to", "2026-04-01"])
    assert r.exit_code == 2 and "早于起始日期" in r.output
    r = CliRunner().invoke(main, ["attendance", str(root), "--kind", "茶话会"])
    assert r.exit_code == 1 and "秘书处例会" in r.output  # the kinds there are
    r = CliRunner().invoke(main, ["ranking", "status", str(root), "--week", "2026-W11"])
    assert "T00:00" not in r.output


def test_usage_errors_speak_the_clerks_language(tmp_path):
    r = CliRunner().invoke(main, ["attendance", str(tmp_path / "没有这个文件夹")])
    assert r.exit_code == 2 and "用法：" in r.output and "不存在" in r.output and "Usage" not in r.output
    r = CliRunner().invoke(main, ["attendance", str(tmp_path), "--fromm", "2026-03-01"])
    assert r.exit_code == 2 and "没有 '--fromm' 这个选项" in r.output and "是不是想写" in r.output
    r = CliRunner().invoke(main, ["--lang", "en", "attendance", str(tmp_path), "--fromm", "2026-03-01"])
    assert "No such option" in r.output and "没有" not in r.output
    r = CliRunner().invoke(main, ["--lang", "zh-TW", "attendance", str(tmp_path / "x")])
    assert "資料夾" in r.output or "文件夾" in r.output


def test_init_force_and_demo_never_replace_a_clerks_file(tmp_path):
    """init --force fills in what is missing and what sectools made unchanged; a file a clerk made or
    edited is kept and listed; the demo refuses a folder holding such files."""
    import openpyxl

    office = tmp_path / "o"
    assert run("init", office).exit_code == 0
    roster = office / "名册.xlsx"
    wb = openpyxl.load_workbook(roster)
    wb.active.append(["2024001", "张三", "秘书处"])
    wb.save(roster)
    (office / "会议.xlsx").unlink()
    mine = office / "检查记录" / "生活部.xlsx"
    mine.write_bytes(b"clerk's own bytes")
    before = roster.read_bytes()
    r = run("init", office, "--force")
    assert r.exit_code == 0 and "已保留" in r.output
    assert "名册.xlsx" in r.output.split("已保留")[1] and "检查记录/生活部.xlsx" in r.output.split("已保留")[1]
    assert roster.read_bytes() == before and mine.read_bytes() == b"clerk's own bytes"
    assert (office / "会议.xlsx").is_file()  # what was missing is made again
    r = run("demo", "--out", office)
    assert r.exit_code == 1 and "名册.xlsx" in r.output and roster.read_bytes() == before
    fresh = tmp_path / "d"
    assert run("demo", "--out", fresh).exit_code == 0
    assert run("demo", "--out", fresh).exit_code == 0  # its own files, unchanged: may be made again
    # An untouched demo office is the office's data now: init --force never swaps it for blank templates.
    meetings = (fresh / "会议.xlsx").read_bytes()
    cfg = (fresh / "sectools.toml").read_text(encoding="utf-8")
    r = run("init", fresh, "--force")
    assert r.exit_code == 0 and (fresh / "会议.xlsx").read_bytes() == meetings
    assert (fresh / "sectools.toml").read_text(encoding="utf-8") == cfg and "会议.xlsx" in r.output.split("已保留")[1]


def test_an_output_inside_an_input_folder_is_refused(demo_office, tmp_path):
    import shutil

    office = tmp_path / "o"
    shutil.copytree(demo_office[0], office, ignore=shutil.ignore_patterns("输出", ".sectools"))
    victim = office / "检查记录" / "体育部.xlsx"
    before = victim.read_bytes()
    form = next((office / "计划总结" / "2026-03").glob("*.xlsx"))
    form_before = form.read_bytes()
    for target, cmd in ((victim, "attendance"), (form, "kpi"), (office / "计划总结" / "新.xlsx", "check")):
        args = [cmd, office, "--out", target]
        r = CliRunner().invoke(main, [str(a) for a in args])
        assert r.exit_code == 1 and "输入的文件夹" in r.output, (cmd, r.output)
    assert victim.read_bytes() == before and form.read_bytes() == form_before
    assert not (office / "计划总结" / "新.xlsx").exists()


def test_excel_serve_without_a_licence_key_says_how_to_set_one(monkeypatch):
    pytest.importorskip("xlwings_server")
    monkeypatch.delenv("XLWINGS_LICENSE_KEY", raising=False)
    r = CliRunner().invoke(main, ["excel", "serve"])
    assert r.exit_code == 1 and "XLWINGS_LICENSE_KEY=noncommercial" in r.output and "内部出错" not in r.output


def test_dates_on_the_command_line_are_read_as_in_the_cells(demo_office):
    """`--to 3月31日` was refused although sectools reads 3月31日 in every cell: it takes its year from the
    office's semester, so it gives the same answer as 2026-03-31."""
    root = str(demo_office[0])
    full = run("attendance", root, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")
    short = run("attendance", root, "--from", "3月1日", "--to", "3月31日", "--format", "json")
    assert full.exit_code in (0, 1) and full.stdout == short.stdout and json.loads(short.stdout)
    r = run("attendance", root, "--to", "3月32日")
    assert r.exit_code == 2 and "3月2日" in r.output


def test_notice_kinds_are_named_in_either_script(demo_office, tmp_path):
    """A Traditional office's clerk types 會議紀要: it was refused (可用：会议通知…); and notices list showed the
    names in Simplified in a Traditional run."""
    r = run("notices", "render", "會議紀要", demo_office[0], "--format", "txt", "--out", tmp_path / "m")
    assert r.exit_code in (0, 1) and list((tmp_path / "m").glob("会议纪要_*.txt")), r.output
    listed = run("--lang", "zh-TW", "notices", "list").output
    assert "會議紀要\t" in listed and "会议纪要\t" not in listed


def test_json_typed_as_a_flag_points_at_format_json(demo_office):
    """`attendance --json` said 是不是想写 '--to'？ — it points at --format json (check keeps its own --json)."""
    r = run("attendance", demo_office[0], "--json")
    assert r.exit_code == 2 and "--format json" in r.output
    assert run("check", demo_office[0], "--json").exit_code in (0, 1)


@pytest.mark.parametrize("name, fixed", [("签到表.xls", "签到表.xlsx"), ("报表.csv", "报表.xlsx"), ("考勤", "考勤.xlsx")])
def test_an_out_name_that_is_not_xlsx_is_refused_with_the_name_to_use(tmp_path, name, fixed):
    """sectools writes .xlsx: an .xls name gave an .xlsx file under it, which Excel refuses to open as .xls."""
    run("init", tmp_path / "o")
    for cmd in (["signin-sheet"], ["attendance"], ["check"], ["plans", "schedule"]):
        r = run(*cmd, tmp_path / "o", "--out", tmp_path / name)
        assert r.exit_code == 2 and fixed in r.output, (cmd, r.output)
    assert not (tmp_path / name).exists()


def test_init_says_the_office_name_every_notice_is_signed_with_and_how_to_change_it(tmp_path):
    r = run("init", tmp_path / "o")
    assert r.exit_code == 0 and "办公室名称暂为“学生会”" in r.output and "--name" in r.output
    named = run("init", tmp_path / "p", "--name", "财经系学生会")
    assert named.exit_code == 0 and "办公室名称暂为" not in named.output
