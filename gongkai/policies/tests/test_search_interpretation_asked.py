"""Round 12: an interpretation asked for in other words — what a measure says (讲的是啥,
说了什么), the questions it answers (常见问题解答) — and in any of its forms: 图解
typed finds the subject's 政策解读 before another subject's 图解
(``query.INTERPRETATION_WORDS``, ``query.INTERPRETATION_FORMS``, ranking rule 4a)."""
import pytest

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents
from gongkai.policies.services import interpretation_create
from gongkai.policies.tests.factories_policies import ids, make_document, publish

pytestmark = pytest.mark.django_db


def explained(title: str, body: str, *, form: str = "text", reading: str = "") -> tuple:
    """A document and its interpretation (政策解读, or 图解：… for a graphic)."""
    document = make_document(title=title, body_html=f"<p>{body}</p>")
    named = f"图解：《{title}》" if form == "graphic" else f"《{title}》政策解读"
    interpretation = publish(interpretation_create(
        document=document, form=form, title=named, body_html=f"<p>{reading or body}</p>",
        author=document.author, unit=document.unit))
    return document, interpretation


@pytest.fixture
def allowance():
    return explained("黄埔区最低生活保障实施办法",
                     "最低生活保障标准按年度调整。" + "各街道负责受理和审核。" * 10,
                     reading="最低生活保障的申请条件。")


@pytest.mark.parametrize("query", [
    "最低生活保障新规讲的是啥", "最低生活保障办法说了什么", "最低生活保障 说的是什么",
    "最低生活保障 常见问题解答", "最低生活保障常见问题", "最低生活保障 划重点"])
def test_asking_what_a_measure_says_gets_its_interpretation_first(allowance, query):
    # Before: the measures first (讲 的 是 啥, 常见 问题解答 were no words asking).
    document, interpretation = allowance
    assert ids(search_documents(query=query))[:2] == [interpretation.pk, document.pk]


@pytest.mark.parametrize("query", ["最低生活保障", "最低生活保障 申请条件",
                                   "最低生活保障 内容"])
def test_without_asking_the_measures_come_first(allowance, query):
    document, interpretation = allowance
    assert ids(search_documents(query=query))[:2] == [document.pk, interpretation.pk]


@pytest.mark.parametrize("query", ["讲的是啥", "说了什么", "常见问题解答", "图解", "问答 图解"])
def test_asking_alone_names_no_subject(allowance, query):
    # Only words asking for an explainer: nothing to search by.
    result = search_documents(query=query)
    assert ids(result) == [] and result.notice == "generic"


@pytest.fixture
def housing():
    """The rent allowance explained in words, rental housing in a 图解; the lexicon
    reads 租房补贴 as 住房租赁补贴 and 租房 as 租赁住房 (as the seed does)."""
    for canonical, variant in (("住房租赁补贴", "租房补贴"), ("租赁住房", "租房")):
        TermGroup.objects.create(canonical=canonical, variants=[variant],
                                 kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "allowance": explained("黄埔区发放住房租赁补贴实施办法",
                               "住房租赁补贴按月发放。" + "申请家庭应当如实申报收入。" * 8),
        "rental": explained("黄埔区保障性租赁住房项目认定办法",
                            "保障性租赁住房项目认定。" + "租赁住房的租金低于市场。" * 8,
                            form="graphic"),
    }


@pytest.mark.parametrize("query", ["租房补贴 图解", "图解 租房补贴", "租房补贴 一图读懂"])
def test_the_form_typed_finds_the_subjects_explainer_in_any_form(housing, query):
    # Before: 图解 in its title brought the rental housing's 图解 first — 租房 of
    # 租房补贴 is read as 租赁住房 too (recall) — before the allowance's 政策解读.
    allowance, _explainer = housing["allowance"]
    assert ids(search_documents(query=query))[:2] == [_explainer.pk, allowance.pk]


def test_the_form_of_the_subject_itself_still_comes_first(housing):
    rental, graphic = housing["rental"]
    assert ids(search_documents(query="保障性租赁住房 图解"))[:2] == [graphic.pk, rental.pk]


def test_the_forms_are_one_anothers_kin_in_a_title_only(housing):
    plan = q.analyse("租赁补贴 图解")
    form = [term for g, term in zip([g for g in plan.groups if g.known], plan.title_terms(),
                                    strict=True) if g.typed == "图解"]
    # 图解 is found in a title as 政策解读 too, and asks for no version (修订's kin do).
    assert form and {("图解",), ("政策解读",), ("政策", "问答")} <= set(form[0][2])
    assert not form[0][3]
    assert {"图解", "政策解读", "问答", "政策问答"} <= q.INTERPRETATION_FORMS
    assert q.INTERPRETATION_FORMS <= q.INTERPRETATION_WORDS


@pytest.mark.parametrize(("query", "explainer_first"), [
    ("最低生活保障办理流程图解", True),  # cut 流程图 + 解: the form inside a word
    ("最低生活保障申请流程图", False), ("最低生活保障 了解", False)])
def test_a_form_ending_the_query_asks_for_the_explainer(allowance, query, explainer_first):
    # (Ranked on the bench's library: 信息公开申请办理流程图解, its explainer first. In
    # this library of two, the lacking 流程图 outweighs the held words: nothing found.)
    plan = q.analyse(query)
    assert plan.asks_interpretation is explainer_first
    assert "图解" not in plan.typed  # the cut's words are kept as they were
