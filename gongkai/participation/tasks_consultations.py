"""Background job of consultations. Thin: it calls a service. A consultation closes by
its date (derived when read); this job only tells the unit its comments await handling.

huey discovers ``gongkai.participation.tasks``, which imports this module."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from django.utils import timezone

from gongkai.participation.services.consultations import consultations_notify_closed


# 07:20 Beijing time: the morning after the last day of the period.
@db_periodic_task(crontab(hour="7", minute="20"))
def notify_closed_consultations() -> int:
    return consultations_notify_closed(today=timezone.localdate())
