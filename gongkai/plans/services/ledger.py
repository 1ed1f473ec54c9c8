"""A unit's breakdown of its tasks (细化分解): one at a time from a form, or all at once
from the ledger workbook the unit downloaded, filled in and uploaded.

The upload is all or nothing: every row is checked first, and only a file without a
single error changes anything. An empty cell keeps what is stored (a unit that
deletes a column it does not care about loses nothing); a cell holding the word
“清空” erases the stored value.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.core.text import name_key
from gongkai.core.versioning import claim_version
from gongkai.orgs.models import Unit
from gongkai.plans.events import PlansEvent
from gongkai.plans.models import Assignment, Plan, Task
from gongkai.plans.services.ledger_xlsx import (
    CLEAR_WORD,
    EDITABLE_HEADERS,
    NUMBER_HEADER,
    UNIT_HEADER,
    SheetRow,
    cell_text,
    parse_date,
    parse_task_number,
    read_ledger_sheet,
)

BREAKDOWN_FIELDS = ("measures", "target", "due_on", "responsible_dept", "contact_person",
                    "contact_phone")
_NOT_VALIDATED = ["task", "unit", "role", "via_group"]


@dataclass
class BreakdownImport:
    """What an upload did, or, when ``errors`` is not empty, why it did nothing."""

    rows: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@transaction.atomic
def breakdown_update(*, assignment: Assignment, actor, measures: str, target: str,
                     due_on: dt.date | None, responsible_dept: str, contact_person: str,
                     contact_phone: str, version: int | None = None) -> Assignment:
    """Record a unit's breakdown of one task. Saves and logs only what changed; refuses
    (``StaleEdit``) when the breakdown was saved by someone else since ``version``."""
    values = {"measures": measures, "target": target, "due_on": due_on,
              "responsible_dept": responsible_dept, "contact_person": contact_person,
              "contact_phone": contact_phone}
    changed = _assign(assignment, values)
    if not changed:
        return assignment
    claim_version(assignment, version)
    try:
        assignment.full_clean(exclude=_NOT_VALIDATED, validate_unique=False,
                              validate_constraints=False)
    except ValidationError as exc:
        raise ApplicationError("；".join(_messages(exc))) from exc
    _save(assignment, changed, actor=actor, source="form")
    return assignment


@transaction.atomic
def breakdowns_import_xlsx(*, plan: Plan, unit: Unit, file, actor) -> BreakdownImport:
    """Apply the breakdowns in ``unit``'s ledger workbook to its tasks in ``plan``.

    Rows are matched by 序号 (the task number). Raises ApplicationError for a file that
    is not a usable workbook; returns the row errors (and changes nothing) when any
    row is wrong, otherwise the counts of rows updated and left unchanged.
    """
    sheet = read_ledger_sheet(file)
    result = BreakdownImport(rows=len(sheet.rows), errors=list(sheet.errors))
    mine = {a.task.number: a for a in
            Assignment.objects.filter(task__plan=plan, unit=unit).select_related("task")}
    in_plan = set(Task.objects.filter(plan=plan).values_list("number", flat=True))
    seen: dict[int, int] = {}
    pending: list[tuple[Assignment, list[str]]] = []
    for row in sheet.rows:
        assignment = _row_assignment(row, mine, in_plan, seen, unit, result.errors)
        if assignment is None:
            continue
        values = _row_values(row, result.errors)
        if values is None:
            continue
        changed = _assign(assignment, values)
        if not changed:
            result.unchanged += 1
            continue
        try:
            assignment.full_clean(exclude=_NOT_VALIDATED, validate_unique=False,
                                  validate_constraints=False)
        except ValidationError as exc:
            result.errors.extend(f"第{row.number}行：{m}" for m in _messages(exc))
            continue
        pending.append((assignment, changed))
    if not result.rows and not result.errors:
        result.errors.append("表格中没有任何数据行。")
    if result.errors:
        result.unchanged = 0
        return result
    for assignment, changed in pending:
        _save(assignment, changed, actor=actor, source="xlsx")
    result.updated = len(pending)
    record_event(obj=plan, action=PlansEvent.BREAKDOWNS_IMPORTED, actor=actor,
                 details={"unit": unit.name, "rows": result.rows, "updated": result.updated})
    return result


def _row_assignment(row: SheetRow, mine: dict[int, Assignment], in_plan: set[int],
                    seen: dict[int, int], unit: Unit, errors: list[str]) -> Assignment | None:
    raw = row.cells.get(NUMBER_HEADER)
    number = parse_task_number(raw)
    where = f"第{row.number}行："
    if number is None:
        errors.append(f"{where}序号“{cell_text(raw)}”不是任务序号，应为 1、2、3 这样的整数。")
        return None
    if number in seen:
        errors.append(f"{where}第{number}项任务重复出现（已在第{seen[number]}行）。")
        return None
    seen[number] = row.number
    if number not in in_plan:
        errors.append(f"{where}方案中没有第{number}项任务。")
        return None
    if number not in mine:
        errors.append(f"{where}第{number}项任务不在{unit.name}的任务清单中。")
        return None
    named = cell_text(row.cells.get(UNIT_HEADER))
    if named and name_key(named) != name_key(unit.name):
        errors.append(f"{where}落实单位“{named}”与本次导入的单位“{unit.name}”不一致。")
        return None
    return mine[number]


def _row_values(row: SheetRow, errors: list[str]) -> dict[str, object] | None:
    """The row's editable cells as field values; an empty cell is left out."""
    values: dict[str, object] = {}
    ok = True
    for header, name in EDITABLE_HEADERS.items():
        raw = row.cells.get(header)
        text = cell_text(raw)
        if not text:
            continue
        if text == CLEAR_WORD:
            values[name] = None if name == "due_on" else ""
        elif name == "due_on":
            try:
                values[name] = parse_date(raw)
            except (ValueError, TypeError, OverflowError):
                errors.append(f"第{row.number}行：完成时限“{text}”不是有效日期，"
                              "请填写如 2022-09-30、2022/9/30 或 2022年9月30日。")
                ok = False
        else:
            values[name] = text
    return values if ok else None


def _assign(assignment: Assignment, values: dict[str, object]) -> list[str]:
    """Set the breakdown fields among ``values``, text stripped; the names that changed."""
    values = {name: value.strip() if isinstance(value, str) else value
              for name, value in values.items() if name in BREAKDOWN_FIELDS}
    return model_update(assignment, values, BREAKDOWN_FIELDS)


def _save(assignment: Assignment, changed: list[str], *, actor, source: str) -> None:
    assignment.save(update_fields=[*changed, "updated_at"])
    record_event(obj=assignment, action=PlansEvent.ASSIGNMENT_BREAKDOWN_UPDATED, actor=actor,
                 details={"fields": changed, "source": source})


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "message_dict"):
        labels = {f.name: str(f.verbose_name) for f in Assignment._meta.fields}
        return [f"{labels.get(name, name)}：{m}" for name, msgs in exc.message_dict.items()
                for m in msgs]
    return list(exc.messages)
