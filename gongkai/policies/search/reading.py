"""A query's words read as what was meant when the library does not hold them as typed
(``query.analyse`` calls ``_correct``): a dictionary word by its pieces (技工学校 → 技工
学校), a coordinated abbreviation by the two words it joins (预决算 → 预算, 决算), a slip
of a pinyin input method as the word of the same sound the library holds (公组房 →
公租房; a dictionary word only when that word is far more usual: 人材 → 人才), alone or
with the word before it (老年 食唐 → 老年食堂), a near form the lexicon's terms show
(食堂 → 饭堂, from 长者食堂 = 长者饭堂: ``near_forms``), and a coined abbreviation of
the titles' terms (``abbrev``). Each word is a ``Group``: what was typed and the index words that
match it."""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gongkai.policies import text as ptext
from gongkai.policies.search import abbrev, typos, words

# A word's lexicon alternatives with at least this weight are searched (two links of
# synonyms, 0.85 × 0.85, still count), at most this many.
MIN_EXPANSION_WEIGHT = 0.7
MAX_ALTERNATIVES = 8
# The written forms of everyday nouns of one character (树 → 树木): ``written_forms``.
WRITTEN_FORMS_FILE = Path(__file__).resolve().parents[1] / "data" / "written_forms.txt"


@dataclass
class Group:
    """One word of the query and what else matches it. ``alternatives`` are in the
    index's form (``_index_form``), the typed word first."""

    typed: str
    alternatives: tuple
    known: bool = True
    generic: bool = False
    corrected: str = ""
    documents: int = 0  # how many documents hold it (its most held alternative)
    # The alternatives added for the held words inside a word read through the lexicon
    # (长者 of 长者食堂): a looser reading, for recall only — not what the word names.
    inner: tuple = ()


def _index_form(word: str) -> str | tuple[str, ...]:
    """A word as the index holds it: one token, or the tokens the segmenter cuts it
    into (all of which must occur; see ``Matcher``)."""
    tokens = tuple(ptext.query_terms(word))
    return tokens[0] if len(tokens) == 1 else tokens


def _words(alternative) -> tuple[str, ...]:
    if isinstance(alternative, str):
        return tuple(alternative.split(" ")) if " " in alternative else (alternative,)
    return alternative


def _group(unit: str, lexicon) -> Group:
    typed = unit.lower()
    forms = [_index_form(typed) or typed]
    for word, weight in lexicon.expand(typed):
        if weight >= MIN_EXPANSION_WEIGHT and (form := _index_form(word)):
            forms.append(form)
    return Group(typed=typed, alternatives=tuple(dict.fromkeys(forms))[:MAX_ALTERNATIVES])


def _is_single(group: Group) -> bool:
    return (len(group.typed) == 1 and ptext._is_cjk(group.typed)
            and group.typed not in words.GENERIC_WORDS)


def _held(alternatives, counts: dict[str, int]) -> bool:
    return any(all(counts.get(w, 0) > 0 for w in _words(alt)) for alt in alternatives)


def _is_word_for(lexicon):
    def is_word(candidate: str) -> bool:
        return typos.dictionary_word(candidate) or bool(lexicon.expand(candidate))
    return is_word


def _typo_fix(span: str, lexicon, memo: dict, *, direct: bool, rarer: int = 0):
    """(start, end, the group of the word read) for the first homophone correction of
    ``span`` the library holds — itself (``direct``), or through the lexicon too.
    ``rarer``: only a correction at least ``typos.USUAL_RATIO`` times as frequent
    (``words.frequency``) — the typed string is a dictionary word too."""
    for start, end, word in typos.corrections(span, _is_word_for(lexicon), strict=bool(rarer)):
        if sum(ch not in typos.FILLERS for ch in span[start:end]) < 2:
            continue
        if rarer and words.frequency(word) < typos.USUAL_RATIO * rarer:
            continue
        fixed = _group(word, lexicon)
        forms = fixed.alternatives[:1] if direct else fixed.alternatives
        held = words.documents_holding([w for a in forms for w in _words(a)], memo)
        if _held(forms, held):
            fixed.typed, fixed.corrected = span[start:end], word
            return start, end, fixed
    return None


def _joined_fix(before: Group, span: str, lexicon, memo: dict):
    """(how many characters of ``span`` it takes, the group) when the word ``before``
    a stretch of single characters and the stretch's start, one homophone changed,
    are a term the library holds through the lexicon; else None."""
    if len(before.typed) < 2 or not all(map(ptext._is_cjk, before.typed)):
        return None
    fix = _typo_fix(before.typed + span, lexicon, memo, direct=False)
    if fix is None or fix[0] != 0 or fix[1] <= len(before.typed):
        return None
    return fix[1] - len(before.typed), fix[2]


# The auxiliary verbs of a spoken sentence (能愿动词: 能, 会, 要, 想, 可, 该, 肯, 敢),
# said alone before the act they qualify (能补多少钱, 会不会罚): the cut leaves them
# single, beside the act's single character.
AUXILIARY_VERBS = frozenset("能会要想可该肯敢")


def _correct(groups: list[Group], lexicon, memo: dict) -> list[Group]:
    """Words the library does not hold read otherwise: a dictionary word by its pieces
    (技工学校 → 技工 学校) or, failing that, as a word of the same sound the library
    holds; two or more single characters in a row (what a wrong pick of a pinyin input
    method leaves: 公组房 → 公 组 房) as a word of the same sound."""
    counts = words.documents_holding([w for g in groups for a in g.alternatives
                                      for w in _words(a)], memo)
    out: list[Group] = []
    i = 0
    while i < len(groups):
        j = i
        while j < len(groups) and _is_single(groups[j]):
            j += 1
        if j - i >= 2:
            span = "".join(g.typed for g in groups[i:j])
            fix = _typo_fix(span, lexicon, memo, direct=False)
            # (A run led by an auxiliary verb — 能 补, 会 罚 — is a spoken "can", "will"
            # before the act, not the piece of a term: no abbreviation starts with it.)
            short = (_abbreviation(span, lexicon)
                     if fix is None and span[0] not in AUXILIARY_VERBS else None)
            joined = (_joined_fix(out[-1], span, lexicon, memo)
                      if fix is None and short is None and out else None)
            if joined is not None:
                # The word before and the slip make one lexicon term (老年 食唐 →
                # 老年食堂, which the lexicon reads as 长者饭堂).
                end, fixed = joined
                out[-1] = fixed
                out += groups[i + end:j]
            elif short is not None:
                out.append(short)
            elif fix is None:
                out.extend(groups[i:j])
            else:
                start, end, fixed = fix
                out += [*groups[i:i + start], fixed, *groups[i + end:j]]
            i = j
            continue
        group = groups[i]
        joined = _slip_after(out, groups[i:j], counts, lexicon, memo)
        if joined is not None:
            out[-1] = joined
        elif len(group.typed) > 1 and not _held(group.alternatives, counts):
            read = _read_otherwise(group, lexicon, memo)
            joined = _joined_before(out, read, lexicon, memo) if read.corrected else None
            if joined is not None:
                # The words before and the word read are one lexicon term (法律 资询 →
                # 法律咨询, which the lexicon reads as 公共法律服务).
                out[-joined[0]:] = [joined[1]]
            else:
                out.append(read)
        else:
            out.append(group)
        i += 1
    return out


# A word the library holds in at most this share of its documents (or ``SLIP_MIN``)
# may be a slip of the input method beside a word it was a term with (调节 of 人民调节,
# in one document of the 308 the library holds; the library says 调解): a word the
# library uses often was meant (``collocation_slips``).
SLIP_SHARE = 0.01
SLIP_MIN = 3


def collocation_slips(groups: list[Group], text: str, lexicon, memo: dict) -> list[Group]:
    """Two words said side by side that are no term, but one term of a fixed phrase
    with one character of the same sound changed (人民 调节 → 人民调解, 工商 保险 →
    工伤保险): a pinyin input method's slip into another word, one the library holds
    but rarely (``SLIP_SHARE``: 调节, 工商), which only the phrase tells (a word it
    lacks is read otherwise already, ``_correct``). Read as the term
    where the library holds it — the term a word of the dictionary or the lexicon, the
    slip in the rare word, the character read there as the one typed sounds
    (``typos.corrections``: strict)."""
    is_word = _is_word_for(lexicon)
    rare = max(SLIP_MIN, int(words.document_total() * SLIP_SHARE))
    out: list[Group] = []
    for group in groups:
        read = None
        before = out[-1] if out else None
        pair = before.typed + group.typed if before is not None else ""
        if (before is not None and len(before.typed) > 1 and len(group.typed) > 1
                and not before.corrected and not group.corrected and pair in text
                and all(map(ptext._is_cjk, pair)) and not is_word(pair)):
            read = _slip_in_pair(before, group, pair, rare, is_word, lexicon, memo)
        if read is not None:
            out[-1] = read
        else:
            out.append(group)
    return out


def _slip_in_pair(before: Group, group: Group, pair: str, rare: int, is_word, lexicon,
                  memo: dict) -> Group | None:
    """The group of the term ``pair`` is, one character of its rarely held word changed
    (``collocation_slips``), when the library holds it; else None."""
    split = len(before.typed)
    at = [span for word, span in ((before, range(split)), (group, range(split, len(pair))))
          if 0 < _documents(word, memo) <= rare]
    for span in at:
        for term in typos.whole_corrections(pair, is_word, span):
            read = _group(term, lexicon)
            forms = read.alternatives[:1]
            if _held(forms, words.documents_holding([w for a in forms for w in _words(a)],
                                                    memo)):
                read.typed, read.corrected = pair, term
                return read
    return None


def _documents(group: Group, memo: dict) -> int:
    """How many documents hold ``group`` (its most held reading)."""
    counts = words.documents_holding([w for a in group.alternatives for w in _words(a)],
                                     memo)
    return max((min(counts.get(w, 0) for w in _words(a)) for a in group.alternatives),
               default=0)


def _slip_after(out: list[Group], run: list[Group], counts: dict, lexicon,
                memo: dict) -> Group | None:
    """One character the library lacks (``run``, alone) right after a word (the last
    of ``out``): the word and it, the character changed to one of the same sound, may
    be one term the library holds (科技创新 卷 → 科技创新券) — a slip at a word's end
    leaves the word before whole and the slip alone. That term's group, else None."""
    if len(run) != 1 or not out or _held(run[0].alternatives, counts):
        return None
    joined = _joined_fix(out[-1], run[0].typed, lexicon, memo)
    if joined is None or not joined[1].corrected.startswith(out[-1].typed):
        return None
    return joined[1]


def _joined_before(out: list[Group], read: Group, lexicon, memo: dict):
    """(how many words of ``out``, its last, it takes; the group) of the lexicon term
    that the words before a word read as another make with it — the two words before
    first (免费 法律 资询 → 免费法律咨询), then the one (法律 资询 → 法律咨询); else None."""
    for n in (2, 1):
        if len(out) < n or any(g.corrected for g in out[-n:]):
            continue
        before = Group("".join(g.typed for g in out[-n:]), ())
        term = _joined_term(before, read, lexicon, memo)
        if term is not None:
            return n, term
    return None


def _joined_term(before: Group, read: Group, lexicon, memo: dict) -> Group | None:
    """The group of the lexicon term that the word ``before`` and a word read as another
    (``read.corrected``) make together, when the library holds it; else None."""
    if before.corrected or not all(map(ptext._is_cjk, before.typed + read.corrected)):
        return None
    term = before.typed + read.corrected
    if not lexicon.expand(term):
        return None
    joined = _group(term, lexicon)
    held = words.documents_holding([w for a in joined.alternatives for w in _words(a)], memo)
    if not _held(joined.alternatives, held):
        return None
    joined.typed, joined.corrected = before.typed + read.typed, term
    return joined


def _read_otherwise(group: Group, lexicon, memo: dict) -> Group:
    pieces = ptext.dictionary_pieces(group.typed)
    if pieces and _held([pieces], words.documents_holding(list(pieces), memo)):
        group.alternatives = (*group.alternatives, " ".join(pieces))
        return group
    # A coordinated abbreviation (预决算): the two words it joins, those held.
    joined = abbrev.coordinated(group.typed)
    held = words.documents_holding(list(joined), memo) if joined else {}
    if any(held.values()):
        group.alternatives = (*group.alternatives, *(w for w in joined if held[w]))
        return group
    # A near form the lexicon's terms show (食堂 of 长者食堂 is 饭堂 of 长者饭堂).
    near = near_forms(lexicon).get(group.typed, ())
    held = words.documents_holding(list(near), memo) if near else {}
    if any(held.values()):
        group.alternatives = (*group.alternatives, *(w for w in near if held[w]))
        return group
    # A word of the dictionary is mostly what was meant (一辆 is no typo of 一量): it
    # is read as a word of the same sound only when that word is far more usual — the
    # rare homophone a pinyin input method offered beside it (人材 for 人才, 建义 for
    # 建议), not a word of its own (火星 is as usual as 活性).
    rarer = max(1, words.frequency(group.typed)) if ptext.is_dictionary_word(group.typed) else 0
    # (No word is that much more usual than a usual one: nothing to try.)
    fix = (None if rarer * typos.USUAL_RATIO > words.highest_frequency()
           else _typo_fix(group.typed, lexicon, memo, direct=True, rarer=rarer))
    if fix is not None and fix[:2] == (0, len(group.typed)):
        return fix[2]
    return _abbreviation(group.typed, lexicon) or group


def may_be_slip(word: str, lexicon, memo: dict) -> bool:
    """Whether ``word`` becomes, one character changed to one of the same sound, a word
    the library holds (itself or through the lexicon): though a word of the dictionary
    too, it may be a pinyin input method's slip for that word — whatever how usual each
    is (``_read_otherwise`` reads it so only when the other is far more usual)."""
    fix = _typo_fix(word, lexicon, memo, direct=False)
    return fix is not None and fix[:2] == (0, len(word))


def near_forms(lexicon) -> dict[str, tuple[str, ...]]:
    """word → its near forms: two words of two characters that share one character in
    the same place (食堂, 饭堂: 堂) and stand in the same place of two terms the lexicon
    says mean the same, the rest of which is alike (长者食堂 = 长者饭堂). Learnt from
    the lexicon the office edits, once a lexicon."""
    cached = _near_cache.get("forms")
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    found: dict[str, set[str]] = {}
    for term in [t for t in lexicon.terms() if len(t) >= 4]:
        for other, weight in lexicon.expand(term):
            if weight < MIN_EXPANSION_WEIGHT or len(other) != len(term):
                continue
            # Cut into the dictionary's words, the two terms differ in one word only.
            ours, theirs = ptext.dictionary_pieces(term), ptext.dictionary_pieces(other)
            if len(ours) != len(theirs):
                continue
            pairs = list(zip(ours, theirs, strict=True))
            differ = [(a, b) for a, b in pairs if a != b]
            if len(differ) != 1 or any(len(a) != len(b) for a, b in pairs):
                continue
            word, near = differ[0]
            if len(word) == 2 and (word[0] == near[0] or word[1] == near[1]):
                found.setdefault(word, set()).add(near)
    forms = {word: tuple(sorted(near)) for word, near in found.items()}
    _near_cache["forms"] = (lexicon, forms)
    return forms


_near_cache: dict[str, tuple] = {}


def _abbreviation(short: str, lexicon) -> Group | None:
    """``short`` read as the abbreviation of terms of the library's titles
    (``abbrev``), or None. A word of the dictionary is no coined abbreviation (医保,
    低保 are in it, and in the lexicon): only a string that is no word is read so —
    or a word the dictionary itself tags as an abbreviation (文保 of 文物保护, 妇联),
    which a library writes out in full: by a term that does not merely go on from it
    (中小学校, tagged so too, is no abbreviation of 中小学校园)."""
    in_dictionary = ptext.is_dictionary_word(short)
    if in_dictionary and not words.is_abbreviation(short):
        return None
    terms = [term for term in abbrev.expansions(short)
             if not (in_dictionary and term.startswith(short))]
    forms = [f for term in terms if (f := _index_form(term))]
    if not forms:
        return None
    return Group(typed=short, alternatives=tuple(dict.fromkeys(forms)), corrected=forms[0]
                 if isinstance(forms[0], str) else "".join(forms[0]))



# The readings a search that found nothing tries (``homophone_readings``), at most.
HOMOPHONE_TRIES = 3
# The longest lexicon term looked for around a word read otherwise, in characters.
TERM_SPAN = 8


def homophone_readings(plan, lexicon) -> list[tuple[str, str, str]]:
    """(the word typed, the word of the same sound read for it, the query's text so
    read) for a query that found nothing: each word of two characters or more, held by
    the library or not, read as the same syllables (toneless pinyin, as a pinyin input
    method takes them) written as the lexicon writes them — a term of its own, or a
    longer term with the words beside it unchanged (商事 等级 → 商事登记). A word the
    library holds is never read so by ``_correct`` (等级 is a word, and in six
    documents), nor a dictionary word unless the other is far more usual, and both
    characters of a word may be the slips (等级 → 登记): when the query as typed finds
    nothing, what the lexicon — the office's own vocabulary — writes with those sounds
    is the likelier meaning. Longer terms first (a slip inside a term the office named
    says more than a word alone), at most ``HOMOPHONE_TRIES``. Generic words are left
    alone (too many readings, none meant)."""
    text = plan.text
    by_sound = _terms_by_sound(lexicon)
    found = []
    for group in plan.groups:
        typed = group.typed
        at = text.find(typed)
        if (len(typed) < 2 or at < 0 or group.generic or group.corrected
                or not all(map(ptext._is_cjk, typed))):
            continue
        end = at + len(typed)
        for left in range(max(0, end - TERM_SPAN), at + 1):
            for right in range(end, min(len(text), left + TERM_SPAN) + 1):
                window = text[left:right]
                for term in by_sound.get(typos.reading_of(window), ()):
                    # Only the typed word is read otherwise; the words beside it stay.
                    if (term != window and term[:at - left] == window[:at - left]
                            and term[end - left:] == window[end - left:]):
                        found.append((-len(term), typed, term[at - left:end - left],
                                      text[:left] + term + text[right:]))
    found.sort(key=lambda row: row[0])
    return [row[1:] for row in dict.fromkeys(found)][:HOMOPHONE_TRIES]


def _terms_by_sound(lexicon) -> dict[tuple[str, ...], tuple[str, ...]]:
    """toneless pinyin → the lexicon's terms of two characters or more read so; made
    once a lexicon, when a search first finds nothing."""
    cached = _sound_cache.get("terms")
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    found: dict[tuple[str, ...], set[str]] = {}
    for term in lexicon.terms():
        if len(term) >= 2 and all(map(ptext._is_cjk, term)):
            found.setdefault(typos.reading_of(term), set()).add(term)
    terms = {sound: tuple(sorted(same)) for sound, same in found.items()}
    _sound_cache["terms"] = (lexicon, terms)
    return terms


_sound_cache: dict[str, tuple] = {}


@lru_cache(maxsize=1)
def _written_table() -> dict[str, tuple[str, ...]]:
    """character → its written forms, from ``WRITTEN_FORMS_FILE`` (read once)."""
    table = {}
    for line in WRITTEN_FORMS_FILE.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#") and len(parts[0]) == 1:
            table[parts[0]] = tuple(parts[1:])
    return table


# A character the library holds in at most this share of the documents that hold its
# written form (评 in 2, 评价 in 9) is what the cut left of other phrases there (评 审,
# 参 评), not the library's word for the act or the thing: read as its written form too.
WRITTEN_RATIO = 3


def written_forms(groups: list[Group], lexicon, memo: dict) -> list[Group]:
    """``groups`` with each everyday noun or verb of one character the library does not
    hold as a word (树 of 门口的树想砍掉, 盖 of 不让盖楼) read also as its written forms
    that it holds (树木, 建设): speech says the noun or the act in one character, a
    document in two — with a character of the same meaning (树木, 房屋, 维修) or with
    its measure word (车辆, 纸张) — and the segmenter cuts 树木 whole, so the character
    alone is in no document's words. The form is read with what the lexicon says it
    means too (树木 → 城市绿化). Such a group is marked ``corrected`` (the form read): a
    word, not a character left of the sentence (ranking rule 5). A character the
    library holds as a word is left as typed — unless it holds the written form in
    ``WRITTEN_RATIO`` times as many documents or more (评 in 2, 评价 in 9: the
    character alone is what the cut left of other phrases)."""
    table = _written_table()
    singles = [g for g in groups if _is_single(g) and g.typed in table and not g.corrected]
    if not singles:
        return groups
    forms = {g.typed: [_index_form(f) or f for f in table[g.typed]] for g in singles}
    counts = words.documents_holding(
        [g.typed for g in singles] + [w for fs in forms.values() for f in fs for w in _words(f)],
        memo)
    for group in singles:
        held = [f for f in forms[group.typed] if all(counts.get(w, 0) for w in _words(f))]
        most = max((min(counts[w] for w in _words(f)) for f in held), default=0)
        if counts.get(group.typed, 0) * WRITTEN_RATIO > most:
            continue
        if held:
            meant = [a for f in held for a in _group("".join(_words(f)), lexicon).alternatives]
            group.alternatives = tuple(dict.fromkeys([*group.alternatives, *meant])
                                       )[:MAX_ALTERNATIVES]
            group.corrected = "".join(_words(held[0]))
    return groups
