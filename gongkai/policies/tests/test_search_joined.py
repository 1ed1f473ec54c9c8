"""Seventh round, readings: a word read otherwise joins the word before it into a lexicon
term (``reading._joined_term``); the documents holding every word only through a word's
looser inner reading do not hide the one it names (``engine._sparse_as_named``); 中标的
is 中标 + 的 (``query._particle_recut``); lexicon lines are stored lower-cased, as
matched (``lexicon_seed``)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.policies.models import DocumentKind
from gongkai.policies.search import query as q
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.lexicon_seed import search_groups
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0009_search_lexicon_fifth")


def _lexicon(stamp: int, **groups) -> None:
    for canonical, variants in groups.items():
        TermGroup.objects.create(canonical=canonical, kind="colloquial", variants=variants)
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": stamp})


@pytest.fixture
def legal():
    """The public legal services (not saying 免费), and three documents that say 免费 and
    法律 — the elderly's privileges and the like."""
    _lexicon(71, 公共法律服务=["法律咨询"])
    services = make_document(title="黄埔区公共法律服务体系建设方案",
                             body_html="<p>建设覆盖城乡的公共法律服务体系，律师进社区。</p>")
    others = [make_document(title=f"黄埔区{name}办法",
                            body_html=f"<p>{name}对象可免费享受服务，依照法律规定办理，"
                                      "可到窗口咨询。</p>")
              for name in ("老年人优待", "无偿献血奖励", "母婴保健服务")]
    words.forget()
    yield {"services": services, "others": others}
    words.forget()


def test_a_slip_read_otherwise_joins_the_word_before_into_a_lexicon_term(legal):
    # 资询 is read as 咨询 (generic: not searched by) — before, 法律 alone was left.
    plan = q.analyse("法律资询")
    assert [(g.typed, g.corrected) for g in plan.groups] == [("法律资询", "法律咨询")]
    assert ids(search_documents(query="法律资询"))[:1] == [legal["services"].pk]


def test_documents_holding_every_word_only_loosely_do_not_hide_the_one_named(legal):
    # 法律咨询 is the lexicon's 公共法律服务, and 法律 inside it is read for recall. The
    # three documents saying 免费 and 法律 held "every word"; the services (not saying
    # 免费) were not shown at all.
    result = search_documents(query="免费法律咨询")
    assert legal["services"].pk in ids(result)[:3]
    assert set(ids(result)) == {legal["services"].pk, *(d.pk for d in legal["others"])}


def test_as_many_documents_naming_every_word_keep_the_every_word_order(legal):
    named = [make_document(title=f"黄埔区公共法律服务{n}办法",
                           body_html="<p>公共法律服务免费提供。</p>") for n in "一二三"]
    words.forget()
    result = search_documents(query="免费法律咨询")
    assert set(ids(result)[:3]) == {d.pk for d in named}
    assert legal["services"].pk not in ids(result)  # does not say 免费


def test_the_particle_after_an_outcome_is_cut_off_it():
    plan = q.analyse("长者饭堂中标的公司")
    assert "中标" in plan.typed and "标的" not in plan.typed
    assert q._particle_recut(["有", "目的"]) == ["有", "目的"]  # 有目 is no word


def test_a_notice_of_who_won_the_tender_is_found_by_an_everyday_sentence():
    notice = make_document(title="关于长者饭堂运营项目中标结果的公告",
                           kind=DocumentKind.ANNOUNCEMENT,
                           body_html="<p>长者饭堂运营项目中标单位公告如下。</p>")
    make_document(title="黄埔区国有资产交易管理办法",
                  body_html="<p>交易标的应当权属清晰。</p>")
    words.forget()
    assert ids(search_documents(query="长者饭堂中标的公司"))[:1] == [notice.pk]


def test_lexicon_lines_are_read_as_the_lexicon_matches_them():
    lines: dict[str, list] = {}
    for _kind, canonical, variants in search_groups():
        lines.setdefault(canonical, []).extend(variants)
    assert "hpv疫苗" in lines["人乳头瘤病毒疫苗"]
    assert all(v == v.lower() for variants in lines.values() for v in variants)


def test_migration_0009_stores_capitals_lower_cased_so_a_query_finds_them():
    _lexicon(72, 人乳头瘤病毒疫苗=["HPV疫苗", "九价"])
    # As sites stored it, a query (read lower-cased) never reached the group.
    assert "人乳头瘤病毒疫苗" not in dict(expand_tokens(["hpv疫苗"]))
    MIGRATION.load(django_apps, None)
    variants = TermGroup.objects.get(canonical="人乳头瘤病毒疫苗").variants
    assert "hpv疫苗" in variants and "HPV疫苗" not in variants and "九价" in variants
    assert "人乳头瘤病毒疫苗" in dict(expand_tokens(["HPV疫苗"]))
