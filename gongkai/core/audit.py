"""The audit trail: every state change appends an event; history is read from here."""
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from gongkai.core.models import AuditEvent


def record_event(*, obj: models.Model, action: str, actor=None, details: dict | None = None
                 ) -> AuditEvent:
    """Append one event for ``obj``. ``action`` is namespaced: ``plans.report.returned``."""
    return AuditEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        details=_jsonable(details or {}),
    )


_ADMIN_ACTIONS = {1: "added", 2: "changed", 3: "deleted"}


def record_admin_entry(sender, instance, created: bool, **kwargs) -> None:
    """Mirror one entry of Django's admin log (``LogEntry``) as an audit event
    ``admin.<app>.<model>.added|changed|deleted``; the object may already be gone."""
    if not created or instance.content_type_id is None:
        return
    content_type = instance.content_type
    AuditEvent.objects.create(
        content_type=content_type,
        object_id=str(instance.object_id or "")[:64],
        action=f"admin.{content_type.app_label}.{content_type.model}."
               f"{_ADMIN_ACTIONS.get(instance.action_flag, 'changed')}",
        actor_id=instance.user_id,
        details=_jsonable({"object": instance.object_repr,
                           "change": instance.get_change_message()}),
    )


def history_of(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).select_related("actor")


def history_of_many(objs: Iterable[models.Model]) -> models.QuerySet[AuditEvent]:
    objs = list(objs)
    if not objs:
        return AuditEvent.objects.none()
    content_type = ContentType.objects.get_for_model(objs[0], for_concrete_model=False)
    return AuditEvent.objects.filter(
        content_type=content_type, object_id__in=[str(o.pk) for o in objs]
    ).select_related("actor")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
