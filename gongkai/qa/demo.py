"""The demo Q&A library: 110 entries written for the demo (gongkai/qa/data) and a few
questions nobody has answered yet (the words people use for the library's words come
with the lexicon app's seed). Entries are published
through the real review (submit, then one decision per level by people who may
review), so the demo shows the same states and history as real use. Idempotent: an
entry whose question its unit already has is left alone."""
from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.orgs.huangpu import demo_office
from gongkai.orgs.models import Role, Unit, UnitCategory
from gongkai.publishing.demo import publish_through_review
from gongkai.publishing.models import PublicationStatus
from gongkai.qa.data.demo_entries import ENTRIES
from gongkai.qa.models import PendingQuestion, QaEntry
from gongkai.qa.services.answering import pending_question_queue
from gongkai.qa.services.entries import EntryData, entry_create

DEMO_PENDING = ("黄埔区有没有婴幼儿托育补贴？", "外籍人员子女在黄埔怎么入学？",
                "电动自行车在哪里上牌？")


def load_qa_demo() -> None:
    """Load the demo library and queue (safe to run twice)."""
    author = _author()
    for topic, unit_name, question, alternatives, answer, sources in ENTRIES:
        _ensure_entry(author, topic, _unit(unit_name), question, alternatives, answer, sources)
    for text in DEMO_PENDING:
        if not PendingQuestion.objects.filter(text=text).exists():
            pending_question_queue(text=text)


def _unit(name: str) -> Unit:
    unit = Unit.objects.filter(name=name).first()
    if unit is None:
        unit, _created = Unit.objects.get_or_create(
            name=name, defaults={"category": UnitCategory.DEPARTMENT})
    return unit


def _author():
    office = demo_office()
    user, _created = get_user_model().objects.get_or_create(
        username="qa_demo_editor", defaults={
            "role": Role.UNIT_STAFF, "unit": office, "display_name": "问答库 演示编辑"})
    if _created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def _ensure_entry(author, topic, unit, question, alternatives, answer, sources) -> None:
    entry = QaEntry.objects.filter(unit=unit, question=question).first()
    if entry is None:
        entry = entry_create(data=EntryData(question=question, answer=answer, topic=topic,
                                            alternatives=list(alternatives), sources=sources),
                             unit=unit, actor=author)
    if entry.publication_status in (PublicationStatus.DRAFT, PublicationStatus.RETURNED):
        publish_through_review(obj=entry, author=author)
