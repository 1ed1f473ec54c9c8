"""Letters as PDF, made on the server from the same rendered content as the .docx.

WeasyPrint lays out an HTML page in the official-document format (GB/T 9704: A4, type
area 156 × 225 mm, issuer in red over a red rule, 文号, title in 二号, body in 三号 at
28 pt lines, signature and date at the right, "— 1 —" page numbers). Fonts come from
the system through fontconfig: the Debian package fonts-noto-cjk (Noto Serif CJK SC
for the body, Noto Sans CJK SC for headings); nothing is fetched at run time, and the
HTML references no URL (``base_url`` is not set and no resource can be loaded).
"""
import logging

from django.template.loader import render_to_string

from gongkai.core.dates import chinese_date
from gongkai.core.docx import Heading, Table


def _blocks(rendered) -> list[dict]:
    out = []
    for block in rendered.blocks:
        if isinstance(block, Table):
            out.append({"table": block})
        elif isinstance(block, Heading):
            out.append({"heading": block.text, "level": block.level})
        else:
            out.append({"text": str(block)})
    return out


def letter_html(rendered) -> str:
    """The letter as a self-contained HTML page (escaped by the template engine)."""
    return render_to_string("foi/letter_pdf.html", {
        "letter": rendered, "blocks": _blocks(rendered),
        "dated": chinese_date(rendered.dated_on),
    })


def _no_fetch(url: str, *args, **kwargs):
    """Refuse every resource: a letter is self-contained, nothing is loaded."""
    raise ValueError(f"letters load no resources: {url[:60]}")


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # WeasyPrint reports each layout step at INFO; a letter is not worth seven lines.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
