"""The feedback report (意见采纳情况反馈): generated from the decisions, grouped by
article, with counts and the reasons for what was not adopted; reviewed through the
publishing services, then shown on the consultation's page and exported as .docx."""
from collections import OrderedDict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.audit import record_event
from gongkai.core.docx import Heading, Table, official_document
from gongkai.core.errors import ApplicationError
from gongkai.core.i18n import in_source_language
from gongkai.participation.consultation_text import chinese_number
from gongkai.participation.events import ParticipationEvent
from gongkai.participation.models import Consultation, Decision, FeedbackReport
from gongkai.publishing.permissions import EDITABLE

COUNTED = [Decision.ADOPTED, Decision.PARTLY, Decision.NOT_ADOPTED, Decision.NOT_APPLICABLE]
EXCERPT = 200
WHOLE = gettext_lazy("对草案整体的意见")


def _empty_counts() -> dict[str, int]:
    return {d.value: 0 for d in COUNTED}


def feedback_data(consultation: Consultation) -> dict:
    """Counts per article (款 rolled into their 条, the whole draft first) and the
    not-adopted comments with their reasons; a near-duplicate group with one reason is
    listed once with how many sent it."""
    articles: OrderedDict[int | None, dict] = OrderedDict()
    articles[None] = {"label": str(WHOLE), "total": 0, "counts": _empty_counts(),
                      "not_adopted": []}
    for article in consultation.articles.filter(parent__isnull=True):
        articles[article.pk] = {"label": article.label, "total": 0,
                                "counts": _empty_counts(), "not_adopted": []}
    totals = _empty_counts()
    listed: dict[tuple, dict] = {}
    comments = consultation.comments.select_related("article").order_by("id")
    for comment in comments:
        key = comment.article.parent_id or comment.article_id if comment.article else None
        entry = articles.get(key, articles[None])
        entry["total"] += 1
        entry["counts"][comment.decision] += 1
        totals[comment.decision] += 1
        if comment.decision == Decision.NOT_ADOPTED:
            _list_not_adopted(entry, listed, key, comment)
    return {
        "total": sum(totals.values()),
        "counts": totals,
        "articles": [a for a in articles.values() if a["total"]],
        "labels": {d.value: str(d.label) for d in COUNTED},
    }


def _list_not_adopted(entry: dict, listed: dict, key, comment) -> None:
    same = (key, comment.group_id or f"c{comment.pk}", comment.reason)
    if same in listed:
        listed[same]["count"] += 1
        return
    body = comment.body
    item = {"excerpt": body if len(body) <= EXCERPT else body[:EXCERPT - 1] + "…",
            "reason": comment.reason, "count": 1}
    listed[same] = item
    entry["not_adopted"].append(item)


@transaction.atomic
@in_source_language
def feedback_generate(*, consultation: Consultation, actor, preface: str = "",
                      today=None) -> FeedbackReport:
    """Create or regenerate the report from the current decisions. Only after the
    period has ended, with every comment decided, and while the report is editable."""
    today = today or timezone.localdate()
    if not consultation.has_closed_by(today):
        raise ApplicationError(_("征求意见期尚未结束，结束后才能生成采纳情况反馈。"))
    pending = consultation.comments.filter(decision=Decision.PENDING).count()
    if pending:
        raise ApplicationError(
            _("还有%(n)s条意见未处理，全部处理后才能生成反馈。") % {"n": pending})
    preface = (preface or "").strip()
    if len(preface) > 5000:
        raise ApplicationError(_("说明不能超过5000字。"))
    data = feedback_data(consultation)
    report = FeedbackReport.objects.filter(consultation=consultation).first()
    if report is None:
        report = FeedbackReport.objects.create(
            consultation=consultation, unit=consultation.unit, author=actor,
            preface=preface, data=data, generated_at=timezone.now())
        action = ParticipationEvent.FEEDBACK_GENERATED
    else:
        if report.publication_status not in EDITABLE:
            raise ApplicationError(_("反馈已提交审核或已发布，不能重新生成；如需修改请先撤回。"))
        report.preface, report.data, report.generated_at = preface, data, timezone.now()
        report.save(update_fields=["preface", "data", "generated_at", "updated_at"])
        action = ParticipationEvent.FEEDBACK_REGENERATED
    record_event(obj=report, action=action, actor=actor,
                 details={"total": data["total"], **data["counts"]})
    return report


def summary_sentence(data: dict) -> str:
    counts = data.get("counts", {})
    return _("本次征求意见共收到意见%(total)s条，其中采纳%(a)s条，部分采纳%(p)s条，"
             "不予采纳%(n)s条，不适用%(x)s条。") % {
        "total": data.get("total", 0), "a": counts.get("adopted", 0),
        "p": counts.get("partly", 0), "n": counts.get("not_adopted", 0),
        "x": counts.get("not_applicable", 0)}


@in_source_language
def feedback_docx(report: FeedbackReport) -> bytes:
    """The report in official-document layout."""
    consultation, data = report.consultation, report.data
    blocks: list = []
    if report.preface:
        blocks.append(report.preface)
    blocks += [Heading(_("一、总体情况")), summary_sentence(data), Table(
        headers=[_("条款"), _("意见数"), _("采纳"), _("部分采纳"), _("不予采纳"), _("不适用")],
        rows=[[a["label"], a["total"], *(a["counts"][d.value] for d in COUNTED)]
              for a in data.get("articles", [])])]
    blocks.append(Heading(_("二、未予采纳的意见及理由")))
    reasons = [a for a in data.get("articles", []) if a["not_adopted"]]
    if not reasons:
        blocks.append(_("无。"))
    for number, article in enumerate(reasons, start=1):
        blocks.append(Heading(f"（{chinese_number(number)}）{article['label']}", level=2))
        for item in article["not_adopted"]:
            times = _("（%(n)s条相同或相似意见）") % {"n": item["count"]} \
                if item["count"] > 1 else ""
            blocks.append(_("意见：%(e)s%(t)s") % {"e": item["excerpt"], "t": times})
            blocks.append(_("理由：%(r)s") % {"r": item["reason"]})
    return official_document(
        issuer="", doc_number="",
        title=_("关于《%(t)s》公开征求意见采纳情况的反馈") % {"t": consultation.title},
        addressee="", paragraphs=blocks, signature=consultation.unit.name,
        signed_on=timezone.localdate(report.published_at) if report.published_at
        else timezone.localdate())

