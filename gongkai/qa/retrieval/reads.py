"""The index reads of one question, in as few round trips as the database allows.

On PostgreSQL every statement waited for alone is a wake-up of the server process and
of this one, which on a busy machine is a wait for a core each time: the statements
that do not depend on each other are sent together (psycopg's pipeline mode), and the
reads a later step may need are made at once, for every candidate (the counts of their
questions' words, their phrasings) rather than one more round trip for the best of
them. SQLite is in the process: its statements run one after the other and read only
what is needed.

The library's size (idf needs it before the candidates are asked for) is kept by the
process from its last question and checked in the same round trip as the candidates:
when an entry was added or removed since, the candidates are asked again with the new
size, so no answer ever uses a stale one.
"""
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import FloatField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from gongkai.qa.models import QaEntry, QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
from gongkai.qa.retrieval.store import STATS_PK

_QUESTION_WORDS = (f"SELECT jsonb_array_elements_text(question_words) FROM "  # noqa: S608
                   f"{QaIndexedEntry._meta.db_table} WHERE entry_id = ANY(%s::bigint[])")
_size: list[int] = []  # the library's size as this process last read it


@dataclass
class Rows:
    """What scoring reads of the candidates."""

    ids: list[int]
    postings: dict[int, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    shared: dict[tuple[int, int], list[str]] = field(
        default_factory=lambda: defaultdict(list))  # (entry, phrasing) → bigrams shared
    indexed: dict[int, tuple[list[int], list[str]]] = field(default_factory=dict)
    # Read ahead (PostgreSQL): the entries' question and phrasings; None when not read.
    texts: dict[int, tuple[str, list[str]]] | None = None


def pipelined() -> bool:
    return connection.vendor == "postgresql"


def together(statements) -> list[list[tuple]]:
    """Each statement's rows (querysets or (sql, params)), in one round trip on
    PostgreSQL. Rows come as the database gives them (JSON as text: see ``_json``)."""
    compiled = [s.query.sql_with_params() if hasattr(s, "query") else s for s in statements]
    if not compiled:
        return []
    connection.ensure_connection()
    if pipelined() and len(compiled) > 1:
        cursors = []
        with connection.connection.pipeline():
            for sql, params in compiled:
                cursor = connection.cursor()
                cursor.execute(sql, params)
                cursors.append(cursor)
            out = [cursor.fetchall() for cursor in cursors]
        for cursor in cursors:
            cursor.close()
        return out
    out = []
    with connection.cursor() as cursor:
        for sql, params in compiled:
            cursor.execute(sql, params)
            out.append(cursor.fetchall())
    return out


def _json(value):
    return json.loads(value) if isinstance(value, str | bytes) else value


def _size_statement():
    return QaIndexStats.objects.filter(pk=STATS_PK).values_list("entries")


def library_size() -> int:
    """The library's size as last read by this process (read now the first time)."""
    if not _size:
        rows = together([_size_statement()])[0]
        remember_size(rows[0][0] if rows else 0)
    return _size[0]


def remember_size(size: int) -> None:
    _size[:] = [size]


def candidates_and_size(statements) -> tuple[int, set[int]]:
    """The library's size now and the entries ``statements`` select (their first
    column), in one round trip."""
    size_rows, *found = together([_size_statement(), *statements])
    return (size_rows[0][0] if size_rows else 0), {row[0] for rows in found for row in rows}


def candidates(statements) -> set[int]:
    return {row[0] for rows in together(statements) for row in rows}


def scoring_rows(query, ids: list[int], weights: dict[str, float]) -> Rows:
    """The candidates' postings of the question's words, the bigrams they share with it
    (one statement: a posting row carries its weight, a bigram row its phrasing's
    number, told apart by the last column), their indexed rows; on PostgreSQL in the
    same round trip the counts of their questions' words (into ``query.df``) and their
    texts."""
    found = QaGram.objects.filter(
        entry_id__in=ids, gram__in=list(query.grams | query.alt_grams)).values_list(
            "entry_id", "gram", Cast("phrase", FloatField()), Value(0))
    if weights:
        found = QaPosting.objects.filter(entry_id__in=ids, term__in=list(weights)).values_list(
            "entry_id", "term", "weight", Value(1)).union(found, all=True)
    statements = [found, QaIndexedEntry.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "phrase_sizes", "question_words")]
    ahead = pipelined()
    if ahead:
        # The words of every candidate's question (a fixed statement: the table's name
        # and the ids as one bigint[] parameter).
        words = RawSQL(_QUESTION_WORDS, ["{" + ",".join(map(str, sorted(ids))) + "}"])  # noqa: S611
        statements += [QaTerm.objects.filter(key__in=words).values_list("key", "df"),
                       QaEntry.objects.filter(pk__in=ids).values_list(
                           "pk", "question", "alternatives")]
    results = together(statements)
    rows = Rows(ids)
    for entry_id, key, value, kind in results[0]:
        if kind:
            rows.postings[entry_id][key] = value
        else:
            rows.shared[(entry_id, int(value))].append(key)
    rows.indexed = {pk: (_json(sizes), _json(words)) for pk, sizes, words in results[1]}
    if ahead:
        for key, df in results[2]:
            query.df.setdefault(key, df)
        rows.texts = {pk: (q, _json(alts) or []) for pk, q, alts in results[3]}
    return rows


def fetch_df(query, words: set[str]) -> None:
    """The counts of ``words`` not read yet (SQLite: only the best candidates' words)."""
    missing = [w for w in words if w not in query.df]
    for start in range(0, len(missing), 900):
        query.df.update(QaTerm.objects.filter(key__in=missing[start:start + 900])
                        .values_list("key", "df"))


def texts(rows: Rows, ids: list[int]) -> dict[int, tuple[str, list[str]]]:
    if rows.texts is not None:
        return rows.texts
    return {pk: (q, alts or []) for pk, q, alts in QaEntry.objects.filter(
        pk__in=ids).values_list("pk", "question", "alternatives")}
