"""Reading a published plan (plain text, .docx, HTML) into a ParsedPlan.

``read_lines`` → ``parse_plan`` → ``resolve_refs``; nothing here writes to the database
(``gongkai.plans.services.importing`` stores the result).
"""
from gongkai.plans.importer.parser import parse_plan
from gongkai.plans.importer.readers import read_lines
from gongkai.plans.importer.resolve import Resolution, known_keys, resolve_refs
from gongkai.plans.importer.types import (
    ParsedPart,
    ParsedPeriod,
    ParsedPlan,
    ParsedSection,
    ParsedTask,
    ParsedUnitRef,
    SourceLine,
)

__all__ = [
    "ParsedPart", "ParsedPeriod", "ParsedPlan", "ParsedSection", "ParsedTask",
    "ParsedUnitRef", "Resolution", "SourceLine", "known_keys", "parse_plan", "read_lines",
    "resolve_refs",
]
