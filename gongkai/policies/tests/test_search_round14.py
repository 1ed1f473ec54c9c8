"""Round 14: a query that finds nothing read again with a word's sounds as the lexicon
writes them (商事等级 → 商事登记, though 等级 is a word the library holds); a query
said as a title whose last word is a genre though a lacking word's inner words come
last (…服务性收费有关问题的通知); a lexicon term said before a localizer the cut joined
to its last character (交房前 → 交 房前); the eleventh lexicon section (migration 0015,
for the search only)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import lexicon_read, reading, search_documents
from gongkai.policies.search import query as q
from gongkai.policies.tests.factories_policies import ids, make_document, readings

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0015_search_lexicon_eleventh")


@pytest.fixture
def registration():
    TermGroup.objects.create(canonical="市场主体登记", variants=["商事登记"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "registration": make_document(title="黄埔区市场主体登记注册便利化措施",
                                      body_html="<p>市场主体登记注册全程网办，便利化改革。</p>"),
        "grades": make_document(title="黄埔区旅游景区质量等级评定办法",
                                body_html="<p>景区质量等级评定。</p>"),
    }


def test_a_word_held_by_the_library_is_read_by_its_sound_when_nothing_is_found(registration):
    # Before: 商事 lacking, 等级 and 便利化 held — the covers gate refused it and the
    # held 等级 was never read otherwise: nothing was found.
    result = search_documents(query="商事等级便利化")
    assert ids(result)[:1] == [registration["registration"].pk]
    assert result.expanded["等级"] == ["登记"]
    assert result.notice != "none"


def test_the_readings_put_a_word_in_the_lexicon_term_beside_it(registration):
    plan = lexicon_read.current(lambda lexicon: q.analyse("商事等级便利化", lexicon))
    found = lexicon_read.current(lambda lexicon: reading.homophone_readings(plan, lexicon))
    assert ("等级", "登记", "商事登记便利化") in found
    assert len(found) <= reading.HOMOPHONE_TRIES


def test_a_query_that_finds_something_is_not_read_otherwise(registration):
    result = search_documents(query="景区质量等级")
    assert ids(result)[:1] == [registration["grades"].pk]
    assert "等级" not in result.expanded


@pytest.mark.parametrize("query", ["", "   ", "……", "时间机器申请", "'; DROP TABLE x; --",
                                   "火星等级", "等" * 200])
def test_no_reading_makes_up_a_match(registration, query):
    # Nothing in the lexicon sounds like these words: still nothing (and no error).
    result = search_documents(query=query)
    if query.strip():
        assert registration["registration"].pk not in ids(result)


@pytest.fixture
def after_school():
    return {
        "plan": make_document(title="黄埔区中小学课后服务实施方案",
                              body_html="<p>中小学课后服务，学生自愿参加。</p>"),
        "fees": make_document(title="黄埔区义务教育学校课后托管服务收费指引",
                              body_html="<p>课后服务收费按照成本分担原则。</p>"),
    }


def test_a_title_said_with_a_genre_last_counts_what_it_asks_as_a_subject_word(after_school):
    plan = q.analyse("关于中小学校课后服务性收费有关问题的通知")
    # The inner words of 中小学校 and 服务性 are the last groups…
    assert plan.groups[-1].typed != "通知" and not plan.typed_as_title
    # …but the word said last is the genre: 收费 names the document asked for.
    assert plan.said_as_title
    weights = {g.typed: t[0] for g, t in zip([g for g in plan.groups if g.known],
                                             plan.title_terms(), strict=False)}
    assert weights["收费"] == weights["课后"]


@pytest.mark.parametrize("query", ["课后服务 收费 通知", "课后服务收费怎么算", ""])
def test_not_said_as_a_title(query):
    assert not q.analyse(query).said_as_title


def test_a_lexicon_term_before_a_localizer_is_read_whole():
    TermGroup.objects.create(canonical="交付", variants=["交房"], kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    delivery = make_document(title="黄埔区新建商品住房交付使用管理规定",
                             body_html="<p>商品住房交付前应当完成竣工验收。</p>")
    make_document(title="黄埔区住房公积金缴存办法", body_html="<p>按月缴纳住房公积金。</p>")
    # The cut says 交 房前: the term 交房 ends before the localizer 前.
    units = lexicon_read.current(lambda lexicon: q._units("开发商交房前要弄好哪些东西", lexicon))
    assert "交房" in units and "房前" not in units
    assert "交付" in readings("开发商交房前要弄好哪些东西")
    assert ids(search_documents(query="开发商交房前要弄好哪些东西"))[:1] == [delivery.pk]


def test_a_localizer_with_no_term_before_it_is_cut_as_before():
    assert "门前" in {g.typed for g in q.analyse("门前三包").groups} or \
        "门前三包" in {g.typed for g in q.analyse("门前三包").groups}


@pytest.fixture
def planning():
    return {
        "boundary": make_document(title="黄埔区城镇开发边界管理规定",
                                  body_html="<p>城镇开发边界内实行详细规划管理。</p>"),
        "budget": make_document(title="黄埔区预算公开工作规程",
                                body_html="<p>部门预算应当在批复后二十日内公开。</p>"),
    }


@pytest.mark.parametrize(("query", "term", "wanted"), [
    ("三区三线", "城镇开发边界", "boundary"),
    ("各部门花多少钱", "部门预算", "budget")])
def test_migration_0015_reads_the_abbreviation_as_the_documents_term(planning, query, term,
                                                                     wanted):
    assert term not in readings(query)
    MIGRATION.load(django_apps, None)
    assert term in readings(query)
    assert ids(search_documents(query=query))[:1] == [planning[wanted].pk]


def test_migration_0015_holds_its_groups_for_the_search():
    MIGRATION.load(django_apps, None)
    for canonical in ("生态保护红线", "永久基本农田", "意见征集", "部门预算"):
        assert TermGroup.objects.get(canonical=canonical).scope == "search"
    # A line extending a group an earlier section made for both readers leaves it so
    # (lexicon data README: Scope).
    assert TermGroup.objects.get(canonical="城镇开发边界").scope == "both"
