"""What a search returns, and the hits of a page: the documents' listing columns, their
scores, and titles and snippets highlighted in Python from the stored segmented text
(``ptext.highlight``/``ptext.snippet``), not by FTS5's snippet() or ts_headline(),
which read every occurrence of every word of a long body."""
import html
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from gongkai.policies import text as ptext
from gongkai.policies.models import PolicyDocument
from gongkai.policies.search import compiled
from gongkai.policies.search.backends import Matcher, backend
from gongkai.policies.search.facets import issuers_sql
from gongkai.policies.selectors.validity import validity_expression


@dataclass
class Hit:
    document: PolicyDocument
    score: float
    title_html: str
    snippet_html: str


@dataclass
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[dict]] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    matched_all_terms: bool = True
    # True when a broad query's total is estimated and its facets count only the
    # candidate pool (see ``gongkai.policies.search``); the page shows "约".
    total_approximate: bool = False
    facets_approximate: bool = False
    # What the page says about the result, one message at most: "partial" (no document
    # has all the words; these have some), "generic" (the query's words are too
    # generic to search by), "none" (nothing found), "" (nothing to say).
    notice: str = ""
    # typed word → the other words searched for it (lexicon, typo).
    expanded: dict[str, list[str]] = field(default_factory=dict)
    # Words of the query the library does not hold (left out of the search).
    missing: list[str] = field(default_factory=list)


def _highlighted(rows: list[tuple[int, str, str]], terms: list[str]
                 ) -> dict[int, tuple[str, str]]:
    """id → (title, snippet) as safe HTML with ``terms`` marked, from the stored
    texts' rows; a document without the words (a 文号 match, browsing) shows the
    beginning of its body."""
    pattern = ptext.term_pattern(terms)
    return {pk: (ptext.highlight(title, pattern), ptext.snippet(body, pattern))
            for pk, title, body in rows}


def _plain_hit(document: PolicyDocument, score: float = 0.0) -> Hit:
    """A hit for a document missing from the index (it never should be)."""
    body = ptext.prepare(document.body_text)
    snippet = html.escape(body[:120] + ("…" if len(body) > 120 else ""))
    return Hit(document=document, score=score, title_html=html.escape(document.title),
               snippet_html=snippet)


# The listing columns, in the model's order of fields (as ``Model.from_db`` takes them).
_LISTED = tuple(f.attname for f in PolicyDocument._meta.concrete_fields
                if f.attname in {"id", "kind", "title", "doc_number", "published_on",
                                 "validity", "expires_on", "unit_id"})


def _documents_statement():
    """The hits' listing columns and ``current_validity`` by id: compiled once a day
    (``compiled``), read through the listing index where there is one."""
    return compiled.cached(
        ("hits", timezone.localdate().isoformat()),
        lambda marker: (PolicyDocument.objects.filter(pk__in=marker).order_by()
                        .annotate(current_validity=validity_expression())
                        .values_list(*_LISTED, "current_validity")), listing=True)


def _documents(rows: list[tuple]) -> dict[int, PolicyDocument]:
    """id → the document, its listing columns loaded (the others deferred) and its
    ``current_validity``, from the rows of ``_documents_statement``."""
    found = {}
    for *values, current in rows:
        document = PolicyDocument.from_db(connection.alias, list(_LISTED), values)
        document.current_validity = current
        found[document.pk] = document
    return found


def hits(page_ids: list[int], matcher: Matcher | None,
         scores: dict[int, float] | None = None,
         also: list[tuple[str, list]] = ()) -> list[Hit] | tuple[list[Hit], list]:
    """The hits of ``page_ids``, in that order. ``also``: statements read with the
    hits' own, in the same round trip; with them, (hits, their rows)."""
    statements = hits_statements(page_ids, matcher, scores)
    read = backend().run_together([*statements, *also])
    found = hits_of(page_ids, matcher, scores, read[:len(statements)])
    return (found, read[len(statements):]) if also else found


def hits_statements(ids: list[int], matcher: Matcher | None,
                    scores: dict[int, float] | None = None) -> list[tuple[str, list]]:
    """The statements whose rows ``hits_of`` makes the hits of ``ids`` (or of some of
    them) from, to be run with others."""
    # A hit shows the title, 文号, kind, date and validity: the document rows are read
    # up to those columns only (the bodies are large; the snippet comes from the index).
    if not ids:
        return []
    statements = [_documents_statement().bound(ids), backend().stored_texts_sql(ids)]
    # Their scores, unless every one is known already.
    if matcher is not None and not (scores is not None and all(pk in scores for pk in ids)):
        statements.append(matcher.scores_sql(ids))
    return statements


def hits_of(page_ids: list[int], matcher: Matcher | None,
            scores: dict[int, float] | None, read: list[list[tuple]]) -> list[Hit]:
    """The hits of ``page_ids``, in that order, from the rows of ``hits_statements``
    of them or of more ids."""
    documents, texts = read[:2] if read else ([], [])
    by_id = _documents(documents)
    terms = matcher.terms if matcher is not None else []
    highlighted = _highlighted(texts, terms)
    scores = ({**(scores or {}), **matcher.scores_of(read[2])} if len(read) > 2
              else matcher.scores(page_ids, scores) if matcher is not None else {})
    found = []
    for pk in page_ids:
        document = by_id.get(pk)
        if document is None:
            continue
        if pk in highlighted:
            title, snippet = highlighted[pk]
            found.append(Hit(document=document, score=scores.get(pk, 0.0),
                             title_html=title, snippet_html=snippet))
        else:
            found.append(_plain_hit(document))
    return found


class PageAhead:
    """The page's hits and the issuing bodies' counts, read before rules 4a and 4 order
    the first places, in the round trip of the titles and pairs those rules read (one
    round trip fewer on PostgreSQL). Rule 4a reorders the first ``TITLE_WINDOW``
    places only, so the first page holds the same documents before and after it unless
    the 文号 matches shorten it or rule 4 brings a document up from lower down; the page
    is then read again (``holds`` says whether it may be used)."""

    def __init__(self, page_ids: list[int], matcher: Matcher, scores: dict[int, float],
                 matched: set[int]):
        self.ids, self.matcher, self.scores = set(page_ids), matcher, scores
        self.matched = frozenset(matched)
        self.hit_statements = hits_statements(page_ids, matcher, scores)
        self.statements = [*self.hit_statements, issuers_sql(self.matched)]
        self.read: list[list[tuple]] = []

    def holds(self, page_ids: list[int], rows: dict[int, tuple]) -> bool:
        return (bool(self.read) and set(page_ids) <= self.ids
                and frozenset(rows) == self.matched)

    def hits(self, page_ids: list[int]):
        return hits_of(page_ids, self.matcher, self.scores,
                       self.read[:len(self.hit_statements)])

    def issuers(self) -> list[tuple]:
        return self.read[len(self.hit_statements)]
