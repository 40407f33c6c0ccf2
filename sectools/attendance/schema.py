"""考勤 tables and words: meetings, sign-ins (a log, or a semester ledger matrix), leave.

Every status word and mark a clerk types is listed here once, Simplified; Traditional forms
match through :func:`sectools.normalize.fold`.
"""

from __future__ import annotations

from ..schema import Field, TableSpec
from ..vocab import YES_NO

# ---- statuses ---------------------------------------------------------------------------------
PRESENT, LATE, LEFT_EARLY = "present", "late", "left_early"
PERSONAL, SICK, OFFICIAL = "personal_leave", "sick_leave", "official_leave"
ABSENT = "absent"
STATUSES = (PRESENT, LATE, LEFT_EARLY, PERSONAL, SICK, OFFICIAL, ABSENT)
LEAVES = (PERSONAL, SICK, OFFICIAL)
ATTENDED = (PRESENT, LATE, LEFT_EARLY)

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    PRESENT: ("出席", "到", "已到", "签到", "已签到", "到会", "参会", "参加", "在", "正常", "√", "✓", "✔", "☑", "○",
              "o", "v", "y", "yes", "present", "p"),
    LATE: ("迟到", "迟", "晚到", "late", "l"),
    LEFT_EARLY: ("早退", "早", "left early", "e"),
    PERSONAL: ("事假", "请假", "假", "事", "leave"),
    SICK: ("病假", "病", "sick"),
    OFFICIAL: ("公假", "公", "公差", "公事", "official"),
    ABSENT: ("缺席", "旷会", "旷", "未到", "缺勤", "缺", "没到", "无故缺席", "×", "✗", "✘", "x", "absent", "a"),
}

UNREAD_STATUS = "unread"  # a record is there but cannot be read: not counted until fixed (never 缺席)
STATUS_LABELS = {PRESENT: "出席", LATE: "迟到", LEFT_EARLY: "早退", PERSONAL: "事假", SICK: "病假",
                 OFFICIAL: "公假", ABSENT: "缺席", UNREAD_STATUS: "无法识别"}
STATUS_LABELS_EN = {PRESENT: "present", LATE: "late", LEFT_EARLY: "left early", PERSONAL: "personal leave",
                    SICK: "sick leave", OFFICIAL: "official leave", ABSENT: "absent", UNREAD_STATUS: "unreadable"}

LEAVE_KINDS = {PERSONAL: ("事假", "请假", "事"), SICK: ("病假", "病"), OFFICIAL: ("公假", "公", "公差", "公事")}

MEETING_KINDS = ("例会", "部长级会议", "全体大会", "秘书处例会", "活动", "主席团会议", "临时会议")

# ---- tables -------------------------------------------------------------------------------------
MEETINGS = TableSpec(
    name="meetings",
    title="会议",
    english_title="meetings",
    default_path="会议.xlsx",
    fields=(
        Field("date", ("日期", "会议日期", "时间日期"), "date", True, english="Date", width=12),
        Field("start", ("开始时间", "开始", "时间", "会议时间"), "time", english="Start", width=9),
        Field("end", ("结束时间", "结束"), "time", english="End", width=9),
        Field("meeting", ("会议名称", "会议", "名称", "活动名称", "会议主题"), "text", True, english="Meeting", width=20),
        Field("kind", ("类型", "会议类型", "类别"), "text", english="Kind", width=12),
        Field("place", ("地点", "会议地点"), "text", english="Place", width=14),
        Field("scope", ("参会范围", "参会人员", "参加范围", "范围", "参会对象"), "text", english="Scope", width=18),
        Field("host", ("主持人", "主持"), "text", english="Host", width=10),
        Field("recorder", ("记录人", "记录"), "text", english="Recorder", width=10),
        Field("signin_url", ("签到链接", "签到二维码链接", "签到表单", "表单链接"), "text", english="Sign-in link",
              width=24),
    ),
)

SIGNINS = TableSpec(
    name="signins",
    title="签到",
    english_title="sign-ins",
    default_path="签到.xlsx",
    fields=(
        Field("date", ("日期", "会议日期"), "date", english="Date", width=12),
        Field("meeting", ("会议名称", "会议", "活动名称"), "text", english="Meeting", width=20),
        Field("id", ("学号", "工号", "编号"), "id", english="Student ID", width=14),
        Field("name", ("姓名",), "name", english="Name", width=10),
        Field("status", ("状态", "签到状态", "出勤情况", "考勤", "出勤"), "text", english="Status", width=8),
        Field("time_in", ("签到时间", "到达时间", "签到"), "time", english="Sign-in time", width=10),
        Field("time_out", ("签退时间", "离开时间", "签退"), "time", english="Sign-out time", width=10),
        Field("note", ("备注", "说明"), "text", english="Note", width=16),
    ),
)

# ---- sign-ins from a QR-code form (问卷星, 腾讯问卷, 金数据, 飞书/钉钉 表单): one export per meeting ------------
# The moment a form was sent, in the order a column of it is taken as the sign-in time (the submit
# time, never the moment the form was opened — unless the office says so in [attendance] form_time_column).
FORM_SUBMIT_LABELS = ("提交答卷时间", "提交时间", "结束答题时间", "答题结束时间", "完成时间", "填写时间", "填表时间",
                      "答卷时间", "签到时间")
FORM_START_LABELS = ("开始答题时间", "答题开始时间", "开始填写时间", "开始时间")
# The services' own columns: known, and ignored unless a setting names one
FORM_SERVICE_COLUMNS = ("序号", "编号", "答卷编号", "所用时间", "答题时长", "填写时长", "用时", "来源", "来源详情",
                        "来源渠道", "渠道", "来自IP", "IP", "IP地址", "填写IP", "填写设备", "设备", "操作系统", "浏览器",
                        "填写地区", "地理位置", "IP属地", "微信昵称", "微信OpenID", "OpenID", "用户ID", "提交人",
                        "填写人", "修改时间", "更新时间", "总分", "得分", "答题序号", "自定义字段")

SIGNIN_FORM = TableSpec(
    name="signins",
    title="签到表单",
    english_title="sign-in form",
    questions=True,
    fields=(
        Field("submitted", FORM_SUBMIT_LABELS, "datetime", english="Submitted"),
        Field("id", ("学号", "工号", "学号工号", "学生学号", "学籍号", "学工号"), "id", english="Student ID"),
        Field("name", ("姓名", "名字", "真实姓名", "学生姓名"), "name", english="Name"),
        Field("meeting", ("会议名称", "会议", "活动名称", "参加的会议", "参加会议", "会议主题"), "text", english="Meeting"),
        Field("department", ("部门", "所在部门", "所属部门", "所在的部门", "所在单位"), "text", english="Department"),
    ),
)

LEAVE_TABLE = TableSpec(
    name="leaves",
    title="请假",
    english_title="leave",
    default_path="请假.xlsx",
    fields=(
        Field("id", ("学号", "工号", "编号"), "id", english="Student ID", width=14),
        Field("name", ("姓名", "请假人"), "name", english="Name", width=10),
        Field("date", ("日期", "请假日期", "会议日期"), "date", english="Date", width=12),
        Field("meeting", ("会议名称", "会议", "活动名称"), "text", english="Meeting", width=20),
        Field("kind", ("类型", "请假类型", "假别"), "choice", True, choices=LEAVE_KINDS, english="Kind", width=8),
        Field("approved", ("批准", "是否批准", "审批", "审批结果"), "choice", choices=YES_NO, english="Approved", width=8),
        Field("reason", ("事由", "请假事由", "原因", "理由"), "text", english="Reason", width=20),
        Field("approver", ("批准人", "审批人"), "text", english="Approver", width=10),
    ),
)

# The member columns of a ledger matrix (the rest of its header is one column per meeting).
MATRIX_MEMBER = TableSpec(
    name="signins",
    title="签到台账",
    english_title="sign-in ledger",
    fields=(
        Field("id", ("学号", "工号", "编号"), "id", english="Student ID"),
        Field("name", ("姓名",), "name", english="Name"),
        Field("department", ("部门",), "text", english="Department"),
        Field("post", ("职务",), "text", english="Post"),
    ),
)

DECISIONS = TableSpec(
    name="decisions",
    title="议定事项",
    english_title="decisions",
    default_path="议定事项.xlsx",
    fields=(
        Field("date", ("日期", "会议日期"), "date", english="Date", width=12),
        Field("meeting", ("会议名称", "会议"), "text", english="Meeting", width=20),
        Field("item", ("议定事项", "决定事项", "事项", "决议"), "prose", True, english="Decision", width=40),
        Field("owner", ("负责人", "责任人", "承办人"), "text", english="Owner", width=10),
        Field("due", ("完成时限", "截止日期", "完成日期", "期限", "时限", "完成期限", "办结时限", "截止时间"), "date",
              english="Due", width=12),
        # who leads the work it asks for: each decision with a 负责人 or a 完成时限 is a task supervised (督办)
        Field("lead", ("主办部门", "承办部门", "牵头部门", "责任部门"), "text", english="Lead department", width=10),
        Field("partners", ("会办部门", "协办部门", "配合部门"), "text", english="Other departments", width=12),
    ),
)


def attendance_rate(attended, expected, official_leave):
    """出勤率 = (出席 + 迟到 + 早退) ÷ (应到 − 公假): official leave is neither attendance nor absence.
    NaN where nobody was due.  Works on numbers and on numpy arrays alike (the one formula for the
    report, the departments, the meetings and the Excel functions)."""
    den = expected - official_leave
    if isinstance(den, (int, float)) or getattr(den, "ndim", 1) == 0:
        return float(attended) / float(den) if den > 0 else float("nan")
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, attended / np.maximum(den, 1), np.nan)
