"""Writes of the publishing app. Other apps import from here:

- ``content_scan(*, obj)``, ``finding_mask(*, finding, actor)``,
  ``finding_remove(*, finding, actor, replacement="")``,
  ``finding_accept(*, finding, actor, reason)`` (the sensitive-information scan);
- ``content_submit_for_review(*, obj, actor)``,
  ``review_decide(*, review, reviewer, passed, reason="")``,
  ``content_withdraw(*, obj, actor, reason)`` (先审后发);
- ``catalog_categories_ensure()`` and the catalog item services.
"""
from gongkai.publishing.services.catalog import (
    catalog_categories_ensure,
    catalog_item_create,
    catalog_item_update,
)
from gongkai.publishing.services.review import (
    PUBLICATION_TRANSITIONS,
    content_submit_for_review,
    content_withdraw,
    review_decide,
    review_route_set,
)
from gongkai.publishing.services.scan import (
    content_scan,
    finding_accept,
    finding_mask,
    finding_remove,
)

__all__ = [
    "PUBLICATION_TRANSITIONS",
    "catalog_categories_ensure",
    "catalog_item_create",
    "catalog_item_update",
    "content_scan",
    "content_submit_for_review",
    "content_withdraw",
    "finding_accept",
    "finding_mask",
    "finding_remove",
    "review_decide",
    "review_route_set",
]
