"""Reading a question: its groups of words, what the lexicon and the pinyin say they
mean, and its bigrams (``search`` scores entries against what is read here).

Each content word becomes a *group*: the word itself and what the lexicon says it means
(娃 → 孩子, 子女), each with a weight. A lexicon word that the segmenter cuts apart
(廉租房, 社保基数) is found in the text and leads the group; the pieces it was cut
into stay as groups of their own at ``SWALLOWED_WEIGHT`` (社保基数 read as 缴费基数
still asks about 社保), so a lexicon phrase only adds evidence. A word that is not one
key of the index but several (缴费基数 is 缴费 + 基数) is matched by its words
(``Query.parts``). A piece of 2–4 characters that no entry holds but that reads like a
word the library has (设保 / 社保, same pinyin) brings that word in, and what the
lexicon says that word means. How the message is built is read by ``message``: its
clauses, which ask and what each clause's words weigh (the circumstances come first),
the lexicon's phrases said apart within a clause, the words a supposition negates, the
question words (also the dialects': 点样, 边度), which lead no group. Words that tell the circumstances wherever they stand (去年, 听说, 因为, 五年:
``text.circumstance``) count at ``CIRCUMSTANCE_WEIGHT``. The dialects' grammar words are
read as Mandarin first (喺边度 → 在哪里, 能报不 → 能报吗: ``text.mandarin``), and a
single spoken character no entry holds as a word reads as the library's compounds
beginning with it (撤 → 撤回, ``_add_compounds``). A word typed that no office group
holds and no entry holds either reads as its synonyms in the general thesaurus
(``gongkai.lexicon.thesaurus``: 下岗 → 失业, 工钱 → 工资), one link, below the
office's weights; such a word neither decides the scope (``coverage``) nor alone makes
a suggestion close (``search.related``). A verb the segmenter glued to 点 (领点钱) is read
as the verb (``_unglue``), a verb said with its result (领到手, 取出来) also as the verb
(``_behead``); a pinyin slip is looked for within one run of typing, and what may be
one is read by ``slips`` (never a negated verb, 不交, nor a measure word and its noun, 这条街).
"""
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from gongkai.lexicon.models import Reader
from gongkai.lexicon.selectors import Lexicon, current_lexicon
from gongkai.lexicon.thesaurus import thesaurus
from gongkai.qa.models import QaTerm
from gongkai.qa.retrieval import reads
from gongkai.qa.retrieval.features import GRAM_PREFIX
from gongkai.qa.retrieval.message import (
    ASKING,
    asking,
    drop_supposed_not,
    found_apart,
    weigh_clauses,
    words_of,
)
from gongkai.qa.retrieval.scope import (
    asks_responsibility,
    coverage,
    government_word,
    out_of_scope,
)
from gongkai.qa.retrieval.slips import may_be_slip, negated_chars
from gongkai.qa.retrieval.text import (
    FILLER_WORDS,
    GENERIC_WORDS,
    canonical,
    circumstance,
    content_words,
    grams,
    mandarin,
    pinyin_probes,
    question_terms,
)

QUESTION_MAX = 200
TYPO_WEIGHT = 0.8
# A single spoken character read as the library's words beginning with it (报 → 报销):
# at most COMPOUNDS of them (the most common), each at COMPOUND_WEIGHT (chosen on the
# tuning splits: 0.3 lost a dev2 question, 0.7 and 3 or 12 words changed nothing).
COMPOUND_WEIGHT = 0.5
COMPOUNDS = 6
# The weight of the pieces a lexicon word was found across (chosen on the tuning splits).
SWALLOWED_WEIGHT = 0.5
# The weight of a word telling the circumstances (text.circumstance: 去年, 听说, 五年);
# 0.3 was tried on the tuning splits and lost a dev2 question.
CIRCUMSTANCE_WEIGHT = 0.5
FRAGMENT_CHARS = 8


@dataclass
class Expansion:
    typed: str
    term: str
    weight: float
    how: str  # "lexicon", "thesaurus", "apart", "pinyin", "compound" or "widened"


@dataclass
class Query:
    text: str
    canonical: str
    terms: list[str]
    groups: list[dict[str, float]] = field(default_factory=list)
    expansions: list[Expansion] = field(default_factory=list)
    # A word of the groups that the index does not hold as one key but as several
    # (缴费基数 → 缴费, 基数): matched by those words.
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    grams: frozenset[str] = frozenset()
    alt_grams: frozenset[str] = frozenset()
    rewritten: str = ""
    scope: str = ""  # the out-of-scope rule it fell under, if any
    scope_words: list[str] = field(default_factory=list)
    coverage: float = 1.0  # share of its content words that are of government services
    # The words of its groups that are words of government services (``scope``): a
    # match resting on none of them (手机, 今天, 演唱会) does not show that the library
    # holds anything close to the question.
    service_words: frozenset[str] = frozenset()
    # A few keywords, not a sentence (no question word, ``FRAGMENT_CHARS`` characters
    # at most: 开养老院, 工伤认定): answered directly only when one entry is clearly
    # ahead (``search.FRAGMENT_MARGIN``).
    fragment: bool = False
    # The words only the general thesaurus led to (工钱 → 工资): a match on them alone
    # does not show that the library holds something close (``search.related``).
    general_words: frozenset[str] = frozenset()
    df: dict[str, int] = field(default_factory=dict)
    lexicon_stamp: int | None = None  # the lexicon's, read with the words' counts


def parse(text: str, lexicon: Lexicon | None = None) -> Query:
    """The question's groups of words and bigrams (reads ``QaTerm`` once)."""
    lexicon = lexicon or current_lexicon(reader=Reader.QA)
    canon = mandarin(canonical(text))[:QUESTION_MAX]
    query = Query(text=text, canonical=canon, terms=question_terms(canon) if canon else [],
                  scope=_scope(canon, lexicon))
    found = [f.term for f in lexicon.find(canon)
             if f.expansions and not asking(f.term, lexicon)]
    typed, swallowed = _typed(query.terms, found, lexicon)
    groups = _groups(query, typed, canon, lexicon)
    probes = pinyin_probes(canon)
    query.scope_words = [w for w in content_words(canon) if not asking(w, lexicon)]
    # A word typed is matched as typed (and by its bigrams); one the lexicon leads to
    # may be a word the index holds cut apart (``_index_words``).
    candidates = {w: words_of(w) if w in groups else _index_words(w)
                  for g in groups.values() for w in g}
    glued = _glued(query.terms)
    heads = _heads(groups)
    stems = _stems(groups)
    words = ({w for g in groups.values() for w in g} | {p for ps in probes.values() for p in ps}
             | {p for ps in candidates.values() for p in ps} | set(query.scope_words)
             | set(glued.values()) | set(heads.values()) | set(stems.values()) | negated_chars(probes))
    query.grams = grams(canon)
    # A two-character word cut into its characters is matched by them only where the
    # library writes them together (the pinyin bigram ``_written_together`` reads).
    cut = {g for w, ps in candidates.items() if len(w) == 2 and ps for g in grams(w)}
    rows, query.lexicon_stamp = reads.word_counts(
        [*words, *(GRAM_PREFIX + g for g in query.grams | cut)], probes)
    sounds: dict[str, list[str]] = defaultdict(list)
    for key, df, pinyin in rows:
        query.df[key] = df
        if pinyin in probes:
            sounds[pinyin].append(key)
    query.parts = {w: ps for w, ps in candidates.items()
                   if len(ps) > 1 and not query.df.get(w) and all(query.df.get(p) for p in ps)
                   and _written_together(query, w)}
    _prune(query, groups, typed, swallowed)
    drop_supposed_not(canon, groups)
    _unglue(query, groups, glued)
    _behead(query, groups, heads)
    _unsuffix(query, groups, stems, lexicon)
    _add_typos(query, groups, probes, sounds, lexicon, found)
    _add_compounds(query, groups)
    weigh_clauses(canon, groups)
    query.groups = list(groups.values())
    query.general_words = _general_words(query, groups)
    # A word the index holds as several (家庭医生: 家庭 + 医生) is held by the entries
    # holding them all: as many as hold the rarest, at most.
    held = {**query.df, **{w: min(query.df[p] for p in ps) for w, ps in query.parts.items()}}
    # Out of scope is judged by the office's lexicon only: with the general thesaurus
    # too, everyday words lead to words the library holds (男朋友 → 男友, 消息 → 信息)
    # and out-of-scope questions were recognised less on every development set.
    query.coverage = (1.0 if asks_responsibility(canon)
                      else coverage(query.scope_words, held, lexicon.expand))
    query.service_words = frozenset(
        w for group in groups.values() for w in group
        if w not in GENERIC_WORDS and government_word(w, held, lexicon.expand))
    if not query.scope and groups and _vague(groups, lexicon):
        query.scope = "vague"
    query.fragment = (len(re.sub(r"\W", "", canon)) <= FRAGMENT_CHARS
                      and not ASKING.search(canon))
    query.rewritten = _rewritten(canon, query)
    query.alt_grams = grams(query.rewritten)
    return query


# Doing it online is one service whatever the service is (the district's online
# services: 材料能网上提交吗, 网上能办吗): a question of what is asked of any service that
# asks whether it is done online asks about that, and is not vague.
ONLINE_WORDS = frozenset({"网上", "线上"})


def _vague(groups: dict[str, dict[str, float]], lexicon: Lexicon) -> bool:
    """Whether the question's words only ask of any service (办理, 材料) or tell the
    circumstances (去年): no one entry can answer it (怎么办理？ 需要什么材料？)."""
    words = set(groups)
    return (all(word in GENERIC_WORDS or _circumstance(word, lexicon) for word in words)
            and not words & ONLINE_WORDS)


def _scope(canon: str, lexicon: Lexicon) -> str:
    """``scope.out_of_scope``, except that a number alone the lexicon names (12345: the
    office's group of the citizens' hotline) is the name of a service, not a sum to work
    out: a resident types the hotline's number to ask what it is for."""
    scope = out_of_scope(canon)
    if scope == "arithmetic" and _a_named_number(canon, lexicon):
        return ""
    return scope


def _a_named_number(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` (a question's words, its question marks aside) is one number the
    lexicon names (not 1+1, nor a number the office has not named)."""
    return _named_number(re.sub(r"[\s?？]", "", text), lexicon)


def _named_number(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a number the lexicon leads to other words from (12345)."""
    return word.isdigit() and bool(lexicon.expand(word))


def _circumstance(word: str, lexicon: Lexicon) -> bool:
    """``text.circumstance``, but a number the lexicon names is the name of a service
    (12345), not a quantity of the circumstances (五年, 3000)."""
    return circumstance(word) and not _named_number(word, lexicon)


def _groups(query: Query, typed: dict[str, float], canon: str, lexicon: Lexicon
            ) -> dict[str, dict[str, float]]:
    """A group for each word typed (circumstances at ``CIRCUMSTANCE_WEIGHT``) with what
    the lexicon says it means, and one for each lexicon phrase said apart
    (``found_apart``) with only what it adds: the words it leads to that no group has."""
    groups: dict[str, dict[str, float]] = {}
    for word, base in typed.items():
        if _circumstance(word, lexicon):
            base = round(base * CIRCUMSTANCE_WEIGHT, 4)
        group = groups[word] = {word: base}
        for term, weight, how in _meanings(word, lexicon):
            group.setdefault(term, round(base * weight, 4))
            query.expansions.append(Expansion(word, term, round(base * weight, 4), how))
    for term in found_apart(canon, lexicon):
        held = {word for group in groups.values() for word in group}
        group = {t: w for t, w in lexicon.expand(term) if t not in held}
        if group and term not in groups:
            groups[term] = group
            query.expansions += [Expansion(term, t, w, "apart") for t, w in group.items()]
    return groups


def _meanings(word: str, lexicon: Lexicon) -> list[tuple[str, float, str]]:
    """What a word typed means: the office's lexicon's expansions, or, for a word no
    office group holds (not even as the term its variants lead to), the general
    thesaurus's (one link; ``lexicon.thesaurus``). Not for the words that ask of
    anything (办理, 单位) or tell the circumstances: their synonyms only widen the
    question (dev2 lost two questions with them)."""
    found = lexicon.expand(word)
    if found:
        return [(term, weight, "lexicon") for term, weight in found]
    if lexicon.holds(word) or circumstance(word) or word in GENERIC_WORDS:
        return []
    return [(term, weight, "thesaurus") for term, weight in thesaurus().expand(word)]


# Expansions that widen a word the way any speaker might mean it, not the way the office
# or the question said it: a match on them alone is no sign the library holds the subject.
_GENERAL_HOWS = ("thesaurus", "widened")


def _general_words(query: Query, groups: dict[str, dict[str, float]]) -> frozenset[str]:
    """The words of the groups that only the general thesaurus, or the compounds of a
    single character an entry holds (``_add_compounds``), led to."""
    general = {e.term for e in query.expansions if e.how in _GENERAL_HOWS}
    if not general:
        return frozenset()
    other = {e.term for e in query.expansions if e.how not in _GENERAL_HOWS} | set(groups)
    return frozenset(general - other)


def _prune(query: Query, groups: dict[str, dict[str, float]], typed: dict[str, float],
           swallowed: dict[str, str]) -> None:
    """Once the index's counts are read: a phrase said apart that leads to nothing the
    library holds is dropped (it would only lower every entry's share); so is a piece
    of a lexicon word that the word is matched by already, or leads to itself (失业 of
    失业了 → 失业): it would count twice."""
    for term in [t for t in groups if t not in typed]:
        if not any(query.df.get(w) or w in query.parts for w in groups[term]):
            del groups[term]
    for piece, term in swallowed.items():
        if piece in query.parts.get(term, ()) or piece in groups.get(term, {}):
            groups.pop(piece, None)
    _prune_general(query, groups)


# A verb said with 点 "a little" (领点钱, 挣点外快, 排点废水, 贷了点款): the segmenter
# glues 点 to the verb, and the word it makes is held by no entry, so the verb was lost.
# A number or a pointing word before it makes a time or a quantity (几点, 一点, 有点),
# not a verb. (V + 个, 开了个小店, was tried too: the verb told what was already done
# and a dev2 question was lost.)
_GLUED = re.compile(r"([^0-9零〇一二两三四五六七八九十百千万几半多每这那哪某各整有差])了?点")


def _glued(terms: list[str]) -> dict[str, str]:
    """Each word typed that may be a verb glued to 点 (``_GLUED``) → the verb."""
    return {term: match.group(1) for term in terms if (match := _GLUED.fullmatch(term))}


def _unglue(query: Query, groups: dict[str, dict[str, float]], glued: dict[str, str]) -> None:
    """Reads a word glued to 点 as its verb (领点 as 领) where no entry holds the
    word, the lexicon does not read it (its group is the word alone) and entries hold
    the verb (卖点 stays where a library writes it, as selling point)."""
    for word, verb in glued.items():
        group = groups.get(word)
        if group is None or len(group) > 1 or query.df.get(word) or not query.df.get(verb):
            continue
        weight = groups.pop(word)[word]
        groups.setdefault(verb, {verb: weight})


# A verb said with its result (领到手, 取出来, 退下来, 卖掉: a resultative complement):
# spoken Mandarin adds where the deed ends, the written language writes the verb alone
# or in a compound the entries hold (申领, 领取 → 领: 生育津贴怎么申领, 产假工资找谁领).
_RESULT = re.compile(r"([\u4e00-\u9fff])(?:到手|出来|下来|回来|过来|过去|上来|掉)")
# The verb's weight beside the phrase's own (a share of it, as a slip's: what the entries
# write for the deed may be another compound of the verb); 1.0 and 0.8 gained the same.
HEAD_WEIGHT = 0.8


def _heads(groups: dict[str, dict[str, float]]) -> dict[str, str]:
    """Each word typed that is a verb said with its result (``_RESULT``) → the verb; not
    a question word's or a filler's (去掉: 去 says nothing alone)."""
    return {word: match.group(1) for word in groups
            if (match := _RESULT.fullmatch(word)) and match.group(1) not in FILLER_WORDS}


def _behead(query: Query, groups: dict[str, dict[str, float]], heads: dict[str, str]) -> None:
    """Also reads a verb said with its result (领到手) as the verb (领) at ``HEAD_WEIGHT``
    where no entry holds the phrase, entries hold the verb and no group of its own leads
    it; the phrase keeps what the lexicon says it means (领到手 → 领取). Its count is
    read with the question's other words."""
    for word, verb in heads.items():
        group = groups.get(word)
        if group is None or query.df.get(word) or not query.df.get(verb) or verb in groups:
            continue
        weight = round(group[word] * HEAD_WEIGHT, 4)
        group.setdefault(verb, weight)
        query.expansions.append(Expansion(word, verb, weight, "lexicon"))


# The nouns' suffixes of everyday speech (房子, 活儿): a compound of a verb and such a
# noun (买房子, 租房子, 干活儿) is the compound the written language makes of the bare
# noun (买房, 租房, 干活).
NOUN_SUFFIXES = "子儿"
# A sum of money named by what it is paid for (违约金, 抚恤金, 优待金, 补助金): the entries
# often write what it is paid for alone (违约 of 开发商逾期交房怎么赔, 军属有哪些优待), and
# the question asks about that.
MONEY_SUFFIXES = "金"


def _stems(groups: dict[str, dict[str, float]]) -> dict[str, str]:
    """Each word typed of three characters or more ending with a noun's suffix
    (``NOUN_SUFFIXES``) or naming a sum by what it is paid for (``MONEY_SUFFIXES``),
    whose group is the word alone (the lexicon does not read it) → the word without it
    (买房子 → 买房, 违约金 → 违约). Not a phrase said apart (its group holds only what
    it adds, not the phrase)."""
    return {word: word[:-1] for word, group in groups.items()
            if len(word) > 2 and word[-1] in NOUN_SUFFIXES + MONEY_SUFFIXES
            and list(group) == [word]}


def _unsuffix(query: Query, groups: dict[str, dict[str, float]], stems: dict[str, str],
              lexicon: Lexicon) -> None:
    """Reads a word typed with a noun's suffix that no entry holds (买房子) as the word
    without it where entries hold that one (买房), with what the lexicon says it means:
    the library writes the written compound, the resident says the spoken one; so a sum
    named by what it is paid for (违约金) where the entries write that alone (违约)."""
    for word, stem in stems.items():
        group = groups.get(word)
        if group is None or query.df.get(word) or word in query.parts or not query.df.get(stem):
            continue
        weight = group[word]
        group[stem] = weight
        query.expansions.append(Expansion(word, stem, weight, "lexicon"))
        for term, w in lexicon.expand(stem):
            group.setdefault(term, round(weight * w, 4))
            query.expansions.append(Expansion(word, term, round(weight * w, 4), "lexicon"))


def _prune_general(query: Query, groups: dict[str, dict[str, float]]) -> None:
    """The general thesaurus reads the words the library does not hold: a word an
    entry holds finds its entries as typed, and a general synonym of it (证明 → 关系,
    房子 → 房屋) only widens the question to other entries."""
    dropped = {(e.typed, e.term) for e in query.expansions
               if e.how == "thesaurus" and (query.df.get(e.typed) or e.typed in query.parts)}
    if not dropped:
        return
    query.expansions = [e for e in query.expansions if (e.typed, e.term) not in dropped]
    for typed, term in dropped:
        group = groups.get(typed)
        if group is not None and term != typed:
            group.pop(term, None)


def _typed(terms: list[str], found: list[str], lexicon: Lexicon
           ) -> tuple[dict[str, float], dict[str, str]]:
    """The words that lead the groups, each with its group's weight; and the pieces
    the lexicon words in ``found`` were found across (piece → lexicon word)."""
    typed = dict.fromkeys(terms, 1.0)
    swallowed: dict[str, str] = {}
    for term in found:
        for piece in [t for t in typed if t != term and t in term]:
            if len(piece) > 1:  # one character says too little alone (房 of 廉租房)
                typed[piece] = min(typed[piece], SWALLOWED_WEIGHT)
                swallowed[piece] = term
            else:
                del typed[piece]
        typed[term] = 1.0
    for word in [w for w in typed if asking(w, lexicon)]:
        del typed[word]
    return typed, swallowed



def _written_together(query: Query, word: str) -> bool:
    """Whether a word of several index words may be matched by them: one of three
    characters or more always (缴费基数: 缴费 + 基数); one of two only where an entry
    writes its two characters side by side (its pinyin bigram is held: 剐蹭 in 车辆剐蹭),
    not when each is a common word of its own found apart (上牌: 上 of 能上高架吗)."""
    return len(word) != 2 or all(query.df.get(GRAM_PREFIX + g) for g in grams(word))


def _index_words(term: str) -> tuple[str, ...]:
    """The index words of a term the lexicon leads to: those of ``words_of``, or for a
    word of two Chinese characters, its two characters (剐蹭 is indexed as 剐 + 蹭 in
    车辆剐蹭: the lexicon's 蹭了 → 剐蹭 would otherwise reach no entry); they count
    only if the index does not hold the word whole (``parse``)."""
    if len(term) == 2 and all("\u4e00" <= c <= "\u9fff" for c in term):
        return tuple(term)
    return words_of(term)


def _add_typos(query: Query, groups, probes, sounds, lexicon: Lexicon, found: list[str]
               ) -> None:
    # The words the library, the lexicon or Mandarin grammar knows (一段时间 of
    # 住一段时间: 住一 is not a slip for 注意); an unknown word may be the slip itself.
    words = [t for t in query.terms
             if len(t) > 1 and (query.df.get(t) or circumstance(t))] + found
    for pinyin, keys in sounds.items():
        for piece in probes[pinyin]:
            if not may_be_slip(query, piece, keys, lexicon, found, words):
                continue
            for key in keys:
                for covered in [t for t in groups if t in piece and t != piece]:
                    del groups[covered]
                group = groups.setdefault(piece, {piece: 1.0})
                group[key] = max(group.get(key, 0.0), TYPO_WEIGHT)
                query.expansions.append(Expansion(piece, key, TYPO_WEIGHT, "pinyin"))
                # 设保 read as 社保 means what 社保 means (社会保险).
                for term, weight in lexicon.expand(key):
                    if group.get(term, 0.0) < round(TYPO_WEIGHT * weight, 4):
                        group[term] = round(TYPO_WEIGHT * weight, 4)



def _add_compounds(query: Query, groups: dict[str, dict[str, float]]) -> None:
    """Spoken Chinese says with one character what the written says with two (报 for
    报销, 撤 for 撤回, 补 for 补贴, 赔 for 赔偿, 蹭 for 蹭车 …): a single character that
    says what is asked (not a question word, generic word or circumstance) also reads,
    at ``COMPOUND_WEIGHT``, as the library's two-character words beginning with it (one
    read of the index, only for such a question). Also where some entry holds the
    character as a word of its own: that entry says it the spoken way (能赔多少), the
    others write the compound (辞退赔偿), and the character alone found only the first
    (怀孕被公司辞退 above 被公司辞退有经济补偿 for 公司不要我了该赔我多少钱). Such a
    compound of a character an entry holds, like a general synonym, does not alone make
    a match close (``_general_words``): 行 of 自由行 read as 行政 is no sign that the
    library holds the subject."""
    singles = [w for w in groups if len(w) == 1 and "\u4e00" <= w <= "\u9fff"
               and w not in GENERIC_WORDS and not circumstance(w)]
    if not singles:
        return
    condition = Q()
    for char in singles:
        condition |= _starting_with(char)
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, df in QaTerm.objects.filter(condition, df__gt=0).values_list("key", "df"):
        if len(key) == 2:
            found[key[0]].append((df, key))
    for char in singles:
        # A character no entry holds reaches the library only through its compounds;
        # one an entry holds is matched as typed, and its compounds only widen it.
        how = "widened" if query.df.get(char) else "compound"
        for df, key in sorted(found.get(char, []), reverse=True)[:COMPOUNDS]:
            query.df[key] = df
            group = groups[char]
            weight = round(group[char] * COMPOUND_WEIGHT, 4)
            group[key] = max(group.get(key, 0.0), weight)
            query.expansions.append(Expansion(char, key, weight, how))


def _starting_with(prefix: str) -> Q:
    """Keys beginning with ``prefix``, read by the primary key's index: PostgreSQL's
    LIKE 'x%' uses the pattern index Django makes for a character key; SQLite's LIKE
    uses no index, so the code-point range (SQLite compares keys by their bytes, which
    is code-point order) bounds the read."""
    if connection.vendor == "postgresql":
        return Q(key__startswith=prefix)
    return Q(key__gte=prefix, key__lt=prefix + "\uffff", key__startswith=prefix)




def _rewritten(canon: str, query: Query) -> str:
    """The question with each expanded word replaced by its best expansion."""
    best: dict[str, tuple[str, float]] = {}
    for e in query.expansions:
        if e.typed in canon and (e.typed not in best or best[e.typed][1] < e.weight):
            best[e.typed] = (e.term, e.weight)
    for typed in sorted(best, key=len, reverse=True):
        canon = canon.replace(typed, best[typed][0])
    return canon
