"""纳新 tables (纳新制度, seed 000; 招聘, seed 004): the applicants as a form service exports them, and the interviewers'
scores — one column per criterion of ``[intake] weights``."""

from __future__ import annotations

from ..schema import Field, TableSpec

YES_NO = {"是": ("服从", "服从调剂", "愿意", "同意", "接受", "可以", "√", "✓", "yes", "y"),
          "否": ("不服从", "不服从调剂", "不愿意", "不同意", "不接受", "不", "×", "✗", "no", "n")}
DECISIONS = {"录用": ("同意录用", "拟录用", "通过", "admit", "admitted"),
             "不录用": ("不予录用", "不通过", "淘汰", "取消", "decline", "declined")}
# 纳新制度 (seed 000): 集体意识, 责任心, 组织策划, 文字 (文件整理和书写), 综合能力 — the default criteria and weights
DEFAULT_CRITERIA = ("集体意识", "责任心", "组织策划", "文字能力", "综合能力")

APPLICANTS = TableSpec(
    name="applicants",
    title="纳新报名",
    english_title="applicants",
    default_path="纳新.xlsx",
    default_sheet="报名",
    questions=True,  # a form service's export: 1、您的姓名, 2、学号 …
    fields=(
        Field("id", ("学号", "学生学号"), "id", True, english="Student ID", width=14),
        Field("name", ("姓名", "名字", "真实姓名"), "name", True, english="Name", width=10),
        Field("gender", ("性别",), "choice", choices={"男": ("male", "m"), "女": ("female", "f")}, english="Gender",
              width=6),
        Field("class_name", ("班级", "所在班级", "专业班级"), "text", english="Class", width=14),
        Field("phone", ("电话", "手机", "手机号", "联系电话", "手机号码", "联系方式"), "phone", english="Phone", width=14),
        Field("first", ("第一志愿", "第一志愿部门", "志愿一", "意向部门一"), "text", True, english="First choice", width=10),
        Field("second", ("第二志愿", "第二志愿部门", "志愿二", "意向部门二"), "text", english="Second choice", width=10),
        Field("adjust", ("是否服从调剂", "服从调剂", "是否接受调剂", "调剂"), "choice", choices=YES_NO,
              english="Accepts another department", width=8),
        Field("intro", ("自我介绍", "个人简介", "简介", "个人介绍"), "prose", english="About", width=30),
        Field("submitted", ("提交时间", "提交答卷时间", "填写时间", "报名时间"), "datetime", english="Submitted",
              width=16),
        Field("decision", ("录用决定", "决定", "录取意见", "录用意见"), "choice", choices=DECISIONS,
              english="Decision", width=8),
    ),
)


def interviews_spec(criteria=DEFAULT_CRITERIA) -> TableSpec:
    """面试评分: a row per interviewer and applicant, a column per criterion (its name, 集体意识（20分）, 集体意识得分)."""
    return TableSpec(
        name="interviews",
        title="面试评分",
        english_title="interview scores",
        default_path="纳新.xlsx",
        default_sheet="面试评分",
        fields=(
            Field("interviewer", ("面试官", "评委", "面试人", "评分人"), "name", True, english="Interviewer", width=10),
            Field("applicant", ("申请人", "应聘者", "姓名", "被面试人", "面试对象"), "name", True, english="Applicant",
                  width=10),
            Field("id", ("学号",), "id", english="Student ID", width=14),
            *(Field(f"c{k}", (c, f"{c}得分", f"{c}分数", f"{c}评分"), "number", english=c, width=8)
              for k, c in enumerate(criteria)),
            Field("note", ("备注", "评语"), "prose", english="Note", width=20),
        ),
    )


INTERVIEWS = interviews_spec()
