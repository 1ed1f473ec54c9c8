"""The staff's policy documents as a long list: the issuing-unit filter for the office
only (a unit never widens its list through ?unit=), status, validity, year, words in
the title or document number, allow-listed sorts, paging past the old 300-row cut."""
import datetime as dt

import pytest

from django.urls import reverse

from gongkai.policies.models import PolicyDocument
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(unit_staff, other_unit_staff):
    own = [make_document(author=unit_staff, title=f"关于{name}的通知",
                         doc_number=f"某府发〔{year}〕{n}号", published_on=dt.date(year, 3, 1))
           for n, (name, year) in enumerate([("甲", 2024), ("乙", 2025), ("丙", 2026)], 1)]
    PolicyDocument.objects.filter(pk=own[0].pk).update(expires_on=dt.date(2025, 1, 1))
    draft = make_document(author=unit_staff, title="关于丁的通知", published=False)
    other = make_document(author=other_unit_staff, title="别处的通知",
                          published_on=dt.date(2025, 5, 1))
    return own, draft, other


def _titles(response) -> list[str]:
    return [d.title for d in response.context["documents"]]


def test_a_unit_sees_only_its_own_rows_whatever_the_unit_parameter(documents, client_for,
                                                                   unit_staff):
    own, draft, other = documents
    response = client_for(unit_staff).get(reverse("policies:staff_list"),
                                          {"unit": other.unit_id})
    assert sorted(_titles(response)) == sorted([d.title for d in own] + [draft.title])
    assert 'name="unit"' not in response.content.decode()


def test_the_office_filters_searches_and_sorts(documents, client_for, office_admin):
    own, draft, other = documents
    client, url = client_for(office_admin), reverse("policies:staff_list")
    assert _titles(client.get(url, {"unit": other.unit_id})) == [other.title]
    assert _titles(client.get(url, {"status": "draft"})) == [draft.title]
    assert _titles(client.get(url, {"validity": "expired"})) == [own[0].title]
    assert sorted(_titles(client.get(url, {"year": 2025}))) == sorted(
        [own[1].title, other.title])
    assert _titles(client.get(url, {"q": "〔2026〕"})) == [own[2].title]
    assert _titles(client.get(url, {"q": "丙 通知"})) == [own[2].title]
    by_date = _titles(client.get(url, {"sort": "published", "unit": own[0].unit_id,
                                       "status": "published"}))
    assert by_date == [d.title for d in own]
    body = client.get(url, {"sort": "-published", "unit": own[0].unit_id}).content.decode()
    assert f"unit={own[0].unit_id}&amp;sort=published" in body  # header flips, keeps filter


def test_more_than_a_page_is_paged_not_cut_off(client_for, unit_staff):
    for n in range(51):
        make_document(author=unit_staff, title=f"第{n}号文件", published=False)
    client, url = client_for(unit_staff), reverse("policies:staff_list")
    first, second = client.get(url), client.get(url, {"page": 2})
    assert len(_titles(first)) == 50 and len(_titles(second)) == 1
    assert set(_titles(first)).isdisjoint(_titles(second))
    assert "page=2" in first.content.decode()


@pytest.mark.parametrize("params", [{"unit": "99999999999999999999"}, {"status": "x'--"},
                                    {"validity": "forever"}, {"year": "abc"},
                                    {"sort": "drop"}, {"page": "abc"}, {"q": "文" * 200}])
def test_hostile_parameters_show_the_whole_list_and_say_so(documents, client_for,
                                                          office_admin, params):
    response = client_for(office_admin).get(reverse("policies:staff_list"), params)
    assert response.status_code == 200
    assert len(_titles(response)) == 5
    if "page" not in params:
        assert "已忽略" in response.content.decode()
