"""Background jobs of the core app."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.core import ratelimit


@db_periodic_task(crontab(minute="17"))
def forget_expired_rate_counters() -> None:
    """Rate-limit rows whose window has passed are only dead weight."""
    ratelimit.forget_expired()
