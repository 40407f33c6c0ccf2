"""名册 — the members of the office: who they are, where they serve, since when.

Schema at the top; :func:`check_roster` holds the roster's own rules (ids unique, names that
stand for several people, departments the office knows, dates in order).  No I/O here.
"""

from __future__ import annotations

import datetime as dt

from .vocab import POSTS
from .errors import WARNING, Problem
from .messages import W, joined
from .schema import Field, TableSpec

STATUS_ACTIVE = "在任"
STATUSES = {"在任": ("在职", "在岗", "现任", "active"), "已退出": ("退出", "离任", "离职", "已离任", "quit", "left"),
            "撤职": ("撤销职务", "撤消职务", "免职", "dismissed")}

ROSTER = TableSpec(
    name="roster",
    title="名册",
    english_title="roster",
    default_path="名册.xlsx",
    default_sheet=None,
    key="id",
    fields=(
        Field("id", ("学号", "工号", "编号", "学工号"), "id", True, english="Student ID", width=14),
        Field("name", ("姓名", "名字", "成员姓名", "学生姓名"), "name", True, english="Name", width=10),
        Field("gender", ("性别",), "choice", choices={"男": ("male", "m"), "女": ("female", "f")},
              english="Gender", width=6),
        Field("department", ("部门", "所在部门", "部门名称"), "text", True, english="Department", width=10),
        Field("post", ("职务", "职位", "岗位"), "choice", choices={p: () for p in POSTS}, english="Post", width=10),
        Field("class_name", ("班级", "所在班级"), "text", english="Class", width=16),
        Field("phone", ("电话", "手机", "手机号", "联系电话", "手机号码"), "phone", english="Phone", width=14),
        Field("joined", ("入职日期", "加入日期", "入会日期", "任职日期"), "date", english="Joined", width=12),
        Field("left", ("离任日期", "退出日期", "离职日期", "卸任日期"), "date", english="Left", width=12),
        Field("status", ("状态", "在任状态"), "choice", choices=STATUSES, english="Status", width=8),
    ),
)


def check_roster(table, departments: tuple[str, ...] | None = None) -> list[Problem]:
    """The roster's own rules, on a table read with :data:`ROSTER`.  Returns new problems."""
    from .normalize import fold

    df = table.data
    problems: list[Problem] = []
    # One name, several ids: records that give only a name cannot be matched.
    names = df["name"].tolist()
    ids = df["id"].tolist()
    given = df["name"].notna()
    shared = (given & df["name"].duplicated(keep=False)).to_numpy()  # only names given more than once
    by_name: dict[str, list[int]] = {}
    for i in shared.nonzero()[0].tolist():
        if names[i]:
            by_name.setdefault(names[i], []).append(i)
    for name, rows in by_name.items():
        distinct = list(dict.fromkeys(ids[i] for i in rows if ids[i]))
        if len(distinct) > 1:
            problems.append(table.problem("ambiguous-name", rows[1], "name", name, WARNING,
                                          id_label=table.spec.field("id").term,
                                          ids=joined([W("value-at", value=x, cell=table.cell(i, "id")) for x, i in
                                                           zip(distinct, rows)])))
    if departments:
        known = {fold(d) for d in departments}
        deps = df["department"].tolist()
        first = {}
        for i, dep in enumerate(deps):  # each department's first row, in the order they come
            if dep not in first:
                first[dep] = i
        for dep, i in first.items():
            if dep and fold(dep) not in known:
                problems.append(table.problem("unknown-department", i, "department", dep, WARNING,
                                              allowed="、".join(departments)))
    came_all = df["joined"].tolist()
    for i, left in enumerate(df["left"].tolist()):
        if left is None:
            continue
        came = came_all[i]
        if isinstance(came, dt.date) and isinstance(left, dt.date) and left < came:
            problems.append(table.problem("dates-out-of-order", i, "left", left, joined=came.isoformat()))
    return problems


FAR_PAST, FAR_FUTURE = dt.date(1900, 1, 1), dt.date(9999, 12, 31)
GONE = ("已退出", "撤职")


def service_span(joined: dt.date | None, left: dt.date | None, status: str | None) -> tuple[dt.date, dt.date]:
    """The days a member serves: from 入职日期 (blank: always) up to, not including, 离任日期 — the
    leaving day is the first day not serving.  Blank 离任日期 with 状态 已退出/撤职: not serving at all."""
    end = left if left else (FAR_PAST if status in GONE else FAR_FUTURE)
    return joined or FAR_PAST, end


def serving_during(joined, left, status, start: dt.date, end: dt.date) -> bool:
    """Whether the member serves on at least one day from ``start`` to ``end`` (both included)."""
    a, b = service_span(joined, left, status)
    return a <= end and b > start
