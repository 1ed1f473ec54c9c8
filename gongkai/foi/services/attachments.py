"""The disclosed documents provided with a reply (the letter's 附件): checked by
content like evidence (``gongkai.core.uploads``), stored under a generated name, and
downloaded under the name the applicant will recognise with the extension the content
proved."""
from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.core.uploads import EVIDENCE_KINDS, CheckedUpload, check_upload
from gongkai.foi.models import Application, ReplyAttachment
from gongkai.foi.services import validation as v

MAX_ATTACHMENTS = 20


def attachments_check(files) -> list[tuple[object, CheckedUpload]]:
    """Every file identified by content (PDF, Word, Excel, images) within the size
    limit; raises with the first refusal, naming the file."""
    files = [f for f in files or [] if f]
    if len(files) > MAX_ATTACHMENTS:
        raise v.fail(_("一次最多上传%(n)d个附件。") % {"n": MAX_ATTACHMENTS}, "attachments")
    checked = []
    for file in files:
        try:
            checked.append((file, check_upload(file, allowed=EVIDENCE_KINDS,
                                               max_bytes=settings.GONGKAI_MAX_UPLOAD_BYTES)))
        except Exception as error:  # ApplicationError with the Chinese reason
            message = getattr(error, "message", str(error))
            raise v.fail(message, "attachments") from None
    return checked


def attachments_store(*, application: Application, files) -> list[ReplyAttachment]:
    """Store checked files with the application (called inside the reply's
    transaction: a failed reply keeps no file rows)."""
    stored = []
    for file, checked in attachments_check(files):
        stem = checked.original_name.rsplit(".", 1)[0] or _("附件")
        attachment = ReplyAttachment(application=application,
                                     name=f"{stem[:180]}.{checked.extension}",
                                     kind=checked.extension, size=checked.size)
        attachment.file.save(checked.stored_name(), file, save=False)
        attachment.save()
        stored.append(attachment)
    return stored
