"""The assessment (考核) of a year: every assessed unit's score, line by line, from the
office's scheme (rules are data: ``SchemeItem``), with a competition rank.

Assessed are the units with tasks on the year's plan, except the disclosure office,
which assesses and is not ranked. Queries: the units, the items, the adjustments, and
each indicator of the scheme once for all units — a fixed number, whatever the size.

Each item scores ``item_points``; a unit's total is the sum of its items plus its
adjustments (人工调整 and 更正, each with a reason), floored at 0.
"""
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from gongkai.core.memo import measuring_pass
from gongkai.orgs.models import Unit
from gongkai.plans.models import Assignment
from gongkai.reports import registry
from gongkai.reports.models import AssessmentScheme, ItemKind, NoticeScope
from gongkai.reports.selectors.values import indicator_values

TENTH = Decimal("0.1")


def item_points(*, kind: str, points: Decimal, full_value: int, cap: Decimal | None,
                value: int) -> Decimal:
    """The points an item gives for ``value``: positive for 计分 and 加分 items,
    negative for 扣分 items."""
    points = Decimal(points)
    if kind == ItemKind.SCALED:
        share = min(Decimal(max(value, 0)) / Decimal(max(full_value, 1)), Decimal(1))
        return (points * share).quantize(TENTH, rounding=ROUND_HALF_UP)
    amount = points * max(value, 0)
    if cap is not None:
        amount = min(amount, Decimal(cap))
    amount = amount.quantize(TENTH, rounding=ROUND_HALF_UP)
    return -amount if kind == ItemKind.DEDUCTION else amount


def scope_range(year: int, scope: str) -> tuple[dt.date, dt.date]:
    if scope == NoticeScope.Q3:
        return dt.date(year, 7, 1), dt.date(year, 9, 30)
    if scope == NoticeScope.Q4:
        return dt.date(year, 10, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@dataclass(frozen=True)
class Line:
    label: str
    kind: str
    value: int
    unit_label: str
    points: Decimal
    records_url: str = ""
    reason: str = ""


@dataclass
class UnitResult:
    unit_id: int
    unit_name: str
    lines: list[Line] = field(default_factory=list)
    rank: int = 0

    @property
    def detail_html(self) -> str:
        """The lines as list items, built here: a template loop over 80 units × 10
        items costs more than the whole computation."""
        return format_html_join("", "<li>{}{}</li>", (
            (line.label, _line_tail(line)) for line in self.lines))

    @property
    def total(self) -> Decimal:
        return max(sum((line.points for line in self.lines), Decimal(0)), Decimal(0))


def _line_tail(line: Line) -> str:
    value = ""
    if line.unit_label:
        value = format_html("：<a href=\"{}\">{}{}</a>", line.records_url, line.value,
                            line.unit_label) if line.records_url else format_html(
            "：{}{}", line.value, line.unit_label)
    reason = format_html("（{}）", line.reason) if line.reason else ""
    return format_html("{} → {}{}", value, line.points, reason)


def assessed_units(year: int) -> list[tuple[int, str]]:
    ids = (Assignment.objects.filter(task__plan__year=year, unit__is_office=False)
           .values("unit_id").distinct())
    return list(Unit.objects.filter(pk__in=ids).order_by("sort_order", "name")
                .values_list("pk", "name"))


def _records_url(base: str, unit_id: int, period: str) -> str:
    return f"{base}?unit={unit_id}&{period}"


def assessment(*, scheme: AssessmentScheme, scope: str = NoticeScope.YEAR,
               fresh: bool = False) -> list[UnitResult]:
    """Every assessed unit's result for ``scope`` of the scheme's year, best first."""
    start, end = scope_range(scheme.year, scope)
    items = list(scheme.items.all())
    values = {}
    with measuring_pass():
        for key in sorted({item.indicator for item in items}):
            indicator = registry.get(key)
            if indicator is not None:
                values[key] = (indicator, indicator_values(
                    indicator, start=start, end=end, fresh=fresh).per_unit)
    results = [UnitResult(unit_id=pk, unit_name=name) for pk, name in
               assessed_units(scheme.year)]
    by_id = {r.unit_id: r for r in results}
    period = urlencode({"start": start.isoformat(), "end": end.isoformat()})
    # What each item needs once, not once per unit (labels, URL): 80 units × 10 items.
    scored = [(item, str(item.label or values[item.indicator][0].label),
               str(values[item.indicator][0].unit), values[item.indicator][1],
               reverse("reports:records", args=[item.indicator]))
              for item in items if item.indicator in values]
    for result in results:
        for item, label, unit_label, per_unit, base in scored:
            value = per_unit.get(result.unit_id, 0)
            result.lines.append(Line(
                label=label, kind=item.kind, value=value, unit_label=unit_label,
                points=item_points(kind=item.kind, points=item.points,
                                   full_value=item.full_value, cap=item.cap, value=value),
                records_url=_records_url(base, result.unit_id, period)))
    for adj in scheme.adjustments.all():
        if adj.unit_id in by_id:
            by_id[adj.unit_id].lines.append(Line(
                label=adj.get_kind_display(), kind=adj.kind, value=0, unit_label="",
                points=adj.points, reason=adj.reason))
    return _ranked(results)


def _ranked(results: list[UnitResult]) -> list[UnitResult]:
    results.sort(key=lambda r: (-r.total, r.unit_name))
    previous, rank = None, 0
    for position, result in enumerate(results, start=1):
        if result.total != previous:
            rank, previous = position, result.total
        result.rank = rank
    return results
