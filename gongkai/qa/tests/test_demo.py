import pytest

from gongkai.publishing.models import PublicationStatus
from gongkai.qa.demo import load_qa_demo
from gongkai.qa.models import PendingQuestion, QaEntry, QaTopic
from gongkai.qa.services.answering import answer_question

pytestmark = pytest.mark.django_db


def test_demo_library_is_published_covers_every_topic_and_loads_twice_unchanged():
    load_qa_demo()
    count = QaEntry.objects.count()
    load_qa_demo()
    assert QaEntry.objects.count() == count >= 100
    published = QaEntry.objects.filter(publication_status=PublicationStatus.PUBLISHED)
    assert published.count() == count
    assert set(published.values_list("topic", flat=True)) == set(QaTopic.values)
    assert PendingQuestion.objects.count() == 3
    answer = answer_question(text="生娃有津贴吗", record=False)
    assert answer.best.question == "生育津贴怎么申领？"
