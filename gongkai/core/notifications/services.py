"""Writes of notifications: telling people, marking read, the digest choice.

Every notification goes through ``notify``: domain-event receivers (a report returned,
an item routed to a reviewer) and the reminder loop alike. A ``key`` names the event, so
the same event tells the same person once, however often it is reported.
"""
import logging
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.core.models import Notification, NotificationKind, NotificationSettings
from gongkai.core.notifications.selectors import wants_daily_digest

logger = logging.getLogger(__name__)

MAX_TEXT = 500


def notify(*, users: Iterable, text: str, url: str = "", key: str = "",
           kind: str = NotificationKind.INFO, email_subject: str = "") -> int:
    """Tell each user once (per ``key``, when given). Returns how many were told.

    With ``email_subject`` the notice is also mailed at once (after commit) to users
    with an address, except those who chose the daily digest: it reaches them there.
    """
    told = 0
    for user in {u.pk: u for u in users}.values():
        if key and Notification.objects.filter(user=user, key=key).exists():
            continue
        try:
            with transaction.atomic():
                Notification.objects.create(user=user, kind=kind, text=text[:MAX_TEXT],
                                            url=url[:500], key=key[:200])
        except IntegrityError:  # the same event, told by a concurrent run
            continue
        told += 1
        if email_subject and user.email and not wants_daily_digest(user):
            body = f"{text}\n{url}"
            transaction.on_commit(lambda u=user, b=body: _send(email_subject, b, u))
    return told


def _send(subject: str, body: str, user) -> None:
    # The in-platform notification is already stored, so a mail server that is down must
    # not undo it; but the operator has to learn of it, hence an error in the log.
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        logger.exception("mail to user %s failed", user.pk, extra={"event": "mail.failed"})


def notification_mark_read(*, notification: Notification, user) -> bool:
    """Mark one of ``user``'s own notifications read; another's is refused.
    Returns whether it was unread."""
    if notification.user_id != user.pk:
        raise PermissionDenied
    if notification.read_at is not None:
        return False
    notification.read_at = timezone.now()
    notification.save(update_fields=["read_at"])
    return True


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now())


def notification_settings_set(*, user, daily_digest: bool) -> NotificationSettings:
    """Turn the daily mail digest on or off for ``user``."""
    prefs, _created = NotificationSettings.objects.get_or_create(user=user)
    if prefs.daily_digest != daily_digest:
        prefs.daily_digest = daily_digest
        prefs.save(update_fields=["daily_digest"])
    return prefs
