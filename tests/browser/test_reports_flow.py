"""Measured progress and the annual report end to end: the office links task 24 to
decision meetings held, with targets; a unit sees the measured value against its target
in its quarterly report (pre-filled); the unit draws up its annual report, edits it and
sends it to review; a reviewer passes it; the public finds it on the portal by year."""
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from gongkai.foi.models import Application, Status
from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.models import Meeting, MeetingStatus, Representative
from gongkai.plans.models import (
    Assignment,
    Part,
    Plan,
    ReportingPeriod,
    Section,
    Task,
    TaskRole,
)
from gongkai.publishing.models import ReviewRoute
from tests.browser.conftest import login, open_menu_item, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-pass-12"


def _setup() -> tuple[Unit, Task, ReportingPeriod]:
    office = Unit.objects.create(name="区政务公开办", is_office=True, category="other")
    unit = Unit.objects.create(name="区民政局")
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office)
    User.objects.create_user("mzj", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    User.objects.create_user("checker", password=PASSWORD, role=Role.REVIEWER, unit=office)
    ReviewRoute.objects.create(unit=None, levels=1)
    today = timezone.localdate()
    plan = Plan.objects.create(year=today.year, title=f"{today.year}年政务公开工作要点分工方案")
    period = ReportingPeriod.objects.create(plan=plan, number=4, name="第四季度",
                                            deadline=dt.date(today.year, 12, 31))
    part = Part.objects.create(plan=plan, number=1, title="推进决策公开")
    section = Section.objects.create(plan=plan, part=part, number=7, title="公众参与")
    task = Task.objects.create(plan=plan, section=section, number=24,
                               text="积极推进决策审议过程公众参与。")
    Assignment.objects.create(task=task, unit=unit, role=TaskRole.IMPLEMENT)
    meeting = Meeting.objects.create(unit=unit, held_on=dt.date(today.year, 3, 5),
                                     subject="养老服务设施布局规划决策会",
                                     status=MeetingStatus.HELD)
    Representative.objects.create(meeting=meeting, name="刘阿姨", kind="resident",
                                  selection="invited")
    last = today.year - 1
    Application.objects.create(unit=unit, applicant_name="王某", description="请公开",
                               applicant_type="natural",
                               received_on=dt.date(last, 3, 1), due_on=dt.date(last, 3, 29),
                               replied_on=dt.date(last, 3, 10), outcome="1",
                               status=Status.REPLIED)
    return unit, task, period


def test_task_24_measured_progress_and_the_annual_report_on_the_portal(new_page):
    unit, task, period = _setup()
    last = timezone.localdate().year - 1

    office = new_page()
    login(office, "office", PASSWORD)
    open_menu_item(office, "统计考核", "任务指标")
    office.fill("#id_task", "24")
    office.select_option("#id_indicator", "participation.meetings_held")
    office.fill("#id_district_target", "3")
    office.fill("#id_unit_target", "1")
    submit(office, "#link-form button[type=submit]")
    row = office.locator("#links tr", has_text="邀请公众代表列席的决策会议")
    expect(row).to_contain_text("不少于 3")
    expect(row).to_contain_text("不少于 1")

    staff = new_page()
    login(staff, "mzj", PASSWORD)
    staff.goto(f"/plans/reports/{task.assignments.get().pk}/{period.pk}/")
    measured = staff.locator("[data-measured]")
    expect(measured).to_contain_text("邀请公众代表列席的决策会议：1次")
    expect(measured).to_contain_text("已达到")
    expect(staff.locator("#id_progress")).to_have_value(re.compile("平台统计"))
    with staff.expect_navigation():
        measured.locator("a.measured-value").click()
    expect(staff.locator("main")).to_contain_text("养老服务设施布局规划决策会")

    open_menu_item(staff, "统计考核", "年度报告")
    staff.fill("#generate-form input[name=year]", str(last))
    submit(staff, "#generate-form button[type=submit]")
    expect(staff.locator("#checks")).to_contain_text("表三各列满足")
    expect(staff.locator("#table-three")).to_contain_text("本年新收政府信息公开申请数量")
    staff.fill("textarea[name=section_五]", "一是答复质量有待提高。二是将加强业务培训。")
    submit(staff, "#annual-form button[value=submit]")
    expect(staff.locator("#annual-status")).to_contain_text("审核中")

    reviewer = new_page()
    login(reviewer, "checker", PASSWORD)
    reviewer.goto("/publishing/review/")
    with reviewer.expect_navigation():
        reviewer.click(f"#review-desk a:has-text('{last}年政府信息公开工作年度报告')")
    expect(reviewer.locator("main")).to_contain_text("一是答复质量有待提高")
    submit(reviewer, "#decision button[value=pass]")

    public = new_page()
    public.goto("/")
    with public.expect_navigation():
        public.click("text=政府信息公开工作年度报告")
    year_block = public.locator(f"#year-{last}")
    expect(year_block).to_contain_text(f"区民政局{last}年政府信息公开工作年度报告")
    with public.expect_navigation():
        year_block.locator("a").first.click()
    expect(public.locator("main")).to_contain_text("一是答复质量有待提高")
    expect(public.locator("main")).to_contain_text("行政复议")
