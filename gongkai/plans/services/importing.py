"""Storing an imported plan: create or update by (year, numbers), never duplicate."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.orgs.models import UnitCategory, UnitGroup
from gongkai.orgs.selectors import find_group_word, group_name_index, unit_name_index
from gongkai.orgs.services import groups_ensure_known, groups_ensure_named, unit_create
from gongkai.plans.events import PlansEvent
from gongkai.plans.importer import (
    ParsedPlan,
    SourceLine,
    parse_plan,
    read_lines,
    resolve_refs,
)
from gongkai.plans.importer.edits import apply_edits
from gongkai.plans.importer.resolve import Resolution
from gongkai.plans.models import Assignment, FollowUp, Plan
from gongkai.plans.services.assignments import assignments_sync
from gongkai.plans.services.plan_writer import PlanWriteStats, plan_write


@dataclass
class ImportResult:
    """What an import found and did. ``plan`` is None on a dry run."""

    parsed: ParsedPlan
    unresolved: list[tuple[str, int]]
    counts: dict[str, int]
    plan: Plan | None = None
    look_back: list[Assignment] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)
    resolution: Resolution | None = None
    year_warnings: list[str] = field(default_factory=list)


def _read_source(source) -> tuple[bytes, str]:
    """Bytes and file name of a path or an uploaded file, refusing oversized input
    before reading it."""
    limit = settings.GONGKAI_MAX_IMPORT_BYTES
    too_big = ApplicationError(_("文件过大（超过 %(mb)s MB），未导入。")
                               % {"mb": round(limit / 1024 / 1024, 1)})
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise ApplicationError(_("找不到文件：%(path)s") % {"path": path})
        if path.stat().st_size > limit:
            raise too_big
        return path.read_bytes(), path.name
    if getattr(source, "size", 0) and source.size > limit:
        raise too_big
    data = source.read(limit + 1)
    if len(data) > limit:
        raise too_big
    return data, getattr(source, "name", "") or ""


def _counts(parsed: ParsedPlan) -> dict[str, int]:
    return {"parts": len(parsed.parts), "sections": len(parsed.sections),
            "tasks": len(parsed.tasks), "refs": sum(len(t.refs) for t in parsed.tasks),
            "periods": len(parsed.periods)}


def plan_title_year(*, lines: list[SourceLine]) -> int | None:
    """The year the plan's title names (or its signature's), for the form's default."""
    parsed = parse_plan(lines)
    return parsed.title_year or (parsed.signed_on.year if parsed.signed_on else None)


def year_warnings(parsed: ParsedPlan, year: int) -> list[str]:
    """Where the chosen year disagrees with the year the document names."""
    warnings = []
    if parsed.title_year and parsed.title_year != year:
        warnings.append(_("标题中的年份是%(title)s年，与所选年度%(year)s年不一致，请核对年度。")
                        % {"title": parsed.title_year, "year": year})
    deadline_years = sorted({p.deadline.year for p in parsed.periods})
    if deadline_years and year not in deadline_years:
        warnings.append(_("报送截止日期在%(years)s年，与所选年度%(year)s年不一致，请核对年度。")
                        % {"years": "、".join(map(str, deadline_years)), "year": year})
    return warnings


def plan_parse_lines(*, lines: list[SourceLine], year: int,
                     edits: Mapping[str, str] | None = None) -> ImportResult:
    """Parse and resolve without writing: the preview and the dry run. ``edits`` are
    the office's corrections of units by task number (see ``importer.edits``)."""
    index = unit_name_index()
    groups = group_name_index()
    parsed = parse_plan(lines, year=year, known=set(index), groups=groups)
    if edits:
        apply_edits(parsed, edits, known=set(index), groups=groups)
    if not parsed.tasks:
        raise ApplicationError(_("未能从文件中识别出工作任务：既没有编号的任务（如“1.……”“（一）……”），"
                                 "也没有后面跟着责任单位的段落，未导入。"))
    resolution = resolve_refs(parsed, index)
    return ImportResult(parsed=parsed, unresolved=resolution.unresolved,
                        counts=_counts(parsed), resolution=resolution,
                        year_warnings=year_warnings(parsed, year))


def _unresolved_error(unresolved: list[tuple[str, int]]) -> ApplicationError:
    listed = "；".join(_("“%(name)s”（第%(line)s行）") % {"name": n, "line": ln}
                      for n, ln in unresolved)
    return ApplicationError(
        _("以下单位名称在单位名录中找不到，未导入：%(names)s。请先在单位名录中添加或补充别名，"
          "或使用“新建单位”选项。") % {"names": listed},
        details={"unresolved": unresolved},
    )


def _guess_category(name: str) -> str:
    if name.endswith(("街道", "镇", "街")):
        return UnitCategory.STREET_TOWN
    if name.endswith(("管委会", "管理委员会")) or "园区" in name:
        return UnitCategory.PARK
    return UnitCategory.DEPARTMENT


def _create_units(unresolved, categories: Mapping[str, str], actor) -> list[str]:
    created = []
    for name, _line in unresolved:
        if find_group_word(name) is not None:
            continue  # a group word is never a unit
        unit_create(name=name, category=categories.get(name) or _guess_category(name),
                    actor=actor)
        created.append(name)
    return created


def _import(*, parsed: ParsedPlan, year: int, create_units: bool, actor,
            categories: Mapping[str, str] | None = None, source_name: str = ""
            ) -> tuple[Plan, PlanWriteStats, list[str]]:
    groups_ensure_known()
    resolution = resolve_refs(parsed)
    created: list[str] = []
    if resolution.unresolved:
        if not (create_units or categories):
            raise _unresolved_error(resolution.unresolved)
        missing = [(n, ln) for n, ln in resolution.unresolved
                   if not create_units and n not in (categories or {})]
        if missing:
            raise _unresolved_error(missing)
        created = _create_units(resolution.unresolved, categories or {}, actor)
        resolution = resolve_refs(parsed)
    groups_ensure_named(names=[r.name for _t, r in parsed.refs() if r.is_group], actor=actor)
    groups = {g.name: g for g in UnitGroup.objects.all()}
    plan, stats = plan_write(parsed=parsed, year=year, resolution=resolution,
                             groups=groups, source_name=source_name)
    assignments_sync(plan=plan, actor=actor)
    record_event(obj=plan, action=PlansEvent.PLAN_IMPORTED, actor=actor,
                 details={**stats.as_dict(), "created_units": created,
                          "source": source_name})
    return plan, stats, created


@transaction.atomic
def plan_import(*, parsed: ParsedPlan, year: int, create_units: bool = False,
                actor=None) -> Plan:
    """Store ``parsed`` as the plan of ``year`` (creating or updating it), then put
    every task on its units' lists. Unmatched unit names stop the import unless
    ``create_units``; group words are never created as units."""
    plan, _stats, _created = _import(parsed=parsed, year=year, create_units=create_units,
                                     actor=actor)
    return plan


def _finish(result: ImportResult, plan: Plan, stats: PlanWriteStats,
            created: list[str]) -> ImportResult:
    from gongkai.plans.selectors.plan import unfinished_from_previous_year

    result.plan = plan
    result.kept = stats.kept
    result.created_units = created
    result.counts.update(stats.as_dict())
    result.unresolved = [(n, ln) for n, ln in result.unresolved if n not in created]
    result.look_back = list(unfinished_from_previous_year(plan))
    return result


@transaction.atomic
def plan_import_lines(*, lines: list[SourceLine], year: int, create_units: bool = False,
                      new_units: Mapping[str, str] | None = None, source_name: str = "",
                      edits: Mapping[str, str] | None = None, actor=None) -> ImportResult:
    """Import already-read lines (the web flow keeps them between steps), in one
    transaction. ``new_units`` maps unresolved names to the category to create them
    with; ``edits`` are the office's corrections from the preview."""
    result = plan_parse_lines(lines=lines, year=year, edits=edits)
    plan, stats, created = _import(parsed=result.parsed, year=year,
                                   create_units=create_units, actor=actor,
                                   categories=new_units, source_name=source_name)
    return _finish(result, plan, stats, created)


def plan_read_source(source) -> tuple[list[SourceLine], str]:
    """The logical lines of a path or uploaded file, and its name (nothing written)."""
    data, name = _read_source(source)
    return read_lines(data, name), name


def plan_import_file(*, source, year: int, create_units: bool = False, dry_run: bool = False,
                     actor=None) -> ImportResult:
    """Read a plan from a path or an uploaded file and import it (or, on a dry run,
    only report what would be imported). Any problem raises ApplicationError and
    leaves the database as it was."""
    lines, name = plan_read_source(source)
    if dry_run:
        return plan_parse_lines(lines=lines, year=year)
    return plan_import_lines(lines=lines, year=year, create_units=create_units,
                             source_name=name, actor=actor)


@transaction.atomic
def follow_ups_create(*, plan: Plan, assignments: Iterable[Assignment], actor=None) -> int:
    """回头看: carry the previous year's unfinished assignments into ``plan`` (once
    each). Returns how many follow-ups were created."""
    created = 0
    for assignment in assignments:
        follow_up, was_created = FollowUp.objects.get_or_create(plan=plan, previous=assignment)
        if was_created:
            created += 1
            record_event(obj=follow_up, action=PlansEvent.FOLLOW_UP_CREATED, actor=actor,
                         details={"task": assignment.task.number,
                                  "unit": assignment.unit.name})
    if created:
        record_event(obj=plan, action=PlansEvent.PLAN_FOLLOW_UPS_CREATED, actor=actor,
                     details={"created": created})
    return created


__all__ = ["ImportResult", "follow_ups_create", "plan_import", "plan_import_file",
           "plan_import_lines", "plan_parse_lines", "plan_read_source", "plan_title_year",
           "year_warnings"]
