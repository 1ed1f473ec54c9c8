"""Plan tasks measured by indicators, with targets, and the figures frozen with an
approved report."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Direction", "IndicatorLink", "FrozenFigure"]


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("不少于")
    AT_MOST = "at_most", _("不多于")


class IndicatorLink(models.Model):
    """A plan task whose progress is measured by an indicator, with the year's targets
    (the task belongs to one year's plan): task 24 — district ≥ 3, each unit ≥ 1."""

    task = models.ForeignKey("plans.Task", on_delete=models.CASCADE,
                             related_name="indicator_links", verbose_name=_("工作任务"))
    indicator = models.CharField(_("指标"), max_length=80)
    direction = models.CharField(_("目标方向"), max_length=10, choices=Direction.choices,
                                 default=Direction.AT_LEAST)
    district_target = models.PositiveIntegerField(_("全区（区政府）目标"), null=True,
                                                  blank=True)
    unit_target = models.PositiveIntegerField(_("各单位目标"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("任务指标")
        verbose_name_plural = _("任务指标")
        ordering = ["task__number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "indicator"],
                                    name="reports_link_once_per_task"),
        ]

    def __str__(self) -> str:
        return f"{self.task.number} ← {self.indicator}"


class FrozenFigure(models.Model):
    """A measured figure as a report showed it when the office approved the report."""

    report = models.ForeignKey("plans.Report", on_delete=models.CASCADE,
                               related_name="frozen_figures")
    indicator = models.CharField(max_length=80)
    label = models.CharField(max_length=200)
    unit_label = models.CharField(max_length=10, blank=True)
    value = models.IntegerField()
    target = models.PositiveIntegerField(null=True, blank=True)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    start = models.DateField()
    end = models.DateField()
    frozen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("冻结的测量值")
        verbose_name_plural = _("冻结的测量值")
        ordering = ["report", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"],
                                    name="reports_frozen_once_per_report"),
            models.CheckConstraint(condition=Q(start__lte=models.F("end")),
                                   name="reports_frozen_range"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"
