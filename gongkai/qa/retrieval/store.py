"""Writing the index: one entry put or removed in its own few statements, or every
entry rebuilt at once (a fresh install, the benchmark, ``manage.py qa_reindex``).

Putting an entry compares what the index holds of it with the rows of its new text and
writes only the difference (a phrasing added changes a few postings, bigrams and
counters), inside the transaction that saved the entry, so a question asked in any
process sees the entry exactly when its change is committed. A word's stored weight uses the average field lengths at the time
it was written; they drift little as a library grows, and ``index_rebuild`` recomputes
every weight with the current ones.
"""
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection, transaction

from gongkai.core.sql import json_value, placeholders, run_together
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


@transaction.atomic(savepoint=False)
def index_entry_put(doc: EntryText) -> None:
    """Index ``doc`` (again): its rows become those of its current text."""
    _entry_write(doc.id, _usable(entry_features(doc)))


@transaction.atomic(savepoint=False)
def index_entry_remove(entry_id: int) -> None:
    """Take the entry out of the index (nothing happens if it is not in it)."""
    _entry_write(entry_id, None)


# One entry's write. The entry's rows now are read, compared with those of its new
# text, and only the difference is written: a phrasing added from the queue changes a
# few postings, bigrams and counters (about 60 rows), not the 400 a remove-then-insert
# rewrote through the ORM, a model object each (30 ms of this process's CPU at
# 100,000 entries, against 3–4 now: bench/qa/README.md). Plain statements, no objects.
# The result is row for row the one of
# removing the entry and indexing it again (``tests/test_index_writes.py``): the
# library's counters move by the difference of the entry's lengths, so the averages,
# and the weights computed with them, are the same numbers. On PostgreSQL the reads go
# in one round trip and the writes in another (psycopg's pipeline).
POSTING, GRAM, INDEXED, STATS = (m._meta.db_table for m in (QaPosting, QaGram,
                                                             QaIndexedEntry, QaIndexStats))
TERM, KEY, KEYS = QaTerm._meta.db_table, *map(connection.ops.quote_name, ("key", "keys"))


def _json_param(field: str, value):
    # As the ORM writes it (the same text in SQLite, jsonb in PostgreSQL).
    return QaIndexedEntry._meta.get_field(field).get_db_prep_save(value, connection)


def _entry_read(entry_id: int):
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    columns = ", ".join(["entries", *_LENGTH_FIELDS.values()])
    statements = [
        # Locked first: index writers run one at a time (SQLite's lock is the database's).
        (f"SELECT {columns} FROM {STATS} WHERE id = %s{lock}", [STATS_PK]),  # noqa: S608
        (f"SELECT lengths, {KEYS} FROM {INDEXED} WHERE entry_id = %s", [entry_id]),  # noqa: S608
        (f"SELECT term, weight FROM {POSTING} WHERE entry_id = %s", [entry_id]),  # noqa: S608
        (f"SELECT gram, phrase FROM {GRAM} WHERE entry_id = %s", [entry_id])]  # noqa: S608
    stats, indexed, postings, grams = run_together(statements, fetch=4)
    if not stats:
        stats_row()
        return _entry_read(entry_id)
    return stats[0], indexed, postings, grams


def _entry_write(entry_id: int, features: EntryFeatures | None) -> None:
    """Make the index's rows of ``entry_id`` those of ``features`` (None: none)."""
    stats, indexed, old_postings, old_grams = _entry_read(entry_id)
    if not indexed and features is None:
        return
    old_lengths, old_keys = ((json_value(indexed[0][0]), json_value(indexed[0][1])) if indexed
                             else ({}, []))
    new_lengths = features.lengths if features else {}
    entries = stats[0] + (features is not None) - bool(indexed)
    totals = {f: total - old_lengths.get(f, 0) + new_lengths.get(f, 0)
              for f, total in zip(FIELDS, stats[1:], strict=True)}
    n = entries or 1
    averages = {f: totals[f] / n for f in FIELDS}
    new_keys = features.keys if features else []
    postings = ({w: weight(c, new_lengths, averages) for w, c in features.counts.items()}
                if features else {})
    grams = ({(g, i) for i, phrase in enumerate(features.phrase_grams) for g in phrase}
             if features else set())
    statements = [(f"UPDATE {STATS} SET entries = %s, "  # noqa: S608
                   + ", ".join(f"{c} = %s" for c in _LENGTH_FIELDS.values())
                   + " WHERE id = %s", [entries, *totals.values(), STATS_PK])]
    statements += _posting_changes(entry_id, dict(old_postings), postings)
    statements += _gram_changes(entry_id, set(old_grams), grams)
    statements += _term_changes(old_keys, new_keys)
    if features is None:
        statements.append((f"DELETE FROM {INDEXED} WHERE entry_id = %s", [entry_id]))  # noqa: S608
    else:
        values = [_json_param("lengths", new_lengths), _json_param("keys", new_keys),
                  _json_param("phrase_sizes", [len(p) for p in features.phrase_grams]),
                  _json_param("question_words", features.question_words)]
        statements.append(
            (f"UPDATE {INDEXED} SET lengths = %s, {KEYS} = %s, phrase_sizes = %s, "  # noqa: S608
             f"question_words = %s WHERE entry_id = %s", [*values, entry_id]) if indexed
            else (f"INSERT INTO {INDEXED} (entry_id, lengths, {KEYS}, phrase_sizes, "  # noqa: S608
                  f"question_words) VALUES (%s, %s, %s, %s, %s)", [entry_id, *values]))
    run_together(statements, fetch=0)


def _posting_changes(entry_id: int, old: dict[str, float], new: dict[str, float]):
    gone = [t for t in old if t not in new]
    changed = {t: w for t, w in new.items() if t in old and old[t] != w}
    added = [(t, entry_id, w) for t, w in new.items() if t not in old]
    if not new and old:
        yield f"DELETE FROM {POSTING} WHERE entry_id = %s", [entry_id]  # noqa: S608
        return
    for chunk in _chunks(gone):
        yield (f"DELETE FROM {POSTING} WHERE entry_id = %s "  # noqa: S608
               f"AND term IN ({placeholders(chunk)})", [entry_id, *chunk])
    for chunk in _chunks(list(changed.items())):
        cases = " ".join(["WHEN %s THEN %s"] * len(chunk))
        yield (f"UPDATE {POSTING} SET weight = CASE term {cases} END "  # noqa: S608
               f"WHERE entry_id = %s AND term IN ({placeholders(chunk)})",
               [*(v for pair in chunk for v in pair), entry_id, *(t for t, _w in chunk)])
    for chunk in _chunks(added):
        yield (f"INSERT INTO {POSTING} (term, entry_id, weight) VALUES "  # noqa: S608
               + ", ".join(["(%s, %s, %s)"] * len(chunk)), [v for row in chunk for v in row])


def _gram_changes(entry_id: int, old: set, new: set):
    if not new and old:
        yield f"DELETE FROM {GRAM} WHERE entry_id = %s", [entry_id]  # noqa: S608
        return
    gone: dict[int, list[str]] = {}
    for gram, phrase in old - new:
        gone.setdefault(phrase, []).append(gram)
    for phrase, chunk in sorted(gone.items()):
        for part in _chunks(sorted(chunk)):
            yield (f"DELETE FROM {GRAM} WHERE entry_id = %s AND phrase = %s "  # noqa: S608
                   f"AND gram IN ({placeholders(part)})", [entry_id, phrase, *part])
    for chunk in _chunks(sorted(new - old)):
        yield (f"INSERT INTO {GRAM} (gram, entry_id, phrase) VALUES "  # noqa: S608
               + ", ".join(["(%s, %s, %s)"] * len(chunk)),
               [v for gram, phrase in chunk for v in (gram, entry_id, phrase)])


def _term_changes(old: list[str], new: list[str]):
    """The counters of the keys the entry no longer holds go down (a key no entry holds
    is dropped), those of the keys it now holds go up (a new key is added)."""
    kept = set(new)
    gone, added = [k for k in old if k not in kept], [k for k in new if k not in set(old)]
    for chunk in _chunks(gone):
        yield (f"UPDATE {TERM} SET df = df - 1 WHERE {KEY} IN ({placeholders(chunk)})", chunk)  # noqa: S608
        yield (f"DELETE FROM {TERM} WHERE {KEY} IN ({placeholders(chunk)}) AND df <= 0", chunk)  # noqa: S608
    for chunk in _chunks(added):
        yield (f"INSERT INTO {TERM} ({KEY}, df, pinyin) VALUES "  # noqa: S608
               + ", ".join(["(%s, 1, %s)"] * len(chunk))
               + f" ON CONFLICT ({KEY}) DO UPDATE SET df = {TERM}.df + 1",
               [v for k in chunk for v in (k, key_pinyin(k))])


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
