"""What a pool of newest matches is read with (bench/search/README.md, twelfth round):
a broad query's heading rows with their visible rows (``Visibility.with_rows``), and on
PostgreSQL the any-word reading's matches with the words each holds
(``PostgresMatcher._by_word_sql``) — one round trip fewer, the same answers."""
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


@pytest.mark.parametrize("likely_broad", [False, True])
def test_heading_rows_read_with_their_visible_rows_give_the_same_pages(
        library, monkeypatch, likely_broad):
    """Read with the pool's statement (forced on either database, broad or not by the
    statistics), the heading rows and their visible rows make the pages of reading
    the rows after; the draft stays hidden."""
    from gongkai.policies.search.visibility import Visibility

    monkeypatch.setattr(ranking, "POOL", 3)
    monkeypatch.setattr(ranking, "HEADING", 4)
    matcher_class = type(backend().matcher(["x"], match_all=True))
    monkeypatch.setattr(matcher_class, "likely_broad", lambda self, size: likely_broad)
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


@postgres_only
def test_the_any_word_pool_holds_which_words_each_match_holds(library):
    """The masks read with the any-word reading's newest matches, when they are all,
    say for each of them the words ``PG_HOLDING`` finds; ``holding`` asks the others
    of the index."""
    from gongkai.policies.search.backends.postgresql import PostgresMatcher

    every = [d.pk for d in library]
    # (As the index holds the words: 养犬 is 养 and 犬, 垃圾 分类 a phrase.)
    for terms in (["登记", "值守", "饭堂"], ["垃圾 分类", ("养", "犬")],
                  ["分类", "宣传", "河道"]):
        indexed = PostgresMatcher(terms, match_all=False)
        truth = indexed.holding(every)
        assert not indexed.held
        matcher = PostgresMatcher(terms, match_all=False)
        rows, more = matcher.pool(ranking.POOL, rank=False)
        assert not more and all(rank == 0.0 for _pk, rank in rows)
        pool = [pk for pk, _rank in rows]
        assert len(pool) >= 5 and all(truth)
        assert set(matcher.held) == set(pool) and pool
        assert matcher.holding(pool) == [found & set(pool) for found in truth]
        # Newest first, two at a time: a pool that does not hold every match below its
        # bound reads no masks (rule 5 asks a tier at a time); ``holding`` asks the
        # index.
        paged = PostgresMatcher(terms, match_all=False)
        first, more = paged.pool(2, rank=False)
        below, _more = paged.pool(2, first[-1][0], rank=False)
        read = [pk for pk, _rank in first + below]
        assert more and read == pool[:4] and not set(paged.held) & {pk for pk, _r in first}
        assert paged.holding(read) == [found & set(read) for found in truth]
        # Ids a pool did not read are asked of the index, with those it read.
        assert matcher.holding(every) == truth
    # The every-word reading and a query of one word read no masks.
    for matcher in (PostgresMatcher(["分类", "值守"], match_all=True),
                    PostgresMatcher(["分类"], match_all=False)):
        matcher.pool(ranking.POOL, rank=False)
        assert not matcher.held


@postgres_only
def test_the_any_word_reading_gives_the_pages_of_asking_which_words_after(library,
                                                                          monkeypatch):
    """Rule 5's pages (order, totals, scores shown) are those of reading the newest
    matches over the words' OR and asking which words each holds after; a narrow
    any-word search no longer sends ``PG_HOLDING`` for its pool."""
    from gongkai.policies.search.backends import pg_newest
    from gongkai.policies.search.backends.postgresql import PostgresMatcher

    queries = [q for q in QUERIES if " " in q["query"]]
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        by_word = _pages(queries)
    assert not [sql for sql in statements if sql.startswith(f"SELECT n, id FROM "
                                                            f"{pg_newest.PG_HOLDING}")]
    assert any("bit_or" in sql for sql in statements)
    monkeypatch.setattr(PostgresMatcher, "_by_word", lambda self: False)
    assert _pages(queries) == by_word
    # (Every word for the first; the others any word — 分类 值守 after the one document
    # holding both, ``ranking.SPARSE``.)
    assert [(p[0], p[1]) for p in by_word] == [(3, ""), (9, "partial"), (6, ""), (6, ""),
                                               (3, "partial")]


@pytest.fixture
def numbered():
    """Documents with 文号: two dog rules, a draft, a waste rule."""
    from gongkai.policies.search import words

    found = [make_document(title=f"黄埔区养犬管理规定（第{n}批）", doc_number=f"埔农〔2024〕{n + 1}号",
                           body_html="<p>养犬登记。</p>") for n in range(2)]
    found.append(make_document(title="养犬规定 草稿", doc_number="埔农〔2024〕9号",
                               published=False))
    found.append(make_document(title="黄埔区垃圾分类办法", doc_number="埔城管〔2023〕5号",
                               body_html="<p>垃圾分类。</p>"))
    words.forget()
    return found


NUMBERED = [dict(query="埔农[2024]2号"), dict(query="养犬 埔农（2024）1号"),
            dict(query="埔农〔2024〕9号"), dict(query="埔城管〔2023〕5号 养犬"),
            dict(query="埔农〔2024〕7号"), dict(query="埔农〔2024〕1号", sort="date"),
            dict(query="埔农〔2024〕1号 埔城管〔2023〕5号", limit=1, offset=1),
            dict(query="关于 埔农〔2024〕2号")]


def test_the_doc_number_matches_read_with_the_newest_give_the_same_pages(numbered,
                                                                          monkeypatch):
    """Read with the search's first round trip (``lexicon_read.Deferred``) or alone
    first, as before: the same pages; the draft's 文号 finds nothing for the public."""
    from gongkai.policies.search import lexicon_read

    deferred = _pages(NUMBERED)
    assert deferred[0][3][0] == numbered[1].pk and deferred[1][3][0] == numbered[0].pk
    assert numbered[2].pk not in deferred[2][3]
    assert deferred[3][3][0] == numbered[3].pk and deferred[5][3][0] == numbered[0].pk
    monkeypatch.setattr(lexicon_read.Deferred, "__init__",
                        lambda self, statement: setattr(self, "values", _rows(statement)))
    assert _pages(NUMBERED) == deferred


def _rows(statement) -> list:
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return [row[0] for row in cursor.fetchall()]


def test_a_deferred_read_is_read_alone_when_wanted_first_or_outside_a_search(numbered):
    from gongkai.policies.search import lexicon_read

    statement = ("SELECT id FROM policies_policydocument WHERE doc_number = %s",
                 ["埔农〔2024〕1号"])
    outside = lexicon_read.Deferred(statement)
    assert outside.values == [numbered[0].pk]  # at once
    seen = []

    def search(lexicon):
        deferred = lexicon_read.Deferred(statement)
        seen.append(deferred.values)
        seen.append(list(deferred))  # wanted first: read alone
        return deferred

    lexicon_read.current(search)
    assert seen == [None, [numbered[0].pk]]


@postgres_only
def test_a_doc_number_search_reads_its_matches_in_the_round_trip_of_the_newest(
        numbered, monkeypatch):
    """The 文号 matches are read in the round trip of the newest matches: one round trip
    fewer than reading them first, alone (as before)."""
    from gongkai.core.sql import SENT_TOGETHER
    from gongkai.policies.search import lexicon_read

    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    def round_trips(query: str) -> int:
        search_documents(query=query)
        statements.clear()
        together = SENT_TOGETHER[0]
        with connection.execute_wrapper(count):
            assert search_documents(query=query).hits
        return len(statements) - (SENT_TOGETHER[0] - together)

    queries = ("埔农[2024]2号", "养犬 埔农（2024）1号")
    deferred = [round_trips(query) for query in queries]
    monkeypatch.setattr(lexicon_read.Deferred, "__init__",
                        lambda self, statement: setattr(self, "values", _rows(statement)))
    assert [round_trips(query) for query in queries] == [n + 1 for n in deferred]
