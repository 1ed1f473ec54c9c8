"""Relevance search from a bounded pool of the newest matches.

The matches are read newest first (id order), ``ranking.POOL`` at a time: the database
stops after them, so nothing is computed for every match of a common word (BM25 over all
of them before ``ORDER BY rank LIMIT 20`` took 0.2–0.4 s at 100,000 documents). One read
of the visible rows then gives which of them the reader may see and their facet values.
A query with at most ``POOL`` matches is exact: its matches are ranked, counted and
faceted. A broader one (most documents mention 政务 or 公开) is ordered by the rules of
``ranking`` from the newest matches; when the 文号 and heading rows fill the page, no
text score is computed at all. Its facets count the matches read and its total is
extrapolated from them: the result says so (``total_approximate``,
``facets_approximate``; the page shows 约). The trade-off, at 100,000 bench documents:
page 1 of a one-word broad query still shows title matches, as full BM25 does, but
mostly other (newer) ones, and an old document that full BM25 would rank first can sit
deep down. A further word or a filter narrows the query back to exact ranking.
"""
import re
import time

from django.db import connection
from django.db.models import Min, QuerySet

from gongkai.policies import text as ptext
from gongkai.policies.models import DocumentKind, PolicyDocument
from gongkai.policies.search import ranking
from gongkai.policies.search import words as wordstats
from gongkai.policies.search.backends import Matcher, backend
from gongkai.policies.search.facets import facets_of_rows, issuers_sql
from gongkai.policies.search.results import PageAhead, SearchResult, hits
from gongkai.policies.search.visibility import Visibility

# A note in brackets of a title, as the index stores it (full-width brackets are
# normalised to ASCII ones), and the pieces the index adds after a long word.
_BRACKETED = re.compile(r"\([^()]*\)|\x02[^\x03]*\x03")


def _estimate_total(read: list[int], visible_read: int) -> int:
    """A broad query's total, extrapolated from the matches read (the newest): their
    share of visible documents over their id span, applied to the older ids below, down
    to the first document's (a PostgreSQL sequence need not start at 1); two
    significant figures, since it is an estimate."""
    newest, oldest = max(read), min(read)
    first = _first_id()
    older = max(0, oldest - first)
    estimate = visible_read + visible_read * older / (newest - oldest + 1)
    digits = max(0, len(str(int(estimate))) - 2)
    return max(visible_read, int(round(estimate, -digits)))


_first: dict[str, tuple[float, int]] = {}


def _first_id() -> int:
    """The smallest document id (kept a minute: it changes only when the oldest
    document is deleted, and only an estimate depends on it)."""
    now = time.monotonic()
    cached = _first.get(connection.alias)
    if cached is None or now - cached[0] > 60:
        first = PolicyDocument.objects.aggregate(first=Min("pk"))["first"] or 1
        cached = _first[connection.alias] = (now, first)
    return cached[1]


def _ranked_tiers(matcher: Matcher, visibility: Visibility, exact: set[int], needed: int,
                  size: int, newest: list[int] = (), newest_more: bool = False,
                  weights: dict[str, float] | None = None,
                  term_weights: list[float] | None = None,
                  matched_out: dict[int, float] | None = None,
                  shown: set[int] = frozenset()):
    """Visible matches in tiers of ``size`` matches, newest tier first, each ranked
    (``ranking.tier_order``); read until ``needed`` are ranked or ``MAX_TIERS`` tiers
    were read. The ``newest`` matches, already read (newest first; ``newest_more``:
    there are older ones), are ranked by their ids, not read again.
    Returns (ranked ids, ``visible_rows`` of the visible ids read, id → score of the
    ids read, whether more matches remain)."""
    ranked: list[int] = []
    rows_read: dict[int, tuple] = {}
    read: dict[int, float | None] = {}
    below, more = None, False
    for tier in range(ranking.MAX_TIERS):
        known = newest[tier * size:(tier + 1) * size]
        if known:
            more = newest_more or len(newest) > (tier + 1) * size
        matched: dict[int, float] = {}  # (rule 5 only)
        if _by_words(matcher):
            if not known:
                unranked, more = matcher.pool(size, below, rank=False)
                known = [pk for pk, _rank in unranked]
            rows, tier_rows, matched = _tier_by_words(
                matcher, visibility, known, exact, shown,
                needed + ranking.PAIR_WINDOW - len(ranked), term_weights)
        elif known:
            scores, tier_rows = visibility.scores_and_rows(matcher, known)
            rows = [(pk, -scores.get(pk, 0.0)) for pk in known]
        else:
            rows, more = matcher.pool(size, below)
            tier_rows = None
        if not rows:
            break
        ranks = {pk: 0.0 if rank is None else rank for pk, rank in rows}
        if tier_rows is None:
            tier_rows = visibility.of(ranks)
        candidates = set(tier_rows) - exact
        if matched_out is not None:
            matched_out.update(matched)
        ranked += ranking.tier_order(candidates, ranks, tier_rows, weights, matched)
        rows_read.update(tier_rows)
        read.update((pk, None if rank is None else -rank) for pk, rank in rows)
        below = rows[-1][0]
        if not more or len(exact) + len(ranked) >= needed:
            break
    return ranked, rows_read, read, more


def _tier_by_words(matcher: Matcher, visibility: Visibility, known: list[int],
                   exact: set[int], shown: set[int], places: int,
                   term_weights: list[float] | None):
    """A tier of rule 5's matches ``known``: (id, rank — None where not scored) of
    each, ``visible_rows`` of them, and id → the weight of the words each holds. Rule
    5 orders by the words held first: only the candidates whose text score can decide
    the tier's first ``places`` places are scored (``_deciding``), and the 文号 matches
    (``exact``) and heading rows (``shown``): a page shows their scores."""
    tier_rows = visibility.of(known)
    candidates = set(tier_rows) - exact
    matched = _words_matched(matcher, candidates, term_weights)
    scored = _deciding(candidates, matched, places) | ((exact | shown) & set(known))
    scores = visibility.scores_of(matcher, [pk for pk in known if pk in scored])
    return [(pk, -scores[pk] if pk in scores else None) for pk in known], tier_rows, matched


def _by_words(matcher: Matcher) -> bool:
    """Whether rule 5 orders the matches by the query's words they hold first (the
    any-word reading of several words)."""
    return not matcher.match_all and len(matcher.groups) > 1


def _deciding(candidates: set[int], matched: dict[int, float], places: int) -> set[int]:
    """Of a tier's ``candidates``, those whose text score can decide its first
    ``places`` places: rule 5 puts the candidates holding more of the query's words
    (``matched``: id → their weight) before the others whatever their scores, so only
    the candidates of the weights that reach into those places need a score; the
    others (in an any-word reading, mostly the many holding one common word) are
    placed after them, in an order no page shows. Reading a score is a pass over the
    document's positions (on PostgreSQL its whole vector, out of line)."""
    by_weight: dict[float, list[int]] = {}
    for pk in candidates:
        by_weight.setdefault(matched.get(pk, 0), []).append(pk)
    deciding: set[int] = set()
    for weight in sorted(by_weight, reverse=True):
        if len(deciding) >= places:
            break
        deciding.update(by_weight[weight])
    return deciding


def _words_matched(matcher: Matcher, ids: set[int], weights: list[float] | None = None
                   ) -> dict[int, float]:
    """id → the weight of the query's words it has (``weights``, one per word; else 1
    each), for the any-word fallback (rule 5); {} when every match has them all.
    (``Matcher.holding``: on PostgreSQL one statement, through the index.)"""
    if matcher.match_all or len(matcher.groups) < 2 or not ids:
        return {}
    counts = dict.fromkeys(ids, 0.0)
    weights = weights if weights and len(weights) == len(matcher.groups) \
        else [1.0] * len(matcher.groups)
    for holding, weight in zip(matcher.holding(sorted(ids)), weights, strict=True):
        for pk in holding:
            counts[pk] += weight
    return counts


def _asked_characters(title_terms: list) -> frozenset[str]:
    """The characters of the query's words and their alternatives, as rule 4a's
    tie-break compares them with a title's subject words (``ranking.title_order``)."""
    return frozenset(ch for term in title_terms for alt in term[2] for w in alt for ch in w)


def _title_words(ids: list[int], asked: frozenset[str] | None = None,
                 also: list[tuple[str, list]] = ()
                 ) -> tuple[dict[int, set[str]], dict[int, tuple], list[list[tuple]]]:
    """id → the words of its title, as the index holds them; and id → its subject words
    for rule 4a's tie-break, each as (its Chinese characters, its ``distinctive_weight``
    in the library): not the generic words (黄埔区, 管理办法, 通知) nor a note in
    brackets ((2025年修订), (试行)). The words' counts are read with the titles where
    the backend reads them so (``Backend.title_word_counts_sql``: a round trip fewer),
    else with the query's (``words.documents_holding``, cached).

    ``asked``: the query's characters (``_asked_characters``). The tie-break weighs the
    share of a title's subject characters the query says; a title none of whose
    subject words holds one of them says none of it whatever its words' weights, so
    only the titles sharing a character with the query have their words counted — a
    first search in a process counted every subject word of twenty titles (each
    common word a pass over its list: up to 38 ms a search at 100,000 documents).
    The others get weight 1 (their share is 0 either way).

    ``also``: statements read in the same round trip as the titles; their rows are
    returned third."""
    chosen = backend()
    counts_read = chosen.title_word_counts_sql(ids)
    titles, *others = chosen.run_together([chosen.stored_titles_sql(ids),
                                           *([counts_read] if counts_read else []), *also])
    read = dict(others.pop(0)) if counts_read else None
    words = {pk: set(ptext.tokens(title)) for pk, title in titles}
    generic, is_cjk = wordstats.GENERIC_WORDS | ptext._STOPWORDS, ptext._is_cjk
    subject_words = {pk: [word for word in _BRACKETED.sub(" ", title).split()
                          if word not in generic and any(map(is_cjk, word))]
                     for pk, title in titles}
    weighed = {pk for pk, found in subject_words.items()
               if asked is None or any(ch in asked for word in found for ch in word)}
    needed = sorted({w for pk in weighed for w in subject_words[pk]})
    # A word of Chinese characters alone is, as the title has it, a word of its
    # document's index row (``ptext.tokens``): held.
    counts = wordstats.documents_holding(
        needed, memo=None if read is None else {w: read.get(w, 0) for w in needed},
        held=frozenset(w for w in needed if all(map(is_cjk, w))))
    total = wordstats.document_total()
    subjects = {pk: tuple((frozenset(ch for ch in word if is_cjk(ch)),
                           ranking.distinctive_weight(counts.get(word, 0), total)
                           if pk in weighed else 1.0)
                          for word in found)
                for pk, found in subject_words.items()}
    return words, subjects, others


def _heading_rows(matcher: Matcher, visibility: Visibility, exact: set[int],
                  also: list[int] = (), read: list | None = None) -> dict[int, tuple]:
    """``visible_rows`` of the newest ``HEADING`` documents with the words in their
    title or 文号, the exact 文号 matches left out; those of ``also`` read in the same
    statement (kept by ``visibility``). ``read``: the heading pool, read already."""
    if read is None and (statement := visibility.with_rows(
            matcher.pool_sql(ranking.HEADING, heading=True))) is not None:
        # With their visible rows: one round trip, not two (a query the statistics did
        # not take for broad, whose newest matches' rows were read with them).
        read = matcher.pool_of(visibility.rows_read(backend().run_together([statement])[0]),
                               ranking.HEADING)
    rows, _more = (read if read is not None
                   else matcher.pool(ranking.HEADING, heading=True))
    ids = [pk for pk, _rank in rows]
    visibility.of([*ids, *also])
    heading = visibility.of(ids)
    for pk in exact:
        heading.pop(pk, None)
    return heading


def _pairs_statement(prefix: list[int], matched: dict[int, tuple],
                     interpretation_first: bool) -> tuple[str, list] | None:
    """The statement of ``_interpretation_pairs`` (None when there is nothing to ask):
    it depends on the ids of ``prefix`` and their kinds only, not on their order."""
    interpretations = [pk for pk in prefix if matched[pk][0] == DocumentKind.INTERPRETATION]
    documents = [pk for pk in prefix if pk not in set(interpretations)] \
        if interpretation_first else []
    if not interpretations and not documents:
        return None
    chosen = backend()
    table = PolicyDocument._meta.db_table
    id_sql, id_params = chosen.id_list(interpretations).as_sql(None, None)
    doc_sql, doc_params = chosen.id_list(documents).as_sql(None, None)
    # Two indexed reads (by id, by interprets_id); an OR of the two would scan.
    sql = (f"SELECT id, interprets_id FROM {chosen.listing_table()} "  # noqa: S608
           f"WHERE id IN {id_sql} "
           f"AND interprets_id IS NOT NULL UNION ALL "
           f"SELECT id, interprets_id FROM {table} WHERE interprets_id IN {doc_sql}")
    return sql, [*id_params, *doc_params]


def _pair_prefix(ordered: list[int], matched: dict[int, tuple], needed: int) -> list[int]:
    """The places rule 4 looks at: the page's and ``PAIR_WINDOW`` more."""
    return [pk for pk in ordered[:needed + ranking.PAIR_WINDOW] if pk in matched]


def _interpretation_pairs(prefix: list[int], matched: dict[int, tuple], exact: set[int],
                          interpretation_first: bool, visibility: Visibility,
                          read: tuple[frozenset, list] | None = None) -> dict[int, int]:
    """interpretation → its document, for the pairs both matched (and neither a 文号
    match, which has its place) that rule 4 may move: an interpretation in ``prefix``
    (its document may be lower); with ``interpretation_first``, a document in
    ``prefix`` and its interpretation, lower or not matched at all (whoever asks for
    the 解读 of a document found by the words gets it, though its own text may not
    hold them all; added to ``matched`` if the reader may see it). One statement,
    written once; ``read``: (the prefix's ids, the rows) when it was read already, with
    the titles — used if the prefix holds the same ids."""
    statement = _pairs_statement(prefix, matched, interpretation_first)
    if statement is None:
        return {}
    if read is not None and read[0] == frozenset(prefix):
        rows = read[1]
    else:
        with connection.cursor() as cursor:
            cursor.execute(*statement)
            rows = cursor.fetchall()
    if interpretation_first:
        matched.update(visibility.of(pk for pk, document in rows
                                     if pk not in matched and document in matched))
    return {pk: document for pk, document in rows
            if pk in matched and document in matched and not {pk, document} & exact}


def _paired(ordered: list[int], matched: dict[int, tuple], exact: set[int], needed: int,
            interpretation_first: bool, visibility: Visibility,
            read: tuple[frozenset, list] | None = None) -> list[int]:
    """``ranking.pair_documents`` over the places a page may show."""
    prefix = _pair_prefix(ordered, matched, needed)
    pairs = _interpretation_pairs(prefix, matched, exact, interpretation_first, visibility,
                                  read)
    if not pairs:
        return ordered
    paired = ranking.pair_documents(ordered[:needed + ranking.PAIR_WINDOW], pairs,
                                    interpretation_first=interpretation_first)
    placed = set(paired)
    return paired + [pk for pk in ordered[needed + ranking.PAIR_WINDOW:] if pk not in placed]


def _newest(matcher: Matcher, visibility: Visibility
            ) -> tuple[list[tuple[int, float]], bool, tuple | None]:
    """``matcher.pool`` of the ``POOL`` newest matches (unranked), and the heading rows'
    pool when it was read with them: for a query likely broad by the statistics
    (``Matcher.likely_broad``), one round trip instead of two (unused if not broad);
    for another, their scores and visible rows read with them where the backend
    allows it (``Visibility.pool_with_rows``)."""
    if not matcher.likely_broad(ranking.POOL):
        # (Rule 5's matches are scored after the words they hold are known.)
        found = visibility.pool_with_rows(matcher, rank=not _by_words(matcher))
        return (*(found or matcher.pool(ranking.POOL, rank=False)), None)
    # (Each with its visible rows, ``Visibility.with_rows``, saved the round trip of
    # ``_heading_rows`` but read the rows of the ids both pools hold twice: the server
    # took more time than the round trip saved; bench/search/README.md, twelfth round.)
    chosen = backend()
    sample = chosen.broad_pool()
    newest_rows, heading_rows = chosen.run_together(
        [matcher.pool_sql(sample, rank=False),
         matcher.pool_sql(ranking.HEADING, heading=True)])
    return (*matcher.pool_of(newest_rows, sample),
            matcher.pool_of(heading_rows, ranking.HEADING))


def _page_hits(page_ids: list[int], matcher: Matcher, scores: dict[int, float],
               rows: dict[int, tuple], ahead: PageAhead | None) -> tuple[list, list[tuple]]:
    """The page's hits and the issuing bodies' counts of ``rows``: as read ahead when
    they are what was read, else in one round trip now."""
    if ahead is not None and ahead.holds(page_ids, rows):
        return ahead.hits(page_ids), ahead.issuers()
    page, (issuers,) = hits(page_ids, matcher, scores, also=[issuers_sql(rows)])
    return page, issuers


def _modes(terms: list, sparse: bool | None, any_word: bool) -> tuple[bool, ...]:
    """The readings tried in turn (``match_all`` of each): every word, then any, unless
    ``sparse`` decided it already or ``any_word`` is off."""
    if len(terms) < 2 or not any_word:
        return (True,)
    return (True, False) if sparse is None else (False,)


def search_pooled(visible: QuerySet, terms: list, exact_ids: list[int], *,
                  limit: int, offset: int, interpretation_first: bool = False,
                  weights: dict[str, float] | None = None,
                  title_terms: list | None = None,
                  term_weights: list[float] | None = None,
                  visibility_key: tuple | None = None,
                  sparse: bool | None = None, as_title: bool = False,
                  any_word: bool = True) -> SearchResult:
    """Relevance search of ``terms`` (``Matcher``'s) among ``visible``, the 文号 matches
    ``exact_ids`` first; ``title_terms``: the query's words for rule 4a;
    ``visibility_key``: see ``facets.VisibleRows``. ``sparse``: decided by the caller
    — True: fewer than ``SPARSE`` documents hold every word as it names things, some do
    (the any-word order at once); False: none does. ``as_title``: the query is typed
    as a title (``query.Plan.typed_as_title``). ``any_word``: when no document (or
    too few) holds every word, those holding some follow; else only those holding them
    all."""
    exact = set(exact_ids)
    needed = offset + limit
    visibility = Visibility(visible, visibility_key)
    chosen = backend()
    some_have_all = bool(sparse)
    for match_all in _modes(terms, sparse, any_word):
        matcher = chosen.matcher(terms, match_all=match_all)
        newest, broad, heading_read = _newest(matcher, visibility)
        if match_all and len(terms) > 1 and not broad and 0 < len(newest) < ranking.SPARSE:
            # So few documents hold every word that one missing a word may be the one
            # asked for (a word its text says otherwise): the near matches follow.
            some_have_all = True
            continue
        if newest or exact:
            break
    newest_ids = [pk for pk, _rank in newest]
    words_matched: dict[int, float] = {}
    if broad:
        # Decided by the newest matches alone, so every page ranks the same way: the
        # heading rows, then tiers of the backend's ``broad_tier`` matches ranked. The
        # facets and the estimated total come from the newest ``POOL``.
        # (The newest matches' rows are read with the heading rows': one statement.)
        heading = _heading_rows(matcher, visibility, exact, also=newest_ids,
                                read=heading_read)
        rows = visibility.of(newest_ids)
        scores, more = dict.fromkeys(newest_ids, 0.0), True
        visible_read, read = len(rows), list(scores)
        ranked: list[int] = []
        if len(exact) + len(heading) < needed:
            # (Otherwise the page is all 文号 and heading rows and the text score,
            # which on SQLite first counts the documents of each word, is not needed.)
            ranked, tier_rows, tier_scores, _more = _ranked_tiers(
                matcher, visibility, exact, needed, size=chosen.broad_tier,
                newest=newest_ids, newest_more=True, weights=weights,
                term_weights=term_weights, shown=set(heading))
            rows.update(tier_rows)
            scores.update(tier_scores)
            # (A match left unscored has its score read if a page shows it.)
            scores = {pk: score for pk, score in scores.items() if score is not None}
    else:
        heading = {}
        ranked, rows, scores, more = _ranked_tiers(matcher, visibility, exact, needed,
                                                   size=ranking.POOL, newest=newest_ids,
                                                   weights=weights,
                                                   term_weights=term_weights,
                                                   matched_out=words_matched)
        visible_read, read = len(rows), list(scores)
        scores = {pk: score for pk, score in scores.items() if score is not None}
    for pk in heading:
        scores.setdefault(pk, 0.0)
    ordered = ranking.relevance_order(list(heading), ranked)
    rows.update(heading)
    pairs_read, ahead = None, None
    if title_terms and len(ordered) > 1:
        if not match_all:
            # Rule 5's weights of the window (a broad query's heading rows and tiers
            # were not weighed).
            unweighed = set(ordered[:ranking.TITLE_WINDOW]) - set(words_matched)
            words_matched.update(_words_matched(matcher, unweighed, term_weights))
        # Rule 4's pairs are read with the titles (one round trip on PostgreSQL): rule
        # 4a reorders only the first places, so the places rule 4 looks at hold the
        # same documents before and after (``_interpretation_pairs`` checks it).
        prefix = _pair_prefix(ordered, rows, needed)
        pairs = _pairs_statement(prefix, rows, interpretation_first)
        # The page as it stands is read with the titles too (``PageAhead``).
        ahead = PageAhead([*exact_ids, *ordered][offset:offset + limit], matcher, scores,
                           set(rows) | exact)
        titles, subjects, also = _title_words(ordered[:ranking.TITLE_WINDOW],
                                              _asked_characters(title_terms),
                                              also=[*([pairs] if pairs else []),
                                                    *ahead.statements])
        if pairs:
            pairs_read = (frozenset(prefix), also.pop(0))
        ahead.read = also
        kinds = {pk: (weights or ranking.KIND_WEIGHTS).get(row[0], 1.0)
                 for pk in ordered[:ranking.TITLE_WINDOW]
                 if (row := rows.get(pk) or heading.get(pk)) is not None}
        ordered = ranking.title_order(ordered, titles, title_terms,
                                      words_matched if not match_all else None, subjects,
                                      kinds, as_title=as_title)
    ordered = _paired(ordered, rows, exact, needed, interpretation_first, visibility,
                      pairs_read)
    page_ids = [*exact_ids, *ordered][offset:offset + limit]
    rows.update(visibility.of(exact - set(rows)))
    total = (_estimate_total(read, visible_read) + len(exact - set(rows)) if more
             else len(rows))
    page, issuers = _page_hits(page_ids, matcher, scores, rows, ahead)
    return SearchResult(total=total, hits=page,
                        facets=facets_of_rows(rows, issuers), terms=terms,
                        matched_all_terms=match_all or some_have_all,
                        total_approximate=more,
                        facets_approximate=more)
