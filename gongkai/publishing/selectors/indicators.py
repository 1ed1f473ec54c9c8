"""Measures of the proactive-disclosure catalog for the indicator registry (task 49).

An item is published in time when published within 20 working days of being made or
changed (条例第二十六条), counted on the district calendar from ``made_on`` (day 0).
"""
import datetime as dt

from django.db.models import Count, DateTimeField, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.dates import day_range_bounds
from gongkai.core.memo import per_pass
from gongkai.publishing.models import CatalogItem, PublicationStatus
from gongkai.workdays.selectors import calendar_from_db
from gongkai.workdays.sql import day_lookup, runs_of

CATALOG_DAYS = 20
LOOK_BACK_DAYS = 90


def catalog_published(*, start: dt.date, end: dt.date) -> QuerySet[CatalogItem]:
    """Catalog items published in [start, end]."""
    after, before = day_range_bounds(start, end)
    return CatalogItem.objects.filter(publication_status=PublicationStatus.PUBLISHED,
                                      published_at__gte=after, published_at__lt=before)


@per_pass
def _by_timeliness(*, start: dt.date, end: dt.date) -> tuple[dict, dict]:
    """(in time, late) per unit in one aggregate query: for each day an item may have
    been made on, the calendar gives the moment its 20 working days run out (local
    midnight after the last day); the database compares ``published_at`` with it.
    Items made more than ``LOOK_BACK_DAYS`` before the period count as late (20 working
    days never span that long); without a day, in time (nothing to measure against)."""
    calendar, zone = calendar_from_db(), timezone.get_current_timezone()
    first = start - dt.timedelta(days=LOOK_BACK_DAYS)
    runs = runs_of([(first + dt.timedelta(days=i), dt.datetime.combine(
        calendar.nth_after(first + dt.timedelta(days=i), CATALOG_DAYS)
        + dt.timedelta(days=1), dt.time(0), zone))
        for i in range((end - first).days + 1)])
    limit = day_lookup("made_on", runs, default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
                       output_field=DateTimeField())
    # The lookup appears once in the query (a second reference would compile and
    # evaluate it again): late = all − in time.
    rows = (catalog_published(start=start, end=end).annotate(limit=limit).order_by()
            .values(unit_key=F("unit_id") + 0)
            .annotate(n=Count("pk"), in_time=Count("pk", filter=Q(made_on__isnull=True)
                                                   | Q(published_at__lt=F("limit")))))
    return ({r["unit_key"]: r["in_time"] for r in rows if r["in_time"]},
            {r["unit_key"]: r["n"] - r["in_time"] for r in rows if r["n"] > r["in_time"]})


def catalog_in_time(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _by_timeliness(start=start, end=end)[0]


def catalog_late(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _by_timeliness(start=start, end=end)[1]


INDICATORS = (
    {"key": "publishing.catalog_in_time", "label": _("20个工作日内公开的目录事项"),
     "unit": _("项"), "records": catalog_published, "measure": catalog_in_time},
    {"key": "publishing.catalog_late", "label": _("超过20个工作日公开的目录事项"),
     "unit": _("项"), "records": catalog_published, "measure": catalog_late,
     "better": "less"},
)
