"""爱心基金: the running balance in exact yuan (never overdrawn: an overdrawing payment is not counted, and said), a
payment without approval or voucher, a semester's 收支 with the balance carried in — each rule hand-computed on a
real workbook; amounts in capitals (大写); 10,000 lines summed exactly to the 分; the 收支公示."""

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
from sectools.money import in_words, parse_money
from sectools.notices import Options

from .conftest import sheet_book

D = dt.date
CONFIG = """
[office]
name = "测试学生会"
semester_start = 2026-03-01
semester_end = 2026-07-10

[tables.fund]
path = "爱心基金.xlsx"
"""
H = ["日期", "摘要", "收入", "支出", "经手人", "审批人", "凭证号", "类别", "资助对象", "捐赠人"]
_ = None
LEDGER = [  # rows 2 …; the balance after each, by hand
    [D(2026, 2, 20), "上学期结转", 1000, _, "王五", _, _, "结转", _, _],  # 1000.00
    [D(2026, 3, 5), "教职工捐款", 500.5, _, "王五", _, "S1", "捐赠", _, "教职工"],  # 1500.50
    [D(2026, 3, 10), "资助甲同学", _, 300.25, "王五", "主席", "A1", "资助", "甲", _],  # 1200.25
    [D(2026, 3, 12), "资助乙同学", _, 2000, "王五", "主席", "A2", "资助", "乙", _],  # overdraft: not counted
    [D(2026, 3, 15), "购买慰问品", _, 100, "王五", _, "A3", "其他", _, _],  # no approval: 1100.25
    [D(2026, 3, 20), "资助", _, 50, "王五", "主席", _, "资助", _, _],  # no voucher, no beneficiary: 1050.25
    [D(2026, 3, 25), "记错的一行", "1,000.00", "20", "王五", "主席", "A4", "其他", _, _],  # both: neither counted
    [D(2026, 3, 26), "没有金额", _, _, "王五", _, _, "其他", _, _],  # no amount
    [D(2026, 4, 1), "存款利息", "¥3.33", _, "王五", _, _, "利息", _, _],  # 1053.58
    [D(2026, 4, 2), "算错的支出", _, 12.345, "王五", "主席", "A5", "其他", _, _],  # finer than a 分: unread
    [D(2026, 4, 3), "打印", _, "10元", "王五", "主席", "A1", "其他", _, _],  # voucher used twice: 1043.58
    [D(2026, 9, 10), "新学期捐款", 200, _, "王五", _, "S2", "捐赠", _, "校友"],  # the next semester
]
BALANCES = {2: "1000.00", 3: "1500.50", 4: "1200.25", 5: "1200.25", 6: "1100.25", 7: "1050.25", 8: "1050.25",
            9: "1050.25", 10: "1053.58", 11: "1053.58", 12: "1043.58"}


def fund_office(tmp_path, rows=LEDGER, head=H):
    office = tmp_path / "o"
    office.mkdir(parents=True, exist_ok=True)
    (office / "sectools.toml").write_text(CONFIG, encoding="utf-8")
    sheet_book(office / "爱心基金.xlsx", [head] + rows, title="收支明细")
    return office


def test_every_rule_by_hand(tmp_path):
    job = jobs.fund(load_office(fund_office(tmp_path)), "2026春", out=False)
    res = job.result  # 2026春 names the office's semester: its dates, 3/1 to 7/10 (the 结转 of 2/20 comes before)
    got = {r["row"]: r for r in job.records()}
    assert {k: r["balance"] for k, r in got.items()} == {k: v for k, v in BALANCES.items() if k != 2}
    whole = {r["row"]: r["balance"] for r in jobs.fund(load_office(fund_office(tmp_path / "w")), whole=True,
                                                      out=False).records()}
    assert {k: whole[k] for k in BALANCES} == BALANCES
    assert got[5]["counted"] is False and got[3]["income"] == "500.50" and got[10]["income"] == "3.33"
    assert (res.opening, res.income, res.expense, res.closing) == \
        (Decimal("1000.00"), Decimal("503.83"), Decimal("460.25"), Decimal("1043.58"))  # 结转 opens, not income
    assert res.by_source == [("捐赠", Decimal("500.50"), 1), ("利息", Decimal("3.33"), 1)]  # the largest first
    assert dict((k, (v, n)) for k, v, n in res.by_purpose) == {"资助": (Decimal("350.25"), 2),
                                                                "其他": (Decimal("110.00"), 2)}
    found = sorted((p.cell, p.code, p.severity) for p in job.problems)
    assert found == [("C9", "fund-no-amount", "error"), ("D11", "money-fraction", "error"),
                     ("D5", "fund-overdraft", "error"), ("D8", "fund-both", "error"),
                     ("F6", "fund-no-approval", "error"), ("G12", "fund-duplicate-voucher", "warning"),
                     ("G7", "fund-no-voucher", "warning"), ("I7", "fund-no-beneficiary", "warning")]
    over = next(p for p in job.problems if p.code == "fund-overdraft")
    assert "2000.00" in over.message() and "1200.25" in over.message()
    assert "G4" in next(p for p in job.problems if p.code == "fund-duplicate-voucher").message()


def test_the_next_semester_carries_the_balance(tmp_path):
    job = jobs.fund(load_office(fund_office(tmp_path)), "2026秋", out=False)
    res = job.result
    assert (res.label, res.start, res.end) == ("2026年秋季学期", D(2026, 9, 1), D(2027, 1, 31))
    assert (res.opening, res.income, res.expense, res.closing) == \
        (Decimal("1043.58"), Decimal("200.00"), Decimal("0.00"), Decimal("1243.58"))
    assert not job.problems  # the spring's faults are the spring's
    r = CliRunner().invoke(main, ["fund", str(fund_office(tmp_path / "b")), "--semester", "2026夏"])
    assert r.exit_code == 2 and "不是学期" in r.output  # typed wrong: a usage error
    assert jobs.fund(load_office(fund_office(tmp_path / "c")), "2026-2027学年第一学期", out=False).result.label == \
        "2026年秋季学期"
    spring = jobs.fund(load_office(fund_office(tmp_path / "d")), "2026年春季学期", out=False).result
    assert (spring.start, spring.end) == (D(2026, 3, 1), D(2026, 7, 10))  # the office's own, however named


@pytest.mark.parametrize("amount, words", [
    ("1200", "壹仟贰佰元整"), ("10005", "壹万零伍元整"), ("1.05", "壹元零伍分"), ("0.5", "伍角整"), ("0.05", "伍分"),
    ("100000", "壹拾万元整"), ("0", "零元整"), ("1050", "壹仟零伍拾元整"), ("100001000", "壹亿零壹仟元整"),
    ("10.5", "壹拾元伍角整"), ("1000.1", "壹仟元壹角整"), ("3456789.12", "叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"), ("110", "壹佰壹拾元整"),
    ("20000.00", "贰万元整"), ("1043.58", "壹仟零肆拾叁元伍角捌分"),
])
def test_capitals_as_a_voucher_writes_them(amount, words):
    assert in_words(Decimal(amount)) == words


def test_amounts_as_clerks_type_them():
    assert parse_money(12.3) == (Decimal("12.30"), None)
    assert parse_money(0.1 + 0.2) == (Decimal("0.30"), None)  # what Excel shows, not the binary float
    assert parse_money("1,200.50") == (Decimal("1200.50"), None)
    assert parse_money("¥1200") == (Decimal("1200.00"), None) and parse_money("1200元") == (Decimal("1200.00"), None)
    assert parse_money(12.345)[1] == "fraction" and parse_money(-5)[1] == "negative"
    assert parse_money("一千")[1] == "not-money"


def test_ten_thousand_lines_are_exact_to_the_fen(tmp_path):
    """0.10, 0.20 and 0.30 as Excel stores them (binary floats): summed as floats they drift; the fund is exact."""
    amounts = [(0.1, 0.2, 0.3)[k % 3] for k in range(10_000)]
    rows = [[D(2026, 3, 2) + dt.timedelta(days=k // 100), "捐款", a, _, "王五", _, f"S{k}", "捐赠", _, _]
            for k, a in enumerate(amounts)]
    assert sum(amounts) != 1999.9  # the float sum is not the money
    job = jobs.fund(load_office(fund_office(tmp_path, rows)), "2026春", out=False)
    assert job.result.income == Decimal("1999.90") and job.facts["closing"] == "1999.90"
    assert job.records()[-1]["balance"] == "1999.90"


def test_the_same_ledger_headed_another_way(tmp_path):
    """Metamorphic: 借方 / 贷方 / 事由 / 经办人 in another order give the same lines and balances."""
    other = ["事由", "借方", "贷方", "日期", "类型", "经办人", "批准人", "单据号", "受助人", "捐款人"]
    order = [H.index(h) for h in ("摘要", "收入", "支出", "日期", "类别", "经手人", "审批人", "凭证号", "资助对象", "捐赠人")]
    a = jobs.fund(load_office(fund_office(tmp_path / "a")), "2026春", out=False).records()
    b = jobs.fund(load_office(fund_office(tmp_path / "b", [[r[i] for i in order] for r in LEDGER], other)), "2026春",
                  out=False).records()
    keep = ("date", "income", "expense", "balance", "problems")
    assert [{k: r[k] for k in keep} for r in a] == [{k: r[k] for k in keep} for r in b]


def test_removing_approvals_or_vouchers_never_clears_a_payment(tmp_path):
    """Metamorphic: blanking 审批人 or 凭证号 never takes a problem away and never changes a balance."""
    base = jobs.fund(load_office(fund_office(tmp_path / "a")), "2026春", out=False)
    for col in ("审批人", "凭证号"):
        rows = [list(r) for r in LEDGER]
        for r in rows:
            r[H.index(col)] = None
        after = jobs.fund(load_office(fund_office(tmp_path / col, rows)), "2026春", out=False)
        assert [r["balance"] for r in after.records()] == [r["balance"] for r in base.records()]
        before_codes = {(p.cell, p.code) for p in base.problems if p.code != "fund-duplicate-voucher"}
        assert before_codes <= {(p.cell, p.code) for p in after.problems}, col


def test_the_workbook_the_json_and_the_notice(tmp_path):
    office = fund_office(tmp_path)
    r = CliRunner().invoke(main, ["fund", str(office), "--semester", "2026春", "--format", "json"])
    assert r.exit_code == 1  # the ledger has errors
    data = json.loads(r.stdout)
    assert {"date", "summary", "income", "expense", "balance", "problems"} <= set(data[0])
    assert data[0]["income"] == "500.50" and all(isinstance(d["balance"], str) for d in data)
    book = openpyxl.load_workbook(office / "输出" / "爱心基金_2026年春季学期.xlsx")
    assert book.sheetnames == ["收支明细", "收支汇总", "问题清单"]
    sums = [[c.value for c in row] for row in book["收支汇总"].iter_rows(min_row=3)]
    assert ["期末余额", None, None, 1043.58, "壹仟零肆拾叁元伍角捌分"] in sums
    refused = CliRunner().invoke(main, ["fund", "notice", str(office), "--semester", "2026春"])
    assert refused.exit_code == 1 and "--force" in refused.output
    res = jobs.notice(load_office(office), "爱心基金收支公示", fmt="txt",
                      opts=Options(today=D(2026, 7, 10), force=True, extra={"semester": "2026春"}),
                      out_dir=tmp_path / "n")
    body = res.files[0].read_text(encoding="utf-8")
    assert "2026年春季学期" in body and "1,043.58" in body and "壹仟零肆拾叁元伍角捌分" in body
    assert "肆佰陆拾元贰角伍分" in body  # the expense, without the overdraft


def test_the_demo(demo_office):
    root = demo_office[0]
    spring = jobs.fund(load_office(root), out=False)
    assert (spring.facts["opening"], spring.facts["income"], spring.facts["expense"], spring.facts["closing"]) == \
        ("5502.32", "6370.85", "4650.00", "7223.17")
    assert [p.code for p in spring.problems] == ["fund-no-voucher"] and not spring.errors
    autumn = jobs.fund(load_office(root), "2025秋", out=False)
    assert {p.code for p in autumn.errors} == {"fund-overdraft", "fund-no-approval"}
    assert autumn.facts["closing"] == "5502.32"  # the overdrawing payment left out


def test_the_excel_button(tmp_path):
    from .test_excel import added, alert, payload, run_script, sheet_values

    book = sheet_book(tmp_path / "基金.xlsx", [H] + LEDGER, title="收支明细",
                      extra_sheets={"sectools设置": [["设置", "值"], ["学期", "2026春"]]})
    data = payload(book)
    mine = len(data["sheets"])
    actions = run_script("sectools_fund", data)
    new = added(actions)
    assert min(new.values()) >= mine and "收支汇总" in new
    values = sheet_values(actions, new["爱心基金收支"])  # beside the clerk's own 收支明细
    assert values[1][:3] == ["日期", "摘要", "类别"] and len([r for r in values[2:] if r and r[0]]) == 11
    assert "期末余额 1,043.58" in alert(actions)


def test_a_walk_through_s_findings(tmp_path):
    """From a clerk's walk-through: a 结转 written again in a continuous ledger is not counted twice (a different
    amount said); an undated line, an unreadable amount and a 0.00 payment are never counted; another sheet that is
    a ledger too is said; the default semester is said; a 公示 stands on the errors before its semester too, and on
    nothing at all is refused."""
    rows = [
        [D(2026, 3, 2), "上学期结转", 1000, _, "王五", _, _, "结转", _, _],  # 1000.00: the first line opens
        [D(2026, 3, 5), "捐款", 200, _, "王五", _, "S1", "捐赠", _, _],  # 1200.00
        [D(2026, 3, 6), "资助", _, 5000, "王五", "主席", "A1", "资助", "甲", _],  # overdraft, spring
        [D(2026, 9, 1), "上学期结转", 1200, _, "王五", _, _, "结转", _, _],  # the balance again: not counted twice
        [D(2026, 9, 2), "上学期结转（又记一次）", 900, _, "王五", _, _, "结转", _, _],  # differs: said
        [_, "没写日期的捐款", 300, _, "王五", _, "S2", "捐赠", _, _],  # no date: not counted
        [D(2026, 9, 5), "写成汉字的捐款", "五百元", _, "王五", _, "S3", "捐赠", _, _],  # unreadable: not counted
        [D(2026, 9, 6), "空的支出", _, 0, "王五", "主席", "A2", "其他", _, _],  # 0.00: no amount
    ]
    office = fund_office(tmp_path, rows)
    wb = openpyxl.load_workbook(office / "爱心基金.xlsx")
    other = wb.create_sheet("2025秋")
    for r in [H, [D(2025, 10, 1), "捐款", 100, _, "王五", _, "X1", "捐赠", _, _]]:
        other.append(r)
    wb.save(office / "爱心基金.xlsx")
    autumn = jobs.fund(load_office(office), "2026秋", out=False)
    res = autumn.result
    assert (res.opening, res.income, res.closing) == (Decimal("1200.00"), Decimal("0.00"), Decimal("1200.00"))
    codes = {(p.cell, p.code) for p in autumn.problems}
    assert ("C6", "fund-carry-mismatch") in codes and ("C8", "bad-money") in codes and ("C9", "fund-no-amount") in codes
    got = {r["row"]: r for r in autumn.records()}
    assert got[8]["counted"] is False and "fund-amount-unread" in got[8]["problems"]
    assert 7 not in got  # undated: in no semester
    assert "fund-other-sheets" in {p.code for p in autumn.problems}
    spring = jobs.fund(load_office(office), out=False)
    assert [c.reason for c in spring.choices] == ["fund-semester-default"]
    assert spring.result.closing == Decimal("1200.00")  # the overdraft not counted
    refused = CliRunner().invoke(main, ["fund", "notice", str(office), "--semester", "2026秋"])
    assert refused.exit_code == 1 and "4 个错误" in refused.output  # the spring's overdraft (D4) among them
    empty = CliRunner().invoke(main, ["fund", "notice", str(office), "--semester", "2027春", "--force"])
    assert empty.exit_code == 1 and "不生成公示" in empty.output
    forced = jobs.notice(load_office(office), "爱心基金收支公示", fmt="txt",
                         opts=Options(today=D(2026, 12, 7), force=True, extra={"semester": "2026秋"}),
                         out_dir=tmp_path / "n")
    assert forced.said and "--force" in forced.said[0]
    assert "截至2026年12月7日" in forced.files[0].read_text(encoding="utf-8")  # the semester is still running


def test_the_thank_you_letters(tmp_path):
    """A letter to each donor of the semester, their gifts summed in figures and capitals; a gift without a donor
    named, or whose line has a problem, gets none — said."""
    rows = [list(r) for r in LEDGER] + [
        [D(2026, 3, 8), "教职工第二次捐款", 99.5, _, "王五", _, "S3", "捐赠", _, "教职工"],
        [D(2026, 3, 9), "匿名捐款", 50, _, "王五", _, "S4", "捐赠", _, _],
        [D(2026, 3, 11), "校友捐款", 300, _, "王五", _, "S1", "捐赠", _, "校友会"]]  # S1 used twice: in question
    office = fund_office(tmp_path, rows)
    res = jobs.notice(load_office(office), "爱心基金感谢信", fmt="txt",
                      opts=Options(today=D(2026, 7, 10), extra={"semester": "2026春"}), out_dir=tmp_path / "t")
    assert [p.name for p in res.files] == ["爱心基金感谢信_2026年春季学期_教职工.txt"] and res.doc_number == ""
    body = res.files[0].read_text(encoding="utf-8")
    assert "先后2次" in body and "共计人民币600.00元（大写：陆佰元整）" in body
    assert len(res.said) == 2 and "1 笔捐赠没有写捐赠人" in res.said[0] and "校友会" in res.said[1]
    r = CliRunner().invoke(main, ["fund", "thanks", str(office), "--semester", "2026秋", "--format", "txt"])
    assert r.exit_code == 0 and "校友" in r.output  # the autumn's donor


def test_the_clerks_own_balance_is_checked(tmp_path):
    """A 余额 column kept by hand: the first line where it parts from the balance worked out is said, once."""
    head = H[:4] + ["余额"] + H[4:]
    rows = [[D(2026, 3, 2), "结转", 1000, _, 1000, "王五", _, _, "结转", _, _],
            [D(2026, 3, 5), "捐款", 200, _, 1200, "王五", _, "S1", "捐赠", _, "甲"],
            [D(2026, 3, 9), "资助", _, 150, 1060, "王五", "主席", "A1", "资助", "乙", _],  # 1050: a sum typed wrong
            [D(2026, 3, 12), "捐款", 100, _, 1160, "王五", _, "S2", "捐赠", _, "丙"]]  # carried on from the slip
    job = jobs.fund(load_office(fund_office(tmp_path, rows, head)), "2026春", out=False)
    differs = [p for p in job.problems if p.code == "fund-balance-differs"]
    assert [(p.cell, p.value, p.params["balance"], p.params["more"]) for p in differs] == [("E4", "1060.00", "1050.00", 1)]
    assert job.result.closing == Decimal("1150.00")  # the ledger's arithmetic, never the typed figure
