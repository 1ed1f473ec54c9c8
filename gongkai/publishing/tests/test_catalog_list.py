"""A unit's catalog as a long list: category, status, standard items and words,
sorts, paging; a unit's staff never see another unit's items whatever ?unit= says,
and hostile values are named and ignored, never a 500."""
import datetime as dt

import pytest

from django.urls import reverse

from gongkai.publishing.models import PublicationStatus
from gongkai.publishing.tests.factories_publishing import (
    CatalogCategoryFactory,
    CatalogItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(unit_staff, other_unit_staff):
    first, second = CatalogCategoryFactory(order=1), CatalogCategoryFactory(order=2)
    CatalogCategoryFactory(name="无事项类别", order=3)
    unit = unit_staff.unit
    own = [CatalogItemFactory(unit=unit, category=second, title="乙 财政预算",
                              made_on=dt.date(2026, 2, 1)),
           CatalogItemFactory(unit=unit, category=first, title="甲 机构职能",
                              is_standard_catalog=True, made_on=dt.date(2026, 3, 1),
                              publication_status=PublicationStatus.PUBLISHED),
           CatalogItemFactory(unit=unit, category=first, title="丙 办事指南",
                              basis="行政许可法", made_on=dt.date(2026, 1, 1))]
    other = CatalogItemFactory(unit=other_unit_staff.unit, category=first, title="别处事项")
    return own, other, (first, second)


def _titles(response) -> list[str]:
    return [item.title for item, _row in response.context["entries"]]


def test_a_unit_sees_only_its_own_items_whatever_the_unit_parameter(items, client_for,
                                                                    unit_staff):
    own, other, _categories = items
    response = client_for(unit_staff).get(reverse("publishing:catalog"),
                                          {"unit": other.unit_id})
    assert sorted(_titles(response)) == sorted(i.title for i in own)
    assert "别处事项" not in response.content.decode()


def test_filters_search_and_sorts(items, client_for, unit_staff, office_admin):
    own, other, (first, second) = items
    client, url = client_for(unit_staff), reverse("publishing:catalog")
    assert _titles(client.get(url)) == ["丙 办事指南", "甲 机构职能", "乙 财政预算"]
    assert _titles(client.get(url, {"category": second.pk})) == ["乙 财政预算"]
    assert _titles(client.get(url, {"status": "published"})) == ["甲 机构职能"]
    assert _titles(client.get(url, {"standard": "1"})) == ["甲 机构职能"]
    assert _titles(client.get(url, {"q": "行政许可"})) == ["丙 办事指南"]
    assert _titles(client.get(url, {"sort": "-made"})) == ["甲 机构职能", "乙 财政预算",
                                                          "丙 办事指南"]
    body = client.get(url).content.decode()
    assert "无事项类别" in body  # a category with no item still shows as a gap
    office = client_for(office_admin).get(url, {"unit": other.unit_id, "sort": "title"})
    assert _titles(office) == ["别处事项"]
    assert f"unit={other.unit_id}&amp;sort=-title" in office.content.decode()


def test_a_long_catalog_is_paged(client_for, unit_staff):
    category = CatalogCategoryFactory()
    for n in range(51):
        CatalogItemFactory(unit=unit_staff.unit, category=category, title=f"事项{n:02d}")
    client, url = client_for(unit_staff), reverse("publishing:catalog")
    first, second = client.get(url), client.get(url, {"page": 2})
    assert len(_titles(first)) == 50 and _titles(second) == ["事项50"]
    assert "page=2" in first.content.decode()


@pytest.mark.parametrize("params", [{"unit": "99999999999999999999"}, {"category": "abc"},
                                    {"status": "x'--"}, {"standard": "yes"},
                                    {"sort": "drop"}, {"page": "abc"}, {"q": "事" * 200}])
def test_hostile_parameters_give_the_list_and_say_so(items, client_for, office_admin,
                                                     params):
    own, other, _categories = items
    office_unit = {"unit": other.unit_id} if "unit" not in params else {}
    response = client_for(office_admin).get(reverse("publishing:catalog"),
                                            {**office_unit, **params})
    assert response.status_code == 200
    if "unit" not in params:
        assert _titles(response) == ["别处事项"]
    if "page" not in params:
        assert "已忽略" in response.content.decode()
