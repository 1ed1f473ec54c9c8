"""Matching the names a plan uses against the unit registry."""
from dataclasses import dataclass, field

from gongkai.core.text import name_key
from gongkai.orgs.models import Unit
from gongkai.orgs.selectors import find_group_word, unit_name_index
from gongkai.plans.importer.types import ParsedPlan, ParsedUnitRef


@dataclass
class Resolution:
    """Which unit each name stands for; ``unresolved`` lists (name, first line)."""

    units: dict[str, Unit] = field(default_factory=dict)
    unresolved: list[tuple[str, int]] = field(default_factory=list)

    def unit_for(self, ref: ParsedUnitRef) -> Unit | None:
        return self.units.get(ref.name)


def known_keys() -> set[str]:
    """``name_key`` of every name and alias in the registry (for splitting runs)."""
    return set(unit_name_index())


def lookup(ref: ParsedUnitRef, index: dict[str, Unit]) -> Unit | None:
    return index.get(name_key(ref.name)) or index.get(name_key(ref.raw or ref.name))


def resolve_refs(parsed: ParsedPlan, index: dict[str, Unit] | None = None) -> Resolution:
    index = unit_name_index() if index is None else index
    result = Resolution()
    seen: set[str] = set()
    for _task, ref in parsed.refs():
        if ref.is_group or ref.name in result.units:
            continue
        unit = lookup(ref, index)
        if unit is not None:
            result.units[ref.name] = unit
        elif ref.name not in seen and find_group_word(ref.name) is None:
            seen.add(ref.name)
            result.unresolved.append((ref.name, ref.line))
    return result
