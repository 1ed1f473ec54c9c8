"""Eleventh round: a change or a stage typed beside a subject (中小企业 扶持措施 修订)
asks for that version of the subject's document — ranking rule 4a puts, of the
documents holding the subject, the one whose title says the change or its kin (修改
for 修订: ``words.kin``) first, though its title names the subject otherwise
(关于修改《…中小微企业…》部分条款的通知)."""
import pytest

from gongkai.policies.search import ranking, search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures():
    """Two small-business measures that say the subject in their titles, the package
    for micro, small and medium firms, its amendment (titled 修改, the subject in its
    body only), and the revision of another subject."""
    return {
        "cultivate": make_document(title="黄埔区专精特新中小企业培育办法",
                                   body_html="<p>扶持中小企业成长为专精特新企业。</p>"),
        "finance": make_document(title="黄埔区中小企业融资风险补偿资金管理办法",
                                 body_html="<p>扶持中小企业融资，补偿贷款风险。</p>"),
        "package": make_document(title="关于印发黄埔区促进中小微企业发展若干措施的通知",
                                 body_html="<p>支持中小微企业发展的十条措施。</p>"),
        "amendment": make_document(
            title="关于修改《黄埔区促进中小微企业发展若干措施》部分条款的通知",
            body_html="<p>对支持中小企业的部分条款作如下修改。</p>"),
        "housing": make_document(
            title="关于印发黄埔区公共租赁住房保障管理办法（2025年修订）的通知",
            body_html="<p>扶持住房困难家庭，本办法修订后原办法废止。</p>"),
    }


@pytest.mark.parametrize("query", ["中小企业 扶持措施 修订", "中小企业 扶持 修改",
                                   "中小企业扶持措施修订"])
def test_a_change_beside_a_subject_puts_the_subjects_amendment_first(measures, query):
    # Before: the titles saying 中小企业 came first (the amendment's says 中小微企业,
    # and 修订 was not found as its 修改).
    assert ids(search_documents(query=query))[:1] == [measures["amendment"].pk]


def test_the_revision_of_another_subject_is_not_brought_up(measures):
    # 扶持 alone (the housing revision's body) is not the subject: held less than
    # 中小企业, its title's 修订 does not put it first.
    for query in ("中小企业 扶持措施 修订", "中小企业 扶持 修改"):
        found = ids(search_documents(query=query))
        assert found.index(measures["housing"].pk) > found.index(measures["amendment"].pk)


def test_without_a_change_word_the_titles_saying_the_subject_stay_first(measures):
    found = ids(search_documents(query="中小企业 扶持措施"))
    assert found[0] != measures["amendment"].pk


@pytest.mark.parametrize(("word", "kin"), [
    ("修订", "修改"), ("修改", "修正"), ("废止", "废除"), ("征求意见稿", "草案")])
def test_kin_are_the_words_of_one_change_or_stage(word, kin):
    assert kin in words.kin(word) and word in words.kin(word)


@pytest.mark.parametrize("word", ["办法", "中小企业", "修", "发布", ""])
def test_other_words_have_no_kin(word):
    assert words.kin(word) == frozenset()
    assert not words.kin("修订") & words.kin("废止")


def test_title_order_prefers_the_version_only_among_the_subjects_documents():
    # (weight, distinctiveness, alternatives, asks a version)
    terms = [(1.0, 3.7, (("中小企业",),), False), (1.0, 1.3, (("扶持",),), False),
             (0.5, 2.5, (("修订",), ("修改",)), True)]
    titles = {1: {"中小企业", "培育"}, 2: {"中小", "企业", "修改", "条款"},
              3: {"住房", "修订"}}
    held = {1: 5.0, 2: 3.7, 3: 1.3}
    assert ranking.title_order([1, 2, 3], titles, terms, held) == [2, 1, 3]
    # Three-element terms (no version asked) order as before.
    plain = [term[:3] for term in terms[:2]]
    assert ranking.title_order([2, 1, 3], titles, plain, held) == [1, 2, 3]
