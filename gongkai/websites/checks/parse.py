"""Reading a fetched page: its links, the dates of its items, its footer fields.

Pure functions over bytes, so the rules can be tested without a server. lxml parses
what browsers parse (broken markup included) and honours the page's declared charset.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

# 2026-01-05, 2026/1/5, 2026.01.05, 2026年1月5日 — the ways list pages print dates.
_DATE = re.compile(r"(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SITE_CODE = re.compile(r"网站标识码\s*[:：]?\s*([0-9A-Za-z]{10})")
_ICP = re.compile(r"ICP\s*[备證证]\s*\d{6,}\s*号")
_POLICE = re.compile(r"公网安备\s*\d{10,}\s*号")
_PARTY_LABEL = re.compile(r"conac|dzjg", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# A list page saying it has nothing to show.
_EMPTY_MARKERS = ("暂无信息", "暂无数据", "暂无内容", "没有相关信息", "正在建设")


@dataclass
class Page:
    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (absolute url, text)
    marks: list[str] = field(default_factory=list)  # img src and link href, for labels
    parsed: bool = True


def decode(content: bytes, charset: str = "") -> str:
    """The page's text: the charset the server named, else UTF-8, else GB18030 (the
    superset of the GB2312/GBK that older government sites still serve)."""
    for encoding in filter(None, [charset, "utf-8"]):
        try:
            return content.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("gb18030", "replace")


def parse(content: bytes, base_url: str, charset: str = "") -> Page:
    if not content.strip():
        return Page(parsed=False)
    try:
        # lxml refuses text that still declares its encoding (XHTML pages do).
        text = _XML_DECLARATION.sub("", decode(content, charset), count=1)
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return Page(parsed=False)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    page = Page(text=" ".join(root.text_content().split()))
    for anchor in root.xpath("//a[@href]"):
        href = anchor.get("href", "").strip()
        page.marks.append(href)
        if href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = urldefrag(urljoin(base_url, href))[0]
        if urlsplit(url).scheme in ("http", "https"):
            page.links.append((url, " ".join(anchor.text_content().split())))
    page.marks.extend(img.get("src", "") for img in root.xpath("//img[@src]"))
    return page


def item_dates(text: str, *, today: dt.date) -> list[dt.date]:
    """Dates printed on a page, future ones left out (a date after today is a typo or a
    forged date, not evidence of an update)."""
    found = []
    for y, m, d in _DATE.findall(text):
        try:
            day = dt.date(int(y), int(m), int(d))
        except ValueError:
            continue
        if day <= today:
            found.append(day)
    return found


def looks_empty(page: Page, column_url: str) -> bool:
    """A column list page with nothing listed: it says so, or it links to no item under
    its own path (only navigation)."""
    if any(marker in page.text for marker in _EMPTY_MARKERS):
        return True
    prefix = urlsplit(column_url).path.rsplit("/", 1)[0] + "/"
    host = urlsplit(column_url).netloc
    items = [u for u, _t in page.links
             if urlsplit(u).netloc == host and urlsplit(u).path.startswith(prefix)
             and urldefrag(u)[0].rstrip("/") != column_url.rstrip("/")]
    return not items


def footer_fields(page: Page) -> dict[str, str | bool]:
    """What the footer shows: 网站标识码 (the code itself), ICP and 公安 备案号, and whether
    the 党政机关网站标识 (the conac badge) is linked."""
    code = _SITE_CODE.search(page.text)
    icp = _ICP.search(page.text)
    police = _POLICE.search(page.text)
    return {
        "site_code": code.group(1) if code else "",
        "icp": icp.group(0) if icp else "",
        "police": police.group(0) if police else "",
        "party_label": any(_PARTY_LABEL.search(m) for m in page.marks),
    }


def links_containing(page: Page, *words: str) -> list[str]:
    """Links whose text contains every one of ``words``."""
    return [url for url, text in page.links if all(w in text for w in words)]
