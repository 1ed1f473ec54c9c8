"""Applying a reviewer's mask to a document (the publishing contract)."""
import html

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.policies import search
from gongkai.policies.events import PoliciesEvent
from gongkai.policies.models import PolicyDocument
from gongkai.policies.services.content import html_to_text, text_to_html


def _mask_body(document: PolicyDocument, old: str, new: str) -> None:
    if old not in document.body_text:
        raise ApplicationError(_("正文中未找到要遮盖的内容，文件可能已被修改，请重新扫描。"))
    escaped_old, escaped_new = html.escape(old, quote=False), html.escape(new, quote=False)
    body_html = document.body_html.replace(escaped_old, escaped_new)
    body_text = html_to_text(body_html)
    if old in body_text or escaped_old in body_html:
        # The text runs across formatting (4401<b>01</b>…): the formatting gives way,
        # the secret must not survive in the HTML.
        body_text = document.body_text.replace(old, new)
        body_html = text_to_html(body_text)
    document.body_html, document.body_text = body_html, body_text


@transaction.atomic
def document_replace_in_source(*, document: PolicyDocument, source: str, old: str,
                               new: str) -> None:
    """Replace in the title or the body (HTML and text); attachments cannot be edited."""
    if not old:
        raise ApplicationError(_("要遮盖的内容为空。"))
    if source == "title":
        if old not in document.title:
            raise ApplicationError(_("标题中未找到要遮盖的内容，请重新扫描。"))
        document.title = document.title.replace(old, new)
        document.save(update_fields=["title", "updated_at"])
    elif source == "body":
        _mask_body(document, old, new)
        document.save(update_fields=["body_html", "body_text", "updated_at"])
    elif source.startswith("附件:"):
        raise ApplicationError(_("附件中的内容无法直接遮盖，请删除或替换附件"))
    else:
        raise ApplicationError(_("未知的位置：%(source)s") % {"source": source})
    # The replaced text itself is not recorded: it may be what had to be hidden.
    record_event(obj=document, action=PoliciesEvent.DOCUMENT_MASKED,
                 details={"source": source})
    search.index_document(document)
