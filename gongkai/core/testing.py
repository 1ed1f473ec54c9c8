"""Test helpers for code that fetches through ``gongkai.core.outbound``.

``local_server(routes)`` serves canned answers on loopback; ``AcceptRecorder`` is a bare
listening socket that counts the connections made to it, to prove a refused fetch opened
none. Both listen on 127.0.0.1 (or ::1) only. The port they get is random, so a test
adds it to ``GONGKAI_OUTBOUND_PORTS`` and passes ``allow_private=True`` for the happy path.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A route answers (status, headers, body) or writes the response itself when callable.
Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _V6Server(_Server):
    address_family = socket.AF_INET6


@contextmanager
def local_server(routes: dict[str, Route], *, host: str = "127.0.0.1"):
    """Yield ``(base_url, hits)``: ``hits`` lists the paths requested, in order."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - the stdlib's name
            hits.append(self.path)
            route = routes.get(self.path.split("?")[0])
            if route is None:
                route = (404, {"Content-Type": "text/plain"}, b"not found")
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_HEAD = do_GET  # noqa: N815

    server_class = _V6Server if ":" in host else _Server
    server = server_class((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    try:
        yield f"http://{shown}:{port}", hits
    finally:
        server.shutdown()
        server.server_close()


class AcceptRecorder:
    """A listening socket on loopback that counts accepted connections."""

    def __init__(self, host: str = "127.0.0.1"):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind((host, 0))
        self.sock.listen(8)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0

    def count(self, wait: float = 0.3) -> int:
        """Connections accepted so far, after waiting ``wait`` seconds for stragglers."""
        end = time.monotonic() + wait
        while time.monotonic() < end:
            try:
                conn, _addr = self.sock.accept()
            except (TimeoutError, BlockingIOError):
                continue
            self.accepted += 1
            conn.close()
        return self.accepted

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def opened_version(html: str | bytes, name: str = "version") -> str:
    """The hidden version a form page was rendered with (what a browser would post)."""
    from bs4 import BeautifulSoup

    if isinstance(html, bytes):
        html = html.decode()
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": name})
    assert field is not None, f"no hidden {name} field on the page"
    return field["value"]


def form_values(html: str | bytes, *, containing: str = "version") -> dict:
    """What a browser would post from the page's form that has the field
    ``containing``: inputs, checked boxes, textareas and selected options."""
    from bs4 import BeautifulSoup

    if isinstance(html, bytes):
        html = html.decode()
    soup = BeautifulSoup(html, "html.parser")
    form = next(f for f in soup.find_all("form") if f.find(attrs={"name": containing}))
    values: dict = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            values[name] = field.text.lstrip("\n")
        elif field.name == "select":
            chosen = [o.get("value", o.text) for o in field.find_all("option")
                      if o.has_attr("selected")]
            if field.has_attr("multiple"):
                values[name] = chosen
            elif chosen or field.find("option"):
                values[name] = chosen[0] if chosen else field.find("option").get("value", "")
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                values.setdefault(name, []).append(field.get("value", "on"))
        else:
            values[name] = field.get("value", "")
    return values


def assert_stale_save_refused(*, url: str, first, second, change_first: dict,
                              change_second: dict, reread) -> str:
    """Both clients open ``url``; the first saves ``change_first``; the second's save of
    ``change_second`` (other fields as opened) must be refused with both versions on the
    page, leave the first's values in place (``reread()`` returns the stored values of
    the changed fields) and keep what the second typed. Returns the refusal page."""
    opened_first = form_values(first.get(url).content)
    opened_second = form_values(second.get(url).content)
    assert opened_first["version"] == opened_second["version"]
    saved = first.post(url, {**opened_first, **change_first})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    stored = reread()
    refused = second.post(url, {**opened_second, **change_second})
    html = refused.content.decode()
    assert refused.status_code in (200, 400), refused.status_code
    assert "其他人已保存" in html
    for value in [*change_first.values(), *change_second.values()]:
        assert str(value) in html, value
    assert reread() == stored
    return html
