"""Reconsideration and litigation records: services, audit events, pages, permissions."""
import datetime as dt

import pytest
import time_machine

from django.urls import reverse

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.foi.codes import AppealKind, AppealResult
from gongkai.foi.models import Appeal, CoHandling, Status
from gongkai.foi.selectors.stats import table_four
from gongkai.foi.services.appeals import appeal_decide, appeal_record
from gongkai.foi.tests.factories import AppealFactory, PendingApplicationFactory
from gongkai.foi.tests.factories_stats import replied
from gongkai.orgs.tests.factories import PublicUserFactory

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC)):
        yield


@pytest.fixture
def application(unit_staff):
    return replied(unit=unit_staff.unit, received_on=D(2026, 3, 2), replied_on=D(2026, 3, 20),
                   outcome="3.6")


def test_recording_a_case_starts_it_pending_with_an_event(application, unit_staff):
    appeal = appeal_record(application=application, kind=AppealKind.RECONSIDERATION,
                           filed_on=D(2026, 4, 10), body="广州市黄埔区人民政府",
                           actor=unit_staff)
    assert appeal.result == AppealResult.PENDING and appeal.decided_on is None
    event = history_of(appeal).get()
    assert event.action == "foi.appeal.recorded" and event.actor == unit_staff
    assert event.details["filed_on"] == "2026-04-10"


def test_deciding_a_case_goes_through_the_transition_table(application, unit_staff):
    appeal = AppealFactory(application=application, filed_on=D(2026, 4, 10))
    appeal_decide(appeal=appeal, result=AppealResult.CORRECTED, decided_on=D(2026, 5, 20),
                  note="责令重新答复", actor=unit_staff)
    appeal.refresh_from_db()
    assert (appeal.result, appeal.decided_on, appeal.note) == (
        AppealResult.CORRECTED, D(2026, 5, 20), "责令重新答复")
    assert history_of(appeal).filter(action="foi.appeal.decided").count() == 1
    with pytest.raises(ApplicationError, match="不能变更"):
        appeal_decide(appeal=appeal, result=AppealResult.UPHELD, decided_on=D(2026, 5, 21),
                      note="", actor=unit_staff)
    assert table_four(year=2026).numbers()[:5] == [0, 1, 0, 0, 1]


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "appeal_to_heaven"}, "类型"),
    ({"filed_on": D(2026, 6, 2)}, "不能晚于今天"),
    ({"filed_on": D(2026, 3, 1)}, "不能早于申请收到日期"),
    ({"body": "法" * 201}, "200"),
])
def test_bad_records_are_refused_and_nothing_is_written(application, unit_staff, kwargs,
                                                        message):
    args = {"application": application, "kind": AppealKind.LITIGATION_DIRECT,
            "filed_on": D(2026, 4, 1), "body": "", "actor": unit_staff, **kwargs}
    with pytest.raises(ApplicationError, match=message):
        appeal_record(**args)
    assert not Appeal.objects.exists()


def test_an_unreceived_application_cannot_be_appealed(unit_staff):
    pending = PendingApplicationFactory(unit=unit_staff.unit)
    with pytest.raises(ApplicationError, match="尚未确认收到"):
        appeal_record(application=pending, kind=AppealKind.RECONSIDERATION,
                      filed_on=D(2026, 4, 1), body="", actor=unit_staff)


@pytest.mark.parametrize("result, decided_on, message", [
    (AppealResult.PENDING, D(2026, 5, 1), "请选择审结结果"),
    (AppealResult.UPHELD, D(2026, 4, 1), "不能早于受理日期"),
    (AppealResult.UPHELD, D(2027, 1, 1), "不能晚于今天"),
])
def test_bad_decisions_are_refused_and_the_case_stays_pending(application, unit_staff,
                                                              result, decided_on, message):
    appeal = AppealFactory(application=application, filed_on=D(2026, 4, 10))
    with pytest.raises(ApplicationError, match=message):
        appeal_decide(appeal=appeal, result=result, decided_on=decided_on, note="",
                      actor=unit_staff)
    appeal.refresh_from_db()
    assert appeal.result == AppealResult.PENDING and not history_of(appeal).exists()


def test_staff_record_and_decide_a_case_through_the_pages(application, unit_staff,
                                                          client_for):
    client = client_for(unit_staff)
    url = reverse("foi:appeal_add", args=[application.pk])
    response = client.post(url, {"kind": AppealKind.RECONSIDERATION, "filed_on": "2026-04-10",
                                 "body": "<script>alert(1)</script>"}, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert" not in body
    appeal = Appeal.objects.get()
    assert appeal.body == "<script>alert(1)</script>"
    response = client.post(reverse("foi:appeal_decide", args=[appeal.pk]),
                           {"result": AppealResult.UPHELD, "decided_on": "2026-05-10",
                            "note": "维持"}, follow=True)
    assert "已登记审结结果" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.result == AppealResult.UPHELD


def test_a_malformed_date_gets_a_chinese_error_and_writes_nothing(application, unit_staff,
                                                                   client_for):
    response = client_for(unit_staff).post(
        reverse("foi:appeal_add", args=[application.pk]),
        {"kind": AppealKind.RECONSIDERATION, "filed_on": "2026-02-30", "body": ""})
    assert response.status_code == 200
    assert "请填写真实的日期" in response.content.decode()
    assert not Appeal.objects.exists()


def test_a_future_date_is_shown_as_a_message(application, unit_staff, client_for):
    response = client_for(unit_staff).post(
        reverse("foi:appeal_add", args=[application.pk]),
        {"kind": AppealKind.RECONSIDERATION, "filed_on": "2030-01-01", "body": ""})
    assert "不能晚于今天" in response.content.decode()
    assert not Appeal.objects.exists()


def test_other_units_staff_can_neither_see_nor_record(application, other_unit_staff,
                                                      client_for):
    client = client_for(other_unit_staff)
    appeal = AppealFactory(application=application, filed_on=D(2026, 4, 10))
    assert client.get(reverse("foi:appeal_add", args=[application.pk])).status_code == 404
    response = client.post(reverse("foi:appeal_add", args=[application.pk]),
                           {"kind": AppealKind.RECONSIDERATION, "filed_on": "2026-04-10"})
    assert response.status_code == 404
    response = client.post(reverse("foi:appeal_decide", args=[appeal.pk]),
                           {"result": AppealResult.UPHELD, "decided_on": "2026-05-10"})
    assert response.status_code == 404
    assert Appeal.objects.count() == 1
    appeal.refresh_from_db()
    assert appeal.result == AppealResult.PENDING


def test_a_co_handling_unit_and_the_applicant_may_not_record(application, other_unit_staff,
                                                             client_for):
    CoHandling.objects.create(application=application, unit=other_unit_staff.unit,
                              requested_on=D(2026, 3, 5))
    applicant = PublicUserFactory()
    application.public_user = applicant
    application.save(update_fields=["public_user"])
    url = reverse("foi:appeal_add", args=[application.pk])
    assert client_for(other_unit_staff).get(url).status_code == 403
    assert client_for(applicant).get(url).status_code == 403


def test_the_office_may_record_for_any_unit(application, office_admin, client_for):
    response = client_for(office_admin).post(
        reverse("foi:appeal_add", args=[application.pk]),
        {"kind": AppealKind.LITIGATION_AFTER, "filed_on": "2026-05-01", "body": "黄埔区人民法院"})
    assert response.status_code == 302
    assert Appeal.objects.get().kind == AppealKind.LITIGATION_AFTER


def test_anonymous_visitors_are_sent_to_log_in(application, client):
    response = client.get(reverse("foi:appeal_add", args=[application.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_status_is_untouched_by_appeals(application, unit_staff):
    appeal_record(application=application, kind=AppealKind.RECONSIDERATION,
                  filed_on=D(2026, 4, 10), body="", actor=unit_staff)
    application.refresh_from_db()
    assert application.status == Status.REPLIED
