"""Fetching one website for its checks, politely and within bounds.

``crawl_site`` fetches the home page, the columns the office marks, the 政府信息公开
page, then walks links breadth-first from the home page to ``crawl.max_depth`` for dead
links, never fetching more than ``crawl.max_pages`` pages. Every request goes through
``gongkai.core.outbound.fetch`` (the guarded door) and the host gate. Pages the office
names itself (home, columns, disclosure page) are fetched like a person would visit
them; the crawl for dead links obeys robots.txt.

Memory stays bounded: a page's body is parsed and dropped; only the bodies of the pages
that may become evidence (home, columns, disclosure page) are kept until the findings
are written, and each is capped at ``SNAPSHOT_BYTES``.
"""
import datetime as dt
import socket
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.core.outbound import FetchResult, fetch
from gongkai.websites.checks import parse
from gongkai.websites.checks.polite import HostGate, robots_delay, robots_from

PAGE_BYTES = 2 * 1024 * 1024
SNAPSHOT_BYTES = 512 * 1024


@dataclass(frozen=True)
class ColumnSpec:
    id: int
    name: str
    url: str
    kind: str


@dataclass(frozen=True)
class SiteSpec:
    """What the crawl needs to know of a registered website (no ORM in the crawl)."""

    id: int
    url: str
    columns: tuple[ColumnSpec, ...] = ()
    disclosure_url: str = ""
    is_portal: bool = False


@dataclass
class Fetched:
    url: str
    at: dt.datetime
    status: int | None
    error: str = ""
    error_kind: str = ""
    page: parse.Page | None = None
    body: bytes = b""  # kept only for evidence pages
    tls_not_after: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


@dataclass
class DeadLink:
    url: str
    status: int | None
    error: str
    referrer: str
    at: dt.datetime


@dataclass
class Crawl:
    site: SiteSpec
    home: Fetched
    columns: dict[int, Fetched] = field(default_factory=dict)
    disclosure: Fetched | None = None
    dead: list[DeadLink] = field(default_factory=list)
    newest_level2: dt.date | None = None
    pages: int = 0
    skipped_robots: int = 0
    not_allowed: int = 0
    ipv6: Fetched | None = None
    has_aaaa: bool = False


class Fetcher:
    """``fetch`` with the gate, the district's domains and the office's intranet switch."""

    def __init__(self, gate: HostGate, *, timeout: float, now, today: dt.date,
                 domains: list[str]):
        """``domains``: the district's domains; a link to any other host is not
        followed (it is counted, not fetched)."""
        self.gate, self.timeout, self.now, self.today = gate, timeout, now, today
        self.allow_private = settings.GONGKAI_WEBSITES_ALLOW_INTRANET
        self.domains = [d.lower().strip(".") for d in domains]

    def allowed(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def get(self, url: str, *, keep: bool = False, parse_page: bool = True,
            family: int | None = None) -> Fetched:
        at = self.now()
        if not self.allowed(url):
            return Fetched(url, at, None, _("不在本区网站域名名单内，未访问。"), "refused")
        with self.gate.slot(urlsplit(url).netloc.lower()):
            result: FetchResult = fetch(url, timeout=self.timeout, max_bytes=PAGE_BYTES,
                                        allow_private=self.allow_private, family=family)
        fetched = Fetched(url, at, result.status, result.refused or result.error or "",
                          "refused" if result.refused else result.error_kind,
                          tls_not_after=result.tls_not_after)
        html = "html" in result.content_type or not result.content_type
        if result.ok and parse_page and html:
            charset = result.content_type.partition("charset=")[2].split(";")[0].strip()
            fetched.page = parse.parse(result.content, result.final_url or url, charset)
        if keep:
            fetched.body = result.content[:SNAPSHOT_BYTES]
        return fetched


def crawl_site(site: SiteSpec, fetcher: Fetcher, *, max_depth: int, max_pages: int) -> Crawl:
    home = fetcher.get(site.url, keep=True)
    crawl = Crawl(site=site, home=home, pages=1)
    for column in site.columns:
        crawl.columns[column.id] = fetcher.get(column.url, keep=True)
        crawl.pages += 1
    if site.disclosure_url:
        crawl.disclosure = fetcher.get(site.disclosure_url, keep=True)
        crawl.pages += 1
    _ipv6(crawl, fetcher)
    if home.ok and home.page is not None:
        _walk(crawl, fetcher, max_depth=max_depth, max_pages=max_pages)
    return crawl


def _ipv6(crawl: Crawl, fetcher: Fetcher) -> None:
    """An AAAA record (or an IPv6 address in the register), then the home page fetched
    over IPv6 only."""
    host = urlsplit(crawl.site.url).hostname or ""
    try:
        socket.getaddrinfo(host, None, socket.AF_INET6, socket.SOCK_STREAM)
        crawl.has_aaaa = True
    except (socket.gaierror, UnicodeError):
        crawl.has_aaaa = False
    if crawl.has_aaaa:
        crawl.ipv6 = fetcher.get(crawl.site.url, parse_page=False, family=socket.AF_INET6)
        crawl.pages += 1


def _walk(crawl: Crawl, fetcher: Fetcher, *, max_depth: int, max_pages: int) -> None:
    known = {crawl.site.url, *(f.url for f in crawl.columns.values())}
    robots = _robots(fetcher, crawl.site.url)
    queue: deque[tuple[str, str, int]] = deque()

    def enqueue(page: parse.Page, referrer: str, depth: int) -> None:
        for url, _text in page.links:
            if url not in known:
                known.add(url)
                queue.append((url, referrer, depth))

    enqueue(crawl.home.page, crawl.site.url, 1)
    for fetched in crawl.columns.values():
        if fetched.page is not None:
            enqueue(fetched.page, fetched.url, 2)
    while queue and crawl.pages < max_pages:
        url, referrer, depth = queue.popleft()
        page = _visit(crawl, fetcher, robots, url, referrer, depth, max_depth)
        if page is not None and depth < max_depth:
            enqueue(page, url, depth + 1)


def _visit(crawl: Crawl, fetcher: Fetcher, robots, url: str, referrer: str, depth: int,
           max_depth: int) -> parse.Page | None:
    """Fetch one link; a dead one is recorded. Returns the page when its links are to
    be followed (same site, not yet at the depth limit)."""
    inside = urlsplit(url).netloc.lower() == urlsplit(crawl.site.url).netloc.lower()
    if inside and not robots.can_fetch("gongkai", url):
        crawl.skipped_robots += 1
        return None
    if not fetcher.allowed(url):
        crawl.not_allowed += 1
        return None
    fetched = fetcher.get(url, parse_page=inside and (depth < max_depth or depth == 1))
    crawl.pages += 1
    if not fetched.ok and fetched.error_kind != "refused":
        crawl.dead.append(DeadLink(url, fetched.status, fetched.error, referrer, fetched.at))
        return None
    if fetched.page is None:
        return None
    if depth == 1:
        newest = max(parse.item_dates(fetched.page.text, today=fetcher.today), default=None)
        if newest and (crawl.newest_level2 is None or newest > crawl.newest_level2):
            crawl.newest_level2 = newest
    return fetched.page if depth < max_depth else None


def _robots(fetcher: Fetcher, site_url: str):
    parts = urlsplit(site_url)
    fetched = fetcher.get(f"{parts.scheme}://{parts.netloc}/robots.txt", keep=True,
                          parse_page=False)
    robots = robots_from(fetched.body, fetched.status)
    delay = robots_delay(robots)
    if delay:
        fetcher.gate.set_delay(parts.netloc.lower(), delay)
    return robots
