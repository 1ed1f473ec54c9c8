"""The statutory clock of an application, recomputed from its inputs.

Inputs: the date of receipt (day 0), supplements received (each restarts the count:
Art. 30), closed pauses (consultations, fee notices: not counted), the extension
(+20 working days, Art. 33) and a manual date under Art. 35 (replaces the computed
date). Everything goes through ``gongkai.workdays.calendar.compute_due``.

While the clock is stopped there is no due date: ``due_on`` is left empty (and the
application cannot show as overdue) when
- a pause is still open (a consultation or fee notice awaiting its answer or payment):
  the days it will remove are not known until it ends;
- a supplement has been requested and has not arrived: the count restarts from the
  day it arrives (Art. 30), so the old date no longer applies.
Pages show "暂停计算" instead; ``clock_preview`` gives the date it would be if the
clock resumed today.
"""
import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from gongkai.core.dates import chinese_date
from gongkai.foi.models import OPEN_STATUSES, Application
from gongkai.workdays.calendar import Calendar, DueDate, compute_due
from gongkai.workdays.selectors import calendar_from_db


def _inputs(application: Application, resume_on: dt.date | None = None):
    """(restarts, closed pauses, stopped?) from the prefetched related rows."""
    restarts = [s.received_on for s in application.supplements.all() if s.received_on]
    waiting_supplement = any(s.received_on is None for s in application.supplements.all())
    pauses, open_pause = [], False
    for pause in application.pauses.all():
        if pause.ended_on is not None:
            pauses.append((pause.started_on, pause.ended_on))
        elif resume_on is not None and resume_on >= pause.started_on:
            pauses.append((pause.started_on, resume_on))
        else:
            open_pause = True
    return restarts, pauses, open_pause or (waiting_supplement and resume_on is None)


def statutory_due(application: Application, calendar: Calendar,
                  resume_on: dt.date | None = None) -> DueDate | None:
    """The computed date ignoring an Art. 35 manual date (None while stopped)."""
    if application.received_on is None:
        return None
    restarts, pauses, stopped = _inputs(application, resume_on)
    if stopped:
        return None
    restarts = [r for r in restarts if r >= application.received_on]
    return compute_due(calendar, application.received_on, restarts=restarts,
                       pauses=pauses, extended=application.extended_on is not None)


def _manual(application: Application, computed: DueDate | None,
            calendar: Calendar) -> DueDate:
    manual = application.manual_due_on
    steps = list(computed.steps) if computed else []
    steps.append(f"依《条例》第三十五条另行确定答复期限为{chinese_date(manual)}，"
                 f"理由：{application.manual_due_reason}")
    return DueDate(due=manual, provisional=False,
                   working_days=calendar.count_between(application.received_on, manual),
                   steps=tuple(steps))


def application_clock(application: Application, calendar: Calendar,
                      resume_on: dt.date | None = None) -> DueDate | None:
    """The due date and its steps; None for an application not yet received or whose
    clock is stopped (see the module docstring)."""
    if application.received_on is None:
        return None
    computed = statutory_due(application, calendar, resume_on)
    if application.manual_due_on:
        return _manual(application, computed, calendar)
    return computed


def clock_preview(application: Application, calendar: Calendar,
                  today: dt.date) -> DueDate | None:
    """What the due date would be if every open pause ended today (for display while
    the clock is stopped; a pending supplement gives None)."""
    if any(s.received_on is None for s in application.supplements.all()):
        return None
    return application_clock(application, calendar, resume_on=today)


def application_due_recompute(*, application: Application,
                              calendar: Calendar | None = None) -> DueDate | None:
    """Store the application's current due date (``due_on``, ``due_provisional``)."""
    calendar = calendar or calendar_from_db()
    result = application_clock(application, calendar)
    due = result.due if result else None
    provisional = result.provisional if result else False
    if (application.due_on, application.due_provisional) != (due, provisional):
        application.due_on, application.due_provisional = due, provisional
        application.save(update_fields=["due_on", "due_provisional"])
    return result


def _affected(years: Iterable[int] | None):
    qs = Application.objects.filter(status__in=OPEN_STATUSES, received_on__isnull=False)
    if years:
        years = sorted(years)
        # A calendar change in year Y only moves dates whose counting window reaches
        # into Y: received by the end of Y and due (or still running) after Y began.
        qs = qs.filter(Q(received_on__lte=dt.date(years[-1], 12, 31)),
                       Q(due_on__isnull=True) | Q(due_on__gte=dt.date(years[0], 1, 1)))
    return qs.prefetch_related("supplements", "pauses").only(
        "id", "received_on", "extended_on", "manual_due_on", "manual_due_reason",
        "due_on", "due_provisional")


@transaction.atomic
def open_applications_recompute(*, years: Iterable[int] | None = None) -> int:
    """Recompute every open application's due date after a calendar change (one
    calendar load, batched writes). Returns how many dates changed."""
    calendar = calendar_from_db()
    changed = []
    for application in _affected(years).iterator(chunk_size=2000):
        result = application_clock(application, calendar)
        due = result.due if result else None
        provisional = result.provisional if result else False
        if (application.due_on, application.due_provisional) != (due, provisional):
            application.due_on, application.due_provisional = due, provisional
            changed.append(application)
    Application.objects.bulk_update(changed, ["due_on", "due_provisional"], batch_size=1000)
    return len(changed)
