"""The office's view of every open application: days left, due soon, overdue.

Nothing here is stored: overdue means ``due_on`` is before today, read at query time,
so an application becomes overdue at midnight without any job writing to it. An open
application without a due date has its clock stopped (a supplement or an answer is
awaited; see ``gongkai.foi.services.clock``): it is listed, never due soon or overdue.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings

from gongkai.foi.models import OPEN_STATUSES, Application, Status
from gongkai.orgs.models import Unit
from gongkai.workdays.calendar import Calendar, working_days_left

DEFAULT_SOON_DAYS = 5


def soon_days_setting() -> int:
    """"Due soon" means at most this many working days left."""
    return int(getattr(settings, "GONGKAI_FOI_DUE_SOON_DAYS", DEFAULT_SOON_DAYS))


@dataclass(frozen=True)
class OpenItem:
    application: Application
    days_left: int | None  # working days; None while the clock is stopped
    overdue: bool
    due_soon: bool

    @property
    def pending(self) -> bool:
        """Not yet confirmed as received (待确认): no clock yet, but the office sees it."""
        return self.application.status == Status.PENDING

    @property
    def stopped(self) -> bool:
        return self.application.due_on is None and not self.pending

    @property
    def extended(self) -> bool:
        return self.application.extended_on is not None

    @property
    def provisional(self) -> bool:
        return self.application.due_on is not None and self.application.due_provisional


@dataclass
class UnitCounts:
    unit: Unit | None  # None: the district total
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    extended: int = 0
    provisional: int = 0
    stopped: int = 0
    pending: int = 0

    def add(self, item: OpenItem) -> None:
        if item.pending:
            self.pending += 1
            return
        self.open += 1
        self.overdue += item.overdue
        self.due_soon += item.due_soon
        self.extended += item.extended
        self.provisional += item.provisional
        self.stopped += item.stopped


@dataclass
class Overview:
    today: dt.date
    soon_days: int
    items: list[OpenItem]
    units: list[UnitCounts]
    total: UnitCounts = field(default_factory=lambda: UnitCounts(unit=None))


def open_item(application: Application, *, today: dt.date, calendar: Calendar,
              soon_days: int) -> OpenItem:
    due = application.due_on
    if due is None:
        return OpenItem(application, None, overdue=False, due_soon=False)
    left = working_days_left(calendar, today, due)
    overdue = due < today
    return OpenItem(application, left, overdue=overdue,
                    due_soon=not overdue and left <= soon_days)


def open_overview(*, today: dt.date, calendar: Calendar, soon_days: int | None = None,
                  unit: Unit | None = None) -> Overview:
    """Every open application (of ``unit``, or all), those still 待确认 included (counted
    apart: their clock has not started), most urgent first within each unit, with
    per-unit counts. One query plus the calendar's."""
    soon = soon_days_setting() if soon_days is None else soon_days
    qs = Application.objects.filter(status__in=OPEN_STATUSES).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit=unit)
    items = [open_item(a, today=today, calendar=calendar, soon_days=soon) for a in qs]
    far = dt.date.max.toordinal()
    items.sort(key=lambda i: (i.application.unit.sort_order, i.application.unit.name,
                              i.application.due_on.toordinal() if i.application.due_on
                              else far, i.application.pk))
    by_unit: dict[int, UnitCounts] = {}
    overview = Overview(today=today, soon_days=soon, items=items, units=[])
    for item in items:
        counts = by_unit.get(item.application.unit_id)
        if counts is None:
            counts = by_unit[item.application.unit_id] = UnitCounts(item.application.unit)
            overview.units.append(counts)
        counts.add(item)
        overview.total.add(item)
    return overview
