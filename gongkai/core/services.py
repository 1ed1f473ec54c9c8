"""Helpers the services of every app share."""
from collections.abc import Iterable, Mapping

from django.db import models


def model_update(instance: models.Model, data: Mapping[str, object],
                 fields: Iterable[str]) -> list[str]:
    """Set ``data`` on ``instance`` where only ``fields`` may be set; return the names
    whose value changed, in ``data``'s order. Nothing is saved: the caller cleans,
    saves ``update_fields`` and records the event. Another name is a programming error
    (forms offer only the allowed fields), hence ``ValueError``."""
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            changed.append(name)
        setattr(instance, name, value)
    return changed
