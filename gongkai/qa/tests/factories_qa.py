"""Factories and helpers of the Q&A tests."""
import factory

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.publishing.demo import publish_through_review
from gongkai.qa.models import QaEntry, QaTopic


class QaEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QaEntry

    unit = factory.SubFactory(UnitFactory)
    question = factory.Sequence(lambda n: f"测试问题{n}怎么办理？")
    answer = "测试答复。"
    topic = QaTopic.OTHER
    alternatives = factory.LazyFunction(list)


def publish(entry: QaEntry, actor=None) -> QaEntry:
    """Pass ``entry`` through the real review, as the demo does."""
    from gongkai.qa.demo import _author

    publish_through_review(obj=entry, author=actor or _author())
    return entry


def published_entry(**kwargs) -> QaEntry:
    return publish(QaEntryFactory(**kwargs))


def everyday_entries() -> list[QaEntry]:
    """Three published entries residents ask about in everyday words (生育津贴,
    灵活就业 社保, 转学), each with one spoken phrasing: a small library for the
    retrieval tests."""
    return [
        published_entry(question="生育津贴怎么申领？", alternatives=["产假工资找谁领"],
                        answer="参加生育保险的职工，可按规定申领生育津贴。"),
        published_entry(question="灵活就业人员怎么参加社会保险？",
                        alternatives=["自由职业者怎么交社会保险"],
                        answer="可以在户籍地或居住地以个人身份参加基本养老保险。"),
        published_entry(question="转学怎么办理？", alternatives=["小孩转学手续"],
                        answer="由家长向转入学校提出申请。"),
    ]
