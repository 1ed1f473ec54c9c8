"""Migration 0005 (``daily.txt``: what residents call things in daily life, for the word
the services use): what it adds, what it leaves alone, that it can be undone, that its
lines keep the kind of the group they extend, and that the words it brings find
answers."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import (
    daily_groups,
    everyday_groups,
    load_everyday,
    load_situations,
    seed_groups,
    situations_groups,
)
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.lexicon.services import term_group_delete, term_variant_add
from gongkai.policies.search.lexicon_seed import load_search_lexicon, search_groups

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.lexicon.migrations.0005_daily")


@pytest.fixture
def site_before_0005():
    """The lexicon as a site has it before 0005: the seed (conftest), the policy
    search's groups, the everyday words and the situations."""
    load_search_lexicon(TermGroup, LexiconVersion)
    load_everyday(TermGroup, LexiconVersion)
    load_situations(TermGroup, LexiconVersion)
    return {g.canonical: g.variants for g in TermGroup.objects.all()}


def _variants(canonical: str) -> list[str]:
    return TermGroup.objects.get(canonical=canonical).variants


def test_lines_keep_the_kind_of_the_group_they_extend():
    lines = daily_groups()
    assert len(lines) >= 10  # guards the test itself: the file is read
    earlier: dict[str, str] = {}
    for kind, canonical, _variants in [*seed_groups(), *search_groups(), *everyday_groups(),
                                       *situations_groups()]:
        earlier.setdefault(canonical, kind)
    for kind, canonical, _variants in lines:
        if canonical in earlier:
            assert kind == earlier[canonical], canonical


def test_it_adds_new_groups_and_extends_earlier_ones_once(site_before_0005):
    MIGRATION.load(django_apps, None)
    assert "期房" in _variants("预售")  # a new group
    assert "怪味" in _variants("异味")  # extends an everyday group, keeping its kind
    assert TermGroup.objects.get(canonical="异味").kind == "colloquial"
    assert "当过兵" in _variants("退役军人")  # extends a seed group
    count = TermGroup.objects.count()
    MIGRATION.load(django_apps, None)  # run twice: nothing doubled
    assert TermGroup.objects.count() == count
    assert _variants("异味").count("怪味") == 1


def test_groups_the_office_edited_or_deleted_are_left_as_they_are(site_before_0005,
                                                                  office_admin):
    term_variant_add(canonical="异味", variant="臭气", actor=office_admin)
    edited = _variants("异味")
    term_group_delete(group=TermGroup.objects.get(canonical="占道经营"), actor=office_admin)
    MIGRATION.load(django_apps, None)
    assert _variants("异味") == edited and "怪味" not in edited
    assert not TermGroup.objects.filter(canonical="占道经营").exists()


def test_it_can_be_undone_without_touching_edited_groups(site_before_0005, office_admin):
    MIGRATION.load(django_apps, None)
    term_variant_add(canonical="预售", variant="楼花房", actor=office_admin)
    MIGRATION.unload(django_apps, None)
    after = {g.canonical: g.variants for g in TermGroup.objects.all()}
    assert after.pop("预售")[-1] == "楼花房"  # the office's work stays
    assert after == site_before_0005


@pytest.mark.parametrize("typed, meant", [
    ("期房", "预售"), ("楼花", "预售"), ("备孕", "孕前"), ("当兵受伤", "伤残军人"),
    ("一股怪味", "异味"), ("垫钱", "垫付"), ("掏不起", "困难"), ("隐私泄露", "个人信息泄露"),
])
def test_an_everyday_word_expands_to_the_services_word(site_before_0005, typed, meant):
    assert meant not in dict(expand_tokens([typed]))
    MIGRATION.load(django_apps, None)
    assert dict(expand_tokens([typed]))[meant] >= 0.7


def test_an_everyday_word_finds_its_entry(site_before_0005):
    from gongkai.qa.retrieval.search import search
    from gongkai.qa.tests.factories_qa import published_entry

    presale = published_entry(question="商品房预售许可怎么查？", answer="在住建部门网站查询。")
    published_entry(question="二手房交易税费怎么算？", answer="按成交价计算。")
    published_entry(question="开发商延期交房怎么办？", answer="按合同约定主张违约金。")
    _query, hits = search("想买楼花 怕没有证不能卖")
    assert not hits or hits[0].id != presale.pk
    MIGRATION.load(django_apps, None)
    _query, hits = search("想买楼花 怕没有证不能卖")
    assert hits and hits[0].id == presale.pk
