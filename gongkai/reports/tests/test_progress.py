"""Plan tasks linked to indicators: targets as data, measured value vs target on the
ledger, the matrix and the report page, pre-filled reports, figures frozen on approval."""
import datetime as dt

import pytest
import time_machine

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.participation.tests.factories_consultations import (
    MeetingFactory,
    RepresentativeFactory,
)
from gongkai.plans.models import ReportStatus
from gongkai.plans.services.reports import report_pass
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)
from gongkai.reports.models import FrozenFigure, IndicatorLink
from gongkai.reports.selectors.progress import measured_progress, report_figures
from gongkai.reports.services.links import link_save

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2022, 10, 20, 10, tzinfo=dt.UTC)


@pytest.fixture
def task24(unit_staff):
    plan = PlanFactory(year=2022)
    ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2022, 10, 10))
    task = TaskFactory(plan=plan, number=24)
    AssignmentFactory(task=task, unit=unit_staff.unit)
    return task


def meeting(unit, day):
    return RepresentativeFactory(meeting=MeetingFactory(unit=unit, held_on=day)).meeting


def test_the_office_links_task_24_with_district_and_unit_targets(task24, office_admin):
    link = link_save(task=task24, indicator="participation.meetings_held",
                     direction="at_least", district_target="3", unit_target="1",
                     actor=office_admin)
    assert (link.district_target, link.unit_target) == (3, 1)
    assert history_of(task24).get().action == "reports.link.created"
    link_save(task=task24, indicator="participation.meetings_held", direction="at_least",
              district_target="", unit_target="2", actor=office_admin)
    link.refresh_from_db()
    assert (link.district_target, link.unit_target) == (None, 2)
    assert IndicatorLink.objects.count() == 1


@pytest.mark.parametrize("kwargs, message", [
    ({"indicator": "no.such"}, "请选择指标"),
    ({"direction": "sideways"}, "目标方向"),
    ({"unit_target": "一次"}, "各单位目标须为"),
    ({"district_target": "-3"}, "全区目标须为"),
    ({"district_target": "9" * 12}, "全区目标须为"),
])
def test_bad_links_are_refused_in_chinese(task24, office_admin, kwargs, message):
    args = {"indicator": "participation.meetings_held", "direction": "at_least",
            "district_target": "3", "unit_target": "1", **kwargs}
    with pytest.raises(ApplicationError, match=message):
        link_save(task=task24, actor=office_admin, **args)
    assert not IndicatorLink.objects.exists()


@time_machine.travel(NOW)
def test_measured_value_vs_target_per_unit_and_district(task24, unit_staff, office_admin):
    link_save(task=task24, indicator="participation.meetings_held", direction="at_least",
              district_target="3", unit_target="1", actor=office_admin)
    meeting(unit_staff.unit, dt.date(2022, 4, 1))
    measured = measured_progress(year=2022)
    [unit_figure] = measured.figures(24, unit_staff.unit_id)
    assert (unit_figure.value, unit_figure.target, unit_figure.met) == (1, 1, True)
    [district] = measured.figures(24, None)
    assert (district.value, district.target, district.met) == (0, 3, False)
    assert f"unit={unit_staff.unit_id}" in unit_figure.records_url
    assert measured.figures(25, unit_staff.unit_id) == []


@time_machine.travel(NOW)
def test_ledger_matrix_and_report_page_show_the_measured_value_with_its_records(
        task24, unit_staff, office_admin, client_for):
    link_save(task=task24, indicator="participation.meetings_held", direction="at_least",
              district_target="3", unit_target="1", actor=office_admin)
    held = meeting(unit_staff.unit, dt.date(2022, 4, 1))
    page = client_for(unit_staff).get("/plans/ledger/?year=2022").content.decode()
    assert "邀请公众代表列席的决策会议" in page and "不少于1次" in page and "已达到" in page
    report = ReportFactory(assignment=task24.assignments.get(), status=ReportStatus.SUBMITTED,
                           period=task24.plan.periods.get())
    detail = client_for(office_admin).get(f"/plans/reports/{report.pk}/").content.decode()
    assert "平台测量" in detail and "不少于1次" in detail
    matrix = client_for(office_admin).get("/plans/matrix/?year=2022").content.decode()
    assert "平台测量进展" in matrix
    url = report_figures(report)[0].records_url
    records = client_for(unit_staff).get(url)
    assert records.status_code == 200 and held.subject in records.content.decode()


@time_machine.travel(NOW)
def test_an_empty_quarterly_report_is_prefilled_with_the_measured_figures(
        task24, unit_staff, office_admin, client_for):
    link_save(task=task24, indicator="participation.meetings_held", direction="at_least",
              district_target="3", unit_target="1", actor=office_admin)
    meeting(unit_staff.unit, dt.date(2022, 4, 1))
    assignment, period = task24.assignments.get(), task24.plan.periods.get()
    page = client_for(unit_staff).get(f"/plans/reports/{assignment.pk}/{period.pk}/")
    text = page.content.decode()
    assert "截至2022年9月30日，平台统计" in text
    assert "邀请公众代表列席的决策会议：1次（目标不少于1次，已达到）" in text


@time_machine.travel(NOW)
def test_approving_a_report_freezes_the_figures_it_showed(task24, unit_staff, office_admin):
    link_save(task=task24, indicator="participation.meetings_held", direction="at_least",
              district_target="3", unit_target="1", actor=office_admin)
    meeting(unit_staff.unit, dt.date(2022, 4, 1))
    report = ReportFactory(assignment=task24.assignments.get(), status=ReportStatus.SUBMITTED,
                           period=task24.plan.periods.get())
    report_pass(report=report, actor=office_admin)
    meeting(unit_staff.unit, dt.date(2022, 5, 1))  # recorded after the approval
    [figure] = report_figures(report)
    assert (figure.value, figure.frozen) == (1, True)
    assert FrozenFigure.objects.get(report=report).value == 1
    assert history_of(report).filter(action="reports.figures.frozen").exists()
    assert measured_progress(year=2022).figures(24, unit_staff.unit_id)[0].value == 2


def test_records_behind_a_number_are_only_for_who_may_see_them(
        task24, unit_staff, other_unit_staff, client_for):
    url = f"/reports/indicators/participation.meetings_held/records/?unit={unit_staff.unit_id}"
    assert client_for(unit_staff).get(url).status_code == 200
    assert client_for(other_unit_staff).get(url).status_code == 403
    assert client_for(unit_staff).get(
        "/reports/indicators/participation.meetings_held/records/").status_code == 403
    assert client_for(unit_staff).get(
        "/reports/indicators/no.such/records/").status_code == 404


def test_the_links_page_is_for_the_office_and_keeps_bad_input(
        task24, office_admin, unit_staff, client_for):
    assert client_for(unit_staff).get("/reports/links/").status_code == 403
    response = client_for(office_admin).post("/reports/links/", {
        "year": 2022, "task": 99, "indicator": "participation.meetings_held",
        "direction": "at_least", "district_target": "3", "unit_target": "1"})
    assert response.status_code == 400 and "没有该序号的任务" in response.content.decode()
    response = client_for(office_admin).post("/reports/links/", {
        "year": 2022, "task": 24, "indicator": "participation.meetings_held",
        "direction": "at_least", "district_target": "3", "unit_target": "1"})
    assert response.status_code == 302 and IndicatorLink.objects.get().task == task24


def test_the_demo_links_the_plans_measured_tasks_once(task24):
    from gongkai.reports.demo import load_reports_demo

    assert load_reports_demo() >= 1
    link = IndicatorLink.objects.get(task=task24)
    assert (link.indicator, link.district_target, link.unit_target) == (
        "participation.meetings_held", 3, 1)
    assert load_reports_demo() == 0
