"""A fictional but realistic semester of a 财经系学生会, made the same way every time.

Pure data: functions return rows; :mod:`sectools.scaffold` writes them.  Every name, id and
phone number is invented (seeded random), so the demo office can be shipped and shown.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

OFFICE_NAME = "财经系学生会"
SEMESTER_START = dt.date(2026, 3, 2)
SEMESTER_END = dt.date(2026, 7, 10)
SEED = 20260302

DEPARTMENTS = ("主席团", "秘书处", "组织部", "宣传部", "学习部", "文艺部", "体育部", "生活部", "外联部")
MAJORS = (("会计", "01"), ("财管", "02"), ("金融", "03"), ("国贸", "04"), ("审计", "05"))
GRADES = ("2023", "2024", "2025")

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_GIVEN = ("子涵 欣怡 梓涵 一诺 浩然 宇轩 雨桐 思远 晨曦 佳怡 俊杰 明轩 诗涵 嘉怡 子轩 雅琪 梦瑶 泽宇 博文 "
          "可馨 文博 若曦 志强 海洋 静怡 天佑 心怡 一鸣 思琪 浩宇 语嫣 俊熙 欣然 子墨 芷若 家豪 嘉欣 "
          "昊天 晓彤 睿 婷 杰 敏 磊 颖 鑫 瑶 琳 帆 悦 航 超 倩 洁 涛 畅 璐 宁 彬 蕾").split()


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    gender: str
    department: str
    post: str
    class_name: str
    phone: str
    joined: dt.date
    left: dt.date | None
    status: str


def classes() -> list[tuple[str, str]]:
    """30 classes: (班级, 年级)."""
    out = []
    for g in GRADES:
        for major, _ in MAJORS:
            for k in (1, 2):
                out.append((f"{major}{g[2:]}{k:02d}", f"{g}级"))
    return out


def members() -> list[Member]:
    rng = random.Random(SEED)
    cls = classes()
    used_ids: set[str] = set()
    used_names: set[str] = set()
    out: list[Member] = []

    def new_person(grade_pref: tuple[str, ...]) -> tuple[str, str, str, str]:
        while True:
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            if name not in used_names:
                break
        used_names.add(name)
        grade = rng.choice(grade_pref)
        major, code = rng.choice(MAJORS)
        k = rng.choice((1, 2))
        while True:
            sid = f"{grade}{code}{k:02d}{rng.randint(1, 45):02d}"
            if sid not in used_ids:
                break
        used_ids.add(sid)
        gender = rng.choice("男女")
        return sid, name, gender, f"{major}{grade[2:]}{k:02d}"

    def phone() -> str:
        return rng.choice(("13", "15", "17", "18", "19")) + "".join(str(rng.randint(0, 9)) for _ in range(9))

    posts_by_dep = {"主席团": ["主席", "副主席", "副主席"], "秘书处": ["秘书长", "副秘书长"]}
    for dep in DEPARTMENTS:
        heads = posts_by_dep.get(dep, ["部长", "副部长"])
        n_staff = 0 if dep == "主席团" else rng.randint(7, 9)
        for post in heads + ["干事"] * n_staff:
            senior = post != "干事"
            sid, name, gender, cls_name = new_person(("2023", "2024") if senior else ("2024", "2025"))
            joined = dt.date(2025, 9, rng.randint(15, 28)) if senior or rng.random() < 0.6 else \
                dt.date(2026, 3, rng.randint(2, 6))
            out.append(Member(sid, name, gender, dep, post, cls_name, phone(), joined, None, "在任"))
    # A realistic change during the semester: one member quit.
    i = next(k for k, m in enumerate(out) if m.department == "体育部" and m.post == "干事")
    m = out[i]
    out[i] = Member(m.id, m.name, m.gender, m.department, m.post, m.class_name, m.phone, m.joined,
                    dt.date(2026, 4, 20), "已退出")
    # 同名: two people with the same name in different departments (sectools warns; never merges).
    a = next(k for k, m in enumerate(out) if m.department == "宣传部" and m.post == "干事")
    b = next(k for k, m in enumerate(out) if m.department == "学习部" and m.post == "干事")
    mb = out[b]
    out[b] = Member(mb.id, out[a].name, mb.gender, mb.department, mb.post, mb.class_name, mb.phone, mb.joined,
                    mb.left, mb.status)
    return out
