"""Column headers: what each column of a plan's table holds.

A role header is one or more role words (牵头, 主办, 责任, 配合 …), joined by "/" or "、"
or not at all, with or without a noun (单位, 部门 …), spaced or split over lines:
牵头单位, 配合/责任单位, 主办/协办, 牵头部门/配合部门, 牵 头 单 位. A bracket may say that
the first name leads ("责任单位（第一个为牵头单位）"). Other headers are looked up in
``OTHER_HEADERS``. Pure functions.
"""
import re
from dataclasses import dataclass

from gongkai.core.text import normalize
from gongkai.plans.importer.roles import COOPERATE, IMPLEMENT, LABEL_ROLE_WORDS, LEAD

# The role words and where each is read: ``roles.ROLE_WORD_TABLE``; a header reads all.
HEADER_ROLE_WORDS = LABEL_ROLE_WORDS
ROLE_NOUNS = ("单位", "部门", "处室", "科室", "机构", "主体", "领导", "责任人", "处", "科")
OTHER_HEADERS: dict[str, str] = {
    **dict.fromkeys(("序号", "编号", "序"), "number"),
    **dict.fromkeys(("工作任务", "任务", "重点任务", "主要任务", "任务名称", "工作事项", "事项",
                     "具体任务", "工作项目", "重点工作"), "title"),
    **dict.fromkeys(("具体要求", "工作要求", "主要内容", "工作内容", "具体内容", "任务内容",
                     "工作措施", "具体措施", "贯彻举措", "工作举措", "主要举措", "任务要求",
                     "具体工作", "工作目标及要求", "具体任务要求", "落实举措"), "text"),
    **dict.fromkeys(("目标", "工作目标", "类别", "领域", "板块", "分类", "重点领域", "工作类别",
                     "项目"), "heading"),
    **dict.fromkeys(("完成时限", "时间", "完成时间", "时限", "时限要求", "时间要求", "进度安排",
                     "备注", "公开路径", "公开方式", "完成时间节点", "时间节点", "完成期限",
                     "公开渠道", "公开时限", "评价标准"), "ignore"),
}
_ROLE_ALT = "|".join(HEADER_ROLE_WORDS)
_NOUN_ALT = "|".join(ROLE_NOUNS)
_ROLE_PIECE = re.compile(rf"^((?:{_ROLE_ALT})(?:[和及与、]?(?:{_ROLE_ALT}))*)(?:{_NOUN_ALT})?"
                         rf"(?:[和及与](?:{_NOUN_ALT}|联系人))*$")
_FIRST_LEADS = re.compile(r"(第一|首位|排首位|排第一|排名第一|列第一|第1).*(牵头)")
_BRACKET = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Column:
    """What a column holds. For a units column, ``roles`` are its header's roles in
    order and ``first_leads`` whether its first name leads."""

    kind: str  # number, title, text, heading, ignore, units
    roles: tuple[str, ...] = ()
    first_leads: bool = False

    def default_role(self, *, row_has_lead: bool) -> str:
        """The role of a name in this column that the cell gives no role word to."""
        roles = set(self.roles)
        if roles == {COOPERATE, IMPLEMENT}:  # 配合/责任单位
            return COOPERATE if row_has_lead else IMPLEMENT
        if len(self.roles) > 1 and self.roles[0] == LEAD:  # 主办/协办, 牵头/责任
            return self.roles[1]
        return self.roles[0]

    @property
    def leads_first(self) -> bool:
        return self.first_leads or (len(self.roles) > 1 and self.roles[0] == LEAD)

    @property
    def is_lead(self) -> bool:
        return self.roles == (LEAD,)


def _roles_of(text: str) -> tuple[str, ...] | None:
    roles: list[str] = []
    for piece in re.split(r"[/、]", text):
        m = _ROLE_PIECE.match(piece)
        if not m:
            return None
        for word in re.findall(_ROLE_ALT, m.group(1)):
            if HEADER_ROLE_WORDS[word] not in roles:
                roles.append(HEADER_ROLE_WORDS[word])
    return tuple(roles) or None


def classify(cell: str) -> Column | None:
    """The column a header cell names, or None when the cell is not a header."""
    text = re.sub(r"\s+", "", normalize(cell)).rstrip(":")
    if not text or len(text) > 40:
        return None
    note = " ".join(_BRACKET.findall(text))
    core = _BRACKET.sub("", text)
    if core in OTHER_HEADERS and not note:
        return Column(OTHER_HEADERS[core])
    roles = _roles_of(core)
    if roles is None:
        return None
    first_leads = bool(_FIRST_LEADS.search(note))
    if note and not first_leads and note.strip("、/") not in ROLE_NOUNS \
            and _roles_of(note.replace("单位", "")) is None:
        return None
    return Column("units", roles, first_leads)


def header_columns(cells: tuple[str, ...]) -> list[Column] | None:
    """The columns of a header row; None unless every non-empty cell is a header and
    the row names what a task is or who carries it out."""
    columns = []
    cells = tuple(cells)
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    for cell in cells:
        if not cell.strip():
            columns.append(Column("ignore"))
            continue
        column = classify(cell)
        if column is None:
            return None
        columns.append(column)
    named = [c for c in columns if c.kind in ("units", "title", "text")]
    return columns if len([c for c in cells if c.strip()]) >= 2 and named else None


def is_header_word(text: str) -> bool:
    """A line that is only a header word (a table flattened one cell per line)."""
    return classify(text) is not None
