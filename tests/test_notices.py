"""Notices: real Word documents opened again with python-docx, HTML, text, and PDF through LibreOffice."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from sectools.cli import main
from sectools.config import load_office
from sectools.jobs import notice as render
from sectools.notices import KINDS, Options
from sectools.paths import safe_filename

from . import test_attendance as ta
from .conftest import sheet_book

TODAY = dt.date(2026, 3, 25)
# kinds made from classes, plans, ratings or the seal register: tested with those (ranking, plans, kpi, seals)
NEEDS_DATA = ("量化考核公示", "催办通知", "考核结果通知", "用印审批单", "文书处理单", "收文催办通知", "督办通报",
              "督办催办通知", "爱心基金收支公示", "爱心基金感谢信", "办公用品报销汇总表",
              "录用名单公示", "录用通知")
HOSTILE = '张"伟&<A>'


CONFIG = (ta.CONFIG.replace('absences = 2\naction = "提醒"', 'absences = 1\naction = "提醒"')
          .replace('absences = 3\naction = "通报部长并撤销职务"',
                   'absences = 2\naction = "通报部长并撤销职务"\nnotice = "考勤通报"')
          + '\n[notices]\npraise_min_meetings = 1\ndoc_prefix = "测试学生会"\n')


def office(tmp_path: Path, roster=None, lang: str = "zh-CN") -> object:
    folder = ta.make_office(tmp_path / "o", config=CONFIG.replace('name = "测试学生会"',
                                                                    f'name = "测试学生会"\nlang = "{lang}"'))
    if roster:
        sheet_book(folder / "名册.xlsx", roster)
    return load_office(folder)


def opts(**kw) -> Options:
    return Options(today=TODAY, dated=True, **kw)  # the tests give the date of issue, as --date does


def east_asia(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def test_meeting_notice_docx_follows_gbt_9704(tmp_path):
    res = render(office(tmp_path), "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "out")
    (path,) = res.files
    d = docx.Document(path)
    sec = d.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert (round(sec.top_margin.mm), round(sec.left_margin.mm)) == (37, 28)
    assert round(sec.page_width.mm - sec.left_margin.mm - sec.right_margin.mm) == 156
    assert round(sec.page_height.mm - sec.top_margin.mm - sec.bottom_margin.mm) == 225
    paras = [p for p in d.paragraphs if p.text.strip()]
    title, number = paras[0], paras[1]
    assert title.text == "关于召开第3周例会的通知"
    assert title.style.font.size.pt == 22 and east_asia(title.style) == "方正小标宋简体"
    assert re.fullmatch(r"测试学生会〔2026〕\d+号", number.text)
    body = next(p for p in paras if p.text.startswith("经研究"))
    assert body.style.font.size.pt == 16 and east_asia(body.style) == "仿宋"
    assert body.style.paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    assert "2026年3月22日 星期日 19:00" in body.text
    h1 = next(p for p in paras if p.text == "四、有关要求")
    assert east_asia(h1.style) == "黑体"
    lead = next(p for p in paras if p.text.startswith("一、会议时间："))  # a short section on one line
    fonts = lead.runs[0]._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体" and lead.style.name == "公文正文"
    assert paras[-2].paragraph_format.keep_with_next and paras[-3].paragraph_format.keep_with_next  # never alone
    assert paras[-1].text == "2026年3月25日" and paras[-1].alignment is None  # right-aligned by its style
    assert paras[-1].style.paragraph_format.alignment == 2 and paras[-2].text == "测试学生会"
    with zipfile.ZipFile(path) as z:
        footers = " ".join(z.read(n).decode() for n in z.namelist() if "footer" in n and n.endswith(".xml"))
        settings = z.read("word/settings.xml").decode()
    assert "PAGE" in footers and "— " in footers and "evenAndOddHeaders" in settings


def test_every_kind_renders_in_every_text_format(tmp_path):
    off = office(tmp_path)
    for kind in [k for k in KINDS if k not in NEEDS_DATA]:
        for fmt in ("docx", "html", "txt"):
            res = render(off, kind, fmt=fmt, opts=opts(meeting="2026-03-22"), out_dir=tmp_path / fmt / kind)
            assert res.files and all(p.exists() and p.suffix == f".{fmt}" for p in res.files), (kind, fmt)
    html = next((tmp_path / "html" / "会议通知").iterdir()).read_text(encoding="utf-8")
    assert "<h1>关于召开第3周例会的通知</h1>" in html and "<p>一、会议时间：" in html
    txt = next((tmp_path / "txt" / "会议纪要").iterdir()).read_text(encoding="utf-8")
    assert txt.startswith("第3周例会纪要") and "出席：" in txt and "缺席：" in txt


def test_special_characters_stay_literal_in_every_format(tmp_path):
    roster = [r[:] for r in ta.ROSTER]
    roster[1][1] = HOSTILE  # 001 gets a 提醒 (one counted absence)
    off = office(tmp_path, roster)

    def joined(fmt: str) -> str:
        files = render(off, "考勤提醒", fmt=fmt, opts=opts(), out_dir=tmp_path / fmt).files
        if fmt == "docx":
            return "\n".join(p.text for f in files for p in docx.Document(f).paragraphs)
        return "\n".join(f.read_text(encoding="utf-8") for f in files)

    assert f"秘书处{HOSTILE}同学" in joined("docx")
    html = joined("html")
    assert "张&#34;伟&amp;&lt;A&gt;" in html and "<A>" not in html
    assert HOSTILE in joined("txt")


def own_template(off, *lines: str, kind: str = "会议通知"):
    """A clerk's own template for ``kind`` in the office's templates/ folder, holding ``lines``."""
    own = off.root / "templates"
    own.mkdir(exist_ok=True)
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(own / f"{kind}.docx")
    return d, own / f"{kind}.docx"


def test_a_clerks_template_wins_and_a_missing_field_is_named(tmp_path):
    off = office(tmp_path)
    own = off.root / "templates"
    own.mkdir()
    src = Path(str(__import__("sectools.jobs.notices", fromlist=["template_path"]).template_path(off, "会议通知")))
    d = docx.Document(src)
    d.add_paragraph("（本通知已由秘书处在 Word 中修改）")
    d.save(own / "会议通知.docx")
    res = render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "a")
    assert "在 Word 中修改" in "\n".join(p.text for p in docx.Document(res.files[0]).paragraphs)
    d.add_paragraph("联系人：{{ contact.phone }}")
    d.save(own / "会议通知.docx")
    r = CliRunner().invoke(main, ["notices", "render", "会议通知", str(off.root), "--meeting", "2026-03-22", "--force"])
    assert r.exit_code == 1 and "会议通知.docx" in r.output and "contact" in r.output and "Traceback" not in r.output


def test_sandbox_refuses_unsafe_template_code(tmp_path):
    off = office(tmp_path)
    own_template(off, "{{ office.__class__.__mro__[1].__subclasses__() }}")
    from sectools.errors import SectoolsError

    with pytest.raises(SectoolsError) as e:
        render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "a")
    assert e.value.problems[0].code in ("template-error", "template-field-missing")


@pytest.mark.parametrize("name, expected", [
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"), ("..", "未命名"), ("CON", "_CON"), ("nul.txt", "_nul.txt"),
    ("名字. . ", "名字"), ("ＡＢＣ１", "ABC1"), ("张\u200b三", "张三"), ("x" * 300, "x" * 80),
])
def test_safe_filenames(name, expected):
    assert safe_filename(name) == expected


def test_per_member_files_are_safe_distinct_and_inside_the_folder(tmp_path):
    roster = [r[:] for r in ta.ROSTER]
    roster[1][1], roster[1][2] = "../../etc", "秘书处"
    roster[5][1], roster[5][2] = "CON", "宣传部"
    off = office(tmp_path, roster)
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        'action = "提醒"\nnotice = "考勤提醒"', 'action = "提醒"\nnotice = "考勤通报"').replace(
        'absences = 2', 'absences = 1'), encoding="utf-8")
    off = load_office(off.root)
    out = tmp_path / "out"
    res = render(off, "考勤通报", fmt="txt", opts=opts(per="member"), out_dir=out)
    names = [p.name for p in res.files]
    assert len(names) == len(set(n.casefold() for n in names)) == res.recipients >= 3
    assert all(p.resolve().parent == out.resolve() for p in res.files)
    assert not any(n.startswith(("CON.", "..")) for n in names)


def test_same_clean_name_still_gives_two_files(tmp_path):
    roster = [r[:] for r in ta.ROSTER]
    roster[3][1] = "张伟"  # 003 and 006, each with one counted absence, now share name and department
    roster[6][2] = "宣传部"
    off = office(tmp_path, roster)
    res = render(off, "考勤提醒", fmt="txt", opts=opts(), out_dir=tmp_path / "out")
    zw = sorted(p.name for p in res.files if "张伟" in p.name)
    assert [re.sub(r"^考勤提醒_\d{4}-\d\d-\d\d至\d{4}-\d\d-\d\d_", "", n) for n in zw] == [
        "宣传部_张伟.txt", "宣传部_张伟_2.txt"]  # <种类>_<期间>_<对象>, the period with no spaces


def test_combine_gives_one_document_with_page_breaks(tmp_path):
    off = office(tmp_path)
    res = render(off, "考勤提醒", opts=opts(), out_dir=tmp_path / "out", combine=True)
    assert len(res.files) == 1 and res.recipients >= 3
    d = docx.Document(res.files[0])
    breaks = d.element.body.xml.count('w:type="page"')
    assert breaks == res.recipients - 1
    assert sum(p.text == "考勤提醒" for p in d.paragraphs) == res.recipients


def test_document_numbers_are_kept_per_subject(tmp_path):
    off = office(tmp_path)
    a = render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "1").doc_number
    b = render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "2").doc_number
    c = render(off, "会议通知", opts=opts(meeting="2026-03-15"), out_dir=tmp_path / "3").doc_number
    assert a == b == "测试学生会〔2026〕1号" and c == "测试学生会〔2026〕2号"


def test_traditional_office_gets_traditional_wording_and_data_as_typed(tmp_path):
    off = office(tmp_path, lang="zh-TW")
    res = render(off, "考勤通报", fmt="txt", opts=opts(), out_dir=tmp_path / "out")
    text = "".join(p.read_text(encoding="utf-8") for p in res.files)
    assert "關於考勤情況的通報" in text and "特此通報" in text
    assert "张伟" in text  # the roster's Simplified name, as typed
    html = render(off, "会议通知", fmt="html", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "h")
    assert "會議時間" in html.files[0].read_text(encoding="utf-8")


def test_cli_list_and_render(tmp_path):
    r = CliRunner().invoke(main, ["notices", "list"])
    assert r.exit_code == 0
    assert [line.split("\t")[0] for line in r.output.splitlines()] == list(KINDS)
    off = office(tmp_path)
    r = CliRunner().invoke(main, ["notices", "render", "考勤通报", str(off.root), "--for", "member", "--format", "html",
                                  "--out", str(tmp_path / "x"), "--date", "2026-03-25"], catch_exceptions=False)
    assert r.exit_code == 0 and "考勤通报" in r.output
    r = CliRunner().invoke(main, ["notices", "render", "会议通知", str(off.root), "--for", "member"])
    assert r.exit_code == 1 and "不能按" in r.output
    r = CliRunner().invoke(main, ["notices", "render", "嘉奖令", str(off.root)])
    assert r.exit_code == 1 and "没有“嘉奖令”" in r.output


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is installed by .ci/run")
def test_pdf_through_libreoffice(tmp_path):
    off = office(tmp_path)
    res = render(off, "会议通知", fmt="pdf", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "pdf")
    (pdf,) = res.files
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == 1  # a one-meeting 会议通知 fits one page (its 成文日期 spilled onto a second)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "关于召开第3周例会的通知" in text.replace(" ", "") and "经研究" in text
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(png)], check=True)
    assert list(tmp_path.glob("page*.png"))
    assert not list((tmp_path / "pdf").glob("*.docx"))


def test_pdf_never_deletes_the_word_file_a_clerk_edited(tmp_path):
    off = office(tmp_path)
    out = tmp_path / "通知"
    (docx,) = render(off, "会议通知", fmt="docx", opts=opts(meeting="2026-03-22"), out_dir=out).files
    docx.write_bytes(docx.read_bytes() + b"")  # the clerk opens it in Word, edits, saves
    edited = docx.read_bytes()
    (pdf,) = render(off, "会议通知", fmt="pdf", opts=opts(meeting="2026-03-22"), out_dir=out).files
    assert pdf.parent == docx.parent and docx.read_bytes() == edited


def test_committed_templates_are_current(tmp_path):
    from sectools.notices.sources import SOURCES
    from sectools.printouts import write_templates as make_all

    make_all(tmp_path)
    committed = Path(__file__).resolve().parents[1] / "templates"
    from sectools.notices.sources import FORMAL_SUFFIX, FORMS

    names = [k for k in SOURCES] + [k + FORMAL_SUFFIX for k in SOURCES if k not in FORMS]  # a form has no 版头
    assert sorted(p.name for p in committed.glob("*.docx")) == sorted(f"{k}.docx" for k in names)
    for k in names:
        a, b = docx.Document(tmp_path / f"{k}.docx"), docx.Document(committed / f"{k}.docx")
        assert [(p.style.name, p.text) for p in a.paragraphs] == [(p.style.name, p.text) for p in b.paragraphs], k


def test_heading_numbers_go_past_ten():
    from sectools.notices.kinds import numeral

    class Office:
        lang = "zh-CN"

    assert [numeral(Office, n) for n in (1, 10, 11, 12, 20, 23)] == ["一", "十", "十一", "十二", "二十", "二十三"]
    assert [numeral(Office, n) for n in (99, 100, 101, 110, 111, 1000, 1005, 1010, 10000, 10001, 10100, 123456)] == [
        "九十九", "一百", "一百零一", "一百一十", "一百一十一", "一千", "一千零五", "一千零一十", "一万", "一万零一",
        "一万零一百", "十二万三千四百五十六"]
    Office.lang = "en"
    assert numeral(Office, 11) == "11"


def test_chinese_numbers_read_back_what_they_write():
    """The writer and the reader of Chinese numerals agree on every number, and the reader takes what clerks
    type (两, 〇, 一十二) but not a year written digit by digit or units out of order."""
    from sectools.numerals import from_chinese, to_chinese

    assert all(from_chinese(to_chinese(n)) == n for n in range(0, 20001))
    assert all(from_chinese(to_chinese(n)) == n for n in (99999, 100000, 1234567, 99999999))
    assert [from_chinese(s) for s in ("一十二", "两百", "二〇五", "三十一", "12")] == [12, 200, None, 31, 12]
    assert [from_chinese(s) for s in ("二〇二六", "十百", "二三", "", "万", "周")] == [None] * 6


def test_a_template_that_is_not_a_word_file_is_named(tmp_path):
    off = office(tmp_path)
    (off.root / "templates").mkdir()
    (off.root / "templates" / "会议通知.docx").write_text("这不是 Word 文件", encoding="utf-8")
    r = CliRunner().invoke(main, ["notices", "render", "会议通知", str(off.root), "--meeting", "2026-03-22", "--force"])
    assert r.exit_code == 1 and "会议通知.docx" in r.output and "不是 Word 文档" in r.output, r.output
    r = CliRunner().invoke(main, ["--lang", "en", "notices", "render", "会议通知", str(off.root), "--meeting", "2026-03-22", "--force"])
    assert "not a .docx" in r.output and "Traceback" not in r.output, r.output


def test_a_notice_of_a_past_meeting_is_refused_unless_dated_or_forced(tmp_path):
    off = office(tmp_path)
    r = CliRunner().invoke(main, ["notices", "render", "会议通知", str(off.root), "--meeting", "2026-03-08"])
    assert r.exit_code == 1 and "已经开过了" in r.output
    r = CliRunner().invoke(main, ["notices", "render", "会议通知", str(off.root), "--meeting", "2026-03-08", "--force",
                                  "--out", str(tmp_path / "n")])
    assert r.exit_code == 0, r.output


def test_a_damaged_number_register_is_refused_never_reset(tmp_path):
    """文号.json reset would issue numbers already issued again."""
    off = office(tmp_path)
    render(off, "会议通知", fmt="txt", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "a")
    register = next((off.root / ".sectools").rglob("文号.json"))
    register.write_text("garbage", encoding="utf-8")
    from sectools.errors import SectoolsError

    with pytest.raises(SectoolsError) as e:
        render(off, "会议通知", fmt="txt", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "b")
    assert e.value.problems[0].code == "state-damaged" and register.read_text(encoding="utf-8") == "garbage"


@pytest.mark.parametrize("fmt", ["docx", "html", "txt"])
def test_control_characters_never_break_a_notice(tmp_path, fmt):
    """Excel's escapes (_x0001_, _x000B_) decode to control characters no document may hold; the
    reader cleans cells, and whatever else reaches a notice (here the office's name) shows them as ?."""
    off = office(tmp_path)
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('name = "测试学生会"', 'name = "测试\\u0001学生会\\u000b"'),
                   encoding="utf-8")
    (f,) = render(load_office(off.root), "会议通知", fmt=fmt, opts=opts(meeting="2026-03-22"),
                  out_dir=tmp_path / "out").files
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(f).paragraphs)  # parses: the XML is valid
    else:
        text = f.read_text(encoding="utf-8")
    assert "测试?学生会" in text and "\x01" not in text and "\x0b" not in text


@pytest.mark.parametrize("code, detail", [
    ("{{ 10**(10**9) }}", "10**1000000000"),
    ("{{ 'a'*(10**9) }}", "32 M"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "1,000,000"),
    ("{% set ns = namespace(s='a') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}", "32 M"),
    ("{{ '签到'|center(1000000000) }}", "1000000000"),
    ("{{ '{:>999999999}'.format(1) }}", "999999999"),
    ("{% include '名册.xlsx' %}", "include"),
    ("{% from 'x.docx' import y %}", "import"),
])
def test_a_clerks_template_cannot_hang_or_exhaust_memory(tmp_path, code, detail):
    """A clerk-edited template is code: the sandbox bounded attributes, not time or size — a nested
    loop, a huge power or repetition, a string doubled in a loop hung or took 5 GB.  Each now stops
    at once with a message naming the template and the limit; an ordinary template still renders."""
    import time

    from sectools.errors import SectoolsError

    off = office(tmp_path)
    d, path = own_template(off, "各位同学：{{ '{:,}'.format(1234567) }} {{ '-' * 20 }} {{ 2 ** 10 }}")
    res = render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "ok")
    assert "1,234,567 -------------------- 1024" in docx.Document(res.files[0]).paragraphs[0].text
    d.add_paragraph(code)
    d.save(path)
    t0 = time.perf_counter()
    with pytest.raises(SectoolsError) as e:
        render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "a")
    assert time.perf_counter() - t0 < 10
    p = e.value.problems[0]
    assert p.code in ("template-limit", "template-error") and p.file == "会议通知.docx"
    assert detail in p.message(), p.message()


def test_a_template_loop_that_writes_nothing_is_stopped_by_the_clock(tmp_path, monkeypatch):
    from sectools.errors import SectoolsError
    from sectools.notices import engine

    monkeypatch.setattr(engine, "RENDER_SECONDS", 1)
    off = office(tmp_path)
    own_template(off, "{% for x in range(1000) %}{% for y in range(1000) %}{% for z in range(1000) %}"
                      "{% if x == -1 %}{{ z }}{% endif %}{% endfor %}{% endfor %}{% endfor %}")
    monkeypatch.setattr(engine, "MAX_RANGE_TOTAL", 10**12)
    with pytest.raises(SectoolsError) as e:
        render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "a")
    assert e.value.problems[0].code == "template-limit" and "1 秒" in e.value.problems[0].message()


def test_a_template_that_inflates_to_gigabytes_is_refused_before_compiling(tmp_path):
    """The same 1 MB bomb as a clerk's notice template took 159 s and 6.7 GB in the template compiler."""
    import time

    from sectools.errors import SectoolsError

    off = office(tmp_path)
    own = off.root / "templates"
    own.mkdir()
    d = docx.Document()
    d.add_paragraph("{{ office }}")
    d.save(tmp_path / "plain.docx")
    with zipfile.ZipFile(tmp_path / "plain.docx") as zin, \
            zipfile.ZipFile(own / "会议通知.docx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p/>" * (60 << 20) + b"</w:body>")
            zout.writestr(item.filename, data)
    t0 = time.perf_counter()
    with pytest.raises(SectoolsError) as e:
        render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "a")
    assert time.perf_counter() - t0 < 10
    assert e.value.problems[0].code == "document-too-large" and e.value.problems[0].file == "会议通知.docx"



def test_notices_read_as_an_office_writes_them(tmp_path):
    """One entry per person listing every rule that fired (a member reached by two ladders was listed
    twice, citing one rule); no symbols a clerk would not type (≥ →); no "迟到或早退0次"; a 会议纪要
    without decisions leaves the section and its lead-in out; the East Asian language is Chinese."""
    off = office(tmp_path)
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8")
                   .replace('absences = 2\naction = "通报部长并撤销职务"', 'absences = 1\naction = "通报部长并撤销职务"')
                   .replace('absences = 1\naction = "视为自动退出"', 'absences = 1\naction = "视为自动退出"\nnotice = "考勤通报"'),
                   encoding="utf-8")
    off = load_office(off.root)
    res = render(off, "考勤通报", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "r")
    rows = [[c.text for c in r.cells] for f in res.files for t in docx.Document(f).tables for r in t.rows[1:]]
    names = [(r[1], r[2]) for r in rows]  # (department, name): one row each, people read rows
    assert len(names) == len(set(names)) and any(n[1] == "甲" for n in names), rows
    jia = next(r for r in rows if r[2] == "甲")
    assert "视为自动退出" in jia[-1] and "通报部长并撤销职务" in jia[-1], jia
    cited = "\n".join(p.text for f in res.files for p in docx.Document(f).paragraphs)
    assert "秘书处例会" in cited and "全部会议" in cited  # every rule that fired is cited
    from sectools.errors import SectoolsError

    for kind in [k for k in KINDS if k not in NEEDS_DATA]:
        try:
            out = render(off, kind, fmt="txt", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "t" / kind)
        except SectoolsError as e:
            assert e.problems[0].code == "nothing-to-render", e.problems
            continue
        body = "\n".join(p.read_text(encoding="utf-8") for p in out.files)
        assert not re.search("[≥≤→×]", body), (kind, body)
        assert "0次" not in body.replace("10次", ""), (kind, body)
    minutes = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "t" / "会议纪要").iterdir())
    assert "议定事项" not in minutes and "按时落实" not in minutes
    d = render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "d").files[0]
    with zipfile.ZipFile(d) as z:
        assert b'w:eastAsia="zh-CN"' in z.read("word/styles.xml")
    tw = office(tmp_path / "tw", lang="zh-TW")
    d = render(tw, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "dtw").files[0]
    with zipfile.ZipFile(d) as z:
        assert b'w:eastAsia="zh-TW"' in z.read("word/styles.xml")


def test_the_demo_publicity_is_a_table_on_at_most_two_pages(demo_office, tmp_path):
    """The 公示 of 30 classes was three pages of lines ("第3名 会计2301 100分") under a title broken
    inside a word; it is now a table per grade (header repeated), two pages, the title broken between words."""
    from sectools.pdf import to_pdf

    root, _ = demo_office
    notice = root / "输出" / "排名" / "量化考核公示_2026-W11.docx"
    d = docx.Document(notice)
    assert len(d.tables) == 3 and sum(len(t.rows) - 1 for t in d.tables) == 30
    title = next(p for p in d.paragraphs if p.style.name == "公文标题")
    assert title.text == "财经系学生会第2周班级量化考核结果公示"  # the office's week (ISO 2026-W11), one line
    (pdf,) = to_pdf([notice], tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "名次" in text and "流动红旗" in text and "###" not in text



def test_the_formal_style_has_the_red_masthead_rule_and_record(tmp_path):
    """`[notices] style = "formal"`: the office's name + 文件 in red, the 发文字号 centred above the red
    rule, the title below it, and the 版记 (抄送, 印发机关 and date) between rules when the office gives them."""
    off = office(tmp_path)
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        "[notices]", '[notices]\nstyle = "formal"\ncopy_to = "院团委"'), encoding="utf-8")
    off = load_office(off.root)
    (path,) = render(off, "会议通知", opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "f").files
    d = docx.Document(path)
    paras = [p for p in d.paragraphs if p.text.strip()]
    assert [p.style.name for p in paras[:3]] == ["发文机关标志", "发文字号", "公文标题"]
    assert paras[0].text == "测试学生会文件" and str(paras[0].style.font.color.rgb) == "FF0000"
    rule = next(p for p in d.paragraphs if p.style.name == "红色分隔线")
    border = rule.style.element.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:color")) == "FF0000"
    record = [p.text for p in d.paragraphs if p.style.name == "版记"]
    assert record == ["抄送：院团委。", "测试学生会　　　　2026年3月25日印发"]
    for p in [p for p in d.paragraphs if p.style.name == "版记"]:  # at the foot of the last page (GB/T 9704 7.4)
        frame = p._p.pPr.find(qn("w:framePr"))
        assert frame is not None and frame.get(qn("w:yAlign")) == "bottom" and frame.get(qn("w:vAnchor")) == "margin"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('copy_to = "院团委"', ""), encoding="utf-8")
    (plain_record,) = render(load_office(off.root), "会议通知", opts=opts(meeting="2026-03-22"),
                             out_dir=tmp_path / "g").files
    assert not [p for p in docx.Document(plain_record).paragraphs if p.style.name == "版记"]


def test_praise_is_only_for_who_still_serves(demo_office):
    """表扬 praised 任诗涵, 已退出 since 4/20, "记入个人档案": full attendance until one left is no praise."""
    from sectools.jobs import notice_data
    from sectools.sources import OfficeSource

    root, _ = demo_office
    src = OfficeSource.load(root)
    roster = src.read("roster").data
    gone = set(roster[(roster["status"] == "已退出") | roster["left"].notna()]["name"])
    assert "任诗涵" in gone
    batch = notice_data(src, "表扬", Options(today=dt.date(2026, 7, 10), dated=True))
    praised = "、".join(g["names"] for g in batch.recipients[0].context["groups"]).split("、")
    assert praised and not gone & set(praised)


def test_every_output_of_the_demo_follows_one_naming_scheme(demo_office):
    """<种类>_<期间或会议>[_<对象>]: no spaces (表扬 was "表扬_2026年3月2日 至 2026年7月10日"), dates as
    2026-03-02, and a notice sent per person or department carries its period, so a later month's never
    replaces an earlier one (催办通知_体育部 did)."""
    root, _ = demo_office
    names = [p for p in (root / "输出").rglob("*") if p.is_file() and "备份" not in p.parts]
    assert names and not [p.name for p in names if " " in p.name or "　" in p.name]
    date = r"\d{4}-\d\d-\d\d"
    period = rf"({date}至{date}|\d{{4}}-\d\d|\d{{4}}-W\d\d|{date}_[^_]+|\d{{4}}年[春秋]季学期|\d{{4}}年度|\d{{4}}-\d{{4}}学年)"
    for p in names:
        if "通知" in p.parts and p.suffix in (".docx", ".html", ".txt"):
            kind = p.parent.name
            assert re.fullmatch(rf"{kind}_{period}(_.+)?", p.stem), p.name
        elif p.suffix == ".xlsx":  # a workbook: the period first, its 对象 after (绩效考核_部门_… was not)
            assert re.fullmatch(rf"[^_]+(_{period}(_.+)?)?", p.stem), p.name
    chase = [p.name for p in (root / "输出" / "通知" / "催办通知").glob("*.docx")]
    assert chase and all(n.startswith("催办通知_2026-") for n in chase), chase


def test_a_traditional_office_gets_traditional_words_only(tmp_path):
    """A zh-TW office: every word sectools writes in its notices and its report workbook's titles and headers
    is Traditional; what the clerk typed (the office's name, people, departments, the rule book's actions,
    meeting names and places) stays as typed."""
    import openpyxl

    from sectools import jobs
    from sectools.messages import to_traditional

    from sectools.sources import OfficeSource

    off = office(tmp_path, lang="zh-TW")

    src = OfficeSource.load(off.root)
    typed = {off.name}
    for table in ("roster", "meetings"):
        t = src.read(table).data
        for col in t.columns:
            typed |= {str(v) for v in t[col].tolist() if isinstance(v, str) and v}
    typed |= {a["action"] for a in off.settings["attendance"]["actions"]}

    def sectools_words(text: str) -> str:
        for s in sorted(typed, key=len, reverse=True):
            text = text.replace(s, "")
        return text

    texts = []
    for kind in ("会议通知", "考勤提醒", "考勤通报", "会议纪要"):
        for p in render(off, kind, opts=opts(meeting="2026-03-22"), out_dir=tmp_path / "n" / kind).files:
            d = docx.Document(p)
            texts += [q.text for q in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]
    (book,) = jobs.attendance(src, out=tmp_path / "考勤.xlsx").files
    wb = openpyxl.load_workbook(book, read_only=True)
    for ws in wb:
        for row in ws.iter_rows(max_row=2, values_only=True):  # the title and the header
            texts += [v for v in row if isinstance(v, str)]
        texts.append(ws.title)
    body = sectools_words("\n".join(texts))
    bad = [
        line for line in body.splitlines() if to_traditional(line) != line]
    assert body.strip() and not bad, sorted(set(bad))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is installed by .ci/run")
def test_the_formal_notice_keeps_its_signature_and_puts_the_record_at_the_foot(tmp_path):
    """Formal style, printed through LibreOffice: the red 版头 pushes a 会议通知 onto a second page; the 落款
    and 成文日期 stay on the page of the last line of text, and the 版记 is the last thing on the last page
    (GB/T 9704 7.4), far below the date — not straight under it."""
    off = office(tmp_path)
    cfg = off.root / "sectools.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        "[notices]", '[notices]\nstyle = "formal"\ncopy_to = "院团委"'), encoding="utf-8")
    (pdf,) = render(load_office(off.root), "会议通知", fmt="pdf", opts=opts(meeting="2026-03-22"),
                    out_dir=tmp_path / "f").files
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    last = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    page = subprocess.run(["pdftotext", "-bbox", "-f", str(last), "-l", str(last), str(pdf), "-"],
                          capture_output=True, text=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', page).group(1))
    words = [(float(y), w) for y, w in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)</word>', page)]

    def y(word: str) -> float:
        return next(top for top, w in words if word in w)

    assert y("特此通知") < y("测试学生会") < y("抄送") < y("印发")  # the 落款 with the text, the 版记 after it
    assert y("抄送") - y("测试学生会") > 0.15 * height  # pushed down to the foot, not straight under the date
    below = [w for t, w in words if t > y("印发") + 1]
    assert y("印发") > 0.75 * height and all(not w.strip("—－- ") or w.strip("—－- ").isdigit() for w in below), below


def test_a_criticism_cites_the_rule_for_criticism(demo_office, tmp_path):
    """The 通报批评 cited the ladder's 撤销职务 step for what is a 通报批评, and listed 袁芷若 with 缺席2次，迟到或早退3次
    without the 折算缺席3次 that put her there.  It now cites the rule book's 屡次无故缺席 → 公开提出批评."""
    from click.testing import CliRunner

    from sectools.cli import main

    r = CliRunner().invoke(main, ["notices", "render", "通报批评", str(demo_office[0]), "--format", "txt",
                                  "--out", str(tmp_path / "c")])
    assert r.exit_code in (0, 1), r.output
    (path,) = (tmp_path / "c").glob("*.txt")
    body = path.read_text("utf-8")
    assert "公开提出批评" in body and "撤销职务" not in body
    lines = [ln for ln in body.splitlines() if "迟到或早退" in ln]
    assert lines and all("折算缺席" in ln for ln in lines)


def test_minutes_tell_same_name_members_apart_and_say_what_is_missing(demo_office, tmp_path):
    """The demo has two 秦睿: the 纪要 listed 秦睿 twice among those present with nothing to tell them apart.  A
    纪要 with no decisions recorded is only an attendance record: rendering it says so and where to enter them."""
    from click.testing import CliRunner

    from sectools.cli import main

    r = CliRunner().invoke(main, ["notices", "render", "会议纪要", str(demo_office[0]), "--format", "txt",
                                  "--out", str(tmp_path / "m")])
    assert r.exit_code in (0, 1) and "没有登记议定事项" in r.output and "议定事项.xlsx" in r.output
    (path,) = (tmp_path / "m").glob("*.txt")
    present = next(ln for ln in path.read_text("utf-8").splitlines() if ln.startswith("出席："))
    assert "秦睿（宣传部）" in present and "秦睿（学习部）" in present and "、秦睿、" not in present


def test_numbers_are_never_broken_across_lines_when_printed(demo_office, tmp_path):
    """The 纪要 printed through LibreOffice broke the room number: "经管楼 30" / "2召开" — the styles said the Latin
    text was zh-CN, so digits were broken like Chinese.  The Latin language is en-US (as Chinese Word documents
    have it), the East Asian one Chinese."""
    from click.testing import CliRunner

    from sectools.cli import main
    from sectools.pdf import to_pdf

    r = CliRunner().invoke(main, ["notices", "render", "会议纪要", str(demo_office[0]), "--out", str(tmp_path / "m")])
    assert r.exit_code in (0, 1), r.output
    (docx_file,) = (tmp_path / "m").glob("*.docx")
    with zipfile.ZipFile(docx_file) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:val="en-US"' in styles and 'w:eastAsia="zh-CN"' in styles
    (pdf,) = to_pdf([docx_file], tmp_path / "pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.replace(" ", "")
    assert "经管楼302" in text.replace("\n", "") and "302" in text, text[:300]


def test_a_notice_keeps_its_number_in_every_language(demo_office, tmp_path):
    """`--lang en notices render 考勤通报` took a new 文号 (26 for the 20 issued): the register keyed on the period
    in the run's words.  It keys on the period as file names write it, and finds numbers issued under the old
    words, so a re-render in any language keeps its number."""
    import json
    import shutil

    from click.testing import CliRunner

    from sectools.cli import main

    root = tmp_path / "o"
    shutil.copytree(demo_office[0], root)
    register = root / ".sectools" / "文号.json"
    state = json.loads(register.read_text("utf-8"))
    issued = state["2026"]["issued"]
    number = next(v for k, v in issued.items() if k.startswith("考勤通报|"))
    for k in [k for k in issued if k.startswith("考勤通报|")]:
        del issued[k]
    issued["考勤通报|2026年3月2日 至 2026年7月10日"] = number  # as an earlier sectools left it: in words
    register.write_text(json.dumps(state, ensure_ascii=False), "utf-8")
    for lang in ([], ["--lang", "en"], ["--lang", "zh-TW"], []):
        r = CliRunner().invoke(main, [*lang, "notices", "render", "考勤通报", str(root), "--format", "txt",
                                      "--out", str(tmp_path / "n")])
        assert r.exit_code in (0, 1) and f"〔2026〕{number}" in r.output, (lang, r.output)
