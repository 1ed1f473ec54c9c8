"""The indicator registry and the measures each module offers: per unit, for the
district, over a period, in a fixed number of queries."""
import datetime as dt

import pytest
import time_machine

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from gongkai.foi.tests.factories_stats import replied, still_open
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.participation.models import MessageStatus
from gongkai.participation.tests.factories_consultations import (
    MeetingFactory,
    RepresentativeFactory,
)
from gongkai.participation.tests.factories_messages import MessageFactory
from gongkai.reports import registry
from gongkai.reports.tests.factories import WorkRecordFactory

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = (D(2022, 1, 1), D(2022, 12, 31))


def measure(key, unit=None, span=YEAR):
    indicator = registry.get(key)
    per_unit = indicator.per_unit(start=span[0], end=span[1])
    if unit is None:
        return indicator.for_district(start=span[0], end=span[1], per_unit=per_unit)
    return per_unit.get(unit.pk, 0)


def test_every_module_registers_named_measures_with_labels_and_units():
    found = registry.indicators()
    for key in ("foi.overdue", "foi.replied_on_time", "participation.meetings_held",
                "participation.messages_in_time", "policies.interpreted_in_step",
                "publishing.catalog_in_time", "participation.feedback_published",
                "qa.unanswered", "plans.dead_links", "plans.returns",
                "reports.leading_group", "reports.leader_hearing", "reports.training",
                "reports.legal_review"):
        assert key in found, key
        assert str(found[key].label) and str(found[key].unit)
    assert all(i.better in ("more", "less") for i in found.values())


def test_a_registration_point_for_an_app_not_installed_is_skipped(settings):
    assert "gongkai.websites.selectors.indicators" in registry.SOURCES
    assert any(key.startswith("websites.") for key in registry.indicators())
    registry.indicators.cache_clear()
    try:
        with override_settings(INSTALLED_APPS=[
                app for app in settings.INSTALLED_APPS if app != "gongkai.websites"]):
            assert not any(key.startswith("websites.") for key in registry.indicators())
    finally:
        registry.indicators.cache_clear()


def test_applications_on_time_and_overdue_per_unit_and_for_the_district():
    a, b = UnitFactory(), UnitFactory()
    replied(unit=a, received_on=D(2022, 3, 1), replied_on=D(2022, 3, 10))  # on time
    late = replied(unit=a, received_on=D(2022, 3, 1), replied_on=D(2022, 5, 30))
    assert late.replied_on > late.due_on
    still_open(unit=b, received_on=D(2022, 10, 10))  # due in November, never replied
    still_open(unit=b, received_on=D(2022, 12, 20))  # due next year: not overdue yet
    replied(unit=b, received_on=D(2021, 3, 1), replied_on=D(2021, 3, 2))  # other year
    assert (measure("foi.replied_on_time", a), measure("foi.overdue", a)) == (1, 1)
    assert (measure("foi.replied_on_time", b), measure("foi.overdue", b)) == (0, 1)
    assert measure("foi.overdue") == 2
    assert measure("foi.received") == 4


def test_messages_in_time_are_counted_from_receipt_not_from_assignment():
    unit = UnitFactory()
    with time_machine.travel(dt.datetime(2022, 3, 1, 9, tzinfo=dt.UTC)):  # a Tuesday
        prompt = MessageFactory()
        slow = MessageFactory()
    # Both answered 10 working days after their assignment; ``slow`` was assigned 6
    # working days after it arrived, so it took 16 working days from receipt.
    for message, assigned, replied_on in ((prompt, D(2022, 3, 1), D(2022, 3, 15)),
                                          (slow, D(2022, 3, 9), D(2022, 3, 23))):
        type(message).objects.filter(pk=message.pk).update(
            unit=unit, assigned_at=dt.datetime.combine(assigned, dt.time(9), dt.UTC), status=MessageStatus.PUBLISHED, due_on=replied_on,
            replied_on=replied_on)
    assert measure("participation.messages_answered", unit) == 2
    assert measure("participation.messages_in_time", unit) == 1
    assert measure("participation.messages_late", unit) == 1


def test_meetings_with_representatives_count_for_the_unit_or_the_district_government():
    unit = UnitFactory()
    RepresentativeFactory(meeting=MeetingFactory(unit=unit, held_on=D(2022, 4, 1)))
    RepresentativeFactory.create_batch(
        2, meeting=MeetingFactory(unit=unit, held_on=D(2022, 5, 1),
                                  for_district_government=True))
    MeetingFactory(unit=unit, held_on=D(2022, 6, 1))  # nobody from the public
    assert measure("participation.meetings_held", unit) == 1
    assert measure("participation.meetings_held") == 1  # the district government's own


def test_work_records_count_by_kind_and_date():
    unit = UnitFactory()
    WorkRecordFactory(unit=unit, kind="training", held_on=D(2022, 2, 1))
    WorkRecordFactory(unit=unit, kind="training", held_on=D(2023, 2, 1))
    WorkRecordFactory(unit=unit, kind="leader_hearing", held_on=D(2022, 2, 1))
    assert measure("reports.training", unit) == 1
    assert measure("reports.leader_hearing", unit) == 1
    assert measure("reports.training", unit, span=(D(2022, 1, 1), D(2022, 1, 31))) == 0


def test_every_measure_runs_a_fixed_number_of_queries(django_assert_max_num_queries):
    def all_measures():
        for indicator in registry.indicators().values():
            per_unit = indicator.per_unit(start=YEAR[0], end=YEAR[1])
            indicator.for_district(start=YEAR[0], end=YEAR[1], per_unit=per_unit)

    units = UnitFactory.create_batch(2)
    for unit in units:
        replied(unit=unit, received_on=D(2022, 3, 1), replied_on=D(2022, 3, 10))
    with CaptureQueriesContext(connection) as small:
        all_measures()
    for unit in UnitFactory.create_batch(20):
        replied(unit=unit, received_on=D(2022, 3, 1), replied_on=D(2022, 3, 10))
        RepresentativeFactory(meeting=MeetingFactory(unit=unit, held_on=D(2022, 4, 1)))
        WorkRecordFactory(unit=unit)
    with django_assert_max_num_queries(len(small.captured_queries)):
        all_measures()


def test_page_figures_are_cached_for_minutes_and_fresh_on_demand(settings):
    from gongkai.reports.selectors.values import indicator_values

    settings.GONGKAI_INDICATOR_CACHE_SECONDS = 300
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "indicator-cache-test"}}
    unit = UnitFactory()
    indicator = registry.get("reports.training")
    WorkRecordFactory(unit=unit, held_on=D(2022, 2, 1))
    first = indicator_values(indicator, start=YEAR[0], end=YEAR[1])
    WorkRecordFactory(unit=unit, held_on=D(2022, 3, 1))
    cached = indicator_values(indicator, start=YEAR[0], end=YEAR[1])
    assert cached.per_unit == first.per_unit == {unit.pk: 1}
    assert cached.computed_at == first.computed_at
    fresh = indicator_values(indicator, start=YEAR[0], end=YEAR[1], fresh=True)
    assert fresh.per_unit == {unit.pk: 2} and fresh.district == 2
