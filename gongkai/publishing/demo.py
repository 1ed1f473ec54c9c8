"""Publishing demo content the way real content is published: through the review.

Each module's demo calls ``publish_through_review``; no demo writes a publication status
itself. When no existing reviewer or office administrator may decide a level (the author
cannot, nor someone who decided an earlier level), demo reviewers of the disclosure
office are created once, without a usable password.
"""
from django.contrib.auth import get_user_model

from gongkai.orgs.huangpu import demo_office
from gongkai.orgs.models import Role
from gongkai.publishing.models import Review, ReviewStatus
from gongkai.publishing.permissions import decision_refusal
from gongkai.publishing.selectors import route_for
from gongkai.publishing.services import content_submit_for_review, review_decide

DEMO_REVIEWERS = ("demo_reviewer_1", "demo_reviewer_2", "demo_reviewer_3")


def publish_through_review(*, obj, author) -> Review:
    """Submit ``obj`` as ``author`` and pass every level, each by a different reviewer."""
    return pass_every_level(content_submit_for_review(obj=obj, actor=author), obj)


def pass_every_level(review: Review, obj) -> Review:
    """Pass the open ``review`` of ``obj`` to the end, each level by another reviewer."""
    while review.status == ReviewStatus.OPEN:
        decided = set(review.decisions.values_list("reviewer_id", flat=True))
        review_decide(review=review, reviewer=demo_reviewer_for(review, obj, decided),
                      passed=True)
        review.refresh_from_db()
    obj.refresh_from_db()
    return review


def demo_reviewer_for(review: Review, obj, decided: set[int]):
    """Someone allowed to decide the review's current level."""
    route = route_for(obj.unit_id)
    users = get_user_model().objects.filter(role__in=[Role.REVIEWER, Role.OFFICE_ADMIN],
                                            is_active=True)
    for user in users.select_related("unit").order_by("id"):
        if not decision_refusal(user, review, obj, route, decided):
            return user
    office = demo_office()
    for n, username in enumerate(DEMO_REVIEWERS, start=1):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"role": Role.REVIEWER, "unit": office,
                                         "display_name": f"演示审核人{n}"})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        if not decision_refusal(user, review, obj, route, decided):
            return user
    raise RuntimeError("no reviewer may decide this level of the demo review")
