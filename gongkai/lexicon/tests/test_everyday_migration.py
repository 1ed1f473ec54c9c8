"""Migration 0003 (the everyday words of ``everyday.txt``): what it adds, what it leaves
alone, that it can be undone, and that the words it brings find answers."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import everyday_groups, load_everyday
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.lexicon.services import term_group_delete, term_variant_add
from gongkai.policies.search.lexicon_seed import load_search_lexicon

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.lexicon.migrations.0003_everyday")


@pytest.fixture
def site_before_0003():
    """The lexicon as a site has it before 0003: the seed (conftest) and the policy
    search's groups (policies 0005/0006)."""
    load_search_lexicon(TermGroup, LexiconVersion)
    return set(TermGroup.objects.values_list("canonical", flat=True))


def _variants(canonical: str) -> list[str]:
    return TermGroup.objects.get(canonical=canonical).variants


def test_it_adds_each_new_group_once_and_extends_the_earlier_ones(site_before_0003):
    MIGRATION.load(django_apps, None)
    new = {canonical for _k, canonical, _v in everyday_groups()} - site_before_0003
    assert len(new) >= 250
    assert TermGroup.objects.count() == len(site_before_0003) + len(new)
    assert {"啷个", "咋个"} <= set(_variants("怎么"))  # extends seed's group
    assert "煤气罐" in _variants("燃气")  # extends the policy search's group
    assert TermGroup.objects.get(canonical="无犯罪记录证明").kind == "colloquial"
    MIGRATION.load(django_apps, None)  # run twice (a fresh install: nothing doubled)
    assert TermGroup.objects.count() == len(site_before_0003) + len(new)
    assert _variants("怎么").count("啷个") == 1


def test_groups_the_office_edited_or_deleted_are_left_as_they_are(site_before_0003,
                                                                  office_admin):
    term_variant_add(canonical="怎么", variant="咋弄嘞", actor=office_admin)
    edited = _variants("怎么")
    term_group_delete(group=TermGroup.objects.get(canonical="孩子"), actor=office_admin)
    MIGRATION.load(django_apps, None)
    assert _variants("怎么") == edited and "啷个" not in edited
    assert not TermGroup.objects.filter(canonical="孩子").exists()


def test_it_can_be_undone_without_touching_edited_groups(site_before_0003, office_admin):
    before = {g.canonical: g.variants for g in TermGroup.objects.all()}
    MIGRATION.load(django_apps, None)
    term_variant_add(canonical="无犯罪记录证明", variant="无罪证明", actor=office_admin)
    MIGRATION.unload(django_apps, None)
    after = {g.canonical: g.variants for g in TermGroup.objects.all()}
    assert after.pop("无犯罪记录证明")[-1] == "无罪证明"  # the office's work stays
    assert after == before


@pytest.mark.parametrize("typed, meant", [
    ("暂住证", "居住证"), ("良民证", "无犯罪记录证明"), ("揾工", "求职"),
    ("准生证", "生育登记"), ("五保户", "特困人员"), ("啷个", "怎么"),
    ("取公积金", "住房公积金提取"), ("户口本", "户口簿"),
])
def test_everyday_words_expand_to_the_official_term(site_before_0003, typed, meant):
    assert meant not in dict(expand_tokens([typed]))
    load_everyday(TermGroup, LexiconVersion)
    assert dict(expand_tokens([typed]))[meant] >= 0.7


def test_a_colloquial_question_now_finds_its_entry(site_before_0003):
    from gongkai.qa.services.answering import answer_question
    from gongkai.qa.tests.factories_qa import published_entry

    entries = {
        "birth": published_entry(question="生育登记怎么办理？",
                                 answer="夫妻双方可在网上或街道办理生育登记。"),
        "permit": published_entry(question="居住证怎么申领？",
                                  answer="在居住地登记居住满半年可申领居住证。"),
        "crime": published_entry(question="无犯罪记录证明怎么开具？",
                                 answer="本人持身份证到户籍地派出所申请。"),
        "dog": published_entry(question="养犬登记需要什么材料？",
                               answer="携带犬只免疫证明到登记点办理养犬登记。"),
    }
    questions = {"birth": "准生证咋弄", "permit": "暂住证要咋个搞"}
    for text in questions.values():  # before the everyday words: no answer
        assert not answer_question(text=text, record=False).answered, text
    load_everyday(TermGroup, LexiconVersion)
    for key, text in questions.items():
        answer = answer_question(text=text, record=False)
        assert answer.answered and answer.best.id == entries[key].pk, text
