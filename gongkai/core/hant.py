"""Content in traditional characters for readers who chose 繁體中文.

The interface comes translated from the zh_Hant catalogue; the content (policy titles
and bodies, answers, notices, consultation texts) is stored as entered, in simplified
characters. ``TraditionalContentMiddleware`` converts every HTML page served in zh-hant
with OpenCC, so no template needs to know: one mechanism for all of them.

OpenCC's ``s2hk`` is used (characters, with Hong Kong's standard forms), not ``s2twp``:
the texts are legal and official, and s2twp also swaps vocabulary (信息 → 資訊, 发布 →
釋出, 信息安全 → 資訊保安), which would rename the very terms a regulation defines. The
district's traditional-script readers are mostly its neighbours in Hong Kong and Macau;
readers in Taiwan read these forms without trouble.

What a person typed and may save again is never converted, so editing a page in
繁體 does not rewrite the text: form field values and ``<textarea>`` contents, the text
of an ``<option>`` without a value (the text is then its value), scripts and styles;
nor is text marked as another language (``lang="zh-Hans"``, ``lang="en"``).
Of the attributes, only those a person reads are converted (``title``, ``alt``,
``placeholder``, ``aria-label`` …); URLs, names and values stay as they are.
"""
import re
from functools import lru_cache

from opencc import OpenCC

CONFIG = "s2hk"
_CJK = re.compile("[\u3400-\u9fff]")
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|[^<]+|<",
    re.S,
)
_ATTRIBUTE = re.compile(r"""(\s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)(\s*=\s*)("[^"]*"|'[^']*')""")
_READ_ATTRIBUTES = frozenset({
    "title", "alt", "placeholder", "aria-label", "aria-description",
    "aria-roledescription", "label", "data-confirm",
})
# OpenCC's segmentation slips seen in this platform's texts, put right after converting:
# 并发布 (and publish) is cut as 并发 (concurrency) + 布.
_CORRECTIONS = {"併發布": "並發佈", "併發佈": "並發佈", "點贊": "點讚"}
_CORRECTION_RE = re.compile("|".join(map(re.escape, _CORRECTIONS)))
# Elements whose content is never converted: code, styles, what is typed, and text
# declared to be in another language (the switcher's 简体中文, English).
_RAW = frozenset({"script", "style", "textarea"})
_VALUE = re.compile(r"\svalue\s*=")
_LANG = re.compile(r"""\slang\s*=\s*["']?([-a-zA-Z]+)""")


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC(CONFIG)


def _convert(text: str) -> str:
    converted = _converter().convert(text)
    return _CORRECTION_RE.sub(lambda m: _CORRECTIONS[m.group(0)], converted)


@lru_cache(maxsize=50_000)
def _convert_piece(text: str) -> str:
    return _convert(text)


def to_hant(text: str) -> str:
    """``text`` in traditional characters (s2hk). Pieces of up to 2,000 characters —
    menus, labels, titles, paragraphs — are remembered, so the interface and pages read
    again cost a lookup; the pure-Python OpenCC is slow on long text."""
    if not text or not _CJK.search(text):
        return text
    if len(text) <= 2000:
        return _convert_piece(text)
    return _convert(text)


def _convert_attributes(attributes: str) -> str:
    def one(match: re.Match) -> str:
        space, name, equals, value = match.groups()
        if name.lower() in _READ_ATTRIBUTES:
            value = value[0] + to_hant(value[1:-1]) + value[-1]
        return f"{space}{name}{equals}{value}"

    return _ATTRIBUTE.sub(one, attributes) if _CJK.search(attributes) else attributes


def _starts_raw(name: str, attributes: str) -> bool:
    """Whether an element's content is left as it is (see the module doc)."""
    if name in _RAW:
        return True
    if name == "option" and not _VALUE.search(attributes):
        return True
    lang = _LANG.search(attributes)
    return bool(lang) and not lang.group(1).lower().startswith("zh-hant")


def html_to_hant(html: str) -> str:
    """``html`` with its readable text in traditional characters (see the module doc)."""
    out: list[str] = []
    raw, depth = None, 0  # the element whose content is left as it is, and its nesting
    for match in _TOKEN.finditer(html):
        token = match.group(0)
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        lower = name.lower() if name else None
        if raw is not None:
            if lower == raw:
                depth += -1 if closing else (0 if attributes.rstrip().endswith("/") else 1)
                if depth == 0:
                    raw = None
            out.append(token)
        elif name is None:
            out.append(token if token.startswith("<") else to_hant(token))
        else:
            if not closing and _starts_raw(lower, attributes):
                raw, depth = lower, 1
            out.append(f"<{closing}{name}{_convert_attributes(attributes)}>")
    return "".join(out)


# Pages served again unchanged (the public page cache's, for one) are converted once:
# the last few hundred converted pages up to this size are remembered.
_REMEMBERED_PAGE_BYTES = 256 * 1024


@lru_cache(maxsize=256)
def _page_to_hant(content: bytes, charset: str) -> bytes:
    return html_to_hant(content.decode(charset)).encode(charset)


class TraditionalContentMiddleware:
    """Converts HTML responses to traditional characters when the language is zh-hant.

    Placed below GZipMiddleware, so it sees the page before it is compressed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "LANGUAGE_CODE", None) != "zh-hant" or \
                not self._is_html_page(response):
            return response
        charset = response.charset or "utf-8"
        content = response.content
        if len(content) <= _REMEMBERED_PAGE_BYTES:
            response.content = _page_to_hant(content, charset)
        else:
            response.content = html_to_hant(content.decode(charset)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def _is_html_page(response) -> bool:
        return (not response.streaming
                and response.get("Content-Type", "").startswith("text/html")
                and not response.has_header("Content-Encoding")
                and "attachment" not in response.get("Content-Disposition", ""))
