"""Reading a units cell: who carries a task out, and in which role.

"区政务公开办协调区税务局、区财政局按职能分工落实，各有关部门、街镇和园区管理机构配合。"
→ 区政务公开办 coordinate; 区税务局, 区财政局 implement; 各有关部门, 各街镇,
园区管理机构 cooperate. Pure functions: the registry's names and groups come in as
arguments (``known``: name keys; ``groups``: name key → the group's canonical name).
"""
import re
from collections.abc import Collection, Mapping

from gongkai.core.text import name_key
from gongkai.core.text import normalize as clean
from gongkai.orgs.groups import KNOWN_GROUPS, LEVEL_WORDS, looks_like_group
from gongkai.plans.importer.cleaning import prettify
from gongkai.plans.importer.names import (
    UNIT_SUFFIXES,
    looks_like_name,
    prefix_of,
    split_glued,
    with_prefix,
)
from gongkai.plans.importer.roles import (
    COOPERATE,
    COORDINATE,
    IMPLEMENT,
    LABEL_ROLE_WORDS,
    LEAD,
    TEXT_ROLE_WORDS,
)
from gongkai.plans.importer.types import GROUP, UNIT, ParsedUnitRef

# The role words and where each is read: ``roles.ROLE_WORD_TABLE``.
ROLE_WORDS = TEXT_ROLE_WORDS
# A label "牵头单位：" names the role of what follows it.
LABEL_ROLES = LABEL_ROLE_WORDS
# When two role words stand together ("牵头落实", "配合落实"), the first of these wins.
_COMBINE_ORDER = (LEAD, COORDINATE, COOPERATE, IMPLEMENT)
_ROLE_RE = re.compile("|".join(ROLE_WORDS))
_ROLE_NOUNS = ("单位", "部门", "处室", "科室", "机构")
_LABEL_RE = re.compile(r"({})(?:{})?\s*:".format("|".join(LABEL_ROLES), "|".join(_ROLE_NOUNS)))
# Phrases that qualify a role without naming anyone.
_FILLERS = re.compile(
    r"在本系统、?(?:本)?辖区内|在各自职责范围内|按职能职责分工|按职[能责]分工|根据职[能责]+分工"
    r"|根据职[能责]+|按职[能责]+|按照职责|分别|共同|具体"
    r"|等(?:有关|相关)?(?:部门|单位)?(?=$|[,;、。]|" + "|".join(TEXT_ROLE_WORDS) + ")"
)
_CLAUSE_SPLIT = re.compile(r"[,;。:]")
_LIST_SPLIT = re.compile(r"[、/\s]+|(?<=[局办委会院馆所站队心门位构道镇府司团处科室厅署组部行社])等"
                         r"(?=[\u4e00-\u9fff]{2})")
_CLAUSE_ROLE = re.compile(r"(?:{})(?=$|[,;、])".format("|".join(ROLE_WORDS)))
_CONJUNCTION = re.compile(r"以及|和|及|与")
_BRACKET = re.compile(r"\(([^()]*)\)")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_NOTE = re.compile("\ue002(\\d+)\ue003")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,4}[区县市镇乡]$")
_PLACE_BODY = re.compile(r"^([\u4e00-\u9fff]{1,4}[区县市镇乡])(人民政府|政府)$")
# A bracket whose words are kinds of place or body is an alternative inside a name:
# 各县(市、区)政府, 各乡镇人民政府(街道办事处), 县直各有关部门(单位).
_ALTERNATIVE = re.compile(r"^[市区县镇乡街道办事处单位部门机构园管委会、,和及/]+$")


def default_groups() -> dict[str, str]:
    """Name key → canonical name of the groups every registry knows."""
    return {name_key(s): w.name for w in KNOWN_GROUPS for s in (w.name, *w.aliases)}


_DEFAULT_GROUPS = default_groups()


def group_name(item: str, groups: Mapping[str, str] | None = None) -> str | None:
    """The group ``item`` stands for: the registry's name for it, else the word itself
    when the general rule says it is a group; None for anything else."""
    key = name_key(item)
    found = (groups or {}).get(key) or _DEFAULT_GROUPS.get(key)
    if found:
        return found
    return prettify(item) if looks_like_group(item) else None


def _role_word_at(text: str, match: re.Match) -> bool:
    """Whether a role word found by the scanner is one, not part of a name: 牵头部门 (a
    name), 区管委会办公室 (会办 across two words), 负责规范性文件审核 (a duty)."""
    after = text[match.end():]
    if after.startswith(_ROLE_NOUNS):
        return False
    if match.group(0).endswith("办") and after.startswith(("公", "事", "理")):
        return False
    return True


def _segments(clause: str) -> list[tuple[str, str | None]]:
    """Split one clause at its role words: [(text, role the text takes)]."""
    out: list[tuple[str, str | None]] = []
    start = 0
    for match in _ROLE_RE.finditer(clause):
        if match.start() < start or not _role_word_at(clause, match):
            continue
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


class _Cell:
    """One cell being read: protected brackets and notes, and the registry's names."""

    def __init__(self, known: Collection[str], groups: Mapping[str, str] | None,
                 places: Collection[str]) -> None:
        self.known, self.groups, self.places = known, groups, places
        self.saved: list[str] = []
        self.notes: list[str] = []

    def is_known(self, item: str) -> bool:
        return group_name(item, self.groups) is not None or name_key(item) in self.known

    def in_registry(self, item: str) -> bool:
        key = name_key(item)
        return key in self.known or key in (self.groups or {}) or key in _DEFAULT_GROUPS

    def protect(self, text: str) -> str:
        """Brackets: an alternative stays in the name, a role word becomes the role, a
        label block is unwrapped, anything else is a note on the name before it."""
        def replace(m: re.Match) -> str:
            inner = m.group(1).strip()
            following = m.string[m.end():m.end() + 1]
            if not inner:
                return ""
            if inner in ROLE_WORDS or inner.rstrip("单位部门") in ROLE_WORDS:
                return inner.rstrip("单位部门")
            if ":" in inner or _CLAUSE_ROLE.search(inner):
                return f";{inner};"
            if _ALTERNATIVE.match(inner) or (following and re.match(r"[\u4e00-\u9fff]",
                                                                     following)
                                             and not _ROLE_RE.match(m.string[m.end():])):
                self.saved.append(m.group(0))
                return f"\ue000{len(self.saved) - 1}\ue001"
            self.notes.append(inner)
            return f"\ue002{len(self.notes) - 1}\ue003"
        for _round in range(3):  # nested brackets, innermost first
            text = _BRACKET.sub(replace, text)
        return text

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.saved[int(m.group(1))], text)

    def split_conjunctions(self, piece: str) -> list[str]:
        """Split 各街镇和园区管理机构, but not 区规划和自然资源局."""
        out, start = [], 0
        for match in _CONJUNCTION.finditer(piece):
            left, right = piece[start:match.start()], piece[match.end():]
            whole = self.restore(piece[start:])
            if left and right and (self.is_known(self.restore(left))
                                   or looks_like_name(left)) and not self.in_registry(whole):
                out.append(left)
                start = match.end()
        out.append(piece[start:])
        return out

    def split_run(self, item: str, prefix: str) -> list[tuple[str, bool]]:
        """A run of names written without separators: by the registry first, then by
        the endings of names. Returns (name, guessed)."""
        if self.in_registry(item) or len(item) < 5:
            return [(item, False)]
        found = self._segment_known(item, prefix)
        if found and len(found) > 1:
            return [(piece, False) for piece in found]
        for pos in range(2, len(item) - 1):  # 区政务公开办各街镇: a group glued on
            left, right = item[:pos], item[pos:]
            if right.startswith("各") and left.endswith(UNIT_SUFFIXES) \
                    and not LEVEL_WORDS.match(left) and group_name(right, self.groups):
                return [(left, False), *self.split_run(right, prefix)]
        if group_name(item, self.groups):
            return [(item, False)]
        pieces = split_glued(item, self.is_known)
        return [(p, True) for p in pieces] if pieces else [(item, False)]

    def _segment_known(self, item: str, prefix: str) -> list[str] | None:
        n = len(item)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for end in range(1, n + 1):
            for begin in range(max(0, end - 40), end):
                if best[begin] is None:
                    continue
                piece = item[begin:end]
                if self.in_registry(piece) or (prefix and name_key(prefix + piece) in self.known):
                    candidate = [*best[begin], piece]
                    if best[end] is None or len(candidate) < len(best[end]):
                        best[end] = candidate
        return best[n]

    def items(self, segment: str, prefix: str) -> list[tuple[str, str, bool]]:
        """(item, note, guessed) of one segment, in order."""
        out = []
        pieces = _distribute_plural(_LIST_SPLIT.split(segment))
        for piece in pieces:
            note_ids = [int(i) for i in _NOTE.findall(piece)]
            piece = _NOTE.sub("", piece).strip()
            parts = self.split_conjunctions(piece)
            for index, part in enumerate(parts):
                runs = self.split_run(self.restore(part.strip()), prefix)
                for run_index, (item, guessed) in enumerate(runs):
                    last = index == len(parts) - 1 and run_index == len(runs) - 1
                    note = "；".join(self.notes[i] for i in note_ids) if last else ""
                    if _is_name_like(item):
                        out.append((item, note, guessed))
                        prefix = prefix_of(item) or prefix
        return out

    @staticmethod
    def share_suffix(items: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
        """东城区、朝阳区、顺义区政府: the last name's 政府 belongs to every place."""
        if len(items) < 2 or not (m := _PLACE_BODY.match(items[-1][0])):
            return items
        if not all(_PLACE.match(item) for item, _n, _g in items[:-1]):
            return items
        return [(item + m.group(2), note, True) for item, note, _g in items[:-1]] + items[-1:]

    def ref(self, item: str, role: str, line: int, prefix: str, note: str,
            guessed: bool) -> ParsedUnitRef:
        group = group_name(item, self.groups)
        if group is not None:
            return ParsedUnitRef(name=group, role=role, line=line, kind=GROUP, raw=item)
        name, prefixed = with_prefix(item, prefix, self.known, self.places)
        return ParsedUnitRef(name=prettify(name), role=role, line=line, kind=UNIT, raw=item,
                             note=prettify(note), guessed=guessed or prefixed)


_PLURAL_PLACE = re.compile(r"^各[省市区县镇乡]$")
_PLACE_GOVT = re.compile("^[省市区县镇乡街道]+(?:\ue000\\d+\ue001)?(人民政府|政府)$")
_BARE_TYPES = ("街", "镇", "乡", "街道", "区", "县", "市", "办", "局", "委", "单位", "部门")
# Kinds of body that, listed after a plural, are plural too (各乡镇人民政府、街道办事处).
_BARE_BODIES = ("街道办事处", "乡镇", "乡镇人民政府", "镇人民政府", "乡人民政府", "社区居委会",
                "村委会", "居委会", "管委会", "园区管委会", "直属机构", "直属单位", "事业单位")


def _distribute_plural(pieces: list[str]) -> list[str]:
    """各镇、街 → 各镇, 各街; 区直各办、局 → 区直各办, 区直各局: a bare kind after a plural
    takes the words up to its 各."""
    out: list[str] = []
    for piece in pieces:
        bare = piece.strip()
        if out and "各" in out[-1] and (bare in _BARE_TYPES or bare in _BARE_BODIES):
            head = out[-1][:out[-1].index("各") + 1]
            out.append(head + bare)
        elif out and _PLURAL_PLACE.match(out[-1].strip()) and (m := _PLACE_GOVT.match(bare)):
            out[-1] = out[-1].strip() + m.group(1)  # 各市、县（市、区）政府: 各市政府
            out.append("各" + bare)
        else:
            out.append(piece)
    return out


def _is_name_like(item: str) -> bool:
    """A bare "单位" or "部门" left over from a header or a phrase names nobody."""
    return len(item) > 1 and bool(re.search(r"[\u4e00-\u9fff]", item)) \
        and item not in ("单位", "部门", "机构", "处室", "科室", "其他", "有关", "相关")


def _labelled(text: str) -> list[tuple[str, str | None]]:
    """Split at labels ("牵头单位：…；配合单位：…"): [(text, role of its label)]."""
    out: list[tuple[str, str | None]] = []
    start, role = 0, None
    for m in _LABEL_RE.finditer(text):
        if text[start:m.start()].strip(" ;,。"):
            out.append((text[start:m.start()], role))
        role, start = LABEL_ROLES[m.group(1)], m.end()
    out.append((text[start:], role))
    return out


def parse_units(text: str, *, line: int, default_role: str = IMPLEMENT,
                known: Collection[str] = (), groups: Mapping[str, str] | None = None,
                places: Collection[str] = ()) -> list[ParsedUnitRef]:
    """Every unit and group a units cell names, with its role, in order of mention.

    A text without a role word inherits the role of the next role word in its clause
    group ("各部门，各街镇落实"), else its label's role, else ``default_role``.
    """
    cell = _Cell(known, groups, places)
    text = cell.protect(clean(text))
    refs: list[ParsedUnitRef] = []
    seen: set[tuple[str, str]] = set()
    prefix = ""
    for block, label_role in _labelled(text):
        block = _FILLERS.sub("", block)
        segments: list[tuple[str, str | None]] = []
        for clause in _CLAUSE_SPLIT.split(block):
            segments.extend(_segments(clause))
        for index, (segment, role) in enumerate(segments):
            if role is None:
                role = next((r for _s, r in segments[index + 1:] if r),
                            label_role or default_role)
            for item, note, guessed in cell.share_suffix(cell.items(segment, prefix)):
                prefix = prefix_of(item) or prefix
                ref = cell.ref(item, role, line, prefix, note, guessed)
                if (ref.kind, ref.name) not in seen:
                    seen.add((ref.kind, ref.name))
                    refs.append(ref)
    return refs


def has_role_word(text: str) -> bool:
    return bool(_ROLE_RE.search(text) or _LABEL_RE.search(clean(text)))


def looks_like_units(text: str, *, known: Collection[str] = (),
                     groups: Mapping[str, str] | None = None) -> bool:
    """Whether a line names units (rather than continuing a task's text)."""
    text = clean(text)
    if not text or len(text) > 300 or re.match(r"^\d+[.、]", text):
        return False
    if _LABEL_RE.match(text.lstrip("(")):
        return True
    refs = parse_units(text, line=0, known=known, groups=groups)
    return bool(refs) and all(
        r.is_group or name_key(r.name) in known or name_key(r.raw) in known
        or (len(r.raw) <= 30 and r.raw.endswith(UNIT_SUFFIXES))
        for r in refs
    )
