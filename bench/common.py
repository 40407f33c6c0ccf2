"""What every bench script shares: timing whole processes, their peak memory, the reference reads.

A benchmark compares sectools with a bare read of the *same* file in the same run, as whole processes
(interpreter start and imports included on both sides), best of ``repeat`` runs, so a noisy machine
moves both figures together.  Nothing here asserts: the scripts print figures and ratios.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
SIZES = (20_000, 200_000, 1_000_000)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    rc: int

    def __str__(self) -> str:
        return f"{self.seconds:7.2f} s {self.peak_mb:6.0f} MB"


def measure(cmd: list[str], repeat: int = 2, env: dict | None = None, cwd: Path | None = None) -> Run:
    """Best wall time of ``repeat`` runs of ``cmd``, with that process's own peak memory (its rusage)."""
    best: Run | None = None
    for _ in range(repeat):
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        _, status, usage = os.wait4(p.pid, 0)
        secs = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode(errors="replace") if p.stderr else ""
        p.stderr and p.stderr.close()
        run = Run(secs, usage.ru_maxrss / 1024, p.returncode)
        if p.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(map(str, cmd))} failed (rc {p.returncode}):\n{err[-2000:]}")
        if best is None or run.seconds < best.seconds:
            best = run
    return best


def py(code: str) -> list[str]:
    """A bare Python process running ``code``."""
    return [sys.executable, "-c", code]


def fastexcel_read(path: Path, sheet: int | str = 0) -> list[str]:
    """The reference read: fastexcel (calamine in Rust, Arrow out) → pandas DataFrame."""
    return py(f"import fastexcel; fastexcel.read_excel({str(path)!r}).load_sheet({sheet!r}).to_pandas()")


def openpyxl_read(path: Path) -> list[str]:
    """What a user would write: pandas.read_excel with openpyxl."""
    return py(f"import pandas; pandas.read_excel({str(path)!r}, engine='openpyxl')")


def sectools_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "sectools", *args]


def have_reference() -> bool:
    try:
        import fastexcel  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print("the reference read needs fastexcel and pyarrow: pip install -e '.[bench]'", file=sys.stderr)
        return False
    return True


def table(rows: list[tuple], head: tuple) -> str:
    """The figures as the console tables of sectools print them (tabulate)."""
    from tabulate import tabulate

    return tabulate(rows, headers=head, disable_numparse=True, colalign=("left",) + ("right",) * (len(head) - 1))


def sizes_from(argv_sizes: str | None) -> tuple[int, ...]:
    if not argv_sizes:
        return SIZES
    return tuple(int(float(s.replace("k", "e3").replace("M", "e6"))) for s in argv_sizes.split(","))
