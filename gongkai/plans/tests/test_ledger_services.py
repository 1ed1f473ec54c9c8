import datetime

import pytest
import time_machine

from django.utils import timezone

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.models import Assignment, ProgressState, ReportStatus
from gongkai.plans.permissions import assignments_visible_to, reports_visible_to
from gongkai.plans.selectors.ledger import LedgerFilters, ledger_filtered, ledger_rows
from gongkai.plans.services.ledger import breakdown_update
from gongkai.plans.services.ledger_xlsx import parse_date, parse_task_number
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def _breakdown(**overrides):
    values = {"measures": "建立台账，每月调度。", "target": "按时公开", "due_on":
              datetime.date(2022, 9, 30), "responsible_dept": "办公室",
              "contact_person": "张三", "contact_phone": "020-82111111"}
    return {**values, **overrides}


def test_breakdown_update_saves_fields_and_records_changed_fields(unit_staff):
    assignment = AssignmentFactory(unit=unit_staff.unit)

    breakdown_update(assignment=assignment, actor=unit_staff, **_breakdown())

    stored = Assignment.objects.get(pk=assignment.pk)
    assert stored.measures == "建立台账，每月调度。"
    assert stored.due_on == datetime.date(2022, 9, 30)
    event = history_of(stored).get()
    assert event.action == "plans.assignment.breakdown_updated"
    assert event.actor == unit_staff
    assert set(event.details["fields"]) == {
        "measures", "target", "due_on", "responsible_dept", "contact_person", "contact_phone"}


def test_breakdown_update_without_changes_writes_no_event(unit_staff):
    assignment = AssignmentFactory(unit=unit_staff.unit, **_breakdown())

    breakdown_update(assignment=assignment, actor=unit_staff, **_breakdown())

    assert not history_of(assignment).exists()


def test_breakdown_update_logs_only_the_field_that_changed(unit_staff):
    assignment = AssignmentFactory(unit=unit_staff.unit, **_breakdown())

    breakdown_update(assignment=assignment, actor=unit_staff, **_breakdown(target="全部公开"))

    assert history_of(assignment).get().details["fields"] == ["target"]


def test_breakdown_update_rejects_overlong_values_in_chinese(unit_staff):
    assignment = AssignmentFactory(unit=unit_staff.unit)

    with pytest.raises(ApplicationError) as err:
        breakdown_update(assignment=assignment, actor=unit_staff,
                         **_breakdown(contact_phone="1" * 31))

    assert "联系电话" in err.value.message
    assert Assignment.objects.get(pk=assignment.pk).contact_phone == ""


@pytest.mark.parametrize("value", ["2022-09-30", "2022/9/30", "2022.9.30", "2022年9月30日",
                                   "２０２２年９月３０日", "20220930", " 2022 - 09 - 30 ",
                                   datetime.datetime(2022, 9, 30), datetime.date(2022, 9, 30),
                                   44834])
def test_parse_date_reads_common_chinese_forms(value):
    assert parse_date(value) == datetime.date(2022, 9, 30)


@pytest.mark.parametrize("value", ["9月底", "2022-13-01", "2022-02-30", "明年", 12, True])
def test_parse_date_refuses_what_is_not_a_date(value):
    with pytest.raises((ValueError, TypeError)):
        parse_date(value)


@pytest.mark.parametrize("value,expected", [(12, 12), (12.0, 12), ("12", 12), ("１２、", 12),
                                            ("12.5", None), (12.5, None), ("", None),
                                            (None, None), ("十二", None)])
def test_parse_task_number(value, expected):
    assert parse_task_number(value) == expected


# --- the ledger selector ---------------------------------------------------------------

def _fill(plan, *, tasks: int, units: int):
    period3 = ReportingPeriodFactory(plan=plan, number=3, deadline=datetime.date(2022, 9, 30))
    period4 = ReportingPeriodFactory(plan=plan, number=4, deadline=datetime.date(2022, 12, 30))
    unit_list = UnitFactory.create_batch(units)
    for _ in range(tasks):
        task = TaskFactory(plan=plan)
        for unit in unit_list:
            a = AssignmentFactory(task=task, unit=unit)
            ReportFactory(assignment=a, period=period3, status=ReportStatus.PASSED,
                          state=ProgressState.IN_PROGRESS, return_count=1,
                          first_submitted_at=timezone.now())
            ReportFactory(assignment=a, period=period4, status=ReportStatus.SUBMITTED,
                          state=ProgressState.DONE, progress="第四季度已完成",
                          first_submitted_at=timezone.now())
    return unit_list


@pytest.mark.parametrize("tasks,units", [(2, 2), (6, 5)])
def test_ledger_rows_uses_a_constant_number_of_queries(django_assert_num_queries,
                                                       office_admin, tasks, units):
    plan = PlanFactory(year=2022)
    _fill(plan, tasks=tasks, units=units)
    assignments = assignments_visible_to(office_admin)

    with django_assert_num_queries(3):
        rows = ledger_rows(plan=plan, assignments=assignments,
                           reports=reports_visible_to(office_admin))

    assert len(rows) == tasks * units
    assert rows[0].progress == "第四季度已完成"
    assert rows[0].state == ProgressState.DONE
    assert rows[0].status == ReportStatus.SUBMITTED
    assert rows[0].return_count == 1


@time_machine.travel(datetime.datetime(2022, 10, 20, 12, tzinfo=datetime.UTC))
def test_ledger_row_of_a_unit_with_only_a_draft_is_overdue_and_hides_the_draft(office_admin):
    period = ReportingPeriodFactory(number=3, deadline=datetime.date(2022, 9, 30))
    assignment = AssignmentFactory(task=TaskFactory(plan=period.plan))
    ReportFactory(assignment=assignment, period=period, progress="草稿内容",
                  status=ReportStatus.DRAFT)

    [row] = ledger_rows(plan=period.plan, assignments=assignments_visible_to(office_admin),
                        reports=reports_visible_to(office_admin))

    assert row.progress == ""
    assert row.overdue and row.late and row.late_label == "逾期未报"


@time_machine.travel(datetime.datetime(2022, 10, 20, 12, tzinfo=datetime.UTC))
def test_ledger_row_marks_a_late_submission():
    period = ReportingPeriodFactory(number=3, deadline=datetime.date(2022, 9, 30))
    assignment = AssignmentFactory(task=TaskFactory(plan=period.plan))
    ReportFactory(assignment=assignment, period=period, status=ReportStatus.SUBMITTED,
                  first_submitted_at=datetime.datetime(2022, 10, 8, 3, tzinfo=datetime.UTC))

    [row] = ledger_rows(plan=period.plan, assignments=Assignment.objects.all())

    assert row.submitted_late and not row.overdue and row.late_label == "逾期报送"


def test_ledger_rows_limit_to_the_plan_and_the_given_assignments(unit_staff):
    plan = PlanFactory(year=2022)
    mine = AssignmentFactory(task=TaskFactory(plan=plan), unit=unit_staff.unit)
    AssignmentFactory(task=mine.task)  # another unit's
    AssignmentFactory(task=TaskFactory(plan=PlanFactory(year=2021)), unit=unit_staff.unit)

    rows = ledger_rows(plan=plan, assignments=assignments_visible_to(unit_staff))

    assert [r.assignment_id for r in rows] == [mine.pk]


def test_ledger_filtered_by_state_none_keeps_tasks_without_reports(office_admin):
    plan = PlanFactory(year=2022)
    units = _fill(plan, tasks=1, units=2)
    bare = AssignmentFactory(task=TaskFactory(plan=plan), unit=units[0])

    rows = ledger_filtered(plan=plan, assignments=assignments_visible_to(office_admin),
                           filters=LedgerFilters(state="none"))
    by_unit = ledger_filtered(plan=plan, assignments=assignments_visible_to(office_admin),
                              filters=LedgerFilters(unit_id=units[1].pk))

    assert [r.assignment_id for r in rows] == [bare.pk]
    assert {r.unit_id for r in by_unit} == {units[1].pk}
