"""The guarded outbound door: what it fetches, what it refuses, and that a refusal never
opens a connection. Every server here listens on loopback."""
import shutil
import socket
import ssl
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from gongkai.core import outbound
from gongkai.core.outbound_addresses import address_refusal
from gongkai.core.testing import AcceptRecorder, local_server

PUBLIC_IP = "93.184.216.34"


@pytest.fixture
def allow_ports(settings):
    def add(*ports):
        settings.GONGKAI_OUTBOUND_PORTS = (80, 443, *ports)
    return add


def _port(url):
    return int(url.rsplit(":", 1)[1])


@pytest.fixture
def public_host(monkeypatch):
    """``public.test`` resolves to a public address; connections to that address are
    carried to a loopback port instead (set ``redirect_to``), so no packet leaves."""
    state = {"port": None, "resolves": 0, "connected": []}
    real_resolve, real_connect = outbound._resolve, outbound._connect

    def resolve(host, port, family):
        if host.endswith("public.test") or host == "hpq.gov.cn":
            state["resolves"] += 1
            answer = PUBLIC_IP if state["resolves"] == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answer, port))]
        return real_resolve(host, port, family)

    def connect(address, deadline):
        state["connected"].append(address[4][0])
        if address[4][0] == PUBLIC_IP:
            address = (*address[:4], ("127.0.0.1", state["port"]))
        return real_connect(address, deadline)

    monkeypatch.setattr(outbound, "_resolve", resolve)
    monkeypatch.setattr(outbound, "_connect", connect)
    return state


def test_fetches_a_page_from_an_allowed_private_server(allow_ports):
    page = (200, {"Content-Type": "text/html; charset=utf-8"}, "<title>通知</title>".encode())
    with local_server({"/a": page}) as (base, hits):
        allow_ports(_port(base))
        result = outbound.fetch(base + "/a?x=1", allow_private=True)
    assert result.ok and result.refused is None and result.error is None
    assert result.status == 200
    assert result.content == "<title>通知</title>".encode()
    assert result.headers["content-type"].startswith("text/html")
    assert result.address == "127.0.0.1"
    assert result.final_url == base + "/a?x=1"
    assert hits == ["/a?x=1"]


def test_refuses_loopback_by_default_without_connecting(allow_ports):
    with AcceptRecorder() as recorder:
        allow_ports(recorder.port)
        result = outbound.fetch(f"http://127.0.0.1:{recorder.port}/")
        assert recorder.count() == 0
    assert result.refused and "本机地址" in result.refused
    assert result.status is None and result.content == b""


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "0.0.0.0",
    "169.254.169.254", "169.254.1.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", "fd00:ec2::254", "not-an-ip",
])
def test_every_non_global_address_is_refused(address):
    assert address_refusal(address) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8",
                                     "2002:5db8:d822::1"])
def test_global_addresses_pass(address):
    assert address_refusal(address) is None


@pytest.mark.parametrize("address", ["169.254.169.254", "fe80::1", "224.0.0.1", "0.0.0.0",
                                     "::ffff:169.254.169.254"])
def test_intranet_permission_never_opens_metadata_link_local_or_multicast(address):
    assert address_refusal(address, allow_private=True) is not None
    assert address_refusal("10.0.0.8", allow_private=True) is None


@pytest.mark.parametrize("target", [
    "http://127.0.0.1:{port}/", "http://[::ffff:127.0.0.1]:{port}/",
    "http://localhost:{port}/", "http://169.254.169.254/latest/meta-data/",
])
def test_a_redirect_to_an_internal_address_is_refused_at_that_hop(
        allow_ports, public_host, target):
    with AcceptRecorder() as recorder:
        routes = {"/": (302, {"Location": target.format(port=recorder.port)}, b"")}
        with local_server(routes) as (base, hits):
            public_host["port"] = _port(base)
            allow_ports(_port(base), recorder.port)
            result = outbound.fetch(f"http://public.test:{_port(base)}/")
            assert recorder.count() == 0
        assert hits == ["/"]
    assert result.refused, result
    assert result.status is None


def test_connects_to_the_address_it_checked_not_a_second_answer(allow_ports, public_host):
    """A rebinding DNS server would answer 127.0.0.1 the second time; there is none."""
    with local_server({"/": (200, {}, b"ok")}) as (base, _hits):
        public_host["port"] = _port(base)
        allow_ports(_port(base))
        result = outbound.fetch(f"http://public.test:{_port(base)}/")
    assert result.status == 200 and result.content == b"ok"
    assert public_host["resolves"] == 1
    assert public_host["connected"] == [PUBLIC_IP]
    assert result.address == PUBLIC_IP


def test_redirects_are_followed_and_bounded(allow_ports, settings):
    settings.GONGKAI_OUTBOUND_MAX_REDIRECTS = 3
    routes = {f"/{i}": (302, {"Location": f"/{i + 1}"}, b"") for i in range(10)}
    routes["/2"] = (301, {"Location": "/done"}, b"")
    routes["/done"] = (200, {}, b"done")
    with local_server(routes) as (base, hits):
        allow_ports(_port(base))
        ok = outbound.fetch(base + "/0", allow_private=True)
        endless = outbound.fetch(base + "/3", allow_private=True)
    assert ok.status == 200 and ok.content == b"done" and ok.final_url == base + "/done"
    assert ok.redirects == [base + "/0", base + "/1", base + "/2"]
    assert endless.status is None and "重定向次数过多" in endless.error


@pytest.mark.parametrize("url, words", [
    ("ftp://127.0.0.1/", "http"), ("file:///etc/passwd", "http"),
    ("http://user:secret@127.0.0.1:{port}/", "用户名或密码"),
    ("http://127.0.0.1:22/", "端口 22"), ("http://127.0.0.1:99999/", "端口"),
    ("http:///nohost", "主机名"), ("http://evilgov.cn:{port}/", "名单"),
])
def test_malformed_or_forbidden_urls_are_refused_without_connecting(
        allow_ports, settings, url, words):
    settings.GONGKAI_OUTBOUND_ALLOW_HOSTS = ["gov.cn"] if "gov" in url else []
    with AcceptRecorder() as recorder:
        allow_ports(recorder.port)
        result = outbound.fetch(url.format(port=recorder.port), allow_private=True)
        assert recorder.count() == 0
    assert result.refused and words in result.refused


def test_allow_list_matches_host_name_suffixes(allow_ports, settings, public_host):
    settings.GONGKAI_OUTBOUND_ALLOW_HOSTS = ["gov.cn"]
    with local_server({"/": (200, {}, b"hi")}) as (base, _hits):
        public_host["port"] = _port(base)
        allow_ports(_port(base))
        assert outbound.fetch(f"http://hpq.gov.cn:{_port(base)}/").status == 200
        other = outbound.fetch(f"http://www.public.test:{_port(base)}/")
    assert other.refused and "名单" in other.refused


def _trickle(handler):
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    for _i in range(200):
        try:
            handler.wfile.write(b"x")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.05)


def _slow_headers(handler):
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for i in range(200):
        try:
            handler.wfile.write(f"X-H{i}: y\r\n".encode())
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("route", [_trickle, _slow_headers])
def test_a_slow_server_cannot_hold_the_fetch_past_the_total_deadline(allow_ports, route):
    with local_server({"/": route}) as (base, _hits):
        allow_ports(_port(base))
        result = outbound.fetch(base + "/", allow_private=True, timeout=0.6)
    assert result.elapsed < 1.5
    assert result.error and "0.6" in result.error


def test_the_body_is_capped(allow_ports):
    with local_server({"/": (200, {}, b"a" * 300_000)}) as (base, _hits):
        allow_ports(_port(base))
        result = outbound.fetch(base + "/", allow_private=True, max_bytes=100_000)
    assert result.truncated and len(result.content) == 100_000


def _ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback on this machine")
def test_family_forces_ipv6_or_ipv4(allow_ports):
    with local_server({"/": (200, {}, b"six")}, host="::1") as (base, _hits):
        allow_ports(_port(base))
        six = outbound.fetch(base + "/", allow_private=True, family=socket.AF_INET6)
        four = outbound.fetch(base + "/", allow_private=True, family=socket.AF_INET)
    assert six.status == 200 and six.address == "::1"
    assert four.status is None and four.error


def test_https_validates_the_certificate_and_reports_its_expiry(
        allow_ports, monkeypatch, tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    port = listener.getsockname()[1]

    def serve():
        for _i in range(2):
            conn, _addr = listener.accept()
            try:
                with server_ctx.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(4096)
                    tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure")
            except (ssl.SSLError, OSError):
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    allow_ports(port)
    untrusted = outbound.fetch(f"https://localhost:{port}/", allow_private=True,
                               family=socket.AF_INET, timeout=5)

    def trusting():
        context = ssl.create_default_context()
        context.load_verify_locations(cert)
        return context

    monkeypatch.setattr(outbound, "tls_context", trusting)
    trusted = outbound.fetch(f"https://localhost:{port}/", allow_private=True,
                             family=socket.AF_INET, timeout=5)
    thread.join(5)
    listener.close()
    assert untrusted.status is None and "证书" in untrusted.error
    assert trusted.status == 200 and trusted.content == b"secure"
    expected = datetime.now(UTC) + timedelta(days=30)
    assert abs(trusted.tls_not_after - expected) < timedelta(days=1)


def test_the_accept_recorder_does_see_a_permitted_connection(allow_ports):
    """The no-connection assertions above mean something: the same fetch, allowed,
    reaches the recorder."""
    with AcceptRecorder() as recorder:
        allow_ports(recorder.port)
        result = outbound.fetch(f"http://127.0.0.1:{recorder.port}/", allow_private=True,
                                timeout=0.5)
        assert recorder.count() == 1
    assert result.refused is None and result.error


def test_no_other_module_talks_to_the_network_directly(settings):
    """Every outbound request goes through the guarded door: no other module imports an
    HTTP client or opens URLs itself."""
    import re
    from pathlib import Path

    client = re.compile(r"^\s*(import|from)\s+(requests|httpx|urllib3|aiohttp|http\.client|"
                        r"urllib\.request)\b|urlopen\(|socket\.create_connection", re.M)
    root = Path(settings.BASE_DIR) / "gongkai"
    offenders = [str(path.relative_to(root)) for path in root.rglob("*.py")
                 if "tests" not in path.parts and path.name not in ("outbound.py", "testing.py")
                 and client.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
