"""Writes to the unit registry: units, their aliases, the known groups."""
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.text import name_key, normalize
from gongkai.orgs.events import OrgsEvent
from gongkai.orgs.groups import KNOWN_GROUPS, looks_like_group
from gongkai.orgs.models import Unit, UnitAlias, UnitCategory, UnitGroup
from gongkai.orgs.selectors import find_group_word


def _owner_of_key(key: str) -> Unit | None:
    """The unit already answering to ``key`` by its name, short name or an alias."""
    alias = UnitAlias.objects.select_related("unit").filter(key=key).first()
    if alias is not None:
        return alias.unit
    for unit in Unit.objects.only("pk", "name", "short_name"):
        if name_key(unit.name) == key or (unit.short_name and name_key(unit.short_name) == key):
            return unit
    return None


def _is_group_name(name: str) -> bool:
    if find_group_word(name) is not None or looks_like_group(normalize(name)):
        return True
    key = name_key(name)
    for group in UnitGroup.objects.only("name", "aliases"):
        if key in {name_key(s) for s in (group.name, *group.aliases)}:
            return True
    return False


@transaction.atomic
def unit_create(*, name: str, category: str, short_name: str = "",
                aliases: Iterable[str] = (), actor=None) -> Unit:
    """Register a unit under its canonical simplified name, with its other names."""
    name = normalize(name)
    short_name = normalize(short_name)
    if not name:
        raise ApplicationError(_("单位名称不能为空。"))
    if category not in UnitCategory.values:
        raise ApplicationError(_("单位类别“%(category)s”无效。") % {"category": category})
    if _is_group_name(name):
        raise ApplicationError(
            _("“%(name)s”是单位组的名称，不能登记为单位。") % {"name": name})
    owner = _owner_of_key(name_key(name))
    if owner is not None:
        raise ApplicationError(
            _("名称“%(name)s”已属于单位“%(unit)s”。") % {"name": name, "unit": owner.name})
    unit = Unit(name=name, short_name=short_name, category=category)
    unit.full_clean()
    unit.save()
    record_event(obj=unit, action=OrgsEvent.UNIT_CREATED, actor=actor,
                 details={"name": name, "category": category, "short_name": short_name})
    for alias in aliases:
        if name_key(alias) != name_key(name):
            unit_alias_add(unit=unit, name=alias, actor=actor)
    return unit


@transaction.atomic
def unit_alias_add(*, unit: Unit, name: str, actor=None) -> UnitAlias:
    """Teach the registry another name for ``unit`` (idempotent for the same unit).

    Refuses a name that already stands for another unit or for a group, since the
    importer would then match it ambiguously.
    """
    name = normalize(name)
    key = name_key(name)
    if not key:
        raise ApplicationError(_("别名不能为空。"))
    if _is_group_name(name):
        raise ApplicationError(
            _("“%(name)s”是单位组的名称，不能作为单位别名。") % {"name": name})
    existing = UnitAlias.objects.filter(key=key).select_related("unit").first()
    if existing is not None:
        if existing.unit_id == unit.pk:
            return existing
        raise ApplicationError(_("别名“%(name)s”已属于单位“%(unit)s”。")
                               % {"name": name, "unit": existing.unit.name})
    owner = _owner_of_key(key)
    if owner is not None and owner.pk != unit.pk:
        raise ApplicationError(_("名称“%(name)s”已属于单位“%(unit)s”。")
                               % {"name": name, "unit": owner.name})
    alias = UnitAlias(unit=unit, name=name)
    alias.save()
    record_event(obj=unit, action=OrgsEvent.UNIT_ALIAS_ADDED, actor=actor,
                 details={"alias": name})
    return alias


@transaction.atomic
def groups_ensure_known() -> int:
    """Create the group words every plan uses as ``UnitGroup`` rows; return how many
    were created. Existing groups keep their edited aliases and members."""
    created = 0
    for word in KNOWN_GROUPS:
        _group, was_created = UnitGroup.objects.get_or_create(
            name=word.name,
            defaults={"aliases": list(word.aliases), "categories": list(word.categories),
                      "description": word.description},
        )
        if was_created:
            record_event(obj=_group, action=OrgsEvent.GROUP_CREATED,
                         details={"name": word.name})
            created += 1
    return created


@transaction.atomic
def groups_ensure_named(*, names: Iterable[str], actor=None) -> list[str]:
    """Create a ``UnitGroup`` for each group word a plan uses that the registry does not
    hold yet (各设区市政府, 区属事业单位 …). It covers nobody until the office sets its
    categories or members; returns the names created."""
    existing = set(UnitGroup.objects.values_list("name", flat=True))
    created = []
    for name in dict.fromkeys(names):
        name = name[:50]
        if name in existing:
            continue
        group = UnitGroup.objects.create(name=name, description=_("导入分工方案时新建，请指定成员。"))
        existing.add(name)
        record_event(obj=group, action=OrgsEvent.GROUP_CREATED, actor=actor,
                     details={"name": name, "source": "plan_import"})
        created.append(name)
    return created
