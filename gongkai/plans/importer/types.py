"""What the importer reads out of a published plan, before anything is stored."""
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

UNIT = "unit"
GROUP = "group"


@dataclass(frozen=True)
class SourceLine:
    """One logical line of the document: a paragraph, or a table row split into cells.
    ``number`` is what messages call 第N行 (the line, paragraph or row number)."""

    number: int
    cells: tuple[str, ...]
    # Indexes of cells that continue a vertically merged cell of the row above
    # (rowspan, a .docx vMerge): only these share the content of the row above.
    merged: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return " | ".join(self.cells)


@dataclass
class ParsedUnitRef:
    """A unit or group word a task names. ``name`` is the name as the document means
    it (shared prefix restored, simplified); ``raw`` is what was written."""

    name: str
    role: str
    line: int
    kind: str = UNIT
    raw: str = ""
    note: str = ""  # a bracket after the name that describes its duty
    guessed: bool = False  # split or prefixed by the name rules, not by the registry

    def copy(self) -> "ParsedUnitRef":
        return ParsedUnitRef(self.name, self.role, self.line, self.kind, self.raw, self.note,
                             self.guessed)

    @property
    def is_group(self) -> bool:
        return self.kind == GROUP


@dataclass
class ParsedTask:
    number: int
    text: str
    line: int
    title: str = ""
    refs: list[ParsedUnitRef] = field(default_factory=list)
    units_line: int | None = None
    shares_units_of: int | None = None
    from_row: bool = False  # read from a table row with columns (not a units line)
    edited: bool = False  # units typed by the office in the preview


@dataclass
class ParsedSection:
    number: int
    title: str
    line: int
    tasks: list[ParsedTask] = field(default_factory=list)


@dataclass
class ParsedPart:
    number: int
    title: str
    line: int
    sections: list[ParsedSection] = field(default_factory=list)


@dataclass
class ParsedPeriod:
    number: int
    name: str
    deadline: dt.date


@dataclass
class ParsedPlan:
    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    signed_on: dt.date | None = None
    notice_text: str = ""
    periods: list[ParsedPeriod] = field(default_factory=list)
    title_year: int | None = None  # the year the title names (2022年…)
    tail: list[str] = field(default_factory=list)  # 抄送, 附件 … after the table
    parts: list[ParsedPart] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def sections(self) -> list[ParsedSection]:
        return [s for p in self.parts for s in p.sections]

    @property
    def tasks(self) -> list[ParsedTask]:
        return [t for s in self.sections for t in s.tasks]

    def refs(self) -> Iterator[tuple[ParsedTask, ParsedUnitRef]]:
        for task in self.tasks:
            for ref in task.refs:
                yield task, ref
