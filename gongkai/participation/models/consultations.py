"""Consultations on draft decisions (公开征求意见, plan tasks 22–23).

A consultation publishes a draft with its explanation (起草说明) and materials and says
how, where and until when comments are taken. Whether it is open is derived from its
dates on the day it is read; nothing closes it. The draft is split into articles
(条, and their 款) that the public comments on one by one, or on the whole. Every comment
gets a decision; the feedback report (意见采纳情况反馈) is generated from the decisions
and goes through the publication review like any public content.
"""
import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.publishing.models import PublicationStatus, Publishable

__all__ = [
    "Consultation",
    "ConsultationArticle",
    "ConsultationAttachment",
    "ConsultationComment",
    "CommentGroup",
    "Decision",
    "FeedbackReport",
]


class Consultation(Publishable):
    version = version_field()
    title = models.CharField(_("标题"), max_length=300)
    draft_text = models.TextField(_("决策草案"), help_text=_("按“第一条……”分条，系统自动拆分条款。"))
    explanation = models.TextField(_("起草说明"), blank=True)
    how_to_comment = models.TextField(
        _("提出意见的方式和途径"), blank=True,
        help_text=_("例如：在本页逐条留言，或发送电子邮件、信函至……"))
    opens_on = models.DateField(_("征求意见开始日期"))
    closes_on = models.DateField(_("征求意见截止日期"))
    short_period_reason = models.TextField(
        _("征求意见期少于规定天数的理由"), blank=True)
    allow_anonymous = models.BooleanField(_("允许匿名提出意见"), default=True)

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")),
                                   name="participation_consultation_period_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period_days(self) -> int:
        """Calendar days comments are taken, both ends included."""
        return (self.closes_on - self.opens_on).days + 1

    def is_open_on(self, day: dt.date) -> bool:
        return (self.publication_status == PublicationStatus.PUBLISHED
                and self.opens_on <= day <= self.closes_on)

    def has_closed_by(self, day: dt.date) -> bool:
        return day > self.closes_on

    # The Publishable contract of gongkai.publishing.services.scan.
    _SCANNED = ("title", "draft_text", "explanation", "how_to_comment")

    def scan_sources(self) -> list[tuple[str, str]]:
        sources = [(name, getattr(self, name)) for name in self._SCANNED]
        sources += [(f"article:{a.pk}", a.text) for a in self.articles.all()]
        return sources

    def replace_in_source(self, source: str, old: str, new: str) -> None:
        if source.startswith("article:"):
            article = self.articles.get(pk=int(source.split(":", 1)[1]))
            article.text = article.text.replace(old, new)
            article.save(update_fields=["text"])
            return
        if source not in self._SCANNED:
            raise ValueError(source)
        setattr(self, source, getattr(self, source).replace(old, new))
        self.save(update_fields=[source, "updated_at"])


class ConsultationArticle(models.Model):
    """One 条 of the draft, or one 款 of a 条 (``parent`` set). Commentable."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="articles")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="clauses")
    order = models.PositiveIntegerField(_("顺序"))
    label = models.CharField(_("条款"), max_length=50)
    text = models.TextField(_("内容"))

    class Meta:
        verbose_name = _("草案条款")
        verbose_name_plural = _("草案条款")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "order"],
                                    name="participation_article_order_once"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def article(self) -> "ConsultationArticle":
        """The 条 this row belongs to (itself when it is one)."""
        return self.parent or self


def consultation_attachment_path(instance: "ConsultationAttachment", filename: str) -> str:
    return f"participation/consultations/{instance.consultation_id}/{filename}"


class ConsultationAttachment(models.Model):
    """Other necessary materials (其他必要材料), checked by content on upload."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="attachments")
    file = models.FileField(_("文件"), upload_to=consultation_attachment_path, max_length=300)
    original_name = models.CharField(_("原文件名"), max_length=255)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("征求意见材料")
        verbose_name_plural = _("征求意见材料")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class Decision(models.TextChoices):
    PENDING = "pending", _("待处理")
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("不予采纳")
    NOT_APPLICABLE = "not_applicable", _("不适用")


class CommentGroup(models.Model):
    """Near-duplicate comments (the same campaign text sent many times): decided
    together, counted separately."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="comment_groups")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("相似意见组")
        verbose_name_plural = _("相似意见组")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.pk}"


class ConsultationComment(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="comments")
    article = models.ForeignKey(ConsultationArticle, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="comments",
                                verbose_name=_("针对条款"),
                                help_text=_("为空表示对草案整体的意见"))
    name = models.CharField(_("姓名或单位"), max_length=50, blank=True)
    # Never shown on a public page; only the consultation's unit and the office read it.
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    body = models.TextField(_("意见内容"))
    digest = models.CharField(max_length=40, db_index=True,
                              help_text="sha1 of the normalised text: exact duplicates")
    group = models.ForeignKey(CommentGroup, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="comments")
    decision = models.CharField(_("处理结果"), max_length=20, choices=Decision.choices,
                                default=Decision.PENDING, db_index=True)
    reason = models.TextField(_("理由或说明"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("意见")
        verbose_name_plural = _("意见")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision="not_adopted") | ~Q(reason=""),
                name="participation_not_adopted_has_reason"),
        ]

    def __str__(self) -> str:
        return self.body[:30]


class FeedbackReport(Publishable):
    """意见采纳情况反馈: a snapshot of the decisions (``data``) plus an editable preface.

    ``data`` is what ``gongkai.participation.services.feedback.feedback_data`` computed:
    totals, counts per article and the not-adopted comments with their reasons.
    """

    consultation = models.OneToOneField(Consultation, on_delete=models.CASCADE,
                                        related_name="feedback")
    preface = models.TextField(_("说明"), blank=True)
    data = models.JSONField(default=dict)
    generated_at = models.DateTimeField(_("生成时间"))

    class Meta:
        verbose_name = _("意见采纳情况反馈")
        verbose_name_plural = _("意见采纳情况反馈")

    def __str__(self) -> str:
        return f"{self.consultation}（反馈）"

    def scan_sources(self) -> list[tuple[str, str]]:
        texts = []
        for article in self.data.get("articles", []):
            for item in article.get("not_adopted", []):
                texts += [item.get("excerpt", ""), item.get("reason", "")]
        return [("preface", self.preface), ("report", "\n".join(texts))]

    def replace_in_source(self, source: str, old: str, new: str) -> None:
        if source == "preface":
            self.preface = self.preface.replace(old, new)
            self.save(update_fields=["preface", "updated_at"])
            return
        if source != "report":
            raise ValueError(source)
        for article in self.data.get("articles", []):
            for item in article.get("not_adopted", []):
                for key in ("excerpt", "reason"):
                    item[key] = item.get(key, "").replace(old, new)
        self.save(update_fields=["data", "updated_at"])
