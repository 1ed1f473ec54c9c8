"""Round 12: the ninth lexicon section (migration 0013) — what residents, firms and
the office's staff call the library's subjects, joined to the documents' terms (旧城改造 →
城市更新, 床位补贴 → 养老机构扶持, 窗口工作人员 → 政务服务中心窗口, 举报污染 →
生态环境违法行为举报, 临时摊点 → 流动商贩疏导区)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import everyday_groups, seed_groups
from gongkai.lexicon.models import TermGroup
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.lexicon_seed import NINTH_SECTION, search_groups
from gongkai.policies.tests.factories_policies import ids, make_document, readings

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0013_search_lexicon_ninth")


@pytest.fixture
def library():
    return {
        "renewal": make_document(title="黄埔区城市更新项目公众参与办法",
                                 body_html="<p>城市更新项目应当征询居民意愿。</p>"),
        "homes": make_document(title="黄埔区养老机构扶持办法",
                               body_html="<p>对养老机构给予建设和运营扶持。</p>"),
        "beds": make_document(title="黄埔区家庭养老床位管理办法",
                              body_html="<p>家庭养老床位按床位给予补贴。</p>"),
        "window": make_document(title="黄埔区政务服务中心窗口工作规范",
                                body_html="<p>政务服务中心窗口应当文明服务。</p>"),
        "reports": make_document(title="黄埔区生态环境违法行为举报奖励办法",
                                 body_html="<p>举报生态环境违法行为经查实的给予奖励。</p>"),
        "vendors": make_document(title="黄埔区流动商贩疏导区管理办法",
                                 body_html="<p>流动商贩在疏导区内经营。</p>"),
        "soil": make_document(title="黄埔区土壤污染防治工作方案",
                              body_html="<p>防治土壤污染，举报电话公开。</p>"),
    }


@pytest.mark.parametrize(("query", "term", "wanted"), [
    ("旧城改造", "城市更新", "renewal"), ("养老院床位补贴", "养老机构扶持", "homes"),
    ("窗口工作人员", "政务服务中心窗口", "window"),
    ("举报污染有奖金吗", "生态环境违法行为举报", "reports"),
    ("临时摊点", "流动商贩疏导区", "vendors")])
def test_migration_0013_reads_the_residents_words_as_the_documents_terms(library, query,
                                                                        term, wanted):
    # Before 0013 the words are read as typed (床位 finds the home beds, 污染 the soil
    # plan, 便民摊点 nothing).
    assert term not in readings(query)
    MIGRATION.load(django_apps, None)
    assert term in readings(query)
    assert ids(search_documents(query=query))[:1] == [library[wanted].pk]


@pytest.mark.parametrize(("query", "before"), [("养老院床位补贴", "beds"),
                                               ("举报污染有奖金吗", "soil")])
def test_migration_0013_puts_the_subject_before_the_held_words_of_another(library, query,
                                                                         before):
    assert ids(search_documents(query=query))[:1] == [library[before].pk]
    MIGRATION.load(django_apps, None)
    assert ids(search_documents(query=query))[:1] != [library[before].pk]


def test_migration_0013_loads_once_and_generic_queries_still_find_nothing(library):
    MIGRATION.load(django_apps, None)
    count = TermGroup.objects.count()
    assert count
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count
    for query in ("办理", "通知 工作", "管理办法", "工作人员"):
        assert ids(search_documents(query=query)) == [], query


def test_ninth_section_lines_are_colloquial_with_siblings_and_no_generic_word():
    ninth = search_groups(after=NINTH_SECTION)
    assert len(ninth) > 40  # guards the test itself: the section is found and read
    earlier = {canonical: kind for kind, canonical, _variants in
               [*seed_groups(), *everyday_groups(), *search_groups()[:-len(ninth)]]}
    for kind, canonical, variants in ninth:
        # To the documents' term only, never into a two-way group (a line naming one
        # would widen a search for the official term to slang).
        assert kind == "colloquial" and earlier.get(canonical, kind) == kind, canonical
        assert len(variants) >= 2, canonical  # siblings besides any word seen
        assert not {canonical, *variants} & words.GENERIC_WORDS, canonical
