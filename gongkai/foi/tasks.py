"""Background jobs of the disclosure applications. Thin: they call services. The
deadline reminders run in the one reminder loop (``gongkai.core.tasks``) from the
sources in ``gongkai.foi.reminders``."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from django.utils import timezone

from gongkai.foi.reminders import consultations_expire_and_tell


# Crontabs are read in Beijing time (settings.HUEY utc=False): 06:50, before the
# reminders of 07:00, so the due dates they read already count the resumed clocks.
@db_periodic_task(crontab(hour="6", minute="50"))
def expire_consultations() -> int:
    """Every morning: consultations past their 15 working days end by themselves."""
    return consultations_expire_and_tell(today=timezone.localdate())
