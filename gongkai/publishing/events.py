"""Domain events of review before publication, sent after the transaction commits (a
listener never hears of a step that was rolled back)."""
from enum import StrEnum

from django.db import transaction
from django.dispatch import Signal


class PublishingEvent(StrEnum):
    REVIEW_OPENED = "publishing.review.opened"
    LEVEL_PASSED = "publishing.review.level_passed"
    RETURNED = "publishing.content.returned"
    PUBLISHED = "publishing.content.published"


# kwargs: event (PublishingEvent), review, actor, reason, level (the level now open,
# as it was at the step: the row may have moved on by the time the commit comes).
review_step = Signal()


def send_after_commit(signal: Signal, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender=PublishingEvent, **kwargs))
