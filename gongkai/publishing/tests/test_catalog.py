import datetime as dt
import zoneinfo

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import ReviewerFactory, UserFactory
from gongkai.publishing.catalog_defaults import CATEGORIES
from gongkai.publishing.models import CatalogCategory, CatalogItem, PublicationStatus
from gongkai.publishing.selectors.catalog import (
    catalog_by_category,
    catalog_timeliness,
    public_catalog,
    timeliness_summary,
)
from gongkai.publishing.services import (
    catalog_categories_ensure,
    catalog_item_create,
    catalog_item_update,
    content_submit_for_review,
    content_withdraw,
    review_decide,
)
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory
from gongkai.workdays.services import calendar_seed_from_package

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def test_categories_are_the_15_of_art_20_and_the_7_of_art_21_loaded_once():
    assert catalog_categories_ensure() == 22
    assert catalog_categories_ensure() == 0
    assert CatalogCategory.objects.filter(code__startswith="A20-").count() == 15
    first = CatalogCategory.objects.get(code="A20-01")
    assert first.name == "行政法规、规章和规范性文件"
    assert first.article == "条例第二十条第（一）项"
    assert CatalogCategory.objects.get(code="A20-15").article == "条例第二十条第（十五）项"
    assert set(CatalogCategory.objects.filter(code__startswith="A21-").values_list(
        "name", flat=True)) == {"市政建设", "公共服务", "公益事业", "土地征收", "房屋征收",
                                "治安管理", "社会救助"}
    assert len({c[0] for c in CATEGORIES}) == len(CATEGORIES)


def test_timeliness_across_the_national_day_holiday():
    """Made on 2025-09-26 (Fri): 1–8 Oct are off and 28 Sep and 11 Oct are worked, so
    the 20th working day is 2025-10-30, not 2025-10-24 as weekends alone would give."""
    calendar_seed_from_package(years=[2025])
    catalog_categories_ensure()
    made = dt.date(2025, 9, 26)
    unit = UserFactory().unit
    on_due = CatalogItemFactory(unit=unit, made_on=made, published_at=at(dt.date(2025, 10, 30)),
                                publication_status=PublicationStatus.PUBLISHED)
    late = CatalogItemFactory(unit=unit, made_on=made, published_at=at(dt.date(2025, 10, 31)),
                              publication_status=PublicationStatus.PUBLISHED)
    # 01:00 in Beijing the day after is late, though still the due day in UTC.
    late_evening = CatalogItemFactory(
        unit=unit, made_on=made, published_at=at(dt.date(2025, 10, 31), hour=1),
        publication_status=PublicationStatus.PUBLISHED)
    unpublished_overdue = CatalogItemFactory(unit=unit, made_on=made)
    pending = CatalogItemFactory(unit=unit, made_on=dt.date(2025, 12, 30))
    CatalogItemFactory(unit=unit, made_on=None)
    CatalogItemFactory(made_on=made)  # another unit
    rows = {r.item.pk: r for r in catalog_timeliness(unit=unit, year=2025,
                                                     today=dt.date(2025, 12, 31))}
    assert set(rows) == {on_due.pk, late.pk, late_evening.pk, unpublished_overdue.pk,
                         pending.pk}
    assert rows[on_due.pk].due == dt.date(2025, 10, 30)
    assert rows[on_due.pk].on_time is True
    assert rows[late_evening.pk].on_time is False
    assert rows[late.pk].on_time is False and rows[late.pk].late
    assert rows[unpublished_overdue.pk].on_time is False
    assert rows[pending.pk].on_time is None
    assert not rows[on_due.pk].provisional
    summary = timeliness_summary(list(rows.values()))
    assert summary == {"items": 5, "measured": 4, "on_time": 1, "late": 3, "rate": 25.0}


def test_publication_before_a_change_does_not_count():
    calendar_seed_from_package(years=[2025])
    item = CatalogItemFactory(made_on=dt.date(2025, 6, 3), published_at=at(dt.date(2025, 5, 1)),
                              publication_status=PublicationStatus.PUBLISHED)
    [row] = catalog_timeliness(year=2025, today=dt.date(2025, 6, 4))
    assert row.item == item and row.published_on is None and row.on_time is None


def test_timeliness_queries_are_constant():
    calendar_seed_from_package(years=[2025])
    unit = UserFactory().unit

    def count():
        with CaptureQueriesContext(connection) as ctx:
            catalog_timeliness(unit=unit, year=2025, today=dt.date(2025, 12, 31))
        return len(ctx.captured_queries)

    CatalogItemFactory(unit=unit, made_on=dt.date(2025, 3, 3))
    few = count()
    for day in range(1, 20):
        CatalogItemFactory(unit=unit, made_on=dt.date(2025, 4, day))
    assert count() == few == 3


def test_items_are_drafts_until_reviewed_then_public():
    catalog_categories_ensure()
    author = UserFactory()
    category = CatalogCategory.objects.get(code="A20-02")
    item = catalog_item_create(unit=author.unit, actor=author, category=category,
                               title="<script>alert(1)</script>机构职能",
                               made_on=dt.date(2025, 3, 1))
    assert item.publication_status == PublicationStatus.DRAFT
    assert item.title.startswith("<script>")
    assert list(public_catalog(author.unit)) == []
    from gongkai.publishing.models import ReviewRoute
    ReviewRoute.objects.create(unit=author.unit, levels=1)
    review = content_submit_for_review(obj=item, actor=author)
    review_decide(review=review, reviewer=ReviewerFactory(unit=author.unit), passed=True)
    assert list(public_catalog(author.unit)) == [item]
    grouped = dict(catalog_by_category(public_catalog(author.unit)))
    assert grouped[category] == [item] and len(grouped) == CatalogCategory.objects.count()


def test_item_edits_are_validated_and_need_withdrawal_after_publication():
    catalog_categories_ensure()
    author = UserFactory()
    category = CatalogCategory.objects.first()
    with pytest.raises(ApplicationError, match="公开事项"):
        catalog_item_create(unit=author.unit, actor=author, category=category, title="  ")
    with pytest.raises(ApplicationError, match="公开链接"):
        catalog_item_create(unit=author.unit, actor=author, category=category, title="事项",
                            url="javascript:alert(1)")
    with pytest.raises(ApplicationError):
        catalog_item_create(unit=author.unit, actor=author, category=category,
                            title="长" * 301)
    assert not CatalogItem.objects.exists()
    item = catalog_item_create(unit=author.unit, actor=author, category=category, title="事项")
    item = catalog_item_update(item=item, actor=author, description="新的内容")
    assert CatalogItem.objects.get(pk=item.pk).description == "新的内容"
    with pytest.raises(ApplicationError):
        catalog_item_update(item=item, actor=author, unit=None)
    CatalogItem.objects.filter(pk=item.pk).update(
        publication_status=PublicationStatus.PUBLISHED)
    with pytest.raises(ApplicationError, match="撤回"):
        catalog_item_update(item=item, actor=author, title="改")
    content_withdraw(obj=CatalogItem.objects.get(pk=item.pk), actor=author, reason="更新")
    item = catalog_item_update(item=item, actor=author, title="改",
                               made_on=dt.date(2025, 7, 1))
    assert (item.title, item.made_on) == ("改", dt.date(2025, 7, 1))
