"""Statistics of the policy library: 三同步 (interpretations published with their
documents) and annual-report table 二. Each reads a fixed number of queries, whatever
the number of units or documents."""
import datetime
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q

from gongkai.orgs.models import Unit
from gongkai.policies.models import AnnualDecisionCount, DocumentKind, PolicyDocument, Validity
from gongkai.publishing.models import PublicationStatus

# The kinds whose interpretation 三同步 measures.
INTERPRETED_KINDS = (DocumentKind.NORMATIVE, DocumentKind.POLICY)
# The kinds table 二 counts as documents made, repealed and in force.
TABLE_TWO_KINDS = (DocumentKind.REGULATION, DocumentKind.NORMATIVE)
DECISION_FIELDS = ("licensing", "penalty", "enforcement", "fees_wan_yuan")

_PUBLISHED = PublicationStatus.PUBLISHED


def same_day_interpretation_share(*, year: int, unit: Unit | None = None
                                  ) -> list[tuple[Unit, int, int, float | None]]:
    """Per unit: (unit, documents published in ``year``, how many had an interpretation
    published the same day, that share 0..1). Only units with documents, unless a
    ``unit`` is asked for, which is always returned."""
    same_day = PolicyDocument.objects.filter(
        kind=DocumentKind.INTERPRETATION, interprets=OuterRef("pk"),
        publication_status=_PUBLISHED, published_on=OuterRef("published_on"))
    documents = PolicyDocument.objects.filter(
        kind__in=INTERPRETED_KINDS, publication_status=_PUBLISHED, published_on__year=year)
    if unit is not None:
        documents = documents.filter(unit=unit)
    rows = (documents.annotate(same=Exists(same_day)).order_by().values("unit_id")
            .annotate(n=Count("pk"), with_same=Count("pk", filter=Q(same=True))))
    counts = {row["unit_id"]: (row["n"], row["with_same"]) for row in rows}
    units = [unit] if unit is not None else Unit.objects.filter(pk__in=counts).order_by(
        "sort_order", "name")
    result = []
    for u in units:
        total, with_same = counts.get(u.pk, (0, 0))
        result.append((u, total, with_same, with_same / total if total else None))
    return result


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _document_counts(year: int, unit: Unit | None) -> dict[int, dict]:
    """unit id → {kind: {"made", "repealed", "in_force"}} for the table-二 kinds."""
    start, end = _year_bounds(year)
    # A repeal takes effect with the repealing document; in force at year end means
    # published by then, not repealed by then, and not past its 失效日期.
    repealed_by_end = Q(validity=Validity.REPEALED, repealed_by__published_on__lte=end)
    in_force = (Q(published_on__lte=end) & ~repealed_by_end
                & (Q(expires_on__isnull=True) | Q(expires_on__gte=end)))
    documents = PolicyDocument.objects.filter(kind__in=TABLE_TWO_KINDS,
                                              publication_status=_PUBLISHED)
    if unit is not None:
        documents = documents.filter(unit=unit)
    rows = documents.order_by().values("unit_id", "kind").annotate(
        made=Count("pk", filter=Q(published_on__range=(start, end))),
        repealed=Count("pk", filter=Q(validity=Validity.REPEALED,
                                      repealed_by__published_on__range=(start, end))),
        in_force=Count("pk", filter=in_force),
    )
    counts: dict[int, dict] = {}
    for row in rows:
        counts.setdefault(row["unit_id"], {})[row["kind"]] = {
            "made": row["made"], "repealed": row["repealed"], "in_force": row["in_force"]}
    return counts


def _decision_counts(year: int, unit: Unit | None) -> dict[int, dict]:
    records = AnnualDecisionCount.objects.filter(year=year)
    if unit is not None:
        records = records.filter(unit=unit)
    return {r["unit_id"]: r for r in records.values("unit_id", *DECISION_FIELDS)}


def _empty_row() -> dict:
    row = {kind.value: {"made": 0, "repealed": 0, "in_force": 0} for kind in TABLE_TWO_KINDS}
    row.update({"licensing": 0, "penalty": 0, "enforcement": 0, "fees_wan_yuan": Decimal(0)})
    return row


def _add(total: dict, documents: dict, decisions: dict | None) -> None:
    for kind, figures in documents.items():
        for name, value in figures.items():
            total[kind][name] += value
    for name in DECISION_FIELDS:
        total[name] += (decisions or {}).get(name) or 0


def table_two_by_unit(*, year: int, unit: Unit | None = None) -> list[tuple[Unit, dict]]:
    """Table 二 per unit that has any figure (or for ``unit``): three queries."""
    documents, decisions = _document_counts(year, unit), _decision_counts(year, unit)
    units = [unit] if unit is not None else Unit.objects.filter(
        pk__in=set(documents) | set(decisions)).order_by("sort_order", "name")
    rows = []
    for u in units:
        row = _empty_row()
        _add(row, documents.get(u.pk, {}), decisions.get(u.pk))
        rows.append((u, row))
    return rows


def table_two(*, year: int, unit: Unit | None = None) -> dict:
    """Annual-report table 二 for the district (or one unit): for 规章 and 行政规范性文件
    the documents made and repealed in ``year`` and in force at its end; the 行政许可,
    行政处罚 and 行政强制 decisions and 行政事业性收费 (万元) the units entered."""
    total = _empty_row()
    documents, decisions = _document_counts(year, unit), _decision_counts(year, unit)
    for unit_id in set(documents) | set(decisions):
        _add(total, documents.get(unit_id, {}), decisions.get(unit_id))
    total["year"] = year
    return total

