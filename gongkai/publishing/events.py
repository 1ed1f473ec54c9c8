"""What the publishing app tells other apps, after commit.

``PublishingEvent`` names the moves of publishable content; each value is also the audit
action the transition table records, so the two never drift apart.

- ``publication_changed``: content was published, returned or withdrawn.
  kwargs: ``obj`` (the content), ``event`` (a ``PublishingEvent``), ``actor``.
  ``sender`` is the content's model class.
- ``review_decided``: a reviewer decided one level of a review round.
  kwargs: ``review``, ``obj``, ``level``, ``passed``, ``reviewer``.
"""
from enum import StrEnum

from django.dispatch import Signal


class PublishingEvent(StrEnum):
    SUBMITTED = "publishing.content.submitted"
    RESUBMITTED = "publishing.content.resubmitted"
    RETURNED = "publishing.content.returned"
    PUBLISHED = "publishing.content.published"
    IMPORTED_PUBLISHED = "publishing.content.imported_published"
    WITHDRAWN = "publishing.content.withdrawn"
    REVIEW_PASSED = "publishing.review.passed"
    REVIEW_RETURNED = "publishing.review.returned"
    FINDING_MASKED = "publishing.finding.masked"
    FINDING_REMOVED = "publishing.finding.removed"
    FINDING_ACCEPTED = "publishing.finding.accepted"


# The moves other apps hear of (the others stay inside publishing).
ANNOUNCED = (PublishingEvent.PUBLISHED, PublishingEvent.IMPORTED_PUBLISHED,
             PublishingEvent.RETURNED, PublishingEvent.WITHDRAWN)

publication_changed = Signal()
review_decided = Signal()
