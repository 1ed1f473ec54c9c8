"""Pinyin-input typos: a word typed with a wrong character of the same sound (公组房 for
公租房, 医宝 for 医保, 电题 for 电梯).

A pinyin input method offers every character of a syllable; picking the neighbour of
the right one gives a string that is no word, or a word the library never uses. For such
a stretch of a query, ``corrections`` tries each character's homophones (the same
toneless pinyin, from ``data/homophones.txt``, made by ``make_homophones``), one
character at a time, and keeps the strings that are words of the segmenter's
dictionary or of the lexicon. The caller keeps those the library holds.
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
def _homophones() -> dict[str, str]:
    """character → the other characters that share one of its readings."""
    by_char: dict[str, set[str]] = {}
    if not HOMOPHONES_FILE.exists():  # pragma: no cover — the file ships with the code
        return {}
    for line in HOMOPHONES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or " " not in line:
            continue
        chars = line.split(" ", 1)[1]
        for char in chars:
            by_char.setdefault(char, set()).update(chars)
    return {char: "".join(sorted(others - {char})) for char, others in by_char.items()}


def corrections(span: str, is_word) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word of ``WORD_LENGTHS`` characters that ``span``
    becomes by changing one character to a homophone, for which ``is_word(word)``;
    longer words first, then left to right."""
    homophones = _homophones()
    span = span[:MAX_SPAN]
    found = []
    for length in WORD_LENGTHS:
        for start in range(len(span) - length + 1):
            window = span[start:start + length]
            for i, char in enumerate(window):
                for other in homophones.get(char, ""):
                    candidate = window[:i] + other + window[i + 1:]
                    if is_word(candidate):
                        found.append((start, start + length, candidate))
    return found


def dictionary_word(word: str) -> bool:
    """Whether ``word`` is a word of the segmenter's dictionary."""
    return ptext.is_dictionary_word(word)
