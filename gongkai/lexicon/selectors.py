"""Reading the lexicon: the public interface that the Q&A answering and the policy
search use to widen a query.

    from gongkai.lexicon.selectors import expand_tokens, expand_text, current_lexicon

    expand_tokens(["廉租房", "申请"])
    # → [("廉租房", 1.0), ("公共租赁住房", 0.9), ("公租房", 0.9), ("申请", 1.0), ...]
    expand_text("娃转学咋办")
    # → [Found(term="娃", start=0, expansions=(("孩子", 0.9), ("子女", 0.77)...)), ...]

``expand_tokens(tokens) -> list[tuple[str, float]]``: each token with weight 1.0, then
the words the lexicon says it means, each with a weight in (0, 1] (how much a match
through the lexicon counts against a match of the word typed); no repeats, the highest
weight kept. ``expand_text(text)`` finds lexicon words of two or more characters inside
text that a segmenter would cut differently (廉租房, 咋办), longest first, without
overlaps. Both take text in
any script or width: terms are matched after ``gongkai.core.text.normalize`` and lower
case.

Expansion follows up to two links (娃 → 孩子 → 子女), multiplying the weights, so a
variant added to one group reaches its group's synonyms too. Each process caches one
``Lexicon`` and compares its stamp with the database's (one indexed read) whenever it is
asked: a change made in any process is seen by every other at its next query. A caller
that reads the database anyway may use the cached one at once (``cached_lexicon``), read
the stamp with its own reads (``stamp_statement``) and ask again with
``current_lexicon(stamp)`` when it differs (the Q&A does: no round trip of its own).

Each group has a scope (``models.TermScope``): the Q&A and the policy search each read
the groups of their own scope and those of both (``models.READS``), passing ``reader``
(``models.Reader``); without one a caller reads every group (the lexicon's own pages,
tests). A process keeps one snapshot per reader, each compared with the one stamp, so a
change of scope is seen by both readers at their next query like any edit.

A snapshot is cheap to make, because a process makes one at its next query after any
edit: it holds the links between terms as the groups state them; a term's expansions
(up to two links) are worked out when first asked for and kept, and terms are found in
text by a table of the terms' first characters, not a compiled pattern of every term
(which cost 15 of the 20 ms a snapshot took with the everyday lexicon's 623 groups).
"""
import threading
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection

from gongkai.core.text import normalize
from gongkai.lexicon.models import (
    BOTH_WAYS,
    KIND_WEIGHTS,
    READS,
    LexiconVersion,
    Reader,
    TermGroup,
)
from gongkai.lexicon.services import VERSION_PK

MAX_LINKS = 2
_STAMP_SQL = f"SELECT stamp FROM {LexiconVersion._meta.db_table} WHERE id = %s"  # noqa: S608
_lock = threading.Lock()
_cache: dict[str, "Lexicon"] = {}


@dataclass(frozen=True)
class Found:
    term: str
    start: int
    expansions: tuple[tuple[str, float], ...]


class Lexicon:
    """A snapshot: term → what it expands to, and the terms to find in text."""

    def __init__(self, groups, stamp: int = 0):
        self.stamp = stamp
        links: dict[str, dict[str, float]] = defaultdict(dict)
        canonicals: set[str] = set()
        for canonical, variants, kind in groups:
            canonicals.add(canonical)
            weight = KIND_WEIGHTS.get(kind, 0.8)
            for variant in variants:
                _link(links, variant, canonical, weight)
                if kind in BOTH_WAYS:
                    _link(links, canonical, variant, weight)
                    for other in variants:
                        if other != variant:
                            _link(links, variant, other, weight)
        self._links = dict(links)
        # The canonical terms that lead nowhere (those of colloquial and typo groups):
        # the office wrote them too (``holds``).
        self._targets = frozenset(canonicals - self._links.keys())
        # Expansions worked out so far (``expand``): a term's never changes in a snapshot.
        self._expanded: dict[str, tuple[tuple[str, float], ...]] = {}
        # One character inside text is too often part of another word (告 in 公告):
        # single characters are expanded only as tokens, by ``expand_tokens``. First
        # character → the lengths of the terms starting with it, longest first.
        lengths: dict[str, set[int]] = defaultdict(set)
        for word in self._links:
            if len(word) > 1:
                lengths[word[0]].add(len(word))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}

    def __len__(self) -> int:
        return len(self._links)

    def terms(self):
        """Every term that leads somewhere (each has expansions; ``expand`` gives them)."""
        return self._links.keys()

    def holds(self, term: str) -> bool:
        """Whether a group of the office's has ``term`` (as its canonical term or a
        variant): the office has said what it means, and a general thesaurus does not
        (``gongkai.lexicon.thesaurus``)."""
        return term in self._links or term in self._targets

    def expand(self, term: str) -> tuple[tuple[str, float], ...]:
        found = self._expanded.get(term)
        if found is None:
            if term not in self._links:
                return ()  # not kept: the words asked about are not bounded, the terms are
            found = self._expanded[term] = _closure(term, self._links)  # any thread: same
        return found

    def find(self, text: str) -> list[Found]:
        """Lexicon terms in ``text`` (already normalised), longest first, no overlaps:
        at each place the longest term starting there, then on from its end."""
        found, start, end = [], 0, len(text)
        while start < end:
            for length in self._lengths.get(text[start], ()):
                word = text[start:start + length]
                if len(word) == length and word in self._links:
                    found.append(Found(term=word, start=start, expansions=self.expand(word)))
                    start += length
                    break
            else:
                start += 1
        return found


def _link(links: dict, source: str, target: str, weight: float) -> None:
    if source != target and links[source].get(target, 0) < weight:
        links[source][target] = weight


def _closure(term: str, links: dict) -> tuple[tuple[str, float], ...]:
    best: dict[str, float] = {}
    frontier = {term: 1.0}
    for _step in range(MAX_LINKS):
        reached: dict[str, float] = {}
        for source, weight in frontier.items():
            for target, link in links.get(source, {}).items():
                value = round(weight * link, 4)
                if target != term and value > max(best.get(target, 0), reached.get(target, 0)):
                    reached[target] = value
        best.update(reached)
        frontier = reached
    return tuple(sorted(best.items(), key=lambda pair: (-pair[1], pair[0])))


def stamp_statement() -> tuple[str, list]:
    """The statement reading the database's stamp, for a caller sending it with its own
    reads; ``stamp_of`` its rows."""
    return _STAMP_SQL, [VERSION_PK]


def stamp_of(rows) -> int:
    return (rows[0][0] if rows else 0) or 0


def lexicon_stamp() -> int:
    # Read on every query of the policy search: one indexed row by a statement written
    # once, not compiled by the ORM each time.
    with connection.cursor() as cursor:
        cursor.execute(_STAMP_SQL, [VERSION_PK])
        return stamp_of(cursor.fetchall())


def lexicon_build(stamp: int = 0, reader: str | None = None) -> Lexicon:
    """A snapshot of the groups ``reader`` reads (every group without one)."""
    rows = TermGroup.objects.all()
    if reader is not None:
        rows = rows.filter(scope__in=READS[Reader(reader)])
    rows = rows.values_list("canonical", "variants", "kind")
    return Lexicon(((c, tuple(v or ()), k) for c, v, k in rows), stamp=stamp)


def _cache_key(reader: str | None) -> str:
    return "lexicon" if reader is None else f"lexicon:{Reader(reader).value}"


def current_lexicon(stamp: int | None = None, reader: str | None = None) -> Lexicon:
    """This process's snapshot for ``reader``, rebuilt when the database's stamp (read
    here, or given: read by the caller with its own reads) differs."""
    stamp = lexicon_stamp() if stamp is None else stamp
    key = _cache_key(reader)
    found = _cache.get(key)
    if found is not None and found.stamp == stamp:
        return found
    with _lock:
        found = _cache.get(key)
        if found is None or found.stamp != stamp:
            found = _cache[key] = lexicon_build(stamp, reader)
    return found


def cached_lexicon(reader: str | None = None) -> Lexicon:
    """This process's snapshot for ``reader`` as it is, without asking whether it is
    still current (built now if it has none): only for a caller that then reads the
    stamp (``stamp_statement``) and, when it differs, starts again with
    ``current_lexicon(stamp, reader)``."""
    found = _cache.get(_cache_key(reader))
    return found if found is not None else current_lexicon(reader=reader)


def expand_tokens(tokens, lexicon: Lexicon | None = None) -> list[tuple[str, float]]:
    """Each token (weight 1.0) followed by its expansions; see the module docstring."""
    lexicon = lexicon or current_lexicon()
    weights: dict[str, float] = {}
    for token in tokens:
        term = "".join(normalize(token).lower().split())
        for word, weight in ((term, 1.0), *lexicon.expand(term)):
            if word and weights.get(word, 0) < weight:
                weights[word] = weight
    return list(weights.items())


def expand_text(text: str, lexicon: Lexicon | None = None) -> list[Found]:
    lexicon = lexicon or current_lexicon()
    return lexicon.find(normalize(text or "").lower())


@dataclass(frozen=True)
class Applied:
    """One of the office's groups a text names, and which readers apply it."""

    canonical: str
    words: tuple[str, ...]  # the text's words that name it
    scope: str
    scope_label: str
    qa: bool
    search: bool


def groups_applied(text: str) -> list[Applied]:
    """The groups whose words ``text`` holds (as each reader's scan of a text finds
    them: longest first), and for each whether the Q&A and the policy search apply it:
    for the staff test view, so a group held for one reader is seen to be."""
    lower = normalize(text or "").lower()
    found = {reader: {f.term for f in current_lexicon(reader=reader).find(lower)}
             for reader in Reader}
    named = set().union({f.term for f in current_lexicon().find(lower)}, *found.values())
    if not named:
        return []
    applied = []
    for group in TermGroup.objects.only("canonical", "variants", "scope"):
        words = tuple(w for w in (group.canonical, *group.variants) if w in named)
        if words:
            applied.append(Applied(
                canonical=group.canonical, words=words, scope=group.scope,
                scope_label=str(group.get_scope_display()),
                qa=group.scope in READS[Reader.QA] and bool(found[Reader.QA] & set(words)),
                search=group.scope in READS[Reader.SEARCH]
                and bool(found[Reader.SEARCH] & set(words))))
    return applied


def groups_search(query: str = "", kind: str = "", scope: str = ""):
    """The groups staff browse: those whose canonical term or a variant holds
    ``query``, optionally of one ``kind`` and one ``scope``."""
    rows = TermGroup.objects.select_related("updated_by")
    if kind:
        rows = rows.filter(kind=kind)
    if scope:
        rows = rows.filter(scope=scope)
    query = "".join(normalize(query or "").lower().split())
    if query:
        rows = [g for g in rows if query in g.canonical or any(query in v for v in g.variants)]
    return rows
