"""Writes of task ↔ indicator links and the figures frozen with approved reports."""
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.plans.models import Report, Task
from gongkai.reports import registry
from gongkai.reports.events import ReportsEvent
from gongkai.reports.models import Direction, FrozenFigure, IndicatorLink

MAX_TARGET = 100_000


def _clean_target(value, label: str) -> int | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not text.isdigit() or int(text) > MAX_TARGET:
        raise ApplicationError(_("%(label)s须为 0 至 %(max)d 之间的整数。")
                               % {"label": label, "max": MAX_TARGET})
    return int(text)


@transaction.atomic
def link_save(*, task: Task, indicator: str, direction: str, district_target,
              unit_target, actor) -> IndicatorLink:
    """Link ``task`` to ``indicator`` with the year's targets (or change them)."""
    if registry.get(indicator) is None:
        raise ApplicationError(_("请选择指标。"))
    if direction not in Direction.values:
        raise ApplicationError(_("请选择目标方向。"))
    district = _clean_target(district_target, _("全区目标"))
    unit = _clean_target(unit_target, _("各单位目标"))
    link, created = IndicatorLink.objects.update_or_create(
        task=task, indicator=indicator,
        defaults={"direction": direction, "district_target": district,
                  "unit_target": unit},
        create_defaults={"direction": direction, "district_target": district,
                         "unit_target": unit, "created_by": actor})
    record_event(obj=task, action=ReportsEvent.LINK_SAVED if not created else
                 ReportsEvent.LINK_CREATED, actor=actor,
                 details={"indicator": indicator, "direction": direction,
                          "district_target": district, "unit_target": unit})
    return link


@transaction.atomic
def link_delete(*, link: IndicatorLink, actor) -> None:
    record_event(obj=link.task, action=ReportsEvent.LINK_DELETED, actor=actor,
                 details={"indicator": link.indicator})
    link.delete()


@transaction.atomic
def report_figures_freeze(*, report: Report) -> list[FrozenFigure]:
    """Store the figures ``report`` shows, as of now; a report approved again keeps the
    figures of its first approval."""
    from gongkai.reports.selectors.progress import report_figures

    if FrozenFigure.objects.filter(report=report).exists():
        return list(FrozenFigure.objects.filter(report=report))
    frozen = [FrozenFigure(report=report, indicator=f.indicator, label=f.label,
                           unit_label=f.unit_label, value=f.value, target=f.target,
                           direction=f.direction, start=f.start, end=f.end)
              for f in report_figures(report, fresh=True)]
    FrozenFigure.objects.bulk_create(frozen)
    if frozen:
        record_event(obj=report, action=ReportsEvent.FIGURES_FROZEN, details={
            f.indicator: f.value for f in frozen})
    return frozen
