"""Reads of decision meetings: the live metric of plan task 24 and who has met the
year's target. The target view runs a fixed number of queries whatever the number of
units."""
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from gongkai.orgs.models import Unit, UnitCategory
from gongkai.participation.models import (
    Meeting,
    MeetingStatus,
    MeetingTarget,
    Representative,
    RepresentativeKind,
    TargetScope,
)

# The units the "every other unit" target applies to: 各部门、街镇和园区管理机构.
TARGET_CATEGORIES = (UnitCategory.DEPARTMENT, UnitCategory.STREET_TOWN, UnitCategory.PARK)


def _counted(year: int) -> QuerySet[Meeting]:
    """Meetings that count: held in ``year`` with at least one public representative."""
    return Meeting.objects.filter(status=MeetingStatus.HELD, held_on__year=year,
                                  representatives__isnull=False)


def meetings_held(*, year: int, unit: Unit | None = None) -> int:
    """Decision meetings held in ``year`` with public representatives attending — the
    live metric of plan task 24. Without ``unit``: all of the district (the district
    government's included); with it: that unit's own meetings (not those it recorded
    for the district government)."""
    qs = _counted(year)
    if unit is not None:
        qs = qs.filter(unit=unit, for_district_government=False)
    return qs.values("pk").distinct().count()


@dataclass(frozen=True)
class TargetRow:
    name: str
    unit: Unit | None
    held: int
    minimum: int

    @property
    def met(self) -> bool:
        return self.held >= self.minimum


@dataclass(frozen=True)
class TargetProgress:
    year: int
    targets: dict[str, int]
    district: TargetRow | None
    units: list[TargetRow]

    @property
    def met(self) -> list[TargetRow]:
        return [r for r in self.units if r.met]

    @property
    def not_met(self) -> list[TargetRow]:
        return [r for r in self.units if not r.met]


def target_progress(*, year: int) -> TargetProgress:
    """Who has met the year's target and who has not (four queries)."""
    targets = dict(MeetingTarget.objects.filter(year=year).values_list("scope", "minimum"))
    counted = _counted(year)
    district_held = counted.filter(for_district_government=True).values("pk").distinct(
        ).count()
    per_unit = dict(counted.filter(for_district_government=False).values("unit_id")
                    .annotate(n=Count("pk", distinct=True)).values_list("unit_id", "n"))
    district = None
    if TargetScope.DISTRICT_GOVERNMENT in targets:
        district = TargetRow(name="区政府", unit=None, held=district_held,
                             minimum=targets[TargetScope.DISTRICT_GOVERNMENT])
    units = []
    if TargetScope.EACH_UNIT in targets:
        minimum = targets[TargetScope.EACH_UNIT]
        for unit in Unit.objects.filter(is_active=True, is_office=False,
                                        category__in=TARGET_CATEGORIES):
            units.append(TargetRow(name=unit.name, unit=unit,
                                   held=per_unit.get(unit.pk, 0), minimum=minimum))
    return TargetProgress(year=year, targets=targets, district=district, units=units)


def representative_counts(meetings) -> dict[int, dict[str, int]]:
    """Per meeting: representatives by kind (for the public pages, no names)."""
    rows = (Representative.objects.filter(meeting__in=meetings)
            .values("meeting_id", "kind").annotate(n=Count("id")))
    labels = dict(RepresentativeKind.choices)
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["meeting_id"], {})[str(labels[row["kind"]])] = row["n"]
    return result
