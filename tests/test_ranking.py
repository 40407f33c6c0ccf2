"""班级量化考核: scores, caps, both tie methods, 流动红旗 rules, holiday-aware deadlines."""

from __future__ import annotations

import datetime as dt
import re
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.errors import SectoolsError

from .conftest import sheet_book

D = dt.date
CLASSES = [
    ["班级", "年级", "人数", "班主任"],
    ["会计2401", "2024级", 40, "王老师"], ["会计2402", "2024级", 50, "李老师"], ["财管2401", "2024级", 45, "张老师"],
    ["会计2501", "2025级", 40, "赵老师"], ["会计2502", "2025级", 40, "钱老师"],
]
ITEMS = [
    ["类别", "项目", "分值", "计分方式", "每周上限", "严重违纪"],
    ["卫生", "地面有垃圾", -2, "每次", 5, "否"],
    ["卫生", "床铺不整", -1, "每人次", 5, "否"],
    ["纪律", "晚自习讲话", -1, "每人次", 6, "否"],
    ["纪律", "夜不归宿", -5, "每人次", 6, "是"],
    ["加分", "活动获奖", 3, "每次", 5, "否"],
]
# Two inspecting departments, one sheet each (no 检查部门 column: the sheet name says who).
LIFE = [
    ["生活部检查记录"],
    ["日期", "班级", "项目", "次数", "分值", "备注"],
    [D(2026, 3, 10), "会计2401", "地面有垃圾", 2, None, None],  # −4
    [D(2026, 3, 11), "会计2401", "床铺不整", 3, None, None],  # −3: 卫生 −7, capped at −5
    [D(2026, 3, 12), "财管2401", "夜不归宿", 1, None, None],  # −5, serious
    [D(2026, 3, 16), "会计2402", "地面有垃圾", 1, None, "下一周"],  # W12: not this week
    [D(2026, 3, 12), "会计2499", "地面有垃圾", 1, None, None],  # no such class
]
DISCIPLINE = [
    ["日期", "班级", "项目", "人次", "分值"],
    [D(2026, 3, 9), "会计2402", "晚自习讲话", 2, None],  # −2
    [D(2026, 3, 13), "会计2402", "校园好人好事", None, 1],  # not an item, but points given: +1
    [D(2026, 3, 13), "会计2401", "活动获奖", 2, None],  # +6, capped at +5
    [D(2026, 3, 14), "会计2501", "活动获奖", 1, None],  # +3
    [D(2026, 3, 14), "会计2502", "活动获奖", 1, None],  # +3
    [D(2026, 3, 14), "会计2502", "乱扔东西", 1, None],  # unknown item, no points
]
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10

[tables.classes]
path = "班级.xlsx"
[tables.score_items]
path = "评分细则.xlsx"
[tables.inspections]
path = "检查记录.xlsx"

[ranking]
base_score = 100
{extra}
"""


def make(folder: Path, extra: str = "", folder_layout: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    cfg = CONFIG.format(extra=extra)
    sheet_book(folder / "班级.xlsx", CLASSES, title="班级")
    sheet_book(folder / "评分细则.xlsx", ITEMS, title="细则")
    if folder_layout:
        cfg = cfg.replace('path = "检查记录.xlsx"', 'path = "检查记录"')
        (folder / "检查记录").mkdir()
        sheet_book(folder / "检查记录" / "生活部.xlsx", LIFE, title="Sheet1")
        sheet_book(folder / "检查记录" / "纪检部.xlsx", DISCIPLINE, title="Sheet1")
    else:
        sheet_book(folder / "检查记录.xlsx", LIFE, title="生活部", extra_sheets={"纪检部": DISCIPLINE})
    (folder / "sectools.toml").write_text(cfg, encoding="utf-8")
    return folder


def table(res) -> dict[str, tuple]:
    return {r["class_name"]: (r["score"], int(r["rank"]), bool(r["red_flag"]), bool(r["serious"]))
            for r in res.table.to_dict("records")}


@pytest.mark.parametrize("folder_layout", [False, True])
def test_week_scores_caps_ranks_and_flags(tmp_path, folder_layout):
    res = jobs.ranking_week(load_office(make(tmp_path / "o", folder_layout=folder_layout)), "2026-W11").result
    assert table(res) == {
        "会计2401": (100.0, 1, True, False),  # 100 − 5 (卫生 capped) + 5 (加分 capped)
        "会计2402": (99.0, 2, False, False),  # 100 − 2 + 1
        "财管2401": (95.0, 3, False, True),  # serious violation
        "会计2501": (103.0, 1, True, False),
        "会计2502": (103.0, 1, True, False),  # tied at the cut: both get the flag
    }
    assert res.records == 8
    cells = sorted((p.sheet, p.cell, p.code) for p in res.problems)
    if folder_layout:
        assert [(c[1], c[2]) for c in cells] == [("B7", "unknown-class"), ("C7", "unknown-item")]
    else:
        assert cells == [("生活部", "B7", "unknown-class"), ("纪检部", "C7", "unknown-item")]


def test_tie_methods_and_overall_ranking(tmp_path):
    dense = jobs.ranking_week(load_office(make(tmp_path / "a", 'rank_scope = "all"')), "2026-W11").result
    comp = jobs.ranking_week(load_office(make(tmp_path / "b", 'rank_scope = "all"\ntie_method = "competition"')),
                        "2026-W11").result
    assert sorted(r[1] for r in table(dense).values()) == [1, 1, 2, 3, 4]
    assert sorted(r[1] for r in table(comp).values()) == [1, 1, 3, 4, 5]


def test_red_flag_skips_an_ineligible_class(tmp_path):
    office = make(tmp_path / "o", "red_flag_min_score = 99.5")
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["生活部"].append([D(2026, 3, 12), "会计2401", "夜不归宿", 0, 0])  # serious, scored 0 this time
    wb.save(office / "检查记录.xlsx")
    t = table(jobs.ranking_week(load_office(office), "2026-W11").result)
    assert t["会计2401"][2:] == (False, True)  # best, but a serious violation: no flag
    assert t["会计2402"][2] is False  # 99 < 99.5: not eligible either
    assert t["会计2501"][2] and t["会计2502"][2]


def test_max_score_and_size_normalisation(tmp_path):
    t = table(jobs.ranking_week(load_office(make(tmp_path / "a", "max_score = 102")), "2026-W11").result)
    assert t["会计2501"][0] == 102.0
    t = table(jobs.ranking_week(load_office(make(tmp_path / "b", "normalise_by_size = true")), "2026-W11").result)
    # 会计2402 (50 students; median size 40): 2 人次 × −1 × 40/50 = −1.6, then +1 → 99.4
    assert t["会计2402"][0] == pytest.approx(99.4)


@pytest.mark.parametrize("week, publish, ends", [
    ("2026-W11", dt.datetime(2026, 3, 16, 12), dt.datetime(2026, 3, 18, 23, 59)),  # an ordinary week
    ("2026-W14", dt.datetime(2026, 4, 7, 12), dt.datetime(2026, 4, 9, 23, 59)),  # 清明: Mon 4/6 off
    ("2026-W18", dt.datetime(2026, 5, 6, 12), dt.datetime(2026, 5, 8, 23, 59)),  # 劳动节: 5/1–5/5 off
    ("2026-W40", dt.datetime(2026, 10, 8, 12), dt.datetime(2026, 10, 10, 23, 59)),  # 国庆: Sat 10/10 worked
])
def test_deadlines_follow_the_holiday_calendar(tmp_path, week, publish, ends):
    d, problems = jobs.week_deadlines(load_office(make(tmp_path / "o")), week)
    assert (d["publish_by"], d["objection_end"]) == (publish, ends)
    assert problems == []


def test_a_year_without_calendar_data_falls_back_with_a_warning(tmp_path):
    d, problems = jobs.week_deadlines(load_office(make(tmp_path / "o")), "2027-W02")
    assert d["publish_by"] == dt.datetime(2027, 1, 18, 12) and d["objection_end"].date() == D(2027, 1, 20)
    assert [p.code for p in problems] == ["calendar-fallback"] and "2027" in problems[0].message()


def test_the_offices_own_holiday_table_wins(tmp_path):
    office = make(tmp_path / "o")
    sheet_book(office / "节假日.xlsx", [["日期", "类型", "说明"], [D(2026, 3, 16), "放假", "校运会"]])
    d, _ = jobs.week_deadlines(load_office(office), "2026-W11")
    assert d["publish_by"] == dt.datetime(2026, 3, 17, 12)


def test_cli_compute_json_status_and_workbook(tmp_path):
    office = make(tmp_path / "o")
    r = CliRunner().invoke(main, ["ranking", "compute", str(office), "--week", "2026-03-10", "--format", "json"],
                           catch_exceptions=False)
    assert r.exit_code == 1  # done; the records name an unknown class and an unknown item (errors in the data)
    data = json.loads(r.stdout)
    assert set(data[0]) == {"class", "grade", "score", "rank", "red_flag", "bonuses", "deductions", "records"}
    assert next(d for d in data if d["class"] == "会计2401")["red_flag"] is True
    r = CliRunner().invoke(main, ["ranking", "status", str(office), "--week", "2026-W11"], catch_exceptions=False)
    assert "已交：生活部、纪检部" in r.output and "发布截止：2026-03-16 12:00" in r.output
    out = tmp_path / "排名.xlsx"
    r = CliRunner().invoke(main, ["ranking", "compute", str(office), "--week", "2026-W11", "--out", str(out)],
                           catch_exceptions=False)
    assert r.exit_code == 1 and "★流动红旗" in r.output
    ws = openpyxl.load_workbook(out)["排名"]
    assert [c.value for c in ws[2]][:4] == ["年级", "排名", "班级", "得分"]
    r = CliRunner().invoke(main, ["ranking", "compute", str(office), "--week", "2026-W60"])
    assert r.exit_code == 2 and "2026-W11" in r.output  # a malformed week is a usage error


# ---- the week's workflow ----------------------------------------------------------------------
def test_publish_correct_seal_verify(tmp_path):
    from sectools.errors import SectoolsError

    office = make(tmp_path / "o")
    off = load_office(office)
    on_time = dt.datetime(2026, 3, 16, 10, 0)
    r = jobs.publish(off, "2026-W11", force=True, by="张三", now=on_time)
    assert r.facts["late"] is False and not [p for p in r.problems if p.code == "published-late"]
    names = [Path(f).name for f in r.files]
    assert "排名_2026-W11.xlsx" in names and "量化考核公示_2026-W11.docx" in names
    published = openpyxl.load_workbook(next(f for f in r.files if Path(f).name == "排名_2026-W11.xlsx"))
    assert published.sheetnames == ["排名", "得分明细"]  # the 公示 workbook carries its evidence
    assert any("备份" in str(f) for f in r.files)
    import docx

    text = "\n".join(p.text for p in docx.Document(next(f for f in r.files if f.suffix == ".docx")).paragraphs)
    # the week as the office names it (its teaching week: week 1 holds semester_start 2026-03-01), not 2026年第11周
    assert "测试学生会第3周班级量化考核结果公示" in text and "第3周（3月9日—3月15日）的检查记录" in text
    assert "中国式排名" in text and "会计2401" in text
    table = docx.Document(next(f for f in r.files if f.suffix == ".docx")).tables[0]  # people read rows
    assert [c.text for c in table.rows[0].cells] == ["名次", "班级", "得分", "加分", "扣分", "流动红旗"]
    assert len(table.rows) >= 3 and table.rows[1].cells[0].text == "1"
    assert "公示期至2026年3月18日 23:59" in text
    with pytest.raises(SectoolsError) as e:
        jobs.publish(off, "2026-W11", force=True, now=on_time)
    assert e.value.problems[0].code == "already-published"

    # 公示: a class objects; the clerk removes a duplicated record and corrects.
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    ws = wb["生活部"]
    ws.delete_rows(3)  # the 地面有垃圾 ×2 record of 会计2401
    wb.save(office / "检查记录.xlsx")
    c = jobs.correct(off, "2026-W11", "重复录入", force=True, by="李四", now=dt.datetime(2026, 3, 17, 9))
    assert {"class": "会计2401", "field": "score", "old": 100.0, "new": 102.0} in c.facts["changes"]
    log = jobs.state(off, "2026-W11")["corrections"]
    assert log[0]["by"] == "李四" and log[0]["reason"] == "重复录入" and log[0]["records_removed"]
    text = "\n".join(p.text for p in docx.Document(next(f for f in c.files if f.suffix == ".docx")).paragraphs)
    assert "更正说明" in text and "会计2401：原100分，更正为102分" in text

    with pytest.raises(SectoolsError) as e:
        jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 18, 20))
    assert e.value.problems[0].code == "objection-open"
    sealed = jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 19, 8))
    assert len(sealed.facts["hash"]) == 64 and sealed.facts["prev"] is None
    for call in (lambda: jobs.correct(off, "2026-W11", "再改", force=True, now=dt.datetime(2026, 3, 20)),
                 lambda: jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 20))):
        with pytest.raises(SectoolsError) as e:
            call()
        assert e.value.problems[0].code == "week-sealed"
        assert "已于 2026-03-19 08:00 封单" in e.value.problems[0].message()  # was 2026-03-19T08:00:00
    assert jobs.verify(off).problems == []

    # Someone edits a sealed week's record by hand: verify finds it.
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["纪检部"]["D2"] = 1  # 晚自习讲话 2 人次 → 1
    wb.save(office / "检查记录.xlsx")
    r = CliRunner().invoke(main, ["ranking", "verify", str(office)])
    assert r.exit_code == 1 and "sealed-records-changed" in r.output and "sealed-results-changed" in r.output
    assert "会计2402" in r.output


def test_late_publication_is_flagged_and_the_chain_links_weeks(tmp_path):

    office = make(tmp_path / "o")
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["纪检部"].append([D(2026, 3, 17), "会计2501", "活动获奖", 1, None])
    wb.save(office / "检查记录.xlsx")
    off = load_office(office)
    r = jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 12, 30))
    assert r.facts["late"] is True and any(p.code == "published-late" for p in r.problems)
    first = jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 19))
    jobs.publish(off, "2026-W12", force=True, now=dt.datetime(2026, 3, 23, 9))
    second = jobs.seal(off, "2026-W12", now=dt.datetime(2026, 3, 26))
    assert second.facts["prev"] == first.facts["hash"]
    state = office / ".sectools" / "ranking" / "2026-W11" / "sealed.json"
    data = json.loads(state.read_text(encoding="utf-8"))
    data["outputs"][0][2] = 120.0  # a hand edit to the sealed results
    state.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    codes = [p.code for p in jobs.verify(off).problems]
    assert "sealed-results-changed" in codes


def test_semester_cumulative_ranking_and_missing_departments(tmp_path):
    office = make(tmp_path / "o")
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["纪检部"].append([D(2026, 3, 17), "会计2402", "活动获奖", 3, None])  # W12: +5 (capped), −2 (3/16) → 103
    wb.save(office / "检查记录.xlsx")
    import pandas as pd

    df = pd.DataFrame(jobs.ranking_semester(load_office(office)).result)
    row = df.set_index("class").loc["会计2402"]
    assert (row["weeks"], row["mean"]) == (2, 101.0)  # (99 + 103) / 2
    assert int(row["rank"]) == 1
    cfg = office / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + 'departments = ["生活部", "纪检部", "体育部"]\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["ranking", "status", str(office), "--week", "2026-W11"], catch_exceptions=False)
    assert "未交：体育部" in r.output and "催交：体育部：请于 2026-03-15 21:00 前提交" in r.output


def test_wide_layout_gives_the_same_scores(tmp_path):
    office = make(tmp_path / "o")
    wide = [
        ["体育部早操检查 2026年3月10日"],
        ["班级", "晚自习讲话", "活动获奖", "地面有垃圾"],
        ["会计2402", 2, None, None],
        ["会计2501", None, 1, None],
        ["会计2502", None, "1", None],
        ["合计", 2, 2, 0],
    ]
    cfg = office / "sectools.toml"
    sheet_book(office / "宽表.xlsx", wide, title="W11")
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('path = "检查记录.xlsx"', 'path = "宽表.xlsx"'),
                   encoding="utf-8")
    res = jobs.ranking_week(load_office(office), "2026-W11").result
    t = table(res)
    assert (t["会计2402"][0], t["会计2501"][0], t["会计2502"][0], t["会计2401"][0]) == (98.0, 103.0, 103.0, 100.0)
    assert res.records == 3 and res.problems == []


def test_a_late_publication_gets_its_full_public_notice_and_the_rules_are_sealed(tmp_path):
    from sectools.errors import SectoolsError

    office = make(tmp_path / "o")
    off = load_office(office)
    r = jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 19, 10))  # three days late (due Mon 3/16 12:00)
    assert r.facts["late"] and r.facts["deadlines"]["objection_end"] == dt.datetime(2026, 3, 23, 23, 59)  # Thu + 2 working days
    with pytest.raises(SectoolsError) as e:
        jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 20, 9))  # the original 3/18 end is not the end
    assert e.value.problems[0].code == "objection-open"
    with pytest.raises(SectoolsError) as e:
        jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 20, 9), force=True)  # forcing needs a reason
    assert e.value.problems[0].code == "reason-required"
    sealed = jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 20, 9), force=True, reason="学期末统一封单")
    assert sealed.result["forced"]["reason"] == "学期末统一封单"
    assert jobs.verify(off).problems == []
    items = openpyxl.load_workbook(office / "评分细则.xlsx")
    items.active["C2"] = -3  # 地面有垃圾 −2 → −3 after the seal
    items.save(office / "评分细则.xlsx")
    codes = [p.code for p in jobs.verify(load_office(office)).problems]
    assert "sealed-rules-changed" in codes


def _edit(path: Path, sheet: str | None, cell: str, value) -> None:
    wb = openpyxl.load_workbook(path)
    (wb[sheet] if sheet else wb.active)[cell] = value
    wb.save(path)


@pytest.mark.parametrize("what, edit", [
    ("count", lambda o: _edit(o / "检查记录.xlsx", "纪检部", "D2", 1)),
    ("points", lambda o: _edit(o / "检查记录.xlsx", "纪检部", "E3", 2)),
    ("date", lambda o: _edit(o / "检查记录.xlsx", "生活部", "A3", D(2026, 3, 17))),
    ("class", lambda o: _edit(o / "检查记录.xlsx", "纪检部", "B5", "会计2502")),
    ("item", lambda o: _edit(o / "检查记录.xlsx", "纪检部", "C2", "夜不归宿")),
    ("item points", lambda o: _edit(o / "评分细则.xlsx", None, "C2", -3)),
    ("item cap", lambda o: _edit(o / "评分细则.xlsx", None, "E2", 10)),
    ("class grade", lambda o: _edit(o / "班级.xlsx", None, "B6", "2024级")),
    ("class size", lambda o: _edit(o / "班级.xlsx", None, "C2", 20)),
    ("rules", lambda o: (o / "sectools.toml").write_text(
        (o / "sectools.toml").read_text(encoding="utf-8").replace("base_score = 100", "base_score = 90"), encoding="utf-8")),
])
def test_sealed_means_every_cell_that_enters_a_score(tmp_path, what, edit):
    """After the seal, a change to any cell that enters a score — or to the rules — is caught by verify."""
    office = make(tmp_path / "o")
    off = load_office(office)
    jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10))
    jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 19, 8))
    assert jobs.verify(load_office(office)).problems == []
    edit(office)
    found = jobs.verify(load_office(office)).problems
    assert found and all(p.is_error() for p in found), what


@pytest.mark.parametrize("content", ["{}", "null", '{"week": "2026-W11"', "[]"])
def test_a_damaged_seal_is_refused_never_a_reopened_week(tmp_path, content):
    office = make(tmp_path / "o")
    off = load_office(office)
    jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10))
    jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 19, 8))
    sealed = next((office / ".sectools").rglob("sealed.json"))
    sealed.write_text(content, encoding="utf-8")
    for args in (["ranking", "verify", str(office)], ["ranking", "seal", str(office), "--week", "2026-W11"],
                 ["ranking", "publish", str(office), "--week", "2026-W11"], ["ranking", "status", str(office),
                                                                            "--week", "2026-W11"]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 1 and "损坏" in r.output and "内部出错" not in r.output, (args, r.output)
    assert sealed.read_text(encoding="utf-8") == content  # not sealed again over the damage


def test_a_refused_correction_logs_nothing_and_a_retry_logs_once(tmp_path):
    from sectools.errors import SectoolsError

    office = make(tmp_path / "o")
    off = load_office(office)
    jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10))
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["生活部"].delete_rows(3)
    wb.save(office / "检查记录.xlsx")
    lock = office / "输出" / "排名" / "~$排名_2026-W11.xlsx"  # the published workbook is open in Excel
    lock.write_bytes(b"owner")
    with pytest.raises(SectoolsError) as e:
        jobs.correct(off, "2026-W11", "重复录入", force=True, now=dt.datetime(2026, 3, 17, 9))
    assert e.value.problems[0].code == "file-open-in-excel"
    assert jobs.state(off, "2026-W11")["corrections"] == []
    lock.unlink()
    jobs.correct(load_office(office), "2026-W11", "重复录入", force=True, now=dt.datetime(2026, 3, 17, 9, 5))
    assert len(jobs.state(off, "2026-W11")["corrections"]) == 1


def test_a_second_run_waits_then_says_who_holds_the_office(tmp_path, monkeypatch):
    """Two clerks publishing the same week at once would both succeed and log twice."""
    from filelock import FileLock

    from sectools.errors import SectoolsError
    from sectools.jobs import workflow

    office = make(tmp_path / "o")
    off = load_office(office)
    monkeypatch.setattr(workflow, "LOCK_WAIT", 0.3)
    state = office / ".sectools"
    state.mkdir(exist_ok=True)
    (state / "lock.who").write_text("王秘书@办公室电脑 (pid 4242)", encoding="utf-8")
    held = FileLock(str(state / "lock"))
    held.acquire()
    try:
        with pytest.raises(SectoolsError) as e:
            jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10))
        assert e.value.problems[0].code == "office-busy" and "王秘书" in e.value.problems[0].message()
        assert jobs.state(off, "2026-W11")["published"] is None
    finally:
        held.release()
    assert jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10)).facts["late"] is False


# ---- tamper evidence: what a careful forger of the office's files cannot hide -----------------------
def _sealed_office(tmp_path):
    """W11 published, corrected once and sealed; W12 published and sealed; a seal log outside the office."""
    office = make(tmp_path / "o")
    shared = tmp_path / "共享盘" / "封单日志.txt"
    cfg = office / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("[ranking]", f'[ranking]\nseal_log = "{shared.as_posix()}"'),
                   encoding="utf-8")
    assert "seal_log" in cfg.read_text(encoding="utf-8")
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["纪检部"].append([D(2026, 3, 17), "会计2501", "活动获奖", 1, None])  # something in W12
    wb.save(office / "检查记录.xlsx")
    off = load_office(office)
    jobs.publish(off, "2026-W11", force=True, by="张三", now=dt.datetime(2026, 3, 16, 10))
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["生活部"].delete_rows(3)
    wb.save(office / "检查记录.xlsx")
    jobs.correct(off, "2026-W11", "重复录入", force=True, by="李四", now=dt.datetime(2026, 3, 17, 9))
    s11 = jobs.seal(off, "2026-W11", now=dt.datetime(2026, 3, 19, 8))
    jobs.publish(off, "2026-W12", force=True, now=dt.datetime(2026, 3, 23, 9))
    s12 = jobs.seal(off, "2026-W12", now=dt.datetime(2026, 3, 26, 8))
    return office, shared, s11, s12


def _state(office, week, name):
    return office / ".sectools" / "ranking" / week / name


def _rehash_everything(office, resave_books: bool):
    """What a careful forger does after editing a sealed record: recompute every hash in the chain with
    sectools' own functions (and, if ``resave_books``, print the new codes on new sealed workbooks)."""
    from sectools.jobs.ranking import ranking_inputs
    from sectools.jobs.workflow import file_sha
    from sectools.ranking.audit import seal_hash, sha, short, week_inputs, week_outputs
    from sectools.ranking.compute import score_week
    from sectools.ranking.report import week_sheet
    from sectools.writer import write_workbook
    from sectools.messages import W

    off = load_office(office)
    inp = ranking_inputs(off)
    prev = None
    for week in ("2026-W11", "2026-W12"):
        path = _state(office, week, "sealed.json")
        rec = json.loads(path.read_text(encoding="utf-8"))
        res = score_week(inp.classes.data, inp.items.data, inp.records, week, inp.rules, inp.locate)
        rec.update(inputs_hash=sha(week_inputs(inp, week)), outputs_hash=sha(week_outputs(res)),
                   outputs=week_outputs(res), prev=prev)
        rec["hash"] = seal_hash(rec)
        if resave_books:
            book = office / "输出" / "排名" / f"排名_{week}_封单.xlsx"
            book.unlink()
            write_workbook(book, [week_sheet(res, off.name, footnote=W("code-sealed", code=short(rec["hash"])),
                                             sealed=True)])
            rec["file_hash"] = file_sha(book)
        path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
        prev = rec["hash"]


def _edit_sealed_record(office):
    wb = openpyxl.load_workbook(office / "检查记录.xlsx")
    wb["纪检部"]["D2"] = 1  # 晚自习讲话 2 人次 → 1 (W11)
    wb.save(office / "检查记录.xlsx")


def _forge_publication(office):
    path = _state(office, "2026-W11", "published.json")
    pub = json.loads(path.read_text(encoding="utf-8"))
    pub["outputs"][0][2] += 5
    from sectools.ranking.audit import publication_hash

    pub["hash"] = publication_hash(pub)
    path.write_text(json.dumps(pub, ensure_ascii=False), encoding="utf-8")


def _forge_corrections(office):
    path = _state(office, "2026-W11", "corrections.json")
    log = json.loads(path.read_text(encoding="utf-8"))
    log[0]["reason"] = "班级申诉成立"
    path.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")


def _edit_book(name):
    def edit(office):
        book = office / "输出" / "排名" / name
        wb = openpyxl.load_workbook(book)
        wb.worksheets[0]["D3"] = 120
        wb.save(book)
    return edit


@pytest.mark.parametrize("forgery, edit, expected", [
    ("the last sealed week's state deleted", lambda o: __import__("shutil").rmtree(_state(o, "2026-W12", "")),
     {"sealed-state-missing"}),
    ("rm -rf .sectools", lambda o: __import__("shutil").rmtree(o / ".sectools"), {"sealed-state-missing"}),
    ("a record edited and every hash recomputed",
     lambda o: (_edit_sealed_record(o), _rehash_everything(o, resave_books=False)),
     {"sealed-code-mismatch", "seal-log-mismatch"}),
    ("…and the sealed workbooks printed again with the new codes",
     lambda o: (_edit_sealed_record(o), _rehash_everything(o, resave_books=True)), {"seal-log-mismatch"}),
    ("published.json forged and re-hashed", _forge_publication, {"publication-forged", "published-code-mismatch"}),
    ("corrections.json edited", _forge_corrections, {"corrections-forged"}),
    ("the published ranking workbook edited by hand", _edit_book("排名_2026-W11.xlsx"), {"published-file-changed"}),
    ("the sealed ranking workbook edited by hand", _edit_book("排名_2026-W12_封单.xlsx"), {"sealed-file-changed"}),
])
def test_tamper_evidence_holds_against_a_careful_forger(tmp_path, forgery, edit, expected):
    """Each forgery passed verify (exit 0) before: the evidence now lives in three places — the state,
    the published and sealed workbooks (and 公示 notice) printing their codes, and a seal log outside
    the office — so no edit to one of them goes unreported."""
    office, shared, s11, s12 = _sealed_office(tmp_path)
    clean = jobs.verify(load_office(office))
    assert clean.problems == [] and clean.facts["codes"] == {"2026-W11": s11.facts["code"], "2026-W12": s12.facts["code"]}
    assert [json.loads(x)["week"] for x in shared.read_text(encoding="utf-8").splitlines()] == ["2026-W11", "2026-W12"]
    sealed = openpyxl.load_workbook(office / "输出" / "排名" / "排名_2026-W12_封单.xlsx").worksheets[0]
    assert any(s12.facts["code"] in str(c.value) for row in sealed.iter_rows() for c in row)
    assert s12.facts["code"] in sealed.oddFooter.left.text
    import docx

    notice = office / "输出" / "排名" / "量化考核公示_2026-W11.docx"
    published = json.loads(_state(office, "2026-W11", "published.json").read_text(encoding="utf-8"))
    from sectools.ranking.audit import short

    assert f"公示核验码：{short(published['hash'])}" in "\n".join(p.text for p in docx.Document(notice).paragraphs)
    edit(office)
    r = CliRunner().invoke(main, ["ranking", "verify", str(office)])
    assert r.exit_code == 1 and "内部出错" not in r.output, (forgery, r.output)
    found = {p.code for p in jobs.verify(load_office(office)).problems}
    assert expected <= found, (forgery, found)


def test_a_week_whose_seal_was_removed_is_never_reopened(tmp_path):
    office, shared, s11, s12 = _sealed_office(tmp_path)
    import shutil

    shutil.rmtree(_state(office, "2026-W12", ""))
    for args in (["ranking", "publish", str(office), "--week", "2026-W12"],
                 ["ranking", "seal", str(office), "--week", "2026-W12"],
                 ["ranking", "status", str(office), "--week", "2026-W12"]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 1 and "封单记录不见了" in r.output, (args, r.output)
    assert not _state(office, "2026-W12", "").exists()


@pytest.mark.parametrize("name", ["sealed.json", "published.json", "corrections.json"])
def test_repair_restores_the_version_before_and_keeps_the_damaged_file(tmp_path, name):
    """Damaged state is refused with a pointer to ``sectools repair``, which moves the damaged file aside
    and restores the version before it; verify then says whether that still fits the printed codes."""
    office, shared, s11, s12 = _sealed_office(tmp_path)
    path = _state(office, "2026-W11", name)
    path.write_text('{"week": "2026-W11"', encoding="utf-8")  # truncated
    r = CliRunner().invoke(main, ["ranking", "verify", str(office)])
    assert r.exit_code == 1 and "sectools repair" in r.output
    r = CliRunner().invoke(main, ["repair", str(office)])
    assert "内部出错" not in r.output and list(path.parent.glob(f"{name}.damaged-*"))
    if name != "published.json":  # written once here: nothing before it to restore
        assert r.exit_code == 1 and "备份" in r.output
        return
    assert r.exit_code == 0 and "已恢复 1 个" in r.output
    found = {p.code for p in jobs.verify(load_office(office)).problems}
    # the version before is the first publication (before the correction): verify says it does not fit
    assert found and found <= {"publication-forged", "published-code-mismatch", "corrections-forged",
                               "published-notice-changed"}, found


def test_the_office_lock_holds_across_processes(tmp_path, monkeypatch):
    """gunicorn runs several worker processes over the same office folders: a publish in one process
    makes a publish in another wait, then refuse, naming the holder."""
    import subprocess
    import sys
    import time

    from sectools.errors import SectoolsError
    from sectools.jobs import workflow

    office = make(tmp_path / "o")
    (office / ".sectools").mkdir(exist_ok=True)
    code = ("import sys, time; from filelock import FileLock; l = FileLock(sys.argv[1]); l.acquire(); "
            "open(sys.argv[2], 'w', encoding='utf-8').write('另一个工作进程'); print('held', flush=True); time.sleep(30)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(office / ".sectools" / "lock"),
                               str(office / ".sectools" / "lock.who")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(workflow, "LOCK_WAIT", 0.5)
        t0 = time.perf_counter()
        with pytest.raises(SectoolsError) as e:
            jobs.publish(load_office(office), "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10))
        assert time.perf_counter() - t0 >= 0.5
        assert e.value.problems[0].code == "office-busy" and "另一个工作进程" in e.value.problems[0].message()
    finally:
        holder.kill()
        holder.wait()
    assert jobs.publish(load_office(office), "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10)).facts["late"] is False


def test_state_files_are_guarded_like_any_file_sectools_opens(tmp_path):
    """A state file that is a link (to /etc/passwd) or far larger than any sectools writes is damage,
    refused with the repair advice, never read."""
    import os

    office = make(tmp_path / "o")
    off = load_office(office)
    jobs.publish(off, "2026-W11", force=True, now=dt.datetime(2026, 3, 16, 10))
    published = _state(office, "2026-W11", "published.json")
    published.unlink()
    os.symlink("/etc/passwd", published)
    r = CliRunner().invoke(main, ["ranking", "status", str(office), "--week", "2026-W11"])
    assert r.exit_code == 1 and "损坏" in r.output and "sectools repair" in r.output and "root:" not in r.output
    cfg = office / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "#" * (2 << 20), encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(office)])
    assert r.exit_code == 1 and "sectools.toml" in r.output and "内部出错" not in r.output


def test_repair_also_mends_the_register_of_document_numbers(tmp_path):
    """A damaged 文号.json sent the clerk to `sectools repair`, which did not look at it ("已恢复 0 个")."""
    office, shared, s11, s12 = _sealed_office(tmp_path)
    register = office / ".sectools" / "文号.json"
    assert register.exists() and register.with_name("文号.json.prev").exists()
    before = json.loads(register.with_name("文号.json.prev").read_text(encoding="utf-8"))
    register.write_text("{garbage", encoding="utf-8")
    from sectools.errors import SectoolsError
    from sectools.jobs.notices import doc_number
    from sectools.sources import OfficeSource

    with pytest.raises(SectoolsError) as e:
        doc_number(OfficeSource.load(office), "会议通知", "例会", 2026)
    assert "sectools repair" in e.value.message()
    r = CliRunner().invoke(main, ["repair", str(office)])
    assert r.exit_code == 0 and "已恢复 1 个" in r.output and "为免重号" in r.output, r.output
    after = json.loads(register.read_text(encoding="utf-8"))
    assert {y: v["next"] for y, v in after.items()} == {y: v["next"] + 1 for y, v in before.items()}  # never a number twice


def test_a_published_weeks_notice_is_not_rendered_twice(tmp_path):
    """`notices render 量化考核公示` for a published week made a second copy with the same 文号, today's
    date and no code; it now points to the published one and to `ranking correct`."""
    office, shared, s11, s12 = _sealed_office(tmp_path)
    r = CliRunner().invoke(main, ["notices", "render", "量化考核公示", str(office), "--week", "2026-W12"])
    assert r.exit_code == 1 and "量化考核公示_2026-W12.docx" in r.output and "ranking correct" in r.output, r.output


def test_verify_with_a_table_emptied_still_checks_what_it_can(tmp_path):
    """An emptied 班级 table made verify say only "班级还没有数据" — silent on 17 sealed weeks."""
    office, shared, s11, s12 = _sealed_office(tmp_path)
    sheet_book(office / "班级.xlsx", [CLASSES[0]])
    _forge_corrections(office)
    found = {p.code for p in jobs.verify(load_office(office)).problems}
    assert "corrections-forged" in found and len(found) >= 2, found
    r = CliRunner().invoke(main, ["ranking", "verify", str(office)])
    assert r.exit_code == 1 and "封单核验码" in r.output


def test_an_edited_sealed_record_is_named_and_compute_says_the_seal_stands(tmp_path):
    office, shared, s11, s12 = _sealed_office(tmp_path)
    _edit_sealed_record(office)
    p = next(p for p in jobs.verify(load_office(office)).problems if p.code == "sealed-records-changed")
    assert "会计2402 晚自习讲话×2" in p.message() and "会计2402 晚自习讲话×1" in p.message(), p.message()
    r = CliRunner().invoke(main, ["ranking", "compute", str(office), "--week", "2026-W11"])
    assert "sealed-week-differs" in r.output and "会计2402" in r.output
    import shutil

    sealed = _state(office, "2026-W12", "sealed.json")
    sealed.write_text("{", encoding="utf-8")
    CliRunner().invoke(main, ["repair", str(office)])
    found = [p for p in jobs.verify(load_office(office)).problems if p.value == "2026-W12"]
    assert found and found[0].code == "sealed-set-aside" and "sealed.json.damaged-" in found[0].message()
    shutil.rmtree(office / ".sectools" / "ranking" / "2026-W11")
    assert "sealed-state-missing" in {p.code for p in jobs.verify(load_office(office)).problems}


def test_an_item_without_a_cap_in_a_capped_category_is_said(tmp_path):
    """夜不归宿's 每周上限 is blank, yet the 纪律 category's cap (6, from 晚自习讲话) caps it: 3 nights (−15)
    deducted −6 — each such cell now says how the cap is counted."""
    office = make(tmp_path / "o")
    assert not [p for p in jobs.ranking_week(load_office(office), "2026-W11").problems if p.code == "category-cap-shared"]
    _edit(office / "评分细则.xlsx", None, "E5", None)
    res = jobs.ranking_week(load_office(office), "2026-W11")
    shared = [p for p in res.problems if p.code == "category-cap-shared"]
    assert [(p.cell, p.params["item"], p.params["cap"]) for p in shared] == [("E5", "夜不归宿", "6")]
    assert not shared[0].is_error() and "纪律" in shared[0].message()


def test_verify_after_the_second_walkthrough(tmp_path):
    """What a second careful cheater tried: removing a sealed week's published.json (verify said "未改动");
    a forged correction reported as a forged publication too, and twice; a published workbook copied back
    from its backup still flagged; the 公示 notice's code nowhere to compare; the notice edited in Word."""
    import shutil

    office, shared, s11, s12 = _sealed_office(tmp_path)
    r = CliRunner().invoke(main, ["ranking", "verify", str(office)])
    pub11 = json.loads(_state(office, "2026-W11", "published.json").read_text(encoding="utf-8"))
    from sectools.ranking.audit import short

    assert r.exit_code == 0 and f"公示核验码 {short(pub11['hash'])}" in r.output and s11.facts["code"] in r.output
    # a published workbook copied back from its backup is whole again
    book = office / "输出" / "排名" / "排名_2026-W11.xlsx"
    _edit_book("排名_2026-W11.xlsx")(office)
    p = next(p for p in jobs.verify(load_office(office)).problems if p.code == "published-file-changed")
    backup = next(f for f in pub11["files"] if "备份" in f)
    assert Path(backup).name in p.message()
    shutil.copyfile(backup, book)
    assert jobs.verify(load_office(office)).problems == []
    # the notice touched up in Word: said, as a warning
    notice = next(Path(f) for f in pub11["files"] if f.endswith(".docx"))
    import docx

    d = docx.Document(notice)
    d.paragraphs[-1].text += "（改）"
    d.save(notice)
    found = jobs.verify(load_office(office)).problems
    assert [p.code for p in found] == ["published-notice-changed"] and not found[0].is_error()
    # a forged correction: the log's problem, once
    _forge_corrections(office)
    codes = [p.code for p in jobs.verify(load_office(office)).problems if p.is_error()]
    assert codes.count("corrections-forged") == 1 and "publication-forged" not in codes, codes
    # a sealed week's published.json removed
    _state(office, "2026-W12", "published.json").unlink()
    assert "published-state-missing" in {p.code for p in jobs.verify(load_office(office)).problems}


def test_a_short_name_keeps_the_publicity_title_on_one_line(tmp_path):
    """`[notices] short_name`: the title names the office by its short form (GB/T 9704 规范化简称) and,
    short enough, stays on one line; the signature keeps the full name."""
    import docx

    office = make(tmp_path / "o", extra='[notices]\nshort_name = "财学"')
    r = jobs.publish(load_office(office), "2026-W11", force=True, by="张三", now=dt.datetime(2026, 3, 16, 10, 0))
    d = docx.Document(next(f for f in r.files if f.suffix == ".docx"))
    title = next(p for p in d.paragraphs if p.style.name == "公文标题")
    assert title.text == "财学第3周班级量化考核结果公示" and "<w:br/>" not in title._p.xml
    assert next(p for p in d.paragraphs if p.style.name == "发文机关署名").text == "测试学生会"
    # a long name breaks the title between words, never inside one (was "…考核结 / 果公示")
    from sectools.notices.engine import title_break

    long = "某某大学经济管理学院学生会第2周班级量化考核结果公示"
    assert long[:title_break(long, "某某大学经济管理学院学生会")] == "某某大学经济管理学院学生会"


def test_weeks_are_named_as_the_office_names_them(demo_office):
    """The office counts teaching weeks (week 1 holds semester_start; its meetings are called 第17周例会), not
    the calendar's ISO weeks: the 公示, the ranking workbook and the defaults said 2026年第26周 for the week
    the office calls 第17周.  Outside the semester's weeks, the calendar week is named with its year."""
    import openpyxl

    from sectools.dates import Semester
    from sectools.ranking.compute import iso_week, week_name

    sem = Semester(dt.date(2026, 3, 2), dt.date(2026, 7, 10))
    assert [sem.week_of(dt.date(2026, m, d)) for m, d in ((3, 2), (3, 8), (3, 9), (6, 22), (7, 12), (7, 13), (2, 28))] \
        == [1, 1, 2, 17, 19, None, None]
    assert week_name("2026-W26", sem).render() == "第17周" and week_name("2026-W26", sem).render("zh-TW") == "第17週"
    assert week_name("2026-W26", sem).render("en") == "week 17"
    assert week_name("2026-W30", sem).render() == "2026年第30周" and week_name("2026-W26").render() == "2026年第26周"
    root, _ = demo_office
    office = load_office(root)
    meetings = openpyxl.load_workbook(root / "会议.xlsx").worksheets[0]
    named = [(r[0], r[3]) for r in meetings.iter_rows(values_only=True)
             if isinstance(r[0], dt.datetime) and re.fullmatch(r"第\d+周例会", str(r[3]))]
    assert named
    for day, name in named:  # the demo's own meetings agree with the names sectools gives their weeks
        assert name == f"{week_name(iso_week(day.date()), office.semester).render()}例会"
    book = openpyxl.load_workbook(root / "输出" / "排名" / "排名_2026-W26.xlsx")
    assert book["排名"]["A1"].value == "财经系学生会 第17周（6月22日—6月28日）班级量化考核排名"


def test_a_week_typed_as_the_office_counts_it(demo_office, tmp_path):
    """`--week 第17周` (or 第十七周) is the week the office calls so: the same ranking as 2026-W26; a week past
    the semester, or an office without semester_start, is refused with how to write it instead."""
    root, _ = demo_office
    same = [CliRunner().invoke(main, ["ranking", "compute", str(root), "--week", w, "--format", "json"])
            for w in ("2026-W26", "第17周", "第十七周")]
    assert all(r.exit_code in (0, 1) for r in same) and same[0].stdout == same[1].stdout == same[2].stdout
    r = CliRunner().invoke(main, ["ranking", "compute", str(root), "--week", "第30周"])
    assert r.exit_code == 1 and "不在本学期内（本学期共 19 周）" in r.output
    office = make(tmp_path / "o")
    cfg = office / "sectools.toml"
    cfg.write_text(re.sub(r"semester_start = .*\n", "", cfg.read_text("utf-8")), "utf-8")
    r = CliRunner().invoke(main, ["ranking", "compute", str(office), "--week", "第2周"])
    assert r.exit_code == 1 and "要从学期第一天算起" in r.output and "Traceback" not in r.output


def test_verify_names_the_missing_file_where_the_office_is_now(demo_office, tmp_path):
    """An office folder copied elsewhere, a sealed workbook then lost: verify named the old folder's path (where
    the file still was) and no place; it names the file where it belongs in this office."""
    import shutil

    root = tmp_path / "搬家后"
    shutil.copytree(demo_office[0], root)
    (root / "输出" / "排名" / "排名_2026-W26_封单.xlsx").unlink()
    found = [p for p in jobs.verify(load_office(root)).problems if p.code == "sealed-file-missing"]
    assert len(found) == 1 and found[0].file == str(root / "输出" / "排名" / "排名_2026-W26_封单.xlsx")
    assert str(demo_office[0]) not in found[0].message()


def _edit_a_sealed_record(root: Path) -> None:
    """In a copy of the demo office: five more of a 体育部 record in sealed week 2026-W11 (the test's own copy)."""
    wb = openpyxl.load_workbook(root / "检查记录" / "体育部.xlsx")
    ws = wb.worksheets[0]
    row = next(r for r in ws.iter_rows(min_row=3) if isinstance(r[0].value, dt.datetime)
               and dt.date(2026, 3, 9) <= r[0].value.date() <= dt.date(2026, 3, 15))
    row[3].value = (row[3].value or 0) + 5
    wb.save(root / "检查记录" / "体育部.xlsx")


def test_status_of_a_sealed_week_edited_since_says_so(demo_office, tmp_path):
    """`ranking status` said just 已封单 for a sealed week whose records were edited afterwards (compute and verify
    said it); it says so too, exits 1, and shows each warning with its cell."""
    import shutil

    root = tmp_path / "o"
    shutil.copytree(demo_office[0], root)
    _edit_a_sealed_record(root)
    r = CliRunner().invoke(main, ["ranking", "status", str(root), "--week", "2026-W11"])
    assert r.exit_code == 1 and "已封单" in r.output and "sealed-week-differs" in r.output
    assert "评分细则!E8" in r.output  # the cap warning at its cell


def test_counts_as_clerks_type_them_and_no_publication_on_unreadable_records(tmp_path):
    """次数 typed 三 or 2人 was an error and counted as once (国贸2501 99.50 where 98.50 was due); a week whose
    records have cells that cannot be read (a class or item not on the lists, a count like 若干, a date like
    3月32日) was published, 公示 and red flags and all, exit 0.  Counts read as clerks write them; a count that
    still cannot be read is not counted as once; publish refuses, naming each cell, unless --force."""
    life = [r[:] for r in LIFE[:5] + LIFE[6:7]] + [[D(2026, 3, 10), "会计2402", "地面有垃圾", "三", None, None],
                                      [D(2026, 3, 11), "会计2402", "床铺不整", "2人", None, None]]
    office = tmp_path / "o"
    make(office)
    sheet_book(office / "检查记录.xlsx", life, title="生活部", extra_sheets={"纪检部": DISCIPLINE[:3]})
    res = jobs.ranking_week(load_office(office), "2026-W11").result
    assert not [p for p in res.problems if p.code == "bad-number"]
    counted = {(t["class_name"], t["item"]): t["count"] for t in res.trace}
    assert counted[("会计2402", "地面有垃圾")] == 3 and counted[("会计2402", "床铺不整")] == 2
    with pytest.raises(SectoolsError) as e:  # clean counts, but all the same an unknown class in the week
        jobs.publish(load_office(office), "2026-W11", now=dt.datetime(2026, 3, 16, 10))
    codes = [(p.cell, p.code) for p in e.value.problems]
    assert ("B6", "unknown-class") in codes and codes[-1] == (None, "publish-has-errors")
    life[5][1] = "会计2401"  # fixed; now a count nobody can read
    life[6][3] = "若干"
    sheet_book(office / "检查记录.xlsx", life, title="生活部", extra_sheets={"纪检部": DISCIPLINE[:3]})
    res = jobs.ranking_week(load_office(office), "2026-W11").result
    assert ("会计2402", "地面有垃圾") not in {(t["class_name"], t["item"]) for t in res.trace}  # never as once
    with pytest.raises(SectoolsError) as e:
        jobs.publish(load_office(office), "2026-W11", now=dt.datetime(2026, 3, 16, 10))
    assert ("D7", "bad-number") in [(p.cell, p.code) for p in e.value.problems]
    r = CliRunner().invoke(main, ["ranking", "publish", str(office), "--week", "2026-W11"])
    assert r.exit_code == 1 and "未发布" in r.output and not (office / "输出" / "排名" / "排名_2026-W11.xlsx").exists()
    r = CliRunner().invoke(main, ["ranking", "publish", str(office), "--week", "2026-W11", "--force"])
    assert (office / "输出" / "排名" / "排名_2026-W11.xlsx").exists()


def test_check_says_what_the_ranking_says_of_the_scoring_rules(demo_office):
    """ranking status/compute warned at 评分细则!E8 (a category's weekly cap an item's cell does not give); check
    said 评分细则：10 行，0 个错误，0 个警告."""
    r = CliRunner().invoke(main, ["check", str(demo_office[0])])
    assert "category-cap-shared" in r.output and "评分细则!E8" in r.output
    assert "评分细则：评分细则.xlsx › 评分细则：10 行，0 个错误，1 个警告" in r.output, r.output


def test_the_semester_ranking_stands_on_the_sealed_weeks(demo_office, tmp_path):
    """A record of sealed week 2026-W11 edited afterwards: the semester ranking quietly took the recomputed week
    (verify and compute said the seal stands).  The sealed results stand in the semester ranking too."""
    import shutil

    root = tmp_path / "o"
    shutil.copytree(demo_office[0], root)
    before = CliRunner().invoke(main, ["ranking", "compute", str(root), "--semester", "--format", "json"]).stdout
    _edit_a_sealed_record(root)
    week = CliRunner().invoke(main, ["ranking", "compute", str(root), "--week", "2026-W11"])
    assert "sealed-week-differs" in week.output  # the week itself says its records changed
    after = CliRunner().invoke(main, ["ranking", "compute", str(root), "--semester", "--format", "json"]).stdout
    assert json.loads(after) == json.loads(before)
    (root / ".sectools" / "ranking" / "2026-W11" / "sealed.json").write_text("{", "utf-8")  # a damaged seal record
    job = jobs.ranking_semester(load_office(root))
    assert any(p.is_error() and "sealed.json" in (p.file or "") for p in job.problems)  # said, not skipped
