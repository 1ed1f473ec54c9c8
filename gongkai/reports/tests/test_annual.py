"""The annual report: tables from data as of 31 December with the 勾稽 checks, prose
drafted from data, edited by the unit, reviewed through publishing, published on the
portal by year; the command line; the .docx."""
import datetime as dt
import io
import json

import pytest
import time_machine
from docx import Document

from django.core.management import CommandError, call_command

from gongkai.core.errors import ApplicationError
from gongkai.foi.codes import AppealResult
from gongkai.foi.selectors.stats import table_three
from gongkai.foi.services.appeals import appeal_decide
from gongkai.foi.tests.factories import AppealFactory
from gongkai.foi.tests.factories_stats import replied, still_open
from gongkai.orgs.tests.factories import OfficeUnitFactory, ReviewerFactory
from gongkai.publishing.models import PublicationStatus, Review, ReviewRoute
from gongkai.publishing.services.review import review_decide
from gongkai.reports.models import AnnualReport
from gongkai.reports.services.annual import (
    annual_report_edit,
    annual_report_generate,
    annual_report_submit,
)

pytestmark = pytest.mark.django_db
D = dt.date
FEBRUARY = dt.datetime(2023, 1, 20, 10, tzinfo=dt.UTC)
NUMBERS = ["一", "二", "三", "四", "五", "六"]


@pytest.fixture
def year_2022(unit_staff):
    OfficeUnitFactory()
    unit = unit_staff.unit
    replied(unit=unit, received_on=D(2021, 12, 20), replied_on=D(2022, 1, 10))
    replied(unit=unit, received_on=D(2022, 3, 1), replied_on=D(2022, 3, 10))
    late = replied(unit=unit, received_on=D(2022, 3, 1), replied_on=D(2022, 6, 1),
                   outcome="4.1")
    still_open(unit=unit, received_on=D(2022, 12, 28))
    replied(unit=unit, received_on=D(2021, 5, 1), replied_on=D(2021, 5, 5))
    appeal = AppealFactory(application=late, filed_on=D(2022, 11, 2))
    return unit, appeal


@time_machine.travel(FEBRUARY)
def test_the_report_has_six_sections_tables_from_data_and_the_checks(year_2022, unit_staff):
    unit, _appeal = year_2022
    report = annual_report_generate(year=2022, unit=unit, actor=unit_staff)
    assert [s["number"] for s in report.sections] == NUMBERS
    assert report.tables["三"] == json.loads(json.dumps(
        table_three(year=2022, unit=unit).as_dict()))
    assert report.checks == {"ok": True, "problems": []}
    assert report.cut_off == D(2022, 12, 31)
    one = report.sections[0]["text"]
    assert "收到政府信息公开申请3件，比上年增加1件" in one and "结转下年度继续办理1件" in one
    assert "依申请公开未按期答复1件" in report.sections[4]["text"]
    assert "国办函〔2020〕109号" in report.sections[5]["text"]
    assert "落实年度政务公开工作要点情况" in report.sections[5]["text"]


@time_machine.travel(FEBRUARY)
def test_figures_are_frozen_as_of_31_december_and_a_later_decision_changes_nothing(
        year_2022, unit_staff):
    unit, appeal = year_2022
    report = annual_report_generate(year=2022, unit=unit, actor=unit_staff)
    pending = report.tables["四"]["blocks"][0]["values"]
    assert (pending["尚未审结"], pending["总计"]) == (1, 1)
    appeal_decide(appeal=appeal, result=AppealResult.CORRECTED, decided_on=D(2023, 1, 15),
                  note="", actor=unit_staff)
    report.refresh_from_db()
    assert report.tables["四"]["blocks"][0]["values"]["尚未审结"] == 1
    # Regenerated, the year's figures are still those of 31 December.
    again = annual_report_generate(year=2022, unit=unit, actor=unit_staff)
    assert again.pk == report.pk
    assert again.tables["四"]["blocks"][0]["values"]["尚未审结"] == 1


@time_machine.travel(FEBRUARY)
def test_the_current_year_cannot_be_reported_yet(year_2022, unit_staff):
    with pytest.raises(ApplicationError, match="尚未结束"):
        annual_report_generate(year=2023, unit=unit_staff.unit, actor=unit_staff)


@time_machine.travel(FEBRUARY)
def test_edit_review_publish_and_the_portal_channel(year_2022, unit_staff, client_for):
    unit, _appeal = year_2022
    report = annual_report_generate(year=2022, unit=unit, actor=unit_staff)
    with pytest.raises(ApplicationError, match="不能为空"):
        annual_report_edit(report=report, texts={"五": "  "}, actor=unit_staff)
    annual_report_edit(report=report, texts={"五": "一是答复时效有待提高。二是加强培训。"},
                       actor=unit_staff)
    ReviewRoute.objects.create(unit=None, levels=1)
    annual_report_submit(report=AnnualReport.objects.get(pk=report.pk), actor=unit_staff)
    with pytest.raises(ApplicationError, match="不能修改"):
        annual_report_edit(report=report, texts={"五": "改"}, actor=unit_staff)
    public = client_for(unit_staff).__class__()
    assert public.get(f"/reports/public/annual/{report.pk}/").status_code == 404
    reviewer = ReviewerFactory(unit=unit)
    review_decide(review=Review.objects.get(), reviewer=reviewer, passed=True)
    report.refresh_from_db()
    assert report.publication_status == PublicationStatus.PUBLISHED
    listing = public.get("/reports/public/annual/").content.decode()
    assert "2022年度" in listing and report.title in listing
    page = public.get(f"/reports/public/annual/{report.pk}/").content.decode()
    assert "一是答复时效有待提高" in page and "本年新收政府信息公开申请数量" in page
    document = Document(io.BytesIO(public.get(
        f"/reports/public/annual/{report.pk}/docx/").content))
    texts = [p.text for p in document.paragraphs]
    assert "五、存在的主要问题及改进情况" in texts and len(document.tables) >= 6


@time_machine.travel(FEBRUARY)
def test_the_edit_page_keeps_typed_text_when_a_section_is_refused(
        year_2022, unit_staff, other_unit_staff, client_for):
    unit, _appeal = year_2022
    report = annual_report_generate(year=2022, unit=unit, actor=unit_staff)
    response = client_for(unit_staff).post(f"/reports/annual/{report.pk}/", {
        "action": "save", "section_一": "新写的总体情况", "section_五": ""})
    assert response.status_code == 400
    assert "新写的总体情况" in response.content.decode()
    assert AnnualReport.objects.get(pk=report.pk).sections[0]["text"] != "新写的总体情况"
    assert client_for(other_unit_staff).get(
        f"/reports/annual/{report.pk}/").status_code == 404


@time_machine.travel(FEBRUARY)
def test_the_district_report_aggregates_its_units_and_is_the_offices(
        year_2022, office_admin, unit_staff, client_for):
    assert client_for(unit_staff).post("/reports/annual/generate/", {
        "year": 2022, "unit": "district"}).status_code == 403
    response = client_for(office_admin).post("/reports/annual/generate/", {
        "year": 2022, "unit": "district"})
    report = AnnualReport.objects.get(is_district=True)
    assert response.status_code == 302 and report.unit.is_office
    assert report.tables["三"] == json.loads(json.dumps(table_three(year=2022).as_dict()))


@time_machine.travel(FEBRUARY)
def test_the_command_prints_the_json_shape_and_writes_the_docx(year_2022, tmp_path):
    unit, _appeal = year_2022
    out = io.StringIO()
    target = tmp_path / "report.docx"
    call_command("annual_report", "--year", "2022", "--unit", unit.name, "--out",
                 str(target), stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"year", "unit", "sections", "tables", "checks"}
    assert (result["year"], result["unit"]) == (2022, unit.name)
    assert [s["number"] for s in result["sections"]] == NUMBERS
    assert all(set(s) == {"number", "title", "text"} for s in result["sections"])
    assert set(result["tables"]) == {"二", "三", "四"}
    assert result["tables"]["三"] == json.loads(json.dumps(
        table_three(year=2022, unit=unit).as_dict()))
    assert result["checks"] == {"ok": True, "problems": []}
    assert "一、总体情况" in [p.text for p in Document(target).paragraphs]


@pytest.mark.parametrize("args, message", [
    (["--year", "二〇二二"], "四位数字"),
    (["--year", "2022", "--unit", "不存在的局"], "找不到单位"),
    (["--year", "2022", "--out", "/tmp/x.pdf"], ".docx"),
    (["--year", "2022", "--out", "/no/such/dir/x.docx"], "目录不存在"),
])
def test_the_command_refuses_bad_input_in_chinese(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("annual_report", *args, stdout=io.StringIO())
