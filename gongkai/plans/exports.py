"""Spreadsheets of the ledger (工作台账) as an office prints and files them.

Written in openpyxl's write-only mode with a handful of shared styles, so the whole
district's ledger (64 tasks × 80 units) streams out in about a second.
"""
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.plans.selectors.ledger import LedgerRow

# Excel keeps at most this many characters in a cell.
_EXCEL_CELL_LIMIT = 32767
# A cell starting with one of these could be taken for a formula when edited in Excel.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    value: Callable[[LedgerRow], object]
    editable: bool = False


def _part_and_section(r: LedgerRow) -> str:
    return f"{r.part_title}\n{r.section_title}"


def _progress(r: LedgerRow) -> str:
    if not r.progress:
        return ""
    return f"（{r.period_name}）{r.progress}" if r.period_name else r.progress


COLUMNS: tuple[Column, ...] = (
    Column("序号", 6, lambda r: r.task_number),
    Column("工作任务所属部分/项目", 22, _part_and_section),
    Column("具体要求", 48, lambda r: r.task_text),
    Column("落实单位", 16, lambda r: r.unit_name),
    Column("职责", 6, lambda r: r.role_label),
    Column("工作措施", 36, lambda r: r.measures, editable=True),
    Column("任务目标", 28, lambda r: r.target, editable=True),
    Column("完成时限", 13, lambda r: r.due_on, editable=True),
    Column("责任部门", 14, lambda r: r.responsible_dept, editable=True),
    Column("联系人", 9, lambda r: r.contact_person, editable=True),
    Column("联系电话", 14, lambda r: r.contact_phone, editable=True),
    Column("最新推进情况", 40, _progress),
    Column("推进状态", 9, lambda r: r.state_label or "未报送"),
    Column("审核状态", 9, lambda r: r.status_label),
    Column("是否逾期", 9, lambda r: r.late_label),
    Column("退回次数", 8, lambda r: r.return_count),
)
HEADERS = tuple(c.header for c in COLUMNS)
TEMPLATE_NOTE = (
    "填写说明：黄色表头的列（工作措施、任务目标、完成时限、责任部门、联系人、联系电话）可填写，"
    "其余列仅供参考、修改无效；按“序号”对应任务，请勿改动序号。完成时限可写 2022-09-30、"
    "2022/9/30 或 2022年9月30日。空白单元格不修改已填内容；如需清除某项内容，请在该单元格填写“清空”。"
)

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_EDITABLE_FILL = PatternFill("solid", fgColor="FFF2CC")
_DATE_FORMAT = 'yyyy"年"m"月"d"日"'


class _Styles:
    """Cells that share one look share one style record: each look is built once on a
    sample cell and copied by reference, which keeps 80,000 cells fast."""

    def __init__(self, ws):
        self.ws = ws
        self._looks: dict[tuple, object] = {}

    def cell(self, value, *, bold=False, fill=None, align=_WRAP, border=True, size=None):
        formula_like = isinstance(value, str) and value.startswith(_FORMULA_STARTS)
        is_date = isinstance(value, dt.date)
        cell = WriteOnlyCell(self.ws, value=_safe(value))
        key = (bold, id(fill), id(align), border, size, formula_like, is_date)
        look = self._looks.get(key)
        if look is None:
            look = self._looks[key] = self._build(bold=bold, fill=fill, align=align,
                                                  border=border, size=size,
                                                  formula_like=formula_like,
                                                  is_date=is_date)
        cell._style = look
        if formula_like:
            # Stored as text, with the quote prefix so that editing it in Excel keeps it
            # text: a unit's "=HYPERLINK(…)" never becomes a live formula.
            cell.data_type = "s"
        return cell

    def _build(self, *, bold, fill, align, border, size, formula_like, is_date):
        sample = WriteOnlyCell(self.ws)
        if bold or size:
            sample.font = Font(bold=bold, size=size or 11)
        if fill is not None:
            sample.fill = fill
        sample.alignment = align
        if border:
            sample.border = _BORDER
        if is_date:
            sample.number_format = _DATE_FORMAT
        if formula_like:
            sample.quotePrefix = True
        return sample._style


def _safe(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:_EXCEL_CELL_LIMIT]
    return value


def ledger_workbook(rows: Iterable[LedgerRow], *, title: str) -> bytes:
    """The ledger as an .xlsx: title row, Chinese headers, one row per task and unit,
    autofilter, frozen header, A4 landscape fitted to the page width."""
    return _workbook(rows, title=title, template=False)


def breakdown_template(rows: Iterable[LedgerRow], *, title: str) -> bytes:
    """The same workbook for a unit to fill in: the editable columns' headers are
    highlighted and a note row explains how the upload reads them."""
    return _workbook(rows, title=title, template=True)


def _workbook(rows: Iterable[LedgerRow], *, title: str, template: bool) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("工作台账")
    _page_setup(ws)
    styles = _Styles(ws)
    last_col = get_column_letter(len(COLUMNS))
    header_row = 3 if template else 2
    # Views and columns precede the cells in the file: set before the first row.
    ws.freeze_panes = f"A{header_row + 1}"

    ws.append([styles.cell(title, bold=True, size=16, align=_CENTER, border=False)])
    ws.merged_cells.add(f"A1:{last_col}1")
    if template:
        ws.append([styles.cell(TEMPLATE_NOTE, border=False)])
        ws.merged_cells.add(f"A2:{last_col}2")
    ws.append([
        styles.cell(c.header, bold=True, align=_CENTER,
                    fill=_EDITABLE_FILL if (template and c.editable) else _HEADER_FILL)
        for c in COLUMNS
    ])
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007 - count is used below
        ws.append([styles.cell(c.value(row)) for c in COLUMNS])
    last_row = header_row + max(count, 1)

    ws.auto_filter.ref = f"A{header_row}:{last_col}{last_row}"
    ws.print_title_rows = f"1:{header_row}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _page_setup(ws) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
