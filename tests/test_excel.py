"""The Excel layer through the real xlwings protocol: remote-interpreter payloads built from real
test workbooks, scripts called with ``custom_scripts_call``, functions with
``custom_functions_call``, and one end-to-end call over HTTP to the xlwings-server app."""

from __future__ import annotations

import asyncio
import re
import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest

import xlwings as xw
import xlwings.server

from sectools.excel import functions, scripts

from . import test_attendance as ta
from .conftest import sheet_book

assert os.environ.get("XLWINGS_ON_SERVER") == "true"  # set in conftest before xlwings is imported


# ---- payloads -------------------------------------------------------------------------------------
def _json_value(v):
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.isoformat() + ".000Z"
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day).isoformat() + ".000Z"
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second) / 86400
    return v


def payload(path: Path, name: str | None = None) -> dict:
    """What Excel sends: every sheet's values as a full matrix from A1, dates as ISO strings."""
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = [[_json_value(c.value) for c in r] for r in ws.iter_rows(min_row=1, min_col=1)] or [[""]]
        sheets.append({"name": ws.title, "values": rows, "tables": [], "pictures": []})
    return {"client": "Office.js", "version": xw.__version__,
            "book": {"name": name or path.name, "active_sheet_index": 0, "selection": "A1"},
            "names": [], "sheets": sheets}


def office_book(tmp_path: Path, ledger: bool = False, extra_sheets: dict | None = None) -> Path:
    """One workbook holding the roster, meetings, sign-ins and leave sheets (no settings)."""
    import openpyxl as ox

    wb = ox.Workbook()
    ws = wb.active
    ws.title = "名册"
    for r in ta.ROSTER:
        ws.append(r)
    for title, rows in (("会议", ta.MEETINGS), ("请假", ta.LEAVES)):
        s = wb.create_sheet(title)
        for r in rows:
            s.append(r)
    if ledger:
        ta.write_ledger(tmp_path / "ledger.xlsx")
        src = ox.load_workbook(tmp_path / "ledger.xlsx").active
        s = wb.create_sheet("签到台账")
        for r in src.iter_rows(values_only=True):
            s.append(list(r))
    else:
        s = wb.create_sheet("签到")
        for r in ta.log_rows():
            s.append(r)
    for title, rows in (extra_sheets or {}).items():
        s = wb.create_sheet(title)
        for r in rows:
            s.append(r)
    path = tmp_path / "考勤工作簿.xlsx"
    wb.save(path)
    return path


def run_script(name: str, data: dict):
    book = xw.Book(json=data)
    out = asyncio.run(xlwings.server.custom_scripts_call(scripts, name, typehint_to_value={xw.Book: book}))
    return out.json()["actions"]


def sheet_values(actions: list[dict], position: int) -> list[list]:
    vals = [a for a in actions if a["func"] == "setValues" and a["sheet_position"] == position]
    assert vals, f"nothing written to sheet {position}"
    return vals[0]["values"]


def added(actions) -> dict[str, int]:
    return {a["args"][1]: a["args"][0] for a in actions if a["func"] == "addSheet"}


def alert(actions) -> str:
    al = [a for a in actions if a["func"] == "alert"]
    assert len(al) == 1, al
    return al[0]["args"][0]


# ---- scripts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("ledger", [False, True])
def test_attendance_button_writes_its_own_sheets_only(tmp_path, ledger):
    data = payload(office_book(tmp_path, ledger))
    n_data = len(data["sheets"])
    actions = run_script("sectools_attendance", data)
    new = added(actions)
    assert {"考勤统计", "部门汇总", "会议明细", "处理名单"} <= set(new)
    assert all(pos >= n_data for pos in new.values())
    touched = {a["sheet_position"] for a in actions if a["sheet_position"] is not None}
    assert touched and min(touched) >= n_data  # no action touches a clerk's sheet
    values = sheet_values(actions, new["考勤统计"])
    assert "sectools" in values[0][0]
    assert values[1][:5] == ["学号", "姓名", "部门", "职务", "应到"]
    rows = {r[0]: r for r in values[2:]}
    for sid, exp in ta.EXPECTED.items():
        assert rows[sid][4:13] == list(exp[:9]), sid  # 应到 … 折算缺席, hand-computed
        assert rows[sid][13] == pytest.approx(exp[9])
    actions_sheet = sheet_values(actions, new["处理名单"])
    assert sorted((r[0], r[7]) for r in actions_sheet[2:]) == [("001", "视为自动退出"), ("005", "提醒")] \
        or sorted((r[0], r[7]) for r in actions_sheet[2:]) == [("005", "提醒")]
    text = alert(actions)
    assert "考勤统计完成" in text and "6 名成员" in text
    fmt = [a for a in actions if a["func"] == "setNumberFormat" and a["args"] == ["0.0%"]]
    assert fmt and fmt[0]["sheet_position"] == new["考勤统计"]
    # every figure traced to the clerk's cell in this book, as a link that jumps there
    detail = sheet_values(actions, new["考勤明细"])
    assert detail[1][-3:] == ["来源", "记录位置", "说明"]
    links = [a for a in actions if a["func"] == "addHyperlink"]
    assert links and all(a["sheet_position"] == new["考勤明细"] for a in links)
    sheet = "签到台账" if ledger else "签到"
    assert any(a["args"][0].startswith(f"#'{sheet}'!") for a in links)
    first = next(a for a in links if a["args"][0].startswith(f"#'{sheet}'!"))
    cell = first["args"][0].split("!")[1]
    signins = next(s for s in data["sheets"] if s["name"] == sheet)["values"]
    import openpyxl.utils as ou
    col, row = ou.cell.coordinate_from_string(cell)
    assert signins[row - 1][ou.column_index_from_string(col) - 1] not in ("", None)


def test_rerun_replaces_its_own_sheet_and_never_a_clerks(tmp_path):
    mine = [["考勤统计（sectools 生成，每次运行整页替换，请勿在此页录入）"], ["旧结果"]]
    data = payload(office_book(tmp_path, extra_sheets={"考勤统计": mine, "部门汇总": [["部门"], ["我的笔记"]]}))
    pos = {s["name"]: i for i, s in enumerate(data["sheets"])}
    actions = run_script("sectools_attendance", data)
    new = added(actions)
    assert "考勤统计" not in new  # replaced in place: cleared, then written
    assert any(a["func"] == "sheetClearContents" and a["sheet_position"] == pos["考勤统计"] for a in actions)
    assert sheet_values(actions, pos["考勤统计"])[1][0] == "学号"
    assert "部门汇总（2）" in new  # the clerk's own 部门汇总 is left alone
    assert not [a for a in actions if a["sheet_position"] == pos["部门汇总"]]


def test_problems_go_to_a_problems_sheet_and_the_alert_names_cells(tmp_path):
    path = office_book(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["签到"].append([dt.date(2026, 3, 8), "第1周例会", "999", "路人", "到"])
    wb["签到"].append([dt.date(2026, 3, 8), "第1周例会", "001", "甲", "到了吗"])
    wb.save(path)
    actions = run_script("sectools_attendance", payload(path))
    new = added(actions)
    assert "问题清单" in new
    probs = sheet_values(actions, new["问题清单"])
    assert ("签到", "C17", "unknown-member") in {(r[1], r[2], r[6]) for r in probs[2:]}
    text = alert(actions)
    assert "签到!C17" in text and "签到!E18" in text


def test_missing_table_is_one_clear_alert(tmp_path):
    path = sheet_book(tmp_path / "空.xlsx", [["随便"]])
    actions = run_script("sectools_attendance", payload(path))
    assert [a["func"] for a in actions] == ["alert"]
    assert "找不到" in actions[0]["args"][0] and "名册" in actions[0]["args"][0]


def test_settings_sheet_names_the_office_and_tables(tmp_path):
    settings = [["设置项", "值"], ["办公室名称", "测试团委"], ["学期开始", dt.date(2026, 3, 1)],
                ["学期结束", dt.date(2026, 7, 10)], ["语言", "en"], ["名册", "人员"]]
    path = office_book(tmp_path, extra_sheets={"sectools设置": settings})
    wb = openpyxl.load_workbook(path)
    wb["名册"].title = "人员"
    wb.save(path)
    actions = run_script("sectools_attendance", payload(path))
    assert "Attendance done: 6 members" in alert(actions)
    assert "Attendance" in added(actions)


def test_check_button(tmp_path):
    actions = run_script("sectools_check", payload(office_book(tmp_path)))
    text = alert(actions)
    assert text.startswith("已检查：名册 6") and "签到 15" in text
    assert "ambiguous-name" not in text and "同名" not in text or "张伟" in text


# ---- functions ------------------------------------------------------------------------------------
def call(func: str, *args, caller="Sheet1!B2"):
    data = {"func_name": func, "args": [a if isinstance(a, list) and a and isinstance(a[0], list) else [[a]]
                                        for a in args],
            "version": xw.__version__, "client": "Office.js", "runtime": "1.4", "caller_address": caller,
            "culture_info_name": "zh-CN", "date_format": "yyyy/m/d"}
    return asyncio.run(xlwings.server.custom_functions_call(data, functions))


def serial(d: dt.date) -> float:
    return (d - dt.date(1899, 12, 30)).days


def call_var(func: str, *fixed, ranges=()):
    """A function with a repeating last argument, as Office.js sends it: the repeats as one list."""
    m = lambda a: a if isinstance(a, list) and a and isinstance(a[0], list) else [[a]]  # noqa: E731
    data = {"func_name": func, "args": [m(a) for a in fixed] + [[m(r) for r in ranges]],
            "version": xw.__version__, "client": "Office.js", "runtime": "1.4", "caller_address": "Sheet1!B2",
            "culture_info_name": "zh-CN", "date_format": "yyyy/m/d"}
    return asyncio.run(xlwings.server.custom_functions_call(data, functions))


def _cell_value(v):
    """A cell as Office.js hands it to a custom function: dates and times as serial numbers."""
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return (v - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(v, dt.date):
        return serial(v)
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second) / 86400
    return v


def office_ranges(root: Path, *names: str) -> list[list[list]]:
    """Each table of an office as the range a clerk would select (every sheet of sign-ins and inspections)."""
    from sectools.config import load_office

    office = load_office(root)
    out = []
    for name in names:
        t, path = office.table(name), office.path_of(name)
        files = sorted(path.rglob("*.xlsx") if name == "signins" else path.glob("*.xlsx")) if path.is_dir() else [path]
        for f in files:  # a sign-in folder is read with its subfolders (the demo's QR-form exports)
            wb = openpyxl.load_workbook(f)
            sheets = wb.worksheets if name in ("signins", "inspections") else [wb[t.sheet] if t.sheet else wb.worksheets[0]]
            out += [[[_cell_value(c.value) for c in r] for r in ws.iter_rows()] for ws in sheets]
    return out


ATTENDANCE_TABLES = ("signins", "meetings", "roster", "leaves")


@pytest.mark.parametrize("office_name", ["demo", "relaid"])
def test_cell_functions_give_the_reports_figures_for_every_member(offices, office_name):
    """SEC_RATE / SEC_COUNT over the protocol equal the attendance report for every member, and
    SEC_SCORE / SEC_RANK the ranking report for every class, on two offices laid out differently."""
    from sectools import jobs
    from sectools.config import load_office

    root = offices[office_name]
    report = {r["id"]: r for r in jobs.attendance(load_office(root), out=False).result.as_records()}
    ids = list(report)
    ranges = office_ranges(root, *ATTENDANCE_TABLES)
    column = [[i] for i in ids]
    rates = call_var("SEC_RATE", column, ranges=ranges)
    assert [r[0] for r in rates] == [report[i]["rate"] for i in ids]
    for word, field in (("缺席", "absent"), ("折算缺席", "counted_absences")):
        got = call_var("SEC_COUNT", column, word, ranges=list(reversed(ranges)))  # any order of ranges
        assert [r[0] for r in got] == [report[i][field] for i in ids], word
    week = jobs.ranking_week(load_office(root), "2026-W12", out=False).result.as_records()
    rranges = office_ranges(root, "inspections", "classes", "score_items")
    names = [[r["class"]] for r in week]
    assert [r[0] for r in call_var("SEC_SCORE", names, "2026-W12", ranges=rranges)] == [r["score"] for r in week]
    in_week = serial(dt.date(2026, 3, 18))  # a date cell names its week
    assert [r[0] for r in call_var("SEC_RANK", names, in_week, ranges=rranges)] == [r["rank"] for r in week]


def test_cell_functions_take_the_settings_range(tmp_path):
    """Rules set in the settings range apply as sectools.toml's do: grace 5 / late-as-absent 30."""
    from sectools import jobs
    from sectools.config import load_office

    base = ta.make_office(tmp_path / "o")
    cfg = ta.CONFIG.replace("grace_minutes = 0", "grace_minutes = 5").replace(
        "late_as_absent_minutes = 15", "late_as_absent_minutes = 30")
    other = ta.make_office(tmp_path / "p", config=cfg)
    report = {r["id"]: r for r in jobs.attendance(load_office(other), out=False).result.as_records()}
    ranges = office_ranges(base, *ATTENDANCE_TABLES)
    settings = [["学期开始", serial(dt.date(2026, 3, 1))], ["attendance.grace_minutes", 5],
                ["attendance.late_as_absent_minutes", 30]]
    got = call_var("SEC_COUNT", [["002"], ["005"]], "迟到", ranges=ranges + [settings])
    assert got == [[report["002"]["late"]], [report["005"]["late"]]] == [[1], [1]]


def test_cell_functions_refuse_rather_than_count_a_part():
    rows = [[_cell_value(v) for v in r] for r in ta.log_rows()]
    meetings = [[_cell_value(v) for v in r] for r in ta.MEETINGS]
    roster = [[_cell_value(v) for v in r] for r in ta.ROSTER]
    cases = ((rows, ["001"], ("会议", "名册")),  # the old form SEC_RATE(签到, 学号): a bare sign-in range
             ("001", [rows, meetings], ("名册",)),
             ("001", [rows, meetings, roster], ("请假", "无请假")))
    for who, given, words in cases:
        with pytest.raises(Exception) as e:
            call_var("SEC_RATE", who, ranges=given)
        assert all(w in str(e.value) for w in words), str(e.value)
    # said explicitly: no leave table → counted as the report would without one
    assert call_var("SEC_COUNT", "006", "缺席", ranges=[rows, meetings, roster, "无请假"]) == [[2]]
    with pytest.raises(Exception) as e:
        call_var("SEC_RATE", "张伟", ranges=[rows, meetings, roster, "无请假"])
    assert "005" in str(e.value) and "006" in str(e.value)  # same name: asks for the id
    with pytest.raises(Exception) as e:
        call_var("SEC_COUNT", "001", "摸鱼", ranges=[rows, meetings, roster, "无请假"])
    assert "折算缺席" in str(e.value)


def test_functions_through_the_protocol():
    # National Day 2026: Oct 1–7 off, Sat Oct 10 a 调休 working day.
    date_cell = {"type": "FormattedNumber", "numberFormat": "yyyy-mm-dd"}
    assert call("SEC_NEXT_WORKDAY", serial(dt.date(2026, 10, 1))) == [[{**date_cell,
                                                                        "basicValue": serial(dt.date(2026, 10, 8))}]]
    assert call("SEC_NEXT_WORKDAY", serial(dt.date(2026, 9, 30)), 1) == [[{**date_cell,
                                                                           "basicValue": serial(dt.date(2026, 10, 8))}]]
    assert call("SEC_DEADLINE", serial(dt.date(2026, 10, 15)), 3) == [[{**date_cell,
                                                                         "basicValue": serial(dt.date(2026, 10, 10))}]]
    assert call("SEC_WEIGHTED", [[90, 80]], [[60, 40]]) == [[86.0]]


def test_function_errors_are_messages():
    with pytest.raises(Exception) as e:
        call("SEC_WEIGHTED", [[90, 80]], [[60]])
    assert "个数应相同" in str(e.value)


# ---- the xlwings-server app over HTTP --------------------------------------------------------------
def _server_app(monkeypatch, token="koulin-abc123", folders=(), origins=()):
    """The xlwings-server app as ``sectools excel serve`` configures it (token, CORS, allowed folders)."""
    pytest.importorskip("xlwings_server")
    from sectools.excel.server import FOLDERS_ENV, TOKEN_ENV, configure, project_dir

    for k in (TOKEN_ENV, FOLDERS_ENV, "XLWINGS_AUTH_PROVIDERS", "XLWINGS_CORS_ALLOW_ORIGINS"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("XLWINGS_PROJECT_DIR", str(project_dir()))
    monkeypatch.setenv("XLWINGS_ENABLE_SOCKETIO", "false")
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    used = configure(token, tuple(origins), tuple(str(f) for f in folders))
    for k in (TOKEN_ENV, FOLDERS_ENV, "XLWINGS_AUTH_PROVIDERS", "XLWINGS_CORS_ALLOW_ORIGINS"):
        monkeypatch.setenv(k, os.environ[k])  # undone after the test
    import importlib

    from fastapi.testclient import TestClient

    import xlwings_server.config

    importlib.reload(xlwings_server.config)
    import xlwings_server.main

    importlib.reload(xlwings_server.main)
    return TestClient(xlwings_server.main.main_app), used


def test_end_to_end_over_http_with_the_servers_token(tmp_path, monkeypatch):
    client, token = _server_app(monkeypatch)
    meta = client.get("/xlwings/custom-scripts-meta").json()
    names = {m["function_name"] for m in meta}
    assert {"sectools_attendance", "sectools_check", "sectools_signin_sheet"} <= names
    assert any(m.get("button") == "[btn_attendance]操作!B7" for m in meta)
    body = payload(office_book(tmp_path))
    url = "/xlwings/custom-scripts-call/sectools_attendance"
    for headers in ({}, {"Authorization": "wrong"}, {"Authorization": token + "x"}):
        r = client.post(url, json=body, headers=headers)
        assert r.status_code == 401 and "服务器口令" in r.text, (headers, r.text)
    r = client.post(url, json=body, headers={"Authorization": token})
    assert r.status_code == 200, r.text
    acts = r.json()["actions"]
    assert "考勤统计" in added(acts) and "考勤统计完成" in alert(acts)
    call = {"func_name": "SEC_WEIGHTED", "args": [[[90, 80]], [[60, 40]]], "version": xw.__version__,
            "client": "Office.js", "runtime": "1.4", "caller_address": "Sheet1!B2", "culture_info_name": "zh-CN",
            "date_format": "yyyy/m/d"}
    assert client.post("/xlwings/custom-functions-call", json=call).status_code == 401
    fr = client.post("/xlwings/custom-functions-call", json=call, headers={"Authorization": f"Bearer {token}"})
    assert fr.status_code == 200 and fr.json()["result"] == [[86.0]], fr.text


def test_a_cross_origin_page_cannot_call_the_server(tmp_path, monkeypatch):
    """A plain cross-origin POST from a web page ran jobs: only the configured origins get CORS, and no
    request runs without the token anyway."""
    client, token = _server_app(monkeypatch, origins=("https://excel.example.edu.cn",))
    url = "/xlwings/custom-scripts-call/sectools_attendance"
    evil = client.options(url, headers={"Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in {k.lower() for k in evil.headers}
    good = client.options(url, headers={"Origin": "https://excel.example.edu.cn",
                                        "Access-Control-Request-Method": "POST"})
    assert good.headers.get("access-control-allow-origin") == "https://excel.example.edu.cn"
    r = client.post(url, json=payload(office_book(tmp_path)), headers={"Origin": "https://evil.example.com"})
    assert r.status_code == 401


def test_a_book_can_open_only_the_folders_the_server_allows(tmp_path, monkeypatch):
    """Any client could point the server at any office folder on the machine (the settings sheet's
    办公室文件夹) and receive every member's attendance: only folders on the allow-list open now."""
    allowed = ta.make_office(tmp_path / "允许")
    other = ta.make_office(tmp_path / "别处")
    client, token = _server_app(monkeypatch, folders=(allowed,))

    def book(folder):
        path = sheet_book(tmp_path / "b.xlsx", [["办公室文件夹", str(folder)]], title="sectools设置")
        return payload(path, name="考勤.xlsx")

    url = "/xlwings/custom-scripts-call/sectools_attendance"
    r = client.post(url, json=book(other), headers={"Authorization": token})
    assert r.status_code == 200
    text = alert(r.json()["actions"])
    assert "不能打开" in text and "考勤统计完成" not in text
    assert not any(a["func"] == "setValues" and "张" in str(a["values"]) for a in r.json()["actions"])
    r = client.post(url, json=book(allowed), headers={"Authorization": token})
    assert "考勤统计完成" in alert(r.json()["actions"]), r.json()


# ---- workbooks and macros -------------------------------------------------------------------------
def test_quickstart_workbooks_have_the_buttons_and_run(tmp_path):
    import re
    import zipfile

    from click.testing import CliRunner

    from sectools.cli import main

    office = tmp_path / "o"
    ta.make_office(office)
    r = CliRunner().invoke(main, ["excel", "quickstart", str(office), "--out", str(tmp_path / "x")],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    desktop, server = tmp_path / "x" / "考勤工作簿.xlsm", tmp_path / "x" / "考勤工作簿（Server）.xlsx"
    with zipfile.ZipFile(desktop) as z:
        assert "xl/vbaProject.bin" in z.namelist()  # xlwings' module, from the installed package
    wb = openpyxl.load_workbook(desktop, keep_vba=True)
    conf = {r[0].value: r[1].value for r in wb["xlwings.conf"].iter_rows()}
    assert conf["UDF Modules"] == "sectools.excel.functions"
    assert {"操作", "成员", "会议", "签到", "请假"} <= set(wb.sheetnames)
    with zipfile.ZipFile(server) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode()
        rels = z.read("xl/drawings/_rels/drawing1.xml.rels").decode()
    shapes = re.findall(r'<xdr:cNvPr id="\d+" name="([^"]+)"', drawing)
    from sectools.excel.buttons import BUTTONS

    declared = {b.shape: b.cell for b in BUTTONS}
    assert shapes == list(declared)
    assert re.findall(r'Target="#\'操作\'!(\w+)"', rels) == list(declared.values())
    actions = run_script("sectools_attendance", payload(server))
    assert "考勤统计完成：6 名成员" in alert(actions)


def test_macros_module_is_the_one_sectools_installs():
    from sectools.excel.buttons import BUTTONS
    from sectools.excel.vba import bas_text

    bas = (Path(__file__).resolve().parents[1] / "macros" / "sectools.bas").read_bytes().decode()
    assert bas == bas_text()
    assert bas.count("    RunPython") == len(BUTTONS) and "\r\n" in bas
    subs = re.findall(r"Sub (\w+)\(\)\r\n    RunPython \"import sectools.excel.desktop as d; d.(\w+)\(\)\"", bas)
    import sectools.excel.desktop as desktop

    assert subs and all(callable(getattr(desktop, fn)) for _, fn in subs)


def test_install_elsewhere_prints_the_steps(tmp_path):
    from click.testing import CliRunner

    from sectools.cli import main

    book = tmp_path / "考勤.xlsm"
    book.write_bytes(b"x")
    r = CliRunner().invoke(main, ["excel", "install", str(book)], catch_exceptions=False)
    assert r.exit_code == 0 and "Alt+F11" in r.output and "SectoolsAttendance" in r.output
    assert book.read_bytes() == b"x"


def test_signin_sheet_button(tmp_path):
    settings = [["设置项", "值"], ["签到会议", dt.date(2026, 3, 22)]]
    actions = run_script("sectools_signin_sheet", payload(office_book(tmp_path, extra_sheets={"sectools设置": settings})))
    new = added(actions)
    values = sheet_values(actions, new["签到表"])
    assert "第3周例会 签到表 2026年3月22日 星期日 19:00" in values[0][0]
    assert values[1] == ["序号", "部门", "姓名", "职务", "签到时间", "本人签名", "备注"]
    assert [r[2] for r in values[2:]] == ["乙", "甲", "丁", "张伟", "张伟"]
    assert "应到 5 人" in alert(actions)


def test_signin_sheet_button_puts_the_forms_qr_code_beside_the_names(tmp_path):
    """[attendance] signin_form_url on the settings sheet: the button's sheet carries the caption, the link and
    the code as a picture Excel adds from the PNG's bytes — which a decoder reads back as the link."""
    import base64
    import io

    import zxingcpp
    from PIL import Image

    link = "https://www.wjx.cn/vm/PqR7sT2.aspx"
    settings = [["设置项", "值"], ["签到会议", dt.date(2026, 3, 22)], ["attendance.signin_form_url", link]]
    actions = run_script("sectools_signin_sheet", payload(office_book(tmp_path, extra_sheets={"sectools设置": settings})))
    at = added(actions)["签到表"]
    written = {(a["start_row"], a["start_column"]): a["values"] for a in actions
               if a["func"] == "setValues" and a["sheet_position"] == at}
    assert written[(0, 8)] == [["扫码签到：请到场后扫描下方二维码"]] and written[(1, 8)] == [[link]]
    (pic,) = [a for a in actions if a["func"] == "addPicture" and a["sheet_position"] == at]
    assert pic["args"][1:3] == [8, 2]  # column I, row 3: beside the names, under the link
    image = Image.open(io.BytesIO(base64.b64decode(pic["args"][0])))
    assert [b.text for b in zxingcpp.read_barcodes(image)] == [link]
    (tmp_path / "p").mkdir()
    plain = run_script("sectools_signin_sheet", payload(office_book(tmp_path / "p", extra_sheets={"sectools设置": settings[:2]})))
    assert not [a for a in plain if a["func"] == "addPicture"]


def test_ranking_button(tmp_path):
    from . import test_ranking as tr

    path = sheet_book(tmp_path / "排名.xlsx", tr.CLASSES, title="班级",
                      extra_sheets={"评分细则": tr.ITEMS, "生活部": tr.LIFE, "纪检部": tr.DISCIPLINE,
                                    "sectools设置": [["周次", "2026-W11"]]})
    actions = run_script("sectools_ranking", payload(path))
    new = added(actions)
    values = sheet_values(actions, new["排名"])
    rows = {r[2]: r for r in values[2:]}
    assert rows["会计2401"][1] == 1 and rows["会计2401"][3] == 100 and rows["会计2401"][-2] == "★"
    text = alert(actions)
    assert "2026-W11（2026年第11周）：5 个班级已排名" in text and "生活部!B7" in text


def test_kpi_button_with_manual_indicators(tmp_path):
    from . import test_kpi as tk

    path = sheet_book(tmp_path / "考核.xlsx", ta.ROSTER, title="名册",
                      extra_sheets={"指标": tk.INDICATORS, "评分": tk.RATINGS, "sectools设置": [["考核期间", "2026-03"]]})
    actions = run_script("sectools_kpi", payload(path))
    values = sheet_values(actions, added(actions)["绩效考核"])
    rows = {r[2]: r for r in values[2:]}
    assert rows["001"][7] == 83.0  # 工作态度, as in the file-based test
    text = alert(actions)
    assert "绩效考核（2026-03）完成" in text and "无法计算" in text  # 出勤/计划按时 need the office folder


def test_the_real_serve_command_refuses_requests_without_its_token(tmp_path):
    """`sectools excel serve` itself (a process, as a clerk starts it) answered every request without
    the token: it imported xlwings-server, which read its settings, before the token was configured."""
    pytest.importorskip("xlwings_server")
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    office = ta.make_office(tmp_path / "o")
    env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial"}
    for k in ("XLWINGS_AUTH_PROVIDERS", "SECTOOLS_SERVER_TOKEN", "SECTOOLS_SERVER_FOLDERS", "XLWINGS_ON_SERVER"):
        env.pop(k, None)
    proc = subprocess.Popen([sys.executable, "-m", "sectools", "excel", "serve", "--port", str(port),
                             "--token", "tok-12345678", "--folder", str(office)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/xlwings/custom-scripts-call/sectools_attendance"
        body = payload(office_book(tmp_path))
        for _ in range(120):
            try:
                r = httpx.post(url, json=body, timeout=30)
                break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            pytest.fail("the server did not start")
        assert r.status_code == 401, r.text
        assert httpx.post(url, json=body, headers={"Authorization": "wrong-token"}, timeout=30).status_code == 401
        ok = httpx.post(url, json=body, headers={"Authorization": "tok-12345678"}, timeout=60)
        assert ok.status_code == 200 and "考勤统计完成" in alert(ok.json()["actions"])
        assert "找不到签到状态" not in alert(ok.json()["actions"])  # the 请假 sheet is leave, not an unread log
    finally:
        proc.terminate()
        try:
            out = proc.communicate(timeout=10)[0]
        except subprocess.TimeoutExpired:
            proc.kill()
            out = proc.communicate()[0]
    assert "tok-12345678" in out  # the token is said at start, for the settings sheet


def test_report_sheets_sent_past_the_conversion_are_what_the_conversion_sends(tmp_path, monkeypatch):
    """The buttons send a report sheet's values as xlwings' remote engine would make them (blank as "",
    dates as 2026-03-02, times of day, NaN, numpy numbers, Refs, Terms), but at once: the actions are
    the same as through xlwings' own per-cell conversion."""
    import numpy as np

    from sectools.excel import jobs as xj
    from sectools.messages import Term
    from sectools.writer import Column, Ref, Sheet

    rows = [["甲", 1, 2.5, float("nan"), None, True, dt.date(2026, 3, 2), dt.datetime(2026, 3, 2, 19, 5),
             dt.datetime(2026, 3, 2), dt.time(19, 5), np.int64(3), np.float64(0.5), np.float64("nan"),
             Ref("签到.xlsx", "签到", "B2"), Term("出席", "present"), "=1+1"]]
    sheet = Sheet("测试", [Column(f"c{i}") for i in range(len(rows[0]))], rows, title="题")

    def actions(remote: bool):
        monkeypatch.setattr(xj, "_remote", lambda book: remote)
        book = xw.Book(json=payload(office_book(tmp_path)))
        xj.put_sheet(book, sheet, [])
        return [a for a in book.json()["actions"] if a["func"] == "setValues"]

    fast, slow = actions(True), actions(False)
    assert fast == slow and fast[0]["values"][2][6] == "2026-03-02" and fast[0]["values"][2][3] == ""
