"""The one list of sectools' Excel buttons.  The Server/Lite sheet buttons (:mod:`.scripts`), the
desktop ``RunPython`` shims (:mod:`.desktop`), the VBA module (:mod:`.vba`) and the quickstart
workbooks' 操作 sheet are all made from it."""

from __future__ import annotations

from dataclasses import dataclass

SHEET = "操作"


@dataclass(frozen=True)
class Button:
    job: str  # the body in sectools.excel.jobs
    caption: str  # what the clerk reads on the button
    cell: str  # where it sits on the 操作 sheet
    help: str  # one line under it

    @property
    def script(self) -> str:  # the Server/Lite script's name
        return f"sectools_{self.job}"

    @property
    def shape(self) -> str:  # the shape a Server/Lite button is drawn as
        return f"btn_{self.job}"

    @property
    def vba_sub(self) -> str:
        return "Sectools" + "".join(w.capitalize() for w in self.job.split("_"))

    @property
    def target(self) -> str:  # @xw.script(button=...)
        return f"[{self.shape}]{SHEET}!{self.cell}"


BUTTONS = (
    Button("attendance", "考勤统计", "B7", "按名册、会议、签到、请假表计算出勤并写入结果工作表。"),
    Button("check", "检查数据", "B10", "列出本工作簿各表的问题及单元格。"),
    Button("signin_sheet", "生成签到表", "B13", "下一次会议的应到人员名单，供打印签到（“sectools设置”中“签到会议”可指定）。"),
    Button("ranking", "班级排名", "B16", "一周的得分、排名与流动红旗（“sectools设置”中的“周次”，默认最近一周）。"),
    Button("kpi", "绩效考核", "B19", "总分、等级（含优秀名额）、排名（“sectools设置”中的“考核期间”，默认最近一期）。"),
    Button("seals", "用印检查", "B22", "按印章表和用印登记检查每次用印：审批人是否有权、是否先审批后盖章、印章是否在用；违规在前。"),
    Button("documents", "收文办理", "B25", "按收文登记列出逾期、临期的办件和未阅毕的阅件，按部门统计。"),
    Button("tasks", "督办通报", "B28", "议定事项、收文办件和督办台账里的事项：逾期、临期、正常三色，各部门完成率和逾期清单。"),
    Button("diary", "大事记", "B31", "本月（或“sectools设置”中的“大事记月份”）的会议、收文、督办和大事记表里的事，按日期排成大事记。"),
    Button("fund", "爱心基金", "B34", "按爱心基金收支明细逐笔计算余额（不能透支），标出未经审批、缺凭证的支出，本学期收支汇总（含大写）。"),
    Button("supplies", "办公用品", "B37", "按预算、采购登记、领用登记：各科目预算执行（预警、超支），核对金额和发票号，库存，各部门领用，待报销汇总（“sectools设置”中的“预算年度”）。"),
    Button("intake", "纳新录用", "B40", "按报名表和面试评分表：面试官打分标准化后的总分、排名，各部门按名额和志愿录用，并列待定的列出由办公室决定。"),
    Button("archive", "档案变动", "B43", "本工作簿的名册与最近一次学期存档相比：谁加入、退出、撤职、调整部门或职务（需在“sectools设置”写办公室文件夹；存档用 sectools archive snapshot）。"),
)
