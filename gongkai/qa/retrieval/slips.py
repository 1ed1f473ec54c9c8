"""Whether a piece of a question may be a word typed with a wrong character of its
sound (设保 for 社保): ``query`` looks each piece of 2–4 characters up by its pinyin, and
reads it as the library's word of that sound only where it is no word the library, the
lexicon or Mandarin grammar knows as typed — not a word as typed, not a part the lexicon
read already, not the end of one word and the start of the next (府公 of 政府公开), not a
verb negated (不交 is no 补交), not a measure word and its noun (条街 of 这条街).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from gongkai.core.text import positions
from gongkai.lexicon.selectors import Lexicon

if TYPE_CHECKING:
    from gongkai.qa.retrieval.query import Query


def may_be_slip(query: Query, piece: str, keys: list[str], lexicon: Lexicon,
                found: list[str], words: list[str]) -> bool:
    """Whether ``piece`` may be a word typed with a wrong character of its sound."""
    if query.df.get(piece) or lexicon.expand(piece) or piece in keys:
        return False  # the piece is a word the library or lexicon knows as typed
    if any(piece in term or term in piece for term in found):
        return False  # the lexicon already read this part of the question
    if _straddles(query.canonical, piece, words):
        return False  # 府公 of 政府公开: the end of one word and the start of the next
    if _negated_verb(query, piece):
        return False  # 不交 of 单位不交社保: the verb negated, not 补交
    # 条街 of 这条街: a measure word and its noun, not 调解.
    return not _measured(query.canonical, piece)


# The negations a verb follows (不交, 没发): 补 and 不 read bu, so 不交 reads as 补交.
NEGATION_CHARS = "不没"


def negated_chars(probes: dict[str, list[str]]) -> set[str]:
    """The characters after a negation in the two-character pieces of ``probes``: their
    counts say whether they are words of their own (``_negated_verb``)."""
    return {p[1] for ps in probes.values() for p in ps
            if len(p) == 2 and p[0] in NEGATION_CHARS}


def _negated_verb(query: Query, piece: str) -> bool:
    """Whether ``piece`` is a negation and a character entries hold as a word of its own
    (不交, 不发, 不修): what the resident says was not done, not a slip for a word
    beginning with 补 (补交, 补发, 补休). A character no entry holds alone (贴 of 护理不贴,
    正 of 被要求不正) is no verb said, and the piece may be the slip (补贴, 补正)."""
    return (len(piece) == 2 and piece[0] in NEGATION_CHARS
            and bool(query.df.get(piece[1])))



# Mandarin counts a noun with a measure word after a number or a pointing word (这条街,
# 一间屋, 几块钱): the measure word belongs to them, and a piece it opens is no word.
_MEASURES = frozenset("条个块张间家件位种次份本辆套所栋层台只笔项")
_COUNTING = frozenset("这那哪一二两三四五六七八九十几每某")


def _measured(text: str, piece: str) -> bool:
    """Whether every place ``piece`` occurs in ``text`` opens with a measure word after
    a number or a pointing word (条街 of 这条街)."""
    places = positions(text, piece)
    return (bool(places) and piece[0] in _MEASURES
            and all(start > 0 and text[start - 1] in _COUNTING for start in places))


def _straddles(text: str, piece: str, words: list[str]) -> bool:
    """Whether every place ``piece`` occurs in ``text`` cuts across a word the library
    or the lexicon knows (overlaps it without holding it whole)."""
    spans = [(m, m + len(w)) for w in words for m in positions(text, w)]
    places = positions(text, piece)
    return bool(places) and all(
        any(start < end_w and start_w < start + len(piece)
            and not (start <= start_w and end_w <= start + len(piece))
            for start_w, end_w in spans)
        for start in places)
