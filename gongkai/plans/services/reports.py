"""Quarterly progress reports, their evidence, and the office's review.

A unit writes a draft, attaches evidence and submits it; the office passes it or
returns it for rectification with a reason; a returned report is revised and submitted
again. Every status change goes through ``transition`` with ``REPORT_TRANSITIONS``.
Permission checks belong to the caller (``gongkai.plans.permissions``); these functions
check only whether a step is valid now.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.events import send_after_commit
from gongkai.core.uploads import EVIDENCE_KINDS, check_upload
from gongkai.core.versioning import claim_version
from gongkai.core.workflow import transition
from gongkai.plans.events import PlansEvent, report_decided
from gongkai.plans.models import (
    Assignment,
    Evidence,
    EvidenceKind,
    ProgressState,
    Report,
    ReportingPeriod,
    ReportStatus,
)
from gongkai.plans.permissions import EDITABLE
from gongkai.plans.signals import report_passed

REPORT_TRANSITIONS = {
    (ReportStatus.DRAFT, ReportStatus.SUBMITTED): PlansEvent.REPORT_SUBMITTED,
    (ReportStatus.SUBMITTED, ReportStatus.RETURNED): PlansEvent.REPORT_RETURNED,
    (ReportStatus.RETURNED, ReportStatus.SUBMITTED): PlansEvent.REPORT_RESUBMITTED,
    (ReportStatus.SUBMITTED, ReportStatus.PASSED): PlansEvent.REPORT_PASSED,
}
MAX_PROGRESS_CHARS = 10_000
MAX_EVIDENCE_PER_REPORT = 30


def report_get_or_create(*, assignment: Assignment, period: ReportingPeriod) -> Report:
    """The unit's report on ``assignment`` for ``period``, created empty if missing."""
    if period.plan_id != assignment.task.plan_id:
        raise ApplicationError(_("报送期不属于该任务所在的年度方案。"))
    report, _created = Report.objects.get_or_create(assignment=assignment, period=period)
    return report


def _lock(report: Report) -> Report:
    """Re-read the row under a lock, so two people acting at once cannot both move it."""
    report.refresh_from_db(
        fields=["status", "first_submitted_at", "return_count", "progress", "state",
                "failure_reason"],
        from_queryset=Report.objects.select_for_update())
    return report


def _require_editable(report: Report) -> None:
    if report.status not in EDITABLE:
        raise ApplicationError(
            _("报告当前为“%(status)s”，不能修改。") % {"status": report.get_status_display()})


@transaction.atomic
def report_save(*, report: Report, actor, progress: str, state: str,
                failure_reason: str = "", version: int | None = None) -> Report:
    """Save the draft text and state; allowed while the report is a draft or returned.
    Refused (``StaleEdit``) when someone saved it since ``version``."""
    _lock(report)
    _require_editable(report)
    claim_version(report, version)
    progress = (progress or "").strip()
    failure_reason = (failure_reason or "").strip()
    if state not in ProgressState.values:
        raise ApplicationError(_("请选择推进状态。"))
    if state == ProgressState.FAILED and not failure_reason:
        raise ApplicationError(_("推进状态为“未能完成”时，请填写未能完成的原因。"))
    if len(progress) > MAX_PROGRESS_CHARS or len(failure_reason) > MAX_PROGRESS_CHARS:
        raise ApplicationError(_("内容过长，请控制在 %(n)s 字以内。") % {"n": MAX_PROGRESS_CHARS})
    if state != ProgressState.FAILED:
        failure_reason = ""
    report.progress, report.state, report.failure_reason = progress, state, failure_reason
    report.save(update_fields=["progress", "state", "failure_reason", "updated_at"])
    record_event(obj=report, action=PlansEvent.REPORT_DRAFT_SAVED, actor=actor,
                 details={"state": state})
    return report


@transaction.atomic
def report_submit(*, report: Report, actor) -> Report:
    """Submit (or resubmit after a return). After the deadline it is accepted and
    marked late; lateness is judged by the first submission."""
    _lock(report)
    if report.status in EDITABLE and not report.progress.strip():
        raise ApplicationError(_("请先填写工作进展及成效，再报送。"))
    now = timezone.now()
    first = report.first_submitted_at or now
    late = timezone.localdate(first) > report.period.deadline
    transition(report, to=ReportStatus.SUBMITTED, table=REPORT_TRANSITIONS, actor=actor,
               details={"late": late},
               extra_fields={"submitted_at": now, "first_submitted_at": first})
    return report


@transaction.atomic
def report_return(*, report: Report, actor, reason: str) -> Report:
    """Return a submitted report for rectification; the reason is shown to the unit."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("退回整改时必须填写退回理由。"))
    _lock(report)
    transition(report, to=ReportStatus.RETURNED, table=REPORT_TRANSITIONS, actor=actor,
               details={"reason": reason},
               extra_fields={"reviewed_at": timezone.now(), "review_comment": reason,
                             "return_count": report.return_count + 1})
    send_after_commit(report_decided, sender=PlansEvent,
                      event=PlansEvent.REPORT_RETURNED, report=report,
                      actor=actor, comment=reason, return_count=report.return_count)
    return report


@transaction.atomic
def report_pass(*, report: Report, actor, comment: str = "") -> Report:
    comment = (comment or "").strip()
    _lock(report)
    transition(report, to=ReportStatus.PASSED, table=REPORT_TRANSITIONS, actor=actor,
               details={"comment": comment},
               extra_fields={"reviewed_at": timezone.now(), "review_comment": comment})
    report_passed.send(sender=Report, report=report)
    send_after_commit(report_decided, sender=PlansEvent,
                      event=PlansEvent.REPORT_PASSED, report=report,
                      actor=actor, comment=comment, return_count=report.return_count)
    return report


def _check_room(report: Report) -> None:
    _require_editable(report)
    if report.evidence.count() >= MAX_EVIDENCE_PER_REPORT:
        raise ApplicationError(
            _("每份报告最多 %(n)s 份佐证材料。") % {"n": MAX_EVIDENCE_PER_REPORT})


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if len(title) > 200:
        raise ApplicationError(_("材料说明不能超过 200 字。"))
    return title


@transaction.atomic
def evidence_add_file(*, report: Report, actor, file, title: str = "") -> Evidence:
    """Attach an image, PDF, Word or Excel file, checked by content."""
    _lock(report)
    _check_room(report)
    title = _clean_title(title)
    checked = check_upload(file, allowed=EVIDENCE_KINDS,
                           max_bytes=settings.GONGKAI_MAX_UPLOAD_BYTES)
    evidence = Evidence(report=report, kind=EvidenceKind.FILE,
                        original_name=checked.original_name, mime_type=checked.mime_type,
                        size=checked.size, title=title, uploaded_by=actor)
    evidence.file.save(checked.stored_name(), file, save=False)
    # The row and the file live or die together: a failed insert removes the file.
    stored = evidence.file.name
    try:
        evidence.save()
        record_event(obj=report, action=PlansEvent.EVIDENCE_ADDED, actor=actor,
                     details={"evidence": evidence.pk, "kind": "file",
                              "name": checked.original_name, "title": title})
    except Exception:
        evidence.file.storage.delete(stored)
        raise
    return evidence


def _validate_url(url: str) -> str:
    url = (url or "").strip()
    if len(url) > 1000:
        raise ApplicationError(_("链接过长。"))
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise ApplicationError(
            _("链接格式不正确，必须是以 http:// 或 https:// 开头的网址。")) from exc
    return url


@transaction.atomic
def evidence_add_link(*, report: Report, actor, url: str, title: str = "") -> Evidence:
    """Attach a web link; it is checked online in the background after commit."""
    _lock(report)
    _check_room(report)
    url = _validate_url(url)
    title = _clean_title(title)
    evidence = Evidence.objects.create(report=report, kind=EvidenceKind.LINK, url=url,
                                       title=title, uploaded_by=actor)
    record_event(obj=report, action=PlansEvent.EVIDENCE_ADDED, actor=actor,
                 details={"evidence": evidence.pk, "kind": "link", "url": url,
                          "title": title})

    def enqueue() -> None:
        from gongkai.plans.tasks import check_evidence_link

        check_evidence_link(evidence.pk)

    transaction.on_commit(enqueue)
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor) -> None:
    """Remove evidence while its report can still be changed; the file goes after commit."""
    report = _lock(evidence.report)
    _require_editable(report)
    names = [f.name for f in (evidence.file, evidence.snapshot) if f]
    storage = evidence.file.storage
    record_event(obj=report, action=PlansEvent.EVIDENCE_REMOVED, actor=actor,
                 details={"evidence": evidence.pk, "kind": evidence.kind,
                          "name": evidence.original_name or evidence.url,
                          "title": evidence.title})
    evidence.delete()
    transaction.on_commit(lambda: [storage.delete(n) for n in names])
