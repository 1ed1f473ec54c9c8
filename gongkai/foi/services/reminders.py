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
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.notify import notify
from gongkai.foi.models import OPEN_STATUSES, Application, Status
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


# Online (and letter, fax) applications waiting for receipt to be confirmed: the
# handling unit is reminded from this many working days after submission (a reading:
# the Regulation sets no limit for confirming, but the clock starts only then).
DEFAULT_CONFIRM_WITHIN_DAYS = 1


def confirm_within_days() -> int:
    return int(getattr(settings, "GONGKAI_FOI_CONFIRM_WITHIN_DAYS",
                       DEFAULT_CONFIRM_WITHIN_DAYS))


def _pending_reminders(today: dt.date, calendar: Calendar, staff, office) -> int:
    """Applications still 待确认 after ``confirm_within_days``: the unit is told every
    working day, the office once a day as well."""
    told = 0
    limit = confirm_within_days()
    for application in Application.objects.filter(status=Status.PENDING
                                                  ).select_related("unit"):
        submitted = timezone.localtime(application.submitted_at).date()
        waited = calendar.count_between(submitted, today)
        if waited < limit:
            continue
        text = _("%(unit)s 收到的政府信息公开申请（%(channel)s，%(d)s 提交）尚未确认收到，"
                 "已等待 %(n)d 个工作日：答复期限自确认之日起算，请尽快与申请人确认。") % {
            "unit": application.unit.name, "channel": application.get_channel_display(),
            "d": chinese_date(submitted), "n": waited}
        told += notify(users=staff[application.unit_id] + office, text=text,
                       url=_url(application), key=f"foi.pending:{application.pk}:{today}",
                       email_subject=_("依申请公开待确认提醒"))
    return told


def _expired_consultation_reminders(expired) -> int:
    told = 0
    for pause in expired:
        application = pause.application
        users = list(User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                         unit_id=application.unit_id))
        text = _("政府信息公开申请 %(n)s 征求%(party)s意见的期限（%(d)s）已届满，未收到意见："
                 "答复期限已恢复计算，请依法作出决定。") % {
            "n": application.number or f"#{application.pk}", "party": pause.party,
            "d": chinese_date(pause.answer_by)}
        told += notify(users=users, text=text, url=_url(application),
                       key=f"foi.consultation_expired:{pause.pk}",
                       email_subject=_("依申请公开征求意见期满提醒"))
    return told


def reminders_send(*, today: dt.date, calendar: Calendar | None = None) -> int:
    """End consultations past their 15 working days, then send today's reminders;
    returns how many people were told (repeats excluded)."""
    from gongkai.foi.services.handling import consultations_expire

    calendar = calendar or calendar_from_db()
    told = _expired_consultation_reminders(consultations_expire(today=today))
    wanted = remind_days()
    applications = list(Application.objects.filter(status__in=OPEN_STATUSES,
                                                   due_on__isnull=False)
                        .select_related("unit"))
    staff = defaultdict(list)
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit_id__in={a.unit_id for a in applications}):
        staff[user.unit_id].append(user)
    office = list(User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True))
    pending_staff = defaultdict(list, {unit: list(users) for unit, users in staff.items()})
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit__foi_applications__status=Status.PENDING
                                    ).exclude(unit_id__in=list(staff)).distinct():
        pending_staff[user.unit_id].append(user)
    told += _pending_reminders(today, calendar, pending_staff, office)
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
