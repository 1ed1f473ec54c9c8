"""What the publishing app tells other apps, after commit.

``PublishingEvent`` names every audit action of the app (the moves of publishable content,
findings, routes, catalogue items); each value of a move is also the audit action the
transition table records, so the two never drift apart.

- ``publication_changed``: content was published, returned or withdrawn.
  kwargs: ``obj`` (the content), ``event`` (a ``PublishingEvent``), ``actor``.
  ``sender`` is the content's model class.
- ``review_decided``: a reviewer decided one level of a review round.
  kwargs: ``review``, ``obj``, ``level``, ``passed``, ``reviewer``.
- ``review_step``: the review round moved, for telling people (``publishing.receivers``):
  kwargs ``event`` (``REVIEW_OPENED``, ``LEVEL_PASSED``, ``RETURNED`` or ``PUBLISHED``),
  ``review``, ``actor``, ``reason``, ``level`` (the level now open, as it was at the
  step: the row may have moved on by the time the commit comes).
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
    CONTENT_SCANNED = "publishing.content.scanned"
    CONTENT_LEVEL_PASSED = "publishing.content.level_passed"
    ROUTE_UPDATED = "publishing.route.updated"
    CATALOG_ITEM_CREATED = "publishing.catalog_item.created"
    CATALOG_ITEM_UPDATED = "publishing.catalog_item.updated"
    # Steps of a review round that are not moves of the content (review_step only).
    REVIEW_OPENED = "publishing.review.opened"
    LEVEL_PASSED = "publishing.review.level_passed"


# The moves other apps hear of (the others stay inside publishing).
ANNOUNCED = (PublishingEvent.PUBLISHED, PublishingEvent.IMPORTED_PUBLISHED,
             PublishingEvent.RETURNED, PublishingEvent.WITHDRAWN)

publication_changed = Signal()
review_decided = Signal()
review_step = Signal()
