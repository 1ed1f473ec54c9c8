"""A query that names what the library does not cover finds nothing, with one message
(``ranking``: covers); a query lacking a word but naming a narrow subject still finds
its document."""
import pytest

from django.urls import reverse

from gongkai.policies.search import search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db



@pytest.fixture
def library():
    words.forget()
    subsidies = [make_document(title=f"黄埔区{name}补贴办法", body_html=f"<p>{name}补贴的对象。</p>")
                 for name in ("农业保险", "高龄老人", "学位", "加装电梯")]
    buses = make_document(title="黄埔区公交线网优化工作方案",
                          body_html="<p>优化公交车线路和站点设置。</p>")
    others = [make_document(title=f"黄埔区{name}管理规定", body_html=f"<p>{name}的管理。</p>")
              for name in ("养犬", "殡葬", "物业服务", "校车", "控烟", "文物保护")]
    yield {"subsidies": subsidies, "buses": buses, "others": others}
    words.forget()


def test_a_query_whose_subject_the_library_lacks_finds_nothing(library):
    # 补贴 is in many documents; 火星 and 移民 in none: listing every subsidy would
    # answer another question. Before, the 补贴 documents came with "partial".
    result = search_documents(query="火星移民补贴")
    assert (ids(result), result.notice, result.total) == ([], "none", 0)
    assert result.missing == ["火星", "移民"]


def test_a_lacking_word_beside_a_narrow_subject_still_finds_it(library):
    # 改线 is in no document; 公交车 in one: the resident's subject is covered.
    result = search_documents(query="公交车改线了吗")
    assert ids(result)[:1] == [library["buses"].pk]
    assert result.notice == "partial"


def test_words_around_a_subject_are_no_missing_subject(library):
    # 明年 (a time) and 那个 (a pronoun) name no thing: the subsidies are still listed.
    for query in ("明年的补贴", "那个补贴"):
        result = search_documents(query=query)
        assert set(ids(result)) == {doc.pk for doc in library["subsidies"]}, query
        assert result.notice == "partial", query


def test_the_page_and_the_api_give_one_message(client, library):
    for query in ("火星移民补贴", "xyzabc"):
        page = client.get(reverse("policies:search"), {"q": query}).content.decode()
        assert page.count('id="search-notice"') == 1, query
        assert "以下为包含部分检索词的结果" not in page, query
        assert "文件库中没有涉及" in page, query
        data = client.get(reverse("policies:api_search"), {"q": query}).json()
        assert (data["results"], data["notice"]) == ([], "none"), query
    data = client.get(reverse("policies:api_search"), {"q": "火星移民补贴"}).json()
    assert data["missing"] == ["火星", "移民"]
    page = client.get(reverse("policies:search"), {"q": "火星移民补贴"}).content.decode()
    assert "火星、移民" in page


def test_a_fragment_of_a_missing_word_does_not_stand_for_it(library):
    # 时间 is half of 时间机器: the documents saying 时间 are about something else.
    # (The words inside a missing word that make up most of it still stand for it:
    # 物业 of 物业费, in test_search_soft.)
    make_document(title="黄埔区政务服务事项办理时间规定", body_html="<p>办理时间。</p>")
    result = search_documents(query="时间机器申请")
    assert (ids(result), result.notice, result.missing) == ([], "none", ["时间机器"])
    # Not "too generic": the query names something, which the library lacks.
    assert search_documents(query="申请").notice == "generic"


def test_the_general_measure_comes_before_the_special_one_on_the_same_subject():
    # Both titles hold the query's words; the text score (the exit rules say 公共租赁
    # 住房 more often, in a shorter body) put the exit rules first. Their other title
    # word, 退出, is rare; the general measures' 保障 is common in the library: the
    # query that names only the subject asks for the general measures.
    words.forget()
    general = make_document(title="黄埔区公共租赁住房保障管理办法",
                            body_html="<p>为做好公共租赁住房保障工作，制定本办法。</p>" * 3)
    exit_rules = make_document(title="黄埔区公共租赁住房退出管理办法",
                               body_html="<p>公共租赁住房公共租赁住房的退出。</p>")
    for n in range(6):
        make_document(title=f"关于住房保障的通知{n}", body_html="<p>住房保障。</p>")
    order = ids(search_documents(query="公共租赁住房管理办法"))
    assert order.index(general.pk) < order.index(exit_rules.pk)
    words.forget()


def test_the_measures_come_before_a_notice_that_names_the_subject_as_fully():
    # The notice's title holds the query's words and its other words (资格, 认证) are
    # common: by the title alone it said the subject as generally as the measures.
    # Its kind weighs as in the text score: the measures first.
    from gongkai.policies.models import DocumentKind

    words.forget()
    measures = make_document(title="黄埔区高龄津贴发放管理办法",
                             body_html="<p>高龄津贴按月发放。</p>")
    notice = make_document(title="关于高龄津贴资格认证的通知",
                           kind=DocumentKind.ANNOUNCEMENT,
                           body_html="<p>高龄津贴领取人资格认证高龄津贴。</p>")
    for n in range(6):
        make_document(title=f"关于资格认证的通知{n}", body_html="<p>资格认证。</p>")
    order = ids(search_documents(query="高龄津贴"))
    assert order.index(measures.pk) < order.index(notice.pk)
    words.forget()
