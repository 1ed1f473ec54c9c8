"""Who hears about reports: a return or an approval tells the reporting unit's staff
once (after commit); deadlines coming and passed tell units with reports unsent, and
the office once per period."""
import datetime as dt

import pytest

from django.db import transaction

from gongkai.core.models import Notification
from gongkai.core.notifications.reminders import reminders_run
from gongkai.orgs.tests.factories import OfficeAdminFactory, UserFactory
from gongkai.plans.models import ReportStatus
from gongkai.plans.services.reports import report_pass, report_return, report_submit
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)
from gongkai.workdays.calendar import Calendar

pytestmark = pytest.mark.django_db
CAL = Calendar()  # weekends only


@pytest.fixture
def office():
    return OfficeAdminFactory()


@pytest.fixture
def submitted(unit_staff):
    report = ReportFactory(assignment=AssignmentFactory(unit=unit_staff.unit))
    report_submit(report=report, actor=unit_staff)
    return report


def test_a_returned_report_tells_the_units_staff_once_with_the_reason(
        submitted, unit_staff, other_unit_staff, office, django_capture_on_commit_callbacks):
    colleague = UserFactory(unit=unit_staff.unit)
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=submitted, actor=office, reason="请补充佐证材料")
    for user in (unit_staff, colleague):
        note = Notification.objects.get(user=user)
        assert note.kind == "returned" and "请补充佐证材料" in note.text
        assert note.url == f"/plans/reports/{submitted.pk}/"
        assert submitted.period.name in note.text
    assert not Notification.objects.filter(user__in=[other_unit_staff, office]).exists()


def test_a_second_return_is_a_new_notice_and_a_pass_tells_approval(
        submitted, unit_staff, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=submitted, actor=office, reason="第一次")
        report_submit(report=submitted, actor=unit_staff)
        report_return(report=submitted, actor=office, reason="第二次")
        report_submit(report=submitted, actor=unit_staff)
        report_pass(report=submitted, actor=office)
    kinds = list(Notification.objects.filter(user=unit_staff).order_by("id")
                 .values_list("kind", flat=True))
    assert kinds == ["returned", "returned", "approved"]


def test_a_rolled_back_return_tells_nobody(submitted, unit_staff, office,
                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            report_return(report=submitted, actor=office, reason="理由")
            raise RuntimeError
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.SUBMITTED
    assert not Notification.objects.exists()


# Deadlines -------------------------------------------------------------------------

@pytest.fixture
def period():
    # A Wednesday deadline this plan year; the plan is the latest one.
    plan = PlanFactory(year=2026)
    return ReportingPeriodFactory(plan=plan, number=1, deadline=dt.date(2026, 3, 25))


def run(today):
    return reminders_run(today=today, calendar=CAL,
                         only=["plans.report_due", "plans.report_overdue"])


def assign(period, unit, n=1):
    return [AssignmentFactory(task=TaskFactory(plan=period.plan), unit=unit) for _ in range(n)]


def test_units_with_reports_unsent_hear_five_one_and_zero_working_days_before(
        period, unit_staff, other_unit_staff, office):
    assign(period, unit_staff.unit, 2)
    (done,) = assign(period, other_unit_staff.unit)
    ReportFactory(assignment=done, period=period, status=ReportStatus.SUBMITTED)
    assert run(dt.date(2026, 3, 17)) == 0  # six working days before
    assert run(dt.date(2026, 3, 18)) == 1  # five
    assert run(dt.date(2026, 3, 18)) == 0  # a rerun the same day
    assert run(dt.date(2026, 3, 24)) == 1  # one
    assert run(dt.date(2026, 3, 25)) == 1  # the day itself
    texts = list(Notification.objects.filter(user=unit_staff).order_by("id")
                 .values_list("text", flat=True))
    assert len(texts) == 3 and all("还有 2 项任务未报送" in t for t in texts)
    assert "还有 5 个工作日" in texts[0] and "今天" in texts[2]
    assert not Notification.objects.filter(user__in=[other_unit_staff, office]).exists()


def test_after_the_deadline_the_unit_and_the_office_hear_once(period, unit_staff, office):
    assign(period, unit_staff.unit, 3)
    assert run(dt.date(2026, 3, 26)) == 2
    assert run(dt.date(2026, 3, 27)) == 0
    unit_note = Notification.objects.get(user=unit_staff)
    office_note = Notification.objects.get(user=office)
    assert unit_note.kind == office_note.kind == "overdue"
    assert "还有 3 项任务未报送" in unit_note.text
    assert "1 个单位共 3 项未报送" in office_note.text


def test_a_report_submitted_late_or_returned_counts_as_sent(period, unit_staff, office):
    (a,) = assign(period, unit_staff.unit)
    ReportFactory(assignment=a, period=period, status=ReportStatus.RETURNED)
    assert run(dt.date(2026, 3, 26)) == 0


def test_deadlines_long_past_are_not_told(period, unit_staff, office):
    assign(period, unit_staff.unit)
    assert run(dt.date(2026, 6, 1)) == 0
