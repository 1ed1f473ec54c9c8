"""Measured progress of plan tasks: the linked indicators' values against the year's
targets, per unit and for the district, beside what the units wrote.

One query for the links, then each linked indicator once for all units (its own fixed
number of queries), whatever the number of tasks and units.
"""
import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.memo import measuring_pass
from gongkai.reports import registry
from gongkai.reports.models import Direction, FrozenFigure, IndicatorLink
from gongkai.reports.selectors.values import indicator_values


@dataclass(frozen=True)
class Figure:
    indicator: str
    label: str
    unit_label: str
    value: int
    target: int | None
    direction: str
    start: dt.date
    end: dt.date
    unit_id: int | None = None  # None: the district
    frozen: bool = False

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        if self.direction == Direction.AT_MOST:
            return self.value <= self.target
        return self.value >= self.target

    @property
    def target_text(self) -> str:
        if self.target is None:
            return ""
        word = _("不多于") if self.direction == Direction.AT_MOST else _("不少于")
        return f"{word}{self.target}{self.unit_label}"

    @property
    def records_url(self) -> str:
        query = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        if self.unit_id is not None:
            query["unit"] = self.unit_id
        return reverse("reports:records", args=[self.indicator]) + "?" + urlencode(query)

    def sentence(self) -> str:
        text = _("%(label)s：%(value)d%(unit)s") % {
            "label": self.label, "value": self.value, "unit": self.unit_label}
        if self.target is not None:
            text += _("（目标%(t)s，%(m)s）") % {
                "t": self.target_text, "m": _("已达到") if self.met else _("未达到")}
        return text


def year_range(year: int, *, quarter: int | None = None,
               today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """From 1 January to the end of ``quarter`` (or of the year), never past today:
    targets are yearly, so progress is counted from the start of the year."""
    today = today or timezone.localdate()
    end = dt.date(year, 12, 31)
    if quarter is not None and quarter < 4:
        end = dt.date(year, quarter * 3 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, 1, 1), min(end, max(today, dt.date(year, 1, 1)))


@dataclass
class Measured:
    start: dt.date
    end: dt.date
    links: dict[int, list[dict]] = field(default_factory=dict)  # task number → links
    values: dict[str, tuple[dict[int, int], int]] = field(default_factory=dict)

    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → texts

    def _figure(self, link: dict, unit_id: int | None) -> Figure | None:
        key = link["indicator"]
        if key not in self.values:
            return None
        per_unit, district = self.values[key]
        value = district if unit_id is None else per_unit.get(unit_id, 0)
        target = link["district_target"] if unit_id is None else link["unit_target"]
        label, unit_label = self.labels[key]
        return Figure(indicator=key, label=label, unit_label=unit_label, value=value,
                      target=target, direction=link["direction"], start=self.start,
                      end=self.end, unit_id=unit_id)

    def figures(self, task_number: int, unit_id: int | None) -> list[Figure]:
        found = (self._figure(link, unit_id) for link in self.links.get(task_number, ()))
        return [f for f in found if f is not None]

    @property
    def task_numbers(self) -> list[int]:
        return sorted(self.links)


def measured_progress(*, year: int, start: dt.date | None = None,
                      end: dt.date | None = None, task_numbers=None,
                      fresh: bool = False) -> Measured:
    """The linked indicators of ``year``'s plan measured over [start, end] (default: the
    year so far) for every unit and the district; ``fresh`` bypasses the short-lived
    cache of ``values``."""
    if start is None or end is None:
        start, end = year_range(year)
    links = IndicatorLink.objects.filter(task__plan__year=year)
    if task_numbers is not None:
        links = links.filter(task__number__in=list(task_numbers))
    result = Measured(start=start, end=end)
    for link in links.values("task__number", "indicator", "direction", "district_target",
                             "unit_target"):
        result.links.setdefault(link["task__number"], []).append(link)
    keys = {link["indicator"] for group in result.links.values() for link in group}
    with measuring_pass():
        for key in sorted(keys):
            indicator = registry.get(key)
            if indicator is None:
                continue  # an indicator whose module is gone: shown nowhere
            values = indicator_values(indicator, start=start, end=end, fresh=fresh)
            result.values[key] = (values.per_unit, values.district)
            # Translated once here, not once per figure (5,000 figures on a page).
            result.labels[key] = (str(indicator.label), str(indicator.unit))
    return result


def report_figures(report, *, fresh: bool = False) -> list[Figure]:
    """What a progress report shows: the frozen figures once it was approved, else the
    live ones from 1 January to the end of its quarter."""
    frozen = list(FrozenFigure.objects.filter(report=report)) if report.pk else []
    if frozen:
        return [Figure(indicator=f.indicator, label=f.label, unit_label=f.unit_label,
                       value=f.value, target=f.target, direction=f.direction,
                       start=f.start, end=f.end, unit_id=report.assignment.unit_id,
                       frozen=True) for f in frozen]
    task = report.assignment.task
    year = report.period.plan.year
    start, end = year_range(year, quarter=report.period.number)
    measured = measured_progress(year=year, start=start, end=end,
                                 task_numbers=[task.number], fresh=fresh)
    return measured.figures(task.number, report.assignment.unit_id)


def prefill_text(figures: list[Figure]) -> str:
    """The opening of a quarterly report drafted from the measured figures."""
    if not figures:
        return ""
    first = figures[0]
    lines = [_("截至%(d)s，平台统计：") % {"d": f"{first.end.year}年{first.end.month}月"
                                          f"{first.end.day}日"}]
    lines += [f"{i}. {f.sentence()}。" for i, f in enumerate(figures, start=1)]
    return "\n".join(lines)
