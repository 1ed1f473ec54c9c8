"""Reads of the policy library used by views, APIs, reports and other modules."""
from gongkai.policies.permissions import documents_visible_to
from gongkai.policies.selectors.stats import (
    same_day_interpretation_share,
    table_two,
    table_two_by_unit,
)
from gongkai.policies.selectors.validity import (
    EXPIRED,
    VALIDITY_LABELS,
    effective_validity,
    validity_condition,
    with_validity,
)

__all__ = [
    "EXPIRED",
    "VALIDITY_LABELS",
    "documents_visible_to",
    "effective_validity",
    "same_day_interpretation_share",
    "table_two",
    "table_two_by_unit",
    "validity_condition",
    "with_validity",
]
