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

The search reads the groups of its scope (``Reader.SEARCH``: those for the search only
and those for both), never the Q&A's own.
"""
from collections.abc import Callable
from contextvars import ContextVar

from gongkai.core import sql
from gongkai.lexicon.models import Reader
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
    """The stamp read during one search (None until read)."""

    stamp: int | None = None


_check: ContextVar[_Check | None] = ContextVar("policy_search_lexicon_check", default=None)


def run_together(statements: list[tuple[str, list]]) -> list[list[tuple]]:
    """``core.sql.run_together``, with the lexicon's stamp read in the same round trip
    when the search under way has not read it yet."""
    check = _check.get()
    if check is None or check.stamp is not None:
        return sql.run_together(statements)
    stamp_rows, *rows = sql.run_together([stamp_statement(), *statements])
    check.stamp = stamp_of(stamp_rows)
    return rows


def current(search: Callable[[Lexicon], object]):
    """``search(lexicon)`` with this process's lexicon, made again with the current one
    when the stamp read during it says the lexicon was edited since."""
    lexicon = cached_lexicon(Reader.SEARCH)
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
        lexicon = current_lexicon(stamp, Reader.SEARCH)  # edited since this process read it
    return result
