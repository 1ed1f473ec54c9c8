"""Background jobs of the policies app. Thin: take ids, call a service."""
from huey.contrib.djhuey import db_task

from gongkai.policies.models import DocumentAttachment


@db_task()
def extract_attachment_text(attachment_id: int) -> None:
    from gongkai.policies.services.documents import attachment_extract_text

    attachment = DocumentAttachment.objects.select_related("document").filter(
        pk=attachment_id).first()
    if attachment is not None:  # removed before the job ran
        attachment_extract_text(attachment=attachment)
