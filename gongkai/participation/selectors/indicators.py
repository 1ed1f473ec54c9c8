"""Measures of public participation for the indicator registry (tasks 20–24).

Messages answered in time are counted from **receipt** (the day the message reached
the platform is day 0), not from the office's assignment: what the public waits is
what the plan measures (task 21). The time limit is the one messages use
(``reply_days()``, working days on the district calendar).
"""
import datetime as dt
from collections import Counter

from django.db.models import QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from gongkai.core.memo import per_pass
from gongkai.participation.models import Meeting, MeetingStatus
from gongkai.participation.models.consultations import FeedbackReport
from gongkai.participation.models.messages import MESSAGE_ANSWERED_STATUSES, Message
from gongkai.participation.services.messages import reply_days
from gongkai.publishing.models import PublicationStatus
from gongkai.workdays.selectors import calendar_from_db


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


@per_pass
def _answered_by_timeliness(*, start: dt.date, end: dt.date) -> tuple[Counter, Counter]:
    """(in time, late) per unit: one query for (unit, day received, day replied); the
    deadline of each day of receipt is computed once from the calendar (a database has
    no working-day arithmetic), so each message costs a dictionary look-up."""
    calendar, days = calendar_from_db(), reply_days()
    deadlines: dict[dt.date, dt.date] = {}
    in_time, late = Counter(), Counter()
    rows = (messages_answered(start=start, end=end)
            .annotate(received=TruncDate("submitted_at"))
            .values_list("unit_id", "received", "replied_on").iterator(chunk_size=10_000))
    for unit_id, received, replied_on in rows:
        deadline = deadlines.get(received)
        if deadline is None:
            deadline = deadlines[received] = calendar.nth_after(received, days)
        if replied_on <= deadline:
            in_time[unit_id] += 1
        else:
            late[unit_id] += 1
    return in_time, late


def messages_in_time(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return dict(_answered_by_timeliness(start=start, end=end)[0])


def messages_late(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return dict(_answered_by_timeliness(start=start, end=end)[1])


def feedback_published(*, start: dt.date, end: dt.date) -> QuerySet[FeedbackReport]:
    """Consultations whose feedback (意见采纳情况反馈) was published in [start, end]."""
    return FeedbackReport.objects.filter(
        publication_status=PublicationStatus.PUBLISHED,
        published_at__date__range=(start, end))


INDICATORS = (
    {"key": "participation.meetings_held", "label": _("邀请公众代表列席的决策会议"),
     "unit": _("次"), "records": meetings_held, "district": district_meetings_held,
     "distinct": True},
    {"key": "participation.messages_answered", "label": _("办结的领导留言"),
     "unit": _("件"), "records": messages_answered},
    {"key": "participation.messages_in_time", "label": _("自收到起按时限答复的领导留言"),
     "unit": _("件"), "records": messages_answered, "measure": messages_in_time},
    {"key": "participation.messages_late", "label": _("自收到起超过时限答复的领导留言"),
     "unit": _("件"), "records": messages_answered, "measure": messages_late,
     "better": "less"},
    {"key": "participation.feedback_published", "label": _("公布意见采纳情况反馈的征集"),
     "unit": _("次"), "records": feedback_published},
)
