"""Deadline reminders: the right people, once, at the configured working days."""
import datetime as dt

import pytest
import time_machine

from django.core import mail

from gongkai.core.models import Notification
from gongkai.core.notifications.reminders import reminders_run
from gongkai.foi.models import Status
from gongkai.foi.tests.factories import ApplicationFactory
from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory, UserFactory
from gongkai.workdays.calendar import Calendar

D = dt.date
CAL = Calendar()  # weekends only: the arithmetic is not what is tested here
MONDAY = D(2026, 3, 2)

pytestmark = pytest.mark.django_db
FOI_SOURCES = ("foi.due", "foi.overdue", "foi.pending")


def reminders_send(*, today, calendar):
    """The one reminder loop, run on the disclosure sources only."""
    return reminders_run(today=today, calendar=calendar, only=FOI_SOURCES)


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.GONGKAI_FOI_REMIND_DAYS = (5, 2, 0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def unit():
    return UnitFactory()


@pytest.fixture
def staff(unit):
    return UserFactory(unit=unit, email="clerk@example.gov.cn")


@pytest.fixture
def office():
    return OfficeAdminFactory(email="office@example.gov.cn")


def due_in(unit, workdays: int, **kwargs):
    return ApplicationFactory(unit=unit, due_on=CAL.nth_after(MONDAY, workdays)
                              if workdays > 0 else MONDAY, **kwargs)


def test_the_handling_units_staff_are_told_at_five_two_and_zero_days(
        unit, staff, office, django_capture_on_commit_callbacks):
    five, two, today = due_in(unit, 5), due_in(unit, 2), due_in(unit, 0)
    due_in(unit, 3)
    due_in(unit, 7)
    other_unit_staff = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=MONDAY, calendar=CAL) == 3
    texts = list(Notification.objects.filter(user=staff).values_list("text", flat=True))
    assert len(texts) == 3
    assert any(five.number in t and "5 个工作日" in t for t in texts)
    assert any(two.number in t and "2 个工作日" in t for t in texts)
    assert any(today.number in t and "今天" in t for t in texts)
    assert not Notification.objects.filter(user__in=[office, other_unit_staff]).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["clerk@example.gov.cn"] * 3


def test_a_rerun_the_same_day_sends_nothing_twice(unit, staff,
                                                 django_capture_on_commit_callbacks):
    due_in(unit, 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=MONDAY, calendar=CAL) == 1
        assert reminders_send(today=MONDAY, calendar=CAL) == 0
    assert Notification.objects.filter(user=staff).count() == 1
    assert len(mail.outbox) == 1


def test_a_moved_due_date_gets_its_own_reminder(unit, staff):
    app = due_in(unit, 2)
    reminders_send(today=MONDAY, calendar=CAL)
    app.due_on = CAL.nth_after(MONDAY + dt.timedelta(days=1), 2)  # e.g. a supplement
    app.save(update_fields=["due_on"])
    assert reminders_send(today=MONDAY + dt.timedelta(days=1), calendar=CAL) == 1


def test_overdue_applications_go_to_the_office_and_the_handling_unit_once(unit, staff,
                                                                        office):
    late = ApplicationFactory(unit=unit, due_on=D(2026, 2, 25))  # Wednesday
    UserFactory()  # staff of another unit: not told
    assert reminders_send(today=MONDAY, calendar=CAL) == 2
    note = Notification.objects.get(user=office)
    assert late.number in note.text and unit.name in note.text and "逾期 3 个工作日" in note.text
    assert note.kind == "overdue"
    assert Notification.objects.get(user=staff).text == note.text
    assert reminders_send(today=MONDAY + dt.timedelta(days=1), calendar=CAL) == 0
    assert Notification.objects.count() == 2


def test_closed_stopped_and_unreceived_applications_are_left_alone(unit, staff, office):
    due_in(unit, 2, status=Status.REPLIED, outcome="1", replied_on=MONDAY)
    ApplicationFactory(unit=unit, due_on=None, status=Status.AWAITING_SUPPLEMENT)
    ApplicationFactory(unit=unit, due_on=D(2026, 1, 5), status=Status.ARCHIVED, outcome="1",
                       replied_on=D(2026, 1, 4))
    assert reminders_send(today=MONDAY, calendar=CAL) == 0
    assert not Notification.objects.exists()


def test_the_reminder_days_are_a_setting(unit, staff, settings):
    settings.GONGKAI_FOI_REMIND_DAYS = (3,)
    due_in(unit, 3)
    due_in(unit, 2)
    assert reminders_send(today=MONDAY, calendar=CAL) == 1
    assert "3 个工作日" in Notification.objects.get(user=staff).text


def test_inactive_staff_are_not_told(unit, staff):
    UserFactory(unit=unit, is_active=False)
    due_in(unit, 0)
    assert reminders_send(today=MONDAY, calendar=CAL) == 1


def test_the_one_daily_reminder_job_runs_the_disclosure_sources(unit, staff, settings):
    from gongkai.core.tasks import send_reminders

    due_in(unit, 0)
    with time_machine.travel(dt.datetime(2026, 3, 2, 1, tzinfo=dt.UTC)):
        send_reminders.call_local()
    assert Notification.objects.filter(user=staff).count() == 1
