"""A per-visitor counter in Django's cache, enough to slow down floods and guessing
on the public pages. It counts per client address (REMOTE_ADDR: a forwarded-for
header is the client's to forge; behind a reverse proxy the proxy sets the address)."""
from django.core.cache import cache

HOUR = 60 * 60


def client_key(request, scope: str) -> str:
    return f"rate:{scope}:{request.META.get('REMOTE_ADDR', '')}"


def limited(request, scope: str, limit: int) -> bool:
    """True when this visitor has used up ``limit`` hits of ``scope`` this window."""
    return (cache.get(client_key(request, scope)) or 0) >= limit


def hit(request, scope: str, window: int = HOUR) -> int:
    """Count one hit of ``scope``; the window starts at the first hit."""
    key = client_key(request, scope)
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1
