"""The one reminder loop: every app's sources are found and run by one job, each
reminder tells its recipients once, and a moved due date is a new reminder."""
import datetime as dt

import pytest

from django.core.management import CommandError, call_command

from gongkai.core.models import Notification, NotificationKind
from gongkai.core.notifications import reminders as loop
from gongkai.workdays.calendar import Calendar

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 3, 2)


@pytest.fixture
def fake_source(unit_staff):
    """A source telling ``unit_staff`` about their own user row, due ``state['due']``."""
    state = {"due": MONDAY, "calls": []}

    def source(*, today, calendar):
        state["calls"].append((today, calendar))
        yield loop.Reminder(recipients=(unit_staff, unit_staff), obj=unit_staff,
                            kind=NotificationKind.DUE_SOON, due=state["due"],
                            text="测试提醒", url="/x/")

    loop.reminder_source("test.fake")(source)
    yield state
    loop._SOURCES.pop("test.fake", None)


def test_every_apps_sources_are_registered():
    names = set(loop.registered_sources())
    assert {"foi.due", "foi.overdue", "foi.pending", "participation.message_due",
            "participation.message_overdue", "participation.consultation_closed",
            "plans.report_due", "plans.report_overdue"} <= names


def test_a_source_tells_once_and_a_new_due_date_tells_again(fake_source, unit_staff):
    calendar = Calendar()
    assert loop.reminders_run(today=MONDAY, calendar=calendar, only=["test.fake"]) == 1
    assert loop.reminders_run(today=MONDAY, calendar=calendar, only=["test.fake"]) == 0
    assert fake_source["calls"][0] == (MONDAY, calendar)
    fake_source["due"] = MONDAY + dt.timedelta(days=7)
    assert loop.reminders_run(today=MONDAY, calendar=calendar, only=["test.fake"]) == 1
    notes = Notification.objects.filter(user=unit_staff)
    assert notes.count() == 2 and {n.kind for n in notes} == {"due_soon"}


def test_only_runs_the_named_sources(fake_source):
    loop.reminders_run(today=MONDAY, calendar=Calendar(), only=["foi.due"])
    assert fake_source["calls"] == []


def test_the_command_lists_sources_and_refuses_unknown_ones_and_bad_dates(capsys):
    call_command("send_reminders", "--list")
    assert "plans.report_due" in capsys.readouterr().out
    with pytest.raises(CommandError, match="没有这个提醒来源"):
        call_command("send_reminders", "--source", "nope")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "2026-13-40")
    call_command("send_reminders", "--date", "2026-03-02")
    assert "已提醒" in capsys.readouterr().out
