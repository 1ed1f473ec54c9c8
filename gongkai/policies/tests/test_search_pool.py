"""Relevance search of a broad query: ranked, counted and faceted from a pool of the
newest matches (SQLite and PostgreSQL), and saying so."""
import pytest

from django.db import connection

from gongkai.policies.models import DocumentKind
from gongkai.policies.search import TABLE, indexing, ranking, search_documents
from gongkai.policies.search.backends import backend
from gongkai.policies.search.backends.postgresql import PostgresBackend
from gongkai.policies.search.backends.sqlite import HEADING_TABLE, SqliteBackend
from gongkai.policies.search.schema import ensure_search_schema
from gongkai.policies.tests.factories_policies import ids, make_document
from gongkai.publishing.models import Audience

pytestmark = pytest.mark.django_db



def test_query_within_the_pool_is_exact_in_total_and_facets():
    make_document(title="河道管理办法", kind=DocumentKind.NORMATIVE)
    make_document(title="河道保洁解读", kind=DocumentKind.POLICY)
    make_document(title="河道 内部通知", audience=Audience.STAFF)
    result = search_documents(query="河道")
    assert result.total == 2
    assert result.total_approximate is False and result.facets_approximate is False
    assert sum(f["count"] for f in result.facets["kind"]) == 2


def test_broad_query_ranks_title_matches_then_the_newest_and_says_counts_are_estimates(
        monkeypatch):
    monkeypatch.setattr(ranking, "POOL", 4)
    monkeypatch.setattr(SqliteBackend, "broad_tier", 2)
    monkeypatch.setattr(PostgresBackend, "broad_tier", 2)
    older = [make_document(title="绿化养护 标题", body_html="<p>绿化养护</p>") for _ in range(2)]
    newer = [make_document(title=f"年度通知{n}", body_html="<p>绿化养护 工作</p>")
             for n in range(4)]
    in_title = make_document(title="绿化养护管理规定", body_html="<p>绿化养护</p>")
    hidden = make_document(title="绿化养护 草稿", published=False)
    result = search_documents(query="绿化养护", limit=3)
    assert result.total_approximate is True and result.facets_approximate is True
    # The title matches come first, older ones included; the hidden draft never.
    assert set(ids(result)) == {in_title.pk, *(d.pk for d in older)}
    assert hidden.pk not in ids(result)
    assert 3 <= result.total <= 20
    second = search_documents(query="绿化养护", limit=3, offset=3)
    assert not set(ids(result)) & set(ids(second))
    assert set(ids(second)) <= {d.pk for d in newer} and len(ids(second)) == 3
    third = search_documents(query="绿化养护", limit=3, offset=6)
    assert set(ids(third)) == {d.pk for d in newer} - set(ids(second))


def test_broad_query_counts_its_facets_from_the_backends_sample_of_the_newest(monkeypatch):
    # The whole pool on SQLite; half of it on PostgreSQL, which tests each candidate's
    # vector, read out of line. The total and the facets say they are estimates.
    monkeypatch.setattr(ranking, "POOL", 8)
    monkeypatch.setattr(type(backend().matcher(["x"], match_all=True)), "likely_broad",
                        lambda self, size: True)
    for n in range(12):
        make_document(title=f"年度通知{n}", body_html="<p>绿化养护</p>",
                      kind=DocumentKind.NORMATIVE if n % 2 else DocumentKind.POLICY)
    result = search_documents(query="绿化养护", limit=3)
    sample = backend().broad_pool()
    assert sample == (8 if connection.vendor == "sqlite" else 4)
    assert result.total_approximate is True and result.facets_approximate is True
    assert sum(f["count"] for f in result.facets["kind"]) == sample
    assert len(ids(result)) == 3
    # Every match is still reached, page by page, beyond the sample.
    seen = set()
    for offset in range(0, 12, 3):
        seen |= set(ids(search_documents(query="绿化养护", limit=3, offset=offset)))
    assert len(seen) == 12


def test_broad_query_keeps_the_doc_number_match_first(monkeypatch):
    monkeypatch.setattr(ranking, "POOL", 2)
    target = make_document(title="绿化养护办法", doc_number="穗埔府规〔2020〕7号")
    for n in range(5):
        make_document(title=f"绿化养护 第{n}号")
    result = search_documents(query="绿化养护 穗埔府规[2020]7号")
    assert ids(result)[0] == target.pk


def test_many_documents_are_segmented_by_worker_processes_and_found(monkeypatch):
    monkeypatch.setattr(indexing, "PARALLEL_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(indexing, "WRITE_CHUNK", 2)
    docs = [make_document(title=f"桥梁检测报告{n}", body_html=f"<p>第{n}座桥梁</p>")
            for n in range(5)]
    expected = {d.pk: indexing.row_of(d, [])[:4] for d in docs}  # id and the three texts
    if indexing.segmenting_pool() is None:
        pytest.skip("no second CPU, or threads running: segmentation stays in process")
    assert indexing.index_ids(list(expected)) == 5
    assert set(ids(search_documents(query="桥梁检测"))) == set(expected)
    from django.db import connection

    key = "document_id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, title, number, body FROM {TABLE}")
        stored = {row[0]: tuple(row) for row in cursor.fetchall()}
    assert stored == expected


def test_an_index_made_before_the_heading_index_is_completed_on_migrate(monkeypatch):
    from django.db import connection

    monkeypatch.setattr(ranking, "POOL", 2)
    in_title = make_document(title="排水管网改造方案", body_html="<p>排水管网</p>")
    for n in range(4):
        make_document(title=f"通知{n}", body_html="<p>排水管网 维护</p>")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX {TABLE}_heading_lexemes")
            cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN heading")
        else:
            cursor.execute(f"DROP TABLE {HEADING_TABLE}")
    ensure_search_schema()
    result = search_documents(query="排水管网", limit=1)
    assert result.total_approximate is True
    assert ids(result) == [in_title.pk]


def test_a_word_of_several_tokens_matches_only_where_they_stand_together():
    # Query words are single tokens today (the segmenter splits the rest), but a word
    # of several tokens must match as a phrase on both engines, not as separate tokens.
    from django.db import connection

    together = make_document(title="通知甲", body_html="<p>数据 开放 工作</p>")
    make_document(title="通知乙", body_html="<p>开放 的 数据</p>")
    matcher = backend().matcher(["数据 开放"], match_all=True)
    sql, params = matcher.ids_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        assert [row[0] for row in cursor.fetchall()] == [together.pk]
    # The same word among others joined by OR (PostgreSQL reads each word on its own).
    rows, _more = backend().matcher(["数据 开放", "未出现"], match_all=False).pool(10, rank=False)
    assert [pk for pk, _rank in rows] == [together.pk]


def test_heading_rows_read_with_the_newest_matches_give_the_same_page(monkeypatch):
    # Where the statistics say a query is likely broad, its heading rows are read in
    # the round trip of its newest matches; the page is the same either way, broad or
    # not (then they are unused). (A pool of 6: the sample a broad query reads on
    # PostgreSQL, half of it, holds the 3 matches of 养犬 分类.)
    from gongkai.policies.search.backends.base import Matcher

    monkeypatch.setattr(ranking, "POOL", 6)
    for i in range(5):
        make_document(title=f"黄埔区养犬管理规定（第{i}号）", body_html="<p>养犬登记办法。</p>")
    for i in range(3):
        make_document(title=f"黄埔区垃圾分类办法（第{i}号）", body_html="<p>养犬 分类。</p>")
    make_document(title="黄埔区长者饭堂建设方案", body_html="<p>长者饭堂。</p>")
    queries = ["养犬", "养犬 分类", "长者饭堂", "登记"]
    alone = [(r.total, ids(r), [h.score for h in r.hits])
             for r in (search_documents(query=q) for q in queries)]
    monkeypatch.setattr(Matcher, "likely_broad", lambda self, size: True)
    monkeypatch.setattr(type(backend().matcher(["x"], match_all=True)), "likely_broad",
                        lambda self, size: True)
    together = [(r.total, ids(r), [h.score for h in r.hits])
                for r in (search_documents(query=q) for q in queries)]
    assert together == alone
    assert len(alone[0][1]) == 8 and alone[2][0] == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage")
def test_vectors_an_earlier_version_compressed_are_written_again_uncompressed():
    """ts_rank_cd reads each ranked document's whole vector: it is stored uncompressed;
    migrate writes again those an earlier version compressed (same words, positions and
    scores), and an edited document's new vector is written uncompressed and found by
    its new words at once."""
    from django.db import connection

    from gongkai.orgs.tests.factories import UserFactory
    from gongkai.policies.services import document_update

    author = UserFactory()
    long_body = "<p>" + "充电设施建设运营管理。" * 400 + "</p>"
    document = make_document(title="充电设施管理办法", body_html=long_body, author=author)
    make_document(title="停车场管理规定", body_html="<p>充电设施</p>")

    def compressed() -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE} "
                           "WHERE pg_column_compression(vector) IS NOT NULL")
            return cursor.fetchone()[0]

    def page(query):
        return [(h.document.pk, h.score) for h in search_documents(query=query).hits]

    assert compressed() == 0
    with connection.cursor() as cursor:  # as an earlier version stored them
        cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE EXTENDED")
        # (Words that compress well, which the query does not hold: its scores stay.)
        cursor.execute(f"UPDATE {TABLE} SET vector = vector || (SELECT string_agg("
                       "'padding' || repeat('x', 30) || g, ' ') FROM generate_series(1, "
                       "200) AS g)::tsvector WHERE document_id = %s", [document.pk])
    assert compressed() == 1
    before = page("充电设施")
    ensure_search_schema()
    assert compressed() == 0
    assert page("充电设施") == before
    document_update(document=document, actor=author, title="换电站管理办法",
                    body_html=long_body.replace("充电设施", "换电站"))
    assert compressed() == 0
    assert ids(search_documents(query="换电站")) == [document.pk]
    assert document.pk not in ids(search_documents(query="充电设施"))


def test_the_any_word_reading_scores_only_what_can_decide_a_page(monkeypatch):
    """Rule 5 puts the documents holding more of the query's words first: only those
    whose text score can decide the places a page and rule 4 look at are scored, and
    the pages (order, total, scores shown) are those of scoring every match."""
    from gongkai.policies.search import pooled

    monkeypatch.setattr(ranking, "PAIR_WINDOW", 1)
    common = [make_document(title=f"工作通知{n}", body_html="<p>垃圾分类。</p>")
              for n in range(6)]  # the common word alone
    # Two of the same words: the older says 宣传 more (a higher score, a place above).
    make_document(title="桶站管理甲", body_html="<p>垃圾分类 宣传。宣传。再宣传。</p>")
    make_document(title="桶站管理乙", body_html="<p>垃圾分类 宣传。</p>")
    make_document(title="桶站守则", body_html="<p>宣传 值守。</p>")
    scored: list[list[int]] = []
    scores_of = pooled.Visibility.scores_of

    def spy(self, matcher, ids_):
        scored.append(ids_)
        return scores_of(self, matcher, ids_)

    monkeypatch.setattr(pooled.Visibility, "scores_of", spy)
    queries = [dict(query="垃圾分类 宣传 值守", limit=2),
               dict(query="垃圾分类 宣传 值守", limit=2, offset=2),
               dict(query="宣传 值守", limit=1)]
    pruned = [(r.total, ids(r), [h.score for h in r.hits])
              for r in (search_documents(**q) for q in queries)]
    assert pruned[0][0] == 9 and pruned[2][0] == 3
    # The first page's places (2, and 1 for rule 4): the documents holding two of the
    # words; the six holding 垃圾分类 alone are placed after them, unscored.
    assert scored[0] and not set(scored[0]) & {d.pk for d in common}
    monkeypatch.setattr(pooled, "_deciding", lambda candidates, matched, places: candidates)
    every = [(r.total, ids(r), [h.score for h in r.hits])
             for r in (search_documents(**q) for q in queries)]
    assert pruned == every
