"""Dates as Chinese official documents write them."""
import datetime as dt

_CN_DIGITS = "〇一二三四五六七八九"


def chinese_date(value: dt.date | None) -> str:
    """2022-08-08 → 2022年8月8日 (the form used in body text and tables)."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def chinese_date_upper(value: dt.date) -> str:
    """2022-08-08 → 二〇二二年八月八日 (the form of an official document's signature)."""
    year = "".join(_CN_DIGITS[int(d)] for d in str(value.year))
    return f"{year}年{_cn_number(value.month)}月{_cn_number(value.day)}日"


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[ones] if ones else ''}"


def day_range_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after end 00:00) in local time: filtering a timestamp on
    these bounds uses its index, where ``__date__range`` converts every row."""
    from django.utils import timezone

    zone = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time(0), zone),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), zone))
