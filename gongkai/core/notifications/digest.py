"""The daily mail digest: one mail per user who chose it, listing the notifications
still unread that arrived since their last digest. Sent through Django's mail backend
(files in var/mail/ unless EMAIL_HOST is set)."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.models import Notification, NotificationSettings

logger = logging.getLogger(__name__)

DIGEST_MAX_ITEMS = 50


def _absolute(url: str) -> str:
    base = getattr(settings, "GONGKAI_SITE_URL", "").rstrip("/")
    return f"{base}{url}" if base and url.startswith("/") else url


def digest_body(user, rows: list[Notification], more: int) -> str:
    lines = [_("%(name)s，您好：") % {"name": user}, "",
             _("您在政务公开工作平台有 %(n)d 条未读提醒：") % {"n": len(rows) + more}, ""]
    for row in rows:
        when = timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M")
        lines.append(f"【{row.get_kind_display()}】{when} {row.text}")
        if row.url:
            lines.append(f"    {_absolute(row.url)}")
    if more:
        lines.append(_("……另有 %(n)d 条，请登录平台查看。") % {"n": more})
    lines += ["", _("在平台的“站内提醒”页面可以关闭每日邮件汇总。")]
    return "\n".join(lines)


def _unread_since(prefs: NotificationSettings):
    rows = Notification.objects.filter(user=prefs.user, read_at__isnull=True)
    if prefs.digest_sent_at:
        rows = rows.filter(created_at__gt=prefs.digest_sent_at)
    return rows.order_by("-created_at", "-id")


def digests_send(*, now=None) -> int:
    """Send each opted-in user with an address their digest; returns mails sent.
    Nothing new since the last digest: no mail."""
    now = now or timezone.now()
    sent = 0
    chosen = (NotificationSettings.objects.select_related("user")
              .filter(daily_digest=True, user__is_active=True).exclude(user__email=""))
    for prefs in chosen:
        rows = list(_unread_since(prefs)[:DIGEST_MAX_ITEMS + 1])
        if not rows:
            continue
        shown = rows[:DIGEST_MAX_ITEMS]
        more = _unread_since(prefs).count() - len(shown) if len(rows) > DIGEST_MAX_ITEMS else 0
        try:
            send_mail(_("政务公开工作平台每日提醒汇总"), digest_body(prefs.user, shown, more),
                      None, [prefs.user.email])
        except Exception:
            logger.exception("digest to user %s failed", prefs.user_id,
                             extra={"event": "mail.failed"})
            continue
        with transaction.atomic():
            NotificationSettings.objects.filter(pk=prefs.pk).update(digest_sent_at=now)
        sent += 1
    return sent
