"""Round 12: a word read through a held word inside it that is not its head (养老 of
养老院, 行为 of 行为规范 — a Chinese compound's head comes last) counts
``ranking.LOOSE_TITLE_SHARE`` in a title (rule 4a): 居家养老服务补贴 is not a title of
养老院; the head inside a word (人才 of 引进人才, 零工 of 打零工) still counts fully."""
import pytest

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import query as q
from gongkai.policies.search import ranking, search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


def test_a_loose_reading_counts_less_in_a_title():
    # (weight, distinctiveness, alternatives, asks a version, loose alternatives)
    terms = [(1.0, 2.0, (("养老", "机构"), ("养老",)), False, (("养老",),)),
             (1.0, 1.0, (("补贴",),), False, ())]
    titles = {1: {"居家", "养老", "服务", "补贴"}, 2: {"养老", "机构", "扶持"},
              3: {"养老", "机构", "补贴"}}
    # 1: 养老 only loosely (0.5) and 补贴 (1.0); 2: 养老机构 (1.0); 3: both (2.0).
    assert ranking.title_order([1, 2, 3], titles, terms) == [3, 1, 2]
    assert ranking._title_share(terms[0], titles[1]) == ranking.LOOSE_TITLE_SHARE
    assert ranking._title_share(terms[0], titles[2]) == 1.0
    assert ranking._title_share(terms[0], {"住房"}) == 0.0
    # Without the loose element (four-element rows) a reading counts fully, as before.
    plain = [term[:4] for term in terms]
    assert ranking._title_share(plain[0], titles[1]) == 1.0


@pytest.fixture
def care():
    TermGroup.objects.create(canonical="养老机构", variants=["养老院"], kind=TermKind.SYNONYM)
    lexicon_version_bump()
    # (As in a district's library, 补贴 and 建设 are in many documents.)
    for title in ("黄埔区发放住房租赁补贴实施办法", "黄埔区职业技能提升补贴实施办法",
                  "黄埔区学位补贴发放办法", "黄埔区农业保险保费补贴办法", "黄埔区创业补贴办法"):
        make_document(title=title, body_html="<p>补贴资金用于建设。</p>")
    return {
        "homes": make_document(title="黄埔区养老机构扶持办法",
                               body_html="<p>新建养老机构按床位给予建设补贴和运营补贴。</p>"),
        "care": make_document(title="黄埔区居家养老服务补贴办法",
                              body_html="<p>居家养老服务补贴按月发放，用于建设家庭照护。"
                                        "居家养老服务补贴标准每年调整。</p>"),
    }


def test_the_care_homes_come_before_the_home_care_allowance(care):
    # Before: 养老 of 养老院 and 补贴 in its title put the home-care allowance first.
    assert ids(search_documents(query="养老院建设补贴"))[:1] == [care["homes"].pk]


def test_only_a_word_that_is_not_the_head_is_loose(care):
    TermGroup.objects.create(canonical="人才引进", variants=["引进人才"],
                             kind=TermKind.SYNONYM)
    lexicon_version_bump()
    make_document(title="黄埔区人才住房管理办法", body_html="<p>引进的人才可申请人才住房。</p>")
    for query, word, loose in (("养老院", "养老院", {("养老",)}),
                               ("引进人才", "引进人才", {("引进",)})):
        plan = q.analyse(query)
        row = next(t for g, t in zip([g for g in plan.groups if g.known], plan.title_terms(),
                                     strict=True) if g.typed == word)
        assert set(row[4]) <= loose, (query, row)
        assert ("人才",) not in row[4]



@pytest.fixture
def windows():
    return {
        "migrants": make_document(title="黄埔区来穗人员随迁子女积分入学办法",
                                  body_html="<p>来穗人员子女入学，可到窗口办理积分。</p>"),
        "window": make_document(title="黄埔区政务服务中心窗口工作规范",
                                body_html="<p>窗口工作人员应当热情接待办事群众。</p>"),
    }


@pytest.mark.parametrize("query", ["窗口工作人员应该怎么对待来办事的人",
                                   "窗口人员对来办事的人态度不好"])
def test_a_character_of_the_sentence_names_no_title(windows, query):
    # Before: 来 of 来办事 (a character standing alone) was found in 来穗's title, cut
    # 来 + 穗 by the index, and brought the migrants' schooling first.
    plan = q.analyse(query)
    assert "来" in plan.lone
    assert all("来" not in {w for alt in t[2] for w in alt} for t in plan.title_terms())
    assert ids(search_documents(query=query))[:1] == [windows["window"].pk]


def test_a_noun_standing_alone_still_counts_in_a_title(windows):
    # 村 of 我们村 stands alone too, but may say the subject (城中村, cut 城中 + 村).
    make_document(title="黄埔区城中村改造实施办法", body_html="<p>每个村都要改造，补偿安置。</p>")
    plan = q.analyse("我们村要改造了拆迁补偿和安置房是怎么规定的")
    assert {"村", "要"} <= plan.lone
    held = {w for t in plan.title_terms() for alt in t[2] for w in alt}
    assert "村" in held and "要" not in held
