"""``{% workbench_cards as wb %}``: what each role's workbench shows about the plan."""
from django import template
from django.utils import timezone

from gongkai.plans.links import todo_links, url_maker
from gongkai.plans.models import ReportingPeriod
from gongkai.plans.permissions import can_manage_plans, can_view_progress, may_see_todo
from gongkai.plans.selectors.dashboard import (
    TodoKind,
    current_period,
    latest_plan,
    progress_by_section,
    unit_todo,
)
from gongkai.plans.selectors.workbench import office_summary

register = template.Library()


def _link(name: str) -> str | None:
    make = url_maker(name, 0)
    return make() if make else None


@register.simple_tag(takes_context=True)
def workbench_cards(context) -> dict:
    user = context["request"].user
    today = timezone.localdate()
    data: dict = {"today": today}
    if may_see_todo(user):
        items = unit_todo(unit=user.unit, today=today)
        data["todo"] = {
            "total": len(items),
            "returned": sum(i.kind == TodoKind.RETURNED for i in items),
            "overdue": sum(i.overdue for i in items),
            "breakdown": sum(i.kind == TodoKind.BREAKDOWN for i in items),
            "first": todo_links(items[:5], user=user),
            "url": _link("plans:todo"),
        }
    if not can_view_progress(user):
        return data
    plan = latest_plan(today=today)
    if plan is None:
        return data
    period = current_period(periods=list(ReportingPeriod.objects.filter(plan=plan)),
                            today=today)
    data.update(plan=plan, period=period)
    if can_manage_plans(user):
        data["office"] = office_summary(plan=plan, period=period, today=today)
        data["links"] = {name: _link(f"plans:{name}")
                         for name in ("matrix", "progress", "review_queue", "ledger",
                                      "dead_links")}
    elif period is not None:
        data["parts"] = progress_by_section(plan=plan, period=period)
        data["links"] = {"progress": _link("plans:progress")}
    return data
