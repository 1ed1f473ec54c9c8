"""The lexicon as an Excel workbook, out and back in: the office exports the groups,
edits them in Excel (or writes new ones in the same columns) and imports the file.

Every row is checked before anything is written; one bad row refuses the whole file
with the row numbers and what is wrong, in Chinese. A row whose canonical term has a
group replaces that group's variants, kind, scope and note; any other row makes a new
group. Kind and scope are written as the pages show them (同义词, 仅政策检索), their
codes (synonym, search) read too; an empty scope is both readers'.
"""
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.xlsx import read_table, refuse_rows, table_xlsx
from gongkai.lexicon.models import TermGroup, TermKind, TermScope
from gongkai.lexicon.services import (
    GroupData,
    group_data_clean,
    scope_error,
    split_variants,
    term_group_create,
    term_group_update,
)

COLUMNS = ("规范说法", "其他说法", "类型", "适用范围", "备注")
TITLE = "同义词词库"
MAX_ROWS = 5000


def _choices(choices) -> dict[str, str]:
    """label or code → code."""
    return {str(label): value for value, label in choices.choices} | {
        value: value for value in choices.values}


@dataclass
class ImportResult:
    created: int
    updated: int


def lexicon_xlsx(groups) -> bytes:
    """``groups`` as a workbook the import reads back: a title row, then ``COLUMNS``."""
    return table_xlsx(title=TITLE, headers=COLUMNS, widths=(18, 50, 12, 14, 30), rows=(
        (g.canonical, "、".join(g.variants or ()), g.get_kind_display(),
         g.get_scope_display(), g.note) for g in groups))


def _read_rows(upload) -> list[tuple[int, list[str]]]:
    return read_table(upload, columns=COLUMNS, max_rows=MAX_ROWS,
                      header_help=_("表头应为：%(cols)s。请先导出词库，在导出的文件中修改。")
                      % {"cols": "、".join(COLUMNS)},
                      too_many=_("一次最多导入%(n)s个词组。") % {"n": MAX_ROWS},
                      empty=_("文件中没有词组。"))


def _row_data(cells: list[str]) -> tuple[GroupData, list[str]]:
    canonical, variants, kind, scope, note = cells
    data = GroupData(canonical=canonical, variants=split_variants(variants),
                     kind=_choices(TermKind).get(kind, kind or TermKind.SYNONYM),
                     scope=_choices(TermScope).get(scope, scope or TermScope.BOTH), note=note)
    errors = [e for e in group_data_clean(data) if "类型" not in e and "适用范围" not in e]
    if data.kind not in TermKind.values:
        errors.append(_("类型“%(k)s”不在可选范围内（可选：%(all)s）") % {
            "k": kind, "all": "、".join(str(label) for label in TermKind.labels)})
    if data.scope not in TermScope.values:
        errors.append(scope_error(scope))
    return data, errors


def _validate(rows) -> list[GroupData]:
    seen: dict[str, int] = {}
    problems, checked = [], []
    for number, cells in rows:
        data, errors = _row_data(cells)
        if data.canonical and data.canonical in seen:
            errors.append(_("规范说法与第%(n)s行重复") % {"n": seen[data.canonical]})
        seen.setdefault(data.canonical, number)
        if errors:
            problems.append(_("第%(n)s行：%(e)s") % {"n": number, "e": "；".join(errors)})
        checked.append(data)
    refuse_rows(problems)
    return checked


@transaction.atomic
def lexicon_import(*, upload, actor) -> ImportResult:
    """Create or replace one group per row, or none at all (each one audited as the
    pages' own edits are)."""
    checked = _validate(_read_rows(upload))
    existing = TermGroup.objects.in_bulk([d.canonical for d in checked], field_name="canonical")
    created = updated = 0
    for data in checked:
        group = existing.get(data.canonical)
        if group is None:
            term_group_create(data=data, actor=actor)
            created += 1
        else:
            term_group_update(group=group, data=data, actor=actor)
            updated += 1
    return ImportResult(created=created, updated=updated)
