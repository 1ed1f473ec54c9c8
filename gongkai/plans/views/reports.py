"""The unit's side of quarterly reports: writing a report with its evidence, reading
it with its history, and downloading evidence.

A unit's staff write only their own unit's reports; anyone else asking for that page
gets 404, so nobody learns whether another unit has started. Reading starts from
``reports_visible_to`` (the office and supervisors never see drafts), downloads from
``evidence_visible_to``. The office's pages live in ``views.review``.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
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


# The page is one form: whichever button is pressed, the text, the state, a chosen file
# and a typed link travel together and are kept together, so uploading evidence or
# removing it never discards what was typed (issue 13).
_ACTIONS = ("save", "submit", "submit_anyway", "upload", "link", "remove")
NO_EVIDENCE = "no-evidence"
SUBMITTED = "submitted"


def _bound_forms(request, action: str) -> dict:
    """The parts of the page that were filled in (or that the button needs), bound."""
    bound = {}
    if "state" in request.POST or action in ("save", "submit", "submit_anyway"):
        bound["progress_form"] = ProgressForm(request.POST)
    if request.FILES.get("file") or action == "upload":
        bound["file_form"] = EvidenceFileForm(request.POST, request.FILES)
    if request.POST.get("url", "").strip() or action == "link":
        bound["link_form"] = EvidenceLinkForm(request.POST)
    return bound


def _text_changed(report: Report, data: dict) -> bool:
    return report.pk is None or (report.progress, report.state, report.failure_reason) != (
        data["progress"].strip(), data["state"], data["failure_reason"].strip())


def _apply(request, report: Report, action: str, bound: dict) -> tuple[Report, list[str]]:
    """Every filled part in one transaction; returns the report and what was done."""
    done = []
    with transaction.atomic():
        progress = bound.get("progress_form")
        if progress and (action in ("save", "submit", "submit_anyway")
                         or _text_changed(report, progress.cleaned_data)):
            report = _saved(report)
            services.report_save(report=report, actor=request.user,
                                 version=progress.opened_version(), **progress.cleaned_data)
            done.append(_("草稿已保存。"))
        if "file_form" in bound:
            data = bound["file_form"].cleaned_data
            report = _saved(report)
            services.evidence_add_file(report=report, actor=request.user,
                                       file=data["file"], title=data["title"])
            done.append(_("佐证材料已上传。"))
        if "link_form" in bound:
            data = bound["link_form"].cleaned_data
            report = _saved(report)
            services.evidence_add_link(report=report, actor=request.user, url=data["url"],
                                       title=data["link_title"])
            done.append(_("链接已添加，系统将自动进行网上核查。"))
        if action == "remove" and report.pk:
            pk = request.POST.get("remove") or request.POST.get("evidence") or 0
            evidence = get_object_or_404(report.evidence, pk=pk)
            services.evidence_remove(evidence=evidence, actor=request.user)
            done.append(_("佐证材料已删除。"))
        # No evidence is asked about, not refused: some tasks have nothing to attach this
        # quarter. An empty report goes on to be refused by the service, with its reason.
        if action == "submit_anyway" or (action == "submit" and (
                report.evidence.exists() or not report.progress.strip())):
            services.report_submit(report=report, actor=request.user)
            done.append(SUBMITTED)
    return report, done


def _handle_post(request, report: Report):
    """Run the posted action; return (redirect target or None, forms with errors)."""
    action = "remove" if request.POST.get("remove") else request.POST.get("action", "")
    edit_url = request.path
    if action not in _ACTIONS:
        messages.error(request, _("无法识别的操作。"))
        return edit_url, {}
    bound = _bound_forms(request, action)
    if not all(form.is_valid() for form in bound.values()):
        if request.FILES.get("file"):
            messages.warning(request, _("页面有内容需要修改，所选文件尚未上传：改正后请重新选择文件。"))
        return None, bound
    report, done = _apply(request, report, action, bound)
    if SUBMITTED in done:
        messages.success(request, _("已报送，等待区政务公开办审核。"))
        return reverse("plans:report_detail", args=[report.pk]), {}
    for line in done:
        messages.success(request, line)
    if action == "submit":
        messages.warning(request, _("尚未报送：本报告还没有任何佐证材料。请上传文件或添加链接；"
                                    "确实没有的，请点击“无佐证材料，仍然报送”。"))
        return f"{edit_url}?confirm={NO_EVIDENCE}", {}
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
            # Keep what was typed: the failed step rolled back the draft as well.
            target, bound = None, _bound_forms(request, request.POST.get("action", ""))
            bound.pop("file_form", None)  # a browser cannot be handed a file back
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
        "confirm_no_evidence": request.GET.get("confirm") == NO_EVIDENCE,
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
