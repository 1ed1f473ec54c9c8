"""An entry about someone not doing a thing (单位不给交社会保险) is not the answer to how
to do that thing oneself (自己交社保上哪儿交)."""
import pytest

from gongkai.qa.retrieval.search import UNSURE, search
from gongkai.qa.services.answering import answer_question
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return [
        published_entry(question="单位不给交社会保险怎么办？", alternatives=["公司不买社保"],
                        answer="可向劳动保障监察机构投诉。"),
        published_entry(question="生育津贴怎么申领？", answer="由用人单位申领。"),
        published_entry(question="住房公积金怎么提取？", answer="购房、租房可提取。"),
    ]


def _first(text):
    _query, hits = search(text)
    return hits[0]


@pytest.mark.parametrize("text", ["辞职了社保自个儿上哪儿交去", "没单位，自己交社保上哪儿交"])
def test_asking_how_to_do_it_oneself_is_not_answered_by_the_refusal_entry(library, text):
    first = _first(text)
    assert first.id == library[0].pk and first.features["refused"] == 1.0
    assert first.confidence <= UNSURE and first.held_back == "refused"
    assert not answer_question(text=text, record=False).answered


@pytest.mark.parametrize("text", ["单位不给我交社保怎么办", "公司一直没有帮我缴社保，怎么办",
                                  "老板不肯交社保"])
def test_the_refusal_told_in_the_question_is_still_answered(library, text):
    first = _first(text)
    assert first.id == library[0].pk and first.features["refused"] == 0.0


def test_a_few_keywords_do_not_say_whether_it_was_done(library):
    first = _first("单位交社保")
    assert first.id == library[0].pk and first.features["refused"] == 0.0
