"""Who may see and do what in the register, the checks and the spot checks.

The office (区政务公开办) runs everything across units: it approves openings and
closings, edits the rules, samples, reviews findings, issues and verifies notices.
Unit staff see their own unit's sites, accounts and notices, ask to open or close and
answer notices. Supervisors read the register and the published results."""
from django.db.models import QuerySet

from gongkai.websites.models import (
    NewMediaAccount,
    Rectification,
    RectStatus,
    SpotCheck,
    Website,
)


def _office(user) -> bool:
    return bool(user.is_authenticated and user.is_office_admin)


def _staff(user) -> bool:
    return bool(user.is_authenticated and user.is_unit_staff and user.unit_id)


def can_view_register(user) -> bool:
    return _office(user) or _staff(user) or (user.is_authenticated and user.is_supervisor)


def websites_visible_to(user) -> QuerySet[Website]:
    qs = Website.objects.select_related("unit")
    if _office(user) or (user.is_authenticated and user.is_supervisor):
        return qs
    if _staff(user):
        return qs.filter(unit_id=user.unit_id)
    return qs.none()


def accounts_visible_to(user) -> QuerySet[NewMediaAccount]:
    qs = NewMediaAccount.objects.select_related("unit")
    if _office(user) or (user.is_authenticated and user.is_supervisor):
        return qs
    if _staff(user):
        return qs.filter(unit_id=user.unit_id)
    return qs.none()


def can_register(user) -> bool:
    """Unit staff ask to open a site or file an account for their unit; the office may
    register for any unit (the existing register, moved in)."""
    return _office(user) or _staff(user)


def can_edit_entry(user, entry) -> bool:
    """The unit that runs it keeps its details current; the office may correct them."""
    return _office(user) or (_staff(user) and entry.unit_id == user.unit_id)


def can_decide(user) -> bool:
    """Approving an opening or a closing is the office's decision (47号, 123号)."""
    return _office(user)


def can_run_checks(user, website: Website) -> bool:
    return can_edit_entry(user, website)


def can_manage_spot_checks(user) -> bool:
    return _office(user)


def spot_checks_visible_to(user) -> QuerySet[SpotCheck]:
    if _office(user) or (user.is_authenticated and user.is_supervisor):
        return SpotCheck.objects.all()
    return SpotCheck.objects.none()


def rectifications_visible_to(user) -> QuerySet[Rectification]:
    qs = Rectification.objects.select_related("unit", "spot_check")
    if _office(user):
        return qs
    if _staff(user):
        return qs.filter(unit_id=user.unit_id)
    return qs.none()


def can_answer(user, rectification: Rectification) -> bool:
    """The unit answers while the notice is open (issued, or returned to it)."""
    return (_staff(user) and rectification.unit_id == user.unit_id
            and rectification.status in (RectStatus.ISSUED, RectStatus.RETURNED))


def can_verify(user, rectification: Rectification) -> bool:
    return _office(user) and rectification.status == RectStatus.ANSWERED


def can_edit_rules(user) -> bool:
    return _office(user)
