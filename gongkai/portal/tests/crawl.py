"""Following a site's links from one page, for tests that check every page reached."""
import re
from collections import deque

LINK = re.compile(r'href="(/[^"#]*)"')
SKIPPED = ("/static/", "/admin/", "/accounts/logout")


def crawl(client, start: str, *, limit: int = 80) -> dict[str, tuple[str, set[str]]]:
    """Each page reached from ``start`` by GET: its HTML ("" when not an HTML page
    answered 200) and the names of the cookies it set."""
    seen, queue, pages = set(), deque([start]), {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        if url in seen or url.startswith(SKIPPED):
            continue
        seen.add(url)
        response = client.get(url)
        cookies = set(response.cookies)
        if response.status_code != 200 or \
                not response.get("Content-Type", "").startswith("text/html"):
            pages[url] = ("", cookies)
            continue
        html = response.content.decode()
        pages[url] = (html, cookies)
        queue.extend(link.replace("&amp;", "&") for link in LINK.findall(html))
    return pages
