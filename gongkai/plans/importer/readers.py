"""Turning an uploaded file into logical lines: plain text, Word (.docx) or a web page.

Every reader is defensive: the file may be garbage or built to hurt (a zip bomb posing
as .docx, deeply nested HTML). Anything unreadable becomes an ``ApplicationError`` in
Chinese before the parser sees it.
"""
import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.plans.importer.types import SourceLine

MAX_LINES = 20_000
MAX_CELL_CHARS = 20_000
# A .docx expands a lot when unzipped; this bounds the work, not any real plan.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
MAX_SPAN = 200
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "header", "footer", "blockquote", "pre", "dt", "dd", "ul", "ol",
               "body", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


def _unreadable() -> ApplicationError:
    return ApplicationError(_("无法识别文件内容：请上传纯文本（.txt）、Word（.docx）或网页（.html）格式的"
                              "分工方案。"))


def read_lines(data: bytes, filename: str = "") -> list[SourceLine]:
    """The document's logical lines, whatever its format (judged by content)."""
    limit = settings.GONGKAI_MAX_IMPORT_BYTES
    if len(data) > limit:
        raise ApplicationError(_("文件过大（超过 %(mb)s MB），未导入。")
                               % {"mb": round(limit / 1024 / 1024, 1)})
    name = (filename or "").lower()
    if data.startswith(b"PK\x03\x04"):
        lines = _docx_lines(data)
    elif name.endswith((".docx", ".doc", ".xlsx")) or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ApplicationError(_("不是有效的 Word（.docx）文件；旧版 .doc 请另存为 .docx 后再导入。"))
    else:
        text = _decode(data)
        head = text.lstrip()[:2000].lower()
        is_html = name.endswith((".html", ".htm")) or head.startswith(("<!doctype", "<html")) \
            or any(tag in head for tag in ("<body", "<table", "<p>", "<div"))
        lines = _html_lines(text) if is_html else _text_lines(text)
    if len(lines) > MAX_LINES:
        raise ApplicationError(_("文件行数过多（超过 %(n)s 行），不像一份分工方案。") % {"n": MAX_LINES})
    return lines


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise _unreadable()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _unreadable()
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(3, len(text) // 200):
        raise _unreadable()
    return text


def _cells(parts: list[str], number: int = 0) -> tuple[str, ...]:
    """The stripped cells of line ``number``; a cell longer than any plan's is refused
    with the line and cell it is in, rather than cut silently."""
    cells = tuple(p.strip() for p in parts)
    for index, cell in enumerate(cells, start=1):
        if len(cell) > MAX_CELL_CHARS:
            where = (_("第%(line)s行") % {"line": number} if len(cells) == 1 else
                     _("第%(line)s行第%(cell)s格") % {"line": number, "cell": index})
            raise ApplicationError(_("%(where)s内容过长（超过%(n)s字），不像分工方案的内容，未导入。")
                                   % {"where": where, "n": MAX_CELL_CHARS})
    return cells


_PIPES_ONLY = re.compile(r"^[|\s]+$")


def _text_lines(text: str) -> list[SourceLine]:
    """Plain text; a line with "|" (or a tab) is a table row flattened into cells.
    Outer pipes are dropped only in Markdown style (the first row starts with "|"),
    since elsewhere a leading "||" means empty first cells (a merged cell above). A
    line of pipes alone separates cells flattened one per line, and is skipped."""
    lines = []
    markdown = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if "|" not in raw and "\t" in raw.strip(" \u3000"):
            parts = raw.strip(" \u3000\r").split("\t")
            lines.append(SourceLine(number, _cells(parts, number)))
            continue
        raw = raw.strip()
        if not raw or _PIPES_ONLY.match(raw):
            continue
        if "|" not in raw:
            lines.append(SourceLine(number, _cells([raw], number)))
            continue
        if markdown is None:
            markdown = raw.startswith("|")
        parts = raw.split("|")
        if markdown:
            parts = parts[1:] if raw.startswith("|") else parts
            parts = parts[:-1] if raw.endswith("|") else parts
        if all(set(p.strip()) <= set("-: ") for p in parts):
            continue  # a Markdown rule under a header row
        if len([p for p in parts if p.strip()]) == 1 and raw.endswith("|") \
                and parts[0].strip():
            parts = [parts[0]]  # "工作任务 |": one cell, flattened one per line
        lines.append(SourceLine(number, _cells(parts, number)))
    return lines


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ApplicationError(_("Word 文件已损坏，无法读取。")) from exc
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise ApplicationError(_("Word 文件解压后过大，未导入。"))
    if "word/document.xml" not in {m.filename for m in members}:
        raise ApplicationError(_("不是有效的 Word（.docx）文件。"))


def _docx_lines(data: bytes) -> list[SourceLine]:
    """Paragraphs and table rows in document order; merged cells appear once per row."""
    _check_zip(data)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        lines: list[SourceLine] = []
        number = 0
        for child in document.element.body.iterchildren():
            for cells, merged in _docx_block(child, document):
                number += 1
                if any(c.strip() for c in cells):
                    lines.append(SourceLine(number, _cells(cells, number), merged))
            if len(lines) > MAX_LINES:
                break
    except ApplicationError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means an unreadable file
        raise ApplicationError(_("Word 文件已损坏，无法读取。")) from exc
    return lines


def _docx_block(child, document) -> list[tuple[list[str], tuple[int, ...]]]:
    """A body element as rows of cells (with the indexes of vertically merged ones):
    a paragraph is one row of one cell."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    tag = child.tag.rsplit("}", 1)[-1]
    if tag == "p":
        return [([Paragraph(child, document).text], ())]
    if tag != "tbl":
        return []
    rows = []
    above: list = []  # the row above's cell elements (kept alive, so compared by identity)
    for row in Table(child, document).rows:
        cells, seen, merged = [], [], []
        for cell in row.cells:
            tc = cell._tc
            if any(tc is other for other in seen):  # a horizontal merge repeats itself
                continue
            seen.append(tc)
            if any(tc is other for other in above):  # a vertical merge (vMerge)
                merged.append(len(cells))
            cells.append("\n".join(p.text for p in cell.paragraphs))
        above = seen
        rows.append((cells, tuple(merged)))
    return rows


def _html_lines(text: str) -> list[SourceLine]:
    try:
        import lxml.html
        from lxml import etree

        root = lxml.html.document_fromstring(
            text.encode("utf-8"),
            parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True,
                                        remove_pis=True, huge_tree=False),
        )
        return _walk_html(root, etree)
    except ApplicationError:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml raises many kinds on broken input
        raise _unreadable() from exc


class _HtmlLines:
    """Collects text into lines at block boundaries; tables become rows of cells."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self.buffer: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        self.buffer.clear()
        if text:
            self.lines.append(SourceLine(len(self.lines) + 1,
                                         _cells([text], len(self.lines) + 1)))

    def table(self, element) -> None:
        self.flush()
        for cells, merged in _table_rows(element):
            self.lines.append(SourceLine(len(self.lines) + 1, cells, merged))


def _walk_html(root, etree) -> list[SourceLine]:
    """Iterative walk (no recursion, so nesting depth cannot exhaust the stack)."""
    out = _HtmlLines()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start" and (tag in _SKIP_TAGS or tag == "table"):
            if tag == "table":
                out.table(el)
            walker.skip_subtree()  # its "end" event still comes, and adds the tail
        elif event == "start":
            if tag in _BLOCK_TAGS:
                out.flush()
            out.add(el.text)
        else:
            if tag in _BLOCK_TAGS:
                out.flush()
            out.add(el.tail)
        if len(out.lines) > MAX_LINES:
            break
    out.flush()
    return out.lines


def _cell_text(td) -> str:
    """A cell's text, its lines (<br>, <p>, <div>) kept apart by newlines so that
    several names on separate lines stay several names."""
    for el in td.iter("br", "p", "div", "li"):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in td.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _table_rows(table) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """Rows of an HTML table with rowspan/colspan expanded: a cell spanning columns
    appears once; a cell spanning rows repeats in each row, marked as merged there."""
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    pending: dict[int, tuple[str, int, int]] = {}  # column → (text, rows left, origin)
    out = []
    origin = 0  # a number per source cell (lxml proxies' ids are reused)
    for tr in rows[:MAX_LINES]:
        cells: list[tuple[str, int, bool]] = []  # (text, origin, merged from above)
        column = 0
        for td in tr.xpath("./td|./th"):
            origin += 1
            while column in pending:
                column = _fill_pending(cells, pending, column)
            text = _cell_text(td)
            span = _span(td.get("colspan"))
            rows_down = _span(td.get("rowspan"))
            for _i in range(span):
                cells.append((text, origin, False))
                if rows_down > 1:
                    pending[column] = (text, rows_down - 1, origin)
                column += 1
        while column in pending:
            column = _fill_pending(cells, pending, column)
        kept = [c for i, c in enumerate(cells) if i == 0 or c[1] != cells[i - 1][1]]
        if any(text for text, _o, _m in kept):
            out.append((tuple(t for t, _o, _m in kept),
                        tuple(i for i, (_t, _o, m) in enumerate(kept) if m)))
    return out


def _fill_pending(cells: list, pending: dict, column: int) -> int:
    text, left, origin = pending[column]
    cells.append((text, origin, True))
    if left > 1:
        pending[column] = (text, left - 1, origin)
    else:
        del pending[column]
    return column + 1


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_SPAN))
    except ValueError:
        return 1
