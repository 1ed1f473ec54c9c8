"""The .xlsx exports of the scores, progress and matrix pages: who may download, what
the file holds (the page's rows, Chinese headers, words not codes), drafts never."""
import datetime as dt
import io

import pytest
import time_machine
from openpyxl import load_workbook

from django.urls import reverse
from django.utils import timezone

from gongkai.plans.models import ReportStatus
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    SectionFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(dt.datetime(2022, 10, 8, 10, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def world(unit_staff, other_unit_staff):
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, name="第三季度",
                                    deadline=dt.date(2022, 9, 30))
    task = TaskFactory(section=SectionFactory(plan=plan, number=1, title="决策公开"),
                       number=1, text="=HYPERLINK(\"x\") 推进决策公开")
    own = AssignmentFactory(task=task, unit=unit_staff.unit)
    other = AssignmentFactory(task=task, unit=other_unit_staff.unit)
    sent = timezone.make_aware(dt.datetime(2022, 10, 3, 9))
    ReportFactory(assignment=own, period=period, status=ReportStatus.SUBMITTED,
                  first_submitted_at=sent, submitted_at=sent)
    ReportFactory(assignment=other, period=period, status=ReportStatus.DRAFT,
                  progress="草稿内容")
    return plan, period, unit_staff.unit, other_unit_staff.unit


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return [list(r) for r in load_workbook(io.BytesIO(response.content)).active
            .iter_rows(values_only=True)]


def test_scores_export_has_every_unit_ranked(world, client_for, office_admin):
    plan, period, own, other = world
    rows = _sheet(client_for(office_admin).get(
        reverse("plans:scores_export"), {"year": plan.year, "period": period.pk}))
    assert rows[0][0] == "2022年第三季度单位得分"
    assert rows[1][:2] == ["名次", "单位"]
    assert {r[1] for r in rows[2:]} == {own.name, other.name}


def test_matrix_export_has_each_cell_in_words_and_no_formula(world, client_for,
                                                             office_admin):
    plan, period, own, other = world
    rows = _sheet(client_for(office_admin).get(
        reverse("plans:matrix_export"), {"year": plan.year, "period": period.pk}))
    header = rows[1]
    assert header[:2] == ["序号", "任务"] and own.name in header and other.name in header
    task_row = rows[2]
    assert task_row[1].startswith("=HYPERLINK")  # kept as text, not evaluated
    assert task_row[header.index(own.name)] == "已报送待审·逾期"
    # A draft is not a report: past the deadline the cell says overdue, not submitted.
    assert task_row[header.index(other.name)] == "未报送·逾期"
    book = load_workbook(io.BytesIO(client_for(office_admin).get(
        reverse("plans:matrix_export"), {"year": plan.year}).content))
    assert book.active.cell(row=3, column=2).data_type == "s"


def test_progress_export_has_sections_late_items_and_ranking(world, client_for, supervisor):
    plan, period, own, _other = world
    rows = _sheet(client_for(supervisor).get(
        reverse("plans:progress_export"), {"year": plan.year, "period": period.pk}))
    flat = [c for r in rows for c in r if c is not None]
    assert "决策公开" in flat and "逾期报送" in flat and own.name in flat
    assert "草稿内容" not in flat


def test_unit_staff_cannot_download_the_office_exports(world, client_for, unit_staff,
                                                       supervisor):
    plan, period, *_ = world
    staff = client_for(unit_staff)
    for name in ("plans:scores_export", "plans:progress_export", "plans:matrix_export",
                 "plans:review_export"):
        assert staff.get(reverse(name), {"year": plan.year}).status_code == 403, name
    # The matrix is the office's page; a supervisor reads progress but not the matrix.
    assert client_for(supervisor).get(reverse("plans:matrix_export")).status_code == 403


@pytest.mark.parametrize("params", [{"year": "99999999999999"}, {"period": "１"},
                                    {"year": "2022", "period": "-5"}])
def test_hostile_parameters_never_break_an_export(world, client_for, office_admin, params):
    client = client_for(office_admin)
    for name in ("plans:scores_export", "plans:progress_export", "plans:matrix_export"):
        assert client.get(reverse(name), params).status_code in (200, 404), name
