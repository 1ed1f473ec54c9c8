"""The one guarded door for every request the platform sends to another server.

Evidence link checks and website checks fetch URLs that users typed, so a URL is hostile
until proved otherwise. ``fetch`` therefore:

- accepts only http/https, no user name or password in the URL, ports from
  ``GONGKAI_OUTBOUND_PORTS`` (80 and 443 by default), and, when
  ``GONGKAI_OUTBOUND_ALLOW_HOSTS`` is set, only host names ending in one of its entries;
- resolves the host itself and refuses when *any* address it resolves to is not a global
  unicast address (private, loopback, link-local and cloud metadata, multicast, reserved,
  IPv4 hidden in IPv6 through mapping, compatibility, NAT64, 6to4 or Teredo) — unless the
  caller or ``GONGKAI_OUTBOUND_ALLOW_PRIVATE`` allows the office's own intranet, which
  still never opens link-local, metadata, multicast or unspecified addresses;
- connects to the very address it checked (the host name is never resolved twice, so a
  DNS answer that changes between check and connect cannot slip through);
- follows redirects itself, checking every hop the same way, at most
  ``GONGKAI_OUTBOUND_MAX_REDIRECTS`` of them;
- bounds the whole exchange (resolution, connection, TLS, headers, body, every hop) by one
  deadline, and the body by ``max_bytes``.

A refusal is not an exception: the result carries ``refused``, a reason in Chinese that
can be shown to the person who typed the URL, and no connection was opened. Network
failures (timeout, connection refused, TLS failure) come back in ``error``.
"""
from __future__ import annotations

import http.client
import io
import socket
import ssl
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.core.outbound_addresses import address_refusal

USER_AGENT = "gongkai/1.0 (+government disclosure platform)"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}
# getaddrinfo cannot be interrupted; it runs in this pool so the deadline still holds.
_resolver_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="outbound-dns")


@dataclass
class FetchResult:
    """What one ``fetch`` found. ``headers`` has lower-cased names; ``address`` is the IP
    actually connected to for the last hop; ``tls_not_after`` the peer certificate's
    expiry (https only)."""

    url: str
    final_url: str = ""
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    truncated: bool = False
    elapsed: float = 0.0
    refused: str | None = None
    error: str | None = None
    address: str | None = None
    tls_not_after: datetime | None = None
    redirects: list[str] = field(default_factory=list)
    # Why ``error`` is set, for callers that score failures differently (the website
    # checks: a TLS failure is an HTTPS finding, a timeout an unavailable home page):
    # "timeout", "tls", "connect", "dns" or "other".
    error_kind: str = ""

    @property
    def ok(self) -> bool:
        return self.refused is None and self.error is None and self.status is not None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class FetchRefused(Exception):
    """Raised inside ``fetch`` when a URL or address is refused; ``fetch`` turns it into
    ``FetchResult.refused`` (its message, in Chinese) and never lets it escape."""


class _Failed(Exception):
    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


class _Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + max(seconds, 0.0)

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left


def fetch(url: str, *, method: str = "GET", timeout: float = 10.0,
          max_bytes: int = DEFAULT_MAX_BYTES, family: int | None = None,
          allow_private: bool = False, headers: Mapping[str, str] | None = None
          ) -> FetchResult:
    """Fetch ``url`` through the guard described in the module docstring.

    ``timeout`` is the total time for everything, redirects included. ``family`` forces
    IPv4 (``socket.AF_INET``) or IPv6 (``socket.AF_INET6``). Never raises for a refusal
    or a network failure."""
    started = time.monotonic()
    deadline = _Deadline(timeout)
    result = FetchResult(url=url)
    allow_private = allow_private or settings.GONGKAI_OUTBOUND_ALLOW_PRIVATE
    method = method.upper()
    try:
        _follow(result, url, method, deadline, max_bytes, family, allow_private,
                dict(headers or {}))
    except FetchRefused as refusal:
        result.refused = str(refusal)
    except TimeoutError:
        result.error = _("超过 %(seconds)s 秒仍未完成，已停止访问。") % {"seconds": timeout}
        result.error_kind = "timeout"
    except _Failed as failure:
        result.error, result.error_kind = str(failure), failure.kind
    except ssl.SSLCertVerificationError as exc:
        result.error = _("网站证书无效：%(reason)s") % {"reason": exc.verify_message or exc}
        result.error_kind = "tls"
    except ssl.SSLError as exc:
        result.error = _("加密连接失败：%(reason)s") % {"reason": exc.reason or exc}
        result.error_kind = "tls"
    except ConnectionError:
        result.error, result.error_kind = _("无法连接到该网站。"), "connect"
    except (OSError, http.client.HTTPException) as exc:
        result.error = _("访问失败：%(error)s") % {"error": type(exc).__name__}
        result.error_kind = "other"
    result.elapsed = time.monotonic() - started
    return result


def _follow(result, url, method, deadline, max_bytes, family, allow_private, headers):
    limit = settings.GONGKAI_OUTBOUND_MAX_REDIRECTS
    for hop in range(limit + 1):
        target = _check_url(url)
        address = _resolve_checked(target, family, allow_private, deadline)
        response, conn = _request(target, address, method, headers, deadline)
        try:
            result.address = address[4][0]
            result.final_url = url
            location = response.getheader("Location")
            if response.status in _REDIRECTS and location and hop < limit:
                result.redirects.append(url)
                url = urljoin(url, location.strip())
                if response.status == 303 or (response.status in (301, 302)
                                              and method == "POST"):
                    method = "GET"
                continue
            if response.status in _REDIRECTS and location:
                raise _Failed(_("重定向次数过多（超过 %(n)s 次）。") % {"n": limit})
            result.status = response.status
            result.headers = {k.lower(): v for k, v in response.getheaders()}
            result.tls_not_after = _not_after(conn)
            if method != "HEAD":
                result.content, result.truncated = _read_body(response, max_bytes)
            return
        finally:
            response.close()
            conn.close()


class _Target:
    def __init__(self, url: str):
        parts = urlsplit(url)
        self.scheme = parts.scheme.lower()
        self.host = (parts.hostname or "").rstrip(".")
        try:
            self.port = parts.port or (443 if self.scheme == "https" else 80)
        except ValueError:
            raise FetchRefused(_("地址中的端口无效。")) from None
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.username, self.password = parts.username, parts.password


def _check_url(url: str) -> _Target:
    if len(url) > 2048 or any(c in url for c in "\r\n\t\x00 "):
        raise FetchRefused(_("地址格式无效。"))
    target = _Target(url)
    if target.scheme not in ("http", "https"):
        raise FetchRefused(_("只能访问 http 或 https 地址。"))
    if not target.host:
        raise FetchRefused(_("地址中缺少主机名。"))
    if target.username is not None or target.password is not None:
        raise FetchRefused(_("地址中不能包含用户名或密码。"))
    if target.port not in settings.GONGKAI_OUTBOUND_PORTS:
        raise FetchRefused(_("不允许访问端口 %(port)s（只允许 %(ports)s）。") % {
            "port": target.port,
            "ports": "、".join(str(p) for p in settings.GONGKAI_OUTBOUND_PORTS)})
    try:
        target.host = target.host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise FetchRefused(_("主机名无效。")) from None
    allowed = [h.lower().strip(".") for h in settings.GONGKAI_OUTBOUND_ALLOW_HOSTS]
    if allowed and not any(target.host == h or target.host.endswith("." + h)
                           for h in allowed):
        raise FetchRefused(_("主机 %(host)s 不在允许访问的名单中。") % {"host": target.host})
    return target


def _resolve(host: str, port: int, family: int | None) -> list[tuple]:
    return socket.getaddrinfo(host, port, family or socket.AF_UNSPEC, socket.SOCK_STREAM,
                              socket.IPPROTO_TCP)


def _resolve_checked(target: _Target, family, allow_private, deadline) -> tuple:
    """One address of ``target`` that passed the check; every address is checked, so a
    host that also resolves to an internal address is refused outright."""
    future = _resolver_pool.submit(_resolve, target.host, target.port, family)
    try:
        infos = future.result(timeout=deadline.remaining())
    except FutureTimeout:
        raise TimeoutError from None
    except socket.gaierror:
        if family == socket.AF_INET6:
            raise _Failed(_("主机 %(host)s 没有 IPv6 地址。") % {"host": target.host},
                          "dns") from None
        raise _Failed(_("无法解析主机名 %(host)s。") % {"host": target.host}, "dns") from None
    if not infos:
        raise _Failed(_("无法解析主机名 %(host)s。") % {"host": target.host}, "dns")
    for info in infos:
        reason = address_refusal(info[4][0], allow_private=allow_private)
        if reason:
            raise FetchRefused(_("%(host)s 指向%(reason)s（%(ip)s），不允许访问。") % {
                "host": target.host, "reason": reason, "ip": info[4][0]})
    return infos[0]


def _connect(address: tuple, deadline: _Deadline) -> socket.socket:
    family, kind, proto, _canon, sockaddr = address
    sock = socket.socket(family, kind, proto)
    try:
        sock.settimeout(deadline.remaining())
        sock.connect(sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


def tls_context() -> ssl.SSLContext:
    """The context https fetches verify against (the system's trusted authorities)."""
    return ssl.create_default_context()


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP connection whose Host header names the host but whose socket goes to the
    address already checked; every read and write is bounded by the deadline."""

    def __init__(self, target: _Target, address: tuple, deadline: _Deadline):
        super().__init__(target.host, target.port)
        self._target, self._address, self._deadline = target, address, deadline
        self.peer_cert: dict | None = None

    def connect(self):
        raw = _connect(self._address, self._deadline)
        if self._target.scheme == "https":
            try:
                raw.settimeout(self._deadline.remaining())
                raw = tls_context().wrap_socket(raw, server_hostname=self._target.host)
            except BaseException:
                raw.close()
                raise
            self.peer_cert = raw.getpeercert()
        self.sock = _DeadlineSocket(raw, self._deadline)


class _DeadlineSocket:
    """Hands http.client a socket whose every operation gets only the time left. Like a
    real socket, it stays open until the connection and every reader are closed
    (http.client closes the connection early when the server says it will close)."""

    def __init__(self, sock: socket.socket, deadline: _Deadline):
        self._sock, self._deadline = sock, deadline
        self._readers, self._closed = 0, False

    def sendall(self, data):
        self._sock.settimeout(self._deadline.remaining())
        return self._sock.sendall(data)

    def makefile(self, mode="rb", buffering=None, **_kwargs):
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self))

    def recv_into(self, buffer):
        self._sock.settimeout(self._deadline.remaining())
        return self._sock.recv_into(buffer)

    def reader_closed(self):
        self._readers -= 1
        self._release()

    def close(self):
        self._closed = True
        self._release()

    def _release(self):
        if self._closed and self._readers <= 0:
            self._sock.close()


class _DeadlineReader(io.RawIOBase):
    def __init__(self, owner: _DeadlineSocket):
        super().__init__()
        self._owner = owner

    def readable(self):
        return True

    def readinto(self, buffer):
        return self._owner.recv_into(buffer)

    def close(self):
        if not self.closed:
            self._owner.reader_closed()
        super().close()


def _request(target, address, method, headers, deadline):
    conn = _PinnedConnection(target, address, deadline)
    try:
        conn.putrequest(method, target.path, skip_accept_encoding=True)
        sent = {k.lower() for k in headers}
        defaults = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
                    "Connection": "close"}
        for name, value in {**{k: v for k, v in defaults.items() if k.lower() not in sent},
                            **headers}.items():
            conn.putheader(name, value)
        conn.endheaders()
        return conn.getresponse(), conn
    except BaseException:
        conn.close()
        raise


def _read_body(response, max_bytes: int) -> tuple[bytes, bool]:
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = response.read1(min(64 * 1024, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    body = b"".join(chunks)
    return body[:max_bytes], total > max_bytes


def _not_after(conn: _PinnedConnection) -> datetime | None:
    stamp = (conn.peer_cert or {}).get("notAfter")
    if not stamp:
        return None
    return datetime.fromtimestamp(ssl.cert_time_to_seconds(stamp), tz=UTC)
