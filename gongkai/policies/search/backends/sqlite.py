"""SQLite: an FTS5 table ``policies_search`` (title, number, body; rowid = document id)
over pre-segmented text, ranked by BM25 with the field weights of ``ranking``, and a
second FTS5 table with the title and 文号 alone for the heading rows of a broad query (a
column filter on the main table would walk every match of a common word's body list to
find the few in titles), and a third, ``WORDS_TABLE``, of the same words without their
positions, whose vocabulary counts a word's documents — kept as a plain table,
``COUNTS_TABLE``, which a search reads. A covering index on the documents holds the
columns relevance search reads per candidate.
"""
# SQL is built here from module constants, Django-compiled querysets and placeholder
# lists; every value (query words, ids, limits) is a bound parameter.
# ruff: noqa: S608, S611
import json
from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from gongkai.policies import text as ptext
from gongkai.policies.models import PolicyDocument
from gongkai.policies.search import ranking
from gongkai.policies.search.backends.base import INDEX_FORMAT, TABLE, Backend, Matcher

HEADING_TABLE = f"{TABLE}_heading"
COVER = f"{TABLE}_cover"
# The columns of a page's hits (and of the interpretation pairs): title, 文号 and the
# validity sit before or after the bodies in the row, and ``validity`` and
# ``interprets_id`` after them, so reading them from the row walks the bodies' overflow
# pages (6 ms for a page of 20 at 100,000 documents).
LISTING = f"{TABLE}_listing"
LISTING_COLUMNS = ("id, kind, title, doc_number, published_on, validity, expires_on, "
                   "unit_id, interprets_id")
# The documents' words again (title, 文号 and body as one column) in a contentless FTS5
# table without positions (detail=none: a word's list is its documents' ids alone, about
# a seventh of the main table's), kept with the main table in the same statements; its
# vocabulary gives how many documents hold a word. A search counts the documents of its
# words and of its first titles' words (``words.documents_holding``): on the main table a
# common word's count walked its whole list with every position (a count of a match,
# 3–5 ms for a word in 99,000 of 100,000 documents; its vocabulary, 50 ms).
WORDS_TABLE = f"{TABLE}_words"
WORDS_VOCABULARY = f"{WORDS_TABLE}_vocabulary"
# What ``WORDS_TABLE`` holds of a main table's row. A contentless table forgets a row
# only when told its words again: they are read back from the main table.
WORDS_OF_ROW = "title || ' ' || number || ' ' || body"
# How many documents hold each word of ``WORDS_TABLE`` (term, doc — what its vocabulary
# gives), stored and kept in the statements that write or delete rows
# (``_count_rows``): a search reads its words' counts by key. The vocabulary reads a
# word's whole list to count it (1–2 ms a common word at 100,000 documents, and a search
# counts its words and its first titles' words: 10–17 ms of the slowest searches).
COUNTS_TABLE = f"{TABLE}_counts"
# The words of the rows being written or deleted, tokenized as ``WORDS_TABLE`` is, in a
# connection's own temporary FTS5 table: its vocabulary is how many of those rows hold
# each word, the change to ``COUNTS_TABLE``.
DELTA_TABLE = "gk_search_delta"
DELTA_VOCABULARY = f"{DELTA_TABLE}_vocabulary"
# (The vocabulary of the main table, which earlier versions read: dropped.)
OLD_VOCABULARY = f"{TABLE}_vocabulary"
TABLES = (TABLE, HEADING_TABLE)
# The ``INDEX_FORMAT`` the rows were written in (one row; PostgreSQL keeps it as the
# table's comment). An index without it was written before the format changed.
FORMAT_TABLE = f"{TABLE}_format"
# FTS5 keeps this much of a transaction's new index data in memory before writing it out
# as a segment (default 1 MB): fewer, larger segments to merge when many documents are
# indexed together.
FTS5_HASHSIZE = 32 * 1024 * 1024
# A word more than this share of the documents hold is left out of the query BM25 is
# read with (``SqliteMatcher.scored_query``): FTS5 weighs a word in half of them or more
# by 1e-6 (the margin: the counts are cached, the documents' total is the table's).
UNWEIGHED_SHARE = 0.6


def bm25_weights() -> str:
    return ", ".join(f"{w:.1f}" for w in ranking.FIELD_WEIGHTS.values())


def _fts5_string(term) -> str:
    """A string (a phrase if spaced) as one FTS5 string, so no input is read as FTS5
    syntax; a tuple as its strings joined by AND."""
    if isinstance(term, str):
        return '"' + term.replace('"', '""') + '"'
    return "(" + " AND ".join(map(_fts5_string, term)) + ")"


def fts5_query(groups: list[tuple], operator: str) -> str:
    """The query words joined by ``operator``; the alternatives of one query word in
    parentheses, joined by OR."""
    quoted = []
    for group in groups:
        strings = [_fts5_string(term) for term in group]
        quoted.append(strings[0] if len(strings) == 1 else "(" + " OR ".join(strings) + ")")
    return f" {operator} ".join(quoted)


def segmented_row(fields: tuple[int, str, str, str]) -> tuple[int, str, str, str]:
    pk, *texts = fields
    return (pk, *map(ptext.segment, texts))


class SqliteMatcher(Matcher):
    def __init__(self, terms: list, *, match_all: bool):
        super().__init__(terms, match_all=match_all)
        self.params = [fts5_query(self.groups, "AND" if match_all else "OR")]

    def ids_sql(self) -> tuple[str, list]:
        return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", self.params

    def pool(self, size: int, below: int | None = None, *, heading: bool = False,
             rank: bool = True) -> tuple[list[tuple[int, float]], bool]:
        with connection.cursor() as cursor:
            cursor.execute(*self.pool_sql(size, below, heading=heading, rank=rank))
            rows = cursor.fetchall()
        return rows[:size], len(rows) > size

    def pool_sql(self, size: int, below: int | None = None, *, heading: bool = False,
                 rank: bool = True) -> tuple[str, list]:
        # In rowid order FTS5 stops after ``size`` rows, so BM25 is computed for those
        # only; BM25 first counts the documents of each word, a pass over its list.
        rank = rank and not heading
        older = "" if below is None else "AND rowid < %s "
        table = HEADING_TABLE if heading else TABLE
        sql = (f"SELECT rowid, {'rank' if rank else '0'} FROM {table} WHERE {table} "
               f"MATCH %s {older}ORDER BY rowid DESC LIMIT %s")
        params = [*self.params, *([] if below is None else [below]), size + 1]
        return sql, params

    def scores_sql(self, ids: list[int], *, matching: bool = False) -> tuple[str, list]:
        # The id range is FTS5's access path (one pass over the matches in it); as its
        # access path, "rowid IN" would run the full-text query once per id. (So the
        # query is matched whether or not ``matching``.)
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (f"SELECT rowid, -bm25({TABLE}, {bm25_weights()}) FROM {TABLE} "
               f"WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s "
               f"AND +rowid IN ({placeholders})")
        return sql, [self.scored_query(), min(ids), max(ids), *ids]

    def holding(self, ids: list[int]) -> list[set[int]]:
        # A match of each word over the ids' range, in one statement, without BM25: its
        # statement first counts the documents of the word (a pass over the whole list
        # of 府 or 号, 2–3 ms each, for the any-word reading of a 文号).
        if not ids:
            return [set() for _ in self.groups]
        placeholders = ", ".join(["%s"] * len(ids))
        one = (f"SELECT %s, rowid FROM {TABLE} WHERE {TABLE} MATCH %s "
               f"AND rowid BETWEEN %s AND %s AND +rowid IN ({placeholders})")
        params = []
        for n, group in enumerate(self.groups):
            params += [n, fts5_query([group], "AND"), min(ids), max(ids), *ids]
        found: list[set[int]] = [set() for _ in self.groups]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([one] * len(self.groups)), params)
            for n, pk in cursor.fetchall():
                found[n].add(pk)
        return found

    def scored_query(self) -> str:
        """The query the scores of matches of every word are read with: without the
        words more than ``UNWEIGHED_SHARE`` of the documents hold, when some other word
        is left.

        FTS5's BM25 counts the documents of each word of the query in every statement,
        a pass over the word's whole list: the words of a 文号 (埔, 府, 号, the year) are
        in two thirds to all of the documents, 6–10 ms a statement at 100,000. A word
        in half the documents or more has an inverse document frequency of at most 0,
        which FTS5 makes 1e-6: it adds a millionth to a score and decides only between
        documents whose other words score exactly alike (those then come newest first,
        as ``ranking`` orders ties). The ids scored match every word already, so the
        shorter query matches the same rows."""
        if not self.match_all or len(self.groups) < 2:
            return self.params[0]
        from gongkai.policies.search import words as wordstats

        # (A string the tokenizer would cut is no term of the vocabulary: count 0, kept.)
        single = [alt for group in self.groups for alt in group if isinstance(alt, str)]
        counts = wordstats.documents_holding(single)
        floor = UNWEIGHED_SHARE * wordstats.document_total()
        kept = [group for group in self.groups
                if not all(isinstance(alt, str) and counts.get(alt, 0) >= floor
                           for alt in group)]
        return fts5_query(kept, "AND") if kept else self.params[0]


def _count_rows(cursor, insert: str, params: list[tuple], sign: int) -> None:
    """Add (``sign`` +1) or take (-1) the words of some rows to or from
    ``COUNTS_TABLE``: ``insert`` (``{delta}`` for the temporary table, run with each of
    ``params``) puts their words in ``DELTA_TABLE``, whose vocabulary then says how many
    of them hold each word. A word no document holds any more is removed."""
    if not params:
        return
    cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{DELTA_TABLE} USING fts5("
                   "words, content = '', detail = none, tokenize = 'unicode61')")
    cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{DELTA_VOCABULARY} "
                   f"USING fts5vocab(temp, {DELTA_TABLE}, 'row')")
    cursor.executemany(insert.format(delta=f"temp.{DELTA_TABLE}"), params)
    if sign > 0:
        cursor.execute(f"INSERT INTO {COUNTS_TABLE} (term, doc) SELECT term, doc "
                       f"FROM temp.{DELTA_VOCABULARY} WHERE true "
                       "ON CONFLICT (term) DO UPDATE SET doc = doc + excluded.doc")
    else:
        cursor.execute(f"UPDATE {COUNTS_TABLE} SET doc = {COUNTS_TABLE}.doc - delta.doc "
                       f"FROM temp.{DELTA_VOCABULARY} AS delta "
                       f"WHERE {COUNTS_TABLE}.term = delta.term")
        cursor.execute(f"DELETE FROM {COUNTS_TABLE} WHERE doc <= 0 AND term IN "
                       f"(SELECT term FROM temp.{DELTA_VOCABULARY})")
    cursor.execute(f"INSERT INTO temp.{DELTA_TABLE} ({DELTA_TABLE}) VALUES ('delete-all')")


def _create_filled(cursor, name: str, create: str, fill: str) -> None:
    """Create the table ``name`` and fill it from the index, when it is missing: new, or
    an index made by a version before the table existed (``migrate`` brings it up to
    date without indexing again)."""
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [name])
    if cursor.fetchone() is None:
        cursor.execute(create)
        cursor.execute(fill)


class SqliteBackend(Backend):
    vendor = "sqlite"
    matcher_class = SqliteMatcher
    row_maker = staticmethod(segmented_row)
    # BM25 in a statement first counts each word's documents: fewer, larger tiers.
    broad_tier = ranking.POOL

    def ensure_schema(self, cursor) -> bool:
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                       "title, number, body, tokenize = 'unicode61')")
        _create_filled(cursor, HEADING_TABLE,
                       f"CREATE VIRTUAL TABLE {HEADING_TABLE} USING fts5("
                       "title, number, tokenize = 'unicode61')",
                       f"INSERT INTO {HEADING_TABLE} (rowid, title, number) "
                       f"SELECT rowid, title, number FROM {TABLE}")
        # The columns relevance search reads per candidate (visibility, filters, facets)
        # in an index: the document rows themselves hold the bodies, so reading a late
        # column from them walks overflow pages.
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {COVER} ON {PolicyDocument._meta.db_table} "
            "(id, publication_status, audience, kind, unit_id, topic_id, published_on, "
            "validity, expires_on)")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {LISTING} ON "
                       f"{PolicyDocument._meta.db_table} ({LISTING_COLUMNS})")
        cursor.execute(f"DROP TABLE IF EXISTS {OLD_VOCABULARY}")
        _create_filled(cursor, WORDS_TABLE,
                       f"CREATE VIRTUAL TABLE {WORDS_TABLE} USING fts5(words, "
                       "content = '', detail = none, tokenize = 'unicode61')",
                       f"INSERT INTO {WORDS_TABLE} (rowid, words) "
                       f"SELECT rowid, {WORDS_OF_ROW} FROM {TABLE}")
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {WORDS_VOCABULARY} "
                       f"USING fts5vocab({WORDS_TABLE}, 'row')")
        # (Filled in one pass over the vocabulary: 1.4 s at 100,000 documents.)
        _create_filled(cursor, COUNTS_TABLE,
                       f"CREATE TABLE {COUNTS_TABLE} (term TEXT PRIMARY KEY, "
                       "doc INTEGER NOT NULL) WITHOUT ROWID",
                       f"INSERT INTO {COUNTS_TABLE} (term, doc) "
                       f"SELECT term, doc FROM {WORDS_VOCABULARY}")
        # The default rank is the weighted BM25, so ORDER BY rank uses FTS5's own sort.
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', %s)",
                       [f"bm25({bm25_weights()})"])
        for table in (*TABLES, WORDS_TABLE):
            cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', %s)",
                           [FTS5_HASHSIZE])
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {FORMAT_TABLE} (format TEXT NOT NULL)")
        cursor.execute(f"SELECT format FROM {FORMAT_TABLE}")
        outdated = [row[0] for row in cursor.fetchall()] != [INDEX_FORMAT]
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE})")
        rebuild = outdated and bool(cursor.fetchone()[0])
        if outdated and not rebuild:
            self.stamp(cursor)
        return rebuild

    def stamp(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {FORMAT_TABLE}")
        cursor.execute(f"INSERT INTO {FORMAT_TABLE} (format) VALUES (%s)", [INDEX_FORMAT])

    def write_rows(self, cursor, rows: list[tuple], *, counted: bool = True) -> None:
        self.delete_rows(cursor, [row[0] for row in rows], counted=counted)
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, number, body) VALUES (%s, %s, %s, %s)", rows)
        cursor.executemany(
            f"INSERT INTO {HEADING_TABLE} (rowid, title, number) VALUES (%s, %s, %s)",
            [row[:3] for row in rows])
        # (As ``WORDS_OF_ROW`` reads them back: the segmented fields are strings.)
        words = [(pk, " ".join((title, number, body))) for pk, title, number, body in rows]
        cursor.executemany(f"INSERT INTO {WORDS_TABLE} (rowid, words) VALUES (%s, %s)",
                           words)
        if counted:
            _count_rows(cursor, "INSERT INTO {delta} (rowid, words) VALUES (%s, %s)",
                        words, +1)

    def recount(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {COUNTS_TABLE}")
        cursor.execute(f"INSERT INTO {COUNTS_TABLE} (term, doc) "
                       f"SELECT term, doc FROM {WORDS_VOCABULARY}")

    def delete_rows(self, cursor, ids: list[int] | None, *, counted: bool = True) -> None:
        # ``WORDS_TABLE`` first: its rows are forgotten by their words, read from the
        # main table's rows before these go.
        if ids is None:
            cursor.execute(f"INSERT INTO {WORDS_TABLE} ({WORDS_TABLE}) VALUES ('delete-all')")
            cursor.execute(f"DELETE FROM {COUNTS_TABLE}")
        else:
            if counted:
                _count_rows(cursor, f"INSERT INTO {{delta}} (rowid, words) SELECT rowid, "
                            f"{WORDS_OF_ROW} FROM {TABLE} WHERE rowid = %s",
                            [(pk,) for pk in ids], -1)
            cursor.executemany(
                f"INSERT INTO {WORDS_TABLE} ({WORDS_TABLE}, rowid, words) "
                f"SELECT 'delete', rowid, {WORDS_OF_ROW} FROM {TABLE} WHERE rowid = %s",
                [(pk,) for pk in ids])
        for table in TABLES:
            if ids is None:
                cursor.execute(f"DELETE FROM {table}")
            else:
                cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s",
                                   [(pk,) for pk in ids])

    def after_rebuild(self, cursor) -> None:
        for table in (*TABLES, WORDS_TABLE):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def stored_texts_sql(self, ids: list[int]) -> tuple[str, list]:
        return (f"SELECT rowid, title, body FROM {TABLE} WHERE rowid IN ("
                + ", ".join(["%s"] * len(ids)) + ")", list(ids))

    def stored_titles_sql(self, ids: list[int]) -> tuple[str, list]:
        return (f"SELECT rowid, title FROM {HEADING_TABLE} WHERE rowid IN ("
                + ", ".join(["%s"] * len(ids)) + ")", list(ids))

    def word_documents(self, cursor, words: list[str], cap: int,
                       held: frozenset[str] = frozenset()) -> dict[str, int]:
        # One statement per chunk of words (a search reads the counts of its query's
        # words and of its first titles' words at once), from ``COUNTS_TABLE``: the
        # documents holding the token in any column, as a match of the main table
        # counts them (``WORDS_TABLE``'s vocabulary, kept), read by key.
        counts = dict.fromkeys(words, 0)
        for start in range(0, len(words), 500):
            chunk = words[start:start + 500]
            cursor.execute(f"SELECT term, doc FROM {COUNTS_TABLE} WHERE term IN ("
                           + ", ".join(["%s"] * len(chunk)) + ")", chunk)
            counts.update(cursor.fetchall())
        return counts

    def document_total(self, cursor) -> int:
        cursor.execute(f"SELECT count(*) FROM {PolicyDocument._meta.db_table} "
                       f"INDEXED BY {COVER}")
        return cursor.fetchone()[0]

    def id_list(self, ids: Iterable[int]) -> RawSQL:
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(sorted(ids))])

    def covered_sql(self, queryset: QuerySet, *, listing: bool = False
                    ) -> tuple[str, tuple]:
        """Read through the ``COVER`` index, or ``LISTING`` (the planner would
        otherwise fetch each document row for a few short columns)."""
        sql, params = queryset.query.sql_with_params()
        table = f'FROM "{PolicyDocument._meta.db_table}"'
        if sql.count(table) == 1:
            sql = sql.replace(table, f"{table} INDEXED BY {LISTING if listing else COVER}")
        return sql, params

    def listing_table(self) -> str:
        return f"{PolicyDocument._meta.db_table} INDEXED BY {LISTING}"

    def covered(self, queryset: QuerySet) -> list[tuple]:
        sql, params = self.covered_sql(queryset)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
