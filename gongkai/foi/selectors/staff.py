"""Reads for the staff pages: the unit's application list and the detail page."""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from gongkai.foi.models import OPEN_STATUSES, Application, Status
from gongkai.foi.permissions import applications_visible_to, can_see_personal_data
from gongkai.foi.services.clock import application_clock, clock_preview
from gongkai.workdays.calendar import Calendar, DueDate, working_days_left

DUE_SOON_DAYS = 5
DUE_FILTERS = ("overdue", "soon", "stopped")


@dataclass(frozen=True)
class Row:
    application: Application
    show_personal: bool
    days_left: int | None

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def due_soon(self) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= DUE_SOON_DAYS


def staff_applications(user, *, status: str = "", q: str = "", due: str = "",
                       today: dt.date, calendar: Calendar,
                       base: QuerySet[Application] | None = None) -> QuerySet[Application]:
    """The applications a staff member may see (within ``base`` if given), filtered.
    Overdue and due soon are derived from ``due_on`` here, never stored."""
    qs = applications_visible_to(user) if base is None else base
    qs = qs.select_related("unit")
    if status in Status.values:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(description__icontains=q))
    if due == "overdue":
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__lt=today)
    elif due == "soon":
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__gte=today,
                       due_on__lte=calendar.nth_after(today, DUE_SOON_DAYS))
    elif due == "stopped":
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__isnull=True)
    return qs.order_by("due_on", "-submitted_at")


def staff_rows(user, applications, *, calendar: Calendar, today: dt.date) -> list[Row]:
    rows = []
    for application in applications:
        days = None
        if application.is_open and application.due_on:
            days = working_days_left(calendar, today, application.due_on)
        rows.append(Row(application, can_see_personal_data(user, application), days))
    return rows


@dataclass(frozen=True)
class Clock:
    current: DueDate | None  # None while stopped or before receipt
    preview: DueDate | None  # if stopped: the date were the clock to resume today
    days_left: int | None


def application_clock_view(application: Application, *, calendar: Calendar,
                           today: dt.date) -> Clock:
    current = application_clock(application, calendar)
    preview = None if current else clock_preview(application, calendar, today)
    days = None
    if current and application.is_open:
        days = working_days_left(calendar, today, current.due)
    return Clock(current, preview, days)
