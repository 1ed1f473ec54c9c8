"""The unit's side of quarterly reports: writing a report with its evidence, reading
it with its history, and downloading evidence.

A unit's staff write only their own unit's reports; anyone else asking for that page
gets 404, so nobody learns whether another unit has started. Reading starts from
``reports_visible_to`` (the office and supervisors never see drafts), downloads from
``evidence_visible_to``. The office's pages live in ``views.review`` and are joined
into this module's ``urlpatterns``.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.downloads import stored_file_response
from gongkai.core.errors import ApplicationError
from gongkai.core.versioning import StaleEdit, show_conflict
from gongkai.plans.forms_reports import (
    EvidenceFileForm,
    EvidenceLinkForm,
    ProgressForm,
    ReviewForm,
)
from gongkai.plans.models import EvidenceKind, Report, ReportingPeriod
from gongkai.plans.permissions import (
    assignments_visible_to,
    can_edit_report,
    can_review_report,
    evidence_visible_to,
    reports_visible_to,
)
from gongkai.plans.services import reports as services
from gongkai.plans.views import review
from gongkai.reports.selectors.progress import prefill_text, report_figures


def _report_for_editing(user, assignment_id: int, period_id: int) -> Report:
    """The stored report, or an unsaved draft, if ``user`` may write it; else 404."""
    assignment = get_object_or_404(
        assignments_visible_to(user).select_related("task__plan", "unit"), pk=assignment_id)
    period = get_object_or_404(ReportingPeriod, pk=period_id, plan_id=assignment.task.plan_id)
    report = (Report.objects.filter(assignment=assignment, period=period).first()
              or Report(assignment=assignment, period=period))
    # Judged on a draft: "is this the user's own unit", independent of the status.
    if not can_edit_report(user, Report(assignment=assignment, period=period)):
        raise Http404
    return report


def _saved(report: Report) -> Report:
    if report.pk is None:
        return services.report_get_or_create(assignment=report.assignment,
                                             period=report.period)
    return report


def _save_and_maybe_submit(request, report: Report, *, submit: bool):
    form = ProgressForm(request.POST)
    if not form.is_valid():
        return form
    with transaction.atomic():
        report = _saved(report)
        services.report_save(report=report, actor=request.user,
                             version=form.opened_version(), **form.cleaned_data)
        if submit:
            services.report_submit(report=report, actor=request.user)
    return None


def _handle_post(request, report: Report):
    """Run the posted action; return (redirect target or None, forms with errors)."""
    action = request.POST.get("action", "")
    edit_url = request.path
    if action in ("save", "submit"):
        form = _save_and_maybe_submit(request, report, submit=action == "submit")
        if form is not None:
            return None, {"progress_form": form}
        if action == "submit":
            messages.success(request, _("已报送，等待区政务公开办审核。"))
            return reverse("plans:report_detail", args=[_saved(report).pk]), {}
        messages.success(request, _("草稿已保存。"))
        return edit_url, {}
    if action == "upload":
        form = EvidenceFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return None, {"file_form": form}
        services.evidence_add_file(report=_saved(report), actor=request.user,
                                   file=form.cleaned_data["file"],
                                   title=form.cleaned_data["title"])
        messages.success(request, _("佐证材料已上传。"))
        return edit_url, {}
    if action == "link":
        form = EvidenceLinkForm(request.POST)
        if not form.is_valid():
            return None, {"link_form": form}
        services.evidence_add_link(report=_saved(report), actor=request.user, **form.cleaned_data)
        messages.success(request, _("链接已添加，系统将自动进行网上核查。"))
        return edit_url, {}
    if action == "remove" and report.pk:
        evidence = get_object_or_404(report.evidence, pk=request.POST.get("evidence") or 0)
        services.evidence_remove(evidence=evidence, actor=request.user)
        messages.success(request, _("佐证材料已删除。"))
        return edit_url, {}
    messages.error(request, _("无法识别的操作。"))
    return edit_url, {}


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, assignment_id: int, period_id: int):
    report = _report_for_editing(request.user, assignment_id, period_id)
    if report.pk and report.status not in services.EDITABLE:
        return redirect("plans:report_detail", pk=report.pk)
    bound = {}
    if request.method == "POST":
        try:
            target, bound = _handle_post(request, report)
        except StaleEdit as error:
            # Both versions side by side; what was typed stays in the form.
            form = ProgressForm(request.POST)
            form.is_valid()
            show_conflict(form, error)
            target, bound = None, {"progress_form": form}
        except ApplicationError as error:
            messages.error(request, error.message)
            target, bound = None, {}
            if request.POST.get("action") in ("save", "submit"):
                # Keep what was typed: the failed step rolled back the draft as well.
                bound = {"progress_form": ProgressForm(request.POST)}
        if target:
            return redirect(target)
        report = Report.objects.filter(assignment=report.assignment,
                                       period=report.period).first() or report
    # An empty report starts from what the platform measured (reports app).
    initial = {"progress": report.progress or prefill_text(report_figures(report)),
               "state": report.state,
               "failure_reason": report.failure_reason,
               "version": report.version if report.pk else 1}
    context = {
        "report": report,
        "assignment": report.assignment,
        "period": report.period,
        "evidence": list(report.evidence.all()) if report.pk else [],
        "progress_form": bound.get("progress_form") or ProgressForm(initial=initial),
        "file_form": bound.get("file_form") or EvidenceFileForm(),
        "link_form": bound.get("link_form") or EvidenceLinkForm(),
    }
    return render(request, "plans/report_edit.html", context, status=400 if bound else 200)


@login_required
@require_GET
def report_detail(request, pk: int):
    report = get_object_or_404(
        reports_visible_to(request.user).select_related(
            "assignment__unit", "assignment__task__section", "period__plan"), pk=pk)
    return render(request, "plans/report_detail.html", {
        "report": report,
        "evidence": list(report.evidence.all()),
        "can_edit": can_edit_report(request.user, report),
        "can_review": can_review_report(request.user, report),
        "review_form": ReviewForm(),
    })


@login_required
@require_GET
def evidence_download(request, pk: int):
    evidence = get_object_or_404(
        evidence_visible_to(request.user).filter(kind=EvidenceKind.FILE).exclude(file=""),
        pk=pk)
    return stored_file_response(evidence.file,
                                filename=evidence.original_name or evidence.file.name,
                                content_type=evidence.mime_type)


@login_required
@require_GET
def evidence_snapshot(request, pk: int):
    """The HTML stored when the link was checked, as a download (never rendered here:
    it is someone else's page and must not run in this site's origin)."""
    evidence = get_object_or_404(
        evidence_visible_to(request.user).filter(kind=EvidenceKind.LINK).exclude(snapshot=""),
        pk=pk)
    return stored_file_response(evidence.snapshot, filename=f"网页快照-{evidence.pk}.html")


urlpatterns = [
    path("reports/<int:assignment_id>/<int:period_id>/", report_edit, name="report_edit"),
    path("reports/<int:pk>/", report_detail, name="report_detail"),
    path("evidence/<int:pk>/download/", evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/snapshot/", evidence_snapshot, name="evidence_snapshot"),
    *review.urlpatterns,
]
