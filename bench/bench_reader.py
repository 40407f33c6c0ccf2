"""Reader speed: a 200,000-row sign-in sheet read three ways.

    python bench/bench_reader.py [--rows 200000]

Prints the time of a bare python-calamine read (``to_python``), a bare fastexcel read, the
sectools reader (guard scan + header finding + cleaning + typing + DataFrame), and
``pandas.read_excel(engine="openpyxl")``, with the ratios the foundation issue sets:
sectools ≤ 2× the bare read, and ≥ 10× faster than pandas + openpyxl.
A benchmark, not a test: these machines are noisy, so each figure is the best of a few runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def make(path: Path, rows: int) -> None:
    import xlsxwriter

    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("签到")
    datef = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["日期", "会议名称", "学号", "姓名", "状态", "签到时间", "签退时间", "备注"])
    start = dt.datetime(2026, 3, 2)
    for i in range(1, rows + 1):
        m = i % 5000
        ws.write_datetime(i, 0, start + dt.timedelta(days=7 * (i // 5000)), datef)
        ws.write_string(i, 1, f"第{i // 5000 + 1}周例会")
        ws.write_string(i, 2, f"2024{m:06d}")
        ws.write_string(i, 3, "成员" + str(m))
        ws.write_string(i, 4, rng.choice(["出席", "迟到", "请假", "缺席", "√", "到"]))
        ws.write_string(i, 5, f"19:{rng.randint(0, 20):02d}")
        if rng.random() < 0.3:
            ws.write_string(i, 7, "备注")
    wb.close()


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-openpyxl", action="store_true")
    args = ap.parse_args()
    path = HERE / "data" / f"signins_{args.rows}.xlsx"
    make(path, args.rows)

    from sectools.schema import Field, TableSpec
    from sectools.reader import read_table

    spec = TableSpec("signins", "签到", (
        Field("date", ("日期",), "date", True),
        Field("meeting", ("会议名称",), "text"),
        Field("id", ("学号",), "id", True),
        Field("name", ("姓名",), "name"),
        Field("status", ("状态",), "text"),
        Field("time_in", ("签到时间",), "time"),
        Field("time_out", ("签退时间",), "time"),
        Field("note", ("备注",), "text"),
    ))

    def calamine():
        import python_calamine as pc

        wb = pc.CalamineWorkbook.from_path(str(path))
        return wb.get_sheet_by_name("签到").to_python()

    def fastexcel():
        import fastexcel as fe

        return fe.read_excel(str(path)).load_sheet(0).to_pandas()

    def sectools():
        t = read_table(path, spec)
        assert len(t) == args.rows, (len(t), t.problems[:3])
        return t

    import pandas  # noqa: F401  (imported once, as a running program would have it)

    t_cal = best(calamine, args.repeat)
    try:
        t_fe = best(fastexcel, args.repeat)
    except ImportError:
        t_fe = float("nan")
    t_sec = best(sectools, args.repeat)
    print(f"rows: {args.rows:,}  file: {path.stat().st_size / 1e6:.1f} MB")
    print(f"python-calamine to_python (bare) : {t_cal:7.2f} s")
    print(f"fastexcel to_pandas (bare)       : {t_fe:7.2f} s")
    print(f"sectools read_table              : {t_sec:7.2f} s   = {t_sec / t_cal:.2f}× bare calamine "
          f"(target ≤ 2×), {t_sec / t_fe:.2f}× bare fastexcel")
    if not args.skip_openpyxl:
        import pandas as pd

        t_op = best(lambda: pd.read_excel(path, engine="openpyxl"), 1)
        print(f"pandas.read_excel(openpyxl)      : {t_op:7.2f} s   sectools is {t_op / t_sec:.1f}× faster "
              f"(target ≥ 10×)")


if __name__ == "__main__":
    main()
