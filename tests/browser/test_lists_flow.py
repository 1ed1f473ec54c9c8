"""Long lists in the browser: batch approval through its confirmation page, the
look-back's select-all/none with nothing ticked in advance, and the ledger readable at
1366×768 and on a 390×844 phone (a unit's name is never one character a line)."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from gongkai.core.models import AuditEvent
from gongkai.orgs.models import Role, Unit, User
from gongkai.plans.models import (
    Assignment,
    FollowUp,
    Part,
    Plan,
    Report,
    ReportingPeriod,
    ReportStatus,
    Section,
    Task,
    TaskRole,
)
from tests.browser.conftest import login, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-pass-12"
LONG_NAME = "广州开发区投资促进局"


def _plan(year: int) -> tuple[Plan, Section]:
    plan = Plan.objects.create(year=year, title=f"{year}年政务公开工作要点分工方案")
    part = Part.objects.create(plan=plan, number=1, title="推进决策公开")
    section = Section.objects.create(plan=plan, part=part, number=1, title="公众参与")
    return plan, section


def _setup() -> tuple[Plan, list[Report]]:
    office = Unit.objects.create(name="区政务公开办", is_office=True, category="other")
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office)
    units = [Unit.objects.create(name=LONG_NAME, sort_order=1),
             Unit.objects.create(name="黄埔街道", sort_order=2)]
    year = timezone.localdate().year
    plan, section = _plan(year)
    period = ReportingPeriod.objects.create(plan=plan, number=4, name="第四季度",
                                            deadline=dt.date(year, 12, 31))
    reports = []
    for n in (1, 2, 3):
        task = Task.objects.create(plan=plan, section=section, number=n,
                                   text=f"第{n}项：推进重大决策预公开，扩大公众参与。")
        for unit in units:
            assignment = Assignment.objects.create(task=task, unit=unit,
                                                   role=TaskRole.IMPLEMENT,
                                                   measures="专栏公开" * 10)
            reports.append(Report.objects.create(
                assignment=assignment, period=period, status=ReportStatus.SUBMITTED,
                progress="已完成", submitted_at=timezone.now(),
                first_submitted_at=timezone.now()))
    previous, old_section = _plan(year - 1)
    for n in (1, 2):
        task = Task.objects.create(plan=previous, section=old_section, number=n,
                                   text=f"上年第{n}项任务")
        for unit in units:
            Assignment.objects.create(task=task, unit=unit, role=TaskRole.IMPLEMENT)
    return plan, reports


def test_batch_approval_lists_what_will_pass_and_then_passes_each(new_page):
    _plan_obj, reports = _setup()
    page = new_page()
    login(page, "office", PASSWORD)
    page.goto(f"/plans/review/?unit={reports[0].assignment.unit_id}")
    rows = page.locator("#batch-form tbody tr")
    expect(rows).to_have_count(3)
    page.click("button[data-check-all='report']")
    assert page.locator("input[name=report]:checked").count() == 3
    page.click("button[data-check-none='report']")
    assert page.locator("input[name=report]:checked").count() == 0
    page.check(f"#pick-{reports[0].pk}")
    page.check(f"#pick-{reports[2].pk}")
    submit(page, "#batch-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("确认批量通过")
    expect(page.locator("#batch-confirm tbody tr")).to_have_count(2)
    assert not Report.objects.filter(status=ReportStatus.PASSED).exists()
    page.fill("#id_comment", "材料齐全")
    submit(page, "#batch-confirm button[name=confirm]")
    expect(page.locator("#batch-results")).to_contain_text("已通过")
    expect(page.get_by_role("status")).to_contain_text("已通过 2 份，未通过 0 份")
    passed = set(Report.objects.filter(status=ReportStatus.PASSED).values_list("pk", flat=True))
    assert passed == {reports[0].pk, reports[2].pk}
    assert AuditEvent.objects.filter(action="plans.report.passed").count() == 2
    # Back to the same filtered queue: one report of that unit is left.
    submit(page, "a.btn:has-text('返回审核列表')")
    expect(page.locator("#batch-form tbody tr")).to_have_count(1)


def test_look_back_starts_unticked_and_select_all_ticks_the_page(new_page):
    plan, _reports = _setup()
    page = new_page()
    login(page, "office", PASSWORD)
    page.goto(f"/plans/import/{plan.year}/look-back/")
    boxes = page.locator("input[name=assignment]")
    expect(boxes).to_have_count(4)
    assert page.locator("input[name=assignment]:checked").count() == 0
    # The action is above the rows.
    button = page.locator("button[value=selected]").bounding_box()
    first_row = page.locator("#look-back-form tbody tr").first.bounding_box()
    assert button["y"] < first_row["y"]
    page.click("button[data-check-all='assignment']")
    assert page.locator("input[name=assignment]:checked").count() == 4
    page.click("button[data-check-none='assignment']")
    page.locator("input[name=assignment]").first.check()
    submit(page, "button[value=selected]")
    expect(page.locator(".messages")).to_contain_text("已生成1条整改跟踪")
    assert FollowUp.objects.filter(plan=plan).count() == 1


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_the_ledger_keeps_unit_names_readable(browser, live_server, size):
    _setup()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN",
                                  viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        login(page, "office", PASSWORD)
        page.goto("/plans/ledger/")
        cell = page.locator("table.ledger td.unit-name", has_text=LONG_NAME).first
        box = cell.bounding_box()
        font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        # At least seven characters a line: a name of ten wraps into two lines at most.
        assert box["width"] >= 7 * font, box
        lines = cell.evaluate("""e => { const r = document.createRange();
            r.selectNodeContents(e);
            return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size; }""")
        print(f"ledger {size}: unit-name cell {box['width']:.0f}px wide, {lines} line(s)")
        assert lines <= 2, lines
        # The page itself does not scroll sideways; the table does, in its own box.
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0] + 1
        first = page.locator("table.ledger tbody td").first
        assert first.evaluate("e => getComputedStyle(e).position") == "sticky"
    finally:
        context.close()
