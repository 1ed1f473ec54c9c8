"""Reminders of approaching and passed reply deadlines, sent in the platform and by
e-mail (``gongkai.core.notify``). Run daily by ``gongkai.foi.tasks``.

The handling unit's staff hear about an application when its working days left is one
of ``GONGKAI_FOI_REMIND_DAYS`` (default 5, 2 and 0: the last day); the office hears
about every overdue one. Each notice has a dedupe key of the application, the due date
and the day count, so a rerun on the same day sends nothing twice, while a due date
moved by an extension or a supplement gets its own reminders.
"""
import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.notify import notify
from gongkai.foi.models import OPEN_STATUSES, Application
from gongkai.orgs.models import Role, User
from gongkai.workdays.calendar import Calendar, working_days_left
from gongkai.workdays.selectors import calendar_from_db


def remind_days() -> frozenset[int]:
    return frozenset(getattr(settings, "GONGKAI_FOI_REMIND_DAYS", (5, 2, 0)))


def _url(application: Application) -> str:
    # The staff page of the application when that view exists, else the overview.
    for name, args in (("foi:staff_detail", [application.pk]), ("foi:office_overview", [])):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return ""


def _due_text(application: Application) -> str:
    text = chinese_date(application.due_on)
    return text + _("（暂定）") if application.due_provisional else text


def _remind_text(application: Application, days: int, today: dt.date) -> str:
    label = application.number or f"#{application.pk}"
    if application.due_on == today:
        return _("政府信息公开申请 %(n)s 今天（%(due)s）到期，请按时答复。") % {
            "n": label, "due": _due_text(application)}
    return _("政府信息公开申请 %(n)s 距答复期限还有 %(d)d 个工作日（%(due)s 到期）。") % {
        "n": label, "d": days, "due": _due_text(application)}


def _overdue_text(application: Application, days: int) -> str:
    return _("%(unit)s 办理的政府信息公开申请 %(n)s 已超过答复期限（%(due)s），"
             "已逾期 %(d)d 个工作日。") % {
        "unit": application.unit.name, "n": application.number or f"#{application.pk}",
        "due": _due_text(application), "d": days}


def reminders_send(*, today: dt.date, calendar: Calendar | None = None) -> int:
    """Send today's reminders; returns how many people were told (repeats excluded)."""
    calendar = calendar or calendar_from_db()
    wanted = remind_days()
    applications = list(Application.objects.filter(status__in=OPEN_STATUSES,
                                                   due_on__isnull=False)
                        .select_related("unit"))
    staff = defaultdict(list)
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit_id__in={a.unit_id for a in applications}):
        staff[user.unit_id].append(user)
    office = list(User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True))
    told = 0
    for application in applications:
        due = application.due_on
        if due < today:
            late = max(working_days_left(calendar, today, due) * -1, 0)
            told += notify(users=office, text=_overdue_text(application, late),
                           url=_url(application), key=f"foi.overdue:{application.pk}:{due}",
                           email_subject=_("依申请公开逾期提醒"))
            continue
        days = working_days_left(calendar, today, due)
        if days in wanted:
            told += notify(users=staff[application.unit_id],
                           text=_remind_text(application, days, today), url=_url(application),
                           key=f"foi.remind:{application.pk}:{due}:{days}",
                           email_subject=_("依申请公开答复期限提醒"))
    return told
