"""Tenth round: what residents say of their situation or of what the government does,
read as the documents' terms — the eighth lexicon section (migration 0012: 官网 →
政府网站, 出钱 → 补助, 办证 → 许可证, 等多久 → 办理时限 …) and two rules of spoken
phrases: the quantity 点 between a verb and its object (补点钱 is the lexicon's 补钱)
and the prepositions of "with" one for another (跟老板闹矛盾 is its 和老板闹矛盾); a need
said (急需, 需要) is no subject."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import everyday_groups, seed_groups
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.lexicon_seed import EIGHTH_SECTION, search_groups
from gongkai.policies.tests.factories_policies import ids, make_document, readings

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0012_search_lexicon_eighth")


@pytest.fixture
def library():
    return {
        "sites": make_document(title="黄埔区政府网站与政务新媒体管理办法",
                               body_html="<p>政府网站应当及时发布信息。</p>"),
        "limits": make_document(title="黄埔区政务服务事项办理时限压缩办法",
                                body_html="<p>审批事项的办理时限压缩一半。</p>"),
        "sharing": make_document(title="黄埔区政务数据共享管理办法",
                                 body_html="<p>各部门依法开展数据共享，减少群众重复提交。</p>"),
        "discharge": make_document(title="黄埔区排污许可管理实施细则",
                                   body_html="<p>排污单位应当申请排污许可，依法取得排污许可证。</p>"),
        "talks": make_document(title="黄埔街道社区议事协商工作规程",
                               body_html="<p>居民议事会就小区公共事务开展协商。</p>"),
        "villages": make_document(title="黄埔区村务公开实施办法",
                                  body_html="<p>村民委员会按季度公开村务和财务。</p>"),
        "bikes": make_document(title="黄埔区共享单车停放管理工作方案",
                               body_html="<p>共享单车企业落实停放管理，网上公布车辆数量。</p>"),
    }


@pytest.mark.parametrize(("query", "term", "wanted"), [
    ("区政府官网", "政府网站", "sites"), ("审批要等多久", "办理时限", "limits"),
    ("部门之间信息共享", "数据共享", "sharing"), ("工厂排污水要不要办证", "许可证", "discharge"),
    ("小区的事居民一起商量", "协商", "talks"),
    ("村委会要不要公开", "村民委员会", "villages")])
def test_migration_0012_reads_the_residents_words_as_the_documents_terms(library, query,
                                                                        term, wanted):
    # Before 0012 the words are read as typed (官网 as the homophone 管网), and what
    # the query finds it finds by chance of this small library (共享 of the bikes too).
    assert term not in readings(query)
    MIGRATION.load(django_apps, None)
    assert term in readings(query)
    assert ids(search_documents(query=query))[:1] == [library[wanted].pk]


def test_migration_0012_official_site_is_no_longer_a_pipe_network(library):
    make_document(title="黄埔区城镇燃气管网建设规划", body_html="<p>燃气管网改造。</p>")
    assert ids(search_documents(query="区政府官网"))[:1] != [library["sites"].pk]
    MIGRATION.load(django_apps, None)
    assert ids(search_documents(query="区政府官网"))[:1] == [library["sites"].pk]


def test_migration_0012_loads_once_and_generic_queries_still_find_nothing(library):
    MIGRATION.load(django_apps, None)
    count = TermGroup.objects.count()
    assert count
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count
    for query in ("办理", "通知 工作", "征求意见稿", "管理办法 修订"):
        assert ids(search_documents(query=query)) == []


def test_eighth_section_lines_keep_their_groups_one_way_and_hold_no_generic_word():
    eighth = search_groups(after=EIGHTH_SECTION)
    assert eighth  # guards the test itself: the section is found and read
    earlier = {canonical: kind for kind, canonical, _variants in
               [*seed_groups(), *everyday_groups(), *search_groups()[:-len(eighth)]]}
    for kind, canonical, variants in eighth:
        # Residents' words go to the documents' term only: never into a two-way group
        # (a line naming one would widen a search for the official term to slang); an
        # abbreviation (村委会) is a group of its own.
        assert (kind == "colloquial" and earlier.get(canonical, kind) == kind) or (
            kind == "abbreviation" and canonical not in earlier), canonical
        assert len(variants) >= 2, canonical  # siblings besides the word seen
        assert not set(variants) & words.GENERIC_WORDS, canonical


@pytest.fixture
def spoken():
    TermGroup.objects.create(canonical="补贴", kind="colloquial", variants=["补钱"])
    TermGroup.objects.create(canonical="劳动争议", kind="colloquial",
                             variants=["和老板闹矛盾"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 1010})
    return {
        "rent": make_document(title="黄埔区发放住房租赁补贴实施办法",
                              body_html="<p>租房家庭可以申请住房租赁补贴。</p>"),
        "disputes": make_document(title="黄埔区劳动人事争议调解仲裁工作规则",
                                  body_html="<p>劳动争议可以申请调解。</p>"),
        "points": make_document(title="黄埔区积分入学办法",
                                body_html="<p>每个积分点对应一个学位，老板和员工同等。</p>"),
    }


@pytest.mark.parametrize(("query", "read", "wanted"), [
    ("租房 政府能补点钱吗", "补钱", "rent"),
    ("跟老板闹矛盾怎么办", "和老板闹矛盾", "disputes"),
    ("同老板闹矛盾", "和老板闹矛盾", "disputes"),
    ("与老板闹矛盾", "和老板闹矛盾", "disputes")])
def test_a_spoken_phrase_is_read_as_the_lexicon_term_it_says(spoken, query, read, wanted):
    # Before: 补点 was read as the homophone 不点 and 钱 alone; 跟 (not the lexicon's
    # 和) left 老板 and 闹矛盾 to find whatever held them.
    assert read in [g.typed for g in q.analyse(query).groups]
    assert ids(search_documents(query=query))[:1] == [spoken[wanted].pk]


def test_a_point_or_a_preposition_elsewhere_is_left_as_typed(spoken):
    # 积分点 is no lexicon term read without 点; 和 typed is read as before.
    assert "积分点" in q.analyse("积分点").text
    assert [g.typed for g in q.analyse("和老板闹矛盾").groups] == ["和老板闹矛盾"]
    assert q._found_with_prepositions("我和你", lambda text: []) == []


def test_a_need_said_is_no_subject():
    assert {"需要", "急需", "想要"} <= words.ASKING_WORDS
    assert q.analyse("急需 救急").groups[0].generic


def test_a_term_starting_inside_a_word_does_not_hide_the_term_after_it():
    # The lexicon's scan takes the longest term at each place, left to right: 政府官网
    # starts inside 区政府 (cut 区政府 官网), is not taken, and had hidden 官网.
    TermGroup.objects.create(canonical="政府网站", kind="colloquial",
                             variants=["政府官网", "官网"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 1012})
    site = make_document(title="黄埔区政府网站与政务新媒体管理办法",
                         body_html="<p>政府网站应当及时发布信息。</p>")
    make_document(title="黄埔区城镇燃气管网建设规划", body_html="<p>燃气管网改造。</p>")
    assert "官网" in [g.typed for g in q.analyse("区政府官网").groups]
    assert ids(search_documents(query="区政府官网"))[:1] == [site.pk]
