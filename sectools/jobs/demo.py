"""The demo: build the fictional office and run every job on it, through the same jobs as the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import SectoolsError
from .core import JobResult


def run_demo(out: Path, lang: str | None = None, progress=None) -> JobResult:
    """Create the demo office in ``out`` and run check, attendance, the sign-in sheets (the next meeting's, and
    a QR-form meeting's with its code), a semester of class rankings through the workflow, March's plans and
    summaries, appraisals, the registers (用印, 收文, 督办) and every notice (and the QR meeting's 会议通知)."""
    from ..notices import KINDS, Options
    from ..pdf import soffice, to_pdf
    from ..scaffold import init_office
    from ..sources import OfficeSource
    from . import attendance, check, kpi, notice, plans_collect, plans_schedule, run_semester, signin_sheet

    made = init_office(out, with_demo=True, force=True, keep_none=True)  # never over a clerk's files
    src = OfficeSource.load(out)
    if lang:
        src.office.lang = lang
    outputs = src.out_root
    files: list[Path] = []
    checked = check(src, out=outputs / "检查结果.xlsx")
    files += checked.files
    att = attendance(src)
    files += att.files
    sheet = signin_sheet(src)
    files += sheet.files
    from ..demo import by_form, meetings

    qr = next(m for m in meetings() if by_form(m) and m.kind == "例会")  # May's first meeting signed in by QR form
    files += signin_sheet(src, qr.date.isoformat()).files  # its sheet carries the form's QR code
    weeks = run_semester(src, src.office.semester_end)
    files.append(outputs / "排名")
    march = (2026, 3)
    contexts: dict[str, dict] = {"文书处理单": {"numbers": ["10"]}}  # the term's overdue 办件: its handling form
    for kind in ("plan", "summary"):
        col = plans_collect(src, march, kind)
        files += col.files
        if kind == "plan":
            contexts["催办通知"] = {"collected": col.result}
    files += plans_schedule(src, march).files
    for period, target in (("2026-03", "member"), ("2026年春季学期", "member"), ("2026年春季学期", "department")):
        k = kpi(src, period, target)
        files += k.files
        if period == "2026-03" and target == "member":
            contexts["考核结果通知"] = {"kpi": k.result}
    from . import documents, seals

    files += seals(src).files  # 用印统计: the register's violations first
    files += documents(src).files  # 收文办理: overdue first
    today = src.office.semester_end or dt.date.today()
    from . import tasks

    files += tasks(src, today=today).files  # 督办通报 as of the term's last day, as its notices are
    from . import fund

    files += fund(src).files  # 爱心基金: the term's 收支 (the autumn's overdraft: sectools fund --semester 2025秋)
    from . import supplies

    files += supplies(src).files  # 办公用品: 2026's budget, stock, 领用 (an invoice entered twice, paper run short)
    from . import intake

    files += intake(src).files  # 纳新: a strict interviewer standardised, two applicants tied at 宣传部's last place
    files += _archive(src, today)  # 档案: the autumn's and the spring's rosters sealed, what changed between them

    sample: list[Path] = []
    rendered = 0
    for fmt in ("docx", "html", "txt"):  # the QR meeting's notice with its code, issued in May: numbered first
        res = notice(src, "会议通知", fmt=fmt, opts=Options(today=qr.date - dt.timedelta(days=3), dated=True,
                                                          meeting=qr.date.isoformat()),
                     out_dir=outputs / "通知" / "会议通知")
        rendered += len(res.files)
        if fmt == "docx":
            sample += res.files
    for kind in KINDS:
        if kind in ("会议通知", "大事记"):  # 会议通知 made above, before its meeting (one dated at the term's end would
            continue  # call a meeting past); the 大事记 a month each, above
        for fmt in ("docx", "html", "txt"):
            try:
                # the fund's autumn faults (an overdraft, a payment nobody approved) refuse its spring 公示, which opens
                # on them, the purchases' (an invoice entered twice …) the 报销汇总表, the 纳新's tie its 公示 and
                # letters: the demo shows them all the same, forced, and their lines say so
                res = notice(src, kind, fmt=fmt, opts=Options(today=today, dated=True, extra=contexts.get(kind, {}),
                                                              force=kind in ("爱心基金收支公示", "办公用品报销汇总表",
                                                                             "录用名单公示", "录用通知")),
                             out_dir=outputs / "通知" / kind)
            except SectoolsError:
                continue  # e.g. nobody to praise
            rendered += len(res.files)
            if fmt == "docx" and res.files:
                sample.append(res.files[0])
    from . import diary

    for m in range(3, 7):  # the term's 大事记, a month each — last, so it lists every notice numbered above
        d = diary(src, (2026, m), today=today)
        files += d.files
        for fmt in ("docx", "html", "txt"):
            made_doc = notice(src, "大事记", fmt=fmt, opts=Options(today=today, month=(2026, m),
                                                                extra={"diary": d.result}),
                              out_dir=outputs / "通知" / "大事记")
            rendered += len(made_doc.files)
            if fmt == "docx" and m == 3:
                sample += made_doc.files
    pdf = bool(sample and soffice())
    if pdf:  # one LibreOffice run for all, each PDF then put beside its .docx, where --format pdf puts it
        import os
        import shutil
        import tempfile

        stage = Path(tempfile.mkdtemp(prefix=".sectools-pdf-", dir=outputs))
        try:
            for made_pdf in to_pdf(sample, stage):
                docx = next((f for f in sample if f.stem == made_pdf.stem), None)
                if docx is not None:
                    os.replace(made_pdf, docx.with_suffix(".pdf"))
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    if rendered:
        files.append(outputs / "通知")
    job = JobResult("demo", {"tables": checked.result, "attendance": att, "made": made}, list(checked.problems))
    job.files = files
    job.facts = {"weeks": len(weeks), "sealed": sum(1 for w in weeks if w["sealed"]), "pdf": pdf or not sample}
    return job


def _archive(src, today) -> list[Path]:
    """The demo's 档案: the roster as it stood in autumn 2025 sealed (from a workbook of then), the spring's from the
    roster now, the changes between them (a member moved department mid-year, one promoted, the spring's joiners, two
    who left), and the attendance ladder's 撤职 / 退出 written into a new roster."""
    import tempfile

    from .. import demo
    from ..scaffold import roster_sheet
    from ..writer import write_workbook
    from .archiving import archive_apply, archive_diff, archive_snapshot

    with tempfile.TemporaryDirectory() as tmp:
        autumn = write_workbook(Path(tmp) / "名册.xlsx", [roster_sheet(src.office.name, demo.autumn_members())])
        archive_snapshot(src, "2025秋", replace=True, roster_file=autumn,
                         now=dt.datetime(2026, 1, 20, 17, 0))
    archive_snapshot(src, "2026春", replace=True, now=dt.datetime.combine(today, dt.time(17, 0)))
    return archive_diff(src, "2025秋", "2026春").files + archive_apply(src, today=today).files
