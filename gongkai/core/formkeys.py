"""One-time form keys, honoured only from the browser that was given the form.

A public form (the FOI application) carries a random key so that submitting it twice
creates one record. A key replayed from another browser must neither create a record nor
reach the first visitor's receipt, so each key is signed with the CSRF secret of the
browser it was issued to (the CSRF cookie every form needs anyway). No session is needed:
the form page can be cached for anonymous visitors, with the key filled in per request
(``gongkai.portal.pagecache``).
"""
import secrets

from django.middleware.csrf import get_token
from django.utils.crypto import constant_time_compare, salted_hmac

_SALT = "gongkai.core.formkeys"


def _signature(nonce: str, secret: str) -> str:
    return salted_hmac(_SALT, f"{nonce}:{secret}").hexdigest()[:32]


def issue(request) -> str:
    """A new key for this browser (sets its CSRF cookie when it has none yet)."""
    if "CSRF_COOKIE" not in request.META:
        get_token(request)
    nonce = secrets.token_urlsafe(18)
    key = f"{nonce}.{_signature(nonce, request.META.get('CSRF_COOKIE', ''))}"
    # Noted on the request so the page cache can put a placeholder where each key was
    # printed, and a fresh key there for every visitor.
    issued(request).append(key)
    return key


def issued(request) -> list[str]:
    """The keys issued while answering ``request``."""
    return request.__dict__.setdefault("_gongkai_form_keys", [])


def belongs_to(request, key: str) -> bool:
    """Whether ``key`` was issued to the browser that sends it."""
    nonce, _, signature = str(key or "").partition(".")
    secret = request.META.get("CSRF_COOKIE", "")
    return bool(nonce and signature and secret) and constant_time_compare(
        signature, _signature(nonce, secret))
