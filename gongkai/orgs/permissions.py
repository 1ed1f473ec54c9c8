"""Who may read and change the unit registry and the users. Views, admin and templates
of this app ask these functions; nothing else decides."""
from gongkai.orgs.models import Role


def can_edit_registry(user) -> bool:
    """Create and edit units, aliases and groups: the disclosure office only."""
    return bool(user.is_authenticated and user.is_office_admin)


def can_view_registry(user) -> bool:
    """Read the registry: every government-side user (the public has no use for it)."""
    return bool(user.is_authenticated and (user.is_office_admin or user.role != Role.PUBLIC))


def can_view_registry_history(user) -> bool:
    """Read who changed the registry and when: the office only."""
    return can_edit_registry(user)
