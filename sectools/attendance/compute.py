"""The attendance rules, on frames (no I/O).

For every meeting in range and every member *expected* at it (in the meeting's 参会范围 and
在任 on its date: joined on or before it, not yet left), one status:

1. a sign-in that shows attendance: 出席, or 迟到 / 早退 (an explicit mark, or from the times:
   signing in after start + ``grace_minutes`` is late, after start + ``late_as_absent_minutes``
   is 缺席, signing out before the end is 早退; late wins over early when both);
2. else a leave record for that meeting: approved → 事假/病假/公假, not approved → 缺席;
3. else a leave mark on the sign-in sheet (假/病/公) → that leave;
4. else 缺席 (an × mark, or no sign-in at all).

``counted_absences = absent + (late + left_early) // lates_per_absence`` and
``rate = (present + late + left_early) / (expected − official_leave)``.  The escalation
ladders fire on counted absences; a ladder for one meeting kind counts that kind only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import ERROR, WARNING, Problem
from ..messages import W
from ..messages import L, text
from ..normalize import fold
from ..reader.address import cell_address
from ..vocab import HEAD_POSTS, POSTS, leave_approved
from .records import Records, classify_mark, problem_at
from .rules import Rules
from .scans import file_stem, is_scan, place_scans
from .schema import (ABSENT, ATTENDED, LATE, LEFT_EARLY, LEAVES, OFFICIAL, PERSONAL, PRESENT, SICK, STATUSES,
                     UNREAD_STATUS, attendance_rate)

CODE = {s: i for i, s in enumerate(STATUSES)}  # status → small int
NONE = -1
# expected, with only a record sectools cannot read (a mark like 到了, a leave of an unknown type): neither
# attended nor absent until the clerk fixes it — never the absence that would cost a member a post
UNREAD = -2


@dataclass
class Result:
    members: Any  # DataFrame, one row per member expected at least once (or in the roster)
    departments: Any
    meetings: Any
    weeks: Any
    department_weeks: Any
    actions: list[dict]
    problems: list[Problem]
    status: Any = None  # numpy int8 members × meetings, -1 where not expected
    member_index: Any = None  # the roster rows in ``status`` order
    meeting_index: Any = None
    rules: Rules = field(default_factory=Rules)
    left_out: list[dict] = field(default_factory=list)  # meetings not counted: {date, meeting, reason}
    trace: Any = None  # DataFrame: every member × counted meeting → status and the record cell behind it
    arrival_only: list[dict] = field(default_factory=list)  # meetings signed in by QR form: 早退 not seen

    def as_records(self, lang: str = "zh-CN") -> list[dict]:
        """Per-member dicts for --format json."""
        out = []
        by_member: dict[tuple, list[dict]] = {}
        for a in self.actions:
            by_member.setdefault((a["id"], a["name"]), []).append(
                {"action": a["action"], "rule": a["rule"], "notice": a["notice"], "counted_absences": a["count"],
                 "meetings": a["meetings"], "unsure": a.get("unsure")})
        detail: dict[int, list[dict]] = {}
        if self.trace is not None and len(self.trace):
            t = self.trace
            refs = t["source"].tolist() if "source" in t.columns else [None] * len(t)
            notes = t["note"].tolist() if "note" in t.columns else [None] * len(t)
            for i, d, m, st, ref, f, sh, c, note in zip(t["member"].tolist(), t["date"].tolist(), t["meeting"].tolist(),
                                                       t["status"].tolist(), refs, t["file"].tolist(),
                                                       t["sheet"].tolist(), t["cell"].tolist(), notes):
                src = str(ref) if ref is not None else (f"{f} › {sh}!{c}" if f else None)
                detail.setdefault(i, []).append({"date": d.isoformat() if d else None, "meeting": m,
                                                   "status": st, "source": src,
                                                   "note": note.render(lang) if note is not None else None})
        for r in self.members.itertuples(index=False):
            out.append({
                "id": r.id, "name": r.name, "department": r.department, "post": r.post,
                "expected": int(r.expected), "present": int(r.present), "late": int(r.late),
                "left_early": int(r.left_early), "personal_leave": int(r.personal_leave),
                "sick_leave": int(r.sick_leave), "official_leave": int(r.official_leave), "absent": int(r.absent),
                "counted_absences": int(r.counted_absences),
                "rate": None if r.rate is None or r.rate != r.rate else round(float(r.rate), 4),
                "longest_absence_streak": int(r.longest_absence_streak),
                "actions": by_member.get((r.id, r.name), []),
                "meetings": detail.get(r.member, []),  # each meeting counted: its status and the record cell
            })
        return out


# ---------------------------------------------------------------------------------------------
def _scope_tokens(text: str | None) -> list[str]:
    if not text:
        return []
    import re

    return [t for t in re.split(r"[、,，/;；\s]+|和|及", str(text)) if t]


_ALL = {fold(w) for w in ("全体", "全部", "全员", "所有人", "全体成员", "全体干部", "all", "everyone")}
_HEADS = {fold(w) for w in ("部长级", "部长及以上", "部长以上", "干部", "主要干部", "部长团")}


def scope_masks(meetings, roster, departments: tuple[str, ...]) -> tuple[Any, list[tuple[int, str]]]:
    """bool matrix meetings × members: who is in each meeting's 参会范围; and the bad tokens."""
    import numpy as np

    dep = [fold(d) if d else "" for d in roster["department"].tolist()]
    post = [fold(p) if p else "" for p in roster["post"].tolist()]
    dep_arr, post_arr = np.array(dep, dtype=object), np.array(post, dtype=object)
    known_deps = {fold(d) for d in departments} | set(dep)
    known_posts = {fold(p) for p in POSTS} | set(post)
    heads = {fold(p) for p in HEAD_POSTS}
    out = np.zeros((len(meetings), len(roster)), dtype=bool)
    bad: list[tuple[int, str]] = []
    for k, scope_text in enumerate(meetings["scope"].tolist()):
        toks = _scope_tokens(scope_text)
        if not toks or any(fold(t) in _ALL for t in toks):
            out[k, :] = True
            continue
        m = np.zeros(len(roster), dtype=bool)
        for t in toks:
            ft = fold(t)
            if ft in known_deps:
                m |= dep_arr == ft
            elif ft in known_posts:
                m |= post_arr == ft
            elif ft in _HEADS:
                m |= np.isin(post_arr, list(heads))
            elif ft.endswith("部长") and ft[:-2] in known_deps:  # 宣传部部长
                m |= (dep_arr == ft[:-2]) & np.isin(post_arr, [fold("部长"), fold("副部长")])
            else:
                bad.append((k, t))
        out[k] = m
    return out, bad


def active_matrix(meeting_dates: list[dt.date], roster) -> Any:
    """bool meetings × members: 在任 on the meeting's date."""
    import numpy as np

    from ..roster import service_span

    spans = [service_span(j, lv, s) for j, lv, s in zip(roster["joined"].tolist(), roster["left"].tolist(),
                                                        roster["status"].tolist())]
    joined = np.array([a for a, _ in spans], dtype="datetime64[D]")
    left = np.array([b for _, b in spans], dtype="datetime64[D]")
    dates = np.array(meeting_dates, dtype="datetime64[D]")[:, None]
    return (joined[None, :] <= dates) & (left[None, :] > dates)


# ---------------------------------------------------------------------------------------------
def compute(roster_table, meetings_table, signins: Records, leaves: Records | None, rules: Rules,
            departments: tuple[str, ...] = (), *, date_from: dt.date | None = None, date_to: dt.date | None = None,
            kind: str | None = None, lang: str = "zh-CN", today: dt.date | None = None) -> Result:
    """Every expected member's status at every meeting in range.  A meeting after ``today`` has not
    been held, and a meeting no one has a sign-in or leave record for was not recorded: neither is
    counted (nobody is absent from it) — both are listed in ``left_out``, the second as a problem.  Leave
    requests alone do not make a meeting recorded: they are filed before it, the sign-ins at it."""
    import numpy as np

    problems: list[Problem] = []
    roster = roster_table.data.reset_index(drop=True)
    mt_all = meetings_table.data
    # -- the roster's warnings that matter here: left without a date
    for i, (st, left) in enumerate(zip(roster["status"].tolist(), roster["left"].tolist())):
        if st in ("已退出", "撤职") and not left:
            problems.append(roster_table.problem("left-date-missing", i, "left", None, WARNING,
                                                 status=st, name=roster["name"].iat[i]))
    # -- meetings in range
    keep = [True] * len(mt_all)
    for k, (d, kd) in enumerate(zip(mt_all["date"].tolist(), mt_all["kind"].tolist())):
        if d is None or (date_from and d < date_from) or (date_to and d > date_to) or \
                (kind and fold(kd or "") != fold(kind)):
            keep[k] = False
    mt = mt_all[keep].reset_index(drop=True)
    mt_rows = [i for i, k in enumerate(keep) if k]  # positions in meetings_table.data
    mt = mt.assign(_pos=mt_rows).sort_values(["date", "start"], key=_sort_key, kind="stable").reset_index(drop=True)
    M, K = len(roster), len(mt)

    # -- who is expected
    scope, bad_scope = scope_masks(mt, roster, departments)
    for k, tok in bad_scope:
        problems.append(meetings_table.problem("unknown-scope", int(mt["_pos"].iat[k]), "scope", tok,
                                               allowed=W("scope-allowed", examples="、".join(departments[:3]))))
    expected = (scope & active_matrix(mt["date"].tolist(), roster)).T if K else np.zeros((M, 0), dtype=bool)

    # -- resolve sign-ins to (member, meeting)
    res_member = _member_resolver(roster)
    res_meeting = _meeting_resolver(mt, mt_all)
    status = np.full((M, K), NONE, dtype=np.int8)
    source = np.full((M, K), -1, dtype=np.int64)  # which record set the status (for duplicates)
    unread_src = np.full((M, K), -1, dtype=np.int64)  # a sign-in row whose mark could not be read
    unread_leave = np.full((M, K), -1, dtype=np.int64)  # a leave row whose type could not be read
    signins, sprobs, missed_scans = place_scans(signins, mt_all, rules.early_minutes)  # which meeting a scan is for
    problems.extend(sprobs)
    missed = np.full((M, K), -1, dtype=np.int64)  # a scan outside the meeting's window: why it did not count
    for j, x in enumerate(missed_scans):
        m_i, k_i = res_member(x["id"], x["name"])[0], res_meeting(x["date"], x["meeting"])[0]
        if m_i >= 0 and k_i >= 0 and missed[m_i, k_i] < 0:
            missed[m_i, k_i] = j
    f = signins.frame
    scan = is_scan(signins)
    arrival_only = np.zeros(K, dtype=bool)  # meetings signed in by a form: arrival seen, leaving not
    if len(f):
        mi, mprobs = _resolve(signins, res_member, ("id", "name"), "member")
        ki, kprobs = _resolve(signins, res_meeting, ("date", "meeting"), "meeting")
        if scan.any():
            mi, mprobs, suspect = _scan_members(signins, scan, mi, mprobs, res_member)
        problems.extend(mprobs)
        problems.extend(kprobs)
        codes, cprobs, unreadable = _record_status(signins, mt, ki, rules)
        problems.extend(cprobs)
        if scan.any():
            codes = np.where(suspect, NONE, codes).astype(np.int8)
            unreadable = unreadable | suspect
            arrival_only[np.unique(ki[scan & (ki >= 0)])] = True
            arrival_only[np.unique(ki[~scan & (ki >= 0)])] = False  # a sheet with sign-outs or marks beside it
        for r in np.nonzero(unreadable & (mi >= 0) & (ki >= 0))[0]:
            if unread_src[mi[r], ki[r]] < 0:
                unread_src[mi[r], ki[r]] = r
        ok = (mi >= 0) & (ki >= 0) & (codes != NONE)
        idx = np.nonzero(ok)[0]
        flat = mi[idx] * max(K, 1) + ki[idx]
        # of two records for the same pair the first written counts; of two scans, the earliest
        when = np.where(scan, _seconds(f["time_in"].tolist()), -1.0) if scan.any() else np.full(len(f), -1.0)
        order = np.lexsort((when[idx], flat))
        flat_sorted = flat[order]
        first = np.ones(len(flat_sorted), dtype=bool)
        first[1:] = flat_sorted[1:] != flat_sorted[:-1]
        dups = idx[order][~first]
        for r in dups[:200]:
            j = np.searchsorted(flat_sorted, mi[r] * max(K, 1) + ki[r])
            orig = idx[order][j]
            if scan[r]:
                other = signins.cell(int(orig), "c_status")
                problems.append(problem_at(signins, int(r), "c_time", "duplicate-scan", _raw_moment(f, r), WARNING,
                                           other=f"{file_stem(other[0])} {other[2]}" if other[0] != f["file"].iat[r]
                                           else other[2]))
                continue
            problems.append(problem_at(signins, int(r), "c_status", "duplicate-signin", _raw_status(f, r), WARNING,
                                       other=signins.cell(int(orig), "c_status")[2]))
        take = idx[order][first]
        status[mi[take], ki[take]] = codes[take]
        source[mi[take], ki[take]] = take
    # -- leave records
    leave_status = np.full((M, K), NONE, dtype=np.int8)
    leave_source = np.full((M, K), -1, dtype=np.int64)
    if leaves is not None and len(leaves.frame):
        lf = leaves.frame
        li, lprobs = _resolve(leaves, res_member, ("id", "name"), "member")
        problems.extend(lprobs)
        for r in range(len(lf)):
            if li[r] < 0:
                continue
            targets, p = res_meeting.leave_targets(lf["date"].iat[r], lf["meeting"].iat[r])
            if p:
                problems.append(problem_at(leaves, r, "c_date" if lf["date"].iat[r] else "c_meeting", p,
                                           lf["meeting"].iat[r] or lf["date"].iat[r]))
                continue
            kindv = lf["kind"].iat[r]
            appr = lf["approved"].iat[r]
            if kindv is None:  # its type unreadable or left out (a problem at its cell): the leave is unknown
                for k in targets:
                    if unread_leave[li[r], k] < 0:
                        unread_leave[li[r], k] = r
                continue
            code = CODE[kindv] if leave_approved(appr) else CODE[ABSENT]
            for k in targets:
                leave_status[li[r], k] = code
                leave_source[li[r], k] = r
    # -- meetings that were not held yet, or whose sign-ins were not recorded, are not counted
    left_out: list[dict] = []
    counted = np.ones(K, dtype=bool)
    for k in range(K):
        d, name = mt["date"].iat[k], mt["meeting"].iat[k]
        if today is not None and d > today:
            counted[k] = False
            left_out.append({"date": d, "meeting": name, "reason": "not-held"})
        elif expected[:, k].any() and not (status[:, k] != NONE).any():
            # no sign-in at all (leave requests are filed apart from the sign-in sheet): not recorded yet
            counted[k] = False
            left_out.append({"date": d, "meeting": name, "reason": "no-signins"})
            problems.append(meetings_table.problem("meeting-without-signins", int(mt["_pos"].iat[k]), "meeting", name,
                                                   WARNING, date=d.isoformat()))
    if not counted.all():
        mt = mt[counted].reset_index(drop=True)
        expected, status, leave_status = expected[:, counted], status[:, counted], leave_status[:, counted]
        source, leave_source = source[:, counted], leave_source[:, counted]
        unread_src, unread_leave = unread_src[:, counted], unread_leave[:, counted]
        missed = missed[:, counted]
        arrival_only = arrival_only[counted]
        K = len(mt)
    # -- the final status of every expected pair
    final = np.where(expected, CODE[ABSENT], NONE).astype(np.int8)
    attended = np.isin(status, [CODE[s] for s in ATTENDED])
    leave_mark = np.isin(status, [CODE[s] for s in LEAVES])
    has_leave_rec = leave_status != NONE
    final = np.where(expected & leave_mark, status, final)
    final = np.where(expected & has_leave_rec, leave_status, final)
    final = np.where(expected & attended, status, final)
    # nothing readable decided it, and a record that could not be read is there: unknown, not absent
    unknown = expected & (status == NONE) & (leave_status == NONE) & ((unread_src >= 0) | (unread_leave >= 0))
    final = np.where(unknown, UNREAD, final).astype(np.int8)

    trace = _trace(roster, mt, final, expected, attended, status, source, leave_status, leave_source, signins, leaves,
                   unread_src, unread_leave, (missed, missed_scans), rules)
    members = _member_frame(roster, final, rules)
    actions = _actions(roster, mt, final, rules, lang)
    if unknown.any():
        _mark_unsure(actions, _actions(roster, mt, np.where(unknown, CODE[ABSENT], final), rules, lang, shown=final),
                     lang)
    for a in actions:  # a 学号 two roster rows hold: which sign-ins are whose cannot be told for sure
        sid = roster["id"].iat[a["_member"]]
        if sid in res_member.shared_id and not a.get("unsure"):
            a["unsure"] = text("action-unsure-shared-id", lang, id=sid)
    act_text: dict[int, list[str]] = {}
    for a in actions:  # an unsure step says so wherever it is shown
        act_text.setdefault(a["_member"], []).append(
            a["action"] if not a.get("unsure") or a.get("pending") else f"{a['action']}（{text('action-pending', lang)}）")
    members["actions"] = [("；".join(act_text.get(i, []))) for i in range(M)]
    members = members[(members["expected"] > 0) | (members["unread"] > 0)].reset_index(drop=True)
    meetings_df = _meeting_frame(mt, roster, final, lang, arrival_only)
    departments_df = _department_frame(roster, final, departments)
    weeks, dep_weeks = _week_frames(roster, mt, final, departments)
    for a in actions:
        a.pop("_member", None)
    return Result(members, departments_df, meetings_df, weeks, dep_weeks, actions, problems, final,
                  roster, mt, rules, left_out, trace,
                  [{"date": mt["date"].iat[k], "meeting": mt["meeting"].iat[k]} for k in np.nonzero(arrival_only)[0]])


def _trace(roster, mt, final, expected, attended, status, source, leave_status, leave_source, signins, leaves,
           unread_src=None, unread_leave=None, missed=None, rules: Rules | None = None):
    """Every expected (member, meeting): its status and the record that decided it — the sign-in
    cell, the leave request's row, or none (absent: no record at all); an unknown one (UNREAD) points
    at the record that could not be read.  ``note``: why, where the status is not what the record seems to
    say — a sign-in time that made it 缺席 (later than ``late_as_absent_minutes``), or a scan that did not
    count (outside the meeting's sign-in window: ``missed``, its cell the record)."""
    import numpy as np
    import pandas as pd

    mi, ki = np.nonzero(expected)
    unknown = final[mi, ki] == UNREAD
    use_leave = ((leave_status[mi, ki] != NONE) & ~attended[mi, ki])
    if unread_src is not None:
        use_leave |= unknown & (unread_src[mi, ki] < 0)
    rec = np.where(use_leave, -1, source[mi, ki])
    lrec = np.where(use_leave, leave_source[mi, ki], -1)
    if unread_src is not None:
        rec = np.where(unknown & ~use_leave, unread_src[mi, ki], rec)
        lrec = np.where(unknown & use_leave, unread_leave[mi, ki], lrec)

    def columns(records):
        if records is None or not len(records.frame):
            return None
        fr = records.frame
        return {c: fr[c].tolist() for c in ("file", "sheet", "row", "c_status", "c_time", "c_time_out", "status",
                                             "time_in", "time_out")}

    sig, lea = columns(signins), columns(leaves)

    def blank(v):
        return v is None or v == "" or (isinstance(v, float) and v != v)

    def where(cols, r, final_status=None):
        """The cell that decided: the mark when it says the status, else the time that made it
        迟到 (签到时间) or 早退 (签退时间), else whichever was typed."""
        if cols is None or r < 0:
            return None, None, None
        c = cols["c_status"][r]
        mark = cols["status"][r]
        if final_status is not None and final_status != UNREAD_STATUS:  # unread: the mark is the cell to fix
            said = None if blank(mark) else classify_mark(mark)[0]
            if final_status == LEFT_EARLY and said != LEFT_EARLY and not blank(cols["time_out"][r]) \
                    and int(cols["c_time_out"][r]) >= 0:
                c = cols["c_time_out"][r]
            elif (blank(mark) or (said != final_status and not blank(cols["time_in"][r]))) \
                    and int(cols["c_time"][r]) >= 0:
                c = cols["c_time"][r]  # no mark, or the time overruled it (√ at 19:10 is 迟到)
        f, sh = cols["file"][r], cols["sheet"][r]
        return (f if isinstance(f, str) else None), (sh if isinstance(sh, str) else None), \
            cell_address(int(cols["row"][r]), int(c) if int(c) >= 0 else 0)

    finals = [STATUSES[x] if x >= 0 else UNREAD_STATUS for x in final[mi, ki].tolist()]
    cells = [where(sig, r, st) if r >= 0 else where(lea, lr) for r, lr, st in zip(rec.tolist(), lrec.tolist(), finals)]
    via = np.where(use_leave, "leave", np.where(rec >= 0, "signin", "none")).astype(object)
    notes: list = [None] * len(finals)
    if rules is not None and sig is not None:  # 缺席 from a sign-in time: the time and the rule say why
        starts = mt["start"].tolist()
        for j in np.nonzero((rec >= 0) & (final[mi, ki] == CODE[ABSENT]))[0]:
            r, t, start = int(rec[j]), None, starts[ki[j]]
            t = sig["time_in"][r]
            if isinstance(t, dt.time) and start is not None and (blank(sig["status"][r]) or classify_mark(
                    sig["status"][r])[0] != ABSENT):
                notes[j] = W("trace-late-absent", time=t.strftime("%H:%M"), start=start.strftime("%H:%M"),
                             minutes=rules.late_as_absent_minutes)
    if missed is not None and missed[1]:
        grid, scans = missed
        for j in np.nonzero((via == "none") & (grid[mi, ki] >= 0) & (final[mi, ki] == CODE[ABSENT]))[0]:
            x = scans[grid[mi[j], ki[j]]]
            p = x["problem"]
            cells[j] = (p.file, p.sheet, p.cell)
            via[j] = "scan-missed"
            notes[j] = W("trace-scan-missed", time=x["time"].strftime("%H:%M:%S"), window=x["window"])
    return pd.DataFrame({
        "member": mi, "id": roster["id"].to_numpy()[mi], "name": roster["name"].to_numpy()[mi],
        "department": roster["department"].to_numpy()[mi],
        "date": mt["date"].to_numpy()[ki], "meeting": mt["meeting"].to_numpy()[ki],
        "status": finals,
        "file": pd.Series([c[0] for c in cells], dtype=object), "sheet": pd.Series([c[1] for c in cells], dtype=object),
        "cell": pd.Series([c[2] for c in cells], dtype=object),
        "via": via, "note": pd.Series(notes, dtype=object),
    })


def _sort_key(s):
    if s.name == "start":
        return s.map(lambda t: t or dt.time(0))
    return s


def _raw_moment(f, r):
    return f"{f['date'].iat[r]} {f['time_in'].iat[r]:%H:%M:%S}"


def _scan_members(signins: Records, scan, mi, mprobs: list[Problem], res_member):
    """A scan by someone not in the roster is a visitor (listed, not counted); a scan whose 学号 and 姓名
    belong to different people is not counted for either — its member's status there is unreadable."""
    import numpy as np

    f = signins.frame
    forms = {(fl, sh) for fl, sh, layout in signins.sheets if layout == "form"}
    kept = [p for p in mprobs if (p.file, p.sheet) not in forms or p.code not in ("unknown-member", "member-mismatch")]
    suspect = np.zeros(len(f), dtype=bool)
    ids, names = f["id"].tolist(), f["name"].tolist()
    for r in np.nonzero(scan)[0]:
        i, code, params = res_member(ids[r], names[r])
        if code == "unknown-member":
            kept.append(problem_at(signins, int(r), "c_id" if ids[r] else "c_name", "scan-visitor",
                                   "　".join(str(x) for x in (ids[r], names[r]) if x), WARNING, **params))
        elif code == "member-mismatch":
            kept.append(problem_at(signins, int(r), "c_name", "scan-mismatch", names[r], ERROR, **params))
            suspect[r] = True
    return mi, kept, suspect


def _raw_status(f, r):
    v = f["status"].iat[r]
    return v if v is not None else f["time_in"].iat[r]


# ---- resolving people and meetings ------------------------------------------------------------
class _MemberResolver:
    def __init__(self, roster):
        self.by_id: dict[str, int] = {}
        self.shared_id: dict[str, list[int]] = {}  # a 学号 on two roster rows (an error of its own in the roster)
        self.by_name: dict[str, list[int]] = {}
        for i, (sid, name) in enumerate(zip(roster["id"].tolist(), roster["name"].tolist())):
            if sid and sid in self.by_id:
                self.shared_id.setdefault(sid, [self.by_id[sid]]).append(i)
            elif sid:
                self.by_id[sid] = i
            if name:
                self.by_name.setdefault(name, []).append(i)
        self.names = roster["name"].tolist()
        self.ids = roster["id"].tolist()

    def __call__(self, sid, name) -> tuple[int, str | None, dict]:
        if sid in self.shared_id:  # which of the rows holding this 学号: its name tells, or nothing does
            c = [i for i in self.shared_id[sid] if name and self.names[i] == name]
            if len(c) == 1:
                return c[0], None, {}
            return -1, "shared-id-record", {"names": "、".join(str(self.names[i]) for i in self.shared_id[sid])}
        if sid:
            i = self.by_id.get(sid)
            if i is None:
                if name and len(self.by_name.get(name, [])) == 1:
                    return -1, "unknown-member", {"detail": W("id-not-in-roster-other", name=name, id=self._id_of(name))}
                return -1, "unknown-member", {"detail": W("id-not-in-roster")}
            if name and self.names[i] and name != self.names[i]:
                return i, "member-mismatch", {"roster_name": self.names[i]}
            return i, None, {}
        if name:
            c = self.by_name.get(name, [])
            if len(c) == 1:
                return c[0], None, {}
            if not c:
                return -1, "unknown-member", {"detail": W("name-not-in-roster")}
            return -1, "ambiguous-member", {"count": len(c)}
        return -1, "missing-member", {}

    def _id_of(self, name):
        return self.ids[self.by_name[name][0]]


def _member_resolver(roster):
    return _MemberResolver(roster)


class _MeetingResolver:
    def __init__(self, mt, mt_all):
        self.by_date: dict[dt.date, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        self.by_pair: dict[tuple, int] = {}
        for k, (d, n) in enumerate(zip(mt["date"].tolist(), mt["meeting"].tolist())):
            self.by_date.setdefault(d, []).append(k)
            if n:
                self.by_name.setdefault(fold(n), []).append(k)
                self.by_pair[(d, fold(n))] = k
        # Meetings outside the range still count as known (their sign-ins are simply not counted).
        self.known_dates = set(mt_all["date"].tolist())
        self.known_names = {fold(n) for n in mt_all["meeting"].tolist() if n}
        self.known_pairs = {(d, fold(n)) for d, n in zip(mt_all["date"].tolist(), mt_all["meeting"].tolist()) if n}

    def __call__(self, d, name) -> tuple[int, str | None, dict]:
        fn = fold(name) if name else None
        if d and fn:
            k = self.by_pair.get((d, fn))
            if k is not None:
                return k, None, {}
            if (d, fn) in self.known_pairs:
                return -2, None, {}  # a meeting outside the range
            c = self.by_date.get(d, [])
            if len(c) == 1:
                return c[0], "meeting-name-mismatch", {"meeting": self.name_of(c[0])}
            if d not in self.known_dates:
                return -1, "unknown-meeting", {}
            return (-1, "ambiguous-meeting", {"count": len(c)}) if c else (-2, None, {})
        if d:
            c = self.by_date.get(d, [])
            if len(c) == 1:
                return c[0], None, {}
            if len(c) > 1:
                return -1, "ambiguous-meeting", {"count": len(c)}
            return (-2, None, {}) if d in self.known_dates else (-1, "unknown-meeting", {})
        if fn:
            c = self.by_name.get(fn, [])
            if len(c) == 1:
                return c[0], None, {}
            if len(c) > 1:
                return -1, "ambiguous-meeting", {"count": len(c)}
            return (-2, None, {}) if fn in self.known_names else (-1, "unknown-meeting", {})
        return -1, "missing-meeting", {}

    def name_of(self, k):
        for n, ks in self.by_name.items():
            if k in ks:
                return n
        return ""

    def leave_targets(self, d, name) -> tuple[list[int], str | None]:
        """A leave applies to one meeting, or (date only) to every meeting that day."""
        if name:
            k, code, _ = self(d, name)
            if k >= 0:
                return [k], None
            return [], (code if code and code != "meeting-name-mismatch" else None)
        if d:
            if d in self.by_date:
                return list(self.by_date[d]), None
            return [], (None if d in self.known_dates else "unknown-meeting")
        return [], "missing-meeting"


def _meeting_resolver(mt, mt_all):
    return _MeetingResolver(mt, mt_all)


LEDGER_CODES = ("unknown-meeting", "ambiguous-meeting", "missing-meeting")


def _resolve(rec: Records, resolver, fields: tuple[str, str], what: str):
    """Resolve each distinct key once, then map every record → (index array, problems)."""
    import numpy as np

    f = rec.frame
    keys = list(zip(f[fields[0]].tolist(), f[fields[1]].tolist()))
    cache = {key: resolver(*key) for key in set(keys)}
    out = np.fromiter((cache[k][0] for k in keys), dtype=np.int64, count=len(keys))
    bad = {k for k, hit in cache.items() if hit[1]}
    problems: list[Problem] = []
    if not bad:
        return out, problems
    heads = f["date_cell"].tolist() if what == "meeting" and "date_cell" in f.columns else None
    per_head: dict = {}
    if heads is not None:
        for r, key in enumerate(keys):
            if key in bad and isinstance(heads[r], str) and cache[key][1] in LEDGER_CODES:
                per_head[(f["sheet"].iat[r], heads[r])] = per_head.get((f["sheet"].iat[r], heads[r]), 0) + 1
    said: set = set()
    for r, key in enumerate(keys):
        if key not in bad:
            continue
        idx, code, params = cache[key]
        if heads is not None and isinstance(heads[r], str) and code in LEDGER_CODES:  # fix the column's heading
            where = (f["sheet"].iat[r], heads[r])
            if where in said:
                continue
            said.add(where)
            value = key[0].isoformat() if key[0] else key[1]
            problems.append(Problem("ledger-" + code, ERROR, f["file"].iat[r], where[0], where[1], value,
                                    {**params, "count": per_head[where]}))
            continue
        sev = WARNING if code in ("member-mismatch", "meeting-name-mismatch") else ERROR
        col = {"member": "c_id" if key[0] else "c_name", "meeting": "c_meeting" if code.endswith("mismatch")
               or not key[0] else "c_date"}[what]
        value = key[0] if key[0] else key[1]
        if code == "member-mismatch":
            value = key[1]
            col = "c_name"
        problems.append(problem_at(rec, r, col, code, value, sev, **params))
    return out, problems


def _record_status(rec: Records, mt, ki, rules: Rules):
    """Each sign-in record's status code, from its mark and its times (vectorised)."""
    import numpy as np

    from .records import classify_mark

    f = rec.frame
    marks = f["status"].tolist()
    uniq = {m: classify_mark(m) for m in set(marks)}
    problems: list[Problem] = []
    bad = {m for m, (_, _, ok) in uniq.items() if not ok}
    if bad:
        for r, m in enumerate(marks):
            if m in bad:
                problems.append(problem_at(rec, r, "c_status", "bad-status", m,
                                           allowed=W("allowed-marks")))
    code_of = {m: (CODE[st] if st and ok else NONE) for m, (st, _, ok) in uniq.items()}
    codes = np.fromiter(map(code_of.__getitem__, marks), dtype=np.int8, count=len(marks))
    mark_time = {m: t for m, (_, t, _) in uniq.items()}
    tin = [a if a is not None else mark_time[m] for a, m in zip(f["time_in"].tolist(), marks)]
    sec_in = _seconds(tin)
    sec_out = _seconds(f["time_out"].tolist())
    start = np.append(_seconds(mt["start"].tolist()), np.nan)  # index -1 → nan (no meeting)
    end = np.append(_seconds(mt["end"].tolist()), np.nan)
    k = np.where(ki >= 0, ki, -1)
    timed = ((codes == NONE) | (codes == CODE[PRESENT])) & (~np.isnan(sec_in) | ~np.isnan(sec_out)) & \
        np.isin(codes, [NONE, CODE[PRESENT]])
    timed &= np.array([m not in bad for m in marks]) if bad else True
    late = (sec_in - start[k]) / 60
    with np.errstate(invalid="ignore"):
        st = np.full(len(codes), CODE[PRESENT], dtype=np.int8)
        st[late > rules.grace_minutes] = CODE[LATE]
        st[late > rules.late_as_absent_minutes] = CODE[ABSENT]
        early = (st == CODE[PRESENT]) & (sec_out < end[k])
        st[early] = CODE[LEFT_EARLY]
    codes = np.where(timed, st, codes).astype(np.int8)
    unreadable = np.array([m in bad for m in marks], dtype=bool) if bad else np.zeros(len(marks), dtype=bool)
    return codes, problems, unreadable


def _seconds(times: list) -> "object":
    import numpy as np

    return np.array([t.hour * 3600 + t.minute * 60 + t.second if t is not None else np.nan for t in times],
                    dtype=float)


# ---- results ------------------------------------------------------------------------------------
def _counts(final):

    # an unknown (UNREAD) pair is neither expected nor missed until its record is fixed
    return {s: (final == CODE[s]).sum(axis=1) for s in STATUSES} | {"expected": (final >= 0).sum(axis=1),
                                                                    "unread": (final == UNREAD).sum(axis=1)}


def _member_frame(roster, final, rules: Rules):
    import pandas as pd

    c = _counts(final)
    att = c[PRESENT] + c[LATE] + c[LEFT_EARLY]
    counted = c[ABSENT] + (c[LATE] + c[LEFT_EARLY]) // rules.lates_per_absence
    return pd.DataFrame({
        "id": roster["id"].tolist(), "name": roster["name"].tolist(),
        "department": roster["department"].tolist(), "post": roster["post"].tolist(),
        "expected": c["expected"], "present": c[PRESENT], "late": c[LATE], "left_early": c[LEFT_EARLY],
        "personal_leave": c[PERSONAL], "sick_leave": c[SICK], "official_leave": c[OFFICIAL],
        "absent": c[ABSENT], "counted_absences": counted,
        "rate": attendance_rate(att, c["expected"], c[OFFICIAL]),
        "longest_absence_streak": _streaks(final),
        "unread": c["unread"],  # meetings whose only record could not be read (not counted)
        "member": range(len(roster)),  # the roster row: two rows may share a 学号 (an error, still shown apart)
    })


def _streaks(final):
    """Longest run of 缺席 among each member's expected meetings (leave neither extends nor breaks it)."""
    import numpy as np

    out = np.zeros(final.shape[0], dtype=np.int64)
    absent, leave = CODE[ABSENT], {CODE[s] for s in LEAVES}
    for i in np.nonzero((final == absent).any(axis=1))[0]:
        best = run = 0
        for v in final[i]:
            if v < 0 or v in leave:
                continue
            run = run + 1 if v == absent else 0
            best = max(best, run)
        out[i] = best
    return out


def _actions(roster, mt, final, rules: Rules, lang: str, shown=None) -> list[dict]:
    """The ladder's steps each member reached on ``final``; ``shown``: the statuses to name in each entry's
    meetings (the real ones, when ``final`` takes the unknowns as 缺席)."""
    import numpy as np

    from .schema import STATUS_LABELS

    actions = []
    kinds = [fold(k or "") for k in mt["kind"].tolist()]
    labels = [f"{d.isoformat()} {n}" for d, n in zip(mt["date"].tolist(), mt["meeting"].tolist())]
    ids, names = roster["id"].tolist(), roster["name"].tolist()
    deps, posts = roster["department"].tolist(), roster["post"].tolist()
    counted_codes = (CODE[ABSENT], CODE[LATE], CODE[LEFT_EARLY])
    for kind, steps in rules.ladders().items():
        cols = np.arange(final.shape[1]) if kind is None else \
            np.array([k for k, kd in enumerate(kinds) if kd == fold(kind)], dtype=np.int64)
        if len(cols) == 0:
            continue
        sub = final[:, cols]
        absent = (sub == CODE[ABSENT]).sum(axis=1)
        lates = ((sub == CODE[LATE]) | (sub == CODE[LEFT_EARLY])).sum(axis=1)
        counted = absent + lates // rules.lates_per_absence
        counts_mask = np.isin(sub, counted_codes)
        memo: dict = {}

        def said(k, status):  # "第3周例会（缺席）": the same few for every member on the list
            if (k, status) not in memo:
                memo[k, status] = text("meeting-status", lang, meeting=labels[k], status=L(STATUS_LABELS[status]))
            return memo[k, status]

        for i in np.nonzero(counted >= steps[0].absences)[0]:
            step = [s for s in steps if counted[i] >= s.absences][-1]
            which = cols[np.nonzero(counts_mask[i])[0]].tolist()
            actions.append({
                "_member": int(i), "id": ids[i], "name": names[i], "department": deps[i], "post": posts[i],
                "count": int(counted[i]), "absent": int(absent[i]), "late_or_early": int(lates[i]),
                "action": step.action, "notice": step.notice, "kind": kind, "rule": step.rule_text(lang),
                "meetings": [said(k, _status_key((final if shown is None else shown)[i, k])) for k in which],
                "unsure": None,
            })
    actions.sort(key=lambda a: (-a["count"], a["department"] or "", a["id"] or ""))
    return actions


def _status_key(code: int) -> str:
    return STATUSES[code] if code >= 0 else UNREAD_STATUS


def _mark_unsure(actions: list[dict], worst: list[dict], lang: str) -> None:
    """Members with records that could not be read: the ladder again with each unknown taken as 缺席.  Where
    that would change a step, the entry says so (``unsure``: what it could become) instead of standing as
    certain; where only the unknowns would start a step, an entry with no action and no notice says so."""
    have = {(a["_member"], a["kind"]): a for a in actions}
    for w in worst:
        a = have.get((w["_member"], w["kind"]))
        if a is not None and a["action"] == w["action"]:
            continue
        unsure = text("action-unsure", lang, action=w["action"], count=w["count"])
        if a is not None:
            a["unsure"] = unsure
        else:
            actions.append({**w, "action": text("action-pending", lang), "notice": None, "unsure": unsure,
                            "count": w["count"], "pending": True})
    actions.sort(key=lambda a: (-a["count"], a["department"] or "", a["id"] or ""))


def names_of(roster, mask) -> str:
    """The names where ``mask`` is set, 、-joined; a name two members share gets its department (秦睿（宣传部）),
    so a list of who attended never names one of them twice with nothing to tell them apart."""
    return _shown_names(roster)(mask)


def _shown_names(roster):
    """:func:`names_of` for one roster, its names worked out once (a term's meetings ask three times each)."""
    import numpy as np

    names = roster["name"].tolist()
    shared = set(roster["name"][roster["name"].duplicated(keep=False)].tolist())
    deps = roster["department"].tolist()
    shown = [f"{n}（{d}）" if n in shared and d else n for n, d in zip(names, deps)]
    return lambda mask: "、".join(shown[i] for i in np.nonzero(mask)[0])


def _meeting_frame(mt, roster, final, lang, arrival_only=None):
    import numpy as np
    import pandas as pd

    rows = []
    names_of = _shown_names(roster)
    leaves, late = [CODE[s] for s in LEAVES], [CODE[LATE], CODE[LEFT_EARLY]]
    for k in range(len(mt)):
        col = final[:, k]
        exp = int((col >= 0).sum())
        cnt = {s: int((col == CODE[s]).sum()) for s in STATUSES}
        att = cnt[PRESENT] + cnt[LATE] + cnt[LEFT_EARLY]
        rows.append({
            "date": mt["date"].iat[k], "start": mt["start"].iat[k], "meeting": mt["meeting"].iat[k],
            "kind": mt["kind"].iat[k], "place": mt["place"].iat[k], "expected": exp, "attended": att,
            "late": cnt[LATE], "left_early": None if arrival_only is not None and arrival_only[k] else cnt[LEFT_EARLY],
            "leave": cnt[PERSONAL] + cnt[SICK] + cnt[OFFICIAL], "absent": cnt[ABSENT],
            "rate": attendance_rate(att, exp, cnt[OFFICIAL]),
            "absent_names": names_of(col == CODE[ABSENT]),
            "leave_names": names_of(np.isin(col, leaves)),
            "late_names": names_of(np.isin(col, late)),
        })
    return pd.DataFrame(rows, columns=["date", "start", "meeting", "kind", "place", "expected", "attended", "late",
                                       "left_early", "leave", "absent", "rate", "absent_names", "leave_names",
                                       "late_names"])


def _group_rates(final, groups: list[str]):
    import numpy as np

    c = _counts(final)
    out = {}
    keys = list(dict.fromkeys(groups))
    garr = np.array(groups, dtype=object)
    for g in keys:
        m = garr == g
        exp = int(c["expected"][m].sum())
        att = int((c[PRESENT] + c[LATE] + c[LEFT_EARLY])[m].sum())
        off = int(c[OFFICIAL][m].sum())
        out[g] = {"members": int(((c["expected"] > 0) & m).sum()), "expected": exp, "attended": att,
                  "late": int((c[LATE] + c[LEFT_EARLY])[m].sum()),
                  "leave": int((c[PERSONAL] + c[SICK] + c[OFFICIAL])[m].sum()), "absent": int(c[ABSENT][m].sum()),
                  "official": off, "rate": attendance_rate(att, exp, off)}
    return out


def _department_frame(roster, final, departments):
    import pandas as pd

    deps = [d or "（未填部门）" for d in roster["department"].tolist()]
    stats = _group_rates(final, deps)
    order = [d for d in departments if d in stats] + [d for d in stats if d not in departments]
    rows = [{"department": d, **stats[d]} for d in order if stats[d]["expected"] > 0]
    return pd.DataFrame(rows, columns=["department", "members", "expected", "attended", "late", "leave", "absent",
                                       "official", "rate"])


def _week_frames(roster, mt, final, departments):
    import pandas as pd

    weeks = [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in mt["date"].tolist()]
    rows, dep_rows = [], []
    deps = [d or "（未填部门）" for d in roster["department"].tolist()]
    for w in dict.fromkeys(weeks):
        cols = [k for k, x in enumerate(weeks) if x == w]
        sub = final[:, cols]
        stats = _group_rates(sub, ["all"] * final.shape[0])["all"]
        monday = dt.date.fromisocalendar(int(w[:4]), int(w[6:]), 1)
        rows.append({"week": w, "monday": monday, "meetings": len(cols), **{k: stats[k] for k in
                                                                          ("expected", "attended", "absent", "rate")}})
        ds = _group_rates(sub, deps)
        dep_rows.append({"week": w, **{d: ds[d]["rate"] for d in departments if d in ds and ds[d]["expected"] > 0}})
    return (pd.DataFrame(rows, columns=["week", "monday", "meetings", "expected", "attended", "absent", "rate"]),
            pd.DataFrame(dep_rows))
