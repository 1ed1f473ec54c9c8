"""Working-day arithmetic: the one function every due date in the platform comes from.

Counting follows Art. 31/33 of the Regulation as the office reads it: the day of receipt
is day 0 and the deadline is the Nth working day after it. A supplement (补正) restarts
the count from the day it arrives; a consultation or a fee notice pauses it: the working
days after the day the letter went out, up to and including the day the answer or the
payment came, are not counted. Pure functions over an immutable ``Calendar``, so tests
and benchmarks call them without a database.
"""
import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

DEFAULT_DAYS = 20
EXTENSION_DAYS = 20
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Calendar:
    """Exceptional dates and the years whose notice has been loaded."""

    holidays: frozenset[dt.date] = frozenset()  # weekdays that are days off
    workdays: frozenset[dt.date] = frozenset()  # weekend days that are working days
    loaded_years: frozenset[int] = frozenset()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def is_loaded(self, year: int) -> bool:
        return year in self.loaded_years

    # The index is a sorted list of the ordinals of every working day over a span of
    # years, extended on demand: counting becomes two bisections instead of a walk.
    def _ordinals(self, first_year: int, last_year: int) -> list[int]:
        span = self._index.get("span")
        if span is None or first_year < span[0] or last_year > span[1]:
            lo = min(first_year, span[0]) if span else first_year
            hi = max(last_year, span[1]) if span else last_year
            start = dt.date(lo, 1, 1).toordinal()
            end = dt.date(hi, 12, 31).toordinal()
            self._index["ordinals"] = [
                o for o in range(start, end + 1) if self.is_workday(dt.date.fromordinal(o))
            ]
            self._index["span"] = (lo, hi)
        return self._index["ordinals"]

    def count_between(self, after: dt.date, upto: dt.date) -> int:
        """Working days d with after < d <= upto."""
        if upto <= after:
            return 0
        ordinals = self._ordinals(after.year, upto.year)
        return bisect_right(ordinals, upto.toordinal()) - bisect_right(ordinals, after.toordinal())

    def nth_after(self, day0: dt.date, n: int) -> dt.date:
        """The nth working day after ``day0`` (n >= 1)."""
        years_ahead = n // 200 + 2
        ordinals = self._ordinals(day0.year, day0.year + years_ahead)
        position = bisect_right(ordinals, day0.toordinal()) + n - 1
        return dt.date.fromordinal(ordinals[position])

    def next_workday_on_or_after(self, day: dt.date) -> dt.date:
        ordinals = self._ordinals(day.year, day.year + 1)
        return dt.date.fromordinal(ordinals[bisect_left(ordinals, day.toordinal())])


@dataclass(frozen=True)
class DueDate:
    due: dt.date
    provisional: bool
    working_days: int
    steps: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"due": self.due.isoformat(), "provisional": self.provisional,
                "working_days": self.working_days, "steps": list(self.steps)}


def _fmt(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（星期{_WEEKDAYS[day.weekday()]}）"


def _merged(pauses, day0: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Pauses after day 0, clipped to it, overlapping ones merged, in order."""
    clipped = sorted((max(f, day0), t) for f, t in pauses if t > day0)
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def compute_due(
    calendar: Calendar,
    received: dt.date,
    *,
    restarts: tuple[dt.date, ...] | list[dt.date] = (),
    pauses: tuple[tuple[dt.date, dt.date], ...] | list[tuple[dt.date, dt.date]] = (),
    extended: bool = False,
    days: int = DEFAULT_DAYS,
    extension_days: int = EXTENSION_DAYS,
) -> DueDate:
    """The due date of a time limit of ``days`` working days from ``received``."""
    if days < 1:
        raise ValueError("days must be at least 1")
    for start, end in pauses:
        if end < start:
            raise ValueError(f"pause ends before it starts: {start}:{end}")
    steps = [f"收到日 {_fmt(received)} 为第0日，期限自次日起按工作日计算。"]
    day0 = received
    for restart in sorted(restarts):
        if restart < day0:
            raise ValueError(f"restart {restart} is before day 0 {day0}")
        day0 = restart
        steps.append(f"补正材料于 {_fmt(restart)} 收到，期限重新起算，该日为新的第0日。")
    total = days + (extension_days if extended else 0)
    steps.append(f"法定期限 {days} 个工作日。")
    if extended:
        steps.append(f"经批准延长 {extension_days} 个工作日，共 {total} 个工作日。")

    remaining, cursor = total, day0
    for start, end in _merged(pauses, day0):
        available = calendar.count_between(cursor, start)
        if remaining <= available:
            break
        remaining -= available
        skipped = calendar.count_between(start, end)
        steps.append(f"{_fmt(start)} 至 {_fmt(end)} 暂停计算，其间 {skipped} 个工作日不计入。")
        cursor = end
    due = calendar.nth_after(cursor, remaining)

    missing = [y for y in range(received.year, due.year + 1) if not calendar.is_loaded(y)]
    if missing:
        years = "、".join(f"{y}年" for y in missing)
        steps.append(f"{years}节假日安排尚未载入，暂按周末计算，到期日为暂定。")
    steps.append(f"到期日：{_fmt(due)}。")
    return DueDate(due=due, provisional=bool(missing), working_days=total, steps=tuple(steps))


def working_days_left(calendar: Calendar, today: dt.date, due: dt.date) -> int:
    """Working days from today to due: positive before, 0 on the day, negative after."""
    if due >= today:
        return calendar.count_between(today, due)
    return -calendar.count_between(due, today)
