"""Reminder sources of the plan, run by the one reminder loop
(``gongkai.core.notifications.reminders``) every morning.

- ``plans.report_due``: a unit with progress reports of a period not yet sent hears of
  it when the period's deadline is ``GONGKAI_PLAN_REMIND_DAYS`` working days away
  (default 5, 1 and 0: the last day), one notice per period, not one per task;
- ``plans.report_overdue``: after the deadline, such a unit hears once, and the office
  once per period with how many units and reports are missing. Only deadlines of the
  last ``OVERDUE_LOOKBACK_DAYS`` days are told, so a first run on old data tells nobody
  of last year's quarters.

A report counts as sent from its first submission (returned ones too: lateness is
judged by the first submission, ``Report.is_late``).
"""
import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.models import NotificationKind as K
from gongkai.core.notifications.reminders import Reminder, reminder_source
from gongkai.orgs.models import Role, User
from gongkai.plans.models import Assignment, Report, ReportingPeriod, ReportStatus
from gongkai.plans.selectors.dashboard import latest_plan
from gongkai.workdays.calendar import Calendar, working_days_left

DEFAULT_REMIND_DAYS = (5, 1, 0)
OVERDUE_LOOKBACK_DAYS = 30


def plan_remind_days() -> frozenset[int]:
    return frozenset(getattr(settings, "GONGKAI_PLAN_REMIND_DAYS", DEFAULT_REMIND_DAYS))


def unsent_by_unit(period: ReportingPeriod) -> dict[int, int]:
    """unit id → how many of its assignments have no report of ``period`` sent."""
    sent = (Report.objects.filter(period=period).exclude(status=ReportStatus.DRAFT)
            .values("assignment_id"))
    rows = (Assignment.objects.filter(task__plan_id=period.plan_id).exclude(pk__in=sent)
            .order_by().values("unit_id").annotate(n=Count("id")))
    return {row["unit_id"]: row["n"] for row in rows}


def _staff_by_unit(unit_ids) -> dict[int, list]:
    staff = defaultdict(list)
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit_id__in=set(unit_ids)):
        staff[user.unit_id].append(user)
    return staff


def _periods(today: dt.date):
    plan = latest_plan(today=today)
    return list(ReportingPeriod.objects.filter(plan=plan)) if plan else []


@reminder_source("plans.report_due")
def report_due(*, today: dt.date, calendar: Calendar):
    wanted = plan_remind_days()
    todo = reverse("plans:todo")
    for period in _periods(today):
        if period.deadline < today:
            continue
        days = working_days_left(calendar, today, period.deadline)
        if days not in wanted:
            continue
        missing = unsent_by_unit(period)
        staff = _staff_by_unit(missing)
        for unit_id, count in missing.items():
            if not staff[unit_id]:
                continue
            when = (_("今天（%(d)s）截止") if days == 0
                    else _("还有 %(n)d 个工作日截止（%(d)s）")) % {
                "n": days, "d": chinese_date(period.deadline)}
            text = _("%(period)s推进情况报送%(when)s，本单位还有 %(count)d 项任务未报送。") % {
                "period": period.name, "when": when, "count": count}
            yield Reminder(recipients=tuple(staff[unit_id]), obj=period, kind=K.DUE_SOON,
                           due=period.deadline, step=str(days), text=text, url=todo)


@reminder_source("plans.report_overdue")
def report_overdue(*, today: dt.date, calendar: Calendar):
    todo = reverse("plans:todo")
    office = tuple(User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True))
    for period in _periods(today):
        if not (today - dt.timedelta(days=OVERDUE_LOOKBACK_DAYS) <= period.deadline < today):
            continue
        missing = unsent_by_unit(period)
        if not missing:
            continue
        staff = _staff_by_unit(missing)
        deadline = chinese_date(period.deadline)
        for unit_id, count in missing.items():
            if staff[unit_id]:
                yield Reminder(
                    recipients=tuple(staff[unit_id]), obj=period, kind=K.OVERDUE,
                    due=period.deadline, url=todo,
                    text=_("%(period)s推进情况报送已于%(d)s截止，本单位还有 %(count)d 项任务未报送，"
                           "请尽快报送（逾期报送将影响考核）。") % {
                        "period": period.name, "d": deadline, "count": count})
        if office:
            yield Reminder(
                recipients=office, obj=period, kind=K.OVERDUE, due=period.deadline,
                url=reverse("plans:progress"),
                text=_("%(period)s推进情况报送已于%(d)s截止，%(units)d 个单位共 %(count)d 项"
                       "未报送。") % {"period": period.name, "d": deadline,
                                     "units": len(missing), "count": sum(missing.values())})
