import datetime as dt

import pytest

from gongkai.foi.codes import AppealResult, ApplicantType, LetterKind, Outcome
from gongkai.foi.demo import credit_code, load_foi_demo, resident_id
from gongkai.foi.models import Appeal, Application, Letter, Status
from gongkai.foi.selectors.overview import open_overview
from gongkai.foi.selectors.stats import CLOSED, NEW, check_consistency, table_four, table_three
from gongkai.foi.services import validation as v
from gongkai.workdays.selectors import calendar_from_db

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def loaded():
    return load_foi_demo()


def test_made_up_identity_numbers_pass_their_check_characters():
    assert all(v.resident_id_valid(resident_id(n)) for n in range(1, 30))
    assert all(v.credit_code_valid(credit_code(n)) for n in range(1, 30))


def test_second_run_creates_nothing(loaded):
    count = Application.objects.count()
    letters = Letter.objects.count()
    assert loaded == count >= 25
    assert load_foi_demo() == 0
    assert Application.objects.count() == count
    assert Letter.objects.count() == letters


def test_table_three_of_2025_has_numbers_that_pass_the_consistency_check(loaded):
    table = table_three(year=2025)
    assert check_consistency(table) == []
    assert table.row(NEW).values["total"] >= 12
    assert table.row(CLOSED).values["total"] >= 10
    for kind in ApplicantType.values:
        assert table.row(NEW).values[kind] > 0, kind
    assert check_consistency(table_three(year=2026)) == []


def test_table_four_of_2025_has_decided_and_pending_cases(loaded):
    numbers = table_four(year=2025).numbers()
    assert sum(numbers) > 0
    assert Appeal.objects.filter(result=AppealResult.PENDING).exists()
    assert Appeal.objects.exclude(result=AppealResult.PENDING).exists()


def test_overview_shows_due_soon_overdue_extended_and_paused(loaded):
    overview = open_overview(today=v.today(), calendar=calendar_from_db())
    assert overview.total.overdue >= 1
    assert overview.total.due_soon >= 2
    assert any(item.extended for item in overview.items)
    assert any(item.stopped for item in overview.items)
    assert Application.objects.filter(status=Status.PENDING).exists()


def test_a_spread_of_outcomes_each_replied_with_a_letter(loaded):
    replied = Application.objects.exclude(outcome="")
    assert replied.values("outcome").distinct().count() >= 12
    assert {Outcome.OTHER_NO_SUPPLEMENT, Outcome.OTHER_FEE_UNPAID} <= set(
        replied.values_list("outcome", flat=True))
    for application in replied:
        assert application.letters.filter(kind=LetterKind.REPLY).exists()
    assert Application.objects.filter(status=Status.ARCHIVED).count() >= 10


def test_dates_are_never_in_the_future_and_backdated_consistently(loaded):
    today = v.today()
    for application in Application.objects.exclude(received_on=None):
        assert application.received_on <= today
        assert application.submitted_at.date() <= application.received_on
        for letter in application.letters.all():
            assert letter.created_at.date() >= application.received_on


@pytest.mark.parametrize("today", [dt.date(2026, 11, 27), dt.date(2026, 11, 28),
                                   dt.date(2026, 11, 29)], ids=["friday", "saturday", "sunday"])
def test_the_demo_has_cases_due_soon_whatever_day_it_is_loaded(monkeypatch, today):
    monkeypatch.setattr(v, "today", lambda: today)
    load_foi_demo()
    overview = open_overview(today=today, calendar=calendar_from_db())
    assert overview.total.due_soon >= 2 and overview.total.overdue >= 1
