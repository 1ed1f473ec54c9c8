"""``search_documents``: the one entry point of a search, for the public pages, the
JSON API and the command line."""
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from gongkai.policies import text as ptext
from gongkai.policies.permissions import documents_visible_to
from gongkai.policies.search import lexicon_read, ranking, reading, tails, words
from gongkai.policies.search import query as q
from gongkai.policies.search.backends import backend
from gongkai.policies.search.facets import FILTER_NAMES, facets, filter_condition
from gongkai.policies.search.pooled import search_pooled
from gongkai.policies.search.ranking import MAX_LIMIT
from gongkai.policies.search.results import SearchResult, hits

# How a title names an activity as its subject: "its work" (政策解读工作办法).
WORK = "工作"


def _page_ids(visible, matcher, exact_ids, *, limit, offset) -> list[int]:
    """The ids of one page sorted by date: exact 文号 matches first, then the matches
    newest first."""
    head = exact_ids[offset:offset + limit]
    rest_offset = max(0, offset - len(exact_ids))
    rest_limit = limit - len(head)
    if rest_limit <= 0:
        return head
    # The exact matches may also be among the rest; read from the start then, so that
    # removing them does not shift the page.
    start, stop = ((0, rest_offset + rest_limit + len(exact_ids)) if exact_ids
                   else (rest_offset, rest_offset + rest_limit))
    if matcher is None and exact_ids:
        return head
    matched = visible if matcher is None else visible.filter(
        pk__in=matcher.ids_subquery())
    rest = list(matched.order_by("-published_on", "-pk")
                .values_list("pk", flat=True)[start:stop])
    if exact_ids:
        exact = set(exact_ids)
        rest = [pk for pk in rest if pk not in exact][rest_offset:]
    return head + rest[:rest_limit]


def search_documents(*, query: str, user=None, filters: dict | None = None,
                     sort: str = "relevance", limit: int = 20, offset: int = 0
                     ) -> SearchResult:
    """Search the documents ``user`` may read.

    A 文号 in the query (any bracket style) puts that document first. All words must
    match; if no document has them all, documents with any of them are returned and
    ``matched_all_terms`` is False. An empty query lists documents by date (browsing).
    ``sort`` is "relevance" (the rules of ``ranking``) or "date". Facets count the
    matched documents. The query is read with this process's lexicon, whose stamp is
    read with the search's first round trip: made again if it was edited (``lexicon_read``).
    """
    return lexicon_read.current(lambda lexicon: _search_documents(
        query=query, user=user, filters=filters, sort=sort, limit=limit, offset=offset,
        lexicon=lexicon))


def _search_documents(*, query: str, user, filters: dict | None, sort: str, limit: int,
                      offset: int, lexicon) -> SearchResult:
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    query = (query or "")[: ptext.MAX_QUERY_CHARS * 5]
    # Built when first used: a public search whose statements are compiled already
    # (``compiled``) never needs it.
    visible = SimpleLazyObject(
        lambda: documents_visible_to(user).filter(filter_condition(filters)))
    plan = q.analyse(query, lexicon)
    result = _search_plan(plan, query, visible, user=user, filters=filters, sort=sort,
                          limit=limit, offset=offset, lexicon=lexicon)
    if result.notice != "none" or result.hits or offset:
        return result
    # Found nothing (the covers gate refused it, or no document holds its words): a
    # word may be a pinyin input method's slip for a word of the same sound that the
    # lexicon holds — itself or in a term with the word beside it (商事等级 → 商事登记)
    # — though the slip is a word the library holds too (等级), which ``reading`` never
    # reads otherwise. Only here, so a query that finds something costs nothing more.
    for typed, read, text in reading.homophone_readings(plan, lexicon):
        other = _search_plan(q.analyse(text, lexicon), text, visible, user=user,
                             filters=filters, sort=sort, limit=limit, offset=offset,
                             lexicon=lexicon)
        if other.hits:
            other.terms = plan.typed
            other.expanded = {typed: [read], **other.expanded}
            return other
    return result


def _search_plan(plan, query: str, visible, *, user, filters: dict | None, sort: str,
                 limit: int, offset: int, lexicon) -> SearchResult:
    """The search of ``plan`` (the query as read), or why it finds nothing."""
    terms = plan.match_terms()
    number = q.number_condition(plan.numbers)
    exact_ids = (list(visible.filter(number).order_by("-published_on", "-pk")
                      .values_list("pk", flat=True)[:MAX_LIMIT]) if number else [])
    if not plan.groups and not exact_ids and query.strip():
        # Typed, but nothing in it is a word (……, 🙂): nothing to search by, not a
        # listing of every document.
        return SearchResult(total=0, notice="none")
    if plan.groups and not terms and not exact_ids:
        # Words, none of which the library holds except generic ones: nothing to show
        # ("too generic" only if no word names what the library lacks: 时间机器申请) —
        # unless together they are the title of a few documents (办理时限).
        generic = plan.generic_only and not plan.lacking and not plan.lacking_heads()
        titled = (_titled(visible, plan) or _about_explaining(visible, plan)) if generic else []
        if titled:
            result = _search(visible, plan, [], titled, sort=sort, limit=limit, offset=offset)
            result.terms = plan.typed
            result.notice = "" if result.hits or offset else "none"
            return result
        return SearchResult(total=0, terms=plan.typed, notice="generic" if generic else "none",
                            missing=plan.named_missing() or plan.lacking_heads())
    if not exact_ids and tails.names_only_a_tail(plan) and not _named_by_titles(plan):
        # A kind of document and words that only qualify it after other subjects in
        # the library's titles (专项行动方案): as generic as 办理 通知 — unless a word
        # the library lacks says the subject (专项债券 发行方案; 专项债 方案, whose
        # head 债 the cut left alone): not covered. (Unless the held words, generic
        # ones too, are together the title of a few documents: 社区 服务中心 of
        # 社区服务中心 中标 公示 names the centre's notice, ``_named_by_titles``.)
        heads = [] if plan.lacking else plan.lacking_heads()
        return SearchResult(total=0, terms=plan.typed,
                            notice="none" if plan.lacking or heads else "generic",
                            missing=plan.named_missing() or heads)
    if not exact_ids and plan.lacking and (
            (plan.lacks_subject() and _lacks_what_it_names(plan, terms))
            or _pieces_of_others(plan, terms, lexicon)
            or _only_asks_of_it(plan, lexicon)):
        # The query names what the library does not cover (``ranking``: covers).
        return SearchResult(total=0, terms=plan.typed, notice="none",
                            missing=plan.named_missing())
    result = _search(visible, plan, terms, exact_ids, sort=sort, limit=limit, offset=offset,
                     visibility_key=_public_key(user, filters))
    result.terms, result.expanded = plan.typed, plan.expansions()
    result.missing = plan.named_missing()
    # A word the library does not hold was left out: not every word was matched.
    result.matched_all_terms = result.matched_all_terms and not plan.missing
    result.notice = ("none" if not result.hits and not offset
                     else "partial" if not result.matched_all_terms else "")
    return result


def _titles_holding(groups) -> list[int] | None:
    """The ids of the documents whose title (or 文号) holds every one of ``groups``,
    when at most ``ranking.TITLE_ONLY_MAX`` do; else None."""
    rows, more = backend().matcher([g.alternatives for g in groups], match_all=True).pool(
        ranking.TITLE_ONLY_MAX + 1, heading=True)
    if more or not rows or len(rows) > ranking.TITLE_ONLY_MAX:
        return None
    return [pk for pk, _rank in rows]


def _lacks_what_it_names(plan, terms: list) -> bool:
    """Whether the words the library lacks are what the query is about, the second half
    of ``ranking``'s covers rule (the first: ``Plan.lacks_subject``): the words held
    are broad (a kind of measure: 补贴 of 火星移民补贴), and they do not name
    documents by themselves — neither together in a few titles (``_named_by_titles``)
    nor, when every lacking word comes after them, by a narrow reading of their own
    (长者食堂 中标结果: the subject first, then what is wanted of it, in words the
    titles put otherwise: 采购结果)."""
    if not _held_broadly(terms) or _named_by_titles(plan):
        return False
    return not (plan.lacking_trails() and not _held_broadly(plan.named_terms()))


def _pieces_of_others(plan, terms: list, lexicon) -> bool:
    """The other way a query names what the library does not cover (``ranking``:
    covers): a short query (two or three words searched by, ``PIECES_MAX``) that names
    a subject the library lacks first (``Plan.lacking_leads``: 恐龙 of 恐龙饲养许可证)
    and whose held words no document holds together — each is a piece of another
    document (饲养 of the dog rules, 许可证 of the discharge permits) — while no
    document holds words of the query that weigh more than the lacking ones (each by
    ``distinctive_weight``: a word in one document weighs as one in none), the lacking
    words being words of the dictionary (meant as typed, not a slip). Listing those
    pieces would answer no question the resident asked. A long question is left
    alone: its first words often tell the situation (下班太晚 …) before what is asked."""
    if not 2 <= len(terms) <= ranking.PIECES_MAX or not plan.lacking_leads():
        return False
    # Only words of the dictionary, meant as typed: a string it lacks may be a slip of
    # the input method or a coined name (HPV, 低边户) of what the library holds.
    # Nor a word that may be such a slip for a word the library holds (one character of
    # the same sound changed).
    if not all(ptext.is_dictionary_word(g.typed) for g in plan.lacking):
        return False
    memo: dict = {}
    if any(reading.may_be_slip(g.typed, lexicon, memo) for g in plan.lacking):
        return False
    if _held_together(terms):
        return False
    lacking = len(plan.lacking) * ranking.distinctive_weight(0, words.document_total())
    weights = plan.match_weights()
    # (Two words: no document holds both, so none holds more than the heavier one, which
    # weighs at most a lacking word. Three: a pair may outweigh the lacking words.)
    pairs = [(a, b) for a in range(len(terms)) for b in range(a + 1, len(terms))
             if len(terms) > 2 and weights[a] + weights[b] > lacking]
    return not any(_held_together([terms[a], terms[b]]) for a, b in pairs)


def _only_asks_of_it(plan, lexicon) -> bool:
    """The third way a query names what the library does not cover (``ranking``:
    covers), whatever sentence is said around it: the words the library lacks name a
    thing, and the held words name none but what is asked of any subject
    (``words.WANTED_WORDS``: 许可证, 补贴, 审批 …) — 养恐龙要办许可证吗, 我想在月球上开个
    火锅店要什么手续. The characters of the sentence (养, 办, 开, 个, 上) and the words
    that frame it (之间, 一个, 我们: ``words.is_function_word``) name nothing, however
    few documents hold them, and the words asking for a permit or a payment say what is
    wanted of the subject, not which: the query's subject is what the library lacks.
    Any other held word of two characters or more — a verb too (摆摊, 征集: the
    dictionary's tags do not tell a subject from an act) — may be the subject.
    As in ``_pieces_of_others``, the lacking words must be words of the dictionary meant
    as typed — a string it lacks (低边户) may be a coined name of what the library
    holds, and a slip of the input method is read as the word it missed. A lacking
    word asking for a permit or a payment is what is asked, not the subject — also a
    lexicon phrase no dictionary holds (办许可证, read as 许可证 where the library
    lacks permits) — unless nothing else is lacking."""
    if any(len(g.typed) >= 2 and not q.asks_for(g) and not words.is_function_word(g.typed)
           for g in plan.content):
        return False
    lacking = [g for g in plan.lacking if not q.asks_for(g)] or plan.lacking
    if not all(ptext.is_dictionary_word(g.typed) for g in lacking):
        return False
    memo: dict = {}
    return not any(reading.may_be_slip(g.typed, lexicon, memo) for g in lacking)


def _held_together(terms: list) -> bool:
    """Whether some document holds every one of ``terms``."""
    rows, _more = backend().matcher(terms, match_all=True).pool(1, rank=False)
    return bool(rows)


def _named_by_titles(plan) -> bool:
    """Whether the words of the query the library holds — two or more, generic ones
    too (社区 服务中心) — are together in the titles of a few documents: they name
    those documents, and a word the library lacks beside them (中标: the titles say 结果
    公告) says what the resident wants of them, not a subject the library lacks
    (``ranking``: covers)."""
    named = plan.title_groups()
    return len(named) >= 2 and _titles_holding(named) is not None


def _titled(visible, plan) -> list[int]:
    """The documents, newest first, whose title (or 文号) holds every word of a query of
    two or more generic words besides the words of a document's form (``words.FORM_WORDS``:
    关于 印发 通知 …), when at most ``ranking.TITLE_ONLY_MAX`` do: 办理时限 names the
    政务服务事项办理时限压缩办法 though each of its words is generic; 关于印发的通知 names
    no subject, and 办理 工作 is in many titles or none: they still find nothing."""
    named = [g for g in plan.groups if g.typed not in words.FORM_WORDS]
    if len(named) < 2 or not all(g.known for g in plan.groups):
        return []
    ids = _titles_holding(plan.groups)
    if not ids:
        return []
    found = (visible.filter(pk__in=ids)
             .order_by("-published_on", "-pk").values_list("pk", "interprets_id"))
    # The document before its interpretation (ranking rule 4).
    return [pk for pk, interprets in sorted(found, key=lambda row: row[1] is not None)]


def _about_explaining(visible, plan) -> list[int]:
    """The documents, newest first, whose subject is the explaining of policies, for a
    query of generic words that asks for an explainer but names no subject (政策解读,
    关于进一步做好政策解读工作的通知): with no subject to explain, the explaining is
    what the query is about. A title names an activity as a subject by "its work" (政务
    公开工作要点, 招生工作方案): such a document's title says the form and 工作 side by
    side (政策解读工作办法), which an explainer's never does (《…》政策解读, 图解：…) —
    one phrase looked up in the titles' index, not the titles read. Not an explainer of
    another document; none when more than ``ranking.TITLE_ONLY_MAX`` are found."""
    forms = [g.typed for g in plan.groups if g.typed in q.INTERPRETATION_FORMS]
    if not forms:
        return []
    phrases = tuple(dict.fromkeys(f"{ptext.last_indexed_token(form)} {WORK}"
                                  for form in forms))
    rows, more = backend().matcher([phrases], match_all=True).pool(
        ranking.TITLE_ONLY_MAX + 1, heading=True)
    if more or not rows:
        return []
    found = list(visible.filter(pk__in=[pk for pk, _rank in rows], interprets__isnull=True)
                 .order_by("-published_on", "-pk").values_list("pk", flat=True))
    return found if len(found) <= ranking.TITLE_ONLY_MAX else []


def _held_broadly(terms: list) -> bool:
    """Whether at least ``ranking.BROAD_SHARE`` of the library holds every one of
    ``terms`` (the newest that many are read, no score)."""
    cap = max(1, int(words.document_total() * ranking.BROAD_SHARE))
    _rows, more = backend().matcher(terms, match_all=True).pool(cap, rank=False)
    return more


def _sparse_as_named(plan) -> bool | None:
    """For a query with a word read through the held words inside it too (``Group.inner``:
    法律 of 法律咨询, 养老 of 养老驿站), whether the documents holding every word as the
    words name things (``Plan.named_terms``) are fewer than ``ranking.SPARSE``: True if
    some are, False if none; None when that looser reading changes nothing, or when as
    many hold them. The documents holding every word only through the looser reading
    (免费 and 法律: the elderly's privileges) must not hide the one named (the public legal
    services, whose text does not say 免费): rule 5 then orders every match."""
    named = plan.named_terms()
    if len(named) < 2 or named == plan.match_terms():
        return None
    rows, _more = backend().matcher(named, match_all=True).pool(ranking.SPARSE, rank=False)
    return None if len(rows) >= ranking.SPARSE else bool(rows)


def _public_key(user, filters: dict | None) -> tuple | None:
    """What the statement reading the public's candidates depends on (the same for
    every visitor: the filters and the day), so it is compiled once a process; None
    for a signed-in user (their unit and role decide)."""
    if user is not None and user.is_authenticated:
        return None
    filters = filters or {}
    return ("public", repr([(name, filters.get(name)) for name in FILTER_NAMES]),
            timezone.localdate().isoformat())


def _search(visible, plan, terms, exact_ids, *, sort, limit, offset,
            visibility_key=None) -> SearchResult:
    if terms and sort == "relevance":
        weights = ranking.kind_weights(asks_interpretation=plan.asks_interpretation,
                                       asks_announcement=plan.asks_announcement)
        return search_pooled(visible, terms, exact_ids, limit=limit, offset=offset,
                             interpretation_first=plan.asks_interpretation, weights=weights,
                             title_terms=plan.title_terms(),
                             term_weights=plan.match_weights(),
                             visibility_key=visibility_key, sparse=_sparse_as_named(plan),
                             as_title=plan.typed_as_title,
                             any_word=not plan.number_alone)
    matcher, matched, match_all = None, visible, True
    if terms:
        for match_all in (True, False) if len(terms) > 1 else (True,):
            matcher = backend().matcher(terms, match_all=match_all)
            text_match = Q(pk__in=matcher.ids_subquery())
            matched = visible.filter(text_match | Q(pk__in=exact_ids))
            total = matched.count()
            if total:
                break
    elif plan.groups:
        # Only a 文号 of the query is searched (its words are generic): its documents.
        matched = visible.filter(pk__in=exact_ids)
        total = matched.count()
    else:
        total = matched.count()
    page_ids = _page_ids(visible, matcher, exact_ids, limit=limit, offset=offset)
    return SearchResult(total=total, hits=hits(page_ids, matcher), facets=facets(matched),
                        terms=terms, matched_all_terms=match_all)
