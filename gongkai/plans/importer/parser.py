"""From logical lines to a ParsedPlan. Pure functions: nothing here touches the database.

The notice comes first (up to its signature), then the table or the prose of tasks,
then perhaps an issuer, a date, 抄送 and 附件 (metadata, never units of the last task).
Units come from columns (a header names each column's role), from a units line after
the task, or from a bracket or last clause of the task's own text. Units are shared
with the task above only where the document merged them: a rowspan or a vertically
merged .docx cell, or the seed's layout where a units line follows the first of the
tasks that share it. An empty units cell means no unit is named.
"""
import re
from collections.abc import Collection, Mapping

from gongkai.core.text import normalize as clean
from gongkai.plans.importer import meta
from gongkai.plans.importer.builder import (
    BARE_NUMBER,
    PAREN_RE,
    PART_RE,
    SECTION_RE,
    TASK_RE,
    Builder,
)
from gongkai.plans.importer.cleaning import prettify
from gongkai.plans.importer.headers import header_columns, is_header_word
from gongkai.plans.importer.names import places_in
from gongkai.plans.importer.roles import LABEL_ROLE_WORDS
from gongkai.plans.importer.types import ParsedPlan, ParsedTask, SourceLine
from gongkai.plans.importer.units import has_role_word, looks_like_units, parse_units

_TAIL_WORDS = re.compile(r"^(?:抄送|抄报|印发|附件|此件|\(此件|联系人|联系电话|主题词|"
                         r"[^,。;]{0,40}\d{4}年\d{1,2}月\d{1,2}日印发$)")
_ISSUER_ENDS = ("政府", "办公室", "办公厅", "委员会", "管委会", "局", "委", "办", "厅", "中心")
_INLINE_BRACKET = re.compile(r"\(([^()]{2,300})\)")
_LABEL_START = re.compile(r"(?<=[。;])\s*(?:{})(?:单位|部门)\s*:".format(
    "|".join(LABEL_ROLE_WORDS)))


def _texts(lines: list[SourceLine]) -> list[str]:
    return [clean(line.cells[0]) if len(line.cells) == 1 else "" for line in lines]


def _signature_index(texts: list[str], limit: int) -> int | None:
    return next((i for i, t in enumerate(texts[:limit]) if meta.standalone_date(t)), None)


def _header_index(lines: list[SourceLine], texts: list[str], begin: int) -> int | None:
    for i in range(begin, len(lines)):
        cells = tuple(clean(c) for c in lines[i].cells)
        if len(cells) > 1 and header_columns(cells) is not None:
            return i
        if texts[i] and is_header_word(texts[i]) and i + 1 < len(texts) \
                and texts[i + 1] and is_header_word(texts[i + 1]):
            return i
    return None


def _is_task_start(line: SourceLine) -> bool:
    cells = [clean(c) for c in line.cells]
    return any(TASK_RE.match(c) for c in cells) or (
        len(cells) == 1 and BARE_NUMBER.match(cells[0]) is not None) or (
        len(cells) > 1 and any(BARE_NUMBER.match(c) for c in cells))


def task_level(lines: list[SourceLine], texts: list[str], known: Collection[str],
               groups: Mapping[str, str] | None) -> str:
    """Which numbered level holds the tasks (see ``Builder``)."""
    if any(_is_task_start(line) for line in lines):
        return "arabic"
    counts = {"paren": sum(1 for t in texts if PAREN_RE.match(t)),
              "section": sum(1 for t in texts if SECTION_RE.match(t)),
              "part": sum(1 for t in texts if PART_RE.match(t))}
    deepest = next((level for level, n in counts.items() if n), None)
    units_lines = sum(1 for t in texts if t and not PART_RE.match(t) and not SECTION_RE.match(t)
                      and looks_like_units(t, known=known, groups=groups))
    if deepest is None and not units_lines:
        return "none"  # neither numbered items nor paragraphs with their units
    if deepest is None or units_lines > counts[deepest]:
        return "para"
    return deepest


def _table_start(lines: list[SourceLine], texts: list[str], level: str) -> int:
    """Index of the first line of the task table or prose (after the notice)."""
    sign = _signature_index(texts, len(texts))
    begin = sign + 1 if sign is not None else 0
    header = _header_index(lines, texts, 0)
    if header is not None:
        return header
    if level == "arabic":
        first = next((i for i in range(begin, len(lines)) if _is_task_start(lines[i])), None)
        if first is None:  # the date was not a signature
            first = next((i for i, ln in enumerate(lines) if _is_task_start(ln)), len(lines))
    else:
        first = next((i for i in range(begin, len(lines))
                      if PART_RE.match(texts[i]) or SECTION_RE.match(texts[i])
                      or PAREN_RE.match(texts[i])), begin)
    start = first
    while start > begin and (PART_RE.match(texts[start - 1]) or SECTION_RE.match(texts[start - 1])):
        start -= 1
    return start


def _tail_start(texts: list[str], start: int) -> int:
    """Index where the closing block (issuer, date, 抄送, 附件) begins; len(texts) if
    there is none. Read backwards from the end, one kind of line at a time."""
    end = len(texts)
    i = end - 1
    saw_date = False
    while i >= start:
        text = texts[i].replace(" ", "")
        if not text:
            i -= 1
            continue
        if _TAIL_WORDS.match(text):
            end = i
        elif meta.standalone_date(text):
            saw_date, end = True, i
        elif saw_date and len(text) <= 40 and text.endswith(_ISSUER_ENDS) \
                and "。" not in text and i >= end - 3:
            end = i
        else:
            break
        i -= 1
    return end


def parse_plan(lines: list[SourceLine], *, year: int | None = None,
               known: Collection[str] = (), groups: Mapping[str, str] | None = None
               ) -> ParsedPlan:
    """Read a whole published plan. ``known`` holds ``name_key`` of registry names;
    ``groups`` maps spelling keys to the registry's group names."""
    texts = _texts(lines)
    # A table row is never part of the closing block (its text is kept apart above).
    tail = _tail_start([t if len(ln.cells) == 1 else "\x00row" for t, ln in zip(
        texts, lines, strict=True)], 0)
    sign = _signature_index(texts, tail)
    begin = sign + 1 if sign is not None else 0
    level = task_level(lines[begin:tail], texts[begin:tail], known, groups)
    start = _table_start(lines[:tail], texts[:tail], level)
    tail = max(start, tail)
    plan = _read_notice([clean(" ".join(ln.cells)) for ln in lines[:start]], year)
    plan.title_year = meta.title_year(plan.title)
    _read_tail(plan, texts[tail:])
    builder = Builder(known=known, groups=groups, task_level=level, plan=plan,
                      places=places_in(plan.title + plan.issuer))
    for line in lines[start:tail]:
        cells = tuple(clean(c) for c in line.cells)
        if len(cells) == 1:
            builder.single(cells[0], line.number)
        else:
            builder.row(cells, line.number, line.merged)
    for task in plan.tasks:
        if not task.refs and not task.from_row:
            _inline_units(task, builder)
    _share_units(plan, builder.saw_units_line)
    _prettify(plan)
    return plan


def _read_tail(plan: ParsedPlan, texts: list[str]) -> None:
    plan.tail = [t for t in texts if t]
    for text in plan.tail:
        date = meta.standalone_date(text)
        if date and plan.signed_on is None:
            plan.signed_on = date
    issuers = [t for t in plan.tail if t.endswith(_ISSUER_ENDS) and not _TAIL_WORDS.match(t)]
    if issuers and not plan.issuer:
        plan.issuer = " ".join(issuers)


def _inline_units(task: ParsedTask, builder: Builder) -> None:
    """Units written into the task's own text: "(市政府办公厅牵头，各区政府负责落实)" or a
    last clause "市卫生健康委牵头，各区政府落实"."""
    found, text = [], task.text
    for m in list(_INLINE_BRACKET.finditer(task.text)):
        inner = m.group(1)
        if not has_role_word(inner):
            continue
        refs = builder.units(inner, task.line)
        if refs and all(r.is_group or len(r.raw) <= 40 for r in refs):
            found.extend(refs)
            text = text.replace(m.group(0), "", 1)
    if not found and (m := _LABEL_START.search(text)) and m.start() > 0:
        units = text[m.start():]  # "…。牵头单位：市发改委。配合单位：市财政局。"
        refs = builder.units(units.replace("。", ";"), task.line)
        if refs and looks_like_units(units.replace("。", ";").strip(";"), known=builder.known,
                                     groups=builder.groups):
            found, text = refs, text[:m.start()]
    if not found:
        head, sep, last = text.rstrip("。").rpartition("。")
        if sep and has_role_word(last) and looks_like_units(last, known=builder.known,
                                                            groups=builder.groups):
            found = parse_units(last, line=task.line, known=builder.known,
                                groups=builder.groups, places=builder.places)
            text = head + "。"
    seen = set()
    for ref in found:
        if (ref.kind, ref.name) not in seen:
            seen.add((ref.kind, ref.name))
            task.refs.append(ref)
    task.text = text.strip()


def _prettify(plan: ParsedPlan) -> None:
    plan.notice_text = prettify(plan.notice_text)
    for part in plan.parts:
        part.title = prettify(part.title)
        for section in part.sections:
            section.title = prettify(section.title)
            for task in section.tasks:
                task.text, task.title = prettify(task.text), prettify(task.title)


def _share_units(plan: ParsedPlan, layout_shares: bool) -> None:
    """The seed's layout: a units line follows only the first of the tasks that share
    it. Tasks read from table rows share only where a cell was merged (the builder
    marks those); an empty cell names nobody."""
    previous: ParsedTask | None = None
    for task in plan.tasks:
        if task.refs:
            previous = task
        elif layout_shares and not task.from_row and previous is not None:
            task.shares_units_of = previous.number
            task.refs = [r.copy() for r in previous.refs]
        else:
            plan.warnings.append(f"第{task.line}行：任务 {task.number} 未列明责任单位。")


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
