"""Review before publication (先审后发, 三审三校).

Submitting scans the content and opens a round of one to three levels (the unit's route,
else the district default, else three). Each level is decided by a different person who
is neither the author nor the submitter; a return (with a reason) closes the round and
sends the item back; the last pass publishes it, unless a finding of the scan is still
open. Every publication status change goes through ``PUBLICATION_TRANSITIONS``.
"""
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.events import send_after_commit
from gongkai.core.workflow import transition
from gongkai.orgs.models import Unit
from gongkai.publishing.events import (
    ANNOUNCED,
    PublishingEvent,
    publication_changed,
    review_decided,
    review_step,
)
from gongkai.publishing.models import (
    PublicationStatus,
    Review,
    ReviewDecision,
    ReviewLevel,
    ReviewRoute,
    ReviewStatus,
)
from gongkai.publishing.permissions import decision_refusal
from gongkai.publishing.selectors import DEFAULT_LEVELS, route_for
from gongkai.publishing.services.scan import content_scan, open_findings_of

P = PublicationStatus
E = PublishingEvent
PUBLICATION_TRANSITIONS = {
    (P.DRAFT, P.IN_REVIEW): E.SUBMITTED,
    (P.RETURNED, P.IN_REVIEW): E.RESUBMITTED,
    (P.IN_REVIEW, P.RETURNED): E.RETURNED,
    (P.IN_REVIEW, P.PUBLISHED): E.PUBLISHED,
    (P.PUBLISHED, P.WITHDRAWN): E.WITHDRAWN,
    (P.WITHDRAWN, P.IN_REVIEW): E.RESUBMITTED,
    # Only the importer takes this edge (``content_publish_imported``), with a reason:
    # content reviewed and published on the old site is not reviewed twice.
    (P.DRAFT, P.PUBLISHED): E.IMPORTED_PUBLISHED,
}
REVIEW_TRANSITIONS = {
    (ReviewStatus.OPEN, ReviewStatus.PASSED): E.REVIEW_PASSED,
    (ReviewStatus.OPEN, ReviewStatus.RETURNED): E.REVIEW_RETURNED,
}
MAX_REASON_CHARS = 2000

_REFUSALS = {
    "author": gettext_lazy("起草人或提交人不能审核自己的内容。"),
    "decided": gettext_lazy("同一轮审核中，同一人不能审核两个级别。"),
}


def _lock(obj):
    """Re-read the publication fields under a lock: two people acting at once cannot
    both move the item."""
    obj.refresh_from_db(fields=["publication_status", "published_at"],
                        from_queryset=type(obj).objects.select_for_update())
    return obj


def _clean_reason(reason: str, *, required: bool, message: str) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ApplicationError(message)
    if len(reason) > MAX_REASON_CHARS:
        raise ApplicationError(_("意见不能超过%(n)s字。") % {"n": MAX_REASON_CHARS})
    return reason


def _move(obj, *, to: str, actor, details: dict | None = None, **extra) -> None:
    event = transition(obj, to=to, table=PUBLICATION_TRANSITIONS, actor=actor,
                       details=details, field="publication_status",
                       extra_fields={**extra, "updated_at": timezone.now()})
    if event.action in ANNOUNCED:
        send_after_commit(publication_changed, sender=type(obj), obj=obj,
                          event=PublishingEvent(event.action), actor=actor)


def content_object(review: Review):
    return review.content_type.get_object_for_this_type(pk=review.object_id)


@transaction.atomic
def content_submit_for_review(*, obj, actor) -> Review:
    """Scan ``obj`` and open a review round; the item is then 审核中."""
    _lock(obj)
    content_type = ContentType.objects.get_for_model(obj)
    if Review.objects.filter(content_type=content_type, object_id=obj.pk,
                             status=ReviewStatus.OPEN).exists():
        raise ApplicationError(_("该内容已在审核中。"))
    route = route_for(obj.unit_id)
    levels = route.levels if route else DEFAULT_LEVELS
    findings = content_scan(obj=obj, actor=actor)
    _move(obj, to=P.IN_REVIEW, actor=actor, details={"levels": levels})
    review = Review.objects.create(content_type=content_type, object_id=obj.pk,
                                   author=actor, levels_required=levels)
    record_event(obj=review, action=PublishingEvent.REVIEW_OPENED, actor=actor, details={
        "levels": levels, "open_findings": sum(f.status == "open" for f in findings)})
    send_after_commit(review_step, sender=Review,
                      event=PublishingEvent.REVIEW_OPENED, review=review,
                      actor=actor, reason="", level=review.current_level)
    return review


def _lock_open_review(review: Review) -> Review:
    review.refresh_from_db(fields=["status", "current_level", "levels_required",
                                   "closed_at"],
                           from_queryset=Review.objects.select_for_update())
    if review.status != ReviewStatus.OPEN:
        raise ApplicationError(_("该审核已结束（%(s)s）。") % {"s": review.get_status_display()})
    return review


def _check_reviewer(review: Review, obj, reviewer) -> None:
    decided_by = set(review.decisions.values_list("reviewer_id", flat=True))
    refusal = decision_refusal(reviewer, review, obj, route_for(obj.unit_id), decided_by)
    if refusal == "not_reviewer":
        raise PermissionDenied
    if refusal:
        raise ApplicationError(str(_REFUSALS[refusal]))


def _blocking_findings_message(obj) -> str:
    findings = list(open_findings_of(obj))
    if not findings:
        return ""
    listed = "；".join(f"{f.get_kind_display()}（{f.source}）{f.excerpt}" for f in findings[:10])
    more = _("等") if len(findings) > 10 else ""
    return _("还有%(n)s项敏感信息未处理，不能发布：%(list)s%(more)s。请先遮盖、删除或确认可公开。") % {
        "n": len(findings), "list": listed, "more": more}


def review_decide(*, review: Review, reviewer, passed: bool, reason: str = "") -> Review:
    """Decide the current level: pass it (the last pass publishes) or return the item."""
    if passed and review.current_level >= review.levels_required:
        obj = content_object(review)
        _check_reviewer(review, obj, reviewer)
        # The text may have changed during the review: scan again before the final
        # check, in its own transaction, so the new findings stay even if refused.
        content_scan(obj=obj, actor=reviewer)
    return _decide(review=review, reviewer=reviewer, passed=passed, reason=reason)


@transaction.atomic
def _decide(*, review: Review, reviewer, passed: bool, reason: str) -> Review:
    _lock_open_review(review)
    obj = _lock(content_object(review))
    _check_reviewer(review, obj, reviewer)
    reason = _clean_reason(reason, required=not passed, message=_("退回时须填写退回理由。"))
    level = review.current_level
    final = passed and level >= review.levels_required
    if final:
        blocking = _blocking_findings_message(obj)
        if blocking:
            raise ApplicationError(blocking, details={"open_findings": True})
    ReviewDecision.objects.create(review=review, level=level, reviewer=reviewer,
                                  passed=passed, reason=reason)
    send_after_commit(review_decided, sender=Review, review=review, obj=obj, level=level,
                      passed=passed, reviewer=reviewer)
    details = {"level": ReviewLevel(level).label, "reason": reason, "review": review.pk}
    if not passed:
        transition(review, to=ReviewStatus.RETURNED, table=REVIEW_TRANSITIONS, actor=reviewer,
                   details=details, extra_fields={"closed_at": timezone.now()})
        _move(obj, to=P.RETURNED, actor=reviewer, details=details)
    elif final:
        now = timezone.now()
        transition(review, to=ReviewStatus.PASSED, table=REVIEW_TRANSITIONS, actor=reviewer,
                   details=details, extra_fields={"closed_at": now})
        _move(obj, to=P.PUBLISHED, actor=reviewer, details=details, published_at=now)
    else:
        review.current_level = level + 1
        review.save(update_fields=["current_level"])
        record_event(obj=review, action=PublishingEvent.LEVEL_PASSED, actor=reviewer,
                     details=details)
        record_event(obj=obj, action=PublishingEvent.CONTENT_LEVEL_PASSED, actor=reviewer,
                     details=details)
    event = (PublishingEvent.RETURNED if not passed else
             PublishingEvent.PUBLISHED if final else PublishingEvent.LEVEL_PASSED)
    send_after_commit(review_step, sender=Review,
                      event=event, review=review, actor=reviewer, reason=reason,
                      level=review.current_level)
    return review


@transaction.atomic
def content_publish_imported(*, obj, actor, reason: str, **extra):
    """Publish imported content without a review round: the operator asserts, with
    ``reason``, that it was reviewed and published on the old site."""
    reason = _clean_reason(reason, required=True, message=_("直接发布时须说明理由。"))
    _lock(obj)
    _move(obj, to=P.PUBLISHED, actor=actor, details={"reason": reason},
          published_at=timezone.now(), **extra)
    return obj


@transaction.atomic
def content_withdraw(*, obj, actor, reason: str):
    """Take published content off the public site, with a reason."""
    reason = _clean_reason(reason, required=True, message=_("撤回时须填写撤回理由。"))
    _lock(obj)
    _move(obj, to=P.WITHDRAWN, actor=actor, details={"reason": reason})
    return obj


@transaction.atomic
def review_route_set(*, unit: Unit | None, levels: int, reviewers, actor) -> ReviewRoute:
    """Set the levels and named reviewers of a unit's route (no unit: the default)."""
    if levels not in (1, 2, 3):
        raise ApplicationError(_("审核级数须为1至3级。"))
    reviewers = list(reviewers)
    invalid = [str(u) for u in reviewers if not (u.is_reviewer or u.is_office_admin)]
    if invalid:
        raise ApplicationError(
            _("以下用户不是审核人，不能列为审核人：%(names)s。") % {"names": "、".join(invalid)})
    if reviewers and len(reviewers) < levels:
        raise ApplicationError(_("每一级须由不同的人审核：列出的审核人不能少于审核级数。"))
    route, _created = ReviewRoute.objects.select_for_update().get_or_create(
        unit=unit, defaults={"levels": levels})
    before = {"levels": route.levels, "reviewers": sorted(route.reviewers.values_list(
        "pk", flat=True))}
    route.levels = levels
    route.full_clean(validate_unique=False)
    route.save(update_fields=["levels"])
    route.reviewers.set(reviewers)
    record_event(obj=route, action=PublishingEvent.ROUTE_UPDATED, actor=actor, details={
        "unit": str(unit) if unit else "默认", "before": before,
        "after": {"levels": levels, "reviewers": sorted(u.pk for u in reviewers)}})
    return route
