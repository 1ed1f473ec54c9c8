"""The language switcher and what every page needs to know about its language.

The switcher is a plain link per language to ``switch_language`` (a GET that sets
Django's language cookie and goes back), not a POST form to Django's ``set_language``:
a form on every page would need a CSRF token, and so a cookie, on every anonymous
public page, which then could no longer be served from the page cache to everybody.
Forcing a visitor's display language from another site is harmless, so the GET needs
no token; ``next`` must point back into this site.
"""
from functools import lru_cache, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, override, to_locale
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def html_lang(code: str) -> str:
    """The BCP 47 tag for ``<html lang>``: zh-hans → zh-Hans, zh-hant → zh-Hant, en → en."""
    return to_locale(code or settings.LANGUAGE_CODE).replace("_", "-")


@lru_cache(maxsize=8)
def _switch_url(code: str) -> str:
    return reverse("set_language", args=[code])


def language(request) -> dict:
    """Context processor: ``html_lang`` and ``language_links`` for the switcher."""
    current = get_language() or settings.LANGUAGE_CODE
    query = urlencode({"next": request.get_full_path()}) if request is not None else ""
    return {
        "html_lang": html_lang(current),
        "language_links": [
            {"code": code, "name": name, "lang": html_lang(code),
             "url": f"{_switch_url(code)}?{query}", "current": code == current}
            for code, name in settings.LANGUAGES
        ],
    }


def _safe_next(request) -> str:
    target = request.GET.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@never_cache
@require_GET
def switch_language(request, code: str):
    """Remember ``code`` in the language cookie and go back to the page the visitor was
    on (``next``, only a path on this site; anything else goes to the front page)."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    response = HttpResponseRedirect(_safe_next(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code,
        max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def in_source_language(func):
    """For services that write official documents (letters, circulars, reports): they
    are written in Chinese, whatever language the person generating them reads the site
    in, so no English or traditional wording ends up in a stored or issued document."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        with override(settings.LANGUAGE_CODE):
            return func(*args, **kwargs)

    return wrapper
