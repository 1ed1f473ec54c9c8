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


@pytest.fixture
def card_library(library):
    return [*library, published_entry(question="社会保障卡怎么申领？", alternatives=["办社保卡"],
                                      answer="携带身份证到银行网点申领。")]


@pytest.mark.parametrize("text", ["单位给我交了社保，可我一直没拿到卡，去哪办",
                                  "公司已经交社保三个月，卡在哪里领",
                                  "社保交过几年了，卡去哪里办"])
def test_an_entry_the_question_contradicts_ranks_below_the_next(card_library, text):
    """The question says what the refusal entry says was not done was done (交了, 已经交,
    交过): the entry on what it asks (the card) comes first, the refusal just below."""
    _query, hits = search(text)
    assert hits[0].id == card_library[3].pk
    refusal = next(h for h in hits if h.id == card_library[0].pk)
    assert refusal.features["refused"] == refusal.features["contradicted"] == 1.0
    assert hits[1].id == refusal.id and refusal.rank < hits[0].rank


@pytest.mark.parametrize("text", ["辞职了社保自个儿上哪儿交去", "单位交社保"])
def test_a_question_that_does_not_say_it_was_done_contradicts_nothing(card_library, text):
    """Asking how to do it oneself, or a few keywords, says nothing was done: the order
    is the ranking's (the refusal entry still first, held back)."""
    _query, hits = search(text)
    assert hits[0].id == card_library[0].pk
    assert hits[0].features["contradicted"] == 0.0


def test_a_phrase_read_as_the_word_is_not_the_word_done():
    """了 after a phrase the lexicon reads as the refused word (补习班倒闭 → 退费) closes
    that phrase, not the word: the refusal told in other words keeps its place."""
    from gongkai.lexicon.models import TermGroup

    TermGroup.objects.create(canonical="退费", kind="colloquial", variants=["补习班倒闭"])
    wanted = published_entry(question="校外培训机构不退费怎么办？", answer="向教育部门投诉。")
    published_entry(question="民办学校学费有补贴吗？", answer="按规定发放学位补贴。")
    _query, hits = search("补习班倒闭了，交的学费不退")
    assert hits[0].id == wanted.pk and hits[0].features["contradicted"] == 0.0
