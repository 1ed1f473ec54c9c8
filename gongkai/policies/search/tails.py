"""Whether a query names only the tail of titles: a kind of document and the words that,
in the library's titles, qualify the kind of measure after a subject has been named —
专项 of 燃气安全专项整治工作方案, 住宅专项维修资金管理办法, 人才引进和培养专项资金管理办法.

Such a word is no generic word of the language (专项资金, 专项整治, 专项债 name real
things, and 燃气 专项整治 asks for one document), so no word list can hold it. What
makes it generic *here* is what the library's titles show and what the query lacks:

- the query names a kind of document (a genre word, ``words.GENRE_WORDS``: 行动方案,
  管理办法, 文件) and at most ``TAIL_WORDS_MAX`` words besides the generic ones;
- each of those words, in every title holding it (the newest ``TAIL_SAMPLE``), comes
  after the title's subject — some word of the title before it is no generic one
  (黄埔区 and 关于 are) — and those titles name unrelated subjects: no word before it is
  common to them all (燃气 安全, 住宅, 人才 引进 培养 …);

so the query is a title's tail without its subject (专项行动方案: "a plan of special
action" — of what?). It finds nothing and says its words are too generic, as a query
of generic words does. A word that leads some title (政务公开 of 黄埔区2026年政务公开
工作要点), or whose titles are of one subject (a document and its explainer), names
that subject; a query without a genre word (专项资金) asks for a thing, not for a kind
of document, and is searched.

Read per query, only for a query of that shape (a round trip for the titles holding
the word, one for their words as the index holds them): nothing is kept, so the rule
follows documents added or removed at once.
"""
import re

from gongkai.policies import text as ptext
from gongkai.policies.models import PolicyDocument
from gongkai.policies.search import words
from gongkai.policies.search.backends import backend
from gongkai.policies.search.reading import _words

TAIL_WORDS_MAX = 2
TAIL_SAMPLE = 20
TAIL_UNITS_MIN = 3
# The 年 of a year (2026 年 of 黄埔区2026年政务公开工作要点): it says which edition, not
# a subject named before the word.
_EDITION_WORDS = frozenset({"年"})
# A word of a stored title and the pieces the index added after it (``ptext.SUB_OPEN``
# … ``ptext.SUB_CLOSE``: 专项资金 followed by 专项 资金).
_OPEN, _CLOSE = ptext.SUB_OPEN, ptext.SUB_CLOSE
_STORED_WORD = re.compile(rf"([^\s{_OPEN}{_CLOSE}]+)(?:{_OPEN}([^{_CLOSE}]*){_CLOSE})?")


def names_only_a_tail(plan) -> bool:
    """Whether ``plan`` (``query.Plan``) names a kind of document and, of the words the
    library holds, only words that qualify it after other subjects in the library's
    titles (see the module). Beside them, a word the library lacks (债券 of 专项债券
    发行方案) is the query's subject: the engine says the library lacks it."""
    content = plan.content
    if not content or len(content) > TAIL_WORDS_MAX:
        return False
    if not any(g.typed in words.GENRE_WORDS for g in plan.groups):
        return False
    # (The rarest word first: the likeliest to lead a title, it ends the reading
    # soonest. Not left out by the counts already loaded — they are kept minutes, and
    # a document just published must count at once.)
    return all(_in_tails_only(group.alternatives)
               for group in sorted(content, key=lambda g: g.documents))


def _in_tails_only(alternatives: tuple) -> bool:
    """Whether the titles holding one of ``alternatives`` (the newest ``TAIL_SAMPLE``)
    are issued by at least ``TAIL_UNITS_MIN`` units, and each names a subject before
    it."""
    rows, _more = backend().matcher([alternatives], match_all=True).pool(
        TAIL_SAMPLE, heading=True)
    ids = [pk for pk, _rank in rows]
    if len(ids) < TAIL_UNITS_MIN:
        return False
    titles, units = backend().run_together([backend().stored_titles_sql(ids),
                                            _units_sql(ids)])
    if len({unit for _pk, unit in units}) < TAIL_UNITS_MIN:
        return False
    firsts = frozenset(_words(a)[0] for a in alternatives)
    return all(_lead(title, firsts) for _pk, title in titles)


def _units_sql(ids: list[int]) -> tuple[str, list]:
    """(id, unit id) of these documents: the unit that issued each."""
    table = PolicyDocument._meta.db_table
    return (f"SELECT id, unit_id FROM {table} WHERE id IN ("  # noqa: S608 (placeholders)
            + ", ".join(["%s"] * len(ids)) + ")", list(ids))


def _lead(title: str, firsts: frozenset[str]) -> frozenset[str] | None:
    """The subject words of ``title`` (as the index stores it: each long word followed
    by its pieces in ``SUB_OPEN`` … ``SUB_CLOSE``) before the first word that is or
    holds one of ``firsts``; None when none is (matched by its 文号)."""
    lead: set[str] = set()
    for word, pieces in _title_words(title):
        if word in firsts or firsts.intersection(pieces):
            return frozenset(lead)
        if any(map(ptext._is_cjk, word)) and not words.is_generic_class(word) \
                and word not in ptext._STOPWORDS and word not in _EDITION_WORDS:
            lead.add(word)
    return None


def _title_words(title: str) -> list[tuple[str, tuple[str, ...]]]:
    """(word, its pieces) in the order of the stored title."""
    return [(m[1], tuple((m[2] or "").split())) for m in _STORED_WORD.finditer(title)]
