"""Eleventh round: a query typed as a title (关于优化生育支持政策促进人口长期均衡发展的
实施意见: one phrase, a genre last) names one document by all its words — in the
any-word order (ranking rule 5) a title counts as much as the query says of its
subject, so a title sharing only the frame of a long title (促进…发展) does not come
before the one whose subject the query says (生育支持)."""
import pytest

from gongkai.lexicon.selectors import current_lexicon
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

TITLE = "关于优化生育支持政策促进人口长期均衡发展的实施意见"


@pytest.fixture
def measures():
    """The birth-support measures, and two measures titled with the frame 促进…发展
    whose bodies say the long title's common words (支持, 促进, 发展)."""
    docs = {
        "birth": make_document(title="黄埔区生育支持措施",
                               body_html="<p>支持家庭生育，发放育儿补贴。</p>"),
        "firms": make_document(
            title="关于印发黄埔区促进中小微企业发展若干措施的通知",
            body_html="<p>支持中小微企业，促进民营经济发展。</p>"),
        "medicine": make_document(
            title="黄埔区中医药发展促进办法",
            body_html="<p>支持中医馆建设，促进中医药发展。</p>"),
    }
    for n in range(20):  # the library around them (no word of the query)
        make_document(title=f"黄埔区道路养护规定{n}", body_html="<p>道路养护。</p>")
    return docs


def test_a_title_typed_in_full_finds_the_document_its_subject_names(measures):
    # Before: the small-business measures first (促进 发展 in the title, 优化 支持
    # 促进 发展 in the body outweighed 生育 支持).
    assert ids(search_documents(query=TITLE))[:1] == [measures["birth"].pk]


def test_the_same_words_typed_apart_are_keywords_ranked_as_before(measures):
    # Words typed apart are not a title: the frame words count in full.
    assert not q.analyse("优化 支持 促进 发展 措施", current_lexicon()).typed_as_title


@pytest.mark.parametrize(("query", "as_title"), [
    (TITLE, True), ("人才公寓配租管理办法", True), ("关于支持个体工商户发展的若干措施", True),
    ("公租房 管理办法", False), ("社区服务中心 中标 公示", False), ("生育支持", False),
    ("生育补贴怎么申请", False), ("", False)])
def test_typed_as_title_is_one_phrase_ending_in_a_genre(query, as_title):
    assert q.analyse(query, current_lexicon()).typed_as_title is as_title
