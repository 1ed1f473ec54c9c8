"""Round 13: the miss classes left on the read sets — a version asked for in speech
(改了哪几条), an explainer asked by its FAQ name (一问一答), what is asked of a subject
(补贴) beside the subject, the yearly editions of one document, what a resident
applies for beside who applies (低收入家庭怎么申请公租房)."""
import pytest

from gongkai.policies.models import DocumentKind
from gongkai.policies.search import query as q
from gongkai.policies.search import ranking, search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


def explainer_of(document, title: str):
    return make_document(title=title, kind=DocumentKind.INTERPRETATION, interprets=document,
                         body_html=f"<p>{title}：问题一、问题二。</p>")


@pytest.fixture
def measures():
    package = make_document(title="关于印发黄埔区促进中小微企业发展若干措施的通知",
                            body_html="<p>扶持小微企业发展的十条措施。</p>")
    return {
        "package": package,
        "explainer": explainer_of(package, "《黄埔区促进中小微企业发展若干措施》政策解读"),
        "amendment": make_document(
            title="关于修改《黄埔区促进中小微企业发展若干措施》部分条款的通知",
            body_html="<p>对扶持小微企业的部分条款作如下修改。</p>"),
        "procurement": make_document(title="黄埔区政府采购支持中小企业发展实施办法",
                                     body_html="<p>政府采购扶持小微企业。</p>"),
    }


@pytest.mark.parametrize("query", ["小微企业扶持政策改了哪几条", "小微企业扶持政策 改了什么"])
def test_gai_said_alone_asks_for_the_amendment(measures, query):
    # Before: 改 was a character of the sentence; the package came first.
    assert ids(search_documents(query=query))[:1] == [measures["amendment"].pk]


def test_gai_is_kin_of_the_amendment_words():
    assert "修改" in words.kin("改") and "改" in words.kin("修订")
    assert words.is_generic_class("改")


def test_without_a_change_the_package_comes_first(measures):
    found = ids(search_documents(query="促进中小微企业发展若干措施"))
    assert found[0] == measures["package"].pk


@pytest.fixture
def graduates():
    measures = make_document(title="黄埔区促进高校毕业生就业创业若干措施",
                             body_html="<p>吸纳高校毕业生就业的企业给予一次性补贴。</p>")
    return {
        "measures": measures,
        "explainer": explainer_of(measures, "《黄埔区促进高校毕业生就业创业若干措施》政策问答"),
        "insurance": make_document(title="黄埔区灵活就业人员参加社会保险补贴办法",
                                   body_html="<p>灵活就业人员参加社会保险给予补贴。</p>"),
    }


@pytest.mark.parametrize("form", ["一问一答", "问与答", "你问我答"])
def test_the_names_of_an_faq_ask_for_the_explainer(graduates, form):
    plan = q.analyse(f"高校毕业生就业 补贴 {form}")
    assert plan.asks_interpretation
    found = ids(search_documents(query=f"高校毕业生就业 补贴 {form}"))
    assert found[:1] == [graduates["explainer"].pk]


def test_a_payment_beside_the_subject_does_not_bring_up_another_subjects_title(graduates):
    # Before: 就业 + 补贴 in the insurance subsidy's title outweighed the graduates'
    # measures, whose title says the subject but not 补贴.
    assert ids(search_documents(query="高校毕业生就业 补贴"))[:1] == [graduates["measures"].pk]


def test_what_is_asked_counts_as_generic_in_titles_only_beside_a_subject():
    def weights(query):
        return {g.typed: t[0] for g, t in zip([g for g in q.analyse(query).groups if g.known],
                                              q.analyse(query).title_terms(), strict=False)}
    make_document(title="黄埔区就业补贴办法", body_html="<p>就业 补贴</p>")
    assert weights("就业 补贴")["补贴"] == ranking.TITLE_WEIGHTS["generic"]
    assert weights("补贴")["补贴"] == ranking.TITLE_WEIGHTS["content"]
    # A query typed as a title: each of its words names the document.
    assert weights("就业补贴办法")["补贴"] == ranking.TITLE_WEIGHTS["content"]


@pytest.fixture
def editions():
    # Made newest first (a tie of the text score puts the newest id, 2024's, first);
    # The latest edition's longer body scores lower.
    return {year: make_document(title=f"黄埔区{year}年政务公开工作要点",
                                body_html="<p>政务公开。" + "其他事项。" * (year - 2024) * 40
                                + "</p>")
            for year in (2026, 2025, 2024)}


@pytest.mark.parametrize("query", ["政务公开工作要点", "政务公开要点", "政务公开 要点"])
def test_the_latest_edition_first_when_no_year_is_asked(editions, query):
    # The older editions say 政务公开 more often (a better text score).
    found = ids(search_documents(query=query))
    assert found == [editions[2026].pk, editions[2025].pk, editions[2024].pk]


def test_a_year_asked_keeps_its_edition_first(editions):
    assert ids(search_documents(query="2024年政务公开工作要点"))[:1] == [editions[2024].pk]


def test_editions_are_titles_equal_but_for_the_year():
    titles = {1: {"黄埔区", "2025", "年", "政务公开", "要点"},
              2: {"黄埔区", "2026", "年", "政务公开", "要点"},
              3: {"黄埔区", "2027", "年", "预算", "公开"}}
    assert ranking.newest_edition_first([1, 3, 2], titles, []) == [2, 3, 1]
    # No year, or a year asked: the order stays.
    assert ranking.newest_edition_first([1, 3], titles, []) == [1, 3]
    asked = [(0.5, 0.1, (("2025",),), False, ())]
    assert ranking.newest_edition_first([1, 3, 2], titles, asked) == [1, 3, 2]


@pytest.fixture
def housing():
    return {
        "low_income": make_document(title="黄埔区低收入家庭认定办法",
                                    body_html="<p>低收入家庭的认定，可申请住房救助。</p>"),
        "results": make_document(
            title="关于2025年第二批公共租赁住房轮候家庭配租结果的公示",
            kind=DocumentKind.ANNOUNCEMENT, body_html="<p>轮候家庭配租结果。</p>"),
        "apply": make_document(title="黄埔区公共租赁住房申请审核实施细则",
                               body_html="<p>住房困难家庭申请公共租赁住房的审核。</p>"),
    }


@pytest.mark.parametrize("query", ["低收入家庭怎么申请公共租赁住房",
                                   "我家是低收入家庭 想申请公共租赁住房要什么条件"])
def test_what_is_applied_for_names_the_document_wanted(housing, query):
    assert ids(search_documents(query=query))[:1] == [housing["apply"].pk]


def test_the_object_of_applying_is_the_word_after_the_verb():
    make_document(title="黄埔区公共租赁住房申请审核实施细则", body_html="<p>低收入家庭 住房</p>")
    assert q.analyse("低收入家庭怎么申请住房").objects == {"住房"}
    assert q.analyse("住房 低收入家庭").objects == frozenset()
    # One word searched by: nothing to tell apart.
    assert q.analyse("申请住房").objects == frozenset()
