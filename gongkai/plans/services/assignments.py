"""Putting each task on the lists of the units that carry it out."""
from dataclasses import dataclass

from django.db import transaction

from gongkai.core.audit import record_event
from gongkai.orgs.selectors import group_members
from gongkai.plans.events import PlansEvent
from gongkai.plans.models import Assignment, Plan, TaskGroup, TaskRole, TaskUnit

# When a unit is both named and covered by a group, the stronger role wins.
_ROLE_RANK = {TaskRole.LEAD: 0, TaskRole.COORDINATE: 1, TaskRole.IMPLEMENT: 2,
              TaskRole.COOPERATE: 3}


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int
    kept: int


@transaction.atomic
def assignments_sync(*, plan: Plan, actor=None) -> SyncResult:
    """Expand every task's units and groups against today's registry.

    Creates missing assignments and corrects roles; never deletes one, since it may
    already carry a breakdown and reports (a unit that left a group keeps its work).
    """
    wanted: dict[tuple[int, int], tuple[str, int | None]] = {}

    def offer(task_id: int, unit_id: int, role: str, group_id: int | None) -> None:
        key = (task_id, unit_id)
        current = wanted.get(key)
        if current is None or _ROLE_RANK[role] < _ROLE_RANK[current[0]]:
            wanted[key] = (role, group_id)

    for tu in TaskUnit.objects.filter(task__plan=plan):
        offer(tu.task_id, tu.unit_id, tu.role, None)
    members: dict[int, list[int]] = {}  # each group expanded once, not once per task
    for tg in TaskGroup.objects.filter(task__plan=plan).select_related("group"):
        if tg.group_id not in members:
            members[tg.group_id] = list(group_members(tg.group).values_list("pk", flat=True))
        for unit_id in members[tg.group_id]:
            offer(tg.task_id, unit_id, tg.role, tg.group_id)

    existing = {(a.task_id, a.unit_id): a for a in Assignment.objects.filter(task__plan=plan)}
    to_create, to_update = [], []
    for (task_id, unit_id), (role, group_id) in wanted.items():
        assignment = existing.get((task_id, unit_id))
        if assignment is None:
            to_create.append(Assignment(task_id=task_id, unit_id=unit_id, role=role,
                                        via_group_id=group_id))
        elif assignment.role != role or assignment.via_group_id != group_id:
            assignment.role, assignment.via_group_id = role, group_id
            to_update.append(assignment)
    Assignment.objects.bulk_create(to_create, batch_size=500)
    Assignment.objects.bulk_update(to_update, ["role", "via_group"], batch_size=500)
    result = SyncResult(len(to_create), len(to_update),
                        len(existing) - len(to_update))
    record_event(obj=plan, action=PlansEvent.PLAN_ASSIGNED, actor=actor,
                 details={"created": result.created, "updated": result.updated})
    return result
