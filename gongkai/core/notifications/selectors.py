"""Reads of notifications: the bell's count and the inbox page. A user only ever
reads their own."""
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from gongkai.core.models import Notification, NotificationSettings

INBOX_PAGE_SIZE = 20


def notifications_of(user) -> QuerySet:
    """``user``'s own notifications, newest first (the only way views reach them)."""
    if user is None or not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def unread_count(user) -> int:
    """One count over the (user, read_at) index."""
    return notifications_of(user).filter(read_at__isnull=True).count()


def inbox_page(user, *, page: int = 1, unread_only: bool = False) -> Page:
    rows = notifications_of(user)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return Paginator(rows, INBOX_PAGE_SIZE).get_page(page)


def wants_daily_digest(user) -> bool:
    return NotificationSettings.objects.filter(user=user, daily_digest=True).exists()
