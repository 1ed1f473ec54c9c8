"""The review desk (先审后发, 三审三校): open rounds for reviewers, one item's review page
with its findings, and the finding actions.

The desk answers 403 to anyone who is not a reviewer or office admin; an item the user
may not see at all answers 404.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.publishing import permissions as perms
from gongkai.publishing.content_registry import render_context
from gongkai.publishing.forms import DecisionForm, FindingActionForm
from gongkai.publishing.models import Finding, Review, ReviewLevel, ReviewStatus
from gongkai.publishing.selectors import route_for
from gongkai.publishing.selectors.review import (
    decided_by,
    findings_for,
    review_desk,
    rounds_of,
)
from gongkai.publishing.services import (
    finding_accept,
    finding_mask,
    finding_remove,
    review_decide,
)
from gongkai.publishing.services.review import content_object


@login_required
@require_GET
def desk(request):
    if not perms.is_review_staff(request.user):
        raise PermissionDenied
    return render(request, "publishing/review_desk.html", {"rows": review_desk(request.user)})


def _visible_review(request, pk: int):
    """The review, its item and route, or 404 when the user may not see the item."""
    review = get_object_or_404(Review.objects.select_related("content_type", "author"), pk=pk)
    try:
        obj = content_object(review)
    except review.content_type.model_class().DoesNotExist as error:
        raise Http404 from error
    route = route_for(obj.unit_id)
    if not perms.can_view_review(request.user, obj, route):
        raise Http404
    return review, obj, route


def _decide(request, review: Review, form: DecisionForm) -> bool:
    action = request.POST.get("action")
    if action not in ("pass", "return"):
        messages.error(request, _("无法识别的操作。"))
        return False
    return attempt(request, lambda: review_decide(
        review=review, reviewer=request.user, passed=action == "pass",
        reason=form.cleaned_data["reason"]),
        success=_("已审核通过。") if action == "pass" else _("已退回修改。")).ok


@login_required
@require_http_methods(["GET", "POST"])
def review_item(request, pk: int):
    review, obj, route = _visible_review(request, pk)
    refusal = "closed"
    if review.status == ReviewStatus.OPEN:
        refusal = perms.decision_refusal(request.user, review, obj, route, decided_by(review))
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if refusal == "not_reviewer" or (refusal == "closed" and not perms.may_review_for(
                request.user, obj.unit_id, route)):
            raise PermissionDenied
        if form.is_valid() and _decide(request, review, form):
            return redirect("publishing:review_desk")
        status = 400
    findings = findings_for(review)
    return render(request, "publishing/review_item.html", {
        "review": review, "obj": obj, "route": route, "form": form,
        "can_decide": refusal == "", "refusal": refusal,
        "level_label": ReviewLevel(review.current_level).label,
        "findings": findings,
        "open_findings": [f for f in findings if f.status == "open"],
        "can_change_text": perms.can_change_text(request.user, obj, route),
        "can_accept": perms.can_accept_finding(request.user, obj, route, review),
        "rounds": rounds_of(review),
        **render_context(obj),
    }, status=status)


def _finding_review(finding: Finding) -> Review:
    review = Review.objects.filter(content_type=finding.content_type_id,
                                   object_id=finding.object_id).order_by(
        "-submitted_at", "-pk").first()
    if review is None:
        raise Http404
    return review


def _handle_finding(finding: Finding, action: str, data: dict, actor) -> None:
    if action == "mask":
        finding_mask(finding=finding, actor=actor)
    elif action == "remove":
        finding_remove(finding=finding, actor=actor, replacement=data["replacement"])
    else:
        finding_accept(finding=finding, actor=actor, reason=data["reason"])


@login_required
@require_POST
def finding_action(request, pk: int):
    finding = get_object_or_404(Finding, pk=pk)
    review = _finding_review(finding)
    review, obj, route = _visible_review(request, review.pk)
    form = FindingActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择处理方式；说明不超过2000字，替换文字不超过200字。"))
        return redirect("publishing:review_item", pk=review.pk)
    action, data = form.cleaned_data["action"], form.cleaned_data
    allowed = (perms.can_accept_finding(request.user, obj, route, review) if action == "accept"
               else perms.can_change_text(request.user, obj, route))
    if not allowed:
        raise PermissionDenied
    attempt(request, lambda: _handle_finding(finding, action, data, request.user),
            success=_("已处理：%(f)s。") % {"f": finding.get_kind_display()})
    return redirect("publishing:review_item", pk=review.pk)
