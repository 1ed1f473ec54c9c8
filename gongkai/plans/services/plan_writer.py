"""Writing a parsed plan onto the plan of a year, row by row, keyed by numbers.

Rows the document no longer contains are removed only while nothing hangs on them:
a task or role whose assignments carry a breakdown or reports is kept and reported.
"""
from dataclasses import dataclass, field

from django.db.models import Count, Q

from gongkai.core.services import model_update
from gongkai.orgs.models import UnitGroup
from gongkai.plans.importer.resolve import Resolution
from gongkai.plans.importer.types import ParsedPlan, ParsedTask
from gongkai.plans.models import (
    Assignment,
    Part,
    Plan,
    ReportingPeriod,
    Section,
    Task,
    TaskGroup,
    TaskUnit,
)

# An assignment "has work" once the unit wrote any breakdown or any report.
_HAS_WORK = (~Q(measures="") | ~Q(target="") | Q(due_on__isnull=False)
             | ~Q(responsible_dept="") | ~Q(contact_person="") | Q(n_reports__gt=0))


@dataclass
class PlanWriteStats:
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "removed": self.removed,
                "kept": len(self.kept)}


def _save(model, lookup: dict, values: dict, stats: PlanWriteStats):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        stats.created += 1
        return model.objects.create(**lookup, **values)
    _update(obj, values, stats)
    return obj


def _worked(assignments) -> list[Assignment]:
    return list(assignments.annotate(n_reports=Count("reports")).filter(_HAS_WORK)
                .select_related("task", "unit"))


def _upsert(cache: dict, model, plan: Plan, number: int, values: dict,
            stats: PlanWriteStats):
    obj = cache.get(number)
    if obj is None:
        obj = cache[number] = model.objects.create(plan=plan, number=number, **values)
        stats.created += 1
    else:
        _update(obj, values, stats)
    return obj


def _update(obj, values: dict, stats: PlanWriteStats) -> None:
    changed = model_update(obj, values, values)
    if changed:
        obj.save(update_fields=changed)
        stats.updated += 1


def plan_write(*, parsed: ParsedPlan, year: int, resolution: Resolution,
               groups: dict[str, UnitGroup], source_name: str = ""
               ) -> tuple[Plan, PlanWriteStats]:
    """Create or update the plan of ``year`` from ``parsed``, keyed by numbers. Rows are
    read once per kind and written in bulk, so a 200-task plan costs a few dozen
    statements rather than thousands."""
    stats = PlanWriteStats()
    plan = _save(Plan, {"year": year}, {
        "title": parsed.title or f"{year}年政务公开工作要点分工方案",
        "doc_number": parsed.doc_number[:100], "issuer": parsed.issuer[:200],
        "signed_on": parsed.signed_on, "notice_text": parsed.notice_text,
        **({"source_name": source_name[:255]} if source_name else {}),
    }, stats)
    for period in parsed.periods:
        _save(ReportingPeriod, {"plan": plan, "number": period.number},
              {"name": period.name, "deadline": period.deadline}, stats)
    parts = {p.number: p for p in Part.objects.filter(plan=plan)}
    sections = {s.number: s for s in Section.objects.filter(plan=plan)}
    tasks = {t.number: t for t in Task.objects.filter(plan=plan)}
    written: list[tuple[Task, ParsedTask]] = []
    new_tasks: list[Task] = []
    for p in parsed.parts:
        part = _upsert(parts, Part, plan, p.number, {"title": p.title[:300]}, stats)
        for s in p.sections:
            section = _upsert(sections, Section, plan, s.number,
                              {"part": part, "title": s.title[:300]}, stats)
            for t in s.tasks:
                values = {"section": section, "text": t.text, "title": t.title[:300]}
                task = tasks.get(t.number)
                if task is None:
                    task = Task(plan=plan, number=t.number, **values)
                    new_tasks.append(task)
                else:
                    _update(task, values, stats)
                written.append((task, t))
    Task.objects.bulk_create(new_tasks, batch_size=500)
    stats.created += len(new_tasks)
    _write_roles(plan, written, resolution, groups, stats)
    _remove_stale(plan, parsed, {task.pk for task, _t in written}, stats)
    return plan, stats


def _desired_roles(written, resolution: Resolution, groups: dict[str, UnitGroup]):
    """(task id, unit id) → (task, unit, values) and the same for groups, in order."""
    units, task_groups = {}, {}
    for task, parsed in written:
        for position, ref in enumerate(parsed.refs):
            if ref.is_group:
                group = groups[ref.name[:50]]
                task_groups.setdefault((task.pk, group.pk), (task, group, {
                    "role": ref.role, "position": position}))
            else:
                unit = resolution.unit_for(ref)
                units.setdefault((task.pk, unit.pk), (task, unit, {
                    "role": ref.role, "position": position, "note": ref.note[:200]}))
    return units, task_groups


def _sync_rows(model, existing: dict, desired: dict, owner: str, stats: PlanWriteStats):
    new, changed = [], []
    for key, (task, target, values) in desired.items():
        row = existing.get(key)
        if row is None:
            new.append(model(task=task, **{owner: target}, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            changed.append(row)
    model.objects.bulk_create(new, batch_size=500)
    if changed:
        model.objects.bulk_update(changed, list(next(iter(desired.values()))[2]),
                                  batch_size=500)
    stats.created += len(new)
    stats.updated += len(changed)


def _write_roles(plan: Plan, written, resolution: Resolution,
                 groups: dict[str, UnitGroup], stats: PlanWriteStats) -> None:
    units, task_groups = _desired_roles(written, resolution, groups)
    kept_tasks = {task.pk for task, _t in written}
    existing_units = {(tu.task_id, tu.unit_id): tu for tu in TaskUnit.objects.filter(
        task__plan=plan).select_related("task", "unit")}
    existing_groups = {(tg.task_id, tg.group_id): tg for tg in TaskGroup.objects.filter(
        task__plan=plan).select_related("task", "group")}
    _sync_rows(TaskUnit, existing_units, units, "unit", stats)
    _sync_rows(TaskGroup, existing_groups, task_groups, "group", stats)
    for key, tu in existing_units.items():
        if key not in units and tu.task_id in kept_tasks:
            _drop_role(tu, Assignment.objects.filter(task_id=tu.task_id, unit=tu.unit,
                                                     via_group=None),
                       f"任务{tu.task.number}：{tu.unit.name}", stats)
    for key, tg in existing_groups.items():
        if key not in task_groups and tg.task_id in kept_tasks:
            _drop_role(tg, Assignment.objects.filter(task_id=tg.task_id, via_group=tg.group),
                       f"任务{tg.task.number}：{tg.group.name}", stats)


def _drop_role(role_row, assignments, label: str, stats: PlanWriteStats) -> None:
    if _worked(assignments):
        stats.kept.append(f"{label}（已有分解或报送，保留）")
        return
    assignments.delete()
    role_row.delete()
    stats.removed += 1


def _remove_stale(plan: Plan, parsed: ParsedPlan, kept_tasks: set[int],
                  stats: PlanWriteStats) -> None:
    for task in Task.objects.filter(plan=plan).exclude(pk__in=kept_tasks):
        if _worked(Assignment.objects.filter(task=task)):
            stats.kept.append(f"任务{task.number}（文件中已无此任务，但已有分解或报送，保留）")
            continue
        task.delete()
        stats.removed += 1
    numbers = {s.number for s in parsed.sections}
    stale = Section.objects.filter(plan=plan, tasks__isnull=True).exclude(number__in=numbers)
    stats.removed += stale.delete()[0]
    numbers = {p.number for p in parsed.parts}
    stale = Part.objects.filter(plan=plan, sections__isnull=True).exclude(number__in=numbers)
    stats.removed += stale.delete()[0]
    periods = {p.number for p in parsed.periods}
    if periods:
        stale = ReportingPeriod.objects.filter(plan=plan, reports__isnull=True).exclude(
            number__in=periods)
        stats.removed += stale.delete()[0]
