"""How a search reads the database at 100,000 documents (bench/search/README.md, fourth
round): exact word counts by the cheaper statement, the hits' columns through the
listing index, independent reads sent together — with the same answers."""
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.policies.models import PolicyDocument
from gongkai.policies.search import TABLE, reindex_all, search_documents
from gongkai.policies.search.backends import backend
from gongkai.policies.services.documents import document_update
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite",
                                 reason="FTS5's vocabulary and SQLite's indexes")


def _match_count(word: str) -> int:
    """How many documents a match of the index finds for ``word`` (one token)."""
    sql, params = backend().matcher_class([word], match_all=True).ids_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql}) AS found", params)  # noqa: S608
        return cursor.fetchone()[0]


def _counts(words: list[str]) -> dict[str, int]:
    with connection.cursor() as cursor:
        return backend().word_documents(cursor, words, cap=10)


def test_a_words_count_is_the_number_of_documents_a_match_finds():
    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。Wifi 2025 年。</p>")
    make_document(title="黄埔区养犬登记办法", body_html="<p>养犬 wifi。</p>")
    make_document(title="黄埔区垃圾分类办法", body_html="<p>分类投放。</p>")
    words = ["登记", "wifi", "2025", "分类", "外星人", "养犬"]
    assert _counts(words) == {word: _match_count(word) for word in words}
    counts = _counts([*words, "Wifi", "wi-fi", "é"])
    assert counts["登记"] == 2 and counts["wifi"] == 2 and counts["2025"] == 1
    assert counts["外星人"] == 0
    # Capitals and punctuation are the tokenizer's to fold or split: looked up as typed.
    assert counts["Wifi"] == 0 and counts["wi-fi"] == 0


def test_a_words_count_follows_a_document_rewritten_removed_and_reindexed():
    # The counts come from a second, contentless table kept beside the main one: a
    # document's old words must leave it when the document is written again or deleted.
    dog = make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    make_document(title="黄埔区养犬登记办法", body_html="<p>养犬。</p>")
    assert _counts(["登记", "垃圾", "规定"]) == {"登记": 2, "垃圾": 0, "规定": 1}
    document_update(document=dog, actor=dog.author, title="黄埔区垃圾分类办法",
                    body_html="<p>垃圾分类投放。</p>")
    words = ["登记", "垃圾", "规定", "分类"]
    assert _counts(words) == {"登记": 1, "垃圾": 1, "规定": 0, "分类": 1}
    assert _counts(words) == {word: _match_count(word) for word in words}
    dog.delete()
    assert _counts(words) == {"登记": 1, "垃圾": 0, "规定": 0, "分类": 0}
    reindex_all()
    assert _counts(words) == {"登记": 1, "垃圾": 0, "规定": 0, "分类": 0}
    assert search_documents(query="登记").total == 1


def _stored_counts_and_vocabulary() -> tuple[dict[str, int], dict[str, int]]:
    """The stored counts (``COUNTS_TABLE``) and what the index itself says, counted
    whole (SQLite: the words table's vocabulary; PostgreSQL: ts_stat over the
    vectors): each word held by some document and by how many."""
    if connection.vendor == "sqlite":
        from gongkai.policies.search.backends.sqlite import COUNTS_TABLE, WORDS_VOCABULARY

        stored_sql = f"SELECT term, doc FROM {COUNTS_TABLE}"  # noqa: S608
        whole_sql = f"SELECT term, doc FROM {WORDS_VOCABULARY} WHERE doc > 0"  # noqa: S608
    else:
        from gongkai.policies.search.backends.postgresql import COUNTS_TABLE

        stored_sql = f"SELECT word, documents FROM {COUNTS_TABLE}"  # noqa: S608
        whole_sql = f"SELECT word, ndoc FROM ts_stat('SELECT vector FROM {TABLE}')"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(stored_sql)
        stored = dict(cursor.fetchall())
        cursor.execute(whole_sql)
        return stored, dict(cursor.fetchall())


def test_the_stored_counts_are_the_vocabularys_after_every_kind_of_write():
    # A search reads its words' counts from a table kept by the statements that write
    # the index (the vocabulary walks a common word's whole list): it must hold what the
    # vocabulary would say after a document is added, rewritten, deleted, its write
    # rolled back, and after a rebuild — no word left over with a count of its own.
    from django.db import transaction

    dog = make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。Wifi 2025 年。</p>")
    make_document(title="黄埔区养犬登记办法", body_html="<p>养犬 wifi 登记。</p>")
    stored, vocabulary = _stored_counts_and_vocabulary()
    assert stored == vocabulary and stored["登记"] == 2 and stored["wifi"] == 2
    document_update(document=dog, actor=dog.author, title="黄埔区垃圾分类办法",
                    body_html="<p>垃圾分类投放。</p>")
    stored, vocabulary = _stored_counts_and_vocabulary()
    assert stored == vocabulary
    assert stored["登记"] == 1 and "规定" not in stored and stored["垃圾"] == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        make_document(title="黄埔区垃圾处理收费办法", body_html="<p>垃圾收费。</p>")
        assert _stored_counts_and_vocabulary()[0]["垃圾"] == 2
        raise RuntimeError
    assert _stored_counts_and_vocabulary()[0]["垃圾"] == 1
    dog.delete()
    stored, vocabulary = _stored_counts_and_vocabulary()
    assert stored == vocabulary and "垃圾" not in stored and stored["登记"] == 1
    reindex_all()
    assert _stored_counts_and_vocabulary()[0] == _stored_counts_and_vocabulary()[1] != {}


def _counts_table() -> str:
    from gongkai.policies.search.backends import postgresql, sqlite

    return (sqlite if connection.vendor == "sqlite" else postgresql).COUNTS_TABLE


def test_the_counts_of_titles_words_read_with_them_are_the_stored_counts():
    """Where they are read with the titles (PostgreSQL), the counts of every word of the
    stored titles — a long word's pieces too — are those a search reads by key."""
    make_document(title="关于加强政策解读工作的通知", body_html="<p>政策解读。</p>")
    make_document(title="黄埔区专项资金管理办法", body_html="<p>专项资金 政策。</p>")
    ids = list(PolicyDocument.objects.values_list("pk", flat=True))
    statement = backend().title_word_counts_sql(ids)
    if connection.vendor != "postgresql":
        assert statement is None  # read when needed, in the process
        return
    rows, = backend().run_together([statement])
    read = dict(rows)
    with connection.cursor() as cursor:
        titles = backend().stored_titles(cursor, ids)
    words = {w for _pk, title in titles for w in title.replace("\x02", " ")
             .replace("\x03", " ").split()}
    assert {"政策解读", "政策", "专项资金"} <= words
    assert {w: read.get(w, 0) for w in words} == _counts(sorted(words))


def test_a_searchs_word_counts_are_read_from_the_stored_counts_by_key():
    from gongkai.policies.search import words

    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    words.forget()
    with CaptureQueriesContext(connection) as queries:
        assert words.documents_holding(["登记", "外星人"]) == {"登记": 1, "外星人": 0}
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert _counts_table() in sql and "vocabulary" not in sql and "ts_stat" not in sql
    # A document added since is counted once the process's cache is not used.
    make_document(title="黄埔区养犬登记办法", body_html="<p>养犬登记。</p>")
    words.forget()
    assert words.documents_holding(["登记"]) == {"登记": 2}


def test_an_index_made_before_the_stored_counts_gets_them_filled_at_migrate():
    from gongkai.policies.search import ensure_search_schema

    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    make_document(title="黄埔区垃圾分类办法", body_html="<p>分类登记。</p>")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {_counts_table()}")
    ensure_search_schema()
    stored, vocabulary = _stored_counts_and_vocabulary()
    assert stored == vocabulary and stored["登记"] == 2
    assert _counts(["登记", "分类", "外星人"]) == {"登记": 2, "分类": 1, "外星人": 0}


@sqlite_only
def test_the_hits_columns_are_read_from_the_listing_index_not_the_rows():
    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    with CaptureQueriesContext(connection) as queries:
        result = search_documents(query="养犬")
    assert [hit.document.title for hit in result.hits] == ["黄埔区养犬管理规定"]
    listing = [q["sql"] for q in queries.captured_queries
               if '"title" AS "title"' in q["sql"]]
    assert listing and all("INDEXED BY policies_search_listing" in sql for sql in listing)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN SELECT title, validity, interprets_id FROM "
                       "policies_policydocument INDEXED BY policies_search_listing "
                       "WHERE id IN (1, 2)")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "COVERING INDEX policies_search_listing" in plan


def test_statements_sent_together_come_back_each_with_its_rows():
    first = make_document(title="黄埔区养犬管理规定")
    second = make_document(title="黄埔区垃圾分类办法")
    chosen = backend()
    rows = chosen.run_together([chosen.stored_texts_sql([first.pk]),
                                chosen.stored_texts_sql([second.pk, first.pk]),
                                chosen.stored_texts_sql([])
                                if connection.vendor != "sqlite"
                                else ("SELECT 1 WHERE 0", [])])
    assert [sorted(r[0] for r in found) for found in rows] == [
        [first.pk], sorted([first.pk, second.pk]), []]


def test_a_page_reads_its_hits_and_facets_in_the_same_answer():
    documents = [make_document(title=f"黄埔区养犬管理规定（第{i}号）",
                               body_html="<p>养犬登记。</p>") for i in range(3)]
    result = search_documents(query="养犬")
    assert {hit.document.pk for hit in result.hits} == {d.pk for d in documents}
    issuers = {row["value"]: row["count"] for row in result.facets["issuer"]}
    assert issuers == {d.unit_id: 1 for d in documents}
    assert all(hit.snippet_html and "<mark>" in hit.title_html for hit in result.hits)


@sqlite_only
def test_an_index_made_before_the_words_table_gets_it_filled_at_migrate():
    from gongkai.policies.search import ensure_search_schema
    from gongkai.policies.search.backends.sqlite import WORDS_TABLE, WORDS_VOCABULARY

    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    make_document(title="黄埔区垃圾分类办法", body_html="<p>分类登记。</p>")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {WORDS_VOCABULARY}")
        cursor.execute(f"DROP TABLE {WORDS_TABLE}")
    ensure_search_schema()
    words = ["登记", "分类", "规定", "外星人"]
    assert _counts(words) == {"登记": 2, "分类": 1, "规定": 1, "外星人": 0}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_a_titles_words_taken_as_held_count_as_asking_whether_a_document_holds_them():
    # Rule 4a's tie-break counts the words of the first titles; on PostgreSQL a word the
    # statistics do not list counts 1 if some document holds it — a title's own words
    # are not asked for again.
    from gongkai.policies.search import finish_bulk_indexing, words
    from gongkai.policies.search.backends import pg_newest

    titles = ["黄埔区养犬管理规定", "黄埔区垃圾分类办法", "关于加装电梯补贴的通知",
              "黄埔区长者饭堂建设方案"]
    for i, title in enumerate(titles * 3):
        make_document(title=title, body_html=f"<p>第{i}号。登记。</p>")
    with connection.cursor() as cursor:
        # Statistics of the ten commonest words only, as a large library's leave most
        # words out (rolled back with the test).
        cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STATISTICS 1")
    finish_bulk_indexing()
    pg_newest._statistics_cache.clear()
    words.forget()
    shares, _rarer, _documents = pg_newest.statistics()
    with connection.cursor() as cursor:
        stored = [title for _pk, title in backend().stored_titles(
            cursor, list(PolicyDocument.objects.values_list("pk", flat=True)))]
    title_words = sorted({w for title in stored for w in title.split()
                          if all("\u4e00" <= ch <= "\u9fff" for ch in w)})
    assert shares and [w for w in title_words if w not in shares]
    try:
        with connection.cursor() as cursor:
            asked = backend().word_documents(cursor, title_words, cap=10)
            taken = backend().word_documents(cursor, title_words, cap=10,
                                             held=frozenset(title_words))
    finally:
        # (Statistics of a table the test's rollback takes back.)
        pg_newest._statistics_cache.clear()
        words.forget()
    assert taken == asked and all(asked.values())


@pytest.fixture
def paired_library():
    from gongkai.policies.services import interpretation_create
    from gongkai.policies.tests.factories_policies import publish

    found = []
    for n in range(6):
        document = make_document(
            title=f"黄埔区学生校外托管机构管理办法（第{n}批）", doc_number=f"埔教〔2024〕{n + 1}号",
            body_html="<p>校外托管机构应当依法登记。学生托管安全。</p>")
        found.append(document)
        found.append(publish(interpretation_create(
            document=document, form="text", title=f"《学生托管办法（第{n}批）》政策解读",
            body_html="<p>学生托管：学生托管机构登记；学生托管安全。" * 3 + "</p>",
            author=document.author, unit=document.unit)))
    for n in range(5):
        make_document(title=f"黄埔区道路养护方案{n}", body_html="<p>道路养护，学生安全。</p>")
    return found


def _full(result, digits: int = 6) -> tuple:
    return (result.total, result.notice, result.facets,
            [(hit.document.pk, hit.title_html, hit.snippet_html, round(hit.score, digits))
             for hit in result.hits])


SEARCHES = [dict(query="学生托管"), dict(query="学生托管 解读"), dict(query="学生 安全"),
            dict(query="托管 埔教〔2024〕3号"), dict(query="学生托管", limit=3, offset=2),
            dict(query="学生托管", limit=2, offset=0), dict(query="道路养护")]


def test_the_page_read_ahead_with_the_titles_is_the_page_read_after(paired_library,
                                                                       monkeypatch):
    """The page's hits and facets are read with the titles rule 4a reads, before rules
    4a and 4 order the first places: the same pages as when read after them, and used
    only when the page still holds the documents read."""
    from gongkai.policies.search.results import PageAhead

    used = []
    holds = PageAhead.holds

    def spy(self, page_ids, rows):
        used.append(holds(self, page_ids, rows))
        return used[-1]

    monkeypatch.setattr(PageAhead, "holds", spy)
    ahead = [_full(search_documents(**search)) for search in SEARCHES]
    assert True in used and False in used  # read ahead and used; a page read again
    monkeypatch.setattr(PageAhead, "holds", lambda self, page_ids, rows: False)
    assert ahead == [_full(search_documents(**search)) for search in SEARCHES]


def test_a_search_takes_two_round_trips_on_postgresql(paired_library):
    """Its newest matches ranked with their visible rows (and the lexicon's stamp),
    then the titles of the first places with the page and its facets (the words'
    counts are kept by the process): each round trip waited for is a wake-up of two
    processes. (Five before this round: the stamp, the newest matches, their scores and
    rows, the titles, the page.)"""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs in the process: no round trips")
    from gongkai.core.sql import SENT_TOGETHER

    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    for query in ("学生托管", "道路养护"):
        search_documents(query=query)
        statements.clear()
        together = SENT_TOGETHER[0]
        with connection.execute_wrapper(count):
            result = search_documents(query=query)
        assert result.hits
        assert len(statements) - (SENT_TOGETHER[0] - together) == 2, query


def test_newest_matches_read_ranked_with_their_rows_give_the_same_pages(paired_library,
                                                                          monkeypatch):
    """Where statements are sent together (PostgreSQL), a query not likely broad reads
    its newest matches ranked with their visible rows in one round trip: the pages are
    those of reading the rows and scores after (forced here on either database; the
    any-word reading of 托管 养护 scores otherwise than the every-word one)."""
    from gongkai.policies.search.backends.base import Backend
    from gongkai.policies.search.visibility import Visibility

    searches = [*SEARCHES, dict(query="托管 养护"), dict(query="学生 道路养护")]
    used = []
    pool_with_rows = Visibility.pool_with_rows

    def spy(self, matcher, **kwargs):
        used.append(pool_with_rows(self, matcher, **kwargs))
        return used[-1]

    monkeypatch.setattr(Visibility, "pool_with_rows", spy)
    pages = {}
    for together in (True, False):
        monkeypatch.setattr(type(backend()), "rows_with_pool", together)
        used.clear()
        # (To four places: on SQLite the tiers' scores leave out the words most
        # documents hold, which FTS5 weighs by 1e-6, and the ranked pool's keep them —
        # ``SqliteMatcher.scored_query``.)
        pages[together] = [_full(search_documents(**search), 4) for search in searches]
        assert any(found is not None for found in used) == together
    assert pages[True] == pages[False]
    assert Backend.rows_with_pool is False
