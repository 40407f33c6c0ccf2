"""A small office answered in about a second: the demo office's `check` and `attendance` against a bare
`python -c "import pandas"` of the same interpreter (target ≤ 1.3×), whole processes, best of ``repeat``.

    python bench/bench_demo.py [--repeat 3]

The demo office (workbooks/demo, 80 members, a term of meetings, rankings, KPIs, plans) is copied to a
temporary folder first, so its 输出 folder is never touched.  A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import ROOT, measure, py, sectools_cmd, table


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        office = Path(tmp) / "demo"
        shutil.copytree(ROOT / "workbooks" / "demo", office)
        base = measure(py("import pandas"), args.repeat)
        rows = [("python -c 'import pandas'", f"{base.seconds:.2f} s", f"{base.peak_mb:.0f} MB", "1.00×")]
        for name, cmd in (("sectools check", sectools_cmd("check", str(office))),
                          ("sectools attendance", sectools_cmd("attendance", str(office), "--out",
                                                               str(Path(tmp) / "考勤统计.xlsx")))):
            run = measure(cmd, args.repeat)
            rows.append((name, f"{run.seconds:.2f} s", f"{run.peak_mb:.0f} MB",
                         f"{run.seconds / base.seconds:.2f}×"))
    print(f"the demo office, whole processes, best of {args.repeat}")
    print(table(rows, ("command", "time", "peak", "ratio (target ≤ 1.3×)")))


if __name__ == "__main__":
    main()
