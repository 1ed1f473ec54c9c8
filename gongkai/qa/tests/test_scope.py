"""Out-of-scope and chit-chat questions: recognised by their words, answered with a
pointer to what the service covers, never queued; a near miss on a government topic
the library lacks still reaches the units' queue."""
import pytest

from gongkai.qa.models import Outcome, PendingQuestion
from gongkai.qa.retrieval.scope import coverage, government_word, out_of_scope
from gongkai.qa.retrieval.text import canonical, content_words, mandarin
from gongkai.qa.services.answering import answer_question
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return [
        published_entry(question="孩子转学怎么办理？", alternatives=["小学转学需要什么材料"],
                        answer="到转入学校所在地的教育部门办理转学手续。", topic="education"),
        published_entry(question="住房公积金怎么提取？", answer="购房、租房可提取。",
                        topic="housing"),
        published_entry(question="失业金怎么领取？", alternatives=["失业保险金申领"],
                        answer="失业后到街道就业服务窗口申领失业保险金。", topic="employment"),
    ]


@pytest.mark.parametrize("text", ["今天天气怎么样", "你好", "推荐一部电影",
                                  "猫咪掉毛严重怎么护理", "周末去哪里钓鱼比较好"])
def test_chit_chat_and_out_of_scope_questions_are_answered_so_and_not_queued(library, text):
    answer = answer_question(text=text)
    assert answer.outcome == Outcome.OUT_OF_SCOPE and answer.matches == []
    assert not PendingQuestion.objects.exists()


def test_a_question_matching_no_pattern_is_recognised_by_its_words(library):
    # No chit-chat rule names pets or grooming: only the words' coverage says it.
    text = canonical("猫咪掉毛严重怎么护理")
    assert out_of_scope(text) == ""
    answer = answer_question(text=text)
    assert answer.query.coverage < 0.5 and answer.query.scope == "offtopic"


def test_a_covered_colloquial_question_is_in_scope(library):
    answer = answer_question(text="俺家娃想转到别的学校念书咋整")
    assert answer.outcome != Outcome.OUT_OF_SCOPE
    assert answer.best.id == library[0].pk


@pytest.mark.parametrize("text", ["护照过期了去哪里换新的", "电动自行车在哪里上牌？",
                                  "老房子漏水物业不管找谁"])
def test_a_near_miss_on_a_government_topic_the_library_lacks_is_queued(library, text):
    answer = answer_question(text=text)
    assert answer.outcome == Outcome.UNANSWERED
    assert PendingQuestion.objects.get().text == text


def test_coverage_counts_words_of_government_services_among_the_content_words():
    words = content_words(canonical("我想问一下护照过期了怎么办呢"))
    assert "护照" in words and "我" not in words and "怎么办" not in words
    assert government_word("护照", {})  # the domain vocabulary
    assert government_word("美国签证", {})  # holds a domain word
    assert government_word("自行车", {})  # part of one (电动自行车)
    assert government_word("居委", {"居委": 2})  # held by two entries of the library
    assert not government_word("钓鱼", {"钓鱼": 1})  # once may be incidental
    assert coverage(["钓鱼", "周末"], {}) == 0.0
    assert coverage(["护照", "过期"], {}) == 0.5
    # A long question telling its circumstances: three service words are enough.
    assert coverage(["奶茶", "一家", "老板", "工资", "最低工资", "上班"], {"老板": 3}) == 1.0


def test_lexicon_words_leading_to_the_library_count_as_in_scope():
    expand = {"娃": (("孩子", 0.9),)}.get
    assert government_word("娃", {"孩子": 3}, lambda w: expand(w, ()))
    assert not government_word("娃", {}, lambda w: ())


@pytest.mark.parametrize("text", ["你今年几岁了", "你多大了", "你吃饭了没", "吃了吗", "你好厉害", "辛苦了"])
def test_asking_the_assistant_its_age_or_if_it_has_eaten_is_chit_chat(text):
    assert out_of_scope(canonical(text)) or out_of_scope(mandarin(canonical(text)))


@pytest.mark.parametrize("text", ["孩子今年几岁可以上小学", "孩子多大了能打疫苗"])
def test_a_childs_age_is_a_question_not_chit_chat(text):
    assert not out_of_scope(mandarin(canonical(text)))


@pytest.mark.parametrize("text", ["谢谢你啊，帮大忙了👍", "谢谢你了啊", "很有用，谢谢🙏",
                                  "太感谢了!!!", "好的，帮了大忙～"])
def test_thanks_with_emoji_or_how_much_it_helped_is_chit_chat(library, text):
    assert out_of_scope(canonical(text)) == "thanks"
    assert answer_question(text=text).outcome == Outcome.OUT_OF_SCOPE
    assert not PendingQuestion.objects.exists()


@pytest.mark.parametrize("text", ["谢谢，失业金怎么领取", "有帮助吗", "谢谢你，那公积金怎么取"])
def test_thanks_followed_by_a_question_is_still_a_question(library, text):
    assert out_of_scope(canonical(text)) == ""
