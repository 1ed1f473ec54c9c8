"""A list page as an .xlsx: a title row, Chinese headers, one row per line shown; and
the rows of an uploaded table read back (``read_table``).

Used by the exports of staff lists (review queue, scores, progress, matrix, FOI
overview) and by the imports of the Q&A entries and the lexicon. Text is kept plain (a
cell starting with ``=`` is not a formula), illegal control characters are dropped and
cells are cut to Excel's limit.
"""
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from django.conf import settings
from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.core.uploads import EXCEL, check_upload

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


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def read_table(upload, *, columns: Sequence[str], max_rows: int, header_help: str,
               too_many: str, empty: str) -> list[tuple[int, list[str]]]:
    """The rows of an uploaded workbook's first sheet under a header row of ``columns``,
    each as (its row number in Excel, its cells in those columns as stripped text);
    blank rows skipped. The header may be the first or the second row: an export made by
    ``table_xlsx`` has a title above it, a file written by hand may not. Refused with an
    ``ApplicationError`` in Chinese: a file that is not an .xlsx by its content, or too
    large, or damaged; no such header (``header_help``); more than ``max_rows`` rows
    (``too_many``); no row at all (``empty``)."""
    checked = check_upload(upload, allowed={EXCEL}, max_bytes=settings.GONGKAI_MAX_IMPORT_BYTES)
    if checked.extension != "xlsx":
        raise ApplicationError(_("请使用 .xlsx 格式（Excel 2007 及以上）的文件。"))
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 — any parser failure is a damaged file
        raise ApplicationError(_("文件无法作为 Excel 打开，请检查后重新上传。")) from error
    rows = enumerate(book.worksheets[0].iter_rows(values_only=True), start=1)
    for number, row in rows:
        if [_text(c) for c in row[:len(columns)]] == list(columns):
            break
        if number == 2:
            raise ApplicationError(header_help)
    else:
        raise ApplicationError(header_help)
    found = []
    for number, row in rows:
        cells = [_text(c) for c in list(row)[:len(columns)]]
        cells += [""] * (len(columns) - len(cells))
        if any(cells):
            found.append((number, cells))
        if len(found) > max_rows:
            raise ApplicationError(too_many)
    if not found:
        raise ApplicationError(empty)
    return found


ROW_ERRORS_SHOWN = 50


def refuse_rows(problems: list[str]) -> None:
    """Refuse an import whose rows have ``problems`` (one "第N行：…" each): nothing is
    written, and the first ``ROW_ERRORS_SHOWN`` are shown with how many more there are."""
    if not problems:
        return
    shown = problems[:ROW_ERRORS_SHOWN]
    more = _("（另有%(n)s行有误）") % {"n": len(problems) - len(shown)} \
        if len(problems) > len(shown) else ""
    raise ApplicationError(_("导入未执行，请修改后重新上传：") + "\n".join(shown) + more,
                           details={"rows": shown})
