from gongkai.workdays.calendar import Calendar
from gongkai.workdays.models import CalendarYear, SpecialDay


def calendar_from_db() -> Calendar:
    """The calendar as stored now: two small queries."""
    holidays, workdays = set(), set()
    for day, is_workday in SpecialDay.objects.values_list("date", "is_workday"):
        (workdays if is_workday else holidays).add(day)
    years = frozenset(CalendarYear.objects.values_list("year", flat=True))
    return Calendar(holidays=frozenset(holidays), workdays=frozenset(workdays),
                    loaded_years=years)
