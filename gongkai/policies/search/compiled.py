"""Statements the ORM compiles once and a search runs again with other ids.

Compiling a queryset with the visibility rules, the validity expression and a join takes
the ORM longer than SQLite or PostgreSQL take to run it on a few hundred ids: a search
that reads its candidates' rows three times compiled them three times. ``Compiled``
keeps the SQL and parameters of a ``values_list`` query whose ids are one bound value
(``Backend.id_list``) and puts other ids in its place. ``cached`` keeps one per key for
the life of the process: only for statements that are the same for every reader with
that key (the public, today, these filters) — the key says so; who may read what is
still decided by the statement, as the ORM wrote it.
"""
from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import QuerySet

from gongkai.policies.search.backends import backend

# An id no document has: it marks where the ids go in the compiled parameters.
_MARKER = (-987_654_321,)
MAX_CACHED = 64


class Compiled:
    def __init__(self, build: Callable[[object], QuerySet], *, covered: bool = False,
                 listing: bool = False):
        chosen = backend()
        marker = chosen.id_list(_MARKER)
        queryset = build(marker)
        self.sql, params = (chosen.covered_sql(queryset, listing=listing)
                            if covered or listing else queryset.query.sql_with_params())
        self.params = list(params)
        self.slot = self.params.index(marker.params[0])
        # Where the ids' subquery stands, if it stands once and its placeholder is the
        # slot's (``bound_query``).
        at = self.sql.find(marker.sql)
        self.at = (at if at >= 0 and self.sql.count(marker.sql) == 1
                   and self.sql[:at].replace("%%", "").count("%s") == self.slot else None)
        self.marker_sql = marker.sql

    def bound(self, ids: Iterable[int]) -> tuple[str, list]:
        """The statement and its parameters for ``ids``."""
        params = list(self.params)
        params[self.slot] = backend().id_list(ids).params[0]
        return self.sql, params

    def bound_query(self, sql: str, params: list) -> tuple[str, list] | None:
        """The statement with the ids of a subquery (``sql``, ``params``) in place of a
        list; None where it cannot be put there."""
        if self.at is None:
            return None
        return (self.sql[:self.at] + sql + self.sql[self.at + len(self.marker_sql):],
                [*self.params[:self.slot], *params, *self.params[self.slot + 1:]])

    def rows(self, ids: Iterable[int]) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(*self.bound(ids))
            return cursor.fetchall()


_cache: dict[tuple, Compiled] = {}


def cached(key: tuple, build: Callable[[object], QuerySet], *, covered: bool = False,
           listing: bool = False) -> Compiled:
    """The ``Compiled`` of ``build`` for ``key`` (with the connection's alias), compiled
    the first time."""
    key = (connection.alias, *key)
    found = _cache.get(key)
    if found is None:
        if len(_cache) >= MAX_CACHED:
            _cache.clear()
        found = _cache[key] = Compiled(build, covered=covered, listing=listing)
    return found


def forget() -> None:
    _cache.clear()
