"""Health check, logs, mail failures, the audit trail's guarantees, serve, schedules."""
import datetime as dt
import json
import logging
import smtplib
import subprocess

import pytest

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import IntegrityError, connection, transaction

from gongkai.core.audit import record_event
from gongkai.core.audit_guard import install_delete_guard
from gongkai.core.audit_labels import action_label
from gongkai.core.logs import JsonFormatter
from gongkai.core.management.commands import serve
from gongkai.core.models import AuditDeletionRefused, AuditEvent, Notification
from gongkai.core.notify import notify
from gongkai.orgs.tests.factories import UnitFactory, UserFactory


@pytest.mark.django_db
def test_healthz_reports_each_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "queue", "disk"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_cache_fails(client, monkeypatch):
    class Forgetful:  # a cache that stores nothing: the round trip must fail
        def set(self, *args, **kwargs): pass
        def get(self, *args, **kwargs): return None
        def delete(self, *args, **kwargs): pass

    monkeypatch.setattr("gongkai.core.health.cache", Forgetful())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {
        "ok": False, "error": "RuntimeError", "ms": response.json()["checks"]["cache"]["ms"]}


@pytest.mark.django_db
def test_healthz_is_503_when_the_disk_is_nearly_full(client, settings):
    settings.GONGKAI_HEALTH_MIN_FREE_BYTES = 10**18
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["disk"]["error"] == "low disk space"


def test_log_lines_are_json_in_beijing_time():
    record = logging.makeLogRecord({"name": "gongkai.x", "levelname": "WARNING",
                                    "msg": "链接 %s 失效", "args": ("a",),
                                    "created": 1764720000.0, "event": "link.dead"})
    entry = json.loads(JsonFormatter().format(record))
    # 1764720000 is 2025-12-03 00:00 UTC: 08:00 in Beijing.
    assert entry["time"] == "2025-12-03T08:00:00.000+08:00"
    assert entry["message"] == "链接 a 失效" and entry["event"] == "link.dead"


@pytest.mark.django_db
def test_a_mail_failure_is_logged_and_the_notification_kept(
        monkeypatch, caplog, django_capture_on_commit_callbacks):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("connection refused")

    monkeypatch.setattr("gongkai.core.notifications.services.send_mail", refuse)
    user = UserFactory(email="staff@example.gov.cn")
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        assert notify(users=[user], text="申请即将到期", email_subject="提醒") == 1
    assert Notification.objects.filter(user=user).count() == 1
    assert any("mail" in r.getMessage() and r.exc_info for r in caplog.records)


@pytest.mark.django_db
def test_audit_events_cannot_be_deleted_through_the_code():
    unit = UnitFactory()
    event = record_event(obj=unit, action="test.done")
    with pytest.raises(AuditDeletionRefused):
        event.delete()
    with pytest.raises(AuditDeletionRefused):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_the_database_refuses_to_delete_audit_events():
    event = record_event(obj=UnitFactory(), action="test.done")
    assert install_delete_guard(connection)
    with pytest.raises(IntegrityError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_admin_offers_no_delete_of_audit_events(rf):
    from django.contrib import admin

    model_admin = admin.site._registry[AuditEvent]
    assert model_admin.has_delete_permission(rf.get("/")) is False


@pytest.mark.django_db
def test_admin_changes_join_the_audit_trail():
    admin_user, unit = UserFactory(), UnitFactory(name="区测试局")
    LogEntry.objects.log_actions(admin_user.pk, [unit], CHANGE,
                                 [{"changed": {"fields": ["简称"]}}], single_object=True)
    event = AuditEvent.objects.get(action="admin.orgs.unit.changed")
    assert event.object_id == str(unit.pk) and event.actor == admin_user
    assert event.details["object"] == "区测试局"
    assert "简称" in event.details["change"]
    assert action_label(event.action) == "后台修改"


class FakeChild:
    def __init__(self, args, returncode=None):
        self.args, self.returncode, self.terminated = args, returncode, False

    def poll(self):
        return self.returncode

    def terminate(self):
        self.terminated, self.returncode = True, -15

    def wait(self, timeout=None):
        return self.returncode


def test_serve_exits_non_zero_when_a_child_dies(monkeypatch):
    children = []

    def popen(args, env=None):
        # The consumer starts and dies at once with status 3; gunicorn keeps running.
        child = FakeChild(args, returncode=3 if "run_huey" in args else None)
        children.append(child)
        return child

    monkeypatch.setattr(subprocess, "Popen", popen)
    monkeypatch.setattr(serve.signal, "signal", lambda *a: None)
    with pytest.raises(SystemExit) as exit_info:
        serve.Command().handle(host="::", port=18100, workers=1, no_huey=False)
    assert exit_info.value.code == 3
    gunicorn = children[1]
    assert gunicorn.terminated  # the survivor is stopped too
    assert gunicorn.args[gunicorn.args.index("--bind") + 1] == "[::]:18100"


def test_bind_addresses():
    assert serve.bind_address("::", 8000) == "[::]:8000"
    assert serve.bind_address("[::1]", 8000) == "[::1]:8000"
    assert serve.bind_address("0.0.0.0", 8000) == "0.0.0.0:8000"


def test_periodic_jobs_run_at_beijing_hours():
    from huey.contrib.djhuey import HUEY

    import gongkai.core.tasks  # noqa: F401 - registers the periodic tasks
    import gongkai.plans.tasks  # noqa: F401

    def due(hour, minute):
        return {task.name for task in HUEY.read_periodic(dt.datetime(2026, 12, 3, hour, minute))}

    # With utc=False the consumer asks with the process's local time, which Django sets
    # to TIME_ZONE (Beijing): reminders at 07:00, the link re-check at 03:30.
    assert HUEY.utc is False
    assert HUEY._get_timestamp().hour == dt.datetime.now(
        dt.timezone(dt.timedelta(hours=8))).hour
    assert "send_reminders" in due(7, 0)
    assert "send_reminders" not in due(23, 0)
    assert "recheck_evidence_links" in due(3, 30)


def test_hashed_static_files_are_cached_for_a_year(client):
    url = staticfiles_storage.url("vendor/htmx/htmx.min.js")
    assert url != "/static/vendor/htmx/htmx.min.js"  # a hash in the name
    response = client.get(url)
    assert response.status_code == 200
    assert "max-age=315360000" in response["Cache-Control"] or \
        "max-age=31536000" in response["Cache-Control"]


@pytest.mark.django_db
def test_html_is_compressed(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
