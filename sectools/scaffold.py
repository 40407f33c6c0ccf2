"""``sectools init``: a blank office folder, or the demo office, ready to open in Excel.

Workbooks get a title row, a styled header, frozen panes, drop-down lists for closed
vocabularies, widths that fit Chinese text and rows formatted for typing.  The same code makes
what is committed under ``workbooks/`` (a test proves it current).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import demo
from .config import CONFIG_NAME, DEFAULT_DEPARTMENTS, POSTS
from .errors import Problem, SectoolsError
from .roster import ROSTER, STATUSES
from .schema import TableSpec
from .writer import Column, Sheet, atomic_target, write_workbook

_KIND = {"date": "date", "time": "time", "int": "int", "number": "number"}

CONFIG_TEMPLATE = """\
# sectools 办公室配置 / office settings.  改完保存即可，无需其他操作。
# 说明见 README.md；日期写成 2026-03-02，文字加英文双引号。

[office]
name = "{name}"
semester_start = {start}        # 本学期第一天
semester_end = {end}            # 本学期最后一天
lang = "zh-CN"                  # 提示语言：zh-CN 简体、zh-TW 繁體、en English
departments = [{departments}]

# 每张表在哪个工作簿里（路径相对本文件夹）。sheet 可省略：sectools 按表头自动找到表。
[tables.roster]
path = "名册.xlsx"
sheet = "成员"

# 安全上限（一般无需修改）/ safety limits for hostile files
# [limits]
# max_uncompressed = 1073741824   # 一个工作簿解压后最多多少字节
# max_cells = 10000000            # 一个工作表最多多少个单元格
# max_extent = 50000000           # 一个工作表的数据范围（行 × 列）上限
"""


def _columns(spec: TableSpec) -> list[Column]:
    return [Column(f.label, _KIND.get(f.type, "text"), f.width) for f in spec.fields]


def _validations(spec: TableSpec, extra: dict[str, list[str]] | None = None) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for c, f in enumerate(spec.fields):
        if extra and f.name in extra:
            out[c] = list(extra[f.name])
        elif f.type == "choice" and f.choices:
            out[c] = list(f.choices)
    return out


def roster_sheet(office_name: str, members: list[demo.Member] | None,
                 departments: tuple[str, ...] = DEFAULT_DEPARTMENTS) -> Sheet:
    rows = []
    for m in members or []:
        rows.append([m.id, m.name, m.gender, m.department, m.post, m.class_name, m.phone, m.joined, m.left,
                     m.status])
    return Sheet(
        name="成员",
        columns=_columns(ROSTER),
        rows=rows,
        title=f"{office_name}成员名册",
        validations=_validations(ROSTER, {"department": list(departments), "post": list(POSTS),
                                          "status": list(STATUSES)}),
        blank_rows=max(0, 300 - len(rows)),
    )


def init_office(folder: str | Path, *, with_demo: bool = False, force: bool = False,
                name: str | None = None) -> list[Path]:
    """Create an office folder.  Refuses a non-empty folder unless ``force`` (and even then
    only replaces the files it makes itself)."""
    folder = Path(folder)
    made = [folder / CONFIG_NAME, folder / ROSTER.default_path]
    if folder.exists() and any(folder.iterdir()) and not force:
        raise SectoolsError(Problem("output-exists", file=str(folder),
                                    params={"detail": "、".join(sorted(p.name for p in folder.iterdir())[:5])}))
    folder.mkdir(parents=True, exist_ok=True)
    office_name = name or (demo.OFFICE_NAME if with_demo else "学生会")
    start, end = (demo.SEMESTER_START, demo.SEMESTER_END) if with_demo else _this_semester()
    deps = ", ".join(f'"{d}"' for d in DEFAULT_DEPARTMENTS)
    with atomic_target(made[0]) as tmp:
        tmp.write_text(CONFIG_TEMPLATE.format(name=office_name, start=start, end=end, departments=deps),
                       encoding="utf-8")
    members = demo.members() if with_demo else None
    write_workbook(made[1], [roster_sheet(office_name, members)])
    return made


def _this_semester(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """A sensible default semester around today: spring Mar–Jul, autumn Sep–Jan."""
    today = today or dt.date.today()
    if 2 <= today.month <= 7:
        return dt.date(today.year, 3, 1), dt.date(today.year, 7, 15)
    y = today.year if today.month >= 8 else today.year - 1
    return dt.date(y, 9, 1), dt.date(y + 1, 1, 20)



def write_committed_workbooks(folder: str | Path) -> list[Path]:
    """What the repository keeps under ``workbooks/``: the blank workbooks a new office gets,
    and the demo office.  Regenerate with ``python -m sectools.scaffold workbooks``."""
    folder = Path(folder)
    made = [write_workbook(folder / "blank" / ROSTER.default_path, [roster_sheet("学生会", None)])]
    made += init_office(folder / "demo", with_demo=True, force=True)
    return made


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import sys

    for p in write_committed_workbooks(sys.argv[1] if len(sys.argv) > 1 else "workbooks"):
        print(p)
