"""办公用品: spending per 科目 against the year's budget (预警 from warn_at, 超支 past it), 金额 = 数量 × 单价 to the 分, an
invoice entered twice, a purchase nobody approved, stock per item never below zero, 领用 per month and department,
the 报销汇总 — each rule hand-computed on a real workbook; 10,000 purchases summed exactly to the 分."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.notices import Options
from sectools.supplies import parse_year

from .conftest import sheets_book as book

D = dt.date
_ = None
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10
departments = ["秘书处", "宣传部", "组织部"]

[tables.budget]
path = "办公用品.xlsx"
sheet = "预算"

[tables.purchases]
path = "办公用品.xlsx"
sheet = "采购登记"

[tables.issues_out]
path = "办公用品.xlsx"
sheet = "领用登记"
"""
BH = ["年度", "科目", "预算金额"]
BUDGET = [
    ["2026年度", "办公耗材", 1000], ["2026", "宣传物料", 350], ["2026年度", "活动物资", "300"],  # rows 2-4
    ["2026年度", "宣传物料", 200],  # row 5: budgeted twice — the first line stands
    ["2025-2026学年", "办公耗材", 900],  # row 6: a school-year budget (another year)
    ["明年", "杂项", 1],  # row 7: no year
]
PH = ["日期", "物品", "数量", "单位", "单价", "金额", "科目", "经办人", "审批人", "报销状态", "发票号"]
PURCHASES = [  # rows 2 …
    [D(2026, 2, 20), "A4纸", 10, "包", _, _, "期初库存", "王五", _, _, _],  # stock found: no spending, no approval
    [D(2026, 3, 2), "A4纸", 20, "包", 23.5, 470, "办公耗材", "王五", "主席", "已报销", "F1"],  # 470.00
    [D(2026, 3, 2), "签字笔", 30, "支", 1.25, _, "办公耗材", "王五", "主席", _, "F1"],  # 37.50; one invoice, 2 items
    [D(2026, 4, 1), "海报", 3, "张", 100.333, 301, "宣传物料", "李四", _, "未报销", "F2"],  # 300.999 → 301.00; unapproved
    [D(2026, 4, 9), "海报", 1, "张", _, 120, "宣传物料", "李四", "主席", "未报销", "F2"],  # F2 again: not counted
    [D(2026, 5, 9), "订书机", 2, "个", _, _, "办公耗材", "李四", "主席", "未报销", _],  # no cost, no invoice
    [D(2026, 5, 10), "胶带", 4, "卷", 2.5, 12, "活动物资", "李四", "主席", "未报销", "F3"],  # 4 × 2.5 = 10 ≠ 12
    [D(2026, 5, 11), "横幅", 1, "条", 80, _, _, "李四", "主席", "未报销", "F4"],  # no 科目: 未列科目
    [D(2026, 5, 12), "气球", 100, "个", 0.3, 30, "装饰费", "李四", "主席", "未报销", "F5"],  # not budgeted
    [D(2027, 1, 5), "A4纸", 5, "包", 24, 120, "办公耗材", "王五", _, "未报销", "F6"],  # next year (unapproved)
]
IH = ["日期", "物品", "数量", "部门", "领用人"]
ISSUES = [  # rows 2 …
    [D(2026, 3, 3), "A4纸", 5, "秘书处", "王五"],  # 30 on hand → 25
    [D(2026, 3, 10), "Ａ４ 纸", 30, "宣传部", "李四"],  # the same paper; more than the 25 left: not counted
    [D(2026, 4, 3), "签字笔", 10, "宣传部", "李四"],  # 30 → 20
    [D(2026, 4, 5), "A4纸张", 1, "外联部", "赵六"],  # no such item (near: A4纸), no such department
    [D(2026, 4, 20), "A4纸", 25, "组织部", "钱七"],  # 25 → 0: down to nothing, never below
    [D(2026, 3, 1), "海报", 1, "宣传部", "李四"],  # before the first 海报 was bought: none on hand
]


def office(tmp_path, purchases=PURCHASES, budget=BUDGET, issues=ISSUES, heads=(BH, PH, IH), config=CONFIG):
    root = tmp_path / "o"
    root.mkdir(parents=True, exist_ok=True)
    (root / "sectools.toml").write_text(config, encoding="utf-8")
    book(root / "办公用品.xlsx", {"预算": [heads[0]] + budget, "采购登记": [heads[1]] + purchases,
                                 "领用登记": [heads[2]] + issues})
    return root


def test_every_rule_by_hand(tmp_path):
    job = jobs.supplies(load_office(office(tmp_path)), "2026", out=False)
    res = job.result
    got = {r["account"]: (r["budget"], r["spent"], r["remaining"], r["share"], r["level"], r["purchases"])
           for r in job.records()}
    assert got == {"办公耗材": ("1000.00", "507.50", "492.50", 0.5075, "正常", 2),  # 470 + 37.50 (订书机: no cost)
                   "宣传物料": ("350.00", "301.00", "49.00", 0.86, "预警", 1),  # 301 (F2 again: once): past 80%
                   "活动物资": ("300.00", "12.00", "288.00", 0.04, "正常", 1),  # the 金额 written, not 4 × 2.5
                   "未列科目": (None, "80.00", None, None, "无预算", 1),  # 1 × 80: worked out
                   "装饰费": (None, "30.00", None, None, "无预算", 1)}
    assert (res.budgeted, res.spent) == (Decimal("1650.00"), Decimal("930.50"))
    assert [x["row"] for x in res.claims] == [4, 5, 8, 9, 10] and res.claimed == Decimal("460.50")
    found = sorted((p.sheet, p.cell, p.code, p.severity) for p in job.problems)
    assert found == sorted([
        ("采购登记", "F7", "supplies-no-cost", "error"), ("采购登记", "F8", "supplies-amount-mismatch", "error"),
        ("采购登记", "G10", "supplies-unbudgeted", "warning"), ("采购登记", "G9", "supplies-no-account", "warning"),
        ("采购登记", "I5", "supplies-no-approval", "error"), ("采购登记", "K6", "supplies-duplicate-invoice", "error"),
        ("采购登记", "K7", "supplies-no-invoice", "warning"),
        ("领用登记", "B5", "supplies-unknown-item-near", "error"), ("领用登记", "C3", "supplies-short", "error"),
        ("领用登记", "C7", "supplies-short", "error"), ("领用登记", "D5", "supplies-unknown-department", "warning"),
        ("预算", "A7", "supplies-bad-year", "error"), ("预算", "B5", "supplies-budget-twice", "error"),
        ("预算", "C3", "supplies-budget-warning", "warning")])  # the 2027 line's missing approval is next year's
    say = {p.code: p.message() for p in job.problems}
    assert "4 × 单价 2.50 = 10.00" in say["supplies-amount-mismatch"] and "12.00" in say["supplies-amount-mismatch"]
    assert "K5" in say["supplies-duplicate-invoice"] and "“A4纸”" in say["supplies-unknown-item-near"]
    assert "30" in say["supplies-short"] or "25" in say["supplies-short"]
    stock = {s["item"]: (s["opening"], s["bought"], s["issued"], s["left"]) for s in res.stock}
    assert stock["A4纸"] == (10, 25, 30, 5)  # 10 + 20 + 5 (2027) in; 5 + 25 out (the 30 not counted)
    assert stock["签字笔"] == (0, 30, 10, 20) and stock["海报"] == (0, 4, 0, 4)
    assert [(m["month"], m["department"], m["item"], m["quantity"], m["times"]) for m in res.monthly] == [
        ("2026-03", "秘书处", "A4纸", 5, 1), ("2026-04", "宣传部", "签字笔", 10, 1), ("2026-04", "组织部", "A4纸", 25, 1)]


@pytest.mark.parametrize("text, label, start, end", [
    ("2026", "2026年度", D(2026, 1, 1), D(2026, 12, 31)), ("2026年度", "2026年度", D(2026, 1, 1), D(2026, 12, 31)),
    (2026.0, "2026年度", D(2026, 1, 1), D(2026, 12, 31)),
    ("2025-2026学年", "2025-2026学年", D(2025, 9, 1), D(2026, 8, 31)),
    ("2025—26学年度", "2025-2026学年", D(2025, 9, 1), D(2026, 8, 31)),
])
def test_years_as_clerks_write_them(text, label, start, end):
    y = parse_year(text)
    assert (y.label, y.start, y.end) == (label, start, end)


def test_a_school_year_budget(tmp_path):
    """--year 2025-2026学年: September 2025 to August 2026, its own budget line; a mistyped year is a usage error."""
    job = jobs.supplies(load_office(office(tmp_path)), "2025-2026学年", out=False)
    assert [(r["account"], r["budget"], r["spent"]) for r in job.records()][0] == ("办公耗材", "900.00", "507.50")
    r = CliRunner().invoke(main, ["supplies", str(office(tmp_path / "b")), "--year", "20x6"])
    assert r.exit_code == 2 and "不是年度" in r.output


def test_the_default_year_is_said(tmp_path):
    job = jobs.supplies(load_office(office(tmp_path)), out=False)
    assert job.result.year.label == "2026年度" and [c.reason for c in job.choices] == ["supplies-year-semester"]


def test_ten_thousand_purchases_are_exact_to_the_fen(tmp_path):
    """0.10, 0.20 and 0.30 as Excel stores them (binary floats): summed as floats they drift; the budget is exact."""
    amounts = [(0.1, 0.2, 0.3)[k % 3] for k in range(10_000)]
    rows = [[D(2026, 3, 2) + dt.timedelta(days=k // 100), "回形针", 1, "盒", _, a, "办公耗材", "王五", "主席", _, f"F{k}"]
            for k, a in enumerate(amounts)]
    assert sum(amounts) != 1999.9
    job = jobs.supplies(load_office(office(tmp_path, rows, issues=[])), "2026", out=False)
    assert job.result.spent == Decimal("1999.90") and job.records()[0]["spent"] == "1999.90"


def test_the_same_purchases_headed_another_way(tmp_path):
    """Metamorphic: other headers (品名, 采购数量, 总价, 预算科目, 采购人, 发票号码 …) in another order give the same."""
    other = ["发票号码", "品名", "总价", "单价（元）", "采购数量", "计量单位", "采购日期", "预算科目", "是否报销", "批准人", "采购人"]
    order = [PH.index(h) for h in ("发票号", "物品", "金额", "单价", "数量", "单位", "日期", "科目", "报销状态", "审批人", "经办人")]
    a = jobs.supplies(load_office(office(tmp_path / "a")), "2026", out=False)
    b = jobs.supplies(load_office(office(tmp_path / "b", [[r[i] for i in order] for r in PURCHASES],
                                         heads=(BH, other, IH))), "2026", out=False)
    assert a.records() == b.records() and a.result.claimed == b.result.claimed
    assert sorted(p.code for p in a.problems) == sorted(p.code for p in b.problems)


def test_removing_evidence_never_clears_a_purchase(tmp_path):
    """Metamorphic: blanking 审批人 or 发票号 never takes a problem away, and never lowers what was spent."""
    base = jobs.supplies(load_office(office(tmp_path / "a")), "2026", out=False)
    for col in ("审批人", "发票号"):
        rows = [list(r) for r in PURCHASES]
        for r in rows:
            r[PH.index(col)] = None
        after = jobs.supplies(load_office(office(tmp_path / col, rows)), "2026", out=False)
        spent = [Decimal(r["spent"]) for r in after.records()]  # an invoice blanked: a repeat no longer found
        assert all(a >= b for a, b in zip(spent, (Decimal(r["spent"]) for r in base.records())))
        same = {"supplies-over-budget": "supplies-budget-warning"}  # a warning may become an overspend
        kept = {(p.cell, same.get(p.code, p.code)) for p in base.problems if p.code != "supplies-duplicate-invoice"}
        assert kept <= {(p.cell, same.get(p.code, p.code)) for p in after.problems}, col


def test_removing_a_purchase_never_lets_more_be_issued(tmp_path):
    """Metamorphic: with a purchase gone, no 领用 that was refused is counted, and no more is issued."""
    base = jobs.supplies(load_office(office(tmp_path / "a")), "2026", out=False)
    rows = [r for r in PURCHASES if r[2] != 20]  # the 20 packs of paper of 3/2
    after = jobs.supplies(load_office(office(tmp_path / "b", rows)), "2026", out=False)
    refused = {x["row"] for x in base.result.issues if not x["counted"]}
    assert refused <= {x["row"] for x in after.result.issues if not x["counted"]}
    issued = {s["item"]: s["issued"] for s in after.result.stock}
    assert all(issued[s["item"]] <= s["issued"] for s in base.result.stock if s["item"] in issued)


def test_the_workbook_the_json_and_the_claim_form(tmp_path):
    root = office(tmp_path)
    r = CliRunner().invoke(main, ["supplies", str(root), "--year", "2026", "--format", "json"])
    assert r.exit_code == 1  # errors stand
    data = json.loads(r.stdout)
    assert {"year", "account", "budget", "spent", "remaining", "share"} <= set(data[0])
    assert data[1]["spent"] == "301.00" and all(isinstance(d["spent"], str) for d in data)
    wb = openpyxl.load_workbook(root / "输出" / "办公用品_2026年度.xlsx")
    assert wb.sheetnames == ["预算执行", "采购明细", "库存", "领用月报", "领用明细", "报销汇总", "问题清单"]
    claims = [[c.value for c in row] for row in wb["报销汇总"].iter_rows(min_row=3)]
    assert ["合计", None, None, None, None, 460.5, None, None, "肆佰陆拾元伍角整"] in claims
    assert ["李四 小计", None, None, None, None, 423, None, None, "肆佰贰拾叁元整"] in claims
    refused = CliRunner().invoke(main, ["supplies", "claims", str(root), "--year", "2026"])
    assert refused.exit_code == 1 and "--force" in refused.output
    res = jobs.notice(load_office(root), "办公用品报销汇总表", fmt="txt",
                      opts=Options(today=D(2026, 6, 30), force=True, extra={"year": "2026"}), out_dir=tmp_path / "n")
    body = res.files[0].read_text(encoding="utf-8")
    assert "460.50" in body and "肆佰陆拾元伍角整" in body and "2026年度" in body and "F2" in body
    assert "※2" in body and "标※的" in body  # forced: the lines in question marked
    assert not res.doc_number  # a form for the finance office: no 文号
    assert any("--force" in line for line in res.said)


def test_a_clean_claim_form_and_nothing_to_claim(tmp_path):
    clean = [r for r in PURCHASES if r[0].year == 2026 and r[8] and r[10] and r[2] != 4 and r[5] != 120] + \
        [[D(2026, 3, 2), "文件夹", 10, "个", 3.5, 35, "办公耗材", "王五", "主席", _, "F9"]]
    root = office(tmp_path, clean, issues=[])
    r = CliRunner().invoke(main, ["supplies", "claims", str(root), "--year", "2026", "--format", "txt"])
    assert r.exit_code == 0, r.output
    done = [r[:9] + ["已报销", r[10]] for r in clean]
    r = CliRunner().invoke(main, ["supplies", "claims", str(office(tmp_path / "b", done, issues=[])), "--year", "2026"])
    assert r.exit_code == 1 and "没有待报销" in r.output


def test_the_demo(demo_office):
    root = demo_office[0]
    job = jobs.supplies(load_office(root), out=False)
    got = {r["account"]: (r["spent"], r["level"]) for r in job.records()}
    assert got == {"办公耗材": ("1335.00", "正常"), "宣传物料": ("1020.00", "预警"), "活动物资": ("483.00", "正常")}
    assert sorted(p.code for p in job.errors) == ["supplies-amount-mismatch", "supplies-duplicate-invoice",
                                                  "supplies-no-approval", "supplies-short"]
    assert job.facts["claimed"] == "1724.00"  # the invoice entered again is not claimed again
    assert any("办公用品报销汇总表" in str(p) for p in (root / "输出" / "通知").rglob("*.docx"))


def test_check_covers_every_year(tmp_path):
    found = jobs.check(load_office(office(tmp_path))).problems
    assert ("采购登记", "I11", "supplies-no-approval") in {(p.sheet, p.cell, p.code) for p in found}  # the 2027 line


def test_a_blank_office(tmp_path):
    r = CliRunner().invoke(main, ["init", str(tmp_path / "新办公室")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["supplies", str(tmp_path / "新办公室")])
    assert r.exit_code == 0, r.output
    assert "没有采购或领用记录" in r.output and "没有" in r.output


def test_the_excel_button(tmp_path):
    from .test_excel import added, alert, payload, run_script, sheet_values

    path = book(tmp_path / "办公用品.xlsx", {"预算": [BH] + BUDGET, "采购登记": [PH] + PURCHASES, "领用登记": [IH] + ISSUES,
                                          "sectools设置": [["设置", "值"], ["预算年度", 2026]]})
    data = payload(path)
    mine = len(data["sheets"])
    actions = run_script("sectools_supplies", data)
    new = added(actions)
    assert min(new.values()) >= mine and {"预算执行", "采购明细", "库存", "报销汇总"} <= set(new)
    values = sheet_values(actions, new["预算执行"])
    assert values[1][:3] == ["科目", "预算金额", "已支出"] and values[3][0] == "宣传物料"
    assert "已支出 930.50" in alert(actions)


def test_a_walk_through_s_findings(tmp_path):
    """What a clerk's walk-through found, each now refused or said: a 领用 of −1 (it raised the stock), 数量 typed
    3盒, a date not yet come, a school year of one year, the claim form's --date, a register without 金额 or 单价 that
    check passed."""
    rows = [[D(2026, 3, 2), "签字笔", "3盒", "盒", 25, _, "办公耗材", "王五", "主席", _, "G1"],  # 3 × 25 = 75
            [D(2026, 3, 3), "矿泉水", -10, "箱", 28, 280, "活动物资", "王五", "主席", _, "G2"],
            [D(2026, 5, 6), "订书机", 2, "个", 30, 60, "办公耗材", "王五", "主席", _, "G3"],
            [D(2026, 11, 30), "胶水", 1, "瓶", 5, 5, "办公耗材", "王五", "主席", _, "G4"]]
    issues = [[D(2026, 3, 4), "签字笔", -1, "秘书处", "王五"],  # not a 领用: stock stays 3
              [D(2026, 3, 5), "订书钉", 1, "秘书处", "王五"]]  # never bought: 订书机 (bought later) suggested
    job = jobs.supplies(load_office(office(tmp_path, rows, issues=issues)), "2026", today=D(2026, 6, 1), out=False)
    stock = {s["item"]: s["left"] for s in job.result.stock}
    assert stock["签字笔"] == 3 and "矿泉水" not in stock
    found = {(p.sheet, p.cell): p.code for p in job.problems}
    assert found[("领用登记", "C2")] == found[("采购登记", "C3")] == "supplies-bad-quantity"
    assert found[("采购登记", "A5")] == "supplies-future-date"
    assert found[("领用登记", "B3")] == "supplies-unknown-item-near" and "订书机" in next(
        p.message() for p in job.problems if p.code == "supplies-unknown-item-near")
    assert job.records()[0]["spent"] == "140.00"  # 75 + 60 + 5: 3盒 read as 3
    assert parse_year("2026学年") is None
    root = office(tmp_path / "b")
    r = CliRunner().invoke(main, ["supplies", "claims", str(root), "--year", "2026", "--force", "--format", "txt",
                                  "--date", "2026-04-30", "--out", str(tmp_path / "c")])
    assert r.exit_code == 0, r.output
    body = next((tmp_path / "c").glob("*.txt")).read_text(encoding="utf-8")
    assert "2026.4.1" in body and "2026.5.10" not in body and "截至2026年4月30日" in body
    assert "活动物资  300.00  0.00  300.00" in body  # spent as of the form's date: the 5/10 purchase not yet
    r = CliRunner().invoke(main, ["--lang", "en", "supplies", "claims", str(root), "--year", "2026"])
    assert r.exit_code == 1 and "2 errors" in r.output and "{count" not in r.output
    r = CliRunner().invoke(main, ["supplies", str(root), "--year", "2026", "--notices", "--force"])
    assert r.exit_code == 1 and any((root / "输出" / "通知" / "办公用品报销汇总表").glob("*.docx"))
    bare = [[r[0], r[1], r[2], r[3], r[6], r[7], r[8], r[9], r[10]] for r in PURCHASES]
    head = ["日期", "物品", "数量", "单位", "科目", "经办人", "审批人", "报销状态", "发票号"]
    r = CliRunner().invoke(main, ["check", str(office(tmp_path / "d", bare, heads=(BH, head, IH)))])
    assert r.exit_code == 1 and "supplies-no-cost-column" in r.output


def test_a_register_missing_a_needed_column_is_refused(tmp_path):
    """领用登记 without 数量 would read as nothing ever issued, a budget without 预算金额 as every 科目 unbudgeted:
    refused, naming the sheet and the column — never a stock or a share worked out from them."""
    issues = [[r[0], r[1], r[3], r[4]] for r in ISSUES]
    root = office(tmp_path, issues=issues, heads=(BH, PH, ["日期", "物品", "部门", "领用人"]))
    r = CliRunner().invoke(main, ["supplies", str(root), "--year", "2026"])
    assert r.exit_code == 1 and "领用登记" in r.output and "数量" in r.output
    assert not (root / "输出").exists()
    budget = [r[:2] for r in BUDGET]
    root = office(tmp_path / "b", budget=budget, heads=(BH[:2], PH, IH))
    r = CliRunner().invoke(main, ["supplies", str(root), "--year", "2026"])
    assert r.exit_code == 1 and "预算金额" in r.output


def test_no_budget_for_the_year_is_said(tmp_path):
    job = jobs.supplies(load_office(office(tmp_path)), "2027", out=False)
    assert [p.value for p in job.problems if p.code == "supplies-no-budget"] == ["2027年度"]
    assert all(r["level"] == "无预算" for r in job.records())


def test_the_button_with_a_year_that_is_none(tmp_path):
    from .test_excel import alert, payload, run_script

    path = book(tmp_path / "办公用品.xlsx", {"预算": [BH] + BUDGET, "采购登记": [PH] + PURCHASES, "领用登记": [IH] + ISSUES,
                                          "sectools设置": [["设置", "值"], ["预算年度", "明年"]]})
    assert "不是年度" in alert(run_script("sectools_supplies", payload(path)))
