"""Round 12b: the tenth lexicon section (migration 0014) — the everyday names and
situations residents use for each subject, joined one way to the documents' terms
(便宜房子 → 保障房, 贫困生补助 → 家庭经济困难学生, 政府开支 → 预算公开, 部门互通 →
数据共享), none a word another term leads to; and a spoken sentence's time frame
(一年 of 一年花了多少钱), which says when, not what."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data import seed
from gongkai.lexicon.models import TermGroup
from gongkai.lexicon.selectors import Lexicon
from gongkai.policies.search import query as q
from gongkai.policies.search import ranking, search_documents, words
from gongkai.policies.search.lexicon_seed import TENTH_SECTION, search_groups
from gongkai.policies.tests.factories_policies import ids, make_document, readings

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0014_search_lexicon_tenth")
EARLIER_SEEDS = (seed.seed_groups, seed.everyday_groups, seed.situations_groups,
                 seed.daily_groups, seed.dialects_groups, seed.usage_groups,
                 seed.told_groups, seed.spoken_groups, seed.areas_groups)


@pytest.fixture
def library():
    return {
        "homes": make_document(title="黄埔区2025年保障性住房建设计划",
                               body_html="<p>计划筹集保障性住房三千套。</p>"),
        "aid": make_document(title="黄埔区家庭经济困难学生资助办法",
                             body_html="<p>家庭经济困难学生资助覆盖学前教育至高中阶段。</p>"),
        "budget": make_document(title="黄埔区预算公开工作规程",
                                body_html="<p>政府部门的预算和决算应当向社会公开。</p>"),
        "data": make_document(title="黄埔区政务数据共享管理办法",
                              body_html="<p>各部门之间的政务数据共享。</p>"),
        "wages": make_document(title="黄埔区根治拖欠农民工工资工作方案",
                               body_html="<p>根治拖欠农民工工资。</p>"),
        "grade_one": make_document(title="关于2025年小学一年级新生入学报名的通告",
                                   body_html="<p>适龄儿童满六周岁，报名时间一年一次。</p>"),
    }


@pytest.mark.parametrize(("query", "term", "wanted"), [
    ("贫困生补助", "家庭经济困难学生", "aid"),
    ("政府开支", "预算公开", "budget"), ("部门互通", "数据共享", "data"),
    ("老板不给钱", "拖欠农民工工资", "wages")])
def test_migration_0014_reads_the_everyday_name_as_the_documents_term(library, query, term,
                                                                     wanted):
    assert term not in readings(query)
    MIGRATION.load(django_apps, None)
    assert term in readings(query)
    assert ids(search_documents(query=query))[:1] == [library[wanted].pk]


def test_a_name_joined_to_a_two_way_groups_variant_reaches_its_term(library):
    # 保障性住房 is in a two-way group (保障房 its abbreviation): the line joins 便宜房子
    # to 保障房, one way, and the group's link takes it on to the documents' term.
    from gongkai.lexicon.models import LexiconVersion
    from gongkai.policies.search.lexicon_seed import load_search_lexicon

    load_search_lexicon(TermGroup, LexiconVersion)
    assert "保障性住房" in readings("便宜房子")
    assert ids(search_documents(query="今年政府要盖多少便宜房子"))[:1] == [library["homes"].pk]
    # … and the official term does not reach the everyday name.
    assert "便宜房子" not in readings("保障性住房")


def test_migration_0014_loads_once_and_generic_queries_still_find_nothing(library):
    MIGRATION.load(django_apps, None)
    count = TermGroup.objects.count()
    assert count
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count
    for query in ("办理", "通知 工作", "管理办法", "多少钱", "在哪看"):
        assert ids(search_documents(query=query)) == [], query


def _tenth():
    tenth = search_groups(after=TENTH_SECTION)
    assert len(tenth) > 100  # guards the test itself: the section is found and read
    return tenth


def test_tenth_section_lines_are_colloquial_with_siblings_and_no_generic_word():
    tenth = _tenth()
    earlier = [*(g for read in EARLIER_SEEDS for g in read()), *search_groups()[:-len(tenth)]]
    two_way = {canonical for kind, canonical, _v in earlier if kind != "colloquial"}
    for kind, canonical, variants in tenth:
        # One way to the documents' term, never merged into a two-way group (a line
        # naming one would widen a search for the official term to the slang).
        assert kind == "colloquial" and canonical not in two_way, canonical
        assert len(variants) >= 2, canonical
        assert not {canonical, *variants} & words.GENERIC_WORDS, canonical


def test_no_other_term_leads_to_a_tenth_section_name():
    # The cost of a line is nil only if no official term reaches its everyday name: the
    # lexicon expands a term's variants' groups too (旧改 in 城中村改造's group had made
    # 城中村改造 reach 城市更新, round 12). Every term of every file, the tenth's own
    # lines included: none but the name itself leads to it.
    tenth = _tenth()
    groups = [*(g for read in EARLIER_SEEDS for g in read()), *search_groups()]
    lexicon = Lexicon([(canonical, variants, kind) for kind, canonical, variants in groups])
    names = {v for _kind, _canonical, variants in tenth for v in variants}
    for term in lexicon.terms():
        reached = {t for t, _weight in lexicon.expand(term)} & names
        assert not reached, (term, reached)


def test_a_time_frame_weighs_less_and_names_no_title(library):
    MIGRATION.load(django_apps, None)
    plan = q.analyse("政府部门一年花了多少钱在哪看")
    frames = [g for g in plan.content if g.typed == "一年"]
    assert frames and plan.frames == {"一年"}
    at = plan.content.index(frames[0])
    full = ranking.distinctive_weight(frames[0].documents, words.document_total())
    assert plan.match_weights()[at] == pytest.approx(full * ranking.TIME_FRAME_WEIGHT)
    assert frames[0] not in plan.title_groups()


@pytest.mark.parametrize("query", ["每月补房租", "一年级 报名", "今年", "2025年 计划"])
def test_a_frequency_a_grade_or_a_time_alone_is_no_time_frame(query):
    # 每月 may say the subject (a monthly allowance); 一年级 is a grade; a time typed
    # alone is all the query says.
    assert q.analyse(query).frames == frozenset()


def test_the_budget_is_found_first_though_a_title_says_one_year(library):
    # A guard (it passes without the time-frame rule too, in a library this small): as
    # in a district's library, many documents say their money comes from a budget (预算,
    # what the everyday 花了多少钱 is read as, 公开 being generic), and the sentence's
    # other rare word is its time frame, which the first-grade notice holds.
    for n in range(6):
        make_document(title=f"黄埔区第{n}项工作方案", body_html="<p>所需经费列入部门预算。</p>")
    MIGRATION.load(django_apps, None)
    found = ids(search_documents(query="政府部门一年花了多少钱在哪看"))
    assert found[:1] == [library["budget"].pk]



def test_tenth_section_names_are_new_to_every_file_of_the_lexicon():
    # A name another file already holds (家里穷 → 困难群众 in the Q&A's everyday words)
    # would mean two things at once: the Q&A and the search read it alike.
    tenth = _tenth()
    others = [*(g for read in EARLIER_SEEDS for g in read()), *search_groups()[:-len(tenth)]]
    held = {c for _k, c, _v in others} | {v for _k, _c, variants in others for v in variants}
    for _kind, canonical, variants in tenth:
        assert not set(variants) & held, (canonical, set(variants) & held)
