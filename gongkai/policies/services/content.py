"""Turning what authors give into what documents store: sanitised HTML, plain text,
and the text of attached PDF and Word files."""
import html
import logging
import re

import nh3
from bs4 import BeautifulSoup

from django.utils.translation import gettext as _

from gongkai.core import extract
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
    """The text of a PDF or .docx file, within the limits of ``gongkai.core.extract``;
    empty for anything else or on failure (the file was already checked; a text layer
    may simply be missing)."""
    text, _error = _extract(file, kind=kind, extension=extension)
    return text


def _extract(file, *, kind: str, extension: str) -> tuple[str, str]:
    if not (kind == PDF or (kind == WORD and extension == "docx")):
        return "", ""
    try:
        file.seek(0)
        return extract.extract_text(file.read(), extension=extension,
                                    max_chars=MAX_ATTACHMENT_TEXT), ""
    except extract.ExtractionLimit as exc:
        logger.warning("attachment text not extracted: %s", exc)
        return "", str(exc)
    except Exception:  # noqa: BLE001 — an unreadable text layer is not an error
        logger.warning("attachment text not extracted", exc_info=True)
        return "", _("无法读取文件中的文字。")
    finally:
        file.seek(0)


def attachment_extract(attachment) -> tuple[str, str]:
    """(text, error) of a stored attachment."""
    kind = PDF if attachment.mime_type == "application/pdf" else WORD
    extension = "pdf" if kind == PDF else attachment.file.name.rsplit(".", 1)[-1].lower()
    with attachment.file.open("rb") as handle:
        return _extract(handle, kind=kind, extension=extension)


def attachment_text(attachment) -> str:
    """The attachment's text for the sensitive-information scan: extracted now (within
    the limits) when the background job has not run yet, so nothing escapes the scan."""
    if attachment.text_pending:
        return attachment_extract(attachment)[0]
    return attachment.text
