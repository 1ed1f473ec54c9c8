"""An indicator's values over a period, computed once and kept for a few minutes.

Pages that show many figures (the assessment, the ledger, the matrix) read them from
the cache for ``GONGKAI_INDICATOR_CACHE_SECONDS`` (default 300; 0 turns it off), with
the time they were computed, so a district of a million applications does not rescan
them on every page view. Approving a report and drawing up the annual report always
compute afresh (``fresh=True``), as does every "records behind the number" page.
"""
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from gongkai.reports.registry import Indicator

DEFAULT_SECONDS = 300


@dataclass(frozen=True)
class Values:
    per_unit: dict[int, int]
    district: int
    computed_at: dt.datetime


def cache_seconds() -> int:
    return int(getattr(settings, "GONGKAI_INDICATOR_CACHE_SECONDS", DEFAULT_SECONDS))


def indicator_values(indicator: Indicator, *, start: dt.date, end: dt.date,
                     fresh: bool = False) -> Values:
    seconds = cache_seconds()
    key = f"reports:indicator:{indicator.key}:{start.isoformat()}:{end.isoformat()}"
    if seconds and not fresh:
        hit = cache.get(key)
        if hit is not None:
            return hit
    per_unit = indicator.per_unit(start=start, end=end)
    values = Values(per_unit=per_unit, district=indicator.for_district(
        start=start, end=end, per_unit=per_unit), computed_at=timezone.now())
    if seconds:
        cache.set(key, values, seconds)
    return values
