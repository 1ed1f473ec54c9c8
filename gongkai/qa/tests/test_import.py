import io

import pytest
from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.errors import ApplicationError
from gongkai.qa.models import QaEntry
from gongkai.qa.services.importing import COLUMNS, entries_import, import_template

pytestmark = pytest.mark.django_db


def _xlsx(rows, header=COLUMNS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("问答.xlsx", buffer.getvalue())


GOOD = ["公租房怎么申请？", "公共租赁住房申请；租政府的房子", "向街道申请。", "住房", "", "演示依据"]


def test_good_rows_become_draft_entries_of_the_unit(unit_staff):
    result = entries_import(upload=_xlsx([GOOD, ["低保怎么申请？", "", "向街道申请。", "other",
                                                 "", ""]]),
                            unit=unit_staff.unit, actor=unit_staff)
    assert len(result.created) == 2
    entry = QaEntry.objects.get(question="公租房怎么申请？")
    assert entry.alternatives == ["公共租赁住房申请", "租政府的房子"]
    assert entry.topic == "housing" and entry.unit == unit_staff.unit
    assert entry.publication_status == "draft" and entry.source_lines() == ["演示依据"]


def test_one_bad_row_refuses_the_file_with_row_numbers_and_writes_nothing(unit_staff):
    rows = [GOOD, ["", "", "答复", "住房", "", ""], ["问题", "", "", "火星", "不存在的文件", ""],
            GOOD]
    with pytest.raises(ApplicationError) as error:
        entries_import(upload=_xlsx(rows), unit=unit_staff.unit, actor=unit_staff)
    rows_text = "\n".join(error.value.details["rows"])
    assert "第3行：问题不能为空" in rows_text
    assert "第4行" in rows_text and "答复不能为空" in rows_text and "火星" in rows_text
    assert "不存在的文件" in rows_text
    assert "第5行：问题与第2行重复" in rows_text
    assert not QaEntry.objects.exists()


def test_a_file_that_is_not_really_excel_is_refused(unit_staff):
    fake = SimpleUploadedFile("问答.xlsx", b"<script>alert(1)</script>")
    with pytest.raises(ApplicationError):
        entries_import(upload=fake, unit=unit_staff.unit, actor=unit_staff)
    assert not QaEntry.objects.exists()


def test_wrong_header_is_refused(unit_staff):
    with pytest.raises(ApplicationError, match="表头"):
        entries_import(upload=_xlsx([GOOD], header=["题目", "答案"]), unit=unit_staff.unit,
                       actor=unit_staff)


def test_question_already_in_the_units_library_is_refused(unit_staff):
    entries_import(upload=_xlsx([GOOD]), unit=unit_staff.unit, actor=unit_staff)
    with pytest.raises(ApplicationError, match="已在本单位问答库中"):
        entries_import(upload=_xlsx([GOOD]), unit=unit_staff.unit, actor=unit_staff)
    assert QaEntry.objects.count() == 1


def test_the_template_imports_as_is(unit_staff):
    upload = SimpleUploadedFile("模板.xlsx", import_template())
    assert len(entries_import(upload=upload, unit=unit_staff.unit, actor=unit_staff).created) == 1
