"""1,000 personalised 考勤提醒 notices as .docx files.

    python bench/bench_notices.py [--n 1000]

* ``sectools`` — the template compiled once, then rendered and zipped per notice, each file
  written atomically (what ``sectools notices render`` does);
* ``naive``    — docxtpl's usual loop: load the template again for every notice, render, save.
Target: sectools ≤ 10 s for 1,000.  A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def contexts(n: int) -> list[dict]:
    out = []
    for i in range(n):
        out.append({
            "doc_number": "财学生会〔2026〕12号", "date": "2026年3月25日", "office": "财经系学生会",
            "period": "2026年3月2日至2026年3月31日", "rule": "《考勤制度》（全部会议：折算缺席 ≥ 2 次 → 提醒）",
            "person": {"name": f"成员{i}", "department": "宣传部", "post": "干事", "expected": 8, "absent": 2, "late": 1,
                       "counted": 2, "rate": "62.5%", "action": "提醒",
                       "meetings": ["2026-03-08 第1周例会（缺席）", "2026-03-15 第2周例会（缺席）", "2026-03-22 第3周例会（迟到）"]},
        })
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--naive", type=int, default=100, help="how many the naive loop renders (scaled up)")
    args = ap.parse_args()
    from importlib import resources

    from sectools.notices.engine import compile_template, environment
    from sectools.writer import atomic_target

    template = Path(str(resources.files("sectools.templates") / "考勤提醒.docx"))
    ctxs = contexts(args.n)
    with tempfile.TemporaryDirectory() as d:
        out = Path(d)
        t = time.perf_counter()
        compiled = compile_template(template.read_bytes(), template.name)
        for i, ctx in enumerate(ctxs):
            data = compiled.docx_bytes(compiled.render_xml(ctx))
            with atomic_target(out / f"s{i}.docx") as tmp:
                tmp.write_bytes(data)
        fast = time.perf_counter() - t

        from docxtpl import DocxTemplate

        t = time.perf_counter()
        for i, ctx in enumerate(ctxs[:args.naive]):
            doc = DocxTemplate(template)
            doc.render(ctx, jinja_env=environment(), autoescape=True)
            doc.save(out / f"n{i}.docx")
        naive = (time.perf_counter() - t) * args.n / args.naive
    print(f"notices: {args.n:,}")
    print(f"sectools (compile once)      : {fast:6.2f} s   ({fast / args.n * 1000:.1f} ms each; target ≤ 10 s)")
    print(f"naive (reload per notice)    : {naive:6.2f} s   (measured on {args.naive}, scaled)")
    print(f"speed-up                     : {naive / fast:.1f}×")


if __name__ == "__main__":
    main()
