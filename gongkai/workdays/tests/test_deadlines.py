"""Deadline rules across the 2025 and 2026 holidays, restart, pause, extension, and a
year with no calendar. Expected dates were counted by hand on the notices' calendars."""
import datetime as dt
import json
import random

import pytest

from django.core.management import CommandError, call_command

from gongkai.workdays.calendar import Calendar, compute_due, working_days_left
from gongkai.workdays.selectors import calendar_from_db
from gongkai.workdays.services import calendar_seed_from_package, special_day_set

D = dt.date


@pytest.fixture
def calendar(db):
    calendar_seed_from_package(years=[2025, 2026])
    return calendar_from_db()


def naive_due(calendar, received, n, pauses=()):
    """The reference: walk day by day."""
    day, counted = received, 0
    while counted < n:
        day += dt.timedelta(days=1)
        paused = any(f < day <= t for f, t in pauses)
        if calendar.is_workday(day) and not paused:
            counted += 1
    return day


def test_2025_national_day_holiday_and_make_up_days_are_respected(calendar):
    # 9-28 (Sun) and 10-11 (Sat) are working days; 10-1 … 10-8 are not.
    result = compute_due(calendar, D(2025, 9, 26))
    assert result.due == D(2025, 10, 30)
    assert result.provisional is False
    assert result.working_days == 20


def test_2026_spring_festival_with_its_two_saturday_working_days(calendar):
    assert compute_due(calendar, D(2026, 2, 9)).due == D(2026, 3, 13)


def test_the_day_of_receipt_is_day_zero_even_when_it_is_a_holiday(calendar):
    # Received on Sunday 2025-10-05 (a holiday): day 1 is Thursday 10-09.
    assert compute_due(calendar, D(2025, 10, 5), days=1).due == D(2025, 10, 9)


def test_a_supplement_restarts_the_count_from_the_day_it_arrives(calendar):
    result = compute_due(calendar, D(2025, 3, 3), restarts=[D(2025, 3, 10)])
    # 2025-04-04 (Fri, 清明) is a holiday.
    assert result.due == D(2025, 4, 8)
    assert any("重新起算" in step for step in result.steps)


def test_a_pause_removes_the_working_days_after_the_letter_up_to_the_answer(calendar):
    result = compute_due(calendar, D(2025, 3, 3), pauses=[(D(2025, 3, 5), D(2025, 3, 12))])
    assert compute_due(calendar, D(2025, 3, 3)).due == D(2025, 3, 31)
    assert result.due == D(2025, 4, 8)  # five working days later, across 清明
    assert any("5 个工作日不计入" in step for step in result.steps)


def test_a_pause_after_the_due_date_changes_nothing(calendar):
    plain = compute_due(calendar, D(2025, 3, 3)).due
    late = compute_due(calendar, D(2025, 3, 3), pauses=[(plain, plain + dt.timedelta(10))])
    assert late.due == plain


def test_overlapping_pauses_are_not_counted_twice(calendar):
    once = compute_due(calendar, D(2025, 3, 3), pauses=[(D(2025, 3, 5), D(2025, 3, 12))])
    twice = compute_due(calendar, D(2025, 3, 3), pauses=[(D(2025, 3, 5), D(2025, 3, 12)),
                                                         (D(2025, 3, 7), D(2025, 3, 10))])
    assert twice.due == once.due


def test_an_extension_adds_twenty_working_days(calendar):
    result = compute_due(calendar, D(2025, 9, 26), extended=True)
    assert result.due == D(2025, 11, 27)
    assert result.working_days == 40


def test_a_year_with_no_calendar_counts_weekends_only_and_is_provisional(calendar):
    result = compute_due(calendar, D(2027, 1, 4))
    assert result.due == D(2027, 2, 1)
    assert result.provisional is True
    assert any("2027年节假日安排尚未载入" in step for step in result.steps)


def test_a_deadline_running_into_an_unloaded_year_is_provisional(calendar):
    result = compute_due(calendar, D(2026, 12, 15))
    assert result.due.year == 2027
    assert result.provisional is True


def test_indexed_counting_matches_a_day_by_day_walk(calendar):
    rng = random.Random(7)
    for _ in range(300):
        received = D(2025, 1, 1) + dt.timedelta(rng.randrange(0, 700))
        n = rng.choice([1, 7, 15, 20, 40])
        start = received + dt.timedelta(rng.randrange(0, 30))
        pauses = [(start, start + dt.timedelta(rng.randrange(0, 25)))] if rng.random() < .5 else []
        expected = naive_due(calendar, received, n, pauses)
        assert compute_due(calendar, received, days=n, pauses=pauses).due == expected


def test_days_left_is_negative_once_overdue(calendar):
    assert working_days_left(calendar, D(2025, 10, 28), D(2025, 10, 30)) == 2
    assert working_days_left(calendar, D(2025, 10, 30), D(2025, 10, 30)) == 0
    assert working_days_left(calendar, D(2025, 11, 3), D(2025, 10, 30)) == -2


def test_editing_one_day_changes_the_due_date_and_keeps_the_year_unloaded(db):
    calendar_seed_from_package(years=[2025])
    before = compute_due(calendar_from_db(), D(2025, 9, 26)).due
    special_day_set(date=D(2025, 10, 13), is_workday=False, name="测试")
    after = compute_due(calendar_from_db(), D(2025, 9, 26))
    assert after.due == before + dt.timedelta(days=1)
    special_day_set(date=D(2027, 1, 5), is_workday=False)
    assert not calendar_from_db().is_loaded(2027)


def test_the_package_seed_is_idempotent(db):
    assert calendar_seed_from_package(years=[2025]) == [2025]
    assert calendar_seed_from_package(years=[2025]) == []


def run_due_date(*args):
    from io import StringIO

    out = StringIO()
    call_command("due_date", *args, stdout=out)
    return json.loads(out.getvalue())


def test_due_date_command_prints_the_json_the_issue_names(calendar):
    data = run_due_date("--received", "2025-09-26", "--extend")
    assert data["due"] == "2025-11-27"
    assert data["provisional"] is False
    assert data["working_days"] == 40
    assert all(isinstance(s, str) for s in data["steps"]) and len(data["steps"]) >= 3


def test_due_date_command_with_restart_and_pause(calendar):
    data = run_due_date("--received", "2025-03-03", "--restart", "2025-03-10")
    assert data["due"] == "2025-04-08"
    data = run_due_date("--received", "2025-03-03", "--pause", "2025-03-05:2025-03-12")
    assert data["due"] == "2025-04-08"


@pytest.mark.parametrize("args, message", [
    (["--received", "2025-02-30"], "日期“2025-02-30”无效"),
    (["--received", "yesterday"], "无效"),
    (["--received", "2025-03-03", "--pause", "2025-03-05"], "FROM:TO"),
    (["--received", "2025-03-03", "--pause", "2025-03-12:2025-03-05"], "参数有误"),
    (["--received", "2025-03-03", "--restart", "2025-03-01"], "参数有误"),
    (["--received", "2025-03-03", "--days", "0"], "1到1000"),
])
def test_due_date_command_refuses_bad_input_in_chinese(calendar, args, message):
    with pytest.raises(CommandError, match=message):
        run_due_date(*args)


def test_a_calendar_without_rows_is_pure_weekends():
    calendar = Calendar()
    assert calendar.is_workday(D(2025, 10, 1))  # a Wednesday, no notice loaded
    assert not calendar.is_workday(D(2025, 9, 28))
