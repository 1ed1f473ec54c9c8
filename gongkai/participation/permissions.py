"""Who may see and do what in public participation. Every view, download and admin page
of this app asks these functions; nothing else decides.

Organised by part, each under its own heading: consultations, decision meetings, and
(added by its own module's author) leader messages. Public pages never use these
staff querysets: they start from ``gongkai.publishing.selectors.published_visible_to``
(consultations, feedback reports) or ``meetings_public`` (meetings).
"""
from django.db.models import QuerySet

from gongkai.participation.models import Consultation, Meeting, MeetingStatus


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def _own_unit_id(user) -> int | None:
    """The unit whose participation work ``user`` handles, for unit staff."""
    if _signed_in(user) and user.is_unit_staff:
        return user.unit_id
    return None


# ---------------------------------------------------------------------------------
# Consultations (公开征求意见, tasks 22–23)
# ---------------------------------------------------------------------------------

def can_create_consultation(user) -> bool:
    return _signed_in(user) and (user.is_office_admin or _own_unit_id(user) is not None)


def consultations_visible_to(user) -> QuerySet[Consultation]:
    """The staff side: the office sees every unit's consultations, unit staff their own
    unit's (drafts included); nobody else any."""
    qs = Consultation.objects.all()
    if not _signed_in(user):
        return qs.none()
    if user.is_office_admin:
        return qs
    unit_id = _own_unit_id(user)
    return qs.filter(unit_id=unit_id) if unit_id else qs.none()


def can_manage_consultation(user, consultation: Consultation) -> bool:
    """Edit, split articles, attach materials, read comments with their contact details,
    decide comments, generate and submit the feedback report."""
    if not _signed_in(user):
        return False
    return user.is_office_admin or _own_unit_id(user) == consultation.unit_id


# ---------------------------------------------------------------------------------
# Decision meetings with public representatives (task 24)
# ---------------------------------------------------------------------------------

PUBLIC_MEETING_STATUSES = (MeetingStatus.ANNOUNCED, MeetingStatus.HELD)


def can_create_meeting(user) -> bool:
    return can_create_consultation(user)


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """The staff side: the office all, unit staff their own unit's."""
    qs = Meeting.objects.all()
    if not _signed_in(user):
        return qs.none()
    if user.is_office_admin:
        return qs
    unit_id = _own_unit_id(user)
    return qs.filter(unit_id=unit_id) if unit_id else qs.none()


def meetings_public() -> QuerySet[Meeting]:
    """What anyone may read: announced and held meetings (never drafts or cancelled)."""
    return Meeting.objects.filter(status__in=PUBLIC_MEETING_STATUSES)


def can_manage_meeting(user, meeting: Meeting) -> bool:
    """Edit, announce, record as held, read sign-ups with their contact details and
    select representatives."""
    if not _signed_in(user):
        return False
    return user.is_office_admin or _own_unit_id(user) == meeting.unit_id


def can_record_for_district_government(user) -> bool:
    """The district government's own meetings count towards its target of 3: the office
    records them (from the minutes of 区政府常务会议)."""
    return _signed_in(user) and user.is_office_admin


def can_view_meeting_targets(user) -> bool:
    """Who has met the year's target: the office, and supervisors read-only."""
    return _signed_in(user) and (user.is_office_admin or user.is_supervisor)
