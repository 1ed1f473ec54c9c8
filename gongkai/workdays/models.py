"""The working-day calendar as data: one row per exceptional date.

A weekday is a working day and a weekend day is not, except where a ``SpecialDay`` says
otherwise (a holiday on a weekday, a make-up working weekend: 调休). ``CalendarYear``
records which years have been loaded from the State Council's notice; a deadline that
touches a year not loaded is computed on weekends only and flagged provisional.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("依据"), max_length=200, blank=True,
                              help_text=_("例如：国务院办公厅关于2026年部分节假日安排的通知"))
    loaded_at = models.DateTimeField(_("载入时间"), auto_now=True)

    class Meta:
        verbose_name = _("已载入年度")
        verbose_name_plural = _("已载入年度")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class SpecialDay(models.Model):
    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(
        _("上班"), help_text=_("勾选：周末调休上班；不勾选：工作日放假。"))
    name = models.CharField(_("说明"), max_length=50, blank=True,
                            help_text=_("例如：春节、国庆节调休"))

    class Meta:
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {'上班' if self.is_workday else '放假'} {self.name}"
