"""Blank and half-filled offices: every command, on a fresh `sectools init` office, on the demo, and
on the demo with each table emptied in turn (its header kept), answers with a result or a clear
message — never an internal error, a traceback or a usage error."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sectools.cli import main
from sectools.config import load_office
from sectools.notices import KINDS

TABLES = ("roster", "meetings", "signins", "leaves", "classes", "score_items", "inspections", "indicators", "ratings",
          "plans", "seals", "seal_uses", "incoming", "decisions", "tasks", "events", "fund",
          "budget", "purchases", "issues_out", "applicants", "interviews")


def commands(o: str) -> list[list[str]]:
    cmds = [["check", o], ["attendance", o], ["signin-sheet", o], ["ranking", "compute", o],
            ["ranking", "compute", o, "--semester"], ["ranking", "status", o], ["ranking", "verify", o],
            ["ranking", "publish", o, "--week", "2026-W12"],
            ["plans", "collect", o], ["plans", "collect", o, "--kind", "summary"],
            ["plans", "schedule", o, "--month", "2026-03"],
            ["kpi", o], ["kpi", o, "--for", "department"], ["kpi", o, "--period", "上学期"],
            ["seals", o], ["seals", o, "--month", "2026-03"], ["seals", "form", o], ["seals", "form", o, "--row", "3"],
            ["documents", o], ["documents", "form", o], ["documents", "remind", o, "--format", "txt"],
            ["tasks", o], ["tasks", "notice", o, "--format", "txt"], ["tasks", "remind", o, "--format", "txt"],
            ["diary", o, "--month", "2026-03", "--doc", "txt"], ["diary", o, "--format", "json"],
            ["fund", o], ["fund", o, "--semester", "2025秋", "--format", "json"], ["fund", o, "--notices"],
            ["fund", "notice", o, "--format", "txt"],
            ["supplies", o], ["supplies", o, "--year", "2025", "--format", "json"], ["supplies", o, "--notices"],
            ["supplies", "claims", o, "--format", "txt"],
            ["intake", o], ["intake", o, "--format", "json"], ["intake", o, "--notices"],
            ["intake", "notice", o, "--format", "txt"], ["intake", "letters", o, "--format", "txt"],
            ["intake", "roster", o],
            ["archive", "snapshot", o, "--replace"], ["archive", "list", o], ["archive", "diff", o, "2026春"],
            ["archive", "show", o, "2025010101"], ["archive", "apply", o]]
    for kind in KINDS:
        cmds.append(["notices", "render", kind, o, "--format", "txt", "--force"])
    return cmds


def empty_table(office: Path, name: str) -> None:
    """Leave ``name``'s workbook(s) with the header and nothing under it (the plans: no forms at all)."""
    cfg = load_office(office)
    if name == "plans":
        folder = office / str(cfg.section("plans").get("folder", "计划总结"))
        shutil.rmtree(folder)
        folder.mkdir()
        return
    path = cfg.path_of(name)
    for f in sorted(path.rglob("*.xlsx")) if path.is_dir() else [path]:  # a sign-in folder: its subfolders too
        wb = openpyxl.load_workbook(f)
        sheet = cfg.table(name).sheet  # 印章 and 用印登记 share a workbook: only the table's own sheet
        for ws in ([wb[sheet]] if sheet and sheet in wb.sheetnames else wb.worksheets):
            head = next((r[0].row for r in ws.iter_rows() if sum(c.value not in (None, "") for c in r) >= 2), 1)
            if ws.max_row > head:
                ws.delete_rows(head + 1, ws.max_row - head)
        wb.save(f)


# A job whose required table is empty refuses (exit 1) naming the file — never a result from nothing.
NEEDS = {"roster": ("attendance", "signin-sheet", "kpi"), "meetings": ("attendance", "signin-sheet"),
         "signins": ("attendance",), "classes": ("ranking compute",), "score_items": ("ranking compute",),
         "inspections": ("ranking compute",), "indicators": ("kpi",), "ratings": ("kpi",),
         "plans": ("plans collect", "plans schedule"), "seals": ("seals",), "seal_uses": ("seals",),
         "incoming": ("documents",), "fund": ("fund",)}


def sweep(office: Path, emptied: str | None = None) -> list[str]:
    bad = []
    must_refuse = NEEDS.get(emptied or "", ())
    for cmd in commands(str(office)):
        r = CliRunner().invoke(main, cmd)
        name = " ".join(cmd[:2]) if cmd[0] in ("ranking", "plans") else cmd[0]
        if name in must_refuse and (r.exit_code != 1 or "内部出错" in r.output):
            bad.append(f"{' '.join(cmd[:3])} with {emptied} empty → {r.exit_code}: {r.output[-300:]}")
        text = r.output + (str(r.exception) if r.exception and not isinstance(r.exception, SystemExit) else "")
        if r.exit_code not in (0, 1) or "内部出错" in text or "Traceback" in text or \
                (r.exception and not isinstance(r.exception, SystemExit)):
            bad.append(f"{' '.join(cmd[:3])} → {r.exit_code}: {text[-300:]}")
        elif r.exit_code == 1 and not r.output.strip():
            bad.append(f"{' '.join(cmd[:3])} → exit 1 without a word")
    return bad


def test_every_command_on_a_blank_office(tmp_path):
    office = tmp_path / "空白办公室"
    assert CliRunner().invoke(main, ["init", str(office)]).exit_code == 0
    assert sweep(office) == []


@pytest.mark.parametrize("table", (None,) + TABLES)
def test_every_command_on_the_demo_with_a_table_emptied(demo_office, tmp_path, table):
    office = tmp_path / "办公室"
    shutil.copytree(demo_office[0], office, ignore=shutil.ignore_patterns("输出", ".sectools"))
    if table:
        empty_table(office, table)
    assert sweep(office, table) == []
