"""The calendar speaks Chinese: holiday names from the package are mapped as data, and
no library name reaches a page."""
import pytest
from chinese_calendar.constants import Holiday

from django.urls import reverse

from gongkai.workdays.holiday_names import HOLIDAY_NAMES, chinese_name
from gongkai.workdays.models import CalendarYear, SpecialDay
from gongkai.workdays.services import calendar_seed_from_package


def test_every_holiday_the_installed_package_knows_has_a_chinese_name():
    assert sorted(h.value for h in Holiday if h.value not in HOLIDAY_NAMES) == []
    assert all(not name.isascii() for name in HOLIDAY_NAMES.values())


def test_names_typed_in_chinese_pass_and_unknown_english_is_dropped():
    assert chinese_name("Spring Festival") == "春节"
    assert chinese_name("重阳节") == "重阳节"
    assert chinese_name("Some New Day") == ""


@pytest.mark.django_db
def test_a_year_seeded_from_the_package_shows_chinese_names_and_no_library(
        office_admin, client_for):
    CalendarYear.objects.filter(year=2024).delete()
    SpecialDay.objects.filter(date__year=2024).delete()
    assert calendar_seed_from_package(years=[2024]) == [2024]
    names = set(SpecialDay.objects.filter(date__year=2024).values_list("name", flat=True))
    assert {"春节", "国庆节", "劳动节"} <= names
    assert all(not name.isascii() for name in names)
    body = client_for(office_admin).get(
        reverse("workdays:calendar") + "?year=2024").content.decode()
    assert "春节" in body and "Spring Festival" not in body
    assert "chinese-calendar" not in body and "软件包" not in body
