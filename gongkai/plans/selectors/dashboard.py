"""Reads behind the dashboards: the tasks × units matrix, progress by part and section,
late and returned reports, a unit's to-do list.

Every function here runs a fixed number of ``values()`` queries and groups the rows in
Python, so the cost in queries does not grow with the number of tasks, units or reports
(bench/ledger measures it). Overdue is derived from the deadline and ``today`` at read
time, never stored.
"""
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import UnitCategory
from gongkai.plans.models import (
    Assignment,
    Plan,
    ProgressState,
    Report,
    ReportingPeriod,
    ReportStatus,
    Section,
    Task,
)


class CellState(models.TextChoices):
    """Where one unit stands on one task in one reporting period."""

    UNASSIGNED = "unassigned", _("未分配")
    NOT_SUBMITTED = "not_submitted", _("未报送")
    SUBMITTED = "submitted", _("已报送待审")
    RETURNED = "returned", _("退回整改")
    PASSED_ONGOING = "passed_ongoing", _("通过·推进中")
    PASSED_DONE = "passed_done", _("通过·已完成")
    FAILED = "failed", _("未能完成")


_CATEGORY_ORDER = {value: i for i, value in enumerate(UnitCategory.values)}
_CATEGORY_LABEL = dict(UnitCategory.choices)


@dataclass(frozen=True, slots=True)
class Cell:
    state: str
    late: bool = False
    assignment_id: int | None = None
    report_id: int | None = None  # None for drafts: the office never opens a draft

    @property
    def label(self) -> str:
        return CellState(self.state).label


UNASSIGNED = Cell(CellState.UNASSIGNED)


@dataclass(frozen=True, slots=True)
class MatrixTask:
    id: int
    number: int
    text: str
    section_number: int
    part_number: int


@dataclass(frozen=True, slots=True)
class MatrixUnit:
    id: int
    name: str
    short_name: str
    category: str
    sort_order: int

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass
class MatrixRow:
    task: MatrixTask
    cells: list[Cell]


@dataclass
class Matrix:
    plan: Plan
    period: ReportingPeriod
    today: dt.date
    tasks: list[MatrixTask]
    units: list[MatrixUnit]
    rows: list[MatrixRow]
    counts: Counter = field(default_factory=Counter)
    late_count: int = 0

    @property
    def categories(self) -> list[tuple[str, int]]:
        """(category label, number of unit columns) in column order, for grouped headers."""
        groups: list[tuple[str, int]] = []
        for unit in self.units:
            label = str(_CATEGORY_LABEL.get(unit.category, unit.category))
            if groups and groups[-1][0] == label:
                groups[-1] = (label, groups[-1][1] + 1)
            else:
                groups.append((label, 1))
        return groups

    def cell(self, task_id: int, unit_id: int) -> Cell:
        col = {u.id: i for i, u in enumerate(self.units)}.get(unit_id)
        for row in self.rows:
            if row.task.id == task_id and col is not None:
                return row.cells[col]
        return UNASSIGNED


def cell_for(*, assignment_id: int, report: dict | None, deadline: dt.date,
             today: dt.date) -> Cell:
    """The cell of one assignment given its report row (from ``_reports_by_assignment``)
    or None."""
    if report is None or report["status"] == ReportStatus.DRAFT:
        return Cell(CellState.NOT_SUBMITTED, today > deadline, assignment_id)
    late = bool(report["sent_late"])
    status = report["status"]
    if status == ReportStatus.SUBMITTED:
        state = CellState.SUBMITTED
    elif status == ReportStatus.RETURNED:
        state = CellState.RETURNED
    elif report["state"] == ProgressState.DONE:
        state = CellState.PASSED_DONE
    elif report["state"] == ProgressState.FAILED:
        state = CellState.FAILED
    else:
        state = CellState.PASSED_ONGOING
    return Cell(state, late, assignment_id, report["id"])


def _late_cutoff(deadline: dt.date) -> dt.datetime:
    """The first moment (local time) after the deadline day: a report first sent at or
    after it was sent late."""
    return timezone.make_aware(dt.datetime.combine(deadline + dt.timedelta(days=1),
                                                   dt.time.min))


def _unit_key(unit: MatrixUnit) -> tuple:
    return (_CATEGORY_ORDER.get(unit.category, 99), unit.sort_order, unit.name)


def _reports_by_assignment(*, plan: Plan, period: ReportingPeriod, unit_ids=None,
                           fields: tuple[str, ...] = ()) -> dict[int, dict]:
    """The period's report rows by assignment, with ``sent_late`` computed in the
    database (converting thousands of datetimes in Python costs more than the query)."""
    qs = Report.objects.filter(period=period, assignment__task__plan=plan)
    if unit_ids is not None:
        qs = qs.filter(assignment__unit_id__in=list(unit_ids))
    sent_late = ExpressionWrapper(Q(first_submitted_at__gte=_late_cutoff(period.deadline)),
                                  output_field=BooleanField())
    rows = qs.order_by().annotate(sent_late=sent_late).values(
        "id", "assignment_id", "status", "state", "sent_late", *fields)
    return {r["assignment_id"]: r for r in rows}


def _plan_assignments(*, plan: Plan, unit_ids=None):
    qs = Assignment.objects.filter(task__plan=plan)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    return qs.order_by()


def matrix(*, plan: Plan, period: ReportingPeriod, unit_ids=None,
           today: dt.date | None = None) -> Matrix:
    """Every task of ``plan`` against every unit that has work in it (three queries)."""
    today = today or timezone.localdate()
    tasks = [
        MatrixTask(t["id"], t["number"], t["title"] or t["text"], t["section__number"],
                   t["section__part__number"])
        for t in Task.objects.filter(plan=plan).order_by("number").values(
            "id", "number", "title", "text", "section__number", "section__part__number")
    ]
    units: dict[int, MatrixUnit] = {}
    by_cell: dict[tuple[int, int], int] = {}
    for a in _plan_assignments(plan=plan, unit_ids=unit_ids).values(
            "id", "task_id", "unit_id", "unit__name", "unit__short_name", "unit__category",
            "unit__sort_order"):
        by_cell[(a["task_id"], a["unit_id"])] = a["id"]
        if a["unit_id"] not in units:
            units[a["unit_id"]] = MatrixUnit(a["unit_id"], a["unit__name"],
                                             a["unit__short_name"], a["unit__category"],
                                             a["unit__sort_order"])
    columns = sorted(units.values(), key=_unit_key)
    reports = _reports_by_assignment(plan=plan, period=period, unit_ids=unit_ids)
    counts: Counter = Counter()
    late_count = 0
    rows = []
    for task in tasks:
        cells = []
        for unit in columns:
            assignment_id = by_cell.get((task.id, unit.id))
            if assignment_id is None:
                cells.append(UNASSIGNED)
                continue
            cell = cell_for(assignment_id=assignment_id, report=reports.get(assignment_id),
                            deadline=period.deadline, today=today)
            counts[cell.state] += 1
            late_count += cell.late
            cells.append(cell)
        rows.append(MatrixRow(task, cells))
    return Matrix(plan, period, today, tasks, columns, rows, counts, late_count)


@dataclass
class SectionProgress:
    number: int
    title: str
    assignments: int = 0
    submitted: int = 0
    passed: int = 0
    done: int = 0

    @property
    def submitted_rate(self) -> float:
        return round(100 * self.submitted / self.assignments, 1) if self.assignments else 0.0


@dataclass
class PartProgress(SectionProgress):
    sections: list[SectionProgress] = field(default_factory=list)


def progress_by_section(*, plan: Plan, period: ReportingPeriod) -> list[PartProgress]:
    """Per part and section: assignments, reports submitted (ever), passed, passed as done.

    Drafts never count: a report counts as submitted once the unit has sent it, even
    while it is back with the unit for rectification.
    """
    parts: dict[int, PartProgress] = {}
    sections: dict[int, SectionProgress] = {}
    section_part: dict[int, int] = {}
    for s in Section.objects.filter(plan=plan).order_by("part__number", "number").values(
            "id", "number", "title", "part_id", "part__number", "part__title"):
        part = parts.get(s["part_id"])
        if part is None:
            part = parts[s["part_id"]] = PartProgress(s["part__number"], s["part__title"])
        sections[s["id"]] = SectionProgress(s["number"], s["title"])
        part.sections.append(sections[s["id"]])
        section_part[s["id"]] = s["part_id"]
    assigned = (Assignment.objects.filter(task__plan=plan).order_by()
                .values("task__section_id").annotate(n=Count("id")))
    for row in assigned:
        sections[row["task__section_id"]].assignments += row["n"]
    reported = (Report.objects.filter(period=period, assignment__task__plan=plan)
                .exclude(status=ReportStatus.DRAFT).order_by()
                .values("assignment__task__section_id", "status", "state")
                .annotate(n=Count("id")))
    for row in reported:
        section = sections[row["assignment__task__section_id"]]
        section.submitted += row["n"]
        if row["status"] == ReportStatus.PASSED:
            section.passed += row["n"]
            if row["state"] == ProgressState.DONE:
                section.done += row["n"]
    for section_id, section in sections.items():
        part = parts[section_part[section_id]]
        for name in ("assignments", "submitted", "passed", "done"):
            setattr(part, name, getattr(part, name) + getattr(section, name))
    return list(parts.values())


class LateKind(models.TextChoices):
    RETURNED = "returned", _("退回整改")
    OVERDUE = "overdue", _("逾期未报送")
    LATE = "late", _("逾期报送")


@dataclass(frozen=True)
class LateItem:
    kind: str
    assignment_id: int
    report_id: int | None
    task_number: int
    task_text: str
    unit_id: int
    unit_name: str
    deadline: dt.date
    submitted_at: dt.datetime | None = None
    return_count: int = 0
    review_comment: str = ""

    @property
    def kind_label(self) -> str:
        return LateKind(self.kind).label


_LATE_ORDER = {LateKind.RETURNED: 0, LateKind.OVERDUE: 1, LateKind.LATE: 2}


def late_and_returned(*, plan: Plan, period: ReportingPeriod, unit_ids=None,
                      today: dt.date | None = None) -> list[LateItem]:
    """Reports returned for rectification, reports missing after the deadline, and
    reports sent after it; returned first, then missing, then late (two queries)."""
    today = today or timezone.localdate()
    reports = _reports_by_assignment(plan=plan, period=period, unit_ids=unit_ids,
                                     fields=("submitted_at", "return_count",
                                             "review_comment"))
    items = []
    for a in _plan_assignments(plan=plan, unit_ids=unit_ids).values(
            "id", "task__number", "task__title", "task__text", "unit_id", "unit__name",
            "unit__sort_order"):
        item = _late_item(a, reports.get(a["id"]), period.deadline, today)
        if item is not None:
            items.append((a["unit__sort_order"], item))
    items.sort(key=lambda p: (_LATE_ORDER[p[1].kind], p[1].task_number, p[0],
                              p[1].unit_name))
    return [item for _, item in items]


def _late_item(a: dict, report: dict | None, deadline: dt.date,
               today: dt.date) -> LateItem | None:
    common = {"assignment_id": a["id"], "task_number": a["task__number"],
              "task_text": a["task__title"] or a["task__text"], "unit_id": a["unit_id"],
              "unit_name": a["unit__name"], "deadline": deadline}
    if report is None or report["status"] == ReportStatus.DRAFT:
        if today > deadline:
            return LateItem(kind=LateKind.OVERDUE, report_id=None, **common)
        return None
    extra = {"report_id": report["id"], "submitted_at": report["submitted_at"],
             "return_count": report["return_count"]}
    if report["status"] == ReportStatus.RETURNED:
        return LateItem(kind=LateKind.RETURNED, review_comment=report["review_comment"],
                        **extra, **common)
    if report["sent_late"]:
        return LateItem(kind=LateKind.LATE, **extra, **common)
    return None


def latest_plan(*, today: dt.date | None = None) -> Plan | None:
    """The plan of this year if there is one, else the most recent (one query)."""
    today = today or timezone.localdate()
    plans = list(Plan.objects.filter(year__lte=today.year).order_by("-year")[:1])
    return plans[0] if plans else Plan.objects.order_by("-year").first()


def current_period(*, periods: list[ReportingPeriod], today: dt.date
                   ) -> ReportingPeriod | None:
    """The first period whose deadline has not passed, else the last one."""
    ordered = sorted(periods, key=lambda p: p.number)
    for period in ordered:
        if period.deadline >= today:
            return period
    return ordered[-1] if ordered else None


class TodoKind(models.TextChoices):
    RETURNED = "returned", _("退回整改")
    REPORT = "report", _("报送推进情况")
    BREAKDOWN = "breakdown", _("填写任务分解")


_BREAKDOWN_FIELDS = (("measures", _("工作措施")), ("target", _("任务目标")),
                     ("due_on", _("完成时限")), ("responsible_dept", _("责任部门")))


@dataclass(frozen=True)
class TodoItem:
    kind: str
    assignment_id: int
    task_number: int
    task_text: str
    period_id: int | None = None
    period_name: str = ""
    deadline: dt.date | None = None
    days_left: int | None = None
    report_id: int | None = None
    review_comment: str = ""
    missing: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return TodoKind(self.kind).label

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return max(-(self.days_left or 0), 0)

    @property
    def urgency(self) -> tuple:
        """Sort key: rectification first, then overdue reports, the breakdown (reports
        depend on it), then upcoming reports by deadline."""
        if self.kind == TodoKind.RETURNED:
            rank = 0
        elif self.kind == TodoKind.BREAKDOWN:
            rank = 2
        else:
            rank = 1 if self.overdue else 3
        return (rank, self.deadline or dt.date.max, self.task_number)


def unit_todo(*, unit, today: dt.date, plan: Plan | None = None) -> list[TodoItem]:
    """What ``unit`` still has to do on the current plan, most urgent first (four
    queries): breakdowns to fill in, reports to send per period, returned reports."""
    plan = plan or latest_plan(today=today)
    if plan is None:
        return []
    periods = list(ReportingPeriod.objects.filter(plan=plan).order_by("number"))
    reports = {
        (r["assignment_id"], r["period_id"]): r
        for r in Report.objects.filter(assignment__unit=unit, assignment__task__plan=plan)
        .order_by().values("id", "assignment_id", "period_id", "status", "review_comment")
    }
    items: list[TodoItem] = []
    for a in Assignment.objects.filter(unit=unit, task__plan=plan).order_by().values(
            "id", "task__number", "task__title", "task__text", "measures", "target",
            "due_on", "responsible_dept"):
        base = {"assignment_id": a["id"], "task_number": a["task__number"],
                "task_text": a["task__title"] or a["task__text"]}
        missing = tuple(str(label) for name, label in _BREAKDOWN_FIELDS if not a[name])
        if missing:
            items.append(TodoItem(kind=TodoKind.BREAKDOWN, missing=missing, **base))
        for period in periods:
            item = _report_todo(base, reports.get((a["id"], period.id)), period, today)
            if item is not None:
                items.append(item)
    items.sort(key=lambda item: item.urgency)
    return items


def _report_todo(base: dict, report: dict | None, period: ReportingPeriod,
                 today: dt.date) -> TodoItem | None:
    status = report["status"] if report else ReportStatus.DRAFT
    if status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        return None
    kind = TodoKind.RETURNED if status == ReportStatus.RETURNED else TodoKind.REPORT
    return TodoItem(kind=kind, period_id=period.id, period_name=period.name,
                    deadline=period.deadline, days_left=(period.deadline - today).days,
                    report_id=report["id"] if report else None,
                    review_comment=report["review_comment"] if report else "", **base)
