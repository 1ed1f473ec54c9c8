"""Reminder sources of the disclosure applications, run by the one reminder loop
(``gongkai.core.notifications.reminders``) every morning.

- ``foi.due``: the handling unit's staff hear about an application when its working
  days left is one of ``GONGKAI_FOI_REMIND_DAYS`` (default 5, 2 and 0: the last day);
- ``foi.overdue``: the office and the handling unit hear once about each overdue one
  (per due date: an extension that moves it and is missed again is told again);
- ``foi.pending``: an online application still 待确认 after
  ``GONGKAI_FOI_CONFIRM_WITHIN_DAYS`` is told to the unit and the office every working day.

``consultations_expire_and_tell`` ends consultations past their 15 working days (a
state change, run by its own job before the reminders) and tells the handling unit.
"""
import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.models import NotificationKind as K
from gongkai.core.notifications.reminders import Reminder, reminder_source
from gongkai.core.notifications.services import notify
from gongkai.foi.models import OPEN_STATUSES, Application, Status
from gongkai.orgs.models import Role, User
from gongkai.workdays.calendar import Calendar, working_days_left


def remind_days() -> frozenset[int]:
    return frozenset(getattr(settings, "GONGKAI_FOI_REMIND_DAYS", (5, 2, 0)))


def _url(application: Application) -> str:
    # The staff page of the application when that view exists, else the overview.
    for name, args in (("foi:staff_detail", [application.pk]),
                       ("foi:application_detail", [application.pk]),
                       ("foi:office_overview", [])):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return ""


def _label(application: Application) -> str:
    return application.number or f"#{application.pk}"


def _due_text(application: Application) -> str:
    text = chinese_date(application.due_on)
    return text + _("（暂定）") if application.due_provisional else text


def _remind_text(application: Application, days: int, today: dt.date) -> str:
    if application.due_on == today:
        return _("政府信息公开申请 %(n)s 今天（%(due)s）到期，请按时答复。") % {
            "n": _label(application), "due": _due_text(application)}
    return _("政府信息公开申请 %(n)s 距答复期限还有 %(d)d 个工作日（%(due)s 到期）。") % {
        "n": _label(application), "d": days, "due": _due_text(application)}


def _overdue_text(application: Application, days: int) -> str:
    return _("%(unit)s 办理的政府信息公开申请 %(n)s 已超过答复期限（%(due)s），"
             "已逾期 %(d)d 个工作日。") % {
        "unit": application.unit.name, "n": _label(application),
        "due": _due_text(application), "d": days}


def _staff_by_unit(unit_ids) -> dict[int, list]:
    staff = defaultdict(list)
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit_id__in=set(unit_ids)):
        staff[user.unit_id].append(user)
    return staff


def _office() -> list:
    return list(User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True))


def _open_with_due() -> list[Application]:
    return list(Application.objects.filter(status__in=OPEN_STATUSES, due_on__isnull=False)
                .select_related("unit"))


@reminder_source("foi.due")
def due_soon(*, today: dt.date, calendar: Calendar):
    wanted = remind_days()
    applications = [a for a in _open_with_due() if a.due_on >= today]
    staff = _staff_by_unit(a.unit_id for a in applications)
    for application in applications:
        days = working_days_left(calendar, today, application.due_on)
        if days in wanted and staff[application.unit_id]:
            yield Reminder(recipients=tuple(staff[application.unit_id]), obj=application,
                           kind=K.DUE_SOON, due=application.due_on, step=str(days),
                           text=_remind_text(application, days, today),
                           url=_url(application), mail_subject=_("依申请公开答复期限提醒"))


@reminder_source("foi.overdue")
def overdue(*, today: dt.date, calendar: Calendar):
    applications = [a for a in _open_with_due() if a.due_on < today]
    staff, office = _staff_by_unit(a.unit_id for a in applications), _office()
    for application in applications:
        late = max(-working_days_left(calendar, today, application.due_on), 0)
        yield Reminder(recipients=tuple(office + staff[application.unit_id]),
                       obj=application, kind=K.OVERDUE, due=application.due_on,
                       text=_overdue_text(application, late), url=_url(application),
                       mail_subject=_("依申请公开逾期提醒"))


# Online (and letter, fax) applications waiting for receipt to be confirmed: the
# handling unit is reminded from this many working days after submission (a reading:
# the Regulation sets no limit for confirming, but the clock starts only then).
DEFAULT_CONFIRM_WITHIN_DAYS = 1


def confirm_within_days() -> int:
    return int(getattr(settings, "GONGKAI_FOI_CONFIRM_WITHIN_DAYS",
                       DEFAULT_CONFIRM_WITHIN_DAYS))


@reminder_source("foi.pending")
def pending(*, today: dt.date, calendar: Calendar):
    """Applications still 待确认 after ``confirm_within_days``: the unit and the office
    are told once each day."""
    limit = confirm_within_days()
    applications = list(Application.objects.filter(status=Status.PENDING)
                        .select_related("unit"))
    staff, office = _staff_by_unit(a.unit_id for a in applications), _office()
    for application in applications:
        submitted = timezone.localtime(application.submitted_at).date()
        waited = calendar.count_between(submitted, today)
        if waited < limit:
            continue
        text = _("%(unit)s 收到的政府信息公开申请（%(channel)s，%(d)s 提交）尚未确认收到，"
                 "已等待 %(n)d 个工作日：答复期限自确认之日起算，请尽快与申请人确认。") % {
            "unit": application.unit.name, "channel": application.get_channel_display(),
            "d": chinese_date(submitted), "n": waited}
        yield Reminder(recipients=tuple(staff[application.unit_id] + office),
                       obj=application, kind=K.TODO, due=None, step=today.isoformat(),
                       text=text, url=_url(application),
                       mail_subject=_("依申请公开待确认提醒"))


def consultations_expire_and_tell(*, today: dt.date) -> int:
    """End consultations past their 15 working days and tell the handling unit's
    staff (once per consultation); returns how many people were told."""
    from gongkai.foi.services.handling import consultations_expire

    told = 0
    for pause in consultations_expire(today=today):
        application = pause.application
        text = _("政府信息公开申请 %(n)s 征求%(party)s意见的期限（%(d)s）已届满，未收到意见："
                 "答复期限已恢复计算，请依法作出决定。") % {
            "n": _label(application), "party": pause.party, "d": chinese_date(pause.answer_by)}
        told += notify(users=_staff_by_unit([application.unit_id])[application.unit_id],
                       text=text, url=_url(application), kind=K.TODO,
                       key=f"foi.consultation_expired:{pause.pk}",
                       email_subject=_("依申请公开征求意见期满提醒"))
    return told
