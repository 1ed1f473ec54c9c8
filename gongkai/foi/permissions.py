"""Who may see and do what with disclosure applications. Views, downloads, admin and
APIs of this app ask these functions; nothing else decides."""
from django.db.models import Q, QuerySet

from gongkai.core.scoping import unit_scoped
from gongkai.foi.models import Application


def can_manage_foi(user) -> bool:
    """The office: every unit's applications, statistics, templates, calendar."""
    return user.is_authenticated and user.is_office_admin


def applications_visible_to(user) -> QuerySet[Application]:
    """Staff see their unit's applications and those their unit co-handles; the office
    sees all; a signed-in applicant sees their own."""
    return unit_scoped(Application.objects.all(), user,
                       field=("unit_id", "co_handlings__unit_id"),
                       otherwise=Q(public_user=user))


def can_handle_application(user, application: Application) -> bool:
    """Move the application through its workflow: the handling unit's staff and the office."""
    return user.is_authenticated and (
        user.is_office_admin or (user.is_unit_staff and user.unit_id == application.unit_id)
    )


def can_see_personal_data(user, application: Application) -> bool:
    """ID numbers, phones, addresses: the handling unit's staff and the office only
    (a co-handling unit sees the request, not the person)."""
    return can_handle_application(user, application)


def can_approve_extension(user, application: Application) -> bool:
    """The unit's disclosure head approves extensions (Art. 33); the platform records the
    approver's name and lets the handling staff or the office enter it."""
    return can_handle_application(user, application)


def can_view_foi_stats(user, unit) -> bool:
    """Annual-report tables: the office for any unit or the district; unit staff for
    their own unit only."""
    if can_manage_foi(user):
        return True
    return (user.is_authenticated and user.is_unit_staff and unit is not None
            and user.unit_id == unit.pk)
