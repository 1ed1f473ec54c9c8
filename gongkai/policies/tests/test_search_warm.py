"""``manage.py warm_search``: the search index read into PostgreSQL's memory after a
restart; nothing to do on SQLite."""
from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.policies import search
from gongkai.policies.search.backends import postgresql
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="PostgreSQL's shared buffers")


def warm() -> str:
    out = StringIO()
    call_command("warm_search", stdout=out)
    return out.getvalue()


def documents(n: int) -> list:
    unit = UnitFactory()
    return [make_document(unit=unit, title=f"关于推进政务公开第{i}项工作的通知",
                          body_html="<p>" + "政务公开 标准化 规范化 " * 400 + "</p>") for i in range(n)]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite")
def test_sqlite_has_nothing_to_warm():
    documents(1)
    assert "无需预热" in warm()


@postgres_only
def test_every_part_of_the_index_is_read_and_searches_still_answer():
    docs = documents(3)
    lines = dict(line.split(": ") for line in warm().splitlines())
    if "pg_prewarm" in _extensions():
        # The table, its indexes, its TOAST relation and that relation's index.
        assert {search.TABLE, f"{search.TABLE}_pkey", f"{search.TABLE}_vector",
                f"{search.TABLE}_heading_lexemes"} <= set(lines)
        assert sum(1 for name in lines if name.startswith("pg_toast_")) == 2
        assert all(int(pages) >= 1 for pages in lines.values())
    else:
        assert lines == {f"{search.TABLE}.vector": "3"}
    result = search.search_documents(query="政务公开", user=None, limit=20)
    assert {hit.document.pk for hit in result.hits} == {d.pk for d in docs}


@postgres_only
def test_without_the_extension_each_vector_is_read_once(monkeypatch):
    documents(2)
    monkeypatch.setattr(postgresql.PostgresBackend, "_prewarm_extension",
                        staticmethod(lambda cursor: False))
    assert warm().splitlines() == [f"{search.TABLE}.vector: 2"]


@postgres_only
def test_a_refused_extension_leaves_the_transaction_usable(monkeypatch):
    """A user who may not create the extension: the command still warms the vectors."""
    documents(1)
    real_execute = connection.cursor().__class__.execute

    def refuse(self, sql, params=None):
        if sql.startswith("CREATE EXTENSION"):
            sql = "SELECT 1/0"  # refused inside the savepoint, as a missing right is
        if "FROM pg_extension" in sql:
            sql = "SELECT 1 WHERE false"  # not created yet
        return real_execute(self, sql, params)

    monkeypatch.setattr(connection.cursor().__class__, "execute", refuse)
    assert warm().splitlines() == [f"{search.TABLE}.vector: 1"]


def _extensions() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        return {name for name, in cursor.fetchall()}
