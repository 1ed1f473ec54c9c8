"""Finding documents in everyday words: the document before its own interpretation,
the lexicon's words, pinyin-input typos, generic words, and one clear message."""
import pytest

from django.urls import reverse

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.models import DocumentKind
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.ranking import pair_documents
from gongkai.policies.services import interpretation_create
from gongkai.policies.tests.factories_policies import ids, make_document, publish

pytestmark = pytest.mark.django_db



def synonym(canonical: str, *variants: str, kind=TermKind.SYNONYM) -> None:
    TermGroup.objects.create(canonical=canonical, variants=list(variants), kind=kind)
    lexicon_version_bump()


def with_interpretation(title: str, body: str, reading: str):
    document = make_document(title=title, body_html=f"<p>{body}</p>")
    interpretation = publish(interpretation_create(
        document=document, form="text", title=f"《{title}》政策解读",
        body_html=f"<p>{reading}</p>", author=document.author, unit=document.unit))
    return document, interpretation


def test_the_document_comes_before_its_own_interpretation():
    # The interpretation says the words more often and its body is short: by text score
    # alone it ranks first (the 学生托管 → the 解读 first, the 办法 second).
    document, interpretation = with_interpretation(
        "黄埔区学生校外托管机构管理暂行办法",
        "校外托管机构应当依法登记。" + "各有关部门按职责开展联合检查，加强日常监督管理。" * 20,
        "学生托管：学生托管机构登记；学生托管安全。")
    result = search_documents(query="学生托管")
    assert ids(result)[:2] == [document.pk, interpretation.pk]


def test_a_query_asking_for_the_interpretation_gets_it_first():
    document, interpretation = with_interpretation(
        "黄埔区最低生活保障实施办法", "最低生活保障标准按年度调整，本办法由区民政局负责解读。",
        "最低生活保障的申请条件。")
    result = search_documents(query="最低生活保障 解读")
    assert ids(result)[:2] == [interpretation.pk, document.pk]


def test_a_colloquial_word_finds_the_official_term_through_the_lexicon():
    housing = make_document(title="黄埔区公共租赁住房保障管理办法",
                            body_html="<p>公共租赁住房的申请条件和轮候规则。</p>")
    make_document(title="黄埔区商品住房交付使用管理规定", body_html="<p>竣工验收。</p>")
    assert ids(search_documents(query="廉租房")) == []
    synonym("公共租赁住房", "廉租房", "公租房")  # live at once, nothing reindexed
    result = search_documents(query="廉租房")
    assert ids(result) == [housing.pk]
    assert result.expanded == {"廉租房": ["公共租赁住房"]}  # 公租房: in no document
    assert ids(search_documents(query="廉租房", sort="date")) == [housing.pk]


def test_a_pinyin_input_typo_finds_the_word_of_the_same_sound():
    clinic = make_document(title="黄埔区家庭医生签约服务管理办法",
                           body_html="<p>居民可以与家庭医生团队签约。</p>")
    result = search_documents(query="家庭医声签约")  # 医声 for 医生 (yisheng)
    assert ids(result) == [clinic.pk]
    assert result.expanded == {"医声": ["医生"]}


def test_a_typo_through_the_lexicon_and_a_real_word_left_alone():
    housing = make_document(title="黄埔区公共租赁住房保障管理办法")
    migrants = make_document(title="来穗人员随迁子女积分入学办法")
    synonym("公共租赁住房", "公租房")
    synonym("来穗人员", "外省人", kind=TermKind.COLLOQUIAL)
    assert ids(search_documents(query="公组房")) == [housing.pk]  # 组 for 租 (zu)
    # 外星人 is a word of its own, not a typo of 外省人 (a lexicon word of the same
    # sound): it is not read as one.
    result = search_documents(query="外星人")
    assert migrants.pk not in ids(result) and result.notice == "none"


def test_generic_words_alone_find_nothing_and_say_so_once(client):
    make_document(title="关于做好政务服务事项办理工作的通知", body_html="<p>办理时限。</p>")
    for query in ("办理", "通知", "实施方案", "工作 办理"):
        result = search_documents(query=query)
        assert (result.hits, result.notice) == ([], "generic"), query
    page = client.get(reverse("policies:search"), {"q": "办理"}).content.decode()
    assert "检索词过于宽泛" in page and "以下为包含部分检索词的结果" not in page
    assert "没有找到符合条件的文件" not in page


def test_a_word_most_of_the_library_holds_is_generic_by_its_share(monkeypatch):
    monkeypatch.setattr(words, "GENERIC_MIN_DOCUMENTS", 10)
    for n in range(11):
        make_document(title=f"桥梁年度报告{n}", body_html="<p>桥梁检查。</p>")
    tunnel = make_document(title="隧道养护办法", body_html="<p>桥梁与隧道。</p>")
    assert search_documents(query="桥梁").notice == "generic"
    assert ids(search_documents(query="桥梁 隧道")) == [tunnel.pk]


def test_nonsense_shows_one_message_not_two(client):
    make_document(title="垃圾分类管理规定")
    result = search_documents(query="xyzabc")
    assert (result.hits, result.notice, result.missing) == ([], "none", ["xyzabc"])
    page = client.get(reverse("policies:search"), {"q": "xyzabc"}).content.decode()
    assert page.count('id="search-notice"') == 1
    assert "没有找到符合条件的文件" in page and "以下为包含部分检索词的结果" not in page


def test_words_the_library_lacks_are_named_and_the_rest_searched(client):
    document = make_document(title="垃圾分类管理规定")
    result = search_documents(query="垃圾分类 火星")
    assert ids(result) == [document.pk]
    assert (result.notice, result.missing) == ("partial", ["火星"])
    page = client.get(reverse("policies:search"), {"q": "垃圾分类 火星"}).content.decode()
    assert "以下为包含部分检索词的结果" in page and "火星" in page
    assert "没有找到符合条件的文件" not in page


def test_a_word_new_to_the_library_is_found_as_soon_as_a_document_has_it():
    assert search_documents(query="氢能走廊").hits == []
    document = make_document(title="氢能走廊建设方案")
    assert ids(search_documents(query="氢能走廊")) == [document.pk]


def test_lexicon_words_with_search_syntax_are_only_words():
    document = make_document(title="公共租赁住房管理办法")
    synonym("公共租赁住房", 'x" OR "y', "NEAR(a b)", "-公租")
    for query in ('x" OR "y', "NEAR(a b)", "-公租", "公共租赁住房"):
        search_documents(query=query)  # no error from FTS5 or tsquery syntax
    assert ids(search_documents(query="公共租赁住房")) == [document.pk]


def test_the_api_says_what_was_searched_and_what_the_page_would_say(client):
    make_document(title="黄埔区公共租赁住房保障管理办法", kind=DocumentKind.NORMATIVE)
    synonym("公共租赁住房", "廉租房")
    data = client.get(reverse("policies:api_search"), {"q": "廉租房"}).json()
    assert data["total"] == 1 and data["notice"] == ""
    assert data["expanded"] == {"廉租房": ["公共租赁住房"]}
    assert client.get(reverse("policies:api_search"), {"q": "办理"}).json()["notice"] == "generic"


def test_the_document_in_force_comes_before_the_one_it_replaced():
    from gongkai.policies.services import document_repeal

    old = make_document(title="黄埔区物业服务收费管理办法",
                        body_html="<p>物业服务收费标准。物业服务收费公示。</p>")
    new = make_document(title="黄埔区物业服务收费管理办法（2025年修订）",
                        body_html="<p>本办法自发布之日起施行。</p>")
    # The old one says the words more often: by text score it ranks first.
    assert ids(search_documents(query="物业服务收费"))[0] == old.pk
    document_repeal(document=old, by=new, actor=new.author)
    assert ids(search_documents(query="物业服务收费")) == [new.pk, old.pk]


def test_when_no_document_has_every_word_more_of_the_words_come_first():
    # By text score alone the one-word document wins: the word is in its title, twice.
    two = make_document(title="关于若干事项的说明",
                        body_html="<p>支持企业研发。" + "各单位遵照执行。" * 30 + "</p>")
    one = make_document(title="补贴标准和补贴发放", body_html="<p>补贴按月发放。</p>")
    result = search_documents(query="企业研发补贴")
    assert result.notice == "partial"
    assert ids(result) == [two.pk, one.pk]


def test_an_explainer_ranked_below_its_document_is_not_brought_past_other_documents():
    # 1 a measure, 2 its explainer, 3 another measure the query names as well: the
    # explainer stays third (before, it was pulled up to second, and the other measure
    # the resident may have meant fell out of the first places).
    assert pair_documents([1, 3, 2], {2: 1}, interpretation_first=False) == [1, 3, 2]
    # An explainer ranked above its document still brings the document before it.
    assert pair_documents([2, 3, 1], {2: 1}, interpretation_first=False) == [1, 2, 3]
    # Asked for (解读), the explainer comes first, its document right after.
    assert pair_documents([1, 3, 2], {2: 1}, interpretation_first=True) == [2, 1, 3]
