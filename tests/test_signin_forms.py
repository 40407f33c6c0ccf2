"""Sign-ins from QR-code forms: a folder of form-service exports (问卷星, 金数据, 腾讯问卷 …) read as they
come — numbered questions, the services' own columns, the submit time as text or a real datetime — each
scan placed at the meeting whose sign-in window holds it, and nothing guessed: a scan outside every window,
a scan inside two, a visitor, a name that is not its id's are listed, never counted silently."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from sectools import jobs
from sectools.config import load_office
from sectools.dates import parse_datetime
from sectools.errors import SectoolsError
from sectools.messages import render
from sectools.normalize import question_key

from .conftest import sheet_book
from .test_attendance import CONFIG, MEETING_NAME, MEETINGS, NAMES, ROSTER, by_id, make_office

D, T = dt.date, dt.time
FOLDER_CONFIG = CONFIG.replace('[tables.signins]\npath = "签到.xlsx"', '[tables.signins]\npath = "签到"')

# Facts a form can carry: who arrived when (a form sees no marks and no leaving).
SCANS = [
    (D(2026, 3, 8), "001", T(19, 0)),  # on time
    (D(2026, 3, 8), "002", T(19, 5)),  # late
    (D(2026, 3, 8), "003", T(18, 45)),  # early, inside the 30 minutes before the start
    (D(2026, 3, 8), "005", T(19, 20)),  # 20 min late > 15 → absent (旷会)
    (D(2026, 3, 15), "001", T(19, 10)),
    (D(2026, 3, 15), "002", T(18, 59)),
    (D(2026, 3, 22), "001", T(19, 3)),
    (D(2026, 3, 22), "002", T(18, 50)),
    (D(2026, 3, 22), "004", T(19, 0)),
    (D(2026, 3, 22), "006", T(19, 16)),
    (D(2026, 3, 10), "002", T(12, 31)),
    (D(2026, 3, 11), "002", T(12, 46)),
]


def _by_date(facts):
    out: dict = {}
    for d, sid, t in facts:
        out.setdefault(d, []).append((sid, t))
    return out


def wjx(path, d, scans, extra=()):
    """问卷星: 序号, 提交答卷时间 as text, its own columns, then the numbered questions."""
    rows = [["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：", "2、您的学号：",
             "3、所在部门："]]
    for k, (sid, t) in enumerate(list(scans) + list(extra)):
        rows.append([k + 1, f"{d:%Y/%-m/%-d} {t:%H:%M:%S}", "35秒", "微信", "N/A", "10.1.2.3(江苏-南京)",
                     NAMES.get(sid, "来宾"), sid, "秘书处"])
    return sheet_book(path, rows, title="Sheet1")


def jsj(path, d, scans, extra=()):
    """金数据: the questions first, 提交时间 a real datetime, the service's columns after."""
    rows = [["序号", "姓名", "学号", "部门", "提交人", "提交时间", "填写设备", "IP", "微信昵称"]]
    for k, (sid, t) in enumerate(list(scans) + list(extra)):
        rows.append([k + 1, NAMES.get(sid, "来宾"), sid, "秘书处", "匿名", dt.datetime.combine(d, t), "iPhone",
                     "10.1.2.3", "nick"])
    return sheet_book(path, rows, title="数据")


def txwj(path, d, scans):
    """腾讯问卷: 编号 (not an id), 开始答题时间 before 结束答题时间 — the end is the sign-in, not the start."""
    rows = [["编号", "开始答题时间", "结束答题时间", "答题时长", "1.学号", "2.姓名"]]
    for k, (sid, t) in enumerate(scans):
        end = dt.datetime.combine(d, t)
        rows.append([k + 1, f"{end - dt.timedelta(minutes=20):%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}",
                     "20分钟", sid, NAMES[sid]])
    return sheet_book(path, rows, title="Sheet1")


def form_office(tmp_path, scans=SCANS, config=FOLDER_CONFIG):
    office = make_office(tmp_path / "forms", config=config)
    (office / "签到.xlsx").unlink()
    folder = office / "签到"
    (folder / "3月").mkdir(parents=True)
    days = _by_date(scans)
    for k, (d, rows) in enumerate(sorted(days.items())):
        if k % 3 == 0:  # named the way 问卷星 names a download: id_seq_title_count_count
            wjx(folder / f"2345678{k}_2_{MEETING_NAME[d]}签到_{len(rows)}_{len(rows)}.xlsx", d, rows)
        elif k % 3 == 1:  # no meeting in the name: the time window decides
            jsj(folder / "3月" / f"签到表_{d:%Y%m%d}.xlsx", d, rows)
        else:
            txwj(folder / f"腾讯问卷_{k}.xlsx", d, rows)
    return office, folder


def scan_log_office(tmp_path, scans=SCANS):
    office = make_office(tmp_path / "log")
    rows = [["日期", "会议名称", "学号", "姓名", "签到时间"]]
    rows += [[d, MEETING_NAME[d], sid, NAMES[sid], t] for d, sid, t in scans]
    sheet_book(office / "签到.xlsx", rows, title="签到")
    return office


def scan_ledger_office(tmp_path, scans=SCANS):
    office = make_office(tmp_path / "ledger")
    dates = sorted({r[0] for r in MEETINGS[1:]})
    facts = {(d, sid): t for d, sid, t in scans}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["学号", "姓名"] + dates)
    for r in ROSTER[1:]:
        ws.append([r[0], r[1]] + [facts.get((d, r[0])) for d in dates])
    for row in ws.iter_rows(min_row=2, min_col=3):
        for c in row:
            if isinstance(c.value, dt.time):
                c.number_format = "hh:mm"
    wb.save(office / "签到.xlsx")
    return office


def run(office):
    return jobs.attendance(load_office(office), out=False, today=D(2026, 7, 1))


def codes(job):
    return [p.code for p in job.problems]


# ---- the questions and the submit time ----------------------------------------------------------
@pytest.mark.parametrize("label, key", [
    ("1、姓名", "姓名"), ("2.学号", "学号"), ("Q3 所在部门", "所在部门"), ("您的姓名：", "姓名"), ("请输入学号", "学号"),
    ("3. 您的学号是？", "学号"), ("第1题 姓名", "姓名"), ("学号（必填）", "学号"), ("请输入您的姓名", "姓名"),
])
def test_a_forms_numbered_and_polite_questions_are_read_as_their_column(label, key):
    assert question_key(label) == key


@pytest.mark.parametrize("value, moment", [
    ("2026/3/3 19:02:15", dt.datetime(2026, 3, 3, 19, 2, 15)),
    ("2026-03-03 19:02", dt.datetime(2026, 3, 3, 19, 2)),
    ("2026年3月3日 19:02", dt.datetime(2026, 3, 3, 19, 2)),
    (dt.datetime(2026, 3, 3, 19, 2, 15, 500), dt.datetime(2026, 3, 3, 19, 2, 15)),
    (46084.75, dt.datetime(2026, 3, 3, 18, 0)),
    ("2026-03-03", None),  # a day without a time says nothing about arrival
    ("19:02", None),
])
def test_a_submit_time_gives_the_day_and_the_arrival(value, moment):
    assert parse_datetime(value) == moment


# ---- done when: the same facts in three layouts ----------------------------------------------------
def test_a_log_a_ledger_and_a_folder_of_form_exports_give_identical_attendance(tmp_path):
    log = run(scan_log_office(tmp_path))
    ledger = run(scan_ledger_office(tmp_path))
    office, folder = form_office(tmp_path)
    forms = run(office)
    assert not forms.errors, [render(p) for p in forms.errors]
    assert by_id(forms.result) == by_id(log.result) == by_id(ledger.result)
    assert forms.result.actions == log.result.actions
    got = by_id(forms.result)
    assert [s for d, m, s in got["001"]["meetings"]] == ["present", "absent", "late", "late"]
    assert got["005"]["absent"] == 3 and got["003"]["present"] == 1


def test_the_report_says_a_form_cannot_see_leaving_early(tmp_path):
    office, _ = form_office(tmp_path)
    job = run(office)
    assert len(job.result.arrival_only) == 5
    members = job.sheets[0]
    assert "看不出早退" in members.note.render("zh-CN")
    meetings = job.result.meetings
    assert meetings["left_early"].isna().all()  # not 0: not seen
    log = run(scan_log_office(tmp_path))
    assert log.result.arrival_only == [] and (log.result.meetings["left_early"] == 0).all()


# ---- the rules for scans ----------------------------------------------------------------------------
def test_the_first_scan_counts_and_a_later_one_is_listed(tmp_path):
    office, folder = form_office(tmp_path)
    target = next(folder.glob("*第1周例会*"))
    target.unlink()
    # 002 scanned at 19:05 (late) and again at 18:58 in a second download; the earlier one counts
    wjx(target, D(2026, 3, 8), [(sid, t) for d, sid, t in SCANS if d == D(2026, 3, 8)])
    jsj(folder / "3月" / "第1周例会_补.xlsx", D(2026, 3, 8), [("002", T(18, 58))])
    job = run(office)
    dup = [p for p in job.problems if p.code == "duplicate-scan"]
    assert len(dup) == 1 and dup[0].file.endswith(target.name) and "第1周例会_补" in dup[0].params["other"]
    assert by_id(job.result)["002"]["meetings"][0][2] == "present"


def test_a_visitor_is_listed_not_counted_and_a_name_that_is_not_its_ids_is_not_counted(tmp_path):
    office, folder = form_office(tmp_path)
    target = next(folder.glob("*第1周例会*"))
    target.unlink()
    rows = [(sid, t) for d, sid, t in SCANS if d == D(2026, 3, 8)]
    wjx(target, D(2026, 3, 8), rows, extra=[("099", T(19, 1))])
    job = run(office)
    visitor = [p for p in job.problems if p.code == "scan-visitor"]
    assert len(visitor) == 1 and visitor[0].severity == "warning" and "099" in str(visitor[0].value)
    assert "099" not in by_id(job.result)

    # 丁's name with 甲's id: neither is counted present — 甲's status there is unreadable, an error at the cell
    wb = openpyxl.load_workbook(target)
    ws = wb.active
    ws["G2"] = "丁"
    wb.save(target)
    job = run(office)
    bad = [p for p in job.errors if p.code == "scan-mismatch"]
    assert len(bad) == 1 and bad[0].cell == "G2" and bad[0].value == "丁"
    assert by_id(job.result)["001"]["meetings"][0][2] == "unread"


def test_scans_outside_the_window_are_listed_and_not_counted(tmp_path):
    early = SCANS + [(D(2026, 3, 15), "005", T(18, 10)), (D(2026, 3, 15), "003", T(20, 30))]
    office, _ = form_office(tmp_path, early)
    job = run(office)
    out = [p for p in job.problems if p.code == "scan-outside-window"]
    assert sorted(p.value for p in out) == ["2026-03-15 18:10:00", "2026-03-15 20:30:00"]
    assert all(p.severity == "warning" and "18:30–20:00" in p.params["window"] for p in out)
    assert by_id(job.result)["005"]["meetings"][1][2] == "absent"
    assert "早退" not in render(out[0])


def test_the_detail_row_says_why_a_scan_did_not_count_or_made_an_absence(tmp_path):
    """005 scanned at 18:10 for 3/15 (outside 18:30–20:00) and at 19:20 on 3/8 (20 minutes late): 缺席 both times.
    Their 考勤明细 rows say why and point at the scan's cell, instead of 无记录 / a bare 缺席 — the answer to
    "but I scanned!" is on the row, not only in the problem list."""
    early = SCANS + [(D(2026, 3, 15), "005", T(18, 10))]
    office, _ = form_office(tmp_path, early)
    job = jobs.attendance(load_office(office), out=tmp_path / "考勤.xlsx", today=D(2026, 7, 1))
    rows = {(m["date"], m["meeting"]): m for m in next(r for r in job.records() if r["id"] == "005")["meetings"]}
    missed, late = rows[("2026-03-15", "第2周例会")], rows[("2026-03-08", "第1周例会")]
    assert missed["status"] == "absent" and missed["note"] == "扫码时间 18:10:00 不在签到时间（18:30–20:00）内，未计入"
    assert missed["source"].endswith("第2周例会签到_3_3.xlsx › Sheet1!B4")
    assert late["note"] == "19:20 签到，会议 19:00 开始：迟到超过 15 分钟按缺席"
    explained = {("2026-03-15", "第2周例会"), ("2026-03-08", "第1周例会")}
    assert all(m["note"] is None for k, m in rows.items() if k not in explained)
    ws = openpyxl.load_workbook(job.files[0])["考勤明细"]
    head = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "学号")
    cells = [dict(zip(head, r)) for r in ws.iter_rows(values_only=True) if r and r[0] == "005"]
    said = {(c["会议"], c["来源"], c["说明"]) for c in cells if c["说明"]}
    assert ("第2周例会", "扫码（未计入）", missed["note"]) in said and ("第1周例会", "签到记录", late["note"]) in said
    en = jobs.attendance(load_office(office), out=False, today=D(2026, 7, 1)).records("en")
    assert "outside the sign-in window (18:30–20:00)" in next(
        m["note"] for r in en if r["id"] == "005" for m in r["meetings"] if m["date"] == "2026-03-15")


def test_early_minutes_is_the_offices_setting(tmp_path):
    config = FOLDER_CONFIG.replace("lates_per_absence = 3", "lates_per_absence = 3\nearly_minutes = 10")
    office, _ = form_office(tmp_path, config=config)
    job = run(office)
    out = [p for p in job.problems if p.code == "scan-outside-window"]
    assert [p.value for p in out] == ["2026-03-08 18:45:00"]  # 18:50 is the window's first minute: counted
    assert by_id(job.result)["002"]["meetings"][-1][2] == "present"


def test_an_export_that_fits_no_meeting_is_named_and_a_folder_of_such_stops_the_job(tmp_path):
    office, folder = form_office(tmp_path)
    jsj(folder / "签到表_补录.xlsx", D(2026, 3, 9), [("001", T(19, 0)), ("002", T(19, 1))])  # no meeting on 3/9
    job = run(office)
    err = [p for p in job.errors if p.code == "export-no-meeting"]
    assert len(err) == 1 and err[0].file.endswith("签到表_补录.xlsx") and err[0].params["count"] == 2
    assert "2026-03-09 19:00" in render(err[0])

    office2, folder2 = form_office(tmp_path / "none")
    for p in folder2.rglob("*.xlsx"):
        p.unlink()
    jsj(folder2 / "签到.xlsx", D(2026, 3, 9), [("001", T(19, 0))])
    with pytest.raises(SectoolsError) as e:
        run(office2)
    assert {p.code for p in e.value.problems} >= {"export-no-meeting"}


def test_an_export_that_fits_two_meetings_is_not_guessed(tmp_path):
    office, folder = form_office(tmp_path)
    wb = openpyxl.load_workbook(office / "会议.xlsx")
    wb.active.append([D(2026, 3, 8), T(19, 0), T(20, 0), "宣传部会议", "例会", "宣传部"])
    wb.save(office / "会议.xlsx")
    (folder / "3月" / "x.xlsx").write_bytes(b"")  # listed as unreadable, not in the way
    (folder / "3月" / "x.xlsx").unlink()
    target = next(folder.glob("*第1周例会*"))
    renamed = target.with_name("签到导出.xlsx")  # the meeting no longer named in the file
    target.rename(renamed)
    job = run(office)
    err = [p for p in job.errors if p.code == "export-two-meetings"]
    assert len(err) == 1 and "宣传部会议" in err[0].params["meetings"] and "第1周例会" in err[0].params["meetings"]
    # named in the file again: the name decides
    renamed.rename(target)
    assert not [p for p in run(office).errors if p.code == "export-two-meetings"]


def test_a_meeting_column_in_the_export_decides_by_itself(tmp_path):
    office, folder = form_office(tmp_path)
    for p in folder.rglob("*.xlsx"):
        p.unlink()
    rows = [["提交时间", "1.姓名", "2.学号", "3.参加的会议"]]
    rows += [[dt.datetime.combine(d, t), NAMES[sid], sid, MEETING_NAME[d]] for d, sid, t in SCANS]
    sheet_book(folder / "全学期签到.xlsx", rows, title="Sheet1")
    job = run(office)
    assert by_id(job.result) == by_id(run(scan_log_office(tmp_path)).result)


def test_which_time_column_counts_is_a_setting_and_the_start_time_alone_is_not_taken(tmp_path):
    office, folder = form_office(tmp_path)
    for p in folder.rglob("*.xlsx"):
        p.unlink()
    d = D(2026, 3, 8)
    sheet_book(folder / "第1周例会.xlsx", [["开始答题时间", "姓名", "学号"],
                                        [f"{d} 19:00:00", NAMES["001"], "001"]], title="Sheet1")
    with pytest.raises(SectoolsError) as e:
        run(office)
    p = next(p for p in e.value.problems if p.code == "form-time-missing")
    assert p.file.endswith("第1周例会.xlsx") and "form_time_column" in render(p) and "开始答题时间" in render(p)
    config = FOLDER_CONFIG.replace("lates_per_absence = 3", 'lates_per_absence = 3\nform_time_column = "开始答题时间"')
    (office / "sectools.toml").write_text(config, encoding="utf-8")
    job = run(office)
    assert by_id(job.result)["001"]["meetings"][0][2] == "present"


def test_a_scan_whose_time_cannot_be_read_is_an_error_at_its_cell(tmp_path):
    office, folder = form_office(tmp_path)
    target = next(folder.glob("*第1周例会*"))
    wb = openpyxl.load_workbook(target)
    wb.active["B3"] = "昨天晚上"
    wb.save(target)
    job = run(office)
    bad = [p for p in job.errors if p.code == "bad-datetime"]
    assert len(bad) == 1 and bad[0].cell == "B3" and "2026/3/3 19:02:15" in render(bad[0])


def test_ids_typed_with_spaces_or_full_width_digits_are_cleaned(tmp_path):
    office, folder = form_office(tmp_path)
    target = next(folder.glob("*第1周例会*"))
    wb = openpyxl.load_workbook(target)
    wb.active["H2"] = " ００１ "
    wb.save(target)
    job = run(office)
    assert by_id(job.result)["001"]["meetings"][0][2] == "present" and not job.errors


# ---- the demo ------------------------------------------------------------------------------------------
def test_the_demo_takes_mays_meetings_by_qr_form_as_a_log_of_the_same_scans_would(demo_office, tmp_path):
    """The demo office's 签到/ folder: its hand-kept book and May's exports from 问卷星 and 金数据 as they came
    (a member who scanned twice, a visitor).  Typing the same first scans into the log instead gives every
    member the same figures and the same actions; the visitor and the second scan are listed, not counted."""
    import shutil

    from sectools import demo

    root = demo_office[0]
    folder = root / demo.SIGNIN_FOLDER / demo.FORM_FOLDER
    exports = sorted(folder.glob("*.xlsx"))
    assert {openpyxl.load_workbook(p).active.cell(1, 2).value for p in exports} == {"提交答卷时间", "姓名"}
    forms = jobs.attendance(load_office(root), out=False)
    assert not forms.errors
    said = sorted((p.code, p.file.rsplit("/", 1)[-1]) for p in forms.problems
                  if p.code in ("scan-visitor", "duplicate-scan"))
    assert [c for c, _ in said] == ["duplicate-scan", "scan-visitor"] and said[0][1] == said[1][1]
    assert len(forms.result.arrival_only) == 5 and demo.VISITOR[1] not in by_id(forms.result)

    copy = tmp_path / "log"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("输出", ".sectools"))
    shutil.rmtree(copy / demo.SIGNIN_FOLDER / demo.FORM_FOLDER)
    book = copy / demo.SIGNIN_FOLDER / "签到.xlsx"
    wb = openpyxl.load_workbook(book)  # the test's own copy
    ws = wb["签到记录"]
    assert [c.value for c in ws[2]][:6] == ["日期", "会议名称", "学号", "姓名", "状态", "签到时间"]
    r = next(r for r in range(3, ws.max_row + 2) if ws.cell(r, 1).value is None)
    members, first = {m.id for m in demo.members()}, {}
    for x in demo.scans():
        if x.id in members:
            first.setdefault((x.meeting, x.id), x)
    for x in first.values():
        for c, v in enumerate([x.meeting.date, x.meeting.name, x.id, x.name, None, x.at.time()], start=1):
            ws.cell(r, c, v)
        r += 1
    wb.save(book)
    log = jobs.attendance(load_office(copy), out=False)
    assert by_id(log.result) == by_id(forms.result)
    assert log.result.actions == forms.result.actions
    assert log.result.arrival_only == []
