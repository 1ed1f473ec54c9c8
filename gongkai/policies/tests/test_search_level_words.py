"""Round 12: the level of government a document is of (区级, 市级 …) says who issues
it, as 区 and 政府 do (``words.TITLE_FRAME_WORDS``): typed beside a subject it must not
bring up another subject's title that says it (区级部门 预算 → the budget rules, not
the 区级政府投资项目 rules); alone it names no subject."""
import pytest

from gongkai.policies.search import search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return {
        "investment": make_document(title="关于进一步规范区级政府投资项目管理的若干规定",
                                    body_html="<p>区级政府投资项目纳入预算管理，部门编制决算。</p>"),
        "budget": make_document(title="黄埔区预算公开工作规程",
                                body_html="<p>各部门公开部门预算和决算。</p>"),
    }


@pytest.mark.parametrize("query", ["区级部门 预算 决算", "区级 部门 预算"])
def test_a_level_beside_a_subject_does_not_name_another_title(library, query):
    # Before: 区级 in its title put the investment rules first.
    assert ids(search_documents(query=query))[:1] == [library["budget"].pk]


@pytest.mark.parametrize("query", ["区级", "区级 市级", "省级 通知"])
def test_a_level_alone_names_no_subject(library, query):
    result = search_documents(query=query)
    assert ids(result) == [] and result.notice == "generic"


def test_the_levels_are_frame_words_not_subjects():
    assert {"区级", "市级", "省级"} <= words.TITLE_FRAME_WORDS <= words.GENERIC_WORDS
    assert "政府投资" not in words.GENERIC_WORDS
