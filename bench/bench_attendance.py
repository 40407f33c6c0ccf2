"""`sectools attendance` end to end against a bare read of the same sign-in sheet.

    python bench/bench_attendance.py [--sizes 20k,200k,1M] [--repeat 2] [--skip-naive]

For each size, a generated office of M members × 40 weekly meetings (20k: 500 members, 200k: 5,000,
1M: 25,000) with a sign-in log of one row per member and meeting.  Prints, as whole processes, best of
``repeat``: ``sectools attendance OFFICE`` (read roster, meetings and sign-ins → rules → the report
workbook with its 考勤明细 of every record) against fastexcel → pandas of the sign-in sheet alone, and the
ratio (target ≤ 2.0×); then, at the middle size, the same job written plainly with pandas + openpyxl
(read_excel, merge, apply, to_excel) as a user would.  A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import fastexcel_read, have_reference, measure, sectools_cmd, sizes_from, table  # noqa: E402

MEETINGS = 40
DATA = HERE / "data" / "attendance"  # the office of the size being made or run
MEMBERS = 5000
DEPS = ("秘书处", "组织部", "宣传部", "学习部", "文艺部", "体育部", "生活部", "外联部")


def office(rows: int) -> Path:
    return HERE / "data" / f"attendance_{rows}"


def make(rows: int) -> Path:
    global DATA, MEMBERS
    DATA, MEMBERS = office(rows), rows // MEETINGS
    if (DATA / "签到.xlsx").exists():
        return DATA
    import xlsxwriter

    DATA.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    (DATA / "sectools.toml").write_text(
        '[office]\nname = "基准"\nsemester_start = 2026-03-01\nsemester_end = 2026-12-31\n'
        f"departments = {json.dumps(list(DEPS), ensure_ascii=False)}\n"
        '[tables.roster]\npath = "名册.xlsx"\n[tables.meetings]\npath = "会议.xlsx"\n'
        '[tables.signins]\npath = "签到.xlsx"\n', encoding="utf-8")
    ids = [f"2024{i:06d}" for i in range(MEMBERS)]
    wb = xlsxwriter.Workbook(str(DATA / "名册.xlsx"))
    ws = wb.add_worksheet("成员")
    ws.write_row(0, 0, ["学号", "姓名", "部门", "职务", "状态"])
    for i, sid in enumerate(ids):
        ws.write_row(i + 1, 0, [sid, f"成员{i}", DEPS[i % len(DEPS)], "干事", "在任"])
    wb.close()
    dates = [dt.date(2026, 3, 1) + dt.timedelta(days=7 * k) for k in range(MEETINGS)]
    wb = xlsxwriter.Workbook(str(DATA / "会议.xlsx"))
    ws = wb.add_worksheet("会议")
    df = wb.add_format({"num_format": "yyyy-mm-dd"})
    tf = wb.add_format({"num_format": "hh:mm"})
    ws.write_row(0, 0, ["日期", "开始时间", "结束时间", "会议名称", "类型", "参会范围"])
    for k, d in enumerate(dates):
        ws.write_datetime(k + 1, 0, dt.datetime.combine(d, dt.time()), df)
        ws.write_datetime(k + 1, 1, dt.time(19, 0), tf)
        ws.write_datetime(k + 1, 2, dt.time(20, 0), tf)
        ws.write_row(k + 1, 3, [f"第{k + 1}周例会", "例会", "全体"])
    wb.close()
    wb = xlsxwriter.Workbook(str(DATA / "签到.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("签到")
    ws.write_row(0, 0, ["日期", "会议名称", "学号", "姓名", "状态", "签到时间", "签退时间"])
    r = 1
    for k, d in enumerate(dates):
        for i, sid in enumerate(ids):
            ws.write_datetime(r, 0, dt.datetime.combine(d, dt.time()), df)
            ws.write_string(r, 1, f"第{k + 1}周例会")
            ws.write_string(r, 2, sid)
            ws.write_string(r, 3, f"成员{i}")
            x = rng.random()  # a realistic term: 3% absent, 3% on leave, 5% late, the rest on time
            if x < 0.03:
                ws.write_string(r, 4, "缺席")
            elif x < 0.06:
                ws.write_string(r, 4, "请假")
            else:
                m = 60 + rng.randint(1, 12) if x < 0.11 else 45 + rng.randint(0, 15)
                ws.write_datetime(r, 5, dt.time(18 + m // 60, m % 60), tf)
                ws.write_datetime(r, 6, dt.time(20, rng.randint(0, 5)), tf)
            r += 1
    wb.close()
    return DATA


def naive_job() -> None:
    import pandas as pd

    roster = pd.read_excel(DATA / "名册.xlsx", engine="openpyxl", dtype={"学号": str})
    meetings = pd.read_excel(DATA / "会议.xlsx", engine="openpyxl")
    s = pd.read_excel(DATA / "签到.xlsx", engine="openpyxl", dtype={"学号": str})
    meetings["日期"] = pd.to_datetime(meetings["日期"])
    s["日期"] = pd.to_datetime(s["日期"])
    exp = roster[["学号", "姓名", "部门", "职务"]].merge(meetings, how="cross")
    m = exp.merge(s[["日期", "学号", "状态", "签到时间", "签退时间"]], on=["日期", "学号"], how="left")

    def status(row):
        if row["状态"] == "请假":
            return "事假"
        if row["状态"] == "缺席" or pd.isna(row["签到时间"]):
            return "缺席"
        late = (dt.datetime.combine(dt.date.min, row["签到时间"]) -
                dt.datetime.combine(dt.date.min, row["开始时间"])).total_seconds() / 60
        if late > 15:
            return "缺席"
        if late > 0:
            return "迟到"
        if not pd.isna(row["签退时间"]) and row["签退时间"] < row["结束时间"]:
            return "早退"
        return "出席"

    m["结果"] = m.apply(status, axis=1)
    t = m.pivot_table(index=["学号", "姓名", "部门", "职务"], columns="结果", values="日期", aggfunc="count",
                      fill_value=0).reset_index()
    for c in ("出席", "迟到", "早退", "事假", "缺席"):
        if c not in t:
            t[c] = 0
    t["应到"] = t[["出席", "迟到", "早退", "事假", "缺席"]].sum(axis=1)
    t["出勤率"] = (t["出席"] + t["迟到"] + t["早退"]) / t["应到"]
    t["折算缺席"] = t["缺席"] + (t["迟到"] + t["早退"]) // 3
    dep = t.groupby("部门")[["应到", "出席", "迟到", "早退", "事假", "缺席"]].sum().reset_index()
    per_meeting = m.pivot_table(index=["日期", "会议名称"], columns="结果", values="学号", aggfunc="count",
                                fill_value=0).reset_index()
    with pd.ExcelWriter(DATA / "out_naive.xlsx", engine="openpyxl") as w:
        t.to_excel(w, sheet_name="成员考勤", index=False)
        dep.to_excel(w, sheet_name="部门汇总", index=False)
        per_meeting.to_excel(w, sheet_name="会议明细", index=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--naive", help=argparse.SUPPRESS)  # the plain pandas job, run in its own process
    args = ap.parse_args()
    if args.naive:
        global DATA
        DATA = Path(args.naive)
        naive_job()
        return
    if not have_reference():
        sys.exit(2)
    sizes = sizes_from(args.sizes)
    rows, secs = [], []
    for n in sizes:
        where = make(n)
        out = where / "输出" / "考勤统计.xlsx"
        sec = measure(sectools_cmd("attendance", str(where), "--out", str(out)), args.repeat)
        ref = measure(fastexcel_read(where / "签到.xlsx"), args.repeat)
        secs.append(sec.seconds)
        rows.append((f"{n:,}", f"{n // MEETINGS:,}", f"{sec.seconds:.2f} s", f"{sec.peak_mb:.0f} MB",
                     f"{ref.seconds:.2f} s", f"{ref.peak_mb:.0f} MB", f"{sec.seconds / ref.seconds:.2f}×"))
    print(f"sectools attendance: N sign-ins ({MEETINGS} meetings), whole processes, best of {args.repeat}")
    print(table(rows, ("sign-ins", "members", "sectools", "peak", "fastexcel→pandas", "peak",
                       "ratio (target ≤ 2.0×)")))
    if len(sizes) > 1:
        print(f"growth {sizes[-2]:,} → {sizes[-1]:,}: {secs[-1] / secs[-2]:.2f}× time for "
              f"{sizes[-1] / sizes[-2]:.1f}× sign-ins")
    if not args.skip_naive:
        n = sizes[len(sizes) // 2] if len(sizes) > 1 else sizes[0]
        naive = measure([sys.executable, __file__, "--naive", str(office(n))], 1)
        i = sizes.index(n)
        print(f"the same job with pandas + openpyxl at {n:,}: {naive}  — sectools is {naive.seconds / secs[i]:.1f}× faster")


if __name__ == "__main__":
    main()
