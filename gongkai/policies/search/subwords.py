"""Words the library lacks, read through the words inside them.

Residents' words are often longer or cut otherwise than the library's: 打零工 holds
零工, 大型犬 holds 犬, and 油烟熏 (cut 油 / 烟熏) holds 油烟. A stretch of the query
made only of words no document holds is searched again for the words of the
segmenter's dictionary or of the lexicon inside it (two to ``MAX_CHARS`` characters)
that documents do hold, the longest first, not overlapping; they are searched in
place of the stretch. Only dictionary and lexicon words are looked up, so a stretch
costs a few look-ups, and a string of letters or a word made of generic words gives
nothing (nonsense stays nonsense).
"""
from gongkai.core.text import positions
from gongkai.policies.search import words

MIN_CHARS, MAX_CHARS = 2, 4


def stretches(text: str, missing: list[str]) -> list[tuple[int, int]]:
    """The spans of ``text`` covered by the ``missing`` words, adjacent ones joined."""
    spans = []
    for word in missing:
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + 1)
    joined: list[list[int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return [(start, end) for start, end in joined if end - start >= MIN_CHARS]


def inner_words(stretch: str, is_word, counts) -> list[str]:
    """The held words inside ``stretch``, longest first, not overlapping, in the
    stretch's order. ``is_word(candidate)``: a dictionary or lexicon word;
    ``counts(words)``: word → how many documents hold it (a lexicon word: any of its
    forms)."""
    candidates = [(start, start + length) for length in range(MAX_CHARS, MIN_CHARS - 1, -1)
                  for start in range(len(stretch) - length + 1)]
    candidates = [(s, e) for s, e in candidates
                  if (s, e) != (0, len(stretch)) and stretch[s:e] not in words.GENERIC_WORDS
                  and is_word(stretch[s:e])]
    if not candidates:
        return []
    held = counts([stretch[s:e] for s, e in candidates])
    taken: list[tuple[int, int]] = []
    for s, e in candidates:
        if held.get(stretch[s:e]) and all(e <= ts or s >= te for ts, te in taken):
            taken.append((s, e))
    return [stretch[s:e] for s, e in sorted(taken)]



def covers_most(stretch: str, inner: list[str], missing: list[str]) -> bool:
    """Whether the held words found inside ``stretch`` make up more than half of the
    ``missing`` words they overlap: 零工 is most of 打零工, 物业 of 物业费, 油烟 of 油 /
    烟熏; but 时间 is half of 时间机器 — what the query names is still missing, and
    its fragment would list documents about something else."""
    spans = [(s, s + len(w)) for w in dict.fromkeys(missing)
             for s in positions(stretch, w)]
    position, found, overlapped = 0, 0, set()
    for word in inner:
        start = stretch.index(word, position)
        end = position = start + len(word)
        found += len(word)
        overlapped.update(span for span in spans if span[0] < end and start < span[1])
    return 2 * found > sum(end - start for start, end in overlapped)


def overlapped(stretch: str, word: str, inner: list[str]) -> bool:
    """Whether one of the ``inner`` words (found in ``stretch`` in order, as
    ``inner_words`` gives them) overlaps an occurrence of ``word`` in ``stretch``."""
    spans = [(s, s + len(word)) for s in positions(stretch, word)]
    position = 0
    for found in inner:
        start = stretch.index(found, position)
        position = start + len(found)
        if any(s < position and start < e for s, e in spans):
            return True
    return False

