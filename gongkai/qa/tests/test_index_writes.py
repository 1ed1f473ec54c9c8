"""One entry's re-index writes only what changed: the index it leaves must be, row for
row, the one the previous way left (every row of the entry removed, then all written
again), written here independently with the ORM as the reference."""
from dataclasses import replace

import pytest

from django.db import transaction
from django.db.models import F

from gongkai.qa.models import QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
from gongkai.qa.retrieval import store
from gongkai.qa.retrieval.features import EntryText, entry_features, key_pinyin, weight
from gongkai.qa.services.answering import _text_of
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db
FIELDS = {"question": "question_length", "alternatives": "alternatives_length",
          "answer": "answer_length"}


def _reference_remove(entry_id: int) -> None:
    row = QaIndexedEntry.objects.filter(entry_id=entry_id).first()
    if row is None:
        return
    QaTerm.objects.filter(key__in=row.keys).update(df=F("df") - 1)
    QaTerm.objects.filter(key__in=row.keys, df__lte=0).delete()
    QaPosting.objects.filter(entry_id=entry_id).delete()
    QaGram.objects.filter(entry_id=entry_id).delete()
    QaIndexStats.objects.filter(pk=store.STATS_PK).update(
        entries=F("entries") - 1, **{c: F(c) - row.lengths.get(f, 0) for f, c in FIELDS.items()})
    row.delete()


def _reference_put(doc: EntryText) -> None:
    """The previous ``index_entry_put``: remove, then every row written."""
    _reference_remove(doc.id)
    features = store._usable(entry_features(doc))
    QaIndexStats.objects.filter(pk=store.STATS_PK).update(
        entries=F("entries") + 1, **{c: F(c) + features.lengths[f] for f, c in FIELDS.items()})
    averages = store.averages_of(QaIndexStats.objects.get(pk=store.STATS_PK))
    QaPosting.objects.bulk_create(
        QaPosting(term=w, entry_id=doc.id, weight=weight(c, features.lengths, averages))
        for w, c in features.counts.items())
    QaGram.objects.bulk_create(QaGram(gram=g, entry_id=doc.id, phrase=i)
                               for i, phrase in enumerate(features.phrase_grams) for g in phrase)
    QaTerm.objects.bulk_create([QaTerm(key=k, pinyin=key_pinyin(k)) for k in features.keys],
                               ignore_conflicts=True)
    QaTerm.objects.filter(key__in=features.keys).update(df=F("df") + 1)
    QaIndexedEntry.objects.create(entry_id=doc.id, lengths=features.lengths,
                                  keys=features.keys, question_words=features.question_words,
                                  phrase_sizes=[len(p) for p in features.phrase_grams])


def _index() -> dict:
    """Every row of the index (a posting's or bigram's surrogate id aside), exact."""
    return {
        "postings": sorted(QaPosting.objects.values_list("term", "entry_id", "weight")),
        "grams": sorted(QaGram.objects.values_list("gram", "entry_id", "phrase")),
        "terms": sorted(QaTerm.objects.values_list("key", "df", "pinyin")),
        "indexed": sorted(QaIndexedEntry.objects.values_list(
            "entry_id", "lengths", "keys", "phrase_sizes", "question_words")),
        "stats": list(QaIndexStats.objects.values_list("entries", *FIELDS.values())),
    }


class _Undo(Exception):
    pass


def _index_after(write) -> dict:
    """The index after ``write``, which is then undone."""
    try:
        with transaction.atomic():
            write()
            found = _index()
            raise _Undo
    except _Undo:
        return found


@pytest.fixture
def library():
    entries = [
        published_entry(question="转学怎么办理？", alternatives=["小孩转学手续", "换学校去哪办"],
                        answer="由家长向转入学校提出申请，转出学校配合办理。"),
        published_entry(question="生育津贴怎么申领？", alternatives=["产假工资找谁领"],
                        answer="参加生育保险的职工，可按规定申领生育津贴。"),
        published_entry(question="社会保障卡丢了怎么补办？", alternatives=["医保卡挂失"],
                        answer="可通过网点挂失补办社会保障卡。"),
    ]
    # The library's averages drift after the entries' weights were written, as they do
    # in use: a changed entry's weights are then all recomputed, not only its new words.
    QaIndexStats.objects.filter(pk=store.STATS_PK).update(answer_length=F("answer_length") + 7)
    return entries


CHANGES = {
    "a word removed from the question": lambda d: replace(d, question="怎么办理？"),
    "a phrasing added": lambda d: replace(d, alternatives=(*d.alternatives, "孩子换学校的手续")),
    "a phrasing replaced": lambda d: replace(d, alternatives=("娃转学要带什么材料", "换学校去哪办")),
    "the first phrasing removed": lambda d: replace(d, alternatives=d.alternatives[1:]),
    "every phrasing removed": lambda d: replace(d, alternatives=()),
    "the answer changed": lambda d: replace(d, answer="请向区教育局学籍管理科咨询。"),
    "nothing changed": lambda d: d,
    "everything changed": lambda d: EntryText(id=d.id, question="医保卡丢了怎么办",
                                              alternatives=("社保卡补办",), answer="补办。"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_an_entry_changed_leaves_the_index_the_previous_way_left(library, change):
    doc = CHANGES[change](_text_of(library[0]))
    expected = _index_after(lambda: _reference_put(doc))
    store.index_entry_put(doc)
    assert _index() == expected


def test_a_word_removed_from_an_entry_leaves_its_postings_and_its_count(library):
    doc = _text_of(library[0])
    assert QaPosting.objects.filter(entry_id=doc.id, term="转学").exists()
    before = QaTerm.objects.get(key="转学").df
    store.index_entry_put(replace(doc, question="怎么办理？", alternatives=("换学校去哪办",)))
    assert not QaPosting.objects.filter(entry_id=doc.id, term="转学").exists()
    assert not QaTerm.objects.filter(key="转学").exists() or \
        QaTerm.objects.get(key="转学").df == before - 1


def test_removing_and_indexing_anew_leave_the_previous_way_s_index(library):
    doc = _text_of(library[2])
    expected = _index_after(lambda: _reference_remove(doc.id))
    store.index_entry_remove(doc.id)
    assert _index() == expected
    expected = _index_after(lambda: _reference_put(doc))
    store.index_entry_put(doc)
    assert _index() == expected


def test_a_phrasing_added_rewrites_none_of_the_entry_s_other_rows(library):
    doc = _text_of(library[1])
    rows = dict(QaPosting.objects.filter(entry_id=doc.id).values_list("term", "pk"))
    grams = set(QaGram.objects.filter(entry_id=doc.id).values_list("pk", flat=True))
    store.index_entry_put(replace(doc, alternatives=(*doc.alternatives, "生孩子的补贴")))
    after = dict(QaPosting.objects.filter(entry_id=doc.id).values_list("term", "pk"))
    assert {t: after[t] for t in rows} == rows  # kept in place, not deleted and re-added
    assert grams < set(QaGram.objects.filter(entry_id=doc.id).values_list("pk", flat=True))


def test_a_saved_entry_is_indexed_by_its_difference_in_its_transaction(library):
    entry = library[0]
    doc = replace(_text_of(entry), alternatives=("孩子转学去哪里办",))
    expected = _index_after(lambda: _reference_put(doc))
    entry.alternatives = ["孩子转学去哪里办"]
    entry.save()
    assert _index() == expected
