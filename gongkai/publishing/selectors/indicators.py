"""Measures of the proactive-disclosure catalog for the indicator registry (task 49).

An item is published in time when published within 20 working days of being made or
changed (条例第二十六条), counted on the district calendar from ``made_on`` (day 0).
"""
import datetime as dt
from collections import Counter

from django.db.models import QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from gongkai.core.memo import per_pass
from gongkai.publishing.models import CatalogItem, PublicationStatus
from gongkai.workdays.selectors import calendar_from_db

CATALOG_DAYS = 20


def catalog_published(*, start: dt.date, end: dt.date) -> QuerySet[CatalogItem]:
    """Catalog items published in [start, end]."""
    return CatalogItem.objects.filter(publication_status=PublicationStatus.PUBLISHED,
                                      published_at__date__range=(start, end))


@per_pass
def _by_timeliness(*, start: dt.date, end: dt.date) -> tuple[Counter, Counter]:
    """(in time, late) per unit; each day's deadline computed once from the calendar."""
    calendar = calendar_from_db()
    deadlines: dict[dt.date, dt.date] = {}
    in_time, late = Counter(), Counter()
    rows = catalog_published(start=start, end=end).annotate(
        published=TruncDate("published_at")).values_list("unit_id", "made_on", "published")
    for unit_id, made_on, published in rows:
        if made_on is not None and made_on not in deadlines:
            deadlines[made_on] = calendar.nth_after(made_on, CATALOG_DAYS)
        if made_on is None or published <= deadlines[made_on]:
            in_time[unit_id] += 1
        else:
            late[unit_id] += 1
    return in_time, late


def catalog_in_time(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return dict(_by_timeliness(start=start, end=end)[0])


def catalog_late(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return dict(_by_timeliness(start=start, end=end)[1])


INDICATORS = (
    {"key": "publishing.catalog_in_time", "label": _("20个工作日内公开的目录事项"),
     "unit": _("项"), "records": catalog_published, "measure": catalog_in_time},
    {"key": "publishing.catalog_late", "label": _("超过20个工作日公开的目录事项"),
     "unit": _("项"), "records": catalog_published, "measure": catalog_late,
     "better": "less"},
)
