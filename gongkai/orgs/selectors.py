"""Reads of the unit registry: name matching and group expansion."""
from functools import lru_cache

from django.db.models import Q, QuerySet

from gongkai.core.text import name_key
from gongkai.orgs.groups import KNOWN_GROUPS, GroupWord
from gongkai.orgs.models import Unit, UnitAlias, UnitGroup


def unit_name_index() -> dict[str, Unit]:
    """Every name and alias key → unit, for matching many names with two queries."""
    index: dict[str, Unit] = {}
    units = {u.pk: u for u in Unit.objects.all()}
    for unit in units.values():
        index[name_key(unit.name)] = unit
        if unit.short_name:
            index.setdefault(name_key(unit.short_name), unit)
    for alias in UnitAlias.objects.all():
        index.setdefault(alias.key, units[alias.unit_id])
    return index


def find_unit(name: str) -> Unit | None:
    """The unit called ``name`` in either script, by its name, short name or an alias."""
    return unit_name_index().get(name_key(name))


@lru_cache(maxsize=1)
def _group_word_index() -> dict[str, GroupWord]:
    index = {}
    for word in KNOWN_GROUPS:
        for spelling in (word.name, *word.aliases):
            index[name_key(spelling)] = word
    return index


def find_group_word(name: str) -> GroupWord | None:
    """The known group word ``name`` stands for, whatever the registry holds."""
    return _group_word_index().get(name_key(name))


def find_group(name: str) -> UnitGroup | None:
    key = name_key(name)
    word = find_group_word(name)
    for group in UnitGroup.objects.all():
        spellings = [group.name, *group.aliases]
        if key in {name_key(s) for s in spellings} or (word and group.name == word.name):
            return group
    return None


def group_members(group: UnitGroup) -> QuerySet[Unit]:
    """Active units in the group today: by category, plus explicit members."""
    condition = Q(pk__in=group.members.values("pk"))
    if group.categories:
        condition |= Q(category__in=group.categories)
    return Unit.objects.filter(condition, is_active=True).distinct()


def group_name_index() -> dict[str, str]:
    """Every spelling key of a group (known words and the registry's groups) → the
    group's name, so that a plan's 各街道、镇 is stored as the registry's 各街镇."""
    index = {name_key(s): word.name for word in KNOWN_GROUPS for s in (word.name, *word.aliases)}
    for group in UnitGroup.objects.only("name", "aliases"):
        for spelling in (group.name, *group.aliases):
            index.setdefault(name_key(spelling), group.name)
    return index
