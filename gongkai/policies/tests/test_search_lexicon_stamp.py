"""The lexicon a policy search is read with is always the current one, though its stamp
is no longer read in a round trip of its own: a search is read with the process's
lexicon and the stamp is read with the search's first statement; when it differs, the
search is made again with the new lexicon (``search.lexicon_read``)."""
import pytest

from django.db import connection

from gongkai.lexicon import selectors
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.services import term_variant_add
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

STAMP_TABLE = LexiconVersion._meta.db_table


@pytest.fixture
def housing():
    measures = make_document(title="黄埔区公共租赁住房保障管理办法",
                             body_html="<p>符合条件的家庭可申请公共租赁住房。</p>")
    make_document(title="黄埔区养犬管理规定", body_html="<p>养犬登记。</p>")
    make_document(title="黄埔区高龄老人补助办法", body_html="<p>按月发放补助。</p>")
    return measures


def _page(query: str) -> tuple:
    result = search_documents(query=query)
    return result.total, ids(result), result.notice, result.expanded


def test_a_variant_added_elsewhere_is_applied_by_the_next_search(housing):
    """The process is not told of the edit (another process made it): its next search
    still reads the word as the lexicon now says, and gives the page a process that
    just started gives."""
    assert _page("阿巴阿巴")[:3] == (0, [], "none")
    held = selectors._cache["lexicon:search"]
    term_variant_add(canonical="公共租赁住房", variant="阿巴阿巴", actor=None)
    assert selectors._cache["lexicon:search"] is held  # nobody told this process
    after = _page("阿巴阿巴")
    assert after[:2] == (1, [housing.pk])
    assert "公共租赁住房" in after[3]["阿巴阿巴"]
    assert selectors._cache["lexicon:search"] is not held
    selectors._cache.clear()  # a fresh process
    assert _page("阿巴阿巴") == after


def test_a_group_removed_by_another_process_is_no_longer_applied(housing):
    """Rows changed by statements alone (no signal, no service of this process): the
    new stamp is enough for the next search to drop the reading."""
    term_variant_add(canonical="公共租赁住房", variant="阿巴阿巴", actor=None)
    assert _page("阿巴阿巴")[:2] == (1, [housing.pk])
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TermGroup._meta.db_table} WHERE canonical = %s",  # noqa: S608
                       ["公共租赁住房"])
        cursor.execute(f"UPDATE {STAMP_TABLE} SET stamp = stamp + 1")  # noqa: S608
    assert _page("阿巴阿巴")[:3] == (0, [], "none")


def test_pages_read_with_the_held_lexicon_are_those_of_a_fresh_process(housing):
    """With no edit, the process's lexicon is used as it is: the same pages as one
    read from the database for each search."""
    queries = ["公租房", "廉租房怎么申请", "养犬", "补助 老人", "xyzabc", "……", "办理"]
    held = [_page(query) for query in queries]
    fresh = []
    for query in queries:
        selectors._cache.clear()
        fresh.append(_page(query))
    assert held == fresh


def _stamp_reads(query: str) -> list:
    """For each reading of the stamp during a search: whether it was sent in a round
    trip with other statements (PostgreSQL's pipeline mode; None on SQLite)."""
    found = []

    def record(execute, sql, params, many, context):
        if STAMP_TABLE in sql:
            pgconn = getattr(connection.connection, "pgconn", None)
            found.append(None if pgconn is None else pgconn.pipeline_status)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        search_documents(query=query)
    return found


@pytest.mark.parametrize("query", ["公共租赁住房", "养犬 登记", "外星人", "……"])
def test_a_search_reads_the_stamp_once(housing, query):
    search_documents(query="公共租赁住房")  # the process holds the lexicon
    assert len(_stamp_reads(query)) == 1


def test_the_stamp_shares_the_first_round_trip_on_postgresql(housing):
    """On PostgreSQL the stamp is not a round trip of its own: it is sent in the same
    pipeline as the search's first statement (each round trip waited for is a wake-up
    of two processes: on a busy machine, a wait for a core)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs in the process: no round trips")
    from psycopg.pq import PipelineStatus

    search_documents(query="公共租赁住房")
    for query in ("公共租赁住房", "养犬 登记", "外星人"):
        assert _stamp_reads(query) == [PipelineStatus.ON], query
