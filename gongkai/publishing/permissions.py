"""Who may review, resolve findings, edit catalogs and configure routes. Every view and
service of the publishing app asks these functions; nothing else decides.

Reviewers of an item are the users with the reviewer role or the office admins who are
listed on the route that applies to the item's unit (its own route, else the district
default). A route that lists nobody lets the office admins, the reviewers of the item's
unit and the reviewers of the office review. Nobody reviews content they drafted or
submitted, and nobody decides two levels of the same round.
"""
from gongkai.publishing.models import PublicationStatus, Review, ReviewRoute

# The one definition of the publication states in which content may be edited and
# (re)submitted: off the public site and not under review. WITHDRAWN belongs here
# because the transition table sends withdrawn content back to review: it is withdrawn
# to be corrected. Every app with publishable content imports this set.
EDITABLE = (PublicationStatus.DRAFT, PublicationStatus.RETURNED, PublicationStatus.WITHDRAWN)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def is_review_staff(user) -> bool:
    """May open the review desk at all."""
    return _signed_in(user) and (user.is_reviewer or user.is_office_admin)


def may_review_for(user, unit_id: int, route: ReviewRoute | None) -> bool:
    """``user`` is one of the reviewers of content of ``unit_id`` under ``route``."""
    if not is_review_staff(user):
        return False
    listed = list(route.reviewers.all()) if route is not None else []
    if listed:
        return any(r.pk == user.pk for r in listed)
    if user.is_office_admin:
        return True
    return user.unit_id == unit_id or bool(user.unit and user.unit.is_office)


def authors_of(review: Review, obj) -> set[int]:
    return {pk for pk in (review.author_id, getattr(obj, "author_id", None)) if pk}


def decision_refusal(user, review: Review, obj, route: ReviewRoute | None,
                     decided_by: set[int]) -> str:
    """Why ``user`` may not decide the current level now ('' when they may).
    ``decided_by`` holds the ids of those who decided earlier levels of the round."""
    if user.pk in authors_of(review, obj):
        return "author"
    if user.pk in decided_by:
        return "decided"
    if not may_review_for(user, obj.unit_id, route):
        return "not_reviewer"
    return ""


def can_view_review(user, obj, route: ReviewRoute | None) -> bool:
    """The item's reviewers, the office, and the staff of the item's own unit."""
    if not _signed_in(user):
        return False
    return (user.is_office_admin or may_review_for(user, obj.unit_id, route)
            or (user.is_unit_staff and user.unit_id == obj.unit_id))


def can_change_text(user, obj, route: ReviewRoute | None) -> bool:
    """Mask or remove a finding: the item's own unit, its reviewers and the office."""
    return can_view_review(user, obj, route)


def can_accept_finding(user, obj, route: ReviewRoute | None, review: Review | None) -> bool:
    """Accepting a finding is a reviewer's judgment, never the author's."""
    if not (user.is_office_admin or may_review_for(user, obj.unit_id, route)):
        return False
    authors = authors_of(review, obj) if review else {getattr(obj, "author_id", None)}
    return user.pk not in authors


def can_submit_content(user, obj) -> bool:
    """Staff of the item's unit (and the office) submit it for review."""
    return _signed_in(user) and (
        user.is_office_admin or (user.is_unit_staff and user.unit_id == obj.unit_id))


def can_withdraw_content(user, obj) -> bool:
    return can_submit_content(user, obj)


def can_manage_routes(user) -> bool:
    return _signed_in(user) and user.is_office_admin


def can_view_catalog_of(user, unit) -> bool:
    return _signed_in(user) and (
        user.is_office_admin
        or ((user.is_unit_staff or user.is_reviewer) and user.unit_id == unit.pk))


def can_edit_catalog_item(user, item) -> bool:
    return can_submit_content(user, item) and item.publication_status in EDITABLE


def can_edit_catalog_of(user, unit) -> bool:
    return _signed_in(user) and (
        user.is_office_admin or (user.is_unit_staff and user.unit_id == unit.pk))
