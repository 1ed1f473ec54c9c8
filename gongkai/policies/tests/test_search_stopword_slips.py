"""Round 12: a function character between two single characters (首 为 不 罚) may be a
pinyin input method's slip for a character of the same sound (为 for 违 of 首违不罚):
the run is read with it (``query._slip_candidates``, ``reading._correct``); not read
as a word, it is left out as before."""
import pytest

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies import text as ptext
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    TermGroup.objects.create(canonical="包容审慎监管", variants=["首违不罚"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "lenient": make_document(title="黄埔区包容审慎监管免罚清单",
                                 body_html="<p>轻微违法行为首次发生的不予处罚。</p>"),
        "fees": make_document(title="黄埔区涉企收费目录清单管理办法",
                              body_html="<p>收费目录清单之外不得收费，不罚款。</p>"),
    }


@pytest.mark.parametrize("query", ["首为不罚", "首为不罚清单", "首为不罚 清单"])
def test_a_function_character_typed_for_another_of_its_sound_is_read(library, query):
    # Before: 为 was dropped as a function word; 首 不 罚 read as nothing, and 清单
    # brought the fee list first (or nothing was found).
    assert ids(search_documents(query=query))[:1] == [library["lenient"].pk]


@pytest.mark.parametrize("query", ["猫和狗", "学校为孩子", "首为孩子", "收费的清单"])
def test_a_function_character_not_read_as_a_word_is_still_left_out(library, query):
    typed = [g.typed for g in q.analyse(query).groups]
    assert not set(typed) & ptext._STOPWORDS, typed


def test_only_a_character_between_two_single_characters_is_a_candidate():
    assert q._slip_candidates(["首", "为", "不", "罚"]) == {"为"}
    assert q._slip_candidates(["学校", "为", "孩子"]) == set()
    assert q._slip_candidates(["为", "不"]) == set()  # at an end
    assert q._slip_candidates(["首", "的", "不"]) == set()  # a particle of speech
    assert q._slip_candidates([]) == set()
