"""The .xlsx exports of the FOI lists: rows of the filtered list, Chinese headers,
personal data in full only for who may see it, the office overview for the office."""
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from gongkai.foi.models import CoHandling
from gongkai.foi.tests.factories import VALID_RESIDENT_ID, ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications(unit_staff, other_unit_staff):
    own = ApplicationFactory(unit=unit_staff.unit, applicant_name="张小明",
                             phone="13812345678", description="预算公开")
    other = ApplicationFactory(unit=other_unit_staff.unit, applicant_name="李大华",
                               description="别处的申请")
    return own, other


def _rows(response) -> list[list]:
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_the_handling_unit_exports_its_own_rows_in_full(applications, client_for,
                                                        unit_staff):
    own, other = applications
    rows = _rows(client_for(unit_staff).get(reverse("foi:staff_list_export"),
                                            {"unit": other.unit_id}))
    assert rows[1][:4] == ["登记编号", "申请人", "证件号码", "联系电话"]
    assert [r[0] for r in rows[2:]] == [own.number]  # ?unit= cannot widen a unit's list
    assert rows[2][1:4] == ["张小明", VALID_RESIDENT_ID, "13812345678"]


def test_a_co_handling_unit_gets_the_person_masked(applications, client_for,
                                                   other_unit_staff):
    own, other = applications
    CoHandling.objects.create(application=own, unit=other_unit_staff.unit,
                              requested_on=dt.date(2026, 3, 3))
    rows = _rows(client_for(other_unit_staff).get(reverse("foi:staff_list_export")))
    by_number = {r[0]: r for r in rows[2:]}
    assert set(by_number) == {own.number, other.number}
    flat = "".join(str(c) for c in by_number[own.number])
    assert "张小明" not in flat and VALID_RESIDENT_ID not in flat and "13812345678" not in flat
    assert by_number[own.number][1] == "张*明" and by_number[own.number][3] == "138****5678"
    assert by_number[other.number][1] == "李大华"  # its own applicant, in full


def test_the_office_overview_export_follows_the_filters(applications, client_for,
                                                        office_admin, unit_staff):
    own, other = applications
    client = client_for(office_admin)
    rows = _rows(client.get(reverse("foi:office_overview_export"), {"unit": own.unit_id}))
    assert rows[1][:2] == ["登记编号", "办理单位"]
    numbers = [r[0] for r in rows[2:] if r and r[0] and r[0].startswith("埔依申")]
    assert numbers == [own.number]
    assert "张小明" not in "".join(str(c) for r in rows for c in r)
    hostile = client.get(reverse("foi:office_overview_export"),
                         {"unit": "9" * 30, "show": "<x>"})
    assert hostile.status_code == 200
    assert client_for(unit_staff).get(reverse("foi:office_overview_export")).status_code == 403
