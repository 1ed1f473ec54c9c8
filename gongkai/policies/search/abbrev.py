"""Abbreviations read by rule, from the library's own titles: 门特 → 门诊特定病种,
低边 → 低收入边缘, 高企 → 高新技术企业, with no list to keep.

A Chinese abbreviation keeps, in order, the first character or two of some of the
words of a longer term, or a word's last character (险 of 保险 in 长护险, 低 of 最低
in 低保), and may skip a word (门特 leaves out 病种). Such terms name what documents
are about, so they are in the titles: each title's runs of two to ``MAX_WORDS``
words (the long words of the segmenter's dictionary taken in their pieces, 公共租赁住房
→ 公共 租赁 住房) are the candidates. A query word the library does not hold is read
as the candidate it abbreviates that most titles hold.

The candidates are kept per process, read from the published titles the first time a
query needs them, then only the titles of documents published since (ids above the
last read) at most every ``REFRESH_SECONDS``, and all again every ``REBUILD_SECONDS``
(a title changed or withdrawn). They are filed under the first two characters an
abbreviation of them may have, so a lookup reads a few, not all. At most ``MAX_PHRASES`` candidates are kept (the
newest titles first), so the memory of a process stays bounded at any library size.
"""
import threading
import time
from collections import defaultdict

from gongkai.policies import text as ptext
from gongkai.policies.search import words as wordstats

MAX_WORDS = 4
MAX_PHRASE_CHARS = 10
MAX_PHRASES = 100_000
# A word may be skipped between two kept characters (门特 → 门诊 特定 [病种] is a
# skip at the end, which the runs give; 低保 → 最低 [生活] 保障 one inside), at most
# this many times.
MAX_SKIPS = 1
REFRESH_SECONDS = 5
REBUILD_SECONDS = 3600
TITLES_READ = 2000  # titles read per statement


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
    """A long word as the dictionary words of two or more characters that cover it from
    the left (itself when they do not)."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start + 1, -1):
            if end - start < len(word) and ptext.is_dictionary_word(word[start:end]):
                pieces.append(word[start:end])
                start = end
                break
        else:
            return (word,)
    return tuple(pieces)


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


class _Phrases:
    def __init__(self) -> None:
        # the first two characters of an abbreviation → {term words: titles}
        self.by_pair: dict[str, dict[tuple[str, ...], int]] = defaultdict(dict)
        self.size = 0
        self.last_id = 0
        self.checked = self.built = 0.0

    def add_title(self, title: str) -> None:
        for run in _title_words(title):
            for start in range(len(run)):
                for stop in range(start + 2, min(len(run), start + MAX_WORDS) + 1):
                    term = tuple(run[start:stop])
                    if sum(map(len, term)) > MAX_PHRASE_CHARS:
                        break
                    for pair in _leading_pairs(term):
                        counts = self.by_pair[pair]
                        if term not in counts:
                            self.size += 1
                        counts[term] = counts.get(term, 0) + 1


_lock = threading.Lock()
_phrases: dict[str, _Phrases] = {}


def _read_titles(phrases: _Phrases) -> None:
    from gongkai.policies.permissions import documents_visible_to

    visible = documents_visible_to(None).order_by("-pk").values_list("pk", "title")
    newest = None
    below = None
    while phrases.size < MAX_PHRASES:
        rows = visible.filter(pk__gt=phrases.last_id)
        if below is not None:
            rows = rows.filter(pk__lt=below)
        rows = list(rows[:TITLES_READ])
        if not rows:
            break
        newest = newest or rows[0][0]
        for _pk, title in rows:
            phrases.add_title(title)
        below = rows[-1][0]
    if newest is not None:
        phrases.last_id = max(phrases.last_id, newest)


def current(alias: str = "default") -> _Phrases:
    now = time.monotonic()
    phrases = _phrases.get(alias)
    if phrases is not None and now - phrases.checked < REFRESH_SECONDS:
        return phrases
    with _lock:
        phrases = _phrases.get(alias)
        if phrases is None or now - phrases.built > REBUILD_SECONDS:
            phrases = _Phrases()
            phrases.built = now
            _read_titles(phrases)
            _phrases[alias] = phrases
        elif now - phrases.checked >= REFRESH_SECONDS:
            _read_titles(phrases)
        phrases.checked = now
    return phrases


def expansions(short: str, *, limit: int = 2) -> list[str]:
    """The terms of the library's titles that ``short`` (two to four Chinese
    characters) abbreviates, best first: the closest reading, then the most titles."""
    if not 2 <= len(short) <= 4 or not all(ptext._is_cjk(ch) for ch in short):
        return []
    from django.db import connection

    found = []
    for term, titles in current(connection.alias).by_pair.get(short[:2], {}).items():
        if len("".join(term)) <= len(short):
            continue
        if score := abbreviates(short, term):
            found.append((score, titles, "".join(term)))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]))
    return list(dict.fromkeys(term for _s, _t, term in found))[:limit]


def forget() -> None:
    """Drop the cached candidates (tests)."""
    _phrases.clear()
