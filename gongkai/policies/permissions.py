"""Who may read and change policy documents. Every view, download, API and the search
ask these functions; nothing else decides.

Two questions are kept apart: who may *read* published content (the library and the
search: audience rules of task 36), and who may *manage* documents (the staff pages:
a unit's own documents in any state; the office everything; never another unit's
unpublished work).
"""
from django.db.models import Q, QuerySet

from gongkai.policies.models import PolicyDocument
from gongkai.publishing.models import Audience, PublicationStatus
from gongkai.publishing.permissions import EDITABLE as _EDITABLE


def _is_government_staff(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.unit_id
                and not user.is_supervisor and user.role != "public")


def readable_condition(user) -> Q:
    """The audience part of reading published content, as a filter on documents."""
    if user is not None and user.is_authenticated and user.is_office_admin:
        return Q()
    if _is_government_staff(user):
        return (Q(audience__in=[Audience.PUBLIC, Audience.STAFF])
                | Q(audience=Audience.UNITS, pk__in=PolicyDocument.audience_units.through
                    .objects.filter(unit_id=user.unit_id).values("policydocument_id")))
    return Q(audience=Audience.PUBLIC)


def documents_visible_to(user) -> QuerySet[PolicyDocument]:
    """Published documents ``user`` may read: the public sees those for the public;
    government staff also those for staff and for their own unit; the office all."""
    return PolicyDocument.objects.filter(
        readable_condition(user), publication_status=PublicationStatus.PUBLISHED)


def can_manage_documents(user) -> bool:
    """Use the staff pages at all: the office and unit staff."""
    return bool(user.is_authenticated and (user.is_office_admin or user.is_unit_staff))


def documents_manageable_by(user) -> QuerySet[PolicyDocument]:
    """The documents the staff pages list and open for ``user``."""
    qs = PolicyDocument.objects.all()
    if user.is_authenticated and user.is_office_admin:
        return qs
    if user.is_authenticated and user.is_unit_staff and user.unit_id:
        return qs.filter(unit_id=user.unit_id)
    return qs.none()


def can_view_document(user, document: PolicyDocument) -> bool:
    return documents_manageable_by(user).filter(pk=document.pk).exists()


def can_edit_document(user, document: PolicyDocument) -> bool:
    """Change the text: the unit's staff while it is a draft or returned; the office
    also after publication (corrections go back through review)."""
    if not user.is_authenticated:
        return False
    if user.is_office_admin:
        return True
    return (user.is_unit_staff and user.unit_id == document.unit_id
            and document.publication_status in _EDITABLE)


def can_change_validity(user, document: PolicyDocument) -> bool:
    """Mark a published document amended or repealed: its unit's staff or the office."""
    if not user.is_authenticated:
        return False
    return user.is_office_admin or (user.is_unit_staff and user.unit_id == document.unit_id)


def can_submit_document(user, document: PolicyDocument) -> bool:
    return can_edit_document(user, document) and document.publication_status in _EDITABLE


def can_create_for_unit(user, unit) -> bool:
    return bool(user.is_authenticated and (
        user.is_office_admin or (user.is_unit_staff and user.unit_id == unit.pk)))


def can_manage_district_lists(user) -> bool:
    """Gazette issues and the public-enterprise column are kept by the office."""
    return bool(user.is_authenticated and user.is_office_admin)


def can_enter_decision_counts(user, unit) -> bool:
    return can_create_for_unit(user, unit)
