"""Attendance end to end: 5,000 members × 40 meetings = 200,000 sign-ins.

    python bench/bench_attendance.py

Runs each variant in its own process (so peak memory is its own) and prints, side by side:

* ``bare``     — python-calamine reading the sign-in workbook, nothing else;
* ``sectools`` — read roster, meetings and sign-ins → apply the rules → write the report workbook;
* ``naive``    — the same job written plainly with pandas + openpyxl (read_excel, merge,
  groupby, to_excel).

Targets from the attendance issue: sectools ≤ 2× bare, and ≥ 10× faster than naive.
A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "attendance"
sys.path.insert(0, str(HERE.parent))

MEMBERS, MEETINGS = 5000, 40
DEPS = ("秘书处", "组织部", "宣传部", "学习部", "文艺部", "体育部", "生活部", "外联部")


def make() -> None:
    import xlsxwriter

    if (DATA / "签到.xlsx").exists():
        return
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


def bare() -> None:
    import python_calamine as pc

    pc.CalamineWorkbook.from_path(str(DATA / "签到.xlsx")).get_sheet_by_name("签到").to_python()


def sectools_job() -> None:
    from sectools import jobs

    job = jobs.attendance(DATA, out=DATA / "out_sectools.xlsx")
    assert len(job.result.members) == MEMBERS


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


VARIANTS = {"bare": bare, "sectools": sectools_job, "naive": naive_job}


def run_child(variant: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, __file__, "--child", variant], capture_output=True, text=True, check=True)
    secs, peak = out.stdout.split()
    return float(secs), float(peak)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-naive", action="store_true")
    args = ap.parse_args()
    if args.child:
        import pandas  # noqa: F401  (a running program has it loaded; not part of the job's time)

        t = time.perf_counter()
        VARIANTS[args.child]()
        secs = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{secs:.3f} {peak:.0f}")
        return
    make()
    results = {}
    for v in ("bare", "sectools") + (() if args.skip_naive else ("naive",)):
        runs = [run_child(v) for _ in range(1 if v == "naive" else args.repeat)]
        results[v] = min(runs)
    print(f"sign-ins: {MEMBERS * MEETINGS:,} ({MEMBERS:,} members × {MEETINGS} meetings)")
    print(f"{'variant':<10}{'seconds':>10}{'peak MB':>10}")
    for v, (s, m) in results.items():
        print(f"{v:<10}{s:>10.2f}{m:>10.0f}")
    b, s = results["bare"][0], results["sectools"][0]
    print(f"sectools / bare read  = {s / b:.2f}×  (target ≤ 2×)")
    if "naive" in results:
        print(f"naive / sectools      = {results['naive'][0] / s:.1f}×  (target ≥ 10×)")


if __name__ == "__main__":
    main()
