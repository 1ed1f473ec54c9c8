"""Clocks never stop forever (issue 11): an unanswered consultation ends by itself
after its 15 working days, and applications awaiting confirmation are seen and
reminded about. The date of receipt of an online application is the day of
confirmation (Art. 31), recorded with how it was confirmed."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.urls import reverse

from gongkai.core.models import Notification
from gongkai.core.notifications.reminders import reminders_run
from gongkai.foi.models import Application, PauseKind, Status
from gongkai.foi.reminders import consultations_expire_and_tell
from gongkai.foi.selectors.overview import open_overview
from gongkai.foi.services import workflow as wf
from gongkai.foi.services.intake import application_confirm_receipt
from gongkai.foi.tests.factories import ApplicationFactory, PendingApplicationFactory
from gongkai.orgs.tests.factories import OfficeAdminFactory, UserFactory
from gongkai.workdays.selectors import calendar_from_db
from gongkai.workdays.services import calendar_seed_from_package

D = dt.date
TZ = ZoneInfo("Asia/Shanghai")
pytestmark = pytest.mark.django_db


def reminders_send(*, today):
    """What the morning jobs do: end expired consultations, then the reminder loop."""
    told = consultations_expire_and_tell(today=today)
    return told + reminders_run(today=today, only=("foi.due", "foi.overdue", "foi.pending"))


@pytest.fixture(autouse=True)
def calendar(db):
    calendar_seed_from_package(years=[2026])


def at(day: dt.date, hour: int = 10):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=TZ),
                               tick=False)


@pytest.fixture
def staff():
    return UserFactory()


def test_an_unanswered_third_party_consultation_ends_after_15_working_days(staff):
    application = ApplicationFactory(unit=staff.unit, received_on=D(2026, 3, 2))
    with at(D(2026, 3, 4)):
        pause = wf.consultation_start(application=application, kind=PauseKind.THIRD_PARTY,
                                      party="某科技有限公司", actor=staff)
    assert pause.answer_by == D(2026, 3, 25)  # 15 working days from 4 March
    application.refresh_from_db()
    assert application.due_on is None  # stopped while the third party may answer
    with at(D(2026, 3, 25)):
        assert reminders_send(today=D(2026, 3, 25)) == 0  # still within its days
    application.refresh_from_db()
    assert application.status == Status.CONSULTING
    with at(D(2026, 3, 26)):
        told = reminders_send(today=D(2026, 3, 26))
    application.refresh_from_db()
    pause.refresh_from_db()
    assert pause.ended_on == D(2026, 3, 25) and "逾期未提出意见" in pause.result
    assert application.status == Status.PROCESSING
    # 2 → 4 March: 2 working days counted; 5 → 25 March not counted; 18 more from the
    # 26th: the reply is due on 21 April (清明 4–6 April are days off).
    assert application.due_on == D(2026, 4, 21)
    assert told >= 1
    assert Notification.objects.filter(user=staff, text__contains="期限").exists()
    with at(D(2026, 3, 27)):
        reminders_send(today=D(2026, 3, 27))
    assert Notification.objects.filter(user=staff, text__contains="某科技有限公司").count() == 1


def test_pending_applications_are_in_the_office_overview_and_reminded(staff):
    office = OfficeAdminFactory()
    with at(D(2026, 3, 2)):
        pending = PendingApplicationFactory(unit=staff.unit)
    overview = open_overview(today=D(2026, 3, 3), calendar=calendar_from_db())
    assert [i.application for i in overview.items] == [pending]
    assert overview.total.pending == 1 and overview.total.open == 0
    with at(D(2026, 3, 2, )):
        assert reminders_send(today=D(2026, 3, 2)) == 0  # submitted today
    with at(D(2026, 3, 3)):
        assert reminders_send(today=D(2026, 3, 3)) == 2
    assert Notification.objects.filter(user=staff, text__contains="尚未确认收到").exists()
    assert Notification.objects.filter(user=office, text__contains="尚未确认收到").exists()


def test_the_office_overview_page_lists_pending_applications(client_for, staff):
    office = OfficeAdminFactory()
    with at(D(2026, 3, 2)):
        PendingApplicationFactory(unit=staff.unit)
    with at(D(2026, 3, 3)):
        page = client_for(office).get(reverse("foi:office_overview")).content.decode()
    assert "待确认" in page and "待确认收到后起算" in page


def test_online_receipt_is_the_day_of_confirmation_and_how_is_recorded(client_for, staff):
    with at(D(2026, 3, 2)):
        pending = PendingApplicationFactory(unit=staff.unit)
    with at(D(2026, 3, 4)):
        response = client_for(staff).post(
            reverse("foi:action", args=[pending.pk, "confirm_receipt"]),
            {"confirmation": "电话确认（申请人本人）", "received_on": "2026-03-02"})
    assert response.status_code == 302
    pending.refresh_from_db()
    # The date typed is ignored: the day of receipt is the day both sides confirmed.
    assert pending.received_on == D(2026, 3, 4)
    assert pending.receipt_confirmation == "电话确认（申请人本人）"


def test_confirming_receipt_keeps_one_receipt(client_for, staff):
    from gongkai.foi.codes import LetterKind
    from gongkai.foi.services.letters import letter_ensure

    with at(D(2026, 3, 2)):
        pending = PendingApplicationFactory(unit=staff.unit)
        letter_ensure(application=pending, kind=LetterKind.RECEIPT)
    with at(D(2026, 3, 3)):
        client_for(staff).post(reverse("foi:action", args=[pending.pk, "confirm_receipt"]),
                               {"confirmation": "短信确认"})
    pending.refresh_from_db()
    assert pending.status == Status.PROCESSING
    assert pending.letters.filter(kind=LetterKind.RECEIPT).count() == 1
    assert pending.letters.filter(kind=LetterKind.REGISTRATION).count() == 1


def test_replied_cases_in_the_list_show_the_outcome_in_words_not_a_stopped_clock(
        client_for, staff):
    ApplicationFactory(unit=staff.unit, status=Status.REPLIED, outcome="6.2",
                       replied_on=D(2026, 3, 20), due_on=None)
    page = client_for(staff).get(reverse("foi:staff_list")).content.decode()
    assert "逾期未按收费通知要求缴纳费用" in page and "· 6.2" not in page
    assert "已于2026年3月20日答复" in page and "暂停计算</span>" not in page


def test_confirmation_needs_how_it_was_confirmed(staff):
    with at(D(2026, 3, 2)):
        pending = PendingApplicationFactory(unit=staff.unit)
    with at(D(2026, 3, 3)), pytest.raises(Exception, match="确认方式"):
        application_confirm_receipt(application=pending, actor=staff)
    assert Application.objects.get(pk=pending.pk).status == Status.PENDING
