"""What a query asks for: the 文号 in it, and the words to match in the text, each with
the other words that mean the same to the library.

``analyse`` cuts the query as the index was cut, and for each word (``Group``) finds:

- what the lexicon (``gongkai.lexicon``, edited by the office) says it means:
  廉租房 → 公共租赁住房, 门特 → 门诊特定病种; a lexicon word the segmenter cuts in two is
  taken whole when its ends fall on the cut's boundaries;
- for a word the library does not hold, or a stretch of single characters (what a
  wrong pick of a pinyin input method leaves), what was meant: its pieces, the two
  words of a coordinated abbreviation, a word of the same sound that it does hold
  (``reading``, ``typos``);
- whether it is generic (``words``): a query of generic words only finds nothing.
"""
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from gongkai.core.text import positions
from gongkai.lexicon.models import Reader
from gongkai.lexicon.selectors import current_lexicon
from gongkai.policies import text as ptext
from gongkai.policies.docnumber import citation_word, find_doc_numbers
from gongkai.policies.search import ranking, subwords, typos, words
from gongkai.policies.search.reading import (  # noqa: F401 — Group: this module's too
    MAX_ALTERNATIVES,
    MIN_EXPANSION_WEIGHT,
    Group,
    _correct,
    _group,
    _held,
    _index_form,
    _is_word_for,
    _words,
    collocation_slips,
    written_forms,
)

# Words that ask for an explanation of a document rather than the document: the names of
# the forms an interpretation takes (解读, 图解, 问答 …) and the everyday ways of asking
# for one (解释, 讲解, 怎么理解 …).
INTERPRETATION_WORDS = frozenset({"解读", "政策解读", "图解", "问答", "政策问答", "一图读懂",
                                  "解答", "答记者问", "解释", "解析", "讲解", "答疑",
                                  "释义", "读懂", "理解", "图文解读", "政策解析",
                                  # What a resident says who wants it explained: what
                                  # it means, in plain words, to be understood.
                                  "一图看懂", "看懂", "看不懂", "读不懂", "搞懂", "弄懂",
                                  "什么意思", "啥意思", "意思", "通俗", "白话", "大白话",
                                  # …or what it says: 讲的是啥, 说了什么 (a new
                                  # measure's content, told by its explainer), its
                                  # background and highlights (出台背景, 划重点).
                                  "讲的是啥", "讲的是什么", "讲的啥", "讲的什么", "讲了啥",
                                  "讲了什么", "讲些什么", "说的是啥", "说的是什么", "说的啥",
                                  "说的什么", "说了啥", "说了什么", "说些什么", "是啥意思",
                                  "划重点", "出台背景", "起草背景", "政策亮点",
                                  # …or the questions it answers (an FAQ, in the
                                  # names offices give it: 一问一答, 问与答 …).
                                  "常见问题", "问题解答", "常见问题解答", "百问百答",
                                  "热点问答", "一问一答", "问与答", "你问我答", "答问"})
# The names of the forms an interpretation takes in its title (…政策解读, 图解：…,
# …政策问答): a resident typing one asks for the subject's explanation in whichever
# form its office chose, so each finds the others in a title (ranking rule 4a) — 图解
# must not bring another subject's 图解 before the asked subject's 政策解读.
INTERPRETATION_FORMS = frozenset({"解读", "政策解读", "图解", "问答", "政策问答", "一图读懂",
                                  "一图看懂", "图文解读", "政策解析", "解析", "答记者问",
                                  "解答", "释义", "一问一答", "问与答", "你问我答", "答问"})
_FORM_ENDINGS = tuple(sorted(INTERPRETATION_FORMS))
# The words and phrases above, ``words.ABOUT_DOCUMENTS`` (新规, 新政策), the genres of
# documents (``words.GENRE_WORDS``: 指导意见, 工作要点), the stages of drafting and the
# changes of a document (征求意见稿: cut 征求意见 + 稿) are taken whole when the cut
# splits them (一 图 看 懂, 新 规, 指导 意见), also typed with a space inside: their
# characters are no subject (指导 alone is one: 就业指导).
PHRASES = frozenset(w for w in INTERPRETATION_WORDS | words.ABOUT_DOCUMENTS | words.GENRE_WORDS
                    | words.DRAFT_WORDS | words.CHANGE_WORDS if len(w) > 1)
# Characters that, cut out alone, are the verbs and particles of a spoken sentence
# (来办事, 去哪, 给谁, 有没有): weighed as lone characters (ranking rule 5) wherever
# they stand. (Not 多, 少, 看, 吃, 问, 到 …: they may say the subject, 看病, 到府照顾.)
SENTENCE_CHARACTERS = frozenset("来去给在有是要想能会让把被过着")
# A spoken sentence's time frame — the period or the point in time it speaks of
# (一年花了多少钱, 今年要盖多少, 两年没交): a count or a "this, next, last" before a unit
# of time. It says when, not what: weighed less (``ranking.TIME_FRAME_WEIGHT``) and
# not a word that may name a title (一年 of 一年级). Only as the dictionary tags a time
# or a number (``words.is_function_word``), and only beside a word that names
# something. Not a frequency (每月, 每年): how often a payment or a check comes may say
# the subject (每月补房租: the monthly rent allowance; 每年审核: the yearly review).
TIME_FRAME_HEADS = frozenset("一二两三四五六七八九十半几多今明去前后本上下这那当同")
TIME_FRAME_UNITS = frozenset("年月天日周")
SENTENCE_WORDS = 6
# A count of articles after a subject (惠企十条, 稳岗二十条, 人才30条): the short name
# of a set of measures, whose title says 若干措施 — not an article's number (第十条),
# nor 条例, 条件, 条款 … (``_numbered_names``).
_NUMERAL = "[一二两三四五六七八九十百]+|[0-9]+"
ARTICLE_COUNT = re.compile(rf"(?<!第)(?<![一二两三四五六七八九十百0-9])(?:{_NUMERAL})条(?![例件款约文目])")
MEASURES_TITLE = "若干措施"
# Two or more of a number and one character (三馆一站, 五险一金, 两学一做): each
# character the head of the terms it counts; read as at most this many of the
# library's nouns ending in it.
COUNTED_HEADS = re.compile("(?:[一二两三四五六七八九十][\u4e00-\u9fff]){2,}")
HEAD_NOUNS = 4
HEAD_CANDIDATES = 64  # the most usual nouns ending in the character looked up
# A count of years (三年, 五年, 3年): a plan's span, which its title gives as a range of
# years (三年行动计划 is titled …行动计划（2025—2027年）). Read also as the ranges of that
# many years that end within ``YEAR_SPAN_WINDOW`` years of today, the newest first.
YEAR_COUNT = re.compile("([两三四五六七八九十]|[2-9]|10)年")
_COUNT_VALUES = {ch: n for n, ch in enumerate("零一两三四五六七八九十") if n >= 2}
YEAR_SPAN_WINDOW = 6
# …not a duration said of a person or a deadline (工作满三年, 连续两年, 三年内, 五年以上):
# the characters that make a count of years one, said before or after it.
DURATION_BEFORE = ("满", "近", "超过", "连续", "不足", "不满", "累计", "已")
DURATION_AFTER = ("内", "以上", "以下", "以内", "后", "前", "来", "多", "左右", "期间")
# How many characters a spoken phrase puts between a verb and its object at most
# (转到区里的学校: 到区里的, four) for ``_said_apart`` to read them as one word.
APART_SPAN = 6
# The verbs of applying for something (申请公租房, 办理居住证, 领取补贴): the word after
# one is what the resident wants to obtain (``Plan.objects``).
APPLYING_VERBS = ("申请", "申报", "申领", "领取", "办理")
# The particle a spoken phrase puts inside a term (店门口的卫生): a lexicon term is also
# found with it left out.
SPOKEN_PARTICLE = "的"
# The quantity a spoken phrase puts between a verb and its object (补点钱, 给点钱: "a
# bit of"): a lexicon term (补钱) is also found with it left out.
SPOKEN_QUANTITY = "点"
# The frame of a spoken yes/no question and the modal words said inside a verb phrase
# (资料能不能互通, 部门之间不能互相共享, 可不可以补办): what is asked of the act, not the
# act — a lexicon term (资料互通, 部门之间共享) is also found with them left out.
QUESTION_FRAMES = ("可不可以", "能不能", "会不会", "要不要", "是不是", "有没有", "能否",
                   "可否", "是否", "不能", "不可以", "可以", "互相", "相互")
# The prepositions of "with" (跟老板, 同单位, 与公司), one for another in speech: a
# lexicon term written with 和 is found with any of them.
WITH_PREPOSITIONS = {"跟": "和", "同": "和", "与": "和"}


@dataclass
class Plan:
    numbers: list
    groups: list[Group] = field(default_factory=list)
    lone: frozenset = frozenset()  # single characters standing alone (ranking rule 5)
    text: str = ""  # the query as read (lower case): where each word stands
    # The words of the sentence's time frame (一年, 今年) and the units it counts by
    # (一张床位, 按床位: ``_units_counted``): weighed less, named in no title.
    frames: frozenset = frozenset()
    # The query is a 文号 and nothing else: its words are the number's (``_citing``);
    # no document holding only some of them is what was asked for.
    number_alone: bool = False

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

    @cached_property
    def lacking(self) -> list[Group]:
        """The words the library lacks that name a thing (``words.names_a_thing``): not
        那个, 明年, 听说 — the sentence around a subject; nor a character alone, what
        is left of a sentence. (Read once a plan: the gate and the message ask it
        several times, each word looked up in a dictionary of a fifth of a megabyte.)"""
        return [g for g in self.missing if len(g.typed) >= 2 and words.names_a_thing(g.typed)]

    def lacking_heads(self) -> list[str]:
        """The compounds the library lacks whose head is a noun of one character said
        right after a word (专项债 of 专项债 方案: 专项 + 债, a noun no document holds):
        the segmenter cut the compound the dictionary lacks in two, and its head is
        what the query is about — not a character left of the sentence (``lacking``
        leaves characters out). The word before is given with it."""
        found = []
        for group in self.missing:
            typed = group.typed
            if (len(typed) != 1 or not ptext._is_cjk(typed) or typed in typos.FILLERS
                    or typed in SENTENCE_CHARACTERS
                    or not words.character_tag(typed).startswith("n")):
                continue
            for at in positions(self.text, typed):
                before = next((g.typed for g in self.groups if len(g.typed) >= 2
                               and self.text.endswith(g.typed, 0, at)), "")
                if before:
                    found.append(before + typed)
        return list(dict.fromkeys(found))

    def named_missing(self) -> list[str]:
        """The words the page and the API say the library lacks: those of ``lacking``.
        Not every word left out — a character of the sentence (要, 开, 给) or a word
        around the subject (我们, 听说) is in most documents' text, though the index
        keeps no such word: "not in the library" would be untrue. Nor, beside a
        lacking subject, what is asked of it (``asks_for``: 办许可证, 补贴 of
        养恐龙要办许可证吗): the subject is what no document is about; a permit, a
        lexicon phrase with the sentence's verb in it, is no subject to name."""
        subjects = [g.typed for g in self.lacking if not asks_for(g)]
        named = subjects or [g.typed for g in self.lacking]
        if not named:
            return named
        # A lacking word whose noun head the cut left alone after it (专项 + 债, where
        # the library holds neither) is named as the compound (``lacking_heads``):
        # 专项债 is what the resident typed and the library lacks, 专项 only its part.
        heads = {}
        for compound in self.lacking_heads():
            heads.setdefault(compound[:-1], compound)
        return list(dict.fromkeys(heads.get(word, word) for word in named))

    def lacking_trails(self) -> bool:
        """Whether every word of ``lacking`` comes after every word searched by: the
        query names its subject first and then what it wants of it (长者食堂 中标,
        社区服务中心 中标) — a Chinese phrase puts what it is about before the head,
        and a subject the library lacks is named first (火星移民补贴, 外星人登记)."""
        where = self.text.find
        # (A word read otherwise than typed — a lexicon term said with 的 inside — may
        # not be found as it is: it has no place, and decides nothing.)
        content = [at for g in self.content if (at := where(g.typed)) >= 0]
        return bool(content) and all(where(g.typed) > max(content) for g in self.lacking)

    def lacking_leads(self) -> bool:
        """Whether every word of ``lacking`` comes before every word searched by, the
        last right before the first of them (恐龙饲养许可证, 量子计算机采购): the query
        names its subject first (``lacking_trails``) in one phrase with what it wants of
        it, and that subject is what the library lacks. Undecided (False) when a
        searched word has no place in the query as typed."""
        where = self.text.find
        content = [where(g.typed) for g in self.content]
        if not content or min(content) < 0:
            return False
        lacking = sorted((where(g.typed), g.typed) for g in self.lacking)
        if lacking[0][0] < 0 or lacking[-1][0] >= min(content):
            return False
        # …in one phrase with them: the last lacking word right before the first held
        # one (恐龙饲养, 量子计算机) — not a word set apart by a space or a stop.
        return lacking[-1][0] + len(lacking[-1][1]) == min(content)

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
    def typed_as_title(self) -> bool:
        """Whether the query is put as a document's title: one phrase (no space: words
        typed apart are keywords, 社区服务中心 中标 公示) whose last word is a genre
        (…的实施意见, …管理办法) — a Chinese title's head, said last (ranking rule 5)."""
        return (bool(self.groups) and self.groups[-1].typed in words.GENRE_WORDS
                and not any(ch.isspace() for ch in self.text.strip()))

    @property
    def said_as_title(self) -> bool:
        """Whether the word said last — in the text, not the last group — is a genre
        (…有关问题的通知), in one phrase: the query is put as a title. A word the library
        lacks is read through the held words inside it, and those groups come last
        (中小学校 → 中小学, 服务性 → 服务), so ``typed_as_title`` does not see such a
        title; rule 5 keeps that narrower reading (its order was tuned with it)."""
        if not self.groups or any(ch.isspace() for ch in self.text.strip()):
            return False
        last = max(self.groups, key=lambda g: self.text.rfind(g.typed) + len(g.typed))
        return last.typed in words.GENRE_WORDS

    @property
    def asks_announcement(self) -> bool:
        return any(g.typed in ranking.ANNOUNCEMENT_WORDS for g in self.groups)

    @property
    def asks_interpretation(self) -> bool:
        """Whether a word asks for an explainer — also a form ending the query that the
        cut put inside a word (流程图解: 流程图 + 解)."""
        return (any(g.typed in INTERPRETATION_WORDS for g in self.groups)
                or self.text.rstrip().endswith(_FORM_ENDINGS))

    def title_terms(self) -> list[tuple[float, float, tuple, bool, tuple, bool]]:
        """(weight, distinctiveness, alternatives as tuples of index words, whether it
        asks for a version: a change or a stage, ``words.kin``; the alternatives that
        are only a looser reading by a held word inside it, not its head; whether it
        is what the query applies for, ``objects``) of
        each word held by the library, generic ones too, for ranking rule 4a."""
        total = words.document_total()
        # What is asked of a subject (补贴, 许可证: ``asks_for``) beside a word that may
        # name it counts in a title as a generic word does: the subject's title first,
        # not another subject's 补贴办法 (大学生找工作 补贴: the graduates' measures, not
        # the flexible workers' insurance subsidy). Not in a query typed as a title,
        # whose every word names the document (…租赁补贴实施细则).
        subjects = not self.said_as_title and any(
            not asks_for(g) and len(g.typed) > 1 for g in self.content)
        out = []
        for g in self.groups:
            # (A verb or particle of the spoken sentence standing alone — 来 of 来办事,
            # ``SENTENCE_CHARACTERS`` — names no title: in a title it is what the cut
            # left of a word, 来 of 来穗. Not a noun standing alone, 村 of 我们村: it
            # may say the subject, 城中村.)
            # (A change word no document holds as typed — 改 — is looked for in
            # titles as its kin: 修改.)
            if (not g.known and not words.kin(g.typed)) or (
                    g.typed in self.lone and g.typed in SENTENCE_CHARACTERS):
                continue
            # (The form of explainer asked for — 政策问答, 图解 — is what the query
            # wants: in a title it counts as a subject word.)
            weight = ranking.TITLE_WEIGHTS["content" if g.typed in INTERPRETATION_FORMS
                                           or not (g.generic or (asks_for(g) and subjects))
                                           else "generic"]
            lone = self._weight_in_sentence(g)
            alternatives = tuple(_words(a) for a in g.alternatives)
            # A change or a stage (修订) is found in a title as its kin too (修改):
            # the query asks for that version of its subject's document (rule 4a).
            kin = words.kin(g.typed)
            # So is an interpretation's form (图解) as the others (政策解读).
            forms = INTERPRETATION_FORMS if g.typed in INTERPRETATION_FORMS else frozenset()
            alternatives += tuple(_words(_index_form(k) or k) for k in sorted(kin | forms)
                                  if k != g.typed)
            # The looser reading by a held word inside a word (``Group.inner``) that
            # is not its head — a compound's head comes last (人才 of 引进人才) — names
            # another thing (养老 of 养老院, 产业 of 产业扶持): it counts less in a
            # title (rule 4a).
            loose = tuple(_words(a) for a in g.inner
                          if not g.typed.endswith("".join(_words(a))))
            distinct = ranking.distinctive_weight(g.documents, total)
            if g.typed in self.objects:
                distinct = max([distinct, *self.match_weights()])
            out.append((weight, weight * lone * distinct, alternatives, bool(kin), loose,
                        g.typed in self.objects))
        return out

    def match_weights(self) -> list[float]:
        """How distinctive each word of ``match_terms`` is (ranking rule 5); the object
        of a verb of applying (``objects``) as the most distinctive of them."""
        total = words.document_total()
        weights = [ranking.distinctive_weight(g.documents, total) * self._weight_in_sentence(g)
                   for g in self.content]
        objects = self.objects
        if objects and weights:
            weights = [max(weights) if g.typed in objects else w
                       for g, w in zip(self.content, weights, strict=True)]
        return weights

    @cached_property
    def objects(self) -> frozenset[str]:
        """The words searched by that come right after a verb of applying for something
        (``APPLYING_VERBS``: 申请公租房, 办理居住证): what the resident asks to obtain.
        Beside another subject — who asks (低收入家庭怎么申请公租房) — it is the
        subject of the document wanted: the rules of applying for 公租房, not those
        that define a low-income household, though 低收入 is the rarer word."""
        text = self.text
        ends = {at + len(verb) for verb in APPLYING_VERBS
                for at in positions(text, verb)}
        return frozenset(g.typed for g in self.content
                         if len(self.content) > 1 and text.find(g.typed) in ends)

    def _weight_in_sentence(self, group: Group) -> float:
        """What a word's distinctiveness counts for where it stands: a character alone
        (the remains of a sentence) or a word of its time frame (一年, 每月) less."""
        if group.typed in self.lone:
            return ranking.SINGLE_CHARACTER_WEIGHT
        return ranking.TIME_FRAME_WEIGHT if group.typed in self.frames else 1.0

    def match_terms(self) -> list[tuple[str, ...]]:
        return [g.alternatives for g in self.content]

    def named_terms(self) -> list[tuple[str, ...]]:
        """``match_terms`` as the words name things: without the looser reading by the
        held words inside a word (长者 of 长者食堂, ``Group.inner``) — how broad the
        held words are is how broad what they name is (``ranking``: covers)."""
        return [tuple(a for a in g.alternatives if a not in g.inner) or g.alternatives
                for g in self.content]

    def title_groups(self) -> list[Group]:
        """The held words that may name a document by its title: generic ones too,
        not the words of a document's form (关于, 通知 …) nor a character standing
        alone (what is left of a sentence)."""
        return [g for g in self.groups if g.known and g.typed not in words.FORM_WORDS
                and g.typed not in self.lone and g.typed not in self.frames]

    def expansions(self) -> dict[str, list[str]]:
        """typed word → the other words searched for it (for the page); none for a
        文号's words (``_citing``: its words as the index holds them)."""
        found = {}
        if self.number_alone:
            return found
        for group in self.content:
            others = [w for w in ("".join(_words(a)) for a in group.alternatives)
                      if w != group.typed]
            if others:
                found[group.typed] = others
        return found


def asks_for(group: Group) -> bool:
    """Whether a word says only what is asked of a subject (``words.WANTED_WORDS``):
    itself (许可证), or every reading the lexicon gives it (办证, 办许可证 → 许可证)."""
    readings = {"".join(a) if isinstance(a, tuple) else a for a in group.alternatives}
    readings.discard(group.typed)
    return group.typed in words.WANTED_WORDS or bool(readings) and readings <= words.WANTED_WORDS


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


# The localizers said after a noun or a verb for a place or a time (交房前, 入学后,
# 小区里): the cut may join one to the character before it (房前), which then ends a
# lexicon term said before the localizer (交房).
LOCALIZERS = frozenset("前后里内外上中")


def _units(text: str, lexicon) -> list[str]:
    """The query's words: the cut's tokens, a lexicon word the cut splits taken whole —
    also when a 的 or a 点 was said inside it (店门口的卫生 is the lexicon's 店门口卫生,
    补点钱 its 补钱), a question's frame (资料能不能互通: 资料互通), or another
    preposition of "with" than its 和 (跟老板闹矛盾)."""
    tokens = _particle_recut(ptext.cut_query(text))
    ends, position = set(), 0
    for token in tokens:
        position += len(token)
        ends.add(position)
        if len(token) == 2 and token[1] in LOCALIZERS:
            # A word of place or time said right after a term (交房 前) may be cut
            # with the term's last character (交 房前): the term may end before it.
            ends.add(position - 1)
    spans = _lexicon_spans(text.lower(), lexicon, ends)
    units, position, skip_to = [], 0, 0
    for token in tokens:
        if position >= skip_to:
            term, end = spans.get(position, ("", 0))
            if term and end - position > len(token):
                units.append(term)
                skip_to = end
            elif position >= skip_to:
                units.append(token)
        position += len(token)
    return units


def _particle_recut(tokens: list[str]) -> list[str]:
    """A character cut off before a word that ends in the particle 的 (中 标的 of 中标的
    公司): when the character and the word without 的 are a word of the dictionary, that
    word and the particle are what was said (中标 的) — the cut took 标的 (the subject
    of a contract) for a word of its own."""
    out: list[str] = []
    for token in tokens:
        before = out[-1] if out else ""
        if (len(before) == 1 and ptext._is_cjk(before) and len(token) >= 2
                and token.endswith(SPOKEN_PARTICLE)
                and ptext.is_dictionary_word(before + token[:-1])):
            out[-1] = before + token[:-1]
            out.append(SPOKEN_PARTICLE)
        else:
            out.append(token)
    return out


def _lexicon_spans(lower: str, lexicon, ends: set[int]) -> dict[int, tuple[str, int]]:
    """start → (the longest lexicon term starting there, where it ends) of the terms
    ending where a token of the cut ends (政府信息公开申请, not 政府信息公开)."""
    spans: dict[int, tuple[str, int]] = {}

    def add(term: str, start: int, end: int) -> None:
        if end in ends and end > spans.get(start, ("", start))[1]:
            spans[start] = (term, end)

    def phrases(text: str) -> list[tuple[str, int]]:
        return [(phrase, start) for phrase in PHRASES for start in positions(text, phrase)]

    for term, start in _lexicon_terms(lower, lexicon, {0, *ends}):
        add(term, start, start + len(term))
    for phrase, start in phrases(lower):
        add(phrase, start, start + len(phrase))
    for term, start, end in _spoken_terms(lower, lexicon):
        add(term, start, end)
    for term, start, end in _found_without(lower, " ", phrases):
        add(term, start, end)
    return spans


def _lexicon_terms(lower: str, lexicon, starts: set[int]) -> list[tuple[str, int]]:
    """(term, start) of the lexicon's terms in ``lower``. The lexicon's scan takes the
    longest term at each place, left to right, and goes on from its end; a term
    starting inside a word of the cut (``starts``: where the words start) is never
    taken (政府官网 inside 区政府 官网), so the text is read again from each word start
    it covers, where a term may start (官网)."""
    out = []
    for found in lexicon.find(lower):
        out.append((found.term, found.start))
        if found.start in starts:
            continue
        for start in sorted(starts):
            if found.start < start < found.start + len(found.term):
                out += [(again.term, start + again.start)
                        for again in lexicon.find(lower[start:])]
    return out


def _found_without(lower: str, left_out: str, find) -> list[tuple[str, int, int]]:
    """(term, start, end in ``lower``) of the terms ``find`` finds in ``lower`` read
    without the character ``left_out`` (``find``: text → (term, start) pairs), each
    over at least one of them."""
    if left_out not in lower:
        return []
    kept = [i for i, ch in enumerate(lower) if ch != left_out]
    out = []
    for term, at in find("".join(lower[i] for i in kept)):
        start, end = kept[at], kept[at + len(term) - 1] + 1
        if end - start > len(term):
            out.append((term, start, end))
    return out


def _spoken_terms(lower: str, lexicon) -> list[tuple[str, int, int]]:
    """(term, start, end in ``lower``) of the lexicon terms said otherwise in speech: a
    的 or a 点 inside (店门口的卫生, 补点钱), another preposition of "with" (跟老板)."""
    def terms(text: str) -> list[tuple[str, int]]:
        return [(found.term, found.start) for found in lexicon.find(text)]

    found = [span for left_out in (SPOKEN_PARTICLE, SPOKEN_QUANTITY)
             for span in _found_without(lower, left_out, terms)]
    return found + _found_without_frames(lower, terms) + [
        (term, start, start + len(term))
        for term, start in _found_with_prepositions(lower, terms)]


def _found_without_frames(lower: str, find) -> list[tuple[str, int, int]]:
    """(term, start, end in ``lower``) of the terms ``find`` finds in ``lower`` read
    without the words of a question's frame (``QUESTION_FRAMES``: 能不能, 不能, 互相),
    each over at least one of them."""
    left_out = [False] * len(lower)
    for frame in QUESTION_FRAMES:
        for at in positions(lower, frame):
            left_out[at:at + len(frame)] = [True] * len(frame)
    if not any(left_out):
        return []
    kept = [i for i, out in enumerate(left_out) if not out]
    found = []
    for term, at in find("".join(lower[i] for i in kept)):
        start, end = kept[at], kept[at + len(term) - 1] + 1
        if end - start > len(term):
            found.append((term, start, end))
    return found


def _found_with_prepositions(lower: str, find) -> list[tuple[str, int]]:
    """(term, start) of the terms ``find`` finds in ``lower`` read with each preposition
    of "with" as 和 (``WITH_PREPOSITIONS``: 跟老板闹矛盾 is the lexicon's 和老板闹矛盾),
    each over one of them."""
    said = [i for i, ch in enumerate(lower) if ch in WITH_PREPOSITIONS]
    if not said:
        return []
    read = "".join(WITH_PREPOSITIONS.get(ch, ch) for ch in lower)
    return [(term, at) for term, at in find(read)
            if any(at <= i < at + len(term) for i in said)]


def _years_whole(cut: list[str]) -> list[str]:
    """The cut with the 年 of a year (2026年: cut 2026 + 年) left in the year: not a
    character standing alone, the remains of a sentence (ranking rule 5)."""
    return [u for i, u in enumerate(cut)
            if not (u == "年" and i and words.is_generic_class(cut[i - 1])
                    and cut[i - 1].isdigit())]


def _all_generic(word: str) -> bool:
    """A generic word, or one made of generic words (申请条件: 申请 + 条件); a word that
    asks for an interpretation names a kind of document too (it decides the order)."""
    if (words.is_generic_class(word) or word in INTERPRETATION_WORDS
            or word in words.ABOUT_DOCUMENTS):
        return True
    pieces = ptext.dictionary_pieces(word)
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


def _citing(numbers: list) -> list[Group]:
    """The words of the documents citing these 文号: each issuer's code (its tokens,
    anywhere: the index adds the pieces of a long word after it) and the word the
    index adds for its year and serial number where a text cites it (〔2022〕48号 in
    any bracket style, 〔2022〕048号: ``docnumber.citation_word``) — a year, a serial
    number and 号 each stand in most documents. (Found before as the phrase "2022 48",
    the positions of every document holding the issuer's code, the year and the
    serial number read for it: 26–42 ms on PostgreSQL for the commonest numbers.)"""
    groups: dict[str, Group] = {}
    for number in numbers:
        issuer = tuple(ptext.query_terms(number.issuer_code))
        if issuer:
            groups[number.issuer_code] = Group(
                number.issuer_code, (issuer[0] if len(issuer) == 1 else issuer,))
        serial = f"〔{number.year}〕{number.serial}号"
        groups[serial] = Group(serial, (citation_word(number.year, number.serial),))
    return list(groups.values())


def analyse(query: str, lexicon=None) -> Plan:
    """The plan of a search for ``query`` (see the module docstring), read with
    ``lexicon`` (else the current one)."""
    numbers = doc_numbers(query)
    number_words = {t for n in numbers for t in ptext.query_terms(n.canonical)}
    # (``is None``: an empty lexicon is falsy.)
    lexicon = current_lexicon(reader=Reader.SEARCH) if lexicon is None else lexicon
    text = ptext.prepare(query)[:ptext.MAX_QUERY_CHARS]
    cut = _years_whole([u.lower() for u in _units(text, lexicon)])
    # (A serial number typed with leading zeros, 048 for 48, is the number's too.)
    serials = {n.serial for n in numbers}
    number_words |= {u for u in cut if u.isascii() and u.isdigit() and int(u) in serials}
    units = list(dict.fromkeys(u for u in cut if ptext._is_token(u)))
    slips = _slip_candidates(cut)
    rest = [u for u in units if (u not in ptext._STOPWORDS or u in slips)
            and u not in number_words]
    if not rest and number_words:
        # A 文号 alone: the document of that number first (``number_condition``), then
        # the documents citing it (``_citing``), not those holding its words anywhere.
        return Plan(numbers, _citing(numbers), number_alone=True)
    if not rest:
        rest = [u for u in units if u not in number_words]
    groups = [_group(u, lexicon) for u in rest[:ptext.MAX_QUERY_TERMS]]
    memo: dict[str, int] = {}  # the word counts read for this query, zeros too
    groups = written_forms(_correct(groups, lexicon, memo), lexicon, memo)
    groups = collocation_slips(groups, text.lower(), lexicon, memo)
    groups = _said_apart(groups, text.lower(), lexicon, memo)
    groups = _numbered_names(groups, text.lower(), lexicon, memo)
    groups = _year_spans(groups, text.lower(), memo)
    if slips:
        # (Those not read as part of a word are the function characters they look.)
        groups = [g for g in groups if g.typed not in slips] or groups
    _classify(groups, memo)
    groups = _inner_words(groups, text.lower(), lexicon, memo)
    # (A character read as its written form, 树 → 树木, or as a verb said apart from
    # its object, 转…学校 → 转学, is a word: not lone.)
    written = {g.typed for g in groups if len(g.typed) == 1 and g.corrected}
    return Plan(numbers, groups, lone=_lone_characters(cut) - written, text=text.lower(),
                frames=_time_frames(groups) | _units_counted(groups, text.lower()))


def _said_apart(groups: list[Group], text: str, lexicon, memo: dict) -> list[Group]:
    """``groups`` with a verb of one character said apart from its object read as the
    word the two make (转 … 学校 of 想转到区里的学校 → 转学): Chinese splits such a
    word of verb and object (离合词: 转学, 请假, 报名) in speech, the object a few
    words later (转到…学校, 请了三天假), while a document writes it whole — the
    segmenter then cuts the verb alone, a character left of the sentence, and the
    object as a word of its own. Read so when the verb (a character of the query the
    dictionary tags a verb, not one of the sentence's own: 来, 想, 要 —
    ``SENTENCE_CHARACTERS``; not 区 of 区本级政府 nor 惠 of 普惠性民办, no verbs)
    and the first character of a later word of the same phrase (at most
    ``APART_SPAN`` characters after it, no stop or space between) are a word of the
    dictionary that the library holds. The verb's group then also matches that word
    (and what the lexicon says it means)."""
    singles = [g for g in groups if len(g.typed) == 1 and ptext._is_cjk(g.typed)
               and g.typed not in SENTENCE_CHARACTERS and g.typed not in typos.FILLERS
               and g.typed not in ptext._STOPWORDS and not g.corrected
               and words.character_tag(g.typed).startswith("v")]
    if not singles:
        return groups
    found: dict[str, list[tuple[int, str]]] = {}
    for single in singles:
        for at in positions(text, single.typed):
            window = text[at + 1:at + 1 + APART_SPAN + 1]
            for later in groups:
                gap = window.find(later.typed)
                if (len(later.typed) < 2 or gap < 1 or not _one_phrase(window[:gap])
                        or not ptext._is_cjk(later.typed[0])):
                    continue
                word = single.typed + later.typed[0]
                if ptext.is_dictionary_word(word) and word not in text:
                    found.setdefault(single.typed, []).append((gap, word))
    if not found:
        return groups
    counts = words.documents_holding([w for pairs in found.values() for _gap, w in pairs],
                                     memo)
    for single in singles:
        # (The nearest object whose word the library holds: 转 区里 → 转区 is a word
        # no document holds; 转 学校 → 转学.)
        word = min((pair for pair in found.get(single.typed, ()) if counts.get(pair[1], 0)),
                   default=(0, ""))[1]
        if word:
            read = _group(word, lexicon).alternatives
            single.alternatives = tuple(dict.fromkeys([*single.alternatives, *read])
                                        )[:MAX_ALTERNATIVES]
            single.corrected = word
    return groups


def _numbered_names(groups: list[Group], text: str, lexicon, memo: dict) -> list[Group]:
    """``groups`` with the numbered short names of government language read as what
    they name: a subject and a count of articles (惠企十条, 稳岗二十条, 人才十五条: a
    set of measures of that many articles, whose written title is 若干措施 —
    ``ARTICLE_COUNT``), and counted heads (三馆一站, 五险一金: ``COUNTED_HEADS`` — two or
    more of a number and one character, each character the head shared by the terms
    it counts: 馆 of 图书馆 and 文化馆). The segmenter cuts them into numbers and
    characters no document holds as such (十条 is in every text's 第十条). A counted
    head is read as the library's nouns ending in it (``words.nouns_ending_in``, the
    ``HEAD_CANDIDATES`` most usual looked up), at most ``HEAD_NOUNS``, none generic."""
    spans = [(m.start(), m.end(), (_index_form(MEASURES_TITLE),), MEASURES_TITLE)
             for m in ARTICLE_COUNT.finditer(text)
             if m.start() and ptext._is_cjk(text[m.start() - 1])
             and not _read_whole(groups, text, m.start(), m.end(), lexicon)
             and not _straddled(groups, text, m.start(), m.end())]
    for m in COUNTED_HEADS.finditer(text):
        if _read_whole(groups, text, m.start(), m.end(), lexicon) or _straddled(
                groups, text, m.start(), m.end()) or any(
                words.character_tag(ch).startswith("q") or ch in TIME_FRAME_UNITS
                for ch in m.group()[1::2]):
            # The lexicon names it (三区三线), or a character is a measure (一户一宅:
            # 户 counts households, it heads no terms).
            continue
        heads = []
        for at in range(m.start() + 1, m.end(), 2):
            nouns = words.nouns_ending_in(text[at])[:HEAD_CANDIDATES]
            held = words.documents_holding(list(nouns), memo)
            # (Not a noun as common as a generic word, 网站 of 站: it names no
            # subject the counted terms share.)
            read = tuple(n for n in nouns if held.get(n, 0)
                         and not words.is_generic_word(n, held[n]))[:HEAD_NOUNS]
            heads.append((at - 1, at + 1, read, read[0] if read else ""))
        # (Every head a noun's: 做 of 两学一做 ends no noun — a verb counted, not terms.)
        if all(read for _start, _end, read, _first in heads):
            spans += heads
    if not spans:
        return groups

    def inside(group: Group) -> bool:
        return any(start <= at and at + len(group.typed) <= end
                   for at in positions(text, group.typed) for start, end, *_ in spans)

    named = [Group(typed=text[start:end], alternatives=read, corrected=corrected)
             for start, end, read, corrected in spans]
    return [g for g in groups if not inside(g)] + named


def _year_spans(groups: list[Group], text: str, memo: dict) -> list[Group]:
    """``groups`` with a count of years (三年 of 学前教育 三年 行动计划: ``YEAR_COUNT``)
    read also as the ranges of years it spans in a title (2025 2027 of …（2025—2027年）:
    the two years side by side in the index, the dash left out) — those whose years the
    library holds, ending within ``YEAR_SPAN_WINDOW`` years of today, the newest first.
    A resident names a plan by how long it runs; its title says from when to when."""
    spans = [g for g in groups if YEAR_COUNT.fullmatch(g.typed)
             and not _said_as_duration(text, g.typed)]
    if not spans:
        return groups
    this_year = timezone.localdate().year
    # (The first year of the longest span, 十年, ending the earliest.)
    years = [str(y) for y in range(this_year - YEAR_SPAN_WINDOW - 9,
                                   this_year + YEAR_SPAN_WINDOW + 1)]
    held = words.documents_holding(years, memo)
    for group in spans:
        count = group.typed[:-1]
        n = int(count) if count.isdigit() else _COUNT_VALUES[count]
        ranges = [f"{end - n + 1} {end}"
                  for end in range(this_year + YEAR_SPAN_WINDOW, this_year - YEAR_SPAN_WINDOW, -1)
                  if held.get(str(end)) and held.get(str(end - n + 1))]
        if ranges:
            group.alternatives = tuple(dict.fromkeys([*group.alternatives, *ranges])
                                       )[:MAX_ALTERNATIVES]
    return groups


def _said_as_duration(text: str, count: str) -> bool:
    """Whether ``count`` (三年) is said somewhere in ``text`` as a duration (满三年, 三年内)."""
    return any(text.endswith(DURATION_BEFORE, 0, at)
               or text.startswith(DURATION_AFTER, at + len(count))
               for at in positions(text, count))


def _read_whole(groups: list[Group], text: str, start: int, end: int, lexicon) -> bool:
    """Whether a word of the query overlapping ``text[start:end]`` is a lexicon term
    (三区三线, 五险一金 where the office wrote it): the office's reading stands."""
    return any(lexicon.expand(g.typed) and any(
        at < end and start < at + len(g.typed) for at in positions(text, g.typed))
        for g in groups)


def _straddled(groups: list[Group], text: str, start: int, end: int) -> bool:
    """Whether a word of the query runs across an end of ``text[start:end]``: the
    numbers and characters there are part of a word of their own (一条 of 一条龙, 办事
    一条龙: no count of articles)."""
    return any(at < start < at + len(g.typed) or at < end < at + len(g.typed)
               for g in groups for at in positions(text, g.typed))


def _one_phrase(between: str) -> bool:
    """Whether ``between`` (the characters between a verb and its object) holds no
    stop, space or other mark: the two are in one phrase."""
    return all(ptext._is_cjk(ch) for ch in between)


# What a payment or a count is reckoned by, said before a noun: 按 ("by": 按床位, 按人头)
# or a count of one with its measure word (一张床位, 每个孩子) — the unit, not the
# subject (开养老院…一张床位补多少: the care homes' subsidy, counted by bed).
UNIT_BEFORE = re.compile("(?:按|按照|[一每][张个位名间套])$")


def _units_counted(groups: list[Group], text: str) -> frozenset[str]:
    """The words of ``groups`` said as the unit something is counted by
    (``UNIT_BEFORE``), when another word searched by is not one."""
    units = {g.typed for g in groups if len(g.typed) > 1
             and any(UNIT_BEFORE.search(text, 0, at) for at in positions(text, g.typed))}
    others = [g for g in groups if g.known and not g.generic and g.typed not in units]
    return frozenset(units) if others else frozenset()


def _time_frames(groups: list[Group]) -> frozenset[str]:
    """The words of ``groups`` that say the sentence's time frame (``TIME_FRAME_HEADS``
    + ``TIME_FRAME_UNITS``: 一年, 每月, 今年), when another word searched by is not one:
    a query of a time alone (2026年, 今年) is left as it is."""
    frames = {g.typed for g in groups
              if len(g.typed) == 2 and g.typed[0] in TIME_FRAME_HEADS
              and g.typed[1] in TIME_FRAME_UNITS and words.is_function_word(g.typed)}
    others = [g for g in groups if g.known and not g.generic and g.typed not in frames]
    return frozenset(frames) if others else frozenset()


def _slip_candidates(cut: list[str]) -> set[str]:
    """The function characters of the cut (``ptext._STOPWORDS``: 为, 其, 及 …) that stand
    between two single characters (首 为 不 罚): in a run of single characters — what a
    wrong pick of a pinyin input method leaves — such a character is rather the slip
    for one of the same sound (为 for 违 of 首违不罚) than a word of the sentence, so
    ``_correct`` reads the run with it; not read so, it is left out as before. (Not
    the particles a spoken question is full of, ``typos.FILLERS``: 的, 了, 在, 是.)"""
    def single(token: str) -> bool:
        return len(token) == 1 and ptext._is_cjk(token) and token not in ptext._STOPWORDS

    return {token for i, token in enumerate(cut)
            if token in ptext._STOPWORDS and len(token) == 1 and token not in typos.FILLERS
            and 0 < i < len(cut) - 1 and single(cut[i - 1]) and single(cut[i + 1])}


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
            # Only the missing words an inner word overlaps: 量子 of 量子计算机 (计算
            # of 计算机) is still missing, and still names what the query is about.
            replaced.update(g.typed for g in missing
                            if subwords.overlapped(text[start:end], g.typed, inner))
    for group in read:
        # A word the library holds only through the lexicon's reading (打零工 →
        # 灵活就业) is also the words inside it (零工).
        # Each such word as the lexicon reads it, as ``counts`` judged it held (租房 of
        # 租房补贴 → 租赁住房): the bare word may be in no document.
        inner = subwords.inner_words(group.typed, is_word, counts)
        if _generic_head(group) and not lexicon.expand(group.typed):
            # Read by its pieces as a phrase (行为规范 → 行为 规范: ``_read_otherwise``),
            # not through the lexicon, and its head — said last — a generic word (规范,
            # 办法: a kind of text or act any subject has): the modifier alone (行为)
            # is in other compounds of another sense (违法行为), and only the phrase
            # says which. (With a head of its own, 产业扶持, the words inside it are
            # read as before.)
            inner = [w for w in inner if group.typed.endswith(w)]
        forms = [a for w in inner if not _all_generic(w) for a in _group(w, lexicon).alternatives]
        held = words.documents_holding([x for a in forms for x in _words(a)], memo)
        extra = [a for a in forms if _held([a], held) and a not in group.alternatives]
        group.alternatives = tuple(dict.fromkeys([*group.alternatives, *extra]))
        group.inner = tuple(dict.fromkeys(extra))
    if not found:
        return groups
    new = [_group(w, lexicon) for w in dict.fromkeys(found)]
    _classify(new, memo)
    return [g for g in groups if g.typed not in replaced] + new


def _generic_head(group: Group) -> bool:
    """Whether ``group`` is read by its dictionary pieces as a phrase (行为 规范 of
    行为规范: ``reading._read_otherwise``) whose last piece, the compound's head, is a
    generic word (``words.is_generic_class``: 规范)."""
    return any(isinstance(a, str) and " " in a and words.is_generic_class(a.split(" ")[-1])
               for a in group.alternatives)


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
    # A run of single characters each of which stands alone in spoken questions (想 问
    # 个, 要 不 要) is the sentence too, not a word the dictionary lacks.
    for start in range(len(cut)):
        if single(cut[start]) or cut[start] not in typos.FILLERS or len(cut[start]) != 1:
            continue
        end = start
        while end < len(cut) and len(cut[end]) == 1 and cut[end] in typos.FILLERS:
            end += 1
        if end - start >= 2:
            fillers.update(t for t in cut[start:end] if t not in ptext._STOPWORDS)
    return frozenset(fillers | {token for token, found in positions.items()
                                if all(map(alone, found))})
