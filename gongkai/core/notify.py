"""In-platform notifications, with e-mail where the user has an address."""
from collections.abc import Iterable

from django.core.mail import send_mail

from gongkai.core.models import Notification


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
            send_mail(email_subject, f"{text}\n{url}", None, [user.email], fail_silently=True)
    return told
