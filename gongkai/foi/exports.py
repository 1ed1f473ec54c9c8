"""Annual-report tables 三 and 四 as an .xlsx laid out like the national template
(国办公开办函〔2021〕30号): merged header cells, the template's Chinese labels, borders,
fitted to an A4 page for printing."""
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.foi.selectors.stats import (
    RESULT_COLUMNS,
    SECTION_THREE,
    TableFour,
    TableThree,
)

THREE_TITLE = "三、收到和处理政府信息公开申请情况"
FOUR_TITLE = "四、政府信息公开行政复议、行政诉讼情况"
RULE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_BOLD = Font(bold=True)
_LABEL_COLS = 3  # 三 / （三）不予公开 / 1.属于国家秘密
_HEADER_ROW = 3  # first header row of each table


def _title_cell(ws: Worksheet, value: str) -> None:
    """Titles come from unit names: keep them plain text that Excel cannot evaluate."""
    cell = ws.cell(row=1, column=1, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    if value.startswith(("=", "+", "-", "@")):
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.font = Font(bold=True, size=14)
    cell.alignment = _CENTER


def _put(ws: Worksheet, row: int, col: int, value, *, align=_CENTER, bold=False,
         to_row: int | None = None, to_col: int | None = None) -> None:
    """Write ``value`` into a (merged) range and draw the border on every cell of it."""
    to_row, to_col = to_row or row, to_col or col
    cell = ws.cell(row=row, column=col, value=value)
    cell.alignment = align
    if bold:
        cell.font = _BOLD
    for r in range(row, to_row + 1):
        for c in range(col, to_col + 1):
            ws.cell(row=r, column=c).border = _BORDER
    if (to_row, to_col) != (row, col):
        ws.merge_cells(start_row=row, start_column=col, end_row=to_row, end_column=to_col)


def _titles(ws: Worksheet, title: str, heading: str, width: int) -> None:
    _title_cell(ws, title)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(row=2, column=1, value=heading).font = _BOLD
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.row_dimensions[1].height = 30


def _page(ws: Worksheet, *, landscape: bool, last_row: int, last_col: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"


def _header_three(ws: Worksheet, columns, first_value_col: int, last_col: int) -> None:
    top = _HEADER_ROW
    _put(ws, top, 1, RULE_NOTE, to_row=top + 2, to_col=_LABEL_COLS)
    _put(ws, top, first_value_col, "申请人情况", bold=True, to_col=last_col)
    col = first_value_col
    while col <= last_col:
        column = columns[col - first_value_col]
        if column.group:
            span = sum(1 for c in columns if c.group == column.group)
            _put(ws, top + 1, col, column.group, bold=True, to_col=col + span - 1)
            for offset in range(span):
                _put(ws, top + 2, col + offset, columns[col - first_value_col + offset].label)
            col += span
        else:
            _put(ws, top + 1, col, column.label, bold=True, to_row=top + 2)
            col += 1


def _sheet_three(ws: Worksheet, three: TableThree, title: str) -> None:
    columns, rows = three.columns, three.rows
    first_value_col = _LABEL_COLS + 1
    last_col = _LABEL_COLS + len(columns)
    _titles(ws, title, THREE_TITLE, last_col)
    _header_three(ws, columns, first_value_col, last_col)
    row = _HEADER_ROW + 3
    section_start = group_start = None
    for i, data in enumerate(rows):
        _row_labels(ws, row, data)
        for offset, column in enumerate(columns):
            _put(ws, row, first_value_col + offset, data.values[column.key])
        following = rows[i + 1] if i + 1 < len(rows) else None
        if data.section and section_start is None:
            section_start = row
        if data.group and (group_start is None or rows[i - 1].group != data.group):
            group_start = row
        if data.group and (following is None or following.group != data.group):
            _put(ws, group_start, 2, data.group, align=_LEFT, to_row=row)
        if data.section and (following is None or not following.section):
            _put(ws, section_start, 1, SECTION_THREE, align=_LEFT, to_row=row)
        row += 1
    widths = [10, 12, 30] + [9] * len(columns)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _page(ws, landscape=False, last_row=row - 1, last_col=last_col)


def _row_labels(ws: Worksheet, row: int, data) -> None:
    """The label cells of one row; the section and group cells spanning several rows
    are written once their last row is known (by the caller)."""
    if not data.section:
        _put(ws, row, 1, data.label, align=_LEFT, to_col=_LABEL_COLS)
    elif data.group:
        _put(ws, row, 3, data.label, align=_LEFT)
    else:
        _put(ws, row, 2, data.label, align=_LEFT, to_col=_LABEL_COLS)


def _sheet_four(ws: Worksheet, four: TableFour, title: str) -> None:
    n = len(RESULT_COLUMNS)
    last_col = n * len(four.blocks)
    _titles(ws, title, FOUR_TITLE, last_col)
    top = _HEADER_ROW
    col = 1
    by_label: dict[str, list] = {}
    for block in four.blocks:
        by_label.setdefault(block.label, []).append(block)
    for label, blocks in by_label.items():
        _put(ws, top, col, label, bold=True, to_col=col + n * len(blocks) - 1)
        for block in blocks:
            if block.sub_label:
                _put(ws, top + 1, col, block.sub_label, bold=True, to_col=col + n - 1)
                for offset, (_key, result) in enumerate(RESULT_COLUMNS):
                    _put(ws, top + 2, col + offset, result)
            else:
                for offset, (_key, result) in enumerate(RESULT_COLUMNS):
                    _put(ws, top + 1, col + offset, result, to_row=top + 2)
            for offset, (key, _result) in enumerate(RESULT_COLUMNS):
                _put(ws, top + 3, col + offset, block.values[key])
            col += n
    for index in range(1, last_col + 1):
        ws.column_dimensions[get_column_letter(index)].width = 9
    ws.row_dimensions[top + 1].height = 30
    _page(ws, landscape=True, last_row=top + 3, last_col=last_col)


def stats_workbook(*, three: TableThree, four: TableFour, title: str) -> bytes:
    """Tables 三 and 四 on two printable sheets, in the template's layout."""
    wb = Workbook()
    ws3 = wb.active
    ws3.title = "收到和处理申请情况"
    _sheet_three(ws3, three, title)
    _sheet_four(wb.create_sheet("复议诉讼情况"), four, title)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
