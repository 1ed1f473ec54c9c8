"""Abbreviations read by rule, from the library's own titles: 门特 → 门诊特定病种,
低边 → 低收入边缘, 高企 → 高新技术企业, with no list to keep.

A Chinese abbreviation keeps, in order, the first character or two of some of the
words of a longer term, or a word's last character (险 of 保险 in 长护险, 低 of 最低
in 低保), and may skip a word (门特 leaves out 病种). Such terms name what documents
are about, so they are in the titles: each title's runs of two to ``MAX_WORDS``
words (the long words of the segmenter's dictionary taken in their pieces, 公共租赁住房
→ 公共 租赁 住房) are the candidates. A query word the library does not hold is read
as the candidate it abbreviates that most titles hold.

The candidates are stored by indexing (``write``, in the transaction that indexes a
document, so a new title teaches its abbreviation at once), filed under the first two
characters an abbreviation of them may have; a search reads the few filed under its
word's two and counts their titles among those the public may read (published, for
the public: decided when reading, as for the index). No process reads every title: at
100,000 documents that took 27–40 s, once per process and hour.
"""
from gongkai.policies import text as ptext
from gongkai.policies.search import words as wordstats

MAX_WORDS = 4
MAX_PHRASE_CHARS = 10
# A word may be skipped between two kept characters (门特 → 门诊 特定 [病种] is a
# skip at the end, which the runs give; 低保 → 最低 [生活] 保障 one inside), at most
# this many times.
MAX_SKIPS = 1


def _title_words(title: str) -> list[list[str]]:
    """The title's runs of Chinese words (split at anything else), the long dictionary
    words in their pieces."""
    runs, run = [], []
    for token in ptext.cut_query(title):
        token = token.lower()
        if len(token) >= 2 and all(ptext._is_cjk(ch) for ch in token) \
                and token not in wordstats.GENERIC_WORDS:
            run.extend(_pieces(token) if len(token) >= 4 else (token,))
        else:
            if len(run) >= 2:
                runs.append(run)
            run = []
    if len(run) >= 2:
        runs.append(run)
    return runs


def _pieces(word: str) -> tuple[str, ...]:
    """A long word as the dictionary words that cover it from the left (itself when
    they do not)."""
    return ptext.dictionary_pieces(word) or (word,)


def abbreviates(short: str, words: tuple[str, ...]) -> int:
    """How well ``short`` abbreviates the term ``words`` (0: it does not; else higher
    the closer): its characters, in order, are a prefix or the last character of the
    first word, then of later words (at most ``MAX_SKIPS`` words skipped between), the
    last of them the term's last word; two words at least contribute."""
    best = 0

    def walk(i: int, w: int, used: int, skips: int, score: int) -> None:
        nonlocal best
        if i == len(short):
            if w == len(words) and used >= 2:
                best = max(best, score)
            return
        for nxt in range(w, min(len(words), w + 1 + (MAX_SKIPS - skips if used else 0))):
            word = words[nxt]
            skipped = nxt - w
            # A prefix of the word (the usual way), or its last character.
            for size in range(min(len(word), len(short) - i), 0, -1):
                if word[:size] == short[i:i + size]:
                    walk(i + size, nxt + 1, used + 1, skips + skipped, score + 2 * size)
            if len(word) > 1 and word[-1] == short[i]:
                walk(i + 1, nxt + 1, used + 1, skips + skipped, score + 1)

    walk(0, 0, 0, 0, 0)
    return best


def _leading_pairs(term: tuple[str, ...]) -> set[str]:
    """The first two characters an abbreviation of ``term`` may have (a lookup reads
    only the terms filed under its own two: a bounded few)."""
    first = term[0]
    pairs = {first[:2]} if len(first) > 1 else set()
    for start in {first[0], first[-1]}:
        for word in term[1:2 + MAX_SKIPS]:
            pairs.update((start + word[0], start + word[-1]))
    return pairs


def title_terms(title: str) -> dict[str, int]:
    """The candidate terms of one title (their words joined by a space) and how many
    times it holds each: what indexing stores for the document."""
    counts: dict[str, int] = {}
    for run in _title_words(title):
        for start in range(len(run)):
            for stop in range(start + 2, min(len(run), start + MAX_WORDS) + 1):
                term = run[start:stop]
                if sum(map(len, term)) > MAX_PHRASE_CHARS:
                    break
                key = " ".join(term)
                counts[key] = counts.get(key, 0) + 1
    return counts


# Two tables, written by indexing in the transaction that indexes a document, read by
# a search: ``TERMS`` (document → its title's terms, for counting them among the
# documents the public may read, which is decided when reading, as for the index) and
# ``PAIRS`` (the first two characters an abbreviation may have → the terms, so a
# lookup reads a few, not all; a term whose documents are gone stays and counts 0).
TERMS = "policies_search_abbrev_terms"
PAIRS = "policies_search_abbrev_pairs"
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TERMS} (document_id bigint NOT NULL, "
    "term text NOT NULL, n integer NOT NULL, PRIMARY KEY (document_id, term))",
    f"CREATE INDEX IF NOT EXISTS {TERMS}_term ON {TERMS} (term, document_id)",
    f"CREATE TABLE IF NOT EXISTS {PAIRS} (pair text NOT NULL, term text NOT NULL, "
    "PRIMARY KEY (pair, term))",
)
# Candidate terms scored for one lookup at most (a bound on a lookup's work in a
# library far larger than any district's).
MAX_CANDIDATES = 5000


def ensure_schema(cursor) -> bool:
    """Create the tables; True when they were missing (an index made before them:
    ``fill`` them from the documents)."""
    missing = TERMS not in cursor.db.introspection.table_names(cursor)
    for statement in SCHEMA:
        cursor.execute(statement)
    return missing


def write(cursor, titles: dict[int, dict[str, int]], written: set[str] | None = None
          ) -> None:
    """Store the terms of these documents' titles (document id → ``title_terms``), in
    place of what was stored for them. ``written``: the terms whose pairs were written
    earlier in the same transaction (many documents indexed at once share most of
    their terms), filled in."""
    if not titles:
        return
    delete(cursor, list(titles))
    cursor.executemany(f"INSERT INTO {TERMS} (document_id, term, n) VALUES (%s, %s, %s)",  # noqa: S608
                       [(pk, term, n) for pk, terms in titles.items()
                        for term, n in terms.items()])
    written = set() if written is None else written
    new = {term for terms in titles.values() for term in terms} - written
    written |= new
    pairs = {(pair, term) for term in new for pair in _leading_pairs(tuple(term.split(" ")))}
    cursor.executemany(f"INSERT INTO {PAIRS} (pair, term) VALUES (%s, %s) "  # noqa: S608
                       "ON CONFLICT DO NOTHING", sorted(pairs))


def delete(cursor, ids: list[int] | None) -> None:
    """Forget these documents' terms (every document's when None)."""
    if ids is None:
        cursor.execute(f"DELETE FROM {TERMS}")  # noqa: S608
        cursor.execute(f"DELETE FROM {PAIRS}")  # noqa: S608
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cursor.execute(f"DELETE FROM {TERMS} WHERE document_id IN ("  # noqa: S608
                       + ", ".join(["%s"] * len(chunk)) + ")", chunk)


def fill(batch: int = 2000) -> int:
    """Store the terms of every document's title (an index made before the tables)."""
    from django.db import connection

    from gongkai.policies.models import PolicyDocument

    count, below = 0, 0
    while True:
        rows = list(PolicyDocument.objects.filter(pk__gt=below).order_by("pk")
                    .values_list("pk", "title")[:batch])
        if not rows:
            return count
        with connection.cursor() as cursor:
            write(cursor, {pk: title_terms(title) for pk, title in rows})
        count += len(rows)
        below = rows[-1][0]


def _public_counts(terms: list[str]) -> dict[str, int]:
    """term → how many times the titles the public may read hold it.

    Two reads: the terms' rows by the term index, then which of their documents the
    public may read, by id. One statement with ``document_id IN (the visible
    documents)`` made SQLite list every published document first, reading each
    document row (1.3 s at 100,000 documents)."""
    from django.db import connection

    from gongkai.policies.permissions import documents_visible_to
    from gongkai.policies.search.backends import backend

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term, document_id, n FROM {TERMS} WHERE term IN ("  # noqa: S608
                       + ", ".join(["%s"] * len(terms)) + ")", terms)
        rows = cursor.fetchall()
    if not rows:
        return {}
    visible = set(documents_visible_to(None).filter(
        pk__in=backend().id_list({pk for _term, pk, _n in rows}))
        .order_by().values_list("pk", flat=True))
    counts: dict[str, int] = {}
    for term, pk, n in rows:
        if pk in visible:
            counts[term] = counts.get(term, 0) + int(n)
    return counts


def expansions(short: str, *, limit: int = 2) -> list[str]:
    """The terms of the library's titles that ``short`` (two to four Chinese
    characters) abbreviates, best first: the closest reading, then the most titles."""
    if not 2 <= len(short) <= 4 or not all(ptext._is_cjk(ch) for ch in short):
        return []
    from django.db import connection

    # The term holds the word's later characters too, in order (its characters are
    # all prefixes or last characters of the term's words): a first sieve in SQL.
    rest = "%" + "%".join(short[2:]) + "%" if len(short) > 2 else "%"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term FROM {PAIRS} WHERE pair = %s AND term LIKE %s "  # noqa: S608
                       "ORDER BY term LIMIT %s", [short[:2], rest, MAX_CANDIDATES])
        candidates = [row[0] for row in cursor.fetchall()]
    scored = {}
    for term in candidates:
        words = tuple(term.split(" "))
        if len("".join(words)) > len(short) and (score := abbreviates(short, words)):
            scored[term] = score
    if not scored:
        return []
    titles = _public_counts(list(scored))
    found = sorted(((score, titles[term], term.replace(" ", ""))
                    for term, score in scored.items() if titles.get(term)),
                   key=lambda f: (-f[0], -f[1], f[2]))
    return list(dict.fromkeys(term for _s, _t, term in found))[:limit]


def forget() -> None:
    """Nothing is cached per process any more (the tables are read); kept for the
    tests' fixture."""


def coordinated(word: str) -> tuple[str, ...]:
    """The two words a coordinated abbreviation of three characters joins, both of the
    dictionary: 预决算 → 预算, 决算; 中小学 → 中学, 小学; 进出口 → 进口, 出口 (two
    words sharing their last character are said once). () for any other word."""
    if len(word) != 3 or not all(map(ptext._is_cjk, word)):
        return ()
    first, second = word[0] + word[2], word[1:]
    if first == second or not (ptext.is_dictionary_word(first)
                               and ptext.is_dictionary_word(second)):
        return ()
    return first, second
