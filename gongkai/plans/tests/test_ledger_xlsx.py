import datetime
import io
import zipfile

import openpyxl
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.exports import HEADERS, breakdown_template, ledger_workbook
from gongkai.plans.models import Assignment
from gongkai.plans.selectors.ledger import LedgerRow, ledger_rows
from gongkai.plans.services.ledger import breakdowns_import_xlsx
from gongkai.plans.tests.factories import AssignmentFactory, PlanFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(unit_staff):
    plan = PlanFactory(year=2022)
    tasks = [TaskFactory(plan=plan, number=n) for n in (1, 2, 3)]
    mine = [AssignmentFactory(task=t, unit=unit_staff.unit) for t in tasks[:2]]
    theirs = AssignmentFactory(task=tasks[2], unit=UnitFactory())
    return plan, unit_staff.unit, mine, theirs


def _template(plan, unit) -> openpyxl.Workbook:
    rows = ledger_rows(plan=plan, assignments=Assignment.objects.filter(unit=unit))
    data = breakdown_template(rows, title=f"{unit.name}2022年政务公开工作要点落实台账")
    return openpyxl.load_workbook(io.BytesIO(data))


def _upload(wb: openpyxl.Workbook, name="台账.xlsx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _col(header: str) -> int:
    return HEADERS.index(header) + 1


def test_round_trip_template_filled_and_uploaded_stores_values(setup, unit_staff):
    plan, unit, mine, _ = setup
    wb = _template(plan, unit)
    ws = wb.active
    assert ws.cell(3, 1).value == "序号"  # title, note, header
    ws.cell(4, _col("工作措施")).value = "建立工作台账"
    ws.cell(4, _col("完成时限")).value = "2022年9月30日"
    ws.cell(4, _col("联系电话")).value = 13800138000
    ws.cell(5, _col("完成时限")).value = datetime.datetime(2022, 12, 30)
    ws.cell(5, _col("责任部门")).value = "<script>alert(1)</script>"

    result = breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)

    assert result.ok, result.errors
    assert (result.rows, result.updated, result.unchanged) == (2, 2, 0)
    first, second = (Assignment.objects.get(pk=a.pk) for a in mine)
    assert first.measures == "建立工作台账"
    assert first.due_on == datetime.date(2022, 9, 30)
    assert first.contact_phone == "13800138000"
    assert second.due_on == datetime.date(2022, 12, 30)
    assert second.responsible_dept == "<script>alert(1)</script>"
    assert history_of(first).get().details["source"] == "xlsx"


def test_unchanged_rows_are_not_rewritten(setup, unit_staff):
    plan, unit, mine, _ = setup
    Assignment.objects.filter(pk=mine[0].pk).update(measures="已有措施")
    wb = _template(plan, unit)
    wb.active.cell(5, _col("任务目标")).value = "新目标"
    before = Assignment.objects.get(pk=mine[0].pk).updated_at

    result = breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)

    assert (result.updated, result.unchanged) == (1, 1)
    assert Assignment.objects.get(pk=mine[0].pk).updated_at == before
    assert not history_of(mine[0]).exists()


def test_empty_cell_keeps_stored_text_and_the_clear_word_erases_it(setup, unit_staff):
    plan, unit, mine, _ = setup
    Assignment.objects.filter(pk__in=[a.pk for a in mine]).update(
        measures="原有措施", due_on=datetime.date(2022, 9, 30))
    wb = _template(plan, unit)
    ws = wb.active
    ws.cell(4, _col("工作措施")).value = None
    ws.cell(4, _col("完成时限")).value = None
    ws.cell(5, _col("工作措施")).value = "清空"
    ws.cell(5, _col("完成时限")).value = "清空"

    breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)

    first, second = (Assignment.objects.get(pk=a.pk) for a in mine)
    assert (first.measures, first.due_on) == ("原有措施", datetime.date(2022, 9, 30))
    assert (second.measures, second.due_on) == ("", None)


@pytest.mark.parametrize("break_it,message", [
    (lambda ws: ws.cell(5, _col("完成时限")).__setattr__("value", "九月底"), "第5行：完成时限"),
    (lambda ws: ws.cell(5, 1).__setattr__("value", 3), "第5行：第3项任务不在"),
    (lambda ws: ws.cell(5, 1).__setattr__("value", 99), "第5行：方案中没有第99项任务"),
    (lambda ws: ws.cell(5, 1).__setattr__("value", 1), "第5行：第1项任务重复出现（已在第4行）"),
    (lambda ws: ws.cell(5, 1).__setattr__("value", "甲"), "第5行：序号"),
    (lambda ws: ws.cell(5, _col("联系人")).__setattr__("value", "张" * 51), "第5行：联系人"),
    (lambda ws: ws.cell(5, _col("工作措施")).__setattr__("value", "字" * 5001), "5000"),
    (lambda ws: ws.cell(5, _col("落实单位")).__setattr__("value", "区别的局"), "落实单位"),
])
def test_a_bad_row_anywhere_changes_no_row(setup, unit_staff, break_it, message):
    plan, unit, mine, _ = setup
    wb = _template(plan, unit)
    ws = wb.active
    ws.cell(4, _col("工作措施")).value = "第一行是好的"
    ws.cell(5, _col("任务目标")).value = "第二行也填了"
    break_it(ws)

    result = breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)

    assert not result.ok
    assert any(message in e for e in result.errors), result.errors
    assert result.updated == 0
    assert not Assignment.objects.exclude(measures="").exists()
    assert not Assignment.objects.exclude(target="").exists()


def test_every_row_error_is_reported_at_once(setup, unit_staff):
    plan, unit, _, _ = setup
    wb = _template(plan, unit)
    wb.active.cell(4, _col("完成时限")).value = "下个月"
    wb.active.cell(5, 1).value = 77

    result = breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)

    assert [e[:4] for e in result.errors] == ["第4行：", "第5行："]


def _plain_sheet(rows) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    return wb


def test_a_plain_sheet_with_other_headers_order_is_read(setup, unit_staff):
    plan, unit, mine, _ = setup
    wb = _plain_sheet([["联系人", "任务序号", "完成时限"], ["李四", "2", "2022/9/30"]])

    result = breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)

    assert result.ok, result.errors
    stored = Assignment.objects.get(pk=mine[1].pk)
    assert (stored.contact_person, stored.due_on) == ("李四", datetime.date(2022, 9, 30))


@pytest.mark.parametrize("content,message", [
    (b"<html><script>alert(1)</script></html>", "不是 Excel"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "加密"),
    (b"", "空的"),
])
def test_non_xlsx_content_with_xlsx_name_is_refused(setup, unit_staff, content, message):
    plan, unit, _, _ = setup
    with pytest.raises(ApplicationError) as err:
        breakdowns_import_xlsx(plan=plan, unit=unit, actor=unit_staff,
                               file=SimpleUploadedFile("台账.xlsx", content))
    assert message in err.value.message


def test_a_zip_that_is_not_a_workbook_is_refused(setup, unit_staff):
    plan, unit, _, _ = setup
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ApplicationError, match="工作簿"):
        breakdowns_import_xlsx(plan=plan, unit=unit, actor=unit_staff,
                               file=SimpleUploadedFile("台账.xlsx", buffer.getvalue()))


def test_a_damaged_workbook_is_refused_in_chinese(setup, unit_staff):
    plan, unit, _, _ = setup
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really")
    with pytest.raises(ApplicationError, match="损坏"):
        breakdowns_import_xlsx(plan=plan, unit=unit, actor=unit_staff,
                               file=SimpleUploadedFile("台账.xlsx", buffer.getvalue()))


def test_oversized_file_is_refused(setup, unit_staff, settings):
    plan, unit, _, _ = setup
    settings.GONGKAI_MAX_IMPORT_BYTES = 1000
    wb = _template(plan, unit)
    with pytest.raises(ApplicationError, match="大小限制"):
        breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)


def test_more_than_2000_rows_is_refused(setup, unit_staff):
    plan, unit, _, _ = setup
    wb = _plain_sheet([["序号", "工作措施"], *([1, "x"] for _ in range(2001))])
    with pytest.raises(ApplicationError, match="2000"):
        breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)


def test_missing_header_is_refused(setup, unit_staff):
    plan, unit, _, _ = setup
    wb = _plain_sheet([["任务", "内容"], [1, "x"]])
    with pytest.raises(ApplicationError, match="表头"):
        breakdowns_import_xlsx(plan=plan, unit=unit, file=_upload(wb), actor=unit_staff)


# --- the export ------------------------------------------------------------------------

def _row(**overrides) -> LedgerRow:
    values = dict(
        assignment_id=1, part_number=1, part_title="一、部分", section_number=1,
        section_title="（一）项目", task_number=1, task_title="", task_text="具体要求",
        unit_id=1, unit_name="区发展改革局", role="lead", measures="措施", target="目标",
        due_on=datetime.date(2022, 9, 30), responsible_dept="办公室", contact_person="张三",
        contact_phone="020-1", period_name="第三季度", progress="进展", state="done",
        status="passed")
    return LedgerRow(**{**values, **overrides})


def test_export_has_title_headers_frozen_header_autofilter_and_print_setup():
    data = ledger_workbook([_row(), _row(task_number=2)], title="黄埔区2022年政务公开工作要点落实台账")

    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value == "黄埔区2022年政务公开工作要点落实台账"
    assert [c.value for c in ws[2]] == list(HEADERS)
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:{openpyxl.utils.get_column_letter(len(HEADERS))}4"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$2"
    assert ws.cell(3, _col("职责")).value == "牵头"
    assert ws.cell(3, _col("推进状态")).value == "已完成"
    assert ws.cell(3, _col("审核状态")).value == "审核通过"
    assert ws.cell(3, _col("完成时限")).value == datetime.datetime(2022, 9, 30)
    assert ws.cell(3, _col("具体要求")).alignment.wrap_text


@pytest.mark.parametrize("text", ["=1+1", '=HYPERLINK("http://x","点我")', "+86 20", "-1",
                                  "@SUM(A1)"])
def test_formula_looking_text_is_written_as_text(text):
    data = ledger_workbook([_row(measures=text)], title="台账")

    cell = openpyxl.load_workbook(io.BytesIO(data)).active.cell(3, _col("工作措施"))
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_control_characters_do_not_break_the_export():
    data = ledger_workbook([_row(measures="措施\x00\x07完毕")], title="台账")

    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.cell(3, _col("工作措施")).value == "措施完毕"


def test_full_district_export_holds_every_row():
    # Its speed is measured in bench/ledger, not here: a timed test fails on a busy machine.
    rows = [_row(task_number=t, unit_name=f"单位{u}", measures="措施" * 40,
                 progress="进展" * 80, task_text="要求" * 60)
            for t in range(64) for u in range(80)]
    data = ledger_workbook(rows, title="台账")

    ws = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    body = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(body) == 64 * 80
    assert len({row[_col("落实单位") - 1] for row in body}) == 80
