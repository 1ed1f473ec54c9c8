"""State changes through one door.

Each workflow declares its ``TextChoices`` status and a table of allowed moves
``{(from_status, to_status): action}``. ``transition`` checks the table, saves with
``update_fields`` and appends an audit event; nothing else assigns a status.
"""
from collections.abc import Mapping

from django.db import models, transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError

Transitions = Mapping[tuple[str, str], str]


@transaction.atomic
def transition(
    obj: models.Model,
    *,
    to: str,
    table: Transitions,
    actor=None,
    details: dict | None = None,
    field: str = "status",
    extra_fields: Mapping[str, object] | None = None,
):
    """Move ``obj.<field>`` to ``to`` if the table allows it; return the event."""
    current = getattr(obj, field)
    action = table.get((current, to))
    if action is None:
        choices = type(obj)._meta.get_field(field).choices or []
        labels = dict(choices)
        raise ApplicationError(
            _("当前状态“%(current)s”不能变更为“%(to)s”。")
            % {"current": labels.get(current, current), "to": labels.get(to, to)}
        )
    setattr(obj, field, to)
    update_fields = [field]
    for name, value in (extra_fields or {}).items():
        setattr(obj, name, value)
        update_fields.append(name)
    obj.save(update_fields=update_fields)
    return record_event(
        obj=obj,
        action=action,
        actor=actor,
        details={"from": current, "to": to, **(details or {})},
    )
