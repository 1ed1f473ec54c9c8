"""Background jobs of the disclosure applications. Thin: they call services."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from django.utils import timezone

from gongkai.foi.services.reminders import reminders_send


# Crontabs are read in Beijing time (settings.HUEY utc=False): 07:00, before office
# hours; ``localdate`` then gives the Beijing day the reminders are for.
@db_periodic_task(crontab(hour="7", minute="0"))
def send_deadline_reminders() -> int:
    """Every morning, before office hours: today's deadline reminders."""
    return reminders_send(today=timezone.localdate())
