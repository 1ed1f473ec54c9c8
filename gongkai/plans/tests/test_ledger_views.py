import datetime
import io

import openpyxl
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.orgs.tests.factories import PublicUserFactory
from gongkai.plans.exports import HEADERS
from gongkai.plans.models import Assignment, ReportStatus
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>"


@pytest.fixture
def world(unit_staff, other_unit_staff):
    plan = PlanFactory(year=2022, title="广州市黄埔区2022年政务公开工作要点分工方案")
    period = ReportingPeriodFactory(plan=plan, number=3, deadline=datetime.date(2022, 9, 30))
    task = TaskFactory(plan=plan, number=1)
    mine = AssignmentFactory(task=task, unit=unit_staff.unit, measures=HOSTILE)
    theirs = AssignmentFactory(task=task, unit=other_unit_staff.unit,
                               measures="其他单位的保密措施")
    ReportFactory(assignment=theirs, period=period, progress="其他单位的草稿进展",
                  status=ReportStatus.DRAFT)
    return plan, mine, theirs


def _sheet(response) -> list[tuple]:
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    return list(ws.iter_rows(values_only=True))


def test_unit_staff_see_only_their_units_rows_on_the_page(world, client_for, unit_staff):
    response = client_for(unit_staff).get(reverse("plans:ledger"))

    body = response.content.decode()
    assert response.status_code == 200
    assert unit_staff.unit.name in body
    assert "其他单位的保密措施" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert HOSTILE not in body


def test_unit_staff_export_holds_only_their_units_rows(world, client_for, unit_staff):
    rows = _sheet(client_for(unit_staff).get(reverse("plans:ledger_export"),
                                             {"unit": world[2].unit_id}))

    assert rows[0][0] == f"{unit_staff.unit.name}2022年政务公开工作要点落实台账"
    assert list(rows[1]) == list(HEADERS)
    assert [r[HEADERS.index("落实单位")] for r in rows[2:]] == [unit_staff.unit.name]
    assert rows[2][HEADERS.index("工作措施")] == HOSTILE


def test_office_sees_the_whole_district_but_never_a_draft(world, client_for, office_admin):
    client = client_for(office_admin)
    body = client.get(reverse("plans:ledger")).content.decode()
    rows = _sheet(client.get(reverse("plans:ledger_export")))

    assert "其他单位的保密措施" in body
    assert "其他单位的草稿进展" not in body
    assert rows[0][0] == "广州市黄埔区2022年政务公开工作要点落实台账"
    assert len(rows) == 4
    assert all("草稿" not in str(cell) for row in rows for cell in row)


def test_office_filters_the_page_and_the_export_by_unit(world, client_for, office_admin):
    _, _, theirs = world
    client = client_for(office_admin)
    params = {"unit": theirs.unit_id, "year": 2022}

    body = client.get(reverse("plans:ledger"), params).content.decode()
    rows = _sheet(client.get(reverse("plans:ledger_export"), params))

    assert "其他单位的保密措施" in body and "&lt;script&gt;" not in body
    assert [r[HEADERS.index("落实单位")] for r in rows[2:]] == [theirs.unit.name]


def test_supervisor_reads_the_ledger_but_cannot_change_anything(world, client_for,
                                                               supervisor):
    _, mine, _ = world
    client = client_for(supervisor)

    assert client.get(reverse("plans:ledger")).status_code == 200
    assert client.get(reverse("plans:ledger_export")).status_code == 200
    assert client.post(reverse("plans:breakdown_edit", args=[mine.pk]),
                       {"measures": "改"}).status_code == 404
    assert client.get(reverse("plans:breakdown_template")).status_code == 403
    assert client.post(reverse("plans:breakdown_upload")).status_code == 403
    assert Assignment.objects.get(pk=mine.pk).measures == HOSTILE


def test_public_users_have_no_ledger(world, client_for):
    client = client_for(PublicUserFactory())
    assert client.get(reverse("plans:ledger")).status_code == 403
    assert client.get(reverse("plans:ledger_export")).status_code == 403


def test_anonymous_users_are_sent_to_login(world, client):
    assert client.get(reverse("plans:ledger_export")).status_code == 302


def test_unit_staff_edit_their_own_breakdown(world, client_for, unit_staff):
    _, mine, _ = world
    response = client_for(unit_staff).post(
        reverse("plans:breakdown_edit", args=[mine.pk]),
        {"measures": "新措施", "target": "目标", "due_on": "2022-09-30",
         "responsible_dept": "办公室", "contact_person": "张三", "contact_phone": "123"})

    assert response.status_code == 302
    stored = Assignment.objects.get(pk=mine.pk)
    assert (stored.measures, stored.due_on) == ("新措施", datetime.date(2022, 9, 30))


def test_unit_staff_cannot_see_or_edit_another_units_breakdown(world, client_for,
                                                              unit_staff):
    _, _, theirs = world
    client = client_for(unit_staff)
    url = reverse("plans:breakdown_edit", args=[theirs.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"measures": "篡改"}).status_code == 404
    assert Assignment.objects.get(pk=theirs.pk).measures == "其他单位的保密措施"


def test_breakdown_form_shows_stored_hostile_text_escaped(world, client_for, office_admin):
    _, mine, _ = world
    body = client_for(office_admin).get(
        reverse("plans:breakdown_edit", args=[mine.pk])).content.decode()
    assert HOSTILE not in body and "&lt;script&gt;" in body


def test_unit_staff_cannot_download_another_units_template(world, client_for, unit_staff):
    _, _, theirs = world
    client = client_for(unit_staff)

    assert client.get(reverse("plans:breakdown_template"),
                      {"unit": theirs.unit_id}).status_code == 404
    rows = _sheet(client.get(reverse("plans:breakdown_template")))
    assert [r[HEADERS.index("落实单位")] for r in rows[3:]] == [unit_staff.unit.name]


def _filled(response, **cells) -> SimpleUploadedFile:
    content = response.content
    wb = openpyxl.load_workbook(io.BytesIO(content))
    for header, value in cells.items():
        wb.active.cell(4, HEADERS.index(header) + 1).value = value
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("台账.xlsx", buffer.getvalue())


def test_unit_staff_upload_their_filled_template(world, client_for, unit_staff):
    _, mine, _ = world
    client = client_for(unit_staff)
    upload = _filled(client.get(reverse("plans:breakdown_template")), 任务目标="全面公开",
                     完成时限="2022/12/30")

    response = client.post(reverse("plans:breakdown_upload"), {"file": upload})

    assert response.status_code == 302
    stored = Assignment.objects.get(pk=mine.pk)
    assert (stored.target, stored.due_on) == ("全面公开", datetime.date(2022, 12, 30))


def test_unit_staff_cannot_upload_for_another_unit(world, client_for, unit_staff,
                                                   office_admin):
    _, _, theirs = world
    upload = _filled(client_for(office_admin).get(reverse("plans:breakdown_template"),
                                                  {"unit": theirs.unit_id}), 任务目标="篡改")

    response = client_for(unit_staff).post(reverse("plans:breakdown_upload"),
                                           {"file": upload, "unit": theirs.unit_id})

    assert response.status_code == 404
    assert Assignment.objects.get(pk=theirs.pk).target == ""


def test_another_units_file_uploaded_as_ones_own_changes_nothing(world, client_for,
                                                                 unit_staff, office_admin):
    _, mine, theirs = world
    upload = _filled(client_for(office_admin).get(reverse("plans:breakdown_template"),
                                                  {"unit": theirs.unit_id}), 任务目标="篡改")

    response = client_for(unit_staff).post(reverse("plans:breakdown_upload"), {"file": upload})

    assert response.status_code == 400
    assert "落实单位" in response.content.decode()
    assert not Assignment.objects.filter(target="篡改").exists()


def test_office_uploads_for_a_chosen_unit(world, client_for, office_admin):
    _, _, theirs = world
    client = client_for(office_admin)
    upload = _filled(client.get(reverse("plans:breakdown_template"),
                                {"unit": theirs.unit_id}), 联系人="王五")

    response = client.post(reverse("plans:breakdown_upload"),
                           {"file": upload, "unit": theirs.unit_id})

    assert response.status_code == 302
    assert Assignment.objects.get(pk=theirs.pk).contact_person == "王五"


def test_upload_errors_are_listed_escaped_and_nothing_changes(world, client_for, unit_staff):
    _, mine, _ = world
    client = client_for(unit_staff)
    upload = _filled(client.get(reverse("plans:breakdown_template")), 任务目标="好的",
                     完成时限=HOSTILE)

    response = client.post(reverse("plans:breakdown_upload"), {"file": upload})

    body = response.content.decode()
    assert response.status_code == 400
    assert "第4行：完成时限" in body
    assert HOSTILE not in body and "&lt;script&gt;" in body
    assert Assignment.objects.get(pk=mine.pk).target == ""


def test_a_fake_xlsx_is_refused_with_a_chinese_message(world, client_for, unit_staff):
    upload = SimpleUploadedFile("台账.xlsx", b"MZ\x90\x00 not a workbook")

    response = client_for(unit_staff).post(reverse("plans:breakdown_upload"), {"file": upload})

    assert response.status_code == 400
    assert "不是 Excel" in response.content.decode()


def test_ledger_without_any_plan_says_so(db, client_for, unit_staff):
    response = client_for(unit_staff).get(reverse("plans:ledger"))
    assert response.status_code == 200
    assert "尚未导入年度方案" in response.content.decode()


def test_unknown_year_is_404(world, client_for, office_admin):
    response = client_for(office_admin).get(reverse("plans:ledger"), {"year": 1999})
    assert response.status_code == 404


def test_page_and_export_queries_do_not_grow_with_the_data(client_for, office_admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gongkai.orgs.tests.factories import UnitFactory

    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3)
    client = client_for(office_admin)

    def counts() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as page:
            assert client.get(reverse("plans:ledger")).status_code == 200
        with CaptureQueriesContext(connection) as export:
            assert client.get(reverse("plans:ledger_export")).status_code == 200
        return len(page), len(export)

    def grow(tasks: int, units: int) -> None:
        unit_list = UnitFactory.create_batch(units)
        for _ in range(tasks):
            task = TaskFactory(plan=plan)
            for unit in unit_list:
                ReportFactory(assignment=AssignmentFactory(task=task, unit=unit),
                              period=period, status=ReportStatus.SUBMITTED)

    grow(1, 1)
    small = counts()
    grow(4, 6)
    assert counts() == small


def test_upload_page_renders_for_unit_staff_and_offers_the_office_a_unit_choice(
        world, client_for, unit_staff, office_admin):
    _, _, theirs = world
    staff_page = client_for(unit_staff).get(reverse("plans:breakdown_upload"))
    office = client_for(office_admin)
    office_page = office.get(reverse("plans:breakdown_upload"))

    assert staff_page.status_code == 200 and office_page.status_code == 200
    assert theirs.unit.name not in staff_page.content.decode()
    assert theirs.unit.name in office_page.content.decode()
    assert office.get(reverse("plans:breakdown_template")).status_code == 302


def test_saving_an_empty_breakdown_does_not_claim_it_was_saved(client_for, unit_staff):
    assignment = AssignmentFactory(unit=unit_staff.unit, measures="", target="")
    url = reverse("plans:breakdown_edit", args=[assignment.pk])
    response = client_for(unit_staff).post(url, {"version": assignment.version}, follow=True)
    body = response.content.decode()
    assert "已保存" not in body and "没有填写任何内容，未保存" in body


def test_saving_an_unchanged_breakdown_says_nothing_changed(client_for, unit_staff):
    assignment = AssignmentFactory(unit=unit_staff.unit, measures="已有措施", target="")
    url = reverse("plans:breakdown_edit", args=[assignment.pk])
    body = client_for(unit_staff).post(url, {"version": assignment.version,
                                             "measures": "已有措施"}, follow=True
                                       ).content.decode()
    assert "已保存第" not in body and "没有变化" in body
