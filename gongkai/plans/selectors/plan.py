"""Reads of a stored plan: its JSON form and the look-back (回头看) list."""
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from gongkai.plans.models import (
    Assignment,
    Part,
    Plan,
    ProgressState,
    Report,
    ReportStatus,
    Section,
    Task,
    TaskGroup,
    TaskUnit,
)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def plan_to_dict(plan: Plan) -> dict:
    """The plan as published, with canonical unit names and roles (constant queries)."""
    tasks = Task.objects.order_by("number").prefetch_related(
        Prefetch("task_units", TaskUnit.objects.select_related("unit").order_by("position")),
        Prefetch("task_groups", TaskGroup.objects.select_related("group").order_by("position")),
    )
    parts = Part.objects.filter(plan=plan).order_by("number").prefetch_related(
        Prefetch("sections", Section.objects.order_by("number").prefetch_related(
            Prefetch("tasks", tasks))),
    )
    deadlines = plan.periods.order_by("number").values_list("deadline", flat=True)
    return {
        "year": plan.year,
        "title": plan.title,
        "signed_on": _iso(plan.signed_on),
        "report_deadlines": [d.isoformat() for d in deadlines],
        "parts": [{
            "number": part.number,
            "title": part.title,
            "sections": [{
                "number": section.number,
                "title": section.title,
                "tasks": [_task_dict(task) for task in section.tasks.all()],
            } for section in part.sections.all()],
        } for part in parts],
    }


def _task_dict(task: Task) -> dict:
    return {
        "number": task.number,
        "text": task.text,
        "units": [{"name": tu.unit.name, "role": tu.role, **({"note": tu.note} if tu.note else {})}
                  for tu in task.task_units.all()],
        "groups": [{"name": tg.group.name, "role": tg.role} for tg in task.task_groups.all()],
    }


def unfinished_from_previous_year(plan: Plan) -> QuerySet[Assignment]:
    """回头看 (task 63): the previous year's assignments whose latest report is not a
    passed "已完成" (or that never reported)."""
    latest = Report.objects.filter(assignment=OuterRef("pk")).order_by(
        "-period__number", "-updated_at")
    return (
        Assignment.objects.filter(task__plan__year=plan.year - 1)
        .annotate(latest_state=Subquery(latest.values("state")[:1]),
                  latest_status=Subquery(latest.values("status")[:1]))
        .filter(Q(latest_state__isnull=True) | ~Q(latest_state=ProgressState.DONE)
                | ~Q(latest_status=ReportStatus.PASSED))
        .select_related("task", "unit")
        .order_by("task__number", "unit__sort_order", "unit__name")
    )
