"""The office overview and the statistics page: who may look, and what they see."""
import datetime as dt
import io

import pytest
import time_machine
from openpyxl import load_workbook

from django.urls import reverse

from gongkai.foi.models import Application, Status
from gongkai.foi.selectors.overview import open_overview
from gongkai.foi.tests.factories import ApplicationFactory, PendingApplicationFactory
from gongkai.foi.tests.factories_stats import replied
from gongkai.orgs.tests.factories import PublicUserFactory, UnitFactory
from gongkai.workdays.calendar import Calendar

D = dt.date
pytestmark = pytest.mark.django_db


def at(day: dt.date):
    """10:00 in Beijing on ``day``."""
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 2, tzinfo=dt.UTC))


# ------------------------------------------------------------------ overview
def test_only_the_office_sees_the_overview(unit_staff, supervisor, client_for, client):
    url = reverse("foi:office_overview")
    assert client_for(unit_staff).get(url).status_code == 403
    assert client_for(supervisor).get(url).status_code == 403
    assert client_for(PublicUserFactory()).get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_an_application_becomes_overdue_without_any_write(office_admin, client_for):
    app = ApplicationFactory(number="埔依申〔2026〕第0007号", due_on=D(2026, 3, 30))  # Monday
    before = Application.objects.values_list("due_on", "status").get(pk=app.pk)
    client = client_for(office_admin)
    url = reverse("foi:office_overview")
    with at(D(2026, 3, 30)):
        page = client.get(url).content.decode()
        assert "已逾期</span>" not in page
        assert "即将到期</span>" in page and "2026年3月30日" in page
    with at(D(2026, 3, 31)):
        page = client.get(url, {"show": "overdue"}).content.decode()
        assert "埔依申〔2026〕第0007号" in page and "已逾期</span>" in page
    assert Application.objects.values_list("due_on", "status").get(pk=app.pk) == before


def test_counts_per_unit_and_days_left(office_admin, client_for):
    calendar = Calendar()
    today = D(2026, 3, 2)  # Monday
    first, second = UnitFactory(name="区甲局", sort_order=1), UnitFactory(name="区乙局",
                                                                        sort_order=2)
    ApplicationFactory(unit=first, due_on=D(2026, 2, 27))  # overdue
    ApplicationFactory(unit=first, due_on=D(2026, 3, 6), extended_on=D(2026, 2, 20))
    ApplicationFactory(unit=first, due_on=D(2026, 4, 30), due_provisional=True)
    ApplicationFactory(unit=second, due_on=None, status=Status.AWAITING_SUPPLEMENT)
    replied(unit=second, received_on=D(2026, 1, 5), replied_on=D(2026, 1, 20))
    PendingApplicationFactory(unit=second)

    overview = open_overview(today=today, calendar=calendar, soon_days=5)
    a, b = overview.units
    assert (a.unit, a.open, a.overdue, a.due_soon, a.extended, a.provisional) == (
        first, 3, 1, 1, 1, 1)
    assert (b.unit, b.open, b.stopped, b.overdue, b.pending) == (second, 1, 1, 0, 1)
    assert overview.total.open == 4 and overview.total.pending == 1
    assert [i.days_left for i in overview.items] == [-1, 4, 43, None, None]

    with at(today):
        page = client_for(office_admin).get(reverse("foi:office_overview"),
                                            {"show": "provisional"}).content.decode()
    assert "2026年4月30日（暂定）" in page and "2026年3月6日" not in page.split(
        'id="open-applications"')[1]


def test_the_overview_filters_by_unit_and_refuses_junk(office_admin, client_for):
    unit = UnitFactory()
    ApplicationFactory(unit=unit, number="埔依申〔2026〕第0101号")
    ApplicationFactory(number="埔依申〔2026〕第0102号")
    client = client_for(office_admin)
    page = client.get(reverse("foi:office_overview"), {"unit": unit.pk}).content.decode()
    assert "第0101号" in page and "第0102号" not in page
    page = client.get(reverse("foi:office_overview"),
                      {"unit": "<script>", "show": "<script>"}).content.decode()
    assert "第0101号" in page and "第0102号" in page and "<script>" not in page
    assert client.get(reverse("foi:office_overview"),
                      {"unit": "9" * 30}).status_code == 200
    assert client.get(reverse("foi:office_overview"), {"unit": "999999"}).status_code == 404


# ------------------------------------------------------------------ statistics
@pytest.fixture
def year_of_applications(unit_staff, other_unit_staff):
    for outcome in ["1", "1", "2", "2", "3.6", "4.1", "4.1", "6.3"]:
        replied(unit=unit_staff.unit, received_on=D(2025, 3, 3), replied_on=D(2025, 3, 20),
                outcome=outcome)
    replied(unit=other_unit_staff.unit, received_on=D(2025, 5, 5), replied_on=D(2025, 5, 9),
            applicant_type="commercial")


def new_total(response) -> str:
    page = response.content.decode()
    row = page.split('data-row="new"')[1].split("</tr>")[0]
    return row.rsplit("<td>", 1)[1].split("</td>")[0]


@at(D(2026, 1, 20))
def test_unit_staff_see_their_own_units_tables(year_of_applications, unit_staff, client_for):
    response = client_for(unit_staff).get(reverse("foi:stats"), {"year": "2025"})
    assert response.status_code == 200
    assert new_total(response) == "8"
    page = response.content.decode()
    assert "勾稽关系成立" in page and "6.属于四类过程性信息" in page
    assert "（三）不予公开" in page and "复议后起诉" in page


@at(D(2026, 1, 20))
def test_unit_staff_can_never_read_another_units_tables(year_of_applications, unit_staff,
                                                        other_unit_staff, client_for):
    client = client_for(unit_staff)
    url = reverse("foi:stats")
    other = other_unit_staff.unit.pk
    assert client.get(url, {"year": "2025", "unit": other}).status_code == 403
    assert client.get(url, {"year": "2025", "unit": other,
                            "download": "xlsx"}).status_code == 403
    # Without a unit, staff get their own, never the district.
    assert new_total(client.get(url, {"year": "2025", "unit": ""})) == "8"


@at(D(2026, 1, 20))
def test_people_without_a_unit_role_are_refused(supervisor, client_for, client):
    assert client_for(supervisor).get(reverse("foi:stats")).status_code == 403
    assert client_for(PublicUserFactory()).get(reverse("foi:stats")).status_code == 403
    assert client.get(reverse("foi:stats")).status_code == 302


@at(D(2026, 1, 20))
def test_the_office_sees_the_district_and_any_unit(year_of_applications, office_admin,
                                                   other_unit_staff, client_for):
    client = client_for(office_admin)
    assert new_total(client.get(reverse("foi:stats"), {"year": "2025"})) == "9"
    response = client.get(reverse("foi:stats"),
                          {"year": "2025", "unit": other_unit_staff.unit.pk})
    assert new_total(response) == "1"


@at(D(2026, 1, 20))
def test_the_xlsx_download_holds_both_tables(year_of_applications, unit_staff, client_for):
    response = client_for(unit_staff).get(reverse("foi:stats"),
                                          {"year": "2025", "download": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.worksheets[0]["J6"].value == 8
    assert unit_staff.unit.name in wb.worksheets[0]["A1"].value
    assert wb.worksheets[1]["A3"].value == "行政复议"


@at(D(2026, 1, 20))
def test_a_bad_year_is_explained_and_last_year_shown(year_of_applications, unit_staff,
                                                     client_for):
    for bad in ("<script>alert(1)</script>", "2999", "1900"):
        response = client_for(unit_staff).get(reverse("foi:stats"), {"year": bad})
        page = response.content.decode()
        assert response.status_code == 200
        assert "年度" in page and "<script>alert" not in page
        assert new_total(response) == "8"  # 2025, the default


@at(D(2026, 1, 20))
def test_a_broken_consistency_rule_is_shown(unit_staff, client_for):
    # A reply dated before its receipt cannot be placed consistently: the page says so.
    replied(unit=unit_staff.unit, received_on=D(2025, 3, 3), replied_on=D(2024, 12, 1))
    page = client_for(unit_staff).get(reverse("foi:stats"), {"year": "2025"}).content.decode()
    assert "勾稽关系不成立" in page and "“自然人”列" in page
