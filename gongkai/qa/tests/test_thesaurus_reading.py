"""The Q&A reading a question with the general thesaurus (同义词词林) under the
office's lexicon: a word only the thesaurus knows finds its entry; the office's own
groups, and the words the library holds, are read as before."""
import pytest

from gongkai.lexicon.services import term_variant_add
from gongkai.lexicon.thesaurus import WEIGHT
from gongkai.qa.retrieval.query import parse
from gongkai.qa.retrieval.search import related, search
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return (published_entry(question="失业保险金怎么申领？", answer="到社保窗口申领。"),
            published_entry(question="养老保险怎么转移？", answer="到社保窗口办理。"))


def _thesaurus_expansions(query):
    return {(e.typed, e.term) for e in query.expansions if e.how == "thesaurus"}


def test_a_word_only_the_thesaurus_knows_finds_the_entry(library, general_thesaurus):
    general_thesaurus([["赋闲", "失业", "待岗"]])
    query, hits = search("赋闲了有什么补助")
    assert hits and hits[0].id == library[0].pk
    assert "失业" in hits[0].matched
    assert ("赋闲", "失业") in _thesaurus_expansions(query)
    group = next(g for g in query.groups if "赋闲" in g)
    assert group["失业"] == WEIGHT
    assert "失业" in query.general_words


def test_without_the_thesaurus_the_word_finds_nothing(library, general_thesaurus):
    general_thesaurus([])
    query, hits = search("赋闲了有什么补助")
    assert not _thesaurus_expansions(query)
    assert not hits or hits[0].id != library[0].pk or "失业" not in hits[0].matched


def test_an_office_group_takes_precedence(library, general_thesaurus):
    """The office says what 赋闲 means here: its group, not the thesaurus's."""
    general_thesaurus([["赋闲", "失业", "待岗"]])
    term_variant_add(canonical="养老保险", variant="赋闲", actor=None)
    query, _hits = search("赋闲了有什么补助")
    assert not _thesaurus_expansions(query)
    group = next(g for g in query.groups if "赋闲" in g)
    assert "养老保险" in group and "失业" not in group


def test_expansion_is_one_link_and_never_from_an_office_group(library, general_thesaurus):
    """待岗 → 赋闲 → 失业 is two links; 下岗 → 失业 (an office group, the seed's)
    does not go on into the thesaurus (失业 → 待岗)."""
    general_thesaurus([["待岗", "赋闲"], ["赋闲", "失业"], ["失业", "失去工作"]])
    query = parse("待岗了怎么办")
    assert _thesaurus_expansions(query) == {("待岗", "赋闲")}
    query = parse("下岗了怎么办")
    assert not _thesaurus_expansions(query)


def test_a_word_the_library_holds_is_not_widened(general_thesaurus):
    """证明 finds its entries as typed: its general synonyms would only widen the
    question to other entries."""
    entry = published_entry(question="无犯罪记录证明怎么开？", answer="到派出所开具。")
    published_entry(question="人际关系紧张怎么办？", answer="可以咨询心理热线。")
    general_thesaurus([["证明", "关系"]])
    query, hits = search("开个证明去哪")
    assert not _thesaurus_expansions(query)
    assert hits[0].id == entry.pk and "关系" not in hits[0].matched


def test_a_match_on_a_thesaurus_word_alone_is_not_close(general_thesaurus):
    """哪个牌子的奶粉好 matches a trademark entry only through 牌子 → 商标: the
    suggestion shows nothing close to the question."""
    published_entry(question="商标注册怎么办理？", answer="向知识产权部门申请。")
    general_thesaurus([["牌子", "商标"]])
    query, hits = search("哪个牌子的奶粉好")
    assert "商标" in query.general_words
    assert hits and "商标" in hits[0].matched
    assert not related(query, hits[0])


def test_the_staff_test_view_says_where_an_expansion_comes_from(
        library, general_thesaurus, client_for, unit_staff):
    from django.urls import reverse

    general_thesaurus([["赋闲", "失业"]])
    html = client_for(unit_staff).get(reverse("qa:staff_test"),
                                      {"question": "赋闲了有什么补助"}).content.decode()
    assert f"赋闲→失业（同义词词林 {WEIGHT}" in html


def test_a_term_an_office_group_leads_to_is_not_read_through_the_thesaurus(
        library, general_thesaurus):
    """赋闲 is the canonical term of a colloquial group (its variants lead to it, it
    leads nowhere): the office wrote it, so the thesaurus does not widen it."""
    from gongkai.lexicon.models import TermKind

    general_thesaurus([["赋闲", "失业"]])
    term_variant_add(canonical="赋闲", variant="闲在家里", kind=TermKind.COLLOQUIAL, actor=None)
    query = parse("赋闲了有什么补助")
    assert not _thesaurus_expansions(query)
