"""What a pool of newest matches is read with (bench/search/README.md, twelfth round):
the heading rows of a query found broad with their visible rows
(``Visibility.with_rows``) — one round trip fewer, the same answers."""
import pytest

from django.db import connection

from gongkai.policies.search import ranking, search_documents
from gongkai.policies.search.backends import backend
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="PostgreSQL's pools and round trips")


@pytest.fixture
def library():
    """Twelve documents: 养犬 in eight (five in the title), 分类 in five, 值守 in two, a
    draft with both; 垃圾 分类 once as the phrase 垃圾分类 (a word of several tokens
    is matched where its tokens stand together)."""
    from gongkai.policies.search import words

    found = []
    for n in range(5):
        found.append(make_document(title=f"黄埔区养犬管理规定（第{n}号）",
                                   body_html="<p>养犬登记办法。" + "值守。" * (n == 2) + "</p>"))
    for n in range(3):
        found.append(make_document(title=f"黄埔区垃圾分类办法（第{n}号）",
                                   body_html=f"<p>养犬 分类。{'值守。' * (n == 1)}</p>"))
    found.append(make_document(title="黄埔区长者饭堂建设方案", body_html="<p>长者饭堂 分类。</p>"))
    found.append(make_document(title="桶站守则", body_html="<p>垃圾 分类 宣传。</p>"))
    found.append(make_document(title="河道管理办法", body_html="<p>河道保洁。</p>"))
    found.append(make_document(title="养犬 分类 草稿", published=False))
    words.forget()
    return found


QUERIES = [dict(query="养犬"), dict(query="养犬 分类"), dict(query="养犬 值守 长者饭堂"),
           dict(query="分类 值守", limit=2), dict(query="分类 值守", limit=2, offset=2),
           dict(query="河道 长者饭堂 宣传"), dict(query="长者饭堂")]


def _pages(queries=QUERIES) -> list[tuple]:
    # (Scores to four places: on SQLite a tier's scores leave out the words most
    # documents hold, which FTS5 weighs by 1e-6, and a pool ranked with its rows keeps
    # them — ``SqliteMatcher.scored_query``.)
    return [(r.total, r.notice, r.facets, ids(r), [round(h.score, 4) for h in r.hits])
            for r in (search_documents(**q) for q in queries)]


def test_heading_rows_read_with_their_visible_rows_give_the_same_pages(library,
                                                                      monkeypatch):
    """Read with the pool's statement (forced on either database) for a query the
    statistics did not take for broad, the heading rows and their visible rows make
    the pages of reading the rows after; the draft stays hidden."""
    from gongkai.policies.search.visibility import Visibility

    monkeypatch.setattr(ranking, "POOL", 3)
    monkeypatch.setattr(ranking, "HEADING", 4)
    matcher_class = type(backend().matcher(["x"], match_all=True))
    monkeypatch.setattr(matcher_class, "likely_broad", lambda self, size: False)
    with_rows = Visibility.with_rows
    used = []

    def spy(self, statement):
        used.append(with_rows(self, statement))
        return used[-1]

    monkeypatch.setattr(Visibility, "with_rows", spy)
    pages = {}
    for together in (True, False):
        monkeypatch.setattr(type(backend()), "rows_with_pool", together)
        used.clear()
        pages[together] = _pages()
        assert any(found is not None for found in used) == together
    assert pages[True] == pages[False]
    assert len(pages[True][0][3]) >= 7 and library[-1].pk not in pages[True][0][3]


@postgres_only
def test_a_broad_query_reads_its_heading_rows_with_their_visible_rows(library,
                                                                       monkeypatch):
    """One statement for the heading rows and whom they are visible to (two before)."""
    monkeypatch.setattr(ranking, "POOL", 3)
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    search_documents(query="养犬")
    with connection.execute_wrapper(count):
        result = search_documents(query="养犬")
    assert result.total_approximate
    heading = [sql for sql in statements if "heading @@" in sql]
    assert len(heading) == 1 and "LEFT JOIN visible" in heading[0]
    # No statement reads visible rows alone (``VisibleRows``: the id as "pk", the kind).
    alone = '"policies_policydocument"."id" AS "pk", "policies_policydocument"."kind"'
    assert not [sql for sql in statements if sql.startswith(f"SELECT {alone}")]
    monkeypatch.setattr(type(backend()), "rows_with_pool", False)
    statements.clear()
    with connection.execute_wrapper(count):
        search_documents(query="养犬")
    assert [sql for sql in statements if sql.startswith(f"SELECT {alone}")]
