"""Pinyin-input typos: a word typed with a wrong character of the same sound (公组房 for
公租房, 医宝 for 医保, 电题 for 电梯).

A pinyin input method offers every character of a syllable; picking the neighbour of
the right one gives a string that is no word, or a word the library never uses. For such
a stretch of a query, ``corrections`` tries each character's homophones (the same
toneless pinyin, from ``data/homophones.txt``, made by ``make_homophones``), one
character at a time, and keeps the strings that are words of the segmenter's
dictionary or of the lexicon (for a typed dictionary word, read as the typed character
sounds there: ``_sounds_as``). The caller keeps those the library holds.
"""
from functools import lru_cache
from pathlib import Path

from gongkai.policies import text as ptext

HOMOPHONES_FILE = Path(__file__).resolve().parents[1] / "data" / "homophones.txt"
# Characters that stand alone in colloquial questions (去哪找, 要不要): a stretch of them
# is no typo, and a correction must change a character that is not one.
FILLERS = frozenset("去哪找要想做能会让给把被在有是没很都也还就吗呢啊吧呀了的地得着过啥咋谁几多少怎么"
                    "这那个些我你他她它们咱俺嘛哦喔呗啦哈吃拿来到说看问")
# A dictionary word the library lacks is read as a homophone only when that is at least
# this many times as frequent in jieba's counts (人材 50 → 人才 8,742; 建义 2 → 建议
# 9,327; not 火星 497 → 活性 559, nor 一辆 1,161 → 一量 3).
USUAL_RATIO = 20
# The longest stretch tried, in characters, and the word lengths looked for in it.
MAX_SPAN = 8
WORD_LENGTHS = (4, 3, 2)


@lru_cache(maxsize=1)
def _readings() -> dict[str, frozenset[str]]:
    """character → its readings (toneless), as the homophones file groups them."""
    by_char: dict[str, set[str]] = {}
    if not HOMOPHONES_FILE.exists():  # pragma: no cover — the file ships with the code
        return {}
    for line in HOMOPHONES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or " " not in line:
            continue
        reading, chars = line.split(" ", 1)
        for char in chars:
            by_char.setdefault(char, set()).add(reading)
    return {char: frozenset(found) for char, found in by_char.items()}


@lru_cache(maxsize=4096)
def _word_reading(word: str) -> tuple[str, ...]:
    """``word``'s toneless pinyin, each character as the word reads it (pypinyin's
    phrases: 长 of 长者 is zhang, 无 of 无法 wu)."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(word, style=Style.NORMAL))


def reading_of(text: str) -> tuple[str, ...]:
    """``text``'s toneless pinyin, a syllable a character (as ``_word_reading``)."""
    return _word_reading(text)


def _sounds_as(typed: str, word: str, i: int) -> bool:
    """Whether the ``i``-th character of ``word`` is read, in that word, with a reading
    of the character ``typed`` in its place: what a pinyin input method offers for the
    syllable typed. Two characters may share only a rare reading (无 is also mó, of 南无;
    魔 only mó): 魔法 typed is no slip for 无法 (wú fǎ), whose 无 the method offers
    under wu, not mo. A character of one reading is read so in every word (no need to
    ask the phrase dictionary)."""
    readings = _readings()
    theirs = readings.get(word[i], frozenset())
    if len(theirs) <= 1:
        return True
    reading = _word_reading(word)
    if len(reading) != len(word):
        return True  # (not all characters: no reading per character to compare)
    return reading[i] in readings.get(typed, frozenset())


@lru_cache(maxsize=1)
def _homophones() -> dict[str, str]:
    """character → the other characters that share one of its readings (``_readings``
    turned around: the file is read once)."""
    readings = _readings()
    by_reading: dict[str, set[str]] = {}
    for char, found in readings.items():
        for reading in found:
            by_reading.setdefault(reading, set()).add(char)
    return {char: "".join(sorted(set().union(*(by_reading[r] for r in found)) - {char}))
            for char, found in readings.items()}


def corrections(span: str, is_word, *, strict: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word of ``WORD_LENGTHS`` characters that ``span``
    becomes by changing one character to a homophone, for which ``is_word(word)``;
    longer words first, then left to right. ``strict``: ``span`` is a word of the
    dictionary, mostly meant as typed — only a word in which the new character is read
    as the typed one sounds (``_sounds_as``: not 魔法 → 无法 through 无's rare mó). A
    string that is no word is a slip of something, and any reading the two characters
    share will do (缓助 → 援助, 援 being also huán)."""
    homophones = _homophones()
    span = span[:MAX_SPAN]
    found = []
    for length in WORD_LENGTHS:
        for start in range(len(span) - length + 1):
            window = span[start:start + length]
            for i, char in enumerate(window):
                for other in homophones.get(char, ""):
                    candidate = window[:i] + other + window[i + 1:]
                    if is_word(candidate) and (not strict or _sounds_as(char, candidate, i)):
                        found.append((start, start + length, candidate))
    return found


def whole_corrections(span: str, is_word, at: range | None = None, *,
                      strict: bool = True) -> list[str]:
    """The words ``span`` becomes, whole, by changing one character (one of those
    ``at``, else any) to a homophone, for which ``is_word(word)`` (``strict``: as
    ``corrections``)."""
    homophones = _homophones()
    found = []
    for i in at or range(len(span)):
        for other in homophones.get(span[i], ""):
            candidate = span[:i] + other + span[i + 1:]
            if is_word(candidate) and (not strict or _sounds_as(span[i], candidate, i)):
                found.append(candidate)
    return found


def dictionary_word(word: str) -> bool:
    """Whether ``word`` is a word of the segmenter's dictionary."""
    return ptext.is_dictionary_word(word)
