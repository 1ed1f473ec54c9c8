"""Answering a question from the index in the database.

1. The question is normalised and cut into content words (``text``). Each word becomes
   a *group*: the word itself and what the lexicon says it means (``gongkai.lexicon``,
   e.g. 娃 → 孩子, 子女), each with a weight; lexicon words a segmenter cuts apart
   (廉租房) are found in the text and replace their pieces. A piece of 2–4 characters
   that no entry holds but that reads like a word the library has (设保 / 社保, same
   pinyin) brings that word in: a slip of the pinyin input method.
2. Candidates: the entries holding the groups' rarer words (one aggregate query), and
   the phrasings sharing the most pinyin bigrams with the question (another).
3. Each candidate is scored exactly:

       bm25(d)  = Σ_group  max_word  w_word · idf(word) · weight(word, d)
       ideal    = Σ_group  max_known_word  w_word · idf(word) · weight_perfect
       norm     = min(1, bm25 / ideal)
       dice(d)  = max over the entry's phrasings p: 2·|p ∩ q| / (|p| + |q|)   (bigrams)
       confidence = 0.6 · norm + 0.4 · dice, or dice alone when dice ≥ 0.8

   A group none of whose words any entry holds counts in ``ideal`` at half the weight
   of a word found in one entry: asking about something the library does not know
   lowers the confidence, as it should.

Queries per question: seven on PostgreSQL, eight on SQLite (the lexicon's stamp, the
words' counts, the library size, the candidates, their postings and bigrams, their
indexed rows, the counts of their questions' words, the text of the best), each on an
index; nothing is held in memory between questions but the lexicon.
"""
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, Sum, Value, When
from django.db.models.functions import Cast

from gongkai.lexicon.selectors import Lexicon, current_lexicon
from gongkai.qa.models import QaEntry, QaGram, QaIndexedEntry, QaPosting, QaTerm
from gongkai.qa.retrieval.features import FIELD_WEIGHTS, GRAM_PREFIX, saturate
from gongkai.qa.retrieval.scope import coverage, out_of_scope
from gongkai.qa.retrieval.store import stats_row
from gongkai.qa.retrieval.text import (
    GENERIC_WORDS,
    canonical,
    content_words,
    grams,
    pinyin_probes,
    question_terms,
)

QUESTION_MAX = 200
UNKNOWN_WEIGHT = 0.5
TYPO_WEIGHT = 0.8
# The ranking: how much each feature counts (chosen on the dev split of the bench's
# blind questions; the question's own words count most).
RANK_WEIGHTS = {"norm": 1.0, "dice": 0.4, "cover": 0.2}
# The confidence that the first entry answers the question: logistic regression (right
# entry or not) fitted on the tuning splits' first matches, ``bench/qa/run.py --fit``.
CONFIDENCE_WEIGHTS = {"bias": -1.89, "norm": 2.28, "dice": 0.49, "cover": 0.9,
                      "contain": 3.48, "margin": 3.94, "emiss": 0.36, "qmiss": -0.87}
# The near-miss rule (``unsure``), chosen on the tuning splits: such a match is shown
# as a suggestion at most.
UNSURE, UNSURE_MISS, UNSURE_MISS_ENTRY, UNSURE_MARGIN = 0.7, 0.9, 0.7, 0.15
CANDIDATES = 120
FINE = 40  # candidates scored in full (the best by word score and Dice)
# Candidates are picked from the question's rarest words (and bigrams) first, until the
# postings they hold reach the budget: the work of a question is bounded whatever the
# library's size, and the words left out (held by many entries) say little about which
# entry is meant; they still count in the exact score of the candidates.
POSTINGS_BUDGET = 6_000
PERFECT = saturate(FIELD_WEIGHTS["question"])


@dataclass
class Expansion:
    typed: str
    term: str
    weight: float
    how: str  # "lexicon" or "pinyin"


@dataclass
class Query:
    text: str
    canonical: str
    terms: list[str]
    groups: list[dict[str, float]] = field(default_factory=list)
    expansions: list[Expansion] = field(default_factory=list)
    grams: frozenset[str] = frozenset()
    alt_grams: frozenset[str] = frozenset()
    rewritten: str = ""
    scope: str = ""  # the out-of-scope rule it fell under, if any
    scope_words: list[str] = field(default_factory=list)
    coverage: float = 1.0  # share of its content words that are of government services
    df: dict[str, int] = field(default_factory=dict)


@dataclass
class Hit:
    id: int
    question: str
    confidence: float
    bm25: float
    bm25_norm: float
    dice: float
    phrase: str
    matched: dict[str, float] = field(default_factory=dict)  # word → its share of bm25
    features: dict[str, float] = field(default_factory=dict)


def idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def parse(text: str, lexicon: Lexicon | None = None) -> Query:
    """The question's groups of words and bigrams (reads ``QaTerm`` once)."""
    lexicon = lexicon or current_lexicon()
    canon = canonical(text)[:QUESTION_MAX]
    query = Query(text=text, canonical=canon, terms=question_terms(canon) if canon else [],
                  scope=out_of_scope(canon))
    groups: dict[str, dict[str, float]] = {t: {t: 1.0} for t in query.terms}
    found = [f for f in lexicon.find(canon) if f.expansions]
    for item in found:  # 廉租房 stands for the pieces the segmenter made of it
        for piece in [t for t in groups if t != item.term and t in item.term]:
            del groups[piece]
        groups.setdefault(item.term, {item.term: 1.0})
    for typed, group in groups.items():
        for term, weight in lexicon.expand(typed):
            group.setdefault(term, weight)
            query.expansions.append(Expansion(typed, term, weight, "lexicon"))
    probes = pinyin_probes(canon)
    query.scope_words = content_words(canon)
    words = ({w for g in groups.values() for w in g} | {p for ps in probes.values() for p in ps}
             | set(query.scope_words))
    query.grams = grams(canon)
    rows = QaTerm.objects.filter(Q(key__in=list(words) + [GRAM_PREFIX + g for g in query.grams])
                                 | Q(pinyin__in=list(probes), df__gt=0))
    query.df = {}
    sounds: dict[str, list[str]] = defaultdict(list)
    for key, df, pinyin in rows.values_list("key", "df", "pinyin"):
        query.df[key] = df
        if pinyin in probes:
            sounds[pinyin].append(key)
    _add_typos(query, groups, probes, sounds, lexicon, [f.term for f in found])
    query.groups = list(groups.values())
    query.coverage = coverage(query.scope_words, query.df, lexicon.expand)
    if not query.scope and groups and all(word in GENERIC_WORDS for word in groups):
        query.scope = "vague"
    query.rewritten = _rewritten(canon, query)
    query.alt_grams = grams(query.rewritten)
    return query


def _add_typos(query: Query, groups, probes, sounds, lexicon: Lexicon, found: list[str]
               ) -> None:
    for pinyin, keys in sounds.items():
        for piece in probes[pinyin]:
            if query.df.get(piece) or lexicon.expand(piece) or piece in keys:
                continue  # the piece is a word the library or lexicon knows as typed
            if any(piece in term or term in piece for term in found):
                continue  # the lexicon already read this part of the question
            for key in keys:
                for covered in [t for t in groups if t in piece and t != piece]:
                    del groups[covered]
                groups.setdefault(piece, {piece: 1.0})[key] = TYPO_WEIGHT
                query.expansions.append(Expansion(piece, key, TYPO_WEIGHT, "pinyin"))


def _rewritten(canon: str, query: Query) -> str:
    """The question with each expanded word replaced by its best expansion."""
    best: dict[str, tuple[str, float]] = {}
    for e in query.expansions:
        if e.typed in canon and (e.typed not in best or best[e.typed][1] < e.weight):
            best[e.typed] = (e.term, e.weight)
    for typed in sorted(best, key=len, reverse=True):
        canon = canon.replace(typed, best[typed][0])
    return canon


def search(text: str, *, limit: int = 5, lexicon: Lexicon | None = None
           ) -> tuple[Query, list[Hit]]:
    """The best ``limit`` entries for ``text``, most confident first."""
    query = parse(text, lexicon)
    stats = stats_row()
    if not stats.entries or query.scope or not (query.groups or query.grams):
        return query, []
    n = stats.entries
    weights = _word_weights(query, n)
    candidates = _candidates(query, weights)
    if not candidates:
        return query, []
    hits = sorted(_score(query, weights, candidates, _ideal(query, n), n),
                  key=lambda h: (-h.features["score"], h.id))
    for i, hit in enumerate(hits):
        other = hits[1] if i == 0 and len(hits) > 1 else hits[0] if i else None
        hit.features["margin"] = round(
            hit.features["score"] - (other.features["score"] if other else 0.0), 4)
        hit.confidence = round(confidence(hit.features), 4)
        if unsure(hit.features):
            hit.confidence = min(hit.confidence, UNSURE)
    hits = hits[:limit]
    _fill_text(hits)
    return query, hits


def _word_weights(query: Query, n: int) -> dict[str, float]:
    """word → w · idf of its best group (words the index lacks are left out)."""
    found: dict[str, float] = {}
    for group in query.groups:
        for word, w in group.items():
            df = query.df.get(word, 0)
            if df:
                found[word] = max(found.get(word, 0.0), w * idf(df, n))
    return found


def _ideal(query: Query, n: int) -> float:
    total = 0.0
    for group in query.groups:
        known = [w * idf(query.df[word], n) for word, w in group.items() if query.df.get(word)]
        total += PERFECT * (max(known) if known else UNKNOWN_WEIGHT * idf(0, n))
    return total


def rarest(df: dict[str, int], budget: int = POSTINGS_BUDGET) -> list[str]:
    """The keys of ``df`` (key → entries holding it), rarest first, as many as fit in
    ``budget`` postings."""
    picked, spent = [], 0
    for key in sorted(df, key=lambda k: (df[k], k)):
        if spent + df[key] > budget:
            break
        picked.append(key)
        spent += df[key]
    return picked


def _candidates(query: Query, weights: dict[str, float]) -> set[int]:
    """The entries holding the question's rarest words, and those whose phrasings share
    the most bigrams with it: one round trip where the database can order and limit
    each part of a union (PostgreSQL), two otherwise (SQLite)."""
    parts = [part for part in (_word_candidates(weights, query.df), _gram_candidates(query))
             if part is not None]
    if len(parts) == 2 and connection.features.supports_slicing_ordering_in_compound:
        return set(parts[0].union(parts[1], all=True))
    return {pk for part in parts for pk in part}


def _word_candidates(weights: dict[str, float], df: dict[str, int]):
    rare = rarest({w: df.get(w, 0) for w in weights})
    if not rare:
        if not weights:
            return None
        # Every word is common: the entries where the rarest weighs most.
        word = min(weights, key=lambda w: (df.get(w, 0), w))
        return (QaPosting.objects.filter(term=word).order_by("-weight", "entry_id")
                .values_list("entry_id", flat=True)[:CANDIDATES])
    # The weights as double precision: a bare literal is numeric on PostgreSQL, whose
    # arithmetic over thousands of postings costs several milliseconds more.
    score = Sum(Case(*(When(term=w, then=Cast(Value(weights[w]), FloatField())) for w in rare),
                     output_field=FloatField()) * F("weight"))
    return (QaPosting.objects.filter(term__in=rare).values("entry_id")
            .annotate(score=score).order_by("-score", "entry_id")
            .values_list("entry_id", flat=True)[:CANDIDATES])


def _gram_candidates(query: Query):
    wanted = query.grams | query.alt_grams
    rare = rarest({g: query.df[GRAM_PREFIX + g] for g in wanted
                   if query.df.get(GRAM_PREFIX + g)})
    if not rare:
        return None
    return (QaGram.objects.filter(gram__in=rare).values("entry_id", "phrase")
            .annotate(shared=Count("phrase")).order_by("-shared", "entry_id")
            .values_list("entry_id", flat=True)[:CANDIDATES])


def _score(query: Query, weights: dict[str, float], candidates: set[int], ideal: float,
           n: int) -> list[Hit]:
    """Two steps: every candidate gets its word score and bigram Dice (two reads of the
    index); the ``FINE`` best of them the features that need their question's words."""
    ids = list(candidates)
    postings: dict[int, dict[str, float]] = defaultdict(dict)
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    # The candidates' postings and bigrams in one round trip: a posting row carries
    # its weight, a bigram row its phrasing's number (marked by ``kind``).
    found = QaGram.objects.filter(
        entry_id__in=ids, gram__in=list(query.grams | query.alt_grams)).values_list(
            "entry_id", "gram", Cast("phrase", FloatField()), Value(0))
    if weights:
        found = QaPosting.objects.filter(entry_id__in=ids, term__in=list(weights)).values_list(
            "entry_id", "term", "weight", Value(1)).union(found, all=True)
    for entry_id, key, value, kind in found:
        if kind:
            postings[entry_id][key] = value
        else:
            shared[(entry_id, int(value))].append(key)
    indexed = {pk: (sizes, words) for pk, sizes, words in QaIndexedEntry.objects.filter(
        entry_id__in=ids).values_list("entry_id", "phrase_sizes", "question_words")}
    first = []
    for entry_id in ids:
        matched, bm25 = _bm25(query, weights, postings.get(entry_id, {}))
        norm = min(1.0, bm25 / ideal) if ideal else 0.0
        dice, contain, phrase = _bigram_features(
            query, entry_id, indexed.get(entry_id, ([], []))[0] or [], shared)
        first.append((norm + RANK_WEIGHTS["dice"] * dice, entry_id, matched, bm25, norm,
                      dice, contain, phrase))
    first.sort(key=lambda row: (-row[0], row[1]))
    first = first[:FINE]
    words_of = {row[1]: indexed.get(row[1], ([], []))[1] for row in first}
    _fetch_df(query, {w for words in words_of.values() for w in words or ()})
    asked = _asked(query)
    hits = []
    for _pre, entry_id, matched, bm25, norm, dice, contain, phrase in first:
        words = words_of.get(entry_id) or []
        features = {"norm": norm, "dice": dice, "contain": contain,
                    "cover": _cover(query, asked, words, n),
                    "emiss": _entry_missed(query, asked, words, n),
                    "qmiss": _question_missed(query, matched, n)}
        features["score"] = rank_score(features)
        hits.append(Hit(id=entry_id, question="", confidence=0.0,
                        bm25=round(bm25, 4), bm25_norm=round(norm, 4), dice=round(dice, 4),
                        phrase=str(phrase), matched=matched,
                        features={k: round(v, 4) for k, v in features.items()}))
    return hits


def _fetch_df(query: Query, words: set[str]) -> None:
    missing = [w for w in words if w not in query.df]
    for start in range(0, len(missing), 900):
        query.df.update(QaTerm.objects.filter(key__in=missing[start:start + 900])
                        .values_list("key", "df"))


def _cover(query: Query, asked: dict[str, float], words: list[str], n: int) -> float:
    """How much of the entry's question the question asks about: the idf-weighted share
    of its question's words found in the question (as typed, or through the lexicon or
    a same-sound correction)."""
    if not words:
        return 0.0
    total = found = 0.0
    for word in words:
        value = idf(query.df.get(word, 1), n)
        total += value
        if word in asked:
            found += value * asked[word]
        elif word in query.canonical or word in query.rewritten:
            found += value
    return found / total if total else 0.0


def _asked(query: Query) -> dict[str, float]:
    asked: dict[str, float] = {}
    for group in query.groups:
        for word, weight in group.items():
            asked[word] = max(asked.get(word, 0.0), weight)
    return asked


def _entry_missed(query: Query, asked: dict[str, float], words: list[str], n: int
                  ) -> float:
    """0–1: how distinctive the rarest word of the entry's question is that the question
    does not have (its idf over the largest possible). An entry about 中考 asked about
    考研 shares 报名, 时候, 开始 but misses the word that says what it is about."""
    top, worst = idf(0, n), 0.0
    for word in words:
        if len(word) < 2 or word in GENERIC_WORDS or word in asked:
            continue
        if word in query.canonical or word in query.rewritten:
            continue
        worst = max(worst, idf(query.df.get(word, 0), n) / top)
    return worst


def _question_missed(query: Query, matched: dict[str, float], n: int) -> float:
    """0–1: the same from the question's side: the most distinctive word asked about (a
    word no entry holds counts as the most distinctive) that the entry does not match."""
    top, worst = idf(0, n), 0.0
    for group in query.groups:
        if any(word in matched for word in group):
            continue
        typed = next(iter(group))
        if typed in GENERIC_WORDS:
            continue
        rarest_df = min(query.df.get(word, 0) for word in group)
        worst = max(worst, idf(rarest_df, n) / top)
    return worst


def unsure(features: dict[str, float]) -> bool:
    """A match that must not be given as the answer, however high its confidence: the
    question names something distinctive the entry does not match (``qmiss``), and
    either the entry's own distinctive word is not asked either (``emiss``: 考研 asked,
    中考 answered) or the entry is not clearly ahead of the next one."""
    if features["qmiss"] < UNSURE_MISS:
        return False
    return features["emiss"] >= UNSURE_MISS_ENTRY or features["margin"] < UNSURE_MARGIN


def rank_score(features: dict[str, float]) -> float:
    """0–1: the weighted mean of the ranking features."""
    total = sum(RANK_WEIGHTS.values())
    return sum(w * features[k] for k, w in RANK_WEIGHTS.items()) / total


def confidence(features: dict[str, float]) -> float:
    """0–1: how likely the entry is the one asked about (``CONFIDENCE_WEIGHTS``); the
    margin over the next entry counts, so two near-equal matches are not answered."""
    z = CONFIDENCE_WEIGHTS["bias"] + sum(
        w * features[k] for k, w in CONFIDENCE_WEIGHTS.items() if k != "bias")
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _bm25(query: Query, weights: dict[str, float], held: dict[str, float]
          ) -> tuple[dict[str, float], float]:
    matched: dict[str, float] = {}
    for group in query.groups:
        best_word, best = "", 0.0
        for word in group:
            value = weights.get(word, 0.0) * held.get(word, 0.0)
            if value > best:
                best_word, best = word, value
        if best_word:
            matched[best_word] = round(best, 4)
    return matched, sum(matched.values())


def _bigram_features(query: Query, entry_id: int, sizes: list[int], shared
                     ) -> tuple[float, float, int]:
    """The best Dice over the entry's phrasings, the best containment (the share of a
    phrasing's bigrams the question has), and the phrasing with the best Dice."""
    best, contain, best_phrase = 0.0, 0.0, 0
    for phrase, size in enumerate(sizes):
        grams_shared = shared.get((entry_id, phrase), ())
        for wanted in (query.grams, query.alt_grams):
            if not wanted or not size:
                continue
            n = sum(1 for g in grams_shared if g in wanted)
            dice = 2 * n / (size + len(wanted))
            contain = max(contain, n / size)
            if dice > best:
                best, best_phrase = dice, phrase
    return best, contain, best_phrase


def _fill_text(hits: list[Hit]) -> None:
    rows = {pk: (q, alts or []) for pk, q, alts in QaEntry.objects.filter(
        pk__in=[h.id for h in hits]).values_list("pk", "question", "alternatives")}
    for hit in hits:
        question, alternatives = rows.get(hit.id, ("", []))
        phrases = [question, *alternatives]
        hit.question = question
        hit.phrase = phrases[int(hit.phrase)] if int(hit.phrase) < len(phrases) else question
