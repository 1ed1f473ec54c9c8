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
size, so no answer ever uses a stale one. The lexicon's stamp is read with the counts
of the question's words (``word_counts``).

On PostgreSQL the candidates and everything scoring reads of them are one statement
(``_with_candidates``): the candidates are a materialised common table expression and
the postings, bigrams, indexed rows, word counts and texts are read of its rows, told
apart by a first column. A question's reads are then two round trips: the counts of its
words with the lexicon's stamp (``query.parse``), then this one with the library's size.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection

from gongkai.core.sql import json_value, placeholders, run_together
from gongkai.lexicon.selectors import stamp_of, stamp_statement
from gongkai.qa.models import QaEntry, QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
from gongkai.qa.retrieval.store import STATS_PK

POSTING, GRAM, TERM = (m._meta.db_table for m in (QaPosting, QaGram, QaTerm))
INDEXED, ENTRY, STATS = (m._meta.db_table for m in (QaIndexedEntry, QaEntry, QaIndexStats))
_size: list[int] = []  # the library's size as this process last read it


@dataclass
class Rows:
    """What scoring reads of the candidates."""

    ids: list[int]
    postings: dict[int, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    shared: dict[tuple[int, int], list[str]] = field(
        default_factory=lambda: defaultdict(list))  # (entry, phrasing) → bigrams shared
    # entry → its phrasings' bigram counts, its question's words (JSON as read)
    indexed: dict[int, tuple[list[int], object]] = field(default_factory=dict)
    # Read ahead (PostgreSQL): the entries' question and phrasings (JSON as read); None
    # when not read.
    texts: dict[int, tuple[str, object]] | None = None


def pipelined() -> bool:
    return connection.vendor == "postgresql"


def json_list(value) -> list:
    return json_value(value) or []


# The statements are written out rather than built by the ORM, whose building and
# compiling of the same few shapes, with a placeholder per id, cost a question more
# client time than the database's work on SQLite. Their shapes are the ORM's (the same
# plans): only names of this app's tables and placeholders are put into them.
def _real(expression: str) -> str:
    # Double precision on PostgreSQL: a bare literal would be numeric, whose arithmetic
    # over thousands of postings costs several milliseconds more.
    return f"({expression})::double precision" if pipelined() else f"CAST({expression} AS real)"


def _union(parts: list[str]) -> str:
    """UNION ALL of ``parts``, each in parentheses where the database allows it (each
    part may then be ordered and limited: PostgreSQL)."""
    if connection.features.supports_slicing_ordering_in_compound:
        return " UNION ALL ".join(f"({part})" for part in parts)
    return " UNION ALL ".join(parts)


def candidate_statements(rare: dict[str, float], common: str | None, grams: list[str],
                         limit: int) -> list[tuple[str, list]]:
    """The entries holding the ``rare`` words, ordered by Σ coefficient · weight (or,
    with none, those where the ``common`` word weighs most), and those whose phrasings
    share the most of the ``grams``; ``limit`` of each. One statement on PostgreSQL
    (a union whose parts are each ordered and limited), one each on SQLite."""
    parts: list[tuple[str, list]] = []
    if rare:
        cases = " ".join(f"WHEN (term = %s) THEN {_real('%s')}" for _w in rare)
        parts.append((f"SELECT entry_id FROM {POSTING} WHERE term IN ({placeholders(rare)}) "  # noqa: S608
                      f"GROUP BY 1 ORDER BY SUM((CASE {cases} ELSE NULL END * weight)) DESC, "
                      f"1 ASC LIMIT {int(limit)}",
                      [*rare, *(v for pair in rare.items() for v in pair)]))
    elif common:
        parts.append((f"SELECT entry_id FROM {POSTING} WHERE term = %s "  # noqa: S608
                      f"ORDER BY weight DESC, entry_id ASC LIMIT {int(limit)}", [common]))
    if grams:
        parts.append((f"SELECT entry_id FROM {GRAM} WHERE gram IN ({placeholders(grams)}) "  # noqa: S608
                      f"GROUP BY 1, phrase ORDER BY COUNT(phrase) DESC, 1 ASC "
                      f"LIMIT {int(limit)}", list(grams)))
    if len(parts) == 2 and connection.features.supports_slicing_ordering_in_compound:
        return [(_union([sql for sql, _p in parts]), [*parts[0][1], *parts[1][1]])]
    return parts


def _size_statement() -> tuple[str, list]:
    return f'SELECT entries FROM {STATS} WHERE id = %s', [STATS_PK]  # noqa: S608


def library_size() -> int:
    """The library's size as last read by this process (read now the first time)."""
    if not _size:
        rows = run_together([_size_statement()])[0]
        remember_size(rows[0][0] if rows else 0)
    return _size[0]


def remember_size(size: int) -> None:
    _size[:] = [size]


@dataclass
class Candidates:
    size: int  # the library's size now
    ids: set[int]
    rows: Rows | None = None  # what scoring reads of them, when read with them


def word_counts(keys, sounds) -> tuple[list[tuple], int]:
    """The index's rows (key, df, pinyin) of ``keys`` and of the words held by an entry
    that sound as one of ``sounds`` (pinyin), and the lexicon's stamp, in one round
    trip (the question was read with the process's lexicon as it was: ``search`` reads
    it again when the stamp differs). The statement is the ORM's shape."""
    keys, sounds = list(dict.fromkeys(keys)), list(dict.fromkeys(sounds))
    conditions, params = [], []
    if keys:
        conditions.append(f'"{TERM}"."key" IN ({placeholders(keys)})')
        params += keys
    if sounds:
        conditions.append(f'("{TERM}"."df" > %s AND "{TERM}"."pinyin" IN '
                          f"({placeholders(sounds)}))")
        params += [0, *sounds]
    statements = [stamp_statement()]
    if conditions:
        where = " OR ".join(conditions)
        statements.append((f'SELECT "{TERM}"."key", "{TERM}"."df", "{TERM}"."pinyin" '  # noqa: S608
                           f'FROM "{TERM}" WHERE ({where})' if len(conditions) > 1 else
                           f'SELECT "{TERM}"."key", "{TERM}"."df", "{TERM}"."pinyin" '  # noqa: S608
                           f'FROM "{TERM}" WHERE {where}', params))
    stamp_rows, *rows = run_together(statements)
    return (rows[0] if rows else []), stamp_of(stamp_rows)


def candidates_read(query, statements, weights: dict[str, float]) -> Candidates:
    """The library's size and the entries ``statements`` select (their first column),
    in one round trip; on PostgreSQL with what scoring reads of them
    (``scoring_rows``)."""
    ahead = pipelined() and statements
    if ahead:
        statements = [_with_candidates(query, statements, weights)]
    size_rows, *found = run_together([_size_statement(), *statements])
    size = size_rows[0][0] if size_rows else 0
    if ahead:
        rows = _rows_of(query, found[0])
        return Candidates(size, set(rows.ids), rows)
    return Candidates(size, {row[0] for rows in found for row in rows})


# JSON columns are read as text: psycopg would decode every row's, where scoring needs
# the questions' words of the best 40 candidates and the phrasings of the 5 shown.
_NONE = "NULL, NULL::double precision, NULL::text, NULL::text"


def _with_candidates(query, statements, weights: dict[str, float]) -> tuple[str, list]:
    """One statement (PostgreSQL): the candidates (``statements``' union, materialised
    once) and, of them, the rows ``scoring_rows`` reads, each row's kind first: 5 a
    candidate, 0 a posting of the question's words (term, weight), 1 a bigram shared
    (gram, phrasing), 2 the indexed row (phrase sizes, question words), 3 the count of a
    word of their questions (word, count), 4 their texts (question, phrasings)."""
    (sql, params), = statements  # candidate_statements: one statement on PostgreSQL
    of = "(SELECT entry_id FROM c)"
    grams = list(query.grams | query.alt_grams)
    parts = [f"SELECT 5, entry_id, {_NONE} FROM c"]  # noqa: S608
    params = list(params)
    if weights:
        parts.append(f"SELECT 0, entry_id, term, weight, NULL, NULL FROM {POSTING} "  # noqa: S608
                     f"WHERE (entry_id IN {of} AND term IN ({placeholders(weights)}))")
        params += list(weights)
    if grams:
        parts.append(f"SELECT 1, entry_id, gram, {_real('phrase')}, NULL, NULL "  # noqa: S608
                     f"FROM {GRAM} WHERE (entry_id IN {of} AND gram IN ({placeholders(grams)}))")
        params += grams
    parts += [f"SELECT 2, entry_id, NULL, NULL, phrase_sizes::text, question_words::text "  # noqa: S608
              f"FROM {INDEXED} WHERE entry_id IN {of}",
              f'SELECT 3, NULL, "key", {_real("df")}, NULL, NULL FROM {TERM} '  # noqa: S608
              f'WHERE "key" IN (SELECT jsonb_array_elements_text(question_words) '
              f"FROM {INDEXED} WHERE entry_id IN {of})",
              f"SELECT 4, id, question, NULL, alternatives::text, NULL FROM {ENTRY} "  # noqa: S608
              f"WHERE id IN {of}"]
    found = f"WITH c AS MATERIALIZED (SELECT DISTINCT entry_id FROM ({sql}) AS found) "  # noqa: S608
    return found + " UNION ALL ".join(parts), params


def _rows_of(query, found) -> Rows:
    rows = Rows([])
    rows.texts = {}
    for kind, entry_id, key, value, first, second in found:
        if kind == 0:
            rows.postings[entry_id][key] = value
        elif kind == 1:
            rows.shared[(entry_id, int(value))].append(key)
        elif kind == 2:
            rows.indexed[entry_id] = (json_value(first), second)
        elif kind == 3:
            query.df.setdefault(key, int(value))
        elif kind == 4:
            rows.texts[entry_id] = (key, first)  # decoded when shown (``texts``)
        else:
            rows.ids.append(entry_id)
    return rows


def scoring_rows(query, ids: list[int], weights: dict[str, float]) -> Rows:
    """SQLite (PostgreSQL reads all this with the candidates: ``_with_candidates``):
    the candidates' postings of the question's words, the bigrams they share with it
    (one statement: a posting row carries its weight, a bigram row its phrasing's
    number, told apart by the last column), their indexed rows."""
    marks, grams = placeholders(ids), list(query.grams | query.alt_grams)
    parts, params = [], []
    if weights:
        parts.append(f"SELECT entry_id, term, weight, 1 FROM {POSTING} "  # noqa: S608
                     f"WHERE (entry_id IN ({marks}) AND term IN ({placeholders(weights)}))")
        params += [*ids, *weights]
    if grams:
        parts.append(f"SELECT entry_id, gram, {_real('phrase')}, 0 FROM {GRAM} "  # noqa: S608
                     f"WHERE (entry_id IN ({marks}) AND gram IN ({placeholders(grams)}))")
        params += [*ids, *grams]
    statements = [(f"SELECT entry_id, phrase_sizes, question_words FROM {INDEXED} "  # noqa: S608
                   f"WHERE entry_id IN ({marks})", ids)]
    if parts:
        statements.insert(0, (_union(parts), params))
    results = run_together(statements)
    if not parts:
        results.insert(0, [])
    rows = Rows(ids)
    for entry_id, key, value, kind in results[0]:
        if kind:
            rows.postings[entry_id][key] = value
        else:
            rows.shared[(entry_id, int(value))].append(key)
    # A question's words are decoded for the best candidates only (``json_list``).
    rows.indexed = {pk: (json_value(sizes), words) for pk, sizes, words in results[1]}
    return rows


def fetch_df(query, words: set[str]) -> None:
    """The counts of ``words`` not read yet (SQLite: only the best candidates' words)."""
    missing = [w for w in words if w not in query.df]
    for start in range(0, len(missing), 900):
        chunk = missing[start:start + 900]
        query.df.update(run_together([(f'SELECT "key", df FROM {TERM} '  # noqa: S608
                                   f'WHERE "key" IN ({placeholders(chunk)})', chunk)])[0])


def texts(rows: Rows, ids: list[int]) -> dict[int, tuple[str, list[str]]]:
    if rows.texts is not None:
        return {pk: (rows.texts[pk][0], json_value(rows.texts[pk][1]) or [])
                for pk in ids if pk in rows.texts}
    if not ids:
        return {}
    found = run_together([(f"SELECT id, question, alternatives FROM {ENTRY} "  # noqa: S608
                       f"WHERE id IN ({placeholders(ids)})", ids)])[0]
    return {pk: (q, json_value(alts) or []) for pk, q, alts in found}
