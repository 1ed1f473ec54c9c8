"""The rules in force: the defaults of ``rules.THRESHOLDS`` with the office's values."""
from decimal import Decimal

from gongkai.websites.models import CheckRule
from gongkai.websites.rules import THRESHOLDS


def current_rules() -> dict[str, Decimal]:
    values = {key: default for key, (default, _label) in THRESHOLDS.items()}
    values.update({r.key: r.value for r in CheckRule.objects.filter(key__in=values)})
    return values


def rule_rows() -> list[dict]:
    """Every rule with its label, default and the value in force, for the edit page."""
    current = current_rules()
    return [{"key": key, "label": label, "default": default, "value": current[key]}
            for key, (default, label) in THRESHOLDS.items()]
