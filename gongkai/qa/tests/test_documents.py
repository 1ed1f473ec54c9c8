"""A question naming one paper or card is not answered by an entry about another."""
import pytest

from gongkai.qa.retrieval.search import UNSURE, search
from gongkai.qa.retrieval.text import document
from gongkai.qa.services.answering import answer_question
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("word", ["身份证", "户口本", "户口簿", "营业执照", "社保卡", "护照",
                                  "出生证明", "学位证书", "港澳通行证"])
def test_papers_and_cards_are_documents(word):
    assert document(word)


@pytest.mark.parametrize("word", ["认证", "实名认证", "低成本", "拍照", "按照", "补办", "证",
                                  "卡", "本人", "刷卡", "打卡", "人力成本", "", "证件"])
def test_acts_and_other_words_are_not(word):
    assert not document(word)


@pytest.fixture
def library():
    return [
        published_entry(question="身份证丢了怎么补办？", alternatives=["身份证遗失补领"],
                        answer="携带户口簿到派出所申请补领。"),
        published_entry(question="生育津贴怎么申领？", answer="由用人单位申领。"),
        published_entry(question="住房公积金怎么提取？", answer="购房、租房可提取。"),
    ]


def test_another_document_lost_is_not_answered_by_the_identity_card_entry(library):
    answer = answer_question(text="户口本弄丢了怎么补办", record=False)
    assert not answer.answered
    assert answer.best is None or answer.best.confidence <= UNSURE
    _query, hits = search("户口本弄丢了怎么补办")
    assert hits[0].id == library[0].pk and hits[0].features["other_document"] == 1.0


@pytest.mark.parametrize("text", ["身份证丢了怎么补办", "身份证弄丢了怎么补办"])
def test_the_entry_s_own_document_is_still_answered(library, text):
    answer = answer_question(text=text, record=False)
    assert answer.answered and answer.best.id == library[0].pk
    assert answer.best.features["other_document"] == 0.0


def test_a_document_the_entry_holds_is_not_another_one(library):
    """户口簿 is in the entry's answer: the question is not about something else."""
    _query, hits = search("身份证丢了要带户口簿吗")
    assert hits[0].id == library[0].pk and hits[0].features["other_document"] == 0.0
