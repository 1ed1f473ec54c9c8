"""The annual report: drawn up from the year's figures, edited, sent to review, and
read by the public in the 年度报告 channel of the portal, by year."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.core.downloads import DOCX
from gongkai.core.params import parse_int
from gongkai.orgs.models import Unit
from gongkai.reports.exports import stored_annual_docx
from gongkai.reports.permissions import (
    annual_reports_visible_to,
    can_edit_annual_report,
    can_generate_annual_report,
    published_annual_reports,
)
from gongkai.reports.services.annual import (
    EDITABLE,
    annual_report_edit,
    annual_report_generate,
    annual_report_submit,
)


@login_required
@require_GET
def annual_list(request):
    reports = annual_reports_visible_to(request.user).select_related("unit")
    if not (request.user.is_office_admin or request.user.is_supervisor
            or request.user.unit_id):
        raise PermissionDenied
    return render(request, "reports/annual_list.html", {
        "reports": reports, "last_year": timezone.localdate().year - 1,
        "units": Unit.objects.filter(is_active=True, is_office=False)
        if request.user.is_office_admin else None})


@login_required
@require_POST
def annual_generate(request):
    year = parse_int(request.POST.get("year")) or timezone.localdate().year - 1
    scope = request.POST.get("unit", "")
    if scope == "district":
        unit = None
    elif request.user.is_office_admin and parse_int(scope):
        unit = get_object_or_404(Unit, pk=parse_int(scope))
    else:
        unit = request.user.unit
        if unit is None:
            raise PermissionDenied
    if not can_generate_annual_report(request.user, unit):
        raise PermissionDenied
    report = attempt(request, lambda: annual_report_generate(
        year=year, unit=unit, actor=request.user),
        success=_("已根据12月31日的数据生成年度报告。"))
    return redirect("reports:annual_edit", pk=report.value.pk) if report.ok else redirect(
        "reports:annual_list")


@login_required
@require_http_methods(["GET", "POST"])
def annual_edit(request, pk: int):
    report = get_object_or_404(annual_reports_visible_to(request.user).select_related(
        "unit"), pk=pk)
    may_edit = can_edit_annual_report(request.user, report)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        texts = {s["number"]: request.POST.get(f"section_{s['number']}", s["text"])
                 for s in report.sections}
        action = request.POST.get("action")
        saved = attempt(request, lambda: annual_report_edit(
            report=report, texts=texts, actor=request.user), success=_("年度报告已保存。"))
        if saved.ok and action == "submit":
            report.refresh_from_db()
            attempt(request, lambda: annual_report_submit(report=report, actor=request.user),
                    success=_("已提交发布审核。"))
        elif saved.ok and action == "refresh":
            attempt(request, lambda: annual_report_generate(
                year=report.year, unit=None if report.is_district else report.unit,
                actor=request.user), success=_("已按12月31日的数据重新生成表格。"))
        if saved.ok:
            return redirect("reports:annual_edit", pk=pk)
        # Keep what was typed when the save was refused.
        report.sections = [{**s, "text": texts[s["number"]]} for s in report.sections]
    return render(request, "reports/annual_edit.html", {
        "report": report, "editable": may_edit and report.publication_status in EDITABLE,
        }, status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def annual_docx(request, pk: int):
    report = get_object_or_404(annual_reports_visible_to(request.user), pk=pk)
    return _docx_response(report)


def _docx_response(report) -> HttpResponse:
    response = HttpResponse(stored_annual_docx(report), content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="annual-report-{report.year}-{report.pk}.docx"')
    return response


@require_GET
def annual_public_list(request):
    """The portal's 年度报告 channel: published reports grouped by year."""
    by_year: dict[int, list] = {}
    for report in published_annual_reports().select_related("unit"):
        by_year.setdefault(report.year, []).append(report)
    year = parse_int(request.GET.get("year"))
    return render(request, "reports/annual_public_list.html", {
        "by_year": sorted(by_year.items(), reverse=True), "year": year})


@require_GET
def annual_public(request, pk: int):
    report = get_object_or_404(published_annual_reports().select_related("unit"), pk=pk)
    return render(request, "reports/annual_public.html", {"report": report})


@require_GET
def annual_public_docx(request, pk: int):
    return _docx_response(get_object_or_404(published_annual_reports(), pk=pk))
