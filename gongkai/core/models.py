from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditDeletionRefused(Exception):
    """The audit trail is append-only."""


class AuditEventQuerySet(models.QuerySet):
    def delete(self):
        raise AuditDeletionRefused("audit events are never deleted")


class AuditEvent(models.Model):
    """One step of any workflow: who did what to which object, when, with details.

    History pages, statistics and reports read these rows; nothing is counted by hand.
    Rows are never deleted: here, in the admin, and by a database trigger (migration
    core 0003) for whoever goes round the code.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    action = models.CharField(_("动作"), max_length=100)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    details = models.JSONField(_("详情"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.action} {self.content_type_id}:{self.object_id}"

    def delete(self, *args, **kwargs):
        raise AuditDeletionRefused("audit events are never deleted")


class NotificationKind(models.TextChoices):
    """What a notification is about; the inbox shows the label beside the text."""

    RETURNED = "returned", _("退回整改")
    APPROVED = "approved", _("审核通过")
    REVIEW = "review", _("待审核")
    DUE_SOON = "due_soon", _("即将到期")
    OVERDUE = "overdue", _("已逾期")
    TODO = "todo", _("待办")
    INFO = "info", _("通知")


class Notification(models.Model):
    """A message to one user inside the platform: returns, approvals, items to review,
    deadlines coming and passed. ``key`` names the event, so the same event never tells
    the same person twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notifications")
    kind = models.CharField(_("类别"), max_length=20, choices=NotificationKind.choices,
                            default=NotificationKind.INFO)
    text = models.CharField(_("内容"), max_length=500)
    url = models.CharField(_("链接"), max_length=500, blank=True)
    key = models.CharField(max_length=200, blank=True,
                           help_text="dedupe key: one notification per user and key")
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("站内提醒")
        verbose_name_plural = _("站内提醒")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], condition=~models.Q(key=""),
                                    name="core_notification_once_per_key"),
        ]
        # The bell counts a user's unread rows on every page; the inbox pages through
        # them newest first.
        indexes = [
            models.Index(fields=["user", "read_at"], name="core_notif_user_unread"),
            models.Index(fields=["user", "-created_at"], name="core_notif_user_newest"),
        ]

    def __str__(self) -> str:
        return self.text


class NotificationSettings(models.Model):
    """A user's choice of a daily mail digest of their unread notifications (off
    unless they turn it on), and when the last one was sent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_settings")
    daily_digest = models.BooleanField(_("每日邮件汇总"), default=False)
    digest_sent_at = models.DateTimeField(_("上次汇总时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("提醒设置")
        verbose_name_plural = _("提醒设置")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.daily_digest}"


class RateCounter(models.Model):
    """One rate-limit bucket (scope + client address, or scope + account). Incremented
    with a single UPDATE ... SET count = count + 1, so concurrent requests on any number
    of web processes cannot slip past the limit together."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}={self.count}"


class LoginAttempt(models.Model):
    """Every staff or admin sign-in attempt, kept for the audit and read-only."""

    username = models.CharField(_("用户名"), max_length=150, db_index=True)
    address = models.GenericIPAddressField(_("网络地址"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("用户"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="+")
    succeeded = models.BooleanField(_("成功"))
    throttled = models.BooleanField(_("因失败过多被拒绝"), default=False)
    path = models.CharField(_("入口"), max_length=200, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("登录记录")
        verbose_name_plural = _("登录记录")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M} {'ok' if self.succeeded else 'fail'}"
