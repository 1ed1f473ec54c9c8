"""Reply deadlines of leader messages: working days, holidays, calendar changes, derived
overdue, reminders and the live metric of plan task 21."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.core.audit import history_of
from gongkai.core.models import Notification
from gongkai.core.notifications.reminders import reminders_run
from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory, UserFactory
from gongkai.participation.models.messages import Message, MessageStatus
from gongkai.participation.selectors.messages import (
    message_queue,
    messages_answered_in_time_share,
    status_counts,
)
from gongkai.participation.services.messages import message_assign
from gongkai.participation.tests.factories_messages import MessageFactory
from gongkai.workdays.selectors import calendar_from_db
from gongkai.workdays.services import calendar_seed_from_package, special_day_set


def message_reminders_send(*, today, calendar=None):
    """The one reminder loop, run on the leader-message sources only."""
    return reminders_run(today=today, calendar=calendar,
                         only=("participation.message_due", "participation.message_overdue"))

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BEIJING)


@pytest.fixture
def calendar_2025():
    calendar_seed_from_package(years=[2025])


@pytest.fixture
def office():
    return OfficeAdminFactory()


@pytest.fixture
def staff():
    return UserFactory()


def assign_on(day: dt.datetime, office, unit) -> Message:
    with time_machine.travel(day, tick=False):
        return message_assign(message=MessageFactory(), unit=unit, actor=office)


def test_due_date_skips_the_national_day_holiday(calendar_2025, office, staff):
    # Assigned Monday 29 September 2025 (day 0). 1–8 October are days off and Saturday
    # 11 October is a make-up working day: the 10th working day is Monday 20 October.
    message = assign_on(at(2025, 9, 29, 10), office, staff.unit)
    assert message.due_on == dt.date(2025, 10, 20)
    assert message.due_provisional is False


def test_due_date_without_the_years_notice_is_provisional(office, staff):
    message = assign_on(at(2025, 9, 29, 10), office, staff.unit)
    assert message.due_provisional is True
    assert message.due_on == dt.date(2025, 10, 13)  # weekends only


def test_reply_days_is_a_setting(settings, calendar_2025, office, staff):
    settings.GONGKAI_MESSAGE_REPLY_DAYS = 5
    message = assign_on(at(2025, 6, 2, 9), office, staff.unit)  # Monday
    assert message.due_on == dt.date(2025, 6, 9)


def test_calendar_change_recomputes_open_messages_only(
        calendar_2025, office, staff, django_capture_on_commit_callbacks):
    open_one = assign_on(at(2025, 6, 2, 9), office, staff.unit)
    answered = assign_on(at(2025, 6, 2, 9), office, staff.unit)
    Message.objects.filter(pk=answered.pk).update(status=MessageStatus.PUBLISHED)
    assert open_one.due_on == dt.date(2025, 6, 16)
    with django_capture_on_commit_callbacks(execute=True):
        special_day_set(date=dt.date(2025, 6, 10), is_workday=False, name="临时调整")
    assert Message.objects.get(pk=open_one.pk).due_on == dt.date(2025, 6, 17)
    assert Message.objects.get(pk=answered.pk).due_on == dt.date(2025, 6, 16)
    assert history_of(open_one).filter(
        action="participation.message.due_recomputed").exists()


def test_overdue_is_derived_from_the_due_date_never_stored(calendar_2025, office, staff):
    message = assign_on(at(2025, 9, 29, 10), office, staff.unit)
    visible = Message.objects.all()
    calendar = calendar_from_db()
    with time_machine.travel(at(2025, 10, 20, 18), tick=False):
        item = message_queue(visible, today=dt.date(2025, 10, 20), calendar=calendar)[0]
        assert (item.overdue, item.days_left) == (False, 0)
    today = dt.date(2025, 10, 22)
    item = message_queue(visible, today=today, calendar=calendar)[0]
    assert item.overdue and item.days_late == 2
    assert status_counts(visible, today=today)["overdue"] == 1
    assert Message.objects.get(pk=message.pk).status == MessageStatus.ASSIGNED


def test_reminders_go_to_the_unit_before_and_to_the_office_and_unit_after_once(
        calendar_2025, office, staff):
    message = assign_on(at(2025, 9, 29, 10), office, staff.unit)  # due 20 October
    Notification.objects.all().delete()
    calendar = calendar_from_db()
    # 15 October: 3 working days left.
    assert message_reminders_send(today=dt.date(2025, 10, 15), calendar=calendar) == 1
    assert message_reminders_send(today=dt.date(2025, 10, 15), calendar=calendar) == 0
    assert message_reminders_send(today=dt.date(2025, 10, 14), calendar=calendar) == 0
    assert message_reminders_send(today=dt.date(2025, 10, 20), calendar=calendar) == 1
    assert Notification.objects.filter(user=staff).count() == 2
    # 21 October, overdue: the office and the answering unit, once.
    assert message_reminders_send(today=dt.date(2025, 10, 21), calendar=calendar) == 2
    assert message_reminders_send(today=dt.date(2025, 10, 22), calendar=calendar) == 0
    overdue = Notification.objects.get(user=office)
    assert "已超过答复期限" in overdue.text and str(message.pk) in overdue.url
    assert overdue.kind == "overdue"
    assert Notification.objects.filter(user=staff, kind="overdue").count() == 1


def test_answered_messages_get_no_reminders(calendar_2025, office, staff):
    message = assign_on(at(2025, 9, 29, 10), office, staff.unit)
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.PUBLISHED)
    Notification.objects.all().delete()
    assert message_reminders_send(today=dt.date(2025, 10, 22)) == 0


def test_answered_in_time_share_counts_answered_and_late_open_messages(
        calendar_2025, office, staff, django_assert_num_queries):
    unit = staff.unit
    in_time = assign_on(at(2025, 9, 29, 10), office, unit)
    late = assign_on(at(2025, 9, 29, 10), office, unit)
    assign_on(at(2025, 9, 29, 10), office, unit)  # open and overdue
    assign_on(at(2025, 10, 21, 10), office, unit)  # open, not yet due: not counted
    other = assign_on(at(2025, 9, 29, 10), office, UnitFactory())
    for message, replied in ((in_time, dt.date(2025, 10, 20)), (late, dt.date(2025, 10, 21)),
                             (other, dt.date(2025, 10, 9))):
        Message.objects.filter(pk=message.pk).update(status=MessageStatus.PUBLISHED,
                                                     replied_on=replied)
    today = dt.date(2025, 10, 22)
    with django_assert_num_queries(1):
        share = messages_answered_in_time_share(year=2025, unit=unit, today=today)
    assert share == pytest.approx(1 / 3)
    assert messages_answered_in_time_share(year=2025, today=today) == pytest.approx(2 / 4)
    assert messages_answered_in_time_share(year=2024, today=today) == 1.0


def test_due_date_counts_from_receipt_not_from_assignment(calendar_2025, office, staff):
    # Received Monday 2 June 2025 (day 0) but assigned only on Thursday 5 June: the
    # writer has waited since the 2nd, so the 10th working day is 16 June, not 19 June.
    with time_machine.travel(at(2025, 6, 2, 9), tick=False):
        message = MessageFactory()
    with time_machine.travel(at(2025, 6, 5, 9), tick=False):
        message = message_assign(message=message, unit=staff.unit, actor=office)
    assert message.due_on == dt.date(2025, 6, 16)


def test_a_transfer_does_not_restart_the_writers_wait(calendar_2025, office, staff):
    from gongkai.participation.services.messages import message_transfer

    with time_machine.travel(at(2025, 6, 2, 9), tick=False):
        message = message_assign(message=MessageFactory(), unit=staff.unit, actor=office)
    with time_machine.travel(at(2025, 6, 9, 9), tick=False):
        message = message_transfer(message=message, unit=UnitFactory(), reason="职责调整",
                                   actor=office)
    assert message.due_on == dt.date(2025, 6, 16)
