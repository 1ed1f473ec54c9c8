"""The look-back page (回头看) as a long list: nothing ticked in advance, filters and
paging in the URL, the action at the top, "all filtered rows" only after a confirmation."""
import pytest

from django.urls import reverse

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.models import FollowUp
from gongkai.plans.tests.factories import AssignmentFactory, PlanFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def look_back():
    old, new = PlanFactory(year=2021), PlanFactory(year=2022)
    units = [UnitFactory(name="区教育局", sort_order=1), UnitFactory(name="九龙镇", sort_order=2)]
    tasks = [TaskFactory(plan=old, number=n, text=f"第{n}项 回头看任务") for n in (1, 2, 3)]
    rows = [AssignmentFactory(task=t, unit=u) for t in tasks for u in units]
    return new, units, rows


def _url(plan):
    return reverse("plans:import_look_back", args=[plan.year])


def test_nothing_is_ticked_and_the_action_comes_before_the_rows(look_back, admin_client):
    plan, _units, rows = look_back
    body = admin_client.get(_url(plan)).content.decode()
    assert "checked" not in body.split('id="look-back-form"')[1]
    form = body.split('id="look-back-form"')[1]
    assert form.index("为选中的工作生成整改跟踪") < form.index(rows[0].unit.name)
    assert 'data-check-all="assignment"' in body and 'data-check-none="assignment"' in body
    assert "共有 6 条未完成的工作" in body


def test_filters_and_search_narrow_the_rows(look_back, admin_client):
    plan, units, rows = look_back
    response = admin_client.get(_url(plan), {"unit": units[1].pk, "q": "第2项"})
    assert [r["assignment"].pk for r in response.context["rows"]] == [rows[3].pk]
    FollowUp.objects.create(plan=plan, previous=rows[0])
    not_yet = admin_client.get(_url(plan), {"followed": "no"})
    assert rows[0].pk not in [r["assignment"].pk for r in not_yet.context["rows"]]
    assert len(not_yet.context["rows"]) == 5


@pytest.mark.parametrize("params", [{"unit": "99999999999999999999"}, {"section": "x"},
                                    {"followed": "maybe"}, {"page": "0"}, {"sort": "unit__pk"},
                                    {"q": "字" * 100}])
def test_hostile_parameters_show_every_row_and_say_so(look_back, admin_client, params):
    plan, _units, _rows = look_back
    response = admin_client.get(_url(plan), params)
    assert response.status_code == 200
    assert len(response.context["rows"]) == 6
    if "page" not in params:
        assert "已忽略" in response.content.decode()


def test_ticked_rows_get_follow_ups_and_an_empty_choice_says_so(look_back, admin_client):
    plan, _units, rows = look_back
    response = admin_client.post(_url(plan), {"scope": "selected"}, follow=True)
    assert "没有勾选任何工作" in response.content.decode()
    assert not FollowUp.objects.exists()
    admin_client.post(_url(plan), {"scope": "selected",
                                   "assignment": [rows[0].pk, rows[1].pk, "x"]})
    assert set(FollowUp.objects.values_list("previous_id", flat=True)) == {rows[0].pk, rows[1].pk}


def test_all_filtered_rows_only_after_confirmation(look_back, admin_client):
    plan, units, rows = look_back
    url = _url(plan) + f"?unit={units[0].pk}"
    confirm = admin_client.post(url, {"scope": "all"})
    assert confirm.status_code == 200 and "确认生成 3 条" in confirm.content.decode()
    assert not FollowUp.objects.exists()
    admin_client.post(url, {"scope": "all", "confirm": "1"})
    assert set(FollowUp.objects.values_list("previous_id", flat=True)) == {
        r.pk for r in rows if r.unit_id == units[0].pk}


def test_unit_staff_cannot_open_the_look_back(look_back, client_for, unit_staff):
    plan, *_ = look_back
    assert client_for(unit_staff).get(_url(plan)).status_code == 403
