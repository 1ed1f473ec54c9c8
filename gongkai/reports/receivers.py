"""Reactions to other modules' signals."""
from django.dispatch import receiver

from gongkai.plans.signals import report_passed
from gongkai.reports.services.links import report_figures_freeze


@receiver(report_passed, dispatch_uid="reports.freeze_figures")
def freeze_figures(sender, report, **kwargs) -> None:
    """The figures a report showed when approved are kept with it."""
    report_figures_freeze(report=report)
