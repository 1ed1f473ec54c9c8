import datetime as dt
import json
import re

import pytest
import time_machine

from django.urls import reverse
from django.utils import timezone

from gongkai.orgs.tests.factories import ReviewerFactory, UnitFactory
from gongkai.plans.models import ProgressState, ReportStatus
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    EvidenceFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    SectionFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('x')</script>"
TODAY = dt.datetime(2022, 10, 8, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def world(unit_staff, other_unit_staff):
    """A 2022 plan with a third-quarter period; both staff units have a task each."""
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, name="第三季度",
                                    deadline=dt.date(2022, 9, 30))
    section = SectionFactory(plan=plan, number=1, title=f"公开{HOSTILE}")
    task = TaskFactory(section=section, number=1, text="推进决策公开")
    own = AssignmentFactory(task=task, unit=unit_staff.unit)
    other = AssignmentFactory(task=task, unit=other_unit_staff.unit)
    sent = timezone.make_aware(dt.datetime(2022, 9, 20, 9))
    returned = ReportFactory(assignment=own, period=period, status=ReportStatus.RETURNED,
                             first_submitted_at=sent, submitted_at=sent,
                             review_comment="请补充佐证")
    draft = ReportFactory(assignment=other, period=period, status=ReportStatus.DRAFT,
                          progress="另一单位尚未报送的草稿内容")
    return {"plan": plan, "period": period, "task": task, "own": own, "other": other,
            "returned": returned, "draft": draft}


@pytest.mark.parametrize("name", ["plans:matrix", "plans:progress", "plans:todo"])
def test_anonymous_visitors_are_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", ["plans:matrix", "plans:progress"])
def test_unit_staff_may_not_open_district_dashboards(world, unit_staff, client_for, name):
    assert client_for(unit_staff).get(reverse(name)).status_code == 403
    assert client_for(ReviewerFactory()).get(reverse(name)).status_code == 403


def test_supervisor_reads_progress_but_not_the_matrix_nor_a_todo(world, supervisor,
                                                                  client_for):
    client = client_for(supervisor)
    assert client.get(reverse("plans:matrix")).status_code == 403
    assert client.get(reverse("plans:todo")).status_code == 403
    response = client.get(reverse("plans:progress"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "另一单位尚未报送的草稿内容" not in body
    assert "<form method=\"post\"" not in body.split("<main")[1]  # read-only page


def test_office_admin_may_not_open_a_unit_todo(world, office_admin, client_for):
    assert client_for(office_admin).get(reverse("plans:todo")).status_code == 403


def test_matrix_shows_each_cell_state_and_never_a_draft(world, office_admin, client_for):
    response = client_for(office_admin).get(reverse("plans:matrix"))
    assert response.status_code == 200
    body = response.content.decode()
    own_unit, other_unit = world["own"].unit.name, world["other"].unit.name
    assert re.search(rf'class="c-returned" title="1 · {own_unit} · 退回整改"', body)
    assert re.search(rf'class="c-missing late" title="1 · {other_unit} · 未报送 · 逾期"',
                     body)
    assert "另一单位尚未报送的草稿内容" not in body
    assert response.context["m"].period == world["period"]


def test_matrix_period_selector_switches_period(world, office_admin, client_for):
    q4 = ReportingPeriodFactory(plan=world["plan"], number=4, name="第四季度",
                                deadline=dt.date(2022, 12, 30))
    url = reverse("plans:matrix")
    response = client_for(office_admin).get(url, {"year": 2022, "period": q4.pk})
    assert response.context["period"] == q4
    cells = response.context["m"].rows[0].cells
    assert {c.state for c in cells} == {"not_submitted"}  # nothing reported for Q4 yet
    # A malformed selection falls back to defaults rather than failing.
    fallback = client_for(office_admin).get(url, {"year": "x'; --", "period": "abc"})
    assert fallback.status_code == 200
    assert fallback.context["period"] == q4  # Q3's deadline has passed


def test_matrix_escapes_hostile_unit_names(world, office_admin, client_for):
    unit = UnitFactory(name=f"区{HOSTILE}局")
    AssignmentFactory(task=world["task"], unit=unit)
    body = client_for(office_admin).get(reverse("plans:matrix")).content.decode()
    assert HOSTILE not in body
    assert "&lt;script&gt;" in body


def test_matrix_without_a_plan_says_so(office_admin, client_for):
    response = client_for(office_admin).get(reverse("plans:matrix"))
    assert response.status_code == 200
    assert "尚无分工方案" in response.content.decode()


def test_progress_chart_data_is_escaped_json(world, office_admin, client_for):
    response = client_for(office_admin).get(reverse("plans:progress"))
    body = response.content.decode()
    assert HOSTILE not in body
    match = re.search(r'<script id="progress-chart-data" type="application/json">(.*?)'
                      r"</script>", body, re.S)
    assert match, "chart data is embedded with json_script"
    assert "<" not in match.group(1)
    data = json.loads(match.group(1))
    assert data["labels"] == [f"(1) 公开{HOSTILE}"]
    assert [s["data"] for s in data["series"]] == [[2], [1], [0], [0]]
    assert "vendor/echarts/echarts.custom.min." in body  # a hashed name: echarts.custom.min.<hash>.js


def test_progress_lists_returned_and_missing_reports(world, office_admin, client_for):
    response = client_for(office_admin).get(reverse("plans:progress"))
    kinds = [(item.kind, item.unit_id) for item, _ in response.context["late_items"]]
    assert kinds == [("returned", world["own"].unit_id), ("overdue", world["other"].unit_id)]
    assert "请补充佐证" in response.content.decode()


def test_todo_lists_only_the_users_own_unit(world, unit_staff, other_unit_staff, client_for):
    response = client_for(unit_staff).get(reverse("plans:todo"))
    assert response.status_code == 200
    items = [item for item, _ in response.context["items"]]
    assert {item.assignment_id for item in items} == {world["own"].pk}
    assert items[0].kind == "returned"
    assert "请补充佐证" in response.content.decode()

    other = client_for(other_unit_staff).get(reverse("plans:todo"))
    other_items = [item for item, _ in other.context["items"]]
    assert {item.assignment_id for item in other_items} == {world["other"].pk}
    assert "请补充佐证" not in other.content.decode()


def test_workbench_cards_by_role(world, office_admin, unit_staff, supervisor, client_for):
    EvidenceFactory(report=world["returned"], is_dead=True)
    EvidenceFactory(report=world["draft"], is_dead=True)  # a draft's link is not counted
    ReportFactory(assignment=AssignmentFactory(task=world["task"]), period=world["period"],
                  status=ReportStatus.PASSED, state=ProgressState.DONE,
                  first_submitted_at=timezone.make_aware(dt.datetime(2022, 10, 2, 9)))

    office = client_for(office_admin).get(reverse("portal:workbench"))
    summary = office.context["wb"]["office"]
    assert (summary.awaiting_review, summary.returned, summary.dead_links) == (0, 1, 1)
    assert (summary.overdue, summary.submitted_late) == (1, 1)
    assert 'id="wb-office"' in office.content.decode()

    unit = client_for(unit_staff).get(reverse("portal:workbench")).content.decode()
    assert 'id="wb-todo"' in unit and 'id="wb-office"' not in unit

    watcher = client_for(supervisor).get(reverse("portal:workbench")).content.decode()
    assert 'id="wb-progress"' in watcher and 'id="wb-office"' not in watcher


def test_progress_ranks_units_by_score(world, supervisor, client_for):
    response = client_for(supervisor).get(reverse("plans:progress"))
    ranking = response.context["ranking"]
    assert [(row.rank, row.unit_id) for row in ranking][0] == (1, world["own"].unit_id)
    assert {row.unit_id for row in ranking} == {world["own"].unit_id, world["other"].unit_id}
    assert 'id="ranking-table"' in response.content.decode()


def test_matrix_cells_link_to_the_report_or_the_ledger(world, office_admin, client_for):
    body = client_for(office_admin).get(reverse("plans:matrix")).content.decode()
    detail = reverse("plans:report_detail", args=[world["returned"].pk])
    assert f'<a href="{detail}">退</a>' in body
    # The other unit's draft is never linked; its cell opens that unit's ledger.
    assert reverse("plans:report_detail", args=[world["draft"].pk]) not in body
    ledger = reverse("plans:ledger")
    assert f"{ledger}?year=2022&amp;unit={world['other'].unit_id}&amp;part=" in body


def test_todo_links_to_breakdown_and_report_pages(world, unit_staff, client_for):
    response = client_for(unit_staff).get(reverse("plans:todo"))
    hrefs = {item.kind: href for item, href in response.context["items"]}
    own, period = world["own"], world["period"]
    assert hrefs["returned"] == reverse("plans:report_edit", args=[own.pk, period.pk])
    assert hrefs["breakdown"] == reverse("plans:breakdown_edit", args=[own.pk])


def test_a_reviewer_s_todo_links_only_pages_a_reviewer_may_open(world, unit_staff,
                                                              client_for):
    # The crawl found the reviewer's list linking report and breakdown forms that 404.
    reviewer = ReviewerFactory(unit=unit_staff.unit)
    client = client_for(reviewer)
    response = client.get(reverse("plans:todo"))
    hrefs = {item.kind: href for item, href in response.context["items"]}
    assert hrefs["returned"] == reverse("plans:report_detail", args=[world["returned"].pk])
    assert hrefs["breakdown"] is None
    assert client.get(hrefs["returned"]).status_code == 200
    workbench = client.get(reverse("portal:workbench")).content.decode()
    assert reverse("plans:report_edit", args=[world["own"].pk, world["period"].pk]) \
        not in workbench


def test_progress_lists_at_most_the_limit_of_late_reports(world, office_admin, client_for,
                                                          monkeypatch):
    from gongkai.plans.views import dashboards

    monkeypatch.setattr(dashboards, "LATE_LIST_LIMIT", 1)
    response = client_for(office_admin).get(reverse("plans:progress"))
    assert response.context["late_total"] == 2
    assert len(response.context["late_items"]) == 1
    assert "仅列出前 1 条" in response.content.decode()


def test_matrix_is_paged_by_tasks_and_keeps_the_period(world, office_admin, client_for,
                                                      monkeypatch):
    from gongkai.plans.views import dashboards

    monkeypatch.setattr(dashboards, "MATRIX_ROWS_PER_PAGE", 1)
    second_task = TaskFactory(section=world["task"].section, number=2, text="推进执行公开")
    AssignmentFactory(task=second_task, unit=world["own"].unit)
    client = client_for(office_admin)
    first = client.get(reverse("plans:matrix"))
    tasks = first.context["page"].paginator.count
    assert tasks >= 2 and len(first.context["rows"]) == 1
    second = client.get(reverse("plans:matrix"), {"page": 2})
    assert second.context["rows"][0][0] != first.context["rows"][0][0]
    assert second.context["counts"] == first.context["counts"]  # the summary is whole-plan
    assert 'href="?page=2"' in first.content.decode()
    # A page number out of range or malformed shows a page, not an error.
    assert client.get(reverse("plans:matrix"), {"page": "x"}).status_code == 200
    assert client.get(reverse("plans:matrix"), {"page": "999"}).status_code == 200
