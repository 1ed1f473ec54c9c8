"""PostgreSQL's index is made of the segmenter's own words, written as tsvector and
tsquery literals (``pg_words.PG_TOKENS``): what they hold, and an index of the previous
kind rebuilt."""
import math

import pytest

from django.db import connection

from gongkai.policies.search import TABLE, search_documents
from gongkai.policies.search.backends import backend, pg_newest, pg_words
from gongkai.policies.search.schema import ensure_search_schema
from gongkai.policies.tests.factories_policies import make_document
from gongkai.policies.text import query_terms, segment, segment_words, tokens

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="PostgreSQL's index only")


def test_vector_literal_numbers_weights_and_quotes_the_words():
    literal = pg_words.pg_vector(tokens("政务 公开"), tokens("穗埔府办 〔 2022 〕 1 号"),
                                tokens("公开 O'Neil ' a\\b Email"))
    assert literal == ("'政务':1A '公开':2A,7 '穗埔府办':3B '2022':4B '1':5B '号':6B "
                       "'o''neil':8 'a\\\\b':9 'email':10")


@pytest.mark.parametrize("text", [
    "推进政务公开工作，公开征求意见。", "政務公開 O'Neil\tEmail\n第二段  2022年", "", "   ",
    "穗埔府办〔2022〕1号 关于《条例》的解读"])
def test_words_come_with_the_segmented_text_as_tokens_would_split_it(text):
    assert segment_words(text) == (segment(text), tokens(segment(text)))


def test_heading_literal_holds_each_word_once():
    words = pg_words.pg_words(tokens("政务 公开 公开"), tokens("穗埔府办 〔 2022 〕"))
    assert words == "'政务' '公开' '穗埔府办' '2022'"


@on_postgresql
def test_postgresql_reads_the_literals_back_as_the_words():
    body = " ".join(["词"] * 20_000 + ["末尾", "O'Neil", "a\\b"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT lexeme, positions::text, weights::text "
                       "FROM unnest(%s::tsvector)", [pg_words.pg_vector(["标题"], [], tokens(body))])
        rows = {lexeme: (positions, weights) for lexeme, positions, weights
                in cursor.fetchall()}
    assert set(rows) == {"标题", "词", "末尾", "o'neil", "a\\b"}
    assert rows["标题"] == ("{1}", "{A}") and rows["末尾"][1] == "{D}"
    positions = rows["词"][0].strip("{}").split(",")
    assert len(positions) == pg_words.PG_MAX_POSITIONS and positions[0] == "2"
    assert rows["末尾"][0] == "{16383}"  # past PostgreSQL's last position


@on_postgresql
def test_a_query_word_with_quotes_or_backslashes_is_a_word_not_syntax():
    document = make_document(title="关于 O'Neil 的通知")
    assert [hit.document.pk for hit in search_documents(query="o'neil").hits] == [document.pk]
    for hostile in ("a\\", "'", "' | '", "!", "<->", ":*"):
        assert search_documents(query=hostile).total >= 0


@on_postgresql
def test_an_index_of_the_previous_kind_is_rebuilt_on_migrate():
    document = make_document(title="排水管网改造方案", body_html="<p>雨污分流</p>")
    with connection.cursor() as cursor:
        # As the previous version left it: no mark, words PostgreSQL's parser made.
        cursor.execute(f"UPDATE {TABLE} SET vector = to_tsvector('simple', 'x'), "
                       "heading = NULL")
        cursor.execute(f"COMMENT ON TABLE {TABLE} IS NULL")
        cursor.execute(f"DROP INDEX {TABLE}_vector")
        cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN lexemes tsvector")
    assert search_documents(query="雨污分流").total == 0
    ensure_search_schema()
    assert [hit.document.pk for hit in search_documents(query="雨污分流").hits] == [document.pk]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT obj_description('{TABLE}'::regclass, 'pg_class')")
        assert cursor.fetchone()[0] == pg_words.PG_TOKENS
        cursor.execute("SELECT column_name FROM information_schema.columns "
                       "WHERE table_name = %s ORDER BY ordinal_position", [TABLE])
        assert [row[0] for row in cursor.fetchall()] == [
            "document_id", "title", "number", "body", "vector", "heading"]


@on_postgresql
def test_the_newest_matches_are_read_in_windows_sized_by_the_words_statistics(monkeypatch):
    documents = [make_document(title=f"通知{n}",
                               body_html="<p>政务公开" + (" 桥梁检测" if n % 10 == 0 else "")
                               + "</p>") for n in range(30)]
    common, rare = query_terms("政务公开"), query_terms("政务公开 桥梁检测")
    monkeypatch.setattr(pg_newest, "_statistics_cache", {})
    assert pg_newest.window([[common]], True, 10) is None  # no statistics yet: one window
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")
    monkeypatch.setattr(pg_newest, "_statistics_cache", {})
    shares, _rarer, count = pg_newest.statistics()
    assert shares["政务公开"] == 1.0 and count == 30
    assert pg_newest.window([[common]], True, 10) == 13  # every document holds it
    assert pg_newest.window([[[w]] for w in rare], True, 10) > 100  # one in ten
    assert pg_newest.window([[[w]] for w in rare], False, 10) == 13
    # Whatever the windows (one id wide, so many are read; or all at once), the same
    # documents come newest first, and the next ones below them.
    with_both = sorted((d.pk for d in documents[::10]), reverse=True)
    for width in (1, None):
        monkeypatch.setattr(pg_newest, "window", lambda *args, w=width: w)
        matcher = backend().matcher(rare, match_all=True)
        rows, more = matcher.pool(2, rank=False)
        assert ([pk for pk, _rank in rows], more) == (with_both[:2], True)
        rows, more = matcher.pool(2, below=with_both[1], rank=False)
        assert ([pk for pk, _rank in rows], more) == (with_both[2:], False)
        assert search_documents(query="桥梁检测", sort="date").total == 3


@on_postgresql
def test_a_word_the_statistics_do_not_list_is_counted_once_to_size_its_window(monkeypatch):
    """The statistics list the commonest words only; any other (a cited 文号's word,
    which the reading of a query does not count) is counted when a window is sized,
    all such words in one statement, and only once: a rare one gets one window for
    all, a word no document holds too, and a query of counted words is broad when more
    than the pool hold them."""
    from django.test.utils import CaptureQueriesContext

    from gongkai.policies.search import words as wordstats

    for n in range(40):
        make_document(title=f"通知{n}", body_html="<p>政务公开"
                      + (" 桥梁" if n == 0 else "") + (" 养护" if n % 2 else "") + "</p>")
    # As in a large library, the statistics list the commonest word only.
    monkeypatch.setattr(pg_newest, "statistics", lambda: ({"政务公开": 1.0}, 0.15, 40.0))
    monkeypatch.setattr(pg_newest, "_absent", {})
    wordstats.forget()
    assert [query_terms(w) for w in ("桥梁", "养护", "隧道")] == [["桥梁"], ["养护"], ["隧道"]]
    rare, half, held_by_none = [[["桥梁"]]], [[["养护"]]], [[["隧道"]]]
    listed = [[["政务公开"]]]
    with CaptureQueriesContext(connection) as counting:
        assert pg_newest.window([*rare, *half, *held_by_none], False, 5) == math.ceil(
            5 / (1 - (1 - 1 / 40) * (1 - 0.5)) * pg_newest.WINDOW_MARGIN)
    assert len(counting) == 1
    with CaptureQueriesContext(connection) as again:
        assert pg_newest.window(rare, True, 5) == math.ceil(5 * 40 * pg_newest.WINDOW_MARGIN)
        assert pg_newest.window(half, True, 5) == math.ceil(5 / 0.5 * pg_newest.WINDOW_MARGIN)
        # Held by none: one window for all (what it finds, it finds at once).
        assert pg_newest.window(held_by_none, True, 5) == math.ceil(
            5 * 40 * pg_newest.WINDOW_MARGIN)
        assert pg_newest.window(listed, True, 5) == math.ceil(5 * pg_newest.WINDOW_MARGIN)
        assert backend().matcher(["养护"], match_all=True).likely_broad(10)
        assert not backend().matcher(["养护"], match_all=True).likely_broad(20)
        assert not backend().matcher(["桥梁"], match_all=True).likely_broad(5)
    assert len(again) == 0
    wordstats.forget()


@on_postgresql
def test_windows_after_a_sparse_one_read_the_same_matches_as_one_read_of_all():
    """A window that finds few of the matches wanted sizes the next one by that share
    (a word rarer than the statistics say): whatever the first width, the wanted number
    and the bound below, the ids are those of one read of every match."""
    documents = [make_document(title=f"通知{n}",
                               body_html="<p>政务公开" + (" 桥梁检测" if n % 7 in (0, 3) else "")
                               + "</p>") for n in range(60)]
    words = backend().matcher(query_terms("桥梁检测"), match_all=True).words
    matching = [d.pk for n, d in reversed(list(enumerate(documents))) if n % 7 in (0, 3)]
    assert len(matching) == 18

    def newest(width, n, below=None):
        with connection.cursor() as cursor:
            cursor.execute(*pg_newest.newest_sql(words, None, n, below, width))
            return [row[0] for row in cursor.fetchall()]

    assert newest(None, None) == matching
    for width in (1, 2, 5, 9, 40, 1000):
        for n in (1, 3, 10, 18, 50):
            assert newest(width, n) == matching[:n], (width, n)
        assert newest(width, 4, below=matching[5]) == matching[6:10]
        assert newest(width, 100, below=matching[-1]) == []
        assert newest(width, None) == matching


def test_an_index_written_before_the_cited_numbers_words_is_written_again_on_migrate():
    citing = make_document(title="关于废止部分文件的通知",
                           body_html="<p>穗埔府办函〔2022〕48号自即日起废止。</p>")
    with connection.cursor() as cursor:
        # As the previous format left it: the document's row without the citation's
        # word (here: without the row), the previous format's stamp.
        backend().delete_rows(cursor, [citing.pk])
        if connection.vendor == "postgresql":
            cursor.execute(f"COMMENT ON TABLE {TABLE} IS 'gongkai tokens 1'")
        else:
            cursor.execute(f"UPDATE {TABLE}_format SET format = 'gongkai tokens 1'")
    make_document(title="另一份文件")  # an index with rows: written again
    assert search_documents(query="穗埔府办函〔2022〕48号").total == 0
    # Until the rebuild is done, the index stays marked (a rebuild cut short, a server
    # stopped during it, is made again by the next migrate).
    with connection.cursor() as cursor:
        assert backend().ensure_schema(cursor) is True
        assert backend().ensure_schema(cursor) is True
    ensure_search_schema()
    assert [hit.document.pk for hit in search_documents(query="穗埔府办函〔2022〕48号").hits
            ] == [citing.pk]
    # Once: the stamp is the current format's.
    with connection.cursor() as cursor:
        assert backend().ensure_schema(cursor) is False


def test_a_rebuild_makes_the_words_counts_again_as_the_writes_kept_them():
    from gongkai.policies.search import reindex_all

    for n in range(5):
        make_document(title=f"排水管网改造方案{n}", body_html="<p>雨污分流" + " 桥梁" * n + "</p>")
    counts = backend().vendor == "postgresql" and "word, documents" or "term, doc"

    def stored():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {counts} FROM {TABLE}_counts ORDER BY 1")
            return cursor.fetchall()

    kept = stored()
    assert ("分流", 5) in kept and ("桥梁", 4) in kept
    assert reindex_all() == 5
    assert stored() == kept
