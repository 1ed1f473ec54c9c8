"""Migration 0004 (``situations.txt``: what residents say happened to them, for the
name of the service): what it adds, what it leaves alone, that it can be undone, that
its lines keep the kind of the group they extend, and that the words it brings find
answers."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import (
    everyday_groups,
    load_everyday,
    seed_groups,
    situations_groups,
)
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.lexicon.services import term_group_delete, term_variant_add
from gongkai.policies.search.lexicon_seed import load_search_lexicon, search_groups

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.lexicon.migrations.0004_situations")


@pytest.fixture
def site_before_0004():
    """The lexicon as a site has it before 0004: the seed (conftest), the policy
    search's groups and the everyday words."""
    load_search_lexicon(TermGroup, LexiconVersion)
    load_everyday(TermGroup, LexiconVersion)
    return {g.canonical: g.variants for g in TermGroup.objects.all()}


def _variants(canonical: str) -> list[str]:
    return TermGroup.objects.get(canonical=canonical).variants


def test_lines_keep_the_kind_of_the_group_they_extend():
    """A colloquial word added to a two-way group would widen a query for the official
    term to slang: a line naming an earlier canonical term has that group's kind."""
    lines = situations_groups()
    assert len(lines) >= 25  # guards the test itself: the file is read
    earlier: dict[str, str] = {}
    for kind, canonical, _variants in [*seed_groups(), *search_groups(), *everyday_groups()]:
        earlier.setdefault(canonical, kind)
    for kind, canonical, _variants in lines:
        if canonical in earlier:
            assert kind == earlier[canonical], canonical


def test_it_adds_new_groups_and_extends_the_everyday_ones_once(site_before_0004):
    MIGRATION.load(django_apps, None)
    assert "义工" in _variants("志愿者")  # a new group
    assert "护理保险" in _variants("长护险")  # extends an everyday group
    assert TermGroup.objects.get(canonical="长护险").kind == "colloquial"
    count = TermGroup.objects.count()
    MIGRATION.load(django_apps, None)  # run twice: nothing doubled
    assert TermGroup.objects.count() == count
    assert _variants("长护险").count("护理保险") == 1


def test_groups_the_office_edited_or_deleted_are_left_as_they_are(site_before_0004,
                                                                  office_admin):
    term_variant_add(canonical="长护险", variant="长照险", actor=office_admin)
    edited = _variants("长护险")
    term_group_delete(group=TermGroup.objects.get(canonical="辞退"), actor=office_admin)
    MIGRATION.load(django_apps, None)
    assert _variants("长护险") == edited and "护理保险" not in edited
    assert not TermGroup.objects.filter(canonical="辞退").exists()


def test_it_can_be_undone_without_touching_edited_groups(site_before_0004, office_admin):
    MIGRATION.load(django_apps, None)
    term_variant_add(canonical="志愿者", variant="青年志愿者", actor=office_admin)
    MIGRATION.unload(django_apps, None)
    after = {g.canonical: g.variants for g in TermGroup.objects.all()}
    assert after.pop("志愿者")[-1] == "青年志愿者"  # the office's work stays
    assert after == site_before_0004


@pytest.mark.parametrize("typed, meant", [
    ("义工", "志愿者"), ("瘫在床上", "失能"), ("被驳回", "审核不通过"),
    ("没有案底", "无犯罪记录证明"), ("一趟办完", "联办"), ("摔了一跤", "意外伤害"),
])
def test_a_situation_expands_to_the_service(site_before_0004, typed, meant):
    assert meant not in dict(expand_tokens([typed]))
    MIGRATION.load(django_apps, None)
    assert dict(expand_tokens([typed]))[meant] >= 0.7


def test_a_situation_told_in_everyday_words_finds_its_entry(site_before_0004):
    from gongkai.qa.retrieval.search import search
    from gongkai.qa.tests.factories_qa import published_entry

    volunteer = published_entry(question="志愿者怎么注册？", answer="在志愿服务平台注册。")
    published_entry(question="高考怎么报名？", answer="按招生考试院通知网上报名。")
    published_entry(question="自学考试怎么报名？", answer="网上报名。")
    _query, hits = search("请问要怎么报名当义工？")
    assert not hits or hits[0].id != volunteer.pk
    MIGRATION.load(django_apps, None)
    _query, hits = search("请问要怎么报名当义工？")
    assert hits and hits[0].id == volunteer.pk
