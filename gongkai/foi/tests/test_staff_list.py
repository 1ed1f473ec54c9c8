"""The staff's application list as a long list: unit filter for the office only, a
unit never widening its list through ?unit=, sort keys allow-listed, hostile values."""
import datetime as dt

import pytest

from django.urls import reverse

from gongkai.foi.tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications(unit_staff, other_unit_staff):
    own = [ApplicationFactory(unit=unit_staff.unit, received_on=dt.date(2026, 3, d),
                              description=f"第{d}件 预算公开") for d in (2, 3, 4)]
    other = ApplicationFactory(unit=other_unit_staff.unit, description="别处的申请")
    return own, other


def _numbers(response) -> list[str]:
    return [row.application.number for row in response.context["rows"]]


def test_a_unit_sees_only_its_own_rows_whatever_the_unit_parameter(applications,
                                                                   client_for, unit_staff):
    own, other = applications
    client = client_for(unit_staff)
    response = client.get(reverse("foi:staff_list"), {"unit": other.unit_id})
    assert set(_numbers(response)) == {a.number for a in own}
    assert 'name="unit"' not in response.content.decode()  # no unit filter offered


def test_the_office_filters_by_unit_and_words_and_sorts(applications, client_for,
                                                        office_admin):
    own, other = applications
    client = client_for(office_admin)
    url = reverse("foi:staff_list")
    assert _numbers(client.get(url, {"unit": other.unit_id})) == [other.number]
    assert _numbers(client.get(url, {"q": "第3件"})) == [own[1].number]
    newest_first = _numbers(client.get(url, {"sort": "-received", "unit": own[0].unit_id}))
    assert newest_first == [a.number for a in reversed(own)]
    body = client.get(url, {"sort": "-received", "unit": own[0].unit_id}).content.decode()
    assert f"unit={own[0].unit_id}&amp;sort=received" in body  # header flips, keeps filter


@pytest.mark.parametrize("params", [{"unit": "99999999999999999999"}, {"status": "x'--"},
                                    {"due": "never"}, {"sort": "applicant_name"},
                                    {"page": "abc"}, {"q": "申" * 200}])
def test_hostile_parameters_show_the_whole_list_and_say_so(applications, client_for,
                                                          office_admin, params):
    response = client_for(office_admin).get(reverse("foi:staff_list"), params)
    assert response.status_code == 200
    assert len(_numbers(response)) == 4
    if "page" not in params:
        assert "已忽略" in response.content.decode()
