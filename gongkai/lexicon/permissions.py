"""Who may read and change the lexicon. Views, templates and tests ask these only.

Every staff member may read it (it explains why the Q&A and the search matched); only
the office changes it, since one group changes the answers to every question."""


def can_view_lexicon(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_office_admin or (
        user.is_unit_staff and user.unit_id)))


def can_edit_lexicon(user) -> bool:
    return bool(user and user.is_authenticated and user.is_office_admin)
