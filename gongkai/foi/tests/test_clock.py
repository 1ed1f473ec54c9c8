"""The statutory clock of an application: restart, pause, extension, manual date,
calendar changes, and a year with no calendar."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.foi.models import Status
from gongkai.foi.services.clock import (
    application_due_recompute,
    clock_preview,
    open_applications_recompute,
)
from gongkai.foi.tests.factories import ApplicationFactory, PauseFactory, SupplementFactory
from gongkai.workdays.selectors import calendar_from_db
from gongkai.workdays.services import calendar_seed_from_package, special_day_set

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def calendar(db):
    calendar_seed_from_package(years=[2025, 2026])
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai")),
                             tick=False):
        yield


def test_the_due_date_counts_20_working_days_over_the_national_day_holiday():
    application = ApplicationFactory(received_on=D(2025, 9, 26), due_on=None)
    result = application_due_recompute(application=application)
    application.refresh_from_db()
    assert application.due_on == result.due == D(2025, 10, 30)
    assert application.due_provisional is False
    assert any("第0日" in step for step in result.steps)


def test_a_received_supplement_restarts_the_count():
    application = ApplicationFactory(received_on=D(2026, 3, 2))
    SupplementFactory(application=application, requested_on=D(2026, 3, 4),
                      received_on=D(2026, 3, 16))
    result = application_due_recompute(application=application)
    assert result.due == D(2026, 4, 14)  # 20 working days after 3-16, 4-6 off


def test_an_outstanding_supplement_stops_the_clock():
    application = ApplicationFactory(received_on=D(2026, 3, 2))
    SupplementFactory(application=application, requested_on=D(2026, 3, 4))
    assert application_due_recompute(application=application) is None
    application.refresh_from_db()
    assert application.due_on is None


def test_an_open_pause_stops_the_clock_and_a_closed_one_removes_its_days():
    application = ApplicationFactory(received_on=D(2026, 3, 2))
    pause = PauseFactory(application=application, started_on=D(2026, 3, 5))
    assert application_due_recompute(application=application) is None
    pause.ended_on = D(2026, 3, 12)  # 5 working days (3-6, 3-9 … 3-12) not counted
    pause.save()
    assert application_due_recompute(application=application).due == D(2026, 4, 7)


def test_the_preview_shows_the_date_if_the_clock_resumed_today():
    application = ApplicationFactory(received_on=D(2026, 5, 6))
    PauseFactory(application=application, started_on=D(2026, 5, 8), ended_on=None)
    preview = clock_preview(application, calendar_from_db(), D(2026, 6, 1))
    assert preview is not None and preview.due > D(2026, 6, 1)


def test_an_extension_adds_twenty_working_days():
    application = ApplicationFactory(received_on=D(2026, 3, 2), extended_on=D(2026, 3, 20))
    assert application_due_recompute(application=application).working_days == 40


def test_a_manual_date_overrides_the_computed_one_and_says_why():
    application = ApplicationFactory(received_on=D(2026, 3, 2), manual_due_on=D(2026, 6, 30),
                                     manual_due_reason="申请数量巨大")
    result = application_due_recompute(application=application)
    assert result.due == D(2026, 6, 30)
    assert "第三十五条" in result.steps[-1] and "申请数量巨大" in result.steps[-1]


def test_a_year_with_no_calendar_gives_a_provisional_date():
    application = ApplicationFactory(received_on=D(2027, 3, 1), due_on=None)
    result = application_due_recompute(application=application)
    application.refresh_from_db()
    assert result.provisional and application.due_provisional


def test_a_calendar_change_recomputes_open_applications_but_not_closed_ones(
        django_capture_on_commit_callbacks):
    open_one = ApplicationFactory(received_on=D(2026, 3, 2), due_on=D(2026, 3, 30))
    closed = ApplicationFactory(received_on=D(2026, 3, 2), due_on=D(2026, 3, 30),
                                status=Status.REPLIED, outcome="1",
                                replied_on=D(2026, 3, 20))
    with django_capture_on_commit_callbacks(execute=True):
        special_day_set(date=D(2026, 3, 16), is_workday=False, name="临时放假")
    open_one.refresh_from_db()
    closed.refresh_from_db()
    assert open_one.due_on == D(2026, 3, 31)
    assert closed.due_on == D(2026, 3, 30)


def test_bulk_recompute_uses_one_calendar_and_a_constant_number_of_queries(
        django_assert_max_num_queries):
    for _ in range(30):
        ApplicationFactory(received_on=D(2026, 3, 2), due_on=D(2020, 1, 1))
    with django_assert_max_num_queries(8):
        changed = open_applications_recompute()
    assert changed == 30


def test_recompute_by_year_skips_applications_whose_window_misses_that_year():
    old = ApplicationFactory(received_on=D(2025, 3, 3), due_on=D(2025, 3, 1))
    assert open_applications_recompute(years={2026}) == 0
    old.refresh_from_db()
    assert old.due_on == D(2025, 3, 1)
