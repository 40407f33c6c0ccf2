"""Workbooks ready for Excel: ``sectools excel quickstart DIR``.

* ``考勤工作簿.xlsm`` — for desktop Excel.  Made from the standalone template that ships in the
  *installed* xlwings package (its VBA module ``xlwings`` and the ``xlwings.conf`` sheet; xlwings'
  files are never committed here), with the office's tables copied in as sheets and an 操作 sheet
  saying where the buttons go.  Import ``macros/sectools.bas`` (or run ``sectools excel install``
  on Windows) to add the buttons.
* ``考勤工作簿（Server）.xlsx`` — for xlwings Server and xlwings Lite: the same sheets, and sheet
  buttons on 操作 (text boxes named like the ``@xw.script(button=...)`` declarations, each with a
  link to its own cell).

These are new files sectools makes (a clerk's workbook is never re-saved).
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from ..reader import open_workbook
from ..writer import atomic_target
from .buttons import BUTTONS, SHEET

DESKTOP_NAME = "考勤工作簿.xlsm"
SERVER_NAME = "考勤工作簿（Server）.xlsx"
TABLE_SHEETS = (("roster", "名册"), ("meetings", "会议"), ("signins", "签到"), ("leaves", "请假"),
                ("classes", "班级"), ("score_items", "评分细则"), ("inspections", "检查记录"),
                ("indicators", "考核指标"), ("ratings", "评分表"), ("incoming", "收文登记"), ("decisions", "议定事项"),
                ("tasks", "督办台账"), ("seals", "印章"), ("seal_uses", "用印登记"), ("fund", "爱心基金"),
                ("budget", "预算"), ("purchases", "采购登记"), ("issues_out", "领用登记"),
                ("applicants", "报名"), ("interviews", "面试评分"))


def instructions(lang: str = "zh-CN") -> list[str]:
    """The 操作 sheet's lines, every button's macro named (from the one button registry)."""
    from ..messages import text

    macros = "、".join(f"{b.vba_sub}（{b.caption}）" for b in BUTTONS) if lang != "en" else \
        ", ".join(f"{b.vba_sub} ({b.caption})" for b in BUTTONS)
    return [text("ops-title", lang), "", text("ops-click", lang), text("ops-desktop", lang, macros=macros),
            text("ops-server", lang)]


def template_path() -> Path:
    import xlwings

    return Path(xlwings.__file__).resolve().parent / "quickstart_standalone.xlsm"


def _table_rows(office, name: str) -> list[tuple[str, list[list]]]:
    """(sheet name, rows) of the office's source sheets holding table ``name``."""
    from ..sources import OfficeSource

    t = OfficeSource(office).read(name)
    if name == "inspections":
        sources = [(Path(office.root / t.file), t.sheet, None) for t in t.tables]
    elif name == "signins":  # a folder's workbooks each by its own path; a form export by its file's name
        folder = office.path_of(name).is_dir()
        sources = [(office.root / f, s, Path(f).stem if folder and layout == "form" else None)
                   for f, s, layout in t.records.sheets]
    else:
        sources = [(office.path_of(name), t.sheet, None)] if t.sheet else []
    out = []
    for path, s, title in sources:
        with open_workbook(path, office.limits) as wb:
            raw = wb.sheet(s)
            r0, c0 = raw.origin
            rows = [[None] * (c0 + len(r)) for r in [[]] * r0] + [[None] * c0 + [None if v == "" else v for v in r]
                                                                  for r in raw.rows]
            out.append((title or s, rows))  # the export's file name says its meeting: it names the sheet
    return out


def collect(office) -> list[tuple[str, list[list]]]:
    out: list[tuple[str, list[list]]] = []
    used: set[str] = set()
    for name, label in TABLE_SHEETS:
        if name not in office.configured_tables():
            continue
        for sheet, rows in _table_rows(office, name):
            title = (sheet if sheet not in used else f"{label}_{sheet}")[:31]
            k = 2
            while title in used:  # Excel refuses two sheets of one name (several exports' Sheet1)
                title = f"{label}_{sheet}"[:27] + f"（{k}）"
                k += 1
            used.add(title)
            out.append((title, rows))
    return out


def desktop_workbook(target: Path, sheets: list[tuple[str, list[list]]], lang: str = "zh-CN") -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(template_path(), keep_vba=True)
    ops = wb["Sheet1"]
    ops.title = SHEET
    for i, line in enumerate(instructions(lang), start=1):
        ops.cell(row=i, column=1, value=line)
    for b in BUTTONS:
        ops[b.cell] = f"［{b.caption}］ ← 在此放按钮，宏：{b.vba_sub}"
    conf = wb["_xlwings.conf"]
    conf.title = "xlwings.conf"
    for row in conf.iter_rows():
        key = row[0].value
        if key == "UDF Modules":
            row[1].value = "sectools.excel.functions"
        elif key == "Interpreter_Win" and sys.platform == "win32":
            row[1].value = str(Path(sys.executable).with_name("pythonw.exe"))
        elif key == "Interpreter_Mac" and sys.platform == "darwin":
            row[1].value = sys.executable
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append([_plain(v) for v in r])
    with atomic_target(target) as tmp:
        wb.save(tmp)
    return target


def _plain(v):
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
        return "'" + v if v[:1] == "=" else v
    return v


def server_workbook(target: Path, sheets: list[tuple[str, list[list]]], lang: str = "zh-CN") -> Path:
    from ..writer import Styles, close_workbook, new_workbook, write_value

    with atomic_target(target) as tmp:
        wb = new_workbook(tmp)
        styles = Styles(wb)
        ops = wb.add_worksheet(SHEET)
        ops.set_column(0, 0, 4)
        ops.set_column(1, 1, 24)
        lines = instructions(lang)
        ops.write_string(0, 0, lines[0], styles.title)
        for i, line in enumerate(lines[2:], start=1):
            ops.write_string(i, 0, line, styles.note)
        order = []
        for b in BUTTONS:
            shape, cell, caption = b.shape, b.cell, b.caption
            m = re.match(r"([A-Z]+)(\d+)", cell)
            col = ord(m.group(1)) - 65
            row = int(m.group(2)) - 1
            ops.insert_textbox(row, col, caption, {
                "width": 150, "height": 36, "url": f"internal:'{SHEET}'!{cell}",
                "font": {"bold": True, "size": 12, "color": "white", "name": "等线"},
                "align": {"vertical": "middle", "horizontal": "center"},
                "fill": {"color": "#1F4E78"}, "line": {"none": True},
            })
            order.append(shape)
        date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
        time_fmt = wb.add_format({"num_format": "hh:mm"})
        plain = wb.add_format({})
        import datetime as dt

        for title, rows in sheets:
            ws = wb.add_worksheet(title)
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    if v is None:
                        continue
                    fmt = date_fmt if isinstance(v, dt.date) else time_fmt if isinstance(v, dt.time) else plain
                    write_value(ws, r, c, v, fmt)
        close_workbook(wb)
        _name_shapes(tmp, order)
    return target


def _name_shapes(path: Path, names: list[str]) -> None:
    """xlsxwriter names text boxes "TextBox N"; xlwings finds a button by its shape's name."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename.startswith("xl/drawings/drawing") and info.filename.endswith(".xml"):
                data = _rename(data, names)
            z.writestr(info, data)


def _rename(data: bytes, names: list[str]) -> bytes:
    it = iter(names)

    def sub(m):
        try:
            return b'name="' + next(it).encode() + b'"'
        except StopIteration:
            return m.group(0)

    return re.sub(rb'name="TextBox \d+"', sub, data)


def quickstart(office, folder: Path) -> list[Path]:
    sheets = collect(office)
    folder.mkdir(parents=True, exist_ok=True)
    return [desktop_workbook(folder / DESKTOP_NAME, sheets, office.lang),
            server_workbook(folder / SERVER_NAME, sheets, office.lang)]


def install(book_path: Path, bas: Path, lang: str = "zh-CN") -> str:
    """On Windows with Excel: import the VBA module and add the buttons.  Elsewhere: the steps."""
    if sys.platform != "win32":
        from ..messages import text

        return text("install-steps", lang, book=book_path.name, bas=bas,
                    macros="\n".join(f"   {b.vba_sub}（{b.caption}）" if lang != "en" else f"   {b.vba_sub} ({b.caption})"
                                      for b in BUTTONS))
    import xlwings as xw  # pragma: no cover - needs Windows and Excel

    app = xw.App(visible=False)  # pragma: no cover
    try:  # pragma: no cover
        book = app.books.open(str(book_path))
        book.api.VBProject.VBComponents.Import(str(bas))
        sheet = book.sheets[SHEET] if SHEET in [s.name for s in book.sheets] else book.sheets.add(SHEET)
        for b in BUTTONS:
            rng = sheet[b.cell]
            btn = sheet.api.Buttons().Add(rng.left, rng.top, 150, 30)
            btn.Caption = b.caption
            btn.OnAction = b.vba_sub
        book.save()
        from ..messages import text

        return text("installed", lang, path=book_path)
    finally:  # pragma: no cover
        app.quit()
