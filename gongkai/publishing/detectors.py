"""Detectors of what must not be published (保密审查 aid): pure functions over text.

Every detector reads a *view* of the text in which each character is NFKC-normalised
(full-width digits become ASCII), converted to simplified script and case-folded, while
remembering where each view character came from; matches are reported as spans of the
ORIGINAL text with the original characters as ``raw``, so a masking service can replace
exactly what was found.

Decisions (documented here because reviewers will ask):

- Resident ID numbers: only the 18-character form with a valid GB 11643 check digit
  (ISO 7064 MOD 11-2, ``X`` for 10), a known province code and a real birth date between
  1900 and today. The 15-digit first-generation form is ignored: it has no check digit
  (so any 15-digit figure would match) and the cards stopped being valid in 2013.
- Mobile numbers: ``1[3-9]`` + 9 digits, optionally written 3-4-4 with spaces or hyphens,
  never part of a longer digit run (so a piece of an ID or a card is not a phone number).
- Bank cards: 16–19 digits (plain or in groups of four) passing Luhn and not already
  an ID number.
- Classification markings: 绝密, 机密, 秘密, 工作秘密 are flagged wherever they occur,
  also inside ordinary phrases such as 保守国家秘密; the reviewer accepts those with a
  reason, which costs a click, while missing a real marking would cost a leak. 内部 is an
  everyday word (内部控制, 内部审计), so it is flagged only as a marking: followed by ★ or
  ☆, by 资料/文件/使用/传阅/刊物/参考/明电/事项, or standing alone in brackets or on a line.
- The configurable word list is matched script- and case-insensitively, and ignoring
  whitespace inside the text (text extracted from PDFs breaks lines inside words).

When matches overlap, the more specific kind wins: ID, then bank card, then mobile,
then classification, then word list; among the same kind, the longer match.
"""
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from gongkai.core.identity import resident_id_valid
from gongkai.core.text import to_simplified


class Kind:
    """Finding kinds; the values equal ``models.FindingKind``."""

    ID_NUMBER = "id_number"
    MOBILE = "mobile"
    BANK_CARD = "bank_card"
    CLASSIFICATION = "classification"
    WORD = "word"


_PRIORITY = [Kind.ID_NUMBER, Kind.BANK_CARD, Kind.MOBILE, Kind.CLASSIFICATION, Kind.WORD]


class Match(NamedTuple):
    kind: str
    start: int  # in the original text
    end: int
    raw: str  # the original characters text[start:end]


# --- the normalised view -------------------------------------------------------------

@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", char)).casefold()


def _view(text: str, *, drop_space: bool = False) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the original index."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if char.isspace() or folded.isspace():
            if drop_space:
                continue
            # Line breaks stay: a bare 内部 line is a marking, 内部 inside a line is not.
            folded = "\n" if char in "\n\r\u2028\u2029" else " "
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return "".join(chars), origin


def _to_match(kind: str, text: str, origin: list[int], start: int, end: int) -> Match:
    first, last = origin[start], origin[end - 1] + 1
    return Match(kind, first, last, text[first:last])


# --- resident ID numbers (GB 11643-1999) ---------------------------------------------

_ID_RE = re.compile(r"(?<![0-9a-z])[0-9]{17}[0-9x](?![0-9a-z])")


def is_valid_id_number(value: str, *, today: dt.date | None = None) -> bool:
    return resident_id_valid(value, today=today)


def find_id_numbers(text: str, *, today: dt.date | None = None) -> list[Match]:
    view, origin = _view(text)
    return [_to_match(Kind.ID_NUMBER, text, origin, m.start(), m.end())
            for m in _ID_RE.finditer(view) if is_valid_id_number(m.group(), today=today)]


# --- mobile numbers -------------------------------------------------------------------

# A plain run only needs to stand alone among digits; a grouped form must also not be
# a group of a longer grouped figure.
_MOBILE_RE = re.compile(
    r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"
    r"|(?<![0-9])(?<![0-9][ -])1[3-9][0-9]([ -])[0-9]{4}\1[0-9]{4}(?![0-9])(?![ -][0-9])"
)


def find_mobiles(text: str) -> list[Match]:
    view, origin = _view(text)
    return [_to_match(Kind.MOBILE, text, origin, m.start(), m.end())
            for m in _MOBILE_RE.finditer(view)]


# --- bank card numbers ----------------------------------------------------------------

_CARD_RE = re.compile(
    r"(?<![0-9a-z])[0-9]{16,19}(?![0-9a-z])"
    r"|(?<![0-9a-z])(?<![0-9][ -])[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1[0-9]{1,3})?"
    r"(?![0-9])(?![ -][0-9])"
)


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit() or not digits:
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def find_bank_cards(text: str) -> list[Match]:
    view, origin = _view(text)
    found = []
    for m in _CARD_RE.finditer(view):
        digits = re.sub(r"[ -]", "", m.group())
        if 16 <= len(digits) <= 19 and luhn_valid(digits):
            found.append(_to_match(Kind.BANK_CARD, text, origin, m.start(), m.end()))
    return found


# --- classification markings ----------------------------------------------------------

_CLASSIFICATION_RE = re.compile(
    r"工作秘密|绝密|机密|秘密"
    r"|内部(?=\s*[★☆*]|资料|文件|使用|传阅|刊物|参考|明电|事项)"
    r"|(?<=[【\[(〔<《])内部(?=[】\])〕>》])"
    r"|^ *内部 *$",
    re.MULTILINE,
)


def find_classification_marks(text: str) -> list[Match]:
    view, origin = _view(text)
    found = []
    for m in _CLASSIFICATION_RE.finditer(view):
        start, end = m.start(), m.end()
        # A bare 内部 line matches with its indentation; report the word only.
        start += len(m.group()) - len(m.group().lstrip())
        end -= len(m.group()) - len(m.group().rstrip())
        found.append(_to_match(Kind.CLASSIFICATION, text, origin, start, end))
    return found


# --- the configurable word list -------------------------------------------------------

def normalize_word(word: str) -> str:
    """The form under which a listed word is compared: folded, no whitespace."""
    return _view(word, drop_space=True)[0]


def find_words(text: str, words: Iterable[str]) -> list[Match]:
    keys = sorted({normalize_word(w) for w in words} - {""}, key=len, reverse=True)
    if not keys:
        return []
    view, origin = _view(text, drop_space=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return [_to_match(Kind.WORD, text, origin, m.start(), m.end())
            for m in pattern.finditer(view)]


# --- all together ---------------------------------------------------------------------

def detect(text: str, *, words: Iterable[str] = (), today: dt.date | None = None
           ) -> list[Match]:
    """Every match in ``text``, without overlaps, in text order."""
    if not text:
        return []
    candidates = [
        *find_id_numbers(text, today=today), *find_bank_cards(text), *find_mobiles(text),
        *find_classification_marks(text), *find_words(text, words),
    ]
    candidates.sort(key=lambda m: (_PRIORITY.index(m.kind), -(m.end - m.start), m.start))
    kept: list[Match] = []
    for match in candidates:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


# --- masking --------------------------------------------------------------------------

def _mask_digits(raw: str, keep_first: int, keep_last: int) -> str:
    """Replace the digits of ``raw`` except the first and last ones by ``*``, keeping
    the separators where they were."""
    positions = [i for i, c in enumerate(raw) if _fold_char(c).isalnum()]
    hidden = set(positions[keep_first:len(positions) - keep_last])
    return "".join("*" if i in hidden else _fold_char(c).upper() if i in positions else c
                   for i, c in enumerate(raw))


def mask(kind: str, raw: str) -> str:
    """The masked form that replaces ``raw`` in published text.

    ID 4401**********1234 (first 4, last 4), mobile 138****5678 (first 3, last 4),
    card 6222 **** **** 1234 (first 4, last 4, in groups of four), markings and listed
    words by one ``*`` per character.
    """
    if kind == Kind.ID_NUMBER:
        return _mask_digits(raw, 4, 4)
    if kind == Kind.MOBILE:
        return _mask_digits(raw, 3, 4)
    if kind == Kind.BANK_CARD:
        digits = "".join(_fold_char(c) for c in raw if _fold_char(c).isdigit())
        stars = "*" * (len(digits) - 8)
        groups = [stars[i:i + 4] for i in range(0, len(stars), 4)]
        return " ".join([digits[:4], *groups, digits[-4:]])
    return "*" * len(raw)
