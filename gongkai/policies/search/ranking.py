"""How search results are ordered: every rule and weight of the ranking, in one place.

Relevance order of a query's matches, rule by rule:

1. A document whose 文号 is in the query (any bracket style) comes first.
2. A broad query (more than ``POOL`` matches) then puts the newest ``HEADING``
   documents with all the words in their title or 文号, newest first: with the field
   weights these are what BM25 over every match would put first, and finding them
   needs no score.
3. The other matches follow by text score — BM25 (SQLite) or ``ts_rank_cd``
   (PostgreSQL) with ``FIELD_WEIGHTS`` — read newest first in tiers (``POOL`` matches
   a tier), each tier ranked on its own, ties newest first. A query with at most
   ``POOL`` matches is one tier: exact BM25 order.
4. Only when no document has all the words: the documents with any of them, by the
   same rules (the page says so).

Sorting by date instead puts the 文号 matches first and the rest newest first.
"""

# Text score weight of each field (BM25 on SQLite; ts_rank_cd's A, B and D weights,
# scaled to the largest, on PostgreSQL): a word in the title counts ten times one in
# the body.
FIELD_WEIGHTS = {"title": 10.0, "number": 6.0, "body": 1.0}

# Relevance search reads at most this many matches (newest first) from the index at a
# time; a broad query ranks, counts facets and estimates its total from them.
POOL = 500
# How many tiers of matches a page may read at most.
MAX_TIERS = 20
# How many of a broad query's title and 文号 matches are read (rule 2).
HEADING = 200
# The largest page.
MAX_LIMIT = 100


def tier_order(ids, ranks: dict[int, float]) -> list[int]:
    """Rule 3 within a tier: lower rank first (the backends' ranks), ties newest first."""
    return sorted(ids, key=lambda pk: (ranks[pk], -pk))


def relevance_order(heading: list[int], ranked: list[int]) -> list[int]:
    """Rules 2 and 3: the heading rows newest first, then the ranked matches not among
    them. (Rule 1, the 文号 matches, is put in front by the caller.)"""
    heading_set = set(heading)
    return [*sorted(heading, reverse=True), *(pk for pk in ranked if pk not in heading_set)]
