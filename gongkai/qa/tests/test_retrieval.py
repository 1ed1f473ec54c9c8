"""The index in the database: what it answers, and that it stays exact as entries
change one at a time."""
from collections import Counter

import pytest

from gongkai.publishing.services import content_withdraw
from gongkai.qa.models import QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
from gongkai.qa.retrieval.features import GRAM_PREFIX
from gongkai.qa.retrieval.search import search
from gongkai.qa.services.answering import index_rebuild_all
from gongkai.qa.tests.factories_qa import everyday_entries, published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return [*everyday_entries(),
            published_entry(question="社会保障卡丢了怎么补办？", alternatives=["医保卡挂失"],
                            answer="可通过网点挂失补办。")]


def _index_state() -> dict:
    """What the index holds, for comparing an incrementally kept index with a rebuilt
    one (weights rounded: the averages they were written with drift)."""
    return {"postings": sorted((t, e) for t, e in QaPosting.objects.values_list("term",
                                                                               "entry_id")),
            "grams": sorted(QaGram.objects.values_list("gram", "entry_id", "phrase")),
            "df": dict(QaTerm.objects.values_list("key", "df")),
            "entries": QaIndexStats.objects.get().entries}


def _assert_counters_match_rows():
    words = Counter(QaPosting.objects.values_list("term", flat=True))
    grams = Counter(g for g, _e in set(QaGram.objects.values_list("gram", "entry_id")))
    expected = {**words, **{GRAM_PREFIX + g: n for g, n in grams.items()}}
    assert dict(QaTerm.objects.values_list("key", "df")) == expected
    assert QaIndexStats.objects.get().entries == QaIndexedEntry.objects.count()


def test_the_stored_question_itself_is_first_and_confident(library):
    _query, hits = search("生育津贴怎么申领？")
    assert hits[0].id == library[0].pk and hits[0].confidence > 0.75


def test_traditional_characters_find_the_simplified_entry(library):
    _query, hits = search("靈活就業人員怎麼參加社會保險")
    assert hits[0].id == library[1].pk


def test_colloquial_words_reach_the_library_words_through_the_lexicon(library):
    query, hits = search("娃要转学咋办")
    assert hits[0].id == library[2].pk
    assert ("娃", "孩子") in {(e.typed, e.term) for e in query.expansions}


def test_a_slip_of_the_pinyin_input_finds_the_word_of_the_same_sound(library):
    query, hits = search("生玉津贴怎么申领")
    assert hits[0].id == library[0].pk
    assert any(e.how == "pinyin" and e.term == "生育" for e in query.expansions)


def test_chit_chat_and_empty_questions_match_nothing(library):
    for text in ("今天天气怎么样", "你好！", "", "？？！！", "怎么办理", "需要什么材料"):
        query, hits = search(text)
        assert hits == [] and query.scope


def test_counters_follow_each_change_and_equal_a_rebuild(library, office_admin):
    entry = library[2]
    entry.alternatives = ["孩子换学校的手续"]
    entry.save()
    content_withdraw(obj=library[3], actor=office_admin, reason="过时")
    library[0].delete()
    _assert_counters_match_rows()
    kept = _index_state()
    assert {e for _t, e in kept["postings"]} == {library[1].pk, entry.pk}
    index_rebuild_all()
    assert _index_state() == kept


def test_changing_one_entry_leaves_the_other_entries_rows_alone(library):
    others = sorted(QaPosting.objects.exclude(entry=library[2]).values_list("pk", "weight"))
    library[2].alternatives = ["孩子换学校的手续"]
    library[2].save()
    assert sorted(QaPosting.objects.exclude(entry=library[2])
                  .values_list("pk", "weight")) == others
    _query, hits = search("孩子换学校的手续")
    assert hits[0].id == library[2].pk


def test_candidates_come_from_the_rarest_words_within_the_budget():
    from gongkai.qa.retrieval.search import rarest

    df = {"办理": 900, "生育": 40, "津贴": 30, "申领": 300}
    assert rarest(df, budget=400) == ["津贴", "生育", "申领"]
    assert rarest(df, budget=60) == ["津贴"]
    assert rarest(df, budget=10) == []


def test_a_small_budget_still_finds_the_entry_by_its_rare_words(library, monkeypatch):
    """However large the library, a question reads a bounded number of postings to pick
    its candidates; the entry it is about is still found."""
    from gongkai.qa.retrieval import search as module

    monkeypatch.setattr(module, "POSTINGS_BUDGET", 1)
    _query, hits = search("生育津贴怎么申领")
    assert hits and hits[0].id == library[0].pk
    monkeypatch.setattr(module, "POSTINGS_BUDGET", 0)  # every word too common
    _query, hits = search("生育津贴怎么申领")
    assert hits and hits[0].id == library[0].pk


def test_a_near_miss_sharing_only_the_asking_words_is_not_answered(library):
    """转学 is not 退学: the entry shares how it is asked but not what it is about."""
    _query, hits = search("退学怎么办理？")
    assert not hits or hits[0].features["qmiss"] > 0.5


def test_the_size_a_process_remembers_is_checked_on_every_question(library):
    """A process keeps the library's size from its last question (idf needs it before
    the candidates are asked for); entries added since, by this or another process, are
    counted at the next question: its answer is the one a fresh process gives."""
    from gongkai.qa.retrieval import reads

    search("生育津贴怎么申领？")
    assert reads.library_size() == len(library)
    for i in range(3):
        published_entry(question=f"生育保险第{i}项待遇怎么申领？", answer="按规定申领。")

    def answers():
        _query, hits = search("生育津贴怎么申领")
        return [(h.id, h.confidence, h.features) for h in hits]

    held = answers()  # this process still remembered the size of four entries
    assert reads.library_size() == len(library) + 3
    reads.remember_size(1000)  # as if remembered from another library entirely
    assert answers() == held
    reads._size.clear()  # a fresh process
    assert answers() == held
