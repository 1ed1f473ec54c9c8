"""A real installation's first rows: the disclosure office and its first administrator.

The demo (``load_demo``) creates a whole district with known users; a deployment starts
with only these two, and the administrator registers the units from the web pages.
"""
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.orgs.events import OrgsEvent
from gongkai.orgs.models import Role, Unit, UnitCategory
from gongkai.orgs.services import unit_create


@transaction.atomic
def office_ensure(*, name: str) -> Unit:
    """The one unit marked as the disclosure office, created under ``name`` if none is."""
    office = Unit.objects.filter(is_office=True).first()
    if office is not None:
        return office
    office = Unit.objects.filter(name=name).first() or unit_create(
        name=name, category=UnitCategory.OTHER)
    office.is_office = True
    office.save(update_fields=["is_office"])
    return office


def office_admin_exists() -> bool:
    return get_user_model().objects.filter(role=Role.OFFICE_ADMIN, is_active=True).exists()


@transaction.atomic
def office_admin_create(*, office: Unit, username: str, password: str, email: str = ""):
    User = get_user_model()
    username = username.strip()
    if not username:
        raise ApplicationError(_("用户名不能为空。"))
    if User.objects.filter(username=username).exists():
        raise ApplicationError(_("用户名“%(u)s”已被使用。") % {"u": username})
    user = User(username=username, email=email.strip(), role=Role.OFFICE_ADMIN, unit=office,
                is_staff=True, is_superuser=True)
    try:
        validate_password(password, user)
    except Exception as error:  # ValidationError: its messages are already in Chinese
        raise ApplicationError(" ".join(getattr(error, "messages", [str(error)]))) from error
    user.set_password(password)
    user.full_clean()
    user.save()
    record_event(obj=user, action=OrgsEvent.USER_CREATED, details={
        "username": username, "role": Role.OFFICE_ADMIN, "by": "install"})
    return user
