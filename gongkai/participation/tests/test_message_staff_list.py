"""The staff's leader-message queue as a long list: the unit filter for the office only
(a unit never widens its queue through ?unit=), status, overdue, words, sorts, paging,
and hostile values named and ignored."""
import datetime as dt

import pytest

from django.urls import reverse
from django.utils import timezone

from gongkai.orgs.tests.factories import OfficeAdminFactory
from gongkai.participation.models.messages import Message
from gongkai.participation.services.messages import message_assign
from gongkai.participation.tests.factories_messages import MessageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(db):
    return OfficeAdminFactory()


@pytest.fixture
def queue(office, unit_staff, other_unit_staff):
    inbox = MessageFactory(title="待分办 道路")
    ours = [message_assign(message=MessageFactory(title=f"本单位 第{n}条"),
                           unit=unit_staff.unit, actor=office) for n in (1, 2)]
    late = ours[0]
    Message.objects.filter(pk=late.pk).update(
        due_on=timezone.localdate() - dt.timedelta(days=3))
    theirs = message_assign(message=MessageFactory(title="别处 道路"),
                            unit=other_unit_staff.unit, actor=office)
    return inbox, ours, theirs


def _titles(response) -> list[str]:
    return [item.message.title for item in response.context["rows"]]


def test_a_unit_sees_only_its_own_rows_whatever_the_unit_parameter(queue, client_for,
                                                                   unit_staff):
    inbox, ours, theirs = queue
    response = client_for(unit_staff).get(reverse("participation:staff_messages"),
                                          {"unit": theirs.unit_id, "status": ""})
    assert sorted(_titles(response)) == sorted(m.title for m in ours)
    assert 'name="unit"' not in response.content.decode()


def test_the_office_opens_on_its_inbox_then_filters_searches_and_sorts(queue, client_for,
                                                                       office):
    inbox, ours, theirs = queue
    client, url = client_for(office), reverse("participation:staff_messages")
    assert _titles(client.get(url)) == [inbox.title]
    assert _titles(client.get(url, {"unit": theirs.unit_id})) == [theirs.title]
    assert _titles(client.get(url, {"overdue": "1"})) == [ours[0].title]
    assert _titles(client.get(url, {"q": "别处"})) == [theirs.title]  # all, not the inbox
    assert _titles(client.get(url, {"q": theirs.query_code.lower()})) == [theirs.title]
    assert _titles(client.get(url, {"status": "", "sort": "due"}))[0] == ours[0].title
    assert _titles(client.get(url, {"status": "", "sort": "due"}))[-1] == inbox.title
    by_title = _titles(client.get(url, {"status": "", "unit": ours[0].unit_id,
                                        "sort": "-title"}))
    assert by_title == [ours[1].title, ours[0].title]


def test_a_long_queue_is_paged(client_for, office, unit_staff):
    for _n in range(51):
        message_assign(message=MessageFactory(), unit=unit_staff.unit, actor=office)
    client, url = client_for(unit_staff), reverse("participation:staff_messages")
    first, second = client.get(url), client.get(url, {"page": 2})
    assert len(_titles(first)) == 50 and len(_titles(second)) == 1
    assert "page=2" in first.content.decode()


@pytest.mark.parametrize("params", [{"unit": "99999999999999999999"}, {"status": "x'--"},
                                    {"overdue": "yes"}, {"sort": "drop"}, {"page": "abc"},
                                    {"q": "留" * 200}])
def test_hostile_parameters_give_the_list_and_say_so(queue, client_for, office, params):
    response = client_for(office).get(reverse("participation:staff_messages"),
                                      {"status": "", **params})
    assert response.status_code == 200
    if "status" not in params:
        assert len(_titles(response)) == 4
    if "page" not in params:
        assert "已忽略" in response.content.decode()
