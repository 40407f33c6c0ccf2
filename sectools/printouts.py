"""What sectools lays out for print or for clerks to fill in, written as files: the A4 sign-in sheet
and the blank plan and summary forms (.xlsx and .docx).  The domains say what goes on them
(:mod:`sectools.attendance.report`, :mod:`sectools.plans.schema`); this module only writes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Iterable

from .attendance.report import SIGNIN_COLUMNS, signin_rows, signin_title, signin_when
from .messages import L, Term
from .plans.output import PLAN_COLUMNS, SUMMARY_COLUMNS
from .plans.schema import ITEMS, KIND_LABELS


def write_signin_sheet(target: str | os.PathLike, meeting: dict, people: list[dict], office_name: str,
                       inputs: Iterable[str | os.PathLike] = (), lang: str = "zh-CN", link: str | None = None) -> Path:
    """A4 sign-in sheet: title, meeting details, one row per expected member (in the order given,
    see :func:`sectools.attendance.expected_at`), footer counts; ``link``: the sign-in form's QR code
    under them, the link in small type below it."""
    from .messages import text
    from .writer import FONT, atomic_target, close_workbook, new_workbook, write_value

    def say(key, **params):
        return text(key, lang, **params)

    blank = "＿＿＿＿"
    with atomic_target(target, inputs) as tmp:
        wb = new_workbook(tmp)
        ws = wb.add_worksheet(L("签到表").render(lang))
        base = {"font_name": FONT, "valign": "vcenter"}
        f_title = wb.add_format({**base, "bold": True, "font_size": 18, "align": "center"})
        f_info = wb.add_format({**base, "font_size": 11})
        f_head = wb.add_format({**base, "bold": True, "font_size": 12, "align": "center", "border": 1,
                                "bg_color": "#D9E1F2"})
        f_cell = wb.add_format({**base, "font_size": 12, "align": "center", "border": 1})
        f_left = wb.add_format({**base, "font_size": 12, "border": 1})
        f_foot = wb.add_format({**base, "font_size": 12, "bold": True})
        cols = SIGNIN_COLUMNS
        ws.merge_range(0, 0, 0, len(cols) - 1, signin_title(meeting, office_name).render(lang), f_title)
        ws.set_row(0, 34)
        ws.merge_range(1, 0, 1, len(cols) - 1, say("signin-when", when=signin_when(meeting),
                                                    place=meeting.get("place") or blank), f_info)
        ws.merge_range(2, 0, 2, len(cols) - 1,
                       say("signin-people", host=meeting.get("host") or blank, recorder=meeting.get("recorder") or blank,
                           scope=meeting.get("scope") or L("全体")),
                       wb.add_format({**base, "font_size": 11, "valign": "top"}))
        ws.set_row(1, 20)
        ws.set_row(2, 24)  # the details, then a little air before the table's header
        head = 3
        if link:  # on the first page, where people arrive: the code above the names
            _signin_qr(wb, ws, 3, len(cols), link, base, say)
            head = 6
        for c, (label, width) in enumerate(cols):
            ws.write_string(head, c, L(label).render(lang), f_head)
            ws.set_column(c, c, width)
        ws.set_row(head, 24)
        for i, row in enumerate(signin_rows(people)):
            r = head + 1 + i
            ws.set_row(r, 26)
            for c, v in enumerate(row):
                write_value(ws, r, c, v.render(lang) if isinstance(v, Term) else v,
                            f_left if c == len(row) - 1 else f_cell)
        foot = head + 1 + len(people) + 1
        ws.merge_range(foot, 0, foot, len(cols) - 1, say("signin-counts", count=len(people)), f_foot)
        ws.merge_range(foot + 1, 0, foot + 1, len(cols) - 1, say("signin-recorder"), f_info)
        ws.set_paper(9)
        ws.set_portrait()
        ws.set_margins(left=0.6, right=0.6, top=0.7, bottom=0.7)
        ws.center_horizontally()
        ws.repeat_rows(head)
        ws.fit_to_pages(1, 0)
        ws.set_footer("&C" + say("page-footer"))
        ws.hide_gridlines(2)
        close_workbook(wb)
    return Path(target)


def _signin_qr(wb, ws, row: int, ncols: int, link: str, base: dict, say) -> None:
    """扫码签到: a caption, the code centred across the sheet, the link in small type under it."""
    import io

    from .attendance.report import SIGNIN_COLUMNS
    from .qr import qr_png

    png = qr_png(link, scale=4)
    side = int.from_bytes(png[16:20], "big")  # the PNG's width in pixels (its IHDR)
    ws.set_row(row, 26)
    ws.merge_range(row, 0, row, ncols - 1, say("signin-qr-caption"),
                   wb.add_format({**base, "font_size": 12, "bold": True, "align": "center"}))
    ws.set_row(row + 1, side * 0.75 + 6)  # points: the picture's height and a margin
    ws.merge_range(row + 1, 0, row + 1, ncols - 1, "", wb.add_format(base))
    width_px = sum(int(w * 7 + 5) for _, w in SIGNIN_COLUMNS)  # XlsxWriter's column width → pixels
    ws.insert_image(row + 1, 0, "qr.png", {"image_data": io.BytesIO(png), "x_offset": max(0, (width_px - side) // 2),
                                          "y_offset": 4, "object_position": 3, "description": link})
    ws.merge_range(row + 2, 0, row + 2, ncols - 1, link,
                   wb.add_format({**base, "font_size": 8, "align": "center", "font_color": "#444444"}))


def write_form_xlsx(target: Path, kind: str, department: str = "", month: str = "", author: str = "",
                    filled: dt.date | None = None, rows: list[list] | None = None,
                    traditional: bool = False) -> Path:
    """A form as a department fills it in: title, the four fields, the item table (``traditional``: the
    form's own words in Traditional, for a zh-TW office's blank form)."""
    from .writer import Styles, atomic_target, close_workbook, new_workbook, write_value

    from .messages import to_traditional

    t = to_traditional if traditional else str

    cols = SUMMARY_COLUMNS if kind != "plan" else PLAN_COLUMNS
    with atomic_target(target) as tmp:
        wb = new_workbook(tmp)
        st = Styles(wb)
        ws = wb.add_worksheet(t(KIND_LABELS[kind][-4:]))
        ws.merge_range(0, 0, 0, len(cols) - 1, f"{department}{month}{KIND_LABELS[kind]}" if department else
                       t(KIND_LABELS[kind]), st.title)
        ws.write_string(1, 0, t("部门："), st.note)
        write_value(ws, 1, 1, department or None, st.cell["text"])
        ws.write_string(1, 2, t("月份："), st.note)
        write_value(ws, 1, 3, month or None, st.cell["text"])
        ws.write_string(2, 0, t("填表人："), st.note)
        write_value(ws, 2, 1, author or None, st.cell["text"])
        ws.write_string(2, 2, t("填表日期："), st.note)
        write_value(ws, 2, 3, filled, st.cell["date"])
        for c, label in enumerate(cols):
            ws.write_string(4, c, t(label), st.header)
        for i, r in enumerate(rows or []):
            for c, v in enumerate(r):
                write_value(ws, 5 + i, c, v, st.cell["text"])
        for i in range(len(rows or []), 20):
            for c in range(len(cols)):
                ws.write_blank(5 + i, c, None, st.blank["text"])
        widths = {f.label: f.width for f in ITEMS.fields}
        for c, label in enumerate(cols):
            ws.set_column(c, c, widths.get(label, 12) or 12)
        if kind != "plan":
            ws.data_validation(5, 6, 200, 6, {"validate": "list", "source": [t(v) for v in ("已完成", "部分完成", "未完成", "取消")]})
            ws.data_validation(5, 8, 200, 8, {"validate": "list", "source": ["是", "否"]})
        ws.freeze_panes(5, 0)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        close_workbook(wb)
    return target


def write_form_docx(target: Path, kind: str, department: str = "", month: str = "", author: str = "",
                    filled: dt.date | None = None, rows: list[list] | None = None,
                    traditional: bool = False) -> Path:
    import docx

    from .writer import atomic_target

    from .messages import to_traditional

    t = to_traditional if traditional else str

    cols = SUMMARY_COLUMNS if kind != "plan" else PLAN_COLUMNS
    d = docx.Document()
    d.add_heading(t(f"{department}{month}{KIND_LABELS[kind]}" if department else KIND_LABELS[kind]), level=1)
    d.add_paragraph(t(f"部门：{department}    月份：{month}"))
    d.add_paragraph(t("填表人：") + (author or "") + t("    填表日期：") + (f"{filled:%Y-%m-%d}" if filled else ""))
    table = d.add_table(rows=1 + max(len(rows or []), 1), cols=len(cols))
    table.style = "Table Grid"
    for c, label in enumerate(cols):
        table.cell(0, c).text = t(label)
    for i, r in enumerate(rows or []):
        for c, v in enumerate(r):
            table.cell(1 + i, c).text = "" if v is None else str(v)
    with atomic_target(target) as tmp:
        d.save(tmp)
    return target


def write_templates(folder: str | os.PathLike) -> list[Path]:
    """Every notice kind's Word template into ``folder`` (the repository's templates/)."""
    from .notices.sources import SOURCES, template_bytes
    from .writer import atomic_target

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    from .notices.sources import FORMAL_SUFFIX, FORMS

    for kind in SOURCES:
        for name, formal in ((kind, False),) + (() if kind in FORMS else ((kind + FORMAL_SUFFIX, True),)):
            with atomic_target(folder / f"{name}.docx") as tmp:
                tmp.write_bytes(template_bytes(kind, formal))
            made.append(folder / f"{name}.docx")
    return made


if __name__ == "__main__":  # pragma: no cover - maintenance: python -m sectools.printouts templates
    import sys

    for p in write_templates(sys.argv[1] if len(sys.argv) > 1 else "templates"):
        print(p)
