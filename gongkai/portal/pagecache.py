"""Whole-page cache for anonymous visitors of the public site.

Public pages (front page, library, a search, a document, the FOI form) are the same for
every anonymous visitor, so each is rendered once per address, query and language and
then answered by ``PageCacheMiddleware``, which sits before the session, locale, CSRF,
authentication and message middleware: a cached answer costs a key, a memory read and
the response, with no session, no user and no query. Four rules keep this honest:

* Views opt in with ``@public_page``; only anonymous GETs are cached or served from the
  cache — a request carrying a session or a pending message (anyone signed in, or in the
  middle of a flow) always gets the page rendered.
* ``cache_key`` is the one place that says what a page varies by: address (scheme, host,
  path), query (parameters in a normal order) and language (cookie, Accept-Language,
  URL prefix, as ``LocaleMiddleware`` chooses it). A page whose ``Vary`` names anything
  else is not stored. Publishing anything the public reads starts a new *generation*
  (a counter in the shared cache, part of every key), so a change shows at once in every
  worker process; old generations expire by themselves. The pages themselves sit in each
  process's memory (the ``pages`` cache), which is the fast part.
* What is stored is the final answer — headers and body, plain and gzip-compressed —
  so a hit does not pass through the compression either.
* Values that differ per visitor are not shared: the CSRF token and the one-time
  submission key are stored as placeholders and filled in per request (with the CSRF
  cookie the form needs; the compressed body is joined from parts, ``gzipparts``).
  Pages without a form set no cookie at all.
"""
import re
from functools import wraps

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, _unmask_cipher_token, get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request

from gongkai.core import formkeys
from gongkai.portal import gzipparts

VERSION_KEY = "portal:pagecache:generation"
SECONDS_ATTR = "gongkai_public_page_seconds"
CSRF_MARK, KEY_MARK = "\x00csrf\x00", "\x00submission\x00"
_MARKS = re.compile("(\x00csrf\x00|\x00submission\x00)")
# A masked CSRF token as Django prints it: 64 letters and digits.
_TOKEN_LIKE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# What a stored page may vary by: cookies only through the session and messages (never
# served from the cache), the CSRF token (filled in per visitor) and the language cookie
# (in the key); the language (in the key); the encoding (both are stored).
HONOURED_VARY = {"cookie", "accept-language", "accept-encoding"}
_NOT_REPLAYED = {"content-length", "content-encoding", "set-cookie"}


def generation() -> int:
    return cache.get(VERSION_KEY) or 0


def new_generation() -> None:
    """Called whenever public content changes: every cached page is stale from now."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, generation() + 1, None)


def cache_key(request) -> str:
    """Everything a cached page may differ by, in one key (add new dimensions here).

    The language is found as ``LocaleMiddleware`` will find it, before it runs."""
    prefixed, _ = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    language = get_language_from_request(request, check_path=prefixed)
    query = "&".join(sorted(request.GET.urlencode().split("&")))
    origin = f"{request.scheme}://{request.get_host()}"
    return f"portal:page:{generation()}:{language}:{origin}{request.path}?{query}"


def anonymous_get(request) -> bool:
    """A GET from a visitor who is not signed in and has nothing pending in a session."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def public_page(view=None, *, seconds: str = "GONGKAI_PAGE_CACHE_SECONDS"):
    """Let ``PageCacheMiddleware`` keep ``view``'s page for anonymous visitors, for as
    long as the setting named ``seconds`` says (0: not at all)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method == "GET" and response.status_code == 200 \
                    and not response.streaming and not response.cookies \
                    and "no-store" not in response.get("Cache-Control", ""):
                setattr(response, SECONDS_ATTR, getattr(settings, seconds))
            return response

        return wrapped

    return decorate(view) if view is not None else decorate


class PageCacheMiddleware:
    """Answers anonymous GETs of ``@public_page`` pages from the cache (module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)  # only its cookie handling

    def __call__(self, request):
        if settings.GONGKAI_PAGE_CACHE_SECONDS <= 0 or not anonymous_get(request):
            return self.get_response(request)
        key = cache_key(request)  # before rendering: a publish meanwhile makes it stale
        pages = caches["pages"]
        entry = pages.get(key)
        if entry is not None:
            return self.serve(request, entry)
        response = self.get_response(request)
        seconds = min(getattr(response, SECONDS_ATTR, 0), settings.GONGKAI_PAGE_CACHE_SECONDS)
        if seconds > 0 and (entry := stored_entry(request, response)) is not None:
            pages.set(key, entry, seconds)
        return response

    def serve(self, request, entry: tuple) -> HttpResponse:
        content_type, headers, parts, packed, marks = entry
        gzip = packed is not None and bool(
            _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        if marks:
            self.csrf.process_request(request)  # the visitor's CSRF secret, or a new one
            # One token for the whole page, as a rendered page has (the context
            # processor asks once); a new one-time key for each form.
            token = get_token(request).encode() if CSRF_MARK in marks else b""
            values = [token if mark == CSRF_MARK else formkeys.issue(request).encode()
                      for mark in marks]
            if gzip:
                body = gzipparts.join(parts, packed, values)
            else:
                body = b"".join(part + value for part, value
                                in zip(parts[:-1], values, strict=True)) + parts[-1]
        else:
            body = packed[0] if gzip else parts[0]
        response = HttpResponse(body, content_type=content_type)
        for name, value in headers:
            response.headers[name] = value
        if gzip:
            response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(body))
        if marks:
            self.csrf.process_response(request, response)  # sets the cookie if new
        return response


def stored_entry(request, response) -> tuple | None:
    """What the cache keeps of ``response``: None when it must not be shared."""
    vary = {word.strip().lower() for word in response.get("Vary", "").split(",")}
    if response.status_code != 200 or response.streaming \
            or response.has_header("Content-Encoding") \
            or set(response.cookies) - {settings.CSRF_COOKIE_NAME} \
            or not vary - {""} <= HONOURED_VARY:
        return None
    patch_vary_headers(response, ("Accept-Encoding",))
    text, marks = _with_placeholders(request, response.content.decode(response.charset))
    parts = tuple(piece.encode(response.charset) for piece in _MARKS.split(text)[::2])
    if marks:
        packed = gzipparts.pack(list(parts))
    else:  # compressed once and for all; as GZipMiddleware, not when tiny
        packed = (gzipparts.whole(parts[0]),) if len(parts[0]) >= 200 else None
    headers = tuple((name, value) for name, value in response.headers.items()
                    if name.lower() not in _NOT_REPLAYED and name.lower() != "content-type")
    return response["Content-Type"], headers, parts, packed, tuple(marks)


def _with_placeholders(request, text: str) -> tuple[str, list[str]]:
    """``text`` with each per-visitor value replaced by its placeholder, and the
    placeholders in page order. CSRF tokens are found wherever they are printed: every
    64-character word that unmasks to this visitor's secret."""
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        for word in set(_TOKEN_LIKE.findall(text)):
            if _unmask_cipher_token(word) == secret:
                text = text.replace(word, CSRF_MARK)
    for key in formkeys.issued(request):
        text = text.replace(key, KEY_MARK)
    return text, _MARKS.findall(text)
