"""``{% history_for obj %}``: the audit trail of one object as a table."""
from django import template
from django.utils import timezone

from gongkai.core.audit import history_of
from gongkai.core.audit_labels import action_label, detail_label

register = template.Library()


def _detail_items(details) -> list[tuple[str, str]]:
    if isinstance(details, dict):
        return [(detail_label(str(k)), _flat(v)) for k, v in details.items()]
    return [("", _flat(details))]


def _flat(value) -> str:
    if isinstance(value, list | tuple):
        return "、".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{detail_label(str(k))}：{_flat(v)}" for k, v in value.items())
    return "" if value is None else str(value)


@register.inclusion_tag("core/_history.html")
def history_for(obj):
    """Rows of (local time, actor, action label, details) for ``obj``, oldest first.

    Whether the viewer may read the history is the page's decision (each app's
    permissions module); the tag only renders.
    """
    rows = [
        {
            "at": timezone.localtime(event.at),
            "actor": event.actor,
            "label": action_label(event.action),
            "code": event.action,
            "details": _detail_items(event.details),
        }
        for event in history_of(obj)
    ]
    return {"rows": rows}
