"""大事记: a month's record from what sectools already knows — meetings held (with attendance), notices with their
文号, documents received and finished, supervised tasks done — and the 大事记 table; each entry hand-computed on real
workbooks; a part that cannot be read is left out and said; the Word document and the workbook."""

from __future__ import annotations

import datetime as dt
import json

import docx
import openpyxl
from click.testing import CliRunner

from sectools import jobs
from sectools.cli import main
from sectools.config import load_office
from sectools.notices import Options

from .conftest import sheet_book
from .test_tasks import CONFIG as TASKS_CONFIG, IH, INCOMING, TODAY, task_office

D = dt.date
CONFIG = TASKS_CONFIG + """
[tables.meetings]
path = "会议.xlsx"

[tables.signins]
path = "签到.xlsx"

[tables.events]
path = "大事记.xlsx"
"""
MEETINGS = [["日期", "开始时间", "结束时间", "会议名称", "类型", "地点", "参会范围"],
            [D(2026, 3, 5), "19:00", "20:00", "第一次全体会议", "全体大会", "报告厅", "全体"],
            [D(2026, 3, 18), "12:30", "13:00", "部长例会", "部长级会议", "办公室", "全体"],
            [D(2026, 3, 25), "12:30", "13:00", "部长例会", "部长级会议", "办公室", "全体"],  # not yet held
            [D(2026, 4, 2), "12:30", "13:00", "部长例会", "部长级会议", "办公室", "全体"]]
SIGNINS = [["日期", "会议名称", "学号", "姓名", "状态"]] + \
    [[D(2026, 3, 5), "第一次全体会议", i, n, s] for i, n, s in (("001", "张三", "出席"), ("002", "李四", "出席"),
                                                                ("003", "王五", "迟到"), ("004", "赵六", "出席"),
                                                                ("005", "赵六", "缺席"))] + \
    [[D(2026, 3, 18), "部长例会", i, n, "出席"] for i, n in (("001", "张三"), ("002", "李四"), ("003", "王五"),
                                                             ("004", "赵六"), ("005", "赵六"))]
EVENTS = [["日期", "事件", "类别", "地点"], [D(2026, 3, 14), "院团委书记来学生会调研", "调研", "学生会办公室"],
          [D(2026, 4, 10), "学生干部培训班开班", "培训", None]]
REGISTER = {"2026": {"next": 3, "issued": {"会议通知|2026-03-05_第一次全体会议": 1, "收文催办通知|2026-04-01": 2},
                     "dates": {"会议通知|2026-03-05_第一次全体会议": "2026-03-02"}}}
EXPECTED = [  # (date, kind, text): March as of the 20th
    (D(2026, 3, 2), "notice", "印发会议通知（第一次全体会议，测试学生会〔2026〕1号）"),  # which meeting: from its key
    (D(2026, 3, 2), "incoming", "收到院团委《子通知》（收〔2026〕1号）"),
    (D(2026, 3, 3), "incoming", "收到院团委《丑通知》（收〔2026〕2号）"),
    (D(2026, 3, 4), "incoming", "收到校团委《寅通知》（收〔2026〕3号）"),
    (D(2026, 3, 5), "meeting", "召开第一次全体会议（报告厅），应到 5 人，实到 4 人"),
    (D(2026, 3, 5), "incoming", "收到院团委《卯通知》（收〔2026〕4号）"),
    (D(2026, 3, 12), "incoming", "《子通知》（收〔2026〕1号）办结，秘书处主办"),
    (D(2026, 3, 14), "event", "院团委书记来学生会调研（学生会办公室）"),
    (D(2026, 3, 17), "task", "督办事项“壬任务”完成，生活部主办"),
    (D(2026, 3, 18), "meeting", "召开部长例会（办公室），应到 5 人，实到 5 人"),
    (D(2026, 3, 18), "task", "督办事项“卯任务”完成，宣传部主办"),
    (D(2026, 3, 18), "task", "督办事项“丁事项”完成，秘书处主办"),
]


def diary_office(tmp_path, incoming=INCOMING, ih=IH):
    office = task_office(tmp_path, incoming=incoming, config=CONFIG)
    if ih is not IH:
        sheet_book(office / "收文登记.xlsx", [ih] + incoming, title="收文登记")
    sheet_book(office / "会议.xlsx", MEETINGS, title="会议")
    sheet_book(office / "签到.xlsx", SIGNINS, title="签到")
    sheet_book(office / "大事记.xlsx", EVENTS, title="大事记")
    (office / ".sectools").mkdir()
    (office / ".sectools" / "文号.json").write_text(json.dumps(REGISTER, ensure_ascii=False), encoding="utf-8")
    return office


def entries(job):
    return [(e["date"], e["kind"], e["text"]) for e in job.result.entries]


def test_the_month_by_hand(tmp_path):
    job = jobs.diary(load_office(diary_office(tmp_path)), (2026, 3), today=TODAY, out=False)
    got = entries(job)
    assert sorted(got, key=str) == sorted(EXPECTED, key=str)
    assert [e[0] for e in got] == sorted(e[0] for e in got)  # by date; on a day, the events first, the tasks last
    assert [k for d, k, _ in got if d == D(2026, 3, 18)] == ["meeting", "task", "task"]
    assert not job.problems and job.facts["entries"] == 12
    april = jobs.diary(load_office(diary_office(tmp_path / "a")), (2026, 4), today=D(2026, 4, 30), out=False)
    assert (D(2026, 4, 10), "event", "学生干部培训班开班") in entries(april)
    assert (D(2026, 4, 1), "notice", "印发收文催办通知（测试学生会〔2026〕2号）") in entries(april)  # its key's date
    assert (D(2026, 4, 2), "meeting", "召开部长例会（办公室）") in entries(april)  # no sign-ins: no figures


def test_a_part_that_cannot_be_read_is_left_out_and_said(tmp_path):
    """收文登记 without its 办理结果 column: the documents job refuses (and 督办, whose 办件 come from it); the 大事记 keeps
    everything else, and says what it left out in the problems, the workbook and the document."""
    ih = ["完成情况" if h == "办理结果" else h for h in IH]
    office = diary_office(tmp_path, ih=ih)
    job = jobs.diary(load_office(office), (2026, 3), today=TODAY, out=tmp_path / "d.xlsx")
    kinds = {k for _, k, _ in entries(job)}
    assert not kinds & {"incoming", "task"} and {"meeting", "notice", "event"} <= kinds
    assert {p.code for p in job.problems} >= {"missing-column", "diary-left-out"}
    assert [x["what"] for x in job.result.left_out] == ["收文", "督办"]  # the 办件 are tasks too: never half a list
    ws = openpyxl.load_workbook(job.files[0])["大事记"]
    assert any("未能读取" in str(c.value) and "收文" in str(c.value) for r in ws.iter_rows(max_row=3) for c in r)
    res = jobs.notice(load_office(office), "大事记", fmt="txt", opts=Options(today=TODAY, month=(2026, 3),
                                                                             extra={"diary": job.result}),
                      out_dir=tmp_path / "n")
    assert "未能读取、没有记入：收文、督办" in res.files[0].read_text(encoding="utf-8")


def test_the_workbook_the_document_and_the_json(tmp_path):
    office = diary_office(tmp_path)
    r = CliRunner().invoke(main, ["diary", str(office), "--month", "2026-03", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data[0]) == {"date", "kind", "category", "text", "place"}
    assert {d["kind"] for d in data} >= {"meeting", "notice", "incoming", "task", "event"}
    event = next(d for d in data if d["kind"] == "event")
    assert event["place"] == "大事记.xlsx › 大事记!B2" and event["category"] == "调研"
    book = office / "输出" / "大事记_2026-03.xlsx"
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(book)["大事记"].iter_rows()]
    head = next(i for i, row in enumerate(rows) if row[:3] == ["日期", "类别", "事项"])
    assert len([x for x in rows[head + 1:] if x[0]]) == len(data)
    (doc,) = (office / "输出" / "通知" / "大事记").glob("大事记_2026-03.docx")
    paras = [p.text for p in docx.Document(doc).paragraphs]
    assert paras[0].endswith("大事记") and "2026年3月" in paras[1]
    assert "3月14日" in paras and "院团委书记来学生会调研（学生会办公室）。" in paras  # the year is in the title
    assert not any("文号" in p or "〔2026〕" in p for p in paras[:3])  # a record kept, not a 公文: no 文号 of its own
    none = CliRunner().invoke(main, ["diary", str(office), "--month", "2026-03", "--doc", "none"])
    assert none.exit_code == 0 and "大事记_2026-03.xlsx" in none.output and ".docx" not in none.output


def test_an_empty_month_says_so(tmp_path):
    office = diary_office(tmp_path)
    r = CliRunner().invoke(main, ["diary", str(office), "--month", "2026-01", "--doc", "txt"])
    assert r.exit_code == 0 and "还没有可记载的事项" in r.output
    (txt,) = (office / "输出" / "通知" / "大事记").glob("大事记_2026-01.txt")
    assert "本月没有可记载的事项" in txt.read_text(encoding="utf-8")


def test_a_notice_remembers_the_day_it_was_numbered(tmp_path):
    office = diary_office(tmp_path)
    jobs.notice(load_office(office), "督办通报", fmt="txt", opts=Options(today=TODAY, dated=True),
                out_dir=tmp_path / "n")
    register = json.loads((office / ".sectools" / "文号.json").read_text(encoding="utf-8"))
    assert register["2026"]["dates"]["督办通报|2026-W12"] == "2026-03-20"
    assert register["2026"]["issued"]["督办通报|2026-W12"] == 3
    got = entries(jobs.diary(load_office(office), (2026, 3), today=TODAY, out=False))
    assert (D(2026, 3, 20), "notice", "印发督办通报（测试学生会〔2026〕3号）") in got


def test_the_demo(demo_office):
    root = demo_office[0]
    job = jobs.diary(load_office(root), (2026, 3), today=D(2026, 7, 10), out=False)
    kinds = [k for _, k, _ in entries(job)]
    assert {"meeting", "ranking", "plans", "incoming", "task", "event"} <= set(kinds)
    ranked = [t for _, k, t in entries(job) if k == "ranking"]
    assert any("流动红旗" in t for t in ranked) and any("封单" in t for t in ranked)
    # the 公示 notice is said once, with the ranking it published (its 文号 beside it), never as a second entry
    assert "notice" not in kinds and any("〔2026〕1号" in t for t in ranked)
    assert not job.errors
    may = entries(jobs.diary(load_office(root), (2026, 5), today=D(2026, 7, 10), out=False))
    assert any(k == "notice" and "会议通知（第10周例会" in t for _, k, t in may)  # the demo numbers it before July
    assert (D(2026, 5, 8), "meeting") in {(d, k) for d, k, t in may if t.startswith("举办五四评优表彰大会")}


def test_the_excel_button(tmp_path):
    """The 大事记 button: the book's own sheets (meetings, 大事记) for the month in the settings sheet."""
    from .test_excel import added, alert, payload, run_script, sheet_values

    book = sheet_book(tmp_path / "大事记.xlsx", EVENTS, title="大事记",
                      extra_sheets={"会议": MEETINGS, "sectools设置": [["设置", "值"], ["大事记月份", "2026-03"],
                                                                     ["学期开始", D(2026, 3, 1)],
                                                                     ["学期结束", D(2026, 7, 10)]]})
    data = payload(book)
    mine = len(data["sheets"])
    actions = run_script("sectools_diary", data)
    new = added(actions)
    assert min(new.values()) >= mine
    values = sheet_values(actions, new["大事记汇编"])  # the book's own 大事记 sheet is the clerk's
    texts = [r[2] for r in values[2:] if r and r[0]]
    assert "院团委书记来学生会调研（学生会办公室）" in texts and "召开第一次全体会议（报告厅）" in texts
    assert "2026-03 大事记" in alert(actions)


def test_a_walk_through_s_findings(tmp_path):
    """From a clerk's walk-through: the clerk's words kept as typed (，（）); a 收文编号 never given is never written
    as given; a meeting nobody signed in for says so; who took part is said; the summary's counts add up; an empty
    month outside the semester says which months are."""
    incoming = [list(x) for x in INCOMING]
    incoming[0][3] = "关于检查指导工作（听取汇报，提出三点要求）的通知"
    incoming[1][1] = None  # 丑通知: no number yet (sectools would only suggest one)
    office = diary_office(tmp_path, incoming=incoming)
    sheet_book(office / "大事记.xlsx", [["日期", "事件", "类别", "地点", "参加人员"],
                                      [D(2026, 3, 14), "院团委书记来调研，听取汇报（两小时）", "调研", None, "主席团"]],
               title="大事记")
    meetings = MEETINGS[:3] + [[D(2026, 3, 19), "12:30", "13:00", "临时会议", "部长级会议", "办公室", "全体"]]
    sheet_book(office / "会议.xlsx", meetings, title="会议")
    job = jobs.diary(load_office(office), (2026, 3), today=TODAY, out=False)
    got = {t for _, _, t in entries(job)}
    assert "收到院团委《关于检查指导工作（听取汇报，提出三点要求）的通知》（收〔2026〕1号）" in got
    assert "收到院团委《丑通知》" in got  # no number: none made up
    assert "院团委书记来调研，听取汇报（两小时），主席团参加" in got
    assert "召开临时会议（办公室），未登记签到" in got
    f = job.facts
    assert f["entries"] == sum(f[k] for k in ("meetings", "notices", "rankings", "plans", "documents", "tasks", "events"))
    empty = jobs.diary(load_office(office), (2026, 12), today=D(2026, 12, 7), out=False)
    assert [p.code for p in empty.problems] == ["diary-empty-outside"]
    assert "2026-03-01" in empty.problems[0].message() and "--month" in empty.problems[0].message()


def test_a_register_that_cannot_be_read_is_never_an_empty_part(tmp_path):
    """Review: a meetings workbook whose header is not found, or a damaged 文号 register, left the diary with no
    meetings or no notices and said nothing. Now each is left out and said."""
    office = diary_office(tmp_path)
    sheet_book(office / "会议.xlsx", [["甲", "乙"], [1, 2]], title="会议")
    (office / ".sectools" / "文号.json").write_text("{broken", encoding="utf-8")
    job = jobs.diary(load_office(office), (2026, 3), today=TODAY, out=False)
    assert {x["what"] for x in job.result.left_out} >= {"会议", "通知"}
    assert {"meeting", "notice"}.isdisjoint({k for _, k, _ in entries(job)})
    assert any(p.code == "state-damaged" and "文号.json" in (p.file or "") for p in job.problems)
    assert any(p.file == "会议.xlsx" for p in job.problems)
