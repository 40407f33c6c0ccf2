"""纳新: interview scores standardised per interviewer (a strict one sinks nobody), weighted by the office's criteria,
places by 第一志愿, 第二志愿 and 调剂 within the quotas, ties at a quota's edge held for the office — each rule
hand-computed on a real workbook; the 公示, the letters and a new roster (the clerk's never written)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import openpyxl
import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.notices import Options

from .conftest import sheets_book as book

D = dt.date
_ = None
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-09-01
semester_end = 2027-01-15
departments = ["秘书处", "宣传部", "组织部"]

[tables.applicants]
path = "纳新.xlsx"
sheet = "报名"

[tables.interviews]
path = "纳新.xlsx"
sheet = "面试评分"

[intake]
weights = { "表达" = 60, "态度" = 40 }
full_marks = 10
quota = { "秘书处" = 1, "宣传部" = 1 }
"""
AH = ["姓名", "学号", "班级", "第一志愿", "第二志愿", "是否服从调剂", "录用决定"]
APPLICANTS = [  # rows 2-6
    ["甲", "2026001", "会计2601", "秘书处", "宣传部", "是", _],
    ["乙", "2026002", "会计2601", "秘书处", _, "否", _],
    ["丙", "2026003", "金融2601", "宣传部", _, "是", _],
    ["丁", "2026004", "金融2601", "宣传部", _, "是", _],
    ["戊", "2026005", "审计2601", "组织部", _, "是", _],  # a department with no places this time: said
]
IH = ["面试官", "申请人", "表达", "态度"]
RAW = {"甲": (9, 8), "乙": (7, 9), "丙": (8, 7), "丁": (8, 7), "戊": (6, 8)}
# 王 as merited, 李 two points lower on everything: standardised, each criterion is the raw score − 1.0 for 王's
# (表达: 王's mean 7.6, the panel's 6.6; 态度: 7.8 and 6.8; both interviewers spread alike), whoever interviewed
INTERVIEWS = [["王老师", n, *v] for n, v in RAW.items()] + [["李同学", n, *[x - 2 for x in v]] for n, v in RAW.items()]
# totals, by hand: 0.6 × 表达 + 0.4 × 态度 — 甲 7.6, 乙 6.8, 丙 6.6, 丁 6.6, 戊 5.8


def office(tmp_path, applicants=APPLICANTS, interviews=INTERVIEWS, config=CONFIG, heads=(AH, IH), roster=None):
    root = tmp_path / "o"
    root.mkdir(parents=True, exist_ok=True)
    if roster:
        config += '\n[tables.roster]\npath = "名册.xlsx"\n'
        book(root / "名册.xlsx", {"成员": roster})
    (root / "sectools.toml").write_text(config, encoding="utf-8")
    book(root / "纳新.xlsx", {"报名": [heads[0]] + applicants, "面试评分": [heads[1]] + interviews})
    return root


def results(job) -> dict:
    return {r["name"]: (r["score"], r["rank"], r["status"], r["admitted_to"], r["admitted_by"], r["tied_for"])
            for r in job.records()}


def test_every_rule_by_hand(tmp_path):
    job = jobs.intake(load_office(office(tmp_path)), out=False)
    assert results(job) == {
        "甲": (7.6, 1, "admitted", "秘书处", "first", None),
        "乙": (6.8, 2, "not-admitted", None, None, None),  # 秘书处 full, no second choice, no 调剂
        "丙": (6.6, 3, "tied", None, None, "宣传部"),  # one place, two equal scores: the office decides
        "丁": (6.6, 3, "tied", None, None, "宣传部"),
        "戊": (5.8, 5, "not-admitted", None, None, None)}
    criteria = {r["name"]: r["criteria"] for r in job.records()}
    assert criteria["甲"] == {"表达": 8.0, "态度": 7.0} and criteria["戊"] == {"表达": 5.0, "态度": 7.0}
    assert [(p.cell, p.code) for p in job.problems] == [(None, "intake-tie-pending"), ("D6", "intake-no-quota")]
    strict = {x["name"]: round(x["offset"], 2) for x in job.result.interviewers}
    assert strict == {"李同学": -1.0, "王老师": 1.0}
    deps = {d["department"]: ([a["name"] for a in d["admitted"]], [a["name"] for a in d["tied"]], d["tied_places"])
            for d in job.result.departments}
    assert deps == {"秘书处": (["甲"], [], 0), "宣传部": ([], ["丙", "丁"], 1)}


def test_the_office_settles_a_tie(tmp_path):
    rows = [list(r) for r in APPLICANTS]
    rows[2][6] = "录用"  # 丙
    job = jobs.intake(load_office(office(tmp_path, rows)), out=False)
    got = results(job)
    assert got["丙"][2:4] == ("admitted", "宣传部") and got["丁"][2] == "not-admitted"
    rows[3][6] = "不录用"  # 丁 out anywhere; 丙 alone
    rows[2][6] = None
    got = results(jobs.intake(load_office(office(tmp_path / "b", rows)), out=False))
    assert got["丙"][2:4] == ("admitted", "宣传部") and got["丁"][2] == "declined"


def test_second_choice_then_adjustment(tmp_path):
    rows = [list(r) for r in APPLICANTS]
    config = CONFIG.replace('quota = { "秘书处" = 1, "宣传部" = 1 }', 'quota = { "秘书处" = 1, "宣传部" = 2, "组织部" = 2 }')
    rows[1][4] = "组织部"  # 乙's second choice
    rows[4][3] = "外联部"  # 戊: no such department (an error), so only 调剂 can place them
    got = results(jobs.intake(load_office(office(tmp_path, rows, config=config)), out=False))
    assert got["乙"][3:5] == ("组织部", "second")  # before anyone placed by 调剂
    assert got["丙"][3:5] == got["丁"][3:5] == ("宣传部", "first")  # two places: the tie is no edge
    assert got["戊"][3:5] == ("组织部", "adjusted")  # accepts 调剂: the place left


def test_a_strict_interviewer_sinks_nobody(tmp_path):
    """Metamorphic: one interviewer scoring everyone lower (or higher) changes no rank and no place."""
    base = jobs.intake(load_office(office(tmp_path / "a")), out=False)
    for shift in (-3, 1):
        rows = [[w, n, *[x + shift for x in v]] if w == "李同学" else [w, n, *v] for w, n, *v in INTERVIEWS]
        after = jobs.intake(load_office(office(tmp_path / str(shift), interviews=rows)), out=False)
        keep = ("rank", "status", "admitted_to", "tied_for")
        assert [{k: r[k] for k in keep} for r in after.records()] == [{k: r[k] for k in keep} for r in base.records()]


def test_standardising_is_what_keeps_them_afloat(demo_office):
    """The demo's 组织部部长 scored the second seven 10 points lower: standardised, 刘诗琪 (one of them) comes first;
    on raw scores she would not."""
    root = demo_office[0]
    z = {r["name"]: r for r in jobs.intake(load_office(root), out=False).records()}
    assert z["刘诗琪"]["rank"] == 1 and z["刘诗琪"]["admitted_to"] == "宣传部"
    assert (z["何宇航"]["status"], z["罗梦洁"]["status"]) == ("tied", "tied")  # at 宣传部's last place
    text = (root / "sectools.toml").read_text(encoding="utf-8").replace('standardise = "z"', 'standardise = "none"')
    raw_root = root.parent / "raw"
    import shutil

    shutil.copytree(root, raw_root, ignore=shutil.ignore_patterns("输出", ".sectools"))
    (raw_root / "sectools.toml").write_text(text, encoding="utf-8")
    raw = {r["name"]: r for r in jobs.intake(load_office(raw_root), out=False).records()}
    assert raw["刘诗琪"]["rank"] > 1


def test_the_same_facts_as_a_form_service_exports_them(tmp_path):
    """Metamorphic: 问卷星's export (序号, 提交答卷时间, numbered questions, other order) gives the same results."""
    head = ["序号", "提交答卷时间", "1、您的学号", "2、您的姓名", "3、第一志愿部门", "4、第二志愿部门", "5、是否服从调剂",
            "6、专业班级", "录用决定"]
    rows = [[k + 1, "2026/9/10 20:00:00", r[1], r[0], r[3], r[4], r[5], r[2], r[6]] for k, r in enumerate(APPLICANTS)]
    other = ["评委", "表达得分", "态度得分", "被面试人"]
    scores = [[w, a, b, n] for w, n, a, b in INTERVIEWS]
    a = jobs.intake(load_office(office(tmp_path / "a")), out=False)
    b = jobs.intake(load_office(office(tmp_path / "b", rows, scores, heads=(head, other))), out=False)
    assert a.records() == b.records()


def test_scores_that_cannot_be_used_are_said(tmp_path):
    rows = [list(r) for r in APPLICANTS] + [["甲", "2026009", "会计2602", "宣传布", _, "否", _],  # a second 甲, a typo
                                           ["乙", "2026002", "会计2601", "秘书处", "宣传部", "否", _]]  # 乙 again
    scores = [list(r) for r in INTERVIEWS] + [
        ["王老师", "甲", 9, 9],  # which 甲? not guessed
        ["王老师", "己", 8, 8],  # never applied
        ["王老师", "丙", 8, 7],  # 丙 scored twice by 王老师
        ["张老师", "乙", 11, 5],  # 11 > the full 10; and 张老师 saw one applicant only: raw scores
    ]
    job = jobs.intake(load_office(office(tmp_path, rows, scores)), out=False)
    found = [(p.cell, p.code) for p in job.problems]
    assert found == [(None, "intake-tie-pending"), ("D6", "intake-no-quota"), ("D7", "intake-unknown-department-near"), ("B8", "intake-applied-twice"),
                     ("B2", "intake-same-name"), ("B7", "intake-same-name"), ("B12", "intake-same-name"),  # every 甲
                     ("B13", "intake-not-an-applicant"), ("A14", "intake-scored-twice"),
                     ("C15", "intake-score-out-of-range"), (None, "intake-too-few-to-standardise")]
    assert "A4" in job.problems[8].message() and "2026001、2026009" in job.problems[4].message()
    assert "宣传部" in job.problems[2].message()  # the typo's nearest department
    got = {r["id"]: r for r in job.records()}
    assert got["2026002"]["second_choice"] == "宣传部"  # the later application stands
    assert got["2026009"]["status"] == got["2026001"]["status"] == "to-check"  # interviewed: whose rows, not known
    assert got["2026009"]["first_choice"] is None


def test_the_json_the_workbook_and_the_notices(tmp_path):
    root = office(tmp_path)
    r = CliRunner().invoke(main, ["intake", str(root), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert {"id", "name", "first_choice", "second_choice", "score", "rank", "admitted_to"} <= set(data[0])
    wb = openpyxl.load_workbook(root / "输出" / "纳新结果.xlsx")
    assert wb.sheetnames[:3] == ["纳新排名", "各部门录用", "面试官"]
    refused = CliRunner().invoke(main, ["intake", "notice", str(root)])
    assert refused.exit_code == 1 and "并列待定" in refused.output and "丙" in refused.output
    res = jobs.notice(load_office(root), "录用名单公示", fmt="txt", opts=Options(today=D(2026, 9, 20), force=True),
                      out_dir=tmp_path / "n")
    body = res.files[0].read_text(encoding="utf-8")
    assert "甲" in body and "丙" not in body and "2026年秋季学期" in body and res.doc_number
    assert any("--force" in line for line in res.said)
    assert "宣传部另有1个名额因分数并列待定" in body  # forced over the tie: the open place said
    rows = [list(r) for r in APPLICANTS]
    rows[2][6] = "录用"
    settled = office(tmp_path / "s", rows)
    r = CliRunner().invoke(main, ["intake", "letters", str(settled), "--format", "txt", "--out", str(tmp_path / "l")])
    assert r.exit_code == 0, r.output
    letters = sorted(p.name for p in (tmp_path / "l").glob("*.txt"))
    assert len(letters) == 2 and any("宣传部_丙" in n for n in letters)


def test_a_new_roster_never_the_clerks(tmp_path):
    head = ["学号", "姓名", "部门", "职务", "班级", "状态"]
    roster = [head, ["2025001", "张三", "秘书处", "部长", "会计2501", "在任"]]
    rows = [list(r) for r in APPLICANTS]
    rows[2][6] = "录用"
    root = office(tmp_path, rows, roster=roster)
    before = hashlib.sha256((root / "名册.xlsx").read_bytes()).hexdigest()
    r = CliRunner().invoke(main, ["intake", "roster", str(root), "--date", "2026-09-25"])
    assert r.exit_code == 0, r.output
    assert hashlib.sha256((root / "名册.xlsx").read_bytes()).hexdigest() == before
    ws = openpyxl.load_workbook(root / "输出" / "纳新后名册.xlsx").active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    rows = [r for r in cells[[r[0] for r in cells].index("学号") + 1:] if r[0]]
    assert [r[:2] for r in rows] == [["2025001", "张三"], ["2026001", "甲"], ["2026003", "丙"]]
    assert rows[1][3:5] == ["秘书处", "干事"] and any(v == "在任" for v in rows[2])
    again = jobs.intake(load_office(root), out=False)  # the new roster is not adopted yet: nobody is a member twice
    assert not [p for p in again.problems if p.code == "intake-already-member"]


def test_a_quota_for_no_department_is_never_given(tmp_path):
    config = CONFIG.replace('quota = { "秘书处" = 1, "宣传部" = 1 }', 'quota = { "秘书处" = 1, "宣传部" = 1, "纪检部" = 2 }')
    job = jobs.intake(load_office(office(tmp_path, config=config)), out=False)
    assert [p.value for p in job.errors] == ["纪检部"] and job.facts["places"] == 2
    assert all(r["admitted_to"] != "纪检部" for r in job.records())


def test_no_quota_is_refused(tmp_path):
    root = office(tmp_path, config=CONFIG.replace('quota = { "秘书处" = 1, "宣传部" = 1 }\n', ""))
    r = CliRunner().invoke(main, ["intake", str(root)])
    assert r.exit_code == 1 and "quota" in r.output and "秘书处" in r.output


def test_the_excel_button(tmp_path):
    from .test_excel import added, alert, payload, run_script, sheet_values

    path = book(tmp_path / "纳新.xlsx", {"报名": [AH] + APPLICANTS, "面试评分": [IH] + INTERVIEWS, "sectools设置": [
        ["设置", "值"], ["intake.weights.表达", 60], ["intake.weights.态度", 40], ["intake.full_marks", 10],
        ["intake.quota.秘书处", 1], ["intake.quota.宣传部", 1]]})
    data = payload(path)
    actions = run_script("sectools_intake", data)
    new = added(actions)
    assert {"纳新排名", "各部门录用", "面试官"} <= set(new)
    values = sheet_values(actions, new["纳新排名"])
    assert values[1][:3] == ["排名", "学号", "姓名"] and values[2][2] == "甲"
    assert "录用 1 人，并列待定 2 人" in alert(actions)


def test_the_demo_and_a_blank_office(demo_office, tmp_path):
    job = jobs.intake(load_office(demo_office[0]), out=False)
    assert job.facts["admitted"] == 7 and job.facts["tied"] == 2 and job.facts["places"] == 8
    assert (demo_office[0] / "输出" / "纳新结果.xlsx").exists()
    r = CliRunner().invoke(main, ["init", str(tmp_path / "新办公室")])
    r = CliRunner().invoke(main, ["intake", str(tmp_path / "新办公室")])
    assert r.exit_code == 1 and "内部出错" not in r.output and "报名" in r.output


def test_decisions_and_columns_that_go_wrong(tmp_path):
    """A 录用决定 that settles no tie, more 录用 than the tie's places, an interview row whose 学号 and name part, a
    criterion nobody scored, no 第二志愿 column — each said at its place."""
    rows = [list(r) for r in APPLICANTS]
    rows[1][6] = "录用"  # 乙: in no tie
    rows[2][6] = rows[3][6] = "录用"  # 丙 and 丁 both, for one place
    head = IH[:2] + ["学号"] + IH[2:]
    scores = [[w, n, _, *v] for w, n, *v in INTERVIEWS] + [["王老师", "乙", "2026001", 9, 9],  # 2026001 is 甲
                                                            ["李同学", "己", _, 8, _]]
    rows.append(["己", "2026006", "会计2602", "秘书处", _, "否", _])
    job = jobs.intake(load_office(office(tmp_path, rows, scores, heads=(AH, head))), out=False)
    found = {p.code: p for p in job.problems}
    assert found["intake-decision-not-a-tie"].value == "乙" and found["intake-decision-not-a-tie"].cell == "A3"
    assert found["intake-decision-too-many"].value == "宣传部" and "丙、丁" in found["intake-decision-too-many"].message()
    assert found["intake-name-differs"].cell == "B12" and "甲" in found["intake-name-differs"].message()
    assert found["intake-criterion-missing"].value == "己" and "态度" in found["intake-criterion-missing"].message()
    no_second = [[r[0], r[1], r[2], r[3], r[5], r[6]] for r in APPLICANTS]
    job = jobs.intake(load_office(office(tmp_path / "b", no_second, heads=(AH[:4] + AH[5:], IH))), out=False)
    assert [p.sheet for p in job.problems if p.code == "intake-no-second-column"] == ["报名"]


def test_the_notice_refused_on_errors_or_nobody(tmp_path):
    config = CONFIG.replace('quota = { "秘书处" = 1, "宣传部" = 1 }', 'quota = { "秘书处" = 1, "宣传部" = 2 }')
    scores = [list(r) for r in INTERVIEWS] + [["张老师", "甲", 11, 5]]  # above the full 10
    r = CliRunner().invoke(main, ["intake", "notice", str(office(tmp_path, interviews=scores, config=config))])
    assert r.exit_code == 1 and "C12" in r.output and "--force" in r.output  # the first error named
    rows = [r[:3] + ["宣传部", _, "否", _] for r in APPLICANTS]
    nobody = CONFIG.replace('quota = { "秘书处" = 1, "宣传部" = 1 }', 'quota = { "组织部" = 1 }')
    r = CliRunner().invoke(main, ["intake", "notice", str(office(tmp_path / "b", rows, config=nobody))])
    assert r.exit_code == 1 and "没有人被录用" in r.output


def test_an_admitted_member_already_on_the_roster_is_said(tmp_path):
    head = ["学号", "姓名", "部门", "职务", "班级", "状态"]
    root = office(tmp_path, roster=[head, ["2026001", "甲", "文艺部", "干事", "会计2601", "在任"]])
    job = jobs.intake(load_office(root), out=False)
    assert [p.code for p in job.problems if p.code == "intake-already-member"] == ["intake-already-member"]
    r = CliRunner().invoke(main, ["intake", "roster", str(root), "--force"])
    assert r.exit_code == 0 and "甲" in r.output and "没有再加一行" in r.output
