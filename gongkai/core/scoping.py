"""The unit-scoped queryset most staff lists start from."""
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet


def unit_scoped(queryset: QuerySet, user, *, reviewers: bool = False,
                field: str | tuple[str, ...] = "unit_id",
                otherwise: Q | None = None) -> QuerySet:
    """The office: every row; a unit's staff (and its reviewers, with ``reviewers``):
    the rows whose ``field`` is their unit (any of several fields, e.g. the handling
    unit or a co-handling one, each row once); anyone else signed in: the rows matching
    ``otherwise`` (e.g. their own applications), or none; not signed in: none."""
    if user is None or not user.is_authenticated:
        return queryset.none()
    if user.is_office_admin:
        return queryset
    may = user.is_unit_staff or (reviewers and user.is_reviewer)
    if may and user.unit_id:
        fields = (field,) if isinstance(field, str) else field
        scoped = queryset.filter(reduce(or_, (Q(**{f: user.unit_id}) for f in fields)))
        # A field across a to-many relation (co-handling units) repeats a row per match.
        return scoped.distinct() if len(fields) > 1 else scoped
    return queryset.none() if otherwise is None else queryset.filter(otherwise)
