"""Seventh round: a short query that names, first, a subject the library lacks, and
whose other words are each a piece of another document, finds nothing (``engine.
_pieces_of_others``); a dictionary word is no pinyin slip for a word it shares only a
rare reading with (``typos._sounds_as``); a judgement (太晚) names no subject; the words
of looking a document up (查询) are generic; the fifth lexicon section (migration 0009)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents, typos, words
from gongkai.policies.search.lexicon_seed import (
    FIFTH_SECTION,
    THIRD_SECTION,
    load_search_lexicon,
    search_groups,
)
from gongkai.policies.tests.factories_policies import ids, make_document

MIGRATION = importlib.import_module("gongkai.policies.migrations.0009_search_lexicon_fifth")


@pytest.fixture
def pieces():
    """饲养 in the dog rules only, 许可证 in the discharge permits only."""
    dogs = make_document(title="黄埔区犬只管理规定",
                         body_html="<p>饲养犬只应当办理登记，定期为犬只接种疫苗。</p>")
    permits = make_document(title="黄埔区排污许可管理实施细则",
                            body_html="<p>排污单位应当依法取得排污许可证。</p>")
    make_document(title="黄埔区义务教育阶段学校招生入学实施办法",
                  body_html="<p>学校招生入学按照划片就近的原则，无法入学的另行安排。</p>")
    words.forget()
    yield {"dogs": dogs, "permits": permits}
    words.forget()


@pytest.mark.django_db
def test_a_lacking_subject_before_pieces_of_other_documents_finds_nothing(pieces):
    # Before: both documents, "partial" (恐龙 not found) — one for 饲养, one for 许可证.
    result = search_documents(query="恐龙饲养许可证")
    assert (ids(result), result.notice, result.missing) == ([], "none", ["恐龙"])


@pytest.mark.django_db
def test_held_words_one_document_holds_together_are_still_shown(pieces):
    both = make_document(title="黄埔区犬只饲养许可证办理规定",
                         body_html="<p>饲养犬只须领取饲养许可证。</p>")
    words.forget()
    result = search_documents(query="恐龙饲养许可证")
    assert ids(result)[:1] == [both.pk]
    assert (result.notice, result.missing) == ("partial", ["恐龙"])


@pytest.mark.django_db
def test_a_string_the_dictionary_lacks_may_be_a_slip_and_is_not_read_as_the_subject(pieces):
    # 萌宠 is no word of the dictionary (a coined name, or a slip): the pieces are shown.
    result = search_documents(query="萌宠饲养许可证")
    assert set(ids(result)) == {pieces["dogs"].pk, pieces["permits"].pk}
    assert result.notice == "partial"


@pytest.mark.django_db
def test_a_long_question_is_not_read_as_one_phrase(pieces):
    # Four words searched by: the first words of a question often tell the situation.
    result = search_documents(query="恐龙饲养许可证 犬只 排污")
    assert result.hits and result.notice == "partial"


def test_a_dictionary_word_is_no_slip_for_a_word_sharing_only_a_rare_reading():
    # 无 is also read mó (南无), 魔 only so: 魔法 (mó fǎ) typed is no slip for 无法
    # (wú fǎ) — a pinyin input method offers 无法 under wufa.
    def is_word(candidate):
        return candidate in {"无法", "公租房"}

    assert ("无法" in [w for _s, _e, w in typos.corrections("魔法", is_word)])  # any reading
    assert "无法" not in [w for _s, _e, w in typos.corrections("魔法", is_word, strict=True)]
    # A true homophone in the word still is one.
    assert (0, 3, "公租房") in typos.corrections("公组房", is_word, strict=True)


@pytest.mark.django_db
def test_a_fantasy_word_is_not_read_as_a_common_homophone(pieces):
    # Before: 魔法 was read as 无法 (in the admissions measures) and counted as held.
    plan = q.analyse("魔法学校入学")
    magic = next(g for g in plan.groups if g.typed == "魔法")
    assert (magic.known, magic.corrected) == (False, "")
    assert search_documents(query="魔法学校入学").missing == ["魔法"]


def test_a_judgement_names_no_subject():
    for word in ("太晚", "太旧", "太紧张", "挺远"):
        assert not words.names_a_thing(word), word
    for word in ("恐龙", "太空", "外星人", "特长"):
        assert words.names_a_thing(word), word


@pytest.mark.django_db
def test_the_words_of_looking_a_document_up_are_generic():
    make_document(title="黄埔区技能人才评价工作实施方案",
                  body_html="<p>评价结果可在网上查询。</p>")
    words.forget()
    result = search_documents(query="政策文件 查询")
    assert (ids(result), result.notice) == ([], "generic")


@pytest.mark.django_db
def test_a_document_s_standing_form_or_period_names_no_subject():
    """暂行 and 试行 say how a document stands, 要点 what form it takes,
    年度 the period it covers: a query made of them and other generic words asks for
    no subject, though a title holds them all (管理暂行办法)."""
    make_document(title="黄埔区学生校外托管机构管理暂行办法",
                  body_html="<p>本办法试行二年。年度检查要点见附件。</p>")
    words.forget()
    for query in ("暂行管理办法", "试行 办法", "年度 工作要点"):
        result = search_documents(query=query)
        assert (ids(result), result.notice) == ([], "generic"), query
    # A subject said with them is searched by as before.
    assert ids(search_documents(query="校外托管 暂行办法"))


def test_fifth_section_lines_keep_the_kind_of_an_earlier_group():
    fifth = search_groups(after=FIFTH_SECTION)
    assert len(fifth) >= 15  # guards the test itself: the section is found and read
    from gongkai.lexicon.data.seed import everyday_groups, seed_groups

    fifth_lines = {(kind, canonical) for kind, canonical, _variants in fifth}
    earlier: dict[str, str] = {}
    for kind, canonical, _variants in [*seed_groups(), *search_groups(), *everyday_groups()]:
        if (kind, canonical) not in fifth_lines:
            earlier.setdefault(canonical, kind)
    for kind, canonical, _variants in fifth:
        if canonical in earlier:
            assert kind == earlier[canonical], canonical
    assert len(search_groups(after=THIRD_SECTION)) > len(fifth)


@pytest.mark.django_db
def test_migration_0009_joins_a_former_name_to_the_current_one_once():
    # A site before 0009: the everyday lexicon knows 低边户 as 低保边缘家庭 only.
    TermGroup.objects.create(canonical="低保边缘家庭", kind="colloquial", variants=["低边户"])
    TermGroup.objects.create(canonical="低收入家庭", kind="colloquial", variants=["收入低"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 7})
    assert "低收入家庭" not in dict(expand_tokens(["低边户"]))
    MIGRATION.load(django_apps, None)
    group = TermGroup.objects.get(canonical="低收入家庭")
    assert group.kind == "colloquial" and group.variants[0] == "收入低"  # kept, extended
    assert "低收入家庭" in dict(expand_tokens(["低边户"]))  # two links, live at once
    count = TermGroup.objects.count()
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count


@pytest.mark.django_db
def test_a_former_name_finds_the_measures_under_the_current_one():
    load_search_lexicon(TermGroup, LexiconVersion)
    TermGroup.objects.get_or_create(canonical="低保边缘家庭",
                                    defaults={"kind": "colloquial", "variants": ["低边户"]})
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 8})
    measures = make_document(title="黄埔区低收入家庭认定办法",
                             body_html="<p>低收入家庭的认定条件和程序。</p>")
    words.forget()
    assert ids(search_documents(query="低边户 认定"))[:1] == [measures.pk]
