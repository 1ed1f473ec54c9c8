"""The yearly assessment: the scheme, every unit's score with where each point came
from, adjustments with reasons, exports, and the 通报 through approval to issue."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.core.downloads import DOCX
from gongkai.core.params import parse_int
from gongkai.orgs.models import Unit
from gongkai.reports.exports import assessment_xlsx, notice_docx
from gongkai.reports.forms import AdjustmentForm, NoticeForm, SchemeItemForm
from gongkai.reports.models import (
    AssessmentNotice,
    AssessmentScheme,
    NoticeScope,
    NoticeStatus,
    SchemeItem,
)
from gongkai.reports.permissions import can_manage_indicators, can_view_assessment
from gongkai.reports.selectors.assessment import assessed_units, assessment
from gongkai.reports.selectors.values import cache_seconds
from gongkai.reports.services import assessment as services

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request) -> int:
    year = parse_int(request.GET.get("year") or request.POST.get("year"))
    today = timezone.localdate()
    return year if year and 2008 <= year <= today.year else today.year


def _scope(request) -> str:
    scope = request.GET.get("scope") or request.POST.get("scope")
    return scope if scope in NoticeScope.values else NoticeScope.YEAR


def _page_url(year: int, scope: str) -> str:
    return f"{reverse('reports:assessment')}?year={year}&scope={scope}"


@login_required
@require_GET
def assessment_page(request):
    if not can_view_assessment(request.user):
        raise PermissionDenied
    year, scope = _year(request), _scope(request)
    if can_manage_indicators(request.user):
        scheme = services.scheme_get_or_create(year=year, actor=request.user)
    else:
        scheme = AssessmentScheme.objects.filter(year=year).first()
        if scheme is None:  # read-only users see nothing until the office sets it up
            return render(request, "reports/assessment_none.html", {"year": year})
    results = assessment(scheme=scheme, scope=scope, fresh=request.GET.get("fresh") == "1")
    if request.GET.get("export") == "xlsx":
        content = assessment_xlsx(title=f"{scheme.title}（{NoticeScope(scope).label}）",
                                  results=results)
        response = HttpResponse(content, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="assessment-{year}.xlsx"'
        return response
    return render(request, "reports/assessment.html", {
        "scheme": scheme, "year": year, "scope": scope, "scopes": NoticeScope.choices,
        "results": results, "items": scheme.items.all(),
        "cache_minutes": cache_seconds() // 60,
        "may_manage": can_manage_indicators(request.user),
        "item_form": SchemeItemForm(), "notices": scheme.notices.all(),
        "adjust_form": AdjustmentForm(units=assessed_units(year)),
    })


@login_required
@require_POST
def assessment_change(request):
    """Items of the scheme, adjustments and new 通报 drafts (the office only)."""
    if not can_manage_indicators(request.user):
        raise PermissionDenied
    year, scope = _year(request), _scope(request)
    scheme = services.scheme_get_or_create(year=year, actor=request.user)
    action = request.POST.get("action")
    if action == "item":
        form = SchemeItemForm(request.POST)
        if form.is_valid():
            attempt(request, lambda: services.scheme_item_save(
                scheme=scheme, actor=request.user, **form.cleaned_data),
                success=_("考核项目已保存。"))
        else:
            messages_for(request, form)
    elif action == "item_delete":
        item = get_object_or_404(SchemeItem, scheme=scheme,
                                 pk=parse_int(request.POST.get("item")))
        attempt(request, lambda: services.scheme_item_delete(item=item, actor=request.user),
                success=_("考核项目已删除。"))
    elif action == "adjust":
        form = AdjustmentForm(request.POST, units=assessed_units(year))
        if form.is_valid():
            unit = get_object_or_404(Unit, pk=form.cleaned_data["unit"])
            attempt(request, lambda: services.adjustment_add(
                scheme=scheme, unit=unit, points=form.cleaned_data["points"],
                reason=form.cleaned_data["reason"], kind=form.cleaned_data["kind"],
                actor=request.user), success=_("已调整分数，并记入操作记录。"))
        else:
            messages_for(request, form)
    elif action == "notice":
        notice = attempt(request, lambda: services.notice_draft(
            scheme=scheme, scope=scope, actor=request.user),
            success=_("已根据考核结果起草通报。"))
        if notice.ok:
            return redirect("reports:notice", pk=notice.value.pk)
    return redirect(_page_url(year, scope))


def messages_for(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


NOTICE_MOVES = {"submit": NoticeStatus.PENDING, "return": NoticeStatus.DRAFT,
                "approve": NoticeStatus.APPROVED, "issue": NoticeStatus.ISSUED}


@login_required
@require_http_methods(["GET", "POST"])
def notice(request, pk: int):
    if not can_view_assessment(request.user):
        raise PermissionDenied
    item = get_object_or_404(AssessmentNotice.objects.select_related("scheme"), pk=pk)
    form = NoticeForm(request.POST or None, initial={
        "title": item.title, "doc_number": item.doc_number, "body": item.body})
    if request.method == "POST":
        if not can_manage_indicators(request.user):
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "save":
            if form.is_valid() and attempt(request, lambda: services.notice_edit(
                    notice=item, actor=request.user, **form.cleaned_data),
                    success=_("通报已保存。")).ok:
                return redirect("reports:notice", pk=pk)
        elif action in NOTICE_MOVES:
            attempt(request, lambda: services.notice_move(
                notice=item, to=NOTICE_MOVES[action], actor=request.user,
                approver=request.POST.get("approver", ""), note=request.POST.get("note", "")),
                success=_("通报状态已更新。"))
            return redirect("reports:notice", pk=pk)
    return render(request, "reports/notice.html", {
        "notice": item, "form": form, "may_manage": can_manage_indicators(request.user)},
        status=400 if form.errors else 200)


@login_required
@require_GET
def notice_download(request, pk: int):
    if not can_view_assessment(request.user):
        raise PermissionDenied
    item = get_object_or_404(AssessmentNotice.objects.select_related("scheme"), pk=pk)
    results = assessment(scheme=item.scheme, scope=item.scope)
    content = notice_docx(notice=item, results=results, issuer=_("黄埔区政务公开办公室"),
                          signature=_("黄埔区政务公开办公室"))
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="notice-{item.pk}.docx"'
    return response
