"""The facet filters of a search and the facet counts of its matches: kind, issuing
body, year, topic and current validity."""
from collections import Counter
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from gongkai.core.params import parse_int
from gongkai.orgs.models import Unit
from gongkai.policies.models import DocumentKind, PolicyDocument
from gongkai.policies.search import compiled
from gongkai.policies.search.backends import backend
from gongkai.policies.selectors.validity import (
    VALIDITY_LABELS,
    VALIDITY_ORDER,
    validity_condition,
    validity_expression,
)


def _as_int(value) -> int | None:
    # Bounded: an over-large integer in the query string would overflow the database.
    return parse_int(value)


# The filters ``filter_condition`` reads.
FILTER_NAMES = ("kind", "issuer", "unit", "year", "topic", "validity")


def filter_condition(filters: dict | None) -> Q:
    """The facet filters as one condition; values that make no sense are ignored."""
    filters = filters or {}
    condition = Q()
    if filters.get("kind") in DocumentKind.values:
        condition &= Q(kind=filters["kind"])
    if (issuer := _as_int(filters.get("issuer"))) is not None:
        condition &= Q(pk__in=PolicyDocument.issuers.through.objects
                       .filter(unit_id=issuer).values("policydocument_id"))
    if (unit := _as_int(filters.get("unit"))) is not None:
        condition &= Q(unit_id=unit)
    if (year := _as_int(filters.get("year"))) is not None:
        condition &= Q(published_on__year=year)
    if (topic := _as_int(filters.get("topic"))) is not None:
        condition &= Q(topic_id=topic)
    if filters.get("validity") in VALIDITY_ORDER:
        condition &= validity_condition(filters["validity"])
    return condition


class VisibleRows:
    """``visible_rows`` for one search, which reads the rows of its candidates up to
    three times (the newest matches, the heading rows, the ranked tiers): compiled by
    the ORM once (``compiled``), for the search or, given ``key`` (a reader and filters
    whose statement is the same for everyone with that key), for the process."""

    def __init__(self, visible: QuerySet, key: tuple | None = None):
        self.visible = visible
        self.key = key
        self.statement: compiled.Compiled | None = None

    COLUMNS = ("pk", "kind", "published_on", "topic_id", "topic__name", "v")

    def _build(self, marker) -> QuerySet:
        return (self.visible.filter(pk__in=marker).order_by()
                .annotate(v=validity_expression()).values_list(*self.COLUMNS))

    def __call__(self, ids: Iterable[int]) -> dict[int, tuple]:
        """id → (kind, published_on, topic_id, topic name, current validity) for those
        of ``ids`` that ``visible`` holds: which candidates a reader may see and their
        facet values, in one read (on SQLite, of the covering index)."""
        ids = list(ids)
        if not ids:
            return {}
        return self.rows_of(self._statement().rows(ids))

    def bound(self, ids: Iterable[int]) -> tuple[str, list]:
        """The statement for ``ids`` (to run with others); its rows: ``rows_of``."""
        return self._statement().bound(ids)

    def bound_query(self, sql: str, params: list) -> tuple[str, list] | None:
        """The statement for the ids a subquery gives (None where it cannot be)."""
        return self._statement().bound_query(sql, params)

    @staticmethod
    def rows_of(rows: list[tuple]) -> dict[int, tuple]:
        return {row[0]: row[1:] for row in rows}

    def _statement(self) -> compiled.Compiled:
        if self.statement is None:
            self.statement = (
                compiled.cached(("visible_rows", *self.key), self._build, covered=True)
                if self.key is not None else compiled.Compiled(self._build, covered=True))
        return self.statement


def visible_rows(visible: QuerySet, ids: Iterable[int]) -> dict[int, tuple]:
    """``VisibleRows`` read once."""
    return VisibleRows(visible)(ids)


def facets_of_rows(rows: dict[int, tuple], issuers: list[tuple] | None = None
                   ) -> dict[str, list[dict]]:
    """``facets`` for a known, small set of documents, counted from their
    ``visible_rows``; the issuing bodies in one query (``issuers``: its rows, read
    already with ``issuers_sql``)."""
    kinds, years, topics, validity = Counter(), Counter(), Counter(), Counter()
    topic_names = {}
    for kind, published_on, topic_id, topic_name, v in rows.values():
        kinds[kind] += 1
        validity[v] += 1
        if published_on is not None:
            years[published_on.year] += 1
        if topic_id is not None:
            topics[topic_id] += 1
            topic_names[topic_id] = topic_name
    if issuers is None:
        with connection.cursor() as cursor:
            cursor.execute(*issuers_sql(rows))
            issuers = cursor.fetchall()
    return _facet_lists(
        [{"kind": k, "n": n} for k, n in kinds.items()],
        [{"unit_id": pk, "unit__name": name, "n": n} for pk, name, n in issuers],
        [{"y": y, "n": n} for y, n in sorted(years.items(), reverse=True)],
        sorted(({"topic_id": t, "topic__name": topic_names[t], "n": n}
                for t, n in topics.items()), key=lambda r: (-r["n"], r["topic__name"])),
        dict(validity))


def issuers_sql(ids: Iterable[int]) -> tuple[str, list]:
    """The issuing bodies of these documents with how many each issued (unit id,
    name, count): a statement written once (the ORM compiled it on every search)."""
    chosen = backend()
    through = PolicyDocument.issuers.through._meta.db_table
    unit = Unit._meta.db_table
    id_sql, id_params = chosen.id_list(ids).as_sql(None, None)
    sql = (f"SELECT i.unit_id, u.name, count(i.policydocument_id) AS n "  # noqa: S608
           f"FROM {through} i JOIN {unit} u ON u.id = i.unit_id "
           f"WHERE i.policydocument_id IN {id_sql} GROUP BY i.unit_id, u.name "
           "ORDER BY n DESC, u.name")
    return sql, list(id_params)


def facets(matched: QuerySet) -> dict[str, list[dict]]:
    """Counts per facet value over the matched documents: one query per facet."""
    kinds = matched.order_by().values("kind").annotate(n=Count("pk"))
    issuers = (PolicyDocument.issuers.through.objects
               .filter(policydocument_id__in=matched.order_by().values("pk"))
               .values("unit_id", "unit__name").annotate(n=Count("policydocument_id"))
               .order_by("-n", "unit__name"))
    years = (matched.exclude(published_on=None).order_by()
             .annotate(y=ExtractYear("published_on")).values("y").annotate(n=Count("pk"))
             .order_by("-y"))
    topics = (matched.exclude(topic=None).order_by().values("topic_id", "topic__name")
              .annotate(n=Count("pk")).order_by("-n", "topic__name"))
    validity = (matched.order_by().annotate(v=validity_expression()).values("v")
                .annotate(n=Count("pk")))
    validity_counts = {row["v"]: row["n"] for row in validity}
    return _facet_lists(kinds, issuers, years, topics, validity_counts)


def _facet_lists(kinds, issuers, years, topics, validity_counts) -> dict[str, list[dict]]:
    kind_labels = dict(DocumentKind.choices)
    return {
        "kind": sorted(({"value": r["kind"], "label": str(kind_labels.get(r["kind"], r["kind"])),
                         "count": r["n"]} for r in kinds), key=lambda f: -f["count"]),
        "issuer": [{"value": r["unit_id"], "label": r["unit__name"], "count": r["n"]}
                   for r in issuers],
        "year": [{"value": r["y"], "label": str(r["y"]), "count": r["n"]} for r in years],
        "topic": [{"value": r["topic_id"], "label": r["topic__name"], "count": r["n"]}
                  for r in topics],
        "validity": [{"value": v, "label": str(VALIDITY_LABELS[v]),
                      "count": validity_counts[v]}
                     for v in VALIDITY_ORDER if v in validity_counts],
    }
