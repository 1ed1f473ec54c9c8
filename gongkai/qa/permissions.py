"""Who may do what with the Q&A library. Views, templates and tests ask these only.

Units write and submit their own entries; the office sees and edits all of them and
tunes the answering (thresholds; the lexicon app holds the synonyms) and reads the statistics. Staff of any unit
may read published entries and test questions. A unit never sees another unit's
unpublished entries. Queued questions hold no personal data: a unit sees the ones
assigned to it and the ones nobody has been assigned yet.
"""
from django.db.models import Q, QuerySet

from gongkai.publishing.models import PublicationStatus
from gongkai.publishing.permissions import EDITABLE
from gongkai.qa.models import PendingQuestion, QaEntry


def _staff(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_office_admin or (
        user.is_unit_staff and user.unit_id)))


def can_use_library(user) -> bool:
    return _staff(user)


def entries_visible_to(user) -> QuerySet[QaEntry]:
    if not _staff(user):
        return QaEntry.objects.none()
    if user.is_office_admin:
        return QaEntry.objects.all()
    return QaEntry.objects.filter(
        Q(unit_id=user.unit_id) | Q(publication_status=PublicationStatus.PUBLISHED))


def can_create_entry(user) -> bool:
    return _staff(user)


def can_edit_entry(user, entry: QaEntry) -> bool:
    return (_staff(user) and entry.publication_status in EDITABLE
            and (user.is_office_admin or entry.unit_id == user.unit_id))


def can_submit_entry(user, entry: QaEntry) -> bool:
    return can_edit_entry(user, entry)


def can_add_phrasing(user, entry: QaEntry) -> bool:
    """Another phrasing of an entry (from the queue of unanswered questions): the office,
    or the entry's own unit. It only helps find the entry, so it needs no new review."""
    return _staff(user) and (user.is_office_admin or entry.unit_id == user.unit_id)


def can_tune(user) -> bool:
    """Thresholds change every answer: the office's call (as the lexicon is)."""
    return bool(user and user.is_authenticated and user.is_office_admin)


def can_view_stats(user) -> bool:
    return can_tune(user)


def pending_visible_to(user) -> QuerySet[PendingQuestion]:
    if not _staff(user):
        return PendingQuestion.objects.none()
    if user.is_office_admin:
        return PendingQuestion.objects.all()
    return PendingQuestion.objects.filter(Q(unit_id=user.unit_id) | Q(unit__isnull=True))


def can_answer_pending(user, pending: PendingQuestion) -> bool:
    return pending_visible_to(user).filter(pk=pending.pk).exists()


def can_assign_pending(user) -> bool:
    return can_tune(user)
