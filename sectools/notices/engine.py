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
    them, and no XML may carry them) shown as ``?``.  Markup sectools made itself (the sign-in QR code's
    picture run) passes as it is."""
    from markupsafe import Markup

    if isinstance(v, Markup):
        return v
    return _CONTROL.sub("?", v) if isinstance(v, str) else v


# What one render may do: a clerk-edited template is untrusted code.  The sandbox already refuses
# attribute escapes; these bound time and size — a nested loop, ``10**(10**9)``, ``'a'*(10**9)``
# or a string doubled in a loop hung or took 5 GB.
RENDER_SECONDS = 10  # one notice
MAX_OUTPUT = 32 * 1024 * 1024  # characters of one rendered document, and of any string made on the way
MAX_RANGE_TOTAL = 1_000_000  # items all the range() calls of one render may yield
MAX_ARG = 100_000  # an integer argument to a filter or method (widths, counts)
_WIDE_FORMAT = re.compile(r"%[-+ #0]*(?:\d{6,}|\*)|\{[^{}]*?\d{6,}[^{}]*\}")


class RenderLimit(Exception):
    """A render went past one of the limits above."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def _sized(v):
    if isinstance(v, (str, bytes, list, tuple)) and len(v) > MAX_OUTPUT:
        raise RenderLimit(phrase("render-too-big", limit=f"{MAX_OUTPUT // (1024 * 1024)} M"))
    return v


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_WIDTH_FILTERS = {"center", "indent", "wordwrap", "batch", "slice", "format", "truncate", "filesizeformat"}


def _small_args(args, kwargs) -> None:
    """Widths and counts stay small (``center(10**9)``); so do the widths inside a format string."""
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_ARG:
            raise RenderLimit(phrase("render-big-number", value=a if abs(a) < 10**12 else "10^12+"))
        if isinstance(a, str) and _WIDE_FORMAT.search(a):
            raise RenderLimit(phrase("render-big-number", value=_WIDE_FORMAT.search(a).group(0)[:20]))


class _Budget:
    """The state of the render in progress (one at a time per environment)."""

    def __init__(self):
        self.range_left = MAX_RANGE_TOTAL
        self.deadline = float("inf")

    def tick(self) -> None:
        import time

        if time.monotonic() > self.deadline:
            raise RenderLimit(phrase("render-too-slow", seconds=RENDER_SECONDS))


def environment(autoescape: bool = True):
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class LimitedEnvironment(SandboxedEnvironment):
        intercepted_binops = frozenset(["**", "*", "+", "%"])

        def call_binop(self, context, operator, left, right):
            self.budget.tick()
            if operator == "**":
                if isinstance(right, (int, float)) and abs(right) > 64 and not (
                        isinstance(left, (int, float)) and abs(left) <= 1):
                    raise RenderLimit(phrase("render-big-number", value=f"{left}**{right}"))
            elif operator == "*":
                for a, b in ((left, right), (right, left)):
                    if isinstance(a, (str, list, tuple)) and isinstance(b, int) and len(a) * b > MAX_OUTPUT:
                        raise RenderLimit(phrase("render-too-big", limit=f"{MAX_OUTPUT // (1024 * 1024)} M"))
            elif operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
                raise RenderLimit(phrase("render-big-number", value=_WIDE_FORMAT.search(left).group(0)[:20]))
            elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                if len(left) + len(right) > MAX_OUTPUT:
                    raise RenderLimit(phrase("render-too-big", limit=f"{MAX_OUTPUT // (1024 * 1024)} M"))
            return _sized(super().call_binop(context, operator, left, right))

        def getattr(self, obj, attribute):
            if isinstance(obj, str) and attribute in ("format", "format_map") and _WIDE_FORMAT.search(obj):
                raise RenderLimit(phrase("render-big-number", value=_WIDE_FORMAT.search(obj).group(0)[:20]))
            return super().getattr(obj, attribute)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
            __self.budget.tick()
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str) and (getattr(__obj, "__name__", "") in _WIDTH_METHODS or _WIDE_FORMAT.search(owner)):
                _small_args((owner, *args), kwargs)
            return _sized(SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs))

    env = LimitedEnvironment(autoescape=autoescape, undefined=StrictUndefined, keep_trailing_newline=True,
                             finalize=printable)
    env.budget = _Budget()

    def limited_range(*args):
        r = range(*args)
        env.budget.range_left -= len(r)
        if env.budget.range_left < 0:
            raise RenderLimit(phrase("render-too-many-steps", limit=f"{MAX_RANGE_TOTAL:,}"))
        return r

    env.globals["range"] = limited_range

    def guarded(name, f):
        skip = 2 if hasattr(f, "jinja_pass_arg") else 1  # the context or environment, then the value

        def call(*args, **kwargs):
            env.budget.tick()
            if name in _WIDTH_FILTERS:
                _small_args(args[skip:] if name != "format" else args[skip - 1:skip], kwargs)
            return _sized(f(*args, **kwargs))
        if hasattr(f, "jinja_pass_arg"):
            call.jinja_pass_arg = f.jinja_pass_arg
        return call

    env.filters = {k: guarded(k, f) for k, f in env.filters.items()}
    return env


def _bounded_joins(template) -> None:
    """``a ~ b`` compiles to the runtime's joins, which the sandbox does not see: wrap them in the
    compiled template's namespace, so a string doubled in a loop stops at the size limit."""
    g = template.root_render_func.__globals__
    for name in ("markup_join", "str_join"):
        f = g.get(name)
        if f is not None and not getattr(f, "_bounded", False):
            def joined(seq, _f=f):
                return _sized(_f(seq))
            joined._bounded = True
            g[name] = joined


_REFUSED_TAGS = ("Include", "Import", "FromImport", "Extends")


def refuse_includes(env, src: str, name: str) -> None:
    """A template stands alone: ``include`` / ``import`` / ``extends`` would read other files."""
    from jinja2 import nodes

    tree = env.parse(src)
    for tag in _REFUSED_TAGS:
        node = next(iter(tree.find_all(getattr(nodes, tag))), None)
        if node is not None:
            word = {"FromImport": "import", "Extends": "extends", "Include": "include", "Import": "import"}[tag]
            raise SectoolsError(Problem("template-error", file=name,
                                        params={"detail": phrase("template-no-include", tag=word)}))


def render_limited(template, env, context: dict) -> str:
    """Render with the limits: output size checked piece by piece, a deadline on the whole render
    (a timer interrupts a loop that writes nothing, where signals are available)."""
    import signal
    import threading
    import time

    budget = env.budget
    budget.range_left = MAX_RANGE_TOTAL
    budget.deadline = time.monotonic() + RENDER_SECONDS
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    expired = []
    if timer:
        def alarm(signum, frame):
            expired.append(True)
            raise RenderLimit(phrase("render-too-slow", seconds=RENDER_SECONDS))
        old = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)
    try:
        out, size = [], 0
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise RenderLimit(phrase("render-too-big", limit=f"{MAX_OUTPUT // (1024 * 1024)} M"))
            out.append(piece)
            budget.tick()
        return "".join(out)
    except Exception:
        if expired:  # the alarm may land inside Jinja's own error handling, which then fails otherwise
            raise RenderLimit(phrase("render-too-slow", seconds=RENDER_SECONDS)) from None
        raise
    finally:
        budget.deadline = float("inf")
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def to_traditional_template(xml: str) -> str:
    """Template wording in Traditional characters; the Jinja tags (and so the data) untouched."""
    from ..messages import to_traditional

    parts = re.split(r"({{.*?}}|{%.*?%}|<[^>]+>)", xml, flags=re.S)
    return "".join(p if (p.startswith(("{{", "{%", "<"))) else to_traditional(p) for p in parts)


TITLE_CHARS = 20  # 2号 characters on one line of the 156 mm text block


def title_break(title: str, office: str = "", width: int = TITLE_CHARS) -> int | None:
    """Where a title too long for one line is broken: between words, never inside one (GB/T 9704
    "回行时要做到词意完整"), the two lines as even as they can be.  None: it fits on one line."""
    from ..normalize import display_width

    if display_width(title) <= 2 * width:
        return None
    cuts = set()
    for word in ("关于", office, "召开", "对", "的"):
        if word:
            for m in re.finditer(re.escape(word), title):
                cuts.add(m.end() if word in ("关于", office, "召开", "对") else m.start())
    for m in re.finditer(r"(\d{4}年)?(第[0-9一二三四五六七八九十]+周|\d{1,2}月|\d{4}年[春秋]季学期|\d{4}年)", title):
        cuts.add(m.end())
    for word in ("班级", "工作", "考勤", "会议", "量化", "全勤", "结果"):
        for m in re.finditer(word, title):
            cuts.add(m.start())
    cuts = [k for k in cuts if 2 <= k <= len(title) - 2]
    fitting = [k for k in cuts if display_width(title[:k]) <= 2 * width and display_width(title[k:]) <= 2 * width]
    pool = fitting or cuts
    if not pool:
        return None
    return min(pool, key=lambda k: abs(display_width(title[:k]) - display_width(title[k:])))


_TITLE_RUN = re.compile(r'(<w:pStyle w:val="GwTitle"/>.*?<w:t(?: [^>]*)?>)([^<]*)(</w:t>)', re.S)


def break_title(xml: str, office: str = "") -> str:
    """A rendered document's title broken between words when it is too long for a line."""
    from html import unescape

    def one(m):
        text = unescape(m.group(2))
        k = title_break(text, office)
        if k is None:
            return m.group(0)
        from markupsafe import escape

        return (m.group(1) + str(escape(text[:k])) + '</w:t><w:br/><w:t xml:space="preserve">'
                + str(escape(text[k:])) + m.group(3))

    return _TITLE_RUN.sub(one, xml)


# ---- the sign-in form's QR code in a notice ------------------------------------------------------
QR_REL = "rIdSectoolsQr"
QR_MEDIA = "word/media/sectools_qr.png"
QR_NAME = "签到二维码"
_QR_DESCR = re.compile(r'<wp:docPr id="\d+" name="' + QR_NAME + r'" descr="([^"]*)"')
_QR_EMU = 1440000  # 4 cm square: scans from a phone held at reading distance


def qr_markup(link: str):
    """What ``{{ meeting.signin_qr }}`` puts in the document: the run it stands in is closed, a picture
    run holds the code, and a new run goes on (docxtpl's InlineImage does the same).  The picture
    itself is added to the .docx by :meth:`Compiled.docx_bytes`, from the link kept as its description."""
    from markupsafe import Markup, escape

    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    e = _QR_EMU
    return Markup(
        '</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{e}" cy="{e}"/><wp:docPr id="4001" name="{QR_NAME}" descr="{escape(link)}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic xmlns:a="{a}"><a:graphicData uri="{pic}"><pic:pic xmlns:pic="{pic}">'
        '<pic:nvPicPr><pic:cNvPr id="0" name="sectools_qr.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{QR_REL}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{e}" cy="{e}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        '</wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">')


def _with_qr(parts: list, xml: str) -> list:
    """The template's parts plus the QR picture the document refers to, its relationship and its type."""
    from html import unescape

    from ..qr import qr_png

    m = _QR_DESCR.search(xml)
    if not m:
        return parts
    png = qr_png(unescape(m.group(1)), scale=8)
    out = []
    for info, data in parts:
        if info.filename == "word/_rels/document.xml.rels" and QR_REL.encode() not in data:
            rel = (f'<Relationship Id="{QR_REL}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/image" Target="media/sectools_qr.png"/>').encode()
            data = data.replace(b"</Relationships>", rel + b"</Relationships>")
        elif info.filename == "[Content_Types].xml" and b'Extension="png"' not in data:
            data = data.replace(b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1)
        out.append((info, data))
    out.append((zipfile.ZipInfo(QR_MEDIA, date_time=parts[0][0].date_time if parts else (1980, 1, 1, 0, 0, 0)),
                png))
    return out


@dataclass
class Compiled:
    name: str
    parts: list[tuple[zipfile.ZipInfo, bytes]]
    template: object  # jinja2.Template

    def render_xml(self, context: dict) -> str:
        from jinja2 import TemplateError, UndefinedError

        try:
            xml = render_limited(self.template, self.template.environment, context)
        except RenderLimit as e:
            raise SectoolsError(Problem("template-limit", file=self.name, params={"detail": e.what})) from None
        except (OverflowError, MemoryError, RecursionError) as e:
            raise SectoolsError(Problem("template-limit", file=self.name, params={"detail": f"{type(e).__name__}: {e}"})) from None
        except UndefinedError as e:
            field = re.search(r"'([^']+)'", str(e))
            raise SectoolsError(Problem("template-field-missing", file=self.name,
                                        value=field.group(1) if field else str(e),
                                        params={"detail": str(e)})) from None
        except TemplateError as e:
            raise SectoolsError(Problem("template-error", file=self.name, params={"detail": str(e)})) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = break_title(xml, context.get("office_short") or context.get("office") or "")
        return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")

    _static: bytes | None = None

    def docx_bytes(self, xml: str) -> bytes:
        """The template's other parts are compressed once; each notice appends its document.xml (a notice
        with the sign-in QR code is made whole: the picture is its own)."""
        if QR_REL in xml:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for info, data in _with_qr(self.parts, xml):
                    if info.filename != DOC:
                        z.writestr(info, data)
                z.writestr(DOC, xml.encode("utf-8"))
            return buf.getvalue()
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
    if traditional:  # the East Asian language of a Traditional office's notices
        parts = [(i, d.replace(b'w:eastAsia="zh-CN"', b'w:eastAsia="zh-TW"') if i.filename == "word/styles.xml" else d)
                 for i, d in parts]
    src = DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), xml.decode("utf-8"))
    if traditional:
        src = to_traditional_template(src)
    src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
    from jinja2 import TemplateSyntaxError

    env = environment()
    try:
        refuse_includes(env, src, name)
        template = env.from_string(src)
    except TemplateSyntaxError as e:
        raise SectoolsError(Problem("template-error", file=name, params={"detail": f"{e.message}"})) from None
    _bounded_joins(template)
    return Compiled(name, parts, template)


# ---- from a rendered document to HTML and text ---------------------------------------------------
def paragraphs(xml: str) -> list[tuple[str, object]]:
    """(style id, text) of each paragraph of a rendered document.xml, in order; a table is one entry
    ``("Table", [[cell text, …], …])``."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    body = root.find(f"{W}body")
    out: list[tuple[str, object]] = []

    def para(p):
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else ""
        if p.find(f".//{W}br[@{W}type='page']") is not None:
            return ("PageBreak", "")
        qr = [d.get("descr") for d in p.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
              if d.get("name") == QR_NAME]
        if qr:
            return ("Qr", qr[0])
        return (sid, "".join(t.text or "" for t in p.iter(f"{W}t")))

    for el in (body if body is not None else root.iter(f"{W}p")):
        if el.tag == f"{W}p":
            out.append(para(el))
        elif el.tag == f"{W}tbl":
            rows = [["".join(t.text or "" for t in c.iter(f"{W}t")) for c in tr.findall(f"{W}tc")]
                    for tr in el.findall(f"{W}tr")]
            caption = el.find(f"{W}tblPr/{W}tblCaption")
            form = caption is not None and caption.get(f"{W}val") == "sectools-form"
            out.append(("Form" if form else "Table", rows))
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
table { border-collapse: collapse; margin: 0.3em auto; font-size: 14pt; }
th, td { border: 1px solid #000; padding: 0.1em 0.6em; text-align: center; }
table.form { width: 100%; font-size: 12pt; }
table.form th { width: 19%; white-space: nowrap; }
table.form td { text-align: left; height: 2.2em; }
p.qr { text-align: center; text-indent: 0; font-size: 10pt; line-height: 1.2; color: #444; }
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
        if sid == "Table":
            head, *body = text or [[]]
            lines.append("<table>")
            lines.append("<tr>" + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr>")
            lines += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in body]
            lines.append("</table>")
            continue
        if sid == "Form":  # label, value pairs; a row of one pair spans the table
            lines.append('<table class="form">')
            for r in text:
                cells = []
                for k, c in enumerate(r):
                    span = ' colspan="3"' if len(r) == 2 and k == 1 else ""
                    cells.append(f"<th>{escape(c)}</th>" if k % 2 == 0 else f"<td{span}>{escape(c)}</td>")
                lines.append("<tr>" + "".join(cells) + "</tr>")
            lines.append("</table>")
            continue
        if sid == "Qr":
            from ..qr import qr_svg_uri

            lines.append(f'<p class="qr"><img src="{escape(qr_svg_uri(text))}" alt="{escape(text)}" width="150" '
                         'height="150"></p>')
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
        if sid == "Table":  # a row a line, cells apart
            out += ["  ".join(c for c in r if c) for r in text]
            continue
        if sid == "Form":  # label：value, a row a line
            out += ["　".join(f"{r[k]}：{r[k + 1] if k + 1 < len(r) else ''}" for k in range(0, len(r), 2)) for r in text]
            continue
        if sid == "GwDocNo" and not text.strip() or sid == "Qr":  # the QR code's link is the line under it
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
