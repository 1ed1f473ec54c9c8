"""Which of a search's candidates the reader may see, and their facet values: each
read once (``pooled``: the newest matches, the heading rows and the ranked tiers
overlap)."""
from collections.abc import Iterable

from django.db.models import QuerySet

from gongkai.policies.search import ranking
from gongkai.policies.search.backends import Matcher, backend
from gongkai.policies.search.facets import VisibleRows


class Visibility:
    """``visible_rows`` of a search's candidates, each read once: the newest matches,
    the heading rows and the ranked tiers overlap."""

    def __init__(self, visible: QuerySet, key: tuple | None = None):
        self.read_rows = VisibleRows(visible, key)
        self.rows: dict[int, tuple] = {}
        self.read: set[int] = set()
        # Scores read with the newest matches of ``scored`` (``pool_with_rows``), higher
        # better: another matcher (the any-word one) scores otherwise.
        self.scored: Matcher | None = None
        self.scores: dict[int, float] = {}

    def of(self, ids: Iterable[int]) -> dict[int, tuple]:
        ids = list(ids)
        new = [pk for pk in ids if pk not in self.read]
        if new:
            self.rows.update(self.read_rows(new))
            self.read.update(new)
        return {pk: self.rows[pk] for pk in ids if pk in self.rows}

    def scores_and_rows(self, matcher: Matcher, ids: list[int]
                        ) -> tuple[dict[int, float], dict[int, tuple]]:
        """``matcher.scores(ids)`` and ``of(ids)``, which do not depend on each other:
        in one round trip on a client-server database. ``ids``: matches ``matcher``
        read (its newest), not tested again."""
        new = [pk for pk in ids if pk not in self.read]
        if not new and matcher is self.scored and all(pk in self.scores for pk in ids):
            return {pk: self.scores[pk] for pk in ids}, self.of(ids)
        statements = [matcher.scores_sql(ids, matching=True)] + (
            [self.read_rows.bound(new)] if new else [])
        read = backend().run_together(statements)
        if new:
            self.rows.update(self.read_rows.rows_of(read[1]))
            self.read.update(new)
        return matcher.scores_of(read[0]), self.of(ids)

    def scores_of(self, matcher: Matcher, ids: list[int]) -> dict[int, float]:
        """The scores of ``ids``, matches ``matcher`` read (not tested again): those
        read with the newest matches as they are, the others in one statement."""
        known = self.scores if matcher is self.scored else {}
        missing = [pk for pk in ids if pk not in known]
        scores = {pk: known[pk] for pk in ids if pk in known}
        if missing:
            read, = backend().run_together([matcher.scores_sql(missing, matching=True)])
            scores.update(matcher.scores_of(read))
        return scores

    def with_rows(self, statement: tuple[str, list]) -> tuple[str, list] | None:
        """A pool's statement (rows: id, rank, newest first) with the visible rows of
        its ids: one statement, the matches read once, where the backend allows it
        (``Backend.rows_with_pool``), else None. Its rows: ``rows_read``."""
        if not backend().rows_with_pool:
            return None
        rows_sql = self.read_rows.bound_query("SELECT document_id FROM newest", [])
        if rows_sql is None:
            return None
        pool_sql, pool_params = statement
        columns = [f"c{i}" for i in range(len(VisibleRows.COLUMNS))]
        # The matches once (a materialised common table expression), their visible
        # rows of them; a match the reader may not see has NULLs there.
        sql = (f"WITH newest (document_id, rank) AS MATERIALIZED ({pool_sql}), "  # noqa: S608
               f"visible ({', '.join(columns)}) AS ({rows_sql[0]}) "
               "SELECT newest.document_id, newest.rank, visible.* FROM newest "
               "LEFT JOIN visible ON visible.c0 = newest.document_id "
               "ORDER BY newest.document_id DESC")
        return sql, [*pool_params, *rows_sql[1]]

    def rows_read(self, read: list[tuple]) -> list[tuple[int, float | None]]:
        """The (id, rank) rows of a ``with_rows`` statement's ``read``, newest first;
        the visible rows read with them are kept."""
        self.rows.update(self.read_rows.rows_of([row[2:] for row in read
                                                 if row[2] is not None]))
        self.read.update(row[0] for row in read)
        return [(row[0], row[1]) for row in read]

    def pool_with_rows(self, matcher: Matcher, *, rank: bool = True
                       ) -> tuple[list[tuple[int, float]], bool] | None:
        """``matcher.pool`` of the ``POOL`` newest matches with their visible rows and,
        when they are all (``narrow_pool_sql``) and ``rank``, their scores, kept here
        (tier 0 is then ranked without a read): one statement (``with_rows``), else
        None."""
        statement = self.with_rows(matcher.narrow_pool_sql(ranking.POOL) if rank
                                   else matcher.pool_sql(ranking.POOL, rank=False))
        if statement is None:
            return None
        read, = backend().run_together([statement])
        rows = self.rows_read(read)
        pool, more = matcher.pool_of([(pk, 0.0) for pk, _rank in rows], ranking.POOL)
        self.scored, self.scores = (matcher, {pk: -float(r) for pk, r in rows
                                              if r is not None}) if rank else (None, {})
        return pool, more
