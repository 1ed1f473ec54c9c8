"""The text of uploaded documents (PDF, .docx, .xlsx), read within hard limits.

A 160 KB .docx can hold a 40 MB ``document.xml`` (and a zip can lie about its members'
sizes), so nothing here trusts a declared size or builds a whole document tree:

- zip members are decompressed as a stream that counts the bytes really produced and
  stops at the smaller of the declared size and the shared budget
  (``GONGKAI_EXTRACT_MAX_UNZIPPED_BYTES``);
- Word and Excel XML is read with an incremental parser that discards each element
  once its text is taken (no entity expansion, no network);
- PDF pages are read one by one;
- every step checks one deadline (``GONGKAI_EXTRACT_MAX_SECONDS``) and the text stops
  at ``max_chars``.

Callers run this in a background job, never inside a database transaction.
"""
import io
import time
import zipfile

from lxml import etree

from django.conf import settings
from django.utils.translation import gettext as _

MAX_CHARS = 2_000_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class ExtractionLimit(Exception):
    """A limit was reached; the message says which, in Chinese."""


class _Budget:
    def __init__(self, max_bytes: int, max_seconds: float):
        self.left = max_bytes
        self.end = time.monotonic() + max_seconds

    def check_time(self) -> None:
        if time.monotonic() > self.end:
            raise ExtractionLimit(_("提取文字超时，文件过于复杂。"))

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise ExtractionLimit(_("文件解压后过大。"))
        self.check_time()


class _CappedMember(io.RawIOBase):
    """A zip member read as a stream that never yields more than its declared size nor
    more than the budget allows."""

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget):
        super().__init__()
        self._stream = archive.open(info)
        self._declared = info.file_size
        self._read = 0
        self._budget = budget

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._stream.read(min(len(buffer), 64 * 1024))
        self._read += len(data)
        if self._read > self._declared:
            raise ExtractionLimit(_("压缩文件声明的大小与实际内容不符。"))
        self._budget.spend(len(data))
        buffer[:len(data)] = data
        return len(data)

    def close(self):
        self._stream.close()
        super().close()


def open_member(archive: zipfile.ZipFile, name: str, budget: _Budget) -> io.BufferedReader:
    return io.BufferedReader(_CappedMember(archive, archive.getinfo(name), budget))


def check_zip_sizes(data: bytes, *, max_bytes: int, max_members: int = 5000,
                    max_seconds: float = 10.0) -> None:
    """Decompress every member of the zip in ``data`` as a stream, counting the bytes
    really produced; raise ``ExtractionLimit`` if the total passes ``max_bytes``, a
    member produces more than it declares, or there are too many members."""
    budget = _Budget(max_bytes, max_seconds)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > max_members:
            raise ExtractionLimit(_("压缩文件中的条目过多。"))
        if sum(m.file_size for m in members) > max_bytes:
            raise ExtractionLimit(_("文件解压后过大。"))
        for info in members:
            with io.BufferedReader(_CappedMember(archive, info, budget)) as stream:
                while stream.read(64 * 1024):
                    pass


def extract_text(data: bytes, *, extension: str, max_chars: int = MAX_CHARS,
                 max_seconds: float | None = None, max_unzipped: int | None = None) -> str:
    """The text of a .pdf, .docx or .xlsx file (empty for other kinds). Raises
    ``ExtractionLimit`` when a limit is reached, ordinary parser errors when the file is
    damaged."""
    budget = _Budget(
        max_unzipped if max_unzipped is not None else settings.GONGKAI_EXTRACT_MAX_UNZIPPED_BYTES,
        max_seconds if max_seconds is not None else settings.GONGKAI_EXTRACT_MAX_SECONDS)
    reader = {"pdf": _pdf_text, "docx": _docx_text, "xlsx": _xlsx_text}.get(extension)
    if reader is None:
        return ""
    return reader(data, budget, max_chars)[:max_chars].strip()


def _iter_elements(stream, tag: str):
    parser = etree.iterparse(stream, events=("end",), tag=tag, resolve_entities=False,
                             no_network=True, huge_tree=False, load_dtd=False)
    for _event, element in parser:
        yield element
        element.clear(keep_tail=False)
        while element.getprevious() is not None:
            del element.getparent()[0]


def _docx_text(data: bytes, budget: _Budget, max_chars: int) -> str:
    parts, size = [], 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with open_member(archive, "word/document.xml", budget) as stream:
            for paragraph in _iter_elements(stream, f"{_W}p"):
                text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
                if text.strip():
                    parts.append(text)
                    size += len(text) + 1
                    if size > max_chars:
                        break
    return "\n".join(parts)


def _xlsx_text(data: bytes, budget: _Budget, max_chars: int) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            with open_member(archive, "xl/sharedStrings.xml", budget) as stream:
                for item in _iter_elements(stream, f"{_S}si"):
                    shared.append("".join(t.text or "" for t in item.iter(f"{_S}t")))
        sheets = sorted(n for n in names if n.startswith("xl/worksheets/sheet")
                        and n.endswith(".xml"))
        rows, size = [], 0
        for name in sheets:
            with open_member(archive, name, budget) as stream:
                for row in _iter_elements(stream, f"{_S}row"):
                    line = " ".join(v for v in (_cell(c, shared) for c in row.iter(f"{_S}c"))
                                    if v)
                    if line:
                        rows.append(line)
                        size += len(line) + 1
                        if size > max_chars:
                            return "\n".join(rows)
    return "\n".join(rows)


def _cell(cell, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_S}t")).strip()
    value = cell.find(f"{_S}v")
    if value is None or value.text is None:
        return ""
    if kind == "s":
        index = int(value.text)
        return shared[index].strip() if 0 <= index < len(shared) else ""
    return value.text.strip()


def _pdf_text(data: bytes, budget: _Budget, max_chars: int) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    parts, size = [], 0
    for page in reader.pages:
        budget.check_time()
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > max_chars:
            break
    return "\n".join(parts)
