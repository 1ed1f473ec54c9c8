"""Pure text functions of consultations: splitting a draft into articles (条/款) and
telling near-duplicate comments apart. No database; tests call them directly."""
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from gongkai.core.text import to_simplified

_NUM = "零〇一二三四五六七八九十百千两"
_ARTICLE = re.compile(rf"^\s*(第[{_NUM}\d]+条)[\s　:：、]*(.*)$")
_HEADING = re.compile(rf"^\s*第[{_NUM}\d]+[编章节](\s|　|$)")
# An item (项) such as （一） or (1) belongs to the 款 before it.
_ITEM = re.compile(r"^\s*[（(][一二三四五六七八九十\d]+[)）]")
# Drafts written as plans rather than rules number their points 一、 (or else 1.);
# the lower level (1. under 一、) stays inside its point.
_POINT_CN = re.compile(r"^\s*([一二三四五六七八九十]+、)\s*(.*)$")
_POINT_NUM = re.compile(r"^\s*(\d+[.．、](?!\d))\s*(.*)$")


@dataclass
class ParsedArticle:
    label: str
    clauses: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.clauses)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for 条 and 款)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10
                                 else ("一" if rest < 20 else "") + chinese_number(rest))
    return digits[n // 100] + "百" + tail


def split_articles(text: str) -> list[ParsedArticle]:
    """The 条 of ``text`` with their 款 (one paragraph each; 项 stay in their 款).

    Chapter headings (第一章 …) and text before the first 条 are not articles. A draft
    without 第X条 falls back to its numbered points (一、 / 1.); a draft with neither
    has no articles and is commented on as a whole.
    """
    lines = [line.strip() for line in (text or "").splitlines()]
    return (_split(lines, _ARTICLE) or _split(lines, _POINT_CN)
            or _split(lines, _POINT_NUM))


def _split(lines: list[str], pattern: re.Pattern) -> list[ParsedArticle]:
    articles: list[ParsedArticle] = []
    for line in lines:
        if not line:
            continue
        match = pattern.match(line)
        if match:
            label = match.group(1).rstrip("、.．")
            if pattern is not _ARTICLE:
                label = _point_label(label)
            articles.append(ParsedArticle(label=label))
            if match.group(2).strip():
                articles[-1].clauses.append(match.group(2).strip())
        elif _HEADING.match(line):
            continue
        elif articles:
            current = articles[-1]
            if _ITEM.match(line) and current.clauses:
                current.clauses[-1] += "\n" + line
            else:
                current.clauses.append(line)
    return [a for a in articles if a.clauses]


def _point_label(number: str) -> str:
    if number.isdigit():
        return f"第{chinese_number(int(number))}点"
    return f"第{number}点"


def clause_label(article_label: str, position: int) -> str:
    return f"{article_label}第{chinese_number(position)}款"


# Near-duplicates ------------------------------------------------------------------

SHINGLE = 3
# Two comments sharing this share of their character trigrams are the same text with
# small edits (a campaign template with a name or a sentence changed).
SIMILAR = 0.6


def compact(text: str) -> str:
    """Script-insensitive, punctuation- and space-free lowercase text."""
    text = to_simplified(unicodedata.normalize("NFKC", text or "")).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def digest(text: str) -> str:
    return hashlib.sha1(compact(text).encode(), usedforsecurity=False).hexdigest()


def shingles(text: str) -> frozenset[str]:
    flat = compact(text)
    if len(flat) <= SHINGLE:
        return frozenset({flat}) if flat else frozenset()
    return frozenset(flat[i:i + SHINGLE] for i in range(len(flat) - SHINGLE + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicate_groups(texts: dict[int, str], threshold: float = SIMILAR
                          ) -> list[set[int]]:
    """Groups (of two or more ids) of texts that are the same after normalising or
    similar above ``threshold``; transitively joined."""
    by_digest: dict[str, list[int]] = {}
    for pk, text in texts.items():
        by_digest.setdefault(digest(text), []).append(pk)
    keys = list(by_digest)
    sets = {k: shingles(texts[by_digest[k][0]]) for k in keys}
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _comparable(sets[a], sets[b], threshold) and jaccard(sets[a], sets[b]) >= threshold:
                parent[root(b)] = root(a)
    groups: dict[str, set[int]] = {}
    for k in keys:
        groups.setdefault(root(k), set()).update(by_digest[k])
    return [g for g in groups.values() if len(g) > 1]


def _comparable(a: frozenset, b: frozenset, threshold: float) -> bool:
    """Jaccard cannot reach the threshold when the sizes differ too much: skip early."""
    small, large = sorted((len(a), len(b)))
    return large > 0 and small / large >= threshold
