"""Malformed or hostile files get a Chinese message and change nothing."""
import io
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.orgs.huangpu import load_huangpu_registry
from gongkai.plans.models import Plan, Task
from gongkai.plans.services.importing import plan_import_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registry():
    load_huangpu_registry()


def refused(name: str, data: bytes, **kwargs) -> str:
    events = AuditEvent.objects.count()
    with pytest.raises(ApplicationError) as caught:
        plan_import_file(source=SimpleUploadedFile(name, data), year=2022, **kwargs)
    assert not Plan.objects.exists() and not Task.objects.exists()
    assert AuditEvent.objects.count() == events
    return caught.value.message


def test_binary_garbage():
    assert "无法识别" in refused("plan.txt", bytes(range(256)) * 50)


def test_docx_that_is_not_a_zip():
    assert "Word" in refused("plan.docx", "一、这不是Word文件".encode())


def test_zip_without_a_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "Word" in refused("plan.docx", buffer.getvalue())


def test_zip_bomb_posing_as_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (110 * 1024 * 1024))
    assert "过大" in refused("plan.docx", buffer.getvalue())


def test_file_over_the_import_limit(settings):
    settings.GONGKAI_MAX_IMPORT_BYTES = 1000
    assert "过大" in refused("plan.txt", "1.任务\n区教育局\n".encode() * 200)


def test_text_without_tasks():
    assert "未能" in refused("plan.txt", "这只是一段说明文字。\n没有任何任务。\n".encode())


def test_deeply_nested_html_bomb():
    page = "<html><body>" + "<div>" * 100_000 + "1.任务" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(ApplicationError):
        plan_import_file(source=SimpleUploadedFile("p.html", page.encode()), year=2022)
    assert not Plan.objects.exists()


def test_html_with_huge_spans_and_script_is_contained():
    page = ("<html><body><script>alert('x')</script><table>"
            "<tr><td rowspan='99999999' colspan='99999'>1.任务&lt;b&gt;</td>"
            "<td>区教育局</td></tr></table></body></html>")
    result = plan_import_file(source=SimpleUploadedFile("p.html", page.encode()), year=2022)
    task = result.plan.tasks.get()
    assert task.text == "任务<b>" and "alert" not in result.plan.notice_text


def test_script_tags_in_text_are_stored_as_text():
    text = "1.公开<script>alert(1)</script>信息。\n区教育局。\n"
    result = plan_import_file(source=SimpleUploadedFile("p.txt", text.encode()), year=2022)
    assert result.plan.tasks.get().text == "公开<script>alert(1)</script>信息。"


def test_old_binary_word_file():
    assert "Word" in refused("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


def test_an_oversized_cell_is_refused_naming_its_line_and_cell():
    text = "（一）甲\n1.公开甲。|" + "长" * 20_001 + "\n"
    message = refused("plan.txt", text.encode())
    assert "第2行第2格" in message and "内容过长" in message


def test_a_plan_with_only_a_header_is_refused_in_chinese():
    assert "未能从文件中识别出工作任务" in refused("plan.txt", "工作任务|具体要求|牵头单位\n".encode())
