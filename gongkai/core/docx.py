"""Word documents in the layout of official documents (GB/T 9704-2012).

Notices (通报), reply letters and reports all share it: A4, fixed margins, the issuer's
name in red with the 文号 under it and a red rule, the title in 方正小标宋简体 二号,
body text in 仿宋_GB2312 三号 with a two-character first-line indent, headings in 黑体
(一、) and 楷体_GB2312 ((一)), the signature and date at the right, page numbers in
the footer. Fonts are named, not embedded: offices have them installed, and Word falls
back to a similar face elsewhere.
"""
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from gongkai.core.dates import chinese_date

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT}
SIZE_ER = Pt(22)  # 二号
SIZE_SAN = Pt(16)  # 三号
SIZE_SI = Pt(14)  # 四号
SIZE_XIAOSI = Pt(12)  # 小四
LINE = Pt(28)  # 22 lines a page on the standard type area
RED = RGBColor(0xD0, 0x00, 0x00)


@dataclass(frozen=True)
class Heading:
    """一、 (level 1, 黑体), （一） (level 2, 楷体), 1. (level 3, 仿宋 bold)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Table:
    """A simple grid: one header row, then rows of text; an optional caption above."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    caption: str = ""


Block = str | Heading | Table


def official_document(*, issuer: str, doc_number: str, title: str, addressee: str,
                      paragraphs: Iterable[Block], signature: str,
                      signed_on: dt.date | None, annex: Iterable[Block] = ()) -> bytes:
    """Render an official document and return the .docx bytes.

    ``paragraphs`` holds body text (str), ``Heading`` and ``Table`` blocks in order;
    ``annex`` (附件, e.g. a score table) follows the signature on a new page.
    """
    document = Document()
    _page_setup(document)
    _base_style(document)
    if issuer:
        _issuer_block(document, issuer, doc_number)
    elif doc_number:
        _centred(document, doc_number, BODY_FONT, SIZE_SAN)
    _title(document, title)
    if addressee:
        _para(document, addressee.rstrip("：:") + "：", indent=False)
    for block in paragraphs:
        _block(document, block)
    _signature(document, signature, signed_on)
    annex = list(annex)
    if annex:
        document.add_page_break()
        for block in annex:
            _block(document, block)
    _page_numbers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_setup(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(18)


def _set_font(run_or_style, name: str, size: Pt, *, bold: bool = False) -> None:
    font = run_or_style.font
    font.name, font.size, font.bold = name, size, bold
    r_pr = run_or_style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _base_style(document) -> None:
    normal = document.styles["Normal"]
    _set_font(normal, BODY_FONT, SIZE_SAN)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
    fmt.space_before = fmt.space_after = Pt(0)


def _run(paragraph, text: str, font: str, size: Pt, *, bold: bool = False, color=None):
    run = paragraph.add_run(text)
    _set_font(run, font, size, bold=bold)
    if color is not None:
        run.font.color.rgb = color
    return run


def _centred(document, text: str, font: str, size: Pt, *, color=None):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, font, size, color=color)
    return paragraph


def _issuer_block(document, issuer: str, doc_number: str) -> None:
    header = _centred(document, issuer, TITLE_FONT, Pt(36), color=RED)
    header.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    header.paragraph_format.space_after = Pt(16)
    number = _centred(document, doc_number, BODY_FONT, SIZE_SAN)
    _red_rule(number)
    document.add_paragraph()


def _red_rule(paragraph) -> None:
    """The red separator line under the 文号 (a bottom border on its paragraph)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "8"),
                       ("w:color", "D00000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _title(document, title: str) -> None:
    paragraph = _centred(document, title, TITLE_FONT, SIZE_ER)
    paragraph.paragraph_format.line_spacing = Pt(35)
    document.add_paragraph()


def _para(document, text: str, *, indent: bool = True, font: str = BODY_FONT,
          bold: bool = False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(SIZE_SAN.pt * 2)
    _run(paragraph, text, font, SIZE_SAN, bold=bold)
    return paragraph


def _block(document, block: Block) -> None:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3)
        _para(document, block.text, font=HEADING_FONTS[level], bold=level == 3)
    elif isinstance(block, Table):
        _table(document, block)
    else:
        for line in str(block).splitlines() or [""]:
            _para(document, line.strip())


def _table(document, table: Table) -> None:
    if table.caption:
        _centred(document, table.caption, "黑体", SIZE_SI)
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
        _cell(cell, text, bold=True)
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            _cell(cell, "" if text is None else str(text))
    document.add_paragraph()


def _cell(cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _run(paragraph, text, "黑体" if bold else BODY_FONT, SIZE_XIAOSI)


def _signature(document, signature: str, signed_on: dt.date | None) -> None:
    document.add_paragraph()
    document.add_paragraph()
    # GB/T 9704: the date sits four characters in from the right margin, and the
    # issuer's name is centred over the date.
    right = Pt(SIZE_SAN.pt * 4)
    for text in (signature, chinese_date(signed_on)):
        if not text:
            continue
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = right
        _run(paragraph, text, BODY_FONT, SIZE_SAN)


def _page_numbers(document) -> None:
    """"— 1 —" centred in the footer, 宋体 四号, from a PAGE field."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", "宋体", SIZE_SI)
    run = _run(paragraph, "", "宋体", SIZE_SI)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None),
                       (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    _run(paragraph, " —", "宋体", SIZE_SI)
