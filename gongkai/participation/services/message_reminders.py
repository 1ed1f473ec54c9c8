"""Reminders of approaching and passed reply deadlines of leader messages, in the
platform and by e-mail (``gongkai.core.notify``), like those of the disclosure
applications. Run daily by ``gongkai.participation.tasks``.

The answering unit's staff hear about a message when its working days left is one of
``GONGKAI_MESSAGE_REMIND_DAYS`` (default 3, 1 and 0: the last day); the office hears
about every overdue one. Each notice has a dedupe key of the message, the due date and
the day count, so a rerun on the same day sends nothing twice, while a transfer (a new
due date) gets its own reminders.
"""
import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.notify import notify
from gongkai.orgs.models import Role, User
from gongkai.participation.models.messages import MESSAGE_OPEN_STATUSES, Message
from gongkai.workdays.calendar import Calendar, working_days_left
from gongkai.workdays.selectors import calendar_from_db

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


def message_reminders_send(*, today: dt.date, calendar: Calendar | None = None) -> int:
    """Send today's reminders; returns how many people were told (repeats excluded)."""
    calendar = calendar or calendar_from_db()
    wanted = message_remind_days()
    messages = list(Message.objects.filter(status__in=MESSAGE_OPEN_STATUSES,
                                           due_on__isnull=False).select_related("unit"))
    staff = defaultdict(list)
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit_id__in={m.unit_id for m in messages}):
        staff[user.unit_id].append(user)
    office = list(User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True))
    told = 0
    for message in messages:
        due, url = message.due_on, reverse("participation:staff_message_detail",
                                           args=[message.pk])
        if due < today:
            late = -working_days_left(calendar, today, due)
            told += notify(users=office, text=_overdue_text(message, late), url=url,
                           key=f"participation.message.overdue:{message.pk}:{due}",
                           email_subject=_("领导留言逾期提醒"))
            continue
        days = working_days_left(calendar, today, due)
        if days in wanted:
            told += notify(users=staff[message.unit_id], text=_remind_text(message, days),
                           url=url, key=f"participation.message.remind:{message.pk}:{due}:{days}",
                           email_subject=_("领导留言答复期限提醒"))
    return told
