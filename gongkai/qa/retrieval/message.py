"""How a resident's message is built: its clauses, which of them ask, and what the
words of each weigh for it; the lexicon's phrases said apart within a clause; the words
a supposition negates.

A message tells its circumstances first and asks last, in a clause with a question word
or mark (``ASKING``): in a question of several clauses, words count less the farther
their clause is from a clause that asks (``clause_weights``, ``weigh_clauses``), and a
clause that asks without naming anything (要带什么材料去哪里办) asks about the clause
before it. Mandarin puts what is asked about first, splits a verb from its object and
puts modifiers between, so a lexicon phrase the office wrote one way is often said
another within a clause (社保能转过来 for 转社保, 产假期间那笔钱 for 产假的钱:
``found_apart``). A supposition negated (不买房的话) says what is not so, and its words
are not what is asked (``drop_supposed_not``). Question words (``asking``) lead no
group. ``query.parse`` reads the message with these.
"""
import re
from collections import defaultdict
from functools import lru_cache

from gongkai.core.text import positions
from gongkai.lexicon.selectors import Lexicon
from gongkai.policies.text import query_terms
from gongkai.qa.retrieval.text import FILLER_WORDS, GENERIC_WORDS, circumstance, content_words

# A lexicon phrase said apart (社保能转过来 for 转社保): at most this many characters
# between its words. A verb and its object with the object's modifiers (换到新家附近的
# 学校 for 换学校), a subject and its predicate (工资两个月不发) stand that close; two
# words a sentence apart are not one phrase (老人 … 补贴). 3 and 6 were tried on the
# development sets: 6 gained three questions more and lost one.
APART_GAP = 6
# A long question tells its circumstances and asks in a clause with a question word:
# a word counts the less the farther its clause is from such a clause (× CONTEXT_DECAY
# a clause, never below CONTEXT_FLOOR; chosen on the tuning splits).
CONTEXT_DECAY, CONTEXT_FLOOR = 0.9, 0.5
ASKING = re.compile("怎么|怎样|咋|啥|什么|吗|哪|如何|能不能|能否|可不可以|多少|多久|谁|是否|"
                    "有没有|要不要|[?？]")
# Clauses end at punctuation, not at spaces: a question typed as keywords is one clause.
_CLAUSE = re.compile(r"[,，。.!！;；:：、]+|(?<=[?？])")


# A condition the asker says is not so (不买房的话, 如果没有工作, 要是不交): the question
# asks what happens otherwise, and the negated words are not what it is about.
_SUPPOSED_NOT = re.compile(
    r"(?:如果|要是|假如|假设|若是|万一)[^,，。.!！?？;；]{0,4}?(?:不|没有|没)([^,，。.!！?？;；]{1,6}?)"
    r"(?=的话|[,，])|(?:不|没有|没)([^,，。.!！?？;；]{1,6}?)的话")


def drop_supposed_not(canon: str, groups: dict[str, dict[str, float]]) -> None:
    """Drops the groups of the words a supposition negates (买房 of 不买房的话: words of
    two characters or more): the question says they are not so (``_SUPPOSED_NOT``), so
    they do not say what it asks about. Kept when no other word names anything."""
    negated = {w for m in _SUPPOSED_NOT.finditer(canon)
               for w in content_words(m.group(1) or m.group(2)) if len(w) > 1}
    # A lexicon phrase holding a negated word (能不能买房 of 不买房的话能不能拿出来) is
    # negated with it.
    dropped = {key for key in groups if any(word in key for word in negated)}
    if dropped and any(names(key) for key in set(groups) - dropped):
        for key in dropped:
            del groups[key]


def found_apart(canon: str, lexicon: Lexicon) -> list[str]:
    """Lexicon phrases of several words said apart, within one clause: each of the
    phrase's words is a word of the clause, with others between or in another order
    (社保能转过来 holds 转社保's 社保 and 转; 生病看不起 holds 看不起病's). Mandarin
    puts what is asked about first (topic first), splits a verb from its object
    (离合词) and puts modifiers between, so a phrase the office wrote one way is often
    said another. The phrase then adds what it leads to (``query._groups``)."""
    phrases = _phrases(lexicon)
    found: list[str] = []
    for clause in _CLAUSE.split(canon):
        chars = set(clause)
        if len(chars) < 3:
            continue
        for term, term_chars in [p for char in chars for p in phrases.get(char, ())]:
            if (not term_chars <= chars or term in clause or term in found
                    or asking(term, lexicon)):
                continue
            # Each word of the phrase is in the clause as written, not necessarily as
            # the segmenter cut the clause (转过来 is cut 转过 + 来, 多收我钱 多 + 收).
            pieces = [p for p in words_of(term) if p not in FILLER_WORDS]
            if (len(pieces) > 1 and any(len(p) > 1 for p in pieces)
                    and all(p in clause for p in pieces) and _repeats_held(term, clause)
                    and _span(clause, pieces) <= len(term) + APART_GAP
                    and (_linked(term, clause) or _in_order(clause, pieces))):
                found.append(term)
    return found


def _linked(term: str, clause: str) -> bool:
    """Whether the clause holds every linking particle the phrase holds (``LINKING_CHARS``)."""
    return all(char in clause for char in LINKING_CHARS.intersection(term))


def _in_order(clause: str, pieces: list[str]) -> bool:
    """Whether ``pieces`` stand in ``clause`` in their order: a modifier said without its
    的 still stands before its noun (产假期间那笔钱 for 产假的钱); the other way round the
    words make a clause of their own (孩子刚生下来: a subject and what it did)."""
    at = 0
    for piece in pieces:
        at = clause.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def _repeats_held(term: str, clause: str) -> bool:
    """Whether ``clause`` holds each character ``term`` repeats as often as the term
    does: a phrase said apart has all of its characters, and a reduplicated verb's
    pieces (唱 and 唱歌 of 唱唱歌) would otherwise both be found in one 唱歌."""
    return all(clause.count(char) >= term.count(char)
               for char in set(term) if term.count(char) > 1)


def _span(clause: str, pieces: list[str]) -> int:
    """The length of the shortest stretch of ``clause`` holding every piece."""
    marks = sorted((start, start + len(p), i) for i, p in enumerate(pieces)
                   for start in positions(clause, p))
    best = len(clause) + 1
    for first, (start, _end, _i) in enumerate(marks):
        ends: dict[int, int] = {}
        for _begin, end, i in marks[first:]:
            ends.setdefault(i, end)
            if len(ends) == len(pieces):
                best = min(best, max(ends.values()) - start)
                break
    return best


_phrase_cache: list = [None, {}]
# The particle that links a modifier to its noun (产假的钱): a phrase of the lexicon said
# apart need not hold it, as the resident may link the two another way (产假期间那笔钱 for
# 产假的钱); its words must still be there, the modifier before the noun (``_in_order``).
LINKING_CHARS = frozenset("的")


def _phrases(lexicon: Lexicon) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """The lexicon's terms of three characters or more (each leads somewhere), with
    their characters, by their first character (a clause is checked only against the
    terms whose first character it holds); kept for the lexicon snapshot in use. Their
    expansions are not worked out here: a snapshot is made at the next question after
    any edit, and only a term found is expanded (``found_apart`` leaves out a question
    word)."""
    if _phrase_cache[0] is not lexicon:
        by_first: dict[str, list] = defaultdict(list)
        for term in lexicon.terms():
            if len(term) > 2:
                by_first[term[0]].append((term, frozenset(term) - LINKING_CHARS))
        _phrase_cache[1] = {char: tuple(terms) for char, terms in by_first.items()}
        _phrase_cache[0] = lexicon
    return _phrase_cache[1]


def asking(word: str, lexicon: Lexicon) -> bool:
    """A question word, or a dialect one the lexicon reads as one (点样 → 怎么): it says
    how the question is asked, not what about."""
    expansions = lexicon.expand(word)
    return word in FILLER_WORDS or bool(expansions) and expansions[0][0] in FILLER_WORDS


def clause_weights(canon: str) -> list[tuple[str, float]]:
    """Each clause of (canonical) text with the weight of its words: 1 in a clause that
    asks (or the last one, if none does), × ``CONTEXT_DECAY`` for each clause away.
    A clause that asks without naming anything (要带什么材料去哪里办？) asks about what
    the clause before it names (想先把失业的钱领上): that one counts as asking too."""
    clauses = [c for c in _CLAUSE.split(canon) if c and c.strip("?？")]
    asks = [i for i, c in enumerate(clauses) if ASKING.search(c)] or [len(clauses) - 1]
    for i in list(asks):
        if i > 0 and i - 1 not in asks and not names(clauses[i]):
            asks.append(i - 1)
    return [(c, max(CONTEXT_FLOOR, CONTEXT_DECAY ** min(abs(i - a) for a in asks)))
            for i, c in enumerate(clauses)]


def names(clause: str) -> bool:
    """Whether a clause names something: a word that is neither a question word, nor
    what is asked of any service (办理, 材料), nor a circumstance (去年, 听说)."""
    return any(w not in GENERIC_WORDS and not circumstance(w) and len(w) > 1
               for w in content_words(clause))


def weigh_clauses(canon: str, groups: dict[str, dict[str, float]]) -> None:
    clauses = clause_weights(canon)
    if len(clauses) < 2:
        return
    for typed, group in groups.items():
        weight = max((w for clause, w in clauses if typed in clause), default=1.0)
        if weight < 1.0:
            for word in group:
                group[word] = round(group[word] * weight, 4)


@lru_cache(maxsize=20_000)
def words_of(term: str) -> tuple[str, ...]:
    """The index words of a term of three characters or more (缴费基数 → 缴费, 基数)."""
    return tuple(query_terms(term)) if len(term) > 2 else ()
