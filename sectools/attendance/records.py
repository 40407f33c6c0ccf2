"""Sign-ins as records, whatever their layout.

* the **log**: one row per person per meeting (日期/会议名称, 学号/姓名, 状态/签到时间, 签退时间);
* the **ledger matrix**: members as rows, one column per meeting (a date, often under a merged
  month row: ``3月`` over ``2  9  16``), a mark in each cell (✓ √ × 迟 早 假 病 公, or a time).

Both become the same record frame, each record keeping the cell it came from, so the rules
see one shape and problems point at the clerk's cell.  A workbook may hold several sign-in
sheets (a log and a ledger, one sheet per month …): every sheet whose header fits is read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..dates import parse_time
from ..errors import ERROR, WARNING, Problem, UnreadableFile
from ..messages import W
from ..normalize import fold
from ..reader import ReadContext, RawSheet, RawWorkbook, cell_address, find_header, resolve_sheet
from ..reader.table import merged_fill, extract
from .ledger import first_member_row, meeting_columns
from .schema import MATRIX_MEMBER, SIGNINS, STATUS_WORDS

RECORD_COLUMNS = ("date", "meeting", "id", "name", "status", "time_in", "time_out", "note")
LOCATION_COLUMNS = ("file", "sheet", "row", "c_date", "c_meeting", "c_id", "c_name", "c_status", "c_time",
                    "c_time_out")


def status_map() -> dict[str, str]:
    out = {}
    for status, words in STATUS_WORDS.items():
        for w in words:
            out[fold(w)] = status
    return out


STATUS_MAP = status_map()


def classify_mark(v: Any) -> tuple[str | None, dt.time | None, bool]:
    """A status cell → (status, time, understood).  Blank → (None, None, True)."""
    if v is None or v == "":
        return None, None, True
    if isinstance(v, str):
        k = fold(v)
        if not k:
            return None, None, True
        s = STATUS_MAP.get(k)
        if s:
            return s, None, True
        t = parse_time(v)
        if t is not None and any(ch.isdigit() for ch in v):
            return None, t, True
        return None, None, False
    t = parse_time(v)
    if t is not None:
        return None, t, True
    if isinstance(v, (int, float)) and not isinstance(v, bool) and v in (0, 1):
        return ("present" if v == 1 else "absent"), None, True
    return None, None, False


@dataclass
class Records:
    """Sign-in (or leave) records with where each came from."""

    frame: Any  # pandas.DataFrame: RECORD_COLUMNS + LOCATION_COLUMNS
    problems: list[Problem]
    sheets: list[tuple[str, str, str]]  # (file, sheet, layout)

    def cell(self, i: int, col_field: str) -> tuple[str, str, str | None]:
        f = self.frame
        c = int(f[col_field].iat[i])
        row = int(f["row"].iat[i])
        return f["file"].iat[i], f["sheet"].iat[i], (cell_address(row, c) if c >= 0 else cell_address(row, 0))


def empty_frame(extra: tuple[str, ...] = ()):
    import pandas as pd

    cols = RECORD_COLUMNS + extra + LOCATION_COLUMNS
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})


def joined(frames: list):
    """Record frames of several sheets or workbooks as one.  A blank stays ``None`` whatever the parts'
    dtypes (pandas makes a column of text and blanks its string dtype, whose blank is NaN — a float every
    rule would take for a value: a ledger's meetings became NaN beside a form export's)."""
    import pandas as pd

    frame = pd.concat(frames, ignore_index=True)
    for c in RECORD_COLUMNS + ("file", "sheet", "date_cell"):
        if c in frame.columns and (frame[c].dtype != object or frame[c].isna().any()):
            col = frame[c].astype(object)
            frame[c] = col.where(col.notna(), None)
    return frame


def from_table(table, extra: tuple[str, ...] = ()):
    """A log-layout :class:`~sectools.reader.Table` → a record frame (columns shared, not copied)."""
    df = table.data
    cols = {c: df[c] for c in RECORD_COLUMNS + extra if c in df.columns}
    frame = df[list(cols)].copy(deep=False) if cols else df.iloc[:, :0].copy()
    for c in RECORD_COLUMNS + extra:
        if c not in frame.columns:
            frame[c] = None
    frame["file"] = table.file
    frame["sheet"] = table.sheet
    frame["row"] = df["_row"]
    for c, fieldname in (("c_date", "date"), ("c_meeting", "meeting"), ("c_id", "id"), ("c_name", "name"),
                         ("c_status", "status"), ("c_time", "time_in"), ("c_time_out", "time_out")):
        # the cell that says the status: 状态, else the sign-in time, else (leave) 类型
        default = table.columns.get("time_in", table.columns.get("kind", -1)) if fieldname == "status" else -1
        frame[c] = table.columns.get(fieldname, default)
    return frame[list(RECORD_COLUMNS + extra + LOCATION_COLUMNS)]


# ---- the ledger matrix ------------------------------------------------------------------------
def read_matrix(raw: RawSheet, file: str, ctx: ReadContext):
    """A ledger sheet → (record frame, problems), or None if the sheet is not a ledger."""
    import pandas as pd

    header = find_header(raw, MATRIX_MEMBER)
    if header is None or not ({"id", "name"} & header.columns.keys()):
        return None
    rows = raw.rows
    r0, c0 = raw.origin
    member_cols = set(header.columns.values())
    start = first_member_row(raw, header, member_cols)
    fill = merged_fill(raw, start + 1)
    columns, header_problems = meeting_columns(raw, header, fill, member_cols, start, file, ctx)
    if not any(c.date for c in columns.values()):
        if not any(p.severity == ERROR for p in header_problems):
            return None
        return empty_frame(), header_problems  # a ledger whose dates could not be read: say which
    meetings = {j: (c.date, c.name) for j, c in columns.items()}
    heading = {j: c.cell for j, c in columns.items()}
    problems: list[Problem] = list(header_problems)
    member_table = extract(raw, _shifted(header, start - 1), MATRIX_MEMBER, ctx, file)
    problems.extend(p for p in member_table.problems if p.code not in ("empty-table",))
    md = member_table.data
    ids, names, rows_abs = md["id"].tolist(), md["name"].tolist(), md["_row"].tolist()
    cols: dict[str, list] = {c: [] for c in RECORD_COLUMNS + LOCATION_COLUMNS + ("date_cell",)}
    c_id = header.columns.get("id", -1)
    c_name = header.columns.get("name", -1)
    named_cols_seen: dict[int, bool] = {}
    for k, row_abs in enumerate(rows_abs):
        i = row_abs - r0
        row = rows[i]
        for j, (d, mname) in meetings.items():
            v = row[j] if j < len(row) else ""
            status, t, ok = classify_mark(v)
            if mname is not None:
                named_cols_seen.setdefault(j, False)
                if v == "" or v is None:
                    continue
                if not ok:
                    continue  # a text column that is not a meeting (合计, 备注 …)
                named_cols_seen[j] = True
            if v == "" or v is None:
                continue
            if not ok:
                problems.append(Problem("bad-status", ERROR, file, raw.name, cell_address(row_abs, j + c0), v,
                                        {"allowed": _allowed_marks()}))
                continue
            cols["date"].append(d)
            cols["meeting"].append(mname)
            cols["id"].append(ids[k])
            cols["name"].append(names[k])
            cols["status"].append(v if status else None)  # the mark as typed; the rules classify it
            cols["time_in"].append(t)
            cols["time_out"].append(None)
            cols["note"].append(None)
            cols["file"].append(file)
            cols["sheet"].append(raw.name)
            cols["row"].append(row_abs)
            cols["c_date"].append(j + c0)
            cols["c_meeting"].append(j + c0)
            cols["c_id"].append(c_id + c0 if c_id >= 0 else -1)
            cols["c_name"].append(c_name + c0 if c_name >= 0 else -1)
            cols["c_status"].append(j + c0)
            cols["c_time"].append(j + c0)
            cols["c_time_out"].append(-1)
            cols["date_cell"].append(heading[j])
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in cols.items()})
    return frame, problems


def _shifted(header, last: int):
    from copy import copy

    h = copy(header)
    h.last = last
    h.duplicates = []
    return h


def _allowed_marks():
    return W("allowed-marks")


# ---- a form service's export ------------------------------------------------------------------
def read_form(raw: RawSheet, file: str, ctx: ReadContext, time_column: str | None = None):
    """A QR-code form's export (问卷星, 腾讯问卷, 金数据 …) → (record frame, problems), or None if the sheet is
    not one.  Its questions are read as they come (``1、姓名``, ``您的学号：``); the services' own columns
    are ignored; the submit time gives the day and the arrival.  Which meeting each scan is for is decided
    against the meetings table (:mod:`sectools.attendance.scans`).  A form records arrival only."""
    from ..normalize import header_key, question_key
    from .schema import FORM_START_LABELS, FORM_SUBMIT_LABELS, SIGNIN_FORM

    header = find_header(raw, SIGNIN_FORM)
    if header is None or not ({"id", "name"} & header.columns.keys()):
        return None
    r0, c0 = raw.origin
    row = raw.rows[header.last]
    labels = {j: v for j, v in enumerate(row) if isinstance(v, str) and v.strip()}
    wanted = [time_column] if time_column else list(FORM_SUBMIT_LABELS)
    keys = {j: header_key(v) for j, v in labels.items()}
    chosen = None
    for w in wanted:  # the first label of the list that the export has (not the leftmost column)
        k = header_key(w)
        chosen = next((j for j, v in keys.items() if v == k or question_key(labels[j]) == k), None)
        if chosen is not None:
            break
    where = cell_address(header.last + r0, c0)
    if chosen is None:
        starts = [labels[j] for j, v in keys.items() if v in {header_key(x) for x in FORM_START_LABELS}]
        if not time_column and not starts:
            return None  # names without a submit time: not a form export (the log and ledger checks go on)
        present = [labels[j] for j, v in keys.items() if "时间" in v or "time" in v]
        return None, [Problem("form-time-missing", ERROR, file, raw.name, where, time_column or starts[0], {
            "wanted": time_column or "、".join(FORM_SUBMIT_LABELS[:3]), "present": "、".join(present) or "—"})]
    cols = dict(header.columns)
    cols["submitted"] = chosen
    h = _shifted(header, header.last)
    h.columns = cols
    h.first = header.last
    table = extract(raw, h, SIGNIN_FORM, ctx, file)
    problems = [p for p in table.problems if p.code not in ("empty-table", "duplicate-column")]
    df = table.data
    moments = df["submitted"].tolist()
    n = len(df)
    c = {name: (j + c0 if j is not None else -1) for name, j in
         (("submitted", chosen), ("id", cols.get("id")), ("name", cols.get("name")), ("meeting", cols.get("meeting")))}
    import pandas as pd

    frame = pd.DataFrame({
        "date": pd.Series([m.date() if m else None for m in moments], dtype=object),
        "meeting": df["meeting"].values, "id": df["id"].values, "name": df["name"].values,
        "status": pd.Series([None] * n, dtype=object),
        "time_in": pd.Series([m.time() if m else None for m in moments], dtype=object),
        "time_out": pd.Series([None] * n, dtype=object), "note": pd.Series([None] * n, dtype=object),
        "file": file, "sheet": raw.name, "row": df["_row"].values,
        "c_date": c["submitted"], "c_meeting": c["meeting"] if c["meeting"] >= 0 else c["submitted"],
        "c_id": c["id"], "c_name": c["name"], "c_status": c["submitted"], "c_time": c["submitted"],
        "c_time_out": -1,
    })
    unread = [m is None for m in moments]
    if any(unread):  # a scan whose time cannot be read is not a sign-in at an unknown meeting: it is left out
        frame = frame[[not u for u in unread]].reset_index(drop=True)
    return frame[list(RECORD_COLUMNS + LOCATION_COLUMNS)], problems


# ---- reading every sign-in sheet of a workbook --------------------------------------------------
def read_signins(wb: RawWorkbook, ctx: ReadContext, sheet: str | None = None,
                 time_column: str | None = None) -> Records:
    """Every sheet that holds sign-ins (a log, a ledger or a form service's export), as one record frame.
    ``time_column``: the column of a form export that is the sign-in time (default: its submit time)."""
    import pandas as pd

    frames, problems, sheets = [], [], []
    names = list(wb.sheet_names)
    if sheet:
        found = resolve_sheet(wb, sheet)
        if isinstance(found, Problem):
            return Records(empty_frame(), [found], [])
        names = [found]
    for name in names:
        try:
            raw = wb.sheet(name)
        except UnreadableFile as e:
            problems.extend(e.problems)
            continue
        h = find_header(raw, SIGNINS)
        is_log = h is not None and ({"status", "time_in"} & h.columns.keys()) and \
            ({"date", "meeting"} & h.columns.keys()) and ({"id", "name"} & h.columns.keys())
        if is_log:
            table = extract(raw, h, SIGNINS, ctx, wb.display)
            problems.extend(p for p in table.problems if p.code != "empty-table")
            frames.append(from_table(table))
            sheets.append((wb.display, name, "log"))
            continue
        form = read_form(raw, wb.display, ctx, time_column)
        if form is not None:
            frames.append(form[0])
            problems.extend(form[1])
            if form[0] is not None:
                sheets.append((wb.display, name, "form"))
            continue
        m = read_matrix(raw, wb.display, ctx)
        if m is not None:
            frames.append(m[0])
            problems.extend(m[1])
            sheets.append((wb.display, name, "matrix"))
        elif h is not None and ({"date", "meeting"} & h.columns.keys()) and ({"id", "name"} & h.columns.keys()) \
                and len(raw.rows) > h.last + 1 and not _is_leave_sheet(raw):
            # it looks like a sign-in log — who, which meeting — but has neither a mark nor a time:
            # skipping it quietly would make every one of its rows an absence
            status, time_in = SIGNINS.field("status"), SIGNINS.field("time_in")
            problems.append(Problem("signin-sheet-unread", ERROR, wb.display, name,
                                    f"A{raw.origin[0] + h.first + 1}", None, {
                                        "rows": len(raw.rows) - h.last - 1,
                                        "aliases": "、".join(status.labels[:4] + time_in.labels[:4])}))
    if not sheets and not problems:
        problems.append(Problem("table-not-found", file=wb.display, sheet=sheet,
                                params={"table": SIGNINS.term, "required": W("signins-required")}))
    frames = [f for f in frames if f is not None]
    frame = (joined(frames) if len(frames) > 1 else frames[0]) if frames else empty_frame()
    return Records(frame, problems, sheets)


def _is_leave_sheet(raw: RawSheet) -> bool:
    """A leave table (学号, 姓名, 日期, 会议 and a 假别) in the same book is not an unread sign-in log."""
    from .schema import LEAVE_TABLE

    h = find_header(raw, LEAVE_TABLE)
    return h is not None and all(f.name in h.columns for f in LEAVE_TABLE.fields if f.required)


def problem_at(rec: Records, i: int, col_field: str, code: str, value: Any = None, severity: str = ERROR,
               **params) -> Problem:
    file, sheet, cell = rec.cell(i, col_field)
    return Problem(code, severity, file, sheet, cell, value, params)


__all__ = ["Records", "read_signins", "read_matrix", "from_table", "classify_mark", "problem_at", "WARNING"]


@dataclass
class SigninTable:
    """Sign-ins as ``sectools check`` shows them: every sign-in sheet of the workbook."""

    spec: object
    records: Records
    file: str | None
    problems: list[Problem]

    @property
    def sheet(self) -> str | None:
        files = list(dict.fromkeys(f for f, _, _ in self.records.sheets))
        if len(files) > 1:  # a folder of exports: its files, as the folder holds them
            folder = (self.file or "").rstrip("/") + "/"
            names = [f[len(folder):] if f.startswith(folder) else f for f in files]
            return "、".join(names[:6]) + (f" …（{len(names)}）" if len(names) > 6 else "")
        return "、".join(s for _, s, _ in self.records.sheets) or None

    @property
    def data(self):
        return self.records.frame

    @property
    def header_row(self):
        return 0 if self.records.sheets else None

    def __len__(self) -> int:
        return len(self.records.frame)
