"""Chinese text helpers shared by every module."""
import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional → simplified, so that either script finds the other.

    Also repairs artefacts that machine conversion to traditional leaves behind and the
    reverse conversion keeps (方麵 → 方面 through 麵 → 面 is correct; 係統 → 系统 is not
    always): OpenCC's t2s handles the common ones.
    """
    return _t2s().convert(text) if text else text


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
