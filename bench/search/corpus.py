"""A reproducible corpus of policy-like documents in Chinese, and the query mix.

Nothing is downloaded. The text is built from what ships with the project and its
packages:

- sentences of the seed plan (gongkai/plans/fixtures/huangpu-2022.txt, converted to
  simplified characters): real policy prose, so the common terms (政务公开, 推进, 加强 …)
  are as common as they are in real documents;
- jieba's dictionary (jieba/dict.txt): about 150,000 content words drawn in proportion
  to their frequency, so the corpus has the long tail of rare terms that real text has;
  the plan's own words (segmented with the same dictionary) give the common policy terms;
- the unit names of the demo registry (gongkai.orgs.huangpu) as issuing bodies, and
  文号 issuer codes made from them, written in the bracket styles seen in practice.

The same seed gives the same documents and queries on every machine.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_PLAN = ROOT / "gongkai" / "plans" / "fixtures" / "huangpu-2022.txt"
SEED = 20220812

TOPICS = (
    "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
    "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管",
    "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
    "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
    "民政、扶贫、救灾", "对外事务", "其他",
)
# (kind, weight) — roughly what a district's library holds.
KINDS = (("normative", 24), ("policy", 30), ("announcement", 14), ("regulation", 2),
         ("interpretation", 16), ("other", 14))
TITLE_VERBS = ("做好", "加强", "进一步加强", "推进", "进一步推进", "规范", "深化", "完善",
               "全面推行", "开展", "实施", "加快推进", "促进", "支持")
TITLE_ENDS = ("工作方案", "实施细则", "管理办法", "若干措施", "实施方案", "行动计划",
              "工作要点", "实施意见", "暂行办法", "指导意见", "考核办法", "专项资金管理办法")
BRACKETS = (("〔", "〕", 70), ("[", "]", 12), ("（", "）", 6), ("(", ")", 6),
            ("【", "】", 3), ("［", "］", 3))
SECTION_NUMERALS = "一二三四五六七八九十"
CJK = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
# jieba part-of-speech tags of content words: nouns, verbs, adjectives, adverbs, idioms
# (not 习用语 "l", which holds colloquialisms and curses).
CONTENT_POS = frozenset({"n", "v", "vn", "a", "an", "ad", "d", "nz", "i", "b", "j"})


@dataclass
class BenchDoc:
    """One generated document: the fields PolicyDocument needs, plain values only."""

    number: int
    kind: str
    title: str
    doc_number: str
    issuer_code: str
    doc_year: int | None
    doc_serial: int | None
    unit: int                      # index into unit_names()
    joint_unit: int | None
    topic: int                     # index into TOPICS
    written_on: dt.date
    published_on: dt.date
    effective_on: dt.date
    expires_on: dt.date | None
    paragraphs: list[str] = field(default_factory=list)
    validity: str = "valid"        # valid / amended / repealed
    publication_status: str = "published"
    audience: str = "public"
    interprets: int | None = None  # number of an earlier document

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def body_html(self) -> str:
        return "".join(f"<p>{p}</p>" for p in self.paragraphs)


# ---------------------------------------------------------------- the shipped material
@lru_cache(maxsize=1)
def plan_sentences() -> tuple[str, ...]:
    """Sentences of the seed plan, simplified, without page furniture."""
    from gongkai.core.text import to_simplified

    text = to_simplified(SEED_PLAN.read_text(encoding="utf-8"))
    parts = re.split(r"[。；;\n]+", text)
    out = []
    for part in parts:
        part = re.sub(r"\s+", "", part).strip("，,：:")
        # Keep prose: long enough and mostly Chinese (drops 【打印】 and menu lines).
        if len(part) >= 12 and sum("\u4e00" <= c <= "\u9fff" for c in part) > len(part) * 0.6:
            out.append(part)
    return tuple(out)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """jieba's dictionary (dict.txt: word, frequency, part of speech): content words of
    two to four characters, with cumulative weights proportional to their frequency.
    Person and place names are left out."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words, weights = [], []
    for line in path.read_text("utf-8").splitlines():
        word, freq, pos = line.split(" ")
        if pos in CONTENT_POS and CJK.match(word) and len(word) <= 4 and int(freq) >= 3:
            words.append(word)
            weights.append(int(freq))
    return tuple(words), tuple(itertools.accumulate(weights))


@lru_cache(maxsize=1)
def plan_terms() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The seed plan's own words of two or more characters (segmented with jieba's
    shipped dictionary), most frequent first: the common terms of policy prose
    (政务公开, 信息公开, 推进, 落实 …), used for titles and queries, with cumulative
    weights proportional to how often the plan uses them."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    counts: dict[str, int] = {}
    for sentence in plan_sentences():
        for word in jieba.lcut(sentence):
            if CJK.match(word):
                counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    terms = tuple(w for w in ranked if counts[w] >= 2)[:500]
    return terms, tuple(itertools.accumulate(counts[w] for w in terms))


def unit_names() -> tuple[str, ...]:
    from gongkai.orgs import huangpu

    names = [huangpu.OFFICE[0], *(d[0] for d in huangpu.DEPARTMENTS),
             *huangpu.STREETS_TOWNS, *(p[0] for p in huangpu.PARKS)]
    return tuple(names)


def issuer_code(unit_name: str) -> str:
    """埔 + the unit's core name, as district 文号 are written (埔发改, 埔府办, 埔卫健)."""
    core = unit_name.removeprefix("区").removesuffix("局").removesuffix("分局")
    core = core.removesuffix("街道").removesuffix("管委会")
    if unit_name in ("区政府办", "区政务公开办"):
        return "埔府办"
    return "埔" + core[:3]


# ---------------------------------------------------------------- generation
class Generator:
    """Draws documents one at a time from a seeded random source."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.words, self.cumulative = vocabulary()
        self.sentences = plan_sentences()
        self.terms, self.term_cumulative = plan_terms()
        self.units = unit_names()
        self.serials: dict[tuple[str, int], int] = {}

    def word(self) -> str:
        x = self.rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect_left(self.cumulative, x)]

    def synthetic_sentence(self) -> str:
        n = self.rng.randint(4, 12)
        parts = []
        for i in range(n):
            w = self.term() if self.rng.random() < 0.3 else self.word()
            parts.append(w)
            if i and i < n - 1 and self.rng.random() < 0.18:
                parts.append("，")
        return "".join(parts) + "。"

    def term(self) -> str:
        x = self.rng.random() * self.term_cumulative[-1]
        return self.terms[bisect.bisect_left(self.term_cumulative, x)]

    def paragraph(self) -> str:
        out = []
        for _ in range(self.rng.randint(2, 6)):
            if self.rng.random() < 0.5:
                out.append(self.rng.choice(self.sentences) + "。")
            else:
                out.append(self.synthetic_sentence())
        return "".join(out)

    def body(self, title: str, unit: str) -> list[str]:
        # Log-normal length: median ≈ 1,400 characters, from a few hundred to ~15,000.
        target = min(max(int(math.exp(self.rng.gauss(math.log(1400), 0.75))), 250), 15000)
        paragraphs = ["各街道、镇，区府属各单位：",
                      f"现将《{title.removeprefix('关于印发').removesuffix('的通知')}》印发给你们，"
                      "请认真贯彻执行。执行中遇到的问题，请径向" + unit + "反映。"]
        size = sum(map(len, paragraphs))
        section = 0
        while size < target:
            if self.rng.random() < 0.25 and section < len(SECTION_NUMERALS):
                heading = f"{SECTION_NUMERALS[section]}、{self.term()}{self.word()}"
                paragraphs.append(heading)
                section += 1
            p = self.paragraph()
            paragraphs.append(p)
            size += len(p)
        paragraphs.append(unit)
        return paragraphs

    def title(self, kind: str) -> str:
        subject = "黄埔区" + self.term() + self.word() if self.rng.random() < 0.6 else \
            self.term() + self.word() + self.term()
        end = self.rng.choice(TITLE_ENDS)
        if kind == "announcement":
            return f"关于{self.word()}{self.term()}的公告"
        if kind == "interpretation":
            return f"《{subject}{end}》政策解读"
        form = self.rng.random()
        if form < 0.45:
            return f"关于印发{subject}{end}的通知"
        if form < 0.75:
            return f"关于{self.rng.choice(TITLE_VERBS)}{subject}工作的通知"
        return subject + end

    def doc_number(self, unit: str, year: int, kind: str) -> tuple[str, str, int | None]:
        if kind in ("announcement", "interpretation") or self.rng.random() < 0.08:
            return "", "", None
        code = issuer_code(unit)
        code += self.rng.choice(("", "", "", "函", "规", "字"))
        if self.rng.random() < 0.1:
            code = "穗" + code
        serial = self.serials[(code, year)] = self.serials.get((code, year), 0) + 1
        left, right, _ = self.rng.choices(BRACKETS, weights=[b[2] for b in BRACKETS])[0]
        year_text = str(year)
        serial_text = str(serial)
        if self.rng.random() < 0.04:  # full-width digits, as some sites write them
            table = str.maketrans("0123456789", "０１２３４５６７８９")
            year_text, serial_text = year_text.translate(table), serial_text.translate(table)
        return f"{code}{left}{year_text}{right}{serial_text}号", code, serial

    def document(self, number: int) -> BenchDoc:
        rng = self.rng
        kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        unit = rng.randrange(len(self.units))
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        title = self.title(kind)
        doc_number, code, serial = self.doc_number(self.units[unit], published.year, kind)
        effective = published + dt.timedelta(days=rng.choice((0, 0, 10, 30)))
        expires = None
        if kind == "normative":
            expires = effective + dt.timedelta(days=365 * rng.choice((3, 5)))
        doc = BenchDoc(
            number=number, kind=kind, title=title, doc_number=doc_number, issuer_code=code,
            doc_year=published.year if doc_number else None, doc_serial=serial, unit=unit,
            joint_unit=rng.randrange(len(self.units)) if rng.random() < 0.08 else None,
            topic=rng.randrange(len(TOPICS)),
            written_on=published - dt.timedelta(days=rng.randint(1, 20)),
            published_on=published, effective_on=effective, expires_on=expires)
        doc.paragraphs = self.body(title, self.units[unit])
        if kind == "interpretation" and number:
            doc.interprets = rng.randrange(number)
        r = rng.random()
        doc.validity = "amended" if r < 0.06 else "repealed" if r < 0.12 else "valid"
        r = rng.random()
        doc.publication_status = "draft" if r < 0.04 else "withdrawn" if r < 0.06 else "published"
        r = rng.random()
        doc.audience = "staff" if r < 0.03 else "units" if r < 0.05 else "public"
        return doc


def documents(n: int, seed: int = SEED) -> Iterator[BenchDoc]:
    gen = Generator(seed)
    for number in range(n):
        yield gen.document(number)


# ---------------------------------------------------------------- queries
@dataclass(frozen=True)
class BenchQuery:
    text: str
    kind: str          # common / rare / mixed / doc_number / traditional
    target: int | None = None  # for 文号 queries: the document number expected first


def queries(n: int, docs_with_numbers: list[tuple[int, str]], seed: int = SEED + 1
            ) -> list[BenchQuery]:
    """A realistic mix of one to four terms: mostly common policy terms, some rare words,
    about a tenth 文号 (typed in another bracket style than stored), about a tenth in
    traditional characters."""
    from gongkai.core.text import to_traditional

    rng = random.Random(seed)
    gen = Generator(seed)
    out: list[BenchQuery] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.10 and docs_with_numbers:
            number, doc_number = rng.choice(docs_with_numbers)
            out.append(BenchQuery(_restyle(doc_number, rng), "doc_number", number))
            continue
        size = rng.choices((1, 2, 3, 4), weights=(40, 35, 17, 8))[0]
        if r < 0.55:
            kind, terms = "common", [gen.term() for _ in range(size)]
        elif r < 0.75:
            kind, terms = "rare", [gen.words[rng.randrange(2000, len(gen.words))]
                                   for _ in range(size)]
        else:
            kind, terms = "mixed", [gen.term() if i % 2 == 0 else gen.word()
                                    for i in range(size)]
        text = " ".join(dict.fromkeys(terms))
        if rng.random() < 0.12 and to_traditional(text) != text:
            kind, text = "traditional", to_traditional(text)
        out.append(BenchQuery(text, kind))
    return out


def _restyle(doc_number: str, rng: random.Random) -> str:
    """The same 文号 as a person might type it: another bracket style, ASCII digits."""
    import unicodedata

    text = unicodedata.normalize("NFKC", doc_number)
    left, right, _ = rng.choice(BRACKETS)
    return re.sub(r"[〔\[（(【［](\d{4})[〕\]）)】］]", lambda m: f"{left}{m[1]}{right}", text)
