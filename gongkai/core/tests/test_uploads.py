import io
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfWriter

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.errors import ApplicationError
from gongkai.core.uploads import EVIDENCE_KINDS, IMAGE, PDF, check_upload, display_name


def png_bytes(size=(20, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("工作进展")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "台账"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docm_bytes() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/vbaProject.bin", b"\x00" * 64)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(("name", "content", "kind", "extension", "mime"), [
    ("截图.png", png_bytes(), "image", "png", "image/png"),
    ("照片.jpeg", jpeg_bytes(), "image", "jpg", "image/jpeg"),
    ("报告.pdf", pdf_bytes(), "pdf", "pdf", "application/pdf"),
    ("总结.docx", docx_bytes(), "word", "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("台账.xlsx", xlsx_bytes(), "excel", "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_real_files_are_accepted_and_typed_by_content(name, content, kind, extension, mime):
    checked = check_upload(upload(name, content), allowed=EVIDENCE_KINDS, max_bytes=10**6)
    assert (checked.kind, checked.extension, checked.mime_type) == (kind, extension, mime)
    assert checked.size == len(content)
    assert checked.original_name == name


def test_the_name_does_not_decide_the_type():
    checked = check_upload(upload("看起来是文档.docx", png_bytes()), allowed=EVIDENCE_KINDS,
                           max_bytes=10**6)
    assert checked.extension == "png"
    stored = checked.stored_name()
    assert stored.endswith(".png") and "文档" not in stored and len(stored) == 36


@pytest.mark.parametrize("content", [
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100,
    b"<html><script>alert(1)</script></html>",
])
def test_a_pdf_named_file_with_other_content_is_refused_naming_the_problem(content):
    with pytest.raises(ApplicationError) as error:
        check_upload(upload("报告.pdf", content), allowed=EVIDENCE_KINDS, max_bytes=10**6)
    assert error.value.message == "文件内容不是PDF，请上传真实的PDF文件。"


def test_an_unknown_name_and_content_lists_what_is_allowed():
    with pytest.raises(ApplicationError, match="只能上传：图片、PDF、Word、Excel"):
        check_upload(upload("run.sh", b"#!/bin/sh\nrm -rf /\n"), allowed=EVIDENCE_KINDS,
                     max_bytes=10**6)


def test_a_kind_not_allowed_is_refused():
    with pytest.raises(ApplicationError, match="只能上传：图片"):
        check_upload(upload("报告.pdf", pdf_bytes()), allowed={IMAGE}, max_bytes=10**6)


def test_a_pdf_header_with_garbage_behind_it_is_refused():
    with pytest.raises(ApplicationError, match="无法作为PDF打开"):
        check_upload(upload("x.pdf", b"%PDF-1.7\n" + b"garbage" * 50), allowed={PDF},
                     max_bytes=10**6)


def test_a_truncated_image_is_refused():
    with pytest.raises(ApplicationError, match="无法作为图片打开"):
        check_upload(upload("x.png", png_bytes((300, 300))[:80]), allowed=EVIDENCE_KINDS,
                     max_bytes=10**6)


def test_oversize_files_are_refused_before_being_read(settings):
    settings.GONGKAI_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ApplicationError, match="文件过大"):
        check_upload(upload("big.pdf", b"%PDF-" + b"0" * 2000), allowed=EVIDENCE_KINDS)


def test_an_empty_file_is_refused():
    with pytest.raises(ApplicationError, match="文件是空的"):
        check_upload(upload("x.png", b""), allowed=EVIDENCE_KINDS, max_bytes=10)


def test_images_with_too_many_pixels_are_refused(settings):
    settings.GONGKAI_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(ApplicationError, match="图片尺寸过大"):
        check_upload(upload("x.png", png_bytes((100, 100))), allowed=EVIDENCE_KINDS,
                     max_bytes=10**6)


def test_word_files_with_macros_are_refused():
    with pytest.raises(ApplicationError, match="宏"):
        check_upload(upload("宏.docm", docm_bytes()), allowed=EVIDENCE_KINDS, max_bytes=10**6)
    with pytest.raises(ApplicationError, match="宏"):
        check_upload(upload("宏.docx", docm_bytes()), allowed=EVIDENCE_KINDS, max_bytes=10**6)


def test_legacy_office_files_are_recognised_by_their_ole_directory():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    word = ole + "WordDocument".encode("utf-16-le")
    excel = ole + "Workbook".encode("utf-16-le")
    macro = word + "_VBA_PROJECT".encode("utf-16-le")
    assert check_upload(upload("a.doc", word), allowed=EVIDENCE_KINDS).extension == "doc"
    assert check_upload(upload("a.xls", excel), allowed=EVIDENCE_KINDS).extension == "xls"
    with pytest.raises(ApplicationError, match="宏"):
        check_upload(upload("a.doc", macro), allowed=EVIDENCE_KINDS)


def test_a_zip_that_is_not_an_office_file_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.exe", b"MZ")
    with pytest.raises(ApplicationError, match="文件内容不是Word"):
        check_upload(upload("a.docx", buffer.getvalue()), allowed=EVIDENCE_KINDS)


def test_display_names_lose_directories_and_control_characters_but_keep_markup():
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\x\\报告\x00.pdf") == "报告.pdf"
    hostile = "<img src=x onerror=alert(1)>.png"
    checked = check_upload(upload(hostile, png_bytes()), allowed=EVIDENCE_KINDS)
    # Kept as typed for display (templates escape it); never used as the stored name.
    assert checked.original_name == hostile
    assert "<" not in checked.stored_name()
    assert len(display_name("长" * 300 + ".pdf")) <= 200
