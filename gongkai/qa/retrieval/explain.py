"""Why an entry matched a question: each term's weight in each field, and the scores.

Computed afresh from the entry's text with the index's statistics and the same formula,
so the staff page shows exactly what the answering did.
"""
from dataclasses import dataclass

from gongkai.qa.retrieval.index import (
    FIELDS,
    EntryDoc,
    QaIndex,
    _saturate,
    _tf_tilde,
    confidence,
    tokens_by_field,
)
from gongkai.qa.retrieval.text import bigrams, canonical


@dataclass
class TermWeight:
    term: str
    idf: float
    known: bool
    counts: dict[str, int]  # field → occurrences
    tf: float  # the field-weighted, length-normalised frequency
    score: float  # idf · tf / (k1 + tf)

    @property
    def matched(self) -> bool:
        return self.score > 0

    @property
    def fields(self) -> list[str]:
        return [f for f in FIELDS if self.counts.get(f)]


@dataclass
class Explanation:
    entry_id: int
    terms: list[TermWeight]
    bm25: float
    ideal: float
    bm25_norm: float
    dice: float
    phrase: str
    shared_bigrams: list[str]
    confidence: float

    @property
    def matched_terms(self) -> list[TermWeight]:
        return [t for t in self.terms if t.matched]


def explain(index: QaIndex, text: str, doc: EntryDoc) -> Explanation:
    query = index.parse(text)
    tokens = tokens_by_field(doc, index.synonyms)
    lengths = {f: len(tokens[f]) for f in FIELDS}
    weights = []
    for term in query.terms:
        counts = {f: tokens[f].count(term) for f in FIELDS if term in tokens[f]}
        tf = _tf_tilde(counts, lengths, index.averages)
        idf = index.idf(term)
        weights.append(TermWeight(term=term, idf=round(idf, 4), known=index.knows(term),
                                  counts=counts, tf=round(tf, 4),
                                  score=round(idf * _saturate(tf), 4)))
    bm25 = sum(w.score for w in weights)
    ideal = index.ideal(query)
    norm = min(1.0, bm25 / ideal) if ideal else 0.0
    dice, phrase, shared = _best_phrase(index, query.bigrams, doc)
    return Explanation(entry_id=doc.id, terms=weights, bm25=round(bm25, 4),
                       ideal=round(ideal, 4), bm25_norm=round(norm, 4), dice=round(dice, 4),
                       phrase=phrase, shared_bigrams=shared,
                       confidence=round(confidence(norm, dice), 4))


def _best_phrase(index: QaIndex, query_grams: frozenset[str], doc: EntryDoc
                 ) -> tuple[float, str, list[str]]:
    best = (0.0, doc.question, [])
    for phrase in (doc.question, *doc.alternatives):
        grams = bigrams(canonical(phrase, index.synonyms)[0])
        if not grams or not query_grams:
            continue
        shared = grams & query_grams
        dice = 2 * len(shared) / (len(grams) + len(query_grams))
        if dice > best[0]:
            best = (dice, phrase, sorted(shared))
    return best

