"""The indicator registry: named measures each module computes from its own records.

A module offers its measures in ``<module>/selectors/indicators.py`` as a tuple
``INDICATORS`` of plain dicts, so it needs nothing from this app::

    {"key": "foi.overdue",            # "<module>.<name>", stable: targets refer to it
     "label": "逾期答复的依申请公开申请", "unit": "件",
     "records": fn(*, start, end) -> QuerySet,   # the records behind the number
     "unit_field": "unit_id",         # how a record belongs to a unit (default)
     "measure": fn(*, start, end) -> {unit_id: n},  # optional; default: count records
     "district": fn(*, start, end) -> int,          # optional; default: all records
     "better": "more" | "less",
     "distinct": False}               # True when ``records`` joins (meetings …)

The registry knows only names, labels, units and callables. ``SOURCES`` is the one
registration point: a new module (the websites register, for tasks 44–47) adds its
``selectors.indicators`` path here; a path whose app is not installed is skipped.
"""
import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db.models import Count, F

SOURCES = (
    "gongkai.foi.selectors.indicators",
    "gongkai.participation.selectors.indicators",
    "gongkai.policies.selectors.indicators",
    "gongkai.publishing.selectors.indicators",
    "gongkai.qa.selectors.indicators",
    "gongkai.plans.selectors.indicators",
    "gongkai.reports.selectors.indicators",
    "gongkai.websites.selectors.indicators",  # tasks 44–47, once the app exists
)
MORE, LESS = "more", "less"


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    records: Callable
    unit_field: str = "unit_id"
    measure: Callable | None = None
    district: Callable | None = None
    better: str = MORE
    distinct: bool = False

    def per_unit(self, *, start: dt.date, end: dt.date) -> dict[int, int]:
        """unit id → value over [start, end]: one query."""
        if self.measure is not None:
            return self.measure(start=start, end=end)
        # Grouped by ``unit + 0``: SQLite then scans the table once instead of walking
        # the unit index with a random read per row (three times faster at 1M rows).
        rows = (self.records(start=start, end=end).order_by()
                .values(unit_key=F(self.unit_field) + 0)
                .annotate(n=Count("pk", distinct=self.distinct)).values_list("unit_key", "n"))
        return {unit_id: n for unit_id, n in rows if unit_id is not None}

    def for_district(self, *, start: dt.date, end: dt.date,
                     per_unit: dict[int, int] | None = None) -> int:
        """The district's value: its own measure, else the sum over its units."""
        if self.district is not None:
            return self.district(start=start, end=end)
        if per_unit is None:
            per_unit = self.per_unit(start=start, end=end)
        return sum(per_unit.values())

    def records_of(self, *, unit_id: int | None, start: dt.date, end: dt.date):
        qs = self.records(start=start, end=end)
        return qs.filter(**{self.unit_field: unit_id}) if unit_id is not None else qs


def _installed(path: str) -> bool:
    label = path.split(".")[1]
    return apps.is_installed(f"gongkai.{label}")


@cache
def indicators() -> dict[str, Indicator]:
    """Every registered indicator by key, in registration order."""
    found: dict[str, Indicator] = {}
    for path in SOURCES:
        if not _installed(path):
            continue
        module = importlib.import_module(path)
        for spec in module.INDICATORS:
            if spec["key"] in found:
                raise ValueError(f"indicator registered twice: {spec['key']}")
            found[spec["key"]] = Indicator(**spec)
    return found


def get(key: str) -> Indicator | None:
    return indicators().get(key)


def choices() -> list[tuple[str, str]]:
    return [(i.key, f"{i.label}（{i.unit}）") for i in indicators().values()]
