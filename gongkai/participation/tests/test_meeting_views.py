"""Meeting pages: the public sees announced and held meetings only and signs up
(rate-limited, escaped, contact never public); unit staff manage only their unit's
meetings; the office sees the targets."""
import datetime as dt

import pytest
import time_machine

from django.core.cache import cache
from django.urls import reverse

from gongkai.participation.models import MeetingStatus, SignUp, SignUpStatus
from gongkai.participation.services import meetings as svc
from gongkai.participation.tests.factories_consultations import (
    MeetingFactory,
    RepresentativeFactory,
)
from gongkai.participation.views.meetings import SIGNUP_LIMIT

pytestmark = pytest.mark.django_db
HOSTILE = "<img src=x onerror=alert(1)>"
PHONE = "13700001111"


@pytest.fixture(autouse=True)
def _today():
    cache.clear()
    with time_machine.travel(dt.datetime(2022, 9, 1, 10, tzinfo=dt.UTC), tick=False):
        yield


def _url(name, *args):
    return reverse(f"participation:{name}", args=args)


def _open_call(unit):
    return MeetingFactory(unit=unit, status=MeetingStatus.ANNOUNCED, open_call=True,
                          held_on=dt.date(2022, 9, 20), signup_closes_on=dt.date(2022, 9, 10),
                          subject="旧改方案决策会")


def test_public_sees_announced_and_held_never_drafts(client):
    MeetingFactory(subject="草稿会议", status=MeetingStatus.DRAFT)
    MeetingFactory(subject="取消的会议", status=MeetingStatus.CANCELLED)
    held = MeetingFactory(subject="已开的会议", recording_url="https://v.example.org/1")
    RepresentativeFactory(meeting=held, name="秘密姓名", kind="expert")
    html = client.get(_url("meetings")).content.decode()
    assert "已开的会议" in html and "草稿会议" not in html and "取消的会议" not in html
    assert "专家 1" in html and "秘密姓名" not in html
    draft = MeetingFactory(status=MeetingStatus.DRAFT)
    assert client.get(_url("meeting", draft.pk)).status_code == 404


def test_sign_up_is_stored_escaped_and_contact_never_public(client, unit_staff, client_for):
    meeting = _open_call(unit_staff.unit)
    response = client.post(_url("meeting_signup", meeting.pk), {
        "name": HOSTILE, "kind": "resident", "contact": PHONE, "statement": HOSTILE})
    assert response.status_code == 302
    signup = SignUp.objects.get()
    assert signup.name == HOSTILE and signup.contact == PHONE
    public = client.get(_url("meeting", meeting.pk)).content.decode()
    assert PHONE not in public and HOSTILE not in public
    staff = client_for(unit_staff).get(_url("staff_meeting", meeting.pk)).content.decode()
    assert PHONE in staff and HOSTILE not in staff and "&lt;img" in staff


def test_sign_ups_are_rate_limited(client, unit_staff):
    meeting = _open_call(unit_staff.unit)
    data = {"name": "甲", "kind": "resident", "contact": "x"}
    for _n in range(SIGNUP_LIMIT):
        assert client.post(_url("meeting_signup", meeting.pk), data).status_code == 302
    assert client.post(_url("meeting_signup", meeting.pk), data).status_code == 429
    assert SignUp.objects.count() == SIGNUP_LIMIT


def test_sign_up_after_deadline_is_refused_in_the_page(client, unit_staff):
    meeting = _open_call(unit_staff.unit)
    with time_machine.travel(dt.datetime(2022, 9, 11, 10, tzinfo=dt.UTC), tick=False):
        response = client.post(_url("meeting_signup", meeting.pk),
                               {"name": "甲", "kind": "resident", "contact": "x"})
    assert response.status_code == 400 and not SignUp.objects.exists()


def test_other_units_staff_reach_none_of_a_meetings_staff_pages(
        unit_staff, other_unit_staff, client_for):
    meeting = _open_call(unit_staff.unit)
    signup = svc.signup_submit(meeting=meeting, name="乙", kind="expert", contact=PHONE,
                               today=dt.date(2022, 9, 1))
    rep = RepresentativeFactory(meeting=meeting)
    other = client_for(other_unit_staff)
    for url in (_url("staff_meeting", meeting.pk), _url("staff_meeting_edit", meeting.pk)):
        assert other.get(url).status_code == 404
    for url in (_url("staff_meeting_announce", meeting.pk),
                _url("staff_meeting_held", meeting.pk),
                _url("staff_meeting_cancel", meeting.pk),
                _url("staff_representative_add", meeting.pk),
                _url("staff_representative_remove", rep.pk),
                _url("staff_signup_select", signup.pk),
                _url("staff_signup_reject", signup.pk)):
        assert other.post(url, {"reason": "x", "name": "x", "kind": "expert",
                                "selection": "invited"}).status_code == 404, url
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.PENDING
    assert "旧改方案决策会" not in other.get(_url("staff_meetings")).content.decode()
    assert other.get(_url("staff_meeting_targets")).status_code == 403


def test_staff_select_a_sign_up_and_office_sees_target_met(unit_staff, office_admin,
                                                           client_for):
    svc.meeting_targets_ensure_2022()
    meeting = _open_call(unit_staff.unit)
    signup = svc.signup_submit(meeting=meeting, name="丙", kind="entrepreneur",
                               contact=PHONE, today=dt.date(2022, 9, 1))
    staff = client_for(unit_staff)
    response = staff.post(_url("staff_signup_select", signup.pk), follow=True)
    assert "已选定" in response.content.decode()
    with time_machine.travel(dt.datetime(2022, 9, 21, 10, tzinfo=dt.UTC), tick=False):
        response = client_for(unit_staff).post(_url("staff_meeting_held", meeting.pk),
                                               follow=True)
    assert "已登记为已召开" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    html = client_for(office_admin).get(_url("staff_meeting_targets") + "?year=2022"
                                        ).content.decode()
    row = html.split(unit_staff.unit.name)[1].split("</tr>")[0]
    assert "已完成" in row and "未完成" not in row


def test_only_the_office_may_record_the_district_governments_meetings(
        unit_staff, office_admin, client_for):
    data = {"held_on": "2022-08-01", "subject": "常务会议", "seats": 0,
            "for_district_government": "on"}
    client_for(unit_staff).post(_url("staff_meeting_create"), data)
    client_for(office_admin).post(_url("staff_meeting_create"), {**data, "subject": "常务2"})
    from gongkai.participation.models import Meeting

    flags = dict(Meeting.objects.values_list("subject", "for_district_government"))
    assert flags == {"常务会议": False, "常务2": True}
