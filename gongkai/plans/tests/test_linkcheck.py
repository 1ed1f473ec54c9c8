import io
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.core.management import call_command

from gongkai.core.audit import history_of
from gongkai.core.testing import AcceptRecorder
from gongkai.plans.services.linkcheck import decode_html, evidence_check_link
from gongkai.plans.tasks import check_evidence_link
from gongkai.plans.tests.factories import EvidenceFactory

GBK_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            '<title>黄埔区 政务公开\n专栏 — 镕</title></head><body>正文</body></html>')
BIG = 50_000


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status, body: bytes, content_type="text/html", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 — the http.server API
        routes = {
            "/gbk": lambda: self.send(200, GBK_PAGE.encode("gbk")),
            "/gbk-header": lambda: self.send(
                200, "<title>区政务服务数据管理局</title>".encode("gbk"),
                "text/html; charset=GBK"),
            "/utf8": lambda: self.send(200, "<title>通知公告</title>".encode(),
                                       "text/html; charset=utf-8"),
            "/missing": lambda: self.send(404, b"<title>Not Found</title>"),
            "/error": lambda: self.send(500, b"oops", "text/plain"),
            "/big": lambda: self.send(200, b"<title>big</title>" + b"x" * BIG),
            "/moved": lambda: self.send(302, b"", headers=[("Location", "/utf8")]),
            "/to-file": lambda: self.send(302, b"",
                                          headers=[("Location", "file:///etc/passwd")]),
            "/loop": lambda: self.send(302, b"", headers=[("Location", "/loop")]),
            "/slow": self.slow,
        }
        routes.get(self.path, lambda: self.send(404, b""))()

    def slow(self):
        time.sleep(1.5)
        self.send(200, b"<title>late</title>")


@pytest.fixture(scope="module")
def loopback_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def limits(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GONGKAI_LINKCHECK_TIMEOUT = 0.5
    settings.GONGKAI_LINKCHECK_MAX_BYTES = 10_000


@pytest.fixture
def server(loopback_server, settings):
    """The test server, reachable as an office's own intranet site would be."""
    settings.GONGKAI_OUTBOUND_ALLOW_PRIVATE = True
    settings.GONGKAI_OUTBOUND_PORTS = (80, 443, int(loopback_server.rsplit(":", 1)[1]))
    return loopback_server


def check(url):
    evidence = EvidenceFactory(url=url)
    evidence_check_link(evidence=evidence)
    evidence.refresh_from_db()
    return evidence


@pytest.mark.django_db
def test_a_gb2312_page_is_alive_with_its_title_and_a_snapshot(server):
    evidence = check(f"{server}/gbk")
    assert evidence.http_status == 200 and evidence.is_dead is False
    # 镕 is outside GB2312 but inside GBK: still decoded correctly.
    assert evidence.page_title == "黄埔区 政务公开 专栏 — 镕"
    assert evidence.checked_at is not None and evidence.check_error == ""
    snapshot = evidence.snapshot.read().decode("utf-8")
    assert "正文" in snapshot
    event = history_of(evidence).get()
    assert event.action == "plans.evidence.checked"
    assert event.details["status"] == 200 and event.details["dead"] is False


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "title"), [("/gbk-header", "区政务服务数据管理局"),
                                             ("/utf8", "通知公告"), ("/moved", "通知公告")])
def test_titles_are_decoded_from_the_header_charset_and_redirects_followed(server, path, title):
    evidence = check(f"{server}{path}")
    assert (evidence.http_status, evidence.page_title, evidence.is_dead) == (200, title, False)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/error", 500)])
def test_error_statuses_mark_the_link_dead(server, path, status):
    evidence = check(f"{server}{path}")
    assert evidence.http_status == status
    assert evidence.is_dead is True
    assert str(status) in evidence.check_error


@pytest.mark.django_db
def test_a_refused_connection_marks_the_link_dead(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.GONGKAI_OUTBOUND_ALLOW_PRIVATE = True
    settings.GONGKAI_OUTBOUND_PORTS = (80, 443, port)
    evidence = check(f"http://127.0.0.1:{port}/")
    assert evidence.http_status is None and evidence.is_dead is True
    assert evidence.check_error == "无法连接到该网站。"


@pytest.mark.django_db
def test_a_timeout_marks_the_link_dead(server):
    evidence = check(f"{server}/slow")
    assert evidence.is_dead is True and "0.5 秒" in evidence.check_error


@pytest.mark.django_db
def test_an_oversize_page_is_read_only_up_to_the_cap(server):
    evidence = check(f"{server}/big")
    assert evidence.http_status == 200 and evidence.is_dead is False
    assert evidence.page_title == "big"
    assert evidence.snapshot.size <= 10_000
    assert "只保存了前面部分" in evidence.check_error


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/to-file", "/loop"])
def test_redirects_to_other_schemes_or_in_loops_are_not_followed(server, path):
    evidence = check(f"{server}{path}")
    assert evidence.is_dead is True and evidence.http_status is None
    assert evidence.check_error


@pytest.mark.django_db
def test_a_recheck_replaces_the_old_snapshot(server):
    evidence = check(f"{server}/utf8")
    first = evidence.snapshot.path
    evidence_check_link(evidence=evidence)
    evidence.refresh_from_db()
    assert evidence.snapshot.path != first
    assert len(history_of(evidence)) == 2


@pytest.mark.django_db
def test_the_task_takes_an_id_and_ignores_removed_evidence(server, settings):
    evidence = EvidenceFactory(url=f"{server}/missing")
    check_evidence_link.call_local(evidence.pk)
    evidence.refresh_from_db()
    assert evidence.is_dead is True
    check_evidence_link.call_local(evidence.pk + 1000)  # gone: nothing happens


def test_decoding_prefers_the_header_then_meta_then_utf8_then_gb18030():
    assert decode_html("<title>通知</title>".encode("gbk")) == "<title>通知</title>"
    assert decode_html("通知".encode(), "text/html; charset=utf-8") == "通知"
    assert decode_html("通知".encode("gbk"), "text/html; charset=gb2312") == "通知"


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/", "http://[::1]:{port}/",
                                    "http://[::ffff:127.0.0.1]:{port}/",
                                    "http://169.254.169.254/latest/meta-data/"])
def test_an_internal_link_is_refused_without_a_connection_and_shows_nothing(
        settings, target):
    """The SSRF of issue 15: the worker fetched internal pages and showed them back."""
    with AcceptRecorder() as recorder:
        settings.GONGKAI_OUTBOUND_PORTS = (80, 443, recorder.port)
        evidence = check(target.format(port=recorder.port))
        assert recorder.count() == 0
    assert evidence.is_dead is True and evidence.http_status is None
    assert "不允许访问" in evidence.check_error
    assert evidence.page_title == "" and not evidence.snapshot
    assert history_of(evidence).get().details["refused"]


@pytest.mark.django_db
def test_the_evidence_task_goes_through_the_guard(settings):
    with AcceptRecorder() as recorder:
        settings.GONGKAI_OUTBOUND_PORTS = (80, 443, recorder.port)
        evidence = EvidenceFactory(url=f"http://localhost:{recorder.port}/")
        check_evidence_link.call_local(evidence.pk)
        assert recorder.count() == 0
    evidence.refresh_from_db()
    assert "不允许访问" in evidence.check_error


def test_check_link_prints_json_with_a_chinese_refusal_and_opens_nothing(settings):
    with AcceptRecorder() as recorder:
        settings.GONGKAI_OUTBOUND_PORTS = (80, 443, recorder.port)
        out = io.StringIO()
        call_command("check_link", f"http://127.0.0.1:{recorder.port}/x", stdout=out)
        assert recorder.count() == 0
    answer = json.loads(out.getvalue())
    assert set(answer) == {"url", "status", "title", "refused"}
    assert answer["status"] is None and answer["title"] == ""
    assert "本机地址" in answer["refused"]


def test_check_link_prints_status_and_title_of_a_reachable_page(server):
    out = io.StringIO()
    call_command("check_link", f"{server}/gbk-header", stdout=out)
    assert json.loads(out.getvalue()) == {"url": f"{server}/gbk-header", "status": 200,
                                          "title": "区政务服务数据管理局", "refused": None}


def test_check_link_exits_zero_as_a_process(settings):
    """Run as the operator would: the exit status is 0 for a refused URL too."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "manage.py", "check_link", "http://10.0.0.1/"],
                          capture_output=True, text=True, timeout=60,
                          cwd=str(settings.BASE_DIR))
    assert done.returncode == 0
    assert "内部网络地址" in json.loads(done.stdout)["refused"]
