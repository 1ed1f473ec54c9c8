"""Writes to the working-day calendar. Each change tells the modules that keep due
dates (``calendar_changed``) so open items are recomputed."""
import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.workdays.events import WorkdaysEvent
from gongkai.workdays.holiday_names import NOTICE_SOURCE, chinese_name
from gongkai.workdays.models import CalendarYear, SpecialDay
from gongkai.workdays.signals import calendar_changed


@transaction.atomic
def calendar_year_load(
    *,
    year: int,
    holidays: Iterable[dt.date],
    workdays: Iterable[dt.date],
    source: str = "",
    names: dict[dt.date, str] | None = None,
    actor=None,
) -> CalendarYear:
    """Replace the exceptional dates of ``year`` with those of its holiday notice.

    ``holidays`` may include weekend days (as a notice lists whole holiday spans); only
    weekdays are stored as days off, and only weekend days as make-up working days.
    """
    holidays, workdays, names = set(holidays), set(workdays), names or {}
    outside = sorted(d for d in holidays | workdays if d.year != year)
    if outside:
        raise ApplicationError(_("日期 %(d)s 不属于 %(y)s 年。") % {"d": outside[0], "y": year})
    both = sorted(holidays & workdays)
    if both:
        raise ApplicationError(_("%(d)s 不能既放假又上班。") % {"d": both[0]})
    SpecialDay.objects.filter(date__year=year).delete()
    rows = [SpecialDay(date=d, is_workday=False, name=names.get(d, ""))
            for d in sorted(holidays) if d.weekday() < 5]
    rows += [SpecialDay(date=d, is_workday=True, name=names.get(d, ""))
             for d in sorted(workdays) if d.weekday() >= 5]
    SpecialDay.objects.bulk_create(rows)
    calendar_year, _created = CalendarYear.objects.update_or_create(
        year=year, defaults={"source": source})
    record_event(obj=calendar_year, action=WorkdaysEvent.YEAR_LOADED, actor=actor,
                 details={"holidays": len([r for r in rows if not r.is_workday]),
                          "workdays": len([r for r in rows if r.is_workday]),
                          "source": source})
    transaction.on_commit(lambda: calendar_changed.send(sender=CalendarYear, years={year}))
    return calendar_year


def calendar_seed_from_package(*, years: Iterable[int] | None = None, actor=None) -> list[int]:
    """Load every year the ``chinese-calendar`` package knows (or the given ones) that is
    not loaded yet. Returns the years loaded."""
    from chinese_calendar.constants import holidays as cc_holidays
    from chinese_calendar.constants import workdays as cc_workdays

    known = sorted({d.year for d in cc_holidays} | {d.year for d in cc_workdays})
    wanted = sorted(set(years) & set(known)) if years is not None else known
    loaded = set(CalendarYear.objects.values_list("year", flat=True))
    done = []
    for year in wanted:
        if year in loaded:
            continue
        calendar_year_load(
            year=year,
            holidays=[d for d in cc_holidays if d.year == year],
            workdays=[d for d in cc_workdays if d.year == year],
            names={d: chinese_name(str(n)) for d, n in {**cc_holidays, **cc_workdays}.items()
                   if d.year == year},
            source=NOTICE_SOURCE,
            actor=actor,
        )
        done.append(year)
    return done


@transaction.atomic
def special_day_set(*, date: dt.date, is_workday: bool | None, name: str = "", actor=None
                    ) -> None:
    """Mark one date a day off or a working day; ``None`` returns it to the weekly rule.

    Editing a day does not mark its year as loaded: only a whole notice does that.
    """
    existing = SpecialDay.objects.filter(date=date).first()
    if is_workday is None or is_workday == (date.weekday() < 5):
        if existing:
            record_event(obj=existing, action=WorkdaysEvent.DAY_CLEARED, actor=actor,
                         details={"date": date.isoformat()})
            existing.delete()
    else:
        day, _created = SpecialDay.objects.update_or_create(
            date=date, defaults={"is_workday": is_workday, "name": name})
        record_event(obj=day, action=WorkdaysEvent.DAY_CHANGED, actor=actor,
                     details={"date": date.isoformat(), "is_workday": is_workday,
                              "name": name})
    transaction.on_commit(
        lambda: calendar_changed.send(sender=SpecialDay, years={date.year}))
