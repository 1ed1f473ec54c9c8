"""Issue 17: a query that only shares generic words with the library finds nothing and
says so once. Two shapes no word list can hold: the tail of titles without their
subject (专项行动方案: 专项 qualifies the measure after a subject, in titles of many
issuers — ``tails``), and the government or its general office as issuer
(区政府办公室 文件: ``words.GENERAL_ORGAN``)."""
import pytest

from django.urls import reverse

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.policies.search import search_documents, tails, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

TITLES = {
    "repair": "黄埔区住宅专项维修资金管理办法",
    "gas": "黄埔区燃气安全专项整治工作方案",
    "talent": "黄埔区人才引进和培养专项资金管理办法",
    "estates": "黄埔区老旧小区改造专项资金管理办法",
}


@pytest.fixture
def library():
    # Each made by its own unit (``make_document``): four issuers.
    return {key: make_document(title=title, body_html=f"<p>{title}的适用范围和职责分工。</p>")
            for key, title in TITLES.items()}


def generic(query: str) -> bool:
    result = search_documents(query=query)
    return ids(result) == [] and result.total == 0 and result.notice == "generic" \
        and result.missing == []


@pytest.mark.parametrize("query", ["专项行动方案", "专项 行动方案", "专项实施方案",
                                   "专项 工作方案", "專項行動方案"])
def test_a_title_tail_without_its_subject_is_generic(library, query):
    assert generic(query)


@pytest.mark.parametrize("query, key", [
    ("燃气专项整治方案", "gas"),            # the subject named before the tail
    ("燃气安全 专项整治", "gas"),
    ("住宅专项维修资金", "repair"),
    ("维修资金管理办法", "repair"),         # a tail of one subject's title names it
    ("老旧小区改造专项资金管理办法", "estates"),
])
def test_the_same_words_with_a_subject_find_its_document(library, query, key):
    assert ids(search_documents(query=query))[:1] == [library[key].pk]


def test_a_thing_asked_for_without_a_kind_of_document_is_searched(library):
    # 专项资金 names a thing (special funds): no genre word, so it is no title's tail.
    found = set(ids(search_documents(query="专项资金")))
    assert {library["talent"].pk, library["estates"].pk} <= found


def test_words_of_fewer_issuers_name_their_subject(library):
    # 专项资金 is in the titles of two issuers only: 专项资金管理办法 lists them.
    found = ids(search_documents(query="专项资金管理办法"))
    assert set(found[:2]) == {library["talent"].pk, library["estates"].pk}


def test_one_issuer_s_titles_are_one_subject_whatever_comes_before():
    unit = UnitFactory()
    for title in ("黄埔区中小学课后服务实施方案", "黄埔区义务教育学校课后托管服务收费指引",
                  "黄埔区小学课后服务补贴办法"):
        make_document(title=title, unit=unit)
    assert ids(search_documents(query="课后服务 实施方案"))


def test_a_word_that_leads_a_title_names_its_subject(library):
    lead = make_document(title="黄埔区专项资金绩效评价办法")
    # Now 专项 leads one title: 专项 办法 is searched (its order is the text score's).
    result = search_documents(query="专项 办法")
    assert lead.pk in ids(result) and result.notice != "generic"


def test_the_rule_follows_documents_added_and_removed():
    first = [make_document(title=TITLES[key]) for key in ("repair", "gas")]
    # Two issuers: 专项 may still be a subject's word.
    assert ids(search_documents(query="专项行动方案"))
    third = make_document(title=TITLES["talent"])
    assert generic("专项行动方案")
    third.delete()
    assert ids(search_documents(query="专项行动方案"))
    assert first


def test_a_lacking_word_beside_the_tail_is_what_the_library_lacks(library):
    # 债券 and 发行 are in no document: the query is about them, not "too generic".
    result = search_documents(query="专项债券 发行方案")
    assert ids(result) == [] and result.notice == "none"
    assert "债券" in result.missing


@pytest.mark.parametrize("query", ["区政府办公室 文件", "区政府办公室", "区府办 通知",
                                   "区人民政府办公室 文件", "市政府办公厅", "区政府 文件",
                                   "区委办公室 通知"])
def test_the_government_and_its_general_office_are_generic(library, query):
    assert generic(query)


def test_a_department_names_its_field():
    unit = UnitFactory(name="区教育局")
    document = make_document(title="黄埔区教师招聘工作方案", unit=unit,
                             body_html="<p>区教育局负责组织实施。</p>")
    assert ids(search_documents(query="区教育局 文件")) == [document.pk]


def test_the_general_office_beside_a_subject_searches_the_subject(library):
    assert ids(search_documents(query="区政府办公室 燃气安全"))[:1] == [library["gas"].pk]


def test_general_organs_are_generic_words_and_departments_are_not():
    assert all(words.is_generic_class(w) for w in (
        "区政府", "人民政府", "区人民政府", "区政府办公室", "区府办", "政府办", "办公厅",
        "市政府办公厅", "区委办公室"))
    assert not any(words.is_generic_class(w) for w in (
        "区教育局", "区民政局", "政府投资", "政府采购", "办公用房", "区委会"))


def test_tail_words_are_read_from_stored_titles():
    stored = "黄埔区\x02黄埔\x03 老 旧 小区 改造 专项资金\x02专项 资金\x03 管理办法\x02管理 办法\x03"
    # 专项 is a piece of 专项资金; 黄埔区 before it is generic.
    assert tails._lead(stored, frozenset({"专项"})) == frozenset({"老", "旧", "小区", "改造"})
    assert tails._lead(stored, frozenset({"黄埔"})) == frozenset()
    assert tails._lead(stored, frozenset({"燃气"})) is None


@pytest.mark.parametrize("q", ["", "   ", "专项" * 150, "<script>专项行动方案</script>",
                               "专项行动方案' OR 1=1 --", "\x00专项", "🙂🙂", "%%%"])
def test_bad_input_to_the_page_and_the_api(client, library, q):
    page = client.get(reverse("policies:search"), {"q": q})
    api = client.get(reverse("policies:api_search"), {"q": q})
    assert page.status_code in (200, 400) and api.status_code in (200, 400)
    assert b"<script>" not in page.content.replace(b"&lt;script&gt;", b"")
    if api.status_code == 200:
        assert api.json()["notice"] in ("", "none", "partial", "generic")


def test_one_message_on_the_page_and_in_the_api(client, library):
    page = client.get(reverse("policies:search"), {"q": "专项行动方案"})
    text = page.content.decode()
    assert text.count('id="search-notice"') == 1 and "检索词过于宽泛" in text
    assert "文件库中没有涉及" not in text
    api = client.get(reverse("policies:api_search"), {"q": "区政府办公室 文件"}).json()
    assert api["notice"] == "generic" and api["results"] == [] and api["missing"] == []



def test_generic_words_together_in_a_few_titles_are_no_tail(monkeypatch):
    # 社区 is in most documents (generic), 服务中心 comes after a subject in the titles
    # of four issuers, and 公示 names a kind of document — the shape of a tail; but
    # 社区 and 服务中心 together are the title of one notice: 社区服务中心 中标 公示 asks
    # for it (中标: what is wanted of it), as 社区服务中心 中标 does.
    monkeypatch.setattr(words, "GENERIC_MIN_DOCUMENTS", 5)
    for title in ("黄埔区社区卫生服务中心建设标准", "黄埔区政务服务中心窗口工作规范",
                  "黄埔区党群服务中心管理办法", "黄埔区社区养老服务办法", "黄埔区社区矫正工作规定",
                  "黄埔区社区体育设施管理办法", "黄埔区社区治理实施意见", "黄埔区社区议事规则"):
        make_document(title=title, body_html=f"<p>{title}的适用范围：各社区。</p>")
    notice = make_document(title="黄埔街道2025年度社区综合服务中心运营项目结果公告",
                           kind="announcement",
                           body_html="<p>社区综合服务中心运营项目采购结果公告如下。</p>")
    words.forget()
    for query in ("社区服务中心 中标 公示", "社区服务中心 中标"):
        assert ids(search_documents(query=query))[:1] == [notice.pk]
