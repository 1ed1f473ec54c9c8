"""Checking uploaded files by their content, never by their name.

Any module that accepts files from users (evidence, attachments to applications, policy
documents) calls ``check_upload`` first. It reads the bytes, decides what the file
really is, opens it with the library that understands that format, and refuses
anything else with a message in Chinese the uploader can act on. The stored name is
generated from a UUID and the extension the content proved; the name the user gave is
kept for display only.
"""
import io
import re
import unicodedata
import uuid
import warnings
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.core.extract import ExtractionLimit, check_zip_sizes

IMAGE = "image"
PDF = "pdf"
WORD = "word"
EXCEL = "excel"
# What evidence of progress may be: screenshots, reports, tables.
EVIDENCE_KINDS = frozenset({IMAGE, PDF, WORD, EXCEL})

_KIND_LABELS = {IMAGE: "图片", PDF: "PDF", WORD: "Word", EXCEL: "Excel"}
# The kind a file name *claims*; used only to word the refusal helpfully.
_CLAIMED_KIND = {
    "png": IMAGE, "jpg": IMAGE, "jpeg": IMAGE, "gif": IMAGE, "webp": IMAGE,
    "pdf": PDF, "doc": WORD, "docx": WORD, "docm": WORD,
    "xls": EXCEL, "xlsx": EXCEL, "xlsm": EXCEL,
}

_MIME = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
}
_PILLOW_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Images larger than this are refused before decoding (decompression bombs): 50 MP is
# far beyond any screenshot or photo a unit attaches as evidence.
_DEFAULT_MAX_PIXELS = 50_000_000
# A zip whose members expand to more than this is treated as a zip bomb.
_MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
_MAX_ZIP_MEMBERS = 5000


def mime_type_for(extension: str) -> str | None:
    """The Content-Type of a stored file whose extension content-checking proved."""
    return _MIME.get("jpg" if extension == "jpeg" else extension)


@dataclass(frozen=True)
class CheckedUpload:
    """What the content of an upload proved to be."""

    kind: str
    mime_type: str
    extension: str
    size: int
    original_name: str = ""

    def stored_name(self) -> str:
        """A fresh file name that says nothing the uploader chose."""
        return f"{uuid.uuid4().hex}.{self.extension}"


def check_upload(file, *, allowed: set[str] | frozenset[str],
                 max_bytes: int | None = None) -> CheckedUpload:
    """Identify ``file`` by content; raise ``ApplicationError`` unless it is one of the
    ``allowed`` kinds (``IMAGE``, ``PDF``, ``WORD``, ``EXCEL``) within ``max_bytes``
    (default ``settings.GONGKAI_MAX_UPLOAD_BYTES``). Leaves the file at position 0."""
    limit = max_bytes if max_bytes is not None else settings.GONGKAI_MAX_UPLOAD_BYTES
    original_name = display_name(getattr(file, "name", "") or "")
    data = _read_capped(file, limit)
    extension = _identify(data)
    kind = _kind_of(extension)
    if kind is None or kind not in allowed:
        raise ApplicationError(_refusal(original_name, allowed))
    _verify(extension, data)
    return CheckedUpload(kind=kind, mime_type=_MIME[extension], extension=extension,
                         size=len(data), original_name=original_name)


def display_name(name: str) -> str:
    """The user's file name, safe to keep: no directories, no control characters.

    HTML in it is harmless here because templates escape on output.
    """
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:190] + dot + ext[:9]) if dot and len(ext) < 10 else name[:200]
    return name or _("未命名文件")


def _read_capped(file, limit: int) -> bytes:
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise ApplicationError(_too_large(size, limit))
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if hasattr(file, "seek"):
        file.seek(0)
    if len(data) > limit:
        raise ApplicationError(_too_large(len(data), limit))
    if not data:
        raise ApplicationError(_("文件是空的，请重新选择文件。"))
    return data


def _too_large(size: int, limit: int) -> str:
    return _("文件过大（%(size)s），单个文件不能超过 %(limit)s。") % {
        "size": _human(size), "limit": _human(limit)}


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, size // 1024)} KB"


def _identify(data: bytes) -> str | None:
    """The extension the leading bytes prove, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _identify_ooxml(data)
    if data.startswith(_OLE_MAGIC):
        return _identify_ole(data)
    return None


def _kind_of(extension: str | None) -> str | None:
    return {"png": IMAGE, "jpg": IMAGE, "gif": IMAGE, "webp": IMAGE, "pdf": PDF,
            "docx": WORD, "doc": WORD, "xlsx": EXCEL, "xls": EXCEL}.get(extension or "")


def _identify_ooxml(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names:
        return None
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ApplicationError(_("文件含有宏代码，出于安全考虑不能上传。"
                                 "请另存为不含宏的 .docx 或 .xlsx 文件后再上传。"))
    try:
        # Declared sizes first, then the bytes each member really expands to.
        check_zip_sizes(data, max_bytes=getattr(settings, "GONGKAI_MAX_UNZIPPED_BYTES",
                                                _MAX_UNZIPPED_BYTES),
                        max_members=_MAX_ZIP_MEMBERS)
    except ExtractionLimit as exc:
        raise ApplicationError(_("文件解压后过大或已损坏（%(reason)s），不能上传。")
                               % {"reason": exc}) from exc
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
        raise ApplicationError(_("文件已损坏，无法打开，请检查后重新上传。")) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _identify_ole(data: bytes) -> str | None:
    """Legacy .doc/.xls: an OLE compound file; its directory names the streams."""
    if _utf16("_VBA_PROJECT") in data or _utf16("Macros") in data:
        raise ApplicationError(_("文件含有宏代码，出于安全考虑不能上传。"
                                 "请另存为不含宏的 .docx 或 .xlsx 文件后再上传。"))
    if _utf16("WordDocument") in data:
        return "doc"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    return None


def _verify(extension: str, data: bytes) -> None:
    """Open the file with the library for its format; a damaged file is refused."""
    label = _KIND_LABELS[_kind_of(extension)]
    try:
        if extension in _PILLOW_FORMATS.values():
            _verify_image(extension, data)
        elif extension == "pdf":
            _verify_pdf(data)
        elif extension in ("docx", "xlsx"):
            _verify_ooxml(data)
    except ApplicationError:
        raise
    except Exception as exc:  # noqa: BLE001 — any parser failure means a damaged file
        raise ApplicationError(
            _("文件已损坏或格式不正确，无法作为%(label)s打开，请检查后重新上传。")
            % {"label": label}) from exc


def _verify_image(extension: str, data: bytes) -> None:
    from PIL import Image

    max_pixels = getattr(settings, "GONGKAI_MAX_IMAGE_PIXELS", _DEFAULT_MAX_PIXELS)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:
            if _PILLOW_FORMATS.get(image.format) != extension:
                raise ValueError("format mismatch")
            width, height = image.size
            if width * height > max_pixels:
                raise ApplicationError(
                    _("图片尺寸过大（%(w)s×%(h)s 像素），请缩小后再上传。")
                    % {"w": width, "h": height})
            image.verify()
        # verify() leaves the image unusable and does not decode pixel data; a full
        # decode catches truncated files.
        with Image.open(io.BytesIO(data)) as image:
            image.load()


def _verify_pdf(data: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if len(reader.pages) < 1:
        raise ValueError("no pages")


def _verify_ooxml(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with archive.open("[Content_Types].xml") as member:
            content_types = member.read(1024 * 1024).decode("utf-8", "replace")
    if "<Types" not in content_types:
        raise ValueError("no content types")
    if "macroEnabled" in content_types:
        raise ApplicationError(_("文件含有宏代码，出于安全考虑不能上传。"
                                 "请另存为不含宏的 .docx 或 .xlsx 文件后再上传。"))


def _refusal(original_name: str, allowed) -> str:
    claimed = _CLAIMED_KIND.get(original_name.rpartition(".")[2].lower())
    if claimed in allowed:
        label = _KIND_LABELS[claimed]
        return _("文件内容不是%(label)s，请上传真实的%(label)s文件。") % {"label": label}
    kinds = "、".join(_KIND_LABELS[k] for k in (IMAGE, PDF, WORD, EXCEL) if k in allowed)
    return _("不支持的文件类型，只能上传：%(kinds)s。") % {"kinds": kinds}
