"""``read_table``: the rows of an uploaded workbook under its header, as the Q&A and
lexicon imports read them — the header in the first or the second row (an export has a
title above it), blank rows skipped, and each refusal a Chinese message that loses
nothing (the caller writes only what was read)."""
import io

import pytest
from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.errors import ApplicationError
from gongkai.core.xlsx import ROW_ERRORS_SHOWN, read_table, refuse_rows, table_xlsx

COLUMNS = ("问题", "答复")
MESSAGES = {"header_help": "表头不对", "too_many": "行数太多", "empty": "没有数据"}


def _upload(rows, name="表.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _read(upload, max_rows=10):
    return read_table(upload, columns=COLUMNS, max_rows=max_rows, **MESSAGES)


def test_rows_under_a_header_in_the_first_row_with_excel_row_numbers():
    rows = _read(_upload([COLUMNS, ["  怎么办？ ", 1], [None, None], ["还有", "答"]]))
    assert rows == [(2, ["怎么办？", "1"]), (4, ["还有", "答"])]


def test_an_export_with_its_title_row_reads_back():
    upload = SimpleUploadedFile("导出.xlsx", table_xlsx(title="标题", headers=COLUMNS,
                                                       rows=[("问", "答")]))
    assert _read(upload) == [(3, ["问", "答"])]


def test_a_short_row_is_padded_and_extra_columns_are_ignored():
    assert _read(_upload([COLUMNS, ["只有问题"], ["问", "答", "多余"]])) == [
        (2, ["只有问题", ""]), (3, ["问", "答"])]


@pytest.mark.parametrize("rows", [
    [("标题",), ("说明",), COLUMNS, ("问", "答")],  # the header below the second row
    [("答复", "问题"), ("问", "答")],  # the columns in another order
    [],
])
def test_a_missing_header_is_refused_with_the_callers_help(rows):
    with pytest.raises(ApplicationError, match="表头不对"):
        _read(_upload(rows))


def test_too_many_rows_and_no_row_are_refused():
    with pytest.raises(ApplicationError, match="行数太多"):
        _read(_upload([COLUMNS, *[(f"问{i}", "答") for i in range(4)]]), max_rows=3)
    with pytest.raises(ApplicationError, match="没有数据"):
        _read(_upload([COLUMNS, (None, " ")]))


def test_a_file_that_is_not_a_workbook_is_refused_by_its_content():
    with pytest.raises(ApplicationError, match="xlsx|Excel|文件"):
        _read(SimpleUploadedFile("表.xlsx", b"%PDF-1.4 not a workbook"))


def test_rows_with_problems_refuse_the_import_showing_the_first_fifty():
    refuse_rows([])  # nothing wrong: nothing raised
    problems = [f"第{n}行：问题不能为空" for n in range(2, 62)]
    with pytest.raises(ApplicationError) as refused:
        refuse_rows(problems)
    assert refused.value.details["rows"] == problems[:ROW_ERRORS_SHOWN]
    assert "第51行" in refused.value.message and "第52行" not in refused.value.message
    assert "另有10行有误" in refused.value.message
