"""How a resident's own words are read (round 15): a yes-no question's verb-not-verb
is the verb asked, not a word of what is asked; a question asking whether it is done
online is not vague."""
import pytest

from gongkai.qa.retrieval.query import parse
from gongkai.qa.retrieval.search import search
from gongkai.qa.retrieval.text import asked_verb, content_words
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed, read", [
    ("要不要报警", "要报警"),
    ("算不算劳动者", "算劳动者"),
    ("有没有补贴", "有补贴"),
    ("可不可以网上办", "可以网上办"),
    ("需不需要带户口本", "需要带户口本"),
    ("不要乱停车", "不要乱停车"),  # a plain negation stays
    ("好好学习", "好好学习"),
])
def test_verb_not_verb_is_read_as_the_verb(typed, read):
    assert asked_verb(typed) == read


@pytest.mark.parametrize("text", ["刮了一下要不要报警", "新工作试用六个月是不是太长",
                                  "手机上能不能直接交社保"])
def test_the_negation_of_a_yes_no_question_is_no_word_of_it(text):
    words = content_words(text)
    assert not {"不要", "是不是", "不能"} & set(words)


def test_a_yes_no_question_finds_the_entry_its_subject_names_not_one_sharing_its_form():
    """要不要 asked of a scrape finds the accident entry, not the one whose own question
    says 要不要 about something else (台风天要不要上班)."""
    accident = published_entry(question="车辆剐蹭了怎么处理？", answer="拍照后撤离现场。")
    published_entry(question="台风天要不要上班？", answer="按预警安排。")
    _query, hits = search("车子剐蹭了一下，要不要报警")
    assert hits and hits[0].id == accident.pk


@pytest.mark.parametrize("text", ["材料能不能网上提交", "材料可以网上提交吗", "线上能办理吗"])
def test_asking_whether_it_is_done_online_is_not_vague(text):
    published_entry(question="办事材料可以网上提交吗？", answer="可在政务服务网提交。")
    assert parse(text).scope == ""


@pytest.mark.parametrize("text", ["怎么办理？", "需要什么材料", "材料能不能提交"])
def test_asking_only_what_any_service_asks_stays_vague(text):
    published_entry(question="办事材料可以网上提交吗？", answer="可在政务服务网提交。")
    assert parse(text).scope == "vague"
