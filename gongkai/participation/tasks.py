"""Background jobs of public participation. Thin: they call services."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from django.utils import timezone

from gongkai.participation.services.message_reminders import message_reminders_send
from gongkai.participation.tasks_consultations import notify_closed_consultations  # noqa: F401


# Leader messages, 07:10 Beijing time, before office hours (ten minutes after the
# disclosure reminders).
@db_periodic_task(crontab(hour="7", minute="10"))
def send_message_reminders() -> int:
    """Every morning: today's reply-deadline reminders of leader messages."""
    return message_reminders_send(today=timezone.localdate())
