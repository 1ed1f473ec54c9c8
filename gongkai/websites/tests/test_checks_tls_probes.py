"""HTTPS validity and expiry against a local TLS server; availability from probes;
the politeness gate."""
import datetime as dt
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from django.utils import timezone

from gongkai.core import outbound
from gongkai.websites.checks.polite import HostGate
from gongkai.websites.models import CheckRule, Probe, RunTrigger
from gongkai.websites.services.checks import probes_due, website_check, website_probe
from gongkai.websites.tests.factories import WebsiteFactory
from gongkai.websites.tests.sites import healthy_site


def _certificate(tmp_path, not_before, not_after):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_site(tmp_path, settings, monkeypatch, sites):
    """``tls_site(not_before, not_after)`` → https base URL on 127.0.0.1 whose
    self-signed certificate the fetcher trusts (so only its dates can fail)."""
    servers = []
    routes = healthy_site(dt.date(2026, 6, 15))

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            status, headers, body = routes.get(self.path, (404, {}, b"no"))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def start(not_before, not_after):
        cert, key = _certificate(tmp_path, not_before, not_after)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        port = server.server_address[1]
        settings.GONGKAI_OUTBOUND_PORTS = (*settings.GONGKAI_OUTBOUND_PORTS, port)

        def trusting():
            trusted = ssl.create_default_context()
            trusted.load_verify_locations(cert)
            return trusted

        monkeypatch.setattr(outbound, "tls_context", trusting)
        return f"https://localhost:{port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_an_expired_certificate_is_an_https_finding(tls_site):
    now = dt.datetime.now(dt.UTC)
    base = tls_site(now - dt.timedelta(days=400), now - dt.timedelta(days=10))
    site = WebsiteFactory(url=base + "/")
    run = website_check(website_id=site.pk, trigger=RunTrigger.ON_DEMAND)
    finding = run.findings.get(indicator="site.https")
    assert "expired" in finding.detail


def test_a_certificate_close_to_expiry_is_a_reminder_only(tls_site):
    now = dt.datetime.now(dt.UTC)
    base = tls_site(now - dt.timedelta(days=60), now + dt.timedelta(days=12))
    site = WebsiteFactory(url=base + "/")
    run = website_check(website_id=site.pk, trigger=RunTrigger.ON_DEMAND)
    assert not run.findings.filter(indicator="site.https").exists()
    assert "还剩" in run.findings.get(indicator="site.https_expiring").detail


def test_five_percent_failed_probes_in_the_week_is_the_availability_veto(sites):
    base = sites({"/": (200, {}, b"ok")})
    site = WebsiteFactory(url=base + "/")
    now = timezone.now()
    for i in range(19):
        Probe.objects.create(website=site, at=now - dt.timedelta(hours=i + 1), ok=True,
                             elapsed_ms=5)
    Probe.objects.create(website=site, at=now - dt.timedelta(days=8), ok=False, elapsed_ms=5)
    run = website_check(website_id=site.pk, trigger=RunTrigger.ON_DEMAND)
    assert not run.findings.filter(indicator="site.unreachable").exists()  # outside window
    Probe.objects.create(website=site, at=now - dt.timedelta(hours=30), ok=False, elapsed_ms=5)
    run = website_check(website_id=site.pk, trigger=RunTrigger.ON_DEMAND)
    assert "失败 1 次（5.0%）" in run.findings.get(indicator="site.unreachable").detail


def test_a_probe_that_does_not_open_in_time_fails(sites):
    def slow(handler):
        time.sleep(1.5)
        handler.send_response(200)
        handler.end_headers()

    base = sites({"/": slow, "/fast": (200, {}, b"ok")})
    CheckRule.objects.create(key="probe.timeout_seconds", value=1)
    probe = website_probe(website_id=WebsiteFactory(url=base + "/").pk)
    assert probe.ok is False and "1" in probe.error
    fast = website_probe(website_id=WebsiteFactory(url=base + "/fast").pk)
    assert fast.ok is True and fast.status == 200


def test_probes_fall_due_per_day_as_the_rule_says(db):
    site = WebsiteFactory()
    now = timezone.now()
    assert probes_due(now) == [site.pk]
    Probe.objects.create(website=site, at=now - dt.timedelta(minutes=30), ok=True,
                         elapsed_ms=1)
    assert probes_due(now) == []  # 20 a day: every 72 minutes
    CheckRule.objects.create(key="probe.per_day", value=48)
    assert probes_due(now) == [site.pk]


def test_the_gate_spaces_requests_to_one_host_and_not_across_hosts():
    gate = HostGate(0.2)
    stamps: dict[str, list[float]] = {"a": [], "b": []}

    def hit(host):
        with gate.slot(host):
            stamps[host].append(time.monotonic())

    threads = [threading.Thread(target=hit, args=(h,)) for h in "aaab"]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    a = sorted(stamps["a"])
    assert all(later - earlier >= 0.19 for earlier, later in zip(a, a[1:], strict=False))
    assert stamps["b"][0] - started < 0.15


def test_the_periodic_tasks_probe_due_sites_and_queue_every_live_site(sites, monkeypatch):
    from gongkai.websites import tasks

    base = sites({"/": (200, {}, b"ok")})
    live = WebsiteFactory(url=base + "/")
    WebsiteFactory(url=base + "/closed", status="closed", closed_on=dt.date(2025, 1, 1))
    queued = []
    monkeypatch.setattr(tasks, "check_website", lambda pk: queued.append(pk))
    monkeypatch.setattr(tasks, "probe_website", lambda pk: website_probe(website_id=pk))
    assert tasks.probe_due_websites.call_local() == 1
    assert Probe.objects.get().website == live
    assert tasks.probe_due_websites.call_local() == 0  # not due again yet
    assert tasks.check_all_websites.call_local() == 1 and queued == [live.pk]
