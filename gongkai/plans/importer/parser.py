"""From logical lines to a ParsedPlan. Pure functions: nothing here touches the database.

The table is read as a stream of events (part heading, section heading, task, units).
A units line belongs to the task before it; tasks with no units line of their own
share the units of the nearest task before them that has one (a merged table cell).
"""
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from gongkai.core.text import normalize as clean
from gongkai.plans.importer import meta
from gongkai.plans.importer.cleaning import prettify
from gongkai.plans.importer.types import (
    ParsedPart,
    ParsedPlan,
    ParsedSection,
    ParsedTask,
    ParsedUnitRef,
    SourceLine,
)
from gongkai.plans.importer.units import IMPLEMENT, LEAD, looks_like_units, parse_units

PART_RE = re.compile(r"^([一二三四五六七八九十]+)、\s*(.+)$")
SECTION_RE = re.compile(r"^\(([一二三四五六七八九十]+)\)\s*(.+)$")
TASK_RE = re.compile(r"^(\d{1,3})\s*[.、]\s*(?!\d)(.+)$")

# Column headers, and what a column holds.
COLUMNS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("序号", "编号"), "number"),
    (("牵头单位", "牵头部门", "牵头"), "lead"),
    (("配合单位", "协办单位", "配合部门", "会办单位"), "cooperate"),
    (("落实单位", "责任单位", "责任部门", "实施单位", "承办单位", "负责单位", "落实部门"), "units"),
    (("具体要求", "工作要求", "主要内容", "工作内容", "具体内容", "任务内容", "工作措施",
      "具体措施"), "text"),
    (("工作任务", "任务", "重点任务", "主要任务", "任务名称"), "title"),
    (("目标", "工作目标", "类别", "领域", "板块"), "heading"),
    (("完成时限", "时间", "完成时间", "时限", "备注"), "ignore"),
)
_HEADER_WORDS = {word: kind for words, kind in COLUMNS for word in words}
_ROLE_OF_COLUMN = {"lead": LEAD, "cooperate": "cooperate", "units": IMPLEMENT}


def _is_header(cells: tuple[str, ...]) -> bool:
    words = [c.replace(" ", "") for c in cells if c]
    return bool(words) and all(w in _HEADER_WORDS for w in words) and (
        len(words) > 1 or words[0] in _HEADER_WORDS)


@dataclass
class _Builder:
    """The plan as it is being read, and where the reader stands in it."""

    known: Collection[str]
    plan: ParsedPlan = field(default_factory=ParsedPlan)
    part: ParsedPart | None = None
    section: ParsedSection | None = None
    task: ParsedTask | None = None
    columns: list[str] | None = None

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
            part = self._part()  # may open a default part, which resets the section
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

    def start_task(self, number: int | None, text: str, line: int, title: str = "") -> None:
        tasks = self.plan.tasks
        used = {t.number for t in tasks}
        if number is None or number in used:
            if number in used:
                self.plan.warnings.append(f"第{line}行：任务序号 {number} 重复，已顺延编号。")
            number = max(used, default=0) + 1
        self.task = ParsedTask(number=number, text=text, line=line, title=title)
        self._section().tasks.append(self.task)

    def add_units(self, refs: list[ParsedUnitRef], line: int) -> None:
        if self.task is None:
            self.plan.warnings.append(f"第{line}行：责任单位出现在任何任务之前，已忽略。")
            return
        have = {(r.kind, r.name) for r in self.task.refs}
        self.task.refs.extend(r for r in refs if (r.kind, r.name) not in have)
        if self.task.units_line is None:
            self.task.units_line = line

    # Lines -------------------------------------------------------------------------
    def heading(self, text: str, line: int) -> bool:
        if m := PART_RE.match(text):
            self.start_part(meta.chinese_number(m.group(1)), m.group(2).strip(), line)
            return True
        if m := SECTION_RE.match(text):
            self.start_section(meta.chinese_number(m.group(1)),
                               m.group(2).strip().rstrip("。"), line)
            return True
        return False

    def single(self, text: str, line: int) -> None:
        """A paragraph: a heading, a task, a units line, or more text of the task."""
        if self.heading(text, line):
            return
        if m := TASK_RE.match(text):
            self.start_task(int(m.group(1)), m.group(2).strip(), line)
        elif looks_like_units(text, known=self.known):
            self.add_units(parse_units(text, line=line, known=self.known), line)
        elif self.task is not None and self.task.units_line is None \
                and not _is_header((text,)):
            self.task.text += text
        elif not _is_header((text,)):
            self.plan.warnings.append(f"第{line}行：未能识别，已忽略：{text[:40]}")

    def row(self, cells: tuple[str, ...], line: int) -> None:
        """A table row. With a header row, columns say what each cell is."""
        if _is_header(cells):
            self.columns = [_HEADER_WORDS[c.replace(" ", "")] if c else "ignore"
                            for c in cells]
            return
        if self.columns is None or len(cells) == 1:
            self._row_by_content(cells, line)
        else:
            self._row_by_columns(cells, line)

    def _row_by_content(self, cells: tuple[str, ...], line: int) -> None:
        for cell in cells:
            if cell:
                self.single(cell, line)

    def _row_by_columns(self, cells: tuple[str, ...], line: int) -> None:
        kinds = dict.fromkeys(("number", "title", "text"), "")
        units: list[tuple[str, str]] = []
        for kind, cell in zip(self.columns, cells, strict=False):
            if not cell or kind == "ignore":
                continue
            if kind in _ROLE_OF_COLUMN:
                units.append((cell, _ROLE_OF_COLUMN[kind]))
            elif self.heading(cell, line):
                continue
            elif kind == "heading":
                self.start_part(None, cell, line)
            else:
                kinds[kind] = cell
        self._task_from_cells(kinds, line)
        for cell, role in units:
            self.add_units(parse_units(cell, line=line, default_role=role, known=self.known),
                           line)

    def _task_from_cells(self, kinds: dict[str, str], line: int) -> None:
        title, text = kinds["title"], kinds["text"] or kinds["title"]
        if not text:
            return
        if kinds["text"] and title and (m := TASK_RE.match(title)):
            number, title = int(m.group(1)), m.group(2).strip()
        elif m := TASK_RE.match(text):
            number, text = int(m.group(1)), m.group(2).strip()
        else:
            number = int(kinds["number"]) if kinds["number"].isdigit() else None
        if text == kinds["text"] == "" or title == text:
            title = ""
        if self.task is not None and self.task.text == text and self.task.title == title:
            return  # a vertically merged task cell: the same task, more units
        self.start_task(number, text, line, title)


def _table_start(lines: list[SourceLine]) -> int:
    """Index of the first line of the task table (after the notice)."""
    texts = [clean(line.cells[0]) if len(line.cells) == 1 else "" for line in lines]
    first_task = next((i for i, line in enumerate(lines)
                       if any(TASK_RE.match(clean(c)) for c in line.cells)), len(lines))
    for i, line in enumerate(lines[:first_task]):
        if _is_header(tuple(clean(c) for c in line.cells)):
            return i
    start = first_task
    while start > 0 and (PART_RE.match(texts[start - 1]) or SECTION_RE.match(texts[start - 1])):
        start -= 1
    return start


def parse_plan(lines: list[SourceLine], *, year: int | None = None,
               known: Collection[str] = ()) -> ParsedPlan:
    """Read a whole published plan. ``known`` holds ``name_key`` of registry names."""
    start = _table_start(lines)
    builder = _Builder(known=known)
    builder.plan = _read_notice([clean(" ".join(ln.cells)) for ln in lines[:start]], year)
    for line in lines[start:]:
        cells = tuple(clean(c) for c in line.cells)
        if len(cells) == 1:
            builder.single(cells[0], line.number)
        else:
            builder.row(cells, line.number)
    _share_units(builder.plan)
    _prettify(builder.plan)
    return builder.plan


def _prettify(plan: ParsedPlan) -> None:
    plan.notice_text = prettify(plan.notice_text)
    for part in plan.parts:
        part.title = prettify(part.title)
        for section in part.sections:
            section.title = prettify(section.title)
            for task in section.tasks:
                task.text, task.title = prettify(task.text), prettify(task.title)


def _share_units(plan: ParsedPlan) -> None:
    previous: ParsedTask | None = None
    for task in plan.tasks:
        if task.refs:
            previous = task
        elif previous is not None:
            task.shares_units_of = previous.number
            task.refs = [ParsedUnitRef(r.name, r.role, r.line, r.kind, r.raw)
                         for r in previous.refs]
        else:
            plan.warnings.append(f"第{task.line}行：任务 {task.number} 没有责任单位。")


def _read_notice(texts: list[str], year: int | None) -> ParsedPlan:
    fields = meta.meta_fields(texts)
    notice_title, plan_title = meta.find_titles(texts, fields)
    sign_index = next((i for i, t in enumerate(texts) if meta.standalone_date(t)), None)
    signed_on = meta.standalone_date(texts[sign_index]) if sign_index is not None else None
    issuer, body_end = "", sign_index if sign_index is not None else len(texts)
    if sign_index:
        candidate = texts[sign_index - 1]
        if len(candidate) < 80 and not candidate.endswith(("。", ":", ";")):
            issuer, body_end = candidate, sign_index - 1
    if not issuer and "关于" in notice_title:
        issuer = notice_title.split("关于", 1)[0]
    issuer = issuer or fields.get("发布机构", "")
    if signed_on is None and fields.get("成文日期"):
        signed_on = meta.standalone_date(fields["成文日期"])
    body = _notice_body(texts, body_end)
    default_year = year or (signed_on.year if signed_on else None)
    return ParsedPlan(
        title=plan_title or notice_title, doc_number=meta.find_doc_number(texts, fields),
        issuer=issuer, signed_on=signed_on, notice_text=body,
        periods=meta.report_periods(body, default_year),
    )


def _notice_body(texts: list[str], end: int) -> str:
    """From the addressees (黄埔区各街道、镇，…:) to the signature, exclusive."""
    begin = next((i for i, t in enumerate(texts[:end]) if t.endswith(":") and "各" in t), None)
    if begin is None:
        begin = next((i + 1 for i, t in enumerate(texts[:end]) if t.endswith("通知")), 0)
    return "\n".join(texts[begin:end]).strip()
