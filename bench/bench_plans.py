"""Collecting monthly plans: 100 and 400 department files, half .xlsx and half .docx.

    python bench/bench_plans.py

Targets: 100 files in ≤ 5 s; 400 files in ≤ 4.4× that (linear).  A benchmark, not a test.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def make(root: Path, n: int) -> list[str]:
    from sectools.printouts import write_form_docx, write_form_xlsx

    deps = [f"部门{i:03d}" for i in range(n)]
    (root / "sectools.toml").write_text(
        '[office]\nname = "基准"\nsemester_start = 2026-03-01\nsemester_end = 2026-07-10\n'
        f"departments = {deps!r}\n".replace("'", '"'), encoding="utf-8")
    month = root / "计划总结" / "2026-03"
    month.mkdir(parents=True)
    items = [[str(k + 1), f"工作{k}", "内容", f"3月{k + 2}日", "张三", "目标"] for k in range(8)]
    for i, dep in enumerate(deps):
        writer = write_form_docx if i % 2 else write_form_xlsx
        writer(month / f"{dep}计划.{'docx' if i % 2 else 'xlsx'}", "plan", dep, "2026年3月", "张三",
               dt.date(2026, 3, 3), items)
    return deps


def run(n: int) -> float:
    from sectools import jobs

    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        make(root, n)
        best = None
        for _ in range(2):
            t = time.perf_counter()
            res = jobs.plans_collect(root, (2026, 3), "plan", out=False).result
            took = time.perf_counter() - t
            best = took if best is None else min(best, took)
        assert sum(r["status"] == "on_time" for r in res.rows) == n, res.problems[:3]
    return best


def main() -> None:
    import pandas  # noqa: F401  (loaded once, as in a running program)

    a = run(100)
    b = run(400)
    print(f"100 files: {a:.2f} s (target ≤ 5 s)")
    print(f"400 files: {b:.2f} s = {b / a:.2f}× (target ≤ 4.4×)")


if __name__ == "__main__":
    main()
