"""Measures of public participation for the indicator registry (tasks 20–24).

Messages answered in time are counted from **receipt** (the day the message reached
the platform is day 0), not from the office's assignment: what the public waits is
what the plan measures (task 21). The time limit is the one messages use
(``reply_days()``, working days on the district calendar).
"""
import datetime as dt

from django.db.models import Count, DateTimeField, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.dates import day_range_bounds
from gongkai.core.memo import per_pass
from gongkai.participation.models import Meeting, MeetingStatus
from gongkai.participation.models.consultations import FeedbackReport
from gongkai.participation.models.messages import MESSAGE_ANSWERED_STATUSES, Message
from gongkai.participation.services.messages import reply_days
from gongkai.publishing.models import PublicationStatus
from gongkai.workdays.selectors import calendar_from_db
from gongkai.workdays.sql import day_lookup, runs_of


def _held(start: dt.date, end: dt.date) -> QuerySet[Meeting]:
    return Meeting.objects.filter(status=MeetingStatus.HELD, held_on__range=(start, end),
                                  representatives__isnull=False).distinct()


def meetings_held(*, start: dt.date, end: dt.date) -> QuerySet[Meeting]:
    """Units' own decision meetings held with public representatives (task 24)."""
    return _held(start, end).filter(for_district_government=False)


def district_meetings_held(*, start: dt.date, end: dt.date) -> int:
    """The district government's own meetings with representatives (task 24: ≥ 3)."""
    return _held(start, end).filter(for_district_government=True).count()


def messages_answered(*, start: dt.date, end: dt.date) -> QuerySet[Message]:
    """Messages answered (replied and closed) with the reply submitted in [start, end]."""
    return Message.objects.filter(status__in=MESSAGE_ANSWERED_STATUSES,
                                  replied_on__range=(start, end), unit__isnull=False)


def _earliest_receipt(calendar, days: int, start: dt.date, end: dt.date):
    """(reply day, earliest day of receipt): a message replied on that day was
    answered in time if received on or after that day. The deadline grows with the
    day of receipt, so one pointer walks both."""
    receipt = start - dt.timedelta(days=days * 3 + 30)
    day = start
    while day <= end:
        while calendar.nth_after(receipt, days) < day:
            receipt += dt.timedelta(days=1)
        yield day, receipt
        day += dt.timedelta(days=1)


@per_pass
def _answered_by_timeliness(*, start: dt.date, end: dt.date) -> tuple[dict, dict, dict]:
    """(answered, in time, late) per unit in one aggregate query: the calendar turns each reply
    day into the earliest moment of receipt (local midnight) that still makes it in
    time, and the database compares ``submitted_at`` with it (``day_lookup``)."""
    calendar, days = calendar_from_db(), reply_days()
    zone = timezone.get_current_timezone()
    runs = runs_of([(day, dt.datetime.combine(receipt, dt.time(0), zone))
                    for day, receipt in _earliest_receipt(calendar, days, start, end)])
    earliest = day_lookup("replied_on", runs, default=dt.datetime.max.replace(tzinfo=dt.UTC),
                          output_field=DateTimeField())
    rows = (messages_answered(start=start, end=end).annotate(earliest=earliest).order_by()
            .values(unit_key=F("unit_id") + 0)  # +0: a scan, not an index walk (SQLite)
            # One reference to the lookup (each would compile and run it): late = all − in time.
            .annotate(n=Count("pk"),
                      in_time=Count("pk", filter=Q(submitted_at__gte=F("earliest")))))
    rows = list(rows)
    answered = {r["unit_key"]: r["n"] for r in rows if r["n"]}
    in_time = {r["unit_key"]: r["in_time"] for r in rows if r["in_time"]}
    late = {r["unit_key"]: r["n"] - r["in_time"] for r in rows if r["n"] > r["in_time"]}
    return answered, in_time, late


def answered_count(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _answered_by_timeliness(start=start, end=end)[0]


def messages_in_time(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _answered_by_timeliness(start=start, end=end)[1]


def messages_late(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _answered_by_timeliness(start=start, end=end)[2]


def feedback_published(*, start: dt.date, end: dt.date) -> QuerySet[FeedbackReport]:
    """Consultations whose feedback (意见采纳情况反馈) was published in [start, end]."""
    return FeedbackReport.objects.filter(
        publication_status=PublicationStatus.PUBLISHED,
        published_at__gte=day_range_bounds(start, end)[0],
        published_at__lt=day_range_bounds(start, end)[1])


INDICATORS = (
    {"key": "participation.meetings_held", "label": _("邀请公众代表列席的决策会议"),
     "unit": _("次"), "records": meetings_held, "district": district_meetings_held,
     "distinct": True},
    {"key": "participation.messages_answered", "label": _("办结的领导留言"),
     "unit": _("件"), "records": messages_answered, "measure": answered_count},
    {"key": "participation.messages_in_time", "label": _("自收到起按时限答复的领导留言"),
     "unit": _("件"), "records": messages_answered, "measure": messages_in_time},
    {"key": "participation.messages_late", "label": _("自收到起超过时限答复的领导留言"),
     "unit": _("件"), "records": messages_answered, "measure": messages_late,
     "better": "less"},
    {"key": "participation.feedback_published", "label": _("公布意见采纳情况反馈的征集"),
     "unit": _("次"), "records": feedback_published},
)
