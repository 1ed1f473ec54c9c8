"""Two staff editing the same consultation or meeting: the second save is refused with
both versions shown, even when they changed different fields."""
import pytest

from django.urls import reverse

from gongkai.core.testing import assert_stale_save_refused
from gongkai.orgs.tests.factories import UserFactory
from gongkai.participation.models import Consultation, Meeting, MeetingStatus
from gongkai.participation.tests.factories_consultations import (
    ConsultationFactory,
    MeetingFactory,
)
from gongkai.publishing.models import PublicationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleagues(unit_staff, client_for):
    return client_for(unit_staff), client_for(UserFactory(unit=unit_staff.unit))


def test_a_stale_consultation_save_is_refused(unit_staff, colleagues):
    c = ConsultationFactory(unit=unit_staff.unit, publication_status=PublicationStatus.DRAFT)
    first, second = colleagues
    html = assert_stale_save_refused(
        url=reverse("participation:staff_consultation_edit", args=[c.pk]),
        first=first, second=second,
        change_first={"title": "甲改过的标题"},
        change_second={"explanation": "乙补充的起草说明"},
        reread=lambda: Consultation.objects.values_list("title", "explanation").get(pk=c.pk))
    assert "两个版本对照" in html
    assert Consultation.objects.get(pk=c.pk).title == "甲改过的标题"


def test_a_stale_meeting_save_is_refused(unit_staff, colleagues):
    meeting = MeetingFactory(unit=unit_staff.unit, status=MeetingStatus.DRAFT)
    first, second = colleagues
    assert_stale_save_refused(
        url=reverse("participation:staff_meeting_edit", args=[meeting.pk]),
        first=first, second=second,
        change_first={"subject": "甲改的会议议题"},
        change_second={"location": "乙改的会议地点"},
        reread=lambda: Meeting.objects.values_list("subject", "location").get(pk=meeting.pk))
