"""Eighth round: a word is generic for a reason — it names a document's genre (计划,
指导意见: ``words.GENRE_WORDS``, taken whole when the cut splits it), frames a title,
or is in most of the library — and a query of such words alone finds nothing, with one
message; one real word among them still finds its documents; the message names only
the words the library lacks; the sixth lexicon section (migration 0010)."""
import importlib

import pytest

from django.apps import apps as django_apps
from django.urls import reverse

from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.lexicon_seed import SIXTH_SECTION, search_groups
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0010_search_lexicon_sixth")


def test_migration_0010_joins_the_abbreviation_to_the_documents_term_once():
    # A site before 0010: the seed lexicon reads 保障房 as the field's name only.
    TermGroup.objects.create(canonical="住房保障", kind="colloquial",
                             variants=["保障房", "保障性住房"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 7})
    plan = make_document(title="黄埔区2025年保障性住房建设计划",
                         body_html="<p>计划筹集保障性租赁住房三千套。</p>")
    # 保障 + 房 are held (一间房): 保障房 is read as typed, not as the titles' coinage.
    rules = make_document(title="黄埔区住房保障管理办法",
                          body_html="<p>住房保障对象每人一间房，按照建设进度分配。</p>")
    assert ids(search_documents(query="保障房 建设"))[:1] == [rules.pk]
    MIGRATION.load(django_apps, None)
    assert dict(expand_tokens(["保障房"]))["保障性住房"] == 1.0  # an abbreviation
    assert ids(search_documents(query="保障房 建设"))[:1] == [plan.pk]  # live at once
    count = TermGroup.objects.count()
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count


def test_sixth_section_lines_hold_no_generic_word():
    # (That its lines keep the kind of an earlier group is checked with every line from
    # the third section on: test_search_lexicon_data.)
    sixth = search_groups(after=SIXTH_SECTION)
    assert sixth  # guards the test itself: the section is found and read
    # No variant is a generic word: a query of generic words would find a subject.
    assert not {v for _kind, _canonical, variants in sixth for v in variants} & words.GENERIC_WORDS


@pytest.fixture
def plans():
    """Titles holding the genre words (计划, 指导意见, 试行) with their subjects."""
    return {
        "housing": make_document(title="黄埔区2025年保障性住房建设计划",
                                 body_html="<p>年度计划筹集保障性租赁住房三千套。</p>"),
        "fitness": make_document(title="黄埔区全民健身实施计划",
                                 body_html="<p>年度工作：新建社区健身设施五十处。</p>"),
        "guidance": make_document(title="黄埔区关于加强就业指导的指导意见（试行）",
                                  body_html="<p>就业指导服务进社区，本意见试行二年。</p>"),
    }


@pytest.mark.parametrize("query", [
    "年度工作计划", "计划 年度 工作", "工作计划年度", "指导意见 试行", "试行 指导意见",
    "指导意见试行", "指导 意见 试行", "工作 计划"])
def test_a_query_of_genre_words_alone_finds_nothing_and_says_so_once(client, plans, query):
    # Before: 计划 (a plan's genre) and 指导 of 指导意见 (cut 指导 + 意见) were
    # searched by — the plans, the guidance.
    result = search_documents(query=query)
    assert (ids(result), result.notice, result.missing) == ([], "generic", [])
    page = client.get(reverse("policies:search"), {"q": query}).content.decode()
    assert page.count('id="search-notice"') == 1 and "检索词过于宽泛" in page
    assert "没有找到符合条件的文件" not in page and "以下为包含部分检索词的结果" not in page
    data = client.get(reverse("policies:api_search"), {"q": query}).json()
    assert (data["total"], data["notice"], data["missing"]) == (0, "generic", [])


@pytest.mark.parametrize(("query", "wanted"), [
    ("全民健身计划", "fitness"), ("全民健身 实施计划", "fitness"),
    ("保障性住房 年度建设计划", "housing"), ("黄埔区2025年保障性住房建设计划", "housing"),
    ("就业指导意见", "guidance"), ("就业 指导意见 试行", "guidance"),
    ("黄埔区关于加强就业指导的指导意见（试行）", "guidance")])
def test_one_real_word_among_genre_words_still_finds_its_document(plans, query, wanted):
    assert ids(search_documents(query=query))[:1] == [plans[wanted].pk]


def test_a_genre_the_cut_splits_is_one_generic_word_and_its_parts_stay_words(plans):
    plan = q.analyse("指导意见")
    assert [(g.typed, g.generic) for g in plan.groups] == [("指导意见", True)]
    # 指导 alone names a subject (就业指导), and is searched by.
    assert ids(search_documents(query="就业 指导")) == [plans["guidance"].pk]


@pytest.fixture
def pieces():
    """饲养 in the dog rules only, 许可证 in the discharge permits only; 要 and 办 —
    characters of a sentence — in their text."""
    return {
        "dogs": make_document(title="黄埔区犬只管理规定",
                              body_html="<p>饲养犬只要办理登记，定期为犬只接种疫苗。</p>"),
        "permits": make_document(title="黄埔区排污许可管理实施细则",
                                 body_html="<p>排污单位要依法取得排污许可证。</p>"),
    }


def _said(client, query: str) -> tuple[str, list[str]]:
    """The page's one notice, and the API's missing words."""
    page = client.get(reverse("policies:search"), {"q": query}).content.decode()
    assert page.count('id="search-notice"') == 1
    notice = page.split('id="search-notice">', 1)[1].split("</", 1)[0]
    return notice, client.get(reverse("policies:api_search"), {"q": query}).json()["missing"]


def test_the_message_names_the_subject_the_library_lacks_not_the_words_it_holds(client, pieces):
    notice, missing = _said(client, "恐龙饲养许可证")
    assert "文件库中没有涉及“恐龙”的文件" in notice and missing == ["恐龙"]


@pytest.mark.parametrize("query", ["养恐龙要办许可证吗", "我想养恐龙 要办许可证吗"])
def test_the_characters_of_a_sentence_are_not_named_missing(client, pieces, query):
    # Before: 要 (and 我, 想) were named "not in the library" — 要 is in both texts.
    result = search_documents(query=query)
    assert result.missing == ["恐龙"]
    notice, missing = _said(client, query)
    assert missing == ["恐龙"]
    for word in ("要", "我", "想"):
        assert word not in notice.split("恐龙")[0] and f"、{word}" not in notice, notice


def test_every_thing_the_library_lacks_is_named(client):
    make_document(title="黄埔区垃圾分类管理规定", body_html="<p>生活垃圾分类投放。</p>")
    notice, missing = _said(client, "恐龙乐园门票")
    assert "文件库中没有涉及“恐龙、乐园、门票”的文件" in notice
    assert missing == ["恐龙", "乐园", "门票"]
    # (饲养, a verb, names an act, not what the documents would be about; 许可证, what
    # is asked of the subject, is named only when nothing else is: round 12.)
    notice, missing = _said(client, "恐龙饲养许可证")
    assert "文件库中没有涉及“恐龙”的文件" in notice and missing == ["恐龙"]


@pytest.fixture
def years():
    """A subject's document without a year in its title, two documents of other
    subjects whose titles hold the year, and others holding the subject's words (as in
    a district's library, where 住房, 租赁 and 补贴 are far more common than a year)."""
    for title in ["黄埔区公共租赁住房保障管理办法", "黄埔区人才住房补贴办法",
                  "黄埔区就业创业补贴实施细则", "黄埔区住房租赁市场管理办法",
                  "黄埔区高校毕业生租房补贴办法", "黄埔区住房公积金提取指引"]:
        make_document(title=title, body_html=f"<p>{title}。住房租赁补贴另行规定。</p>")
    return {
        "subsidy": make_document(title="黄埔区发放住房租赁补贴实施办法",
                                 body_html="<p>住房租赁补贴按月发放，申请人向街道提出。</p>"),
        "points": make_document(title="黄埔区2026年政务公开工作要点",
                                body_html="<p>2026年政务公开重点任务。</p>"),
        "projects": make_document(title="关于黄埔区2026年重点建设项目计划的公示",
                                  body_html="<p>2026年重点建设项目名单。</p>"),
    }


@pytest.mark.parametrize("query", ["住房租赁补贴 2026年", "2026年 住房租赁补贴",
                                   "住房租赁补贴2026年度", "住房租赁补贴 申请 2026"])
def test_a_year_beside_the_subject_does_not_rank_that_years_other_documents_first(
        years, query):
    # Before: 2026 was searched like a subject word — no document holds both, and the
    # rarer year put the year's work points and project list above documents of the
    # subject (in the bench's library, above the subsidy itself).
    found = ids(search_documents(query=query))
    assert found[:1] == [years["subsidy"].pk]
    others = [found.index(years[k].pk) for k in ("points", "projects") if years[k].pk in found]
    assert all(at >= 7 for at in others)  # after the seven documents of the subject


def test_of_the_subjects_documents_the_one_of_the_year_typed_comes_first(years):
    older = make_document(title="黄埔区2025年重点建设项目计划",
                          body_html="<p>2025年重点建设项目名单。</p>")
    found = ids(search_documents(query="重点建设项目 2026年"))
    assert found[:2] == [years["projects"].pk, older.pk]


def test_a_year_is_generic_by_its_class_and_its_nian_goes_with_it():
    assert words.is_generic_class("2026") and words.is_generic_class("1998")
    assert not words.is_generic_class("12345")  # a hotline is a subject
    assert not words.is_generic_class("3000")
    plan = q.analyse("住房租赁补贴 2026年")
    assert "年" not in plan.typed and "2026" not in [g.typed for g in plan.content]
