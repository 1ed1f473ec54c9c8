"""The small interface between the search and a database: what a backend stores, how it
writes and deletes rows, and the ``Matcher`` that reads a query's matches.

Each database has one module (``sqlite``, ``postgresql``) with a ``Backend`` and a
``Matcher``; ``gongkai.policies.search.backends.backend()`` picks the one for a
connection. Nothing outside ``backends`` branches on the database.
"""
from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from gongkai.policies.search import lexicon_read, ranking

TABLE = "policies_search"
# What an index's rows are made of. One an earlier version wrote otherwise is written
# again by ``migrate`` (``ensure_schema`` says so): 1, the segmenter's own words
# (PostgreSQL's parser made them before); 2, also a word for each 文号 a text cites
# (``docnumber.citation_word``).
INDEX_FORMAT = "gongkai tokens 2"


class Matcher:
    """The match condition of a query's words on one database, and its ranked reads.

    ``terms``: one entry per query word, the words that match it (``query.Group``'s
    alternatives; a plain string is one alternative). An alternative is a string — of
    several space-separated tokens, a phrase: they must stand together — or a tuple of
    tokens that must all occur (a word the segmenter cuts in pieces: the index adds
    the pieces of a long word after it, so its neighbours are not adjacent).
    ``match_all``: every query word, else any.
    """

    def __init__(self, terms: list, *, match_all: bool):
        self.groups = [(t,) if isinstance(t, str) else tuple(t) for t in terms]
        self.terms = list(dict.fromkeys(
            word for group in self.groups for alt in group
            for word in ((alt,) if isinstance(alt, str) else alt)))
        self.match_all = match_all

    def ids_sql(self) -> tuple[str, list]:
        """SQL and parameters of the ids of every match (a subquery)."""
        raise NotImplementedError

    def ids_subquery(self) -> RawSQL:
        """The ids of every match, for ``pk__in``."""
        return RawSQL(*self.ids_sql())  # noqa: S611 (the backend's SQL, bound values)

    def pool(self, size: int, below: int | None = None, *, heading: bool = False,
             rank: bool = True) -> tuple[list[tuple[int, float]], bool]:
        """(id, rank) of the ``size`` newest matches with ids below ``below``, and
        whether there are more; the lower the rank, the better. ``heading``: the words
        in the title or 文号. Without ``rank`` (or with ``heading``) every rank is 0."""
        raise NotImplementedError

    def pool_sql(self, size: int, below: int | None = None, *, heading: bool = False,
                 rank: bool = True) -> tuple[str, list]:
        """The statement of ``pool`` (its rows: ``pool_of``), where a backend sends
        statements together."""
        raise NotImplementedError

    def narrow_pool_sql(self, size: int) -> tuple[str, list]:
        """``pool_sql(size, rank=True)``, where a backend may leave the ranks NULL when
        there are more than ``size`` matches (a broad query ranks a tier at a time)."""
        return self.pool_sql(size, rank=True)

    @staticmethod
    def pool_of(rows: list[tuple], size: int) -> tuple[list[tuple[int, float]], bool]:
        rows = [(pk, float(rank)) for pk, rank in rows]
        return rows[:size], len(rows) > size

    def likely_broad(self, size: int) -> bool:
        """Whether more than ``size`` documents are likely to match, by the database's
        statistics, where reading a broad query's heading rows with its newest
        matches saves a round trip (``pooled``); False where it would not."""
        return False

    def scores(self, ids: list[int], known: dict[int, float] | None = None
               ) -> dict[int, float]:
        """The rank of those of ``ids`` that match (higher is better). Scores already
        ``known`` are used as they are: on SQLite, BM25 in a statement first counts the
        documents of every query word, a pass over each word's list."""
        if not ids:
            return {}
        if known is not None and all(pk in known for pk in ids):
            return known
        return self._scores(ids)

    def _scores(self, ids: list[int]) -> dict[int, float]:
        with connection.cursor() as cursor:
            cursor.execute(*self.scores_sql(ids))
            return self.scores_of(cursor.fetchall())

    def scores_sql(self, ids: list[int], *, matching: bool = False) -> tuple[str, list]:
        """The statement of ``scores`` (``ids`` not empty); its rows: ``scores_of``.
        ``matching``: every one of ``ids`` is known to match (read by this matcher's
        ``pool``), so a backend need not test it again."""
        raise NotImplementedError

    @staticmethod
    def scores_of(rows: list[tuple]) -> dict[int, float]:
        return {pk: float(score or 0.0) for pk, score in rows}

    def holding(self, ids: list[int]) -> list[set[int]]:
        """For each query word (``groups``), which of ``ids`` hold it (one of its
        alternatives)."""
        return [set(type(self)([group], match_all=True).scores(ids)) for group in self.groups]


class Backend:
    """What the index is on one database. ``row_maker`` is a module-level function (the
    worker processes that segment many documents call it): (id, title, 文号, body) →
    the row ``write_rows`` stores."""

    vendor: str
    matcher_class: type[Matcher]
    row_maker: Callable[[tuple[int, str, str, str]], tuple]
    # A broad query ranks its matches after the heading rows this many at a time.
    broad_tier: int
    # The share of ``ranking.POOL`` a broad query reads of its newest matches: the
    # sample its facets and estimated total are counted from, and its first tiers
    # (``broad_pool``).
    broad_sample: float = 1.0
    # Whether a query not likely broad reads its newest matches ranked, with their
    # visible rows, in one statement (``Visibility.pool_with_rows``): where a statement
    # waited for is a round trip; the ranks of a pool that turns out broad are then
    # computed for nothing (SQLite, whose BM25 counts each word's documents first,
    # reads them a tier at a time).
    rows_with_pool: bool = False

    def broad_pool(self) -> int:
        """How many of a broad query's newest matches are read (``broad_sample``)."""
        return max(1, round(ranking.POOL * self.broad_sample))

    def ensure_schema(self, cursor) -> bool:
        """Create what is missing; True when the stored rows were written by an earlier
        version and must be written again (``INDEX_FORMAT``: an index without rows is
        stamped at once, one with rows by the rebuild, in its transaction, so a rebuild
        cut short leaves the index marked for rebuilding)."""
        raise NotImplementedError

    def stamp(self, cursor) -> None:
        """Mark the index as written in ``INDEX_FORMAT``."""
        raise NotImplementedError

    def write_rows(self, cursor, rows: list[tuple], *, counted: bool = True) -> None:
        """Write (or rewrite) these rows. ``counted``: the words' stored counts are
        kept in the same statements; else ``recount`` makes them afterwards (a whole
        rebuild)."""
        raise NotImplementedError

    def delete_rows(self, cursor, ids: list[int] | None) -> None:
        """Remove these documents from the index (every document when None)."""
        raise NotImplementedError

    def recount(self, cursor) -> None:
        """Make the words' stored counts again from the index, in one pass (after
        ``write_rows(counted=False)``)."""
        raise NotImplementedError

    def finish_bulk(self, cursor) -> None:
        """After many documents were written at once."""

    def after_rebuild(self, cursor) -> None:
        """After the whole index was written again."""

    def warm(self, cursor) -> list[tuple[str, int]]:
        """Read the index into the database's memory (after a server restart): (what
        was read, how many pages or rows) per part; nothing where the database is a
        file the operating system caches."""
        return []

    def stored_texts(self, cursor, ids: list[int]) -> list[tuple[int, str, str]]:
        """(id, segmented title, segmented body) of these documents."""
        cursor.execute(*self.stored_texts_sql(ids))
        return cursor.fetchall()

    def stored_texts_sql(self, ids: list[int]) -> tuple[str, list]:
        """The statement of ``stored_texts``."""
        raise NotImplementedError

    def run_together(self, statements: list[tuple[str, list]]) -> list[list[tuple]]:
        """The rows of each statement, in order: statements that do not depend on each
        other's results (the hits' columns, their texts, the facet counts) are sent at
        once where the database is a server (``core.sql.run_together``). During a
        search, the first of them also reads the lexicon's stamp (``lexicon_read``)."""
        return lexicon_read.run_together(statements)

    def stored_titles(self, cursor, ids: list[int]) -> list[tuple[int, str]]:
        """(id, segmented title) of these documents."""
        cursor.execute(*self.stored_titles_sql(ids))
        return cursor.fetchall()

    def stored_titles_sql(self, ids: list[int]) -> tuple[str, list]:
        """The statement of ``stored_titles``."""
        raise NotImplementedError

    def title_word_counts_sql(self, ids: list[int]) -> tuple[str, list] | None:
        """A statement of (word, documents holding it) for the words of these
        documents' stored titles (split at spaces), sent with the titles where a
        statement waited for is a round trip; a word no document holds has no row.
        None where the counts are read as cheaply when needed (in-process)."""
        return None

    def id_list(self, ids: Iterable[int]) -> RawSQL:
        """``ids`` as a subquery with one parameter, so a thousand ids cost one bound
        value rather than a thousand placeholders to compile."""
        raise NotImplementedError

    def word_documents(self, cursor, words: list[str], cap: int,
                       held: frozenset[str] = frozenset()) -> dict[str, int]:
        """word → how many documents hold it (one index token each), counting at least
        up to ``cap`` (a count may stop there). ``held``: those of ``words`` some
        document's index row is known to hold (its count is at least 1)."""
        raise NotImplementedError

    def document_total(self, cursor) -> int:
        """How many documents the index holds (an estimate will do)."""
        raise NotImplementedError

    def covered_sql(self, queryset: QuerySet, *, listing: bool = False
                    ) -> tuple[str, tuple]:
        """The SQL and parameters of a ``values_list`` documents query, as ``covered``
        runs it; ``listing``: of the hits' listing columns."""
        return queryset.query.sql_with_params()

    def listing_table(self) -> str:
        """The documents table, as read for the listing columns and the
        interpretation links by id."""
        from gongkai.policies.models import PolicyDocument

        return PolicyDocument._meta.db_table

    def covered(self, queryset: QuerySet) -> list[tuple]:
        """The rows of a ``values_list`` documents query."""
        return list(queryset)

    def matcher(self, terms: list[str], *, match_all: bool) -> Matcher:
        return self.matcher_class(terms, match_all=match_all)
