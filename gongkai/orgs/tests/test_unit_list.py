"""The unit registry as a long list: category and words (either script) combined,
sorts, paging, hostile values named and ignored; staff read the same whole registry."""
import pytest

from django.urls import reverse

from gongkai.orgs.models import Unit, UnitCategory
from gongkai.orgs.tests.factories import UnitAliasFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    street = UnitFactory(name="黄埔街道", category=UnitCategory.STREET_TOWN, sort_order=2)
    fgj = UnitFactory(name="区发展改革局", sort_order=1)
    UnitAliasFactory(unit=fgj, name="區發改局")
    park = UnitFactory(name="区发改园区管理处", category=UnitCategory.PARK, sort_order=3)
    return street, fgj, park


def _names(response) -> list[str]:
    return [unit.name for unit in response.context["units"]]


def test_category_and_words_combine_and_sorts_flip(units, client_for, office_admin):
    street, fgj, park = units
    client, url = client_for(office_admin), reverse("orgs:unit_list")
    assert _names(client.get(url, {"q": "發改"})) == [fgj.name, park.name]
    assert _names(client.get(url, {"q": "發改", "category": "park"})) == [park.name]
    assert _names(client.get(url, {"category": "street_town"})) == [street.name]
    ordered = [u.name for u in Unit.objects.order_by("sort_order", "name", "pk")]
    assert _names(client.get(url)) == ordered[:50]
    assert _names(client.get(url, {"sort": "-order"})) == list(reversed(ordered))[:50]
    body = client.get(url, {"q": "發改", "sort": "name"}).content.decode()
    assert "sort=-name" in body and "q=%E7%99%BC%E6%94%B9" in body  # flip keeps the words


def test_a_long_registry_is_paged(client_for, unit_staff):
    for n in range(60):
        UnitFactory(name=f"测试单位{n:02d}")
    client, url = client_for(unit_staff), reverse("orgs:unit_list")
    total = Unit.objects.count()
    first, last = client.get(url), client.get(url, {"page": 2})
    assert len(_names(first)) == 50 and len(_names(last)) == total - 50
    assert "page=2" in first.content.decode()


def test_staff_read_the_same_whole_registry_as_the_office(units, client_for, unit_staff,
                                                          office_admin):
    url = reverse("orgs:unit_list")
    assert _names(client_for(unit_staff).get(url)) == _names(client_for(office_admin).get(url))


@pytest.mark.parametrize("params", [{"category": "x'--"}, {"sort": "drop"},
                                    {"page": "abc"}, {"q": "局" * 200},
                                    {"unit": "99999999999999999999"}])
def test_hostile_parameters_give_the_list_and_say_so(units, client_for, office_admin,
                                                     params):
    response = client_for(office_admin).get(reverse("orgs:unit_list"), params)
    assert response.status_code == 200
    assert len(_names(response)) == Unit.objects.count()
    if params.keys() & {"category", "sort", "q"}:
        assert "已忽略" in response.content.decode()
