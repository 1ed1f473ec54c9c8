"""The plan as it is being read, line by line: headings, tasks, units.

``task_level`` says which numbered level holds the tasks: "arabic" (1. 1、 or a bare
number), "paren" ((1)), "section" ((一)), "part" (一、), or "para" (unnumbered
paragraphs, each followed by its units). Levels above it are headings.
"""
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from gongkai.plans.importer import meta
from gongkai.plans.importer.headers import Column, header_columns, is_header_word
from gongkai.plans.importer.roles import LEAD
from gongkai.plans.importer.types import (
    ParsedPart,
    ParsedPlan,
    ParsedSection,
    ParsedTask,
    ParsedUnitRef,
)
from gongkai.plans.importer.units import looks_like_units, parse_units

PART_RE = re.compile(r"^([一二三四五六七八九十]+)、\s*(.+)$")
SECTION_RE = re.compile(r"^\(([一二三四五六七八九十]+)\)\s*[、.]?\s*(.+)$")
TASK_RE = re.compile(r"^(\d{1,3})\s*[.、](?!\d)\s*(.+)$")
PAREN_RE = re.compile(r"^\((\d{1,3})\)\s*(.+)$")
BARE_NUMBER = re.compile(r"^\d{1,3}[.、]?$")
# A cell or line that only gives a deadline (年底前, 持续推进, 2022年6月底前).
_LEAD_WORD = re.compile(r"牵头(?!单位|部门)|主办")
DEADLINE = re.compile(r"^[\d年月日底前内中上下旬半全季度每及长期持续常态化推进坚持适时按要求完成]{2,16}$")


def cjk_join(text: str) -> str:
    """Lines of one text cell joined: no space between two Chinese characters."""
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)


@dataclass
class Builder:
    known: Collection[str]
    groups: Mapping[str, str] | None = None
    places: Collection[str] = ()
    task_level: str = "arabic"
    plan: ParsedPlan = field(default_factory=ParsedPlan)
    part: ParsedPart | None = None
    section: ParsedSection | None = None
    task: ParsedTask | None = None
    columns: list[Column] | None = None
    pending_number: int | None = None
    pending_title: str = ""
    saw_units_line: bool = False

    # Structure ---------------------------------------------------------------------
    def start_part(self, number: int | None, title: str, line: int) -> None:
        parts = self.plan.parts
        if number is None:  # an unnumbered goal column: a new part when the text changes
            if self.part and self.part.title == title:
                return
            number = (parts[-1].number + 1) if parts else 1
        existing = next((p for p in parts if p.number == number), None)
        if existing is None:
            existing = ParsedPart(number, title, line)
            parts.append(existing)
        if existing is not self.part:
            self.part, self.section = existing, None

    def start_section(self, number: int, title: str, line: int) -> None:
        sections = self.plan.sections
        existing = next((s for s in sections if s.number == number), None)
        if existing is not None and existing is not self.section:
            if existing.title == title or existing in self._part().sections:
                self.section = existing  # repeated heading after a page break
                return
            number = max(s.number for s in sections) + 1  # numbering restarts per part
            existing = None
        if existing is None:
            part = self._part()
            self.section = ParsedSection(number, title, line)
            part.sections.append(self.section)

    def _part(self) -> ParsedPart:
        if self.part is None:
            self.start_part(1, self.plan.title or "工作任务", 0)
        return self.part

    def _section(self) -> ParsedSection:
        if self.section is None:
            self.start_section(len(self.plan.sections) + 1, self._part().title, 0)
        return self.section

    def start_task(self, number: int | None, text: str, line: int, title: str = "",
                   from_row: bool = False) -> None:
        used = {t.number for t in self.plan.tasks}
        if number is None or number in used:
            if number in used:
                self.plan.warnings.append(f"第{line}行：任务序号 {number} 重复，已顺延编号。")
            number = max(used, default=0) + 1
        self.task = ParsedTask(number=number, text=text, line=line, title=title,
                               from_row=from_row)
        self._section().tasks.append(self.task)

    def add_units(self, refs: list[ParsedUnitRef], line: int) -> None:
        if self.task is None:
            self.plan.warnings.append(f"第{line}行：责任单位出现在任何任务之前，已忽略。")
            return
        have = {(r.kind, r.name) for r in self.task.refs}
        self.task.refs.extend(r for r in refs if (r.kind, r.name) not in have)
        if self.task.units_line is None:
            self.task.units_line = line

    def units(self, text: str, line: int, default_role: str = "implement"
              ) -> list[ParsedUnitRef]:
        return parse_units(text, line=line, default_role=default_role, known=self.known,
                           groups=self.groups, places=self.places)

    # Lines -------------------------------------------------------------------------
    def heading(self, text: str, line: int) -> bool:
        """A part or section heading, or a numbered item at the task level."""
        if m := PART_RE.match(text):
            if self.task_level == "part":
                self._section()
                self.start_task(meta.chinese_number(m.group(1)), m.group(2).strip(), line)
            else:
                self.start_part(meta.chinese_number(m.group(1)), m.group(2).strip(), line)
            return True
        if m := SECTION_RE.match(text):
            number, title = meta.chinese_number(m.group(1)), m.group(2).strip()
            if self.task_level == "section":
                if self.section is None or self.section not in self._part().sections:
                    self.start_section(len(self.plan.sections) + 1, self._part().title, line)
                self.start_task(number, title, line)
            else:
                self.start_section(number, title.rstrip("。"), line)
            return True
        if self.task_level == "paren" and (m := PAREN_RE.match(text)):
            self.start_task(int(m.group(1)), m.group(2).strip(), line)
            return True
        return False

    def single(self, text: str, line: int) -> None:
        """A paragraph: a heading, a task, a units line, or more text of the task."""
        text = cjk_join(text)
        if self.heading(text, line):
            return
        if self.task_level == "arabic" and BARE_NUMBER.match(text):
            self.pending_number = int(text.rstrip(".、"))
            return
        if self.task_level == "arabic" and (m := TASK_RE.match(text)):
            self.start_task(int(m.group(1)), m.group(2).strip(), line, self._take_title())
        elif is_header_word(text) or DEADLINE.match(text):
            return
        elif looks_like_units(text, known=self.known, groups=self.groups):
            self.saw_units_line = True
            self.add_units(self.units(text, line), line)
        elif self.pending_number is not None:
            self.start_task(self.pending_number, text, line, self._take_title())
            self.pending_number = None
        elif self.task is not None and self.task.units_line is None \
                and self.task.line >= self._block_start():
            self.task.text += text
        elif self.task_level in ("para", "arabic") and self._starts_paragraph_task():
            if self.task_level == "arabic":
                self.pending_title = text  # a title cell above the next numbered task
            else:
                self.start_task(None, text, line)
        else:
            self.plan.warnings.append(f"第{line}行：未能识别，已忽略：{text[:40]}")

    def _block_start(self) -> int:
        heads = [x.line for x in (self.part, self.section) if x is not None]
        return max(heads, default=0)

    def _starts_paragraph_task(self) -> bool:
        return self.task is None or self.task.units_line is not None \
            or self.task.line < self._block_start()

    def _take_title(self) -> str:
        title, self.pending_title = self.pending_title, ""
        return title

    def row(self, cells: tuple[str, ...], line: int, merged: tuple[int, ...] = ()) -> None:
        """A table row. With a header row, columns say what each cell is."""
        columns = header_columns(cells)
        if columns is not None:
            self.columns = columns
            return
        if self.columns is None or len([c for c in cells if c]) == 1 and len(cells) == 1:
            for cell in cells:
                if cell:
                    self.single(cell, line)
            return
        self._row_by_columns(cells, line, merged)

    def _aligned(self, cells: tuple[str, ...], merged: tuple[int, ...]):
        """(extra leading cells, [(column, cell, merged?)]): cells are matched to the
        header from the right, since merged cells drop out on the left."""
        cells = list(cells)
        while len(cells) > len(self.columns) and not cells[-1]:
            cells.pop()
        offset = len(cells) - len(self.columns)
        if offset < 0:  # fewer cells: where they fit best, from the right on a tie
            offset = max(range(offset, 1), key=lambda o: (self._fit(cells, o), -o))
        extra = cells[:offset] if offset > 0 else []
        pairs = []
        for index, cell in enumerate(cells[max(offset, 0):], start=max(offset, 0)):
            column = self.columns[index - offset]
            pairs.append((column, cell, index in merged))
        return extra, pairs

    def _fit(self, cells: list[str], offset: int) -> int:
        """How well cells sit under the columns starting at -offset: units under a
        units header, long text under a text header."""
        score = 0
        for index, cell in enumerate(cells):
            kind = self.columns[index - offset].kind
            if kind == "units":
                score += 2 if not cell or looks_like_units(cell, known=self.known,
                                                           groups=self.groups) else -3
            elif kind in ("text", "title"):
                score += 1 if len(cell) >= 8 else 0
            elif kind == "number":
                score += 1 if BARE_NUMBER.match(cell) else -1
        return score

    def _row_by_columns(self, cells: tuple[str, ...], line: int,
                        merged: tuple[int, ...]) -> None:
        extra, pairs = self._aligned(cells, merged)
        for cell in extra:
            self._extra_cell(cell, line)
        kinds = dict.fromkeys(("number", "title", "text"), "")
        units: list[tuple[Column, str, bool]] = []
        for column, cell, is_merged in pairs:
            if column.kind == "units":
                units.append((column, cell, is_merged))
            elif not cell or column.kind == "ignore":
                continue
            elif self.heading(cell, line):
                continue
            elif BARE_NUMBER.match(cell):
                kinds["number"] = cell.rstrip(".、")
            elif column.kind == "heading":
                self.start_part(None, cell, line)
            elif column.kind in kinds:
                kinds[column.kind] = cjk_join(cell)
        previous = self.task
        self._task_from_cells(kinds, line)
        if self.task is None:
            return
        self._row_units(units, line, same_task=self.task is previous, previous=previous)

    def _extra_cell(self, cell: str, line: int) -> None:
        """A cell left of the header's columns (a heading spanning columns above)."""
        if cell and not self.heading(cell, line) and BARE_NUMBER.match(cell):
            self.pending_number = int(cell.rstrip(".、"))

    def _row_units(self, units, line: int, *, same_task: bool, previous) -> None:
        row_has_lead = any((c.is_lead and cell.strip()) or _LEAD_WORD.search(cell)
                           for c, cell, _m in units)
        shared = [m for c, cell, m in units if cell.strip()]
        if shared and all(shared) and previous is not None and not same_task:
            self.task.shares_units_of = previous.shares_units_of or previous.number
        for column, cell, _merged in units:
            if not cell.strip():
                continue
            refs = self.units(cell, line, column.default_role(row_has_lead=row_has_lead))
            if column.leads_first and refs and not _has_role_word(cell):
                refs[0].role = LEAD
            self.add_units(refs, line)

    def _task_from_cells(self, kinds: dict[str, str], line: int) -> None:
        title, text = kinds["title"], kinds["text"] or kinds["title"]
        if not text:
            return
        number = None
        if kinds["text"] and title and (m := TASK_RE.match(title)):
            number, title = int(m.group(1)), m.group(2).strip()
        elif m := TASK_RE.match(text):
            number, text = int(m.group(1)), m.group(2).strip()
        elif kinds["number"].isdigit():
            number = int(kinds["number"])
        elif self.pending_number is not None:
            number = self.pending_number
        self.pending_number = None
        if text == kinds["text"] == "" or title == text:
            title = ""
        if self.task is not None and self.task.text == text and self.task.title == title:
            return  # a vertically merged task cell: the same task, more units
        self.start_task(number, text, line, title, from_row=True)


def _has_role_word(text: str) -> bool:
    from gongkai.plans.importer.units import has_role_word

    return has_role_word(text)
