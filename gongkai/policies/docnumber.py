"""文号 (document numbers): issuer abbreviation + year in brackets + serial + 号.

Documents and people write the brackets many ways — 〔2022〕 (the GB/T 9704 form),
[2022], (2022), （２０２２）, 【2022】 — and sometimes in traditional characters or with
stray spaces. ``parse_doc_number`` reads all of them into one ``DocNumber`` so that a
number typed in any style finds the document stored in any other.
"""
import re
from dataclasses import dataclass

from gongkai.core.text import normalize

# After NFKC, （） and ［］ are ASCII; 〔〕 【】 〖〗 stay as they are (﹝﹞ become 〔〕).
_OPEN = "[(〔【〖「"
_CLOSE = "])〕】〗」"
_PATTERN = re.compile(
    rf"(?P<issuer>[\u3400-\u9fffA-Za-z]{{1,30}}?)[{re.escape(_OPEN)}]"
    rf"(?P<year>\d{{4}})[{re.escape(_CLOSE)}]第?(?P<serial>\d{{1,6}})号?"
)
_SPACES = re.compile(r"\s+")
_LOOSE_SPACES = re.compile(rf"\s*([{re.escape(_OPEN + _CLOSE)}号]|\d+(?=\s*号))\s*")
_MIN_YEAR, _MAX_YEAR = 1949, 2199
# A 文号 as running text cites it: its year in brackets, its serial number and 号
# (…〔2022〕48号, 〔2022〕第048号, [2022]48号 — after NFKC, as the index's text is), the
# issuer's code before it left out (where it starts in running text, after 根据 or 印发,
# nothing marks).
_CITED = re.compile(rf"[{re.escape(_OPEN)}] ?(\d{{4}}) ?[{re.escape(_CLOSE)}] ?第? ?(\d{{1,6}}) ?号")


@dataclass(frozen=True)
class DocNumber:
    issuer_code: str
    year: int
    serial: int

    @property
    def canonical(self) -> str:
        """The GB/T 9704 spelling: 穗埔府办函〔2022〕48号."""
        return f"{self.issuer_code}〔{self.year}〕{self.serial}号"

    def __str__(self) -> str:
        return self.canonical


def _compact(text: str) -> str:
    return _SPACES.sub("", normalize(text or ""))


def _from_match(match: re.Match) -> DocNumber | None:
    year, serial = int(match["year"]), int(match["serial"])
    if not (_MIN_YEAR <= year <= _MAX_YEAR) or serial == 0:
        return None
    return DocNumber(issuer_code=match["issuer"], year=year, serial=serial)


def parse_doc_number(text: str) -> DocNumber | None:
    """The 文号 that ``text`` is, in any bracket style and script; None otherwise."""
    compact = _compact(text)
    if len(compact) > 60:
        return None
    match = _PATTERN.fullmatch(compact)
    return _from_match(match) if match else None


def find_doc_numbers(text: str, *, limit: int = 5) -> list[DocNumber]:
    """文号 written anywhere in ``text`` (a search query that adds other words).

    Each whitespace-separated chunk is tried whole first, so the issuer is not
    extended with the words before it when they are separated by a space.
    """
    found: list[DocNumber] = []
    # Spaces typed around the brackets, the serial or 号 do not split a number.
    joined = _LOOSE_SPACES.sub(r"\1", normalize(text or "")[:500])
    for chunk in joined.split(" "):
        number = parse_doc_number(chunk)
        if number is None:
            match = _PATTERN.search(chunk)
            number = _from_match(match) if match else None
        if number is not None and number not in found:
            found.append(number)
        if len(found) >= limit:
            break
    return found


def citation_word(year: int, serial: int) -> str:
    """The index word of a cited 文号's year and serial number (2022号48: one token for
    FTS5's tokenizer and PostgreSQL alike, never a word the segmenter cuts, which
    parts digits from characters): the documents citing a number are found by it,
    through the index, without reading each candidate's positions for a phrase."""
    return f"{year}号{serial}"


def cited(text: str) -> list[tuple[int, str]]:
    """(the offset of its last character, ``citation_word``) of each 文号 ``text``
    cites (``text`` normalised as the index's is: NFKC, so 〔〕 stay and （） are
    ASCII), in order; a serial written with leading zeros is the same number."""
    if "号" not in text:
        return []
    found = []
    for match in _CITED.finditer(text):
        year, serial = int(match[1]), int(match[2])
        if _MIN_YEAR <= year <= _MAX_YEAR and serial:
            found.append((match.end() - 1, citation_word(year, serial)))
    return found
