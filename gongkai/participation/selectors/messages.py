"""Reads of the leader messages: queues with days left, the public list, statistics of
frequently raised problems and the live metric of plan task 21.

Overdue is derived here at query time (``due_on`` before today while the message is
open), never stored.
"""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractMonth
from django.urls import NoReverseMatch, reverse

from gongkai.participation.models.messages import (
    MESSAGE_ANSWERED_STATUSES,
    MESSAGE_OPEN_STATUSES,
    Message,
    MessageReply,
    MessageStatus,
    PolicyResponse,
)
from gongkai.publishing.models import PublicationStatus
from gongkai.publishing.selectors import published_visible_to
from gongkai.workdays.calendar import Calendar, working_days_left

QUEUE_LIMIT = 300


@dataclass(frozen=True)
class QueueItem:
    message: Message
    days_left: int | None  # working days; None when the unit's clock is not running
    overdue: bool

    @property
    def days_late(self) -> int:
        return -self.days_left if self.overdue and self.days_left is not None else 0


def queue_item(message: Message, *, today: dt.date, calendar: Calendar) -> QueueItem:
    if message.status not in MESSAGE_OPEN_STATUSES or message.due_on is None:
        return QueueItem(message, None, False)
    return QueueItem(message, working_days_left(calendar, today, message.due_on),
                     message.due_on < today)


def message_queue(visible: QuerySet, *, today: dt.date, calendar: Calendar,
                  status: str = "", overdue_only: bool = False) -> list[QueueItem]:
    """The staff list: the visible messages (open first, soonest due first)."""
    qs = visible.select_related("unit", "topic", "mailbox")
    if status:
        qs = qs.filter(status=status)
    if overdue_only:
        qs = qs.filter(status__in=MESSAGE_OPEN_STATUSES, due_on__lt=today)
    qs = qs.order_by(F("due_on").asc(nulls_last=True), "-submitted_at")[:QUEUE_LIMIT]
    return [queue_item(m, today=today, calendar=calendar) for m in qs]


def status_counts(visible: QuerySet, *, today: dt.date) -> dict[str, int]:
    """How many messages in each status, plus ``overdue``: one query."""
    aggregates = {s.value: Count("pk", filter=Q(status=s.value)) for s in MessageStatus}
    aggregates["overdue"] = Count("pk", filter=Q(status__in=MESSAGE_OPEN_STATUSES,
                                                 due_on__lt=today))
    return visible.aggregate(**aggregates)


def public_messages(*, topic_id: int | None = None, unit_id: int | None = None
                    ) -> QuerySet[Message]:
    """Messages on the public site: answered, reply published for the public, and the
    writer did not ask for privacy. Every public page starts from here."""
    qs = Message.objects.filter(status=MessageStatus.PUBLISHED, wants_privacy=False,
                                reply__publication_status=PublicationStatus.PUBLISHED)
    if topic_id:
        qs = qs.filter(topic_id=topic_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return qs.select_related("topic", "unit", "reply").order_by("-answered_at", "-id")


def message_for_code(code: str) -> Message | None:
    """The message whose query code is ``code`` (case and spaces forgiven)."""
    code = "".join((code or "").split()).upper()
    if not code:
        return None
    return Message.objects.filter(query_code=code).select_related("unit", "topic").first()


def reply_for_writer(message: Message):
    """The reply the writer may read: only once it passed review."""
    try:
        reply = message.reply
    except MessageReply.DoesNotExist:
        return None
    return reply if reply.publication_status == PublicationStatus.PUBLISHED else None


def responses_for(message: Message, user) -> list[dict]:
    """Policy responses linked to ``message``: the document when ``user`` may read it,
    else its web address when one was given."""
    rows = []
    for response in PolicyResponse.objects.filter(messages=message).select_related("document"):
        document = response.document
        if document is not None and not published_visible_to(
                user, type(document).objects.filter(pk=document.pk)).exists():
            document = None
        if document is None and not response.url:
            continue
        href = _document_url(document) if document is not None else response.url
        rows.append({"response": response, "document": document, "href": href})
    return rows


def _document_url(document) -> str:
    # The library's public page when that view exists, else the document's source.
    for name in ("policies:document", "policies:document_detail", "policies:detail"):
        try:
            return reverse(name, args=[document.pk])
        except NoReverseMatch:
            continue
    return document.source_url


# Statistics ----------------------------------------------------------------------------

def message_stats(visible: QuerySet, *, year: int, today: dt.date) -> dict:
    """Counts by topic, by unit and by month of ``year`` (messages received that year),
    in four queries whatever the number of messages."""
    of_year = visible.filter(submitted_at__year=year)
    by_topic = list(of_year.values("topic__name").annotate(n=Count("pk")).order_by("-n"))
    by_unit = list(of_year.exclude(unit=None).values("unit__name").annotate(
        n=Count("pk"),
        overdue=Count("pk", filter=Q(status__in=MESSAGE_OPEN_STATUSES, due_on__lt=today)),
        answered=Count("pk", filter=Q(status__in=MESSAGE_ANSWERED_STATUSES)),
    ).order_by("-n"))
    months = dict(of_year.annotate(m=ExtractMonth("submitted_at")).values("m")
                  .annotate(n=Count("pk")).values_list("m", "n"))
    topics = [row["topic__name"] for row in by_topic[:6]]
    trend = {name: [0] * 12 for name in topics}
    for m, name, n in (of_year.filter(topic__name__in=topics)
                       .annotate(m=ExtractMonth("submitted_at"))
                       .values("m", "topic__name").annotate(n=Count("pk"))
                       .values_list("m", "topic__name", "n")):
        trend[name][m - 1] = n
    return {
        "year": year,
        "total": sum(row["n"] for row in by_topic),
        "by_topic": by_topic,
        "by_unit": by_unit,
        "chart": {"months": [f"{m}月" for m in range(1, 13)],
                  "total": [months.get(m, 0) for m in range(1, 13)],
                  "topics": [{"name": k, "data": v} for k, v in trend.items()]},
    }


def messages_answered_in_time_share(*, year: int, unit=None,
                                    today: dt.date | None = None) -> float:
    """Plan task 21's live metric: of the messages assigned in ``year`` whose outcome is
    known (answered, or past due unanswered), the share answered by the due date.

    "Answered" is the day the unit submitted the reply that passed review
    (``replied_on``): the review's own time is the office's, not the unit's. With
    nothing due yet the share is 1.0 (nothing answered late). One query.
    """
    from django.utils import timezone

    today = today or timezone.localdate()
    qs = Message.objects.filter(assigned_at__year=year)
    if unit is not None:
        qs = qs.filter(unit=unit)
    answered = Q(status__in=MESSAGE_ANSWERED_STATUSES, replied_on__isnull=False)
    late_open = Q(status__in=MESSAGE_OPEN_STATUSES, due_on__lt=today)
    counts = qs.aggregate(
        known=Count("pk", filter=answered | late_open),
        in_time=Count("pk", filter=answered & Q(replied_on__lte=F("due_on"))),
    )
    if not counts["known"]:
        return 1.0
    return counts["in_time"] / counts["known"]
