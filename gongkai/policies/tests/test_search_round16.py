"""Round 16: a lacking compound named whole where the cut left its head alone (专项债,
not 专项); a query asking for an explainer but naming no subject finds the documents
about explaining (政策解读 → 政策解读工作办法); an everyday verb of one character read
as its written form (盖 → 建设), and a run led by an auxiliary verb (能 补) as no
abbreviation; a count of years as the range a plan's title gives (三年 → 2025 2027); a
lexicon term said with a question's frame inside (部门之间不能互相共享); the twelfth
lexicon section (私营 → 民营, migration 0016, for the search only)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies import text as ptext
from gongkai.policies.search import lexicon_read, search_documents
from gongkai.policies.search import query as q
from gongkai.policies.tests.factories_policies import ids, make_document, readings

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0016_search_lexicon_twelfth")


def test_a_lacking_word_before_a_lacking_noun_head_is_named_as_their_compound():
    # A library that holds neither 专项 nor 债 (the demo's): the page named 专项.
    make_document(title="黄埔区公共租赁住房实施方案", body_html="<p>公共租赁住房的实施方案。</p>")
    result = search_documents(query="专项债 方案")
    assert not ids(result) and result.notice == "none"
    assert result.missing == ["专项债"]


def test_a_lacking_word_without_a_noun_head_after_it_is_named_as_typed():
    make_document(title="黄埔区公共租赁住房实施方案", body_html="<p>公共租赁住房的实施方案。</p>")
    result = search_documents(query="恐龙 方案")
    assert result.missing == ["恐龙"]


@pytest.fixture
def explaining():
    rules = make_document(title="黄埔区政策解读工作办法",
                          body_html="<p>政策文件与解读材料同步起草、同步审签、同步发布。</p>")
    housing = make_document(title="黄埔区公共租赁住房保障办法", body_html="<p>公共租赁住房。</p>")
    explainer = make_document(title="《黄埔区公共租赁住房保障办法》政策解读",
                              body_html="<p>政策解读：公共租赁住房。</p>", interprets=housing)
    pictured = make_document(title="图解：黄埔区公共租赁住房保障办法",
                             body_html="<p>图解公共租赁住房。</p>")
    return {"rules": rules, "explainer": explainer, "pictured": pictured}


@pytest.mark.parametrize("query", ["政策解读", "关于进一步做好政策解读工作的通知", "解读"])
def test_an_explainer_asked_for_without_a_subject_finds_the_rules_of_explaining(
        explaining, query):
    result = search_documents(query=query)
    assert ids(result) == [explaining["rules"].pk]
    assert result.notice == ""


def test_an_explainer_form_said_at_the_title_start_or_end_is_no_subject(explaining):
    # 图解 stands at the start of the pictured explainer's title: the form, not what the
    # document is about — and no other title holds it: too generic, as before.
    result = search_documents(query="图解")
    assert not ids(result) and result.notice == "generic"


def test_an_explainer_asked_for_with_a_subject_is_the_subjects(explaining):
    # (The rules of explaining are not what a query naming a subject asks for.)
    found = ids(search_documents(query="公共租赁住房 政策解读"))
    assert found[0] in (explaining["explainer"].pk, explaining["pictured"].pk)
    assert explaining["rules"].pk not in found


def test_too_many_documents_about_explaining_are_no_answer(explaining):
    for n in range(3):
        make_document(title=f"黄埔区第{n}批政策解读工作安排", body_html="<p>解读工作安排。</p>")
    result = search_documents(query="政策解读")
    assert not ids(result) and result.notice == "generic"


@pytest.fixture
def building():
    return {
        "boundary": make_document(title="黄埔区城镇开发边界管理规定",
                                  body_html="<p>城镇开发边界外不得进行城镇集中建设。</p>"),
        "parks": make_document(title="黄埔区公园管理办法", body_html="<p>公园的开放时间。</p>"),
    }


def test_an_everyday_verb_the_library_lacks_is_read_as_its_written_form(building):
    plan = q.analyse("边界外 能不能盖")
    build = next(g for g in plan.groups if g.typed == "盖")
    assert "建设" in build.alternatives and build.known
    assert "盖" not in plan.lone


def test_an_everyday_verb_the_library_holds_is_left_as_typed(building):
    make_document(title="黄埔区井盖管理办法", body_html="<p>井 盖 破损应当及时更换，盖 应当牢固。</p>")
    plan = q.analyse("路上 盖 坏了")
    build = next(g for g in plan.groups if g.typed == "盖")
    assert build.alternatives == ("盖",)


def test_migration_0016_reads_the_older_modifiers_as_the_documents_write_them():
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.get(canonical="民营").scope == "search"
    assert "民营" in readings("私营老板")
    assert "公办" in readings("公立 学校")


@pytest.fixture
def plans():
    return {
        "preschool": make_document(title="黄埔区学前教育发展提升行动计划（2025—2027年）",
                                   body_html="<p>学前教育普及普惠。</p>"),
        "places": make_document(title="黄埔区中小学学位补贴发放办法",
                                body_html="<p>中小学学位补贴按学期发放。</p>"),
    }


def test_a_count_of_years_reads_the_range_of_years_a_plans_title_gives(plans):
    plan = q.analyse("学前教育 三年")
    span = next(g for g in plan.groups if g.typed == "三年")
    assert "2025 2027" in span.alternatives
    assert ids(search_documents(query="学前教育 学位 三年"))[:1] == [plans["preschool"].pk]


@pytest.mark.parametrize("query", ["工作满三年 补贴", "三年内 学前教育", "连续两年 学前教育", "一年 学前教育"])
def test_a_count_of_years_said_as_a_duration_is_left_as_typed(plans, query):
    plan = q.analyse(query)
    for group in plan.groups:
        assert not any(" " in a for a in group.alternatives if isinstance(a, str)), group


def test_a_run_led_by_an_auxiliary_verb_is_no_abbreviation():
    make_document(title="黄埔区职业技能提升补贴实施办法", body_html="<p>职业技能提升补贴。</p>")
    make_document(title="黄埔区发放住房租赁补贴实施办法", body_html="<p>住房租赁补贴按月发放。</p>")
    plan = q.analyse("租房子 能补多少钱")
    assert not any(g.typed == "能补" for g in plan.groups)
    pay = next(g for g in plan.groups if g.typed == "补")
    assert "补贴" in pay.alternatives


@pytest.mark.parametrize(("word", "token"), [("政策解读", "解读"), ("图文解读", "解读"),
                                             ("图解", "图解"), ("一图读懂", "读懂")])
def test_the_token_before_the_next_word_is_the_last_piece_the_index_adds(word, token):
    assert ptext.last_indexed_token(word) == token
    # …as the index holds a title saying the word and 工作.
    held = ptext.tokens(ptext.segment(f"{word}工作"))
    assert held[held.index("工作") - 1] == token


@pytest.fixture
def sharing():
    TermGroup.objects.create(canonical="数据共享", variants=["部门之间共享", "资料互通"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "data": make_document(title="黄埔区政务数据共享管理办法",
                              body_html="<p>数据共享，减少重复提交材料。</p>"),
        "bikes": make_document(title="黄埔区共享单车停放管理工作方案",
                               body_html="<p>共享单车停放，部门之间协同。</p>"),
    }


@pytest.mark.parametrize("query", ["部门之间不能互相共享吗", "资料能不能互通", "部门之间可不可以共享"])
def test_a_lexicon_term_is_found_with_a_questions_frame_said_inside_it(sharing, query):
    plan = lexicon_read.current(lambda lexicon: q.analyse(query, lexicon))
    assert any("数据共享" in g.alternatives for g in plan.groups)
    assert ids(search_documents(query=query))[:1] == [sharing["data"].pk]


def test_a_questions_frame_alone_reads_no_term(sharing):
    plan = lexicon_read.current(lambda lexicon: q.analyse("共享单车 能不能 停", lexicon))
    assert not any("数据共享" in g.alternatives for g in plan.groups)


@pytest.fixture
def rating():
    docs = {"rating": make_document(title="黄埔区技能人才评价工作实施方案",
                                    body_html="<p>公司自主开展员工技能等级评价。</p>"),
            "training": make_document(title="黄埔区职业技能提升补贴实施办法",
                                      body_html="<p>技能提升补贴，公司员工培训，技能等级证书。</p>")}
    for name in ("质量", "服务", "诚信"):
        make_document(title=f"黄埔区{name}评价办法", body_html=f"<p>{name}评价。</p>")
    # 评 alone once, where the cut left it of a phrase: 参 评.
    make_document(title="黄埔区文明单位创建办法", body_html="<p>申报单位 参 评 须知。</p>")
    return docs


def test_a_verb_held_far_less_often_than_its_written_form_is_read_as_it(rating):
    plan = q.analyse("公司给员工评技能等级")
    rate = next(g for g in plan.groups if g.typed == "评")
    assert "评价" in rate.alternatives and "评" in rate.alternatives
    assert ids(search_documents(query="公司给员工评技能等级"))[:1] == [rating["rating"].pk]


def test_a_verb_held_about_as_often_as_its_written_form_is_left_as_typed(rating):
    for n in range(3):
        make_document(title=f"黄埔区第{n}届评选办法", body_html="<p>参加 评 的单位。</p>")
    plan = q.analyse("公司给员工评技能等级")
    rate = next(g for g in plan.groups if g.typed == "评")
    assert rate.alternatives == ("评",)
