import datetime as dt

import pytest

from django.urls import reverse

from gongkai.foi.tests.factories import ApplicationFactory
from gongkai.workdays.models import CalendarYear, SpecialDay

pytestmark = pytest.mark.django_db
URL = reverse("workdays:calendar")


def test_the_office_loads_a_new_year_from_the_notices_dates(office_admin, client_for):
    client = client_for(office_admin)
    response = client.post(URL, {
        "load_year": "1", "y-year": "2031", "y-source": "国务院办公厅关于2031年部分节假日安排的通知",
        "y-holidays": "2031-01-01, 2031-10-01...2031-10-07", "y-workdays": "2031-09-28"})
    assert response.status_code == 302
    assert CalendarYear.objects.filter(year=2031).exists()
    # Weekend holidays are not stored: only weekday holidays and weekend working days.
    stored = dict(SpecialDay.objects.filter(date__year=2031).values_list("date", "is_workday"))
    assert stored[dt.date(2031, 10, 1)] is False
    assert stored[dt.date(2031, 9, 28)] is True
    assert dt.date(2031, 10, 4) not in stored  # a Saturday


def test_changing_a_day_recomputes_the_due_date_of_an_open_application(
        office_admin, client_for, django_capture_on_commit_callbacks):
    CalendarYear.objects.create(year=2030)
    application = ApplicationFactory(received_on=dt.date(2030, 3, 4))
    before = application.due_on
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(office_admin).post(URL, {
            "set_day": "1", "d-date": "2030-03-05", "d-kind": "holiday", "d-name": "测试"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.due_on == before + dt.timedelta(days=1)


@pytest.mark.parametrize("holidays", ["2031-02-30", "yesterday", "2031-10-07...2031-10-01",
                                      "2031-01-01...2031-06-01", "<script>x</script>"])
def test_bad_dates_are_refused_in_chinese_and_nothing_is_loaded(office_admin, client_for,
                                                               holidays):
    response = client_for(office_admin).post(URL, {
        "load_year": "1", "y-year": "2031", "y-holidays": holidays})
    assert response.status_code == 400
    body = response.content.decode()
    assert "不是有效日期" in body and "<script>x" not in body
    assert not CalendarYear.objects.filter(year=2031).exists()


def test_a_date_outside_the_year_is_refused(office_admin, client_for):
    response = client_for(office_admin).post(URL, {
        "load_year": "1", "y-year": "2031", "y-holidays": "2032-01-01"})
    assert response.status_code == 400
    assert "不属于 2031 年" in response.content.decode()


def test_unit_staff_read_the_calendar_but_cannot_change_it(unit_staff, client_for):
    client = client_for(unit_staff)
    assert client.get(URL).status_code == 200
    response = client.post(URL, {"set_day": "1", "d-date": "2030-03-05", "d-kind": "holiday"})
    assert response.status_code == 403
    assert not SpecialDay.objects.exists()


def test_visitors_must_sign_in(client):
    assert client.get(URL).status_code == 302
