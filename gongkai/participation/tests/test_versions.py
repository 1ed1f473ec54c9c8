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


def test_two_staff_writing_the_same_reply_the_second_is_refused_and_kept(
        unit_staff, colleagues):
    from gongkai.core.testing import form_values
    from gongkai.orgs.tests.factories import OfficeAdminFactory
    from gongkai.participation.models import MessageReply
    from gongkai.participation.services.messages import message_assign
    from gongkai.participation.tests.factories_messages import MessageFactory

    message = message_assign(message=MessageFactory(), unit=unit_staff.unit,
                             actor=OfficeAdminFactory())
    first, second = colleagues
    detail = reverse("participation:staff_message_detail", args=[message.pk])
    action = reverse("participation:staff_message_action", args=[message.pk, "reply"])
    opened_first = form_values(first.get(detail).content)
    opened_second = form_values(second.get(detail).content)
    assert first.post(action, {**opened_first, "text": "甲拟的答复"}).status_code == 302
    refused = second.post(action, {**opened_second, "text": "乙拟的答复"})
    html = refused.content.decode()
    assert refused.status_code == 400 and "其他人已保存" in html
    assert "甲拟的答复" in html and "乙拟的答复" in html
    assert MessageReply.objects.get(message=message).text == "甲拟的答复"
    # An over-long reply is refused on the page with the text kept, not lost in a redirect.
    too_long = second.post(action, {**form_values(html), "text": "长" * 6000})
    assert too_long.status_code == 400 and "长" * 100 in too_long.content.decode()
