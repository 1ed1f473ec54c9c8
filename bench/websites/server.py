"""Imitation government sites for the benchmark: one process, many virtual hosts.

``siteNNN.bench.test`` answers by the Host header: a home page linking 7 columns, each
column linking 6 articles (1 + 7 + 42 = 50 pages), two dead links on the home page, a
robots.txt. Pages are ~6 KB of Chinese text with dates, like list pages. The server
records, per host, when each request started and how many were in flight at once, so
the benchmark can prove the crawl was polite. Listens on 127.0.0.1 only.
"""
import datetime as dt
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TODAY = dt.date.today()
FILLER = "区政务公开办发布本区政府信息公开工作情况，" * 40


def _page(title: str, links: list[tuple[str, str]], stamp: dt.date) -> bytes:
    items = "".join(f"<li><a href='{u}'>{t}</a><span>{stamp:%Y-%m-%d}</span></li>"
                    for u, t in links)
    footer = ("<footer>网站标识码：4401120001 粤ICP备12345678号 粤公网安备 44011202000123号 "
              "<img src='/img/dzjg.png'></footer>")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><ul>{items}</ul><p>{FILLER}</p>{footer}</body></html>"
            ).encode()


def route(path: str) -> tuple[int, bytes]:
    if path == "/robots.txt":
        return 200, b"User-agent: *\nDisallow: /private/\n"
    if path == "/":
        links = [(f"/col{c}/index.html", f"栏目{c}") for c in range(7)]
        links += [("/gone.html", "失效链接"), ("/private/x.html", "内部"),
                  ("/col0/a0.html", f"{TODAY.year - 1}年政府网站工作年度报表")]
        return 200, _page("首页", links, TODAY - dt.timedelta(days=1))
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0].startswith("col") and parts[1] == "index.html":
        links = [(f"/{parts[0]}/a{i}.html", f"文章{i}") for i in range(6)]
        links.append(("/missing.pdf", "附件"))
        return 200, _page(parts[0], links, TODAY - dt.timedelta(days=3))
    if len(parts) == 2 and parts[0].startswith("col") and parts[1].startswith("a"):
        return 200, _page(path, [], TODAY - dt.timedelta(days=5))
    return 404, b"not found"


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.starts: dict[str, list[float]] = {}
        self.inflight: dict[str, int] = {}
        self.max_inflight: dict[str, int] = {}

    def begin(self, host: str) -> None:
        with self.lock:
            self.starts.setdefault(host, []).append(time.monotonic())
            self.inflight[host] = self.inflight.get(host, 0) + 1
            self.max_inflight[host] = max(self.max_inflight.get(host, 0),
                                          self.inflight[host])

    def end(self, host: str) -> None:
        with self.lock:
            self.inflight[host] -= 1

    def summary(self) -> dict:
        gaps = []
        for stamps in self.starts.values():
            stamps.sort()
            gaps += [b - a for a, b in zip(stamps, stamps[1:], strict=False)]
        return {"requests": sum(len(s) for s in self.starts.values()),
                "hosts": len(self.starts), "min_gap": min(gaps) if gaps else None,
                "max_inflight": max(self.max_inflight.values(), default=0)}


def serve(port: int) -> None:
    stats = Stats()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            if self.path == "/__stats__":
                body = json.dumps(stats.summary()).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            host = self.headers.get("Host", "").split(":")[0]
            stats.begin(host)
            try:
                status, body = route(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            finally:
                stats.end(host)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    server.serve_forever()


if __name__ == "__main__":
    serve(int(sys.argv[1]))
