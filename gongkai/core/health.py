"""``/healthz``: is this node able to serve? For load balancers and monitoring.

Each dependency is tried for real (a query, a cache round trip, the queue's length, free
disk). The answer is JSON, 200 when all pass and 503 otherwise; a failure names only the
exception's class, since the page is public.
"""
import shutil
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _cache() -> dict:
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    ok = cache.get(key) == value
    cache.delete(key)
    if not ok:
        raise RuntimeError("cache did not return what was stored")
    return {}


def _queue() -> dict:
    from huey.contrib.djhuey import HUEY

    return {"pending": HUEY.pending_count(), "scheduled": HUEY.scheduled_count()}


def _disk() -> dict:
    try:
        default_storage.path("")
    except NotImplementedError:  # an object store: no disk of ours, but ask it something
        default_storage.exists("healthz")
        return {"storage": "object store"}
    usage = shutil.disk_usage(settings.MEDIA_ROOT if settings.MEDIA_ROOT.exists()
                              else settings.VAR_DIR)
    if usage.free < settings.GONGKAI_HEALTH_MIN_FREE_BYTES:
        raise RuntimeError("low disk space")
    return {"free_bytes": usage.free}


CHECKS = {"database": _database, "cache": _cache, "queue": _queue, "disk": _disk}


@never_cache
@require_GET
def healthz(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = {"ok": True, **check()}
        except Exception as exc:  # noqa: BLE001 - any failure makes the node unhealthy
            result = {"ok": False, "error": type(exc).__name__}
            if name == "disk" and str(exc) == "low disk space":
                result["error"] = "low disk space"
            healthy = False
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": results},
                        status=200 if healthy else 503)
