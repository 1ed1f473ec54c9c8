"""Tenth round: the stage of a document's drafting (征求意见稿, 送审稿, 草案:
``words.DRAFT_WORDS``) and what any document undergoes (修订, 修改, 废止:
``words.CHANGE_WORDS``) are generic by their class — a query of them alone, or with a
genre (管理办法 修订), finds nothing and says so once; beside a subject they still find
that subject's documents, the amended one first."""
import pytest

from django.urls import reverse

from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions():
    """A measure and its revision, a call for comments on a draft, and the rules of
    public participation (征求意见 as a subject)."""
    return {
        "old": make_document(title="黄埔区公共租赁住房保障管理办法",
                             body_html="<p>公共租赁住房的申请条件和轮候规则。</p>"),
        "revised": make_document(
            title="关于印发黄埔区公共租赁住房保障管理办法（2025年修订）的通知",
            body_html="<p>本办法修订后，原办法同时废止。公共租赁住房网上申请。</p>"),
        "draft": make_document(
            title="关于公开征求《黄埔区养犬管理规定（征求意见稿）》意见的公告",
            body_html="<p>现将养犬管理规定草案送审稿公开征求意见。</p>"),
        "participation": make_document(
            title="黄埔区重大行政决策公众参与工作规定",
            body_html="<p>重大行政决策应当向社会公开征求意见。</p>"),
    }


@pytest.mark.parametrize("query", [
    "管理办法 修订", "征求意见稿", "送审稿", "草案 修改", "废止", "修订 管理办法",
    "征求意见稿 管理规定", "修正案"])
def test_a_query_of_stage_and_change_words_alone_finds_nothing_and_says_so_once(
        client, versions, query):
    # Before: 修订 was searched by (the revised measure), and 征求意见稿 was cut
    # 征求意见 + 稿 (the participation rules, the call for comments).
    result = search_documents(query=query)
    assert (ids(result), result.notice, result.missing) == ([], "generic", [])
    page = client.get(reverse("policies:search"), {"q": query}).content.decode()
    assert page.count('id="search-notice"') == 1 and "检索词过于宽泛" in page
    data = client.get(reverse("policies:api_search"), {"q": query}).json()
    assert (data["total"], data["notice"]) == (0, "generic")


@pytest.mark.parametrize(("query", "wanted"), [
    ("公共租赁住房管理办法 修订", "revised"), ("公共租赁住房 修订", "revised"),
    ("养犬管理规定 征求意见稿", "draft"), ("养犬 草案", "draft"),
    ("公众参与 征求意见", "participation")])
def test_a_subject_beside_them_still_finds_its_documents(versions, query, wanted):
    assert ids(search_documents(query=query))[:1] == [versions[wanted].pk]


def test_a_stage_the_cut_splits_is_one_generic_word_and_征求意见_stays_a_subject(versions):
    plan = q.analyse("征求意见稿")
    assert [(g.typed, g.generic) for g in plan.groups] == [("征求意见稿", True)]
    assert not q.analyse("征求意见").groups[0].generic
    assert {"征求意见稿", "草案", "修订", "废止"} <= words.GENERIC_WORDS & words.FORM_WORDS
    # Not what a document may be about: publishing one (政策发布与解读).
    assert not {"发布", "出台", "公布", "征求意见"} & words.GENERIC_WORDS
