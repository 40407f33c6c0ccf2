"""Rendering notices: Word templates with Jinja tags → .docx, HTML, plain text and PDF.

A template is compiled once (its ``word/document.xml`` patched the way docxtpl does it, then
compiled by Jinja) and rendered for every recipient by string rendering and a zip copy, so a
thousand personalised notices take seconds.  Clerk-editable templates render in Jinja's
``SandboxedEnvironment`` with autoescaping on (a name with ``& < > "`` stays literal and the
XML stays whole) and ``StrictUndefined`` (a missing field is an error naming it and the template).
HTML and text are made from the rendered document's paragraphs and styles, so a change made in
Word shows in every format.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from ..errors import Problem, SectoolsError
from ..messages import W as phrase

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOC = "word/document.xml"
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def printable(v):
    """A value as a document may hold it: control characters (Excel's ``_x0001_`` escapes decode to
    them, and no XML may carry them) shown as ``?``."""
    return _CONTROL.sub("?", v) if isinstance(v, str) else v


def environment(autoescape: bool = True):
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=autoescape, undefined=StrictUndefined, keep_trailing_newline=True,
                                finalize=printable)


def to_traditional_template(xml: str) -> str:
    """Template wording in Traditional characters; the Jinja tags (and so the data) untouched."""
    from ..messages import to_traditional

    parts = re.split(r"({{.*?}}|{%.*?%}|<[^>]+>)", xml, flags=re.S)
    return "".join(p if (p.startswith(("{{", "{%", "<"))) else to_traditional(p) for p in parts)


@dataclass
class Compiled:
    name: str
    parts: list[tuple[zipfile.ZipInfo, bytes]]
    template: object  # jinja2.Template

    def render_xml(self, context: dict) -> str:
        from jinja2 import TemplateError, UndefinedError

        try:
            xml = self.template.render(context)
        except UndefinedError as e:
            field = re.search(r"'([^']+)'", str(e))
            raise SectoolsError(Problem("template-field-missing", file=self.name,
                                        value=field.group(1) if field else str(e),
                                        params={"detail": str(e)})) from None
        except TemplateError as e:
            raise SectoolsError(Problem("template-error", file=self.name, params={"detail": str(e)})) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")

    _static: bytes | None = None

    def docx_bytes(self, xml: str) -> bytes:
        """The template's other parts are compressed once; each notice appends its document.xml."""
        if self._static is None:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for info, data in self.parts:
                    if info.filename != DOC:
                        z.writestr(info, data)
            self._static = buf.getvalue()
        buf = io.BytesIO(self._static)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z:
            z.writestr(DOC, xml.encode("utf-8"))
        return buf.getvalue()


def compile_template(data: bytes, name: str, traditional: bool = False) -> Compiled:
    """Compile a .docx template (its bytes, read by the job) once."""
    import io

    from docxtpl import DocxTemplate

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [(i, z.read(i.filename)) for i in z.infolist()]
    except (zipfile.BadZipFile, OSError) as e:
        raise SectoolsError(Problem("template-error", file=name, params={"detail": phrase("not-docx", error=str(e))})) from None
    xml = next((d for i, d in parts if i.filename == DOC), None)
    if xml is None:
        raise SectoolsError(Problem("template-error", file=name, params={"detail": phrase("docx-no-document")}))
    src = DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), xml.decode("utf-8"))
    if traditional:
        src = to_traditional_template(src)
    src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
    from jinja2 import TemplateSyntaxError

    try:
        template = environment().from_string(src)
    except TemplateSyntaxError as e:
        raise SectoolsError(Problem("template-error", file=name, params={"detail": f"{e.message}"})) from None
    return Compiled(name, parts, template)


# ---- from a rendered document to HTML and text ---------------------------------------------------
def paragraphs(xml: str) -> list[tuple[str, str]]:
    """(style id, text) of each paragraph of a rendered document.xml."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else ""
        if p.find(f".//{W}br[@{W}type='page']") is not None:
            out.append(("PageBreak", ""))
            continue
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        out.append((sid, text))
    return out


CSS = """
body { font-family: "FangSong", "仿宋", "STFangsong", serif; font-size: 16pt; line-height: 1.8;
       max-width: 156mm; margin: 2em auto; color: #000; }
h1 { font-family: "方正小标宋简体", "SimSun", "宋体", serif; font-size: 22pt; font-weight: normal;
     text-align: center; margin: 0 0 0.5em; }
h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; font-weight: normal; margin: 0;
     text-indent: 2em; }
h3 { font-family: "KaiTi", "楷体", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.docno { text-align: center; text-indent: 0; margin-bottom: 1em; }
p.to { text-indent: 0; }
p.sign, p.date { text-align: right; padding-right: 4em; text-indent: 0; }
hr.page { page-break-after: always; border: 0; }
@media print { body { margin: 0 auto; } }
"""


def to_html(paras: list[tuple[str, str]], title: str) -> str:
    from markupsafe import escape

    from .layout import HTML_TAGS

    lines = ["<!DOCTYPE html>", '<html lang="zh">', "<head>", '<meta charset="utf-8">',
             f"<title>{escape(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>"]
    for sid, text in paras:
        if sid == "PageBreak":
            lines.append('<hr class="page">')
            continue
        if not text.strip():
            continue
        tag = HTML_TAGS.get(sid, "p")
        name = tag.split()[0]
        lines.append(f"<{tag}>{escape(text)}</{name}>")
    lines += ["</body>", "</html>", ""]
    return "\n".join(lines)


def to_text(paras: list[tuple[str, str]]) -> str:
    out = []
    for sid, text in paras:
        if sid == "PageBreak":
            out.append("\n" + "-" * 20 + "\n")
            continue
        if sid == "GwDocNo" and not text.strip():
            continue
        out.append(text)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def combine(xmls: list[str]) -> str:
    """One document.xml holding every rendered notice, each on its own pages."""
    first = xmls[0]
    m = re.search(r"<w:body>(.*)(<w:sectPr.*?</w:sectPr>)\s*</w:body>", first, re.S)
    if not m:
        return first
    bodies = []
    for x in xmls:
        mm = re.search(r"<w:body>(.*)(<w:sectPr.*?</w:sectPr>)\s*</w:body>", x, re.S)
        bodies.append(mm.group(1) if mm else "")
    joined = PAGE_BREAK.join(bodies)
    return first[:m.start(1)] + joined + m.group(2) + first[m.end(2):]
