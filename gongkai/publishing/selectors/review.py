"""Reads of the review desk: open rounds with their items, and an item's history."""
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from gongkai.publishing.models import (
    Finding,
    FindingStatus,
    Review,
    ReviewDecision,
    ReviewLevel,
    ReviewRoute,
    ReviewStatus,
)
from gongkai.publishing.permissions import decision_refusal, is_review_staff
from gongkai.publishing.selectors import routes_by_unit


@dataclass
class DeskRow:
    review: Review
    obj: object
    route: ReviewRoute | None
    open_findings: int

    @property
    def level_label(self) -> str:
        return str(ReviewLevel(self.review.current_level).label)


def _objects_of(reviews: list[Review]) -> dict[tuple[int, int], object]:
    """The reviewed items, one query per content type."""
    ids = defaultdict(set)
    for review in reviews:
        ids[review.content_type].add(review.object_id)
    found = {}
    for content_type, pks in ids.items():
        model = content_type.model_class()
        for obj in model.objects.filter(pk__in=pks).select_related("unit", "author"):
            found[(content_type.pk, obj.pk)] = obj
    return found


def _open_counts(reviews: list[Review]) -> dict[tuple[int, int], int]:
    rows = (Finding.objects.filter(status=FindingStatus.OPEN,
                                   object_id__in={r.object_id for r in reviews})
            .values("content_type_id", "object_id").annotate(n=Count("id")))
    return {(r["content_type_id"], r["object_id"]): r["n"] for r in rows}


def review_desk(user) -> list[DeskRow]:
    """The open rounds whose current level ``user`` may decide now, oldest first."""
    if not is_review_staff(user):
        return []
    reviews = list(Review.objects.filter(status=ReviewStatus.OPEN)
                   .select_related("content_type", "author")
                   .prefetch_related("decisions").order_by("submitted_at", "pk"))
    objects, counts, routes = _objects_of(reviews), _open_counts(reviews), routes_by_unit()
    rows = []
    for review in reviews:
        obj = objects.get((review.content_type_id, review.object_id))
        if obj is None:
            continue
        route = routes.get(obj.unit_id) or routes.get(None)
        decided_by = {d.reviewer_id for d in review.decisions.all()}
        if decision_refusal(user, review, obj, route, decided_by) == "":
            rows.append(DeskRow(review, obj, route,
                                counts.get((review.content_type_id, review.object_id), 0)))
    return rows


def rounds_of(review: Review) -> list[Review]:
    """Every round of the item ``review`` belongs to, newest first, with decisions."""
    return list(Review.objects.filter(content_type=review.content_type_id,
                                      object_id=review.object_id)
                .prefetch_related("decisions__reviewer").order_by("-submitted_at", "-pk"))


def findings_for(review: Review) -> list[Finding]:
    return list(Finding.objects.filter(content_type=review.content_type_id,
                                       object_id=review.object_id)
                .select_related("resolved_by").order_by("status", "source", "start", "pk"))


def decided_by(review: Review) -> set[int]:
    return set(ReviewDecision.objects.filter(review=review).values_list("reviewer_id",
                                                                        flat=True))


def latest_review_of(obj) -> Review | None:
    """The item's most recent review round, for a link from the item's own page."""
    return (Review.objects.filter(content_type=ContentType.objects.get_for_model(obj),
                                  object_id=obj.pk).order_by("-submitted_at", "-id").first())


def reviewers_to_tell(review: Review, obj) -> list:
    """Who may decide the current level of ``review`` now: the route's listed
    reviewers, else the reviewers of the item's unit and of the office; the office
    admins only when no reviewer may (they may review anything, and would otherwise
    hear of every item of every unit)."""
    from django.contrib.auth import get_user_model

    from gongkai.orgs.models import Role
    from gongkai.publishing.permissions import decision_refusal
    from gongkai.publishing.selectors import route_for

    route, decided = route_for(obj.unit_id), decided_by(review)
    users = (get_user_model().objects.filter(role__in=[Role.REVIEWER, Role.OFFICE_ADMIN],
                                             is_active=True)
             .select_related("unit").order_by("id"))
    allowed = [u for u in users if not decision_refusal(u, review, obj, route, decided)]
    reviewers = [u for u in allowed if u.role == Role.REVIEWER]
    return reviewers or allowed
