"""Decision meetings end to end: a unit announces a meeting with an open call; a member
of the public signs up; the unit selects the sign-up and records the meeting as held;
the office's target view shows the unit as having met its target."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.models import Meeting, MeetingTarget, TargetScope
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "s3cret-pass!"


def test_open_call_sign_up_is_selected_and_the_unit_meets_its_target(new_page):
    office_unit = Unit.objects.create(name="区政务公开办", is_office=True,
                                      category="other")
    unit = Unit.objects.create(name="区民政局")
    Unit.objects.create(name="区司法局")
    User.objects.create_user("mzj", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office_unit)
    today = timezone.localdate()
    MeetingTarget.objects.create(year=today.year, scope=TargetScope.EACH_UNIT, minimum=1)

    staff = new_page()
    login(staff, "mzj", PASSWORD)
    staff.goto("/participation/staff/meetings/")
    staff.click("text=登记会议")
    staff.fill("#id_held_on", (today + dt.timedelta(days=20)).isoformat())
    staff.fill("#id_subject", "养老服务设施布局规划决策会")
    staff.check("#id_open_call")
    staff.fill("#id_signup_closes_on", (today + dt.timedelta(days=10)).isoformat())
    staff.click("main form button[type=submit]")
    staff.click("text=公告会议")
    expect(staff.locator("#meeting-status")).to_contain_text("已公告")

    public = new_page()
    public.goto("/participation/meetings/")
    public.click("text=养老服务设施布局规划决策会")
    public.fill("#id_name", "刘阿姨<i>")
    public.select_option("#id_kind", label="群众")
    public.fill("#id_contact", "13600136000")
    public.fill("#id_statement", "社区养老志愿者。")
    public.click("#signup button[type=submit]")
    expect(public.locator(".messages")).to_contain_text("报名已提交")
    assert "13600136000" not in public.content()

    staff.reload()
    expect(staff.locator("#signups")).to_contain_text("刘阿姨<i>")
    staff.click("#signups button:has-text('选定')")
    expect(staff.locator("#representatives")).to_contain_text("公开报名遴选")
    # The meeting day comes.
    Meeting.objects.update(held_on=today, signup_closes_on=today)
    staff.reload()
    staff.click("text=登记为已召开")
    expect(staff.locator("#meeting-status")).to_contain_text("已召开")

    office = new_page()
    login(office, "office", PASSWORD)
    office.goto(f"/participation/staff/meetings/targets/?year={today.year}")
    table = office.locator("#unit-targets")
    expect(table.locator("tr", has_text="区民政局")).to_contain_text("已完成")
    expect(table.locator("tr", has_text="区司法局")).to_contain_text("未完成")
