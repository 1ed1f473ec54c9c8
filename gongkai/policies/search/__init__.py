"""Full-text search of policy documents, in the database.

Where things are:

- ``ranking``: how results are ordered — every rule and weight, in one place.
- ``query``: what a query asks for (its 文号, its words).
- ``engine.search_documents``: the one entry point; ``pooled``: relevance search from a
  bounded pool of the newest matches; ``facets``: filters and facet counts;
  ``results``: the hits, highlighted.
- ``indexing``: writing the index, in the transaction that saves a document;
  ``schema``: creating it after every migrate.
- ``backends``: one module per database (``sqlite``: FTS5; ``postgresql``: tsvector
  under GIN) behind the small interface of ``backends.base``; ``backends.backend()`` is
  the one place that looks at which database is in use.

Text is segmented in Python (``gongkai.policies.text``) on both databases, so the index
and the query split words alike. Who may read what is not in the index: every query
joins the live ``documents_visible_to`` queryset, so withdrawal or a changed audience
needs no reindex. SQL is parameterised throughout; query words are quoted as FTS5
strings or tsquery literals.
"""
from gongkai.policies.search import ranking
from gongkai.policies.search.backends import TABLE
from gongkai.policies.search.engine import search_documents
from gongkai.policies.search.indexing import (
    finish_bulk_indexing,
    index_document,
    index_ids,
    reindex_all,
    unindex_document,
)
from gongkai.policies.search.ranking import MAX_LIMIT
from gongkai.policies.search.results import Hit, SearchResult
from gongkai.policies.search.schema import ensure_search_schema, post_migrate_handler

__all__ = [
    "MAX_LIMIT", "TABLE", "Hit", "SearchResult", "ensure_search_schema",
    "finish_bulk_indexing", "index_document", "index_ids", "post_migrate_handler",
    "ranking", "reindex_all", "search_documents", "unindex_document",
]
