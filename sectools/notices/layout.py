"""The GB/T 9704-2012 page (党政机关公文格式), as Word styles sectools' templates use.

A4; top margin 37 mm, left 28 mm, text block 156 × 225 mm (so right 26 mm, bottom 35 mm);
title 2号 (22 pt) 小标宋; body 3号 (16 pt) 仿宋; 一、 headings 黑体, （一） headings 楷体;
fixed line spacing 28.95 pt (22 lines to the page); 发文字号 centred under the title; page
numbers ``— 1 —`` in 4号 宋体, odd pages right, even pages left.  Every run's East-Asian font
is set explicitly (``w:eastAsia``): python-docx's ``font.name`` sets only the Latin one.
"""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "宋体"
BODY_FONT = "仿宋"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体"
PAGE_FONT = "宋体"
TEXT_WIDTH_MM = 156  # the text block (GB/T 9704 5.2.2)
LATIN_FONT = "Times New Roman"
LINE = Pt(28.95)
BODY_SIZE = Pt(16)
TITLE_SIZE = Pt(22)

# style id → (name, East-Asian font, size, alignment, first-line indent in characters, bold)
STYLES = {
    "GwTitle": ("公文标题", TITLE_FONT, TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "GwDocNo": ("发文字号", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "GwAddressee": ("主送机关", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "GwBody": ("公文正文", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, False),
    "GwHeading1": ("一级标题", HEADING1_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 2, False),
    "GwHeading2": ("二级标题", HEADING2_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 2, False),
    "GwSignature": ("发文机关署名", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
    "GwDate": ("成文日期", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
    "GwNote": ("附注", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 2, False),
    "GwCell": ("表格文字", BODY_FONT, Pt(12), WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    # a form (用印审批单, 文书处理单): what is filled in beside each label, and the small print under it
    "GwFormCell": ("表单填写", BODY_FONT, Pt(12), WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "GwFormNote": ("表单说明", BODY_FONT, Pt(10.5), WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "GwQrLead": ("扫码签到说明", BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, False),  # kept with the code
    "GwQr": ("签到二维码", BODY_FONT, Pt(10.5), WD_ALIGN_PARAGRAPH.CENTER, 0, False),  # the code, the link below
    # the formal 版头 and 版记 (GB/T 9704 7.2, 7.4): the office's name + 文件 in red, the red rule under the
    # 发文字号, and the 抄送 / 印发 lines between rules
    "GwOrgMark": ("发文机关标志", TITLE_FONT, Pt(42), WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "GwRule": ("红色分隔线", BODY_FONT, Pt(8), WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "GwRecord": ("版记", BODY_FONT, Pt(14), WD_ALIGN_PARAGRAPH.LEFT, 0, False),
}
RED = "FF0000"
HTML_TAGS = {"GwTitle": "h1", "GwDocNo": "p class=docno", "GwAddressee": "p class=to", "GwBody": "p",
             "GwHeading1": "h2", "GwHeading2": "h3", "GwSignature": "p class=sign", "GwDate": "p class=date",
             "GwNote": "p class=note", "GwOrgMark": "p class=orgmark", "GwRule": "hr",
             "GwRecord": "p class=record", "GwQr": "p class=qr", "GwQrLead": "p",
             "GwFormNote": "p class=note"}


def set_east_asian(rpr_owner, font: str, latin: str = LATIN_FONT) -> None:
    """Set Latin and East-Asian fonts on a style's or run's rPr."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), latin)


def setup_document(doc) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.left_margin = Mm(37), Mm(28)
    sec.right_margin = Mm(210 - 28 - TEXT_WIDTH_MM)
    sec.bottom_margin = Mm(297 - 37 - 225)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(28 - 7)
    sec.start_type = WD_SECTION.NEW_PAGE
    normal = doc.styles["Normal"]
    normal.font.size = BODY_SIZE
    set_east_asian(normal.element, BODY_FONT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = pf.space_after = Pt(0)
    pf.widow_control = True
    _east_asian_language(doc, "zh-CN")
    from docx.enum.style import WD_STYLE_TYPE

    for sid, (name, font, size, align, indent, bold) in STYLES.items():
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.element.set(qn("w:styleId"), sid)
        st.base_style = normal
        st.font.size = size
        st.font.bold = bold
        set_east_asian(st.element, font)
        p = st.paragraph_format
        p.alignment = align
        p.first_line_indent = Pt(16 * indent) if indent else Pt(0)
        p.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.line_spacing = Pt(35) if sid == "GwTitle" else Pt(17) if sid in ("GwCell", "GwFormCell") else \
            Pt(16) if sid == "GwFormNote" else LINE
        if sid in ("GwSignature", "GwDate"):
            p.right_indent = Pt(16 * 4)
        if sid in ("GwHeading1", "GwHeading2"):
            p.keep_with_next = True  # a heading never left alone at a page's foot
        if sid == "GwTitle":
            p.space_after = LINE
        if sid == "GwDocNo":
            p.space_after = LINE
        if sid == "GwOrgMark":
            st.font.color.rgb = RGBColor.from_string(RED)
            p.line_spacing = Pt(60)
            p.space_before = Pt(24)
            p.space_after = LINE
        if sid == "GwRule":  # a paragraph whose bottom border is the red rule, the text block's width
            p.line_spacing = Pt(8)
            _border(st.element, "bottom", RED, 12)
            p.space_after = LINE
        if sid == "GwQr":  # the picture sets the line's height (an exact line would clip it to one line)
            p.line_spacing_rule = WD_LINE_SPACING.SINGLE
            p.keep_with_next = True  # the code stays with its link
            p.space_after = Pt(4)
        if sid == "GwQrLead":
            p.keep_with_next = True  # the words that say what the code is for stay with it
        if sid == "GwRecord":
            p.line_spacing = Pt(28)
            p.left_indent = Pt(14)
            _border(st.element, "top", "000000", 4)
            _border(st.element, "bottom", "000000", 4)
    _page_numbers(doc)
    _font_alternatives(doc)


def at_page_bottom(ppr) -> None:
    """The 版记 at the foot of the last page (GB/T 9704 7.4: its last line on the page's last line):
    a frame the text block's width anchored to the bottom margin; consecutive 版记 lines share it."""
    frame = OxmlElement("w:framePr")
    for k, v in (("w:w", str(int(TEXT_WIDTH_MM * 56.7))), ("w:hAnchor", "margin"), ("w:vAnchor", "margin"),
                 ("w:xAlign", "center"), ("w:yAlign", "bottom"), ("w:wrap", "notBeside")):
        frame.set(qn(k), v)
    early = {qn("w:pStyle"), qn("w:keepNext"), qn("w:keepLines"), qn("w:pageBreakBefore")}
    k = next((i for i, c in enumerate(ppr) if c.tag not in early), len(ppr))
    ppr.insert(k, frame)


def _border(style_el, side: str, color: str, size: int) -> None:
    """A paragraph border on a style (``size`` in eighths of a point)."""
    ppr = style_el.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), color)
    bdr.append(el)


def _east_asian_language(doc, lang: str) -> None:
    """The document's East Asian language (python-docx's default says en-US, and Word then picks
    Japanese glyph variants for 仿宋/黑体 text).  The Latin language stays en-US, as Chinese Word documents
    have it: digits and Latin words marked zh-CN are broken anywhere by LibreOffice (经管楼 30 / 2)."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    el = rpr.find(qn("w:lang"))
    if el is None:
        from docx.oxml import OxmlElement

        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), "en-US")
    el.set(qn("w:eastAsia"), lang)


def _page_numbers(doc) -> None:
    """— 1 —: odd pages at the right, even pages at the left (GB/T 9704 7.5)."""
    settings = doc.settings.element
    even = OxmlElement("w:evenAndOddHeaders")
    settings.append(even)
    sec = doc.sections[0]
    for footer, align in ((sec.footer, WD_ALIGN_PARAGRAPH.RIGHT), (sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(14)
        else:
            p.paragraph_format.left_indent = Pt(14)
        _run(p, "— ")
        _field(p, "PAGE")
        _run(p, " —")


def _run(p, text: str):
    r = p.add_run(text)
    r.font.size = Pt(14)
    set_east_asian(r._element, PAGE_FONT, PAGE_FONT)
    return r


def _field(p, code: str) -> None:
    r = _run(p, "")
    for kind in ("begin", None, "separate", "end"):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            r._element.append(instr)
            continue
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r._element.append(fc)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            r._element.append(t)


def _font_alternatives(doc) -> None:
    """Where 方正小标宋简体 is not installed, Word uses the alternative named in the font table."""
    part = doc.part
    ft = None
    for rel in part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            ft = rel.target_part
    if ft is None:
        return
    from lxml import etree

    root = etree.fromstring(ft.blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    el = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": TITLE_FONT})
    etree.SubElement(el, f"{{{w}}}altName", {f"{{{w}}}val": TITLE_FALLBACK})
    etree.SubElement(el, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
    ft._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
