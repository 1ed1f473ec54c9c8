"""Words the library lacks, read as what the resident meant: a coordinated abbreviation
(预决算 → 预算, 决算), a rare homophone a pinyin input method offered (人材 → 人才), and
what is never read so (火星 is a word of its own)."""
import pytest

from gongkai.policies.search import abbrev, search_documents, words
from gongkai.policies.search import query as q
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db


def ids(result):
    return [hit.document.pk for hit in result.hits]


@pytest.fixture
def library():
    words.forget()
    docs = {
        "budget": make_document(title="黄埔区预算公开工作规程",
                                body_html="<p>部门预算应当在批复后二十日内公开。</p>"),
        "talent": make_document(title="黄埔区人才住房管理办法",
                                body_html="<p>人才住房的配租。</p>"),
        "advice": make_document(title="黄埔区人民建议征集工作办法",
                                body_html="<p>通过网站和热线征集人民建议。</p>"),
        "active": make_document(title="黄埔区活性污泥处理规定",
                                body_html="<p>污水处理厂的活性污泥。</p>"),
    }
    yield docs
    words.forget()


def test_coordinated_abbreviations_are_the_words_they_join():
    assert abbrev.coordinated("预决算") == ("预算", "决算")
    assert abbrev.coordinated("中小学") == ("中学", "小学")
    assert abbrev.coordinated("住房") == ()
    assert abbrev.coordinated("abc") == ()


@pytest.mark.parametrize("query", ["部门预决算", "预决算公开"])
def test_a_coordinated_abbreviation_finds_the_documents_of_its_words(library, query):
    # Before: 预决算 (a dictionary word no document holds) was left out — nothing or
    # the wrong document.
    assert ids(search_documents(query=query))[:1] == [library["budget"].pk]


@pytest.mark.parametrize(("query", "key"), [("人材住房", "talent"), ("提建义", "advice")])
def test_a_rare_dictionary_homophone_is_read_as_the_usual_word(library, query, key):
    # 人材 and 建义 are in the dictionary, so they were taken as meant: nothing found.
    result = search_documents(query=query)
    assert ids(result)[:1] == [library[key].pk]


def test_a_usual_word_is_not_read_as_its_homophone(library):
    # 火星 is about as frequent as 活性: a word of its own, not a slip.
    assert words.frequency("火星") < 20 * words.frequency("活性")
    plan = q.analyse("火星登记")
    assert all(g.corrected != "活性" for g in plan.groups)
    assert library["active"].pk not in ids(search_documents(query="火星登记"))


def test_frequency_of_unknown_strings_is_zero():
    assert words.frequency("xyzabc") == 0
    assert words.frequency("人才") > words.frequency("人材") > 0


def test_a_verb_of_a_spoken_sentence_weighs_as_a_lone_character():
    # 来 stands between two words here, so it was not "lone": held by the one document
    # naming 来穗人员, it outweighed the subject (窗口) of a resident's long question.
    plan = q.analyse("窗口工作人员应该怎么对待来办事的人")
    assert "来" in plan.lone
    # In a short query a character may be part of the subject: weighed fully.
    assert "来" not in q.analyse("来穗 人员").lone
