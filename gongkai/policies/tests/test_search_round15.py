"""Round 15: an everyday noun of one character read as its written form of two (树 →
树木) when the library does not hold the character as a word."""
import pytest

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import lexicon_read, reading, search_documents
from gongkai.policies.search import query as q
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def greening():
    return {
        "trees": make_document(title="黄埔区城市绿化管理办法",
                               body_html="<p>砍伐城市树木应当报绿化主管部门批准。</p>"),
        "clinics": make_document(title="黄埔区医疗机构设置审批管理办法",
                                 body_html="<p>医疗机构设置实行审批。</p>"),
    }


def test_a_character_the_library_lacks_is_read_as_its_written_form(greening):
    plan = q.analyse("门口的树想砍掉要审批吗")
    tree = next(g for g in plan.groups if g.typed == "树")
    assert "树木" in tree.alternatives and tree.known
    # A word now, not a character left of the sentence (rule 5's 0.2).
    assert "树" not in plan.lone
    assert greening["trees"].pk in ids(search_documents(query="门口的树想砍掉要审批吗"))
    assert ids(search_documents(query="家门口的树想砍掉"))[:1] == [greening["trees"].pk]


def test_a_character_the_library_holds_is_left_as_typed(greening):
    make_document(title="黄埔区古树保护办法", body_html="<p>古 树 挂牌保护，树 不得移植。</p>")
    plan = q.analyse("树 移植")
    tree = next(g for g in plan.groups if g.typed == "树")
    assert tree.alternatives == ("树",)


def test_a_written_form_the_library_lacks_is_not_added(greening):
    # 车 → 车辆, which no document here holds: 车 stays as typed (and unknown).
    plan = q.analyse("门口 车 审批")
    car = next(g for g in plan.groups if g.typed == "车")
    assert car.alternatives == ("车",) and not car.known


def test_the_table_holds_characters_and_their_forms_of_two_characters_or_more():
    table = reading._written_table()
    assert table["树"][0] == "树木"
    for character, forms in table.items():
        assert len(character) == 1 and forms
        assert all(len(form) >= 2 and form != character * len(form) for form in forms), character


@pytest.fixture
def transfers():
    return {
        "transfer": make_document(title="黄埔区中小学生转学管理办法",
                                  body_html="<p>学生转学由家长向转入学校提出申请。</p>"),
        "admission": make_document(title="黄埔区义务教育阶段招生入学实施办法",
                                   body_html="<p>适龄儿童入学实行划片招生，学校按学位招生。</p>"),
    }


def test_a_verb_said_apart_from_its_object_is_read_as_the_word_they_make(transfers):
    plan = q.analyse("孩子读到一半想转到区里的学校")
    verb = next(g for g in plan.groups if g.typed == "转")
    assert "转学" in verb.alternatives and verb.corrected == "转学"
    assert "转" not in plan.lone
    assert ids(search_documents(query="孩子读到一半想转到区里的学校"))[:1] == [
        transfers["transfer"].pk]


@pytest.mark.parametrize("query", [
    "想转 到区里的学校",        # a space between: two phrases
    "转，到区里的学校",         # a stop between
    "转到了黄埔区那边的一所学校",  # the object further than APART_SPAN
])
def test_a_verb_and_a_word_of_another_phrase_are_not_joined(transfers, query):
    verb = next(g for g in q.analyse(query).groups if g.typed == "转")
    assert "转学" not in verb.alternatives


def test_only_a_verb_is_joined_to_a_later_word(transfers):
    # 区 is no verb (区 + 学校 is no word either way); 想 is the sentence's own verb.
    plan = q.analyse("区里想到学校")
    assert all(not g.corrected for g in plan.groups)


def test_a_joined_word_the_library_lacks_is_not_read(transfers):
    # 转 + 区里 → 转区, a word of the dictionary no document holds: the next one is.
    plan = q.analyse("想转区里学校")
    verb = next((g for g in plan.groups if g.typed == "转"), None)
    assert verb is None or "转区" not in verb.alternatives


@pytest.fixture
def culture():
    return {
        "culture": make_document(title="黄埔区公共文化服务扶持办法",
                                 body_html="<p>公共图书馆和文化馆免费开放；每个街道建设综合文化站。</p>"),
        "sme": make_document(title="黄埔区促进中小微企业发展若干措施",
                             body_html="<p>第十条 对中小微企业给予资金支持。</p>"),
        "web": make_document(title="黄埔区政府网站管理办法",
                             body_html="<p>政府网站栏目更新，第十条 网站安全。</p>"),
    }


def test_counted_heads_are_read_as_the_nouns_they_head(culture):
    plan = q.analyse("三馆一站")
    read = {g.typed: g.alternatives for g in plan.groups}
    assert "文化馆" in read["三馆"] and "文化站" in read["一站"]
    assert ids(search_documents(query="三馆一站"))[:1] == [culture["culture"].pk]


@pytest.mark.parametrize("query", ["两学一做", "一户一宅", "一年一次"])
def test_a_counted_verb_or_measure_is_not_read_as_heads(culture, query):
    # 做 heads no noun; 户, 次 are measures and 年 a unit of time: no counted terms.
    assert not any(g.corrected for g in q.analyse(query).groups)


def test_a_count_of_articles_after_a_subject_names_a_set_of_measures(culture):
    plan = q.analyse("中小微企业十条")
    count = next(g for g in plan.groups if g.typed == "十条")
    assert count.corrected == "若干措施"
    assert ids(search_documents(query="中小微企业十条"))[:1] == [culture["sme"].pk]


@pytest.mark.parametrize("query", ["第十条", "网站 第十条", "十条", "办事一条龙"])
def test_an_article_number_is_no_count_of_articles(culture, query):
    assert not any(g.corrected for g in q.analyse(query).groups)


def test_a_numbered_name_the_lexicon_holds_keeps_the_lexicon_reading(culture):
    # (Read as counted heads it would be 辖区 and 热线, which this library holds.)
    make_document(title="黄埔区12345热线管理办法", body_html="<p>辖区内的热线工单。</p>")
    TermGroup.objects.create(canonical="国土空间规划", variants=["三区三线"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    plan = lexicon_read.current(lambda lexicon: q.analyse("三区三线", lexicon))
    assert [g.typed for g in plan.groups] == ["三区三线"]
    assert not plan.groups[0].corrected


@pytest.fixture
def special():
    # 专项 after a subject in the titles of three issuers: a title's tail (round 13).
    # (Each made by its own unit, ``make_document``.)
    return [make_document(title=title) for title in (
        "黄埔区燃气安全专项整治工作方案", "黄埔区住宅专项维修资金管理办法",
        "黄埔区人才引进和培养专项资金管理办法")]


def test_a_compound_cut_before_its_noun_head_is_named_as_lacking(special):
    result = search_documents(query="专项债 方案")
    assert not ids(result)
    assert result.notice == "none" and result.missing == ["专项债"]


@pytest.mark.parametrize("query", ["专项行动方案", "专项 方案"])
def test_a_tail_without_a_lacking_head_is_still_too_generic(special, query):
    result = search_documents(query=query)
    assert not ids(result) and result.notice == "generic"


@pytest.fixture
def conduct():
    return {
        "counter": make_document(title="黄埔区政务服务中心窗口工作规范",
                                 body_html="<p>窗口工作人员应当挂牌上岗、文明服务。</p>"),
        "pollution": make_document(title="黄埔区生态环境违法行为举报奖励办法",
                                   body_html="<p>举报生态环境违法行为给予奖励；奖励程序应当规范。</p>"),
    }


def test_a_word_read_by_its_pieces_is_read_as_a_phrase(conduct):
    plan = q.analyse("行为规范")
    group = plan.groups[0]
    assert "行为 规范" in group.alternatives
    # …not its modifier alone: its head 规范 is generic, and 行为 alone is in 违法行为.
    assert "行为" not in group.alternatives and not group.inner


def test_a_compound_with_a_generic_head_does_not_bring_the_modifiers_other_compounds(conduct):
    found = ids(search_documents(query="政务服务窗口工作人员行为规范"))
    assert found[:1] == [conduct["counter"].pk]


def test_a_phrase_matches_its_pieces_side_by_side_only(conduct):
    beside = make_document(title="关于印发窗口人员行为规范的通知",
                           body_html="<p>窗口人员 行为 规范 十条。</p>")
    found = ids(search_documents(query="行为规范"))
    assert beside.pk in found and conduct["pollution"].pk not in found


def test_a_compound_whose_head_is_its_own_keeps_the_words_inside_it():
    make_document(title="黄埔区促进生物医药产业发展办法", body_html="<p>生物医药产业发展。</p>")
    make_document(title="黄埔区退役军人就业创业扶持办法", body_html="<p>就业创业扶持。</p>")
    group = next(g for g in q.analyse("产业扶持").groups if g.typed == "产业扶持")
    # 扶持 is no generic word: the modifier inside 产业扶持 is still read (loosely).
    assert "产业 扶持" in group.alternatives and "产业" in group.alternatives
