"""Questions and entries cut into the units the index counts.

Both sides pass through the same steps: ``normalize`` (NFKC, traditional → simplified),
the synonym table (生娃 → 生育, longest first, on the text before it is segmented, so a
colloquial word the dictionary splits is still caught), then the policy segmenter.
Entries keep the dictionary words inside longer words (社会保险 also counts as 社会 and
保险); questions use the precise cut, whose words are therefore all found in entries.
"""
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from gongkai.core.text import normalize
from gongkai.policies.text import SPACE, SUB_CLOSE, SUB_OPEN, query_terms, segment

# Words that say "this is a question" rather than what it is about. Dropped from the
# question's terms and bigrams (an entry may keep them: they cost little there).
FILLER_WORDS = frozenset(
    "请问 你好 您好 想问 问问 一下 我 我们 我家 咱 吗 呢 啊 吧 呀 哦 嘛 么 的 了 是 有 "
    "能 能不能 可以 可不可以 什么 怎么 怎么样 怎样 如何 哪里 哪些 哪儿 多少 谁 要 "
    "需要 还 也 都 就 在 给 会 该 应该 这个 那个 现在".split())
# Sentence-final particles are dropped as characters too: they sit inside few words.
_FILLER_RE = re.compile("|".join([*sorted((re.escape(w) for w in FILLER_WORDS if len(w) > 1),
                                          key=len, reverse=True), "[吗呢啊吧呀嘛哦]"]))
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


@dataclass(frozen=True)
class SynonymTable:
    """``term → canonical``; an empty table changes nothing."""

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, str]) -> "SynonymTable":
        cleaned = {normalize(k).lower(): normalize(v).lower() for k, v in mapping.items()}
        return cls(tuple(sorted((k, v) for k, v in cleaned.items() if k and v and k != v)))

    @property
    def pattern(self) -> re.Pattern | None:
        return _compile(self.pairs)

    def apply(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with every synonym replaced, and the replacements made."""
        pattern = self.pattern
        if pattern is None:
            return text, []
        mapping = dict(self.pairs)
        used: list[tuple[str, str]] = []

        def swap(match: re.Match) -> str:
            found = match.group(0)
            if found not in mapping:  # a canonical word, kept as it is
                return found
            pair = (found, mapping[found])
            if pair not in used:
                used.append(pair)
            return pair[1]

        return pattern.sub(swap, text), used


@lru_cache(maxsize=8)
def _compile(pairs: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    if not pairs:
        return None
    # Canonical words are matched too (and kept), so 公积金 → 住房公积金 leaves 住房公积金
    # alone instead of making it 住房住房公积金.
    words = sorted({re.escape(w) for pair in pairs for w in pair}, key=len, reverse=True)
    return re.compile("|".join(words))


def canonical(text: str, synonyms: SynonymTable) -> tuple[str, list[tuple[str, str]]]:
    """Normalised, lower-case text with the synonyms applied."""
    return synonyms.apply(normalize(text).lower())


def entry_terms(text: str) -> list[str]:
    """The terms of (already canonical) entry text, repeats kept, sub-words included."""
    flat = segment(text).replace(SUB_OPEN, " ").replace(SUB_CLOSE, " ").replace(SPACE, " ")
    return [t for t in flat.split(" ") if t and _NOT_WORD.sub("", t)]


def question_terms(text: str) -> list[str]:
    """The distinct content terms of (already canonical) question text."""
    terms = query_terms(text)
    content = [t for t in terms if t not in FILLER_WORDS]
    return content or terms


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of (already canonical) text without fillers or punctuation; a
    single character counts as itself so that one-character questions still compare."""
    core = _NOT_WORD.sub("", _FILLER_RE.sub(" ", text))
    if len(core) < 2:
        return frozenset([core]) if core else frozenset()
    return frozenset(core[i:i + 2] for i in range(len(core) - 1))
