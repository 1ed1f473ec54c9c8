"""Saving the office's values of the check rules."""
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.websites.events import WebsitesEvent
from gongkai.websites.models import CheckRule
from gongkai.websites.rules import THRESHOLDS

# Rules that must stay whole numbers of at least 1 (counts, days, pages, workers).
_POSITIVE_WHOLE = ("probe.per_day", "probe.window_days", "home.max_age_days",
                   "column.", "crawl.max_pages", "crawl.workers", "media.max_silence_days")


def rule_error(key: str, value: Decimal) -> str:
    """Why ``value`` cannot be the rule ``key``, or ''."""
    if value < 0 or value > 100000:
        return _("取值应在 0 到 100000 之间。")
    if key.startswith(_POSITIVE_WHOLE) and (value < 1 or value != value.to_integral()):
        return _("应为不小于 1 的整数。")
    if key.endswith("_percent") and value > 100:
        return _("百分比不能超过 100。")
    if key.startswith(("report.", "web_report.")):
        month, day = divmod(int(value), 100)
        if value != value.to_integral() or not (1 <= month <= 12 and 1 <= day <= 31):
            return _("请按“月日”填写，如 131 表示1月31日。")
    return ""


@transaction.atomic
def rules_save(*, values: dict[str, Decimal], actor) -> dict[str, str]:
    """Store every value that differs from the one in force; nothing is stored when any
    is invalid (the errors are returned by key)."""
    errors = {k: e for k, v in values.items() if k in THRESHOLDS and (e := rule_error(k, v))}
    if errors:
        return errors
    changed = {}
    current = {r.key: r for r in CheckRule.objects.filter(key__in=values)}
    for key, value in values.items():
        if key not in THRESHOLDS:
            continue
        before = current[key].value if key in current else THRESHOLDS[key][0]
        if before != value:
            CheckRule.objects.update_or_create(key=key, defaults={"value": value,
                                                                  "updated_by": actor})
            changed[key] = [str(before), str(value)]
    if changed:
        office = CheckRule.objects.filter(key__in=changed).first()
        record_event(obj=office, action=WebsitesEvent.RULES_CHANGED, actor=actor, details=changed)
    return {}
