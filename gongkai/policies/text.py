"""Chinese text for the policy index: normalise, segment, pick query terms.

Text is normalised first (NFKC, traditional → simplified through OpenCC), so a query in
either script meets text in either script. It is then segmented with rjieba (jieba's
dictionary and algorithm in Rust; measured here at 22 MB/s in search mode against
jieba's 1.7 MB/s, 37 vs 1.9 MB/s in precise mode) and with a user dictionary: the
registry's unit names and the policy terms in ``data/policy_terms.txt``.

The dictionary is static (shipped with the code), never read from the database: the
text indexed in one process and the query segmented in another must be cut the same
way, or a word found at indexing time would be missed at query time. HMM new-word
guessing is off for the same reason: it depends on the surrounding text.

Indexed text keeps the precise cut and adds, after each longer word, the dictionary
words inside it (search mode), so 政务公开 is also found by 公开. The added words sit
between ``SUB_OPEN`` and ``SUB_CLOSE``, whitespace in the source becomes ``SPACE``, and
tokens are separated by a plain space: ``readable`` turns an FTS snippet of such text
back into the text a person wrote.
"""
import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from gongkai.policies.docnumber import cited

# Control characters: separators for FTS5's unicode61 and PostgreSQL's parser, and never
# present in normalised text (normalize() collapses whitespace; NFKC keeps Cc as is, so
# they are stripped explicitly).
SUB_OPEN, SUB_CLOSE, SPACE = "\x02", "\x03", "\x1f"
MARK_OPEN, MARK_CLOSE = "\x0e", "\x0f"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
_TERMS_FILE = Path(__file__).resolve().parent / "data" / "policy_terms.txt"
# Queries longer than this are cut: nobody types more, and a pasted page is not a query.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16
_STOPWORDS = frozenset("的 了 和 与 及 或 在 对 于 是 之 等 并 其 将 为 由 关于".split())


def _registry_names() -> list[str]:
    from gongkai.orgs import huangpu

    names: list[str] = []
    entries = [huangpu.OFFICE, *huangpu.DEPARTMENTS, *huangpu.OTHERS, *huangpu.PARKS]
    for name, _category, short, aliases in entries:
        names.extend([name, short, *aliases])
    names.extend(huangpu.STREETS_TOWNS)
    names.extend([n[1:] for n in list(names) if n.startswith("区") and len(n) > 3])
    return [n for n in names if n]


def policy_terms() -> list[str]:
    lines = _TERMS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _segmenter():
    """The segmenter with the user dictionary loaded: rjieba, or jieba without it."""
    words = {prepare(w) for w in (*policy_terms(), *_registry_names())}
    try:
        import rjieba

        engine = rjieba.Jieba()
        for word in words:
            engine.add_word(word, None, None)
        return lambda text: engine.cut(text, False), engine.has_word
    except ImportError:  # pragma: no cover — rjieba ships wheels for the usual platforms
        import jieba

        tokenizer = jieba.Tokenizer()
        for word in words:
            tokenizer.add_word(word)
        tokenizer.initialize()
        return (lambda text: list(tokenizer.cut(text, HMM=False)),
                lambda word: tokenizer.FREQ.get(word, 0) > 0)


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` is a word of the segmenter's dictionary (with the user
    dictionary)."""
    return bool(_segmenter()[1](word))


def dictionary_pieces(word: str) -> tuple[str, ...]:
    """The dictionary words of two or more characters that cover ``word`` from the left,
    longest first (技工学校 → 技工, 学校): the index holds them after the whole word.
    Empty when they do not cover it."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start + 1, -1):
            if end - start < len(word) and is_dictionary_word(word[start:end]):
                pieces.append(word[start:end])
                start = end
                break
        else:
            return ()
    return tuple(pieces)


def cut_query(query: str) -> list[str]:
    """The tokens of a query as cut, in order, punctuation and spaces included (the
    caller picks the words): ``query_terms`` without its filtering."""
    return _cut(prepare(query)[:MAX_QUERY_CHARS])


def _cut(text: str) -> list[str]:
    return _segmenter()[0](text)


@lru_cache(maxsize=200_000)
def _sub_words(word: str) -> tuple[str, ...]:
    """Dictionary words strictly inside ``word`` (jieba's search mode, every length)."""
    if len(word) <= 2 or not _is_cjk(word[0]):
        return ()
    has_word = _segmenter()[1]
    found = []
    for size in range(2, len(word)):
        for start in range(len(word) - size + 1):
            piece = word[start:start + size]
            if has_word(piece) and piece not in found:
                found.append(piece)
    return tuple(found)


def last_indexed_token(word: str) -> str:
    """The token of ``word``'s indexed form that stands right before the next word: the
    last of the dictionary words inside it, which the index adds after the whole word
    (政策解读 → 政策解读 ⟨政策 解读⟩: 解读), else the word itself. A phrase of ``word``
    and the word after it is looked up with this token."""
    subs = _sub_words(word)
    return subs[-1] if subs else word


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _is_token(token: str) -> bool:
    """Whether the index keeps ``token`` (it has a letter or digit)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


@lru_cache(maxsize=1)
def _t2s_converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_triggers() -> frozenset[str] | None:
    """Every character that can make OpenCC's t2s change a text (a key character that
    differs from its conversion). Text with none of them converts to itself, which is
    what simplified documents do; checking is ~20× faster than converting. None when
    the dictionary files cannot be read (then everything is converted)."""
    import opencc

    folder = Path(opencc.__file__).resolve().parent / "dictionary"
    triggers: set[str] = set()
    try:
        for name in ("TSCharacters.txt", "TSPhrases.txt"):
            for line in (folder / name).read_text(encoding="utf-8").splitlines():
                key, _tab, values = line.partition("\t")
                for value in values.split():
                    if value != key:
                        triggers.update(k for k, v in zip(key, value, strict=False) if k != v)
                        if len(value) != len(key):
                            triggers.update(key)
    except OSError:
        return None
    return frozenset(triggers)


def _simplified(text: str) -> str:
    triggers = _traditional_triggers()
    if triggers is None:
        return _t2s_converter().convert(text)
    if triggers.isdisjoint(text):
        return text
    converter = _t2s_converter()
    # The pure-Python OpenCC converts each piece between its sentence separators on its
    # own (no dictionary entry holds one), so only the pieces with a trigger need it:
    # a simplified document with one 覆 or 乾 converts a sentence, not the document.
    separators = getattr(converter, "split_chars_re", None)
    if separators is None:
        return converter.convert(text)
    pieces = separators.split(text)
    return "".join(converter.convert(piece) if i % 2 == 0 and not triggers.isdisjoint(piece)
                   else piece for i, piece in enumerate(pieces))


def prepare(text: str) -> str:
    """``gongkai.core.text.normalize`` (NFKC, traditional → simplified, single spaces)
    for whole documents, with the index's control characters removed. The same result
    as ``normalize``, computed without converting text that has nothing to convert and
    without keeping documents in ``to_simplified``'s cache."""
    text = _nfkc(_CONTROL.sub(" ", text or ""))
    return _WHITESPACE.sub(" ", _simplified(text)).strip()


# Full-width ASCII and the ideographic space: the only compatibility characters most
# Chinese text has (，：；（）), mapped as NFKC maps them.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_FULL_WIDTH_NFKC = {chr(c): unicodedata.normalize("NFKC", chr(c))
                    for c in (*range(0xFF01, 0xFF5F), 0x3000)}


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, seven times faster on Chinese text:
    full-width forms are replaced first (each by its own NFKC form, so the result is
    the same), after which the text is usually normalised already — checked, not
    assumed."""
    text = _FULL_WIDTH.sub(lambda m: _FULL_WIDTH_NFKC[m.group()], text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def segment(text: str) -> str:
    """``text`` as the index stores it: normalised, segmented, tokens space-joined, the
    dictionary words inside longer words added (marked, see the module docstring)."""
    if len(_RENDERED) > 500_000:
        _RENDERED.clear()
    prepared = prepare(text)
    cut = _cut(prepared)
    rendered = list(map(_RENDERED.__getitem__, cut))
    for i, words in _citations(prepared, cut).items():
        rendered[i] += f"{SUB_OPEN}{' '.join(words)}{SUB_CLOSE}"
    return " ".join(rendered)


def segment_words(text: str) -> tuple[str, list[str]]:
    """``segment(text)`` and its ``tokens``, from one cut (PostgreSQL's index is made
    of both)."""
    if len(_RENDERED) > 500_000:
        _RENDERED.clear()
        _WORDS.clear()
    prepared = prepare(text)
    cut = _cut(prepared)
    words = _WORDS
    citations = _citations(prepared, cut)
    if not citations:
        return (" ".join(map(_RENDERED.__getitem__, cut)),
                [word for token in cut for word in words[token]])
    rendered, found = [], []
    for i, token in enumerate(cut):
        rendered.append(_RENDERED[token])
        found.extend(words[token])
        if i in citations:
            rendered[-1] += f"{SUB_OPEN}{' '.join(citations[i])}{SUB_CLOSE}"
            found.extend(citations[i])
    return " ".join(rendered), found


def _citations(prepared: str, cut: list[str]) -> dict[int, tuple[str, ...]]:
    """token index → the ``docnumber.citation_word`` of each 文号 cited in ``prepared``
    whose last character (号) that token holds: added after it, as the words inside a
    long word are (the snippet shows the 文号, its 号 marked)."""
    ends = cited(prepared)
    if not ends:
        return {}
    found: dict[int, tuple[str, ...]] = {}
    position, k = 0, 0
    for i, token in enumerate(cut):
        position += len(token)
        while k < len(ends) and ends[k][0] < position:
            found[i] = (*found.get(i, ()), ends[k][1])
            k += 1
        if k == len(ends):
            break
    return found


class _Rendered(dict):
    """token → its indexed form; a dict lookup per token keeps segmentation near the
    segmenter's own speed."""

    def __missing__(self, token: str) -> str:
        if token.isspace():
            rendered = SPACE
        else:
            subs = _sub_words(token)
            rendered = f"{token}{SUB_OPEN}{' '.join(subs)}{SUB_CLOSE}" if subs else token
        self[token] = rendered
        return rendered


_RENDERED = _Rendered()


class _Words(dict):
    """token → the ``tokens`` of its indexed form."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        self[token] = found = tuple(tokens(_RENDERED[token]))
        return found


_WORDS = _Words()


def query_terms(query: str) -> list[str]:
    """The words a query asks for, in order, without repeats or punctuation.

    Cut in precise mode: each such word is also a word of the indexed text. Common
    function words are dropped when other words remain.
    """
    tokens = [t for t in _cut(prepare(query)[:MAX_QUERY_CHARS]) if _is_token(t)]
    terms = list(dict.fromkeys(t.lower() for t in tokens))
    content = [t for t in terms if t not in _STOPWORDS]
    return (content or terms)[:MAX_QUERY_TERMS]


_SEPARATORS = re.compile(f"[ {SPACE}{SUB_OPEN}{SUB_CLOSE}]+")
_WORD_CHARACTER = re.compile(r"[^\W_]")  # a letter or a digit, as _is_token's L and N


def tokens(segmented: str) -> list[str]:
    """The words of segmented text as an index matches them, in order: lower-cased,
    punctuation left out, the words added inside a longer word after it. A query's
    ``query_terms`` are such words."""
    is_word = _IS_WORD
    if len(is_word) > 500_000:
        is_word.clear()
    return [token for token in _SEPARATORS.split(segmented.lower()) if is_word[token]]


class _IsWord(dict):
    """token → whether it holds a letter or digit; a dict lookup per token."""

    def __missing__(self, token: str) -> bool:
        self[token] = found = _WORD_CHARACTER.search(token) is not None
        return found


_IS_WORD = _IsWord()


_GROUP = re.compile(f"{SUB_OPEN}([^{SUB_OPEN}{SUB_CLOSE}]*){SUB_CLOSE}")
_LAST_TOKEN = re.compile(f"([^ {SPACE}{MARK_OPEN}{MARK_CLOSE}{SUB_OPEN}{SUB_CLOSE}]+)$")


def _trim_partial_groups(fragment: str) -> str:
    close, open_ = fragment.find(SUB_CLOSE), fragment.find(SUB_OPEN)
    if close != -1 and (open_ == -1 or close < open_):
        fragment = fragment[close + 1:]
    if fragment.rfind(SUB_OPEN) > fragment.rfind(SUB_CLOSE):
        fragment = fragment[:fragment.rfind(SUB_OPEN)]
    return fragment


def _drop_groups(fragment: str) -> str:
    """Remove the added sub-words; a highlighted sub-word highlights its word."""
    pieces: list[str] = []
    position = 0
    for match in _GROUP.finditer(fragment):
        before = fragment[position:match.start()]
        if MARK_OPEN in match.group(1) and not before.endswith(MARK_CLOSE):
            before = _LAST_TOKEN.sub(f"{MARK_OPEN}\\1{MARK_CLOSE}", before)
        pieces.append(before)
        position = match.end()
    pieces.append(fragment[position:])
    return "".join(pieces)


def readable(fragment: str | None) -> str:
    """An FTS snippet or highlight of segmented text → safe HTML: the text as written,
    escaped, with the highlight marks (and only they) as ``<mark>``."""
    text = _drop_groups(_trim_partial_groups(fragment or ""))
    text = text.replace(" ", "").replace(SPACE, " ")
    # Marks left unbalanced by a cut fragment are dropped rather than left open.
    text = re.sub(f"{MARK_OPEN}{MARK_CLOSE}", "", text)
    escaped = html.escape(text, quote=True)
    escaped = re.sub(f"{MARK_OPEN}([^{MARK_OPEN}{MARK_CLOSE}]*){MARK_CLOSE}",
                     r"<mark>\1</mark>", escaped)
    return escaped.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


# --- highlighting ----------------------------------------------------------------------
# Done here rather than by the database (FTS5's snippet(), PostgreSQL's ts_headline()):
# both read every occurrence of every word in the whole body, which for a common word in a
# long document costs more than the search that found it; a regular expression over the
# stored segmented text finds the same token-bounded occurrences in a fraction of that.

SNIPPET_CHARS = 160  # of segmented text: about forty tokens, seventy characters shown
_SNIPPET_LEAD = 30
_SNIPPET_CANDIDATES = 24


# A query word matches whole tokens: no word character before it, none after.
_LOOK_BEHIND = r"(?<!\w)"


def term_pattern(terms: list[str]) -> re.Pattern | None:
    """The query words as whole tokens of segmented text (an added sub-word counts: its
    word is highlighted), case-insensitive as the index is; longest first."""
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(_LOOK_BEHIND + "(?:" + "|".join(map(re.escape, words)) + r")(?!\w)",
                      re.IGNORECASE)


def _scan_pattern(pattern: re.Pattern) -> re.Pattern:
    """``term_pattern``'s pattern without its look-behind (compiled once: ``re`` caches)."""
    return re.compile(pattern.pattern.removeprefix(_LOOK_BEHIND), pattern.flags)


def _marked(fragment: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: f"{MARK_OPEN}{m.group()}{MARK_CLOSE}", fragment)


def highlight(segmented: str, pattern: re.Pattern | None) -> str:
    """All of a short segmented field (a title) as safe HTML with the words marked."""
    return readable(_marked(segmented, pattern) if pattern else segmented)


def _occurrences(segmented: str, pattern: re.Pattern) -> list[tuple[int, str]]:
    """(position, word) of the first ``_SNIPPET_CANDIDATES`` occurrences. Found without
    the look-behind, which makes the regular expression engine try every position of a
    long body (2.5 times slower); the token start is checked here instead."""
    matches = []
    for match in _scan_pattern(pattern).finditer(segmented):
        start = match.start()
        if start and (segmented[start - 1].isalnum() or segmented[start - 1] == "_"):
            continue
        matches.append((start, match.group().lower()))
        if len(matches) == _SNIPPET_CANDIDATES:
            break
    return matches


def snippet(segmented: str, pattern: re.Pattern | None) -> str:
    """About forty tokens of a segmented body as safe HTML, around the place where the
    most different query words occur close together (the first such place), the words
    marked; the beginning of the text when none occurs."""
    segmented = segmented or ""
    matches = _occurrences(segmented, pattern) if pattern is not None else []
    start, best, stop = 0, 0, 0
    if len({word for _p, word in matches}) == 1:  # one word: where it first occurs
        matches = matches[:1]
    for i, (position, _word) in enumerate(matches):
        begin = max(0, position - _SNIPPET_LEAD)
        stop = max(stop, i)
        while stop < len(matches) and matches[stop][0] < begin + SNIPPET_CHARS:
            stop += 1
        words = len({word for _p, word in matches[i:stop]})
        if words > best:
            best, start = words, begin
    end = min(len(segmented), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)  # a window cut short by the end reaches back
    if start > 0:  # begin and end on token boundaries
        space = segmented.find(" ", start)
        start = space + 1 if 0 <= space < end else start
    if end < len(segmented):
        space = segmented.rfind(" ", start, end)
        end = space if space > start else end
    fragment = segmented[start:end]
    body = readable(_marked(fragment, pattern) if pattern else fragment)
    return ("…" if start > 0 else "") + body + ("…" if end < len(segmented) else "")
