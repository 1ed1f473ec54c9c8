"""Working-day deadlines inside a database query.

A database cannot count working days, but a deadline is a function of a day: for the
days of a period the calendar computes it in Python, and ``day_lookup`` turns that
table into a SQL expression. The expression is a balanced tree of ``CASE`` tests on
the day, so each row costs about log2(days) comparisons (9 for a year) rather than a
scan of a 365-branch ``CASE``, and it stays plain ORM on every database.
"""
import datetime as dt
from collections.abc import Sequence

from django.db.models import Case, Expression, Field, Value, When


def day_lookup(field: str, runs: Sequence[tuple[dt.date, dt.date, object]], *,
               default, output_field: Field) -> Expression:
    """``runs``: (first day, last day, value) in ascending, non-overlapping order; rows
    whose ``field`` falls in none of them (or is null) get ``default``."""
    if not runs:
        return Value(default, output_field=output_field)

    def tree(part) -> Expression:
        if len(part) == 1:
            first, last, value = part[0]
            return Case(When(**{f"{field}__range": (first, last)},
                             then=Value(value, output_field=output_field)),
                        default=Value(default, output_field=output_field),
                        output_field=output_field)
        middle = len(part) // 2
        return Case(When(**{f"{field}__lt": part[middle][0]}, then=tree(part[:middle])),
                    default=tree(part[middle:]), output_field=output_field)

    return tree(list(runs))


def runs_of(values: Sequence[tuple[dt.date, object]]) -> list[tuple[dt.date, dt.date, object]]:
    """Consecutive days with the same value merged into (first, last, value) runs."""
    runs: list[list] = []
    for day, value in values:
        if runs and runs[-1][2] == value and runs[-1][1] + dt.timedelta(days=1) == day:
            runs[-1][1] = day
        else:
            runs.append([day, day, value])
    return [tuple(r) for r in runs]
