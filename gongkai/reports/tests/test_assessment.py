"""The assessment: the scheme as data, where every point comes from, deductions,
adjustments with reasons, ranking of assessed units only, the 通报 through approval."""
import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.foi.tests.factories_stats import replied
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.models import Plan
from gongkai.plans.tests.factories import AssignmentFactory, PlanFactory, TaskFactory
from gongkai.reports.models import ItemKind, NoticeStatus, SchemeItem
from gongkai.reports.selectors.assessment import assessment, item_points
from gongkai.reports.services import assessment as svc
from gongkai.reports.tests.factories import WorkRecordFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize("kind, points, full, cap, value, expected", [
    (ItemKind.SCALED, "10", 1, None, 0, "0.0"),
    (ItemKind.SCALED, "10", 1, None, 3, "10.0"),
    (ItemKind.SCALED, "60", 100, None, 85, "51.0"),
    (ItemKind.SCALED, "10", 3, None, 1, "3.3"),
    (ItemKind.DEDUCTION, "2", 1, "10", 3, "-6.0"),
    (ItemKind.DEDUCTION, "2", 1, "10", 9, "-10.0"),
    (ItemKind.BONUS, "0.5", 1, None, 3, "1.5"),
])
def test_item_points(kind, points, full, cap, value, expected):
    assert item_points(kind=kind, points=Decimal(points), full_value=full,
                       cap=Decimal(cap) if cap else None, value=value) == Decimal(expected)


@pytest.fixture
def year_2022(office_admin):
    """Two units with tasks, the office with a task too, and a unit without tasks."""
    plan = PlanFactory(year=2022)
    task = TaskFactory(plan=plan, number=40)
    a, b = UnitFactory(name="区甲局"), UnitFactory(name="区乙局")
    for unit in (a, b, office_admin.unit):
        AssignmentFactory(task=task, unit=unit)
    UnitFactory(name="区丙局")
    scheme = svc.scheme_get_or_create(year=2022, actor=office_admin)
    scheme.items.all().delete()
    svc.scheme_item_save(scheme=scheme, kind=ItemKind.SCALED, indicator="reports.training",
                         points="10", full_value=1, actor=office_admin)
    svc.scheme_item_save(scheme=scheme, kind=ItemKind.DEDUCTION, indicator="foi.overdue",
                         points="2", cap="5", actor=office_admin)
    return scheme, a, b


def test_scores_come_from_the_items_with_links_and_only_assigned_units_are_ranked(
        year_2022, office_admin):
    scheme, a, b = year_2022
    WorkRecordFactory(unit=a, held_on=D(2022, 5, 1))
    WorkRecordFactory(unit=b, held_on=D(2022, 5, 1))
    for _i in range(3):  # each overdue application deducts 2, at most 5
        replied(unit=b, received_on=D(2022, 3, 1), replied_on=D(2022, 6, 1))
    results = assessment(scheme=scheme)
    assert [(r.unit_name, r.total, r.rank) for r in results] == [
        ("区甲局", Decimal("10.0"), 1), ("区乙局", Decimal("5.0"), 2)]
    overdue = results[1].lines[1]
    assert (overdue.value, overdue.points) == (3, Decimal("-5.0"))
    assert f"unit={b.pk}" in overdue.records_url and "foi.overdue" in overdue.records_url


def test_an_adjustment_needs_a_reason_is_audited_and_can_reorder_the_ranking(
        year_2022, office_admin):
    scheme, a, b = year_2022
    with pytest.raises(ApplicationError, match="理由"):
        svc.adjustment_add(scheme=scheme, unit=b, points="3", reason=" ", actor=office_admin)
    with pytest.raises(ApplicationError, match="不能为 0"):
        svc.adjustment_add(scheme=scheme, unit=b, points="0", reason="x", actor=office_admin)
    with pytest.raises(ApplicationError, match="数字"):
        svc.adjustment_add(scheme=scheme, unit=b, points="三", reason="x", actor=office_admin)
    with pytest.raises(ApplicationError, match="不在本年度考核范围"):
        svc.adjustment_add(scheme=scheme, unit=office_admin.unit, points="3", reason="x",
                           actor=office_admin)
    svc.adjustment_add(scheme=scheme, unit=b, points="4", kind="correction",
                       reason="会议记录补录，核实后更正", actor=office_admin)
    results = assessment(scheme=scheme)
    assert [r.unit_name for r in results] == ["区乙局", "区甲局"]
    assert results[0].lines[-1].reason == "会议记录补录，核实后更正"
    event = history_of(scheme).filter(action="reports.adjustment.correction").get()
    assert event.details["reason"] == "会议记录补录，核实后更正"


def test_the_notice_goes_through_approval_before_it_is_issued(year_2022, office_admin):
    scheme, a, b = year_2022
    notice = svc.notice_draft(scheme=scheme, scope="year", actor=office_admin)
    assert "全年" in notice.title and "区甲局" in notice.body
    svc.notice_edit(notice=notice, title=notice.title, doc_number="埔公开〔2023〕1号",
                    body=notice.body + "\n特此通报。", actor=office_admin)
    with pytest.raises(ApplicationError):
        svc.notice_move(notice=notice, to=NoticeStatus.ISSUED, actor=office_admin)
    svc.notice_move(notice=notice, to=NoticeStatus.PENDING, actor=office_admin)
    notice.refresh_from_db()
    with pytest.raises(ApplicationError, match="不能修改"):
        svc.notice_edit(notice=notice, title="x", doc_number="", body="y", actor=office_admin)
    with pytest.raises(ApplicationError, match="主要负责同志"):
        svc.notice_move(notice=notice, to=NoticeStatus.APPROVED, actor=office_admin)
    svc.notice_move(notice=notice, to=NoticeStatus.APPROVED, approver="王区长",
                    actor=office_admin)
    notice = svc.notice_move(notice=notice, to=NoticeStatus.ISSUED, actor=office_admin)
    assert notice.status == NoticeStatus.ISSUED and notice.approved_by == "王区长"
    assert [e.action for e in history_of(notice)] == [
        "reports.notice.drafted", "reports.notice.edited", "reports.notice.submitted",
        "reports.notice.approved", "reports.notice.issued"]


def test_exports_carry_the_score_table_and_the_notice_has_it_as_an_annex(
        year_2022, office_admin, client_for, supervisor):
    scheme, a, b = year_2022
    notice = svc.notice_draft(scheme=scheme, scope="q4", actor=office_admin)
    client = client_for(office_admin)
    response = client.get("/reports/assessment/?year=2022&scope=year&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]] == ["排名", "单位", "得分", "得分明细"]
    assert {sheet.cell(row=r, column=2).value for r in (3, 4)} == {"区甲局", "区乙局"}
    document = Document(io.BytesIO(client.get(
        f"/reports/assessment/notices/{notice.pk}/docx/").content))
    texts = [p.text for p in document.paragraphs]
    assert texts.index("附件") > texts.index(notice.title)
    assert document.tables[-1].rows[0].cells[1].text == "单位"
    assert client_for(supervisor).get("/reports/assessment/?year=2022").status_code == 200
    assert client_for(supervisor).post("/reports/assessment/change/", {
        "year": 2022, "action": "notice"}).status_code == 403


def test_scheme_items_are_validated(year_2022, office_admin):
    scheme, _a, _b = year_2022
    for kwargs, message in (({"points": "-1"}, "超出范围"), ({"points": "abc"}, "数字"),
                            ({"indicator": "x.y"}, "指标"), ({"kind": "k"}, "类型"),
                            ({"full_value": "0"}, "正整数")):
        args = {"kind": ItemKind.BONUS, "indicator": "reports.training", "points": "1",
                **kwargs}
        with pytest.raises(ApplicationError, match=message):
            svc.scheme_item_save(scheme=scheme, actor=office_admin, **args)
    assert SchemeItem.objects.filter(scheme=scheme).count() == 2


def test_the_assessment_page_runs_a_fixed_number_of_queries(
        year_2022, office_admin, client_for, django_assert_max_num_queries):
    client = client_for(office_admin)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/reports/assessment/?year=2022").status_code == 200
    plan = Plan.objects.get(year=2022)
    for unit in UnitFactory.create_batch(15):
        AssignmentFactory(task=TaskFactory(plan=plan), unit=unit)
        WorkRecordFactory(unit=unit, held_on=D(2022, 5, 1))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/reports/assessment/?year=2022")


def test_a_supervisor_reading_a_year_without_a_scheme_creates_nothing(
        supervisor, client_for):
    from gongkai.reports.models import AssessmentScheme

    response = client_for(supervisor).get("/reports/assessment/?year=2021")
    assert response.status_code == 200 and "尚未制定" in response.content.decode()
    assert not AssessmentScheme.objects.exists()
