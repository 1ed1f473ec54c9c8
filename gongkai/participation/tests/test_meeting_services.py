"""Decision meetings: the workflow, open calls and selection, targets met or not,
the live metric of task 24."""
import datetime as dt

import pytest

from django.db import IntegrityError, transaction

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.orgs.models import UnitCategory
from gongkai.orgs.tests.factories import OfficeUnitFactory, UnitFactory
from gongkai.participation.models import (
    MeetingStatus,
    MeetingTarget,
    Representative,
    SelectionMethod,
    SignUpStatus,
    TargetScope,
)
from gongkai.participation.selectors.meetings import meetings_held, target_progress
from gongkai.participation.services import meetings as svc
from gongkai.participation.tests.factories_consultations import (
    MeetingFactory,
    RepresentativeFactory,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)


def _announced(staff, **extra):
    meeting = svc.meeting_create(
        unit=staff.unit, actor=staff, held_on=dt.date(2022, 9, 20), subject="旧改方案",
        open_call=True, signup_closes_on=dt.date(2022, 9, 10), seats=2, **extra)
    return svc.meeting_announce(meeting=meeting, actor=staff, today=TODAY)


def test_open_call_sign_up_selected_becomes_a_representative(unit_staff):
    meeting = _announced(unit_staff)
    signup = svc.signup_submit(meeting=meeting, name="王五", kind="resident",
                               contact="13900000000", statement="住在该小区", today=TODAY)
    representative = svc.signup_select(signup=signup, actor=unit_staff)
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.SELECTED
    assert (representative.name, representative.selection) == ("王五",
                                                                SelectionMethod.OPEN_CALL)
    svc.signup_reject(signup=signup, actor=unit_staff)
    assert not Representative.objects.exists()
    assert [e.action for e in history_of(signup)] == [
        "participation.signup.received", "participation.signup.selected",
        "participation.signup.not_selected"]


def test_sign_up_is_refused_after_the_deadline_or_without_an_open_call(unit_staff):
    meeting = _announced(unit_staff)
    with pytest.raises(ApplicationError):
        svc.signup_submit(meeting=meeting, name="王五", kind="resident", contact="x",
                          today=dt.date(2022, 9, 11))
    closed = MeetingFactory(unit=unit_staff.unit, status=MeetingStatus.ANNOUNCED)
    with pytest.raises(ApplicationError):
        svc.signup_submit(meeting=closed, name="王五", kind="resident", contact="x",
                          today=TODAY)
    with pytest.raises(ApplicationError, match="联系方式"):
        svc.signup_submit(meeting=meeting, name="王五", kind="resident", contact="",
                          today=TODAY)
    assert not meeting.signups.exists()


def test_open_call_needs_a_deadline_in_service_and_database(unit_staff):
    with pytest.raises(ApplicationError):
        svc.meeting_create(unit=unit_staff.unit, actor=unit_staff, held_on=TODAY,
                           subject="x", open_call=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(open_call=True, signup_closes_on=None)


def test_held_needs_a_past_date_and_a_representative_and_is_final(unit_staff):
    meeting = _announced(unit_staff)
    with pytest.raises(ApplicationError, match="未到"):
        svc.meeting_mark_held(meeting=meeting, actor=unit_staff, today=TODAY)
    with pytest.raises(ApplicationError, match="列席"):
        svc.meeting_mark_held(meeting=meeting, actor=unit_staff, today=dt.date(2022, 9, 20))
    svc.representative_add(meeting=meeting, actor=unit_staff, name="赵专家", kind="expert")
    svc.meeting_mark_held(meeting=meeting, actor=unit_staff, today=dt.date(2022, 9, 20))
    assert meeting.status == MeetingStatus.HELD
    with pytest.raises(ApplicationError):
        svc.meeting_cancel(meeting=meeting, actor=unit_staff, reason="x")
    with pytest.raises(ApplicationError):
        svc.representative_add(meeting=meeting, actor=unit_staff, name="晚到", kind="expert")
    svc.meeting_update(meeting=meeting, actor=unit_staff,
                       recording_url="https://video.example.org/1")
    with pytest.raises(ApplicationError):
        svc.meeting_update(meeting=meeting, actor=unit_staff, subject="改议题")


def test_links_must_be_web_addresses(unit_staff):
    with pytest.raises(ApplicationError):
        svc.meeting_create(unit=unit_staff.unit, actor=unit_staff, held_on=TODAY,
                           subject="x", live_url="javascript:alert(1)")


def _held(unit, on=dt.date(2022, 5, 1), *, district=False, reps=1):
    meeting = MeetingFactory(unit=unit, held_on=on, for_district_government=district)
    RepresentativeFactory.create_batch(reps, meeting=meeting)
    return meeting


def test_targets_2022_are_data_and_created_once():
    assert svc.meeting_targets_ensure_2022() == 2
    assert svc.meeting_targets_ensure_2022() == 0
    assert dict(MeetingTarget.objects.values_list("scope", "minimum")) == {
        TargetScope.DISTRICT_GOVERNMENT: 3, TargetScope.EACH_UNIT: 1}


def test_target_progress_shows_who_met_and_who_did_not(django_assert_num_queries):
    svc.meeting_targets_ensure_2022()
    office_unit = OfficeUnitFactory(category=UnitCategory.OTHER)
    met = UnitFactory(name="区甲局")
    street = UnitFactory(name="甲街道", category=UnitCategory.STREET_TOWN)
    idle = UnitFactory(name="区乙局")
    gov_office = UnitFactory(name="区政府办")
    _held(met, reps=2)
    _held(met, on=dt.date(2021, 12, 30))  # last year: not counted
    MeetingFactory(unit=street, held_on=dt.date(2022, 3, 1))  # no representative
    MeetingFactory(unit=idle, status=MeetingStatus.ANNOUNCED, held_on=dt.date(2022, 12, 1))
    for month in (2, 4):
        _held(gov_office, on=dt.date(2022, month, 1), district=True)
    with django_assert_num_queries(4):
        progress = target_progress(year=2022)
        rows = {r.name: (r.held, r.met) for r in progress.units}
    assert rows == {"区甲局": (1, True), "甲街道": (0, False), "区乙局": (0, False),
                    "区政府办": (0, False)}
    assert office_unit.name not in rows
    assert (progress.district.held, progress.district.minimum,
            progress.district.met) == (2, 3, False)
    assert meetings_held(year=2022) == 3
    assert meetings_held(year=2022, unit=met) == 1
    assert meetings_held(year=2022, unit=gov_office) == 0


def test_target_query_count_does_not_grow_with_units(django_assert_num_queries):
    svc.meeting_targets_ensure_2022()
    for n in range(30):
        _held(UnitFactory(name=f"区丙局{n}"))
    with django_assert_num_queries(4):
        assert len(target_progress(year=2022).met) == 30
