"""The ledger (工作台账): every task on every unit's list, with the unit's breakdown, its
latest progress report and where that report stands in review.

Two queries whatever the size of the plan: the assignments with their task, section,
part and unit joined, and the latest visible report of each assignment picked by a
window function in the database.
"""
import datetime as dt
from dataclasses import dataclass

from django.db.models import F, IntegerField, OuterRef, QuerySet, Subquery, Sum, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from gongkai.core.lists import search_q
from gongkai.plans.models import (
    Assignment,
    Plan,
    ProgressState,
    Report,
    ReportingPeriod,
    ReportStatus,
    TaskRole,
)

_ASSIGNMENT_FIELDS = (
    "pk", "task__number", "task__title", "task__text", "task__section__number",
    "task__section__title", "task__section__part__number", "task__section__part__title",
    "unit_id", "unit__name", "role", "measures", "target", "due_on", "responsible_dept",
    "contact_person", "contact_phone",
)
_ROLE_LABELS = dict(TaskRole.choices)
_STATE_LABELS = dict(ProgressState.choices)
_STATUS_LABELS = dict(ReportStatus.choices)


@dataclass(frozen=True)
class LedgerRow:
    """One task on one unit's list, flattened for a page or a spreadsheet."""

    assignment_id: int
    part_number: int
    part_title: str
    section_number: int
    section_title: str
    task_number: int
    task_title: str
    task_text: str
    unit_id: int
    unit_name: str
    role: str
    measures: str
    target: str
    due_on: dt.date | None
    responsible_dept: str
    contact_person: str
    contact_phone: str
    period_name: str = ""
    progress: str = ""
    state: str = ""
    status: str = ""
    submitted_late: bool = False
    overdue: bool = False
    return_count: int = 0

    @property
    def role_label(self) -> str:
        return str(_ROLE_LABELS.get(self.role, self.role))

    @property
    def state_label(self) -> str:
        return str(_STATE_LABELS.get(self.state, "")) if self.state else ""

    @property
    def status_label(self) -> str:
        return str(_STATUS_LABELS.get(self.status, "")) if self.status else ""

    @property
    def late(self) -> bool:
        """Reported after the deadline, or a passed deadline with nothing reported."""
        return self.submitted_late or self.overdue

    @property
    def late_label(self) -> str:
        if self.overdue:
            return "逾期未报"
        return "逾期报送" if self.submitted_late else "否"


@dataclass(frozen=True)
class LedgerFilters:
    """What the office narrows the district ledger to; every field optional."""

    unit_id: int | None = None
    part_number: int | None = None
    state: str = ""  # a ProgressState value, or "none" for tasks with no report yet
    status: str = ""  # a ReportStatus value
    late_only: bool = False
    q: str = ""  # words that must each appear in the task, unit or breakdown


def ledger_rows(*, plan: Plan, assignments: QuerySet[Assignment],
                reports: QuerySet[Report] | None = None) -> list[LedgerRow]:
    """The ledger rows of ``plan`` among ``assignments`` (already limited to what the
    user may see), ordered by task and unit.

    ``reports`` is the user's visible reports (``reports_visible_to``); by default only
    submitted ones count, so a unit's draft never shows up in another's ledger.
    """
    if reports is None:
        reports = Report.objects.exclude(status=ReportStatus.DRAFT)
    reports = reports.filter(assignment__task__plan=plan)
    # Plain values, not model instances: for 5,000 rows building models costs more
    # than the queries themselves.
    assignments = assignments.filter(task__plan=plan)
    latest = _latest_reports(reports, assignments)
    values = (
        assignments.annotate(return_total=Coalesce(Subquery(
            reports.filter(assignment=OuterRef("pk")).order_by()
            .values("assignment").annotate(total=Sum("return_count")).values("total"),
            output_field=IntegerField()), 0))
        .order_by("task__number", "unit__sort_order", "unit__name")
        .values(*_ASSIGNMENT_FIELDS, "return_total")
    )
    due_period = _latest_due_period(plan)
    return [_row(a, latest.get(a["pk"]), due_period) for a in values]


def ledger_filtered(*, plan: Plan, assignments: QuerySet[Assignment],
                    reports: QuerySet[Report] | None = None,
                    filters: LedgerFilters = LedgerFilters()) -> list[LedgerRow]:
    """``ledger_rows`` narrowed by unit, part, words, progress state, review status,
    lateness."""
    if filters.unit_id:
        assignments = assignments.filter(unit_id=filters.unit_id)
    if filters.part_number:
        assignments = assignments.filter(task__section__part__number=filters.part_number)
    if filters.q:
        assignments = assignments.filter(search_q(
            filters.q, "task__text", "task__title", "unit__name", "unit__short_name",
            "measures", "target", "responsible_dept"))
    rows = ledger_rows(plan=plan, assignments=assignments, reports=reports)
    if filters.state == "none":
        rows = [r for r in rows if not r.state]
    elif filters.state:
        rows = [r for r in rows if r.state == filters.state]
    if filters.status:
        rows = [r for r in rows if r.status == filters.status]
    if filters.late_only:
        rows = [r for r in rows if r.late]
    return rows


def _latest_reports(reports: QuerySet[Report], assignments: QuerySet[Assignment]
                    ) -> dict[int, dict]:
    ranked = (
        reports.filter(assignment__in=assignments.values("pk"))
        .annotate(rank=Window(RowNumber(), partition_by=[F("assignment_id")],
                              order_by=F("period__number").desc()))
        .filter(rank=1)
        .order_by()
        .values("assignment_id", "period__number", "period__name", "period__deadline",
                "progress", "state", "status", "first_submitted_at")
    )
    return {r["assignment_id"]: r for r in ranked}


def _latest_due_period(plan: Plan) -> ReportingPeriod | None:
    """The last period whose deadline has passed; a task without a submitted report for
    it (or a later one) is overdue."""
    today = timezone.localdate()
    return (ReportingPeriod.objects.filter(plan=plan, deadline__lt=today)
            .order_by("-number").first())


def _is_overdue(report: dict | None, due: ReportingPeriod | None) -> bool:
    if due is None:
        return False
    if report is None or report["first_submitted_at"] is None:
        return True
    return report["period__number"] < due.number


def _is_late(report: dict) -> bool:
    """As ``Report.is_late``: the first submission came after the period's deadline."""
    submitted = report["first_submitted_at"]
    return submitted is not None and timezone.localdate(submitted) > report["period__deadline"]


def _row(a: dict, report: dict | None, due: ReportingPeriod | None) -> LedgerRow:
    latest = {}
    if report is not None:
        latest = {
            "period_name": report["period__name"],
            "progress": report["progress"],
            "state": report["state"],
            "status": report["status"],
            "submitted_late": _is_late(report),
        }
    return LedgerRow(
        assignment_id=a["pk"],
        part_number=a["task__section__part__number"],
        part_title=a["task__section__part__title"],
        section_number=a["task__section__number"], section_title=a["task__section__title"],
        task_number=a["task__number"], task_title=a["task__title"],
        task_text=a["task__text"], unit_id=a["unit_id"], unit_name=a["unit__name"],
        role=a["role"], measures=a["measures"], target=a["target"], due_on=a["due_on"],
        responsible_dept=a["responsible_dept"], contact_person=a["contact_person"],
        contact_phone=a["contact_phone"],
        overdue=_is_overdue(report, due), return_count=a["return_total"] or 0,
        **latest,
    )
