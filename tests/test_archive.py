"""档案: a semester's roster sealed with its hashes (a snapshot changed afterwards is found), the changes between two
semesters by hand, one member's history, the attendance ladder's 撤职 / 退出 written into a new roster (the clerk's
never), and a past semester counted with the members it had."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import openpyxl
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office

from .conftest import sheets_book

D = dt.date
_ = None
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10
departments = ["秘书处", "宣传部", "组织部"]

[tables.roster]
path = "名册.xlsx"
"""
HEAD = ["学号", "姓名", "部门", "职务", "入职日期", "离任日期", "状态"]
AUTUMN = [
    ["2025001", "张一", "秘书处", "部长", D(2025, 9, 10), _, "在任"],
    ["2025002", "李二", "宣传部", "干事", D(2025, 9, 10), _, "在任"],  # moves to 组织部
    ["2025003", "王三", "宣传部", "干事", D(2025, 9, 12), _, "在任"],  # promoted 副部长
    ["2025004", "赵四", "组织部", "干事", D(2025, 9, 12), _, "在任"],  # leaves in April (its row stays)
    ["2025005", "钱五", "组织部", "干事", D(2025, 9, 12), _, "在任"],  # 撤职
    ["2025006", "孙六", "秘书处", "干事", D(2025, 9, 12), _, "在任"],  # gone from the roster
]
SPRING = [
    ["2025001", "张一", "秘书处", "部长", D(2025, 9, 10), _, "在任"],
    ["2025002", "李二", "组织部", "干事", D(2025, 9, 10), _, "在任"],
    ["2025003", "王三", "宣传部", "副部长", D(2025, 9, 12), _, "在任"],
    ["2025004", "赵四", "组织部", "干事", D(2025, 9, 12), D(2026, 4, 20), "已退出"],
    ["2025005", "钱五", "组织部", "干事", D(2025, 9, 12), D(2026, 5, 8), "撤职"],
    ["2026001", "周七", "宣传部", "干事", D(2026, 3, 5), _, "在任"],  # joins
]


def roster_book(path, rows):
    return sheets_book(path, {"成员": [HEAD] + rows})


def office(tmp_path, rows=SPRING):
    root = tmp_path / "o"
    root.mkdir(parents=True, exist_ok=True)
    (root / "sectools.toml").write_text(CONFIG, encoding="utf-8")
    roster_book(root / "名册.xlsx", rows)
    return root


def sealed(tmp_path):
    root = office(tmp_path)
    autumn = roster_book(tmp_path / "秋季名册.xlsx", AUTUMN)
    jobs.archive_snapshot(load_office(root), "2025秋", roster_file=autumn, now=dt.datetime(2026, 1, 20, 17))
    r = CliRunner().invoke(main, ["archive", "snapshot", str(root)])
    assert r.exit_code == 0, r.output
    return root


def test_a_snapshot_is_sealed_and_kept(tmp_path):
    root = office(tmp_path)
    before = hashlib.sha256((root / "名册.xlsx").read_bytes()).hexdigest()
    r = CliRunner().invoke(main, ["archive", "snapshot", str(root)])
    assert r.exit_code == 0, r.output
    assert "2026年春季学期" in r.output and "6 人" in r.output  # the office's semester, said
    folder = root / ".sectools" / "档案" / "2026年春季学期"
    data = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))
    assert len(data["members"]) == 6 and data["copy_sha256"] == hashlib.sha256(
        (folder / "名册.xlsx").read_bytes()).hexdigest() == before  # the roster's bytes, untouched
    assert hashlib.sha256((root / "名册.xlsx").read_bytes()).hexdigest() == before
    again = CliRunner().invoke(main, ["archive", "snapshot", str(root)])
    assert again.exit_code == 1 and "--replace" in again.output  # sealed: not overwritten by a later roster
    assert CliRunner().invoke(main, ["archive", "snapshot", str(root), "--replace"]).exit_code == 0
    assert (folder / "snapshot.json.prev").exists()


def test_a_snapshot_changed_afterwards_is_found(tmp_path):
    root = sealed(tmp_path)
    path = root / ".sectools" / "档案" / "2025年秋季学期" / "snapshot.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["members"][4]["status"] = "在任（改）"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(main, ["archive", "list", str(root)])
    assert r.exit_code == 1 and "改动" in r.output and "2025年秋季学期" in r.output
    assert "2026年春季学期（" in r.output  # the other semester stands
    assert CliRunner().invoke(main, ["archive", "diff", str(root), "2026春"]).exit_code == 0  # not the damaged one
    assert CliRunner().invoke(main, ["archive", "diff", str(root), "2025秋"]).exit_code == 1


def test_a_snapshot_re_hashed_after_a_change_is_found_too(tmp_path):
    """Changing a member and working the hash out again: the roster copy kept with it still tells."""
    from sectools.archive import members_hash

    root = sealed(tmp_path)
    path = root / ".sectools" / "档案" / "2025年秋季学期" / "snapshot.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["members"][1]["department"] = "组织部"
    data["hash"] = members_hash(data["members"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(main, ["archive", "list", str(root)])
    assert r.exit_code == 1 and "archive-tampered" in r.output


def test_the_changes_between_two_semesters_by_hand(tmp_path):
    root = sealed(tmp_path)
    job = jobs.archive_diff(load_office(root), "2025秋", "2026春", out=False)
    got = [(c["kind"], c["name"], c["before"], c["after"], c["date"]) for c in job.records()]
    assert got == [("joined", "周七", None, "宣传部 干事", "2026-03-05"),
                   ("moved", "李二", "宣传部", "组织部", None),
                   ("post-changed", "王三", "干事", "副部长", None),
                   ("dismissed", "钱五", "组织部 干事", "撤职", "2026-05-08"),
                   ("left", "孙六", "秘书处 干事", "不在名册", None),  # gone from the roster: the date not known
                   ("left", "赵四", "组织部 干事", "已退出", "2026-04-20")]
    r = CliRunner().invoke(main, ["archive", "diff", str(root), "2025秋", "--format", "json"])
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 6  # against the roster now: the same
    assert (root / "输出" / f"档案变动_{D.today().isoformat()}_对比2025年秋季学期.xlsx").exists()
    r = CliRunner().invoke(main, ["archive", "diff", str(root), "2024秋"])
    assert r.exit_code == 1 and "还没有存档" in r.output and "2025年秋季学期" in r.output


def test_a_member_s_history(tmp_path):
    root = sealed(tmp_path)
    rows = jobs.archive_show(load_office(root), "李二").records()
    assert [(r["semester"], r["department"], r["change"]) for r in rows] == [
        ("2025年秋季学期", "宣传部", "在册"), ("2026年春季学期", "组织部", "调整部门"), ("现在", "组织部", None)]
    new = jobs.archive_show(load_office(root), "周七").records()  # not in the autumn: joined in the spring
    assert [(r["semester"], r["change"]) for r in new] == [("2026年春季学期", "加入"), ("现在", None)]
    gone = jobs.archive_show(load_office(root), "2025006").records()  # left: the history stays
    assert [(r["semester"], r["change"]) for r in gone] == [("2025年秋季学期", "在册"), ("2026年春季学期", "不在名册")]
    r = CliRunner().invoke(main, ["archive", "show", str(root), "无此人"])
    assert r.exit_code == 1 and "找不到" in r.output


def test_the_ladder_s_actions_go_into_a_new_roster(demo_office, tmp_path):
    root = tmp_path / "demo"
    shutil.copytree(demo_office[0], root, ignore=shutil.ignore_patterns("输出"))
    before = hashlib.sha256((root / "名册.xlsx").read_bytes()).hexdigest()
    job = jobs.archive_apply(load_office(root), today=D(2026, 7, 10))
    assert hashlib.sha256((root / "名册.xlsx").read_bytes()).hexdigest() == before  # the clerk's: never written
    att = jobs.attendance(load_office(root), out=False).result
    wanted = {a["id"] for a in att.actions if "撤" in a["action"] or "退出" in a["action"]}
    assert {a["id"] for a in job.records()} == wanted and wanted
    ws = openpyxl.load_workbook(root / "输出" / "考勤处理后名册.xlsx").active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    head = [r[0] for r in cells].index("学号")
    rows = {r[0]: r for r in cells[head + 1:] if r[0]}
    status = cells[head].index("状态")
    assert all(rows[i][status] in ("撤职", "已退出") for i in wanted)


def test_a_past_semester_is_counted_with_its_members(demo_office, tmp_path):
    """The demo's spring, once the office has moved on to the autumn: its attendance counts the members the spring's
    archive holds (a member added to the roster since is not counted)."""
    root = tmp_path / "demo"
    shutil.copytree(demo_office[0], root, ignore=shutil.ignore_patterns("输出"))
    now = jobs.attendance(load_office(root), out=False)
    text = (root / "sectools.toml").read_text(encoding="utf-8")
    (root / "sectools.toml").write_text(text.replace("2026-03-02", "2026-09-01").replace("2026-07-10", "2027-01-15"),
                                        encoding="utf-8")
    wb = openpyxl.load_workbook(root / "名册.xlsx")  # a member joins in the autumn
    ws = wb.worksheets[0]
    ws.append(["2026999999", "新同学", "男", "秘书处", "干事", "会计2601", None, dt.datetime(2026, 9, 10), None, "在任"])
    wb.save(root / "名册.xlsx")
    past = jobs.attendance(load_office(root), date_from=D(2026, 3, 2), date_to=D(2026, 7, 10), out=False)
    assert [c.reason for c in past.choices] == ["roster-from-archive"]
    assert len(past.result.members) == len(now.result.members)
    assert "2026999999" not in set(past.result.members["id"])


def test_the_excel_button(tmp_path):
    """档案变动 in the book: its 成员 sheet against the office folder's latest snapshot."""
    from .conftest import sheet_book
    from .test_excel import added, alert, payload, run_script, sheet_values

    root = sealed(tmp_path)
    now = SPRING + [["2026002", "吴八", "秘书处", "干事", D(2026, 6, 1), _, "在任"]]
    book = sheet_book(tmp_path / "名册.xlsx", [HEAD] + now, title="成员",
                      extra_sheets={"sectools设置": [["设置", "值"], ["办公室文件夹", str(root)]]})
    actions = run_script("sectools_archive", payload(book))
    new = added(actions)
    assert "档案变动" in new
    values = sheet_values(actions, new["档案变动"])
    assert any(r and "吴八" in r for r in values)
    assert "2026年春季学期 → 现在：1 项变动" in alert(actions)
    lone = sheet_book(tmp_path / "单独.xlsx", [HEAD] + now, title="成员")
    assert "办公室文件夹" in alert(run_script("sectools_archive", payload(lone)))


def test_what_the_archive_cannot_do_is_said(tmp_path):
    """Two members of one name, an office with no semester, a book whose folder has nothing archived yet."""
    from .conftest import sheet_book
    from .test_excel import alert, payload, run_script

    root = office(tmp_path, SPRING + [["2026009", "李二", "秘书处", "干事", D(2026, 3, 9), _, "在任"]])
    jobs.archive_snapshot(load_office(root), "2026春")
    r = CliRunner().invoke(main, ["archive", "show", str(root), "李二"])
    assert r.exit_code == 1 and "2025002、2026009" in r.output  # which one: not guessed
    assert jobs.archive_show(load_office(root), "2026009").records()[0]["department"] == "秘书处"
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "sectools.toml").write_text(CONFIG.replace("semester_start = 2026-03-01\nsemester_end = 2026-07-10\n", ""),
                                        encoding="utf-8")
    roster_book(bare / "名册.xlsx", SPRING)
    r = CliRunner().invoke(main, ["archive", "snapshot", str(bare)])
    assert r.exit_code == 1 and "--semester" in r.output
    fresh = office(tmp_path / "fresh")
    book = sheet_book(tmp_path / "册.xlsx", [HEAD] + SPRING, title="成员",
                      extra_sheets={"sectools设置": [["设置", "值"], ["办公室文件夹", str(fresh)]]})
    assert "还没有名册存档" in alert(run_script("sectools_archive", payload(book)))
