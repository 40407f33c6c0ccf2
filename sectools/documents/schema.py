"""收文登记: the register of incoming documents (收文处理程序, seed 001; 主办 / 会办, seed 004)."""

from __future__ import annotations

from ..schema import Field, TableSpec

KINDS = {"办件": ("办理件", "办文", "待办", "承办件"), "阅件": ("阅文", "传阅件", "阅知", "参阅")}
URGENCY = {"特急": ("特提", "特急件"), "加急": ("急件", "急", "紧急"), "平件": ("普通", "一般", "平", "常规")}
SECRECY = {"公开": ("无", "普通", "非密", "不涉密"), "内部": ("内部资料", "内部使用"), "秘密": ("秘",), "机密": (),
           "绝密": ()}

INCOMING = TableSpec(
    name="incoming",
    title="收文登记",
    english_title="incoming documents",
    default_path="收文登记.xlsx",
    default_sheet="收文登记",
    fields=(
        Field("received", ("收文日期", "收文时间", "签收日期", "登记日期"), "date", True, english="Received", width=12),
        Field("number", ("收文编号", "收文号", "编号"), "text", english="No.", width=14),
        Field("sender", ("来文单位", "来文机关", "发文单位", "来文部门"), "text", True, english="From", width=16),
        Field("reference", ("来文字号", "发文字号", "文号", "来文编号"), "text", english="Their ref.", width=14),
        Field("title", ("标题", "文件标题", "文件名称", "事由"), "prose", True, english="Title", width=30),
        Field("secrecy", ("密级",), "choice", choices=SECRECY, english="Classification", width=6),
        Field("urgency", ("紧急程度", "缓急", "急缓程度"), "choice", choices=URGENCY, english="Urgency", width=8),
        Field("copies", ("份数",), "int", english="Copies", width=6),
        Field("kind", ("类别", "文件类别", "阅办", "阅件/办件"), "choice", True, choices=KINDS, english="Kind", width=6),
        Field("proposal", ("拟办意见", "拟办"), "prose", english="Proposed handling", width=20),
        Field("instruction", ("领导批示", "批示", "批办意见"), "prose", english="Instruction", width=20),
        Field("lead", ("主办部门", "承办部门", "主办", "承办"), "text", english="Lead department", width=10),
        Field("partners", ("会办部门", "协办部门", "会办", "配合部门"), "text", english="Other departments", width=12),
        Field("due", ("办理时限", "时限", "办结时限", "截止日期"), "date", english="Due", width=12),
        Field("done", ("办结日期", "办结时间", "完成日期"), "date", english="Finished", width=12),
        Field("result", ("办理结果", "办理情况", "结果"), "prose", english="Result", width=16),
        Field("circulation", ("传阅", "传阅人", "传阅情况", "阅文人"), "text", english="Read by", width=24),
        Field("note", ("备注",), "prose", english="Note", width=12),
    ),
)
