"""Following a site's links from one page, for tests that check every page reached."""
import gzip
import re
from collections import deque
from dataclasses import dataclass

LINK = re.compile(r'href="(/[^"#]*)"')
SKIPPED = ("/static/", "/admin/", "/accounts/logout")


@dataclass
class Page:
    html: str  # "" unless an HTML page answered 200
    cookies: set[str]  # the names of the cookies the answer set
    encoding: str  # its Content-Encoding ("" when not compressed)
    size: int  # its body's length on the wire


def crawl(client, start: str, *, limit: int = 80, **headers) -> dict[str, Page]:
    """Each page reached from ``start`` by GET (with ``headers``, as the test client
    takes them), by address."""
    seen, queue, pages = set(), deque([start]), {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        if url in seen or url.startswith(SKIPPED):
            continue
        seen.add(url)
        response = client.get(url, **headers)
        body = b"" if response.streaming else response.content
        encoding = response.get("Content-Encoding", "")
        page = Page("", set(response.cookies), encoding, len(body))
        pages[url] = page
        if response.status_code == 200 and \
                response.get("Content-Type", "").startswith("text/html"):
            page.html = (gzip.decompress(body) if encoding == "gzip" else body).decode()
            queue.extend(link.replace("&amp;", "&") for link in LINK.findall(page.html))
    return pages
