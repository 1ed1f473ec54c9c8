"""Writing the index: one entry put or removed in its own few statements, or every
entry rebuilt at once (a fresh install, the benchmark, ``manage.py qa_reindex``).

Putting an entry removes what the index held of it, then writes its postings, bigrams
and counters: about a hundred rows, a few milliseconds, inside the transaction that
saved the entry, so a question asked in any process sees the entry exactly when its
change is committed. A word's stored weight uses the average field lengths at the time
it was written; they drift little as a library grows, and ``index_rebuild`` recomputes
every weight with the current ones.
"""
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection, transaction
from django.db.models import F

from gongkai.qa.models import QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
from gongkai.qa.models.index import KEY_MAX
from gongkai.qa.retrieval.features import (
    FIELDS,
    EntryFeatures,
    EntryText,
    entry_features,
    key_pinyin,
    weight,
)

STATS_PK = 1
BATCH = 5000
_LENGTH_FIELDS = {f: f"{f}_length" for f in FIELDS}


def stats_row() -> QaIndexStats:
    found = QaIndexStats.objects.filter(pk=STATS_PK).first()
    return found or QaIndexStats.objects.get_or_create(pk=STATS_PK)[0]


def averages_of(stats: QaIndexStats) -> dict[str, float]:
    n = stats.entries or 1
    return {f: getattr(stats, column) / n for f, column in _LENGTH_FIELDS.items()}


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _usable(features: EntryFeatures) -> EntryFeatures:
    features.counts = {w: c for w, c in features.counts.items() if len(w) <= KEY_MAX}
    return features


@transaction.atomic
def index_entry_put(doc: EntryText) -> None:
    """Index ``doc`` (again): its earlier rows are replaced."""
    index_entry_remove(doc.id)
    features = _usable(entry_features(doc))
    stats_row()
    QaIndexStats.objects.filter(pk=STATS_PK).update(
        entries=F("entries") + 1,
        **{column: F(column) + features.lengths[f] for f, column in _LENGTH_FIELDS.items()})
    averages = averages_of(stats_row())
    QaPosting.objects.bulk_create(
        QaPosting(term=word, entry_id=doc.id, weight=weight(counts, features.lengths, averages))
        for word, counts in features.counts.items())
    QaGram.objects.bulk_create(QaGram(gram=g, entry_id=doc.id, phrase=i)
                               for i, phrase in enumerate(features.phrase_grams)
                               for g in phrase)
    keys = features.keys
    QaTerm.objects.bulk_create([QaTerm(key=k, pinyin=key_pinyin(k)) for k in keys],
                               ignore_conflicts=True)
    for chunk in _chunks(keys):
        QaTerm.objects.filter(key__in=chunk).update(df=F("df") + 1)
    QaIndexedEntry.objects.create(entry_id=doc.id, lengths=features.lengths, keys=keys,
                                  phrase_sizes=[len(p) for p in features.phrase_grams],
                                  question_words=features.question_words)


@transaction.atomic
def index_entry_remove(entry_id: int) -> None:
    """Take the entry out of the index (nothing happens if it is not in it)."""
    row = QaIndexedEntry.objects.filter(entry_id=entry_id).first()
    if row is None:
        return
    for chunk in _chunks(row.keys):
        QaTerm.objects.filter(key__in=chunk).update(df=F("df") - 1)
    for chunk in _chunks(row.keys):
        QaTerm.objects.filter(key__in=chunk, df__lte=0).delete()
    QaPosting.objects.filter(entry_id=entry_id).delete()
    QaGram.objects.filter(entry_id=entry_id).delete()
    QaIndexStats.objects.filter(pk=STATS_PK).update(
        entries=F("entries") - 1,
        **{column: F(column) - row.lengths.get(f, 0) for f, column in _LENGTH_FIELDS.items()})
    row.delete()


@transaction.atomic
def index_rebuild(docs: Iterable[EntryText]) -> int:
    """Replace the whole index by one of ``docs``; returns how many were indexed.

    Rows are written in the order of their indexes (word, then entry): appending to a
    B-tree is many times faster than inserting at random places, which is what makes
    a rebuild of 100,000 entries minutes rather than hours on SQLite."""
    for model in (QaPosting, QaGram, QaIndexedEntry, QaTerm):
        model.objects.all().delete()
    _larger_cache()
    features = [(doc.id, _usable(entry_features(doc))) for doc in docs]
    totals = {f: sum(feat.lengths[f] for _id, feat in features) for f in FIELDS}
    stats = stats_row()
    stats.entries = len(features)
    for f, column in _LENGTH_FIELDS.items():
        setattr(stats, column, totals[f])
    stats.save()
    averages = averages_of(stats)
    df: Counter[str] = Counter()
    postings, grams, rows = [], [], []
    for pk, feat in features:
        postings.extend((w, pk, weight(c, feat.lengths, averages))
                        for w, c in feat.counts.items())
        grams.extend((g, pk, i) for i, phrase in enumerate(feat.phrase_grams) for g in phrase)
        keys = feat.keys
        df.update(keys)
        rows.append(QaIndexedEntry(entry_id=pk, lengths=feat.lengths, keys=keys,
                                   phrase_sizes=[len(p) for p in feat.phrase_grams],
                                   question_words=feat.question_words))
    del features
    QaIndexedEntry.objects.bulk_create(rows, batch_size=BATCH)
    postings.sort()
    QaPosting.objects.bulk_create((QaPosting(term=t, entry_id=e, weight=w)
                                   for t, e, w in postings), batch_size=BATCH)
    del postings
    grams.sort()
    QaGram.objects.bulk_create((QaGram(gram=g, entry_id=e, phrase=i) for g, e, i in grams),
                               batch_size=BATCH)
    QaTerm.objects.bulk_create((QaTerm(key=k, df=n, pinyin=key_pinyin(k))
                                for k, n in sorted(df.items())), batch_size=BATCH)
    return len(rows)


def _larger_cache() -> None:
    """SQLite's page cache for this connection, 256 MB while rebuilding (the default
    2 MB makes every index insert a disk read once the index outgrows it)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
