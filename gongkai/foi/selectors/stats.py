"""Annual-report tables 三 and 四 (国办公开办函〔2021〕30号), computed from the applications.

Each table is one aggregate query whatever the number of applications: the database
counts by applicant type and outcome (table 三) or by kind and result (table 四), and
Python only arranges the few dozen aggregated numbers into the template's rows.

How an application is placed in the year ``Y`` (the template's practice):

- 一 本年新收: received (date of receipt under Art. 31) in ``Y``. An online application not
  yet confirmed as received (status 待确认收到, no date) is not counted anywhere.
- 二 上年结转: received before ``Y`` and not replied before 1 January of ``Y``.
- 三 本年度办理结果: replied in ``Y`` (``replied_on``), by its one outcome code.
- 四 结转下年度继续办理: received by 31 December of ``Y`` and not replied by then.

so that in every column 一 + 二 = 三(七) + 四 holds for consistent data.

Table 四 is cut off at 31 December of ``Y``, whatever day it is drawn up, so the
figures frozen with the annual report can be recomputed at any later time:

- a case **filed (accepted) in ``Y``** counts with its result as of 31 December: one
  decided after the year is 尚未审结 in ``Y``;
- a case filed **before** ``Y`` and decided **in** ``Y`` counts in ``Y`` with its result
  (the later decision is reported the next year, as the template's practice has it);
- a case filed before ``Y`` and still undecided at its end is not counted again.

The cases belong to the unit whose application they concern (the original agency), so
a case in which the reconsideration body is a co-defendant is counted once, for that
unit.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.foi.codes import AppealKind, AppealResult, ApplicantType, Outcome
from gongkai.foi.models import Appeal, Application, Status
from gongkai.orgs.models import Unit

TOTAL = "total"
# The Regulation first took effect on 2008-05-01: no annual report before that year.
FIRST_REPORT_YEAR = 2008
LEGAL_PERSON_GROUP = "法人或其他组织"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    group: str = ""


# The template's columns: 自然人 | 法人或其他组织 (five kinds, no subtotal) | 总计.
COLUMNS: tuple[Column, ...] = (
    Column(ApplicantType.NATURAL_PERSON.value, "自然人"),
    Column(ApplicantType.COMMERCIAL.value, "商业企业", LEGAL_PERSON_GROUP),
    Column(ApplicantType.RESEARCH.value, "科研机构", LEGAL_PERSON_GROUP),
    Column(ApplicantType.NON_PROFIT.value, "社会公益组织", LEGAL_PERSON_GROUP),
    Column(ApplicantType.LEGAL_SERVICE.value, "法律服务机构", LEGAL_PERSON_GROUP),
    Column(ApplicantType.OTHER_ORG.value, "其他", LEGAL_PERSON_GROUP),
    Column(TOTAL, "总计"),
)
TYPE_KEYS = tuple(c.key for c in COLUMNS if c.key != TOTAL)

NEW, CARRIED, CLOSED, FORWARD = "new", "carried", "closed", "forward"
SECTION_ONE = "一、本年新收政府信息公开申请数量"
SECTION_TWO = "二、上年结转政府信息公开申请数量"
SECTION_THREE = "三、本年度办理结果"
SECTION_FOUR = "四、结转下年度继续办理"
CLOSED_LABEL = "（七）总计"

# Outcome code → (group heading, row label), from foi-rules.md; "" = a row of its own.
OUTCOME_ROWS: tuple[tuple[str, str, str], ...] = (
    ("1", "", "（一）予以公开"),
    ("2", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("3.1", "（三）不予公开", "1.属于国家秘密"),
    ("3.2", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("3.3", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("3.4", "（三）不予公开", "4.保护第三方合法权益"),
    ("3.5", "（三）不予公开", "5.属于三类内部事务信息"),
    ("3.6", "（三）不予公开", "6.属于四类过程性信息"),
    ("3.7", "（三）不予公开", "7.属于行政执法案卷"),
    ("3.8", "（三）不予公开", "8.属于行政查询事项"),
    ("4.1", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("4.2", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("4.3", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("5.1", "（五）不予处理", "1.信访举报投诉类申请"),
    ("5.2", "（五）不予处理", "2.重复申请"),
    ("5.3", "（五）不予处理", "3.要求提供公开出版物"),
    ("5.4", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("5.5", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("6.1", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("6.2", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("6.3", "（六）其他处理", "3.其他"),
)
OUTCOME_CODES = tuple(code for code, _group, _label in OUTCOME_ROWS)
assert set(OUTCOME_CODES) == set(Outcome.values), "table 三 must list every outcome code"


@dataclass
class Row:
    """One row of table 三: ``values`` maps a column key to its count."""

    key: str
    label: str
    section: str = ""  # 三、本年度办理结果 for the outcome rows and (七)
    group: str = ""  # （三）不予公开 … for the numbered sub-rows
    values: dict[str, int] = field(default_factory=dict)

    @property
    def full_label(self) -> str:
        return " ".join(part for part in (self.group, self.label) if part)


@dataclass
class TableThree:
    year: int
    unit: str | None  # None: the whole district
    rows: list[Row]
    columns: tuple[Column, ...] = COLUMNS

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def as_dict(self) -> dict:
        return {
            "columns": [{"key": c.key, "label": c.label, "group": c.group}
                        for c in self.columns],
            "rows": [{"key": r.key, "label": r.label, "section": r.section,
                      "group": r.group,
                      "values": {c.label: r.values[c.key] for c in self.columns}}
                     for r in self.rows],
        }


KIND_BLOCKS: tuple[tuple[str, str, str], ...] = (
    # (kind, block heading, sub-heading)
    (AppealKind.RECONSIDERATION.value, "行政复议", ""),
    (AppealKind.LITIGATION_DIRECT.value, "行政诉讼", "未经复议直接起诉"),
    (AppealKind.LITIGATION_AFTER.value, "行政诉讼", "复议后起诉"),
)
RESULT_COLUMNS: tuple[tuple[str, str], ...] = (
    (AppealResult.UPHELD.value, "结果维持"),
    (AppealResult.CORRECTED.value, "结果纠正"),
    (AppealResult.OTHER.value, "其他结果"),
    (AppealResult.PENDING.value, "尚未审结"),
    (TOTAL, "总计"),
)


@dataclass
class Block:
    kind: str
    label: str
    sub_label: str
    values: dict[str, int]

    @property
    def full_label(self) -> str:
        return f"{self.label} {self.sub_label}".strip()


@dataclass
class TableFour:
    year: int
    unit: str | None
    blocks: list[Block]

    def block(self, kind: str) -> Block:
        return next(b for b in self.blocks if b.kind == kind)

    def numbers(self) -> list[int]:
        """The 15 numbers in the template's order, left to right."""
        return [b.values[key] for b in self.blocks for key, _label in RESULT_COLUMNS]

    def as_dict(self) -> dict:
        return {
            "columns": [label for _key, label in RESULT_COLUMNS],
            "blocks": [{"key": b.kind, "label": b.label, "sub_label": b.sub_label,
                        "values": {label: b.values[key] for key, label in RESULT_COLUMNS}}
                       for b in self.blocks],
        }


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _received(unit: Unit | None):
    qs = Application.objects.filter(received_on__isnull=False).exclude(status=Status.PENDING)
    return qs.filter(unit=unit) if unit is not None else qs


def table_three(*, year: int, unit: Unit | None = None) -> TableThree:
    """Table 三 of ``unit`` (or the district) for ``year``: one query."""
    start, end = _year_bounds(year)
    open_at_start = Q(replied_on__isnull=True) | Q(replied_on__gte=start)
    open_at_end = Q(replied_on__isnull=True) | Q(replied_on__gt=end)
    aggregates = (
        _received(unit)
        # Only the applications that touch the year: received by its end, and either
        # received in it or still open at its start.
        .filter(Q(received_on__gte=start) | open_at_start, received_on__lte=end)
        .values("applicant_type", "outcome")
        .annotate(
            **{NEW: Count("pk", filter=Q(received_on__gte=start)),
               CARRIED: Count("pk", filter=Q(received_on__lt=start)),
               CLOSED: Count("pk", filter=Q(replied_on__gte=start, replied_on__lte=end)),
               FORWARD: Count("pk", filter=open_at_end)}
        )
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}  # row key → column key → n
    for item in aggregates:
        kind, outcome = item["applicant_type"], item["outcome"]
        for key in (NEW, CARRIED, FORWARD):
            _add(counts, key, kind, item[key])
        _add(counts, CLOSED, kind, item[CLOSED])
        if outcome in OUTCOME_CODES:
            _add(counts, outcome, kind, item[CLOSED])
    return TableThree(year=year, unit=unit.name if unit else None, rows=_rows(counts))


def _add(counts: dict, row: str, kind: str, n: int) -> None:
    if n:
        cells = counts.setdefault(row, {})
        cells[kind] = cells.get(kind, 0) + n


def _values(cells: dict[str, int] | None) -> dict[str, int]:
    cells = cells or {}
    values = {key: cells.get(key, 0) for key in TYPE_KEYS}
    # An applicant type outside the template's list still counts in 总计.
    values[TOTAL] = sum(cells.values())
    return values


def _rows(counts: dict) -> list[Row]:
    rows = [Row(NEW, SECTION_ONE, values=_values(counts.get(NEW))),
            Row(CARRIED, SECTION_TWO, values=_values(counts.get(CARRIED)))]
    rows += [Row(code, label, section=SECTION_THREE, group=group,
                 values=_values(counts.get(code)))
             for code, group, label in OUTCOME_ROWS]
    rows.append(Row(CLOSED, CLOSED_LABEL, section=SECTION_THREE,
                    values=_values(counts.get(CLOSED))))
    rows.append(Row(FORWARD, SECTION_FOUR, values=_values(counts.get(FORWARD))))
    return rows


def check_consistency(table: TableThree) -> list[str]:
    """The template's 勾稽关系, per column: 一 + 二 = 三(七) + 四, and (七) equals the sum
    of (一), (二) and every sub-row of (三)–(六); also 总计 = the sum of the applicant
    columns. One Chinese message per broken rule and column; empty when it holds."""
    problems = []
    new, carried = table.row(NEW).values, table.row(CARRIED).values
    closed, forward = table.row(CLOSED).values, table.row(FORWARD).values
    for column in table.columns:
        key = column.key
        left, right = new[key] + carried[key], closed[key] + forward[key]
        if left != right:
            problems.append(
                _("“%(col)s”列：一、本年新收与二、上年结转之和（%(left)d）不等于"
                  "三、（七）总计与四、结转下年度之和（%(right)d）。")
                % {"col": column.label, "left": left, "right": right})
        outcomes = sum(table.row(code).values[key] for code in OUTCOME_CODES)
        if outcomes != closed[key]:
            problems.append(
                _("“%(col)s”列：（七）总计（%(total)d）不等于（一）至（六）各项之和"
                  "（%(sum)d）。") % {"col": column.label, "total": closed[key],
                                    "sum": outcomes})
    for row in table.rows:
        by_type = sum(row.values[k] for k in TYPE_KEYS)
        if by_type != row.values[TOTAL]:
            problems.append(
                _("“%(row)s”行：总计（%(total)d）不等于各类申请人之和（%(sum)d）。")
                % {"row": row.full_label, "total": row.values[TOTAL], "sum": by_type})
    return problems


def table_four(*, year: int, unit: Unit | None = None) -> TableFour:
    """Table 四 of ``unit`` (or the district) for ``year``: one query."""
    start, end = _year_bounds(year)
    filed_in_year = Q(filed_on__gte=start, filed_on__lte=end)
    decided_in_year = Q(filed_on__lt=start, decided_on__gte=start, decided_on__lte=end)
    qs = Appeal.objects.filter(filed_in_year | decided_in_year)
    if unit is not None:
        qs = qs.filter(application__unit=unit)
    # The result as it stood on 31 December: a decision after the year is not known yet.
    as_of_end = Case(When(decided_on__gt=end, then=Value(AppealResult.PENDING.value)),
                     default=F("result"), output_field=CharField())
    counts = {(r["kind"], r["year_result"]): r["n"]
              for r in qs.annotate(year_result=as_of_end).values("kind", "year_result")
              .annotate(n=Count("pk")).order_by()}
    blocks = []
    for kind, label, sub_label in KIND_BLOCKS:
        values = {key: counts.get((kind, key), 0) for key, _l in RESULT_COLUMNS[:-1]}
        values[TOTAL] = sum(values.values())
        blocks.append(Block(kind=kind, label=label, sub_label=sub_label, values=values))
    return TableFour(year=year, unit=unit.name if unit else None, blocks=blocks)


def report_year(value, *, today: dt.date) -> int:
    """The report year in ``value`` (text from a form or a command line), or an
    ``ApplicationError`` in Chinese: not a number, before 2008, or in the future."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise ApplicationError(_("年度“%(v)s”无效，请填写四位数字年份，例如 2025。")
                               % {"v": text[:20]})
    year = int(text)
    if not FIRST_REPORT_YEAR <= year <= today.year:
        raise ApplicationError(_("年度须在 %(lo)d 年至 %(hi)d 年之间。")
                               % {"lo": FIRST_REPORT_YEAR, "hi": today.year})
    return year
