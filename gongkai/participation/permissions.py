"""Who may see and do what in public participation. Every view, download and admin page
of this app asks these functions; nothing else decides.

Organised by part, each under its own heading: consultations, decision meetings, and
(added by its own module's author) leader messages. Public pages never use these
staff querysets: they start from ``gongkai.publishing.selectors.published_visible_to``
(consultations, feedback reports) or ``meetings_public`` (meetings).
"""
from django.db.models import QuerySet

from gongkai.core.scoping import unit_scoped
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
    return unit_scoped(Consultation.objects.all(), user)


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
    return unit_scoped(Meeting.objects.all(), user)


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


# ---------------------------------------------------------------------------------
# Leader messages (领导留言, task 21)
# ---------------------------------------------------------------------------------
# The office reads and assigns every message. A unit's staff (and its reviewers) read
# the messages assigned to their unit, never a message still in the office's inbox or
# one assigned elsewhere. The public read published messages (selectors.messages.
# public_messages) and, with the query code, their own.

def messages_visible_to(user) -> QuerySet:
    """Messages ``user`` may open on the staff pages."""
    from gongkai.participation.models import Message

    return unit_scoped(Message.objects.all(), user, reviewers=True)


def can_use_message_desk(user) -> bool:
    """Open the staff pages of the messages at all: the office and unit staff."""
    return _signed_in(user) and (user.is_office_admin or user.is_unit_staff)


def can_manage_messages(user) -> bool:
    """Assign, transfer, reject, link messages to policy responses: the office."""
    return _signed_in(user) and user.is_office_admin


def can_reply_message(user, message) -> bool:
    """Draft and submit the reply, or hand the message back: the unit it is assigned to
    (and the office, which may answer on a unit's behalf)."""
    if not _signed_in(user) or message.unit_id is None:
        return False
    return user.is_office_admin or _own_unit_id(user) == message.unit_id


def can_see_message_contact(user, message) -> bool:
    """The writer's phone and e-mail: the office and the handling unit's staff."""
    return can_manage_messages(user) or can_reply_message(user, message)
