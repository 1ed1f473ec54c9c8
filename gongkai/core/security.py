"""Response headers every page gets: the Content-Security-Policy, and ``no-store`` where
a page shows personal data.

The policy allows scripts from this site's own static files only — no inline script,
no event-handler attributes, no eval — so an injection that slipped past escaping still
cannot run. Styles may be inline (``style`` attributes; ECharts and htmx set styles).
A response that already carries a policy (stored files go out with ``sandbox``) keeps
its own.

``no_store`` marks a view whose page shows personal data (a query code, a phone number,
an applicant's name) so no browser or proxy cache keeps a copy; every page shown to a
signed-in user is ``no-store`` too, since staff pages show such data throughout.
"""
from functools import wraps

from django.conf import settings
from django.utils.cache import add_never_cache_headers

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
NO_STORE_ATTR = "_gongkai_no_store"


def mark_no_store(response):
    """Headers that keep ``response`` out of every cache."""
    add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0, private"
    response["Pragma"] = "no-cache"
    return response


def no_store(view):
    """Decorator for views whose pages show personal data."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_no_store(view(request, *args, **kwargs))

    return wrapped


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = getattr(
                settings, "GONGKAI_CONTENT_SECURITY_POLICY", CSP)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and \
                "no-store" not in response.get("Cache-Control", ""):
            mark_no_store(response)
        return response
