"""Reads of the publishing app. ``published_visible_to`` is the one filter every public
page, search and API applies to publishable content (task 36: limited audiences)."""
from django.db.models import Q, QuerySet

from gongkai.publishing.models import Audience, PublicationStatus, ReviewRoute

DEFAULT_LEVELS = 3


def published_visible_to(user, queryset: QuerySet) -> QuerySet:
    """The published rows of ``queryset`` that ``user`` may read.

    Anonymous visitors, the public and supervisors read content for the public;
    government staff (unit staff, reviewers) also read content for staff and content
    limited to their own unit (or published by it); the office reads everything.
    """
    published = queryset.filter(publication_status=PublicationStatus.PUBLISHED)
    if user is None or not user.is_authenticated:
        return published.filter(audience=Audience.PUBLIC)
    if user.is_office_admin:
        return published
    if not (user.is_unit_staff or user.is_reviewer) or user.unit_id is None:
        return published.filter(audience=Audience.PUBLIC)
    # A subquery rather than a join keeps one row per item without DISTINCT, which
    # search queries ordering by rank could not combine with.
    limited_to_unit = queryset.model.objects.filter(audience_units=user.unit_id).values("pk")
    return published.filter(
        Q(audience__in=[Audience.PUBLIC, Audience.STAFF])
        | Q(audience=Audience.UNITS) & (Q(unit_id=user.unit_id) | Q(pk__in=limited_to_unit))
    )


def route_for(unit_id: int | None) -> ReviewRoute | None:
    """The unit's review route, else the district default, else None (3 levels, no
    named reviewers)."""
    routes = {r.unit_id: r for r in ReviewRoute.objects.filter(
        Q(unit_id=unit_id) | Q(unit__isnull=True)).prefetch_related("reviewers")}
    return routes.get(unit_id) or routes.get(None)


def routes_by_unit() -> dict[int | None, ReviewRoute]:
    """Every route with its reviewers, keyed by unit id (None: the district default)."""
    return {r.unit_id: r for r in ReviewRoute.objects.prefetch_related("reviewers")}
