"""Politeness towards the sites checked: one request at a time per host, a pause between
requests to the same host, and the host's robots.txt for the crawl.

The gate lives in one process: the checks of one run share it across their threads.
Two huey workers checking sites on the same host keep their own gates, so a shared
platform may see two concurrent requests — still far below what a browser sends.
"""
import threading
import time
from contextlib import contextmanager
from urllib.robotparser import RobotFileParser

from gongkai.core.outbound import USER_AGENT

# A robots.txt Crawl-delay above this is capped: a check must still finish in a day.
MAX_CRAWL_DELAY = 10.0


class HostGate:
    def __init__(self, delay: float):
        self.delay = delay
        self._lock = threading.Lock()
        self._hosts: dict[str, list] = {}

    def set_delay(self, host: str, delay: float) -> None:
        """Slow down for one host (its robots.txt asked for a Crawl-delay)."""
        self._entry(host)[2] = min(max(delay, self.delay), MAX_CRAWL_DELAY)

    def _entry(self, host: str) -> list:
        with self._lock:
            return self._hosts.setdefault(host, [threading.Lock(), 0.0, self.delay])

    @contextmanager
    def slot(self, host: str):
        """Wait for the host's turn; the next request waits ``delay`` after this ends."""
        entry = self._entry(host)
        with entry[0]:
            wait = entry[1] - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                entry[1] = time.monotonic() + entry[2]


def robots_from(content: bytes, status: int | None) -> RobotFileParser:
    """A parser for a fetched robots.txt; a missing file (4xx) allows everything, a
    server error disallows the crawl (the usual reading of the robots convention)."""
    parser = RobotFileParser()
    if status is not None and 200 <= status < 300:
        parser.parse(content.decode("utf-8", "replace").splitlines())
    elif status is not None and status >= 500:
        parser.disallow_all = True
    else:
        parser.allow_all = True
    return parser


def robots_delay(parser: RobotFileParser) -> float | None:
    delay = parser.crawl_delay(USER_AGENT.split("/")[0])
    return float(delay) if delay is not None else None
