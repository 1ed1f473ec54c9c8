"""How search results are ordered: every rule and weight of the ranking, in one place.

Relevance order of a query's matches, rule by rule:

1. A document whose 文号 is in the query (any bracket style) comes first.
2. A broad query (more than ``POOL`` matches) then puts the newest ``HEADING``
   documents with all the words in their title or 文号, newest first: with the field
   weights these are what BM25 over every match would put first, and finding them
   needs no score.
3. The other matches follow by text score — BM25 (SQLite) or ``ts_rank_cd``
   (PostgreSQL) with ``FIELD_WEIGHTS`` — times the weight of the document's kind
   (``KIND_WEIGHTS``: the measures before the notices about them; a query that asks
   for a notice — 公示, 名单 … — or an interpretation weighs those as 1) and of its
   current validity (``VALIDITY_WEIGHTS``: what is in force first), read newest
   first in tiers (``POOL`` matches a tier), each tier ranked on its own, ties newest
   first. A query with at most ``POOL`` matches is one tier: exact order.
4. A document comes before its own interpretation (政策解读, 图解, 问答) when both
   match: an interpretation the text score put above its document brings the document
   to its place, right before it — the resident looking for the measures finds the
   measures first; one put below keeps its place (not pulled past other documents the
   query names). A query that asks for an interpretation (解读, 图解, 一图看懂, 什么意思
   …) gets it before its document, the document right after.
4a. Before rule 4, the first ``TITLE_WINDOW`` places are reordered by how much of the
   query the title holds (``title_order``): each query word in the title counts
   ``TITLE_WEIGHTS`` — a subject word fully, a generic one (申请, 审核 …: not searched
   by, so not in the text score) a little — ties go to the title whose subject words
   (its words less the generic ones) the query's words say the larger share of, then
   keep the text score's order; a query that asks for a notice (中标, 名单 …) puts,
   of titles that hold its words alike, the notice first. Among
   documents that all hold the searched words, the one whose title says what was
   typed is the one asked for. A change or a stage typed (修订, 征求意见稿:
   ``words.kin``) is found in a title as its kin too (修改 for 修订); in rule 5's
   order it puts first, of the documents holding as much of the query as its most
   distinctive word (the subject's), those whose title says it — the amendment asked
   for by its subject (中小企业 扶持措施 修订), though its title says the subject
   otherwise (关于修改《…中小微企业…》). So is an explainer's form (图解 as 政策解读:
   ``query.INTERPRETATION_FORMS``). A word's looser reading by a held word inside it
   that is not its head (养老 of 养老院, 产业 of 产业扶持) counts ``LOOSE_TITLE_SHARE``
   of it in a title; a verb of the spoken sentence standing alone (来 of 来办事) is not
   looked for in titles, where a single character is what the cut left of a word.
   What a query applies for (the word after 申请, 办理 …: ``query.Plan.objects``) puts
   the titles naming it first, and of those a notice counts its title's words as a
   notice's (``KIND_WEIGHTS``): 低收入家庭怎么申请公租房 asks for the rules of applying
   for 公租房. Last, the yearly editions of one document (titles equal but for the
   year) are put latest first in the places they hold, unless the query names a year
   (``newest_edition_first``).
5. When no document has all the words, or fewer than ``SPARSE`` do (a word the right
   document says otherwise should not hide it): the documents with any of them, those
   with more of the words first — each word counted by how distinctive it is
   (``distinctive_weight``: a word few documents hold counts more, so in a long
   question the one rare word outweighs two common ones; a character standing alone
   between words, 改 or 到, what is left of a sentence once its words are cut out, counts
   ``SINGLE_CHARACTER_WEIGHT`` of that) — then by the same rules. Rule 4a's window is
   ordered here by that weight plus the distinctiveness of the words in the title
   (``FALLBACK_TITLE_SHARE``): a long question's one subject word in a title outweighs
   three common words in a body. A query typed as a title (one phrase ending in a
   genre: 关于…的实施意见, ``query.Plan.typed_as_title``) counts a title's words by the
   share of that title's subject the query says: a long title's frame (促进…发展) is in
   many titles, and one sharing only the frame is not the title typed. The page says
   when no document has every word.

Before any of these, a query that names what the library does not cover finds nothing
(``covers``): when the words no document holds weigh more than the words some do
(each by ``distinctive_weight``; a word no document holds weighs the most, a character
alone is left out as what remains of a sentence) and the words held are themselves
broad — at least ``BROAD_SHARE`` of the library holds them all — the held words are a
kind of measure (补贴, 登记) and the missing ones the subject (火星移民, 外星人): listing
every 补贴 would answer another question. A query whose held words are narrow (公交车
in 公交车改线了吗 站点在哪) still finds its documents; so does one whose held words
name documents by themselves (``engine._lacks_what_it_names``): two or more of them
together in the titles of at most ``TITLE_ONLY_MAX`` documents (社区 服务中心 of
社区服务中心 中标), or, when every lacking word comes after them, narrow as the query
names them (长者食堂 中标结果: 长者食堂 in three documents; the 长者 inside it, read for
recall, is in many) — the subject is named first, what is wanted of it after.
A short query (``PIECES_MAX`` words searched by at most) that names a subject the
library lacks first also finds nothing when no document holds its held words together
and none holds words of it that outweigh the lacking ones: 恐龙饲养许可证 — 饲养 is in
the dog rules, 许可证 in the discharge permits, each a piece of another document.
And whatever the sentence around it, a query finds nothing when its lacking words are
dictionary words naming a thing and its held words name nothing but what is asked of
any subject (``engine._only_asks_of_it``): the sentence's characters (养, 办, 上, 个),
its framing words (一个, 之间) and a permit or a payment asked for (许可证, 补贴:
``words.WANTED_WORDS``) — 养恐龙要办许可证吗 is about 恐龙, however few documents hold
许可证.

What counts as a match is decided before: each word also matches what the lexicon
says it means and, for a typo, the word of the same sound (``query``); generic words
(``words``) are not searched by.

Sorting by date instead puts the 文号 matches first and the rest newest first.
"""
import math

# Text score weight of each field (BM25 on SQLite; ts_rank_cd's A, B and D weights,
# scaled to the largest, on PostgreSQL): a word in the title counts ten times one in
# the body.
FIELD_WEIGHTS = {"title": 10.0, "number": 6.0, "body": 1.0}

# How much a text score counts by the kind of document: a resident who types the
# words of a measure wants the measure, not the notice of its results or its
# explanation (rule 4 also puts each interpretation after its document).
KIND_WEIGHTS = {"regulation": 1.0, "normative": 1.0, "policy": 1.0, "other": 0.85,
                "interpretation": 0.9, "announcement": 0.7}
# How much a text score counts by the document's validity today.
VALIDITY_WEIGHTS = {"valid": 1.0, "amended": 0.9, "expired": 0.85, "repealed": 0.6}
# Words that ask for a notice: announcements then count fully. Besides the names of
# the forms, the outcomes a notice makes public (a tender's 中标 or 成交, a list's 入围
# or 录用, 拟 of what is proposed): the names of notices in general usage.
ANNOUNCEMENT_WORDS = frozenset({"公示", "公告", "通告", "名单", "结果", "公布", "名单公示",
                                "中标", "成交", "招标", "入围", "录用", "拟录用"})

# What a notice counts when the query asks for one (中标, 名单): a little more than the
# measures, so that of two titles that say the query's words alike, the notice comes
# first (社区服务中心 中标: the notice of the centre's operator, not the centres' standard).
ASKED_ANNOUNCEMENT_WEIGHT = 1.1

# Relevance search reads at most this many matches (newest first) from the index at a
# time; a broad query ranks, counts facets and estimates its total from them.
POOL = 500
# How many tiers of matches a page may read at most.
MAX_TIERS = 20
# How many of a broad query's title and 文号 matches are read (rule 2).
HEADING = 200
# The largest page.
MAX_LIMIT = 100
# ``covers``: held words that at least this share of the library holds all of are broad
# (calibrated on dev and dev2: covered queries that lack a word find at most 2 % of
# the library by the words held; nonsense ones, 5 % and more).
BROAD_SHARE = 0.03
# ``covers``, its second way: a query of at most this many words searched by is short
# enough to be one noun phrase, whose first words name its subject (engine:
# ``_pieces_of_others``).
PIECES_MAX = 3
# A query of generic words only finds the documents whose titles hold them all, when
# this many or fewer do (办理时限); else nothing (办理 工作: "too generic").
TITLE_ONLY_MAX = 3
# Rule 5 also when fewer than this many documents hold every word (they come first).
SPARSE = 3
# Rule 5: what a single character counts against a word of two or more.
SINGLE_CHARACTER_WEIGHT = 0.2
# Rule 5 and 4a: what a word of a spoken sentence's time frame (一年, 今年:
# ``query.TIME_FRAME_HEADS``) counts of its distinctiveness: it says when, not what;
# a little more than a character alone (it is a word the resident typed).
TIME_FRAME_WEIGHT = 0.3
# Rule 4a: the places reordered by the title, and what a query word in the title counts.
TITLE_WINDOW = 20
TITLE_WEIGHTS = {"content": 1.0, "generic": 0.5}
# Rule 4a: what a query word counts in a title that holds only its looser reading by a
# held word inside it (养老 of 养老院 in 居家养老, 产业 of 产业扶持 in 产业发展).
LOOSE_TITLE_SHARE = 0.5
# Rule 5's reordering: the words in the title count this share of their weight on top
# of the words held anywhere (measured on dev and dev2: 0.5 and 1.5 do worse).
FALLBACK_TITLE_SHARE = 1.0
# Rule 4 looks at this many places past the page for a document to bring forward.
PAIR_WINDOW = 50


def kind_weights(*, asks_interpretation: bool, asks_announcement: bool) -> dict[str, float]:
    weights = dict(KIND_WEIGHTS)
    if asks_interpretation:
        weights["interpretation"] = 1.0
    if asks_announcement:
        weights["announcement"] = ASKED_ANNOUNCEMENT_WEIGHT
    return weights


def tier_order(ids, ranks: dict[int, float], rows: dict[int, tuple] | None = None,
               weights: dict[str, float] | None = None,
               words_matched: dict[int, int] | None = None) -> list[int]:
    """Rules 3 and 5 within a tier: more query words matched first (the any-word
    fallback; else all match), then lower rank first (the backends' ranks: a negated
    score) weighted by kind and validity, ties newest first. ``rows``: id → (kind, …,
    current validity), as ``facets.visible_rows`` reads them."""
    weights = weights or KIND_WEIGHTS
    rows = rows or {}
    words_matched = words_matched or {}  # id → weight of the words it has (rule 5)

    def key(pk):
        row = rows.get(pk)
        weight = (weights.get(row[0], 1.0) * VALIDITY_WEIGHTS.get(row[-1], 1.0)
                  if row else 1.0)
        return (-words_matched.get(pk, 0), ranks[pk] * weight, -pk)

    return sorted(ids, key=key)


def distinctive_weight(documents: int, total: int) -> float:
    """Rule 5's weight of a word ``documents`` of ``total`` documents hold: its inverse
    document frequency, log(1 + total / documents)."""
    return math.log(1 + max(total, 1) / max(documents, 1))


def outweighed(lacking: int, held_weights: list[float], total: int) -> bool:
    """Whether ``lacking`` words no document holds weigh more than the words held
    (``held_weights``: their ``distinctive_weight``s) — the first half of ``covers``."""
    return lacking * distinctive_weight(0, total) > sum(held_weights)


def title_order(ordered: list[int], titles: dict[int, set[str]],
                title_terms: list[tuple[float, float, tuple]],
                words_matched: dict[int, float] | None = None,
                subjects: dict[int, tuple] | None = None,
                kinds: dict[int, float] | None = None, *,
                as_title: bool = False) -> list[int]:
    """Rule 4a: the first ``TITLE_WINDOW`` of ``ordered`` by the weight of the query
    words their title holds (``titles``: id → the title's words; ``title_terms``:
    (weight, distinctiveness, alternatives as tuples of words) per query word), stable.
    In the any-word fallback (``words_matched``: id → rule 5's weight of the words it
    holds), by that weight plus the distinctiveness of the words in the title. Ties:
    the title whose subject (``subjects``: id → (the characters, the distinctiveness)
    of each of its subject words) the query says more of first, times the weight of
    its kind (``kinds``: id → ``KIND_WEIGHTS``'s, as the text score has it: the measures
    before the notice about them) — 促进消费若干措施 before 文化旅游消费促进方案 for 促消费."""
    def held(pk, index, terms=title_terms):
        words = titles.get(pk, set())
        return sum(term[index] * share for term in terms
                   if (share := _title_share(term, words)))

    asked = frozenset(ch for term in title_terms for alt in term[2] for w in alt for ch in w)
    subjects, kinds = subjects or {}, kinds or {}

    def share_said(pk, empty=0.0):
        # Each subject word counts by its distinctiveness: the measures whose other
        # words are common (保障 of 公共租赁住房保障管理办法) say the subject more
        # generally than those whose other words are rare (退出, 审核).
        subject = subjects.get(pk)
        whole = sum(weight for _chars, weight in subject or ())
        return (sum(weight * len(chars & asked) / len(chars) for chars, weight in subject)
                / whole if whole else empty)

    def said(pk):
        return share_said(pk) * kinds.get(pk, 1.0)

    def framed(pk):
        # A query typed as a title (关于…的实施意见) names one document by all its
        # words: a title counts as much as the query says of its subject — the frame
        # 促进…发展 of a long title is in many titles, and a title sharing only it
        # (促进中小微企业发展若干措施) is not the one typed.
        return share_said(pk, 1.0) if as_title else 1.0

    def preferred(pk):
        # The kind the query asks for (a notice: 中标, 名单) weighs more than 1: of
        # titles that hold its words alike, that kind first.
        return kinds.get(pk, 1.0) > 1.0

    def asked_version(pk):
        # A change or a stage typed beside a subject (中小企业 扶持措施 修订) asks
        # for that version of the subject's document: of the documents holding as
        # much of the query as its most distinctive word (the subject's), the one
        # whose title says the change (or its kin: 修改) first — its title names the
        # subject's document otherwise (关于修改《…中小微企业…》), so the words
        # counted in titles would not bring it up.
        return (subject_weight is not None
                and words_matched.get(pk, 0.0) >= subject_weight - 1e-9
                and held(pk, 0, version) > 0)

    version = [term for term in title_terms if len(term) > 3 and term[3]]
    subject_weight = max((term[1] for term in title_terms
                          if term[0] == TITLE_WEIGHTS["content"]), default=None) \
        if version and words_matched is not None else None
    applied = [term for term in title_terms if len(term) > 5 and term[5]]

    def applied_for(pk):
        # What the query applies for (申请公租房) beside who asks (低收入家庭): the
        # titles naming it first — the rules of the thing applied for, not those of
        # the one applying.
        return bool(applied) and held(pk, 0, applied) > 0

    def applying(pk):
        # …and of the titles naming it, a notice (配租结果的公示) counts its words as
        # the text score counts a notice's (``KIND_WEIGHTS``): one who applies wants
        # the rules of applying, not the results of an earlier round.
        return min(1.0, kinds.get(pk, 1.0)) if applied else 1.0

    window = ordered[:TITLE_WINDOW]
    if words_matched is None:
        key = lambda pk: (-applied_for(pk), -held(pk, 0), -preferred(pk),  # noqa: E731
                          -said(pk))
    else:
        # (A tie: the one holding more of the words anywhere first.)
        key = lambda pk: (-asked_version(pk), -applied_for(pk),  # noqa: E731
                          -(words_matched.get(pk, 0.0)
                            + FALLBACK_TITLE_SHARE * held(pk, 1) * framed(pk)
                            * applying(pk)),
                          -words_matched.get(pk, 0.0), -preferred(pk), -said(pk))
    return newest_edition_first(sorted(window, key=key), titles, title_terms) \
        + ordered[TITLE_WINDOW:]


# The words of a title that say which year's edition it is (2026 年 of 2026年政务公开
# 工作要点, 年度): left out, the editions of a yearly document have one title.
_EDITION_WORDS = frozenset({"年", "年度"})


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def newest_edition_first(window: list[int], titles: dict[int, set[str]],
                         title_terms: list[tuple]) -> list[int]:
    """Rule 4a, last: the yearly editions of one document (titles equal but for the
    year: 黄埔区2025年政务公开工作要点, 黄埔区2026年…) in the places they hold, the
    latest year first — a query naming no year asks for the one in force, whichever
    the text score put first. (A query naming a year, ``title_terms``, is left to the
    title's words.)"""
    if any(_is_year(w) for term in title_terms for alt in term[2] for w in alt):
        return window
    editions: dict[frozenset, list[int]] = {}
    years: dict[int, int] = {}
    for pk in window:
        words = titles.get(pk, set())
        found = [int(w) for w in words if _is_year(w)]
        if found:
            years[pk] = max(found)
            editions.setdefault(frozenset(w for w in words if not _is_year(w)
                                          and w not in _EDITION_WORDS), []).append(pk)
    out = list(window)
    for same in editions.values():
        if len(same) > 1 and len({years[pk] for pk in same}) == len(same):
            places = sorted(out.index(pk) for pk in same)
            for place, pk in zip(places, sorted(same, key=lambda pk: -years[pk]), strict=True):
                out[place] = pk
    return out


def _title_share(term: tuple, words: set[str]) -> float:
    """How much of a query word (a ``title_terms`` row) a title's ``words`` hold: all
    of it (1) when they hold one of its readings, ``LOOSE_TITLE_SHARE`` when only the
    looser reading by a held word inside it (its fifth element: 养老 of 养老院 —
    居家养老 is no care home; 产业 of 产业扶持), else nothing. (A compound whose head
    is generic has no such reading: 行为 of 行为规范, ``query._generic_head``.)"""
    loose = term[4] if len(term) > 4 else ()
    share = 0.0
    for alt in term[2]:
        if all(w in words for w in alt):
            if alt not in loose:
                return 1.0
            share = LOOSE_TITLE_SHARE
    return share


def relevance_order(heading: list[int], ranked: list[int]) -> list[int]:
    """Rules 2 and 3: the heading rows newest first, then the ranked matches not among
    them. (Rule 1, the 文号 matches, is put in front by the caller.)"""
    heading_set = set(heading)
    return [*sorted(heading, reverse=True), *(pk for pk in ranked if pk not in heading_set)]


def pair_documents(ordered: list[int], interprets: dict[int, int], *,
                   interpretation_first: bool) -> list[int]:
    """Rule 4: each interpretation of ``interprets`` (interpretation → its document,
    both in ``ordered``) next to its document, the document first (or the
    interpretation, when the query asks for one), at the place of whichever of the two
    ranked higher."""
    if not interpretation_first:
        # An interpretation ranked below its document keeps its place: it is not
        # brought forward past other documents the query names as well (养老院建设补贴:
        # the care-home measures, not the home-care measures' explainer, second).
        place = {pk: i for i, pk in enumerate(ordered)}
        interprets = {i: d for i, d in interprets.items()
                      if place.get(i, len(ordered)) < place.get(d, len(ordered))}
    partners: dict[int, list[int]] = {}
    for interpretation, document in interprets.items():
        partners.setdefault(interpretation, []).append(document)
        partners.setdefault(document, []).append(interpretation)
    out: list[int] = []
    placed: set[int] = set()
    for pk in ordered:
        if pk in placed:
            continue
        pair = [pk, *(p for p in partners.get(pk, ()) if p not in placed)]
        if len(pair) > 1:
            documents = [p for p in pair if p not in interprets]
            readings = [p for p in pair if p in interprets]
            pair = [*readings, *documents] if interpretation_first else [*documents, *readings]
        out.extend(pair)
        placed.update(pair)
    return out
