"""The quarterly spot check: sample, review, the office's own findings, notices,
answers, verification, close.

States move through ``core.workflow.transition`` with the tables below; each step
leaves an audit event on the spot check, the finding or the notice."""
import datetime as dt
import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.uploads import EVIDENCE_KINDS, check_upload
from gongkai.core.workflow import transition
from gongkai.websites import sampling
from gongkai.websites.events import WebsitesEvent
from gongkai.websites.models import (
    AccountStatus,
    Finding,
    FindingSource,
    NewMediaAccount,
    RectEvidence,
    Rectification,
    RectStatus,
    Review,
    SampleEntry,
    SiteStatus,
    SpotCheck,
    SpotStatus,
    Website,
)
from gongkai.websites.rules import INDICATORS
from gongkai.websites.selectors.rules import current_rules

SPOT_MOVES = {(SpotStatus.SAMPLED, SpotStatus.NOTIFIED): WebsitesEvent.SPOT_CHECK_NOTIFIED,
              (SpotStatus.NOTIFIED, SpotStatus.CLOSED): WebsitesEvent.SPOT_CHECK_CLOSED,
              (SpotStatus.SAMPLED, SpotStatus.CLOSED): WebsitesEvent.SPOT_CHECK_CLOSED}
REVIEW_MOVES = {(Review.PENDING, Review.CONFIRMED): WebsitesEvent.FINDING_CONFIRMED,
                (Review.PENDING, Review.DISMISSED): WebsitesEvent.FINDING_DISMISSED,
                (Review.DISMISSED, Review.CONFIRMED): WebsitesEvent.FINDING_CONFIRMED,
                (Review.CONFIRMED, Review.DISMISSED): WebsitesEvent.FINDING_DISMISSED}
RECT_MOVES = {(RectStatus.ISSUED, RectStatus.ANSWERED): WebsitesEvent.RECTIFICATION_ANSWERED,
              (RectStatus.RETURNED, RectStatus.ANSWERED): WebsitesEvent.RECTIFICATION_ANSWERED,
              (RectStatus.ANSWERED, RectStatus.VERIFIED): WebsitesEvent.RECTIFICATION_VERIFIED,
              (RectStatus.ANSWERED, RectStatus.RETURNED): WebsitesEvent.RECTIFICATION_RETURNED}
MAX_EVIDENCE_FILES = 20
LIVE_SITES = (SiteStatus.RUNNING, SiteStatus.MIGRATING, SiteStatus.CLOSE_REQUESTED)
LIVE_ACCOUNTS = (AccountStatus.RUNNING, AccountStatus.CLOSE_REQUESTED)


def _population() -> list[sampling.Key]:
    sites = Website.objects.filter(status__in=LIVE_SITES).values_list("pk", flat=True)
    accounts = NewMediaAccount.objects.filter(status__in=LIVE_ACCOUNTS) \
        .values_list("pk", flat=True)
    return [("website", pk) for pk in sites] + [("account", pk) for pk in accounts]


def _checked_in(year: int) -> set[sampling.Key]:
    entries = SampleEntry.objects.filter(spot_check__year=year)
    return ({("website", pk) for pk in entries.exclude(website=None)
             .values_list("website_id", flat=True)}
            | {("account", pk) for pk in entries.exclude(account=None)
               .values_list("account_id", flat=True)})


@transaction.atomic
def spot_check_create(*, year: int, quarter: int, actor, seed: str = "") -> SpotCheck:
    """Draw and record the quarter's sample (the seed is kept, so it can be redrawn)."""
    if SpotCheck.objects.filter(year=year, quarter=quarter).exists():
        raise ApplicationError(_("%(y)s年第%(q)s季度已经抽样。") % {"y": year, "q": quarter})
    if not 1 <= quarter <= 4:
        raise ApplicationError(_("季度应为1至4。"))
    seed = seed or secrets.token_hex(8)
    population = _population()
    drawn = sampling.draw(population=population, checked_this_year=_checked_in(year),
                          quarter=quarter, seed=seed,
                          share_percent=current_rules()["sample.min_share_percent"])
    spot = SpotCheck.objects.create(year=year, quarter=quarter, seed=seed, created_by=actor)
    SampleEntry.objects.bulk_create([
        SampleEntry(spot_check=spot, due=due, **{f"{kind}_id": pk})
        for (kind, pk), due in drawn])
    record_event(obj=spot, action=WebsitesEvent.SPOT_CHECK_SAMPLED, actor=actor,
                 details={"seed": seed, "population": len(population), "sample": len(drawn)})
    return spot


def finding_review(*, finding: Finding, spot_check: SpotCheck, to: str, actor):
    """The office confirms or dismisses an automated finding for this spot check."""
    if spot_check.status == SpotStatus.CLOSED:
        raise ApplicationError(_("本次抽查已通报，不能再修改。"))
    return transition(finding, to=to, table=REVIEW_MOVES, field="review", actor=actor,
                      extra_fields={"spot_check": spot_check if to == Review.CONFIRMED
                                    else None})


@transaction.atomic
def finding_record(*, spot_check: SpotCheck | None, actor, indicator: str, detail: str,
                   website: Website | None = None, account: NewMediaAccount | None = None,
                   url: str = "", evidence=None) -> Finding:
    """The office's own finding, confirmed as it is recorded; ``evidence`` (a
    screenshot or document) is checked by content first."""
    if indicator not in INDICATORS:
        raise ApplicationError(_("指标无效。"))
    finding = Finding(spot_check=spot_check, website=website, account=account,
                      indicator=indicator, source=FindingSource.OFFICE, detail=detail,
                      url=url, observed_at=timezone.now(), review=Review.CONFIRMED,
                      recorded_by=actor)
    if evidence is not None:
        checked = check_upload(evidence, allowed=EVIDENCE_KINDS)
        finding.snapshot.save(checked.stored_name(), evidence, save=False)
    finding.full_clean()
    finding.save()
    record_event(obj=finding, action=WebsitesEvent.FINDING_RECORDED, actor=actor,
                 details={"indicator": indicator})
    return finding


@transaction.atomic
def rectifications_issue(*, spot_check: SpotCheck, deadline: dt.date, actor
                         ) -> list[Rectification]:
    """One 整改通知 (.docx) per unit with confirmed findings not yet in a notice."""
    from gongkai.websites.services.documents import notice_docx

    if deadline <= timezone.localdate():
        raise ApplicationError(_("整改期限应晚于今天。"))
    findings = spot_check.findings.filter(review=Review.CONFIRMED, rectification=None) \
        .select_related("website__unit", "account__unit")
    by_unit: dict = {}
    for finding in findings:
        by_unit.setdefault(finding.target.unit, []).append(finding)
    if not by_unit:
        raise ApplicationError(_("没有需要整改的已确认问题。"))
    issued = []
    for unit, unit_findings in sorted(by_unit.items(), key=lambda kv: kv[0].sort_order):
        if Rectification.objects.filter(spot_check=spot_check, unit=unit).exists():
            raise ApplicationError(_("%(unit)s 已有本次抽查的整改通知。") % {"unit": unit})
        rect = Rectification.objects.create(spot_check=spot_check, unit=unit,
                                            deadline=deadline)
        Finding.objects.filter(pk__in=[f.pk for f in unit_findings]).update(
            rectification=rect)
        rect.notice.save(f"zhenggai-{spot_check.year}q{spot_check.quarter}-{rect.pk}.docx",
                         ContentFile(notice_docx(rect, unit_findings)))
        record_event(obj=rect, action=WebsitesEvent.RECTIFICATION_ISSUED, actor=actor,
                     details={"unit": unit.name, "deadline": deadline,
                              "findings": len(unit_findings)})
        issued.append(rect)
    if spot_check.status == SpotStatus.SAMPLED:
        transition(spot_check, to=SpotStatus.NOTIFIED, table=SPOT_MOVES, actor=actor)
    return issued


@transaction.atomic
def rectification_answer(*, rectification: Rectification, answer: str, files: list,
                         actor) -> None:
    """The unit says what it changed; every file is checked before anything is kept."""
    if not answer.strip():
        raise ApplicationError(_("请填写整改情况。"))
    if len(files) > MAX_EVIDENCE_FILES:
        raise ApplicationError(_("佐证材料最多 %(n)s 个文件。") % {"n": MAX_EVIDENCE_FILES})
    checked = [(f, check_upload(f, allowed=EVIDENCE_KINDS)) for f in files]
    for upload, info in checked:
        evidence = RectEvidence(rectification=rectification, original_name=info.original_name)
        evidence.file.save(info.stored_name(), upload, save=False)
        evidence.save()
    transition(rectification, to=RectStatus.ANSWERED, table=RECT_MOVES, actor=actor,
               details={"files": len(checked)},
               extra_fields={"answer": answer.strip(), "answered_at": timezone.now()})


def rectification_decide(*, rectification: Rectification, verified: bool, note: str,
                         actor) -> None:
    """The office verifies (整改到位) or returns (退回) the answer; a return needs a why."""
    if not verified and not note.strip():
        raise ApplicationError(_("退回时请写明原因。"))
    to = RectStatus.VERIFIED if verified else RectStatus.RETURNED
    transition(rectification, to=to, table=RECT_MOVES, actor=actor, details={"note": note},
               extra_fields={"office_note": note.strip(),
                             "verified_at": timezone.now() if verified else None})


def spot_check_close(*, spot_check: SpotCheck, actor) -> None:
    """Close the quarter: its results go into the 通报 and the indicators."""
    transition(spot_check, to=SpotStatus.CLOSED, table=SPOT_MOVES, actor=actor)
