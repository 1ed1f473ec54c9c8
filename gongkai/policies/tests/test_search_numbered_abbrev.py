"""Ninth round: the numbered and collective abbreviations of government language
(两微一端: 微博, 微信 and 客户端, together 政务新媒体) and the new names of things
(氢能车 for 氢燃料电池汽车) are read through the seventh lexicon section (migration
0011): no rule can read them, as their characters are not those of the documents'
words."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import everyday_groups, seed_groups
from gongkai.lexicon.models import TermGroup
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.lexicon_seed import (
    EIGHTH_SECTION,
    SEVENTH_SECTION,
    search_groups,
)
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0011_search_lexicon_seventh")


@pytest.fixture
def library():
    return {
        "media": make_document(title="黄埔区政府网站与政务新媒体管理办法",
                               body_html="<p>政务新媒体开设应当备案，定期开展内容检查。</p>"),
        "cars": make_document(title="黄埔区新能源汽车产业发展三年行动方案",
                              body_html="<p>支持氢燃料电池汽车示范应用。</p>"),
        "rehab": make_document(title="黄埔区精神障碍患者社区康复管理办法",
                               body_html="<p>严重精神障碍患者纳入社区管理。</p>"),
        "sme": make_document(title="黄埔区促进中小微企业发展若干措施",
                             body_html="<p>对微型企业一次性补助，端午节前发放。</p>"),
    }


@pytest.mark.parametrize(("query", "wanted"), [
    ("两微一端", "media"), ("氢能车", "cars"),
    ("精康服务", "rehab"), ("精康融合", "rehab")])
def test_migration_0011_reads_the_abbreviation_as_the_documents_term(library, query, wanted):
    # Before 0011 the query finds something else (两微一端: 微型, 端午 of a measure) or
    # nothing.
    assert ids(search_documents(query=query))[:1] != [library[wanted].pk]
    MIGRATION.load(django_apps, None)
    assert ids(search_documents(query=query))[:1] == [library[wanted].pk]


def test_migration_0011_loads_once_and_generic_queries_still_find_nothing(library):
    MIGRATION.load(django_apps, None)
    count = TermGroup.objects.count()
    assert count
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count
    for query in ("办理", "通知 工作", "啊啊啊啊"):
        assert ids(search_documents(query=query)) == []


def test_seventh_section_lines_are_new_groups_of_no_generic_word():
    # (The lines of the seventh section only: the eighth, after it, names groups
    # loaded before on purpose — test_search_situations.)
    later = len(search_groups(after=EIGHTH_SECTION))
    seventh = search_groups(after=SEVENTH_SECTION)[:-later]
    assert seventh  # guards the test itself: the section is found and read
    earlier = {canonical for _kind, canonical, _variants in
               [*seed_groups(), *everyday_groups(), *search_groups()[:-len(seventh) - later]]}
    for _kind, canonical, variants in seventh:
        assert canonical not in earlier, canonical
        # Each line holds siblings besides the abbreviation itself.
        assert len(variants) >= 2, canonical
        assert not {canonical, *variants} & words.GENERIC_WORDS, canonical
