"""用印登记: every use of a seal against the 印章管理制度 (seed 001) — approval by someone authorised for the
seal, contracts and money by the 合同或财物 approvers, approval before the stamp, no seal out of use, no blank
paper — each rule with a hand-computed expectation, on a real workbook the test builds."""

from __future__ import annotations

import datetime as dt
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
TODAY = D(2026, 4, 1)
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10

[tables.roster]
path = "名册.xlsx"
[tables.seals]
path = "用印登记.xlsx"
sheet = "印章"
[tables.seal_uses]
path = "用印登记.xlsx"
sheet = "用印登记"
"""
ROSTER = [
    ["学号", "姓名", "部门", "职务"],
    ["001", "张主席", "主席团", "主席"],
    ["002", "李秘书长", "秘书处", "秘书长"],
    ["003", "王干事", "秘书处", "干事"],
    ["004", "赵敏", "主席团", "副主席"],
    ["005", "赵敏", "宣传部", "干事"],  # 同名: an approver written 赵敏 cannot be placed
]
SEALS = [
    ["印章名称", "类型", "保管人", "状态", "启用日期", "停用日期", "审批权限"],
    ["测试学生会公章", "公章", "李秘书长", "在用", None, None, None],
    ["测试学生会财务专用章", "财务专用章", "王干事", "在用", None, None, None],
    ["秘书处章", "专用章", "李秘书长", "停用", D(2025, 9, 1), D(2026, 3, 15), None],
    ["主席手章", None, "张主席", "在用", None, None, "张主席"],
    ["旧章", None, None, "在用", None, None, None],
]
H = ["日期", "印章", "文件名称", "用途", "份数", "经办人", "审批人", "审批日期", "涉及合同或财物"]
A, B = "测试学生会公章", "测试学生会财务专用章"
USES = [  # row 2 … 16 of the register; the expectation beside each
    [D(2026, 3, 2), A, "关于举办迎新晚会的请示", "报院团委", 2, "王干事", "张主席", D(2026, 3, 1), "否"],  # ok
    [D(2026, 3, 5), A, "社团活动场地租赁合同", "租场地", 2, "王干事", "主席 张主席", D(2026, 3, 4), "是"],  # money
    [D(2026, 3, 6), B, "经费报销单", "报销", 1, "王干事", "李秘书长", D(2026, 3, 7), "否"],  # approved after use
    [D(2026, 3, 10), A, "学生证明", "证明", 1, "王干事", None, None, "否"],  # no approval, day passed
    [D(2026, 3, 20), "秘书处章", "秘书处通知", "通知", 3, "王干事", "李秘书长", D(2026, 3, 19), "否"],  # out of use
    [D(2026, 3, 12), B, "空白介绍信", "备用", 5, "王干事", "李秘书长", D(2026, 3, 11), "否"],  # blank paper
    [D(2026, 3, 13), A, "活动方案", "报批", 1, "王干事", "王干事", D(2026, 3, 12), "否"],  # 干事 may not
    [D(2026, 3, 14), A, "证明", "证明", 1, "王干事", "赵敏", D(2026, 3, 13), "否"],  # two 赵敏
    [D(2026, 3, 16), A, "通知", "通知", 1, "王干事", "孙老师", D(2026, 3, 15), "否"],  # who is 孙老师?
    [D(2026, 3, 17), B, "报账", "报账", 1, "王干事", "李秘书长", None, "否"],  # undated approval
    [D(2026, 3, 18), "院公章", "证明", "证明", 1, "王干事", "张主席", D(2026, 3, 18), "否"],  # no such seal
    [D(2026, 4, 3), A, "五四表彰决定", "发文", 2, "王干事", None, None, "否"],  # awaiting approval
    [D(2026, 3, 25), "主席手章", "合作协议", "签约", 2, "王干事", "校长 刘校长", D(2026, 3, 24), "是"],  # ok
    [D(2026, 3, 26), "旧章", "证明", "证明", 1, "王干事", "张主席", D(2026, 3, 25), "否"],  # seal without approvers
    [D(2026, 3, 27), "主席手章", "证明材料", "证明", 1, "王干事", "李秘书长", D(2026, 3, 26), "否"],  # own list
]
EXPECTED = {  # register row → (status, violation codes)
    2: ("ok", []), 3: ("violation", ["money-not-authorised"]), 4: ("violation", ["approved-after-use"]),
    5: ("violation", ["no-approval"]), 6: ("violation", ["seal-not-in-use"]), 7: ("violation", ["blank-paper"]),
    8: ("violation", ["not-authorised"]), 9: ("unverified", ["approver-shared-name"]),
    10: ("unverified", ["approver-unknown"]), 11: ("unverified", ["approval-undated"]),
    12: ("unverified", ["seal-unknown"]), 13: ("pending", []), 14: ("ok", []), 15: ("unverified", ["approvers-unknown"]),
    16: ("violation", ["not-authorised"]),
}


def seal_office(tmp_path: Path, uses=USES, seals=SEALS, config: str = CONFIG) -> Path:
    office = tmp_path / "o"
    office.mkdir(parents=True, exist_ok=True)
    (office / "sectools.toml").write_text(config, encoding="utf-8")
    sheet_book(office / "名册.xlsx", ROSTER)
    sheet_book(office / "用印登记.xlsx", seals, title="印章", extra_sheets={"用印登记": [H] + uses})
    return office


def run(office, **kw):
    return jobs.seals(load_office(office), today=TODAY, out=False, **kw)


def test_every_rule_of_the_seal_register_by_hand(tmp_path):
    job = run(seal_office(tmp_path))
    got = {r["row"]: (r["status"], r["violations"]) for r in job.records()}
    assert got == EXPECTED
    order = [r["status"] for r in job.records()]
    assert order == sorted(order, key=["violation", "unverified", "pending", "ok"].index)  # violations first
    assert job.facts["violation"] == 7 and job.facts["pending"] == 1 and job.facts["ok"] == 2


def test_each_finding_names_its_cell_and_what_may_approve(tmp_path):
    job = run(seal_office(tmp_path))
    at = {(p.code, p.cell) for p in job.problems if p.file == "用印登记.xlsx" and p.sheet == "用印登记"}
    assert {("seal-money-not-authorised", "G3"), ("seal-approved-after-use", "H4"), ("seal-no-approval", "G5"),
            ("seal-not-in-use", "B6"), ("seal-blank-paper", "C7"), ("seal-not-authorised", "G8"),
            ("seal-approver-shared-name", "G9"), ("seal-approver-unknown", "G10"), ("seal-approval-undated", "H11"),
            ("seal-unknown", "B12"), ("seal-not-authorised", "G16")} == at
    money = next(p for p in job.problems if p.code == "seal-money-not-authorised")
    assert "校长、法人代表" in money.message() and "主席 张主席" in money.message()
    unknown = next(p for p in job.problems if p.code == "seal-unknown")
    assert unknown.is_error() and "测试学生会公章" in unknown.message()
    seal_rows = [(p.sheet, p.cell, p.code) for p in job.problems if p.sheet == "印章"]
    assert seal_rows == [("印章", "B6", "seal-approvers-unknown")]  # 旧章: no type, no 审批权限


def test_removing_evidence_never_makes_a_use_better(tmp_path):
    """Metamorphic: blanking every approver, every approval date or every 涉及合同或财物 answer never puts a use in
    order that was not (a rule that cannot be checked is 待核实, never assumed); without an approver or its date
    no use is in order at all."""
    base = {r["row"]: r["status"] for r in run(seal_office(tmp_path / "a")).records()}
    for column in (6, 7, 8):  # 审批人, 审批日期, 涉及合同或财物
        uses = [list(u) for u in USES]
        for u in uses:
            u[column] = None
        after = {r["row"]: r["status"] for r in run(seal_office(tmp_path / str(column), uses)).records()}
        assert not [row for row, st in after.items() if st == "ok" and base[row] != "ok"], column
        if column in (6, 7):
            assert "ok" not in after.values(), column
    # the 租赁合同 with its 是 blanked: not taken for 否 (主席 would then be enough), but 待核实
    uses = [list(u) for u in USES]
    uses[1][8] = None
    got = {r["row"]: r for r in run(seal_office(tmp_path / "m", uses)).records()}
    assert (got[3]["status"], got[3]["violations"]) == ("unverified", ["money-unstated"])


def test_the_approvers_are_the_offices_setting(tmp_path):
    """[seals] approvers: contracts approved by 主席 are in order once the office says so."""
    cfg = CONFIG + '\n[seals]\napprovers = { "公章" = ["主席"], "专用章" = ["秘书长"], "合同或财物" = ["主席", "校长"] }\n'
    got = {r["row"]: r["status"] for r in run(seal_office(tmp_path, config=cfg)).records()}
    assert got[3] == "ok" and got[14] == "ok"
    bad = cfg.replace('"公章" = ["主席"]', '"公章" = "主席"')
    with pytest.raises(SectoolsError) as e:
        run(seal_office(tmp_path / "b", config=bad))
    assert e.value.problems[0].params["key"] == "seals.approvers"


def test_a_month_and_the_report_workbook(tmp_path):
    office = seal_office(tmp_path)
    job = jobs.seals(load_office(office), (2026, 4), today=TODAY, out=tmp_path / "用印.xlsx")
    assert [r["row"] for r in job.records()] == [13]
    job = jobs.seals(load_office(office), today=TODAY, out=tmp_path / "全部.xlsx")
    wb = openpyxl.load_workbook(job.files[0])
    assert wb.sheetnames[:3] == ["用印记录", "月度统计", "印章一览"]
    months = [[c.value for c in r] for r in wb["月度统计"].iter_rows(min_row=3) if r[0].value]
    assert ["2026-03", A, 6, 8, 3] in months and not [m for m in months if m[0] == "2026-04"]  # 4/3: not yet used
    assert ["2026-03", "院公章", 1, 1, 0] in months
    first = [c.value for c in wb["用印记录"][3]]
    assert first[0] == "违规" and first[-1].startswith("用印登记.xlsx › 用印登记!")
    link = wb["用印记录"].cell(row=3, column=12).hyperlink
    assert link is not None and link.target.replace("\\", "/").endswith("o/用印登记.xlsx")


def test_the_cli_json_keys_and_exit_codes(tmp_path):
    office = seal_office(tmp_path)
    r = CliRunner().invoke(main, ["seals", str(office), "--format", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 1  # 院公章 is not in the seals table: an error in the data
    assert set(data[0]) == {"row", "place", "date", "seal", "document", "purpose", "copies", "handler", "approver",
                            "approved_on", "contract_or_money", "status", "violations", "may_approve"}
    one = next(x for x in data if x["row"] == 3)
    assert (one["date"], one["contract_or_money"], one["may_approve"]) == ("2026-03-05", True, ["校长", "法人代表"])
    fixed = [list(u) for u in USES]
    fixed[10][1] = A
    r = CliRunner().invoke(main, ["seals", str(seal_office(tmp_path / "f", fixed)), "--month", "2026-03"])
    assert r.exit_code == 0 and "违规 7" in r.output and "用印统计_2026-03.xlsx" in r.output


# ---- 用印审批单 --------------------------------------------------------------------------------------
def test_the_form_is_printed_for_each_use_awaiting_approval_with_who_may_sign(tmp_path):
    import docx

    office = seal_office(tmp_path)
    res = jobs.notice(load_office(office), "用印审批单", opts=jobs_options(), out_dir=tmp_path / "forms")
    assert res.doc_number == "" and res.recipients == 2  # rows 5 and 13: no approver yet; a form takes no 文号
    assert [p.name for p in res.files] == ["用印审批单_2026-03-10_学生证明.docx", "用印审批单_2026-04-03_五四表彰决定.docx"]
    d = docx.Document(res.files[1])
    (t,) = d.tables
    cells = {r.cells[0].text: [c.text for c in r.cells] for r in t.rows}
    assert cells["用印日期"] == ["用印日期", "2026年4月3日", "印章名称", A]
    assert cells["文件名称"][1] == "五四表彰决定" and cells["经办人"][3] == "李秘书长"  # the seal's keeper
    assert cells["有权审批"][1] == "院长、主席；涉及合同或财物：校长、法人代表"
    assert cells["审批人签字"][1] == "" and "年" in cells["审批人签字"][3]  # blank boxes to sign
    assert "用印登记.xlsx › 用印登记!A13" in d.paragraphs[1].text


def test_a_form_for_chosen_rows_and_a_row_that_holds_no_use(tmp_path):
    office = seal_office(tmp_path)
    r = CliRunner().invoke(main, ["seals", "form", str(office), "--row", "3", "--format", "txt",
                                  "--out", str(tmp_path / "f")])
    assert r.exit_code == 0, r.output
    (txt,) = (tmp_path / "f").glob("*.txt")
    body = txt.read_text(encoding="utf-8")
    assert "文件名称：社团活动场地租赁合同" in body and "审批人签字：主席 张主席" in body and "合同或财物：是" in body
    r = CliRunner().invoke(main, ["seals", "form", str(office), "--row", "3", "--format", "html",
                                  "--out", str(tmp_path / "h")])
    html = next((tmp_path / "h").glob("*.html")).read_text(encoding="utf-8")
    assert '<table class="form">' in html and '<th>文件名称</th><td colspan="3">社团活动场地租赁合同</td>' in html
    r = CliRunner().invoke(main, ["seals", "form", str(office), "--row", "40"])
    assert r.exit_code == 1 and "没有第 40 行" in r.output


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is installed by .ci/run")
def test_the_form_is_one_a4_page(tmp_path):
    import re
    import subprocess

    office = seal_office(tmp_path)
    res = jobs.notice(load_office(office), "用印审批单", fmt="pdf", opts=jobs_options(rows=[3]), out_dir=tmp_path / "p")
    (pdf,) = res.files
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\b", info) and "595" in info  # A4: 595 × 842 pt
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "用印审批单" in text.replace(" ", "") and "社团活动场地租赁合同" in text


def jobs_options(rows=None):
    from sectools.notices import Options

    return Options(today=TODAY, extra={"rows": rows or []})


def test_the_excel_button_gives_the_commands_findings(tmp_path):
    """用印检查 over the real xlwings protocol, on a book holding the roster, the seals and the register: the same
    statuses as the command, in a sheet of its own; the clerk's sheets untouched."""
    from .test_excel import added, alert, payload, run_script, sheet_values

    book = sheet_book(tmp_path / "用印.xlsx", ROSTER, extra_sheets={"印章": SEALS, "用印登记": [H] + USES})
    data = payload(book)
    mine = len(data["sheets"])
    actions = run_script("sectools_seals", data)
    new = added(actions)
    assert min(new.values()) >= mine and {a["sheet_position"] for a in actions if a["sheet_position"] is not None} \
        and min(a["sheet_position"] for a in actions if a["sheet_position"] is not None) >= mine  # its own sheets only
    values = sheet_values(actions, new["用印统计"])
    assert values[1][:3] == ["状态", "日期", "印章"]
    from sectools.seals.output import STATUS_WORDS

    statuses = sorted(r[0] for r in values[2:] if r[0])
    cli = jobs.seals(load_office(seal_office(tmp_path)), out=False).records()  # today, as the button runs
    assert statuses == sorted(STATUS_WORDS[r["status"]] for r in cli) and len(statuses) == len(USES)
    assert "违规" in alert(actions) and "问题清单" in new


def test_the_demo_register_and_check_name_each_fault_at_its_cell(demo_office):
    """The demo's term of the register holds the faults an audit finds — the contract the chair signed alone,
    the old seal used after it was put away, a stamp before its approval, a use nobody approved, a 干事 approving
    the 公章 — and `check` lists each at its cell, as `seals` does."""
    root = demo_office[0]
    job = jobs.seals(load_office(root), out=False)
    found = sorted((r["row"], r["violations"][0]) for r in job.records() if r["status"] == "violation")
    assert found == [(7, "money-not-authorised"), (10, "seal-not-in-use"), (11, "approved-after-use"),
                     (14, "no-approval"), (15, "not-authorised")]
    assert job.facts["ok"] == 11 and not job.errors
    checked = {(p.cell, p.code) for p in jobs.check(load_office(root)).problems if p.sheet == "用印登记"}
    assert checked == {("G7", "seal-money-not-authorised"), ("B10", "seal-not-in-use"), ("H11", "seal-approved-after-use"),
                       ("G14", "seal-no-approval"), ("G15", "seal-not-authorised")}
    assert (root / "输出" / "用印统计.xlsx").exists()  # the demo ran it
    assert list((root / "输出" / "通知" / "用印审批单").glob("用印审批单_2026-05-12_*.docx"))


def test_a_walk_through_s_findings(tmp_path):
    """From a clerk's walk-through: 主席张三 beside a second 张三 is placed by the post written; a type missing from
    [seals] approvers (a typo there) is said at sectools.toml and at the seal, not as a seal with no type; 2份 is
    two copies; a use ahead is not counted as used; a date a month ahead is said; one seal typed with a space is one
    seal in the months; --month keeps to its month's cells."""
    roster = ROSTER + [["006", "张主席", "体育部", "干事"]]  # a second 张主席
    uses = [list(u) for u in USES]
    uses[0][6] = "主席张主席"
    uses[0][4] = "2份"
    uses[2][1] = "测试学生会 财务专用章"
    uses[3][4] = "两份半"  # unreadable: an error at its cell, the month's copies unknown
    cfg = CONFIG + '\n[seals]\napprovers = { "公章" = ["院长", "主席"], "专用张" = ["秘书长"] }\n'
    office = seal_office(tmp_path, uses, config=cfg)
    sheet_book(office / "名册.xlsx", roster)
    job = run(office)
    got = {r["row"]: r for r in job.records()}
    assert got[2]["status"] == "ok" and got[2]["copies"] == 2
    codes = {(p.code, p.file, p.cell) for p in job.problems}
    assert ("seal-approvers-key-unknown", "sectools.toml", None) in codes
    assert ("seal-kind-not-in-settings", "用印登记.xlsx", "B3") in codes  # the 财务专用章's type, at its row
    assert ("bad-number", "用印登记.xlsx", "E5") in codes
    wb = openpyxl.load_workbook(jobs.seals(load_office(office), today=TODAY, out=tmp_path / "r.xlsx").files[0])
    months = {(r[0].value, r[1].value): r[3].value for r in wb["月度统计"].iter_rows(min_row=3) if r[0].value}
    assert months[("2026-03", A)] is None  # one 份数 unreadable: the total is not known, not short
    assert ("2026-03", "测试学生会 财务专用章") not in months and ("2026-03", B) in months
    listed = {r[6].value for r in wb["问题清单"].iter_rows(min_row=3)}
    assert "bad-number" in listed  # the tables' own problems are in the report's list too
    ahead = [list(u) for u in USES]
    ahead[0][0] = D(2027, 3, 2)
    assert [p.code for p in run(seal_office(tmp_path / "a", ahead)).problems].count("seal-date-ahead") == 1
    march = jobs.seals(load_office(office), (2026, 4), today=TODAY, out=False)
    assert not [p for p in march.problems if p.cell == "E5"]  # a March cell's problem is not April's


def test_a_register_without_the_approver_columns_is_refused_not_read_as_never_approved(tmp_path):
    """审批人 headed 签字 (a word sectools does not take for it): every use would have read as 未经审批. Refused, naming
    the sheet and the headers looked for; a missing 涉及合同或财物 column is said once, and the rest still checked."""
    header = ["签字" if h == "审批人" else h for h in H]
    office = tmp_path / "o"
    office.mkdir()
    (office / "sectools.toml").write_text(CONFIG, encoding="utf-8")
    sheet_book(office / "名册.xlsx", ROSTER)
    sheet_book(office / "用印登记.xlsx", SEALS, title="印章", extra_sheets={"用印登记": [header] + USES})
    with pytest.raises(SectoolsError) as e:
        run(office)
    (p,) = e.value.problems
    assert (p.code, p.sheet) == ("missing-column", "用印登记") and "审批人" in p.message() and "批准人" in p.message()
    sheet_book(office / "用印登记.xlsx", SEALS, title="印章",
               extra_sheets={"用印登记": [H[:-1]] + [u[:-1] for u in USES]})  # no 涉及合同或财物 column
    job = run(office)
    assert [p.severity for p in job.problems if p.code == "missing-column"] == ["warning"]
    assert {r["row"]: r["status"] for r in job.records()}[3] == "unverified"  # the 租赁合同: 待核实, not in order
