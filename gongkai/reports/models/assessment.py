"""The yearly assessment (考核) as data the office edits, and its 通报."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit

__all__ = ["AssessmentScheme", "ItemKind", "SchemeItem", "AdjustmentKind", "Adjustment",
           "NoticeScope", "NoticeStatus", "AssessmentNotice"]


class AssessmentScheme(models.Model):
    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    title = models.CharField(_("名称"), max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("考核方案")
        verbose_name_plural = _("考核方案")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class ItemKind(models.TextChoices):
    SCALED = "scaled", _("按完成程度计分")
    DEDUCTION = "deduction", _("扣分项")
    BONUS = "bonus", _("加分项")


class SchemeItem(models.Model):
    """One line of the scheme.

    - 按完成程度计分: ``points × min(value / full_value, 1)``;
    - 扣分项: ``points`` deducted per unit of the value (each overdue application …),
      at most ``cap``;
    - 加分项: ``points`` added per unit of the value, at most ``cap``.
    """

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE,
                               related_name="items")
    kind = models.CharField(_("类型"), max_length=10, choices=ItemKind.choices)
    indicator = models.CharField(_("指标"), max_length=80)
    label = models.CharField(_("名称"), max_length=200, blank=True)
    points = models.DecimalField(_("分值"), max_digits=6, decimal_places=2)
    full_value = models.PositiveIntegerField(_("满分所需数值"), default=1)
    cap = models.DecimalField(_("最多扣（加）分"), max_digits=6, decimal_places=2, null=True,
                              blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("考核项目")
        verbose_name_plural = _("考核项目")
        ordering = ["scheme", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "kind", "indicator"],
                                    name="reports_item_once"),
            models.CheckConstraint(condition=Q(points__gt=0), name="reports_item_points"),
            models.CheckConstraint(condition=Q(full_value__gte=1),
                                   name="reports_item_full_value"),
        ]

    def __str__(self) -> str:
        return self.label or self.indicator


class AdjustmentKind(models.TextChoices):
    MANUAL = "manual", _("人工调整")
    CORRECTION = "correction", _("更正")


class Adjustment(models.Model):
    """Points added (or taken, negative) by hand, always with a reason; audited."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE,
                               related_name="adjustments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类型"), max_length=12, choices=AdjustmentKind.choices,
                            default=AdjustmentKind.MANUAL)
    points = models.DecimalField(_("分值"), max_digits=6, decimal_places=2)
    reason = models.TextField(_("理由"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("考核调整")
        verbose_name_plural = _("考核调整")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="reports_adjust_reason"),
            models.CheckConstraint(condition=~Q(points=0), name="reports_adjust_nonzero"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.points:+}"


class NoticeScope(models.TextChoices):
    Q3 = "q3", _("第三季度")
    Q4 = "q4", _("第四季度")
    YEAR = "year", _("全年")


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PENDING = "pending", _("报主要负责同志审定")
    APPROVED = "approved", _("已审定")
    ISSUED = "issued", _("已印发")


class AssessmentNotice(models.Model):
    """A 通报 of the results: drafted from them, edited, approved by the principal
    leader (task 59: rankings made public need that approval), then issued."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE,
                               related_name="notices")
    scope = models.CharField(_("范围"), max_length=10, choices=NoticeScope.choices)
    title = models.CharField(_("标题"), max_length=300)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    body = models.TextField(_("正文"))
    status = models.CharField(_("状态"), max_length=12, choices=NoticeStatus.choices,
                              default=NoticeStatus.DRAFT)
    approval_note = models.TextField(_("审定意见"), blank=True)
    approved_by = models.CharField(_("审定人"), max_length=50, blank=True)
    issued_on = models.DateField(_("印发日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("考核通报")
        verbose_name_plural = _("考核通报")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "pending"]) | ~Q(approved_by=""),
                name="reports_notice_approved_has_approver"),
        ]

    def __str__(self) -> str:
        return self.title
