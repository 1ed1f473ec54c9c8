"""The quarterly spot check (抽查) and the rectification (整改) it sets off."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SpotStatus(models.TextChoices):
    SAMPLED = "sampled", _("已抽样")
    NOTIFIED = "notified", _("已下发整改通知")
    CLOSED = "closed", _("已通报")


class SpotCheck(models.Model):
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"))
    seed = models.CharField(_("抽样种子"), max_length=40,
                            help_text=_("记录在案：同一种子与名单可重现同一样本。"))
    status = models.CharField(_("状态"), max_length=10, choices=SpotStatus.choices,
                              default=SpotStatus.SAMPLED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("季度抽查")
        verbose_name_plural = _("季度抽查")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="websites_one_spot_check"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4),
                                   name="websites_quarter_range"),
        ]

    def __str__(self) -> str:
        return _("%(year)s年第%(q)s季度抽查") % {"year": self.year, "q": self.quarter}


class SampleEntry(models.Model):
    spot_check = models.ForeignKey(SpotCheck, on_delete=models.CASCADE,
                                   related_name="entries")
    website = models.ForeignKey("websites.Website", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey("websites.NewMediaAccount", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    due = models.BooleanField(_("本年度尚未抽查"), default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(website__isnull=False, account__isnull=True)
                | Q(website__isnull=True, account__isnull=False),
                name="websites_entry_one_target"),
        ]

    def __str__(self) -> str:
        return str(self.target)

    @property
    def target(self):
        return self.website or self.account


class MediaCheck(models.Model):
    """The spot-check form of an account that cannot be crawled."""

    account = models.ForeignKey("websites.NewMediaAccount", on_delete=models.CASCADE,
                                related_name="checks")
    spot_check = models.ForeignKey(SpotCheck, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="media_checks")
    checked_on = models.DateField(_("检查日期"))
    last_post_on = models.DateField(_("最近一次发布日期"), null=True, blank=True)
    problems = models.JSONField(_("发现的问题"), default=list)
    note = models.TextField(_("说明"), blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.account} {self.checked_on}"


class Screenshot(models.Model):
    media_check = models.ForeignKey(MediaCheck, on_delete=models.CASCADE,
                              related_name="screenshots")
    file = models.FileField(upload_to="websites/screenshots/%Y/%m/")
    original_name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.original_name


class RectStatus(models.TextChoices):
    ISSUED = "issued", _("待整改")
    ANSWERED = "answered", _("已反馈")
    RETURNED = "returned", _("退回重改")
    VERIFIED = "verified", _("整改到位")


class Rectification(models.Model):
    """One 整改通知 to one unit: its findings, a deadline, the answer, the verdict."""

    spot_check = models.ForeignKey(SpotCheck, on_delete=models.CASCADE,
                                   related_name="rectifications")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField(_("整改期限"))
    status = models.CharField(_("状态"), max_length=10, choices=RectStatus.choices,
                              default=RectStatus.ISSUED)
    notice = models.FileField(_("整改通知"), upload_to="websites/notices/%Y/")
    answer = models.TextField(_("整改情况"), blank=True)
    answered_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    office_note = models.TextField(_("复核意见"), blank=True)
    verified_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("整改通知")
        verbose_name_plural = _("整改通知")
        ordering = ["deadline", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["spot_check", "unit"],
                                    name="websites_one_notice_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.spot_check} · {self.unit}"


class RectEvidence(models.Model):
    rectification = models.ForeignKey(Rectification, on_delete=models.CASCADE,
                                      related_name="evidence")
    file = models.FileField(upload_to="websites/rectification/%Y/%m/")
    original_name = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name
