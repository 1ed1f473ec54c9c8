"""The lexicon a search is read with: current, without a round trip of its own.

The office edits the lexicon in the UI and the change must be applied by every process
at its next search. Reading the lexicon's stamp before each search was one round trip
of its own on PostgreSQL (a wake-up of the server process and of this one: a wait for
a core on a busy machine). Instead a search is read with the lexicon this process
holds (``selectors.cached_lexicon``), and the stamp is read in the same round trip as
the search's first statement sent through ``Backend.run_together`` (``run_together``
here); a search that sends none reads it alone at its end. When the stamp differs from
the lexicon's — an edit in any process, committed before the search began, is seen by
that read — the answer is thrown away and the search made again with the current
lexicon (``selectors.current_lexicon(stamp)``), as the Q&A does
(``gongkai.qa.retrieval.reads.word_counts``). Only the search after an edit pays for it.
"""
from collections.abc import Callable
from contextvars import ContextVar

from gongkai.core import sql
from gongkai.lexicon.selectors import (
    Lexicon,
    cached_lexicon,
    current_lexicon,
    lexicon_stamp,
    stamp_of,
    stamp_statement,
)

# Readings of a search when the lexicon is edited while it is read (each time again).
LEXICON_READS = 3


class _Check:
    """The stamp read during one search (None until read), and the statements
    waiting to be sent with its next round trip (``Deferred``)."""

    stamp: int | None = None

    def __init__(self):
        self.pending: list[Deferred] = []


class Deferred:
    """The values of the first column of a statement's rows (the 文号 matches' ids),
    read in the search's next round trip through ``run_together`` rather than in one
    of their own — on PostgreSQL a wake-up of two processes, a wait for a core on a
    busy machine — or alone when wanted before it (iterating, ``len``, truth). Outside
    a search, read at once."""

    def __init__(self, statement: tuple[str, list]):
        self.statement = statement
        self.values: list | None = None
        check = _check.get()
        if check is None:
            self.read()
        else:
            check.pending.append(self)

    def take(self, rows: list[tuple]) -> None:
        self.values = [row[0] for row in rows]

    def read(self) -> list:
        if self.values is None:
            check = _check.get()
            if check is not None and self in check.pending:
                check.pending.remove(self)
            self.take(run_together([self.statement])[0])
        return self.values

    def __iter__(self):
        return iter(self.read())

    def __len__(self) -> int:
        return len(self.read())

    def __bool__(self) -> bool:
        return bool(self.read())


_check: ContextVar[_Check | None] = ContextVar("policy_search_lexicon_check", default=None)


def run_together(statements: list[tuple[str, list]]) -> list[list[tuple]]:
    """``core.sql.run_together``, with the lexicon's stamp read in the same round trip
    when the search under way has not read it yet, and the statements waiting to be
    sent with it (``Deferred``)."""
    check = _check.get()
    if check is None:
        return sql.run_together(statements)
    stamp = [] if check.stamp is not None else [stamp_statement()]
    pending, check.pending = check.pending, []
    read = sql.run_together([*stamp, *(d.statement for d in pending), *statements])
    if stamp:
        check.stamp = stamp_of(read[0])
    for deferred, rows in zip(pending, read[len(stamp):], strict=False):
        deferred.take(rows)
    return read[len(stamp) + len(pending):]


def current(search: Callable[[Lexicon], object]):
    """``search(lexicon)`` with this process's lexicon, made again with the current one
    when the stamp read during it says the lexicon was edited since."""
    lexicon = cached_lexicon()
    for _reading in range(LEXICON_READS):
        check = _Check()
        token = _check.set(check)
        try:
            result = search(lexicon)
        finally:
            _check.reset(token)
        stamp = check.stamp if check.stamp is not None else lexicon_stamp()
        if stamp == lexicon.stamp:
            break
        lexicon = current_lexicon(stamp)  # edited since this process read it
    return result
