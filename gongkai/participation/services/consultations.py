"""Writes of consultations: create and edit, split the draft into articles, attach
materials, take comments from the public, group near-duplicates, decide comments.
The feedback report lives in ``services.feedback``."""
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.core.uploads import EXCEL, IMAGE, PDF, WORD, check_upload
from gongkai.core.versioning import claim_version
from gongkai.core.workflow import transition
from gongkai.participation import consultation_text as ct
from gongkai.participation.events import ParticipationEvent
from gongkai.participation.models import (
    CommentGroup,
    Consultation,
    ConsultationArticle,
    ConsultationAttachment,
    ConsultationComment,
    Decision,
)
from gongkai.publishing.models import PublicationStatus
from gongkai.publishing.permissions import EDITABLE

MAX_TITLE = 300
MAX_DRAFT = 200_000
MAX_TEXT = 20_000
MAX_COMMENT = 5_000
MAX_NAME = 50
MAX_CONTACT = 100
MAX_REASON = 2_000
# Comments compared with a new one when looking for its near-duplicates: the most
# recent ones are where a running campaign is.
GROUPING_WINDOW = 3_000
ATTACHMENT_KINDS = frozenset({PDF, WORD, EXCEL, IMAGE})

_DECIDED = [Decision.ADOPTED, Decision.PARTLY, Decision.NOT_ADOPTED, Decision.NOT_APPLICABLE]
# Any decision may be revised (a group decided together, then one of it apart) until
# the feedback report goes to review.
DECISION_TRANSITIONS = {
    **{(Decision.PENDING, to): ParticipationEvent.COMMENT_DECIDED for to in _DECIDED},
    **{(frm, to): ParticipationEvent.COMMENT_REVISED for frm in _DECIDED for to in _DECIDED},
}
_EDITABLE_FIELDS = ("title", "draft_text", "explanation", "how_to_comment", "opens_on",
                    "closes_on", "short_period_reason", "allow_anonymous")


def min_period_days() -> int:
    """The default shortest period (不少于30日); a rule, so a setting."""
    return int(getattr(settings, "GONGKAI_CONSULTATION_MIN_DAYS", 30))


def period_warning(opens_on: dt.date, closes_on: dt.date) -> str:
    """The warning to show when the period is shorter than the default, else ''."""
    days = (closes_on - opens_on).days + 1
    if days >= min_period_days():
        return ""
    return _("征求意见期为%(days)s天，少于%(min)s天，须说明理由。") % {
        "days": days, "min": min_period_days()}


def _check_length(value: str, limit: int, label: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ApplicationError(_("%(label)s不能超过%(n)s字。") % {"label": label, "n": limit})
    return value


def _clean(consultation: Consultation) -> None:
    c = consultation
    c.title = _check_length(c.title, MAX_TITLE, _("标题"))
    c.draft_text = _check_length(c.draft_text, MAX_DRAFT, _("决策草案"))
    c.explanation = _check_length(c.explanation, MAX_TEXT, _("起草说明"))
    c.how_to_comment = _check_length(c.how_to_comment, MAX_TEXT, _("提出意见的方式"))
    c.short_period_reason = _check_length(c.short_period_reason, MAX_REASON, _("理由"))
    if not c.title or not c.draft_text:
        raise ApplicationError(_("请填写标题和决策草案。"))
    if c.closes_on < c.opens_on:
        raise ApplicationError(_("截止日期不能早于开始日期。"))
    warning = period_warning(c.opens_on, c.closes_on)
    if warning and not c.short_period_reason:
        raise ApplicationError(warning)


@transaction.atomic
def consultation_create(*, unit, author, title: str, draft_text: str, opens_on: dt.date,
                        closes_on: dt.date, explanation: str = "", how_to_comment: str = "",
                        short_period_reason: str = "", allow_anonymous: bool = True
                        ) -> Consultation:
    """A draft consultation with its articles split from the draft text."""
    consultation = Consultation(
        unit=unit, author=author, title=title, draft_text=draft_text,
        explanation=explanation, how_to_comment=how_to_comment, opens_on=opens_on,
        closes_on=closes_on, short_period_reason=short_period_reason,
        allow_anonymous=allow_anonymous)
    _clean(consultation)
    consultation.save()
    _replace_articles(consultation)
    record_event(obj=consultation, action=ParticipationEvent.CONSULTATION_CREATED, actor=author,
                 details={"period_days": consultation.period_days,
                          "short_period_reason": consultation.short_period_reason})
    return consultation


def _require_editable(consultation: Consultation) -> None:
    if consultation.publication_status not in EDITABLE:
        raise ApplicationError(_("征求意见已提交审核或已发布，不能修改；如需修改请先撤回。"))


@transaction.atomic
def consultation_update(*, consultation: Consultation, actor, version: int | None = None,
                        **fields) -> Consultation:
    """Change the texts and the period while the consultation is not under review or
    published. A changed draft is split again unless comments already name articles.
    Refused (``StaleEdit``) when someone saved it since ``version``."""
    _require_editable(consultation)
    changed = model_update(consultation, fields, _EDITABLE_FIELDS, clean=_clean)
    if not changed:
        return consultation
    claim_version(consultation, version)
    consultation.save(update_fields=[*changed, "updated_at"])
    if "draft_text" in changed and not consultation.comments.exists():
        _replace_articles(consultation)
    record_event(obj=consultation, action=ParticipationEvent.CONSULTATION_UPDATED, actor=actor,
                 details={"fields": changed,
                          "short_period_reason": consultation.short_period_reason})
    return consultation


def _replace_articles(consultation: Consultation) -> int:
    consultation.articles.all().delete()
    order = 0
    for parsed in ct.split_articles(consultation.draft_text):
        order += 1
        article = ConsultationArticle.objects.create(
            consultation=consultation, order=order, label=parsed.label, text=parsed.text)
        if len(parsed.clauses) > 1:
            for position, clause in enumerate(parsed.clauses, start=1):
                order += 1
                ConsultationArticle.objects.create(
                    consultation=consultation, parent=article, order=order,
                    label=ct.clause_label(parsed.label, position), text=clause)
    return order


@transaction.atomic
def consultation_articles_split(*, consultation: Consultation, actor) -> int:
    """Split the draft again, discarding manual edits. Refused once comments exist,
    since they point at articles."""
    _require_editable(consultation)
    if consultation.comments.exists():
        raise ApplicationError(_("已有公众意见，不能重新拆分条款。"))
    count = _replace_articles(consultation)
    record_event(obj=consultation, action=ParticipationEvent.CONSULTATION_ARTICLES_SPLIT,
                 actor=actor, details={"articles": count})
    return count


@transaction.atomic
def article_update(*, article: ConsultationArticle, actor, label: str, text: str
                   ) -> ConsultationArticle:
    """Correct one article's label or text (the automatic split is a first draft)."""
    _require_editable(article.consultation)
    label = _check_length(label, 50, _("条款"))
    text = _check_length(text, MAX_TEXT, _("内容"))
    if not label or not text:
        raise ApplicationError(_("请填写条款名称和内容。"))
    before = {"label": article.label, "text": article.text}
    article.label, article.text = label, text
    article.save(update_fields=["label", "text"])
    record_event(obj=article.consultation, action=ParticipationEvent.CONSULTATION_ARTICLE_EDITED,
                 actor=actor, details={"article": article.pk, "before": before["label"],
                                       "label": label})
    return article


@transaction.atomic
def attachment_add(*, consultation: Consultation, actor, file) -> ConsultationAttachment:
    """Attach a material; the file is identified by its content."""
    _require_editable(consultation)
    checked = check_upload(file, allowed=ATTACHMENT_KINDS)
    attachment = ConsultationAttachment(
        consultation=consultation, original_name=checked.original_name,
        mime_type=checked.mime_type, size=checked.size)
    attachment.file.save(checked.stored_name(), file, save=False)
    attachment.save()
    record_event(obj=consultation, action=ParticipationEvent.CONSULTATION_ATTACHMENT_ADDED,
                 actor=actor, details={"name": attachment.original_name})
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: ConsultationAttachment, actor) -> None:
    consultation = attachment.consultation
    _require_editable(consultation)
    name = attachment.original_name
    attachment.file.delete(save=False)
    attachment.delete()
    record_event(obj=consultation, action=ParticipationEvent.CONSULTATION_ATTACHMENT_REMOVED,
                 actor=actor, details={"name": name})


# Comments ----------------------------------------------------------------------------

def _clean_comment(consultation: Consultation, article, name: str, contact: str,
                   body: str) -> tuple[str, str, str]:
    body = _check_length(body, MAX_COMMENT, _("意见内容"))
    name = _check_length(name, MAX_NAME, _("姓名"))
    contact = _check_length(contact, MAX_CONTACT, _("联系方式"))
    if not body:
        raise ApplicationError(_("请填写意见内容。"))
    if not name and not consultation.allow_anonymous:
        raise ApplicationError(_("本次征求意见须署名，请填写姓名或单位名称。"))
    if article is not None and article.consultation_id != consultation.pk:
        raise ApplicationError(_("所选条款不属于本次征求意见。"))
    return name, contact, body


@transaction.atomic
def comment_submit(*, consultation: Consultation, body: str, article=None, name: str = "",
                   contact: str = "", today: dt.date | None = None) -> ConsultationComment:
    """A comment from the public while the consultation is open, grouped with its
    near-duplicates at once."""
    today = today or timezone.localdate()
    if not consultation.is_open_on(today):
        raise ApplicationError(_("本次征求意见不在征求期内，不能提交意见。"))
    name, contact, body = _clean_comment(consultation, article, name, contact, body)
    comment = ConsultationComment.objects.create(
        consultation=consultation, article=article, name=name, contact=contact, body=body,
        digest=ct.digest(body))
    _join_group(comment)
    record_event(obj=comment, action=ParticipationEvent.COMMENT_RECEIVED,
                 details={"consultation": consultation.pk,
                          "article": article.label if article else ""})
    return comment


def _join_group(comment: ConsultationComment) -> None:
    others = (ConsultationComment.objects.filter(consultation_id=comment.consultation_id)
              .exclude(pk=comment.pk).order_by("-id"))
    match = others.filter(digest=comment.digest).first()
    if match is None:
        new = ct.shingles(comment.body)
        best = 0.0
        for other in others.only("id", "body", "group_id")[:GROUPING_WINDOW]:
            score = ct.jaccard(new, ct.shingles(other.body))
            if score >= ct.SIMILAR and score > best:
                match, best = other, score
    if match is None:
        return
    if match.group_id is None:
        match.group = CommentGroup.objects.create(consultation_id=comment.consultation_id)
        match.save(update_fields=["group"])
    comment.group_id = match.group_id
    comment.save(update_fields=["group"])


@transaction.atomic
def comments_regroup(*, consultation: Consultation, actor=None) -> int:
    """Recompute the near-duplicate groups of all comments (after a threshold change or
    an import). Decisions stay. Returns how many groups there are."""
    texts = dict(consultation.comments.values_list("id", "body"))
    consultation.comments.update(group=None)
    consultation.comment_groups.all().delete()
    groups = ct.near_duplicate_groups(texts)
    for ids in groups:
        group = CommentGroup.objects.create(consultation=consultation)
        ConsultationComment.objects.filter(pk__in=ids).update(group=group)
    record_event(obj=consultation, action=ParticipationEvent.CONSULTATION_COMMENTS_REGROUPED,
                 actor=actor, details={"groups": len(groups)})
    return len(groups)


def _require_decidable(consultation: Consultation) -> None:
    report = getattr(consultation, "feedback", None)
    if report is not None and report.publication_status in (
            PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED):
        raise ApplicationError(_("反馈已提交审核或已发布，不能再修改处理结果。"))


def _clean_decision(decision: str, reason: str) -> str:
    if decision not in _DECIDED:
        raise ApplicationError(_("请选择处理结果。"))
    reason = _check_length(reason, MAX_REASON, _("理由"))
    if decision == Decision.NOT_ADOPTED and not reason:
        raise ApplicationError(_("不予采纳的意见须说明理由。"))
    return reason


def _decide(comment: ConsultationComment, actor, decision: str, reason: str) -> None:
    transition(comment, to=decision, table=DECISION_TRANSITIONS, actor=actor,
               field="decision", details={"reason": reason},
               extra_fields={"reason": reason, "decided_by": actor,
                             "decided_at": timezone.now()})


@transaction.atomic
def comment_decide(*, comment: ConsultationComment, actor, decision: str, reason: str = ""
                   ) -> ConsultationComment:
    """Adopted, partly adopted, not adopted (with the reason) or not applicable."""
    _require_decidable(comment.consultation)
    reason = _clean_decision(decision, reason)
    _decide(comment, actor, decision, reason)
    return comment


@transaction.atomic
def group_decide(*, group: CommentGroup, actor, decision: str, reason: str = "") -> int:
    """Decide every comment of a near-duplicate group alike; each is still counted.
    Returns how many comments were decided."""
    _require_decidable(group.consultation)
    reason = _clean_decision(decision, reason)
    comments = list(group.comments.select_for_update())
    for comment in comments:
        _decide(comment, actor, decision, reason)
    return len(comments)
