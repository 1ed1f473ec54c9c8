"""Figures for the office's card on the workbench (a fixed number of counting queries)."""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from gongkai.plans.models import Assignment, Evidence, Plan, Report, ReportingPeriod, ReportStatus


@dataclass(frozen=True)
class OfficeSummary:
    awaiting_review: int
    returned: int
    overdue: int
    submitted_late: int
    dead_links: int

    @property
    def late(self) -> int:
        return self.overdue + self.submitted_late


def office_summary(*, plan: Plan, period: ReportingPeriod | None,
                   today: dt.date | None = None) -> OfficeSummary:
    """Reports waiting for review and returned (whole plan), reports missing or sent
    after ``period``'s deadline, and evidence links found dead (four queries)."""
    today = today or timezone.localdate()
    reports = Report.objects.filter(assignment__task__plan=plan)
    by_status = dict(reports.order_by().values_list("status").annotate(n=Count("id")))
    overdue = late = 0
    if period is not None:
        day_after = timezone.make_aware(
            dt.datetime.combine(period.deadline + dt.timedelta(days=1), dt.time.min))
        sent = reports.filter(period=period).exclude(status=ReportStatus.DRAFT).aggregate(
            sent=Count("id"), late=Count("id", filter=Q(first_submitted_at__gte=day_after)))
        late = sent["late"]
        if today > period.deadline:
            expected = Assignment.objects.filter(task__plan=plan).count()
            overdue = max(expected - sent["sent"], 0)
    dead = (Evidence.objects.filter(report__assignment__task__plan=plan, is_dead=True)
            .exclude(report__status=ReportStatus.DRAFT).count())
    return OfficeSummary(by_status.get(ReportStatus.SUBMITTED, 0),
                         by_status.get(ReportStatus.RETURNED, 0), overdue, late, dead)
