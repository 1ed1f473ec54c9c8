"""Abbreviations read by rule from the library's own titles (no lexicon entry), and
the title's say in the order of the first places."""
import pytest

from gongkai.policies.search import abbrev, search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db



@pytest.mark.parametrize(("short", "term", "reads"), [
    ("门特", ("门诊", "特定", "病种"), False),   # the run ends where the kept words end
    ("门特", ("门诊", "特定"), True),
    ("长护险", ("长期", "护理", "保险"), True),   # 险: the last character of 保险
    ("低保", ("最低", "生活", "保障"), True),     # a word skipped inside
    ("高企", ("高新", "技术", "企业"), True),
    ("护长险", ("长期", "护理", "保险"), False),  # out of order
    ("长期", ("长期", "护理"), False),            # one word alone is no abbreviation
])
def test_an_abbreviation_keeps_leading_characters_of_the_words_in_order(short, term, reads):
    assert bool(abbrev.abbreviates(short, term)) is reads


def test_an_abbreviation_no_lexicon_lists_is_read_from_the_titles():
    clinic = make_document(title="黄埔区门诊特定病种管理办法",
                           body_html="<p>门诊特定病种的认定和待遇。</p>")
    make_document(title="黄埔区门诊收费公示", body_html="<p>门诊收费。</p>")
    result = search_documents(query="门特")
    assert ids(result) == [clinic.pk]
    assert result.expanded == {"门特": ["门诊特定"]} and result.notice == ""


def test_a_new_document_teaches_its_abbreviation_at_once():
    make_document(title="黄埔区校车安全管理办法")
    assert search_documents(query="低边").notice == "none"
    families = make_document(title="黄埔区低收入边缘家庭认定办法",
                             body_html="<p>低收入边缘家庭的认定。</p>")
    assert ids(search_documents(query="低边")) == [families.pk]


def test_a_dictionary_word_tagged_as_an_abbreviation_is_read_from_the_titles():
    # 文保 is a word of the dictionary, tagged as an abbreviation (j); the library only
    # writes it out. A dictionary word of another tag (文物, a noun) is never so read.
    assert words.is_abbreviation("文保") and not words.is_abbreviation("文物")
    relics = make_document(title="黄埔区文物保护管理办法",
                           body_html="<p>文物保护单位的保护范围。</p>")
    make_document(title="黄埔区文化馆开放公告", body_html="<p>文化馆。</p>")
    result = search_documents(query="文保单位")
    assert ids(result)[0] == relics.pk
    assert result.expanded.get("文保") == ["文物保护"]


def test_a_word_the_library_holds_is_not_read_as_an_abbreviation():
    make_document(title="黄埔区门诊特定病种管理办法")
    bus = make_document(title="门特路公交线路调整公告", body_html="<p>门特路。</p>")
    result = search_documents(query="门特路")
    assert ids(result) == [bus.pk] and result.expanded == {}


def test_a_generic_word_in_the_title_decides_between_equal_matches(monkeypatch):
    monkeypatch.setattr(words, "GENERIC_MIN_DOCUMENTS", 4)
    # By the text score alone the other one comes first (its body says it twice).
    review = make_document(title="公共租赁住房申请审核细则",
                           body_html="<p>公共租赁住房。申请。审核。</p>")
    exit_rules = make_document(title="公共租赁住房退出管理办法",
                               body_html="<p>公共租赁住房。公共租赁住房。申请。审核。</p>")
    for n in range(3):  # 申请 and 审核 in most documents: generic, not searched by
        make_document(title=f"工作规程{n}", body_html="<p>申请。审核。</p>")
    result = search_documents(query="公共租赁住房申请审核")
    assert ids(result)[0] == review.pk and exit_rules.pk in ids(result)


def test_a_query_of_no_word_finds_nothing_rather_than_everything():
    make_document(title="垃圾分类管理规定")
    for query in ("……", "🙂🙂🙂", "？！"):
        result = search_documents(query=query)
        assert (result.hits, result.notice) == ([], "none"), query
    assert search_documents(query="").hits  # an empty query still browses


def test_a_word_made_of_generic_words_is_generic():
    make_document(title="黄埔区物业服务收费管理办法", body_html="<p>申请条件。</p>")
    for query in ("管理办法", "申请条件"):
        result = search_documents(query=query)
        assert (result.hits, result.notice) == ([], "generic"), query


def test_in_a_long_question_the_rare_word_outweighs_common_ones():
    for n in range(4):
        make_document(title=f"社区工作规程{n}", body_html="<p>楼下。家里。</p>")
    common = make_document(title="居民生活指引", body_html="<p>楼下。家里。</p>")
    fumes = make_document(title="餐饮油烟管理办法", body_html="<p>油烟净化设施。</p>")
    result = search_documents(query="楼下 家里 油烟")
    assert result.notice == "partial"  # no document has all three
    assert ids(result)[0] == fumes.pk and common.pk in ids(result)


def test_asking_for_the_interpretation_brings_it_though_it_lacks_a_word():
    from gongkai.policies.tests.test_search_relevance import with_interpretation

    document, interpretation = with_interpretation(
        "黄埔区义务教育阶段学校招生入学实施办法", "学区划分和招生入学的规则。",
        "招生入学的要点。")  # says nothing of 学区
    result = search_documents(query="招生入学 学区 解读")
    assert ids(result)[:2] == [interpretation.pk, document.pk]
    assert ids(search_documents(query="招生入学 学区"))[:1] == [document.pk]
