"""The demo Q&A library: 110 entries written for the demo (gongkai/qa/data), the
synonym table, and a few questions nobody has answered yet. Entries are published
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
from gongkai.qa.models import PendingQuestion, QaEntry, Synonym
from gongkai.qa.services.answering import pending_question_queue
from gongkai.qa.services.entries import EntryData, entry_create

DEMO_SYNONYMS = {
    "生娃": "生育", "生孩子": "生育", "生小孩": "生育", "娃": "子女", "孩子": "子女",
    "小孩": "子女", "宝宝": "婴幼儿", "社保": "社会保险", "医保": "医疗保险",
    "个税": "个人所得税", "退休金": "养老金", "失业金": "失业保险金", "咋": "怎么",
    "啥": "什么", "上户口": "落户", "公积金": "住房公积金", "看病": "就医",
    "老人": "老年人", "开店": "个体工商户", "打工": "就业",
}
DEMO_PENDING = ("黄埔区有没有婴幼儿托育补贴？", "外籍人员子女在黄埔怎么入学？",
                "电动自行车在哪里上牌？")


def load_qa_demo() -> None:
    """Load the demo library, synonyms and queue (safe to run twice)."""
    for term, canonical in DEMO_SYNONYMS.items():
        Synonym.objects.get_or_create(term=term, defaults={"canonical": canonical})
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
