"""Whole-page cache for anonymous visitors of the public site.

Public pages (front page, library, the FOI form) are the same for every anonymous
visitor, so they are rendered once per path, query and language and served from the
cache after that. Three rules keep this honest:

* Only anonymous GETs without a session or a pending message are cached or served from
  the cache; anyone signed in, or in the middle of a flow, gets the page rendered.
* Publishing anything the public reads starts a new *generation* (a counter in the
  shared cache that is part of every key), so a new document shows at once everywhere,
  in every worker process; old generations expire by themselves. The pages themselves
  sit in each process's memory (the ``pages`` cache), which is the fast part.
* Values that must differ per visitor are not cached: the CSRF token and the one-time
  submission key are stored as placeholders and filled in for each request, so a form
  page costs a token (and the CSRF cookie it needs), nothing more. Pages without a form
  set no cookie at all.
"""
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from gongkai.core import formkeys

VERSION_KEY = "portal:pagecache:generation"
CSRF_MARK = "\x00csrf\x00"
SUBMISSION_MARK = "\x00submission\x00"
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_SUBMISSION_FIELD = re.compile(r'name="submission_key" value="([^"]+)"')


def generation() -> int:
    return cache.get(VERSION_KEY) or 0


def new_generation() -> None:
    """Called whenever public content changes: every cached page is stale from now."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, generation() + 1, None)


def _cacheable(request) -> bool:
    if request.method != "GET":
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return not request.user.is_authenticated


def _key(request) -> str:
    query = "&".join(sorted(request.GET.urlencode().split("&")))
    return f"portal:page:{generation()}:{get_language()}:{request.path}?{query}"


def _to_template(content: str) -> str:
    """The page with the per-visitor values replaced by placeholders."""
    for pattern, mark in ((_CSRF_FIELD, CSRF_MARK), (_SUBMISSION_FIELD, SUBMISSION_MARK)):
        for value in set(pattern.findall(content)):
            content = content.replace(value, mark)
    return content


def _fill(request, template: str) -> bytes:
    if CSRF_MARK in template:
        template = template.replace(CSRF_MARK, get_token(request))
    if SUBMISSION_MARK in template:
        template = template.replace(SUBMISSION_MARK, formkeys.issue(request))
    return template.encode()


def public_page(view):
    """Serve ``view``'s page from the cache to anonymous visitors (see module doc)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.GONGKAI_PAGE_CACHE_SECONDS
        if seconds <= 0 or not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        pages = caches["pages"]
        stored = pages.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies or \
                    "no-store" in response.get("Cache-Control", ""):
                return response
            if hasattr(response, "render"):
                response.render()
            stored = (response["Content-Type"], _to_template(response.content.decode()))
            pages.set(key, stored, seconds)
        content_type, template = stored
        response = HttpResponse(_fill(request, template), content_type=content_type)
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    return wrapped
