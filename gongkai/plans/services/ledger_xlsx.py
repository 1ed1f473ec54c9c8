"""Reading a unit's ledger workbook back: the file checks and the cell parsing behind
``breakdowns_import_xlsx``. Pure functions over bytes and cell values; nothing here
touches the database.
"""
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.conf import settings

from gongkai.core.errors import ApplicationError

MAX_ROWS = 2000
MAX_CELL_CHARS = 5000
# A workbook inflating past this is a zip bomb, not a ledger.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
# A cell holding exactly this word erases the stored value (an empty cell keeps it).
CLEAR_WORD = "清空"

# Header in the workbook → Assignment field. The other columns are for reading only.
EDITABLE_HEADERS = {
    "工作措施": "measures",
    "任务目标": "target",
    "完成时限": "due_on",
    "责任部门": "responsible_dept",
    "联系人": "contact_person",
    "联系电话": "contact_phone",
}
NUMBER_HEADER = "序号"
UNIT_HEADER = "落实单位"
_HEADER_ALIASES = {"任务序号": NUMBER_HEADER, "工作目标": "任务目标", "时限": "完成时限",
                   "完成时间": "完成时限", "联系方式": "联系电话"}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
# Excel serial numbers of 1955-01-01 … 2119-12-31: a bare number in that range in the
# date column is a date cell that lost its format.
_SERIAL_RANGE = (20090, 80355)


@dataclass
class SheetRow:
    """One data row: its row number in the sheet and its cells by header."""

    number: int
    cells: dict[str, object] = field(default_factory=dict)


@dataclass
class Sheet:
    headers: list[str]
    rows: list[SheetRow]
    errors: list[str]


def read_ledger_sheet(file) -> Sheet:
    """Check that ``file`` is a readable .xlsx of sensible size and return its rows.

    Raises ApplicationError for a file that cannot be a ledger at all; problems in
    single cells are collected in ``Sheet.errors`` with their row numbers.
    """
    data = _read_limited(file)
    _check_container(data)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ApplicationError("无法读取该 Excel 文件，文件可能已损坏。") from exc
    try:
        return _read_rows(wb.worksheets[0]) if wb.worksheets else _no_header()
    finally:
        wb.close()


def _read_limited(file) -> bytes:
    limit = settings.GONGKAI_MAX_IMPORT_BYTES
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise ApplicationError(_too_big(limit))
    data = file.read(limit + 1)
    if len(data) > limit:
        raise ApplicationError(_too_big(limit))
    if not data:
        raise ApplicationError("上传的文件是空的。")
    return data


def _too_big(limit: int) -> str:
    return f"文件超过 {limit // (1024 * 1024)} MB 的大小限制。"


def _check_container(data: bytes) -> None:
    """An .xlsx is a zip holding xl/workbook.xml; decided by content, never by name."""
    if data.startswith(_OLE_MAGIC):
        raise ApplicationError(
            "该文件已加密或为旧版 .xls 格式，请取消密码保护并另存为 .xlsx 后再上传。")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ApplicationError("该文件不是 Excel（.xlsx）文件，请上传从本平台下载的台账模板。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ApplicationError("该 Excel 文件已损坏，无法读取。") from exc
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise ApplicationError("该文件不是 Excel（.xlsx）工作簿，请上传从本平台下载的台账模板。")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ApplicationError("该文件已加密，请取消密码保护后再上传。")
    if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
        raise ApplicationError("该文件解压后过大，不像是工作台账，已拒绝。")


def _no_header() -> Sheet:
    raise ApplicationError("未找到表头：工作表中应有“序号”列和至少一个可填写的列（如“工作措施”）。")


def _read_rows(ws) -> Sheet:
    rows = ws.iter_rows(values_only=True)
    headers, header_number = _find_header(rows)
    result = Sheet(headers=[h for h in headers if h], rows=[], errors=[])
    for number, values in enumerate(rows, start=header_number + 1):
        cells = {h: v for h, v in zip(headers, values, strict=False) if h}
        if all(_blank(v) for v in cells.values()):
            continue
        if len(result.rows) >= MAX_ROWS:
            raise ApplicationError(f"数据超过 {MAX_ROWS} 行，请分批上传。")
        for header, value in cells.items():
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                result.errors.append(
                    f"第{number}行：“{header}”超过 {MAX_CELL_CHARS} 个字符，请精简后再上传。")
                cells[header] = ""
        result.rows.append(SheetRow(number=number, cells=cells))
    return result


def _find_header(rows) -> tuple[list[str], int]:
    for number, values in enumerate(rows, start=1):
        headers = [_header_name(v) for v in values]
        if NUMBER_HEADER in headers and any(h in EDITABLE_HEADERS for h in headers):
            return headers, number
        if number >= HEADER_SEARCH_ROWS:
            break
    _no_header()


def _header_name(value) -> str:
    if not isinstance(value, str):
        return ""
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))
    name = name.rstrip("*＊")
    return _HEADER_ALIASES.get(name, name)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_task_number(value) -> int | None:
    """序号 as typed: 12, 12.0, "12", "12." — None when it is not a whole number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().rstrip(".、")
        if text.isdigit():
            return int(text)
    return None


def parse_date(value) -> dt.date | None:
    """A completion date in any form a Chinese office types it; ValueError if none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        raise ValueError(value)
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    raise ValueError(value)


def cell_text(value) -> str:
    """A text cell as stored: numbers keep no trailing .0 (phone numbers typed as numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()
