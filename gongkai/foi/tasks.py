"""Background jobs of the disclosure applications. Thin: they call services."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from django.utils import timezone

from gongkai.foi.services.reminders import reminders_send


# huey reads crontabs in UTC (its default): 23:00 UTC is 07:00 in Beijing, before office
# hours; ``localdate`` then gives the Beijing day the reminders are for.
@db_periodic_task(crontab(hour="23", minute="0"))
def send_deadline_reminders() -> int:
    """Every morning, before office hours: today's deadline reminders."""
    return reminders_send(today=timezone.localdate())
