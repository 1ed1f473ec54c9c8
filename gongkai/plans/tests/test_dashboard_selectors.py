import datetime as dt

import pytest

from django.utils import timezone

from gongkai.orgs.models import UnitCategory
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.models import Assignment, ProgressState, Report, ReportStatus, Task
from gongkai.plans.selectors.dashboard import (
    CellState,
    LateKind,
    TodoKind,
    current_period,
    late_and_returned,
    matrix,
    progress_by_section,
    unit_todo,
)
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PartFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    SectionFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2022, 9, 30)
BEFORE = dt.date(2022, 9, 1)
AFTER = dt.date(2022, 10, 10)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


@pytest.fixture
def plan():
    return PlanFactory(year=2022)


@pytest.fixture
def period(plan):
    return ReportingPeriodFactory(plan=plan, number=3, name="第三季度", deadline=DEADLINE)


def report(assignment, period, status, state=ProgressState.IN_PROGRESS, sent=BEFORE, **kw):
    sent_at = at(sent) if status != ReportStatus.DRAFT else None
    if state == ProgressState.FAILED:
        kw.setdefault("failure_reason", "经费未落实")
    return ReportFactory(assignment=assignment, period=period, status=status, state=state,
                         first_submitted_at=sent_at, submitted_at=sent_at, **kw)


def test_matrix_cells_show_each_state_and_the_late_flag(plan, period):
    task = TaskFactory(section=SectionFactory(part=PartFactory(plan=plan)))
    other_task = TaskFactory(section=task.section)
    units = UnitFactory.create_batch(8)
    a = [AssignmentFactory(task=task, unit=u) for u in units]
    AssignmentFactory(task=other_task, unit=units[0])
    report(a[1], period, ReportStatus.DRAFT)
    report(a[2], period, ReportStatus.SUBMITTED, sent=AFTER)
    report(a[3], period, ReportStatus.RETURNED)
    report(a[4], period, ReportStatus.PASSED, ProgressState.IN_PROGRESS)
    report(a[5], period, ReportStatus.PASSED, ProgressState.DONE)
    report(a[6], period, ReportStatus.PASSED, ProgressState.FAILED)
    report(a[7], period, ReportStatus.PASSED, ProgressState.NOT_STARTED)

    m = matrix(plan=plan, period=period, today=BEFORE)

    states = [m.cell(task.id, u.id).state for u in units]
    assert states == [CellState.NOT_SUBMITTED, CellState.NOT_SUBMITTED, CellState.SUBMITTED,
                      CellState.RETURNED, CellState.PASSED_ONGOING, CellState.PASSED_DONE,
                      CellState.FAILED, CellState.PASSED_ONGOING]
    assert [m.cell(task.id, u.id).late for u in units] == [
        False, False, True, False, False, False, False, False]
    assert m.cell(other_task.id, units[1].id).state == CellState.UNASSIGNED
    # A draft is the unit's own business: the office's cell does not point at it.
    assert m.cell(task.id, units[1].id).report_id is None
    assert m.cell(task.id, units[2].id).report_id is not None
    assert m.counts[CellState.NOT_SUBMITTED] == 3


def test_missing_report_becomes_late_once_the_deadline_has_passed(plan, period):
    assignment = AssignmentFactory(task__plan=plan)
    task, unit = assignment.task, assignment.unit
    assert not matrix(plan=plan, period=period, today=DEADLINE).cell(task.id, unit.id).late
    after = matrix(plan=plan, period=period, today=AFTER)
    assert after.cell(task.id, unit.id).late
    assert after.late_count == 1


def test_matrix_orders_units_by_category_and_limits_to_unit_ids(plan, period):
    task = TaskFactory(plan=plan)
    street = UnitFactory(name="某街道", category=UnitCategory.STREET_TOWN)
    park = UnitFactory(name="某园区", category=UnitCategory.PARK)
    dept = UnitFactory(name="区某局", category=UnitCategory.DEPARTMENT)
    for unit in (street, park, dept):
        AssignmentFactory(task=task, unit=unit)

    m = matrix(plan=plan, period=period)
    assert [u.name for u in m.units] == ["区某局", "某街道", "某园区"]
    assert [label for label, _ in m.categories] == ["部门", "街镇", "园区管理机构"]

    only = matrix(plan=plan, period=period, unit_ids=[street.id])
    assert [u.name for u in only.units] == ["某街道"]


def test_matrix_ignores_other_plans_and_periods(plan, period):
    assignment = AssignmentFactory(task__plan=plan)
    q4 = ReportingPeriodFactory(plan=plan, number=4, deadline=dt.date(2022, 12, 30))
    report(assignment, q4, ReportStatus.PASSED, ProgressState.DONE)
    other = AssignmentFactory(task__plan=PlanFactory(year=2023))
    m = matrix(plan=plan, period=period)
    assert [u.id for u in m.units] == [assignment.unit_id]
    assert m.cell(assignment.task_id, assignment.unit_id).state == CellState.NOT_SUBMITTED
    assert other.unit_id not in [u.id for u in m.units]


def test_progress_counts_per_part_and_section_never_count_drafts(plan, period):
    part1, part2 = PartFactory(plan=plan, number=1), PartFactory(plan=plan, number=2)
    s1 = SectionFactory(part=part1, number=1)
    s2 = SectionFactory(part=part1, number=2)
    s3 = SectionFactory(part=part2, number=3)
    t1, t2 = TaskFactory(section=s1), TaskFactory(section=s2)
    units = UnitFactory.create_batch(4)
    a1 = [AssignmentFactory(task=t1, unit=u) for u in units]
    a2 = AssignmentFactory(task=t2, unit=units[0])
    report(a1[0], period, ReportStatus.DRAFT)
    report(a1[1], period, ReportStatus.SUBMITTED)
    report(a1[2], period, ReportStatus.PASSED, ProgressState.DONE)
    report(a1[3], period, ReportStatus.RETURNED)
    report(a2, period, ReportStatus.PASSED, ProgressState.IN_PROGRESS)

    parts = progress_by_section(plan=plan, period=period)

    assert [p.number for p in parts] == [1, 2]
    first = parts[0]
    assert [(s.number, s.assignments, s.submitted, s.passed, s.done)
            for s in first.sections] == [(1, 4, 3, 1, 1), (2, 1, 1, 1, 0)]
    assert (first.assignments, first.submitted, first.passed, first.done) == (5, 4, 2, 1)
    assert first.submitted_rate == 80.0
    assert [(s.number, s.assignments) for s in parts[1].sections] == [(s3.number, 0)]
    assert parts[1].submitted_rate == 0.0


def test_late_and_returned_lists_returned_then_missing_then_late(plan, period):
    task = TaskFactory(plan=plan)
    units = UnitFactory.create_batch(5)
    a = [AssignmentFactory(task=task, unit=u) for u in units]
    report(a[0], period, ReportStatus.SUBMITTED, sent=AFTER)
    report(a[1], period, ReportStatus.RETURNED, review_comment="<b>佐证不足</b>")
    report(a[2], period, ReportStatus.DRAFT)
    report(a[3], period, ReportStatus.PASSED, ProgressState.DONE)
    # a[4] has nothing at all

    items = late_and_returned(plan=plan, period=period, today=AFTER)

    assert [(i.kind, i.unit_id) for i in items] == [
        (LateKind.RETURNED, units[1].id), (LateKind.OVERDUE, units[2].id),
        (LateKind.OVERDUE, units[4].id), (LateKind.LATE, units[0].id)]
    assert items[0].review_comment == "<b>佐证不足</b>"
    assert items[1].report_id is None  # the draft is not exposed

    before = late_and_returned(plan=plan, period=period, today=BEFORE)
    assert [i.kind for i in before] == [LateKind.RETURNED, LateKind.LATE]
    only = late_and_returned(plan=plan, period=period, today=AFTER, unit_ids=[units[4].id])
    assert [i.unit_id for i in only] == [units[4].id]


def test_unit_todo_puts_returned_first_then_overdue_breakdown_and_upcoming(plan, period):
    q4 = ReportingPeriodFactory(plan=plan, number=4, name="第四季度",
                                deadline=dt.date(2022, 12, 30))
    unit = UnitFactory()
    section = SectionFactory(plan=plan)
    done = dict(measures="措施", target="目标", due_on=dt.date(2022, 12, 1),
                responsible_dept="办公室")
    a1 = AssignmentFactory(task=TaskFactory(section=section, number=1), unit=unit, **done)
    a2 = AssignmentFactory(task=TaskFactory(section=section, number=2), unit=unit)
    report(a1, period, ReportStatus.PASSED, ProgressState.IN_PROGRESS)
    report(a2, period, ReportStatus.RETURNED, review_comment="请补充佐证")
    AssignmentFactory(task=TaskFactory(section=section, number=3))  # another unit's

    items = unit_todo(unit=unit, today=dt.date(2022, 10, 8))

    assert [(i.kind, i.task_number, i.period_name) for i in items] == [
        (TodoKind.RETURNED, 2, "第三季度"),
        (TodoKind.BREAKDOWN, 2, ""),
        (TodoKind.REPORT, 1, "第四季度"),
        (TodoKind.REPORT, 2, "第四季度"),
    ]
    assert items[0].review_comment == "请补充佐证"
    assert items[1].missing == ("工作措施", "任务目标", "完成时限", "责任部门")
    assert items[2].deadline == q4.deadline and items[2].days_left == 83

    late = unit_todo(unit=unit, today=dt.date(2023, 1, 5))
    assert late[0].kind == TodoKind.RETURNED
    assert [i.kind for i in late[1:3]] == [TodoKind.REPORT, TodoKind.REPORT]
    assert late[1].overdue and late[1].days_left == -6


def test_unit_todo_is_empty_without_a_plan():
    assert unit_todo(unit=UnitFactory(), today=dt.date(2022, 10, 1)) == []


def test_current_period_is_the_next_deadline_else_the_last(plan, period):
    q4 = ReportingPeriodFactory(plan=plan, number=4, deadline=dt.date(2022, 12, 30))
    assert current_period(periods=[q4, period], today=BEFORE) == period
    assert current_period(periods=[q4, period], today=AFTER) == q4
    assert current_period(periods=[q4, period], today=dt.date(2023, 2, 1)) == q4
    assert current_period(periods=[], today=BEFORE) is None


def populate(plan, period, *, tasks: int, units: int) -> list:
    """Bulk data: every unit on every task, reports in rotating states."""
    section = SectionFactory(plan=plan)
    start = Task.objects.filter(plan=plan).count()
    task_objs = Task.objects.bulk_create(
        Task(plan=plan, section=section, number=start + i + 1, text=f"任务{i}")
        for i in range(tasks))
    unit_objs = UnitFactory.create_batch(units)
    assignments = Assignment.objects.bulk_create(
        Assignment(task=t, unit=u, role="implement") for t in task_objs for u in unit_objs)
    statuses = [ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED,
                ReportStatus.PASSED]
    Report.objects.bulk_create(
        Report(assignment=a, period=period, status=statuses[i % 4],
               state=ProgressState.DONE if i % 3 else ProgressState.IN_PROGRESS,
               first_submitted_at=None if i % 4 == 0 else at(BEFORE if i % 5 else AFTER))
        for i, a in enumerate(assignments) if i % 7)
    return unit_objs


@pytest.mark.parametrize("size", [(2, 3), (12, 15)])
def test_dashboard_queries_do_not_grow_with_the_data(plan, period, size,
                                                     django_assert_num_queries):
    units = populate(plan, period, tasks=size[0], units=size[1])
    with django_assert_num_queries(3):
        m = matrix(plan=plan, period=period, today=AFTER)
    assert len(m.rows) == size[0] and len(m.units) == size[1]
    with django_assert_num_queries(3):
        progress_by_section(plan=plan, period=period)
    with django_assert_num_queries(2):
        late_and_returned(plan=plan, period=period, today=AFTER)
    with django_assert_num_queries(4):
        items = unit_todo(unit=units[0], today=BEFORE)
    assert len(items) >= size[0]
