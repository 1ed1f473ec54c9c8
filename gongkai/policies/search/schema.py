"""The index's schema. None of it can be expressed as a Django model (an FTS5 table, a
tsvector table with GIN indexes and a function), so it is created by
``ensure_search_schema`` after every migrate, which also completes or rebuilds an index
an earlier version made."""
from django.db import connection, connections, transaction

from gongkai.policies.search import abbrev
from gongkai.policies.search.backends import backend
from gongkai.policies.search.indexing import reindex_all


def ensure_search_schema(using: str = "default", **kwargs) -> None:
    """Create the index if it is missing, and complete or rebuild one an earlier version
    made."""
    with connections[using].cursor() as cursor:
        rebuild = backend(using).ensure_schema(cursor)
        fill_abbreviations = abbrev.ensure_schema(cursor)
    if fill_abbreviations and not rebuild and using == connection.alias:
        # An index made before the abbreviations' tables: their titles' terms, once.
        with transaction.atomic(using=using):
            abbrev.fill()
    if rebuild and using == connection.alias:
        # An index written in an earlier ``INDEX_FORMAT`` (before the cited 文号's
        # words; on PostgreSQL, before the segmenter's words), or with columns missing:
        # made again from the documents, once, in one transaction (searches meanwhile
        # read the old index).
        with transaction.atomic(using=using):
            reindex_all()


def post_migrate_handler(sender, using="default", **kwargs) -> None:
    ensure_search_schema(using=using)
