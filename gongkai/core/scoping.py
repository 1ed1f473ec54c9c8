"""The unit-scoped queryset most staff lists start from."""
from django.db.models import QuerySet


def unit_scoped(queryset: QuerySet, user, *, reviewers: bool = False,
                field: str = "unit_id") -> QuerySet:
    """The office: every row; a unit's staff (and its reviewers, with ``reviewers``):
    the rows of their own unit; anyone else, signed in or not: none."""
    if user is None or not user.is_authenticated:
        return queryset.none()
    if user.is_office_admin:
        return queryset
    may = user.is_unit_staff or (reviewers and user.is_reviewer)
    if may and user.unit_id:
        return queryset.filter(**{field: user.unit_id})
    return queryset.none()
