"""The quarterly spot check (office), the unit's notices, the rules page, and the
permission-checked downloads of evidence and documents."""
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.core.downloads import DOCX, stored_file_response
from gongkai.websites import permissions as perms
from gongkai.websites.forms import (
    AnswerForm,
    DeadlineForm,
    DecisionForm,
    MediaCheckForm,
    OfficeFindingForm,
    SpotCheckForm,
)
from gongkai.websites.models import Finding, NewMediaAccount, Review, Website
from gongkai.websites.selectors.spotcheck import results, review_queue
from gongkai.websites.services import documents
from gongkai.websites.services import spotcheck as svc
from gongkai.websites.services.media import media_check_record
from gongkai.websites.views.register import XLSX


def _office(request):
    if not perms.can_manage_spot_checks(request.user):
        raise PermissionDenied


@login_required
def spot_list(request):
    spots = perms.spot_checks_visible_to(request.user)
    if not perms.can_manage_spot_checks(request.user) and not spots.exists() \
            and not request.user.is_supervisor:
        raise PermissionDenied
    today = timezone.localdate()
    form = SpotCheckForm(request.POST or None, initial={
        "year": today.year, "quarter": (today.month - 1) // 3 + 1})
    if request.method == "POST":
        _office(request)
        if form.is_valid():
            spot = attempt(request, lambda: svc.spot_check_create(
                actor=request.user, **form.cleaned_data), form=form, success=_("已抽样。"))
            if spot.ok:
                return redirect("websites:spot", pk=spot.value.pk)
    return render(request, "websites/spot_list.html", {
        "spots": spots, "form": form,
        "may_manage": perms.can_manage_spot_checks(request.user)},
        status=400 if form.errors else 200)


@login_required
def spot_detail(request, pk: int, finding_form=None, deadline_form=None):
    """The spot check's page; a form sent back with errors is shown as it was typed."""
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    entries = list(spot.entries.select_related("website__unit", "account__unit"))
    return render(request, "websites/spot_detail.html", {
        "spot": spot, "rows": results(spot), "queue": review_queue(spot),
        "rectifications": spot.rectifications.select_related("unit"),
        "finding_form": finding_form or OfficeFindingForm(entries=entries),
        "deadline_form": deadline_form or DeadlineForm(),
        "may_manage": perms.can_manage_spot_checks(request.user)},
        status=400 if finding_form or deadline_form else 200)


@login_required
@require_POST
def finding_review(request, pk: int, finding_pk: int):
    _office(request)
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    finding = get_object_or_404(Finding, pk=finding_pk, website_id__in=spot.entries.exclude(
        website=None).values("website_id"))
    to = Review.CONFIRMED if request.POST.get("to") == "confirmed" else Review.DISMISSED
    attempt(request, lambda: svc.finding_review(finding=finding, spot_check=spot, to=to,
                                                actor=request.user), success=_("已复核。"))
    return redirect("websites:spot", pk=pk)


@login_required
@require_POST
def finding_add(request, pk: int):
    _office(request)
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    form = OfficeFindingForm(request.POST, request.FILES, entries=spot.entries.all())
    if not form.is_valid():
        return spot_detail(request, pk, finding_form=form)
    kind, target_pk = form.cleaned_data["target"].split(":")
    target = {"website": get_object_or_404(Website, pk=target_pk)} if kind == "website" \
        else {"account": get_object_or_404(NewMediaAccount, pk=target_pk)}
    recorded = attempt(request, lambda: svc.finding_record(
        spot_check=spot, actor=request.user, indicator=form.cleaned_data["indicator"],
        detail=form.cleaned_data["detail"], url=form.cleaned_data["url"],
        evidence=form.cleaned_data["evidence"], **target),
        form=form, success=_("问题已记录。"))
    if not recorded.ok:
        return spot_detail(request, pk, finding_form=form)
    return redirect("websites:spot", pk=pk)


@login_required
def media_check(request, pk: int, account_pk: int):
    _office(request)
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    account = get_object_or_404(NewMediaAccount, pk=account_pk,
                                pk__in=spot.entries.values("account_id"))
    form = MediaCheckForm(request.POST or None,
                          initial={"checked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        recorded = attempt(request, lambda: media_check_record(
            account=account, spot_check=spot, actor=request.user,
            screenshots=request.FILES.getlist("screenshots"), **form.cleaned_data),
            form=form, success=_("检查结果已记录。"))
        if recorded.ok:
            return redirect("websites:spot", pk=pk)
    return render(request, "websites/media_check.html", {
        "form": form, "spot": spot, "account": account}, status=400 if form.errors else 200)


@login_required
@require_POST
def notices_issue(request, pk: int):
    _office(request)
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写整改期限。"))
        return redirect("websites:spot", pk=pk)
    attempt(request, lambda: svc.rectifications_issue(
        spot_check=spot, deadline=form.cleaned_data["deadline"], actor=request.user),
        success=_("整改通知已下发。"))
    return redirect("websites:spot", pk=pk)


@login_required
@require_POST
def spot_close(request, pk: int):
    _office(request)
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    attempt(request, lambda: svc.spot_check_close(spot_check=spot, actor=request.user),
            success=_("本季度抽查已结束。"))
    return redirect("websites:spot", pk=pk)


@login_required
def spot_document(request, pk: int, kind: str):
    spot = get_object_or_404(perms.spot_checks_visible_to(request.user), pk=pk)
    name = f"{spot.year}q{spot.quarter}"
    if kind == "situation":
        data, mime, filename = documents.situation_xlsx(spot), XLSX, f"jiancha-{name}.xlsx"
    elif kind == "bulletin":
        data, mime, filename = documents.bulletin_docx(spot), DOCX, f"tongbao-{name}.docx"
    else:
        raise Http404
    response = HttpResponse(io.BytesIO(data).getvalue(), content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def rectification_list(request):
    rects = perms.rectifications_visible_to(request.user)
    if not (request.user.is_office_admin or request.user.is_unit_staff):
        raise PermissionDenied
    return render(request, "websites/rectification_list.html", {"rects": rects})


@login_required
def rectification_detail(request, pk: int):
    rect = get_object_or_404(perms.rectifications_visible_to(request.user), pk=pk)
    answer_form = AnswerForm(request.POST or None)
    if request.method == "POST":
        if not perms.can_answer(request.user, rect):
            raise PermissionDenied
        if answer_form.is_valid():
            answered = attempt(request, lambda: svc.rectification_answer(
                rectification=rect, actor=request.user,
                answer=answer_form.cleaned_data["answer"],
                files=request.FILES.getlist("evidence")),
                form=answer_form, success=_("整改情况已反馈。"))
            if answered.ok:
                return redirect("websites:rectification", pk=pk)
    return render(request, "websites/rectification_detail.html", {
        "rect": rect, "findings": rect.findings.select_related("website", "account"),
        "answer_form": answer_form, "decision_form": DecisionForm(),
        "may_answer": perms.can_answer(request.user, rect),
        "may_verify": perms.can_verify(request.user, rect)},
        status=400 if answer_form.errors else 200)


@login_required
@require_POST
def rectification_decide(request, pk: int):
    rect = get_object_or_404(perms.rectifications_visible_to(request.user), pk=pk)
    if not perms.can_verify(request.user, rect):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择复核结论。"))
        return redirect("websites:rectification", pk=pk)
    attempt(request, lambda: svc.rectification_decide(
        rectification=rect, actor=request.user, **form.cleaned_data),
        success=_("复核结论已记录。"))
    return redirect("websites:rectification", pk=pk)


@login_required
def download(request, kind: str, pk: int):
    """Evidence and notices, to those who may see what they belong to."""
    user = request.user
    if kind == "notice":
        rect = get_object_or_404(perms.rectifications_visible_to(user), pk=pk)
        return stored_file_response(rect.notice, filename=f"整改通知-{rect.unit.name}.docx",
                                    content_type=DOCX)
    if kind == "evidence":
        from gongkai.websites.models import RectEvidence

        item = get_object_or_404(RectEvidence, pk=pk, rectification__in=perms
                                 .rectifications_visible_to(user))
        return stored_file_response(item.file, filename=item.original_name)
    if kind == "snapshot":
        finding = get_object_or_404(Finding, pk=pk)
        target = finding.target
        visible = perms.websites_visible_to(user) if finding.website_id \
            else perms.accounts_visible_to(user)
        if not visible.filter(pk=target.pk).exists():
            raise Http404
        return stored_file_response(finding.snapshot,
                                    filename=finding.snapshot.name.rsplit("/", 1)[-1])
    raise Http404
