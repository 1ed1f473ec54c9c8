"""PostgreSQL: the newest matches of a query, read in windows of ids.

A GIN index cannot return matches newest first. ``PG_NEWEST`` reads them a window of ids
at a time, each through the GIN index and the primary key together (a bitmap AND), so
that only the rows in the window that match are read. A window is made wide enough for
the matches wanted at the words' estimated share of documents (``window``, from the
planner's statistics, read again after ``STATISTICS_SECONDS``); the next one is made
wide enough for the matches still wanted at the share of ids the last one matched
(``WINDOW_MARGIN``), or ``WINDOW_GROWTH`` times wider when it matched none. (Each next
window four times wider, as before: a word the statistics do not list, taken as common
as the least common listed — 15 % of the bench's documents — but held by 0.3 %, found a
seventieth of what it wanted in its first window and took four more to reach the oldest
document, each a pass over its GIN entries and a bitmap of the primary key, 3–18 ms at
100,000 documents against 1–2 ms; and a window that found 485 of 501 matches read four
times as many ids again for the last 16, each vector tested, where the planner chose to.)
Left to itself, the planner either scans the primary key backward testing
every row (about 7 µs a row: its vector comes from TOAST, which the planner counts as
nearly free) or reads every match (about 1 µs each): 12–22 ms for words a sixth to a
third of 100,000 documents hold, where the windows take 3–7 ms.
"""
# SQL is built here from module constants; every value is a bound parameter.
# ruff: noqa: S608
import math
import time

from django.db import connection

from gongkai.policies.search.backends.base import TABLE

PG_NEWEST = f"{TABLE}_newest"
WINDOW_MARGIN = 1.25
WINDOW_GROWTH = 4
STATISTICS_SECONDS = 600
_statistics_cache: dict[str, tuple] = {}
# Words a count found in no document (``_shares``), kept as ``words`` keeps counts: a
# window is sized with them without counting them again.
_absent: dict[tuple[str, str], float] = {}
MAX_ABSENT = 100_000
PG_NEWEST_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {PG_NEWEST}(words tsquery, phrase tsquery, below bigint,
                                       width bigint, n integer) RETURNS SETOF bigint
LANGUAGE plpgsql VOLATILE
SET enable_seqscan = on SET enable_indexscan = on
AS $$
-- The ids of the n newest documents (all when n is NULL) below ``below`` (NULL: the
-- newest) matching ``words`` (and the phrases, when not NULL), newest first, read a
-- window of ``width`` ids at a time (NULL: all at once), each next window wide enough
-- for the matches still wanted at the share of ids the last one matched (with the
-- margin), or {WINDOW_GROWTH} times wider when it matched none. The SET clauses restore the
-- settings changed here.
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
        IF k > 0 AND got < n THEN
            width := greatest(1, ceil((n - got)::numeric * width / k * {WINDOW_MARGIN})::bigint);
        ELSE
            width := width * {WINDOW_GROWTH};
        END IF;
        -- (No wider than what is left: the bound stays a bigint.)
        width := least(width, greatest(top - first, 1));
    END LOOP;
END
$$"""


PG_HOLDING = f"{TABLE}_holding"
PG_HOLDING_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {PG_HOLDING}(words text[], phrases text[], ids bigint[])
RETURNS TABLE (n integer, id bigint)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_indexscan = off
AS $$
-- For each query word k (``words[k]``, a tsquery; ``phrases[k]``, its phrase form when
-- it has one, else NULL), the ids among ``ids`` that hold it: through the GIN index
-- and the ids' range, so no document's vector is read (testing each of the ids' vectors
-- read every one of them out of line, once a word).
DECLARE
    low bigint := (SELECT min(i) FROM unnest(ids) AS i);
    high bigint := (SELECT max(i) FROM unnest(ids) AS i);
BEGIN
    FOR k IN 1 .. coalesce(array_length(words, 1), 0) LOOP
        RETURN QUERY EXECUTE 'SELECT $1, document_id FROM {TABLE} WHERE vector @@ $2::tsquery'
            || CASE WHEN phrases[k] IS NULL THEN '' ELSE ' AND vector @@ $3::tsquery' END
            || ' AND document_id BETWEEN $4 AND $5 AND document_id = ANY($6)'
            USING k, words[k], phrases[k], low, high, ids;
    END LOOP;
END
$$"""


def newest_sql(words: str, phrase: str | None, n: int | None, below: int | None,
               width: int | None) -> tuple[str, list]:
    """The SQL of the ids of the ``n`` newest matches below ``below`` (all when ``n``
    is None), read by ``PG_NEWEST`` in windows of ``width`` ids."""
    return (f"SELECT {PG_NEWEST} AS document_id FROM "
            f"{PG_NEWEST}(%s::tsquery, %s::tsquery, %s, %s, %s)",
            [words, phrase, below, width, n])


def statistics() -> tuple[dict[str, float], float, float]:
    """(word → share of documents holding it, for the words the statistics list as the
    most common; the smallest such share, which every other word is below; the number
    of documents), ({}, 1.0, 0.0) before the table is first analysed."""
    now = time.monotonic()
    cached = _statistics_cache.get(connection.alias)
    if cached is None or now - cached[0] > STATISTICS_SECONDS:
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
        _statistics_cache[connection.alias] = cached
    return cached[1:]


def _shares(word_lists: list[list[list[str]]]) -> tuple[list[list[list[float]]], float]:
    """Each word's share of the documents, as ``word_lists`` holds them: its count
    where this process counted it lately (``words.counted``: the query's words, read
    by the search), else the statistics' share; the words neither counted nor listed
    (the words of a cited 文号, which the reading of a query does not count) are
    counted here first, all in one statement; and the number of documents (0: no
    statistics yet). (Taken as rarer than the least listed word, a cited
    文号's word sized the first window for thousands of matches where it had a few
    dozen: each next window was one more pass over the GIN entries of the issuer's
    code, 4–5 ms at 100,000 documents; bench/search/README.md, round 18.)"""
    from gongkai.policies.search import words as wordstats

    shares, rarer, documents = statistics()
    if not shares or documents < 1:
        return [], 0.0
    now = time.monotonic()
    unread = [word for alternatives in word_lists for words in alternatives
              for word in words
              if word not in shares and wordstats.counted(word) is None
              and now - _absent.get((connection.alias, word), -math.inf)
              > wordstats.CACHE_SECONDS]
    if unread:
        if len(_absent) > MAX_ABSENT:
            _absent.clear()
        for word, count in wordstats.documents_holding(unread).items():
            if not count:
                _absent[(connection.alias, word)] = now

    def share(word: str) -> float:
        count = wordstats.counted(word)
        if count is not None:
            return min(1.0, count / documents)
        if word in shares:
            return shares[word]
        # (Held by no document when counted; else counted since by another search.)
        return 0.0 if (connection.alias, word) in _absent else rarer

    return ([[[share(word) for word in words] for words in alternatives]
             for alternatives in word_lists], documents)


def window(word_lists: list[list[list[str]]], match_all: bool, wanted: int) -> int | None:
    """How many ids the first window of ``PG_NEWEST`` spans to hold ``wanted`` matches:
    the words' shares of documents (``_shares``) taken as independent; ``word_lists``:
    per query word, the words of each of its alternatives. None, one window for all,
    before the table has statistics."""
    share, documents = estimated_share(word_lists, match_all)
    if share is None:
        return None
    return math.ceil(wanted / max(share, 1.0 / documents) * WINDOW_MARGIN)


def estimated_share(word_lists: list[list[list[str]]], match_all: bool
                    ) -> tuple[float | None, float]:
    """(the share of documents a query's words are estimated to match, as ``window``
    takes it; the number of documents); (None, 0.0) before the table has statistics."""
    share_lists, documents = _shares(word_lists)
    if documents < 1:
        return None, 0.0
    terms = [1.0 - math.prod(1.0 - math.prod(words) for words in alternatives)
             for alternatives in share_lists]
    share = (math.prod(terms) if match_all
             else 1.0 - math.prod(1.0 - term for term in terms))
    return share, documents
