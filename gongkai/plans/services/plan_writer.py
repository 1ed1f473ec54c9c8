"""Writing a parsed plan onto the plan of a year, row by row, keyed by numbers.

Rows the document no longer contains are removed only while nothing hangs on them:
a task or role whose assignments carry a breakdown or reports is kept and reported.
"""
from dataclasses import dataclass, field

from django.db.models import Count, Q

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
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save(update_fields=changed)
        stats.updated += 1
    return obj


def _worked(assignments) -> list[Assignment]:
    return list(assignments.annotate(n_reports=Count("reports")).filter(_HAS_WORK)
                .select_related("task", "unit"))


def plan_write(*, parsed: ParsedPlan, year: int, resolution: Resolution,
               groups: dict[str, UnitGroup], source_name: str = ""
               ) -> tuple[Plan, PlanWriteStats]:
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
    kept_tasks = set()
    for p in parsed.parts:
        part = _save(Part, {"plan": plan, "number": p.number}, {"title": p.title[:300]}, stats)
        for s in p.sections:
            section = _save(Section, {"plan": plan, "number": s.number},
                            {"part": part, "title": s.title[:300]}, stats)
            for t in s.tasks:
                task = _save(Task, {"plan": plan, "number": t.number},
                             {"section": section, "text": t.text, "title": t.title[:300]},
                             stats)
                _write_roles(task, t, resolution, groups, stats)
                kept_tasks.add(task.pk)
    _remove_stale(plan, parsed, kept_tasks, stats)
    return plan, stats


def _write_roles(task: Task, parsed: ParsedTask, resolution: Resolution,
                 groups: dict[str, UnitGroup], stats: PlanWriteStats) -> None:
    unit_ids, group_ids = set(), set()
    for position, ref in enumerate(parsed.refs):
        if ref.is_group:
            group = groups[ref.name]
            if group.pk not in group_ids:
                group_ids.add(group.pk)
                _save(TaskGroup, {"task": task, "group": group},
                      {"role": ref.role, "position": position}, stats)
        else:
            unit = resolution.unit_for(ref)
            if unit.pk not in unit_ids:
                unit_ids.add(unit.pk)
                _save(TaskUnit, {"task": task, "unit": unit},
                      {"role": ref.role, "position": position, "note": ref.note[:200]}, stats)
    for tu in task.task_units.exclude(unit_id__in=unit_ids).select_related("unit"):
        _drop_role(tu, Assignment.objects.filter(task=task, unit=tu.unit, via_group=None),
                   f"任务{task.number}：{tu.unit.name}", stats)
    for tg in task.task_groups.exclude(group_id__in=group_ids).select_related("group"):
        _drop_role(tg, Assignment.objects.filter(task=task, via_group=tg.group),
                   f"任务{task.number}：{tg.group.name}", stats)


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
