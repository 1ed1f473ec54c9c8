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


@pytest.fixture
def mediation():
    return {
        "mediation": make_document(title="黄埔区人民调解工作规范",
                                   body_html="<p>人民调解委员会调解民间纠纷。</p>"),
        "fees": make_document(title="黄埔区物业服务收费管理办法",
                              body_html="<p>物业服务收费实行政府指导价和市场调节价，设立委员会。</p>"),
        "injury": make_document(title="黄埔区工伤保险工作指引",
                                body_html="<p>工伤保险待遇和工伤认定。</p>"),
        "shops": make_document(title="黄埔区个体工商户扶持工作方案",
                               body_html="<p>个体工商户参加保险的，给予认定和补贴。</p>"),
    }


@pytest.mark.parametrize("query, key", [
    ("人民调节委员会", "mediation"),   # 调节 (held) for 调解: only the phrase tells
    ("工商保险 认定", "injury"),       # 工商 (held) for 工伤
    ("人民调解委员会", "mediation"),
    ("市场调节", "fees"),              # a word of its own: left as typed
    ("个体工商户 保险", "shops"),
])
def test_two_words_that_are_a_term_with_one_slip_are_read_as_the_term(mediation, query, key):
    assert ids(search_documents(query=query))[:1] == [mediation[key].pk]
