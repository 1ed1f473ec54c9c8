"""政策解读: interpretations linked to their document (三同步)."""
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.orgs.models import Unit
from gongkai.policies.models import DocumentKind, InterpretationForm, PolicyDocument
from gongkai.policies.services.documents import document_create


@transaction.atomic
def interpretation_create(*, document: PolicyDocument, form: str, title: str,
                          body_html: str = "", media_url: str = "", author, unit: Unit,
                          attachments=()) -> PolicyDocument:
    """A draft interpretation of ``document``: text (文字解读) needs a body; a graphic,
    video or Q&A needs its link or a body. It reaches the public through review, ideally
    on the same day as its document (三同步)."""
    if document.kind == DocumentKind.INTERPRETATION:
        raise ApplicationError(_("不能解读一篇政策解读，请选择被解读的文件。"))
    if form not in InterpretationForm.values:
        raise ApplicationError(_("请选择解读形式。"))
    if form == InterpretationForm.TEXT and not (body_html or "").strip():
        raise ApplicationError(_("文字解读需要填写正文。"))
    if form != InterpretationForm.TEXT and not (media_url or (body_html or "").strip()):
        raise ApplicationError(_("图解、视频或问答解读请填写链接或正文。"))
    return document_create(
        unit=unit, author=author, kind=DocumentKind.INTERPRETATION, title=title,
        body_html=body_html, interprets=document, interpretation_form=form,
        media_url=media_url, topic=document.topic, category=document.category,
        audience=document.audience, audience_units=list(document.audience_units.all()),
        attachments=attachments)
