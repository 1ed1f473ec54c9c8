"""A group's scope: the Q&A and the policy search each read the groups of their own
scope and those of both; a change of scope is seen by every process's next query
(the stamp) and rebuilds no index; the services check and record it."""
import pytest

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.lexicon import selectors
from gongkai.lexicon.models import Reader, TermGroup, TermKind, TermScope
from gongkai.lexicon.selectors import cached_lexicon, current_lexicon, groups_applied
from gongkai.lexicon.services import (
    GroupData,
    group_data_clean,
    term_group_create,
    term_group_update,
    term_variant_add,
)

pytestmark = pytest.mark.django_db


def _group(canonical, variants, scope, kind=TermKind.COLLOQUIAL):
    """A group of ``scope`` (the seed's group of ``canonical`` given ``variants`` too)."""
    group = TermGroup.objects.filter(canonical=canonical).first()
    if group is None:
        return term_group_create(data=GroupData(canonical=canonical, variants=list(variants),
                                                kind=kind, scope=scope), actor=None)
    return term_group_update(group=group, data=GroupData(
        canonical=canonical, variants=[*group.variants, *variants], kind=group.kind,
        scope=scope), actor=None)


def _rescope(group, scope):
    return term_group_update(group=group, data=GroupData(
        canonical=group.canonical, variants=group.variants, kind=group.kind, scope=scope),
        actor=None)


@pytest.fixture
def scoped():
    return (_group("甲规范", ["甲说法"], TermScope.SEARCH),
            _group("乙规范", ["乙说法"], TermScope.QA),
            _group("丙规范", ["丙说法"], TermScope.BOTH))


def _reads(reader) -> set[str]:
    lexicon = current_lexicon(reader=reader)
    return {t for t in ("甲说法", "乙说法", "丙说法") if lexicon.expand(t)}


def test_each_reader_reads_its_own_scope_and_both(scoped):
    assert _reads(Reader.SEARCH) == {"甲说法", "丙说法"}
    assert _reads(Reader.QA) == {"乙说法", "丙说法"}
    assert _reads(None) == {"甲说法", "乙说法", "丙说法"}  # the lexicon's own pages


def test_an_unknown_reader_is_refused(scoped):
    with pytest.raises(ValueError):
        current_lexicon(reader="portal")


def test_a_change_of_scope_is_seen_by_each_readers_next_query_though_nobody_told_it(scoped):
    """Another process (or the admin site) changes the scope: this process's snapshots
    are as they were until each reader reads the stamp, then both are rebuilt."""
    search, qa = cached_lexicon(Reader.SEARCH), cached_lexicon(Reader.QA)
    group = TermGroup.objects.get(canonical="甲规范")
    group.scope = TermScope.QA
    group.save()  # as another process would: the receiver gives a new stamp
    assert cached_lexicon(Reader.SEARCH) is search and cached_lexicon(Reader.QA) is qa
    assert _reads(Reader.SEARCH) == {"丙说法"}
    assert _reads(Reader.QA) == {"甲说法", "乙说法", "丙说法"}
    assert cached_lexicon(Reader.SEARCH) is not search
    selectors._cache.clear()  # a process that just started reads the same
    assert _reads(Reader.SEARCH) == {"丙说法"}


def test_each_reader_keeps_a_snapshot_of_its_own_at_the_same_stamp(scoped):
    search, qa = current_lexicon(reader=Reader.SEARCH), current_lexicon(reader=Reader.QA)
    assert search is not qa and search.stamp == qa.stamp
    assert current_lexicon(reader=Reader.SEARCH) is search  # kept, not rebuilt


def test_a_question_reads_a_qa_group_and_not_a_search_one():
    from gongkai.qa.retrieval.search import search
    from gongkai.qa.tests.factories_qa import everyday_entries

    entries = everyday_entries()
    group = _group("生育津贴", ["月子钱"], TermScope.SEARCH)
    query, hits = search("月子钱找谁领")
    assert ("月子钱", "生育津贴") not in {(e.typed, e.term) for e in query.expansions}
    before = hits[0].confidence if hits else 0
    _rescope(group, TermScope.QA)
    query, hits = search("月子钱找谁领")
    assert ("月子钱", "生育津贴") in {(e.typed, e.term) for e in query.expansions}
    assert hits[0].id == entries[0].pk and hits[0].confidence > before


def test_a_search_reads_a_search_group_and_not_a_qa_one():
    from gongkai.policies.search import search_documents
    from gongkai.policies.tests.factories_policies import make_document

    wanted = make_document(title="黄埔区公共租赁住房保障管理办法",
                           body_html="<p>符合条件的家庭可申请公共租赁住房。</p>")
    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    group = _group("公共租赁住房", ["阿巴阿巴"], TermScope.QA)
    assert search_documents(query="阿巴阿巴").total == 0
    group.scope = TermScope.SEARCH
    group.save()
    result = search_documents(query="阿巴阿巴")
    assert [h.document.pk for h in result.hits] == [wanted.pk]


def test_a_change_of_scope_rebuilds_no_index(monkeypatch):
    """The Q&A index and the search index hold the entries' and documents' own words:
    a scope is applied when a query is read, so changing one writes no index row."""
    from gongkai.qa.models import QaTerm
    from gongkai.qa.tests.factories_qa import everyday_entries

    everyday_entries()
    terms = sorted(QaTerm.objects.values_list("key", "df"))
    group = _group("生育津贴", ["月子钱"], TermScope.BOTH)
    monkeypatch.setattr("gongkai.qa.services.answering.index_rebuild_all",
                        lambda *a, **k: pytest.fail("the index was rebuilt"))
    _rescope(group, TermScope.SEARCH)
    assert sorted(QaTerm.objects.values_list("key", "df")) == terms


def test_a_bad_scope_is_refused_in_chinese():
    data = GroupData(canonical="工资", variants=["薪水"], scope="nowhere")
    assert any("适用范围“nowhere”不在可选范围内" in e and "仅政策检索" in e
               for e in group_data_clean(data))
    with pytest.raises(ApplicationError, match="适用范围"):
        term_group_create(data=GroupData(canonical="某某", variants=["某"], scope="x"),
                          actor=None)
    assert not TermGroup.objects.filter(canonical="某某").exists()


def test_the_database_refuses_a_scope_outside_the_choices():
    from django.db import IntegrityError, transaction

    group = _group("某规范", ["某说法"], TermScope.BOTH)
    with pytest.raises(IntegrityError), transaction.atomic():
        TermGroup.objects.filter(pk=group.pk).update(scope="everywhere")


def test_changes_of_scope_are_audited(office_admin):
    group = _group("某规范", ["某说法"], TermScope.BOTH)
    term_group_update(group=group, data=GroupData(
        canonical="某规范", variants=["某说法"], kind=TermKind.COLLOQUIAL, scope=TermScope.QA),
        actor=office_admin)
    event = AuditEvent.objects.filter(action="lexicon.group.updated").latest("pk")
    assert event.details["scope"] == "qa" and event.details["from"]["scope"] == "both"


def test_a_variant_added_in_one_step_makes_a_group_of_the_scope_asked_for():
    group = term_variant_add(canonical="新规范", variant="新说法", scope=TermScope.QA,
                             actor=None)
    assert group.scope == TermScope.QA
    assert term_variant_add(canonical="新规范", variant="又一说法", actor=None).scope == "qa"


def test_a_variant_joins_a_wider_group_and_takes_its_scope():
    _group("工钱规范", ["工钱"], TermScope.BOTH)
    group = term_variant_add(canonical="工钱规范", variant="辛苦钱", scope=TermScope.QA,
                             actor=None)
    assert group.scope == TermScope.BOTH and "辛苦钱" in group.variants


def test_a_variant_for_a_reader_the_group_does_not_serve_is_refused():
    """Added to a search-only group, a word asked for the Q&A would never reach it."""
    _group("检索规范", ["检索说法"], TermScope.SEARCH)
    with pytest.raises(ApplicationError, match="仅政策检索"):
        term_variant_add(canonical="检索规范", variant="问答说法", scope=TermScope.QA,
                         actor=None)
    with pytest.raises(ApplicationError, match="适用范围"):
        term_variant_add(canonical="检索规范", variant="问答说法", scope="bad", actor=None)
    assert TermGroup.objects.get(canonical="检索规范").variants == ["检索说法"]


def test_the_groups_a_text_names_say_which_reader_applies_them(scoped):
    applied = {a.canonical: (a.qa, a.search, a.scope_label) for a in
               groups_applied("甲说法和乙說法，还有丙说法")}
    assert applied == {"甲规范": (False, True, "仅政策检索"),
                       "乙规范": (True, False, "仅政策问答"),
                       "丙规范": (True, True, "问答和检索")}
    assert groups_applied("") == [] and groups_applied("今天天气") == []
