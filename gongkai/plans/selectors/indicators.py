"""Measures of the plan's own reporting for the indicator registry (tasks 61–63):
evidence links found dead, reports returned for rectification, reports filed late.
A report belongs to the period whose deadline falls in [start, end]."""
import datetime as dt

from django.db.models import F, OuterRef, QuerySet, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from gongkai.core.dates import day_range_bounds
from gongkai.plans.models import Assignment, Evidence, Plan, Report
from gongkai.plans.selectors.scoring import unit_scores

UNIT = "assignment__unit_id"


def dead_links(*, start: dt.date, end: dt.date) -> QuerySet[Evidence]:
    """Evidence links found dead by a check made in [start, end]."""
    after, before = day_range_bounds(start, end)
    return Evidence.objects.filter(is_dead=True, checked_at__gte=after, checked_at__lt=before)


def returned_reports(*, start: dt.date, end: dt.date) -> QuerySet[Report]:
    return Report.objects.filter(return_count__gt=0,
                                 period__deadline__range=(start, end))


def returns(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """Times returned (a report returned twice counts twice), per unit."""
    rows = (returned_reports(start=start, end=end).order_by().values(UNIT)
            .annotate(n=Sum("return_count")).values_list(UNIT, "n"))
    return {unit_id: n for unit_id, n in rows}


def late_reports(*, start: dt.date, end: dt.date) -> QuerySet[Report]:
    """Reports first submitted after their period's deadline."""
    return Report.objects.filter(period__deadline__range=(start, end),
                                 first_submitted_at__date__gt=F("period__deadline"))


INDICATORS = (
    {"key": "plans.dead_links", "label": _("失效的佐证链接"), "unit": _("个"),
     "records": dead_links, "unit_field": "report__assignment__unit_id", "better": "less"},
    {"key": "plans.returns", "label": _("推进情况报告被退回整改"), "unit": _("次"),
     "records": returned_reports, "unit_field": UNIT, "measure": returns,
     "better": "less"},
    {"key": "plans.late_reports", "label": _("逾期报送的推进情况报告"), "unit": _("份"),
     "records": late_reports, "unit_field": UNIT, "better": "less"},
)


def filing_score(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """The plan's filing score (0–100, ``scoring``) of the periods whose deadline
    falls in [start, end], rounded to a whole number."""
    plan = Plan.objects.filter(year=start.year).first()
    if plan is None:
        return {}
    periods = list(plan.periods.filter(deadline__range=(start, end)))
    if not periods:
        return {}
    period = periods[0] if len(periods) == 1 else None
    return {s.unit_id: int(s.score.to_integral_value()) for s in
            unit_scores(plan=plan, period=period)}


def reports_due(*, start: dt.date, end: dt.date) -> QuerySet[Report]:
    """Reports of the periods whose deadline falls in [start, end]."""
    return Report.objects.filter(period__deadline__range=(start, end))


INDICATORS = (*INDICATORS, {
    "key": "plans.filing_score", "label": _("推进情况报送得分（满分100）"), "unit": _("分"),
    "records": reports_due, "unit_field": UNIT, "measure": filing_score})


def task_states(*, year: int, unit_id: int | None = None) -> dict[str, int]:
    """How the year's tasks stand by their latest report: {"assigned", state: n …}
    (task 64: the annual report states how the plan was carried out). Two queries."""
    assignments = Assignment.objects.filter(task__plan__year=year, unit__is_office=False)
    if unit_id is not None:
        assignments = assignments.filter(unit_id=unit_id)
    latest = (Report.objects.filter(assignment=OuterRef("pk"))
              .order_by("-period__number").values("state")[:1])
    counts: dict[str, int] = {"assigned": assignments.count()}
    for state in assignments.annotate(latest=Subquery(latest)).values_list(
            "latest", flat=True):
        counts[state or "none"] = counts.get(state or "none", 0) + 1
    return counts
