"""Writing policy documents: create, edit, attachments, amendment and repeal.

Every write indexes the document in the same transaction (the search never lags) and
appends an audit event. Publication state is not changed here: documents reach the
public only through the review services of ``gongkai.publishing``.
"""
import datetime
from collections.abc import Iterable, Sequence
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.core.uploads import EXCEL, IMAGE, PDF, WORD, check_upload
from gongkai.core.versioning import claim_version
from gongkai.core.workflow import transition
from gongkai.orgs.models import Unit
from gongkai.policies import search
from gongkai.policies.docnumber import parse_doc_number
from gongkai.policies.events import PoliciesEvent
from gongkai.policies.models import (
    DocumentAttachment,
    DocumentKind,
    PolicyDocument,
    Topic,
    Validity,
)
from gongkai.policies.services.content import attachment_extract, html_to_text, sanitize_html
from gongkai.publishing.models import Audience, CatalogCategory

ATTACHMENT_KINDS = frozenset({PDF, WORD, EXCEL, IMAGE})

# Validity moves. Amending an amended document again is allowed (a second amendment);
# a repealed document stays repealed.
VALIDITY_TRANSITIONS = {
    (Validity.VALID, Validity.AMENDED): PoliciesEvent.DOCUMENT_AMENDED,
    (Validity.AMENDED, Validity.AMENDED): PoliciesEvent.DOCUMENT_AMENDED,
    (Validity.VALID, Validity.REPEALED): PoliciesEvent.DOCUMENT_REPEALED,
    (Validity.AMENDED, Validity.REPEALED): PoliciesEvent.DOCUMENT_REPEALED,
}

# Fields ``document_update`` may change, besides the body, issuers and audience units.
EDITABLE_FIELDS = frozenset({
    "kind", "title", "index_number", "doc_number", "issuer_names", "written_on",
    "published_on", "effective_on", "expires_on", "topic", "category", "source_url",
    "source_name", "audience", "interpretation_form", "media_url",
})


def _set_doc_number(document: PolicyDocument, doc_number: str) -> None:
    """Store the 文号 in its canonical spelling with its parts; a number that does
    not follow the usual pattern is kept as written, without parts."""
    parsed = parse_doc_number(doc_number)
    if parsed is None:
        document.doc_number = (doc_number or "").strip()[:100]
        document.issuer_code, document.doc_year, document.doc_serial = "", None, None
        return
    document.doc_number = parsed.canonical
    document.issuer_code, document.doc_year = parsed.issuer_code, parsed.year
    document.doc_serial = parsed.serial


def _check_number_unique(document: PolicyDocument) -> None:
    if not document.issuer_code:
        return
    other = (PolicyDocument.objects.exclude(pk=document.pk)
             .filter(issuer_code=document.issuer_code, doc_year=document.doc_year,
                     doc_serial=document.doc_serial).first())
    if other is not None:
        raise ApplicationError(_("文号“%(number)s”已由《%(title)s》使用，请核对文号。")
                               % {"number": document.doc_number, "title": other.title})


def _check_dates(document: PolicyDocument) -> None:
    effective = document.effective_on or document.published_on or document.written_on
    if document.expires_on and effective and document.expires_on < effective:
        raise ApplicationError(_("失效日期不能早于施行日期（或发布日期）。"))
    if document.written_on and document.published_on and \
            document.published_on < document.written_on:
        raise ApplicationError(_("发布日期不能早于成文日期。"))


def _validate_and_save(document: PolicyDocument) -> None:
    if not (document.title or "").strip():
        raise ApplicationError(_("请填写标题。"))
    document.title = document.title.strip()
    _check_dates(document)
    _check_number_unique(document)
    try:
        document.full_clean(exclude=["author", "unit", "body_text"])
    except ValidationError as exc:
        messages = [m for values in exc.message_dict.values() for m in values]
        raise ApplicationError("；".join(messages)) from exc
    document.save()


def _set_body(document: PolicyDocument, body_html: str) -> None:
    document.body_html = sanitize_html(body_html)
    document.body_text = html_to_text(document.body_html)


@transaction.atomic
def attachments_add(*, document: PolicyDocument, files: Iterable, actor=None
                    ) -> list[DocumentAttachment]:
    """Check each file by content and keep it; its text is extracted by a background job
    once this transaction has committed (extraction can take seconds, and the
    database must not stay locked meanwhile)."""
    checked = [(f, check_upload(f, allowed=ATTACHMENT_KINDS)) for f in files]
    start = document.attachments.count()
    created = []
    for position, (file, upload) in enumerate(checked, start=start):
        attachment = DocumentAttachment(
            document=document, original_name=upload.original_name,
            mime_type=upload.mime_type, size=upload.size, order=position,
            text_pending=upload.kind in (PDF, WORD))
        attachment.file.save(upload.stored_name(), file, save=False)
        attachment.save()
        created.append(attachment)
        if attachment.text_pending:
            transaction.on_commit(partial(_enqueue_extraction, attachment.pk))
    if created:
        record_event(obj=document, action=PoliciesEvent.DOCUMENT_ATTACHMENTS_ADDED, actor=actor,
                     details={"files": [a.original_name for a in created]})
        search.index_document(document)
    return created


def _enqueue_extraction(attachment_id: int) -> None:
    from gongkai.policies.tasks import extract_attachment_text

    extract_attachment_text(attachment_id)


def attachment_extract_text(*, attachment: DocumentAttachment) -> DocumentAttachment:
    """Read the attachment's text (slow, outside any transaction), then store it and
    reindex the document in one short transaction."""
    text, error = attachment_extract(attachment)
    with transaction.atomic():
        updated = DocumentAttachment.objects.filter(pk=attachment.pk).update(
            text=text, text_error=error[:200], text_pending=False)
        if updated:
            search.index_document(attachment.document)
    attachment.text, attachment.text_error, attachment.text_pending = text, error, False
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: DocumentAttachment, actor=None) -> None:
    document = attachment.document
    name = attachment.original_name
    attachment.file.delete(save=False)
    attachment.delete()
    record_event(obj=document, action=PoliciesEvent.DOCUMENT_ATTACHMENT_REMOVED, actor=actor,
                 details={"file": name})
    search.index_document(document)


@transaction.atomic
def document_create(
    *,
    unit: Unit,
    author,
    kind: str,
    title: str,
    doc_number: str = "",
    body_html: str = "",
    issuers: Sequence[Unit] = (),
    issuer_names: str = "",
    index_number: str = "",
    written_on: datetime.date | None = None,
    published_on: datetime.date | None = None,
    effective_on: datetime.date | None = None,
    expires_on: datetime.date | None = None,
    topic: Topic | None = None,
    category: CatalogCategory | None = None,
    source_url: str = "",
    source_name: str = "",
    audience: str = Audience.PUBLIC,
    audience_units: Sequence[Unit] = (),
    interprets: PolicyDocument | None = None,
    interpretation_form: str = "",
    media_url: str = "",
    attachments: Iterable = (),
) -> PolicyDocument:
    """A new draft document of ``unit``. The body is sanitised, the 文号 parsed, the
    attachments checked and their text extracted; indexed before returning."""
    if kind not in DocumentKind.values:
        raise ApplicationError(_("文件类型不正确。"))
    document = PolicyDocument(
        unit=unit, author=author, kind=kind, title=title or "", index_number=index_number,
        issuer_names=issuer_names, written_on=written_on, published_on=published_on,
        effective_on=effective_on, expires_on=expires_on, topic=topic, category=category,
        source_url=source_url, source_name=source_name, audience=audience,
        interprets=interprets, interpretation_form=interpretation_form, media_url=media_url)
    _set_doc_number(document, doc_number)
    _set_body(document, body_html)
    _validate_and_save(document)
    document.issuers.set(list(issuers) or [unit])
    if audience == Audience.UNITS:
        if not audience_units:
            raise ApplicationError(_("公开范围为“指定单位”时，请选择单位。"))
        document.audience_units.set(audience_units)
    record_event(obj=document, action=PoliciesEvent.DOCUMENT_CREATED, actor=author,
                 details={"kind": kind, "doc_number": document.doc_number})
    files = list(attachments)
    if files:
        attachments_add(document=document, files=files, actor=author)
    else:
        search.index_document(document)
    return document


@transaction.atomic
def document_update(*, document: PolicyDocument, actor, body_html: str | None = None,
                    issuers: Sequence[Unit] | None = None,
                    audience_units: Sequence[Unit] | None = None, version: int | None = None,
                    **fields) -> PolicyDocument:
    """Change the given fields (``EDITABLE_FIELDS``), the body, issuers or audience
    units; record which fields changed and reindex. Refused (``StaleEdit``) when the
    document was saved by someone else since ``version``."""
    claim_version(document, version)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ApplicationError(_("不能修改的字段：%(fields)s") % {"fields": ", ".join(unknown)})
    before = {name: getattr(document, name) for name in (*fields, "body_html", "doc_number")}
    doc_number = fields.pop("doc_number", None)
    model_update(document, fields, EDITABLE_FIELDS)
    if doc_number is not None:
        _set_doc_number(document, doc_number)
    if body_html is not None:
        _set_body(document, body_html)
    _validate_and_save(document)
    changed = [name for name, value in before.items() if getattr(document, name) != value]
    if issuers is not None:
        document.issuers.set(list(issuers) or [document.unit])
        changed.append("issuers")
    if audience_units is not None:
        document.audience_units.set(audience_units)
        changed.append("audience_units")
    if document.audience == Audience.UNITS and not document.audience_units.exists():
        raise ApplicationError(_("公开范围为“指定单位”时，请选择单位。"))
    record_event(obj=document, action=PoliciesEvent.DOCUMENT_UPDATED, actor=actor,
                 details={"fields": sorted(set(changed))})
    search.index_document(document)
    return document


def _check_changing_document(document: PolicyDocument, by: PolicyDocument) -> None:
    if by.pk == document.pk:
        raise ApplicationError(_("文件不能修改或废止它自己。"))
    if by.kind == DocumentKind.INTERPRETATION:
        raise ApplicationError(_("政策解读不能修改或废止文件，请选择正式文件。"))


@transaction.atomic
def document_amend(*, document: PolicyDocument, by: PolicyDocument, actor) -> PolicyDocument:
    """Mark ``document`` 已修改 by ``by`` (the amending document), linked both ways."""
    _check_changing_document(document, by)
    transition(document, to=Validity.AMENDED, table=VALIDITY_TRANSITIONS, actor=actor,
               field="validity", extra_fields={"amended_by": by},
               details={"by": by.pk, "by_title": by.title})
    return document


@transaction.atomic
def document_repeal(*, document: PolicyDocument, by: PolicyDocument, actor) -> PolicyDocument:
    """Mark ``document`` 已废止 by ``by`` (the repealing document)."""
    _check_changing_document(document, by)
    transition(document, to=Validity.REPEALED, table=VALIDITY_TRANSITIONS, actor=actor,
               field="validity", extra_fields={"repealed_by": by},
               details={"by": by.pk, "by_title": by.title})
    return document
