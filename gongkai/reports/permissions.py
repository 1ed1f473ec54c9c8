"""Who may see and do what with indicators, records, the assessment and the annual
report. Every view and command of this app asks these functions."""
from django.db.models import QuerySet

from gongkai.publishing.models import Audience, PublicationStatus
from gongkai.reports.models import AnnualReport, WorkRecord


def _is_office(user) -> bool:
    return user.is_authenticated and user.is_office_admin


def can_manage_indicators(user) -> bool:
    """Link indicators to tasks and set targets, edit the assessment scheme, adjust
    scores, draft and move the 通报: the disclosure office."""
    return _is_office(user)


def can_view_assessment(user) -> bool:
    """The office and the supervisors read the whole assessment (task 60)."""
    return user.is_authenticated and (user.is_office_admin or user.is_supervisor)


def can_view_records_of(user, unit_id: int | None) -> bool:
    """The records behind a number: the office and supervisors for any unit and the
    district; a unit's own staff for that unit only."""
    if can_view_assessment(user):
        return True
    return (user.is_authenticated and unit_id is not None and user.unit_id == unit_id
            and (user.is_unit_staff or user.is_reviewer))


def can_add_record_for(user, unit) -> bool:
    """Record a meeting or training: the unit's own staff, or the office for any unit."""
    return _is_office(user) or (user.is_authenticated and user.is_unit_staff
                                and user.unit_id == unit.pk)


def work_records_visible_to(user) -> QuerySet[WorkRecord]:
    if can_view_assessment(user):
        return WorkRecord.objects.all()
    if user.is_authenticated and user.unit_id and (user.is_unit_staff or user.is_reviewer):
        return WorkRecord.objects.filter(unit_id=user.unit_id)
    return WorkRecord.objects.none()


def annual_reports_visible_to(user) -> QuerySet[AnnualReport]:
    """Staff see their unit's reports in any state; the office and supervisors all."""
    if can_view_assessment(user):
        return AnnualReport.objects.all()
    if user.is_authenticated and user.unit_id and (user.is_unit_staff or user.is_reviewer):
        return AnnualReport.objects.filter(unit_id=user.unit_id, is_district=False)
    return AnnualReport.objects.none()


def can_generate_annual_report(user, unit) -> bool:
    """A unit draws up its own report; the office the district's (unit None) and, to
    help, any unit's."""
    if unit is None:
        return _is_office(user)
    return _is_office(user) or (user.is_authenticated and user.is_unit_staff
                                and user.unit_id == unit.pk)


def can_edit_annual_report(user, report: AnnualReport) -> bool:
    if report.is_district:
        return _is_office(user)
    return can_generate_annual_report(user, report.unit)


def published_annual_reports() -> QuerySet[AnnualReport]:
    """What the portal shows: published, for the public."""
    return AnnualReport.objects.filter(publication_status=PublicationStatus.PUBLISHED,
                                       audience=Audience.PUBLIC)
