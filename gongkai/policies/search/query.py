"""What a query asks for: the 文号 in it, and the words to match in the text, each with
the other words that mean the same to the library.

``analyse`` cuts the query as the index was cut, and for each word (``Group``) finds:

- what the lexicon (``gongkai.lexicon``, edited by the office) says it means:
  廉租房 → 公共租赁住房, 门特 → 门诊特定病种; a lexicon word the segmenter cuts in two is
  taken whole when its ends fall on the cut's boundaries;
- for a word the library does not hold, or a stretch of single characters (what a
  wrong pick of a pinyin input method leaves), a word of the same sound that it does
  hold (``typos``);
- whether it is generic (``words``): a query of generic words only finds nothing.
"""
from dataclasses import dataclass, field

from django.db.models import Q

from gongkai.lexicon.selectors import current_lexicon
from gongkai.policies import text as ptext
from gongkai.policies.docnumber import find_doc_numbers
from gongkai.policies.search import abbrev, ranking, subwords, typos, words

# Words that ask for an explanation of a document rather than the document: the names of
# the forms an interpretation takes (解读, 图解, 问答 …) and the everyday ways of asking
# for one (解释, 讲解, 怎么理解 …).
INTERPRETATION_WORDS = frozenset({"解读", "政策解读", "图解", "问答", "政策问答", "一图读懂",
                                  "解答", "答记者问", "解释", "解析", "讲解", "答疑",
                                  "释义", "读懂", "理解", "图文解读", "政策解析"})
# A word's lexicon alternatives with at least this weight are searched (two links of
# synonyms, 0.85 × 0.85, still count), at most this many.
MIN_EXPANSION_WEIGHT = 0.7
# Characters that, cut out alone, are the verbs and particles of a spoken sentence
# (来办事, 去哪, 给谁, 有没有): weighed as lone characters (ranking rule 5) wherever
# they stand. (Not 多, 少, 看, 吃, 问, 到 …: they may say the subject, 看病, 到府照顾.)
SENTENCE_CHARACTERS = frozenset("来去给在有是要想能会让把被过着")
SENTENCE_WORDS = 6
MAX_ALTERNATIVES = 8


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


@dataclass
class Plan:
    numbers: list
    groups: list[Group] = field(default_factory=list)
    lone: frozenset = frozenset()  # single characters standing alone (ranking rule 5)

    @property
    def typed(self) -> list[str]:
        return [g.typed for g in self.groups]

    @property
    def content(self) -> list[Group]:
        """The words to search by: held by the library, not generic."""
        return [g for g in self.groups if g.known and not g.generic]

    @property
    def missing(self) -> list[Group]:
        """Words the library does not hold (left out of the search)."""
        return [g for g in self.groups if not g.known and not g.generic]

    @property
    def lacking(self) -> list[Group]:
        """The words the library lacks that name a thing (``words.names_a_thing``): not
        那个, 明年, 听说 — the sentence around a subject; nor a character alone, what
        is left of a sentence."""
        return [g for g in self.missing if len(g.typed) >= 2 and words.names_a_thing(g.typed)]

    def lacks_subject(self) -> bool:
        """Whether the words of ``lacking`` weigh more than those the library holds
        (``ranking.outweighed``): the first half of ``ranking``'s ``covers`` rule."""
        lacking = len(self.lacking)
        return bool(lacking) and ranking.outweighed(lacking, self.match_weights(),
                                                    words.document_total())

    @property
    def generic_only(self) -> bool:
        """Nothing to search by, and some of the words are generic."""
        return any(g.generic for g in self.groups) and not self.content

    @property
    def asks_announcement(self) -> bool:
        return any(g.typed in ranking.ANNOUNCEMENT_WORDS for g in self.groups)

    @property
    def asks_interpretation(self) -> bool:
        return any(g.typed in INTERPRETATION_WORDS for g in self.groups)

    def title_terms(self) -> list[tuple[float, float, tuple]]:
        """(weight, distinctiveness, alternatives as tuples of index words) of each
        word held by the library, generic ones too, for ranking rule 4a."""
        total = words.document_total()
        out = []
        for g in self.groups:
            if not g.known:
                continue
            weight = ranking.TITLE_WEIGHTS["generic" if g.generic else "content"]
            lone = ranking.SINGLE_CHARACTER_WEIGHT if g.typed in self.lone else 1.0
            out.append((weight, weight * lone * ranking.distinctive_weight(g.documents, total),
                        tuple(_words(a) for a in g.alternatives)))
        return out

    def match_weights(self) -> list[float]:
        """How distinctive each word of ``match_terms`` is (ranking rule 5)."""
        total = words.document_total()
        return [ranking.distinctive_weight(g.documents, total)
                * (ranking.SINGLE_CHARACTER_WEIGHT if g.typed in self.lone else 1.0)
                for g in self.content]

    def match_terms(self) -> list[tuple[str, ...]]:
        return [g.alternatives for g in self.content]

    def expansions(self) -> dict[str, list[str]]:
        """typed word → the other words searched for it (for the page)."""
        found = {}
        for group in self.content:
            others = [w for w in ("".join(_words(a)) for a in group.alternatives)
                      if w != group.typed]
            if others:
                found[group.typed] = others
        return found


def doc_numbers(query: str) -> list:
    """The 文号 typed in the query, parsed (any bracket style)."""
    return find_doc_numbers(query)


def number_condition(numbers) -> Q | None:
    if not numbers:
        return None
    condition = Q()
    for number in numbers:
        condition |= Q(issuer_code=number.issuer_code, doc_year=number.year,
                       doc_serial=number.serial)
    return condition


def _index_form(word: str) -> str | tuple[str, ...]:
    """A word as the index holds it: one token, or the tokens the segmenter cuts it
    into (all of which must occur; see ``Matcher``)."""
    tokens = tuple(ptext.query_terms(word))
    return tokens[0] if len(tokens) == 1 else tokens


def _words(alternative) -> tuple[str, ...]:
    return (alternative,) if isinstance(alternative, str) else alternative


def _units(text: str, lexicon) -> list[str]:
    """The query's words: the cut's tokens, a lexicon word the cut splits taken whole."""
    tokens = ptext.cut_query(text)
    ends, position = set(), 0
    for token in tokens:
        position += len(token)
        ends.add(position)
    spans: dict[int, str] = {}
    for found in lexicon.find(text.lower()):
        # The longest term starting there (政府信息公开申请, not 政府信息公开).
        if found.start + len(found.term) in ends \
                and len(found.term) > len(spans.get(found.start, "")):
            spans[found.start] = found.term
    units, position, skip_to = [], 0, 0
    for token in tokens:
        if position >= skip_to:
            term = spans.get(position)
            if term is not None and len(term) > len(token):
                units.append(term)
                skip_to = position + len(term)
            elif position >= skip_to:
                units.append(token)
        position += len(token)
    return units


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


def _pieces(word: str) -> tuple[str, ...]:
    """The dictionary words of two or more characters that cover ``word`` from the left,
    longest first (技工学校 → 技工, 学校): the index holds them after the whole word."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start + 1, -1):
            if end - start < len(word) and ptext.is_dictionary_word(word[start:end]):
                pieces.append(word[start:end])
                start = end
                break
        else:
            return ()
    return tuple(pieces)


def _is_word_for(lexicon):
    def is_word(candidate: str) -> bool:
        return typos.dictionary_word(candidate) or bool(lexicon.expand(candidate))
    return is_word


def _typo_fix(span: str, lexicon, memo: dict, *, direct: bool, rarer: int = 0):
    """(start, end, the group of the word read) for the first homophone correction of
    ``span`` the library holds — itself (``direct``), or through the lexicon too.
    ``rarer``: only a correction at least ``typos.USUAL_RATIO`` times as frequent
    (``words.frequency``) — the typed string is a dictionary word too."""
    for start, end, word in typos.corrections(span, _is_word_for(lexicon)):
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
            short = _abbreviation(span, lexicon) if fix is None else None
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
        if len(group.typed) > 1 and not _held(group.alternatives, counts):
            out.append(_read_otherwise(group, lexicon, memo))
        else:
            out.append(group)
        i += 1
    return out


def _read_otherwise(group: Group, lexicon, memo: dict) -> Group:
    pieces = _pieces(group.typed)
    if pieces and _held([pieces], words.documents_holding(list(pieces), memo)):
        group.alternatives = (*group.alternatives, pieces)
        return group
    # A coordinated abbreviation (预决算): the two words it joins, those held.
    joined = abbrev.coordinated(group.typed)
    held = words.documents_holding(list(joined), memo) if joined else {}
    if any(held.values()):
        group.alternatives = (*group.alternatives, *(w for w in joined if held[w]))
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


def _abbreviation(short: str, lexicon) -> Group | None:
    """``short`` read as the abbreviation of terms of the library's titles
    (``abbrev``), or None. A word of the dictionary is no coined abbreviation (医保,
    低保 are in it, and in the lexicon): only a string that is no word is read so."""
    if ptext.is_dictionary_word(short):
        return None
    forms = [f for term in abbrev.expansions(short) if (f := _index_form(term))]
    if not forms:
        return None
    return Group(typed=short, alternatives=tuple(dict.fromkeys(forms)), corrected=forms[0]
                 if isinstance(forms[0], str) else "".join(forms[0]))


def _all_generic(word: str) -> bool:
    """A generic word, or one made of generic words (申请条件: 申请 + 条件); a word that
    asks for an interpretation names a kind of document too (it decides the order)."""
    if word in words.GENERIC_WORDS or word in INTERPRETATION_WORDS:
        return True
    pieces = _pieces(word)
    return bool(pieces) and all(p in words.GENERIC_WORDS for p in pieces)


def _classify(groups: list[Group], memo: dict) -> None:
    counts = words.documents_holding([w for g in groups for a in g.alternatives
                                      for w in _words(a)], memo)
    for group in groups:
        known = [a for a in group.alternatives
                 if all(counts.get(w, 0) > 0 for w in _words(a))]
        # A term the lexicon names in words each generic (政府信息公开申请: 政府信息公开
        # + 申请) is no generic word when the typed one is not (依申请公开).
        typed_specific = group.alternatives[:1] == tuple(known[:1]) and not all(
            words.is_generic_word(w, counts[w]) for w in _words(known[0])) if known else False
        specific = [a for a in known
                    if not all(words.is_generic_word(w, counts[w]) for w in _words(a))
                    or (typed_specific and len(_words(a)) > 1)]
        group.known = bool(known)
        group.generic = (_all_generic(group.typed) or (bool(known) and not specific))
        group.documents = max((min(counts.get(w, 0) for w in _words(a)) for a in known),
                              default=0)
        # Searched for: the typed word if the library holds it, and what is not generic.
        group.alternatives = tuple(dict.fromkeys(
            [a for a in group.alternatives[:1] if a in known] + specific)) or group.alternatives


def analyse(query: str) -> Plan:
    """The plan of a search for ``query`` (see the module docstring)."""
    numbers = doc_numbers(query)
    number_words = {t for n in numbers for t in ptext.query_terms(n.canonical)}
    lexicon = current_lexicon()
    text = ptext.prepare(query)[:ptext.MAX_QUERY_CHARS]
    cut = [u.lower() for u in _units(text, lexicon)]
    units = list(dict.fromkeys(u for u in cut if ptext._is_token(u)))
    rest = [u for u in units if u not in ptext._STOPWORDS and u not in number_words]
    if not rest and number_words:
        # A 文号 alone: its words are matched as they are (the exact match comes first).
        return Plan(numbers, [Group(w, (w,)) for w in ptext.query_terms(query)])
    if not rest:
        rest = [u for u in units if u not in number_words]
    groups = [_group(u, lexicon) for u in rest[:ptext.MAX_QUERY_TERMS]]
    memo: dict[str, int] = {}  # the word counts read for this query, zeros too
    groups = _correct(groups, lexicon, memo)
    _classify(groups, memo)
    groups = _inner_words(groups, text.lower(), lexicon, memo)
    return Plan(numbers, groups, lone=_lone_characters(cut))


def _inner_words(groups: list[Group], text: str, lexicon, memo: dict) -> list[Group]:
    """The stretches of words the library lacks read through the held words inside
    them (``subwords``): 大型犬 → 犬, 油 烟熏 → 油烟; those words replace the
    stretch's. A word of three characters or more held only through its lexicon
    reading (打零工 → 灵活就业) also matches the held words inside it (零工)."""
    missing = [g for g in groups if not g.known and not g.generic]
    read = [g for g in groups if g.known and not g.generic and len(g.typed) >= 3
            and (_index_form(g.typed) or g.typed) not in g.alternatives]
    if not missing and not read:
        return groups
    is_word = _is_word_for(lexicon)

    def counts(candidates: list[str]) -> dict[str, int]:
        forms = {c: _group(c, lexicon).alternatives for c in candidates}
        held = words.documents_holding([w for alts in forms.values() for a in alts
                                        for w in _words(a)], memo)
        return {c: int(_held(alts, held)) for c, alts in forms.items()}

    typed = {g.typed for g in groups}
    found, replaced = [], set()
    for start, end in subwords.stretches(text, [g.typed for g in missing]):
        inner = subwords.inner_words(text[start:end], is_word, counts)
        if inner and subwords.covers_most(text[start:end], inner,
                                          [g.typed for g in missing]):
            found += [w for w in inner if w not in typed]
            replaced.update(g.typed for g in missing if g.typed in text[start:end])
    for group in read:
        # A word the library holds only through the lexicon's reading (打零工 →
        # 灵活就业) is also the words inside it (零工).
        # Each such word as the lexicon reads it, as ``counts`` judged it held (租房 of
        # 租房补贴 → 租赁住房): the bare word may be in no document.
        inner = subwords.inner_words(group.typed, is_word, counts)
        forms = [a for w in inner if not _all_generic(w) for a in _group(w, lexicon).alternatives]
        held = words.documents_holding([x for a in forms for x in _words(a)], memo)
        extra = [a for a in forms if _held([a], held)]
        group.alternatives = tuple(dict.fromkeys([*group.alternatives, *extra]))
    if not found:
        return groups
    new = [_group(w, lexicon) for w in dict.fromkeys(found)]
    _classify(new, memo)
    return [g for g in groups if g.typed not in replaced] + new


def _lone_characters(cut: list[str]) -> frozenset[str]:
    """The single characters of the query that stand alone — their neighbours are
    words, function words or punctuation (改 in 是不是改了): what is left of a sentence
    once its words are cut out. Two or more in a row (小微, 养犬, 两补) are rather a
    word the dictionary lacks."""
    def single(token: str) -> bool:
        return (len(token) == 1 and ptext._is_cjk(token) and token not in ptext._STOPWORDS
                and token not in typos.FILLERS)

    def alone(i: int) -> bool:
        return not ((i > 0 and single(cut[i - 1])) or (i + 1 < len(cut) and single(cut[i + 1])))

    # A character is lone only if it stands alone wherever it is typed (犬 of 养犬 and
    # of 哪些犬是: a word the first time).
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(cut):
        if single(token):
            positions.setdefault(token, []).append(i)
    # A character of the spoken sentence (来 of 来办事, 给, 有) is always so: it is
    # no typo's remnant, whatever stands beside it.
    # (In a sentence: at least ``SENTENCE_WORDS`` words.)
    words_typed = [t for t in cut if ptext._is_token(t) and t not in ptext._STOPWORDS]
    fillers = {token for token in cut if len(token) == 1 and token in SENTENCE_CHARACTERS
               and token not in ptext._STOPWORDS} if len(words_typed) >= SENTENCE_WORDS else set()
    return frozenset(fillers | {token for token, found in positions.items()
                                if all(map(alone, found))})
