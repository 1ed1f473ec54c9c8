"""The words of a query that say what kind of text is wanted, not its subject: the
everyday ways of asking for an explanation (一图看懂, 什么意思) and of asking for the
current text (新规, 新政策), taken whole though the segmenter cuts them into
characters — before, 新 of 新政策 was a word every match had to hold, and 一 图 看
懂 asked for nothing."""
import pytest

from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document
from gongkai.policies.tests.test_search_relevance import with_interpretation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    words.forget()
    yield
    words.forget()


def test_everyday_ways_of_asking_for_an_explanation_put_the_explainer_first():
    document, explainer = with_interpretation(
        "黄埔区专精特新中小企业培育办法", "专精特新中小企业的培育措施。", "专精特新企业可以获得奖励。")
    make_document(title="黄埔区中小企业融资办法", body_html="<p>中小企业贷款。</p>")
    for query in ("专精特新新规 一图看懂", "专精特新是什么意思", "专精特新 看不懂"):
        assert q.analyse(query).asks_interpretation, query
        assert ids(search_documents(query=query))[:2] == [explainer.pk, document.pk], query
    # Without such words the measures come first (ranking rule 4).
    assert ids(search_documents(query="专精特新"))[:2] == [document.pk, explainer.pk]


def test_new_of_a_new_policy_is_no_word_to_match():
    canteens = make_document(title="黄埔区长者饭堂建设和运营管理办法",
                             body_html="<p>长者饭堂提供助餐服务。</p>")
    # A document that says 新 beside 长者饭堂: before, it alone held both words asked.
    other = make_document(title="黄埔区新就业形态劳动者权益保障办法",
                          body_html="<p>新就业形态劳动者可到长者饭堂就餐。</p>")
    for query in ("长者饭堂新政策", "长者饭堂 新规"):
        typed = q.analyse(query).typed
        assert "新" not in typed and typed[-1] in ("新政策", "新规"), query
        assert ids(search_documents(query=query)) == [canteens.pk, other.pk], query


def test_the_name_of_a_form_of_rules_is_no_word_to_match():
    # 规程, like 规范 and 规则, says what form the rules take: the resident who says
    # 规程 of measures titled 规范 still gets them first. Before, 规程 had to be held,
    # and the one document saying both 养犬 and 规程 came first.
    dogs = make_document(title="黄埔区养犬管理规范", body_html="<p>养犬登记和年检。</p>")
    clinic = make_document(title="黄埔区宠物医院诊疗工作规程",
                           body_html="<p>本规程适用于养犬人携犬就诊。</p>")
    assert ids(search_documents(query="养犬 规程")) == [dogs.pk, clinic.pk]
