"""Relevance when the words do not line up: a document missing one word of the query
still found when few hold them all, the title's say in a long question, and words the
library lacks read through what they contain."""
import pytest

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db



def test_a_document_lacking_one_word_follows_when_few_hold_them_all():
    # The measures never say 对象; a notice happens to hold every word. Rule 5 used to
    # apply only when no document held them all: the measures were not shown.
    measures = make_document(title="黄埔区城乡居民医疗保险实施细则",
                             body_html="<p>城乡居民医疗保险的参保范围和缴费标准。</p>")
    notice = make_document(title="关于开展体检的通知",
                           body_html="<p>体检对象为已参保的城乡居民，凭医疗保险卡登记。</p>")
    result = search_documents(query="城乡居民医疗保险 参保对象")
    assert ids(result)[:2] == [measures.pk, notice.pk]
    assert result.notice == ""  # a document has every word: no "partial" message


def test_in_the_any_word_fallback_the_subject_word_in_a_title_comes_first():
    # No document holds all three words; the rules on waste sorting hold the rarest,
    # in their title; the renewal plans hold the two others in their bodies, which by
    # the words' weight alone (rule 5) used to put them first.
    sorting = make_document(title="黄埔区垃圾分类管理规定", body_html="<p>分类投放。</p>")
    for n in range(3):
        make_document(title=f"城市更新方案{n}", body_html="<p>道路的绿化和路灯。</p>")
    result = search_documents(query="道路 绿化 垃圾分类")
    assert ids(result)[0] == sorting.pk
    assert result.notice == "partial"


def test_words_the_library_lacks_are_read_through_the_words_inside_them():
    fumes = make_document(title="黄埔区餐饮油烟污染治理工作方案",
                          body_html="<p>餐饮单位应当安装油烟净化设施。</p>")
    fees = make_document(title="黄埔区物业服务收费管理办法",
                         body_html="<p>物业服务收费实行明码标价。</p>")
    # Cut 油 / 烟熏 and 物业费: words no document holds; 油烟 and 物业 are inside.
    assert ids(search_documents(query="楼下油烟熏到家里")) == [fumes.pk]
    assert ids(search_documents(query="物业费")) == [fees.pk]


def test_nonsense_and_generic_words_gain_nothing_from_the_words_inside():
    make_document(title="黄埔区婚姻登记服务工作规程", body_html="<p>婚姻登记。</p>")
    make_document(title="关于做好政务服务事项办理工作的通知", body_html="<p>办理时限。</p>")
    for query in ("外星人", "xyzabc", "火星人办事处"):
        result = search_documents(query=query)
        assert (ids(result), result.notice) == ([], "none"), query
    assert search_documents(query="办理工作").notice == "generic"


def test_among_titles_holding_the_words_the_one_about_them_comes_first():
    # Both titles hold 促进 and 消费; the tourism plan says them more often in its body,
    # but its title is about culture and tourism: the measures on consumption first.
    measures = make_document(title="关于印发黄埔区促进消费若干措施的通知",
                             body_html="<p>发放电子券，支持商圈活动。" * 5 + "</p>")
    make_document(title="黄埔区文化旅游消费促进方案",
                  body_html="<p>" + "促进文化旅游消费。" * 20 + "</p>")
    for n in range(4):
        make_document(title=f"黄埔区道路养护方案{n}", body_html="<p>道路养护。</p>")
    assert ids(search_documents(query="促进消费"))[0] == measures.pk


def test_a_word_read_through_the_lexicon_is_also_the_words_inside_it():
    TermGroup.objects.create(canonical="灵活就业", variants=["打零工"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    insurance = make_document(title="黄埔区灵活就业人员参加社会保险补贴办法",
                              body_html="<p>灵活就业人员按月申领补贴。</p>")
    market = make_document(title="黄埔区零工市场建设工作方案",
                           body_html="<p>建设零工市场，发布用工信息。</p>")
    assert set(ids(search_documents(query="打零工"))) == {insurance.pk, market.pk}



def test_a_word_inside_a_lexicon_phrase_is_read_as_the_lexicon_reads_it():
    # 租房补贴 is held only through its lexicon reading (住房补助: 住房 and 补助 are each
    # in some document). Of its inner words, 租房 is in no document, but the lexicon
    # reads it as 租赁住房, which the 公租房 measures hold. Before, the bare 租房 was
    # searched with the reading, and the page said nothing was found.
    TermGroup.objects.create(canonical="住房补助", variants=["租房补贴"],
                             kind=TermKind.SYNONYM)
    TermGroup.objects.create(canonical="租赁住房", variants=["租房"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    measures = make_document(title="黄埔区公共租赁住房保障管理办法",
                             body_html="<p>符合条件的家庭可申请公共租赁住房。</p>")
    make_document(title="黄埔区高龄老人补助办法", body_html="<p>按月发放补助。</p>")
    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    result = search_documents(query="租房补贴")
    assert ids(result)[:1] == [measures.pk]
    assert "租赁住房" in result.expanded["租房补贴"]
