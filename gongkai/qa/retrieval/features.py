"""What the index keeps of one entry, computed from its text alone (no database): the
words of each field with their counts, the field lengths, and each phrasing's pinyin
bigrams. Scoring constants live here too, beside the weights they shape.

BM25F, for a word t and an entry d:

    tf~(t, d) = Σ_field  w_field · tf_field(t, d) / (1 − b + b · len_field(d) / avglen_field)
    weight(t, d) = tf~ / (k1 + tf~)        (stored in QaPosting)
    score(d)     = Σ_t idf(t) · weight(t, d),   idf(t) = ln(1 + (N − df + ½) / (df + ½))

with the question weighted most, the other phrasings next, the answer least.
"""
from collections import Counter
from dataclasses import dataclass

from gongkai.qa.retrieval.text import (
    canonical,
    entry_terms,
    grams,
    question_terms,
    word_pinyin,
)

FIELD_WEIGHTS = {"question": 3.0, "alternatives": 2.0, "answer": 0.5}
FIELDS = tuple(FIELD_WEIGHTS)
K1, B = 1.2, 0.75
GRAM_PREFIX = "~"


@dataclass(frozen=True)
class EntryText:
    id: int
    question: str
    alternatives: tuple[str, ...] = ()
    answer: str = ""

    @property
    def phrases(self) -> tuple[str, ...]:
        return (self.question, *self.alternatives)


@dataclass
class EntryFeatures:
    counts: dict[str, dict[str, int]]  # word → field → occurrences
    lengths: dict[str, int]
    phrase_grams: list[frozenset[str]]
    question_words: list[str]

    @property
    def keys(self) -> list[str]:
        """Every QaTerm key this entry counts once: its words and its bigrams."""
        found = dict.fromkeys(self.counts)
        for phrase in self.phrase_grams:
            found.update(dict.fromkeys(GRAM_PREFIX + g for g in phrase))
        return list(found)


def entry_features(doc: EntryText) -> EntryFeatures:
    words = {"question": entry_terms(canonical(doc.question)),
             "alternatives": [w for a in doc.alternatives for w in entry_terms(canonical(a))],
             "answer": entry_terms(canonical(doc.answer))}
    counts: dict[str, dict[str, int]] = {}
    for field in FIELDS:
        for word, n in Counter(words[field]).items():
            counts.setdefault(word, {})[field] = n
    return EntryFeatures(counts=counts, lengths={f: len(words[f]) for f in FIELDS},
                         phrase_grams=[grams(canonical(p)) for p in doc.phrases],
                         question_words=question_terms(canonical(doc.question)))


def saturate(tf: float) -> float:
    return tf / (K1 + tf)


def weight(counts: dict[str, int], lengths: dict[str, int], averages: dict[str, float]
           ) -> float:
    tf = sum(FIELD_WEIGHTS[f] * n / (1 - B + B * lengths[f] / (averages.get(f) or 1))
             for f, n in counts.items() if n)
    return saturate(tf)


def key_pinyin(key: str) -> str:
    return "" if key.startswith(GRAM_PREFIX) else word_pinyin(key)
