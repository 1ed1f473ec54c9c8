"""政府公报 (task 48): issues grouping published documents."""
import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.policies.events import PoliciesEvent
from gongkai.policies.models import GazetteEntry, GazetteIssue, PolicyDocument
from gongkai.publishing.models import PublicationStatus


@transaction.atomic
def gazette_issue_create(*, year: int, number: int, title: str = "",
                         published_on: datetime.date | None = None, actor) -> GazetteIssue:
    if not (1949 <= int(year) <= 2199) or int(number) < 1:
        raise ApplicationError(_("请填写正确的年份和期号。"))
    if GazetteIssue.objects.filter(year=year, number=number).exists():
        raise ApplicationError(_("%(year)s年第%(number)s期已存在。")
                               % {"year": year, "number": number})
    issue = GazetteIssue.objects.create(year=year, number=number, title=title.strip(),
                                        published_on=published_on)
    record_event(obj=issue, action=PoliciesEvent.GAZETTE_CREATED, actor=actor,
                 details={"year": year, "number": number})
    return issue


@transaction.atomic
def gazette_issue_update(*, issue: GazetteIssue, actor, title: str,
                         published_on: datetime.date | None) -> GazetteIssue:
    issue.title, issue.published_on = title.strip(), published_on
    issue.save(update_fields=["title", "published_on"])
    record_event(obj=issue, action=PoliciesEvent.GAZETTE_UPDATED, actor=actor)
    return issue


@transaction.atomic
def gazette_add_document(*, issue: GazetteIssue, document: PolicyDocument, actor,
                         order: int | None = None) -> GazetteEntry:
    """Put a published document in ``issue`` (a gazette reprints, never pre-publishes)."""
    if document.publication_status != PublicationStatus.PUBLISHED:
        raise ApplicationError(_("只有已发布的文件才能编入公报。"))
    if order is None:
        order = (issue.entries.aggregate(m=Max("order"))["m"] or 0) + 1
    try:
        with transaction.atomic():
            entry = GazetteEntry.objects.create(issue=issue, document=document, order=order)
    except IntegrityError as exc:
        raise ApplicationError(_("该文件已在本期公报中。")) from exc
    record_event(obj=issue, action=PoliciesEvent.GAZETTE_DOCUMENT_ADDED, actor=actor,
                 details={"document": document.pk, "title": document.title})
    return entry


@transaction.atomic
def gazette_remove_document(*, entry: GazetteEntry, actor) -> None:
    issue, document = entry.issue, entry.document
    entry.delete()
    record_event(obj=issue, action=PoliciesEvent.GAZETTE_DOCUMENT_REMOVED, actor=actor,
                 details={"document": document.pk, "title": document.title})
