"""Answering a question from the index in the database.

1. The question is read into groups of words (``query.parse``): each content word, what
   the lexicon says it means, same-sound corrections of pinyin slips, each with a
   weight; a word the index holds as several words (缴费基数) counts by those words.
2. Candidates: the entries holding the groups' rarer words (one aggregate query), and
   the phrasings sharing the most pinyin bigrams with the question (another).
3. Each candidate is scored exactly:

       value(a, d) = w_a · idf(a) · weight(a, d)  for a word a of a group, or for a
                     word of several index words: w_a · mean over them of idf · weight
       bm25(d)  = Σ_group  max_a value(a, d)
       ideal    = Σ_group  max_known_a  value(a, perfect entry)
       norm     = min(1, bm25 / ideal)
       dice(d)  = max over the entry's phrasings p: 2·|p ∩ q| / (|p| + |q|)   (bigrams)

   and ranked by the weighted mean of norm, dice and how much of the entry's question
   is asked (``RANK_WEIGHTS``); the confidence is a logistic regression of these and
   the margin over the next entry (``CONFIDENCE_WEIGHTS``). An entry on another
   document, one matched only on how any service is done (办, 手续) and one the question
   contradicts are then placed below the entry the question is about.

   A group none of whose words any entry holds counts in ``ideal`` at half the weight
   of a word found in one entry: asking about something the library does not know
   lowers the confidence, as it should.

Round trips per question on PostgreSQL: two (the words' counts and the lexicon's
stamp; then the library's
size, the candidates and what scoring reads of them: their
postings and bigrams, indexed rows, questions' word counts and texts, in one statement);
on SQLite, in the process, the same reads one statement each and only the best
candidates' word counts and the shown entries' texts (``reads``). Nothing is held in
memory between questions but the lexicon and the library's size, both checked at every
question: the question is read with the process's lexicon as it is, and read again
when the stamp read with its words' counts says it was edited since; the size is read
with the candidates.
"""
import math
import re
from dataclasses import dataclass, field

from gongkai.lexicon.models import Reader
from gongkai.lexicon.selectors import Lexicon, cached_lexicon, current_lexicon
from gongkai.qa.retrieval import reads
from gongkai.qa.retrieval.features import FIELD_WEIGHTS, GRAM_PREFIX, saturate
from gongkai.qa.retrieval.query import Expansion, Query, parse
from gongkai.qa.retrieval.scope import PROCEDURE_WORDS
from gongkai.qa.retrieval.text import GENERIC_WORDS, circumstance, document

__all__ = ["Expansion", "Hit", "Query", "parse", "related", "search"]

UNKNOWN_WEIGHT = 0.5
# The ranking: how much each feature counts (chosen on the dev split of the bench's
# blind questions; the question's own words count most).
RANK_WEIGHTS = {"norm": 1.0, "dice": 0.4, "cover": 0.2}
# The confidence that the first entry answers the question: logistic regression (right
# entry or not) fitted on the tuning splits' first matches, ``bench/qa/run.py --fit``.
CONFIDENCE_WEIGHTS = {"bias": -1.37, "norm": 1.84, "dice": -0.18, "cover": 1.33,
                      "contain": 3.29, "margin": 3.75, "emiss": 0.02, "qmiss": -0.8}
# The near-miss rule (``unsure``), chosen on the tuning splits: such a match is shown
# as a suggestion at most.
UNSURE, UNSURE_MISS, UNSURE_MISS_ENTRY, UNSURE_MARGIN = 0.7, 0.9, 0.7, 0.15
# A fragment (``Query.fragment``: a few keywords) names one entry only if that entry is
# clearly ahead of the next; else it is shown as a suggestion at most (0.05 / 0.1 / 0.15
# were tried on the development sets: 0.1 removed 2 of the 4 wrong direct answers to
# fragments and made 6 of 218 right ones suggestions, still first).
FRAGMENT_MARGIN = 0.1
CANDIDATES = 120
FINE = 40  # candidates scored in full (the best by word score and Dice)
# Candidates are picked from the question's rarest words (and bigrams) first, until the
# postings they hold reach the budget: the work of a question is bounded whatever the
# library's size, and the words left out (held by many entries) say little about which
# entry is meant; they still count in the exact score of the candidates.
POSTINGS_BUDGET = 6_000
PERFECT = saturate(FIELD_WEIGHTS["question"])


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
    # Why the confidence was capped at ``UNSURE`` (a suggestion at most), for staff:
    # "other_document", "refused", "unsure" or "fragment" (``_held_back``), "" when it
    # was not.
    held_back: str = ""

    @property
    def rank(self) -> float:
        """The ranking score the matches are ordered by (``rank_score``); the confidence
        also counts the margin over the next entry, so it need not fall in that order."""
        return self.features.get("score", 0.0)


def related(query: Query, hit: Hit) -> bool:
    """Whether ``hit`` is something close to the question in the library
    (``scope.off_topic``): it matches a word of government services, a word of two
    or more characters that neither asks of anything (来, 哪个) nor tells the
    circumstances (今天), or several single characters (a word the segmenter did not
    know, read character by character: 穗岁康, 剐蹭). A match on one character or on
    such words only (才 of 红烧肉怎么做才不腻, 今天 of 今天星期几) is not, nor one on
    a word only the general thesaurus led to (哪个牌子的奶粉好: 牌子 → 商标)."""
    singles = 0
    for word in hit.matched:
        if word in query.general_words:
            continue  # a general synonym of an everyday word (牌子 → 商标) shows nothing
        if word in query.service_words:
            return True
        if len(word) == 1:
            singles += 1
        elif (word not in GENERIC_WORDS or word in PROCEDURE_WORDS) and not circumstance(word):
            return True
    return singles > 1


def idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


# Readings of a question when the lexicon is edited while it is read (each time again).
LEXICON_READS = 3


def search(text: str, *, limit: int = 5, lexicon: Lexicon | None = None
           ) -> tuple[Query, list[Hit]]:
    """The best ``limit`` entries for ``text``, most confident first (with ``lexicon``
    given, that one; else the current one: the question is read with the process's
    snapshot, and again with a new one when the stamp read with its words' counts
    differs)."""
    fixed = bool(lexicon)  # an empty one means the current one, as ``parse`` reads it
    lexicon = lexicon or cached_lexicon(Reader.QA)
    for _reading in range(LEXICON_READS):
        query = parse(text, lexicon)
        if fixed or query.lexicon_stamp in (None, lexicon.stamp):
            break
        lexicon = current_lexicon(query.lexicon_stamp, Reader.QA)  # edited since this process read it
    if query.scope or not (query.groups or query.grams):
        return query, []
    return query, _hits(query, limit)


def _hits(query: Query, limit: int) -> list[Hit]:
    n = reads.library_size()
    alternatives = _alternatives(query, n) if n else []
    weights = _word_weights(alternatives)
    found = reads.candidates_read(query, _candidates(query, weights) if n else [], weights)
    if found.size != n:  # the library changed since this process last read its size
        reads.remember_size(found.size)
        n = found.size
        alternatives = _alternatives(query, n) if n else []
        weights = _word_weights(alternatives)
        found = reads.candidates_read(query, _candidates(query, weights) if n else [],
                                      weights)
    if not found.ids:
        return []
    rows = found.rows or reads.scoring_rows(query, list(found.ids), weights)
    hits = _below_the_next(_yield_to_the_subject(query, _yield_to_the_asked_document(sorted(
        _score(query, alternatives, rows, _ideal(alternatives, n), n),
        key=lambda h: (-h.features["score"], h.id)))))
    for i, hit in enumerate(hits):
        other = hits[1] if i == 0 and len(hits) > 1 else hits[0] if i else None
        hit.features["margin"] = round(
            hit.features["score"] - (other.features["score"] if other else 0.0), 4)
        hit.confidence = round(confidence(hit.features), 4)
        hit.held_back = _held_back(query, hit.features)
        if hit.held_back:
            hit.confidence = min(hit.confidence, UNSURE)
    hits = hits[:limit]
    _fill_text(hits, rows)
    return hits


def _yield_to_the_asked_document(hits: list[Hit]) -> list[Hit]:
    """``hits`` in rank order, with each entry about another document (``other_document``:
    结婚证丢了怎么补 asked 身份证弄丢了咋补) placed just below the best entry whose question
    names the document asked (身份证丢了怎么补办), its rank score lowered to just under
    that one's: what it says is done with its own document is not the answer, and an
    entry on the document asked is there. With no such entry the order stays."""
    named = next((i for i, h in enumerate(hits) if h.features["asked_document"]), None)
    if not named:
        return hits
    best = hits[named].features["score"]
    ahead = [h for h in hits[:named] if h.features["other_document"]]
    for hit in ahead:
        hit.features["score"] = round(best - 0.0001, 4)
    return [*[h for h in hits[:named] if not h.features["other_document"]], hits[named],
            *ahead, *hits[named + 1:]]


# The words that say how any service is done (办, 手续, 材料, 条件: ``GENERIC_WORDS``
# that are neither a thing nor an office, as 文件 or 部门 are): an entry matched on these
# alone matched the question's procedure, not its subject.
HOW_WORDS = frozenset("办理 办 申请 申报 手续 流程 条件 材料 资料 证件 步骤 程序 过程 弄 搞 整 "
                      "办事 准备 提交".split())


def _subject_words(query: Query) -> frozenset[str]:
    """The words of the groups led by a word that says what is asked about: not what is
    asked of any service (办, 手续), not a circumstance, not one character alone."""
    return frozenset(
        word for group in query.groups if _subject(next(iter(group), ""))
        for word in group if _subject(word) and word not in query.general_words)


def _subject(word: str) -> bool:
    return len(word) > 1 and word not in GENERIC_WORDS and not circumstance(word)


def _yield_to_the_subject(query: Query, hits: list[Hit]) -> list[Hit]:
    """``hits`` in rank order, with each entry matched on none of the question's subject
    words (``_subject_words``) but on what is asked of any service (出租屋要办什么手续
    asked 我想开间药房，要办什么手续) placed just below the best entry matching one of them
    (药店怎么开), its rank score lowered to just under that one's: 办 and 手续 say what is
    wanted of every service, the subject which one. With no such entry the order stays."""
    subject = _subject_words(query)
    if not subject:
        return hits
    named = next((i for i, h in enumerate(hits) if subject.intersection(h.matched)), None)
    if not named:
        return hits
    best = hits[named].features["score"]
    ahead = [h for h in hits[:named] if h.matched and HOW_WORDS.issuperset(h.matched)]
    for hit in ahead:
        hit.features["score"] = round(best - 0.0001, 4)
    return [*[h for h in hits[:named] if h not in ahead], hits[named], *ahead,
            *hits[named + 1:]]


def _below_the_next(hits: list[Hit]) -> list[Hit]:
    """``hits`` in rank order, with each entry the question contradicts (``contradicted``:
    单位不给交社会保险 asked 单位给我交了社保，卡去哪办) placed just below the next entry
    not held back, its rank score lowered to just under that one's: the question says
    what the entry says was not done was done, so the entry's subject is not what it
    asks. With no such entry below it the order stays."""
    ordered = list(hits)
    for hit in [h for h in hits if h.features["contradicted"]]:
        at = ordered.index(hit)
        after = next((i for i in range(at + 1, len(ordered))
                      if not _held_back_features(ordered[i].features)), None)
        if after is None:
            continue
        hit.features["score"] = round(ordered[after].features["score"] - 0.0001, 4)
        ordered.insert(after, ordered.pop(at))
    return ordered


def _held_back_features(features: dict[str, float]) -> bool:
    """Whether the entry is held back for what it is about (another document, a refusal)."""
    return bool(features["other_document"] or features["refused"])


def _held_back(query: Query, features: dict[str, float]) -> str:
    """Why a match must be a suggestion at most, whatever its confidence; "" if not."""
    if features["other_document"]:
        return "other_document"
    if features["refused"]:
        return "refused"
    if unsure(features):
        return "unsure"
    if query.fragment and features["margin"] < FRAGMENT_MARGIN:
        return "fragment"
    return ""


Alternatives = list[dict[str, tuple[tuple[str, float], ...]]]


def _alternatives(query: Query, n: int) -> Alternatives:
    """Per group, each of its words the index knows → the index words it is matched by,
    each with its coefficient: (word, w · idf) for a word that is one key; for a word of
    several keys (``Query.parts``), each of them with w · idf / their number, so that
    all of them matched weigh as one word of their mean idf."""
    found: Alternatives = []
    for group in query.groups:
        alternatives = {}
        for word, w in group.items():
            if query.df.get(word):
                alternatives[word] = ((word, w * idf(query.df[word], n)),)
            elif word in query.parts:
                keys = query.parts[word]
                alternatives[word] = tuple((k, w * idf(query.df[k], n) / len(keys))
                                           for k in keys)
        found.append(alternatives)
    return found


def _word_weights(alternatives: Alternatives) -> dict[str, float]:
    """index word → its largest coefficient (words the index lacks are left out)."""
    found: dict[str, float] = {}
    for group in alternatives:
        for keys in group.values():
            for key, value in keys:
                found[key] = max(found.get(key, 0.0), value)
    return found


def _ideal(alternatives: Alternatives, n: int) -> float:
    total = 0.0
    for group in alternatives:
        known = [sum(value for _key, value in keys) for keys in group.values()]
        total += PERFECT * (max(known) if known else UNKNOWN_WEIGHT * idf(0, n))
    return total


def rarest(df: dict[str, int], budget: int | None = None) -> list[str]:
    """The keys of ``df`` (key → entries holding it), rarest first, as many as fit in
    ``budget`` postings (``POSTINGS_BUDGET``)."""
    budget = POSTINGS_BUDGET if budget is None else budget
    picked, spent = [], 0
    for key in sorted(df, key=lambda k: (df[k], k)):
        if spent + df[key] > budget:
            break
        picked.append(key)
        spent += df[key]
    return picked


def _candidates(query: Query, weights: dict[str, float]) -> list:
    """The statements selecting the entries holding the question's rarest words, and
    those whose phrasings share the most bigrams with it (``reads.candidate_statements``:
    one on PostgreSQL, two on SQLite)."""
    rare = rarest({w: query.df.get(w, 0) for w in weights})
    # Every word common: the entries where the rarest weighs most.
    common = (min(weights, key=lambda w: (query.df.get(w, 0), w))
              if weights and not rare else None)
    wanted = query.grams | query.alt_grams
    grams = rarest({g: query.df[GRAM_PREFIX + g] for g in wanted
                    if query.df.get(GRAM_PREFIX + g)})
    return reads.candidate_statements({w: weights[w] for w in rare}, common, grams,
                                      CANDIDATES)


def _score(query: Query, alternatives: Alternatives, rows: reads.Rows, ideal: float,
           n: int) -> list[Hit]:
    """Two steps: every candidate gets its word score and bigram Dice (from ``rows``);
    the ``FINE`` best of them the features that need their question's words."""
    postings, shared, indexed = rows.postings, rows.shared, rows.indexed
    keys = [{key for pairs in group.values() for key, _c in pairs} for group in alternatives]
    first = []
    for entry_id in rows.ids:
        matched, bm25 = _bm25(alternatives, postings.get(entry_id, {}), keys)
        norm = min(1.0, bm25 / ideal) if ideal else 0.0
        dice, contain, phrase = _bigram_features(
            query, entry_id, indexed.get(entry_id, ([], []))[0] or [], shared)
        first.append((norm + RANK_WEIGHTS["dice"] * dice, entry_id, matched, bm25, norm,
                      dice, contain, phrase))
    first.sort(key=lambda row: (-row[0], row[1]))
    first = first[:FINE]
    words_of = {row[1]: reads.json_list(indexed.get(row[1], ([], []))[1]) for row in first}
    reads.fetch_df(query, {w for words in words_of.values() for w in words or ()})
    asked = _asked(query)
    documents = [group for group in query.groups if any(document(w) for w in group)]
    hits = []
    for _pre, entry_id, matched, bm25, norm, dice, contain, phrase in first:
        words = words_of.get(entry_id) or []
        refused = _refused_word(query, asked, words)
        features = {"norm": norm, "dice": dice, "contain": contain,
                    "cover": _cover(query, asked, words, n),
                    "emiss": _entry_missed(query, asked, words, n),
                    "qmiss": _question_missed(query, matched, n),
                    "other_document": float(_other_document(query, documents, asked, words)),
                    "asked_document": float(_asked_document(documents, words)),
                    "refused": float(bool(refused)),
                    "contradicted": float(bool(refused) and _done(query, refused))}
        features["score"] = rank_score(features)
        hits.append(Hit(id=entry_id, question="", confidence=0.0,
                        bm25=round(bm25, 4), bm25_norm=round(norm, 4), dice=round(dice, 4),
                        phrase=str(phrase), matched=matched,
                        features={k: round(v, 4) for k, v in features.items()}))
    return hits


def _cover(query: Query, asked: dict[str, float], words: list[str], n: int) -> float:
    """How much of the entry's question the question asks about: the idf-weighted share
    of its question's words found in the question (as typed, or through the lexicon or
    a same-sound correction); a long word of which the question asks a part (高新 of
    高新技术企业) counts for the share of its characters asked."""
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
        elif len(word) > 2:
            # 高新 asked of 高新技术企业: the share of the word's characters asked.
            part = max((len(w) for w in asked if len(w) > 1 and w in word), default=0)
            found += value * part / len(word)
    return found / total if total else 0.0


def _asked(query: Query) -> dict[str, float]:
    asked: dict[str, float] = {}
    for group in query.groups:
        for word, weight in group.items():
            for key in (word, *query.parts.get(word, ())):
                asked[key] = max(asked.get(key, 0.0), weight)
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
        rarest_df = min(_df_of(query, word) for word in group)
        worst = max(worst, idf(rarest_df, n) / top)
    return worst


def _other_document(query: Query, documents: list[dict[str, float]],
                    asked: dict[str, float], words: list[str]) -> bool:
    """Whether the question names a paper or card (``text.document``: 户口本) the entry's
    question does not name, while the entry's question names another one the question
    does not ask (身份证): what the entry says is done with its document (补办, 换领) is
    not the answer for the other. Only the entry's question counts: its answer names the
    papers to bring (携带户口簿), and the names of one document are linked by the
    lexicon (社保卡 = 社会保障卡). ``documents``: the question's groups naming one."""
    held = set(words)
    named = any(not any(word in held for word in group) for group in documents)
    return named and any(
        document(word) and word not in asked and word not in query.canonical
        and word not in query.rewritten for word in words)


def _asked_document(documents: list[dict[str, float]], words: list[str]) -> bool:
    """Whether the entry's question names a document the question itself names: a group
    of ``documents`` (the question's groups naming a paper or card) whose word typed is
    one (身份证), not one the lexicon read into a word typed (办证 → 许可证)."""
    held = set(words)
    return any(document(next(iter(group))) and any(word in held for word in group)
               for group in documents)


NEGATIONS = ("不", "没")


# Characters before a word, within its clause, where a negation says it is not done
# (没有帮我缴: 没 four before 缴).
NEGATED_WITHIN = 5
_CLAUSE_BREAK = re.compile(r"[,，。.!！?？;；:：\s]")


def _refused(query: Query, asked: dict[str, float], words: list[str]) -> bool:
    """Whether the entry is about someone not doing what the question asks how to do:
    its question negates a word the question asks (单位不给交社会保险: 不 … 交) and the
    question does not negate it (自己交社保上哪儿交; 单位没有帮我缴 does). A few keywords
    (``Query.fragment``: 培训机构退费) name a subject, not whether it was done."""
    return bool(_refused_word(query, asked, words))


def _refused_word(query: Query, asked: dict[str, float], words: list[str]) -> str:
    """The word ``_refused`` finds the entry negating (交 of 单位不给交社会保险), or ""."""
    if query.fragment:
        return ""
    return next((following for word, following in zip(words, words[1:], strict=False)
                 if word in NEGATIONS and following in asked
                 and not _negated(query, following)), "")


# What closes a verb done (交了, 交过, 交着, Cantonese 交咗) and what opens one (已经交,
# 一直交): the question tells it happened, not asks whether it may.
_DONE_AFTER = ("了", "过", "着", "咗")
_DONE_BEFORE = ("已经", "一直", "已")
# A span of time closed by 了 after the verb and its object, in its clause (交社保三年了,
# 交了社保好几个月了): it has been done that long.
_DONE_FOR = re.compile(r"[0-9零一二两三四五六七八九十百几多半好]+[个多来]?"
                       r"(年|个月|月|天|周|星期|礼拜)多?了")
# A verb typed is one or two characters (交, 缴纳).
VERB_CHARS = 2


def _done(query: Query, word: str) -> bool:
    """Whether the question says ``word`` (or the word it typed for it) was done: 单位给我
    交了社保 says 交 was, and 交社保三年了 that it has been for three years, where
    单位不给交社会保险 says it was not."""
    text = query.canonical
    # The word or a verb typed for it (缴 for 交), not a phrase the lexicon reads as it
    # (补习班倒闭 → 退费: its 了 closes 倒闭, not 退).
    for form in [f for f in _typed_forms(query, word) if len(f) <= VERB_CHARS or f == word]:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            before = _CLAUSE_BREAK.split(text[max(0, start - NEGATED_WITHIN):start])[-1]
            after = _CLAUSE_BREAK.split(text[end:])[0]
            if (text[end:end + 1] in _DONE_AFTER or before.endswith(_DONE_BEFORE)
                    or _DONE_FOR.search(after)):
                return True
            start = text.find(form, end)
    return False


def _typed_forms(query: Query, word: str) -> set[str]:
    """``word`` and the words typed whose groups hold it (缴 for 交)."""
    return {next(iter(group)) for group in query.groups if word in group} | {word}


def _negated(query: Query, word: str) -> bool:
    """Whether the question negates ``word`` or the word it typed for it (缴 for 交)."""
    text = query.canonical
    for form in _typed_forms(query, word):
        start = text.find(form)
        while start >= 0:
            before = _CLAUSE_BREAK.split(text[max(0, start - NEGATED_WITHIN):start])[-1]
            if any(c in before for c in "不没冇未拒别"):
                return True
            start = text.find(form, start + 1)
    return False


def _df_of(query: Query, word: str) -> int:
    """Entries holding ``word``; for a word of several index words, at most as many as
    hold the rarest of them."""
    if word in query.parts:
        return min(query.df[key] for key in query.parts[word])
    return query.df.get(word, 0)


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


def _bm25(alternatives: Alternatives, held: dict[str, float],
          group_keys: list[set[str]] | None = None) -> tuple[dict[str, float], float]:
    """Per group, its best word's value in the entry (``group_keys``: each group's index
    words, to pass over a group the entry holds none of: its value would be 0). A word
    the index holds as several (``Query.parts``: 缴费记录 as 缴费 + 记录) counts, at the
    share it holds, in an entry holding its last word only with all the others: that
    word is the compound's head, what kind of thing it names, and alone it names another
    thing of that kind (登记 of 机动车登记 is 失业登记's; 公益 of 做点公益, which the lexicon
    reads as 志愿服务, is 公益性岗位's). The words before it say what the word is about
    (残疾人 of 残疾人证, 缴费 of 缴费记录) and count at their share, as before."""
    matched: dict[str, float] = {}
    for i, group in enumerate(alternatives):
        if group_keys is not None and group_keys[i].isdisjoint(held):
            continue
        best_word, best = "", 0.0
        for word, keys in group.items():
            if len(keys) > 1 and keys[-1][0] in held and not all(k in held for k, _c in keys):
                continue  # a compound's head without the rest: another thing
            value = sum(coefficient * held.get(key, 0.0) for key, coefficient in keys)
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
        if not grams_shared:
            continue  # nothing shared: a Dice and containment of 0 change nothing
        for wanted in (query.grams, query.alt_grams):
            if not wanted or not size:
                continue
            n = sum(1 for g in grams_shared if g in wanted)
            dice = 2 * n / (size + len(wanted))
            contain = max(contain, n / size)
            if dice > best:
                best, best_phrase = dice, phrase
    return best, contain, best_phrase


def _fill_text(hits: list[Hit], rows: reads.Rows) -> None:
    found = reads.texts(rows, [h.id for h in hits])
    for hit in hits:
        question, alternatives = found.get(hit.id, ("", []))
        phrases = [question, *alternatives]
        hit.question = question
        hit.phrase = phrases[int(hit.phrase)] if int(hit.phrase) < len(phrases) else question
