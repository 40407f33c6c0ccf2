"""The reader's robustness suite: every workbook in ../shared/corpus (721 files other programs
made, broken and hostile ones included) gets tables or one clear problem — no traceback, no hang,
no crashed process (this runs in-process: a crash would take pytest down)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sectools.errors import UnreadableFile
from sectools.reader import open_workbook, read_table
from sectools.roster import ROSTER

CORPUS = Path(os.environ.get("SECTOOLS_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".csv")) \
    if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the project")
def test_every_corpus_workbook_reads_or_gives_one_clear_problem():
    outcomes = {"read": 0, "refused": 0}
    codes: dict[str, int] = {}
    slow = []
    for path in FILES:
        t0 = time.perf_counter()
        try:
            wb = open_workbook(path)
        except UnreadableFile as e:
            assert len(e.problems) == 1, path
            p = e.problems[0]
            assert p.code and p.file == path.name and p.message(), path
            codes[p.code] = codes.get(p.code, 0) + 1
            outcomes["refused"] += 1
            continue
        with wb:
            for name in wb.sheet_names:
                try:
                    raw = wb.sheet(name)
                    assert isinstance(raw.rows, list)
                except UnreadableFile as e:
                    assert len(e.problems) == 1 and e.problems[0].message(), path
                    codes[e.problems[0].code] = codes.get(e.problems[0].code, 0) + 1
            table = read_table(wb, ROSTER)
            assert table.problems or len(table) >= 0
            for p in table.problems:
                assert p.code and p.message()
        outcomes["read"] += 1
        if time.perf_counter() - t0 > 10:
            slow.append(path.name)
    assert not slow, f"too slow: {slow}"
    assert outcomes["read"] > 600 and outcomes["refused"] >= 20, (outcomes, codes)
    assert {"password-protected", "corrupt-workbook"} <= set(codes), codes


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the project")
def test_every_corpus_workbook_through_the_plan_form_reader():
    """The monthly-plan reader (which looks for header fields anywhere) answers every file too."""
    from sectools.sources import read_form
    from sectools.reader import ReadContext

    for path in FILES:
        sub = read_form(path, ReadContext(), ("秘书处", "宣传部"), path.name)
        assert all(p.code and p.message() for p in sub.problems), path
