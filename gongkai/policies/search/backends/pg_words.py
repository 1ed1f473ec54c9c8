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

PG_TOKENS = "gongkai tokens 1"
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


def tsqueries(terms: list[str], match_all: bool) -> tuple[list[list[str]], str, str]:
    """(each term's words, the words joined by & / |, the same with each term's words
    as a phrase). A term of several words must be a phrase: the words query serves the
    GIN index (which keeps no positions), the phrase query ranks and tests positions."""
    joiner = " & " if match_all else " | "
    words = [ptext.tokens(term) or [term.lower()] for term in terms]
    every = ["(" + " & ".join(map(QUOTED.__getitem__, w)) + ")" for w in words]
    phrases = ["(" + " <-> ".join(map(QUOTED.__getitem__, w)) + ")" for w in words]
    return words, joiner.join(every), joiner.join(phrases)
