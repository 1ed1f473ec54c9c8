"""How a search reads the database at 100,000 documents (bench/search/README.md, fourth
round): exact word counts by the cheaper statement, the hits' columns through the
listing index, independent reads sent together — with the same answers."""
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.policies.search import search_documents
from gongkai.policies.search.backends import backend
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite",
                                 reason="FTS5's vocabulary and SQLite's indexes")


def _vocabulary_count(word: str) -> int:
    from gongkai.policies.search.backends.sqlite import VOCABULARY

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT doc FROM {VOCABULARY} WHERE term = %s", [word])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


@sqlite_only
def test_a_words_count_is_the_vocabularys_count():
    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。Wifi 2025 年。</p>")
    make_document(title="黄埔区养犬登记办法", body_html="<p>养犬 wifi。</p>")
    make_document(title="黄埔区垃圾分类办法", body_html="<p>分类投放。</p>")
    words = ["登记", "wifi", "2025", "分类", "外星人", "Wifi", "wi-fi", "é"]
    with connection.cursor() as cursor:
        counts = backend().word_documents(cursor, words, cap=10)
    assert counts == {word: _vocabulary_count(word) for word in words}
    assert counts["登记"] == 2 and counts["wifi"] == 2 and counts["2025"] == 1
    assert counts["外星人"] == 0
    # Capitals and punctuation are the tokenizer's to fold or split: looked up as typed.
    assert counts["Wifi"] == 0 and counts["wi-fi"] == 0


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
