"""The office's corrections in the preview: a task's units written as a line of text.

A task's units are shown as "区政务公开办牵头；区税务局、区财政局落实；各有关部门配合" and
read back with the same rules as a units cell, so what the office types is what a plan
would have said. Pure functions.
"""
from collections.abc import Collection, Mapping

from gongkai.plans.importer.types import ParsedPlan, ParsedUnitRef
from gongkai.plans.importer.units import parse_units

ROLE_WORD = {"lead": "牵头", "coordinate": "协调", "implement": "落实", "cooperate": "配合"}
MAX_EDIT_CHARS = 1000


def refs_as_text(refs: list[ParsedUnitRef]) -> str:
    """The units in order, each run of one role followed by its role word."""
    clauses: list[tuple[str, list[str]]] = []
    for ref in refs:
        if clauses and clauses[-1][0] == ref.role:
            clauses[-1][1].append(ref.name)
        else:
            clauses.append((ref.role, [ref.name]))
    return "；".join("、".join(names) + ROLE_WORD.get(role, "落实") for role, names in clauses)


def apply_edits(plan: ParsedPlan, edits: Mapping[str, str], *, known: Collection[str] = (),
                groups: Mapping[str, str] | None = None) -> None:
    """Replace the units of each edited task (keyed by task number as text) with what
    the office typed; an empty text means the task names no unit."""
    for task in plan.tasks:
        text = edits.get(str(task.number))
        if text is None:
            continue
        task.refs = parse_units(text[:MAX_EDIT_CHARS], line=task.line, known=known,
                                groups=groups) if text.strip() else []
        for ref in task.refs:
            ref.guessed = False
        task.edited, task.shares_units_of = True, None
        plan.warnings = [w for w in plan.warnings
                         if not w.endswith(f"任务 {task.number} 未列明责任单位。")]
