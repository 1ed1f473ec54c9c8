"""Background jobs of the core app. Thin: they call services."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from django.utils import timezone

from gongkai.core import ratelimit
from gongkai.core.notifications.digest import digests_send
from gongkai.core.notifications.reminders import reminders_run


@db_periodic_task(crontab(minute="17"))
def forget_expired_rate_counters() -> None:
    """Rate-limit rows whose window has passed are only dead weight."""
    ratelimit.forget_expired()


# Crontabs are read in Beijing time (settings.HUEY utc=False): 07:00, before office
# hours; ``localdate`` then gives the Beijing day the reminders are for.
@db_periodic_task(crontab(hour="7", minute="0"))
def send_reminders() -> int:
    """Every morning: the one reminder loop over every app's reminder sources."""
    return reminders_run(today=timezone.localdate())


# 07:30, after the reminders, so the digest carries this morning's as well.
@db_periodic_task(crontab(hour="7", minute="30"))
def send_notification_digests() -> int:
    """Every morning: each opted-in user's digest of unread notifications."""
    return digests_send()
