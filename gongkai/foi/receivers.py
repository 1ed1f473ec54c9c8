"""Signal receivers of the FOI app, connected in ``FoiConfig.ready``."""
from django.dispatch import receiver

from gongkai.workdays.signals import calendar_changed


@receiver(calendar_changed, dispatch_uid="foi.recompute_due_dates")
def recompute_due_dates(sender, years=None, **kwargs) -> None:
    """A year of the calendar changed: open applications get their new due dates."""
    from gongkai.foi.services.clock import open_applications_recompute

    open_applications_recompute(years=years)
