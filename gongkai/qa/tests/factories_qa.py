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
