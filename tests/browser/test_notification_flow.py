"""Notifications end to end: the office returns a unit's quarterly report in the
browser; the unit's staff member sees the bell's count on their workbench, opens the
inbox, follows the notice to the report (with the reason), and the count drops."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from gongkai.orgs.models import Role, Unit, User
from gongkai.plans.models import (
    Assignment,
    Part,
    Plan,
    Report,
    ReportingPeriod,
    ReportStatus,
    Section,
    Task,
    TaskRole,
)
from tests.browser.conftest import log_out, login, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-pass-12"


def _setup() -> Report:
    office = Unit.objects.create(name="区政务公开办", is_office=True, category="other")
    unit = Unit.objects.create(name="区民政局")
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office)
    User.objects.create_user("mzj", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    today = timezone.localdate()
    plan = Plan.objects.create(year=today.year, title=f"{today.year}年政务公开工作要点分工方案")
    period = ReportingPeriod.objects.create(plan=plan, number=4, name="第四季度",
                                            deadline=dt.date(today.year, 12, 31))
    part = Part.objects.create(plan=plan, number=1, title="推进决策公开")
    section = Section.objects.create(plan=plan, part=part, number=7, title="公众参与")
    task = Task.objects.create(plan=plan, section=section, number=24,
                               text="积极推进决策审议过程公众参与。")
    assignment = Assignment.objects.create(task=task, unit=unit, role=TaskRole.IMPLEMENT)
    now = timezone.now()
    return Report.objects.create(assignment=assignment, period=period, progress="已推进。",
                                 status=ReportStatus.SUBMITTED, submitted_at=now,
                                 first_submitted_at=now)


def test_a_returned_report_reaches_the_unit_through_the_bell(new_page):
    report = _setup()
    office = new_page()
    login(office, "office", PASSWORD)
    office.goto(f"/plans/review/{report.pk}/")
    office.fill("textarea[name=comment]", "请补充决策会议的会议纪要。")
    submit(office, "button[value=return]")
    expect(office.locator(".messages")).to_contain_text("已退回整改")
    log_out(office)

    page = new_page()
    login(page, "mzj", PASSWORD)
    bell = page.locator("#notification-bell")
    expect(bell.locator("#notification-count")).to_have_text("1")
    with page.expect_navigation():
        bell.click()
    item = page.locator(".inbox li").first
    expect(item).to_have_class("unread")
    expect(item).to_contain_text("退回整改")
    expect(item).to_contain_text("请补充决策会议的会议纪要。")
    with page.expect_navigation():
        item.locator("button.text").click()
    assert page.url.endswith(f"/plans/reports/{report.pk}/")
    expect(page.locator("main")).to_contain_text("请补充决策会议的会议纪要。")
    expect(page.locator("#notification-bell")).to_be_visible()
    expect(page.locator("#notification-count")).to_have_count(0)
    page.goto("/notifications/")
    expect(page.locator(".inbox li").first).to_have_class("read")
