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


def _hit(pk: int, score: float, other: bool = False, asked: bool = False):
    from gongkai.qa.retrieval.search import Hit

    return Hit(id=pk, question="", confidence=0.0, bm25=0.0, bm25_norm=0.0, dice=0.0,
               phrase="", features={"score": score, "other_document": float(other),
                                    "asked_document": float(asked)})


def test_an_entry_on_another_document_yields_to_one_on_the_document_asked():
    """结婚证丢了怎么补 outscoring 身份证丢了怎么补办 for 身份证弄丢了咋补: it is placed just
    below, its rank score lowered to just under that one's; the rest keep their order."""
    from gongkai.qa.retrieval.search import _yield_to_the_asked_document

    hits = [_hit(1, 0.69, other=True), _hit(2, 0.5), _hit(3, 0.45, asked=True), _hit(4, 0.4)]
    ordered = _yield_to_the_asked_document(hits)
    assert [h.id for h in ordered] == [2, 3, 1, 4]
    assert ordered[2].features["score"] == 0.4499


@pytest.mark.parametrize("flags", [
    [(True, False), (False, False)],  # no entry names the document asked: order kept
    [(False, True), (True, False)],  # the one on the document asked is first already
    [],  # nothing found
])
def test_without_an_entry_on_the_document_asked_ahead_the_order_stays(flags):
    from gongkai.qa.retrieval.search import _yield_to_the_asked_document

    hits = [_hit(i, 0.9 - i / 10, other, asked) for i, (other, asked) in enumerate(flags)]
    assert _yield_to_the_asked_document(list(hits)) == hits
    assert [h.features["score"] for h in hits] == [0.9 - i / 10 for i in range(len(hits))]


def test_the_entry_on_the_document_asked_comes_first(library):
    marriage = published_entry(question="结婚证丢了怎么补？", alternatives=["补领结婚证", "结婚证遗失"],
                               answer="到婚姻登记处补领。")
    _query, hits = search("身份证弄丢了，咋补啊")
    assert hits[0].id == library[0].pk
    assert [h.features["score"] for h in hits] == sorted(
        (h.features["score"] for h in hits), reverse=True)  # the list follows the rank score
    assert marriage.pk not in [h.id for h in hits[:1]]


def test_a_document_the_lexicon_reads_into_a_word_is_not_the_one_asked():
    """办证 (to get a paper made) reads as 许可证 through the lexicon; the question does
    not name a licence, so an entry on one is not 'on the document asked'."""
    from gongkai.lexicon.services import term_variant_add

    term_variant_add(canonical="许可证", variant="办证", actor=None)
    published_entry(question="卫生许可证怎么办？", answer="向卫生部门申请。")
    published_entry(question="图书馆借书证怎么办？", answer="带身份证到图书馆办理。")
    _query, hits = search("去图书馆借书，办证要带什么")
    assert hits and not any(h.features["asked_document"] for h in hits)
