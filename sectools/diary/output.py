"""The 大事记 workbook: one row per entry, by date, each linked to where it was recorded."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Ref, Sheet


def diary_sheets(res, office_name: str, ref=None, problems=None) -> list[Sheet]:
    title = W("title-diary", office=office_name, month=f"{res.month[0]}年{res.month[1]}月")
    rows = []
    for e in res.entries:
        p = e["place"]
        where = (ref(*p) if ref else Ref(*p)) if p else None
        category = L(e["category"]) if e["kind"] != "event" or e["category"] == "其他" else e["category"]
        rows.append([e["date"], category, e["text"], where])
    note = W("diary-note-left-out", what="、".join(x["what"] for x in res.left_out)) if res.left_out else None
    sheets = [Sheet(L("大事记"), [Column(L("日期"), "date", width=12), Column(L("类别"), width=10),
                                 Column(L("事项"), "wrap", width=70), Column(L("出处"), "link", width=30)],
                    rows, title=title, note=note if rows else (note or L("这个月还没有可记载的事项。")))]
    if problems:  # what could not be read, and why — where the note above says to look
        from ..report import problems_sheet

        sheets.append(problems_sheet(problems))
    return sheets
