"""Reads for the review side: the queue of submitted reports and the dead links."""
from django.db.models import Count, Q, QuerySet

from gongkai.plans.models import Evidence, EvidenceKind, Report, ReportStatus
from gongkai.plans.permissions import evidence_visible_to, reports_visible_to


def review_queue(*, user, period=None) -> QuerySet[Report]:
    """Submitted reports waiting for the office, oldest submission first, each with the
    number of its dead evidence links."""
    reports = (reports_visible_to(user).filter(status=ReportStatus.SUBMITTED)
               .select_related("assignment__unit", "assignment__task", "period")
               .annotate(dead_links=Count("evidence", filter=Q(evidence__is_dead=True)))
               .order_by("submitted_at", "pk"))
    if period is not None:
        reports = reports.filter(period=period)
    return reports


def dead_links(*, user, plan=None) -> QuerySet[Evidence]:
    """Evidence links found dead at their last check, among what ``user`` may see."""
    links = (evidence_visible_to(user).filter(kind=EvidenceKind.LINK, is_dead=True)
             .select_related("report__assignment__unit", "report__assignment__task",
                             "report__period")
             .order_by("report__assignment__unit__sort_order",
                       "report__assignment__unit__name", "report__assignment__task__number"))
    if plan is not None:
        links = links.filter(report__period__plan=plan)
    return links

