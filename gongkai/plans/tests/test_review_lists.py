"""The review queue as a long list: filters, sort, paging in the URL; hostile values;
"next report" after a decision; batch approval with its confirmation; the export."""
import datetime as dt
import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import AuditEvent
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.lists import REVIEW_QUEUE
from gongkai.plans.models import Report, ReportStatus
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)
from gongkai.plans.views import review as review_views

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    """Two units, three tasks, six submitted reports an hour apart (oldest first)."""
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2099, 9, 30))
    units = [UnitFactory(name="区发展改革局", sort_order=1),
             UnitFactory(name="黄埔街道", sort_order=2)]
    tasks = [TaskFactory(plan=plan, number=n, text=f"第{n}项任务 公开专栏")
             for n in (1, 2, 3)]
    start = timezone.now() - dt.timedelta(days=1)
    reports = []
    for i, (task, unit) in enumerate((t, u) for t in tasks for u in units):
        report = ReportFactory(assignment=AssignmentFactory(task=task, unit=unit),
                               period=period, status=ReportStatus.SUBMITTED,
                               progress="已开设专栏" if i % 2 else "正在推进",
                               submitted_at=start + dt.timedelta(hours=i),
                               first_submitted_at=start + dt.timedelta(hours=i))
        reports.append(report)
    return plan, period, units, reports


def _ids(response) -> list[int]:
    return [r.pk for r in response.context["reports"]]


def test_the_queue_filters_by_unit_and_search_and_keeps_them_in_links(queue, client_for,
                                                                        office_admin):
    _plan, _period, units, reports = queue
    client = client_for(office_admin)
    response = client.get(reverse("plans:review_queue"), {"unit": units[1].pk, "q": "第2项"})
    assert _ids(response) == [reports[3].pk]
    body = response.content.decode()
    # The review link, the export and the pager carry the filters.
    review = reverse("plans:report_review", args=[reports[3].pk])
    assert f"{review}?unit={units[1].pk}&amp;q=%E7%AC%AC2%E9%A1%B9" in body
    assert f"export.xlsx?unit={units[1].pk}" in body


def test_the_queue_sorts_only_by_allowed_keys(queue, client_for, office_admin):
    *_rest, reports = queue
    client = client_for(office_admin)
    url = reverse("plans:review_queue")
    assert _ids(client.get(url)) == [r.pk for r in reports]
    assert _ids(client.get(url, {"sort": "-submitted"})) == [r.pk for r in reversed(reports)]
    by_unit = _ids(client.get(url, {"sort": "unit"}))
    assert by_unit[:3] == [reports[0].pk, reports[2].pk, reports[4].pk]
    hostile = client.get(url, {"sort": "assignment__unit__user__password"})
    assert hostile.status_code == 200
    assert _ids(hostile) == [r.pk for r in reports]
    assert "已忽略：排序" in hostile.content.decode()


def test_the_queue_pages_and_the_pager_keeps_the_filters(queue, client_for, office_admin,
                                                         monkeypatch):
    _plan, period, _units, reports = queue
    monkeypatch.setattr(review_views, "REVIEW_QUEUE", replace(REVIEW_QUEUE, per_page=2))
    client = client_for(office_admin)
    first = client.get(reverse("plans:review_queue"), {"period": period.pk})
    assert _ids(first) == [reports[0].pk, reports[1].pk]
    assert f"period={period.pk}&amp;page=2" in first.content.decode()
    third = client.get(reverse("plans:review_queue"), {"period": period.pk, "page": 3})
    assert _ids(third) == [reports[4].pk, reports[5].pk]
    beyond = client.get(reverse("plans:review_queue"), {"page": "99999999999999999999"})
    assert beyond.status_code == 200 and _ids(beyond) == _ids(first)


@pytest.mark.parametrize("params", [
    {"unit": "99999999999999999999999"}, {"unit": "１２"}, {"unit": "-1"},
    {"period": "abc"}, {"section": "1 OR 1=1"}, {"state": "<script>"}, {"flag": "x" * 500},
    {"q": "专" * 500}, {"page": "-3"}, {"page": "²"}, {"sort": "'; DROP TABLE x"},
    {"year": "99999999999"},
])
def test_hostile_parameters_give_the_unfiltered_queue_and_say_so(queue, client_for,
                                                                 office_admin, params):
    *_rest, reports = queue
    response = client_for(office_admin).get(reverse("plans:review_queue"), params)
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert _ids(response) == [r.pk for r in reports]
        if set(params) - {"page", "year"}:
            assert "已忽略" in response.content.decode()


def test_next_report_after_a_decision_stays_in_the_filtered_queue(queue, client_for,
                                                                  office_admin):
    _plan, _period, units, reports = queue
    client = client_for(office_admin)
    mine = [r for r in reports if r.assignment.unit_id == units[0].pk]
    url = reverse("plans:report_review", args=[mine[0].pk]) + f"?unit={units[0].pk}"
    page = client.get(url).content.decode()
    assert "第 1 / 3 份" in page
    response = client.post(url, {"action": "pass_next", "comment": ""})
    assert response.status_code == 302
    assert response["Location"] == (reverse("plans:report_review", args=[mine[1].pk])
                                     + f"?unit={units[0].pk}")
    response = client.post(reverse("plans:report_review", args=[mine[1].pk])
                           + f"?unit={units[0].pk}", {"action": "return_next", "comment": "补材料"})
    assert response["Location"].startswith(reverse("plans:report_review", args=[mine[2].pk]))
    response = client.post(reverse("plans:report_review", args=[mine[2].pk])
                           + f"?unit={units[0].pk}", {"action": "pass_next", "comment": ""})
    assert response["Location"] == reverse("plans:review_queue") + f"?unit={units[0].pk}"
    statuses = [Report.objects.get(pk=r.pk).status for r in mine]
    assert statuses == [ReportStatus.PASSED, ReportStatus.RETURNED, ReportStatus.PASSED]


def test_batch_approval_confirms_first_then_passes_each_through_the_service(
        queue, client_for, office_admin):
    *_rest, reports = queue
    client = client_for(office_admin)
    chosen = [reports[0].pk, reports[1].pk, reports[2].pk]
    confirm = client.post(reverse("plans:review_batch"), {"report": chosen})
    assert confirm.status_code == 200
    body = confirm.content.decode()
    assert "确认通过这 3 份报告" in body
    assert Report.objects.filter(status=ReportStatus.PASSED).count() == 0  # nothing yet
    # A colleague passes one in the meantime: it is reported, the others still pass.
    client.post(reverse("plans:report_review", args=[reports[1].pk]), {"action": "pass"})
    done = client.post(reverse("plans:review_batch"),
                       {"report": chosen, "confirm": "1", "comment": "同意"})
    assert done.status_code == 200
    results = {r["pk"]: r["ok"] for r in done.context["results"]}
    assert results == {reports[0].pk: True, reports[1].pk: False, reports[2].pk: True}
    assert "已通过 2 份，未通过 1 份" in done.content.decode()
    assert set(Report.objects.filter(status=ReportStatus.PASSED).values_list("pk", flat=True)) \
        == set(chosen)
    passed_events = AuditEvent.objects.filter(action="plans.report.passed")
    assert passed_events.count() == 3
    assert Report.objects.get(pk=reports[0].pk).review_comment == "同意"


def test_batch_approval_without_a_choice_or_with_hostile_ids_changes_nothing(
        queue, client_for, office_admin, unit_staff):
    *_rest, reports = queue
    client = client_for(office_admin)
    empty = client.post(reverse("plans:review_batch"), {"report": ["x", "99999999999999999999"]})
    assert empty.status_code == 400 and "没有选中任何报告" in empty.content.decode()
    too_many = client.post(reverse("plans:review_batch"),
                           {"report": [str(i) for i in range(1, 203)], "confirm": "1"})
    assert too_many.status_code == 400
    staff = client_for(unit_staff)
    denied = staff.post(reverse("plans:review_batch"),
                        {"report": [reports[0].pk], "confirm": "1"})
    assert denied.status_code == 403
    assert not Report.objects.filter(status=ReportStatus.PASSED).exists()


def test_the_export_holds_every_filtered_row_with_chinese_headers(queue, client_for,
                                                                  office_admin, unit_staff):
    _plan, _period, units, reports = queue
    client = client_for(office_admin)
    response = client.get(reverse("plans:review_export"), {"unit": units[0].pk})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == ("单位", "任务序号", "具体要求", "报送期")
    assert [r[0] for r in rows[2:]] == ["区发展改革局"] * 3
    assert client_for(unit_staff).get(reverse("plans:review_export")).status_code == 403
