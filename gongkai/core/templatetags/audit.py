"""``{% history_for obj %}``: the audit trail of one object as a table."""
from django import template
from django.utils import timezone

from gongkai.core.audit import history_of
from gongkai.core.audit_labels import action_label
from gongkai.core.audit_values import describe

register = template.Library()


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
            "details": describe(type(obj), event.details, event.action),
        }
        for event in history_of(obj)
    ]
    return {"rows": rows}
