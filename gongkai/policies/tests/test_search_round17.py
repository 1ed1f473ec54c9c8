"""Issue 17, round 17: what residents type, read as they mean it (see bench/search/README.md,
round 17)."""
import pytest

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def innovation():
    TermGroup.objects.create(canonical="科技创新券", variants=["创新券", "科技券"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "vouchers": make_document(title="黄埔区科技创新券实施办法",
                                  body_html="<p>科技创新券用于购买科技服务。</p>"),
        "measures": make_document(title="黄埔区促进科技创新若干措施",
                                  body_html="<p>支持企业开展科技创新活动。</p>"),
    }


@pytest.mark.parametrize("query", ["科技创新卷", "科技创新券", "创新卷 申请"])
def test_a_slip_of_one_character_after_a_word_is_read_with_the_word(innovation, query):
    # 卷 for 券 (the same sound): the cut leaves 科技创新 whole and the slip alone; the
    # word and the character, changed, are the term the library holds.
    assert ids(search_documents(query=query))[:1] == [innovation["vouchers"].pk]


def test_a_character_the_library_holds_after_a_word_is_left_as_typed(innovation):
    # 券 itself is held: nothing to read otherwise.
    result = search_documents(query="科技创新 券")
    assert ids(result)[:1] == [innovation["vouchers"].pk]
