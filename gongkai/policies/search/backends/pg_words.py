"""PostgreSQL: the tsvector and tsquery literals of the segmenter's own words.

The vectors and queries are made from ``ptext.tokens``, written as literals, not parsed
again by PostgreSQL's parser: index and query split text alike by construction, a
search needs no statement to learn how PostgreSQL split a word, and the work of building
the vectors is done in the segmenting worker processes, which grow with the CPUs, not in
the one database backend that writes (it spends a third less per document; on two
CPUs, the total is what limits, and indexing is no faster). The table's comment says an
index was made so (``PG_TOKENS``); one without it is rebuilt on migrate.
"""
from gongkai.policies import text as ptext
from gongkai.policies.search.backends.base import INDEX_FORMAT

PG_TOKENS = INDEX_FORMAT
# tsvector limits: 256 positions a word (PostgreSQL keeps the first), words under 2 KB.
PG_MAX_POSITIONS = 256
PG_MAX_WORD_BYTES = 2046


class _Quoted(dict):
    """word → its tsvector/tsquery literal, quoted."""

    def __missing__(self, word: str) -> str:
        if len(self) > 500_000:
            self.clear()
        self[word] = quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
        return quoted


QUOTED = _Quoted()


def pg_vector(title: list[str], number: list[str], body: list[str]) -> str:
    """The tsvector literal of the fields' words (``ptext.tokens``): each word with its
    positions, numbered on through the fields, weighted A (title), B (文号) or D (body:
    unmarked, the default). PostgreSQL keeps the first 256 positions of a word and
    counts every position past 16383 as 16383."""
    positions: dict[str, list] = {}
    before = 0
    for words, weight in ((title, "A"), (number, "B")):
        for position, word in enumerate(words, before + 1):
            positions.setdefault(word, []).append(f"{position}{weight}")
        before += len(words)
    for position, word in enumerate(body, before + 1):
        marks = positions.get(word)
        if marks is None:
            positions[word] = [position]
        else:
            marks.append(position)
    quoted = QUOTED
    return " ".join([f"{quoted[word]}:{','.join(map(str, marks[:PG_MAX_POSITIONS]))}"
                     for word, marks in positions.items()
                     if len(word.encode()) <= PG_MAX_WORD_BYTES])


def pg_words(*word_lists: list[str]) -> str:
    """The tsvector literal of the words alone (no positions, no weights)."""
    words = dict.fromkeys(word for words in word_lists for word in words)
    return " ".join([QUOTED[word] for word in words
                     if len(word.encode()) <= PG_MAX_WORD_BYTES])


def segmented_row(fields: tuple[int, str, str, str]) -> tuple[int, str, str, str, str, str]:
    """(id, segmented title, 文号 and body, the vector and heading literals)."""
    pk, *texts = fields
    (title, title_words), (number, number_words), (body, body_words) = map(
        ptext.segment_words, texts)
    return (pk, title, number, body, pg_vector(title_words, number_words, body_words),
            pg_words(title_words, number_words))


def tsqueries(groups: list[tuple[str, ...]], match_all: bool
              ) -> tuple[list[list[list[str]]], str, str]:
    """(each query word's alternatives' words, the query with each alternative's words
    joined by &, the same with each alternative's words as a phrase); alternatives are
    joined by |, query words by & (``match_all``) or |. An alternative of several words
    must be a phrase: the words query serves the GIN index (which keeps no positions),
    the phrase query ranks and tests positions."""
    joiner = " & " if match_all else " | "
    # An alternative: (its words, whether they form a phrase); a tuple's words need
    # only all occur.
    words = [[(ptext.tokens(term) or [term.lower()], True) if isinstance(term, str)
              else ([w.lower() for w in term], False) for term in group] for group in groups]

    def alternative(alt: tuple[list[str], bool], inner: str) -> str:
        return "(" + (inner if alt[1] else " & ").join(map(QUOTED.__getitem__, alt[0])) + ")"

    def query(inner: str) -> str:
        return joiner.join(
            "(" + " | ".join(alternative(a, inner) for a in alts) + ")" if len(alts) > 1
            else alternative(alts[0], inner) for alts in words)

    return [[a[0] for a in alts] for alts in words], query(" & "), query(" <-> ")
