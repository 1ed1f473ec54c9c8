"""``foi_stats --year YEAR [--unit NAME]`` and the .xlsx export of the same tables."""
import datetime as dt
import io
import json

import pytest
import time_machine
from openpyxl import load_workbook

from django.core.management import CommandError, call_command

from gongkai.foi.exports import stats_workbook
from gongkai.foi.selectors.stats import table_four, table_three
from gongkai.foi.tests.factories import AppealFactory
from gongkai.foi.tests.factories_stats import replied, still_open
from gongkai.orgs.tests.factories import UnitAliasFactory, UnitFactory

D = dt.date
pytestmark = pytest.mark.django_db


def run(*args) -> dict:
    out = io.StringIO()
    call_command("foi_stats", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def unit():
    unit = UnitFactory(name="区发展和改革局", short_name="区发改局")
    for outcome in ["1", "1", "2", "2", "3.6", "4.1", "4.1", "6.3"]:
        replied(unit=unit, received_on=D(2022, 3, 1), replied_on=D(2022, 3, 20),
                outcome=outcome)
    return unit


@time_machine.travel(dt.datetime(2023, 1, 15, 10, tzinfo=dt.UTC))
def test_prints_both_tables_with_the_templates_labels(unit):
    app = still_open(unit=unit, received_on=D(2022, 12, 30))
    AppealFactory(application=app, filed_on=D(2022, 12, 31))
    result = run("--year", "2022", "--unit", "区发展和改革局")
    assert result["year"] == 2022 and result["unit"] == "区发展和改革局"
    three = result["table_three"]
    assert [c["label"] for c in three["columns"]][0] == "自然人"
    rows = {r["label"]: r for r in three["rows"]}
    assert rows["一、本年新收政府信息公开申请数量"]["values"]["自然人"] == 9
    assert rows["一、本年新收政府信息公开申请数量"]["values"]["总计"] == 9
    assert rows["（七）总计"]["values"]["总计"] == 8
    assert rows["四、结转下年度继续办理"]["values"]["总计"] == 1
    assert rows["6.属于四类过程性信息"]["group"] == "（三）不予公开"
    assert rows["6.属于四类过程性信息"]["values"]["自然人"] == 1
    blocks = result["table_four"]["blocks"]
    assert blocks[0]["label"] == "行政复议"
    assert blocks[0]["values"] == {"结果维持": 0, "结果纠正": 0, "其他结果": 0,
                                   "尚未审结": 1, "总计": 1}
    assert blocks[2]["sub_label"] == "复议后起诉"
    assert result["consistency"] == []


@time_machine.travel(dt.datetime(2023, 1, 15, 10, tzinfo=dt.UTC))
def test_the_unit_is_found_in_either_script_and_by_alias(unit):
    UnitAliasFactory(unit=unit, name="發改局")
    assert run("--year", "2022", "--unit", "區發展和改革局")["unit"] == "区发展和改革局"
    assert run("--year", "2022", "--unit", "發改局")["unit"] == "区发展和改革局"


@time_machine.travel(dt.datetime(2023, 1, 15, 10, tzinfo=dt.UTC))
def test_without_a_unit_the_whole_district_is_counted(unit):
    replied(unit=UnitFactory(), received_on=D(2022, 5, 1), replied_on=D(2022, 5, 2))
    result = run("--year", "2022")
    assert result["unit"] == "全区"
    assert result["table_three"]["rows"][0]["values"]["总计"] == 9


@time_machine.travel(dt.datetime(2023, 1, 15, 10, tzinfo=dt.UTC))
@pytest.mark.parametrize("year", ["abc", "20222", "1999", "2024", "２０２２", "-2022", ""])
def test_a_bad_year_is_refused_in_chinese(year):
    with pytest.raises(CommandError, match="年"):
        run("--year", year)


@time_machine.travel(dt.datetime(2023, 1, 15, 10, tzinfo=dt.UTC))
def test_an_unknown_unit_is_refused_in_chinese(unit):
    with pytest.raises(CommandError, match="找不到单位“<script>"):
        run("--year", "2022", "--unit", "<script>alert(1)</script>")


def test_the_workbook_has_the_templates_layout(unit):
    three = table_three(year=2022, unit=unit)
    four = table_four(year=2022, unit=unit)
    data = stats_workbook(three=three, four=four, title="=区发展和改革局2022年度")
    wb = load_workbook(io.BytesIO(data))
    ws3, ws4 = wb.worksheets
    assert ws3["A1"].value == "=区发展和改革局2022年度"
    assert ws3["A1"].data_type == "s" and ws3["A1"].quotePrefix
    assert ws3["D3"].value == "申请人情况"
    assert ws3["D4"].value == "自然人" and "D4:D5" in ws3.merged_cells
    assert ws3["E4"].value == "法人或其他组织" and "E4:I4" in ws3.merged_cells
    assert [ws3.cell(5, c).value for c in range(5, 10)] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert ws3["J4"].value == "总计"
    assert ws3["A6"].value == "一、本年新收政府信息公开申请数量" and ws3["J6"].value == 8
    assert ws3["A8"].value == "三、本年度办理结果" and "A8:A29" in ws3.merged_cells
    assert ws3["B10"].value == "（三）不予公开" and "B10:B17" in ws3.merged_cells
    assert ws3["C15"].value == "6.属于四类过程性信息" and ws3["D15"].value == 1
    assert ws3["B29"].value == "（七）总计" and ws3["J29"].value == 8
    assert ws3["A30"].value == "四、结转下年度继续办理"
    assert ws3["J30"].border.bottom.style == "thin"
    assert int(ws3.page_setup.paperSize) == 9  # A4
    assert ws3.page_setup.fitToWidth == 1
    assert ws4["A3"].value == "行政复议" and "A3:E3" in ws4.merged_cells
    assert ws4["F3"].value == "行政诉讼" and "F3:O3" in ws4.merged_cells
    assert ws4["F4"].value == "未经复议直接起诉" and ws4["K4"].value == "复议后起诉"
    assert ws4["A4"].value == "结果维持" and "A4:A5" in ws4.merged_cells
    assert [ws4.cell(6, c).value for c in range(1, 16)] == [0] * 15
