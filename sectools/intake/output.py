"""The 纳新 workbook: every applicant by score with the result (录用 green, 并列待定 yellow), the departments' places, the
interviewers (how strict each was, before standardising); the new roster workbook."""

from __future__ import annotations

from ..messages import L, W
from ..writer import Column, Ref, Sheet

RESULT_COLORS = {"录用": "green", "并列待定": "yellow", "未录用": "blue", "未面试": "red", "不录用": "red", "待核实": "red"}


def intake_sheets(res, office_name: str, ref=None, problems=None) -> list[Sheet]:
    title = W("title-intake", office=office_name)

    def where(a):
        return ref(a["file"], a["sheet"], a["cell"]) if ref else Ref(a["file"], a["sheet"], a["cell"])

    colors = {L(k): v for k, v in RESULT_COLORS.items()}
    def r2(x):
        return None if x is None else round(x, 2)  # as shown, and as ties are judged

    rows = [[a["rank"], a["id"], a["name"], a["class_name"], a["first"] or a["typed"].get("first"),
             a["second"] or a["typed"].get("second"), L("是") if a["adjust"] else L("否"),
             a["interviews"], *[r2(a["criteria"].get(c)) for c in res.criteria], r2(a["score"]), L(a["status"]),
             a["admitted_to"] or (W("intake-tied-for", dep=a["tied_for"]) if a["tied_for"] else None),
             (W("intake-depends", how=L(a["how"]), names=a["depends_on"]) if a["depends_on"] else L(a["how"]))
             if a["how"] else None, where(a)] for a in res.applicants]
    ranking = Sheet(L("纳新排名"), [
        Column(L("排名"), "int"), Column(L("学号"), width=13), Column(L("姓名")), Column(L("班级"), width=12),
        Column(L("第一志愿")), Column(L("第二志愿")), Column(L("服从调剂"), width=8), Column(L("面试次数"), "int"),
        *[Column(c, "number", width=9) for c in res.criteria], Column(L("总分"), "number"),
        Column(L("结果"), colors=colors), Column(L("录用部门"), width=12), Column(L("录用方式")),
        Column(L("登记位置"), "link", width=20)], rows, title=title,
        note=W("intake-note", weights="、".join(f"{c} {res.weights.get(c, 0):g}" for c in res.criteria),
               how=L("各面试官的打分先标准化（z 分数），再换回全体面试官的分数尺度；") if res.standardised
               else L("按原始分；")) if rows else L("还没有报名。"))
    deps = Sheet(L("各部门录用"), [
        Column(L("部门")), Column(L("名额"), "int"), Column(L("录用"), "int"), Column(L("并列待定"), "wrap", width=24),
        Column(L("待定名额"), "int"), Column(L("剩余名额"), "int"), Column(L("录用名单"), "wrap", width=40)],
        [[d["department"], d["quota"], len(d["admitted"]), "、".join(a["name"] for a in d["tied"]) or None,
          d["tied_places"] or None, d["left"], "、".join(a["name"] for a in d["admitted"]) or None]
         for d in res.departments], title=W("title-intake-part", office=office_name, part=L("各部门录用")),
        note=L("并列待定：分数相同、名额不够，由办公室决定（在报名表的“录用决定”一列写 录用 或 不录用），再运行一次。")
        if res.tied else None)
    panel = Sheet(L("面试官"), [
        Column(L("面试官")), Column(L("面试人数"), "int"), Column(L("平均分"), "number"), Column(L("标准差"), "number"),
        Column(L("比全体平均"), "number", width=12), Column(L("标准化"))],
        [[x["name"], x["applicants"], x["mean"], x["spread"], x["offset"], L("是") if x["standardised"] else L("否")]
         for x in res.interviewers], title=W("title-intake-part", office=office_name, part=L("面试官")),
        note=L("比全体平均为负：打分偏严；标准化后，偏严或偏宽的面试官不影响他面试的人的名次。"))
    sheets = [ranking, deps, panel]
    problems = res.problems if problems is None else problems
    if problems:
        from ..report import problems_sheet

        sheets.append(problems_sheet(problems))
    return sheets


def roster_sheet(office_name: str, members: list[dict], new: list[dict], today) -> Sheet:
    """The roster as read, and the admitted applicants appended as 干事 of their department (the clerk's to adopt)."""
    from .. import demo
    from ..scaffold import roster_sheet as blank_roster

    def member(r: dict):
        return demo.Member(r.get("id"), r.get("name"), r.get("gender"), r.get("department"), r.get("post"),
                           r.get("class_name"), r.get("phone"), r.get("joined"), r.get("left"), r.get("status"))

    people = [member(r) for r in members] + [
        demo.Member(a["id"], a["name"], a["gender"], a["admitted_to"], "干事", a["class_name"], a["phone"], today, None,
                    "在任") for a in new]
    sheet = blank_roster(office_name, people)
    from dataclasses import replace

    return replace(sheet, title=f"{office_name}成员名册（纳新后，{today.isoformat()}）",
                   note=W("intake-roster-note", added=len(new), date=today.isoformat()))
