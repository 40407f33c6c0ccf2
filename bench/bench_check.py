"""`sectools check` on a large roster against a bare read of the same sheet.

    python bench/bench_check.py [--sizes 20k,200k,1M] [--repeat 2]

For each size, a generated office whose 名册 has that many rows and 10 columns (学号 half numbers, half
text; 电话 as numbers; 入职日期 typed as text dates; 离任日期 mostly blank).  Prints, per size, the whole
``sectools check`` process against fastexcel → pandas of the same sheet, both as whole processes, and the
ratio (target ≤ 2.0×); then pandas.read_excel(engine="openpyxl") at the middle size, as a user would write it.
A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from common import DATA, fastexcel_read, have_reference, measure, openpyxl_read, sectools_cmd, sizes_from, table

DEPS = ("秘书处", "组织部", "宣传部", "学习部", "文艺部", "体育部", "生活部", "外联部")
POSTS = ("干事", "干事", "干事", "副部长", "部长")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def make(rows: int) -> Path:
    import xlsxwriter

    office = DATA / f"check_{rows}"
    book = office / "名册.xlsx"
    if book.exists():
        return office
    office.mkdir(parents=True, exist_ok=True)
    (office / "sectools.toml").write_text(
        '[office]\nname = "基准"\nsemester_start = 2026-03-01\nsemester_end = 2026-07-10\n'
        'departments = ["' + '", "'.join(DEPS) + '"]\n[tables.roster]\npath = "名册.xlsx"\n'
        # 1M rows × 10 columns is past the default 10 million cells a sheet may have: raised, as an office would
        '[limits]\nmax_cells = 20000000\n', encoding="utf-8")
    rng = random.Random(rows)
    wb = xlsxwriter.Workbook(str(book), {"constant_memory": True})
    ws = wb.add_worksheet("成员")
    ws.write_row(0, 0, ["学号", "姓名", "性别", "部门", "职务", "班级", "电话", "入职日期", "离任日期", "状态"])
    for i in range(1, rows + 1):
        sid = 2024000000 + i
        if i % 2:
            ws.write_number(i, 0, sid)
        else:
            ws.write_string(i, 0, str(sid))
        ws.write_string(i, 1, rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) + str(i))
        ws.write_string(i, 2, rng.choice("男女"))
        ws.write_string(i, 3, DEPS[i % len(DEPS)])
        ws.write_string(i, 4, rng.choice(POSTS))
        ws.write_string(i, 5, f"会计{rng.randint(2021, 2025)}-{rng.randint(1, 9)}班")
        ws.write_number(i, 6, 13800000000 + rng.randint(0, 99999999))
        ws.write_string(i, 7, f"{rng.randint(2021, 2025)}/{rng.randint(1, 12)}/{rng.randint(1, 28)}")
        if rng.random() < 0.05:
            ws.write_string(i, 8, f"2026-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}")
            ws.write_string(i, 9, "已退出")
        else:
            ws.write_string(i, 9, "在任")
    wb.close()
    return office


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--skip-openpyxl", action="store_true")
    args = ap.parse_args()
    if not have_reference():
        sys.exit(2)
    sizes = sizes_from(args.sizes)
    rows = []
    for n in sizes:
        office = make(n)
        sec = measure(sectools_cmd("check", str(office)), args.repeat)
        ref = measure(fastexcel_read(office / "名册.xlsx"), args.repeat)
        rows.append((f"{n:,}", f"{sec.seconds:.2f} s", f"{sec.peak_mb:.0f} MB", f"{ref.seconds:.2f} s",
                     f"{ref.peak_mb:.0f} MB", f"{sec.seconds / ref.seconds:.2f}×"))
    print("sectools check on a roster of N rows × 10 columns, whole processes, best of", args.repeat)
    print(table(rows, ("rows", "sectools", "peak", "fastexcel→pandas", "peak", "ratio (target ≤ 2.0×)")))
    if len(sizes) > 1:
        a, b = sizes[-2], sizes[-1]
        ta = float(rows[-2][1].split()[0]); tb = float(rows[-1][1].split()[0])
        print(f"growth {a:,} → {b:,} rows: {tb / ta:.2f}× time for {b / a:.1f}× rows (linear or better: ≤ {b / a:.1f}×)")
    if not args.skip_openpyxl:
        n = sizes[len(sizes) // 2] if len(sizes) > 1 else sizes[0]
        op = measure(openpyxl_read(make(n) / "名册.xlsx"), 1)
        sec_n = float(rows[sizes.index(n)][1].split()[0])
        print(f"pandas.read_excel(engine='openpyxl') at {n:,} rows: {op}  — sectools check is {op.seconds / sec_n:.1f}× faster")


if __name__ == "__main__":
    main()
