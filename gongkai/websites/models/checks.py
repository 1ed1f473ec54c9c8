"""What the checks found: home-page probes, check runs and findings with evidence.

A finding is tied to one indicator of ``rules.INDICATORS`` and keeps its evidence: the
URL, when, the HTTP status or error, and a snapshot of what was fetched (stored through
Django's storage API). Automated findings and the office's own findings share the
table; a quarterly spot check reviews the former and adds the latter."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Probe(models.Model):
    """One availability probe of a home page (≥ 20 a day, 19号)."""

    website = models.ForeignKey("websites.Website", on_delete=models.CASCADE,
                                related_name="probes")
    at = models.DateTimeField(_("时间"), db_index=True)
    ok = models.BooleanField(_("打开"))
    status = models.PositiveSmallIntegerField(_("状态码"), null=True)
    elapsed_ms = models.PositiveIntegerField(_("耗时（毫秒）"))
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["website", "at"])]

    def __str__(self) -> str:
        return f"{self.website_id} {self.at:%Y-%m-%d %H:%M} {self.ok}"


class RunTrigger(models.TextChoices):
    SCHEDULED = "scheduled", _("定时")
    ON_DEMAND = "on_demand", _("手动")


class CheckRun(models.Model):
    website = models.ForeignKey("websites.Website", on_delete=models.CASCADE,
                                related_name="runs")
    trigger = models.CharField(_("触发"), max_length=10, choices=RunTrigger.choices)
    started_at = models.DateTimeField(_("开始"))
    finished_at = models.DateTimeField(_("结束"), null=True)
    pages = models.PositiveIntegerField(_("访问页面数"), default=0)
    summary = models.JSONField(_("结果摘要"), default=dict)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"{self.website_id} {self.started_at:%Y-%m-%d %H:%M}"


class FindingSource(models.TextChoices):
    AUTOMATIC = "automatic", _("自动检查")
    OFFICE = "office", _("人工检查")


class Review(models.TextChoices):
    PENDING = "pending", _("待复核")
    CONFIRMED = "confirmed", _("确认")
    DISMISSED = "dismissed", _("不采纳")


def snapshot_path(instance, filename: str) -> str:
    return f"websites/evidence/{instance.observed_at:%Y/%m}/{filename}"


class Finding(models.Model):
    website = models.ForeignKey("websites.Website", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="findings")
    account = models.ForeignKey("websites.NewMediaAccount", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="findings")
    run = models.ForeignKey(CheckRun, null=True, blank=True, on_delete=models.CASCADE,
                            related_name="findings")
    spot_check = models.ForeignKey("websites.SpotCheck", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="findings")
    rectification = models.ForeignKey("websites.Rectification", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="findings")
    indicator = models.CharField(_("指标"), max_length=40)
    source = models.CharField(_("来源"), max_length=10, choices=FindingSource.choices)
    detail = models.TextField(_("问题描述"))
    count = models.PositiveIntegerField(_("问题数"), default=1)
    url = models.URLField(_("网址"), max_length=500, blank=True)
    observed_at = models.DateTimeField(_("发现时间"))
    http_status = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    snapshot = models.FileField(_("页面快照"), upload_to=snapshot_path, blank=True)
    review = models.CharField(_("复核"), max_length=10, choices=Review.choices,
                              default=Review.PENDING)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("检查发现")
        verbose_name_plural = _("检查发现")
        ordering = ["-observed_at", "indicator"]
        constraints = [
            models.CheckConstraint(
                condition=Q(website__isnull=False, account__isnull=True)
                | Q(website__isnull=True, account__isnull=False),
                name="websites_finding_one_target"),
        ]

    def __str__(self) -> str:
        return f"{self.target} · {self.indicator_label}"

    @property
    def indicator_label(self):
        from gongkai.websites.rules import INDICATORS
        found = INDICATORS.get(self.indicator)
        return found.label if found else self.indicator

    @property
    def target(self):
        return self.website or self.account
