"""Chinese text helpers shared by every module."""
import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

_WHITESPACE = re.compile(r"\s+")
# Artefacts of machine conversion to traditional that t2s cannot undo, because the
# traditional form is itself a valid character: 谘询 stays 谘询, though the simplified
# original wrote 咨询.
_ARTEFACTS = {"谘询": "咨询", "谘商": "咨商"}
_ARTEFACT_RE = re.compile("|".join(map(re.escape, _ARTEFACTS)))


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")


def to_simplified(text: str) -> str:
    """Traditional → simplified, so that either script finds the other.

    OpenCC's t2s also repairs most artefacts of machine conversion to traditional
    (方麵, 製度, 係統); the few it cannot are fixed from ``_ARTEFACTS``. Short strings
    (names, queries) are cached; whole documents are not, so the cache stays small.
    """
    if not text:
        return text
    if len(text) <= 80:
        return _to_simplified_cached(text)
    return _convert(text)


@lru_cache(maxsize=65536)
def _to_simplified_cached(text: str) -> str:
    return _convert(text)


def _convert(text: str) -> str:
    return _ARTEFACT_RE.sub(lambda m: _ARTEFACTS[m.group(0)], _t2s().convert(text))


def to_traditional(text: str) -> str:
    return _s2t().convert(text) if text else text


def normalize(text: str) -> str:
    """NFKC (full-width digits and brackets become ASCII), simplified, single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    return _WHITESPACE.sub(" ", to_simplified(text)).strip()


def name_key(name: str) -> str:
    """The key under which unit and group names are matched: normalised, no spaces or
    punctuation, so 区发展改革局 matches 區發展改革局 and 区发展改革局 ."""
    return re.sub(r"[\s，,、。.;；:：()（）\"'“”]", "", normalize(name))


def positions(text: str, word: str) -> list[int]:
    """Every place ``word`` starts in ``text``, overlapping ones included."""
    found, start = [], text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + 1)
    return found
