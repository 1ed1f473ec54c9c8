"""Bulk import of entries from Excel (.xlsx).

Every row is checked before anything is written; one bad row refuses the whole file
with the row numbers and what is wrong, in Chinese. The file is identified by its
content, never by its name.
"""
import io
from dataclasses import dataclass

from openpyxl import Workbook

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.text import normalize
from gongkai.core.xlsx import read_table, refuse_rows
from gongkai.orgs.models import Unit
from gongkai.policies.models import PolicyDocument
from gongkai.publishing.models import PublicationStatus
from gongkai.qa.events import QaEvent
from gongkai.qa.models import QaEntry, QaTopic
from gongkai.qa.services.entries import (
    EntryData,
    entry_create,
    entry_data_clean,
    split_alternatives,
)

COLUMNS = ("问题", "其他问法", "答复", "主题", "政策依据（文号或标题）", "其他依据")
MAX_ROWS = 5000
_TOPICS = {str(label): value for value, label in QaTopic.choices} | {
    v: v for v in QaTopic.values}


@dataclass
class ImportResult:
    created: list[QaEntry]


def import_template() -> bytes:
    """An empty workbook with the header row and one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "政策问答"
    sheet.append(COLUMNS)
    sheet.append(["新生儿如何办理医保参保？", "宝宝怎么上医保；新生儿医保在哪里办",
                  "（示例）新生儿可在出生后按规定办理城乡居民医保参保登记……", "医疗", "", "示例依据"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _read_rows(upload) -> list[tuple[int, list[str]]]:
    return read_table(upload, columns=COLUMNS, max_rows=MAX_ROWS,
                      header_help=_("表头应为：%(cols)s。请使用导入模板。")
                      % {"cols": "、".join(COLUMNS)},
                      too_many=_("一次最多导入%(n)s条问答。") % {"n": MAX_ROWS},
                      empty=_("文件中没有问答数据。"))


def _documents_by_reference() -> dict[str, PolicyDocument]:
    published = PolicyDocument.objects.filter(publication_status=PublicationStatus.PUBLISHED)
    found: dict[str, PolicyDocument] = {}
    for document in published.only("id", "title", "doc_number"):
        for reference in (document.title, document.doc_number):
            if reference:
                found.setdefault(normalize(reference), document)
    return found


def _row_data(cells: list[str], documents: dict[str, PolicyDocument]
              ) -> tuple[EntryData, list[str]]:
    question, alternatives, answer, topic, references, sources = cells
    data = EntryData(question=question, answer=answer, topic=_TOPICS.get(topic, topic or "?"),
                     alternatives=split_alternatives(alternatives), sources=sources)
    errors = entry_data_clean(data)
    if not topic:
        errors = [e for e in errors if "主题" not in e] + [_("主题不能为空")]
    for reference in split_alternatives(references):
        document = documents.get(normalize(reference))
        if document is None:
            errors.append(_("政策依据“%(r)s”在政策文件库中找不到") % {"r": reference[:60]})
        else:
            data.documents.append(document)
    return data, errors


def _validate(rows, unit: Unit) -> list[tuple[EntryData, int]]:
    documents = _documents_by_reference()
    existing = {normalize(q) for q in QaEntry.objects.filter(unit=unit)
                .values_list("question", flat=True)}
    seen: dict[str, int] = {}
    problems, checked = [], []
    for number, cells in rows:
        data, errors = _row_data(cells, documents)
        key = normalize(data.question)
        if key and key in seen:
            errors.append(_("问题与第%(n)s行重复") % {"n": seen[key]})
        elif key and key in existing:
            errors.append(_("问题已在本单位问答库中"))
        seen.setdefault(key, number)
        if errors:
            problems.append(_("第%(n)s行：%(e)s") % {"n": number, "e": "；".join(errors)})
        checked.append((data, number))
    refuse_rows(problems)
    return checked


@transaction.atomic
def entries_import(*, upload, unit: Unit, actor) -> ImportResult:
    """Create one draft entry of ``unit`` per row, or none at all."""
    checked = _validate(_read_rows(upload), unit)
    created = [entry_create(data=data, unit=unit, actor=actor) for data, _n in checked]
    record_event(obj=unit, action=QaEvent.ENTRIES_IMPORTED, actor=actor,
                 details={"count": len(created), "source": getattr(upload, "name", "")[:100]})
    return ImportResult(created=created)
