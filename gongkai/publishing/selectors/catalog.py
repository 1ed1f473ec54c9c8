"""Reads of the proactive-disclosure catalog and the timeliness measure (Art. 26:
published within 20 working days of being made or changed)."""
import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from gongkai.orgs.models import Unit
from gongkai.publishing.models import CatalogCategory, CatalogItem
from gongkai.publishing.selectors import published_visible_to
from gongkai.workdays.calendar import compute_due
from gongkai.workdays.selectors import calendar_from_db

TIME_LIMIT_DAYS = 20


@dataclass(frozen=True)
class Timeliness:
    item: CatalogItem
    made_on: dt.date
    due: dt.date
    published_on: dt.date | None  # local date of publication after made_on, if any
    on_time: bool | None  # None: not published yet and not yet due
    provisional: bool  # the holiday calendar of a year involved is not loaded

    @property
    def late(self) -> bool:
        return self.on_time is False


def catalog_items(*, unit: Unit | None = None) -> QuerySet[CatalogItem]:
    qs = CatalogItem.objects.select_related("category", "unit", "author")
    return qs.filter(unit=unit) if unit is not None else qs


def catalog_timeliness(*, unit: Unit | None = None, year: int,
                       today: dt.date | None = None) -> list[Timeliness]:
    """For each item made or changed in ``year``: its due date and whether it was
    published by then (the publication's local date ≤ the 20th working day after
    made_on). A publication before made_on belongs to an earlier version and does not
    count. Three queries whatever the number of items."""
    calendar = calendar_from_db()
    today = today or timezone.localdate()
    rows = []
    for item in catalog_items(unit=unit).filter(made_on__year=year).order_by(
            "made_on", "pk"):
        due = compute_due(calendar, item.made_on, days=TIME_LIMIT_DAYS)
        published_on = (timezone.localdate(item.published_at)
                        if item.published_at is not None else None)
        if published_on is not None and published_on < item.made_on:
            published_on = None
        if published_on is not None:
            on_time = published_on <= due.due
        else:
            on_time = False if today > due.due else None
        rows.append(Timeliness(item=item, made_on=item.made_on, due=due.due,
                               published_on=published_on, on_time=on_time,
                               provisional=due.provisional))
    return rows


def timeliness_summary(rows: list[Timeliness]) -> dict:
    measured = [r for r in rows if r.on_time is not None]
    on_time = sum(r.on_time for r in measured)
    return {"items": len(rows), "measured": len(measured), "on_time": on_time,
            "late": len(measured) - on_time,
            "rate": round(100 * on_time / len(measured), 1) if measured else None}


def catalog_by_category(items) -> list[tuple[CatalogCategory, list]]:
    """``items`` (objects or rows having ``.item``) grouped under every category, in
    category order; categories without items are kept so gaps show."""
    grouped: dict[int, list] = {}
    for entry in items:
        item = getattr(entry, "item", entry)
        grouped.setdefault(item.category_id, []).append(entry)
    return [(category, grouped.get(category.pk, []))
            for category in CatalogCategory.objects.all()]


def public_catalog(unit: Unit) -> QuerySet[CatalogItem]:
    """The items of ``unit`` the public may read (published, for the public)."""
    return published_visible_to(None, catalog_items(unit=unit))

