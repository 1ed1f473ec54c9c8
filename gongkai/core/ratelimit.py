"""Per-visitor counters that slow down floods and guessing on the public pages.

Keys are the scope and the client address from ``gongkai.core.clientip`` (forwarded
headers believed only from trusted proxies). Counting is one atomic UPDATE on a database
row (``RateCounter``), shared by every web process and node: the check and the count
are the same step, so 25 concurrent requests cannot pass a limit of 10.

``take`` counts an attempt and says whether it is allowed; ``give_back`` returns the slot
when only failures should count (a successful query does not use up the visitor's
tries).
"""
import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gongkai.core.clientip import client_ip
from gongkai.core.models import RateCounter

HOUR = 60 * 60


def client_key(request, scope: str) -> str:
    return f"rate:{scope}:{client_ip(request)}"


def count(key: str, window: int = HOUR) -> int:
    """Add one to ``key``'s counter and return the new value; a counter whose window
    has passed starts again at 1."""
    now = timezone.now()
    ends = now + dt.timedelta(seconds=window)
    with transaction.atomic():
        if not RateCounter.objects.filter(key=key, expires_at__gt=now).update(
                count=F("count") + 1):
            restarted = RateCounter.objects.filter(key=key, expires_at__lte=now).update(
                count=1, expires_at=ends)
            if not restarted:
                try:
                    with transaction.atomic():
                        RateCounter.objects.create(key=key, count=1, expires_at=ends)
                except IntegrityError:  # created meanwhile by a concurrent request
                    RateCounter.objects.filter(key=key).update(count=F("count") + 1)
        return RateCounter.objects.filter(key=key).values_list("count", flat=True).get()


def current(key: str) -> int:
    found = RateCounter.objects.filter(key=key, expires_at__gt=timezone.now()).values_list(
        "count", flat=True).first()
    return found or 0


def take(request, scope: str, limit: int, window: int = HOUR) -> bool:
    """Count this attempt of ``scope``; True while the visitor is within ``limit``."""
    return count(client_key(request, scope), window) <= limit


def give_back(request, scope: str) -> None:
    """Undo one ``take`` (the attempt turned out not to count)."""
    RateCounter.objects.filter(key=client_key(request, scope), count__gt=0).update(
        count=F("count") - 1)


def limited(request, scope: str, limit: int) -> bool:
    """True when this visitor has used up ``limit`` hits of ``scope`` (a read only:
    prefer ``take``, which checks and counts in one step)."""
    return current(client_key(request, scope)) >= limit


def hit(request, scope: str, window: int = HOUR) -> int:
    """Count one hit of ``scope`` (atomic)."""
    return count(client_key(request, scope), window)


def forget_expired() -> int:
    deleted, _rows = RateCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
