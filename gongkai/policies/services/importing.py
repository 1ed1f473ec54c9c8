"""Bulk import of existing documents (moving an old site onto the platform).

A manifest (CSV or JSON) lists the documents; bodies and attachments are files in the
same folder. Everything is checked first — every row, every file — and the import runs
only if nothing is wrong, in one transaction: all or nothing.
"""
import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.text import name_key
from gongkai.core.uploads import check_upload
from gongkai.orgs.selectors import unit_name_index
from gongkai.policies.docnumber import parse_doc_number
from gongkai.policies.events import PoliciesEvent
from gongkai.policies.models import DocumentKind, PolicyDocument, Topic
from gongkai.policies.services.content import extract_text, text_to_html
from gongkai.policies.services.documents import ATTACHMENT_KINDS, document_create
from gongkai.publishing.services.review import content_publish_imported

COLUMNS = ("kind", "title", "doc_number", "unit", "issuers", "written_on", "published_on",
           "effective_on", "expires_on", "topic", "validity", "body_file", "body",
           "attachments", "source_url", "publish")
DATE_FIELDS = ("written_on", "published_on", "effective_on", "expires_on")
# Imported documents are stored valid; 已失效 follows from 失效日期. A repeal or amendment
# needs the document that made it, so it is recorded after import.
_VALID_WORDS = {"", "valid", "现行有效", "有效", "已失效", "失效", "expired"}
_YES = {"yes", "y", "true", "1", "是"}
_NO = {"", "no", "n", "false", "0", "否"}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


@dataclass
class ImportRow:
    number: int
    values: dict = field(default_factory=dict)
    body_html: str = ""
    attachments: list[Path] = field(default_factory=list)
    publish: bool = False


def read_manifest(path: Path) -> list[dict]:
    """The manifest's rows as dicts of strings (CSV with a header, or a JSON list)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ApplicationError(_("清单不是有效的 JSON：%(error)s") % {"error": exc}) from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ApplicationError(_("JSON 清单应为对象列表。"))
        return [{k: "" if v is None else str(v) for k, v in r.items()} for r in data]
    return [dict(r) for r in csv.DictReader(io.StringIO(text))]


def _date(value: str) -> datetime.date | None:
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(value)
    return datetime.date(*(int(g) for g in match.groups()))


def _inside(folder: Path, name: str) -> Path:
    """A file named in the manifest, which must lie inside the folder."""
    path = (folder / name.strip()).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        raise FileNotFoundError(name)
    return path


_KINDS = {**{k: k for k in DocumentKind.values},
          **{str(label): value for value, label in DocumentKind.choices}}


class _Checker:
    """Checks one row at a time, collecting every problem with its row number."""

    def __init__(self, folder: Path, label: str):
        self.folder, self.label = folder, label
        self.errors: list[str] = []
        self.units = unit_name_index()
        self.topics = {name_key(t.name): t for t in Topic.objects.all()}
        self.numbers: dict[tuple, int] = {}

    def error(self, row: int, message: str) -> None:
        self.errors.append(_("%(label)s第%(row)s行：%(message)s")
                           % {"label": self.label, "row": row, "message": message})

    def row(self, number: int, data: dict) -> ImportRow:
        item = ImportRow(number=number)
        get = {k: (data.get(k) or "").strip() for k in COLUMNS}
        kind = _KINDS.get(get["kind"])
        if kind is None or kind == DocumentKind.INTERPRETATION:
            self.error(number, _("文件类型“%(kind)s”不正确。") % {"kind": get["kind"]})
        if not get["title"]:
            self.error(number, _("缺少标题。"))
        unit = self.units.get(name_key(get["unit"])) if get["unit"] else None
        if unit is None:
            self.error(number, _("未知的单位“%(unit)s”。") % {"unit": get["unit"]})
        issuers, outside = self._issuers(get["issuers"])
        item.values = {"kind": kind, "title": get["title"][:300], "unit": unit,
                       "doc_number": get["doc_number"], "issuers": issuers,
                       "issuer_names": "、".join(outside)[:300],
                       "source_url": get["source_url"], "topic": self._topic(number, get)}
        item.values.update(self._dates(number, get))
        self._check_number(number, get["doc_number"])
        if get["validity"].lower() not in _VALID_WORDS:
            self.error(number, _("效力状态“%(v)s”不能导入：修改、废止请导入后在系统中登记。")
                       % {"v": get["validity"]})
        item.body_html = self._body(number, get)
        item.attachments = self._attachments(number, get["attachments"])
        item.publish = self._publish(number, get["publish"])
        return item

    def _issuers(self, value: str):
        names = [n.strip() for n in re.split(r"[;；、]", value) if n.strip()]
        units = [self.units[name_key(n)] for n in names if name_key(n) in self.units]
        outside = [n for n in names if name_key(n) not in self.units]
        return units, outside

    def _topic(self, number: int, get: dict) -> Topic | None:
        if not get["topic"]:
            return None
        topic = self.topics.get(name_key(get["topic"]))
        if topic is None:
            self.error(number, _("未知的主题分类“%(t)s”。") % {"t": get["topic"]})
        return topic

    def _dates(self, number: int, get: dict) -> dict:
        dates = {}
        for name in DATE_FIELDS:
            if not get[name]:
                dates[name] = None
                continue
            try:
                dates[name] = _date(get[name])
            except ValueError:
                self.error(number, _("日期“%(value)s”（%(field)s）格式不正确，应为 2022-03-01。")
                           % {"value": get[name], "field": name})
                dates[name] = None
        return dates

    def _check_number(self, number: int, doc_number: str) -> None:
        parsed = parse_doc_number(doc_number)
        if parsed is None:
            return
        key = (parsed.issuer_code, parsed.year, parsed.serial)
        if key in self.numbers:
            self.error(number, _("文号与第%(other)s行重复。") % {"other": self.numbers[key]})
        elif PolicyDocument.objects.filter(issuer_code=key[0], doc_year=key[1],
                                           doc_serial=key[2]).exists():
            self.error(number, _("文号“%(n)s”已存在于平台中。") % {"n": parsed.canonical})
        self.numbers[key] = number

    def _body(self, number: int, get: dict) -> str:
        if not get["body_file"]:
            return text_to_html(get["body"])
        try:
            path = _inside(self.folder, get["body_file"])
        except FileNotFoundError:
            self.error(number, _("找不到正文文件“%(f)s”。") % {"f": get["body_file"]})
            return ""
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            return path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".txt":
            return text_to_html(path.read_text(encoding="utf-8", errors="replace"))
        if suffix == ".docx":
            return self._docx_body(number, path)
        self.error(number, _("正文文件只能是 .html、.txt 或 .docx：%(f)s") % {"f": path.name})
        return ""

    def _docx_body(self, number: int, path: Path) -> str:
        with path.open("rb") as handle:
            try:
                checked = check_upload(File(handle, name=path.name), allowed={"word"})
            except ApplicationError as exc:
                self.error(number, f"{path.name}：{exc.message}")
                return ""
            return text_to_html(extract_text(handle, kind=checked.kind,
                                             extension=checked.extension))

    def _attachments(self, number: int, value: str) -> list[Path]:
        paths = []
        for name in (n.strip() for n in value.split(";") if n.strip()):
            try:
                path = _inside(self.folder, name)
            except FileNotFoundError:
                self.error(number, _("找不到附件“%(f)s”。") % {"f": name})
                continue
            with path.open("rb") as handle:
                try:
                    check_upload(File(handle, name=path.name), allowed=ATTACHMENT_KINDS)
                except ApplicationError as exc:
                    self.error(number, f"{name}：{exc.message}")
                    continue
            paths.append(path)
        return paths

    def _publish(self, number: int, value: str) -> bool:
        if value.lower() in _YES:
            return True
        if value.lower() not in _NO:
            self.error(number, _("publish 只能填 yes 或 no。"))
        return False


def check_manifest(*, folder: Path, manifest: Path) -> list[ImportRow]:
    """Every row checked; ``ApplicationError`` listing all problems if any."""
    rows = read_manifest(manifest)
    if not rows:
        raise ApplicationError(_("清单中没有文件。"))
    is_csv = manifest.suffix.lower() != ".json"
    checker = _Checker(folder, _("清单") if is_csv else _("清单条目"))
    # CSV rows are numbered as a spreadsheet shows them (the header is row 1).
    items = [checker.row(i + (2 if is_csv else 1), row) for i, row in enumerate(rows)]
    if checker.errors:
        raise ApplicationError("\n".join(checker.errors), details={"errors": checker.errors})
    return items


def _create(item: ImportRow, *, actor, publish_reviewed: bool, manifest: Path):
    values = dict(item.values)
    unit = values.pop("unit")
    files = [File(path.open("rb"), name=path.name) for path in item.attachments]
    try:
        document = document_create(unit=unit, author=actor, body_html=item.body_html,
                                   attachments=files, **values)
    finally:
        for file in files:
            file.close()
    published = item.publish and publish_reviewed
    record_event(obj=document, action=PoliciesEvent.DOCUMENT_IMPORTED, actor=actor,
                 details={"manifest": manifest.name, "row": item.number,
                          "source_url": document.source_url,
                          "published_directly": published,
                          "reviewed_on_old_site": published})
    if published:
        content_publish_imported(obj=document, actor=actor,
                                 reason="operator asserts review on the old site",
                                 published_on=document.published_on or timezone.localdate())
    return document


def policies_import(*, folder: Path, manifest: Path, actor=None,
                    publish_reviewed: bool = False) -> list[PolicyDocument]:
    """Check everything, then import everything in one transaction. Rows marked
    publish=yes are published directly only with ``publish_reviewed`` (the operator
    asserts they were reviewed on the old site); otherwise they stay drafts."""
    items = check_manifest(folder=folder, manifest=manifest)
    documents = []
    with transaction.atomic():
        for item in items:
            try:
                documents.append(_create(item, actor=actor, publish_reviewed=publish_reviewed,
                                         manifest=manifest))
            except ApplicationError as exc:
                raise ApplicationError(_("第%(row)s行：%(message)s，未导入任何文件。")
                                       % {"row": item.number, "message": exc.message}) from exc
    return documents
