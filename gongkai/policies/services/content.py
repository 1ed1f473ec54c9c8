"""Turning what authors give into what documents store: sanitised HTML, plain text,
and the text of attached PDF and Word files."""
import html
import io
import logging
import re

import nh3
from bs4 import BeautifulSoup

from gongkai.core.uploads import PDF, WORD

logger = logging.getLogger(__name__)
# Extracted attachment text beyond this is not kept: it only feeds the index and scan.
MAX_ATTACHMENT_TEXT = 2_000_000
_BLANK_LINES = re.compile(r"\n\s*\n+")


def sanitize_html(body_html: str) -> str:
    """Formatting kept, scripts, event handlers and foreign schemes removed."""
    return nh3.clean(body_html or "", link_rel="noopener noreferrer")


_BLOCKS = ("p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "section", "article", "pre", "hr")


def html_to_text(body_html: str) -> str:
    """The text a reader sees: block elements end lines, inline ones do not (an ID
    number split by <b> stays one number for the search and the scan)."""
    soup = BeautifulSoup(body_html or "", "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" ")
    for block in soup.find_all(_BLOCKS):
        block.insert_after("\n")
    text = soup.get_text()
    lines = (line.strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def text_to_html(text: str) -> str:
    """Plain text as paragraphs (imported bodies, masked bodies)."""
    paragraphs = [p.strip() for p in (text or "").splitlines() if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def extract_text(file, *, kind: str, extension: str) -> str:
    """The text of a PDF or .docx attachment; empty for anything else or on failure
    (the file was already checked; a text layer may simply be missing)."""
    try:
        file.seek(0)
        data = file.read()
        if kind == PDF:
            return _pdf_text(data)[:MAX_ATTACHMENT_TEXT]
        if kind == WORD and extension == "docx":
            return _docx_text(data)[:MAX_ATTACHMENT_TEXT]
    except Exception:  # noqa: BLE001 — an unreadable text layer is not an error
        logger.warning("attachment text not extracted", exc_info=True)
    finally:
        file.seek(0)
    return ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    parts = []
    size = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_ATTACHMENT_TEXT:
            break
    return "\n".join(parts).strip()


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(parts).strip()
