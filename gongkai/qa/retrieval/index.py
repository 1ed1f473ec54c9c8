"""The in-memory index of one process: BM25F over three fields plus a bigram similarity.

Scoring, for the terms t of a question and an entry d:

    tf~(t, d) = Σ_field  w_field · tf_field(t, d) / (1 − b + b · len_field(d) / avglen_field)
    bm25(d)   = Σ_t  idf(t) · tf~ / (k1 + tf~),   idf(t) = ln(1 + (N − df + ½) / (df + ½))

with the question weighted most, the other phrasings next, the answer least. BM25 has
no upper bound, so it is divided by what a perfect match in the question field would
score (terms the library never uses count at half weight: asking about something the
library does not know lowers the confidence). The Dice coefficient of character bigrams
between the question and the entry's closest phrasing catches short, colloquial
questions that segment badly. ``confidence`` mixes the two into 0–1.

Only the postings of rare terms and bigrams (at most ``max(2000, N/20)`` entries each)
are walked to find candidates; the full score of the best few hundred is then read from
each entry's own sorted term list. That keeps a question at 100,000 entries in the
milliseconds while every candidate still gets the exact score.
"""
import heapq
import math
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from gongkai.qa.retrieval.text import (
    SynonymTable,
    bigrams,
    canonical,
    entry_terms,
    question_terms,
)

FIELD_WEIGHTS = {"question": 3.0, "alternatives": 2.0, "answer": 0.5}
FIELDS = tuple(FIELD_WEIGHTS)
K1, B = 1.2, 0.75
UNKNOWN_WEIGHT = 0.5
BM25_SHARE = 0.6  # the rest of the confidence is the bigram similarity
NEAR_VERBATIM = 0.8  # a Dice at least this high is the confidence by itself
CANDIDATES = 150


@dataclass(frozen=True)
class EntryDoc:
    """What the index needs of an entry (the answer only while building)."""

    id: int
    question: str
    alternatives: tuple[str, ...] = ()
    answer: str = ""


@dataclass
class Hit:
    id: int
    question: str
    confidence: float
    bm25: float
    bm25_norm: float
    dice: float
    phrase: str


@dataclass
class Query:
    text: str
    canonical: str
    terms: list[str]
    synonyms: list[tuple[str, str]]
    bigrams: frozenset[str] = field(default_factory=frozenset)


def _norm_factor(length: int, average: float) -> float:
    return 1 - B + B * length / (average or 1)


def _tf_tilde(counts: dict[str, int], lengths: dict[str, int], averages: dict[str, float]
              ) -> float:
    return sum(FIELD_WEIGHTS[f] * counts.get(f, 0) / _norm_factor(lengths[f], averages[f])
               for f in FIELDS if counts.get(f))


def _saturate(tf: float) -> float:
    return tf / (K1 + tf)


def tokens_by_field(doc: EntryDoc, synonyms: SynonymTable) -> dict[str, list[str]]:
    alternatives: list[str] = []
    for phrase in doc.alternatives:
        alternatives.extend(entry_terms(canonical(phrase, synonyms)[0]))
    return {"question": entry_terms(canonical(doc.question, synonyms)[0]),
            "alternatives": alternatives,
            "answer": entry_terms(canonical(doc.answer, synonyms)[0])}


class QaIndex:
    """Built once from the published entries; read by any number of questions."""

    def __init__(self, docs: Iterable[EntryDoc], synonyms: SynonymTable, version: int = 0):
        self.version = version
        self.synonyms = synonyms
        self.ids: list[int] = []
        self.questions: list[str] = []
        self._term_ids: dict[str, int] = {}
        self._postings: list[tuple[array, array]] = []
        self._forward: list[tuple[array, array]] = []
        self._bigram_ids: dict[str, int] = {}
        self._bigram_postings: list[array] = []
        self._phrases: list[str] = []
        self._phrase_bigrams: list[array] = []
        self._phrase_start = array("i", [0])
        self._build(docs)

    # -- building ------------------------------------------------------------------
    def _build(self, docs: Iterable[EntryDoc]) -> None:
        sequences, totals = [], dict.fromkeys(FIELDS, 0)
        for doc in docs:
            tokens = tokens_by_field(doc, self.synonyms)
            sequences.append(tuple(array("i", map(self._term_id, tokens[f])) for f in FIELDS))
            for f in FIELDS:
                totals[f] += len(tokens[f])
            self.ids.append(doc.id)
            self.questions.append(doc.question)
            self._add_phrases(len(self.ids) - 1, (doc.question, *doc.alternatives))
        self.size = len(self.ids)
        self.averages = {f: totals[f] / (self.size or 1) for f in FIELDS}
        self._postings = [(array("i"), array("f")) for _t in self._term_ids]
        for index, sequence in enumerate(sequences):
            self._index_doc(index, sequence)
        self.cap = max(2000, self.size // 20)

    def _term_id(self, term: str) -> int:
        found = self._term_ids.get(term)
        if found is None:
            found = self._term_ids[term] = len(self._term_ids)
        return found

    def _index_doc(self, index: int, sequence: tuple[array, ...]) -> None:
        lengths = {f: len(s) for f, s in zip(FIELDS, sequence, strict=True)}
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        for f, terms in zip(FIELDS, sequence, strict=True):
            for term_id, n in Counter(terms).items():
                counts[term_id][f] = n
        ordered = sorted(counts)
        sats = array("f", (_saturate(_tf_tilde(counts[t], lengths, self.averages))
                           for t in ordered))
        for term_id, sat in zip(ordered, sats, strict=True):
            docs, weights = self._postings[term_id]
            docs.append(index)
            weights.append(sat)
        self._forward.append((array("i", ordered), sats))

    def _add_phrases(self, index: int, phrases: Iterable[str]) -> None:
        for phrase in phrases:
            grams = bigrams(canonical(phrase, self.synonyms)[0])
            ids = array("i", sorted(self._bigram_id(g) for g in grams))
            for gram_id in ids:
                self._bigram_postings[gram_id].append(len(self._phrases))
            self._phrases.append(phrase)
            self._phrase_bigrams.append(ids)
        self._phrase_start.append(len(self._phrases))

    def _bigram_id(self, gram: str) -> int:
        found = self._bigram_ids.get(gram)
        if found is None:
            found = self._bigram_ids[gram] = len(self._bigram_ids)
            self._bigram_postings.append(array("i"))
        return found

    # -- reading -------------------------------------------------------------------
    def idf(self, term: str) -> float:
        term_id = self._term_ids.get(term)
        df = len(self._postings[term_id][0]) if term_id is not None else 0
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def knows(self, term: str) -> bool:
        return term in self._term_ids

    def parse(self, text: str) -> Query:
        canon, used = canonical(text, self.synonyms)
        return Query(text=text, canonical=canon, terms=question_terms(canon), synonyms=used,
                     bigrams=bigrams(canon))

    def ideal(self, query: Query) -> float:
        """What a perfect match of every term in the question field would score."""
        perfect = _saturate(FIELD_WEIGHTS["question"])
        return sum(self.idf(t) * perfect * (1 if t in self._term_ids else UNKNOWN_WEIGHT)
                   for t in query.terms)

    def search(self, text: str, *, limit: int = 5) -> tuple[Query, list[Hit]]:
        """The best ``limit`` entries for ``text``, most confident first."""
        query = self.parse(text)
        if not self.size or not (query.terms or query.bigrams):
            return query, []
        terms = [(self._term_ids[t], self.idf(t)) for t in query.terms if t in self._term_ids]
        gram_ids = {self._bigram_ids[g] for g in query.bigrams if g in self._bigram_ids}
        candidates = self._term_candidates(terms) | self._bigram_candidates(gram_ids)
        ideal = self.ideal(query)
        hits = [self._hit(d, terms, gram_ids, len(query.bigrams), ideal) for d in candidates]
        hits = [h for h in hits if h.confidence > 0]
        return query, heapq.nlargest(limit, hits, key=lambda h: (h.confidence, -h.id))

    def _term_candidates(self, terms: list[tuple[int, float]]) -> set[int]:
        if not terms:
            return set()
        rare = [t for t in terms if len(self._postings[t[0]][0]) <= self.cap]
        if not rare:
            rare = [min(terms, key=lambda t: len(self._postings[t[0]][0]))]
        partial: dict[int, float] = defaultdict(float)
        for term_id, idf in rare:
            docs, sats = self._postings[term_id]
            for doc, sat in zip(docs, sats, strict=True):
                partial[doc] += idf * sat
        return set(heapq.nlargest(CANDIDATES, partial, key=partial.__getitem__))

    def _bigram_candidates(self, gram_ids: set[int]) -> set[int]:
        rare = [g for g in gram_ids if len(self._bigram_postings[g]) <= self.cap]
        overlap: Counter[int] = Counter()
        for gram_id in rare:
            overlap.update(self._bigram_postings[gram_id])
        phrases = heapq.nlargest(CANDIDATES, overlap, key=overlap.__getitem__)
        return {self._entry_of_phrase(p) for p in phrases}

    def _entry_of_phrase(self, phrase: int) -> int:
        return bisect_left(self._phrase_start, phrase + 1) - 1

    def _bm25(self, doc: int, terms: list[tuple[int, float]]) -> float:
        ids, sats = self._forward[doc]
        score = 0.0
        for term_id, idf in terms:
            at = bisect_left(ids, term_id)
            if at < len(ids) and ids[at] == term_id:
                score += idf * sats[at]
        return score

    def _dice(self, doc: int, gram_ids: set[int], query_size: int) -> tuple[float, str]:
        best, phrase = 0.0, self.questions[doc]
        for p in range(self._phrase_start[doc], self._phrase_start[doc + 1]):
            grams = self._phrase_bigrams[p]
            if not grams or not query_size:
                continue
            shared = sum(1 for g in grams if g in gram_ids)
            dice = 2 * shared / (len(grams) + query_size)
            if dice > best:
                best, phrase = dice, self._phrases[p]
        return best, phrase

    def _hit(self, doc: int, terms, gram_ids: set[int], query_size: int, ideal: float) -> Hit:
        bm25 = self._bm25(doc, terms)
        norm = min(1.0, bm25 / ideal) if ideal else 0.0
        dice, phrase = self._dice(doc, gram_ids, query_size)
        return Hit(id=self.ids[doc], question=self.questions[doc],
                   confidence=round(confidence(norm, dice), 4), bm25=round(bm25, 4),
                   bm25_norm=round(norm, 4), dice=round(dice, 4), phrase=phrase)


def confidence(bm25_norm: float, dice: float) -> float:
    mixed = BM25_SHARE * bm25_norm + (1 - BM25_SHARE) * dice
    return min(1.0, max(mixed, dice if dice >= NEAR_VERBATIM else 0.0))
