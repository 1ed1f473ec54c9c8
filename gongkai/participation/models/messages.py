"""Leader messages (领导留言, plan task 21).

A visitor writes to a mailbox (a leader's, such as 区长信箱, or a unit's); the office
assigns the message to the unit responsible, which replies within a number of working
days; the reply passes the publishing review and is then published with the message,
or, when the writer asked for privacy, shown only to the writer (query code).

``Message.status`` changes only through ``gongkai.participation.services.messages``
(one transition table). Overdue is never stored: it is ``due_on`` before today among
the open statuses, read at query time.
"""
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.orgs.models import Unit
from gongkai.publishing.models import Publishable

__all__ = [
    "Mailbox", "MailboxKind", "Message", "MessageReply", "MessageStatus", "MessageTopic",
    "PolicyResponse", "MESSAGE_OPEN_STATUSES", "MESSAGE_ANSWERED_STATUSES",
]

TITLE_MAX = 100
TEXT_MAX = 3000
NAME_MAX = 50
REPLY_MAX = 5000
REASON_MAX = 500
# An unambiguous alphabet (no 0/O, 1/I/L) so a code read over the phone is typed right.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_message_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _i in range(CODE_LENGTH))


class MailboxKind(models.TextChoices):
    LEADER = "leader", _("领导信箱")
    UNIT = "unit", _("单位信箱")


class Mailbox(models.Model):
    """Where a message is addressed: a leader's mailbox or a unit's. The office assigns
    every message; a unit mailbox only suggests the unit."""

    name = models.CharField(_("信箱名称"), max_length=50, unique=True,
                            help_text=_("例如“区长信箱”“区教育局局长信箱”。"))
    kind = models.CharField(_("类型"), max_length=10, choices=MailboxKind.choices,
                            default=MailboxKind.LEADER)
    unit = models.ForeignKey(Unit, verbose_name=_("所属单位"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="mailboxes")
    description = models.CharField(_("说明"), max_length=200, blank=True)
    is_active = models.BooleanField(_("在用"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("留言信箱")
        verbose_name_plural = _("留言信箱")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(condition=~Q(kind="unit") | Q(unit__isnull=False),
                                   name="participation_unit_mailbox_has_unit"),
        ]

    def __str__(self) -> str:
        return self.name


class MessageTopic(models.Model):
    """What a message is about (教育, 交通, 城市管理 …): the axis of the statistics."""

    name = models.CharField(_("主题"), max_length=30, unique=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("留言主题")
        verbose_name_plural = _("留言主题")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class MessageStatus(models.TextChoices):
    RECEIVED = "received", _("待分办")
    ASSIGNED = "assigned", _("办理中")
    DRAFTED = "drafted", _("已拟答复")
    IN_REVIEW = "in_review", _("答复审核中")
    PUBLISHED = "published", _("已答复并公开")
    CLOSED_PRIVATE = "closed_private", _("已答复（不公开）")
    REJECTED = "rejected", _("不予受理")


# A unit's clock runs in these statuses; overdue = due_on before today here.
MESSAGE_OPEN_STATUSES = (MessageStatus.ASSIGNED, MessageStatus.DRAFTED,
                         MessageStatus.IN_REVIEW)
MESSAGE_ANSWERED_STATUSES = (MessageStatus.PUBLISHED, MessageStatus.CLOSED_PRIVATE)


class Message(models.Model):
    """One message from the public. Contact details are for the handling staff only."""

    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.PROTECT,
                                related_name="messages")
    topic = models.ForeignKey(MessageTopic, verbose_name=_("主题"), on_delete=models.PROTECT,
                              related_name="messages")
    title = models.CharField(_("标题"), max_length=TITLE_MAX)
    text = models.TextField(_("留言内容"))
    writer_name = models.CharField(_("姓名"), max_length=NAME_MAX)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("电子邮箱"), max_length=254, blank=True)
    wants_privacy = models.BooleanField(
        _("不公开"), default=False,
        help_text=_("勾选后，留言和答复不在网站公开，只能凭查询码查看。"))
    query_code = models.CharField(_("查询码"), max_length=20, unique=True,
                                  default=new_message_code, editable=False)
    submitted_at = models.DateTimeField(_("留言时间"), auto_now_add=True, db_index=True)
    status = models.CharField(_("状态"), max_length=20, choices=MessageStatus.choices,
                              default=MessageStatus.RECEIVED, db_index=True)
    unit = models.ForeignKey(Unit, verbose_name=_("承办单位"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="leader_messages")
    assigned_at = models.DateTimeField(_("交办时间"), null=True, blank=True)
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField(_("期限为暂定"), default=False)
    replied_on = models.DateField(_("答复提交日"), null=True, blank=True,
                                  help_text=_("承办单位最后一次提交答复审核的日期。"))
    answered_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    reject_reason = models.CharField(_("不予受理理由"), max_length=REASON_MAX, blank=True)

    class Meta:
        verbose_name = _("领导留言")
        verbose_name_plural = _("领导留言")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["received", "rejected"])
                | Q(unit__isnull=False, due_on__isnull=False),
                name="participation_message_handled_has_unit_and_due"),
            models.CheckConstraint(condition=~Q(status="rejected") | ~Q(reject_reason=""),
                                   name="participation_message_reject_has_reason"),
        ]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return self.title


class MessageReply(Publishable):
    """The unit's reply to one message. Reviewed as publishable content; its scan covers
    the message too, so a phone number the writer typed into the text is caught before
    the message goes on the public site. ``unit`` is the answering unit."""

    version = version_field()
    # The message's own service tells the unit of the reply's return or approval
    # (services.messages), so the publishing app does not tell the author again.
    tells_own_review_outcome = True

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="reply")
    text = models.TextField(_("答复内容"))

    class Meta:
        verbose_name = _("留言答复")
        verbose_name_plural = _("留言答复")

    def __str__(self) -> str:
        return f"答复：{self.message.title}"

    # The publishing contract (gongkai.publishing.services.scan).
    def scan_sources(self) -> list[tuple[str, str]]:
        return [("message.title", self.message.title), ("message.text", self.message.text),
                ("reply.text", self.text)]

    def replace_in_source(self, source: str, old: str, new: str) -> None:
        target, field = {"message.title": (self.message, "title"),
                         "message.text": (self.message, "text"),
                         "reply.text": (self, "text")}[source]
        setattr(target, field, getattr(target, field).replace(old, new))
        target.save(update_fields=[field])


class PolicyResponse(models.Model):
    """A frequently raised problem answered by policy: a group of messages linked to the
    policy document that responds to them (or a web address when the response is not a
    document of the library), with the office's note. Shown on those messages' pages."""

    title = models.CharField(_("问题归纳"), max_length=200)
    note = models.TextField(_("说明"), blank=True)
    document = models.ForeignKey("policies.PolicyDocument", verbose_name=_("回应的政策文件"),
                                 null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="message_responses")
    url = models.URLField(_("回应链接"), max_length=500, blank=True)
    messages = models.ManyToManyField(Message, verbose_name=_("相关留言"), blank=True,
                                      related_name="policy_responses")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("政策回应")
        verbose_name_plural = _("政策回应")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(document__isnull=False) | ~Q(url=""),
                                   name="participation_response_has_document_or_url"),
        ]

    def __str__(self) -> str:
        return self.title
