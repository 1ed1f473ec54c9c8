"""A list page as an .xlsx: a title row, Chinese headers, one row per line shown.

Used by the exports of staff lists (review queue, scores, progress, matrix, FOI
overview). Text is kept plain (a cell starting with ``=`` is not a formula), illegal
control characters are dropped and cells are cut to Excel's limit.
"""
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CELL_LIMIT = 32767
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HEAD_FILL = PatternFill("solid", fgColor="F0EFE9")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _cell(ws, value, *, bold: bool = False, fill=None):
    if isinstance(value, Promise):  # a lazy label (a TextChoices label): its words
        value = str(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:_CELL_LIMIT]
    elif isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones; already local
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.alignment = _WRAP
    if bold:
        cell.font = Font(bold=True, size=14 if fill is None else 11)
    if fill is not None:
        cell.fill = fill
    if isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def table_xlsx(*, title: str, headers: Sequence[str], rows: Iterable[Sequence],
               widths: Sequence[int] = ()) -> bytes:
    """``rows`` under ``headers``, titled, frozen header, autofilter."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title="".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet")
    for index, width in enumerate(widths or [16] * len(headers), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A3"
    ws.append([_cell(ws, title, bold=True)])
    ws.append([_cell(ws, h, bold=True, fill=_HEAD_FILL) for h in headers])
    count = 0
    for row in rows:
        ws.append([_cell(ws, v) for v in row])
        count += 1
    if headers:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{count + 2}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
