"""Full-text search of policy documents, in the database.

SQLite: an FTS5 table ``policies_search`` (title, number, body; rowid = document id)
over pre-segmented text (see ``gongkai.policies.text``), ranked by BM25 with field
weights 10 : 6 : 1, and a second FTS5 table ``policies_search_heading`` with the title
and 文号 alone. PostgreSQL: a table of the same name with the segmented text, a
``tsvector`` of the segmenter's words (title A, number B, body D; see ``PG_TOKENS``) used
to rank with ``ts_rank_cd`` and, under a GIN index, to find the matches, and ``heading``
(the words of the title and 文号, GIN index).
None of this can be expressed as a Django model, so the schema is created by
``ensure_search_schema`` after every migrate, which also completes an index made by an
earlier version.

The index is written by the document services in the same transaction as the
document, so it never lags. Who may read what is not in the index: every query joins
the live ``documents_visible_to`` queryset, so withdrawal or a changed audience needs
no reindex. SQL is parameterised throughout; query words are quoted as FTS5 strings or
tsquery literals. Bulk indexing (``reindex_all``) segments in worker processes while this
one writes.

Relevance search reads the matches newest first (id order), ``POOL`` at a time: the
database stops after them (FTS5 in rowid order; PostgreSQL's ``PG_NEWEST`` a window of
ids at a time), so nothing is computed for every match of a common word (BM25 over all
of them before ``ORDER BY rank LIMIT 20`` took 0.2–0.4 s at 100,000 documents). One
read of the ``COVER`` index then gives which of them the reader may see and their facet
values. A query with at most ``POOL`` matches is exact: its matches are
ranked by BM25, counted and faceted. A broader one (most documents mention 政务 or 公开)
puts first the newest ``HEADING`` documents with the words in their title or 文号 (newest
first; with the field weights these are what BM25 over every match would rank first),
then the newest matches ranked by BM25 in tiers of ``BROAD_TIER``, as deep as the page
needs; when the 文号 and heading rows fill the page, BM25 is not computed at all (on
SQLite it first counts the documents of each word, a pass over each word's whole list).
Its facets count the matches read and its total is extrapolated from them: the result
says so (``total_approximate``, ``facets_approximate``; the page shows 约). The
trade-off, at 100,000 bench documents: page 1 of a one-word broad query still shows
title matches, as full BM25 does, but mostly other (newer) ones, and an old document
that full BM25 would rank first can sit deep down. A further word or a filter narrows
the query back to exact ranking. A 文号 in the query is matched exactly and always comes
first. Sorting by date still reads all matches.

Titles and snippets are highlighted in Python from the stored segmented text
(``ptext.highlight``/``ptext.snippet``), not by FTS5's snippet() or ts_headline(), which
read every occurrence of every word of a long body.
"""
# The SQL below is assembled only from module constants, Django-compiled querysets and
# placeholder lists; every value (query words, ids, limits) is a bound parameter.
# ruff: noqa: S608, S611
import atexit
import html
import json
import math
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from django.db import connection, connections, transaction
from django.db.models import Count, Min, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from gongkai.core.params import parse_int
from gongkai.policies import text as ptext
from gongkai.policies.docnumber import find_doc_numbers, parse_doc_number
from gongkai.policies.models import DocumentAttachment, DocumentKind, PolicyDocument
from gongkai.policies.permissions import documents_visible_to
from gongkai.policies.selectors.validity import (
    VALIDITY_LABELS,
    VALIDITY_ORDER,
    validity_condition,
    validity_expression,
)

TABLE = "policies_search"
# SQLite: the title and 文号 again, in an FTS5 table of their own, for the heading rows of
# a broad query: a column filter on the main table would walk every match of a common
# word's body list to find the few in titles.
HEADING_TABLE = f"{TABLE}_heading"
COVER = f"{TABLE}_cover"
# Field weights: title > 文号 > body (BM25 on SQLite; ts_rank_cd weights {D,C,B,A}).
BM25 = f"bm25({TABLE}, 10.0, 6.0, 1.0)"
PG_WEIGHTS = "{0.1, 0.0, 0.6, 1.0}"
# PostgreSQL: the vectors and queries are made from the segmenter's own words
# (``ptext.tokens``, ``query_terms``), written as tsvector and tsquery literals, not
# parsed again by PostgreSQL's parser: index and query split text alike by
# construction, a search needs no statement to learn how PostgreSQL split a word, and
# the work of building the vectors is done in the segmenting worker processes, which
# grow with the CPUs, not in the one database backend that writes (it spends a third
# less per document; on two CPUs, the total is what limits, and indexing is no faster).
# The table's comment says an index was made so; one without it is rebuilt on migrate.
PG_TOKENS = "gongkai tokens 1"
# tsvector limits: 256 positions a word (PostgreSQL keeps the first), words under 2 KB.
PG_MAX_POSITIONS = 256
PG_MAX_WORD_BYTES = 2046
# PostgreSQL: the title and 文号 alone, stored and under a GIN index of their own, for
# the heading rows of a broad query (the GIN index of the body keeps no weights).
PG_HEADING = "heading"
# FTS5 keeps this much of a transaction's new index data in memory before writing it out
# as a segment (default 1 MB): fewer, larger segments to merge when many documents are
# indexed together.
FTS5_HASHSIZE = 32 * 1024 * 1024
# Indexing many documents at once segments them in worker processes (the writes stay in
# this process and its transaction) from this many documents up.
PARALLEL_MIN_DOCUMENTS = 200
WRITE_CHUNK = 100
# Segmented bodies beyond this are cut: PostgreSQL refuses tsvectors over 1 MB, and
# nobody searches for the millionth character of a document.
MAX_BODY_CHARS = 400_000
MAX_LIMIT = 100
# Relevance search reads at most this many matches (newest first) from the index; a
# broad query ranks, counts facets and estimates its total from them.
POOL = 500
MAX_TIERS = 20
HEADING = 200
# A broad query ranks its matches after the heading rows this many at a time. SQLite:
# ``POOL`` (BM25 in a statement first counts each word's documents, so fewer, larger
# tiers); PostgreSQL: fewer (ts_rank_cd reads each ranked document's whole vector).
BROAD_TIER = {"sqlite": POOL, "postgresql": 100}
FACETS = ("kind", "issuer", "year", "topic", "validity")


@dataclass
class Hit:
    document: PolicyDocument
    score: float
    title_html: str
    snippet_html: str


@dataclass
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[dict]] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    matched_all_terms: bool = True
    # True when a broad query's total is estimated and its facets count only the
    # candidate pool (see the module docstring); the page shows "约".
    total_approximate: bool = False
    facets_approximate: bool = False


def _vendor(using: str = "default") -> str:
    return connections[using].vendor


# --- schema ----------------------------------------------------------------------------

def ensure_search_schema(using: str = "default", **kwargs) -> None:
    """Create the index table if it is missing (a post_migrate handler), and complete
    or rebuild an index an earlier version made."""
    conn = connections[using]
    rebuild = False
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                "title, number, body, tokenize = 'unicode61')")
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [HEADING_TABLE])
            if cursor.fetchone() is None:  # new, or an index made before it existed
                cursor.execute(f"CREATE VIRTUAL TABLE {HEADING_TABLE} USING fts5("
                               "title, number, tokenize = 'unicode61')")
                cursor.execute(f"INSERT INTO {HEADING_TABLE} (rowid, title, number) "
                               f"SELECT rowid, title, number FROM {TABLE}")
            # The columns relevance search reads per candidate (visibility, filters,
            # facets) in an index: the document rows themselves hold the bodies, so
            # reading a late column from them walks overflow pages.
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {COVER} ON {PolicyDocument._meta.db_table} "
                "(id, publication_status, audience, kind, unit_id, topic_id, published_on, "
                "validity, expires_on)")
            # The default rank is the weighted BM25, so ORDER BY rank uses FTS5's own sort.
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', %s)",
                           ["bm25(10.0, 6.0, 1.0)"])
            for table in (TABLE, HEADING_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', %s)",
                               [FTS5_HASHSIZE])
        elif conn.vendor == "postgresql":
            rebuild = _ensure_pg_schema(cursor)
    if rebuild and using == connection.alias:
        # An index whose words PostgreSQL's parser made (before PG_TOKENS), or with
        # columns missing: made again from the documents, once, in one transaction
        # (searches meanwhile read the old index).
        with transaction.atomic(using=using):
            reindex_all()


def _ensure_pg_schema(cursor) -> bool:
    """The PostgreSQL table, its indexes and settings; True when the rows it holds were
    written by an earlier version and must be written again."""
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (document_id bigint PRIMARY KEY, "
        "title text NOT NULL, number text NOT NULL, body text NOT NULL, "
        "vector tsvector NOT NULL, heading tsvector)")
    # ``vector`` under a GIN index finds the matches (its words: the positions and
    # weights are read only to rank and to test a phrase); ``heading``: the words of the
    # title and 文号 alone, in the row, under a GIN index of its own. The large values live
    # out of line (TOAST), so the rows are small and reading the GIN index's matches
    # touches few pages (0.5–1 µs a match). Earlier versions kept a stripped copy
    # ``lexemes`` in the row (``toast_tuple_target``) for backward scans testing each
    # row: the windows of ``PG_NEWEST`` need no such test, and the copy is dropped.
    cursor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    cursor.execute(f"DROP INDEX IF EXISTS {TABLE}_lexemes, {TABLE}_heading")
    cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS lexemes")
    cursor.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                   "current_schema() AND table_name = %s AND column_name = 'heading'",
                   [TABLE])
    columns_missing = cursor.fetchone() is None
    cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS heading tsvector")
    cursor.execute("SELECT obj_description(%s::regclass, 'pg_class')", [TABLE])
    outdated = columns_missing or cursor.fetchone()[0] != PG_TOKENS
    cursor.execute(f"COMMENT ON TABLE {TABLE} IS '{PG_TOKENS}'")
    # LZ4 decompresses several times faster than PostgreSQL's default pglz (new values
    # only; a server built without LZ4 keeps pglz).
    cursor.execute("SELECT 1 FROM pg_settings WHERE name = "
                   "'default_toast_compression' AND 'lz4' = ANY(enumvals)")
    if cursor.fetchone():
        cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET COMPRESSION lz4, "
                       "ALTER COLUMN body SET COMPRESSION lz4")
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin (vector)")
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_heading_lexemes "
                   f"ON {TABLE} USING gin (heading)")
    cursor.execute(PG_NEWEST_FUNCTION)
    cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE})")
    return outdated and cursor.fetchone()[0]


def post_migrate_handler(sender, using="default", **kwargs) -> None:
    ensure_search_schema(using=using)


# --- writing ---------------------------------------------------------------------------

def _number_text(doc_number: str) -> str:
    parsed = parse_doc_number(doc_number)
    return parsed.canonical if parsed else doc_number


def _body_text(body_text: str, attachment_texts: Iterable[str]) -> str:
    parts = [body_text or "", *(t for t in attachment_texts if t)]
    return "\n".join(parts)[:MAX_BODY_CHARS]


def _fields(document: PolicyDocument, attachment_texts: Iterable[str] | None = None
            ) -> tuple[int, str, str, str]:
    """(id, title, 文号, body with the attachments' text) as written."""
    if attachment_texts is None:
        attachment_texts = document.attachments.values_list("text", flat=True)
    return (document.pk, document.title, _number_text(document.doc_number),
            _body_text(document.body_text, attachment_texts))


def _segmented(fields: tuple[int, str, str, str]) -> tuple[int, str, str, str]:
    pk, *texts = fields
    return (pk, *map(ptext.segment, texts))


class _PgQuoted(dict):
    """word → its tsvector/tsquery literal, quoted."""

    def __missing__(self, word: str) -> str:
        if len(self) > 500_000:
            self.clear()
        self[word] = quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
        return quoted


_PG_QUOTED = _PgQuoted()


def _pg_vector(title: list[str], number: list[str], body: list[str]) -> str:
    """The tsvector literal of the fields' words (``ptext.tokens``): each word with its
    positions, numbered on through the fields, weighted A (title), B (文号) or D (body:
    unmarked, the default). PostgreSQL keeps the first 256 positions of a word and
    counts every position past 16383 as 16383."""
    positions: dict[str, list] = {}
    before = 0
    for words, weight in ((title, "A"), (number, "B")):
        for position, word in enumerate(words, before + 1):
            positions.setdefault(word, []).append(f"{position}{weight}")
        before += len(words)
    for position, word in enumerate(body, before + 1):
        marks = positions.get(word)
        if marks is None:
            positions[word] = [position]
        else:
            marks.append(position)
    quoted = _PG_QUOTED
    return " ".join([f"{quoted[word]}:{','.join(map(str, marks[:PG_MAX_POSITIONS]))}"
                     for word, marks in positions.items()
                     if len(word.encode()) <= PG_MAX_WORD_BYTES])


def _pg_words(*word_lists: list[str]) -> str:
    """The tsvector literal of the words alone (no positions, no weights)."""
    words = dict.fromkeys(word for words in word_lists for word in words)
    return " ".join([_PG_QUOTED[word] for word in words
                     if len(word.encode()) <= PG_MAX_WORD_BYTES])


def _pg_segmented(fields: tuple[int, str, str, str]) -> tuple[int, str, str, str, str, str]:
    """``_segmented``, and the vector and heading literals of its words."""
    pk, *texts = fields
    (title, title_words), (number, number_words), (body, body_words) = map(
        ptext.segment_words, texts)
    return (pk, title, number, body, _pg_vector(title_words, number_words, body_words),
            _pg_words(title_words, number_words))


def _row_maker():
    """What makes a row to write from a document's fields, on this database."""
    return _pg_segmented if connection.vendor == "postgresql" else _segmented


def _row(document: PolicyDocument, attachment_texts: Iterable[str] | None = None) -> tuple:
    return _row_maker()(_fields(document, attachment_texts))


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _segmenting_pool() -> ProcessPoolExecutor | None:
    """Worker processes for segmenting many documents, or None where they cannot help
    or are not safe: one CPU, or a process running other threads (forking one could
    copy a lock another thread holds). Forked, so the workers share the loaded
    dictionary and settings; kept for the life of the process."""
    global _pool
    if _pool is not None:
        return _pool
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cpus or 1) < 2 or threading.active_count() > 1 \
            or "fork" not in multiprocessing.get_all_start_methods() \
            or multiprocessing.parent_process() is not None:
        return None
    with _pool_lock:
        if _pool is None:
            ptext.segment("")  # load the dictionary once, before forking
            _pool = ProcessPoolExecutor(max_workers=cpus,
                                        mp_context=multiprocessing.get_context("fork"))
            atexit.register(_pool.shutdown, cancel_futures=True)
    return _pool


def _write_rows(rows: list[tuple]) -> None:
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                f"INSERT INTO {TABLE} (document_id, title, number, body, vector, heading) "
                "VALUES (%s, %s, %s, %s, %s::tsvector, %s::tsvector) "
                "ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, "
                "number = EXCLUDED.number, body = EXCLUDED.body, vector = EXCLUDED.vector, "
                "heading = EXCLUDED.heading", rows)
        else:
            for table in _tables():
                cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s",
                                   [(row[0],) for row in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, number, body) VALUES (%s, %s, %s, %s)",
                rows)
            cursor.executemany(
                f"INSERT INTO {HEADING_TABLE} (rowid, title, number) VALUES (%s, %s, %s)",
                [row[:3] for row in rows])


def index_document(document: PolicyDocument) -> None:
    """Write (or rewrite) ``document`` in the index. Call inside the transaction that
    saves it. Every document is indexed; visibility is decided when reading."""
    _write_rows([_row(document)])


def index_ids(ids: list[int]) -> int:
    """Index (or re-index) the documents with these ids with a few statements
    (``reindex_all``, the benchmark): the columns the index needs and the attachments'
    text are read with two queries; from ``PARALLEL_MIN_DOCUMENTS`` up the text is
    segmented by worker processes while this one writes what they return."""
    attachments: dict[int, list[str]] = {}
    for document_id, text in (DocumentAttachment.objects.filter(document_id__in=ids)
                              .order_by("pk").values_list("document_id", "text")):
        attachments.setdefault(document_id, []).append(text)
    rows = (PolicyDocument.objects.filter(pk__in=ids).order_by("pk")
            .values_list("pk", "title", "doc_number", "body_text"))
    return _index_fields([(pk, title, _number_text(number),
                           _body_text(body, attachments.get(pk, ())))
                          for pk, title, number, body in rows])


def _index_fields(fields: list[tuple[int, str, str, str]]) -> int:
    pool = _segmenting_pool() if len(fields) >= PARALLEL_MIN_DOCUMENTS else None
    segmenter = _row_maker()
    rows = (pool.map(segmenter, fields, chunksize=10) if pool is not None
            else map(segmenter, fields))
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == WRITE_CHUNK:
            _write_rows(chunk)
            chunk = []
    _write_rows(chunk)
    return len(fields)


def _tables() -> tuple[str, ...]:
    return (TABLE,) if connection.vendor == "postgresql" else (TABLE, HEADING_TABLE)


def unindex_document(document_id: int) -> None:
    column = "document_id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [document_id])


def finish_bulk_indexing() -> None:
    """After many documents were indexed at once: on PostgreSQL, move the GIN indexes'
    pending entries into the indexes (every search scans the pending list until
    autovacuum does it) and refresh the planner's statistics of the words."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for index in (f"{TABLE}_vector", f"{TABLE}_heading_lexemes"):
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute(f"ANALYZE {TABLE}")


def reindex_all(*, batch_size: int = 1000) -> int:
    """Rebuild the whole index from the documents (after a dictionary change; on
    PostgreSQL also, once, an index made before ``PG_TOKENS``)."""
    ensure_search_schema(using=connection.alias)
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {table}")
    count = 0
    ids = list(PolicyDocument.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        count += index_ids(ids[start:start + batch_size])
    finish_bulk_indexing()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in _tables():
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    return count


# --- the query -------------------------------------------------------------------------

def _fts5_query(terms: list[str], operator: str) -> str:
    """Each word as an FTS5 string, so no input is read as FTS5 syntax."""
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    return f" {operator} ".join(quoted)


# PostgreSQL: the newest matches of the query words are read by ``PG_NEWEST``, a window
# of ids at a time, each through the GIN index and the primary key together (a bitmap
# AND), so that only the rows in the window that match are read. A window is made wide
# enough for the matches wanted at the words' estimated share of documents
# (``_pg_window``, from the planner's statistics, read again after
# ``PG_STATISTICS_SECONDS``) and each next one four times wider. Left to itself, the
# planner either scans the primary key backward testing every row (about 7 µs a row:
# its vector comes from TOAST, which the planner counts as nearly free) or reads every
# match (about 1 µs each): 12–22 ms for words a sixth to a third of 100,000 documents
# hold, where the windows take 3–7 ms.
PG_NEWEST = f"{TABLE}_newest"
PG_WINDOW_MARGIN = 1.25
PG_STATISTICS_SECONDS = 600
_pg_statistics_cache: dict[str, tuple] = {}
PG_NEWEST_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {PG_NEWEST}(words tsquery, phrase tsquery, below bigint,
                                       width bigint, n integer) RETURNS SETOF bigint
LANGUAGE plpgsql VOLATILE
SET enable_seqscan = on SET enable_indexscan = on
AS $$
-- The ids of the n newest documents (all when n is NULL) below ``below`` (NULL: the
-- newest) matching ``words`` (and the phrases, when not NULL), newest first, read a
-- window of ``width`` ids at a time (NULL: all at once), each next window four times
-- wider. The SET clauses restore the settings changed here.
DECLARE
    top bigint := coalesce(below, (SELECT max(document_id) FROM {TABLE}) + 1);
    first bigint := (SELECT min(document_id) FROM {TABLE});
    got integer := 0;
    k integer;
BEGIN
    IF n IS NULL OR width IS NULL THEN
        width := top - first;
    END IF;
    n := coalesce(n, 2147483647);
    SET LOCAL enable_seqscan = off;
    SET LOCAL enable_indexscan = off;
    WHILE got < n AND top > first LOOP
        RETURN QUERY EXECUTE 'SELECT document_id FROM {TABLE} WHERE vector @@ $1'
            || CASE WHEN phrase IS NULL THEN '' ELSE ' AND vector @@ $2' END
            || ' AND document_id < $3 AND document_id >= $4'
            || ' ORDER BY document_id DESC LIMIT $5'
            USING words, phrase, top, top - width, n - got;
        GET DIAGNOSTICS k = ROW_COUNT;
        got := got + k;
        top := top - width;
        width := width * 4;
    END LOOP;
END
$$"""


def _pg_statistics() -> tuple[dict[str, float], float, float]:
    """(word → share of documents holding it, for the words the statistics list as the
    most common; the smallest such share, which every other word is below; the number
    of documents), ({}, 1.0, 0.0) before the table is first analysed."""
    now = time.monotonic()
    cached = _pg_statistics_cache.get(connection.alias)
    if cached is None or now - cached[0] > PG_STATISTICS_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, "
                "c.reltuples FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = "
                "current_schema() AND s.tablename = c.relname AND s.attname = 'vector' "
                "WHERE c.oid = %s::regclass", [TABLE])
            words, shares, documents = cursor.fetchone()
        if words:
            shares = shares[:len(words)]
            cached = (now, dict(zip(words, shares, strict=True)), min(shares), documents)
        else:
            cached = (now, {}, 1.0, 0.0)
        _pg_statistics_cache[connection.alias] = cached
    return cached[1:]


def _pg_window(word_lists: list[list[str]], match_all: bool, wanted: int) -> int | None:
    """How many ids the first window of ``PG_NEWEST`` spans to hold ``wanted`` matches:
    the words' shares of documents taken as independent (a word the statistics do not
    list as common is taken as common as the least of those listed); None, one window
    for all, before the table has statistics."""
    shares, rarer, documents = _pg_statistics()
    if not shares or documents < 1:
        return None
    terms = [math.prod(shares.get(word, rarer) for word in words) for words in word_lists]
    share = (math.prod(terms) if match_all
             else 1.0 - math.prod(1.0 - term for term in terms))
    return math.ceil(wanted / max(share, 1.0 / documents) * PG_WINDOW_MARGIN)


class _Matcher:
    """The match condition for one backend, and its ranked, highlighted reads."""

    def __init__(self, terms: list[str], *, match_all: bool):
        self.terms = terms
        self.vendor = connection.vendor
        self.operator = "AND" if match_all else "OR"
        if self.vendor == "postgresql":
            self._pg_queries(match_all)
        else:
            self.params = [_fts5_query(terms, self.operator)]

    def _pg_queries(self, match_all: bool) -> None:
        """The PostgreSQL queries, as tsquery literals of the words (``PG_TOKENS``):
        ``tsquery``/``params`` rank; ``words`` is matched against the GIN index, and for a
        query word of several words (the segmenter makes none today, but nothing here
        depends on it) ``params`` also against the positions in ``vector``, since a
        stripped vector never matches a phrase."""
        joiner = " & " if match_all else " | "
        words = [ptext.tokens(term) or [term.lower()] for term in self.terms]
        every = ["(" + " & ".join(map(_PG_QUOTED.__getitem__, w)) + ")" for w in words]
        phrases = ["(" + " <-> ".join(map(_PG_QUOTED.__getitem__, w)) + ")" for w in words]
        self.tsquery = "%s::tsquery"
        self.params = [joiner.join(phrases)]
        several = [len(w) > 1 for w in words]
        self.words, self.phrases = joiner.join(every), any(several)
        self.word_lists, self.match_all = words, match_all

    def _pg_heading_condition(self) -> tuple[str, list]:
        """The match condition against the title's and 文号's words (and, for a phrase,
        the positions in ``vector``)."""
        if not self.phrases:
            return f"{PG_HEADING} @@ %s::tsquery", [self.words]
        return (f"{PG_HEADING} @@ %s::tsquery AND vector @@ %s::tsquery",
                [self.words, self.params[0]])

    def ids_sql(self) -> tuple[str, list]:
        if self.vendor == "postgresql":
            return self._pg_newest(None, None, None)
        return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", self.params

    def _pg_newest(self, n: int | None, below: int | None, width: int | None
                   ) -> tuple[str, list]:
        """The SQL of the ids of the ``n`` newest matches below ``below`` (all when
        ``n`` is None), read by ``PG_NEWEST`` in windows of ``width`` ids."""
        return (f"SELECT {PG_NEWEST} AS document_id FROM "
                f"{PG_NEWEST}(%s::tsquery, %s::tsquery, %s, %s, %s)",
                [self.words, self.params[0] if self.phrases else None, below, width, n])

    def pool(self, size: int, below: int | None = None, *, heading: bool = False,
             rank: bool = True) -> tuple[list[tuple[int, float]], bool]:
        """(id, rank) of the ``size`` newest matches with ids below ``below``, and
        whether there are more; the lower the rank, the better. In rowid order FTS5 stops
        after ``size`` rows, so BM25 is computed for those only; PostgreSQL ranks the
        ``size`` rows its LIMIT kept. ``heading``: the words in the title or 文号.
        Without ``rank`` (or with ``heading``) every rank is 0: on SQLite, BM25 first
        counts the documents of each word, a pass over its whole list."""
        rank = rank and not heading
        if self.vendor == "postgresql":
            return self._pg_pool(size, below, heading=heading, rank=rank)
        older = "" if below is None else "AND rowid < %s "
        table = HEADING_TABLE if heading else TABLE
        rank = "rank" if rank else "0"
        sql = (f"SELECT rowid, {rank} FROM {table} WHERE {table} MATCH %s {older}"
               "ORDER BY rowid DESC LIMIT %s")
        params = [*self.params, *([] if below is None else [below]), size + 1]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return rows[:size], len(rows) > size

    def _pg_pool(self, size: int, below: int | None, *, heading: bool, rank: bool
                 ) -> tuple[list[tuple[int, float]], bool]:
        # The heading rows: the title and 文号 are kept in the row and the planner's
        # choice serves. The others: ``PG_NEWEST``. ts_rank_cd runs on the rows kept.
        if heading:
            condition, params = self._pg_heading_condition()
            older = "" if below is None else " AND document_id < %s"
            inner = (f"SELECT document_id FROM {TABLE} WHERE {condition}{older} "
                     "ORDER BY document_id DESC LIMIT %s")
            params = [*params, *([] if below is None else [below]), size + 1]
        else:
            inner, params = self._pg_newest(
                size + 1, below, _pg_window(self.word_lists, self.match_all, size + 1))
        if rank:
            sql = (f"SELECT document_id, -ts_rank_cd(%s, vector, {self.tsquery}) "
                   f"FROM ({inner}) AS pool JOIN {TABLE} USING (document_id) "
                   "ORDER BY document_id DESC")
            params = [PG_WEIGHTS, *self.params, *params]
        else:
            sql = f"SELECT document_id, 0 FROM ({inner}) AS pool ORDER BY document_id DESC"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = [(pk, float(rank)) for pk, rank in cursor.fetchall()]
        return rows[:size], len(rows) > size

    def scores(self, ids: list[int], known: dict[int, float] | None = None
               ) -> dict[int, float]:
        """The rank of those of ``ids`` that match (higher is better). Scores already
        ``known`` are used as they are: on SQLite, BM25 in a statement first counts the
        documents of every query word, a pass over each word's list."""
        if not ids:
            return {}
        if known is not None and all(pk in known for pk in ids):
            return known
        return self._scores(ids)

    def _scores(self, ids: list[int]) -> dict[int, float]:
        """The rank of those of ``ids`` that match (higher is better)."""
        placeholders = ", ".join(["%s"] * len(ids))
        if self.vendor == "postgresql":
            sql = (f"SELECT document_id, ts_rank_cd(%s, vector, {self.tsquery}) "
                   f"FROM {TABLE} WHERE document_id = ANY(%s::bigint[])")
            params = [PG_WEIGHTS, *self.params, _pg_ids(ids)]
        else:
            # The id range is FTS5's access path (one pass over the matches in it); as
            # its access path, "rowid IN" would run the full-text query once per id.
            sql = (f"SELECT rowid, -{BM25} FROM {TABLE} WHERE {TABLE} MATCH %s "
                   f"AND rowid BETWEEN %s AND %s AND +rowid IN ({placeholders})")
            params = [*self.params, min(ids), max(ids), *ids]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {pk: float(score or 0.0) for pk, score in cursor.fetchall()}


# --- filters and facets ----------------------------------------------------------------

def _as_int(value) -> int | None:
    return parse_int(value)


def _filter_condition(filters: dict | None) -> Q:
    """The facet filters as one condition; values that make no sense are ignored."""
    filters = filters or {}
    condition = Q()
    if filters.get("kind") in DocumentKind.values:
        condition &= Q(kind=filters["kind"])
    if (issuer := _as_int(filters.get("issuer"))) is not None:
        condition &= Q(pk__in=PolicyDocument.issuers.through.objects
                       .filter(unit_id=issuer).values("policydocument_id"))
    if (unit := _as_int(filters.get("unit"))) is not None:
        condition &= Q(unit_id=unit)
    if (year := _as_int(filters.get("year"))) is not None:
        condition &= Q(published_on__year=year)
    if (topic := _as_int(filters.get("topic"))) is not None:
        condition &= Q(topic_id=topic)
    if filters.get("validity") in VALIDITY_ORDER:
        condition &= validity_condition(filters["validity"])
    return condition


def _pg_ids(ids: Iterable[int]) -> str:
    """``ids`` as one PostgreSQL array literal (a ``bigint[]`` parameter): psycopg would
    adapt a list, or a placeholder each, id by id."""
    return "{" + ",".join(map(str, sorted(map(int, ids)))) + "}"


def _id_list(ids: Iterable[int]) -> RawSQL:
    """``ids`` as a subquery with one parameter (SQLite's json_each, PostgreSQL's
    unnest), so a thousand ids cost one bound value rather than a thousand placeholders
    to compile."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [_pg_ids(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(sorted(ids))])


def _covered(queryset: QuerySet) -> list[tuple]:
    """The rows of a documents query read through the ``COVER`` index (SQLite's
    planner would otherwise fetch each document row for a few short columns)."""
    sql, params = queryset.query.sql_with_params()
    if connection.vendor != "sqlite":
        return list(queryset)
    table = f'FROM "{PolicyDocument._meta.db_table}"'
    if sql.count(table) == 1:
        sql = sql.replace(table, f"{table} INDEXED BY {COVER}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _visible_rows(visible: QuerySet, ids: Iterable[int]) -> dict[int, tuple]:
    """id → (kind, published_on, topic_id, topic name, current validity) for those of
    ``ids`` that ``visible`` holds: which candidates a reader may see and their facet
    values, in one read of the ``COVER`` index."""
    ids = list(ids)
    if not ids:
        return {}
    rows = _covered(visible.filter(pk__in=_id_list(ids)).order_by()
                    .annotate(v=validity_expression())
                    .values_list("pk", "kind", "published_on", "topic_id", "topic__name",
                                 "v"))
    return {row[0]: row[1:] for row in rows}


def _facets_of_rows(rows: dict[int, tuple]) -> dict[str, list[dict]]:
    """``_facets`` for a known, small set of documents, counted from their
    ``_visible_rows``; the issuing bodies in one query."""
    kinds, years, topics, validity = Counter(), Counter(), Counter(), Counter()
    topic_names = {}
    for kind, published_on, topic_id, topic_name, v in rows.values():
        kinds[kind] += 1
        validity[v] += 1
        if published_on is not None:
            years[published_on.year] += 1
        if topic_id is not None:
            topics[topic_id] += 1
            topic_names[topic_id] = topic_name
    issuers = (PolicyDocument.issuers.through.objects
               .filter(policydocument_id__in=_id_list(rows))
               .values("unit_id", "unit__name").annotate(n=Count("policydocument_id"))
               .order_by("-n", "unit__name"))
    return _facet_lists(
        [{"kind": k, "n": n} for k, n in kinds.items()], issuers,
        [{"y": y, "n": n} for y, n in sorted(years.items(), reverse=True)],
        sorted(({"topic_id": t, "topic__name": topic_names[t], "n": n}
                for t, n in topics.items()), key=lambda r: (-r["n"], r["topic__name"])),
        dict(validity))


def _facets(matched: QuerySet) -> dict[str, list[dict]]:
    """Counts per facet value over the matched documents: one query per facet."""
    kinds = matched.order_by().values("kind").annotate(n=Count("pk"))
    issuers = (PolicyDocument.issuers.through.objects
               .filter(policydocument_id__in=matched.order_by().values("pk"))
               .values("unit_id", "unit__name").annotate(n=Count("policydocument_id"))
               .order_by("-n", "unit__name"))
    years = (matched.exclude(published_on=None).order_by()
             .annotate(y=ExtractYear("published_on")).values("y").annotate(n=Count("pk"))
             .order_by("-y"))
    topics = (matched.exclude(topic=None).order_by().values("topic_id", "topic__name")
              .annotate(n=Count("pk")).order_by("-n", "topic__name"))
    validity = (matched.order_by().annotate(v=validity_expression()).values("v")
                .annotate(n=Count("pk")))
    validity_counts = {row["v"]: row["n"] for row in validity}
    return _facet_lists(kinds, issuers, years, topics, validity_counts)


def _facet_lists(kinds, issuers, years, topics, validity_counts) -> dict[str, list[dict]]:
    kind_labels = dict(DocumentKind.choices)
    return {
        "kind": sorted(({"value": r["kind"], "label": str(kind_labels.get(r["kind"], r["kind"])),
                         "count": r["n"]} for r in kinds), key=lambda f: -f["count"]),
        "issuer": [{"value": r["unit_id"], "label": r["unit__name"], "count": r["n"]}
                   for r in issuers],
        "year": [{"value": r["y"], "label": str(r["y"]), "count": r["n"]} for r in years],
        "topic": [{"value": r["topic_id"], "label": r["topic__name"], "count": r["n"]}
                  for r in topics],
        "validity": [{"value": v, "label": str(VALIDITY_LABELS[v]),
                      "count": validity_counts[v]}
                     for v in VALIDITY_ORDER if v in validity_counts],
    }


# --- search ----------------------------------------------------------------------------

def _number_condition(numbers) -> Q | None:
    if not numbers:
        return None
    condition = Q()
    for number in numbers:
        condition |= Q(issuer_code=number.issuer_code, doc_year=number.year,
                       doc_serial=number.serial)
    return condition


def _text_terms(query: str, numbers) -> list[str]:
    """The words to match in the text. A 文号 typed with other words is matched exactly
    instead, so the other words alone decide which further documents come after it."""
    terms = ptext.query_terms(query)
    number_terms = {t for n in numbers for t in ptext.query_terms(n.canonical)}
    rest = [t for t in terms if t not in number_terms]
    return rest or terms


def _highlighted(ids: list[int], terms: list[str]) -> dict[int, tuple[str, str]]:
    """id → (title, snippet) as safe HTML with ``terms`` marked, made by
    ``ptext.highlight``/``ptext.snippet`` from the segmented text the index stores; a
    document without the words (a 文号 match, browsing) shows the beginning of its body."""
    if not ids:
        return {}
    if connection.vendor == "postgresql":
        sql = f"SELECT document_id, title, body FROM {TABLE} WHERE document_id = ANY(%s::bigint[])"
        params = [_pg_ids(ids)]
    else:
        sql = (f"SELECT rowid, title, body FROM {TABLE} WHERE rowid IN ("
               + ", ".join(["%s"] * len(ids)) + ")")
        params = list(ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    pattern = ptext.term_pattern(terms)
    return {pk: (ptext.highlight(title, pattern), ptext.snippet(body, pattern))
            for pk, title, body in rows}


def _plain_hit(document: PolicyDocument, score: float = 0.0) -> Hit:
    """A hit for a document missing from the index (it never should be)."""
    body = ptext.prepare(document.body_text)
    snippet = html.escape(body[:120] + ("…" if len(body) > 120 else ""))
    return Hit(document=document, score=score, title_html=html.escape(document.title),
               snippet_html=snippet)


def _page_ids(visible, matcher, exact_ids, *, limit, offset) -> list[int]:
    """The ids of one page: exact 文号 matches first, then the matches by date (newest
    first; relevance is ``_search_pooled``'s)."""
    head = exact_ids[offset:offset + limit]
    rest_offset = max(0, offset - len(exact_ids))
    rest_limit = limit - len(head)
    if rest_limit <= 0:
        return head
    # The exact matches may also be among the rest; read from the start then, so that
    # removing them does not shift the page.
    start, stop = ((0, rest_offset + rest_limit + len(exact_ids)) if exact_ids
                   else (rest_offset, rest_offset + rest_limit))
    matched = visible if matcher is None else visible.filter(
        pk__in=RawSQL(*matcher.ids_sql()))
    rest = list(matched.order_by("-published_on", "-pk")
                .values_list("pk", flat=True)[start:stop])
    if exact_ids:
        exact = set(exact_ids)
        rest = [pk for pk in rest if pk not in exact][rest_offset:]
    return head + rest[:rest_limit]


def _hits(page_ids: list[int], matcher, scores: dict[int, float] | None = None
          ) -> list[Hit]:
    # A hit shows the title, 文号, kind, date and validity: the document rows are read
    # up to those columns only (the bodies are large; the snippet comes from the index).
    documents = (PolicyDocument.objects.filter(pk__in=page_ids)
                 .only("id", "kind", "title", "doc_number", "published_on", "validity",
                       "expires_on", "unit_id")
                 .annotate(current_validity=validity_expression()))
    by_id = {d.pk: d for d in documents}
    terms = matcher.terms if matcher is not None else []
    highlighted = _highlighted(page_ids, terms)
    scores = matcher.scores(page_ids, scores) if matcher is not None else {}
    hits = []
    for pk in page_ids:
        document = by_id.get(pk)
        if document is None:
            continue
        if pk in highlighted:
            title, snippet = highlighted[pk]
            hits.append(Hit(document=document, score=scores.get(pk, 0.0), title_html=title,
                            snippet_html=snippet))
        else:
            hits.append(_plain_hit(document))
    return hits


def _estimate_total(read: list[int], visible_read: int) -> int:
    """A broad query's total, extrapolated from the matches read (the newest): their
    share of visible documents over their id span, applied to the older ids below, down
    to the first document's (a PostgreSQL sequence need not start at 1); two
    significant figures, since it is an estimate."""
    newest, oldest = max(read), min(read)
    first = PolicyDocument.objects.aggregate(first=Min("pk"))["first"] or 1
    older = max(0, oldest - first)
    estimate = visible_read + visible_read * older / (newest - oldest + 1)
    digits = max(0, len(str(int(estimate))) - 2)
    return max(visible_read, int(round(estimate, -digits)))


class _Visibility:
    """``_visible_rows`` of a search's candidates, each read once: the newest matches,
    the heading rows and the ranked tiers overlap."""

    def __init__(self, visible: QuerySet):
        self.visible = visible
        self.rows: dict[int, tuple] = {}
        self.read: set[int] = set()

    def of(self, ids: Iterable[int]) -> dict[int, tuple]:
        ids = list(ids)
        new = [pk for pk in ids if pk not in self.read]
        if new:
            self.rows.update(_visible_rows(self.visible, new))
            self.read.update(new)
        return {pk: self.rows[pk] for pk in ids if pk in self.rows}


def _ranked_tiers(matcher, visibility: _Visibility, exact: set[int], needed: int,
                  size: int = POOL, newest: list[int] = (), newest_more: bool = False):
    """Visible matches in tiers of ``size`` matches, newest tier first, each ranked by
    BM25; read until ``needed`` are ranked or ``MAX_TIERS`` tiers were read. The
    ``newest`` matches, already read (newest first; ``newest_more``: there are older
    ones), are ranked by their ids, not read again.
    Returns (ranked ids, ``_visible_rows`` of the visible ids read, id → score of the
    ids read, whether more matches remain)."""
    ranked: list[int] = []
    visible_rows: dict[int, tuple] = {}
    read: dict[int, float] = {}
    below, more = None, False
    for tier in range(MAX_TIERS):
        known = newest[tier * size:(tier + 1) * size]
        if known:
            scores = matcher.scores(known)
            rows = [(pk, -scores.get(pk, 0.0)) for pk in known]
            more = newest_more or len(newest) > (tier + 1) * size
        else:
            rows, more = matcher.pool(size, below)
        if not rows:
            break
        ranks = dict(rows)
        tier_rows = visibility.of(ranks)
        ranked += sorted(set(tier_rows) - exact, key=lambda pk: (ranks[pk], -pk))
        visible_rows.update(tier_rows)
        read.update((pk, -rank) for pk, rank in rows)
        below = rows[-1][0]
        if not more or len(exact) + len(ranked) >= needed:
            break
    return ranked, visible_rows, read, more


def _heading_rows(matcher, visibility: _Visibility, exact: set[int]) -> dict[int, tuple]:
    """``_visible_rows`` of the newest ``HEADING`` documents with the words in their
    title or 文号, the exact 文号 matches left out."""
    rows, _more = matcher.pool(HEADING, heading=True)
    heading = visibility.of(pk for pk, _rank in rows)
    for pk in exact:
        heading.pop(pk, None)
    return heading


def _search_pooled(visible, terms, exact_ids, *, limit, offset) -> SearchResult:
    """Relevance search from the newest matches (see the module docstring)."""
    exact = set(exact_ids)
    needed = offset + limit
    visibility = _Visibility(visible)
    for match_all in (True, False) if len(terms) > 1 else (True,):
        matcher = _Matcher(terms, match_all=match_all)
        newest, broad = matcher.pool(POOL, rank=False)
        if newest or exact:
            break
    newest_ids = [pk for pk, _rank in newest]
    if broad:
        # Decided by the newest matches alone, so every page ranks the same way: the
        # heading rows (newest first; with the field weights these are what BM25 over
        # every match would put first), then tiers of ``BROAD_TIER`` matches ranked by
        # BM25. The facets and the estimated total come from the newest ``POOL``.
        heading = _heading_rows(matcher, visibility, exact)
        rows = visibility.of(newest_ids)
        scores, more = dict.fromkeys(newest_ids, 0.0), True
        visible_read, read = len(rows), list(scores)
        ranked: list[int] = []
        if len(exact) + len(heading) < needed:
            # (Otherwise the page is all 文号 and heading rows and BM25, which first
            # counts the documents of each word, is not needed.)
            ranked, tier_rows, tier_scores, _more = _ranked_tiers(
                matcher, visibility, exact, needed,
                size=BROAD_TIER.get(connection.vendor, POOL),
                newest=newest_ids, newest_more=True)
            rows.update(tier_rows)
            scores.update(tier_scores)
    else:
        heading = {}
        ranked, rows, scores, more = _ranked_tiers(matcher, visibility, exact, needed,
                                                   newest=newest_ids)
        visible_read, read = len(rows), list(scores)
    for pk in heading:
        scores.setdefault(pk, 0.0)
    ranked = [*sorted(heading, reverse=True), *(pk for pk in ranked if pk not in heading)]
    rows.update(heading)
    page_ids = [*exact_ids, *ranked][offset:offset + limit]
    rows.update(visibility.of(exact - set(rows)))
    total = (_estimate_total(read, visible_read) + len(exact - set(rows)) if more
             else len(rows))
    return SearchResult(total=total, hits=_hits(page_ids, matcher, scores),
                        facets=_facets_of_rows(rows), terms=terms,
                        matched_all_terms=match_all, total_approximate=more,
                        facets_approximate=more)


def search_documents(*, query: str, user=None, filters: dict | None = None,
                     sort: str = "relevance", limit: int = 20, offset: int = 0
                     ) -> SearchResult:
    """Search the documents ``user`` may read.

    A 文号 in the query (any bracket style) puts that document first. All words must
    match; if no document has them all, documents with any of them are returned and
    ``matched_all_terms`` is False. An empty query lists documents by date (browsing).
    ``sort`` is "relevance" or "date". Facets count the matched documents.
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    query = (query or "")[: ptext.MAX_QUERY_CHARS * 5]
    visible = documents_visible_to(user).filter(_filter_condition(filters))
    numbers = find_doc_numbers(query)
    terms = _text_terms(query, numbers)
    number = _number_condition(numbers)
    exact_ids = (list(visible.filter(number).order_by("-published_on", "-pk")
                      .values_list("pk", flat=True)[:MAX_LIMIT]) if number else [])
    if terms and sort == "relevance":
        return _search_pooled(visible, terms, exact_ids, limit=limit, offset=offset)
    matcher, matched, match_all = None, visible, True
    if terms:
        for match_all in (True, False) if len(terms) > 1 else (True,):
            matcher = _Matcher(terms, match_all=match_all)
            text_match = Q(pk__in=RawSQL(*matcher.ids_sql()))
            matched = visible.filter(text_match | Q(pk__in=exact_ids))
            total = matched.count()
            if total:
                break
    else:
        total = matched.count()
    page_ids = _page_ids(visible, matcher, exact_ids, limit=limit, offset=offset)
    return SearchResult(total=total, hits=_hits(page_ids, matcher), facets=_facets(matched),
                        terms=terms, matched_all_terms=match_all)
