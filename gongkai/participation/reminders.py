"""Reminder sources of public participation, run by the one reminder loop
(``gongkai.core.notifications.reminders``) every morning.

- ``participation.message_due``: the answering unit's staff hear about a leader message
  when its working days left is one of ``GONGKAI_MESSAGE_REMIND_DAYS`` (default 3, 1
  and 0: the last day); a transfer (a new due date) gets its own reminders;
- ``participation.message_overdue``: the office and the answering unit hear once about
  each overdue message;
- ``participation.consultation_closed``: the unit's staff hear once that a published
  consultation's period has ended and its comments await decisions (closing itself needs
  no job: it is the date).
"""
import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.models import NotificationKind as K
from gongkai.core.notifications.reminders import Reminder, reminder_source
from gongkai.orgs.models import Role, User
from gongkai.participation.models.messages import MESSAGE_OPEN_STATUSES, Message
from gongkai.workdays.calendar import Calendar, working_days_left

DEFAULT_REMIND_DAYS = (3, 1, 0)


def message_remind_days() -> frozenset[int]:
    return frozenset(getattr(settings, "GONGKAI_MESSAGE_REMIND_DAYS", DEFAULT_REMIND_DAYS))


def _due_text(message: Message) -> str:
    text = chinese_date(message.due_on)
    return text + _("（暂定）") if message.due_provisional else text


def _remind_text(message: Message, days: int) -> str:
    if days == 0:
        return _("留言“%(t)s”今天（%(due)s）到答复期限，请按时答复。") % {
            "t": message.title, "due": _due_text(message)}
    return _("留言“%(t)s”距答复期限还有 %(d)d 个工作日（%(due)s 到期）。") % {
        "t": message.title, "d": days, "due": _due_text(message)}


def _overdue_text(message: Message, days: int) -> str:
    return _("%(unit)s 承办的留言“%(t)s”已超过答复期限（%(due)s），已逾期 %(d)d 个工作日。") % {
        "unit": message.unit.name, "t": message.title, "due": _due_text(message), "d": days}


def _staff_by_unit(unit_ids) -> dict[int, list]:
    staff = defaultdict(list)
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit_id__in=set(unit_ids)):
        staff[user.unit_id].append(user)
    return staff


def _open_messages() -> list[Message]:
    return list(Message.objects.filter(status__in=MESSAGE_OPEN_STATUSES,
                                       due_on__isnull=False).select_related("unit"))


def _url(message: Message) -> str:
    return reverse("participation:staff_message_detail", args=[message.pk])


@reminder_source("participation.message_due")
def message_due_soon(*, today: dt.date, calendar: Calendar):
    wanted = message_remind_days()
    messages = [m for m in _open_messages() if m.due_on >= today]
    staff = _staff_by_unit(m.unit_id for m in messages)
    for message in messages:
        days = working_days_left(calendar, today, message.due_on)
        if days in wanted and staff[message.unit_id]:
            yield Reminder(recipients=tuple(staff[message.unit_id]), obj=message,
                           kind=K.DUE_SOON, due=message.due_on, step=str(days),
                           text=_remind_text(message, days), url=_url(message),
                           mail_subject=_("领导留言答复期限提醒"))


@reminder_source("participation.message_overdue")
def message_overdue(*, today: dt.date, calendar: Calendar):
    messages = [m for m in _open_messages() if m.due_on < today]
    staff = _staff_by_unit(m.unit_id for m in messages)
    office = list(User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True))
    for message in messages:
        late = -working_days_left(calendar, today, message.due_on)
        yield Reminder(recipients=tuple(office + staff[message.unit_id]), obj=message,
                       kind=K.OVERDUE, due=message.due_on,
                       text=_overdue_text(message, late), url=_url(message),
                       mail_subject=_("领导留言逾期提醒"))


@reminder_source("participation.consultation_closed")
def consultation_closed(*, today: dt.date, calendar: Calendar):
    from gongkai.participation.models import Consultation
    from gongkai.publishing.models import PublicationStatus

    ended = list(Consultation.objects.filter(
        publication_status=PublicationStatus.PUBLISHED, closes_on__lt=today,
        feedback__isnull=True).select_related("unit"))
    staff = _staff_by_unit(c.unit_id for c in ended)
    for consultation in ended:
        if not staff[consultation.unit_id]:
            continue
        yield Reminder(
            recipients=tuple(staff[consultation.unit_id]), obj=consultation, kind=K.TODO,
            due=consultation.closes_on,
            text=_("征求意见“%(title)s”已于%(date)s截止，请处理公众意见并发布采纳情况反馈。")
            % {"title": consultation.title, "date": consultation.closes_on.isoformat()},
            url=reverse("participation:staff_consultation_comments", args=[consultation.pk]))
