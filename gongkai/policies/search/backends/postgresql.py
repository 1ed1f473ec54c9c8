"""PostgreSQL: a table ``policies_search`` with the segmented text, a ``tsvector`` of the
segmenter's words (title A, number B, body D; see ``pg_words``) used to rank with
``ts_rank_cd`` and, under a GIN index, to find the matches, and ``heading`` (the words
of the title and 文号, GIN index) for the heading rows of a broad query (the GIN index
of the body keeps no weights); ``policies_search_counts``, each word's documents, kept
by the writes (``COUNTS_TABLE``).
"""
# SQL is built here from module constants and placeholder lists; every value (query
# words, ids, limits) is a bound parameter.
# ruff: noqa: S608
from collections.abc import Iterable

from django.db import DatabaseError, connection
from django.db.models.expressions import RawSQL

from gongkai.policies.search import lexicon_read, ranking
from gongkai.policies.search.backends import pg_newest
from gongkai.policies.search.backends.base import TABLE, Backend, Matcher
from gongkai.policies.search.backends.pg_words import (
    PG_TOKENS,
    segmented_row,
    tsqueries,
)

HEADING = "heading"
# How many documents hold each word of ``vector`` (what a match of the word alone would
# find), stored and kept in the statements that write or delete rows (``_count_rows``):
# a search reads its words' counts by key. These weigh a query's words (ranking rule 5,
# ``covers``, the generic words) as SQLite's exact counts do; the planner's statistics,
# read before, list only the commonest words and left every other at "held by some
# document" — the weight of the rarest — so a word a dozen documents hold outweighed the
# one rare word of a question (政府部门一年花了多少钱: 一年 over 预算), and the two
# engines ranked apart. (Counting the others through the GIN index, up to a cap, was a
# statement per word.)
COUNTS_TABLE = f"{TABLE}_counts"
# The earlier versions' counting function (``policies_search_counts(text[], integer)``).
OLD_COUNTS_FUNCTION = f"{TABLE}_counts(text[], integer)"
# Writers of the index take this transaction lock before changing the counts: two
# transactions adding the same words would otherwise lock their count rows in
# different orders.
COUNTS_LOCK = COUNTS_TABLE
# What separates the words of a stored title besides spaces: the marks around the
# pieces added after a long word (``ptext.segment_words``), and any other white space.
TITLE_SEPARATORS = "\x02\x03\t\n\r"


def rank_weights() -> str:
    """``ranking.FIELD_WEIGHTS`` as ts_rank_cd's {D, C, B, A} array: body D, 文号 B,
    title A, each relative to the largest (C is unused)."""
    top = max(ranking.FIELD_WEIGHTS.values())
    weight = {field: w / top for field, w in ranking.FIELD_WEIGHTS.items()}
    return f"{{{weight['body']:g}, 0.0, {weight['number']:g}, {weight['title']:g}}}"


def pg_ids(ids: Iterable[int]) -> str:
    """``ids`` as one PostgreSQL array literal (a ``bigint[]`` parameter): psycopg would
    adapt a list, or a placeholder each, id by id."""
    return "{" + ",".join(map(str, sorted(map(int, ids)))) + "}"


class PostgresMatcher(Matcher):
    """``words`` is matched against the GIN index, and for a query word of several
    words (the segmenter makes none today, but nothing here depends on it) ``phrase``
    also against the positions in ``vector``, since a stripped vector never matches a
    phrase; ``phrase`` ranks."""

    def __init__(self, terms: list, *, match_all: bool):
        super().__init__(terms, match_all=match_all)
        self.word_lists, self.words, self.phrase = tsqueries(self.groups, match_all)
        self.phrases = self.words != self.phrase

    def ids_sql(self) -> tuple[str, list]:
        return self._newest(None, None, None)

    def _newest(self, n, below, width) -> tuple[str, list]:
        return pg_newest.newest_sql(self.words, self.phrase if self.phrases else None,
                                    n, below, width)

    def _heading_condition(self) -> tuple[str, list]:
        if not self.phrases:
            return f"{HEADING} @@ %s::tsquery", [self.words]
        return (f"{HEADING} @@ %s::tsquery AND vector @@ %s::tsquery",
                [self.words, self.phrase])

    def pool(self, size: int, below: int | None = None, *, heading: bool = False,
             rank: bool = True) -> tuple[list[tuple[int, float]], bool]:
        # (Through ``run_together``: a search's first read also reads the lexicon's stamp.)
        rows, = lexicon_read.run_together([self.pool_sql(size, below, heading=heading,
                                                         rank=rank)])
        return self.pool_of(rows, size)

    def likely_broad(self, size: int) -> bool:
        # (From words counted or listed by the statistics: ``pg_newest._shares`` counts
        # the others first; taken as common as the least listed word, 15 % of the
        # bench's documents, most rare words would be called broad.)
        share, documents = pg_newest.estimated_share(self.word_lists, self.match_all)
        return share is not None and share * documents > size

    def pool_sql(self, size: int, below: int | None = None, *, heading: bool = False,
                 rank: bool = True) -> tuple[str, list]:
        # The heading rows: the title and 文号 are kept in the row and the planner's
        # choice serves. The others: ``PG_NEWEST``. ts_rank_cd runs on the rows kept.
        rank = rank and not heading
        if heading:
            condition, params = self._heading_condition()
            older = "" if below is None else " AND document_id < %s"
            inner = (f"SELECT document_id FROM {TABLE} WHERE {condition}{older} "
                     "ORDER BY document_id DESC LIMIT %s")
            params = [*params, *([] if below is None else [below]), size + 1]
        else:
            inner, params = self._newest(
                size + 1, below, pg_newest.window(self.word_lists, self.match_all, size + 1))
        if rank:
            sql = (f"SELECT document_id, -ts_rank_cd(%s, vector, %s::tsquery) "
                   f"FROM ({inner}) AS pool JOIN {TABLE} USING (document_id) "
                   "ORDER BY document_id DESC")
            params = [rank_weights(), self.phrase, *params]
        else:
            sql = f"SELECT document_id, 0 FROM ({inner}) AS pool ORDER BY document_id DESC"
        return sql, params

    def narrow_pool_sql(self, size: int) -> tuple[str, list]:
        # ts_rank_cd (which reads each vector whole) only when the pool is narrow: the
        # CASE's branch is evaluated row by row, for none of a broad query's.
        inner, params = self._newest(
            size + 1, None, pg_newest.window(self.word_lists, self.match_all, size + 1))
        sql = (f"SELECT pool.document_id, CASE WHEN pool.n <= %s THEN "
               f"-ts_rank_cd(%s, {TABLE}.vector, %s::tsquery) END "
               f"FROM (SELECT document_id, count(*) OVER () AS n FROM ({inner}) AS i) "
               f"AS pool JOIN {TABLE} USING (document_id) ORDER BY pool.document_id DESC")
        return sql, [size, rank_weights(), self.phrase, *params]

    def scores_sql(self, ids: list[int], *, matching: bool = False) -> tuple[str, list]:
        # Known matches are read by id alone: testing the query again, the planner
        # chose the GIN index, whose lists of the words of a 文号 (埔, 号, the year: in
        # most documents) it read whole for a tier of 100 (5.6 → 2.0 ms a statement).
        sql = (f"SELECT document_id, ts_rank_cd(%s, vector, %s::tsquery) "
               f"FROM {TABLE} WHERE document_id = ANY(%s::bigint[])")
        params = [rank_weights(), self.phrase, pg_ids(ids)]
        if matching:
            return sql, params
        return f"{sql} AND vector @@ %s::tsquery", [*params, self.phrase]


    def holding(self, ids: list[int]) -> list[set[int]]:
        if not ids:
            return [set() for _ in self.groups]
        words, phrases = [], []
        for group in self.groups:
            _lists, group_words, phrase = tsqueries([group], True)
            words.append(group_words)
            phrases.append(phrase if phrase != group_words else None)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT n, id FROM {pg_newest.PG_HOLDING}(%s, %s, %s::bigint[])",
                           [words, phrases, pg_ids(ids)])
            rows = cursor.fetchall()
        found: list[set[int]] = [set() for _ in self.groups]
        for n, pk in rows:
            found[n - 1].add(pk)
        return found


def _count_rows(cursor, ids: list[int], sign: int) -> None:
    """Add (``sign`` +1) or take (-1) the words of the rows ``ids`` (as stored now) to
    or from ``COUNTS_TABLE``; a word no document holds any more is removed."""
    if not ids:
        return
    cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [COUNTS_LOCK])
    held = (f"SELECT word, count(*) AS n FROM {TABLE}, unnest(tsvector_to_array(vector)) "
            "AS word WHERE document_id = ANY(%s::bigint[]) GROUP BY word")
    if sign > 0:
        cursor.execute(f"INSERT INTO {COUNTS_TABLE} AS c (word, documents) "
                       f"SELECT word, n FROM ({held}) AS held ORDER BY word "
                       "ON CONFLICT (word) DO UPDATE SET documents = c.documents + "
                       "EXCLUDED.documents", [pg_ids(ids)])
        return
    cursor.execute(f"UPDATE {COUNTS_TABLE} AS c SET documents = c.documents - held.n "
                   f"FROM ({held}) AS held WHERE c.word = held.word "
                   "RETURNING c.word, c.documents", [pg_ids(ids)])
    gone = [word for word, documents in cursor.fetchall() if documents <= 0]
    if gone:
        cursor.execute(f"DELETE FROM {COUNTS_TABLE} WHERE word = ANY(%s::text[])", [gone])


class PostgresBackend(Backend):
    vendor = "postgresql"
    matcher_class = PostgresMatcher
    row_maker = staticmethod(segmented_row)
    # ts_rank_cd reads each ranked document's whole vector: smaller tiers.
    broad_tier = 100
    # Each of the newest matches of a broad query is found by testing its vector, read
    # out of line (about 10 µs a row; the GIN index's bitmap of a word most documents
    # hold costs more), and its visible row and issuers are read by key: half the pool
    # is sample enough for facets and a total marked as estimates (bench/search/README.md,
    # round 18).
    broad_sample = 0.5
    rows_with_pool = True

    def ensure_schema(self, cursor) -> bool:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (document_id bigint PRIMARY KEY, "
            "title text NOT NULL, number text NOT NULL, body text NOT NULL, "
            "vector tsvector NOT NULL, heading tsvector)")
        # ``vector`` under a GIN index finds the matches; ``heading``: the words of the
        # title and 文号 alone, in the row, under a GIN index of its own. The large
        # values live out of line (TOAST), so the rows are small and reading the GIN
        # index's matches touches few pages (0.5–1 µs a match). Earlier versions kept a
        # stripped copy ``lexemes`` in the row; the windows of ``PG_NEWEST`` need none.
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
        # LZ4 decompresses several times faster than PostgreSQL's default pglz (new
        # values only; a server built without LZ4 keeps pglz).
        cursor.execute("SELECT 1 FROM pg_settings WHERE name = "
                       "'default_toast_compression' AND 'lz4' = ANY(enumvals)")
        if cursor.fetchone():
            cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN body SET COMPRESSION lz4")
        self._vectors_uncompressed(cursor)
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} "
                       "USING gin (vector)")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_heading_lexemes "
                       f"ON {TABLE} USING gin (heading)")
        cursor.execute(pg_newest.PG_NEWEST_FUNCTION)
        cursor.execute(f"DROP FUNCTION IF EXISTS {OLD_COUNTS_FUNCTION}")
        cursor.execute("SELECT to_regclass(%s)", [COUNTS_TABLE])
        if cursor.fetchone()[0] is None:
            # An index an earlier version made gets its counts here, from its vectors
            # (ts_stat: each word and how many of them hold it).
            cursor.execute(f"CREATE TABLE {COUNTS_TABLE} (word text PRIMARY KEY, "
                           "documents integer NOT NULL)")
            cursor.execute(f"INSERT INTO {COUNTS_TABLE} (word, documents) SELECT word, "
                           f"ndoc FROM ts_stat('SELECT vector FROM {TABLE}')")
        cursor.execute(pg_newest.PG_HOLDING_FUNCTION)
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE})")
        rebuild = outdated and cursor.fetchone()[0]
        if not rebuild:
            self.stamp(cursor)
        return rebuild

    def stamp(self, cursor) -> None:
        cursor.execute(f"COMMENT ON TABLE {TABLE} IS '{PG_TOKENS}'")

    @staticmethod
    def _vectors_uncompressed(cursor) -> None:
        """``vector`` stored out of line uncompressed (``EXTERNAL``): ts_rank_cd reads a
        ranked document's whole vector, and LZ4 made the vectors of Chinese words only
        7 % smaller while undoing it was a tenth to an eighth of reading one (480
        vectors ranked: 6.8–7.0 → 5.9–6.3 ms at 100,000 documents). A value takes the
        storage of its column when written: the vectors an earlier version compressed
        are written again, once (an edited document's new vector is written
        uncompressed by ``write_rows``)."""
        cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE EXTERNAL")
        # (Concatenated with nothing: a new value, the same words and positions; one
        # set to itself would keep its stored, compressed, form.)
        cursor.execute(f"UPDATE {TABLE} SET vector = vector || ''::tsvector "
                       "WHERE pg_column_compression(vector) IS NOT NULL")

    def warm(self, cursor) -> list[tuple[str, int]]:
        """The search table, its indexes and its out-of-line values (the vectors ranked,
        the bodies highlighted) loaded into the shared buffers with ``pg_prewarm`` when
        the extension is there or can be created (a superuser's right); else each
        vector read once (the TOAST pages and their index go to the shared buffers;
        the GIN indexes stay where they are). After a restart the first searches
        otherwise copy these pages in, each on first use: the cold server's tail."""
        if self._prewarm_extension(cursor):
            cursor.execute(
                "SELECT c.relname, pg_prewarm(c.oid) FROM pg_class c WHERE c.oid IN ("
                "SELECT %s::regclass UNION SELECT indexrelid FROM pg_index "
                "WHERE indrelid = %s::regclass UNION SELECT reltoastrelid FROM pg_class "
                "WHERE oid = %s::regclass UNION SELECT i.indexrelid FROM pg_index i "
                "JOIN pg_class t ON i.indrelid = t.reltoastrelid WHERE t.oid = %s::regclass"
                ") ORDER BY c.relname", [TABLE] * 4)
            return [(name, pages) for name, pages in cursor.fetchall()]
        # (length() reads the whole vector: every TOAST chunk, through the TOAST index.)
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE length(vector) >= 0")
        return [(f"{TABLE}.vector", cursor.fetchone()[0])]

    @staticmethod
    def _prewarm_extension(cursor) -> bool:
        """Whether ``pg_prewarm()`` can be called in this database (created here when
        it can be: in a savepoint, so a refusal leaves the transaction usable)."""
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'")
        if cursor.fetchone():
            return True
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_prewarm'")
        if not cursor.fetchone():
            return False
        cursor.execute("SAVEPOINT gongkai_prewarm")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        except DatabaseError:
            cursor.execute("ROLLBACK TO SAVEPOINT gongkai_prewarm")
            return False
        cursor.execute("RELEASE SAVEPOINT gongkai_prewarm")
        return True

    def write_rows(self, cursor, rows: list[tuple], *, counted: bool = True) -> None:
        ids = [row[0] for row in rows]
        if counted:
            _count_rows(cursor, ids, -1)  # the rows these replace, if any
        cursor.executemany(
            f"INSERT INTO {TABLE} (document_id, title, number, body, vector, heading) "
            "VALUES (%s, %s, %s, %s, %s::tsvector, %s::tsvector) "
            "ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, "
            "number = EXCLUDED.number, body = EXCLUDED.body, vector = EXCLUDED.vector, "
            "heading = EXCLUDED.heading", rows)
        if counted:
            _count_rows(cursor, ids, +1)

    def recount(self, cursor) -> None:
        # (A whole rebuild runs in one transaction: kept chunk by chunk, each common
        # word's count row was updated once a chunk, and every update walked the
        # versions the transaction had left of it — 24 minutes and counting at 100,000
        # documents, where this pass takes under a minute.)
        cursor.execute(f"DELETE FROM {COUNTS_TABLE}")
        cursor.execute(f"INSERT INTO {COUNTS_TABLE} (word, documents) SELECT word, ndoc "
                       f"FROM ts_stat('SELECT vector FROM {TABLE}')")

    def delete_rows(self, cursor, ids: list[int] | None) -> None:
        if ids is None:
            cursor.execute(f"DELETE FROM {TABLE}")
            cursor.execute(f"DELETE FROM {COUNTS_TABLE}")
        else:
            _count_rows(cursor, ids, -1)
            cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = ANY(%s::bigint[])",
                           [pg_ids(ids)])

    def finish_bulk(self, cursor) -> None:
        """Move the GIN indexes' pending entries into the indexes (every search scans
        the pending list until autovacuum does it) and refresh the words' statistics."""
        for index in (f"{TABLE}_vector", f"{TABLE}_heading_lexemes"):
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute(f"ANALYZE {TABLE}")

    def stored_texts_sql(self, ids: list[int]) -> tuple[str, list]:
        return (f"SELECT document_id, title, body FROM {TABLE} "
                "WHERE document_id = ANY(%s::bigint[])", [pg_ids(ids)])

    def stored_titles_sql(self, ids: list[int]) -> tuple[str, list]:
        return (f"SELECT document_id, title FROM {TABLE} "
                "WHERE document_id = ANY(%s::bigint[])", [pg_ids(ids)])

    def title_word_counts_sql(self, ids: list[int]) -> tuple[str, list]:
        # (Rule 4a counts the subject words of the first titles: read after them, it
        # was a round trip of its own in two searches of five. The title is cut at its
        # spaces and at the marks around the pieces the index adds after a long word,
        # 政策解读\x02政策 解读\x03: by ``translate``, a third cheaper than a
        # regular expression.)
        return (f"SELECT word, documents FROM {COUNTS_TABLE} WHERE word IN (SELECT "
                f"unnest(string_to_array(translate(title, %s, %s), ' ')) FROM {TABLE} "
                "WHERE document_id = ANY(%s::bigint[]))",
                [TITLE_SEPARATORS, " " * len(TITLE_SEPARATORS), pg_ids(ids)])

    def word_documents(self, cursor, words: list[str], cap: int,
                       held: frozenset[str] = frozenset()) -> dict[str, int]:
        """From ``COUNTS_TABLE``, read by key, one statement for all the words (a
        word over ``PG_MAX_WORD_BYTES`` is in no vector: 0)."""
        counts = dict.fromkeys(words, 0)
        # (Through ``run_together``: a search's first read also reads the stamp.)
        rows, = self.run_together([
            (f"SELECT word, documents FROM {COUNTS_TABLE} WHERE word = ANY(%s::text[])",
             [list(words)])])
        counts.update(rows)
        return counts

    def document_total(self, cursor) -> int:
        _shares, _rarer, documents = pg_newest.statistics()
        if documents >= 1:
            return int(documents)
        cursor.execute(f"SELECT count(*) FROM {TABLE}")
        return cursor.fetchone()[0]

    def id_list(self, ids: Iterable[int]) -> RawSQL:
        return RawSQL("SELECT unnest(%s::bigint[])", [pg_ids(ids)])
