"""The abbreviations' candidates are stored by indexing and only read by a search: a
new title teaches its abbreviation in the transaction that indexes it, a changed or
deleted one stops teaching, and who may read a title is decided when reading."""
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.policies.models import PolicyDocument
from gongkai.policies.search import abbrev, ensure_search_schema, search_documents
from gongkai.policies.services.documents import document_update
from gongkai.policies.tests.factories_policies import make_document
from gongkai.publishing.models import PublicationStatus

pytestmark = pytest.mark.django_db


def test_a_lookup_reads_the_stored_terms_not_the_titles():
    make_document(title="黄埔区门诊特定病种管理办法")
    with CaptureQueriesContext(connection) as queries:
        assert abbrev.expansions("门特") == ["门诊特定"]
    # The candidates filed under 门特, their stored rows, then which of those documents
    # the public may read, by id: no read of every title (27–40 s at 100,000 documents)
    # in the asking process, nor of every published document (1.3 s).
    assert len(queries) == 3
    assert not any('"title"' in q["sql"] for q in queries.captured_queries)


def test_a_changed_title_teaches_its_new_abbreviation_and_forgets_the_old():
    document = make_document(title="黄埔区门诊特定病种管理办法")
    assert abbrev.expansions("门特") == ["门诊特定"]
    document_update(document=document, actor=document.author,
                    title="黄埔区低收入边缘家庭认定办法")
    assert abbrev.expansions("门特") == []
    assert abbrev.expansions("低边") == ["低收入边缘"]


def test_a_deleted_document_teaches_nothing():
    document = make_document(title="黄埔区门诊特定病种管理办法")
    document.delete()
    assert abbrev.expansions("门特") == []


def test_only_titles_the_public_may_read_teach():
    draft = make_document(title="黄埔区门诊特定病种管理办法", published=False)
    assert abbrev.expansions("门特") == []  # a draft's title says nothing yet
    PolicyDocument.objects.filter(pk=draft.pk).update(
        publication_status=PublicationStatus.PUBLISHED)
    # Published: read at once, though publishing does not index again.
    assert abbrev.expansions("门特") == ["门诊特定"]
    result = search_documents(query="门特")
    assert [hit.document.pk for hit in result.hits] == [draft.pk]


def test_the_titles_most_documents_hold_come_first():
    for n in range(2):
        make_document(title=f"高新技术企业认定办法{n}")
    make_document(title="高效节能企业奖励办法")
    assert abbrev.expansions("高企") == ["高新技术企业", "高效节能企业"]


def test_an_index_made_before_the_tables_fills_them_on_migrate():
    make_document(title="黄埔区门诊特定病种管理办法")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {abbrev.TERMS}")
        cursor.execute(f"DELETE FROM {abbrev.PAIRS}")
    ensure_search_schema()
    assert abbrev.expansions("门特") == ["门诊特定"]
