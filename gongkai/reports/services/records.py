"""Writes of the meeting and training records (tasks 54, 55, 57)."""
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.uploads import EVIDENCE_KINDS, check_upload
from gongkai.orgs.models import Unit
from gongkai.reports.events import ReportsEvent
from gongkai.reports.models import RecordKind, WorkRecord, WorkRecordFile

MAX_FILES = 10
MAX_TEXT = 5000


def _text(value: str, *, label: str, limit: int, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ApplicationError(_("请填写%(label)s。") % {"label": label})
    if len(value) > limit:
        raise ApplicationError(_("%(label)s不能超过 %(n)d 个字。") % {"label": label,
                                                                 "n": limit})
    return value


@transaction.atomic
def record_create(*, unit: Unit, kind: str, held_on: dt.date, title: str,
                  attendees: str = "", attendee_count: int = 0, summary: str = "",
                  files=(), actor) -> WorkRecord:
    """Record a meeting or training held, with its attendance and minutes (files,
    checked by content and size); the files are stored only if all are accepted."""
    if kind not in RecordKind.values:
        raise ApplicationError(_("请选择记录类型。"))
    if held_on is None or held_on > timezone.localdate():
        raise ApplicationError(_("日期不能晚于今天。"))
    if attendee_count < 0 or attendee_count > 100_000:
        raise ApplicationError(_("参加人数无效。"))
    files = list(files)
    if len(files) > MAX_FILES:
        raise ApplicationError(_("每条记录最多 %(n)d 个附件。") % {"n": MAX_FILES})
    checked = [check_upload(f, allowed=EVIDENCE_KINDS,
                            max_bytes=settings.GONGKAI_MAX_UPLOAD_BYTES) for f in files]
    record = WorkRecord.objects.create(
        unit=unit, kind=kind, held_on=held_on,
        title=_text(title, label=_("名称"), limit=200, required=True),
        attendees=_text(attendees, label=_("参加人员"), limit=MAX_TEXT),
        attendee_count=attendee_count,
        summary=_text(summary, label=_("主要内容"), limit=MAX_TEXT), created_by=actor)
    stored = []
    try:
        for upload, proof in zip(files, checked, strict=True):
            item = WorkRecordFile(record=record, original_name=proof.original_name,
                                  mime_type=proof.mime_type, size=proof.size,
                                  uploaded_by=actor)
            item.file.save(proof.stored_name(), upload, save=False)
            stored.append(item.file)
            item.save()
    except Exception:
        for file in stored:  # the rows roll back; the files must go with them
            file.storage.delete(file.name)
        raise
    record_event(obj=record, action=ReportsEvent.RECORD_CREATED, actor=actor, details={
        "kind": kind, "held_on": held_on.isoformat(), "files": len(stored)})
    return record
