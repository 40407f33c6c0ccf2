"""The sign-in form's QR code on paper: ``[attendance] signin_form_url`` (or a meeting's 签到链接) printed as a
scannable code on the meeting's 会议通知 and on its printed sign-in sheet, the link in small type below —
each rendered through LibreOffice and read back by a barcode decoder, as a phone would."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from sectools import jobs
from sectools.config import load_office
from sectools.errors import SectoolsError

from . import test_notices as tn
from .conftest import sheet_book

LINK = "https://www.wjx.cn/vm/PqR7sT2.aspx"
OWN = "https://jinshuju.net/f/Ab3dE9?x=1&y=2"  # a meeting's own link: its & must survive the XML
office_pdf = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                                reason="LibreOffice and poppler are installed by .ci/run")


def qr_office(tmp_path: Path, link: str | None = LINK, own: str | None = None):
    config = tn.CONFIG
    if link:
        config = config.replace("lates_per_absence = 3", f'lates_per_absence = 3\nsignin_form_url = "{link}"')
    off = tn.office(tmp_path)
    (off.root / "sectools.toml").write_text(config, encoding="utf-8")
    if own is not None:  # a 签到链接 column in the meetings table, the link on 2026-03-22's row
        wb = openpyxl.load_workbook(off.root / "会议.xlsx")
        rows = [[c.value for c in r] for r in wb.active.iter_rows()]
        rows[0].append("签到链接")
        for r in rows[1:]:
            r.append(own if r[0] is not None and r[0].date().isoformat() == "2026-03-22" else None)
        sheet_book(off.root / "会议.xlsx", rows, title="会议")
    return load_office(off.root)


def decoded(pdf: Path, tmp_path: Path) -> list[str]:
    """What a phone reads off the printed pages: every QR code found in the PDF's pages at 150 dpi."""
    import zxingcpp
    from PIL import Image

    stem = tmp_path / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(stem)], check=True)
    found = []
    for png in sorted(tmp_path.glob(f"{pdf.stem}-page*.png")):
        found += [b.text for b in zxingcpp.read_barcodes(Image.open(png)) if b.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def to_pdf(path: Path, tmp_path: Path) -> Path:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    return tmp_path / (path.stem + ".pdf")


def notice(off, tmp_path: Path, fmt: str = "docx", meeting: str = "2026-03-22") -> Path:
    (path,) = jobs.notice(off, "会议通知", fmt=fmt, opts=tn.opts(meeting=meeting), out_dir=tmp_path / fmt).files
    return path


@office_pdf
def test_a_meeting_notice_with_a_form_link_carries_a_code_that_scans_to_it(tmp_path):
    path = notice(qr_office(tmp_path), tmp_path)
    d = docx.Document(path)  # Word opens it: one picture, in the paragraph that says what it is for
    assert len(d.inline_shapes) == 1
    texts = [p.text for p in d.paragraphs]
    lead = next(i for i, t in enumerate(texts) if "扫码签到" in t)
    assert "会前30分钟起" in texts[lead] and texts[lead + 2] == LINK
    assert decoded(to_pdf(path, tmp_path), tmp_path) == [LINK]


@office_pdf
def test_a_meetings_own_link_wins_over_the_offices_and_keeps_its_ampersand(tmp_path):
    off = qr_office(tmp_path, own=OWN)
    assert decoded(to_pdf(notice(off, tmp_path), tmp_path), tmp_path) == [OWN]
    other = notice(off, tmp_path, meeting="2026-03-15")  # no link of its own: the office's form
    assert decoded(to_pdf(other, tmp_path), tmp_path) == [LINK]


def test_without_a_link_the_notice_has_no_code_and_no_scan_paragraph(tmp_path):
    path = notice(qr_office(tmp_path, link=None), tmp_path)
    d = docx.Document(path)
    assert len(d.inline_shapes) == 0 and not [p for p in d.paragraphs if "扫码" in p.text]
    assert not [n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/media/")]


def test_the_html_notice_shows_the_code_and_the_text_notice_the_link(tmp_path):
    off = qr_office(tmp_path)
    html = notice(off, tmp_path, "html").read_text(encoding="utf-8")
    assert html.count('src="data:image/svg+xml') == 1 and LINK in html
    text = notice(off, tmp_path, "txt").read_text(encoding="utf-8")
    assert LINK in text and "<w:" not in text and "drawing" not in text


@office_pdf
def test_the_printed_sign_in_sheet_carries_the_code_above_the_names(tmp_path):
    off = qr_office(tmp_path)
    job = jobs.signin_sheet(off, "2026-03-22", out=tmp_path / "签到表.xlsx")
    (path,) = job.files
    ws = openpyxl.load_workbook(path).active
    values = [c for r in ws.iter_rows(values_only=True) for c in r if c]
    assert LINK in values and "扫码签到：请到场后扫描下方二维码" in values
    assert values.index(LINK) < values.index("序号") < values.index("张伟")  # the code first, then the names
    assert len(ws._images) == 1
    assert decoded(to_pdf(path, tmp_path), tmp_path) == [LINK]
    plain = jobs.signin_sheet(qr_office(tmp_path / "none", link=None), "2026-03-22", out=tmp_path / "plain.xlsx")
    assert not openpyxl.load_workbook(plain.files[0]).active._images


def test_a_link_that_is_not_a_web_address_is_refused_naming_the_setting_or_the_cell(tmp_path):
    from sectools.messages import render

    with pytest.raises(SectoolsError) as e:
        qr_office(tmp_path / "a", link="wjx.cn/vm/abc")  # a QR code of it would open nothing
    (p,) = e.value.problems
    assert (p.code, p.file, p.value, p.params["key"]) == ("config-bad-value", "sectools.toml", "wjx.cn/vm/abc",
                                                          "attendance.signin_form_url")
    assert "https://" in render(p, "zh-CN") and "http(s)://" in render(p, "en")
    off = qr_office(tmp_path / "b", own="扫码签到")
    assert [(p.file, p.sheet, p.cell, p.value) for p in jobs.check(off).problems if p.code == "bad-signin-url"] == \
        [("会议.xlsx", "会议", "G4", "扫码签到")]


def test_a_meeting_whose_own_link_is_not_one_gets_no_sign_in_sheet_or_notice_not_the_offices_code(tmp_path):
    """会议!G4 says 见群公告: printing the office's form instead would send the meeting's people to another form."""
    from click.testing import CliRunner

    from sectools.cli import main

    off = qr_office(tmp_path, own="见群公告")
    with pytest.raises(SectoolsError) as e:
        jobs.signin_sheet(off, "2026-03-22", out=tmp_path / "s.xlsx")
    assert [(p.code, p.sheet, p.cell, p.value) for p in e.value.problems] == [("bad-signin-url", "会议", "G4", "见群公告")]
    assert not (tmp_path / "s.xlsx").exists()
    r = CliRunner().invoke(main, ["notices", "render", "会议通知", str(off.root), "--meeting", "2026-03-22",
                                  "--date", "2026-03-20", "--out", str(tmp_path / "n")])
    assert r.exit_code == 1 and "会议.xlsx › 会议!G4" in r.output and "见群公告" in r.output
    assert not (tmp_path / "n").exists() or not list((tmp_path / "n").iterdir())
    fine = jobs.signin_sheet(off, "2026-03-15", out=False)  # another meeting: the office's form, as set
    assert fine.facts["signin_link"] == LINK
