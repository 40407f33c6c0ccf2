"""A fictional but realistic semester of a 财经系学生会, made the same way every time.

Pure data: functions return rows; :mod:`sectools.scaffold` writes them.  Every name, id and
phone number is invented (seeded random), so the demo office can be shipped and shown.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .vocab import HEAD_POSTS

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


# ---- attendance --------------------------------------------------------------------------------
# 2026 public holidays inside the semester (清明 4/4–6, 劳动节 5/1–5, 端午 6/19–21): no meetings.
HOLIDAYS = {dt.date(2026, 4, d) for d in (4, 5, 6)} | {dt.date(2026, 5, d) for d in range(1, 6)} | \
    {dt.date(2026, 6, d) for d in (19, 20, 21)}
TEACHING_END = dt.date(2026, 6, 28)


@dataclass(frozen=True)
class Meeting:
    date: dt.date
    start: dt.time
    end: dt.time
    name: str
    kind: str
    place: str
    scope: str
    host: str
    recorder: str


def meetings() -> list[Meeting]:
    out: list[Meeting] = []
    first_sunday = SEMESTER_START + dt.timedelta(days=6)  # 2026-03-08
    week = 0
    d = first_sunday
    while d <= TEACHING_END:
        week += 1
        if d not in HOLIDAYS:
            out.append(Meeting(d, dt.time(19, 0), dt.time(20, 0), f"第{week}周例会", "例会", "经管楼 302",
                               "全体", "主席", "秘书处"))
        d += dt.timedelta(days=7)
    d = SEMESTER_START + dt.timedelta(days=9)  # Wednesdays, every other week, from 2026-03-11
    n = 0
    while d <= TEACHING_END:
        if d not in HOLIDAYS:
            n += 1
            out.append(Meeting(d, dt.time(12, 30), dt.time(13, 10), f"第{n}次部长级会议", "部长级会议", "学生会办公室",
                               "部长级", "主席", "秘书处"))
        d += dt.timedelta(days=14)
    d = SEMESTER_START + dt.timedelta(days=8)  # Tuesdays, weekly, from 2026-03-10
    n = 0
    while d <= TEACHING_END:
        if d not in HOLIDAYS:
            n += 1
            out.append(Meeting(d, dt.time(12, 30), dt.time(13, 0), f"秘书处例会（{d.month}月{d.day}日）", "秘书处例会",
                               "学生会办公室", "秘书处", "秘书长", "副秘书长"))
        d += dt.timedelta(days=7)
    out.append(Meeting(dt.date(2026, 3, 6), dt.time(19, 0), dt.time(20, 30), "春季学期全体大会", "全体大会",
                       "学术报告厅", "全体", "主席", "秘书处"))
    out.append(Meeting(dt.date(2026, 4, 18), dt.time(8, 30), dt.time(11, 30), "社区志愿服务", "活动",
                       "阳光社区", "生活部、外联部", "生活部部长", "秘书处"))
    out.append(Meeting(dt.date(2026, 5, 8), dt.time(19, 0), dt.time(20, 30), "五四评优表彰大会", "活动",
                       "学术报告厅", "全体", "主席", "秘书处"))
    out.append(Meeting(dt.date(2026, 6, 26), dt.time(19, 0), dt.time(20, 30), "学期总结大会", "全体大会",
                       "学术报告厅", "全体", "主席", "秘书处"))
    out.sort(key=lambda m: (m.date, m.start))
    return out


def in_scope(m: Member, scope: str) -> bool:
    if scope == "全体":
        return True
    if scope == "部长级":
        return m.post in HEAD_POSTS
    return m.department in scope.split("、")


def expected(m: Member, meeting: Meeting) -> bool:
    return in_scope(m, meeting.scope) and m.joined <= meeting.date and (m.left is None or m.left > meeting.date)


@dataclass(frozen=True)
class Signin:
    meeting: Meeting
    member: Member
    status: str | None  # a mark as a clerk types it, or None when the time says it all
    time_in: dt.time | None
    time_out: dt.time | None
    note: str | None = None


@dataclass(frozen=True)
class Leave:
    member: Member
    meeting: Meeting
    kind: str
    approved: str
    reason: str
    approver: str


def attendance() -> tuple[list[Signin], list[Leave]]:
    """Sign-ins and leave for every meeting: mostly present, some late, a few absences, and a
    handful of members whose absences reach the office's thresholds."""
    rng = random.Random(SEED + 1)
    people = members()
    # Members whose record the demo makes poor (reaching 提醒 / 通报 / 自动退出).
    idle = {p.id: rate for p, rate in zip(
        [p for p in people if p.department == "文艺部" and p.post == "干事"][:1]
        + [p for p in people if p.department == "体育部" and p.post == "干事"][1:3]
        + [p for p in people if p.department == "外联部" and p.post == "干事"][:1]
        + [p for p in people if p.department == "秘书处" and p.post == "干事"][:1],
        (0.35, 0.2, 0.18, 0.25, 0.3))}
    signins: list[Signin] = []
    leaves: list[Leave] = []
    reasons = {"事假": ("家中有事", "参加竞赛", "课程冲突", "面试"), "病假": ("感冒发烧", "就医"),
               "公假": ("代表学院参加校级活动", "校团委借调")}
    for mt in meetings():
        start = dt.datetime.combine(mt.date, mt.start)
        end = dt.datetime.combine(mt.date, mt.end)
        for p in people:
            if not expected(p, mt):
                continue
            x = rng.random()
            p_absent = idle.get(p.id, 0.006)
            if x < p_absent:
                if rng.random() < 0.5:
                    signins.append(Signin(mt, p, "缺席", None, None))
                continue  # no sign-in at all
            if x < p_absent + 0.04:
                kind = rng.choice(("事假", "事假", "病假", "公假"))
                approved = "否" if rng.random() < 0.08 else "是"
                leaves.append(Leave(p, mt, kind, approved, rng.choice(reasons[kind]),
                                    "秘书长" if mt.kind != "例会" else "主席"))
                if rng.random() < 0.5:
                    signins.append(Signin(mt, p, kind[0] if mt.kind == "秘书处例会" else "请假", None, None))
                continue
            late = rng.random() < (0.025 if p.id not in idle else 0.15)
            arrive = start + dt.timedelta(minutes=rng.randint(3, 14) if late else -rng.randint(0, 12))
            leave_early = rng.random() < 0.01
            out = end - dt.timedelta(minutes=rng.randint(10, 25)) if leave_early else \
                end + dt.timedelta(minutes=rng.randint(0, 8))
            mark = None
            if rng.random() < 0.15:
                mark = "√"
            signins.append(Signin(mt, p, mark, arrive.time().replace(second=0), out.time().replace(second=0)))
    return signins, leaves


# ---- QR-code sign-in --------------------------------------------------------------------------------
# In May the office tried sign-in by a QR-code form at its 全体 meetings (the Sunday 例会 and the 五四
# assembly): members scanned on arrival, and after each meeting the secretariat downloaded the answers,
# some from 问卷星 and some from 金数据, into 签到/扫码签到（5月）/ as they came.
FORM_MONTH = (2026, 5)
FORM_URL = "https://www.wjx.cn/vm/mZ3kQ8p.aspx"  # invented: the demo's form
SIGNIN_FOLDER = "签到"
FORM_FOLDER = "扫码签到（5月）"
VISITOR = ("林晓", "2025110233", "会计学院学生会")  # not a member: listed, never counted


def by_form(m: Meeting) -> bool:
    """A meeting whose sign-in was taken by the QR-code form (no hand-kept record of it)."""
    return (m.date.year, m.date.month) == FORM_MONTH and m.scope == "全体"


@dataclass(frozen=True)
class Scan:
    meeting: Meeting
    name: str
    id: str
    department: str
    at: dt.datetime


def scans() -> list[Scan]:
    """What the form service recorded at the QR meetings: every arrival (with its seconds) of the
    members who came; one member who scanned twice; a visitor from another college.  A form sees no
    leave and no leaving early: those are in 请假.xlsx, or not known."""
    rng = random.Random(SEED + 7)
    out: list[Scan] = []
    for s in attendance()[0]:
        if not by_form(s.meeting) or s.time_in is None:
            continue
        start = dt.datetime.combine(s.meeting.date, s.meeting.start)
        at = dt.datetime.combine(s.meeting.date, s.time_in)
        if at != start:  # a scan at 19:00:00 sharp stays on time; the others carry their seconds
            at += dt.timedelta(seconds=rng.randint(0, 59))
        out.append(Scan(s.meeting, s.member.name, s.member.id, s.member.department, at))
    first = min(out, key=lambda x: x.at).meeting
    twice = next(x for x in out if x.meeting == first and x.at < dt.datetime.combine(first.date, first.start))
    out.append(Scan(twice.meeting, twice.name, twice.id, twice.department, twice.at + dt.timedelta(minutes=3, seconds=12)))
    name, sid, dep = VISITOR
    out.append(Scan(first, name, sid, dep, dt.datetime.combine(first.date, first.start) - dt.timedelta(minutes=4)))
    out.sort(key=lambda x: (x.meeting.date, x.at))
    return out


# ---- class assessment ---------------------------------------------------------------------------
SCORE_ITEMS = [
    # 类别, 项目, 分值, 计分方式, 每周上限, 严重违纪
    ("卫生", "教室地面有垃圾", -1, "每次", 10, "否"),
    ("卫生", "寝室内务不整", -0.5, "每人次", 10, "否"),
    ("卫生", "寝室使用违章电器", -5, "每次", 10, "是"),
    ("纪律", "晚自习迟到", -0.5, "每人次", 10, "否"),
    ("纪律", "晚自习讲话、玩手机", -1, "每人次", 10, "否"),
    ("纪律", "夜不归宿", -5, "每人次", None, "是"),
    ("早操", "早操缺勤", -0.5, "每人次", 8, "否"),
    ("早操", "早操队列不整", -1, "每次", 8, "否"),
    ("加分", "校级活动获奖", 2, "每次", 5, "否"),
    ("加分", "好人好事（通报表扬）", 1, "每次", 5, "否"),
]
INSPECTORS = {  # inspecting department → the items it checks
    "生活部": ("教室地面有垃圾", "寝室内务不整", "寝室使用违章电器"),
    "学习部": ("晚自习迟到", "晚自习讲话、玩手机", "夜不归宿"),
    "体育部": ("早操缺勤", "早操队列不整"),
    "组织部": ("校级活动获奖", "好人好事（通报表扬）"),
}


def class_rows() -> list[tuple[str, str, int, str, str]]:
    rng = random.Random(SEED + 2)
    out = []
    for name, grade in classes():
        out.append((name, grade, rng.randint(38, 52), rng.choice(_SURNAMES) + "老师",
                    rng.choice(_SURNAMES) + rng.choice(_GIVEN)))
    return out


def inspections() -> dict[str, list[tuple]]:
    """Each inspecting department's records for every teaching week: (日期, 班级, 项目, 次数/人次, 检查人)."""
    rng = random.Random(SEED + 3)
    names = [c for c, _ in classes()]
    inspectors = {dep: [m.name for m in members() if m.department == dep][:3] for dep in INSPECTORS}
    out: dict[str, list[tuple]] = {dep: [] for dep in INSPECTORS}
    monday = SEMESTER_START
    while monday + dt.timedelta(days=6) <= TEACHING_END:
        for dep, items in INSPECTORS.items():
            for _ in range(rng.randint(8, 16)):
                day = monday + dt.timedelta(days=rng.randint(0, 4))
                if day in HOLIDAYS:
                    continue
                item = rng.choice(items)
                if item in ("寝室使用违章电器", "夜不归宿") and rng.random() > 0.15:
                    continue
                count = rng.randint(1, 4) if "人次" in _method(item) else 1
                out[dep].append((day, rng.choice(names), item, count, rng.choice(inspectors[dep])))
        monday += dt.timedelta(days=7)
    for dep in out:
        out[dep].sort()
    return out


def _method(item: str) -> str:
    return next(m for _, i, _, m, _, _ in SCORE_ITEMS if i == item)


# ---- monthly plans and summaries ------------------------------------------------------------------
PLAN_ITEMS = {
    "秘书处": [("例会签到与考勤统计", "每周例会签到，月底汇总考勤", "每周日 19:00", "秦可馨"),
              ("三月份工作计划汇总", "收集各部门计划，编制每周活动安排", "3月4日", "余敏"),
              ("学生会档案更新", "新成员建档，更新名册", "3月20日", "戴杰")],
    "组织部": [("新学期团支部工作会议", "布置团支部本学期工作", "3月11日", "吕梦瑶"),
              ("团员教育评议准备", "制定评议方案", "3月25日", "郝航")],
    "宣传部": [("学雷锋月宣传", "海报、推文各一期", "3月5日", "邱诗涵"),
              ("公众号月度推送", "每周推送两篇", "每周三、周五", "谭子涵"),
              ("宣传栏更新", "更新学院宣传栏", "3月18日", "何博文")],
    "学习部": [("晚自习考勤检查", "每周一至周四抽查", "每周一至周四", "万欣然"),
              ("学风建设座谈会", "邀请各班学习委员", "3月19日", "孔子墨")],
    "文艺部": [("迎新晚会节目征集", "向各班征集节目", "3月12日", "姜欣怡")],
    "体育部": [("春季运动会报名", "组织各班报名", "3月23日", "石浩然"),
              ("早操检查", "每周一、三、五", "每周一、三、五", "付俊杰")],
    "生活部": [("寝室卫生检查", "每周两次", "每周二、周四", "钟宇轩"),
              ("社区志愿服务筹备", "联系阳光社区", "3月26日", "陶诗涵")],
    "外联部": [("赞助洽谈", "联系两家企业", "3月中旬", "龙鑫")],
}


def plan_submissions() -> list[dict]:
    """March 2026 as handed in: one department missing (外联部), one late (体育部), one malformed
    (文艺部: no item table), one handed in twice (宣传部), one in Traditional characters (学习部),
    Word and Excel mixed; and the month's summaries."""
    out = []
    filled = {"秘书处": dt.date(2026, 3, 2), "组织部": dt.date(2026, 3, 3), "宣传部": dt.date(2026, 3, 2),
              "学习部": dt.date(2026, 3, 4), "文艺部": dt.date(2026, 3, 3), "体育部": dt.date(2026, 3, 10),
              "生活部": dt.date(2026, 3, 4)}
    authors = {d: next(m.name for m in members() if m.department == d and m.post in ("部长", "秘书长"))
               for d in filled}
    for dep, day in filled.items():
        items = [[str(i + 1), a, b, c, who, "按时完成"] for i, (a, b, c, who) in enumerate(PLAN_ITEMS[dep])]
        fmt = "docx" if dep in ("组织部", "学习部", "生活部") else "xlsx"
        name = {"秘书处": "秘书处3月工作计划", "组织部": "组织部-三月计划", "宣传部": "宣传部2026年3月工作计划（初稿）",
                "学习部": "學習部3月工作計劃", "文艺部": "文艺部计划", "体育部": "体育部3月计划（补交）",
                "生活部": "生活部 3月 工作计划"}[dep]
        sub = {"department": dep, "kind": "plan", "filled": day, "author": authors[dep], "items": items,
               "format": fmt, "file": name, "traditional": dep == "学习部", "folder": None}
        if dep == "文艺部":
            sub["items"] = []  # malformed: the table left empty
        if dep == "生活部":
            sub["folder"] = "生活部"  # kept in the department's own subfolder
        out.append(sub)
        if dep == "宣传部":
            final = dict(sub, filled=dt.date(2026, 3, 3), file="宣传部2026年3月工作计划（定稿）",
                         items=items + [[str(len(items) + 1), "学生会招新海报", "为春季招新设计海报", "3月25日",
                                         "何博文", "按时完成"]])
            out.append(final)
    for dep in ("秘书处", "宣传部", "体育部"):
        plan = PLAN_ITEMS[dep]
        items = []
        for i, (a, b, c, who) in enumerate(plan):
            done = "已完成" if i != 1 or dep != "体育部" else "部分完成"
            items.append([str(i + 1), a, b, c, who, "按时完成", done, "已按计划完成" if done == "已完成" else "部分班级未报名", "否"])
        items.append([str(len(items) + 1), "协助校团委检查", "临时任务", "3月27日", plan[0][3], "完成", "已完成", "计划外任务", "是"])
        out.append({"department": dep, "kind": "summary", "filled": dt.date(2026, 4, 2 if dep != "体育部" else 8),
                    "author": authors[dep], "items": items, "format": "xlsx", "file": f"{dep}3月工作总结",
                    "traditional": False, "folder": None})
    return out


# ---- performance appraisal -------------------------------------------------------------------------
KPI_INDICATORS = [
    # 指标, 类别, 权重, 评分方式, 数据来源, 满分, 考核对象
    ("工作态度", "履职", 30, "打分", "手工评分", 100, "成员"),
    ("工作质量", "履职", 30, "打分", "手工评分", 100, "成员"),
    ("出勤", "纪律", 20, "比率", "出勤率", 100, "成员"),
    ("部门计划按时", "协作", 10, "比率", "计划按时率", 100, "成员"),
    ("部门计划完成", "协作", 10, "比率", "计划完成率", 100, "成员"),
    ("加分", "加分", 0, "加分项", "手工评分", 5, "成员"),
    ("部门出勤", "纪律", 30, "比率", "出勤率", 100, "部门"),
    ("计划按时", "管理", 25, "比率", "计划按时率", 100, "部门"),
    ("计划完成", "管理", 25, "比率", "计划完成率", 100, "部门"),
    ("督办完成", "管理", 20, "比率", "督办完成率", 100, "部门"),
]
KPI_PERIODS = ("2026-03", "2026年春季学期")


def ratings() -> list[tuple]:
    """(期间, 学号, 姓名, 指标, 评分人类别, 分数) for the March and semester appraisals."""
    rng = random.Random(SEED + 4)
    out = []
    for period in KPI_PERIODS:
        for m in members():
            if m.left and m.left < dt.date(2026, 3, 31):
                continue
            base = rng.uniform(70, 95)
            for ind in ("工作态度", "工作质量"):
                for group, spread in (("自评", 3), ("部长评", 6), ("主席团评", 6)):
                    if m.post in ("主席", "副主席") and group == "主席团评":  # the presidium rate one another
                        out.append((period, m.id, m.name, ind, group, round(min(100, base))))  # (no draw: the
                        continue  # others' ratings stay as they were)
                    out.append((period, m.id, m.name, ind, group, round(min(100, base + rng.uniform(-spread, spread)))))
            if rng.random() < 0.15:
                out.append((period, m.id, m.name, "加分", "主席团评", rng.choice((1, 2, 3))))
    return out


# ---- 用印登记 --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Seal:
    name: str
    kind: str
    keeper: str
    state: str
    since: dt.date | None
    until: dt.date | None
    approvers: str | None


@dataclass(frozen=True)
class SealUse:
    date: dt.date
    seal: str
    document: str
    purpose: str
    copies: int
    handler: str
    approver: str | None
    approved_on: dt.date | None
    involves: str


def _by_post(post: str, department: str | None = None) -> str:
    return next(m.name for m in members() if m.post == post and (department is None or m.department == department))


def seals() -> list[Seal]:
    """The office's four seals: its 公章, the finance 专用章, the secretariat's old seal (停用 from April, when
    the 公章 took over its uses) and the chair's name seal, which only the chair may have used."""
    chair, sg, deputy = _by_post("主席"), _by_post("秘书长"), _by_post("副秘书长")
    return [
        Seal(f"{OFFICE_NAME}公章", "公章", sg, "在用", dt.date(2024, 9, 1), None, None),
        Seal(f"{OFFICE_NAME}财务专用章", "专用章", deputy, "在用", dt.date(2024, 9, 1), None, None),
        Seal("秘书处业务章", "专用章", sg, "停用", dt.date(2023, 9, 1), dt.date(2026, 4, 1), None),
        Seal(f"主席名章（{chair}）", "手章", chair, "在用", dt.date(2025, 9, 1), None, chair),
    ]


def seal_uses() -> list[SealUse]:
    """A term of the register, as clerks keep it — and the faults an audit finds: a use nobody approved, a
    stamp before its approval, a contract the chair signed alone, the old seal used after it was put away,
    a 干事 approving a use of the 公章."""
    chair, sg, deputy = _by_post("主席"), _by_post("秘书长"), _by_post("副秘书长")
    clerk = next(m.name for m in members() if m.department == "秘书处" and m.post == "干事")
    seal, money, old = f"{OFFICE_NAME}公章", f"{OFFICE_NAME}财务专用章", "秘书处业务章"
    name_seal = f"主席名章（{chair}）"
    d = dt.date
    return [
        SealUse(d(2026, 3, 3), seal, "关于举办2026年春季学期全体大会的通知", "发文", 2, clerk, chair, d(2026, 3, 2), "否"),
        SealUse(d(2026, 3, 5), old, "秘书处例会制度（修订）", "存档", 1, clerk, sg, d(2026, 3, 5), "否"),
        SealUse(d(2026, 3, 10), money, "3月活动经费预算表", "报院团委", 2, deputy, sg, d(2026, 3, 9), "否"),
        SealUse(d(2026, 3, 12), seal, "学生会干部任职证明（" + clerk + "）", "证明", 1, clerk, chair, d(2026, 3, 11), "否"),
        SealUse(d(2026, 3, 18), money, "迎新晚会物资采购合同", "采购", 2, deputy, chair, d(2026, 3, 17), "是"),
        SealUse(d(2026, 3, 24), seal, "社会实践活动介绍信", "外联", 3, clerk, chair, d(2026, 3, 23), "否"),
        SealUse(d(2026, 4, 2), seal, "关于推荐优秀学生干部的报告", "报学院", 1, clerk, chair, d(2026, 4, 1), "否"),
        SealUse(d(2026, 4, 8), old, "秘书处值班表", "张贴", 1, clerk, sg, d(2026, 4, 7), "否"),
        SealUse(d(2026, 4, 14), money, "社区志愿服务交通费报销单", "报销", 1, deputy, sg, d(2026, 4, 15), "否"),
        SealUse(d(2026, 4, 21), name_seal, "与阳光社区共建协议", "签约", 2, clerk, "校长 李卫东", d(2026, 4, 20), "是"),
        SealUse(d(2026, 5, 6), seal, "五四评优表彰决定", "发文", 3, clerk, chair, d(2026, 5, 5), "否"),
        SealUse(d(2026, 5, 12), seal, "学生会工作证明", "证明", 1, clerk, None, None, "否"),
        SealUse(d(2026, 5, 20), seal, "社团联合活动申请表", "报批", 2, clerk, clerk, d(2026, 5, 19), "否"),
        SealUse(d(2026, 6, 2), money, "6月活动经费决算表", "报院团委", 2, deputy, "院长 周立新", d(2026, 6, 1), "否"),
        SealUse(d(2026, 6, 16), seal, "学期总结大会通知", "发文", 2, clerk, chair, d(2026, 6, 15), "否"),
        SealUse(d(2026, 6, 24), seal, "2026年春季学期工作总结", "报学院", 2, clerk, chair, d(2026, 6, 23), "否"),
    ]


# ---- 收文登记 --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Incoming:
    received: dt.date
    number: str | None
    sender: str
    reference: str
    title: str
    urgency: str
    kind: str
    proposal: str | None
    instruction: str | None
    lead: str | None
    partners: str | None
    due: dt.date | None
    done: dt.date | None
    result: str | None
    circulation: str | None


def incoming() -> list[Incoming]:
    """A term of documents received, as the secretariat registers them — with what an audit finds: a 办件 past its
    due date with no result, a 阅件 one head has not read, one finished late, one not yet numbered, and an urgent
    one whose due date comes from the rule."""
    d = dt.date
    chair, vice = _by_post("主席"), _by_post("副主席")
    heads = {m.department: m.name for m in members() if m.post == "部长"}
    sg = _by_post("秘书长")
    return [
        Incoming(d(2026, 3, 3), "收〔2026〕1号", "院团委", "院团发〔2026〕3号", "关于开展2026年“学雷锋”志愿服务月活动的通知",
                 "平件", "办件", "拟请生活部主办、外联部会办", "同意。" + chair, "生活部", "外联部", d(2026, 3, 20),
                 d(2026, 3, 19), "已落实：开展志愿服务4次", None),
        Incoming(d(2026, 3, 5), "收〔2026〕2号", "学院学生工作办公室", "学工办〔2026〕5号",
                 "关于做好2026年春季学期学生干部培训工作的通知", "平件", "办件", "拟请组织部办理", "同意。" + chair,
                 "组织部", None, d(2026, 3, 27), d(2026, 3, 26), "已落实：举办培训2场", None),
        Incoming(d(2026, 3, 9), "收〔2026〕3号", "校学生会", "校学发〔2026〕2号", "关于召开校学生会第一次代表大会的通知",
                 "平件", "阅件", "拟请主席团阅", None, None, None, None, None, None,
                 f"{chair}(3/9)、{vice}(3/10)、{sg}(3/9)"),
        Incoming(d(2026, 3, 16), "收〔2026〕4号", "院团委", "院团发〔2026〕8号", "关于报送2025—2026学年五四评优材料的通知",
                 "加急", "办件", "拟请组织部主办、秘书处会办", "请抓紧。" + chair, "组织部", "秘书处", d(2026, 3, 20),
                 d(2026, 3, 23), "已报送评优材料", None),
        Incoming(d(2026, 3, 23), "收〔2026〕5号", "教务处", "教通〔2026〕12号", "关于召开期中教学检查学生座谈会的通知",
                 "平件", "阅件", "拟请学习部阅", None, None, None, None, None, None, f"{heads['学习部']}(3/24)"),
        Incoming(d(2026, 4, 7), "收〔2026〕6号", "院团委", "院团发〔2026〕11号", "关于开展“青年大学习”学习情况统计的通知",
                 "平件", "办件", "拟请宣传部办理", "同意。" + chair, "宣传部", None, d(2026, 4, 17), d(2026, 4, 16),
                 "已报送统计表", None),
        Incoming(d(2026, 4, 13), "收〔2026〕7号", "学院办公室", "院办〔2026〕9号", "关于加强学生活动安全管理的通知",
                 "平件", "阅件", "拟请主席团及各活动部门阅", None, None, None, None, None, None,
                 f"{chair}(4/13)、{vice}(4/14)、{heads['体育部']}(4/15)、{heads['生活部']}"),
        Incoming(d(2026, 4, 20), "收〔2026〕8号", "校团委", "校团发〔2026〕15号", "关于举办第十届校园文化艺术节的通知",
                 "平件", "办件", "拟请文艺部主办、宣传部会办", "同意。" + chair, "文艺部", "宣传部", d(2026, 5, 15),
                 d(2026, 5, 14), "已落实：报送节目3个", None),
        Incoming(d(2026, 5, 6), "收〔2026〕9号", "院团委", "院团发〔2026〕20号", "关于开展学生会组织改革评估工作的通知",
                 "特急", "办件", "拟请秘书处即办", "请秘书处当日报送。" + chair, "秘书处", None, None, d(2026, 5, 7),
                 "已答复：自评报告已报送", None),
        Incoming(d(2026, 5, 18), "收〔2026〕10号", "学院学生工作办公室", "学工办〔2026〕14号",
                 "关于报送学生会干部考核结果的通知", "平件", "办件", "拟请秘书处主办、组织部会办", "同意。" + chair,
                 "秘书处", "组织部", d(2026, 6, 5), None, None, None),
        Incoming(d(2026, 6, 2), None, "院团委", "院团发〔2026〕26号", "关于做好暑期社会实践团队申报工作的通知",
                 "平件", "办件", None, None, "外联部", None, d(2026, 6, 19), d(2026, 6, 18), "已落实：申报团队2支", None),
        Incoming(d(2026, 6, 10), "收〔2026〕11号", "校学生会", "校学发〔2026〕9号", "关于学生会换届工作的指导意见",
                 "平件", "阅件", "拟请主席团阅", None, None, None, None, None, None, f"{chair}(6/10)、{vice}(6/11)"),
    ]


def fund() -> list[tuple]:
    """(日期, 摘要, 收入, 支出, 经手人, 审批人, 凭证号, 类别, 资助对象, 捐赠人) of the 爱心基金 over two semesters — autumn 2025
    with what an audit finds (a payment nobody approved, one more than the fund held), spring 2026 clean but for a
    payment without its voucher number."""
    d = dt.date
    sg, chair = _by_post("秘书长"), _by_post("主席")
    return [
        (d(2025, 9, 5), "上学期结转", "2860.00", None, sg, None, None, "结转", None, None),
        (d(2025, 9, 20), "迎新晚会爱心义卖所得", "1426.50", None, sg, None, "SR2025-01", "捐赠", None, "迎新晚会义卖"),
        (d(2025, 10, 15), "资助家庭困难学生购置冬衣", None, "1200.00", sg, chair, "AX2025-07", "资助", "国贸2401 同学", None),
        (d(2025, 11, 10), "学院教职工爱心捐款", "3000.00", None, sg, None, "SR2025-02", "捐赠", None, "学院教职工"),
        (d(2025, 12, 3), "慰问生病住院同学", None, "600.00", sg, None, "AX2025-08", "资助", "审计2501 同学", None),
        (d(2025, 12, 20), "资助困难学生寒假返乡路费", None, "6000.00", sg, chair, "AX2025-09", "资助", "5名同学（名单附后）",
         None),
        (d(2026, 1, 10), "存款利息", "15.82", None, sg, None, None, "利息", None, None),
        (d(2026, 3, 18), "“学雷锋”爱心义卖所得", "1358.50", None, sg, None, "SR2026-01", "捐赠", None, "学生会义卖"),
        (d(2026, 4, 2), "资助家庭困难学生医疗费", None, "1500.00", sg, chair, "AX2026-01", "资助", "会计2301 同学", None),
        (d(2026, 4, 20), "存款利息", "12.35", None, sg, None, None, "利息", None, None),
        (d(2026, 5, 6), "慰问生病住院同学", None, "800.00", sg, chair, None, "资助", "金融2402 同学", None),
        (d(2026, 6, 12), "校友爱心捐款", "5000.00", None, sg, None, "SR2026-02", "捐赠", None, "2019届校友"),
        (d(2026, 6, 25), "资助困难学生购买学习用品", None, "2350.00", sg, chair, "AX2026-03", "资助", "3名同学（名单附后）",
         None),
    ]


def budget() -> list[tuple]:
    """(年度, 科目, 预算金额, 备注): the 2026 budget the 学院 granted for office supplies (and last year's)."""
    return [
        ("2026年度", "办公耗材", "3000.00", "纸张、笔、文件夹、打印耗材"),
        ("2026年度", "宣传物料", "1200.00", "海报、展板、横幅"),
        ("2026年度", "活动物资", "2000.00", "会议、活动用品"),
        ("2025年度", "办公耗材", "2800.00", None),
        ("2025年度", "宣传物料", "1500.00", None),
    ]


def purchases() -> list[tuple]:
    """(日期, 物品, 数量, 单位, 单价, 金额, 科目, 经办人, 审批人, 报销状态, 发票号) of spring 2026 — with what an audit finds:
    an invoice entered twice (a claim made again a month later), a purchase nobody approved, an amount that is not
    数量 × 单价, and 宣传物料 past 80% of its budget (the repeated invoice not counted)."""
    d = dt.date
    sg, deputy, chair = _by_post("秘书长"), _by_post("副秘书长"), _by_post("主席")
    pub = _by_post("部长", "宣传部")
    return [
        (d(2026, 2, 28), "A4打印纸", 6, "包", None, None, "期初库存", sg, None, None, None),
        (d(2026, 2, 28), "中性笔", 20, "支", None, None, "期初库存", sg, None, None, None),
        (d(2026, 3, 4), "A4打印纸", 20, "包", "23.50", "470.00", "办公耗材", sg, chair, "已报销", "26440001"),
        (d(2026, 3, 4), "中性笔", 60, "支", "1.50", "90.00", "办公耗材", sg, chair, "已报销", "26440001"),
        (d(2026, 3, 4), "档案盒", 30, "个", "6.80", "204.00", "办公耗材", sg, chair, "已报销", "26440001"),
        (d(2026, 3, 20), "换届宣传海报", 10, "张", "35.00", "350.00", "宣传物料", pub, chair, "已报销", "26440087"),
        (d(2026, 4, 8), "硒鼓", 2, "个", "168.00", "336.00", "办公耗材", deputy, chair, "未报销", "26440125"),
        (d(2026, 4, 15), "展板", 4, "块", "120.00", "480.00", "宣传物料", pub, chair, "未报销", "26440166"),
        (d(2026, 4, 22), "签到用笔记本", 50, "本", "4.60", "203.00", "活动物资", deputy, chair, "未报销", "26440190"),
        (d(2026, 5, 12), "五四晚会横幅", 2, "条", "95.00", "190.00", "宣传物料", pub, None, "未报销", "26440233"),
        (d(2026, 5, 18), "A4打印纸", 10, "包", "23.50", "235.00", "办公耗材", sg, chair, "未报销", "26440256"),
        (d(2026, 6, 3), "展板", 4, "块", "120.00", "480.00", "宣传物料", pub, chair, "未报销", "26440166"),
        (d(2026, 6, 10), "矿泉水", 10, "箱", "28.00", "280.00", "活动物资", deputy, chair, "未报销", "26440301"),
    ]


def issues_out() -> list[tuple]:
    """(日期, 物品, 数量, 部门, 领用人): what departments took from the cupboard — one asks for more paper than is left."""
    d = dt.date
    sg, deputy = _by_post("秘书长"), _by_post("副秘书长")
    pub, org = _by_post("部长", "宣传部"), _by_post("部长", "组织部")
    study, sport = _by_post("部长", "学习部"), _by_post("部长", "体育部")
    return [
        (d(2026, 3, 5), "A4打印纸", 4, "秘书处", sg),
        (d(2026, 3, 5), "中性笔", 20, "秘书处", sg),
        (d(2026, 3, 9), "A4打印纸", 3, "组织部", org),
        (d(2026, 3, 12), "档案盒", 10, "组织部", org),
        (d(2026, 3, 16), "中性笔", 15, "学习部", study),
        (d(2026, 3, 23), "A4打印纸", 5, "宣传部", pub),
        (d(2026, 4, 7), "A4打印纸", 6, "学习部", study),
        (d(2026, 4, 9), "硒鼓", 1, "秘书处", deputy),
        (d(2026, 4, 23), "签到用笔记本", 30, "组织部", org),
        (d(2026, 4, 27), "中性笔", 20, "体育部", sport),
        (d(2026, 5, 6), "A4打印纸", 12, "宣传部", pub),
        (d(2026, 5, 20), "A4打印纸", 5, "秘书处", sg),
        (d(2026, 6, 2), "档案盒", 12, "秘书处", sg),
        (d(2026, 6, 11), "矿泉水", 6, "体育部", sport),
    ]


def autumn_members() -> list[Member]:
    """The roster as it stood at the end of autumn 2025 (its 档案 snapshot): before the spring's joiners; 任诗涵 still in
    post; 卢宁 then in 宣传部 (moved to 秘书处 in the spring); 王子墨 then a 干事 (副秘书长 since); 赵明远 of 外联部, who
    left over the winter and is on the spring roster no more."""
    from dataclasses import replace

    out = []
    for m in members():
        if m.joined and m.joined > dt.date(2026, 1, 31):
            continue
        if m.name == "任诗涵":
            m = replace(m, status="在任", left=None)
        elif m.name == "卢宁":
            m = replace(m, department="宣传部")
        elif m.name == "王子墨":
            m = replace(m, post="干事")
        out.append(m)
    out.append(Member("2024020231", "赵明远", "男", "外联部", "干事", "国贸2402", "18750231231", dt.date(2024, 9, 20),
                      None, "在任"))
    return out


QUOTAS = {"秘书处": 2, "组织部": 2, "宣传部": 2, "学习部": 1, "外联部": 1}  # the spring 纳新's places ([intake] quota)
_APPLICANTS = [  # 姓名, 学号, 性别, 班级, 第一志愿, 第二志愿, 服从调剂, (集体意识, 责任心, 组织策划, 文字能力, 综合能力) as merited
    ("林思远", "2025110101", "男", "会计2501", "秘书处", "组织部", "是", (88, 90, 85, 86, 88)),
    ("陈雨桐", "2025110215", "女", "会计2502", "秘书处", "宣传部", "是", (85, 87, 84, 90, 86)),
    ("黄子豪", "2025120103", "男", "金融2501", "秘书处", "学习部", "否", (80, 82, 78, 80, 79)),
    ("周佳怡", "2025120122", "女", "金融2501", "组织部", "秘书处", "是", (84, 86, 88, 80, 85)),
    ("吴俊杰", "2025130108", "男", "国贸2501", "组织部", None, "否", (76, 78, 80, 72, 77)),
    ("郑可欣", "2025130219", "女", "国贸2502", "学习部", "宣传部", "是", (82, 80, 76, 88, 81)),
    ("孙浩然", "2025140111", "男", "审计2501", "外联部", "组织部", "是", (79, 77, 82, 74, 80)),
    ("刘诗琪", "2025140205", "女", "审计2502", "宣传部", "秘书处", "是", (90, 88, 86, 92, 89)),
    ("何宇航", "2025150117", "男", "财管2501", "宣传部", "外联部", "是", (83, 84, 82, 85, 83)),
    ("罗梦洁", "2025150220", "女", "财管2502", "宣传部", "学习部", "否", (83, 84, 82, 85, 83)),
    ("谢天宇", "2025160109", "男", "税务2501", "学习部", "秘书处", "是", (78, 80, 79, 83, 78)),
    ("韩雪", "2025160212", "女", "税务2502", "外联部", "宣传部", "是", (81, 79, 83, 76, 82)),
    ("唐嘉怡", "2025170104", "女", "电商2501", "组织部", "外联部", "是", (80, 83, 81, 78, 80)),
    ("冯子轩", "2025170118", "男", "电商2501", "秘书处", None, "是", (74, 76, 73, 75, 74)),
]


def applicants() -> list[tuple]:
    """(提交时间, 姓名, 学号, 性别, 班级, 手机号码, 第一志愿, 第二志愿, 是否服从调剂, 自我介绍) as a form service exports the
    spring 纳新's sign-up form."""
    out = []
    for k, (name, sid, gender, cls, first, second, adjust, _) in enumerate(_APPLICANTS):
        out.append((dt.datetime(2026, 3, 9, 19, 5) + dt.timedelta(minutes=37 * k), name, sid, gender, cls,
                    f"1875{sid[-7:]}", first, second, adjust,
                    f"我是{cls}的{name}，希望加入{first}，为同学们服务。"))
    return out


def interviews() -> list[tuple]:
    """(面试官, 申请人, 集体意识, 责任心, 组织策划, 文字能力, 综合能力, 备注): the 秘书长 saw everyone; the 主席 the first
    seven, the 组织部部长 the other seven — and scored everyone 10 points lower (standardising puts them right); 何宇航
    and 罗梦洁 scored alike, tied at the edge of 宣传部's places."""
    chair, sg, strict = _by_post("主席"), _by_post("秘书长"), _by_post("部长", "组织部")
    out = []
    for k, (name, *_, merit) in enumerate(_APPLICANTS):
        out.append((sg, name, *merit, None))
        if k < 7:
            out.append((chair, name, *[x + (1 if (k + j) % 3 == 0 else -1 if (k + j) % 3 == 1 else 0)
                                       for j, x in enumerate(merit)], None))
        else:
            out.append((strict, name, *[x - 10 for x in merit], None))
    return out


def events() -> list[tuple]:
    """(日期, 事件, 类别, 地点, 参加人员) the secretariat records by hand in its 大事记 table: what no register holds."""
    d = dt.date
    chair = _by_post("主席")
    return [
        (d(2026, 3, 14), "学院团委书记到学生会调研指导工作，听取新学期工作安排汇报", "调研", "学生会办公室", "主席团、各部部长"),
        (d(2026, 4, 11), "举办学生干部培训班（第一期），邀请学院党委副书记作专题讲座", "培训", "学术报告厅", "全体干部"),
        (d(2026, 5, 4), "组织全体成员参加学校纪念五四运动主题团日活动", "活动", "学校体育馆", "全体成员"),
        (d(2026, 6, 13), f"学生会主席{chair}代表学院参加校学生会工作经验交流会并发言", "交流", "校学生活动中心", chair),
    ]


@dataclass(frozen=True)
class Decision:
    date: dt.date
    meeting: str
    item: str
    owner: str | None
    due: dt.date | None
    lead: str | None
    partners: str | None


def decisions() -> list[Decision]:
    """What the term's 全体大会 and 部长级会议 decided (议定事项.xlsx): most with a 负责人 and a 完成时限, so supervised
    (督办) without being typed again; one a rule, not a task; one whose 负责人 is no department of the office."""
    d = dt.date
    heads = {m.department: m.name for m in members() if m.post == "部长"}
    sg, chair = _by_post("秘书长"), _by_post("主席")
    return [
        Decision(d(2026, 3, 6), "春季学期全体大会", "各部门于3月13日前提交本学期工作计划", sg, d(2026, 3, 13), "秘书处", None),
        Decision(d(2026, 3, 6), "春季学期全体大会", "本学期例会考勤按新修订的《考勤制度》执行", None, None, None, None),
        Decision(d(2026, 3, 11), "第1次部长级会议", "筹备“学雷锋”志愿服务月活动", heads["生活部"], d(2026, 3, 31), "生活部",
                 "外联部"),
        Decision(d(2026, 3, 11), "第1次部长级会议", "制作学生会新学期宣传海报和推文", heads["宣传部"], d(2026, 3, 20), None,
                 None),
        Decision(d(2026, 4, 8), "第3次部长级会议", "组织第十届校园文化艺术节节目选拔", heads["文艺部"], d(2026, 5, 8), "文艺部",
                 "宣传部"),
        Decision(d(2026, 5, 20), "第6次部长级会议", "整理本学期学生会工作档案并移交学院办公室", sg, d(2026, 6, 30), "秘书处",
                 None),
        Decision(d(2026, 5, 20), "第6次部长级会议", "汇总学生会干部述职考核材料", heads["组织部"], d(2026, 6, 12), "组织部",
                 "秘书处"),
        Decision(d(2026, 6, 3), "第7次部长级会议", "学生会微信公众号改版", "新媒体中心", d(2026, 6, 30), None, None),
        Decision(d(2026, 6, 17), "第8次部长级会议", "筹备学期总结大会", chair, d(2026, 6, 26), "主席团", "秘书处、文艺部"),
        Decision(d(2026, 6, 17), "第8次部长级会议", "编印本学期工作总结汇编", heads["宣传部"], d(2026, 7, 24), "宣传部",
                 "秘书处"),
    ]


@dataclass(frozen=True)
class Task:
    title: str | None
    source: str | None
    assigned: dt.date | None
    lead: str | None
    partners: str | None
    owner: str | None
    due: dt.date | None
    progress: str | None
    status: str | None
    done: dt.date | None
    ext_asked: dt.date | None = None
    ext_to: dt.date | None = None
    ext_reason: str | None = None
    ext_approved: str | None = None


def tasks() -> list[Task]:
    """The 督办台账 as the secretariat keeps it: the follow-up of decisions and documents (their 来源 copied from the
    督办通报, the 事项 not typed again — or typed once more, exactly), and tasks the 主席团 or the college gave.
    With what supervision finds: an extension asked for after the due date, one approved in time, a task finished
    after its due date, an overdue 办件 still in hand, one cancelled."""
    d = dt.date
    heads = {m.department: m.name for m in members() if m.post == "部长"}
    sg = _by_post("秘书长")
    return [
        Task(None, "春季学期全体大会 2026-03-06 第1项", None, None, None, None, None,
             "3/9 已发通知；3/13 九个部门全部提交", "已完成", d(2026, 3, 13)),
        Task(None, "第1次部长级会议 2026-03-11 第1项", None, None, None, None, None,
             "3/18 活动方案定稿；3/29 四次志愿服务全部完成", "已完成", None),
        Task("制作学生会新学期宣传海报和推文", None, None, None, None, None, None,
             "3/17 海报初稿；3/24 推文发布", "已完成", d(2026, 3, 24)),
        Task(None, "第3次部长级会议 2026-04-08 第1项", None, None, None, None, None,
             "4/20 报名截止，收到节目21个；5/7 选拔结束，报送3个", "已完成", d(2026, 5, 7)),
        Task(None, "第6次部长级会议 2026-05-20 第1项", None, None, None, sg, None,
             "6/10 完成3—4月档案整理；6/24 期末考试周，申请延期", "已延期", None,
             d(2026, 6, 24), d(2026, 7, 15), "期末考试周，部门成员集中复习", "同意"),
        Task(None, "第6次部长级会议 2026-05-20 第2项", None, None, None, None, None,
             "6/5 已收到5个部门的材料；6/15 申请延期", "进行中", None,
             d(2026, 6, 15), d(2026, 6, 30), "部分部门材料未交齐", "同意"),
        Task(None, "第8次部长级会议 2026-06-17 第1项", None, None, None, None, None, "6/26 大会如期召开", "已完成",
             d(2026, 6, 26)),
        Task("协助学院做好毕业生离校志愿服务", "领导交办（院团委）", d(2026, 6, 15), "外联部", "生活部", heads["外联部"],
             d(2026, 6, 30), "6/22 招募志愿者30人；6/29 服务结束", "已完成", d(2026, 6, 29)),
        Task("清点办公室固定资产并造册", "领导交办（学院办公室）", d(2026, 7, 1), "秘书处", None, sg, d(2026, 7, 14),
             "7/6 已清点桌椅、电脑", "进行中", None),
        Task("收集同学对食堂的意见建议", "领导交办（主席团）", d(2026, 4, 20), "生活部", None, heads["生活部"],
             d(2026, 5, 15), "4/28 学校后勤处已统一组织问卷，本项不再办理", "已撤销", None),
        Task(None, "收文 收〔2026〕10号", None, None, None, _by_post("副秘书长"), None,
             "6/3 已汇总九个部门的考核结果；6/9 待主席团审定", "进行中", None),
    ]
