"""Reads for the registry editing pages: search and name-conflict lookups."""
from django.db.models import Prefetch

from gongkai.core.text import name_key
from gongkai.orgs.groups import KNOWN_GROUPS
from gongkai.orgs.models import Unit, UnitAlias, UnitGroup


def units_matching(query: str = "", *, category: str = "") -> list[Unit]:
    """Units whose name, short name or an alias contains ``query`` in either script.

    The registry holds a few hundred units at most, so matching runs in Python on the
    normalised keys rather than in SQL, where OpenCC is not available.
    """
    units = Unit.objects.prefetch_related(
        Prefetch("aliases", queryset=UnitAlias.objects.order_by("name")))
    if category:
        units = units.filter(category=category)
    key = name_key(query)
    if not key:
        return list(units)
    return [unit for unit in units if key in _search_text(unit)]


def _search_text(unit: Unit) -> str:
    keys = [name_key(unit.name), name_key(unit.short_name)]
    keys += [alias.key for alias in unit.aliases.all()]
    return "\n".join(keys)


def name_holder(name: str, *, exclude_unit: Unit | None = None) -> str | None:
    """What already answers to ``name`` (another unit or a group word), for messages;
    None when the name is free. Group words are reserved so that the importer never
    mistakes a group for a unit."""
    key = name_key(name)
    if not key:
        return None
    exclude_pk = exclude_unit.pk if exclude_unit else None
    for unit in Unit.objects.exclude(pk=exclude_pk).only("name", "short_name"):
        if key in (name_key(unit.name), name_key(unit.short_name)):
            return unit.name
    alias = UnitAlias.objects.filter(key=key).exclude(unit_id=exclude_pk) \
        .select_related("unit").first()
    if alias:
        return alias.unit.name
    return _group_holding(key)


def _group_holding(key: str) -> str | None:
    for word in KNOWN_GROUPS:
        if key in {name_key(s) for s in (word.name, *word.aliases)}:
            return word.name
    for group in UnitGroup.objects.all():
        if key in {name_key(s) for s in (group.name, *group.aliases)}:
            return group.name
    return None
