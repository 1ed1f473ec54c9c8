"""Reading a units cell: who carries a task out, and in which role.

"区政务公开办协调区税务局、区财政局按职能分工落实，各有关部门、街镇和园区管理机构配合。"
→ 区政务公开办 coordinate; 区税务局, 区财政局 implement; 各有关部门, 各街镇,
园区管理机构 cooperate. Pure functions: the registry's names come in as an argument.
"""
import re
from collections.abc import Collection

from gongkai.core.text import name_key
from gongkai.core.text import normalize as clean
from gongkai.orgs.groups import KNOWN_GROUPS
from gongkai.orgs.selectors import find_group_word
from gongkai.plans.importer.types import GROUP, UNIT, ParsedUnitRef

LEAD, COORDINATE, IMPLEMENT, COOPERATE = "lead", "coordinate", "implement", "cooperate"
ROLE_WORDS = {"牵头": LEAD, "协调": COORDINATE, "配合": COOPERATE, "会办": COOPERATE,
              "协办": COOPERATE, "落实": IMPLEMENT, "负责": IMPLEMENT}
# When two role words stand together ("牵头落实", "配合落实"), the first of these wins.
_COMBINE_ORDER = (LEAD, COORDINATE, COOPERATE, IMPLEMENT)
_ROLE_RE = re.compile("|".join(ROLE_WORDS))

# Phrases that qualify a role without naming anyone.
_FILLERS = re.compile(
    r"在本系统、?(?:本)?辖区内|在各自职责范围内|按职能职责分工|按职[能责]分工|根据职[能责]+分工"
    r"|根据职[能责]+|按职[能责]+|分别|共同|等(?:有关|相关)?(?:部门|单位)?"
    r"(?=$|[,;、。]|牵头|协调|配合|会办|协办|落实|负责)"
)
_CLAUSE_SPLIT = re.compile(r"[,;。:]")
_LIST_SPLIT = re.compile(r"[、/]")
_CONJUNCTION = re.compile(r"以及|和|及|与")
_PREFIXES = ("区", "市", "省")
_FALSE_PREFIXES = ("市场", "市政", "市容", "区域", "省级", "市级", "区级")
# How the name of a unit ends; anything else in a units cell is not a unit.
UNIT_SUFFIXES = ("局", "办", "委", "会", "院", "馆", "所", "站", "队", "中心", "部门", "单位",
                 "机构", "街道", "街", "镇", "政府", "办公室", "公司", "集团", "处", "科", "室",
                 "厅", "署", "小组", "部", "行", "社", "团")
# Prefix-less items that take the list's 区/市 prefix: departments, not parks or streets.
_INHERITS_PREFIX = ("局", "办", "委", "中心", "馆", "院", "所", "队", "站", "室", "处", "部")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")


def _protected_spellings() -> list[str]:
    spellings = [s for w in KNOWN_GROUPS for s in (w.name, *w.aliases)]
    return [s for s in spellings if _ROLE_RE.search(s)]


def _protect(text: str, protected: list[str]) -> tuple[str, list[str]]:
    """Hide names that contain a role word (各政策牵头部门) from the role scanner."""
    saved: list[str] = []
    for spelling in sorted(set(protected), key=len, reverse=True):
        while spelling in text:
            text = text.replace(spelling, f"\ue000{len(saved)}\ue001", 1)
            saved.append(spelling)
    return text, saved


def _restore(text: str, saved: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: saved[int(m.group(1))], text)


def _segments(clause: str) -> list[tuple[str, str | None]]:
    """Split one clause at its role words: [(text, role the text takes)]."""
    out: list[tuple[str, str | None]] = []
    start = 0
    for match in _ROLE_RE.finditer(clause):
        text, role = clause[start:match.start()], ROLE_WORDS[match.group(0)]
        if not text.strip() and out:
            prev_text, prev_role = out[-1]
            roles = {prev_role, role}
            out[-1] = (prev_text, next(r for r in _COMBINE_ORDER if r in roles))
        elif text.strip():
            out.append((text, role))
        start = match.end()
    if clause[start:].strip():
        out.append((clause[start:], None))
    return out


def _is_known(item: str, known: Collection[str]) -> bool:
    return find_group_word(item) is not None or name_key(item) in known


def _looks_complete(item: str, known: Collection[str]) -> bool:
    return _is_known(item, known) or item.endswith(UNIT_SUFFIXES)


def _split_conjunctions(piece: str, known: Collection[str]) -> list[str]:
    """Split 各街镇和园区管理机构, but not 区规划和自然资源局."""
    out, start = [], 0
    for match in _CONJUNCTION.finditer(piece):
        left, right = piece[start:match.start()], piece[match.end():]
        if left and right and _looks_complete(left, known) and not _is_known(
                piece[start:], known):
            out.append(left)
            start = match.end()
    out.append(piece[start:])
    return out


def _segment_known(item: str, known: Collection[str], prefix: str) -> list[str] | None:
    """Split a run of names written without separators, using the names we know."""
    n = len(item)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for begin in range(end):
            piece = item[begin:end]
            if best[begin] is not None and (
                    _is_known(piece, known) or (prefix and name_key(prefix + piece) in known)):
                candidate = [*best[begin], piece]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[n]


def _split_run(item: str, known: Collection[str], prefix: str) -> list[str]:
    """区农业农村局教育局 → 区农业农村局, 教育局; 各部门各街镇 → 各部门, 各街镇."""
    if _is_known(item, known) or len(item) < 5:
        return [item]
    found = _segment_known(item, known, prefix)
    if found and len(found) > 1:
        return found
    for pos in range(2, len(item) - 1):
        left, right = item[:pos], item[pos:]
        if right.startswith("各") and left.endswith(UNIT_SUFFIXES):
            return [left, *_split_run(right, known, prefix)]
    for pos in range(3, len(item) - 2):
        left, right = item[:pos], item[pos:]
        if left.endswith("局") and right.endswith(UNIT_SUFFIXES):
            return [left, *_split_run(right, known, prefix)]
    return [item]


def _prefix_of(item: str) -> str:
    if item.startswith(_PREFIXES) and not item.startswith(_FALSE_PREFIXES):
        return item[0]
    return ""


def _items(segment: str, known: Collection[str], prefix: str) -> list[str]:
    items = []
    for piece in _LIST_SPLIT.split(segment):
        for part in _split_conjunctions(piece.strip(), known):
            items.extend(_split_run(part.strip(), known, prefix))
    # A bare "单位" or "部门" left over from a header or a phrase names nobody.
    return [i for i in items if i and i not in UNIT_SUFFIXES]


def _ref(item: str, role: str, line: int, prefix: str, known: Collection[str]) -> ParsedUnitRef:
    word = find_group_word(item)
    if word is not None:
        return ParsedUnitRef(name=word.name, role=role, line=line, kind=GROUP, raw=item)
    name = item
    if prefix and not _prefix_of(item) and (
            name_key(prefix + item) in known
            or (item.endswith(_INHERITS_PREFIX) and name_key(item) not in known)):
        name = prefix + item
    return ParsedUnitRef(name=name, role=role, line=line, kind=UNIT, raw=item)


def parse_units(text: str, *, line: int, default_role: str = IMPLEMENT,
                known: Collection[str] = (), protected: Collection[str] = ()
                ) -> list[ParsedUnitRef]:
    """Every unit and group a units cell names, with its role, in order of mention.

    A text without a role word inherits the role of the next role word in the cell
    ("各部门，各街镇落实"), else ``default_role``. ``known`` holds ``name_key`` of the
    registry's names, used to split names written without separators.
    """
    text, saved = _protect(clean(text), [*_protected_spellings(), *protected])
    text = _FILLERS.sub("", text)
    segments: list[tuple[str, str | None]] = []
    for clause in _CLAUSE_SPLIT.split(text):
        segments.extend(_segments(clause))
    refs: list[ParsedUnitRef] = []
    seen: set[tuple[str, str]] = set()
    prefix = ""
    for index, (segment, role) in enumerate(segments):
        if role is None:
            role = next((r for _s, r in segments[index + 1:] if r), default_role)
        for item in _items(_restore(segment, saved), known, prefix):
            prefix = _prefix_of(item) or prefix
            ref = _ref(item, role, line, prefix, known)
            if (ref.kind, ref.name) not in seen:
                seen.add((ref.kind, ref.name))
                refs.append(ref)
    return refs


def looks_like_units(text: str, *, known: Collection[str] = ()) -> bool:
    """Whether a line names units (rather than continuing a task's text)."""
    text = clean(text)
    if not text or len(text) > 300 or re.match(r"^\d+[.、]", text):
        return False
    refs = parse_units(text, line=0, known=known)
    return bool(refs) and all(
        r.is_group or name_key(r.name) in known or name_key(r.raw) in known
        or (len(r.raw) <= 30 and r.raw.endswith(UNIT_SUFFIXES))
        for r in refs
    )
