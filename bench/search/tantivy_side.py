"""The tantivy side of the benchmark: a derived index fed the platform's own segmentation.

Each document's title, 文号 and body are segmented by the platform's ``segment`` (so the
terms are exactly those the database index holds), joined with spaces and indexed with
tantivy's whitespace tokenizer. Queries are the platform's ``query_terms``: every term
must match in some field (any term, when no document has them all, as on the platform);
the score is BM25 summed over the fields with the same boosts as the database side. The visibility the public sees (published, audience public) is a
filter, and the facets (kind, year, validity, topic, unit) are computed by tantivy's
aggregations, so both sides do the same work per query.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import tantivy

FACET_FIELDS = ("kind", "year", "validity", "topic", "unit")


class TantivySide:
    def __init__(self, path: Path, boosts: dict[str, float]):
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        self.boosts = boosts
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        builder.add_integer_field("public", indexed=True)
        for name in FACET_FIELDS:
            builder.add_integer_field(name, indexed=False, fast=True)
        for name in boosts:
            builder.add_text_field(name, stored=False, tokenizer_name="whitespace")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(path))
        self.writer = self.index.writer(heap_size=400_000_000, num_threads=1)

    @classmethod
    def open(cls, path: Path, boosts: dict[str, float]) -> TantivySide:
        """The index an earlier run built at ``path`` (``run.py --reuse``)."""
        side = cls.__new__(cls)
        side.boosts = boosts
        side.index = tantivy.Index.open(str(path))
        side.schema = side.index.schema
        side.index.reload()
        side.searcher = side.index.searcher()
        return side

    def add(self, doc_id: int, public: bool, fields: dict[str, str], facets: dict[str, int]
            ) -> None:
        self.writer.add_document(tantivy.Document(id=doc_id, public=int(public), **facets,
                                                  **fields))

    def commit(self) -> None:
        self.writer.commit()
        self.writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def _query(self, terms: list[str], occur) -> tantivy.Query:
        q = tantivy.Query
        words = q.boolean_query([(occur, self._term(t)) for t in terms])
        public = q.term_query(self.schema, "public", 1)
        return q.boolean_query([(tantivy.Occur.Must, words), (tantivy.Occur.Must, public)])

    def _term(self, term: str) -> tantivy.Query:
        q = tantivy.Query
        tokens = term.split()
        parts = []
        for name, boost in self.boosts.items():
            if len(tokens) == 1:
                inner = q.term_query(self.schema, name, tokens[0])
            else:
                inner = q.phrase_query(self.schema, name, tokens)
            parts.append((tantivy.Occur.Should, q.boost_query(inner, boost)))
        return q.boolean_query(parts)

    def search(self, terms: list[str], limit: int = 20) -> tuple[int, list[int], dict]:
        """Returns (total, ids of the first page, facet counts). As on the platform,
        every term must match; when no document has them all, any term may."""
        terms = [t for t in terms if t.strip()]
        if not terms:
            return 0, [], {}
        for occur in (tantivy.Occur.Must, tantivy.Occur.Should)[:1 + (len(terms) > 1)]:
            query = self._query(terms, occur)
            result = self.searcher.search(query, limit, count=True)
            if result.count:
                break
        ids = [self.searcher.doc(address)["id"][0] for _, address in result.hits]
        facets = self.searcher.aggregate(query, {
            name: {"terms": {"field": name, "size": 50}} for name in FACET_FIELDS})
        return result.count, ids, facets
