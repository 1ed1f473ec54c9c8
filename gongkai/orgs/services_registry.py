"""Registry edits made from the administration pages: update a unit, remove an alias,
change a group. Creating units and adding aliases are ``gongkai.orgs.services``."""
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.text import normalize
from gongkai.orgs.events import OrgsEvent
from gongkai.orgs.models import Unit, UnitAlias, UnitCategory, UnitGroup
from gongkai.orgs.selectors_registry import name_holder

_UNIT_FIELDS = ("name", "short_name", "category", "is_active", "sort_order")


@transaction.atomic
def unit_update(*, unit: Unit, name: str, short_name: str = "", category: str,
                is_active: bool = True, sort_order: int = 0, actor=None) -> Unit:
    """Change a unit's names, category, state or order; records what changed."""
    name, short_name = normalize(name), normalize(short_name)
    if not name:
        raise ApplicationError(_("单位名称不能为空。"))
    if category not in UnitCategory.values:
        raise ApplicationError(_("单位类别无效。"))
    for value in filter(None, (name, short_name)):
        holder = name_holder(value, exclude_unit=unit)
        if holder:
            raise ApplicationError(
                _("名称“%(name)s”已被“%(holder)s”使用。") % {"name": value, "holder": holder})
    before = {field: getattr(unit, field) for field in _UNIT_FIELDS}
    unit.name, unit.short_name, unit.category = name, short_name, category
    unit.is_active, unit.sort_order = is_active, sort_order
    changes = {field: [before[field], getattr(unit, field)] for field in _UNIT_FIELDS
               if before[field] != getattr(unit, field)}
    if not changes:
        return unit
    unit.full_clean()
    unit.save(update_fields=list(changes))
    record_event(obj=unit, action=OrgsEvent.UNIT_UPDATED, actor=actor,
                 details={"changes": {k: f"{old} → {new}" for k, (old, new) in changes.items()}})
    return unit


@transaction.atomic
def unit_alias_remove(*, alias: UnitAlias, actor=None) -> None:
    """Delete an alias; the event is kept on the unit so its history shows it."""
    unit, name = alias.unit, alias.name
    alias.delete()
    record_event(obj=unit, action=OrgsEvent.UNIT_ALIAS_REMOVED, actor=actor, details={"alias": name})


@transaction.atomic
def group_update(*, group: UnitGroup, categories: Iterable[str], members: Iterable[Unit],
                 description: str | None = None, actor=None) -> UnitGroup:
    """Set which categories and which named units a group covers."""
    categories = sorted(set(categories))
    bad = [c for c in categories if c not in UnitCategory.values]
    if bad:
        raise ApplicationError(_("单位类别无效：%(bad)s") % {"bad": "、".join(bad)})
    members = list(members)
    before_members = set(group.members.values_list("name", flat=True))
    after_members = {unit.name for unit in members}
    details = {}
    if categories != sorted(group.categories):
        details["categories"] = categories
        group.categories = categories
    if description is not None and description != group.description:
        details["description"] = description
        group.description = description
    if before_members != after_members:
        details["added"] = sorted(after_members - before_members)
        details["removed"] = sorted(before_members - after_members)
        group.members.set(members)
    if not details:
        return group
    group.full_clean()
    group.save(update_fields=["categories", "description"])
    record_event(obj=group, action=OrgsEvent.GROUP_UPDATED, actor=actor, details=details)
    return group
