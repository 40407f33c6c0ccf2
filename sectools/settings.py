"""Every setting of ``sectools.toml``, declared once, and the one engine that checks them.

Each section is a :class:`Section` of :class:`Key` s: the key's name, its type, its range or
choices (with the spellings accepted for each choice), its default, one line of help in Chinese
and English, and the Chinese names a clerk may type instead (``"宽限分钟" = 5``; TOML wants
non-ASCII keys in quotes).  From these declarations come:

* :func:`validate` — the parsed ``sectools.toml`` → typed values with every default filled in,
  and a :class:`~sectools.errors.Problem` for each wrong type, value out of range, value not
  among the choices, unknown key ("did you mean …") and unknown section, each naming the key
  and, given the file's text, its line (``sectools.toml:12``);
* :func:`validate_section` — one section alone (the domain rules use it);
* :func:`template` — the text ``sectools init`` writes;
* :func:`markdown_table` / :func:`update_readme` — the settings table in README.md
  (``python -m sectools.settings readme`` regenerates it).

Light on purpose: the standard library, :mod:`sectools.errors` and :mod:`sectools.messages`
only, so the config, the domain packages and the Excel layer can all import it.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .errors import Problem

CONFIG_NAME = "sectools.toml"


# ---- declarations -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice key and the other spellings accepted for it."""

    value: str
    aliases: tuple[str, ...] = ()
    zh: str = ""
    en: str = ""


@dataclass(frozen=True)
class Key:
    """One setting.

    ``kind``: ``int``, ``number``, ``bool``, ``text``, ``date``, ``choice``, ``names`` (a list of
    names), ``weights`` (a table of name → number, e.g. ``{ "自评" = 10 }``), ``lists`` (a table of name →
    list of names, e.g. ``{ "公章" = ["主席"] }``) or ``tables`` (an
    array of tables, ``[[section.key]]``, each with the keys in ``items``).
    """

    name: str
    kind: str
    default: Any = None
    zh: str = ""
    en: str = ""
    aliases: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    choices: tuple[Choice, ...] = ()
    items: tuple["Key", ...] = ()
    required: bool = False        # inside an array of tables: each table must give it
    nonempty: bool = False        # text, names, weights: not blank / not empty
    example: Any = None           # what the template shows for a key without a default
    default_from: str | None = None  # "section.key" whose value is the default
    default_zh: str = ""          # the default in words, when it is not a fixed value
    default_en: str = ""


@dataclass(frozen=True)
class Section:
    name: str
    keys: tuple[Key, ...]
    zh: str = ""
    en: str = ""
    title: str = ""               # the template's comment above the section
    entries: bool = False         # [tables.<name>]: a table of tables, each with ``keys``
    commented: bool = False       # the template writes it commented out
    checks: tuple[Callable[[dict, set], list], ...] = ()

    def key(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)


DEFAULT_DEPARTMENTS = ("主席团", "秘书处", "组织部", "宣传部", "学习部", "文艺部", "体育部", "生活部", "外联部")

LANGS = (
    Choice("zh-CN", ("zh-cn", "zh-hans", "zh", "简体", "简体中文"), "简体", "Simplified Chinese"),
    Choice("zh-TW", ("zh-tw", "zh-hk", "zh-hant", "繁體", "繁体", "繁體中文"), "繁體", "Traditional Chinese"),
    Choice("en", ("en", "english", "英文"), "English", "English"),
)
TIE_METHODS = (
    Choice("dense", ("中国式",), "中国式 1,2,2,3", "1,2,2,3"),
    Choice("competition", (), "1,2,2,4", "1,2,2,4"),
)
NOTICE_STYLES = (
    Choice("plain", ("简洁", "简单"), "简洁", "plain"),
    Choice("formal", ("正式", "公文"), "正式公文", "formal"),
)
RANK_SCOPES = (
    Choice("grade", ("年级", "按年级"), "按年级", "per grade"),
    Choice("all", ("overall", "全部", "全院"), "全部", "all classes together"),
)


def _semester_in_order(v: dict, given: set) -> list:
    start, end = v.get("semester_start"), v.get("semester_end")
    if start and end and end < start:
        return [("semester_end", end, "不早于 semester_start 的日期 / a date on or after semester_start")]
    return []


def _signin_link(v: dict, given: set) -> list:
    from .qr import signin_link

    url = v.get("signin_form_url")
    if url is not None and signin_link(url) is None:
        return [("signin_form_url", url, "以 https:// 或 http:// 开头的网址 / a web link starting with http(s)://")]
    return []


def _number_format(v: dict, given: set) -> list:
    fmt = v.get("incoming_number") or ""
    if "{n}" not in fmt or any(k not in ("year", "n") for k in re.findall(r"\{(\w*)\}", fmt)):
        return [("incoming_number", fmt, "含 {n}（序号），可含 {year}，如 收〔{year}〕{n}号 / with {n}, and {year} if wanted")]
    return []


def _late_after_grace(v: dict, given: set) -> list:
    if v["late_as_absent_minutes"] < v["grace_minutes"]:
        key = "late_as_absent_minutes" if "late_as_absent_minutes" in given else "grace_minutes"
        return [(key, v[key], "late_as_absent_minutes 不小于 grace_minutes / late_as_absent_minutes ≥ grace_minutes")]
    return []


SECTIONS: dict[str, Section] = {s.name: s for s in (
    Section("office", (
        Key("name", "text", "学生会", "办公室名称，用在报表和通知上", "office name, on reports and notices",
            ("名称", "办公室名称"), nonempty=True),
        Key("semester_start", "date", None, "本学期第一天（给“3月2日”这样的日期补上年份）",
            "first day of the semester (gives dates like 3月2日 their year)", ("学期开始",),
            example=dt.date(2026, 3, 2), default_zh="无", default_en="none"),
        Key("semester_end", "date", None, "本学期最后一天", "last day of the semester", ("学期结束",),
            example=dt.date(2026, 7, 10), default_zh="无", default_en="none"),
        Key("lang", "choice", "zh-CN", "提示语言：zh-CN 简体、zh-TW 繁體、en English",
            "message language", ("语言",), choices=LANGS),
        Key("departments", "names", list(DEFAULT_DEPARTMENTS), "本单位的部门（名册“部门”列的选项）",
            "the office's departments (the roster's 部门 values)", ("部门",), nonempty=True),
    ), "办公室", "the office", checks=(_semester_in_order,)),
    Section("tables", (
        Key("path", "text", None, "工作簿路径（相对本文件夹）；检查记录、签到也可以是一个文件夹",
            "workbook path, relative to the office folder (inspections, sign-ins: a folder too)", ("路径",),
            nonempty=True, default_zh="该表自己的文件，如 名册.xlsx", default_en="the table's own file, e.g. 名册.xlsx"),
        Key("sheet", "text", None, "工作表名称；省略时按表头自动找到", "sheet name; found by its header when left out",
            ("工作表",), example="成员", default_zh="按表头找到", default_en="found by its header"),
    ), "每张表在哪个工作簿里", "where each table is",
        title="每张表在哪个工作簿里（路径相对本文件夹）。sheet 可省略：sectools 按表头自动找到表。", entries=True),
    Section("attendance", (
        Key("grace_minutes", "int", 0, "开始时间后几分钟内签到不算迟到",
            "minutes after the start that still count as on time", ("宽限分钟",), min=0),
        Key("late_as_absent_minutes", "int", 15, "迟到超过几分钟按缺席（旷会）计",
            "later than this many minutes counts as absent", ("迟到按缺席分钟",), min=0),
        Key("lates_per_absence", "int", 3, "几次迟到/早退折算一次缺席",
            "late arrivals or early leavings that count as one absence", ("迟到折算次数",), min=1),
        Key("low_rate", "number", 0.8, "出勤率低于此值在报表中标红", "attendance rates below this are highlighted",
            ("出勤率警戒线",), min=0, max=1),
        Key("early_minutes", "int", 30, "扫码签到：会议开始前几分钟起的扫码算这次会议的签到",
            "QR sign-in: scans from this many minutes before the start count for the meeting", ("提前签到分钟",),
            min=0, max=720),
        Key("form_time_column", "text", None, "扫码签到：表单导出中作为签到时间的列（省略：提交时间）",
            "QR sign-in: the export's column taken as the sign-in time (default: the submit time)", ("签到时间列",),
            example="提交答卷时间", default_zh="提交时间（提交答卷时间、提交时间、结束答题时间……）",
            default_en="the submit time", nonempty=True),
        Key("signin_form_url", "text", None, "扫码签到：签到表单的链接，印成二维码放在会议通知和签到表上"
            "（会议表的“签到链接”列可按会议另给）",
            "QR sign-in: the sign-in form's link, printed as a QR code on the meeting notice and the sign-in sheet "
            "(a meeting's 签到链接 column overrides it)", ("签到链接",), example="https://www.wjx.cn/vm/xxxxxx.aspx",
            default_zh="不印二维码", default_en="no QR code", nonempty=True),
        Key("actions", "tables", [
            {"absences": 2, "action": "提醒", "notice": "考勤提醒", "kind": None},
            {"absences": 3, "action": "通报部长并撤销职务", "notice": "考勤通报", "kind": None},
        ], "处理阶梯：按折算缺席次数（全部会议）", "the escalation ladder: counted absences → action",
            ("处理阶梯",), items=(
                Key("absences", "int", None, "折算缺席达到几次", "counted absences that trigger it", ("缺席次数",),
                    min=1, required=True, example=3),
                Key("action", "text", None, "处理办法", "what is done", ("处理办法",), required=True, nonempty=True,
                    example="视为自动退出"),
                Key("notice", "text", None, "发出的通知，如 考勤提醒", "the notice sent, e.g. 考勤提醒", ("通知",),
                    example="考勤通报"),
                Key("kind", "text", None, "只按这一类会议单独计数（省略：全部会议）",
                    "counted over this meeting kind only (default: all meetings)", ("会议类型",),
                    example="秘书处例会"),
            )),
    ), "考勤", "attendance rules", title="考勤规则（以下为默认值，可按本单位制度修改）", checks=(_late_after_grace, _signin_link)),
    Section("ranking", (
        Key("base_score", "number", 100.0, "基础分", "every class's base score", ("基础分",)),
        Key("max_score", "number", None, "总分上限（省略：不设上限）", "cap on the total (default: none)",
            ("最高分",), example=110, default_zh="不设上限", default_en="none"),
        Key("normalise_by_size", "bool", False, "每人次的项目按班级人数折算（中位人数 ÷ 本班人数）",
            "scale per-person items by median class size ÷ class size", ("按人数折算",)),
        Key("rank_scope", "choice", "grade", "grade 按年级排名；all 全部一起排", "rank per grade, or all together",
            ("排名范围",), choices=RANK_SCOPES),
        Key("tie_method", "choice", "dense", "dense 中国式 1,2,2,3；competition 1,2,2,4",
            "ties: dense 1,2,2,3 or competition 1,2,2,4", ("并列方式",), choices=TIE_METHODS),
        Key("red_flags_per_grade", "int", 1, "每个年级几面流动红旗", "流动红旗 per grade", ("红旗数",), min=0),
        Key("red_flag_min_score", "number", 90.0, "获流动红旗的最低分", "lowest score that can win a flag",
            ("红旗最低分",)),
        Key("publish_hour", "int", 12, "周一（遇节假日顺延）几点前公布",
            "hour by which a week is published (Monday, or the next working day)", ("公布时间",), min=0, max=23),
        Key("objection_workdays", "int", 2, "公示几个工作日", "working days the results are open to objections",
            ("公示工作日",), min=0),
        Key("departments", "names", None, "应交检查记录的部门（省略：交过记录的部门）",
            "departments due to hand in inspection records (default: those that did)", ("检查部门",),
            example=["生活部", "纪检部"], default_zh="交过记录的部门", default_en="those that handed records in"),
        Key("seal_log", "text", None, "封单日志：办公室文件夹以外的一个文件（如共享盘），每次封单追加一行核验码",
            "a file outside the office folder (a shared drive) each seal appends its code to", ("封单日志",),
            example="//学院共享盘/秘书处/封单日志.txt", default_zh="不记", default_en="none", nonempty=True),
    ), "班级量化考核", "class assessment", title="班级量化考核规则（默认值）"),
    Section("plans", (
        Key("folder", "text", "计划总结", "各月计划、总结所在的文件夹（相对本文件夹）",
            "folder of the monthly plans and summaries", ("文件夹",), nonempty=True),
        Key("plan_due_workday", "int", 3, "计划截止：当月第几个工作日（当天 23:59）",
            "plans are due by the end of the month's n-th working day", ("计划截止工作日",), min=1, max=15),
        Key("summary_due_workday", "int", 3, "总结截止：下月第几个工作日；0 = 当月最后一个工作日",
            "summaries are due by the next month's n-th working day; 0 = the month's own last one",
            ("总结截止工作日",), min=0, max=15),
        Key("departments", "names", None, "应交计划、总结的部门（省略：主席团以外的各部门）",
            "departments due to hand in (default: every department but 主席团)", ("部门",),
            example=["秘书处", "宣传部"], default_zh="主席团以外的各部门", default_en="every department but 主席团"),
    ), "月度工作计划 / 总结", "monthly plans and summaries", title="月度工作计划、总结（默认值）"),
    Section("kpi", (
        Key("raters", "weights", {"自评": 10.0, "部长评": 50.0, "主席团评": 40.0}, "各评分人类别的权重",
            "weight of each rater group", ("评分权重",), min=0, nonempty=True),
        Key("grades", "weights", {"优秀": 90.0, "良好": 80.0, "合格": 60.0}, "等级分数线，低于最低一档为不合格",
            "grade thresholds; below the lowest is 不合格", ("等级",)),
        Key("excellent_quota", "number", 0.2, "每个部门优秀名额的比例（人数 × 比例，四舍五入，至少 1 人）",
            "share of each department that may be 优秀 (rounded half up, at least 1)", ("优秀比例",), min=0, max=1),
        Key("tie_method", "choice", "dense", "dense 中国式 1,2,2,3；competition 1,2,2,4",
            "ties: dense 1,2,2,3 or competition 1,2,2,4", ("并列方式",), choices=TIE_METHODS),
        Key("bonus_pool", "int", None, "奖金总额（元），按总分比例分配到元",
            "bonus pool in yuan, shared in proportion to the totals", ("奖金总额",), min=0, example=5000,
            default_zh="不发奖金", default_en="no bonus"),
        Key("missing", "choice", "zero", "缺少某项指标的分数时：zero 记 0 分；exclude-with-warning 不计入并在结果中列出",
            "an indicator with no score: zero counts 0; exclude-with-warning leaves it out and lists it",
            ("缺项处理",), choices=(Choice("zero", ("零分", "0", "记0分"), "记 0 分", "counts 0"),
                                    Choice("exclude-with-warning", ("exclude", "不计入"), "不计入并列出",
                                           "left out and listed"))),
    ), "绩效考核", "performance appraisal", title="绩效考核规则（中文键名要加英文引号）"),
    Section("notices", (
        Key("praise_min_meetings", "int", 3, "全勤表扬：至少应到几次会议",
            "meetings a member must have been due at to be praised for full attendance", ("表扬最少会议数",), min=0),
        Key("doc_prefix", "text", None, "发文字号前缀，如 财学生会〔2026〕3号（省略：办公室名称）",
            "document number prefix (default: the office name)", ("文号前缀",), nonempty=True, example="财学生会",
            default_from="office.name", default_zh="办公室名称", default_en="the office name"),
        Key("short_name", "text", None, "标题里写的发文机关名称（规范化简称，如 财经学生会）；省略：办公室名称",
            "the office's name as titles give it (its short form); default: the office name", ("简称",),
            nonempty=True, example="财经学生会", default_from="office.name", default_zh="办公室名称",
            default_en="the office name"),
        Key("style", "choice", "plain", "plain 简洁版式；formal 正式公文版式（红色版头、红色分隔线、版记）",
            "plain, or formal (red 版头 and rule, 版记)", ("版式",), choices=NOTICE_STYLES),
        Key("copy_to", "text", None, "抄送（正式版式的版记；省略：不写）", "抄送 in the formal 版记 (default: none)",
            ("抄送",), nonempty=True, example="院团委、学生工作办公室", default_zh="不写", default_en="none"),
        Key("issued_by", "text", None, "印发机关（正式版式的版记；省略：办公室名称）",
            "印发机关 in the formal 版记 (default: the office name)", ("印发机关",), nonempty=True,
            example="财经系学生会秘书处", default_zh="办公室名称", default_en="the office name"),
    ), "通知", "notices", title="通知（默认值）"),
    Section("documents", (
        Key("incoming_number", "text", "收〔{year}〕{n}号", "收文编号的写法：{year} 年份，{n} 当年的序号（没有编号的收文按收文日期给出建议编号）",
            "how incoming documents are numbered: {year} the year, {n} the year's sequence (a document without a "
            "number is given the next one, as a suggestion)", ("收文编号格式",), nonempty=True),
        Key("urgent_workdays", "weights", {"特急": 1.0, "加急": 3.0}, "急件没写办理时限时，收文后几个工作日内办结",
            "working days an urgent document without a 办理时限 has from its receipt", ("急件时限",), min=0),
        Key("due_workdays", "int", 10, "平件办件没写办理时限时，收文后几个工作日内办结（并提示补写时限）",
            "working days a 办件 without a 办理时限 has (and a warning to give one)", ("默认时限",), min=1),
        Key("due_soon_workdays", "int", 3, "离办理时限还剩几个工作日算临期（黄色提醒）",
            "working days before the due date that count as due soon (yellow)", ("临期工作日",), min=0),
    ), "收文与督办", "documents and tasks", title="收文办理（办理时限按工作日计，节假日顺延）",
        checks=(_number_format,)),
    Section("intake", (
        Key("weights", "weights", {"集体意识": 20.0, "责任心": 25.0, "组织策划": 20.0, "文字能力": 15.0, "综合能力": 20.0},
            "面试评分的各项标准及权重（纳新制度：集体意识、责任心、组织策划、文字能力、综合能力）；面试评分表每项一列",
            "the interview criteria and their weights (纳新制度); the interview sheet has a column for each",
            ("评分标准", "权重"), min=0, nonempty=True),
        Key("full_marks", "number", 100.0, "每项标准的满分（面试官打的分在 0 到满分之间）",
            "full marks of each criterion (an interviewer's score lies between 0 and it)", ("满分",), min=1),
        Key("standardise", "choice", "z", "z 每位面试官的打分先标准化（严格的面试官不会拉低他面试的人）；none 按原始分",
            "z: each interviewer's scores standardised first (a strict one does not sink their applicants); none: raw",
            ("标准化",), choices=(Choice("z", ("z-score", "标准化", "是"), "标准化", "standardised"),
                                  Choice("none", ("不标准化", "原始分", "否"), "原始分", "raw scores"))),
        Key("quota", "weights", {}, "各部门录用名额，如 quota = { \"秘书处\" = 3, \"宣传部\" = 4 }（部门名加英文引号）",
            "places per department, e.g. quota = { \"秘书处\" = 3 } (names in double quotes)", ("名额",), min=0,
            example={"秘书处": 3, "宣传部": 4}),
    ), "纳新", "intake", title="纳新（面试评分与录用名额）"),
    Section("supplies", (
        Key("warn_at", "number", 0.8, "某一科目花到预算的多少比例时预警（0.8 即 80%；超过预算为超支）",
            "share of an account's budget spent that gives a warning (0.8 is 80%; past the budget: overspent)",
            ("预警比例",), min=0, max=1),
    ), "办公用品", "office supplies", title="办公用品与预算（预警比例）"),
    Section("seals", (
        Key("approvers", "lists", {"公章": ["院长", "主席"], "专用章": ["院长", "主席", "副主席", "秘书长", "办公室主任"],
                                   "手章": ["院长", "书记", "主席"], "合同或财物": ["校长", "法人代表"]},
            "谁可以批准用印，写职务或姓名：按印章类型（公章、专用章、手章）或某枚印章的名称；“合同或财物”是涉及合同、协议、"
            "财物的用印须由其中一人批准（印章表的“审批权限”列可按印章另给）",
            "who may approve a seal's use, by post or name: per seal type (公章, 专用章, 手章) or a seal's own name; "
            "合同或财物: who must approve a use for a contract, an agreement or money (a seal's own "
            "审批权限 cell overrides its type's)", ("审批权限",), nonempty=True),
    ), "用印", "seal use", title="用印审批权限（印章管理制度：正式章须院长或其授权的负责人签字；合同、协议及财物须法人代表或校长签字）"),
    Section("limits", (
        Key("max_file_bytes", "int", 200 * 1024 * 1024, "一个工作簿文件最多多少字节", "bytes of one workbook file",
            min=1),
        Key("max_uncompressed", "int", 1024 * 1024 * 1024, "一个工作簿解压后最多多少字节",
            "bytes one workbook may inflate to", min=1),
        Key("max_ratio", "int", 100, "解压后与文件大小之比的上限（超过 64 MB 后才检查）",
            "bytes inflated per byte of file (checked past the first 64 MB)", min=1),
        Key("max_parts", "int", 10_000, "一个工作簿最多多少个内部部件", "parts in one workbook's zip", min=1),
        Key("max_cells", "int", 10_000_000, "一个工作表最多多少个单元格", "cells in one sheet", min=1),
        Key("max_extent", "int", 50_000_000, "一个工作表的数据范围（行 × 列）上限",
            "rows × columns of a sheet's used rectangle", min=1),
        Key("sparse_extent", "int", 4_000_000, "数据范围超过多少格时，须至少 1/sparse_ratio 的格子有值",
            "cells a sheet's rectangle may span before it must be 1/sparse_ratio full", min=1),
        Key("max_word_xml", "int", 32 * 1024 * 1024, "Word 文档（计划表、通知模板）正文解压后最多多少字节",
            "bytes of a Word document's body (plan forms, notice templates)", min=1),
        Key("isolate_extent", "int", 5_000_000, "数据范围超过多少格的工作表在单独的进程中读取（有内存和时间上限）",
            "sheets spanning more cells are parsed in a child process with memory and time limits", min=1),
        Key("max_memory", "int", 2 * 1024 * 1024 * 1024, "读取大工作表的进程最多用多少字节内存",
            "bytes the process parsing a large sheet may use", min=1),
        Key("max_seconds", "int", 120, "读取一个大工作表最多多少秒", "seconds parsing one large sheet may take", min=1),
        Key("sparse_ratio", "int", 10, "数据范围最多是有值单元格数的多少倍（超过 sparse_extent 时）",
            "how many times its value cells a large sheet's rectangle may be", min=1),
    ), "安全上限", "safety limits for hostile files", title="安全上限（一般无需修改）/ safety limits for hostile files",
        commented=True),
)}


def default(section: str, key: str) -> Any:
    """A key's declared default (a fresh copy)."""
    return copy.deepcopy(SECTIONS[section].key(key).default)


def defaults() -> dict[str, dict]:
    """Every section with its defaults, as :func:`validate` gives them for an empty file."""
    return validate({})[0]


# ---- where each key is in the text -------------------------------------------------------------
_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"\s*(\[\[?)\s*({_DOTTED})\s*\]")
_KEYLINE = re.compile(rf"\s*({_DOTTED})\s*=")
_PARTS = re.compile(_PART)


def _split(dotted: str) -> tuple[str, ...]:
    out = []
    for m in _PARTS.finditer(dotted):
        p = m.group(0)
        if p.startswith('"'):
            try:
                p = json.loads(p)
            except ValueError:
                p = p[1:-1]
        elif p.startswith("'"):
            p = p[1:-1]
        out.append(p)
    return tuple(out)


class _Value:
    """Scans a value that may go on over several lines (arrays, multi-line strings), noting the
    line each element of a top-level array starts on."""

    def __init__(self, path: tuple, out: dict):
        self.path, self.out = path, out
        self.ml: str | None = None
        self.depth = 0
        self.array = False
        self.index = 0
        self.pending = False

    @property
    def open(self) -> bool:
        return bool(self.ml) or self.depth > 0

    def _element(self, n: int) -> None:
        if self.pending and self.array and self.depth == 1:
            self.out.setdefault(self.path + (self.index,), n)
        self.pending = False

    def scan(self, line: str, n: int, i: int = 0) -> None:
        while i < len(line):
            if self.ml:
                j = line.find(self.ml, i)
                if j < 0:
                    return
                i, self.ml = j + 3, None
                continue
            c = line[i]
            if c == "#":
                return
            if c.isspace():
                i += 1
            elif c in "\"'":
                self._element(n)
                if line.startswith(c * 3, i):
                    self.ml, i = c * 3, i + 3
                    continue
                j = i + 1
                while j < len(line) and line[j] != c:
                    j += 2 if c == '"' and line[j] == "\\" else 1
                i = j + 1
            elif c in "[{":
                self._element(n)
                if self.depth == 0 and c == "[":
                    self.array, self.pending = True, True
                self.depth += 1
                i += 1
            elif c in "]}":
                self.depth -= 1
                self.pending = False
                i += 1
            elif c == "," and self.depth == 1 and self.array:
                self.index += 1
                self.pending = True
                i += 1
            else:
                self._element(n)
                i += 1


def key_lines(text: str) -> dict[tuple, int]:
    """Path → line number (1-based) of every table header and ``key =`` line of a TOML text.

    A path is as typed: ``("attendance", "grace_minutes")``; the n-th ``[[attendance.actions]]``
    is ``("attendance", "actions", n)``; the elements of an array value get their index too.
    Keys inside an inline table are found through the line of the key that holds the table."""
    out: dict[tuple, int] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    value: _Value | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if value is not None and value.open:
            value.scan(line, n)
            continue
        m = _HEADER.match(line)
        if m:
            parts = _split(m.group(2))
            base: tuple = ()
            for k, p in enumerate(parts):
                base += (p,)
                if k < len(parts) - 1 and base in counts:
                    base += (counts[base] - 1,)
            if m.group(1) == "[[":
                i = counts.get(base, 0)
                counts[base] = i + 1
                base += (i,)
            table = base
            out.setdefault(table, n)
            value = None
            continue
        m = _KEYLINE.match(line)
        if m:
            path = table + _split(m.group(1))
            out.setdefault(path, n)
            value = _Value(path, out)
            value.scan(line, n, m.end())
    return out


def line_of(lines: Mapping[tuple, int], path: tuple) -> int | None:
    """The line of ``path``, else of the nearest enclosing key or table that is in the text."""
    for k in range(len(path), 0, -1):
        p = path[:k]
        if p in lines:
            return lines[p]
        below = [n for q, n in lines.items() if q[:k] == p]
        if below:
            return min(below)
    return None


# ---- the engine ---------------------------------------------------------------------------------
class BadValue(Exception):
    """A value that is not one of its key's (raised by :func:`coerce`)."""


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", str(name)).strip().lower().replace("-", "_")


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _fmt_num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def expected(key: Key):
    """What a key takes, in words, for config-bad-value (a Term: shown in the message's language)."""
    return _term(_expected_both(key))


def _term(both: str):
    """'中文 / English' → a Term that shows the half of the message's language."""
    from .messages import Term

    m = list(re.finditer(r" ?/ (?=[a-zA-Z\[])", both))
    if not m:
        return Term(both, both)
    cut = m[-1]
    return Term(both[:cut.start()].rstrip(), both[cut.end():])


def _expected_both(key: Key) -> str:
    lo, hi = key.min, key.max
    if key.kind in ("int", "number"):
        zh, en = ("整数", "a whole number") if key.kind == "int" else ("数", "a number")
        if lo is not None and hi is not None:
            zh, en = f"{_fmt_num(lo)} 到 {_fmt_num(hi)} 之间的{zh}", f"{en} from {_fmt_num(lo)} to {_fmt_num(hi)}"
        elif lo is not None:
            zh, en = f"不小于 {_fmt_num(lo)} 的{zh}", f"{en} ≥ {_fmt_num(lo)}"
        if key.kind == "number" and key.default is not None:
            zh, en = f"{zh}，如 {toml_value(key.default)}", f"{en}, such as {toml_value(key.default)}"
        return f"{zh} / {en}"
    if key.kind == "bool":
        return "true 或 false（不加引号）/ true or false"
    if key.kind == "text":
        return "文字，加英文双引号 / text in double quotes"
    if key.kind == "date":
        return "日期，如 2026-03-02 / a date such as 2026-03-02"
    if key.kind == "choice":
        words = [f"{c.value}（{c.zh}）" for c in key.choices]
        zh = "、".join(words[:-1]) + "或" + words[-1]
        return f"{zh} / " + " or ".join(c.value for c in key.choices)
    if key.kind == "names":
        return '名称列表，如 ["秘书处", "宣传部"] / a list of names'
    if key.kind == "weights":
        sample = key.default or {"优秀": 90, "良好": 80}
        if key.min is not None:
            lo = _fmt_num(key.min)
            return f"如 {toml_value(sample)}（名称 = 不小于 {lo} 的数）/ names with numbers ≥ {lo}"
        return f"如 {toml_value(sample)}（名称 = 数）/ names with numbers"
    if key.kind == "lists":
        sample = toml_value(dict(list((key.default or {"公章": ["主席"]}).items())[:1]))
        return f"如 {sample}（名称 = 名称列表）/ names with lists of names"
    if key.kind == "tables":
        return f"[[…{key.name}]] 段，每段一条 / an array of tables"
    return key.kind


def _date(v: Any) -> dt.date:
    """A date as sectools.toml or the settings sheet gives it: the reader's own date parser."""
    from .dates import parse_date

    d = parse_date(v) if isinstance(v, (str, dt.date)) else None
    if d is None:
        raise BadValue
    return d


def coerce(key: Key, v: Any) -> Any:
    """A value as typed → the key's typed value; :class:`BadValue` when it is not one."""
    kind = key.kind
    if kind in ("int", "number"):
        if not _num(v) or (kind == "int" and not isinstance(v, int)):
            raise BadValue
        if v != v or v in (math.inf, -math.inf) or (key.min is not None and v < key.min) \
                or (key.max is not None and v > key.max):
            raise BadValue
        return v if kind == "int" else float(v)
    if kind == "bool":
        if not isinstance(v, bool):
            raise BadValue
        return v
    if kind == "text":
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise BadValue
        s = str(v).strip() if isinstance(v, str) else _fmt_num(v)
        if key.nonempty and not s:
            raise BadValue
        return s
    if kind == "date":
        return _date(v)
    if kind == "choice":
        low = _fold(v) if isinstance(v, str) else None
        for c in key.choices:
            if low == _fold(c.value) or low in {_fold(a) for a in c.aliases}:
                return c.value
        raise BadValue
    if kind == "names":
        if isinstance(v, tuple):
            v = list(v)
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise BadValue
        if key.nonempty and not v:
            raise BadValue
        return [x.strip() for x in v]
    if kind == "weights":
        if not isinstance(v, dict) or (key.nonempty and not v):
            raise BadValue
        if not all(_num(x) and (key.min is None or x >= key.min) for x in v.values()):
            raise BadValue
        return {str(k).strip(): float(x) for k, x in v.items()}
    if kind == "lists":
        if not isinstance(v, dict) or (key.nonempty and not v):
            raise BadValue
        if not all(isinstance(x, (list, tuple)) and all(isinstance(y, str) and y.strip() for y in x)
                   for x in v.values()):
            raise BadValue
        return {str(k).strip(): [y.strip() for y in x] for k, x in v.items()}
    raise BadValue  # pragma: no cover - a declaration with an unknown kind


def _closest(word: str, names: dict[str, str]) -> str:
    """``names``: spelling → what to suggest.  The nearest by difflib, else the first."""
    if not names:
        return ""
    hit = difflib.get_close_matches(_fold(word), list(names), n=1, cutoff=0.6) or \
        difflib.get_close_matches(_fold(word), list(names), n=1, cutoff=0.0)
    return names[hit[0]] if hit else next(iter(names.values()))


class _Checker:
    def __init__(self, lines: Mapping[tuple, int]):
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, code: str, path: tuple, value: Any = None, **params) -> None:
        self.problems.append(Problem(code, file=CONFIG_NAME, value=value, params=params,
                                     line=line_of(self.lines, path)))

    def bad(self, path: tuple, value: Any, expect: str, shown: str | None = None) -> None:
        if isinstance(value, (dict, list)):  # shown as it is written in sectools.toml
            try:
                value = toml_value(value)
            except TypeError:
                pass
        self.problem("config-bad-value", path, value, key=shown or _show(path), expected=expect)

    # -- one table of keys --------------------------------------------------------------------
    def keys(self, keys: tuple[Key, ...], raw: Any, path: tuple, where: str,
             defaults: Mapping[str, Any] | None = None) -> tuple[dict, set]:
        """Check ``raw`` (a dict) against ``keys``; the values with defaults, and the keys given."""
        out = {k.name: copy.deepcopy((defaults or {}).get(k.name, k.default)) for k in keys}
        given: set[str] = set()
        if not isinstance(raw, dict):
            self.bad(path, raw, f"一个表（[{where}] 段）/ a table")
            return out, given
        spell: dict[str, Key] = {}
        for k in keys:
            for s in (k.name,) + k.aliases:
                spell[_fold(s)] = k
        first: dict[str, str] = {}
        for typed, v in raw.items():
            k = spell.get(_fold(typed))
            here = path + (typed,)
            if k is None:
                names = {_fold(s): (s if s.isascii() else f'"{s}"') for kk in keys for s in (kk.name,) + kk.aliases}
                self.problem("config-unknown-key", here, typed, key=_show(here), section=where,
                             suggestion=_closest(typed, names), allowed="、".join(kk.name for kk in keys))
                continue
            if k.name in first:
                self.problem("config-duplicate-key", here, typed, key=_show(here),
                             other=_show(path + (first[k.name],)))
                continue
            first[k.name] = typed
            if v is None:  # no such thing in TOML: a value left unset (an already-checked section)
                continue
            shown = _show(here) + (f"（{k.name}）" if typed != k.name else "")
            if k.kind == "tables":
                value = self.array(k, v, here, where, shown)
                if value is not None:
                    out[k.name] = value
                    given.add(k.name)
                continue
            try:
                out[k.name] = coerce(k, v)
                given.add(k.name)
            except BadValue:
                self.bad(here, v, expected(k), shown)
        for k in keys:
            if k.required and k.name not in first:
                example = toml_value(k.example) if k.example is not None else ""
                self.problem("config-missing-key", path, None, key=_show(path), missing=k.name,
                             example=f"{k.name} = {example}")
        return out, given

    def array(self, key: Key, v: Any, path: tuple, where: str, shown: str) -> list | None:
        if isinstance(v, dict):
            v = [v]
        if not isinstance(v, list):
            self.bad(path, v, expected(key), shown)
            return None
        items = []
        for i, item in enumerate(v):
            before = len(self.problems)
            values, _ = self.keys(key.items, item, path + (i,), f"[{where}.{key.name}]")
            if len(self.problems) == before:
                items.append(values)
        return items

    # -- sections ------------------------------------------------------------------------------
    def section(self, sec: Section, raw: Any, tables: Mapping[str, str | None] | None = None) -> dict:
        path = (sec.name,)
        if raw is None:
            raw = {}
        if sec.entries:
            return self.entries(sec, raw, tables)
        before = len(self.problems)
        values, given = self.keys(sec.keys, raw, path, sec.name)
        if len(self.problems) == before:
            for check in sec.checks:
                for name, value, expect in check(values, given):
                    typed = next((t for t in (raw if isinstance(raw, dict) else {})
                                  if _fold(t) in {_fold(s) for s in (name,) + sec.key(name).aliases}), name)
                    self.bad(path + (typed,), value, _term(expect))
        return values

    def entries(self, sec: Section, raw: Any, tables: Mapping[str, str | None] | None) -> dict:
        out: dict[str, dict] = {}
        if not isinstance(raw, dict):
            self.bad((sec.name,), raw, f"一个表（[{sec.name}.名称] 段）/ a table of tables")
            return out
        for name, entry in raw.items():
            here = (sec.name, name)
            if tables is not None and name not in tables:
                self.problem("config-unknown-key", here, name, key=_show(here), section=sec.name,
                             suggestion=_closest(name, {_fold(t): t for t in tables}), allowed="、".join(tables))
                continue
            path_default = (tables or {}).get(name)
            before = len(self.problems)
            values, _ = self.keys(sec.keys, entry, here, f"{sec.name}.{name}", {"path": path_default})
            if len(self.problems) == before:
                out[name] = values
        return out


def _show(path: tuple) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p + 1}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def _derive(values: dict) -> None:
    for sec in SECTIONS.values():
        if sec.entries:
            continue
        for k in sec.keys:
            if k.default_from and values[sec.name].get(k.name) is None:
                s, name = k.default_from.split(".")
                values[sec.name][k.name] = copy.deepcopy(values.get(s, {}).get(name))


def validate(data: Mapping[str, Any], text: str | None = None, *,
             tables: Mapping[str, str | None] | None = None) -> tuple[dict[str, dict], list[Problem]]:
    """A parsed ``sectools.toml`` → (every section's typed values, defaults filled in; problems).

    ``text``: the file's text, to give each problem its line.  ``tables``: the known table names
    (name → default path) that ``[tables.<name>]`` may use; None accepts any name.  A bad value
    is reported and its default used, so the values are always complete."""
    checker = _Checker(key_lines(text) if text else {})
    section_names = {_fold(s): s for s in SECTIONS}
    for name in data:
        if name not in SECTIONS:
            owner = next((s.name for s in SECTIONS.values() if any(_fold(name) in {_fold(x) for x in (k.name,) + k.aliases}
                                                                     for k in s.keys)), None)
            checker.problem("config-unknown-section", (name,), name, section=name,
                            suggestion=owner or _closest(name, section_names), allowed="、".join(SECTIONS))
    values = {s.name: checker.section(s, data.get(s.name), tables) for s in SECTIONS.values()}
    _derive(values)
    problems = sorted(checker.problems, key=lambda p: (p.line is None, p.line or 0))
    return values, problems


def validate_section(name: str, raw: Any) -> tuple[dict, list[Problem]]:
    """One section alone (a dict as in sectools.toml, or as :func:`validate` returned it)."""
    checker = _Checker({})
    return checker.section(SECTIONS[name], raw), checker.problems


# ---- writing TOML: the init template and the README table -------------------------------------
def _quote(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{out}"'


def _bare(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else _quote(k)


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return _fmt_num(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return _quote(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_bare(str(k))} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


COMMENT_COLUMN = 32
TEMPLATE_HEAD = (
    "# sectools 办公室配置 / office settings.  改完保存即可，无需其他操作。\n"
    "# 说明见 README.md；日期写成 2026-03-02，文字加英文双引号。\n"
    "# 设置名也可以用中文（要加英文引号），如 \"宽限分钟\" = 5。\n"
)


def _width(text: str) -> int:
    """Columns a text takes in an editor (Chinese characters take two)."""
    from .normalize import display_width

    return display_width(text)


def _line(text: str, comment: str = "") -> str:
    if not comment:
        return text
    w = _width(text)
    pad = COMMENT_COLUMN - w if w <= COMMENT_COLUMN - 2 else 3
    return f"{text}{' ' * pad}# {comment}"


def _key_line(k: Key, value: Any, commented: bool = False) -> str:
    if value is None:
        value, commented = k.example, True
    text = f"{k.name} = {toml_value(value)}"
    return _line(("# " if commented else "") + text, k.zh)


def template(values: Mapping[str, Mapping[str, Any]] | None = None, *,
             tables: Iterable[tuple[str, str, str | None, str]] = (),
             after: Mapping[str, str] | None = None) -> str:
    """The text of a new ``sectools.toml``: every section and key, with its help as a comment.

    ``values``: section → key → value, written instead of the default (e.g. the office's name
    and dates); a key without a value or default is written commented out with an example.
    ``tables``: (name, path, sheet or None, note) for each ``[tables.<name>]`` written.
    ``after``: section → text added at the end of that section (e.g. more ``[[…actions]]``)."""
    values = values or {}
    after = after or {}
    out = [TEMPLATE_HEAD]
    for sec in SECTIONS.values():
        lines: list[str] = []
        if sec.title:
            lines.append(f"# {sec.title}")
        given = values.get(sec.name, {})
        if sec.entries:
            for k, (name, path, sheet, note) in enumerate(tables):
                if k:
                    lines.append("")
                lines.append(_line(f"[{sec.name}.{name}]", note))
                lines.append(f"{sec.key('path').name} = {toml_value(path)}")
                if sheet:
                    lines.append(f"{sec.key('sheet').name} = {toml_value(sheet)}")
            out.append("\n".join(lines) + "\n" + after.get(sec.name, ""))
            continue
        mark = "# " if sec.commented else ""
        lines.append(f"{mark}[{sec.name}]")
        arrays = []
        for k in sec.keys:
            v = given.get(k.name, k.default)
            if k.kind == "tables":
                arrays.append((k, v))
            else:
                lines.append(_key_line(k, v, sec.commented))
        for k, items in arrays:
            for i, item in enumerate(items or []):
                lines.append("")
                lines.append(_line(f"{mark}[[{sec.name}.{k.name}]]", k.zh if i == 0 else ""))
                for sub in k.items:
                    if item.get(sub.name) is not None:
                        lines.append(f"{mark}{sub.name} = {toml_value(item[sub.name])}")
        out.append("\n".join(lines) + "\n" + after.get(sec.name, ""))
    return "\n".join(out)


def _default_text(k: Key) -> str:
    if k.default is None or k.default_from:
        return f"{k.default_zh} / {k.default_en}" if k.default_zh else "—"
    if k.kind == "tables":
        return "; ".join(f"{d['absences']} → {d['action']}" for d in k.default)
    if k.kind == "names" and len(k.default) > 3:
        return f"`{toml_value(k.default[:3])[:-1]}, …]`"
    if k.kind == "lists" and len(k.default) > 2:
        return f"`{toml_value(dict(list(k.default.items())[:2]))[:-2]}, … }}`"
    return f"`{toml_value(k.default)}`"


def type_text(k: Key) -> str:
    rng = ""
    if k.min is not None and k.max is not None:
        rng = f" {_fmt_num(k.min)}–{_fmt_num(k.max)}"
    elif k.min is not None:
        rng = f" ≥ {_fmt_num(k.min)}"
    if k.kind == "int":
        return "integer" + rng
    if k.kind == "number":
        return "number" + rng
    if k.kind == "bool":
        return "true / false"
    if k.kind == "choice":
        def spelled(c: Choice) -> str:
            other = [a for a in c.aliases if _fold(a) != _fold(c.value)]
            return f"`{c.value}`" + (f" ({', '.join(other)})" if other else "")

        return " / ".join(spelled(c) for c in k.choices)
    if k.kind == "names":
        return "list of names"
    if k.kind == "weights":
        return "table: name → number" + rng
    if k.kind == "lists":
        return "table: name → list of names"
    if k.kind == "tables":
        return "array of tables"
    return k.kind


def markdown_table() -> str:
    """The settings table of README.md, made from the declarations."""
    rows = ["| section | key (中文名) | type | default | help |", "|---|---|---|---|---|"]

    def row(section: str, name: str, k: Key) -> None:
        aliases = ", ".join(f'`"{a}"`' for a in k.aliases)
        key = f"`{name}`" + (f" ({aliases})" if aliases else "") + (" *required*" if k.required else "")
        cells = [section, key, type_text(k), _default_text(k), f"{k.zh} / {k.en}"]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")

    for sec in SECTIONS.values():
        label = f"`[{sec.name}.<table>]`" if sec.entries else f"`[{sec.name}]`"
        for k in sec.keys:
            row(label, k.name, k)
            for sub in k.items:
                row(f"`[[{sec.name}.{k.name}]]`", sub.name, sub)
    return "\n".join(rows) + "\n"


README_START = "<!-- settings:start -->"
README_END = "<!-- settings:end -->"


def readme_text(readme: str) -> str:
    """README.md's text with the settings table between its markers made current."""
    head, sep, rest = readme.partition(README_START)
    if not sep or README_END not in rest:
        raise ValueError(f"README has no {README_START} … {README_END} markers")
    tail = rest.partition(README_END)[2]
    note = ("<!-- made by `python -m sectools.settings readme` from sectools/settings.py; "
            "edit the declarations, not this table -->\n")
    return f"{head}{README_START}\n{note}{markdown_table()}{README_END}{tail}"


def update_readme(path: str | Path | None = None) -> bool:
    """Rewrite README.md's settings table; True when it changed."""
    path = Path(path) if path else Path(__file__).resolve().parents[1] / "README.md"
    old = path.read_text(encoding="utf-8")
    new = readme_text(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import sys

    if sys.argv[1:2] == ["readme"]:
        print("README.md updated" if update_readme(sys.argv[2] if len(sys.argv) > 2 else None) else "README.md current")
    else:
        print(markdown_table())
