"""``{{ document.current_validity|validity_label }}`` and the badge class for it."""
from django import template

from gongkai.policies.selectors import VALIDITY_LABELS

register = template.Library()
_BADGES = {"valid": "ok", "amended": "warn", "repealed": "bad", "expired": "bad"}


@register.filter
def validity_label(value: str) -> str:
    return str(VALIDITY_LABELS.get(value, value or ""))


@register.filter
def validity_badge(value: str) -> str:
    return _BADGES.get(value, "")
