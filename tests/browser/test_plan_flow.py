"""The yearly plan, end to end in a browser: a unit fills its breakdown and reports with
evidence; the office returns the report; the unit rectifies and resubmits; the office
passes it; the matrix shows the task done."""
import datetime as dt
import io

import pytest
import time_machine
from PIL import Image

from gongkai.orgs.models import Role, Unit, User
from gongkai.plans.models import Assignment, Report, ReportStatus
from gongkai.plans.services.assignments import assignments_sync
from gongkai.plans.tests.factories import (
    PlanFactory,
    ReportingPeriodFactory,
    TaskFactory,
    TaskUnitFactory,
)
from tests.browser.conftest import login, open_menu_item, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-1"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def setting():
    office = Unit.objects.create(name="区政务公开办", category="other", is_office=True)
    unit = Unit.objects.create(name="区发展改革局", category="department")
    plan = PlanFactory(year=2022, title="2022年政务公开工作要点分工方案")
    period = ReportingPeriodFactory(plan=plan, number=3, name="第三季度",
                                    deadline=dt.date(2022, 9, 30))
    task = TaskFactory(plan=plan, number=1, text="加大惠企政策的公开、解读和宣传力度。")
    TaskUnitFactory(task=task, unit=unit, role="lead")
    assignments_sync(plan=plan)
    User.objects.create_user("staff", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN, unit=office)
    return Assignment.objects.get(task=task, unit=unit), period


@time_machine.travel(dt.datetime(2022, 9, 20, 10, tzinfo=dt.UTC), tick=True)
def test_breakdown_report_return_resubmit_pass_and_the_matrix(new_page, setting, tmp_path):
    assignment, period = setting
    evidence = tmp_path / "专栏截图.png"
    evidence.write_bytes(png_bytes())

    staff = new_page()
    login(staff, "staff", PASSWORD)
    open_menu_item(staff, "分工方案", "我的任务")
    staff.click("a.btn:has-text('填写')")
    staff.fill("#id_measures", "在区政府网站开设惠企政策专栏，按月更新。")
    staff.fill("#id_target", "年底前专栏上线并持续更新")
    staff.fill("#id_due_on", "2022-12-20")
    staff.fill("#id_responsible_dept", "办公室")
    staff.fill("#id_contact_person", "李工")
    submit(staff, "main button[type=submit]")
    assignment.refresh_from_db()
    assert assignment.measures.startswith("在区政府网站开设惠企政策专栏")
    assert assignment.due_on == dt.date(2022, 12, 20)

    staff.goto(f"/plans/reports/{assignment.pk}/{period.pk}/")
    staff.fill("#id_progress", "专栏已上线，发布政策解读12篇。")
    staff.select_option("#id_state", "in_progress")
    submit(staff, "#report-form button[value=save]")
    staff.set_input_files("#file_file", str(evidence))
    staff.fill("#file_title", "专栏页面截图")
    submit(staff, "#report-form button[value=upload]")
    assert "专栏页面截图" in staff.content()
    submit(staff, "#report-form button[value=submit]")
    report = Report.objects.get(assignment=assignment, period=period)
    assert report.status == ReportStatus.SUBMITTED
    assert report.evidence.count() == 1

    office = new_page()
    login(office, "office", PASSWORD)
    open_menu_item(office, "分工方案", "审核报送")
    office.click("a.btn:has-text('审核')")
    office.fill("#id_comment", "请补充专栏网址链接。")
    submit(office, "button[value=return]")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED

    staff.goto(f"/plans/reports/{assignment.pk}/{period.pk}/")
    assert "请补充专栏网址链接。" in staff.content()
    staff.fill("#link_url", "http://127.0.0.1:9/zhuanlan")
    staff.fill("#link_link_title", "惠企政策专栏")
    submit(staff, "#report-form button[value=link]")
    submit(staff, "#report-form button[value=submit]")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    office.goto(f"/plans/review/{report.pk}/")
    submit(office, "button[value=pass]")
    report.refresh_from_db()
    assert report.status == ReportStatus.PASSED

    open_menu_item(office, "分工方案", "推进矩阵")
    cell = office.locator("table").first.inner_text()
    assert "区发展改革局" in cell
    assert "通过" in office.content()
    history = office.goto(f"/plans/reports/{report.pk}/")
    assert history.ok
    page_text = office.content()
    for step in ("报送", "退回整改", "整改后重新报送", "审核通过"):
        assert step in page_text
