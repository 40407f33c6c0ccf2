"""The wording of each notice, from which the Word templates in ``templates/`` are made
(``python -m sectools.notices.sources templates``; a test keeps them current).

Clerks change a template in Word; an office's own ``templates/`` folder overrides these by file
name.  Tags are Jinja: ``{{ person.name }}``; ``{%p for … %}`` repeats a paragraph.  Every
field a template uses must be given (a missing one is an error naming it and the template).
"""

from __future__ import annotations

import re


def head(title: str) -> list[tuple[str, str]]:
    return [("GwTitle", title), ("GwDocNo", "{{ doc_number }}")]

FOOT = [
    ("GwBody", ""),
    ("GwSignature", "{{ office }}"),
    ("GwDate", "{{ date }}"),
]

SOURCES: dict[str, list[tuple[str, str]]] = {
    "会议通知": head("关于召开{{ meeting.name }}的通知") + [
        ("GwAddressee", "{{ addressee }}："),
        ("GwBody", "经研究，定于{{ meeting.when }}在{{ meeting.place }}召开{{ meeting.name }}。现将有关事项通知如下："),
        ("GwLead", "一、会议时间：||{{ meeting.day }} {{ meeting.time }}。"),
        ("GwLead", "二、会议地点：||{{ meeting.place }}。"),
        ("GwLead", "三、参会人员：||{{ meeting.scope }}（应到 {{ meeting.expected }} 人）。主持人：{{ meeting.host }}；记录人：{{ meeting.recorder }}。"),
        ("GwHeading1", "四、有关要求"),
        ("GwBody", "（一）请准时参加，会议实行签到，迟到{{ rules.late_as_absent_minutes }}分钟以上按缺席计。"),
        ("GwBody", "（二）因故不能参加者，须于会前向秘书处请假，经批准后方为有效；无故缺席累计{{ rules.top_absences }}次者，按制度处理。"),
        ("GwBody", "{%p if meeting.signin_url %}"),
        ("GwQrLead", "（三）本次会议扫码签到：到场后请扫描下方二维码（会前{{ rules.early_minutes }}分钟起至会议结束扫码有效）。"),
        ("GwQr", "{{ meeting.signin_qr }}"),
        ("GwQr", "{{ meeting.signin_url }}"),
        ("GwBody", "{%p endif %}"),
        ("GwBody", "特此通知。"),
    ] + FOOT,
    "考勤提醒": head("考勤提醒") + [
        ("GwAddressee", "{{ person.department }}{{ person.name }}同学："),
        ("GwBody", "根据秘书处考勤记录，{{ period }}期间你应参加会议和活动{{ person.expected }}次，缺席{{ person.absent }}次、迟到或早退{{ person.late }}次，按制度折算缺席{{ person.counted }}次，出勤率{{ person.rate }}。有关记录如下："),
        ("GwBody", "{%p for m in person.meetings %}"),
        ("GwBody", "{{ loop.index }}. {{ m }}"),
        ("GwBody", "{%p endfor %}"),
        ("GwBody", "按照{{ rule }}的规定，现予{{ person.action }}。请你遵守考勤纪律，准时参加会议和活动；如对记录有异议，请于三个工作日内向秘书处提出。"),
    ] + FOOT,
    "考勤通报": head("关于考勤情况的通报") + [
        ("GwAddressee", "{{ addressee }}："),
        ("GwBody", "根据秘书处考勤记录，{{ period }}期间，以下同学缺席（含折算）已达处理标准："),
        ("GwTable", (("序号", "部门", "姓名", "职务", "折算缺席", "出勤率", "处理意见"),
                     ("{{ loop.index }}", "{{ p.department }}", "{{ p.name }}", "{{ p.post }}", "{{ p.counted }}",
                      "{{ p.rate }}", "{{ p.action }}"),
                     "p in people", (14, 22, 20, 18, 22, 18, 42))),
        ("GwBody", "依据：{{ rule }}。请各部门部长督促本部门成员遵守考勤制度。对以上记录如有异议，请于三个工作日内向秘书处提出。"),
        ("GwBody", "特此通报。"),
    ] + FOOT,
    "会议纪要": head("{{ meeting.name }}纪要") + [
        ("GwBody", "{{ meeting.when }}，{{ meeting.name }}在{{ meeting.place }}召开，会议由{{ meeting.host }}主持，{{ meeting.recorder }}记录。现将会议主要内容纪要如下："),
        ("GwHeading1", "一、出席情况"),
        ("GwBody", "出席：{{ present }}（共 {{ present_count }} 人）"),
        ("GwBody", "请假：{{ on_leave }}"),
        ("GwBody", "缺席：{{ absent }}"),
        ("GwBody", "列席：{{ attending }}"),
        ("GwBody", "{%p if decisions %}"),
        ("GwHeading1", "二、议定事项"),
        ("GwBody", "{%p for d in decisions %}"),
        ("GwBody", "（{{ d.number }}）{{ d.item }}（负责人：{{ d.owner }}；完成时限：{{ d.due }}）"),
        ("GwBody", "{%p endfor %}"),
        ("GwBody", "以上事项，请各负责人按时落实，秘书处负责督办。"),
        ("GwBody", "{%p endif %}"),
    ] + FOOT,
    "表扬": head("关于表扬全勤成员的通报") + [
        ("GwAddressee", "{{ addressee }}："),
        ("GwBody", "{{ period }}期间，以下同学按时参加全部会议和活动，无迟到、早退和缺席，认真履行职责，表现突出："),
        ("GwBody", "{%p for d in groups %}"),
        ("GwBody", "{{ d.department }}：{{ d.names }}"),
        ("GwBody", "{%p endfor %}"),
        ("GwBody", "为弘扬先进，经研究，决定对以上{{ count }}名同学予以通报表扬，记入个人档案。希望受表扬的同学再接再厉，也希望全体成员向他们学习。"),
    ] + FOOT,
    "通报批评": head("关于对多次无故缺席成员的通报批评") + [
        ("GwAddressee", "{{ addressee }}："),
        ("GwBody", "{{ period }}期间，以下同学多次无故缺席会议和活动，影响了学生会的正常工作："),
        ("GwBody", "{%p for p in people %}"),
        ("GwBody", "{{ loop.index }}. {{ p.department }} {{ p.name }}：缺席{{ p.absent }}次{% if p.late %}，迟到或早退{{ p.late }}次，折算缺席{{ p.counted }}次{% endif %}。"),
        ("GwBody", "{%p endfor %}"),
        ("GwBody", "根据{{ rule }}的规定，经研究，决定对以上同学予以通报批评。望受批评的同学认真反思，及时改正。"),
    ] + FOOT,
}


SOURCES["量化考核公示"] = head("{{ office_short }}{{ week_title }}班级量化考核结果公示") + [
    ("GwAddressee", "各班级："),
    ("GwBody", "根据各检查部门{{ week_text }}的检查记录，现将各班量化考核结果公示如下（基础分{{ base }}分；排名方式：{{ tie_text }}）："),
    ("GwBody", "{%p for g in grades %}"),
    ("GwHeading1", "{{ g.number }}、{{ g.grade }}"),
    ("GwTable", (("名次", "班级", "得分", "加分", "扣分", "流动红旗"),
                 ("{{ c.rank }}", "{{ c.name }}", "{{ c.score }}", "{{ c.bonus }}", "{{ c.deduction }}", "{{ c.flag }}"),
                 "c in g.classes")),
    ("GwBody", "{%p endfor %}"),
    ("GwBody", "本周获得流动红旗的班级：{{ flags }}。"),
    ("GwBody", "{%p if corrections %}"),
    ("GwHeading1", "更正说明"),
    ("GwBody", "经核查，原公布的结果有误，现更正如下："),
    ("GwBody", "{%p for c in corrections %}"),
    ("GwBody", "{{ c.class }}：原{{ c.old }}分，更正为{{ c.new }}分。"),
    ("GwBody", "{%p endfor %}"),
    ("GwBody", "特此更正，并向相关班级致歉。"),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "公示期至{{ objection_end }}。如有异议，请在公示期内向秘书处提出，逾期不予受理；公示期满后结果封存，不再更改。"),
] + FOOT + [
    ("GwBody", "{%p if verify_code %}"),
    ("GwNote", "（公示核验码：{{ verify_code }}）"),
    ("GwBody", "{%p endif %}"),
]


SOURCES["催办通知"] = head("关于{{ subject_text }}的通知") + [
    ("GwAddressee", "{{ department }}："),
    ("GwBody", "按照秘书处工作制度，各部门应于{{ due_text }}前提交{{ month_text }}{{ kind_text }}。截至{{ checked_text }}，贵部门{{ state_text }}。"),
    ("GwBody", "{%p if chase %}"),
    ("GwBody", "请于{{ new_due_text }}前将{{ kind_text }}交至秘书处（按模板填写，写明部门、月份、填表人和填表日期）。逾期未交的，将按考核办法记入部门考核。"),
    ("GwBody", "{%p else %}"),
    ("GwBody", "逾期情况将按考核办法记入部门考核。今后请在截止时间前提交。"),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "特此通知。"),
] + FOOT


SOURCES["考核结果通知"] = head("{{ period_text }}绩效考核结果通知") + [
    ("GwAddressee", "{{ person.department }}{{ person.name }}同学："),
    ("GwBody", "根据学生会绩效考核办法，经自评、部长评议、主席团评议，并结合考勤和工作计划完成情况，你在{{ period_text }}的考核结果如下："),
    ("GwTable", (("序号", "考核指标", "权重", "得分"),
                 ("{{ loop.index }}", "{{ i.name }}", "{{ i.weight_cell }}", "{{ i.score }}"),
                 "i in indicators", (16, 80, 30, 30))),
    ("GwBody", "综合得分{{ person.total }}分，考核等级：{{ person.grade }}；部门内排名第{{ person.rank_department }}名，全体排名第{{ person.rank_overall }}名。{{ bonus_text }}"),
    ("GwBody", "如对考核结果有异议，请于三个工作日内向秘书处提出书面复核申请。"),
] + FOOT


# Forms, not notices: a table to fill in and sign, one A4 page, no 文号 and no formal 版头.
SOURCES["用印审批单"] = [
    ("GwTitle", "用印审批单"),
    ("GwFormNote", "{{ office }}　　　　登记位置：{{ use.place }}"),
    ("GwForm", (
        ("用印日期", "{{ use.date }}", "印章名称", "{{ use.seal }}"),
        ("文件名称", "{{ use.document }}"),
        ("用途", "{{ use.purpose }}"),
        ("份数", "{{ use.copies }}", "合同或财物", "{{ use.involves }}"),
        ("经办人", "{{ use.handler }}", "印章保管人", "{{ use.keeper }}"),
        ("有权审批", "{{ use.may_approve }}"),
        ("审批意见", "", 45),
        ("审批人签字", "{{ use.approver }}", "审批日期", "{{ use.approved_on }}"),
        ("盖章人签字", "", "盖章时间", "　　年　　月　　日"),
    )),
    ("GwFormNote", "注：先审批，后用印；不得在空白纸张上加盖印章；涉及合同、协议及财物的用印，须由{{ use.money_approvers }}签批。"
                   "本单用印后交印章保管人存档。"),
]
SOURCES["文书处理单"] = [
    ("GwTitle", "{{ office }}文书处理单"),
    ("GwFormNote", "收文编号：{{ doc.number }}　　　　登记位置：{{ doc.place }}"),
    ("GwForm", (
        ("收文日期", "{{ doc.received }}", "紧急程度", "{{ doc.urgency }}"),
        ("来文单位", "{{ doc.sender }}", "来文字号", "{{ doc.reference }}"),
        ("标题", "{{ doc.title }}"),
        ("密级", "{{ doc.secrecy }}", "份数", "{{ doc.copies }}"),
        ("类别", "{{ doc.kind }}", "办理时限", "{{ doc.due }}"),
        ("主办部门", "{{ doc.lead }}", "会办部门", "{{ doc.partners }}"),
        ("拟办意见", "{{ doc.proposal }}", 22),
        ("领导批示", "{{ doc.instruction }}", 28),
        ("传阅", "{{ doc.circulation }}", 15),
        ("办理结果", "{{ doc.result }}", 22),
        ("承办人签字", "", "办结日期", "{{ doc.done }}"),
    )),
    ("GwFormNote", "注：阅件传阅后退回秘书处；办件由主办部门在办理时限内办结，办理结果填入本单，连同文件归档。"),
]
SOURCES["收文催办通知"] = head("关于抓紧办理逾期文件的通知") + [
    ("GwAddressee", "{{ department }}："),
    ("GwBody", "截至{{ as_of }}，秘书处登记交由你部门主办的下列文件已超过办理时限，尚未报来办理结果："),
    ("GwTable", (("序号", "收文编号", "标题", "办理时限", "逾期工作日"),
                 ("{{ loop.index }}", "{{ d.number }}", "{{ d.title }}", "{{ d.due }}", "{{ d.overdue }}"),
                 "d in documents", (12, 40, 42, 36, 26))),
    ("GwBody", "{%p if soon %}"),
    ("GwBody", "另有{{ soon|length }}份文件将于{{ due_soon_workdays }}个工作日内到期：{{ soon|join('；') }}。"),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "请抓紧办理，并于{{ reply_by }}前将办理结果（落实、答复或批复情况）报秘书处。确有困难不能按期办结的，请书面说明原因和预计办结时间。"),
    ("GwBody", "特此通知。"),
] + FOOT
SOURCES["督办通报"] = head("关于督办事项办理情况的通报") + [
    ("GwAddressee", "各部门："),
    ("GwBody", "截至{{ as_of }}，秘书处督办事项共{{ total }}件：已完成{{ done }}件（其中逾期完成{{ late }}件），正常推进{{ normal }}件，临期{{ soon }}件，逾期{{ overdue }}件{{ unverified_text }}。{{ week_from }}以来新交办{{ new_week }}件，完成{{ done_week }}件。现将办理情况通报如下："),
    ("GwHeading1", "一、各部门办理情况"),
    ("GwTable", (("部门", "督办总数", "正常", "临期", "逾期", "待核实", "已完成", "完成率"),
                 ("{{ d.department }}", "{{ d.total }}", "{{ d.normal }}", "{{ d.soon }}", "{{ d.overdue }}",
                  "{{ d.unverified }}", "{{ d.done }}", "{{ d.rate }}"),
                 "d in departments", (24, 22, 16, 16, 16, 18, 18, 26))),
    ("GwHeading1", "二、逾期事项"),
    ("GwBody", "{%p if overdue_tasks %}"),
    ("GwTable", (("序号", "主办部门", "事项", "完成时限", "逾期工作日"),
                 ("{{ loop.index }}", "{{ t.lead }}", "{{ t.title }}", "{{ t.due }}", "{{ t.overdue }}"),
                 "t in overdue_tasks", (14, 22, 54, 44, 22))),
    ("GwBody", "{%p else %}"),
    ("GwBody", "目前没有逾期事项。"),
    ("GwBody", "{%p endif %}"),
    ("GwHeading1", "三、临期事项（{{ due_soon_workdays }}个工作日内到期）"),
    ("GwBody", "{%p if soon_tasks %}"),
    ("GwTable", (("序号", "主办部门", "事项", "完成时限", "剩余工作日"),
                 ("{{ loop.index }}", "{{ t.lead }}", "{{ t.title }}", "{{ t.due }}", "{{ t.left }}"),
                 "t in soon_tasks", (14, 22, 54, 44, 22))),
    ("GwBody", "{%p else %}"),
    ("GwBody", "目前没有临期事项。"),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "请逾期事项的主办部门抓紧办理，于{{ reply_by }}前将办理结果报秘书处；确有困难不能按期完成的，应在到期前书面申请延期，写明理由和新的完成时限，逾期后提出的延期申请不予认可。"),
    ("GwBody", "特此通报。"),
] + FOOT


SOURCES["督办催办通知"] = head("关于抓紧办理督办事项的通知") + [
    ("GwAddressee", "{{ department }}："),
    ("GwBody", "{%p if overdue %}"),
    ("GwBody", "截至{{ as_of }}，由你部门主办的下列督办事项已超过完成时限，尚未办结："),
    ("GwTable", (("序号", "事项", "来源", "完成时限", "逾期工作日"),
                 ("{{ loop.index }}", "{{ t.title }}", "{{ t.source }}", "{{ t.due }}", "{{ t.overdue }}"),
                 "t in overdue", (14, 42, 34, 44, 22))),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "{%p if soon %}"),
    ("GwBody", "下列督办事项将于{{ due_soon_workdays }}个工作日内到期，请抓紧安排："),
    ("GwTable", (("序号", "事项", "来源", "完成时限", "剩余工作日"),
                 ("{{ loop.index }}", "{{ t.title }}", "{{ t.source }}", "{{ t.due }}", "{{ t.left }}"),
                 "t in soon", (14, 42, 34, 44, 22))),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "请于{{ reply_by }}前将办理进展和结果报秘书处。确有困难不能按期完成的，请在到期前书面申请延期，写明理由和新的完成时限；到期后提出的延期申请不予认可。"),
    ("GwBody", "特此通知。"),
] + FOOT


SOURCES["大事记"] = [
    ("GwTitle", "{{ office }}大事记"),
    ("GwDocNo", "（{{ month_text }}）"),
    ("GwBody", "{%p for d in days %}"),
    ("GwHeading1", "{{ d.date }}"),
    ("GwBody", "{%p for e in d.entries %}"),
    ("GwBody", "{{ e.text }}。"),
    ("GwBody", "{%p endfor %}"),
    ("GwBody", "{%p endfor %}"),
    ("GwBody", "{%p if not days %}"),
    ("GwBody", "本月没有可记载的事项。"),
    ("GwBody", "{%p endif %}"),
    ("GwNote", "（共{{ count }}条{{ left_out }}）"),
] + FOOT


SOURCES["爱心基金收支公示"] = head("{{ office_short }}爱心基金{{ period_text }}收支情况公示") + [
    ("GwAddressee", "各位同学："),
    ("GwBody", "爱心基金专款专用，每学期公示收支。现将{{ period_text }}（{{ start }}至{{ end }}{{ as_of }}）爱心基金收支情况公示如下："),
    ("GwHeading1", "一、收支总体情况"),
    ("GwTable", (("项目", "金额（元）", "大写"),
                 ("{{ r.item }}", "{{ r.amount }}", "{{ r.words }}"),
                 "r in overall", (34, 40, 82))),
    ("GwHeading1", "二、收入（按来源）"),
    ("GwBody", "{%p if sources %}"),
    ("GwTable", (("类别", "笔数", "金额（元）"),
                 ("{{ s.kind }}", "{{ s.count }}", "{{ s.amount }}"),
                 "s in sources", (60, 40, 56))),
    ("GwBody", "{%p else %}"),
    ("GwBody", "本期没有收入。"),
    ("GwBody", "{%p endif %}"),
    ("GwHeading1", "三、支出（按用途）"),
    ("GwBody", "{%p if purposes %}"),
    ("GwTable", (("类别", "笔数", "金额（元）"),
                 ("{{ s.kind }}", "{{ s.count }}", "{{ s.amount }}"),
                 "s in purposes", (60, 40, 56))),
    ("GwBody", "{%p else %}"),
    ("GwBody", "本期没有支出。"),
    ("GwBody", "{%p endif %}"),
    ("GwBody", "公示期至{{ until }}。对账目如有疑问，请在公示期内向秘书处查阅收支凭证。"),
    ("GwBody", "特此公示。"),
] + FOOT


SOURCES["爱心基金感谢信"] = [
    ("GwTitle", "感谢信"),
    ("GwAddressee", "尊敬的{{ donor }}："),
    ("GwBody", "您于{{ dates }}{% if times > 1 %}先后{{ times }}次{% endif %}向{{ office }}爱心基金捐款{% if times > 1 %}，共计{% endif %}人民币{{ amount }}元（大写：{{ words }}）。在此，我们谨向您致以最诚挚的感谢！"),
    ("GwBody", "爱心基金专款专用，用于资助家庭经济困难和遭遇疾病、意外的同学。每一笔收入和支出都登记在账，每学期公示收支情况，欢迎您随时查阅。"),
    ("GwBody", "您的善举让困境中的同学感受到了温暖，也激励着更多同学传递爱心。我们将管好、用好每一笔善款，不负您的信任。"),
    ("GwBody", "再次感谢您的关心和支持！"),
] + FOOT


SOURCES["办公用品报销汇总表"] = [
    ("GwTitle", "{{ office }}办公用品报销汇总表"),
    ("GwDocNo", "（{{ year }}，截至{{ as_of }}）"),
    ("GwBody", "下列办公用品采购的发票附后，请予报销："),
    ("GwTable", (("序号", "日期", "物品", "数量", "金额（元）", "科目", "发票号", "经办人"),
                 ("{{ c.flag }}{{ loop.index }}", "{{ c.date }}", "{{ c.item }}", "{{ c.quantity }}", "{{ c.amount }}",
                  "{{ c.account }}", "{{ c.invoice }}", "{{ c.handler }}"),
                 "c in claims", (12, 27, 22, 14, 21, 19, 23, 16), 10.5)),
    ("GwBody", "合计{{ count }}笔，人民币{{ total }}元（大写：{{ words }}）。{% if flagged %}标※的{{ flagged }}笔尚待核实（见 sectools supplies 的问题清单）。{% endif %}"),
    ("GwHeading1", "按经办人"),
    ("GwTable", (("经办人", "笔数", "金额（元）", "大写"),
                 ("{{ h.name }}", "{{ h.count }}", "{{ h.amount }}", "{{ h.words }}"),
                 "h in handlers", (30, 16, 34, 76))),
    ("GwHeading1", "按科目（{{ year }}预算执行）"),
    ("GwTable", (("科目", "预算（元）", "已支出（元）", "剩余（元）", "本表报销（元）"),
                 ("{{ a.account }}", "{{ a.budget }}", "{{ a.spent }}", "{{ a.remaining }}", "{{ a.claimed }}"),
                 "a in accounts", (36, 30, 30, 30, 30))),
    ("GwBody", "填表单位：{{ office }}"),
    ("GwBody", "填表日期：{{ date }}"),
    ("GwBody", "经办人：　　　　　　　审核人：　　　　　　　审批人："),
]


SOURCES["录用名单公示"] = head("关于{{ office_short }}{{ term }}纳新拟录用名单的公示") + [
    ("GwAddressee", "各位同学："),
    ("GwBody", "{{ office_short }}{{ term }}纳新工作经报名、面试，按面试成绩和各部门名额、本人志愿择优录用，现将拟录用名单公示如下（共{{ count }}人）："),
    ("GwTable", (("序号", "部门", "姓名", "班级"),
                 ("{{ loop.index }}", "{{ a.department }}", "{{ a.name }}", "{{ a.class_name }}"),
                 "a in admitted", (20, 40, 40, 56))),
    ("GwBody", "{% if pending %}{{ pending }}。{% endif %}公示期至{{ until }}。公示期间如有异议，请向秘书处反映。"),
    ("GwBody", "特此公示。"),
] + FOOT


SOURCES["录用通知"] = [
    ("GwTitle", "录用通知"),
    ("GwAddressee", "{{ name }}同学："),
    ("GwBody", "感谢你报名参加{{ office }}{{ term }}纳新。经面试和综合评定，决定录用你为{{ department }}干事{% if how %}（{{ how }}）{% endif %}，欢迎你的加入！"),
    ("GwBody", "{{ department }}负责人近期将通知你参加新成员见面会，请保持电话畅通。加入后请遵守{{ office }}的各项制度，按时参加例会，认真完成工作。"),
] + FOOT


FORMS = frozenset({"用印审批单", "文书处理单", "大事记", "爱心基金感谢信", "办公用品报销汇总表", "录用通知"})

FORMAL_SUFFIX = "（正式）"  # templates/会议通知（正式）.docx: the same notice with the red 版头 and the 版记


def formal(source: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """A notice's paragraphs in the formal layout (GB/T 9704): the office's name + 文件 in red, the
    发文字号 centred above the red rule, the title two lines below, and the 版记 (抄送, 印发机关 and date)
    between rules at the end, when the office gives them."""
    body = [x for x in source if x[0] not in ("GwTitle", "GwDocNo")]
    title = next(x for x in source if x[0] == "GwTitle")
    return [("GwOrgMark", "{{ office }}文件"), ("GwDocNo", "{{ doc_number }}"), ("GwRule", ""), ("GwBody", ""),
            title] + body + [
        ("GwBody", "{%p if record %}"),
        ("GwBody", ""),
        ("GwRecord", "{%p if record.copy_to %}"),
        ("GwRecord", "抄送：{{ record.copy_to }}。"),
        ("GwRecord", "{%p endif %}"),
        ("GwRecord", "{{ record.issued_by }}　　　　{{ record.issued_date }}印发"),
        ("GwBody", "{%p endif %}"),
    ]


def template_bytes(kind: str, formal_style: bool = False) -> bytes:
    """Kind ``kind``'s Word template (GB/T 9704 layout, docxtpl tags) as the bytes of a .docx.

    ``GwLead`` is a body paragraph that opens with a lead in the heading font (``一、会议时间：||…``),
    so a short section takes one line.  The 落款 and 成文日期 keep with the last line of text above
    them: they never stand alone on a page."""
    import io

    import docx

    from .layout import HEADING1_FONT, set_east_asian, setup_document

    doc = docx.Document()
    setup_document(doc)
    paras = []
    for style, text in (formal(SOURCES[kind]) if formal_style else SOURCES[kind]):
        p = doc.add_paragraph()
        p.style = doc.styles[_style_name("GwBody" if style in ("GwLead", "GwTable", "GwForm") else style)]
        if style == "GwLead":
            lead, _, rest = text.partition("||")
            set_east_asian(p.add_run(lead)._r, HEADING1_FONT)
            p.add_run(rest)
        elif style == "GwTable":  # people read rows: a table, one row per record (docxtpl's {%tr %})
            p._p.getparent().remove(p._p)
            for _, before, q in reversed(paras):  # the line that leads into the table stays with it
                if not (isinstance(before, str) and before.startswith("{%p")):
                    if before:
                        q.paragraph_format.keep_with_next = True
                    break
            _table(doc, *text)
            continue
        elif style == "GwForm":  # a form: labels and what is filled in beside them, boxes to sign
            p._p.getparent().remove(p._p)
            _form(doc, text)
            continue
        elif text:
            p.add_run(text)
        if style == "GwRecord":  # LibreOffice takes a frame only as the paragraph's own property
            from .layout import at_page_bottom

            at_page_bottom(p._p.get_or_add_pPr())
        paras.append((style, text, p))
    sig = next((k for k, (st, _, _) in enumerate(paras) if st == "GwSignature"), None)
    if sig is not None:
        k, depth = sig - 1, 0
        while k >= 0:  # the blank line, any {%p %} block (it may render to nothing), and the line of text before
            st, text, p = paras[k]
            p.paragraph_format.keep_with_next = True
            control = isinstance(text, str) and text.startswith("{%p")
            if control and re.match(r"\{%p\s*end", text):
                depth += 1
            elif control:
                depth -= 1
            elif text and depth <= 0:
                break
            k -= 1
        paras[sig][2].paragraph_format.keep_with_next = True
    doc.core_properties.author = "sectools"
    doc.core_properties.title = kind
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _table(doc, header: tuple, cells: tuple, loop: str, mm: tuple | None = None, pt: float | None = None) -> None:
    """A bordered table: the header, then one row per item of ``loop`` (``c in g.classes``); ``mm``:
    the columns' widths (the 156 mm text block); ``pt``: a smaller type for a table of many columns."""
    from docx.shared import Mm, Pt

    t = doc.add_table(rows=4, cols=len(header))
    t.style = doc.styles["Table Grid"]
    t.alignment = 1  # centred
    cell_style = doc.styles[_style_name("GwCell")]
    for j, label in enumerate(header):
        c = t.rows[0].cells[j]
        c.paragraphs[0].style = cell_style
        run = c.paragraphs[0].add_run(label)
        run.bold = True
        if pt:
            run.font.size = Pt(pt)
    t.rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
    for j, text in enumerate(cells):
        c = t.rows[2].cells[j]
        c.paragraphs[0].style = cell_style
        run = c.paragraphs[0].add_run(text)
        if pt:
            run.font.size = Pt(pt)
    t.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    widths = [Mm(w) for w in mm] if mm else \
        [Mm(18), Mm(36)] + [Mm((156 - 54) / max(len(header) - 2, 1))] * (len(header) - 2)
    t.autofit = False
    for j, col in enumerate(t.columns):  # the grid (LibreOffice reads it) and every cell (Word does)
        col.width = widths[j]
    for row in t.rows:
        for j, c in enumerate(row.cells):
            c.width = widths[j]
    from docx.oxml import OxmlElement

    header_flag = OxmlElement("w:tblHeader")  # the header row repeats on every page
    t.rows[0]._tr.get_or_add_trPr().append(header_flag)
    for row in t.rows:
        cant = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant)


FORM_CAPTION = "sectools-form"  # the form's table says it is one (its HTML and text are laid out as a form)


def _form(doc, rows: tuple) -> None:
    """A bordered four-column form the text block's width: (label, value[, label, value][, height mm]);
    a row of one label and one value spans the value across the other three columns."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    widths = [Mm(30), Mm(48), Mm(30), Mm(48)]
    t = doc.add_table(rows=len(rows), cols=4)
    t.style = doc.styles["Table Grid"]
    t.alignment = 1
    t.autofit = False
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), FORM_CAPTION)
    t._tbl.tblPr.append(caption)
    label_style, value_style = doc.styles[_style_name("GwCell")], doc.styles[_style_name("GwFormCell")]
    for j, col in enumerate(t.columns):
        col.width = widths[j]
    for row, spec in zip(t.rows, rows):
        height = spec[-1] if isinstance(spec[-1], int) else 12
        cells = [c for c in spec if isinstance(c, str)]
        row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.AT_LEAST
        for j, c in enumerate(row.cells):
            c.width = widths[j]
        if len(cells) == 2:
            row.cells[1].merge(row.cells[3])
        targets = [row.cells[0], row.cells[1]] + ([row.cells[2], row.cells[3]] if len(cells) == 4 else [])
        for k, (cell, text) in enumerate(zip(targets, cells)):
            para = cell.paragraphs[0]
            para.style = label_style if k % 2 == 0 else value_style
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP if height > 20 and k % 2 else \
                WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if text:
                run = para.add_run(text)
                run.bold = k % 2 == 0
        cant = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant)


def _style_name(sid: str) -> str:
    from .layout import STYLES

    return STYLES[sid][0]
