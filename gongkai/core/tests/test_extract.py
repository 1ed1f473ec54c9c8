"""Text extraction within limits, and uploads that would expand without bound."""
import io
import time
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.errors import ApplicationError
from gongkai.core.extract import ExtractionLimit, check_zip_sizes, extract_text
from gongkai.core.uploads import WORD, check_upload
from gongkai.policies.tests.factories_policies import docx_with_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body_of(size: int) -> bytes:
    """A real .docx whose document.xml is inflated to ``size`` bytes by one huge run of
    text: tiny compressed, huge expanded (the issue's 160 KB file with a 40 MB XML)."""
    source = zipfile.ZipFile(io.BytesIO(docx_with_text("开头")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                filler = "<w:p><w:r><w:t>" + "字" * (size // 3) + "</w:t></w:r></w:p>"
                data = data.replace(b"</w:body>", filler.encode() + b"</w:body>")
            target.writestr(info.filename, data)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["单位", "完成数"])
    sheet.append(["区教育局", 12])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_docx_and_xlsx_text_is_read():
    assert extract_text(docx_with_text("第一段", "第二段"), extension="docx",
                        max_seconds=10, max_unzipped=10_000_000) == "第一段\n第二段"
    assert extract_text(xlsx_bytes(), extension="xlsx", max_seconds=10,
                        max_unzipped=10_000_000) == "单位 完成数\n区教育局 12"


def test_a_document_xml_that_expands_past_the_cap_stops_early():
    bomb = docx_with_body_of(6_000_000)
    assert len(bomb) < 200_000
    started = time.monotonic()
    with pytest.raises(ExtractionLimit, match="解压后过大"):
        extract_text(bomb, extension="docx", max_seconds=30, max_unzipped=1_000_000)
    assert time.monotonic() - started < 2


def test_extraction_stops_at_the_time_limit():
    with pytest.raises(ExtractionLimit, match="超时"):
        extract_text(docx_with_body_of(3_000_000), extension="docx", max_seconds=0,
                     max_unzipped=50_000_000)


def test_a_zip_that_understates_its_members_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" + " " * 100_000)
    data = bytearray(out.getvalue())
    # Rewrite the declared size (local header and central directory) to 100 bytes.
    real = (100_008).to_bytes(4, "little")
    assert data.count(real) == 2
    data = bytes(data).replace(real, (100).to_bytes(4, "little"))
    with pytest.raises((ExtractionLimit, zipfile.BadZipFile)):
        check_zip_sizes(data, max_bytes=10_000_000)


def test_an_upload_expanding_past_the_setting_is_refused_in_chinese(settings):
    settings.GONGKAI_MAX_UNZIPPED_BYTES = 1_000_000
    upload = SimpleUploadedFile("报告.docx", docx_with_body_of(3_000_000))
    with pytest.raises(ApplicationError, match="解压后过大"):
        check_upload(upload, allowed={WORD})
    settings.GONGKAI_MAX_UNZIPPED_BYTES = 10_000_000
    assert check_upload(upload, allowed={WORD}).extension == "docx"
