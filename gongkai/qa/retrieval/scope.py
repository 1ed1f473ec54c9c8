"""Questions that are not for the library at all, recognised in two ways, both as data
(``gongkai/qa/data/scope.txt``):

1. *Chit-chat*: greetings, thanks, questions about the assistant, the weather, jokes,
   plainly private matters — one pattern a kind, on the normalised question.
2. *Out of scope*: a question that does not ask who is responsible (谁来管, 找谁:
   asked of anything, that is a question for the authorities) and whose content words
   (question words and filler removed) hardly touch the vocabulary of government
   services — the words the library's entries hold, the lexicon's words that lead to
   them, and a domain vocabulary of government services — and for which the library
   has nothing close to suggest either (a suggestion resting only on everyday words,
   ``search.related``, does not count).

Both are answered with a pointer to what the service covers and are never queued for
a unit, which would otherwise have to dismiss each by hand. A question about a public
service the library lacks uses the vocabulary (签证, 驾照, 电价 …) and is *not* out of
scope: it is what the queue is for.
"""
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from gongkai.qa.retrieval.text import GENERIC_WORDS, core

DATA = Path(__file__).resolve().parents[1] / "data" / "scope.txt"
# A question is out of scope when less than this share of its content words are words
# of government services (and nothing in the library comes close enough to suggest).
# Chosen on the bench's tuning splits: no covered question falls under it.
MIN_COVERAGE = 0.5
ENOUGH_WORDS = 3
OFF_TOPIC = "offtopic"  # the label of a question recognised by its words
_CJK = re.compile(r"[\u3400-\u9fff]")
# The words of ``GENERIC_WORDS`` that name a procedure of an office (办理, 申请, 材料,
# 窗口), with the spoken verbs residents use for them (搞, 弄, 整 for 办; 交, 领, 开, 查
# for paying, collecting, issuing, looking up): asked of anything, they make it a
# question for a service. The others are the verbs and nouns of everyday speech that ask
# of anything at all (来, 用, 哪个, 时间, 钱, 准备): they say nothing of whether a service
# is meant, and count for nothing either way (``coverage``).
PROCEDURE_WORDS = frozenset(
    "办理 办 申请 申报 手续 流程 条件 材料 资料 证件 步骤 程序 政策 规定 部门 单位 收费 "
    "费用 要求 咨询 服务 业务 窗口 网上 现场 线上 标准 文件 通知 办事 提交 查询 "
    "搞 弄 整 交 领 开 查".split())
_ARITHMETIC = re.compile(r"^[0-9+\-*/=×÷().\s?？]+$")


@lru_cache(maxsize=1)
def _data() -> tuple[tuple[tuple[str, re.Pattern], ...], frozenset[str], re.Pattern]:
    rules, domain, section, responsibility = [], set(), "", []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "chitchat":
            label, _bar, pattern = line.partition("|")
            rules.append((label, re.compile(pattern)))
        elif section == "domain":
            domain.update(line.split())
        elif section == "responsibility":
            responsibility.append(f"(?:{line})")
    return tuple(rules), frozenset(domain), re.compile("|".join(responsibility) or "(?!)")


def asks_responsibility(text: str) -> bool:
    """Whether ``text`` (canonical) asks who is responsible or where to turn (谁来管,
    找谁, 哪个部门): a question for the authorities by its form."""
    return bool(_data()[2].search(text))


def domain_words() -> frozenset[str]:
    return _data()[1]


@lru_cache(maxsize=1)
def _domain_parts() -> frozenset[str]:
    """The domain words and every piece of two or more characters of them (自行车 of
    电动自行车): a question cut differently from the list still touches it."""
    return frozenset(word[i:j] for word in domain_words() for i in range(len(word))
                     for j in range(i + 2, len(word) + 1)) | domain_words()


def out_of_scope(text: str) -> str:
    """The chit-chat rule ``text`` (canonical) falls under, "empty" when it has no
    content at all, or "" for a question."""
    stripped = text.strip()
    if not core(stripped):
        return "empty"
    if _ARITHMETIC.match(stripped):
        return "arithmetic"
    for label, pattern in _data()[0]:
        if pattern.search(stripped):
            return label
    return ""


def government_word(word: str, df: Mapping[str, int], expand=None) -> bool:
    """Whether ``word`` belongs to the vocabulary of government services: a word of the
    domain vocabulary, part of one (自行车) or holding one (美国签证), a word of what the question asks of a
    service (办理, 材料), a word of two or more characters held by at least two of the library's
    entries (one may be incidental),
    or a lexicon word that leads to one of these (娃 → 孩子)."""
    domain = domain_words()
    if word in _domain_parts() or word in GENERIC_WORDS:
        return True
    if len(word) > 2 and any(word[i:j] in domain for i in range(len(word))
                             for j in range(i + 2, len(word) + 1) if j - i < len(word)):
        return True
    if len(word) > 1 and df.get(word, 0) > 1:
        return True
    return any(term in domain or (len(term) > 1 and df.get(term, 0) > 0)
               for term, _weight in (expand(word) if expand else ()))


def coverage(words: Iterable[str], df: Mapping[str, int], expand=None) -> float:
    """0–1: the share of the question's content words (``words``, from
    ``content_words``) that are words of government services; single characters that
    are not count for nothing either way (吃, 买, 好 say little of what is asked), nor
    do words in Latin letters (a pasted tag, a brand), nor the everyday words that ask
    of anything (来, 用, 哪个: ``GENERIC_WORDS`` but not ``PROCEDURE_WORDS``). A
    long question telling its circumstances touches the services with several words
    among many everyday ones: ``ENOUGH_WORDS`` of them count as full coverage."""
    counted = [w for w in words if w in PROCEDURE_WORDS or w not in GENERIC_WORDS and (
        government_word(w, df, expand) or (len(w) > 1 and _CJK.search(w)))]
    if not counted:
        return 0.0
    found = sum(government_word(w, df, expand) for w in counted)
    return 1.0 if found >= ENOUGH_WORDS else found / len(counted)


def off_topic(coverage_share: float, *, anything_shown: bool) -> bool:
    """Out of scope: nothing in the library close enough to suggest, and the question
    hardly touches the vocabulary of government services."""
    return not anything_shown and coverage_share < MIN_COVERAGE

