def can_edit_calendar(user) -> bool:
    """The holiday calendar decides every statutory deadline: the office edits it."""
    return user.is_authenticated and user.is_office_admin


def can_view_calendar(user) -> bool:
    return user.is_authenticated and (user.is_office_admin or user.unit_id is not None)
