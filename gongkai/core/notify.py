"""In-platform notifications, with e-mail where the user has an address."""
import logging
from collections.abc import Iterable

from django.core.mail import send_mail

from gongkai.core.models import Notification

logger = logging.getLogger(__name__)


def notify(*, users: Iterable, text: str, url: str = "", key: str = "",
           email_subject: str = "") -> int:
    """Tell each user once (per ``key``, when given). Returns how many were told."""
    told = 0
    for user in users:
        if key and Notification.objects.filter(user=user, key=key).exists():
            continue
        Notification.objects.create(user=user, text=text[:500], url=url, key=key)
        told += 1
        if email_subject and user.email:
            _send(email_subject, f"{text}\n{url}", user)
    return told


def _send(subject: str, body: str, user) -> None:
    # The in-platform notification is already stored, so a mail server that is down must
    # not undo it; but the operator has to learn of it, hence an error in the log.
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        logger.exception("mail to user %s failed", user.pk, extra={"event": "mail.failed"})
