"""The annual report on government information disclosure (条例第四十九、五十条), in
the template of 国办公开办函〔2021〕30号: one per unit and year, and the district
government's own. Its figures are taken as of 31 December and frozen with it; its
prose is drafted from them, edited by the unit, reviewed through publishing."""
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.publishing.models import Publishable

__all__ = ["AnnualReport"]


class AnnualReport(Publishable):
    year = models.PositiveSmallIntegerField(_("年度"))
    is_district = models.BooleanField(_("区政府年度报告"), default=False)
    title = models.CharField(_("标题"), max_length=200)
    sections = models.JSONField(_("正文"), default=list)  # [{number, title, text}]
    tables = models.JSONField(_("表格"), default=dict)  # {"二", "三", "四"} as of 12月31日
    checks = models.JSONField(_("勾稽检查"), default=dict)  # {"ok", "problems"}
    cut_off = models.DateField(_("数据截止日期"))
    frozen_at = models.DateTimeField(_("数据冻结时间"))

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        ordering = ["-year", "-is_district", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["year", "unit"], condition=Q(is_district=False),
                                    name="reports_annual_once_per_unit"),
            models.UniqueConstraint(fields=["year"], condition=Q(is_district=True),
                                    name="reports_annual_once_for_district"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:annual_public", args=[self.pk])

    # The publishing contract: what the sensitive-information scan reads and masks.
    def scan_sources(self) -> list[tuple[str, str]]:
        return [(s["number"], s["text"]) for s in self.sections]

    def replace_in_source(self, source: str, old: str, new: str) -> None:
        for section in self.sections:
            if section["number"] == source:
                section["text"] = section["text"].replace(old, new)
                self.save(update_fields=["sections", "updated_at"])
                return
        raise ValueError(f"not a section of the annual report: {source!r}")
