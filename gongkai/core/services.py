"""Helpers the services of every app share."""
from collections.abc import Callable, Iterable, Mapping

from django.db import models


def model_update(instance: models.Model, data: Mapping[str, object],
                 fields: Iterable[str], *,
                 clean: Callable[[models.Model], None] | None = None) -> list[str]:
    """Set ``data`` on ``instance`` where only ``fields`` may be set; return the names
    whose value changed, in ``data``'s order. ``clean`` (which may normalise values, e.g.
    strip them, or refuse with ``ApplicationError``) runs after setting, so a value that
    only differs before cleaning does not count as changed. Nothing is saved: the caller
    saves ``update_fields`` and records the event with the names returned. Another name
    is a programming error (forms offer only the allowed fields), hence ``ValueError``."""
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    before = {name: getattr(instance, name) for name in data}
    for name, value in data.items():
        setattr(instance, name, value)
    if clean is not None:
        clean(instance)
    return [name for name in data if getattr(instance, name) != before[name]]
