"""Receivers of the publishing app's own domain events, connected in
``PublishingConfig.ready``: an item routed to a level tells who may decide it; a return
or the publication tells the item's drafter and submitter (unless the item's own app
tells of it: ``tells_own_review_outcome``)."""
from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gongkai.core.models import NotificationKind as K
from gongkai.core.notifications.services import notify
from gongkai.publishing.events import PublishingEvent as E
from gongkai.publishing.events import review_step
from gongkai.publishing.models import Review, ReviewLevel, ReviewStatus
from gongkai.publishing.permissions import authors_of
from gongkai.publishing.selectors.review import reviewers_to_tell


def _title(obj) -> str:
    return Truncator(getattr(obj, "title", "") or str(obj)).chars(60)


@receiver(review_step, dispatch_uid="publishing.notify_review_step")
def tell_of_review_step(sender, event, review: Review, actor=None, reason: str = "",
                        level: int = 1, **kwargs) -> None:
    from gongkai.publishing.services.review import content_object

    review = Review.objects.get(pk=review.pk)
    obj = content_object(review)
    url = reverse("publishing:review_item", args=[review.pk])
    if event in (E.REVIEW_OPENED, E.LEVEL_PASSED):
        if review.current_level != level or review.status != ReviewStatus.OPEN:
            return  # decided further before this was heard: that step tells its own
        notify(users=reviewers_to_tell(review, obj), kind=K.REVIEW, url=url,
               key=f"publishing.review.route:{review.pk}:{level}",
               text=_("“%(t)s”已提交审核，待%(level)s（第 %(n)d 级，共 %(of)d 级）。") % {
                   "t": _title(obj), "level": ReviewLevel(level).label, "n": level,
                   "of": review.levels_required})
        return
    if getattr(obj, "tells_own_review_outcome", False):
        return
    authors = get_user_model().objects.filter(pk__in=authors_of(review, obj), is_active=True)
    if event == E.RETURNED:
        notify(users=authors, kind=K.RETURNED, url=url, key=f"publishing.review.returned:{review.pk}",
               text=_("“%(t)s”在审核中被退回：%(reason)s") % {
                   "t": _title(obj), "reason": Truncator(reason).chars(200)})
    elif event == E.PUBLISHED:
        notify(users=authors, kind=K.APPROVED, url=url,
               key=f"publishing.review.published:{review.pk}",
               text=_("“%(t)s”已通过审核并发布。") % {"t": _title(obj)})
