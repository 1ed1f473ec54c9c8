"""Audit details in words: every stored value is shown through the definitions of the
model it belongs to (choices, verbose names, booleans, foreign keys), never as stored.

Details are JSON written by services (``{"from": "draft", "to": "submitted"}``,
``{"late": true}``, ``{"letter": 62}``). Which model field a key speaks of is found,
in this order:

1. the app's ``DETAIL_FIELDS`` entry for this model and key
   (``"plans.report:state"`` → ``"plans.Report.state"``);
2. a field of the object's own model with that name (``channel``, ``unit``);
3. for ``from`` and ``to`` (``gongkai.core.workflow.transition``), the model's
   ``status`` field;
4. the app's ``DETAIL_FIELDS`` entry for the key alone (``"letter"`` → a foreign key).

Each step is tried for the event's action first (``"foi.letter.generated:kind"``),
then the model, then the key alone; the same scoping applies to ``DETAIL_LABELS``,
``DETAIL_CHOICES`` (labels for values that belong to no field, such as a ledger
change's source) and ``HIDDEN_DETAILS`` (row ids shown beside the name they stand for).
A key none of these resolve keeps its label from ``DETAIL_LABELS`` and a plainly
formatted value: 是/否 for booleans, a dash for nothing, Chinese dates, lists joined.
tests/test_crawl.py renders the history of every audited object of the demo and fails
on any key or value left as a code.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import import_module

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from gongkai.core.audit_labels import detail_label

EMPTY = "—"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=1)
def _registries() -> tuple[dict[str, str], dict[str, dict], set[str]]:
    """Each app's ``audit_labels``: ``DETAIL_FIELDS`` (key → model field),
    ``DETAIL_CHOICES`` (key → {stored value: label}, for values of no field) and
    ``HIDDEN_DETAILS`` (internal ids a person has no use for)."""
    fields, choices, hidden = {}, {}, set()
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.audit_labels")
        except ModuleNotFoundError:
            continue
        fields.update(getattr(module, "DETAIL_FIELDS", {}))
        choices.update(getattr(module, "DETAIL_CHOICES", {}))
        hidden |= set(getattr(module, "HIDDEN_DETAILS", ()))
    return fields, choices, hidden


def _registry() -> dict[str, str]:
    return _registries()[0]


def _scoped(model, key: str, action: str = "") -> list[str]:
    """Registry keys for ``key``, the narrowest first: the event's action
    ("foi.letter.generated:kind"), the model ("plans.plan:removed"), the key alone."""
    return (([f"{action}:{key}"] if action else [])
            + ([f"{model._meta.label_lower}:{key}"] if model is not None else []) + [key])


def _field_by_path(path: str) -> models.Field | None:
    app_label, model_name, field_name = path.split(".")
    return apps.get_model(app_label, model_name)._meta.get_field(field_name)


def _field_with_choice(model, value) -> models.Field | None:
    """The workflow field of a model whose status is not called ``status``
    (``publication_status``, ``decision``): the one whose choices hold ``value``."""
    for field in model._meta.concrete_fields:
        if field.choices and str(value) in {str(k) for k, _label in field.flatchoices}:
            return field
    return None


def field_for(model: type[models.Model] | None, key: str, value=None, action: str = ""
              ) -> models.Field | None:
    """The model field the detail ``key`` of an event on ``model`` speaks of."""
    registry = _registry()
    for scoped in _scoped(model, key, action)[:-1]:
        if registry.get(scoped):
            return _field_by_path(registry[scoped])
    if model is not None:
        for name in (key, key.removesuffix("_id")):
            try:
                return model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
        if key in ("from", "to"):
            try:
                return model._meta.get_field("status")
            except FieldDoesNotExist:
                return _field_with_choice(model, value)
    general = registry.get(key)
    return _field_by_path(general) if general else None


def plain(value) -> str:
    """A value with no field to explain it, in words."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, list | tuple):
        return "、".join(plain(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{detail_label(str(k))}：{plain(v)}" for k, v in value.items())
    if isinstance(value, str) and ISO_DAY.match(value):
        return _date(value) or value
    return str(value)


def _date(value) -> str | None:
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return f"{day.year}年{day.month}月{day.day}日"


def _related_name(field: models.Field, value) -> str:
    related = field.related_model
    try:
        obj = related._default_manager.filter(pk=value).first()
    except (TypeError, ValueError):
        obj = None
    if obj is None:
        return _("已删除的%(what)s") % {"what": related._meta.verbose_name}
    return str(obj)


def through_field(field: models.Field, value) -> str:
    """``value`` as the field would show it: its choice label, 是/否, the related
    object's name, a Chinese date."""
    if isinstance(value, list | tuple):
        return "、".join(through_field(field, v) for v in value) or EMPTY
    if value is None or value == "":
        return EMPTY
    if field.choices:
        labels = {str(k): v for k, v in field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(field, models.BooleanField) or isinstance(value, bool):
        return plain(bool(value))
    if field.is_relation and field.many_to_many:
        return _related_name(field, value) if str(value).isdigit() else plain(value)
    if field.is_relation and (field.many_to_one or field.one_to_one):
        if isinstance(value, int) or str(value).isdigit():
            return _related_name(field, value)
        return plain(value)  # stored by name already (a unit's name at the time)
    if isinstance(field, models.DateField):
        return _date(value) or plain(value)
    return plain(value)


def label_for(model, key: str, value=None, action: str = "") -> str:
    for scoped in _scoped(model, key, action):
        label = detail_label(scoped)
        if label != scoped:
            return label
    field = field_for(model, key, value, action)
    if field is not None and not isinstance(field, models.ForeignObjectRel):
        return str(field.verbose_name)
    return key


def _field_names(model, value) -> str | None:
    """A list of the model's own field names ("fields": ["measures", "target"]) as
    their verbose names."""
    if model is None or not isinstance(value, list) or not value:
        return None
    names = []
    for name in value:
        try:
            names.append(str(model._meta.get_field(str(name)).verbose_name))
        except FieldDoesNotExist:
            return None
    return "、".join(names)


def _value(model, key: str, value, action: str = "") -> str:
    _fields, choices, _hidden = _registries()
    for scoped in _scoped(model, key, action):
        if scoped in choices:
            labels = choices[scoped]
            if isinstance(value, list):
                return "、".join(str(labels.get(v, v)) for v in value) or EMPTY
            return str(labels.get(value, plain(value)))
    named = _field_names(model, value)
    if named:
        return named
    if isinstance(value, dict) and value:
        # Figures before and after a change ({"licensing": 126, …}): the model's words.
        return "；".join(f"{label_for(model, str(k), v, action)}："
                        f"{_value(model, str(k), v, action)}" for k, v in value.items())
    field = field_for(model, key, value, action)
    if field is not None and not isinstance(field, models.ForeignObjectRel):
        return through_field(field, value)
    return plain(value)


def describe(model: type[models.Model] | None, details, action: str = ""
             ) -> list[tuple[str, str]]:
    """(label, value) rows of the ``details`` of an event ``action`` on an object of
    ``model``."""
    if not isinstance(details, dict):
        return [("", plain(details))]
    hidden = _registries()[2]
    rows = []
    for key, value in details.items():
        key = str(key)
        if any(scoped in hidden for scoped in _scoped(model, key, action)):
            continue
        rows.append((label_for(model, key, value, action), _value(model, key, value, action)))
    return rows
