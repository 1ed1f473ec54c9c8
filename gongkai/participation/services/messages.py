"""Writes of the leader messages: intake, assignment and transfer, the reply and its
review, the due date, policy responses.

Every status change goes through ``_move`` (one transition table, one audit event).

The reply time limit is ``GONGKAI_MESSAGE_REPLY_DAYS`` working days (default 10),
counted with the district calendar from the day the message was received (day 0), not
from its assignment: the writer waits from the day they wrote, and days the message
spent in the office's inbox or between units are part of that wait. Assignment and
transfer therefore keep the date of receipt as the start; the office's and the units'
own shares of the time are in the audit trail. A message handed back to the office
keeps no due date until it is assigned again (the date it then gets still counts from
receipt).
"""
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.notify import notify
from gongkai.core.versioning import StaleEdit, claim_version
from gongkai.core.workflow import transition
from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.events import ParticipationEvent
from gongkai.participation.models.messages import (
    MESSAGE_OPEN_STATUSES,
    NAME_MAX,
    REASON_MAX,
    REPLY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Mailbox,
    Message,
    MessageReply,
    MessageStatus,
    MessageTopic,
    PolicyResponse,
)
from gongkai.publishing.models import Audience, PublicationStatus
from gongkai.workdays.calendar import Calendar, compute_due
from gongkai.workdays.selectors import calendar_from_db

DEFAULT_REPLY_DAYS = 10
S = MessageStatus
TRANSITIONS = {
    (S.RECEIVED, S.ASSIGNED): ParticipationEvent.MESSAGE_ASSIGNED,
    (S.RECEIVED, S.REJECTED): ParticipationEvent.MESSAGE_REJECTED,
    (S.ASSIGNED, S.ASSIGNED): ParticipationEvent.MESSAGE_TRANSFERRED,
    (S.ASSIGNED, S.RECEIVED): ParticipationEvent.MESSAGE_RETURNED_TO_OFFICE,
    (S.ASSIGNED, S.DRAFTED): ParticipationEvent.MESSAGE_REPLY_DRAFTED,
    (S.DRAFTED, S.IN_REVIEW): ParticipationEvent.MESSAGE_REPLY_SUBMITTED,
    (S.IN_REVIEW, S.DRAFTED): ParticipationEvent.MESSAGE_REPLY_RETURNED,
    (S.IN_REVIEW, S.PUBLISHED): ParticipationEvent.MESSAGE_PUBLISHED,
    (S.IN_REVIEW, S.CLOSED_PRIVATE): ParticipationEvent.MESSAGE_CLOSED_PRIVATE,
}


def reply_days() -> int:
    """Working days to reply, from the day the message was received."""
    return int(getattr(settings, "GONGKAI_MESSAGE_REPLY_DAYS", DEFAULT_REPLY_DAYS))


def _move(message: Message, to: str, *, actor, details: dict | None = None,
          **fields) -> None:
    transition(message, to=to, table=TRANSITIONS, actor=actor, details=details,
               extra_fields=fields)


def _clean_text(value: str, *, label: str, limit: int, required: bool = True) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if required and not value:
        raise ApplicationError(_("请填写%(label)s。") % {"label": label},
                               details={"label": label})
    if len(value) > limit:
        raise ApplicationError(_("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": limit})
    return value


def _staff_of(unit_id: int) -> list[User]:
    return list(User.objects.filter(role=Role.UNIT_STAFF, unit_id=unit_id, is_active=True))


def _staff_url(message: Message) -> str:
    return reverse("participation:staff_message_detail", args=[message.pk])


# Intake --------------------------------------------------------------------------------

@transaction.atomic
def message_submit(*, mailbox: Mailbox, topic: MessageTopic, title: str, text: str,
                   writer_name: str, contact_phone: str = "", contact_email: str = "",
                   wants_privacy: bool = False) -> Message:
    """Take a message from the public. Text is stored as typed (pages escape it)."""
    if not mailbox.is_active:
        raise ApplicationError(_("该信箱已停用，请选择其他信箱。"))
    contact_phone = (contact_phone or "").strip()
    contact_email = (contact_email or "").strip()
    if not contact_phone and not contact_email:
        raise ApplicationError(_("请至少留下一种联系方式（电话或电子邮箱），仅供承办单位联系您，不会公开。"))
    message = Message(
        mailbox=mailbox, topic=topic,
        title=_clean_text(title, label=_("标题"), limit=TITLE_MAX),
        text=_clean_text(text, label=_("留言内容"), limit=TEXT_MAX),
        writer_name=_clean_text(writer_name, label=_("姓名"), limit=NAME_MAX),
        contact_phone=contact_phone, contact_email=contact_email,
        wants_privacy=bool(wants_privacy),
    )
    message.full_clean()
    message.save()
    record_event(obj=message, action=ParticipationEvent.MESSAGE_RECEIVED,
                 details={"mailbox": mailbox.name, "topic": topic.name,
                          "private": message.wants_privacy})
    office = User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True)
    notify(users=office, text=_("收到新的留言：%(t)s") % {"t": message.title},
           url=_staff_url(message), key=f"participation.message.received:{message.pk}")
    return message


# Assignment ----------------------------------------------------------------------------

def _due_fields(received: dt.datetime, calendar: Calendar | None = None) -> dict:
    """The due date counted from the day the message was received (day 0)."""
    due = compute_due(calendar or calendar_from_db(), timezone.localdate(received),
                      days=reply_days())
    return {"due_on": due.due, "due_provisional": due.provisional}


def _check_unit(unit: Unit) -> None:
    if not unit.is_active:
        raise ApplicationError(_("%(u)s 已停用，不能承办留言。") % {"u": unit.name})


def _tell_unit(message: Message, text: str) -> None:
    notify(users=_staff_of(message.unit_id), text=text, url=_staff_url(message),
           key=f"participation.message.assigned:{message.pk}:{message.unit_id}:"
               f"{message.assigned_at.isoformat()}",
           email_subject=_("领导留言交办"))


@transaction.atomic
def message_assign(*, message: Message, unit: Unit, actor) -> Message:
    """The office gives a message in its inbox to the unit that is to reply."""
    if message.status != S.RECEIVED:
        # (assigned → assigned) is a transfer, which needs a reason: not this door.
        raise ApplicationError(_("只有待分办的留言可以交办；已交办的留言请转办。"))
    _check_unit(unit)
    now = timezone.now()
    _move(message, S.ASSIGNED, actor=actor, details={"unit": unit.name},
          unit=unit, assigned_at=now, **_due_fields(message.submitted_at))
    _tell_unit(message, _("区政务公开办交办留言“%(t)s”，请于 %(d)s 前答复。")
               % {"t": message.title, "d": message.due_on})
    return message


@transaction.atomic
def message_transfer(*, message: Message, unit: Unit, reason: str, actor) -> Message:
    """The office moves an assigned message to another unit; the clock restarts."""
    if message.status != S.ASSIGNED:
        raise ApplicationError(_("只有办理中、尚未拟写答复的留言可以转办。"))
    _check_unit(unit)
    reason = _clean_text(reason, label=_("转办理由"), limit=REASON_MAX)
    if unit.pk == message.unit_id:
        raise ApplicationError(_("留言已由该单位承办，请选择其他单位。"))
    previous = message.unit.name if message.unit_id else ""
    now = timezone.now()
    _move(message, S.ASSIGNED, actor=actor,
          details={"from_unit": previous, "unit": unit.name, "reason": reason},
          unit=unit, assigned_at=now, **_due_fields(message.submitted_at))
    _tell_unit(message, _("留言“%(t)s”转由本单位办理，请于 %(d)s 前答复。")
               % {"t": message.title, "d": message.due_on})
    return message


@transaction.atomic
def message_return_to_office(*, message: Message, reason: str, actor) -> Message:
    """The unit says the message is not theirs: back to the office's inbox."""
    reason = _clean_text(reason, label=_("退回理由"), limit=REASON_MAX)
    previous = message.unit.name if message.unit_id else ""
    _move(message, S.RECEIVED, actor=actor, details={"unit": previous, "reason": reason},
          unit=None, assigned_at=None, due_on=None, due_provisional=False)
    office = User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True)
    notify(users=office, url=_staff_url(message),
           text=_("%(u)s 退回留言“%(t)s”：%(r)s") % {"u": previous, "t": message.title,
                                                  "r": reason})
    return message


@transaction.atomic
def message_reject(*, message: Message, reason: str, actor) -> Message:
    """Not a message for a leader (an advertisement, a complaint for 12345 …)."""
    reason = _clean_text(reason, label=_("不予受理理由"), limit=REASON_MAX)
    _move(message, S.REJECTED, actor=actor, details={"reason": reason},
          reject_reason=reason, answered_at=timezone.now())
    return message


# The reply -----------------------------------------------------------------------------

@transaction.atomic
def message_reply_save(*, message: Message, text: str, actor,
                       version: int | None = None) -> MessageReply:
    """Write or change the draft reply (before it is submitted, or after a return).
    Refused (``StaleEdit``) when someone saved a reply since ``version`` (0: the form
    was opened before any reply existed)."""
    text = _clean_text(text, label=_("答复内容"), limit=REPLY_MAX)
    if message.status not in (S.ASSIGNED, S.DRAFTED):
        raise ApplicationError(_("答复已提交审核或已办结，不能修改。"))
    reply = MessageReply.objects.select_for_update().filter(message=message).first()
    if reply is not None:
        if version == 0:
            raise StaleEdit(current=reply, opened=0)
        claim_version(reply, version)
    if reply is None:
        reply = MessageReply.objects.create(
            message=message, text=text, unit=message.unit, author=actor,
            audience=Audience.UNITS if message.wants_privacy else Audience.PUBLIC)
    else:
        reply.text, reply.unit = text, message.unit
        reply.save(update_fields=["text", "unit", "updated_at"])
    if message.wants_privacy:
        # Published for the writer alone: limited to the answering unit on staff pages.
        reply.audience_units.set([message.unit])
    if message.status == S.ASSIGNED:
        _move(message, S.DRAFTED, actor=actor, details={"chars": len(text)})
    else:
        record_event(obj=message, action=ParticipationEvent.MESSAGE_REPLY_CHANGED, actor=actor,
                     details={"chars": len(text)})
    return reply


@transaction.atomic
def message_reply_submit(*, message: Message, actor) -> MessageReply:
    """Send the draft reply to the publishing review; the unit's answer date is today."""
    from gongkai.publishing.services import content_submit_for_review

    reply = MessageReply.objects.filter(message=message).first()
    if reply is None or message.status != S.DRAFTED:
        raise ApplicationError(_("请先拟写答复，再提交审核。"))
    content_submit_for_review(obj=reply, actor=actor)
    _move(message, S.IN_REVIEW, actor=actor, replied_on=timezone.localdate())
    return reply


@transaction.atomic
def message_review_settled(*, reply: MessageReply, actor=None) -> Message:
    """Follow the reply's review: published → the message is answered (on the public
    site, or for the writer alone); returned → back to the unit's draft. Idempotent:
    a message already in the matching state is left as it is."""
    message = Message.objects.select_for_update().get(pk=reply.message_id)
    if message.status != S.IN_REVIEW:
        return message
    state = reply.publication_status
    if state == PublicationStatus.PUBLISHED:
        to = S.CLOSED_PRIVATE if message.wants_privacy else S.PUBLISHED
        _move(message, to, actor=actor, answered_at=timezone.now())
        notify(users=_staff_of(message.unit_id), url=_staff_url(message),
               text=_("留言“%(t)s”的答复已审核通过。") % {"t": message.title})
    elif state in (PublicationStatus.RETURNED, PublicationStatus.DRAFT,
                   PublicationStatus.WITHDRAWN):
        _move(message, S.DRAFTED, actor=actor)
        notify(users=_staff_of(message.unit_id), url=_staff_url(message),
               text=_("留言“%(t)s”的答复被退回修改。") % {"t": message.title})
    return message


# Due dates -----------------------------------------------------------------------------

@transaction.atomic
def open_messages_recompute_due(*, years=None, calendar: Calendar | None = None) -> int:
    """Recompute the due date of every open message (the calendar changed). Returns how
    many due dates moved. Answered and rejected messages keep theirs."""
    calendar = calendar or calendar_from_db()
    moved = 0
    for message in Message.objects.filter(status__in=MESSAGE_OPEN_STATUSES,
                                          assigned_at__isnull=False):
        fields = _due_fields(message.submitted_at, calendar)
        touched = {timezone.localdate(message.submitted_at).year, message.due_on.year,
                   fields["due_on"].year}
        if years and not touched & set(years):
            continue
        if (fields["due_on"], fields["due_provisional"]) == (message.due_on,
                                                             message.due_provisional):
            continue
        old = message.due_on
        Message.objects.filter(pk=message.pk).update(**fields)
        record_event(obj=message, action=ParticipationEvent.MESSAGE_DUE_RECOMPUTED,
                     details={"from": old, "to": fields["due_on"]})
        moved += 1
    return moved


# Policy responses ----------------------------------------------------------------------

@transaction.atomic
def policy_response_save(*, title: str, note: str = "", document=None, url: str = "",
                         messages: list[Message], actor,
                         response: PolicyResponse | None = None) -> PolicyResponse:
    """Create or change a policy response and the messages it answers."""
    response = response or PolicyResponse(created_by=actor)
    response.title = _clean_text(title, label=_("问题归纳"), limit=200)
    response.note = _clean_text(note, label=_("说明"), limit=2000, required=False)
    response.document, response.url = document, (url or "").strip()
    if response.document is None and not response.url:
        raise ApplicationError(_("请选择回应的政策文件，或填写回应链接。"))
    if not messages:
        raise ApplicationError(_("请至少选择一条留言。"))
    response.full_clean()
    created = response.pk is None
    response.save()
    response.messages.set(messages)
    record_event(obj=response, actor=actor,
                 action=(ParticipationEvent.POLICY_RESPONSE_CREATED if created
                         else ParticipationEvent.POLICY_RESPONSE_CHANGED),
                 details={"messages": [m.pk for m in messages],
                          "document": getattr(document, "pk", None), "url": response.url})
    return response
