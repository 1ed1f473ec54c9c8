"""How common a word is in the library, and which words are too generic to search by.

A word is generic when it says what a document is or how its title is put rather than
what it is about (``GENRE_WORDS``: 通知, 计划, 指导意见; ``TITLE_FRAME_WORDS``: 关于,
工作, 试行, 年度), the stage of its drafting (``DRAFT_WORDS``: 征求意见稿, 草案) or what any
document undergoes (``CHANGE_WORDS``: 修订, 废止), what any matter has (``MATTER_WORDS``: 办理, 条件) or how a question
is asked (``ASKING_WORDS``: 怎么, 查询) — closed classes of the language, whose union is
``GENERIC_WORDS`` — or the period it covers (a calendar year, ``is_generic_class``), or
who issues it when that is the government or its general office (``GENERAL_ORGAN``:
区政府办公室), or when at least ``GENERIC_SHARE`` of the documents hold it
(document frequency over the library, so the rule follows the library: 政务 is generic
where every document mentions it). Half, not less: at 30 % the benchmark's corpus, half
of each body seed-plan prose, lost words such as 监管 and 台账 that a person does search
by. A query whose only words found in the library are generic finds nothing, and says
so.

Counts come from the index (SQLite: the FTS5 vocabulary, kept as a table by the
statements that write the index; PostgreSQL: the planner's
statistics of the words, or a count where the table has none yet) and are kept for
``CACHE_SECONDS`` per process: they change slowly, and a search must not count the
documents of a common word each time. A word no document holds is not kept (looking it
up again is cheap), so a document published a moment ago is found by its new words.
"""
import re
import time
from functools import lru_cache
from pathlib import Path

from django.db import connection

from gongkai.policies.search.backends import backend

GENERIC_SHARE = 0.5
# Below this many documents a share says little (in a library of ten, a word in four
# of them is not generic): only ``GENERIC_WORDS`` are.
GENERIC_MIN_DOCUMENTS = 100
# Why a word says nothing of a subject, class by class: each a closed class of the
# language, not a list of the library's words (``GENERIC_WORDS`` is their union).
#
# What a document is — its genre: the kinds of official document (党政机关公文处理工作条例,
# laid out by GB/T 9704: 决议 决定 命令 公报 公告 通告 意见 通知 通报 报告 请示 批复 议案
# 纪要), the forms of normative documents and plans (规定 办法 细则 方案 计划 要点 …) and
# the compounds titles make of them (实施办法, 工作要点, 指导意见 …), which the
# segmenter may split into a subject word and a genre word (指导 意见: ``query``
# takes them whole). Not 规划, 制度: also what a document is about (国土空间规划,
# 规划许可).
GENRE_WORDS = frozenset("""
通知 通告 公告 公示 意见 决定 办法 规定 细则 方案 措施 规则 指引 指南 规程 计划 要点 条例
决议 命令 公报 通报 报告 请示 批复 答复 议案 纪要 说明 守则 须知 汇编 意见稿
实施方案 工作方案 行动方案 若干措施 工作规程 工作规则 管理办法 实施办法 暂行办法 试行办法
实施细则 管理规定 暂行规定 若干规定 实施意见 指导意见 若干意见 工作要点 工作计划 行动计划
实施计划 文件 政策 政策文件
""".split())
# How a title puts its genre (关于印发…的通知, 进一步做好…工作), a document's standing
# (暂行, 试行: of 暂行办法), the period it covers (年度) and who issues it (区, 政府) —
# or at which level of government (区级, 市级: 区级部门 预算 is the district's budget,
# not the 区级政府投资项目 rules).
TITLE_FRAME_WORDS = frozenset("""
有关 相关 关于 印发 工作 进一步 做好 开展 加强 落实 推进 实施 管理 暂行 试行 年度
政府 区 市 黄埔区 黄埔 全区 本区 我区 全市
区级 市级 省级 县级 镇级 街道级 国家级
""".split())
# The stage of drafting a text is at (征求意见稿, 送审稿, 草案): any document passes
# through them before it is adopted, so they say which version is asked for, not of
# what. (Not 征求意见 alone: asking the public is a subject, 公众参与.)
DRAFT_WORDS = frozenset("""
征求意见稿 意见征求稿 送审稿 草案 草稿 讨论稿 审议稿 报批稿 代拟稿 修订稿 修改稿 初稿 定稿
""".split())
# What any adopted document may undergo — amended, corrected, repealed (…（2025年修订）,
# 关于修改…的通知): typed beside a subject they ask for its amendment (rule 4a still
# counts them in a title); alone or with a genre (管理办法 修订) they name no subject.
# Not 发布, 出台, 公布: also what a document is about (政策发布与解读).
CHANGE_WORDS = frozenset("""
修订 修改 修正 修正案 修订版 废止 废除 改
""".split())
# The words of one change or one stage said otherwise (修订 of 2025年修订, 修改 of
# 关于修改…的通知: an amendment either way): a query's word of a class finds the
# others in a title (ranking rule 4a) — a resident types 修订 for the document its
# office titled 修改.
KIN_CLASSES = (frozenset("修订 修改 修正 修正案 修订版 改".split()),
               frozenset("废止 废除".split()),
               DRAFT_WORDS)
# What any matter has or needs, whatever its subject (办理, 申请 条件, 流程 材料).
MATTER_WORDS = frozenset("""
办理 情况 问题 事项 事宜 内容 要求 规范 申请 条件 材料 流程 手续 信息
""".split())
# The words of a question around a subject (怎么办, 哪里, 能不能), of a need said
# (需要, 急需: the dictionary tags 急需 a noun), and of looking a document up (政策文件
# 查询 asks the search itself, naming no subject).
ASKING_WORDS = frozenset("""
怎么 怎么办 怎样 如何 什么 啥 哪里 哪儿 能不能 有没有 可以 是否 吗 呢 呀 吧 请问 一下 多少
时候 需要 急需 想要 查询 查找 查看 查阅 搜索 检索 下载 浏览
""".split())
# The generic words that say what form a document takes or how a title is put (关于
# 印发 …的通知, 做好…工作, …（征求意见稿）, 关于修改…的通知): two of them in a title name
# no subject (engine: titled).
FORM_WORDS = GENRE_WORDS | TITLE_FRAME_WORDS | DRAFT_WORDS | CHANGE_WORDS
GENERIC_WORDS = FORM_WORDS | MATTER_WORDS | ASKING_WORDS
# A calendar year (2026 of 2026年, 2025年度) names the period a document covers, as 年度
# does, not what it is about: typed beside a subject (住房租赁补贴 2026年) it must not
# rank the other documents of that year above the subject's. Not searched by, it still
# counts as a generic word of the title (ranking rule 4a: of the subject's documents,
# the one of that year first).
_YEAR = re.compile(r"(?:19|20)\d\d")
# The government itself and its general office, at any level (区政府, 区人民政府,
# 区政府办公室, 区府办, 市政府办公厅, 区委办公室): who issues a document, as 区 and 政府
# are (``TITLE_FRAME_WORDS``), and a body with no field of its own — the general office
# issues and forwards (印发, 转发) the documents of every subject, so its name says
# nothing of what a document is about. Not a department (区教育局, 区民政局): its name
# holds its field, a subject. Written as a pattern: the dictionary cuts these names
# unevenly (区政府办 + 公室), and the office's abbreviations vary (区府办, 政府办).
_LEVEL = "(?:黄埔区|区|市|省|县|镇|街道)"
GENERAL_ORGAN = re.compile(
    rf"(?:{_LEVEL}?(?:人民政府|政府)|{_LEVEL}(?:府|委))(?:办公室|办公厅|办)?|办公室|办公厅")
CACHE_SECONDS = 600
_cache: dict[tuple[str, str], tuple[float, int]] = {}
_totals: dict[str, tuple[float, int]] = {}


def document_total() -> int:
    """How many documents the index holds (cached)."""
    now = time.monotonic()
    cached = _totals.get(connection.alias)
    if cached is None or now - cached[0] > CACHE_SECONDS:
        with connection.cursor() as cursor:
            cached = _totals[connection.alias] = (now, backend().document_total(cursor))
    return cached[1]


def documents_holding(words: list[str], memo: dict[str, int] | None = None,
                      held: frozenset[str] = frozenset()) -> dict[str, int]:
    """word → how many documents hold it (an index word: one token), at least up to
    ``GENERIC_SHARE`` of the library (beyond it a count may stop early). ``memo``: the
    counts already read for the same query, zeros included, filled in. ``held``: words
    known to be in some document's index row (a title's words, read from it), which a
    backend may use (``Backend.word_documents``)."""
    now = time.monotonic()
    memo = {} if memo is None else memo
    found: dict[str, int] = {}
    missing = []
    for word in dict.fromkeys(words):
        cached = _cache.get((connection.alias, word))
        if word in memo:
            found[word] = memo[word]
        elif cached is not None and now - cached[0] <= CACHE_SECONDS:
            found[word] = cached[1]
        else:
            missing.append(word)
    if missing:
        cap = max(1, int(document_total() * GENERIC_SHARE) + 1)
        if len(_cache) > 200_000:
            _cache.clear()
        with connection.cursor() as cursor:
            counted = backend().word_documents(cursor, missing, cap,
                                               held=held.intersection(missing))
        for word in missing:
            found[word] = memo[word] = counted.get(word, 0)
            if found[word]:
                _cache[(connection.alias, word)] = (now, found[word])
    return found


def counted(word: str) -> int | None:
    """How many documents hold ``word``, when this process counted it lately (a word
    no document holds is not kept: None)."""
    cached = _cache.get((connection.alias, word))
    if cached is None or time.monotonic() - cached[0] > CACHE_SECONDS:
        return None
    return cached[1]


def kin(word: str) -> frozenset[str]:
    """The words of ``word``'s class of ``KIN_CLASSES`` (its own included): what a
    title says for the same change or stage. Empty for any other word."""
    return next((kind for kind in KIN_CLASSES if word in kind), frozenset())


def is_generic_class(word: str) -> bool:
    """Whether ``word`` is of a generic class (``GENERIC_WORDS``, a year, or the
    government or its general office: ``GENERAL_ORGAN``)."""
    return (word in GENERIC_WORDS or _YEAR.fullmatch(word) is not None
            or GENERAL_ORGAN.fullmatch(word) is not None)


def is_generic_word(word: str, count: int) -> bool:
    """Whether ``word``, held by ``count`` documents, says nothing about a subject."""
    total = document_total()
    return is_generic_class(word) or (total >= GENERIC_MIN_DOCUMENTS
                                     and count >= total * GENERIC_SHARE)


def forget() -> None:
    """Drop the cached counts (tests; after a bulk load)."""
    _cache.clear()
    _totals.clear()


# The parts of speech of the segmenter's dictionary (jieba's tags) that name a thing:
# nouns of every kind, verbal nouns (vn), abbreviations (j), set phrases (l, i).
SUBJECT_TAGS = ("n", "vn", "j", "l", "i")


@lru_cache(maxsize=1)
def _other_words() -> str:
    """The dictionary's words of two characters or more that name no thing — pronouns
    (那个, 我家), adverbs (一直), times (明年), numbers (一岁), places relative to the
    speaker (楼下, 附近), verbs (听说, 开始) … — one a line, in one string: a fifth of a
    megabyte, read once a process from jieba's dictionary (a declared dependency)."""
    import jieba

    found = []
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _count, tag = (line.split() + ["", ""])[:3]
            if len(word) > 1 and not tag.startswith(SUBJECT_TAGS):
                found.append(word)
    return "\n" + "\n".join(found) + "\n"


# What a resident asks of the office about any subject — a permit or a certificate, a
# payment, a decision on a file (许可证 of 养恐龙要办许可证吗, 补贴 of 火星移民补贴):
# every field has them, so beside a subject the library lacks they say what is wanted
# of it, not which subject (engine: ``_only_asks_of_it``). Searched by as any word
# otherwise (许可证 alone, 养犬 许可证).
WANTED_WORDS = frozenset("""
许可 许可证 行政许可 执照 牌照 证照 证件 证书 证明 资质 资格 批文 批准 审批 行政审批 审核
登记 备案 注册 年审 年检 报名 补贴 补助 津贴 奖励 奖金 资助 补偿 赔偿 贷款 优惠 减免 费用 收费
""".split())


# Nouns that say what kind of text is asked for, not its subject (有没有官方解读, 最新
# 原文, 权威发布): a library need not hold them, and lacking them is no missing subject.
ABOUT_DOCUMENTS = frozenset("""
官方 权威 正式 原文 全文 最新 新规 新政 新政策 新规定 条文 条款 版本 红头文件 文本 出处 来源 依据
""".split())


# Adverbs of degree (太晚, 很旧, 挺远) and the adjectives of one character they are said
# with: a judgement of the situation (下班太晚, 小区太旧了), which names no thing —
# whatever the dictionary's tag (it has 太晚, 太旧 as names). Not 特, 最, 更: 特长, 最低,
# 更新 are said as names.
DEGREE_ADVERBS = frozenset("太很挺好真超蛮")
SHORT_ADJECTIVES = frozenset("好大小多少贵远近慢快难差高低长短早晚忙累吵脏乱挤老旧新热冷臭偏")


def _judgement(word: str) -> bool:
    """An adverb of degree and an adjective (太晚, 太紧张): how the resident finds
    something, not what it is."""
    rest = word[1:]
    return (len(word) >= 2 and word[0] in DEGREE_ADVERBS
            and (rest in SHORT_ADJECTIVES
                 or (len(rest) > 1 and f"\n{rest}\n" in _other_words())))


def names_a_thing(word: str) -> bool:
    """Whether ``word`` may name the subject of a query: a noun of the dictionary, or a
    string the dictionary lacks (外星人, xyzabc) — not a word of the sentence around a
    subject (那个, 明年, 听说), nor a judgement of it (太晚, 太旧), nor one about the
    document asked for (官方, 原文), nor a number (12345)."""
    # (A number — a hotline, a year, an amount — names no subject by itself.)
    return (not word.isdigit() and word not in ABOUT_DOCUMENTS
            and f"\n{word}\n" not in _other_words() and not _judgement(word))


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, str], int, dict[str, str]]:
    """jieba's dictionary by first character (character → its words' lines, in one
    string), read once a process the first time a query holds a dictionary word the
    library lacks (about 0.3 s, 5 MB), the highest count of a word of two or more
    characters (``frequency`` looks a word up among the few lines of its first
    character), and the tag of each word of one character (``character_tag``)."""
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    by_first: dict[str, list[str]] = {}
    characters: dict[str, str] = {}
    highest = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.partition(" ")
            if len(word) > 1:
                by_first.setdefault(word[0], []).append(line)
                count = rest.split(" ", 1)[0]
                if count.isdigit():
                    highest = max(highest, int(count))
            elif word:
                characters[word] = (rest.split() + ["", ""])[1]
    return ({first: "\n" + "".join(found) for first, found in by_first.items()}, highest,
            characters)


def character_tag(character: str) -> str:
    """jieba's part of speech of a word of one character (转: v, 区: n); "" if none."""
    return _dictionary()[2].get(character, "")


def highest_frequency() -> int:
    """The count of the most frequent word of two or more characters (``frequency``)."""
    return _dictionary()[1]


# The parts of speech (jieba's tags) of the words that frame a sentence and name
# nothing in it: places relative to another (之间, 以后), numbers and measures (一个),
# pronouns, adverbs, times, prepositions, conjunctions, particles, interjections.
# (Not verbs: the dictionary tags 诊所, 摆摊, 征集 as verbs, and they name subjects.)
FUNCTION_TAGS = ("f", "m", "q", "r", "d", "t", "p", "c", "u", "y", "e", "o")


def dictionary_tag(word: str) -> str:
    """jieba's part of speech of a word of two or more characters (之间: f, 文保: j);
    "" when the dictionary lacks the word or gives none."""
    text = _dictionary()[0].get(word[:1], "")
    at = text.find(f"\n{word} ")
    if at < 0:
        return ""
    parts = text[at + 1:text.find("\n", at + 1)].split()
    return parts[2] if len(parts) > 2 else ""


def is_function_word(word: str) -> bool:
    """Whether ``word`` (two or more characters) is a word of the dictionary tagged as
    one that frames a sentence (``FUNCTION_TAGS``: 之间, 一个, 我们, 马上)."""
    return dictionary_tag(word).startswith(FUNCTION_TAGS)


def is_abbreviation(word: str) -> bool:
    """Whether the dictionary tags ``word`` as an abbreviation (j: 文保, 妇联, 人大)."""
    return dictionary_tag(word) == "j"


@lru_cache(maxsize=4096)
def frequency(word: str) -> int:
    """How often ``word`` (two or more characters) occurs in the text jieba's dictionary
    was counted on (0 when it is not there: a word only of the user dictionary, or
    none): how usual a word is, which tells a slip of a pinyin input method (人材,
    建义: rare) from a word meant as typed (火星: as usual as its homophone 活性)."""
    text = _dictionary()[0].get(word[:1], "")
    at = text.find(f"\n{word} ")
    if at < 0:
        return 0
    parts = text[at + 1:text.find("\n", at + 1)].split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


@lru_cache(maxsize=1)
def _nouns_by_last() -> dict[str, tuple[str, ...]]:
    """character → the dictionary's nouns of two or three characters ending in it, the
    most frequent first: read once a process, the first time a query holds a numbered
    abbreviation (``nouns_ending_in``)."""
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    found: dict[str, list[tuple[int, str]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, count, tag = (line.split() + ["", ""])[:3]
            if 2 <= len(word) <= 3 and tag.startswith("n") and count.isdigit():
                found.setdefault(word[-1], []).append((-int(count), word))
    return {last: tuple(w for _c, w in sorted(words)) for last, words in found.items()}


def nouns_ending_in(character: str) -> tuple[str, ...]:
    """The dictionary's nouns of two or three characters whose head (the last
    character) is ``character`` (馆: 图书馆, 博物馆 …), the most frequent first."""
    return _nouns_by_last().get(character, ())
