"""Writing the library: entries, their submission for review, the pending-question
queue, and learning from it (a queued question added as another phrasing of an entry).
The words people use for the library's words are kept in ``gongkai.lexicon``."""
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.text import normalize
from gongkai.core.versioning import claim_version
from gongkai.core.workflow import transition
from gongkai.orgs.models import Unit
from gongkai.publishing.detectors import detect
from gongkai.publishing.models import Audience
from gongkai.publishing.permissions import EDITABLE
from gongkai.publishing.services import content_submit_for_review
from gongkai.qa.events import QaEvent
from gongkai.qa.models import (
    ALTERNATIVES_MAX,
    ANSWER_MAX,
    QUESTION_MAX,
    SOURCES_MAX,
    PendingQuestion,
    PendingStatus,
    QaEntry,
    QaTopic,
)

PENDING_TRANSITIONS = {
    (PendingStatus.OPEN, PendingStatus.ANSWERED): QaEvent.PENDING_ANSWERED,
    (PendingStatus.OPEN, PendingStatus.DISMISSED): QaEvent.PENDING_DISMISSED,
    (PendingStatus.DISMISSED, PendingStatus.OPEN): QaEvent.PENDING_REOPENED,
}


@dataclass
class EntryData:
    """The fields a unit writes, checked by ``entry_data_clean``."""

    question: str
    answer: str
    topic: str = QaTopic.OTHER
    alternatives: list[str] = field(default_factory=list)
    sources: str = ""
    documents: list = field(default_factory=list)


def split_alternatives(text: str) -> list[str]:
    """One phrasing a line (a full-width or ASCII semicolon also separates)."""
    parts = (p.strip() for p in text.replace("；", "\n").replace(";", "\n").splitlines())
    return list(dict.fromkeys(p for p in parts if p))


def entry_data_clean(data: EntryData) -> list[str]:
    """The problems of ``data`` in Chinese (empty when it may be saved)."""
    errors = []
    data.question = " ".join((data.question or "").split())
    data.answer = (data.answer or "").strip()
    data.alternatives = [a for a in dict.fromkeys(" ".join(a.split())
                                                  for a in data.alternatives) if a]
    if not data.question:
        errors.append(_("问题不能为空"))
    elif len(data.question) > QUESTION_MAX:
        errors.append(_("问题不能超过%(n)s字") % {"n": QUESTION_MAX})
    if not data.answer:
        errors.append(_("答复不能为空"))
    elif len(data.answer) > ANSWER_MAX:
        errors.append(_("答复不能超过%(n)s字") % {"n": ANSWER_MAX})
    if len(data.alternatives) > ALTERNATIVES_MAX:
        errors.append(_("其他问法不能超过%(n)s个") % {"n": ALTERNATIVES_MAX})
    if any(len(a) > QUESTION_MAX for a in data.alternatives):
        errors.append(_("每个其他问法不能超过%(n)s字") % {"n": QUESTION_MAX})
    if len(data.sources or "") > SOURCES_MAX:
        errors.append(_("其他依据不能超过%(n)s字") % {"n": SOURCES_MAX})
    if data.topic not in QaTopic.values:
        errors.append(_("主题“%(t)s”不在可选范围内") % {"t": data.topic})
    return errors


def _check(data: EntryData) -> None:
    errors = entry_data_clean(data)
    if errors:
        raise ApplicationError("；".join(errors) + "。")


_OPENNESS = {Audience.PUBLIC: 2, Audience.STAFF: 1, Audience.UNITS: 0}


def _check_documents(entry: QaEntry, documents) -> None:
    """An entry may cite only documents at least as open as itself: a public answer
    citing a document for staff or for named units would show its title to everyone."""
    entry_units = set(entry.audience_units.values_list("pk", flat=True)) if entry.pk else set()
    narrower = []
    for document in documents:
        if _OPENNESS[document.audience] > _OPENNESS[entry.audience]:
            continue
        if document.audience == entry.audience != Audience.UNITS:
            continue
        if (document.audience == entry.audience == Audience.UNITS and entry_units
                and entry_units <= set(document.audience_units.values_list("pk", flat=True))):
            continue
        narrower.append(document)
    if narrower:
        raise ApplicationError(
            _("政策依据文件%(titles)s的公开范围（%(audience)s）比本问答（%(mine)s）窄，"
              "不能引用；请删去这些文件，或在“其他依据”中写明。") % {
                "titles": "、".join(f"《{d.title}》" for d in narrower),
                "audience": narrower[0].get_audience_display(),
                "mine": entry.get_audience_display()})


def _fill(entry: QaEntry, data: EntryData) -> None:
    entry.question, entry.answer, entry.topic = data.question, data.answer, data.topic
    entry.alternatives, entry.sources = data.alternatives, (data.sources or "").strip()


@transaction.atomic
def entry_create(*, data: EntryData, unit: Unit, actor,
                 pending: PendingQuestion | None = None) -> QaEntry:
    """A new draft entry of ``unit``; written for a queued question, it answers it."""
    _check(data)
    entry = QaEntry(unit=unit, author=actor)
    _fill(entry, data)
    entry.full_clean(exclude=["documents", "audience_units"])
    _check_documents(entry, data.documents)
    entry.save()
    entry.documents.set(data.documents)
    record_event(obj=entry, action=QaEvent.ENTRY_CREATED, actor=actor,
                 details={"question": entry.question, "pending": pending.pk if pending else None})
    if pending is not None:
        pending_answer(pending=pending, entry=entry, actor=actor)
    return entry


@transaction.atomic
def entry_update(*, entry: QaEntry, data: EntryData, actor,
                 version: int | None = None) -> QaEntry:
    """Change a draft, returned or withdrawn entry (published ones are withdrawn first).
    Refused (``StaleEdit``) when someone saved it since ``version``."""
    entry = QaEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.publication_status not in EDITABLE:
        raise ApplicationError(_("审核中或已发布的问答不能修改；已发布的请先撤回。"))
    claim_version(entry, version)
    _check(data)
    before = {"question": entry.question, "answer": entry.answer}
    _fill(entry, data)
    entry.full_clean(exclude=["documents", "audience_units"])
    _check_documents(entry, data.documents)
    entry.save()
    entry.documents.set(data.documents)
    record_event(obj=entry, action=QaEvent.ENTRY_UPDATED, actor=actor,
                 details={"from": before, "question": entry.question})
    return entry


def entry_submit(*, entry: QaEntry, actor):
    """Send the entry to the publishing review; it answers the public once passed."""
    return content_submit_for_review(obj=entry, actor=actor)


@transaction.atomic
def pending_answer(*, pending: PendingQuestion, entry: QaEntry, actor) -> PendingQuestion:
    pending = PendingQuestion.objects.select_for_update().get(pk=pending.pk)
    transition(pending, to=PendingStatus.ANSWERED, table=PENDING_TRANSITIONS, actor=actor,
               details={"entry": entry.pk}, extra_fields={"entry": entry})
    return pending


@transaction.atomic
def pending_dismiss(*, pending: PendingQuestion, actor, reason: str) -> PendingQuestion:
    reason = (reason or "").strip()[:500]
    if not reason:
        raise ApplicationError(_("不予答复时须填写说明。"))
    pending = PendingQuestion.objects.select_for_update().get(pk=pending.pk)
    transition(pending, to=PendingStatus.DISMISSED, table=PENDING_TRANSITIONS, actor=actor,
               details={"reason": reason}, extra_fields={"reason": reason})
    return pending


@transaction.atomic
def pending_assign(*, pending: PendingQuestion, unit: Unit | None, actor) -> PendingQuestion:
    """The office hands a queued question to the unit that should answer it."""
    before = pending.unit_id
    pending.unit = unit
    pending.save(update_fields=["unit"])
    record_event(obj=pending, action=QaEvent.PENDING_ASSIGNED, actor=actor,
                 details={"from": before, "to": unit.pk if unit else None})
    return pending


@transaction.atomic
def entry_phrasing_add(*, entry: QaEntry, text: str, actor,
                       pending: PendingQuestion | None = None) -> QaEntry:
    """Add ``text`` (usually a queued question) as another phrasing of ``entry``, in
    one step and live at once, even on a published entry: a phrasing only helps the
    answering find the entry and is never shown as an answer, so it does not go through
    the review again. It is refused if it looks like personal data (ID or phone
    numbers …), which a question typed by the public may hold. A queued question it
    came from is marked answered by the entry."""
    entry = QaEntry.objects.select_for_update().get(pk=entry.pk)
    text = " ".join((text or "").split())
    if not text:
        raise ApplicationError(_("问法不能为空。"))
    if len(text) > QUESTION_MAX:
        raise ApplicationError(_("每个其他问法不能超过%(n)s字") % {"n": QUESTION_MAX} + "。")
    if detect(text):
        raise ApplicationError(_("这个问法含有疑似个人信息（如证件号、电话号码），请改写后再添加。"))
    alternatives = list(entry.alternatives or [])
    if normalize(text) in {normalize(a) for a in [entry.question, *alternatives]}:
        raise ApplicationError(_("该问答已有这个问法。"))
    if len(alternatives) >= ALTERNATIVES_MAX:
        raise ApplicationError(_("其他问法不能超过%(n)s个") % {"n": ALTERNATIVES_MAX} + "。")
    entry.alternatives = [*alternatives, text]
    entry.save(update_fields=["alternatives", "updated_at"])
    record_event(obj=entry, action=QaEvent.ENTRY_PHRASING_ADDED, actor=actor,
                 details={"phrasing": text, "pending": pending.pk if pending else None})
    if pending is not None and pending.status == PendingStatus.OPEN:
        pending_answer(pending=pending, entry=entry, actor=actor)
    return entry
