"""Who may see and do what with plans, ledgers and reports. Every view, download,
admin page and API of this app asks these functions; nothing else decides."""
from django.db.models import Q, QuerySet

from gongkai.plans.models import Assignment, Evidence, Report, ReportStatus

# The report states a unit may still write in (the one definition; services import it).
EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


def _staff_unit_id(user) -> int | None:
    if user.is_authenticated and (user.is_unit_staff or user.is_reviewer):
        return user.unit_id
    return None


def can_manage_plans(user) -> bool:
    """Import plans, edit the registry's use in plans, review, score, issue notices."""
    return user.is_authenticated and user.is_office_admin


def can_view_progress(user) -> bool:
    """Read district-wide progress: the office and supervisors (read-only)."""
    return user.is_authenticated and (user.is_office_admin or user.is_supervisor)


def can_view_notices(user) -> bool:
    """通报 go to every unit: any signed-in member of the government side reads them."""
    return user.is_authenticated and (
        user.is_office_admin or user.is_supervisor or (user.unit_id is not None)
    )


def assignments_visible_to(user) -> QuerySet[Assignment]:
    qs = Assignment.objects.all()
    if can_view_progress(user):
        return qs
    unit_id = _staff_unit_id(user)
    return qs.filter(unit_id=unit_id) if unit_id else qs.none()


def reports_visible_to(user) -> QuerySet[Report]:
    """A unit sees all of its own reports; the office and supervisors see what units
    have submitted, never a draft."""
    qs = Report.objects.all()
    if can_view_progress(user):
        return qs.exclude(status=ReportStatus.DRAFT)
    unit_id = _staff_unit_id(user)
    return qs.filter(assignment__unit_id=unit_id) if unit_id else qs.none()


def evidence_visible_to(user) -> QuerySet[Evidence]:
    return Evidence.objects.filter(report__in=reports_visible_to(user))


def can_edit_breakdowns_of(user, unit) -> bool:
    """Change a unit's breakdowns (one by one or by Excel): the office, or its own staff."""
    return user.is_authenticated and (
        user.is_office_admin or (user.is_unit_staff and user.unit_id == unit.pk)
    )


def can_edit_breakdown(user, assignment: Assignment) -> bool:
    return user.is_authenticated and (
        user.is_office_admin or (user.is_unit_staff and user.unit_id == assignment.unit_id)
    )


def can_edit_report(user, report: Report) -> bool:
    """Only the unit's own staff write a report, and only while it is theirs to change."""
    return (
        user.is_authenticated
        and user.is_unit_staff
        and user.unit_id == report.assignment.unit_id
        and report.status in EDITABLE
    )


def can_review_report(user, report: Report) -> bool:
    return can_manage_plans(user) and report.status == ReportStatus.SUBMITTED


def can_view_history(user) -> bool:
    return user.is_authenticated and (user.is_office_admin or user.is_supervisor)


def units_filter_for(user) -> Q:
    """A Q on ``unit`` limiting unit-level rows (ledgers, scores) to what ``user`` sees."""
    if can_view_progress(user):
        return Q()
    unit_id = _staff_unit_id(user)
    return Q(unit_id=unit_id) if unit_id else Q(pk__in=[])


def may_see_todo(user) -> bool:
    """A unit's own to-do list: its staff and its reviewers (who read, not write)."""
    return bool(user.is_authenticated and user.unit_id
                and (user.is_unit_staff or user.is_reviewer))
