"""The report page is one form: uploading, linking or removing evidence keeps (and
saves) what was typed; submitting without evidence asks first."""
import datetime as dt
import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.plans.models import Evidence, Report, ReportStatus
from gongkai.plans.services.reports import evidence_add_link
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def png(name="截图.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def page(unit_staff):
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=2, deadline=dt.date(2099, 6, 30))
    assignment = AssignmentFactory(task=TaskFactory(plan=plan), unit=unit_staff.unit)
    return reverse("plans:report_edit", args=[assignment.pk, period.pk])


def test_the_page_is_one_form_holding_text_file_and_link(page, unit_staff, client_for):
    body = client_for(unit_staff).get(page).content.decode()
    assert body.count("<form") - body.count('action="/accounts/logout') == 1
    form = body[body.index('id="report-form"'):]
    for name in ('name="progress"', 'name="file"', 'name="url"', 'value="upload"',
                 'value="link"', 'value="submit"'):
        assert name in form, name


def test_uploading_saves_the_typed_text_with_the_file(page, unit_staff, client_for):
    client = client_for(unit_staff)
    response = client.post(page, {"action": "upload", "progress": "新开专栏三个。",
                                  "state": "in_progress", "version": "1", "file": png(),
                                  "title": "专栏截图"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.progress == "新开专栏三个。" and report.evidence.count() == 1
    assert "新开专栏三个。" in client.get(page).content.decode()


def test_adding_a_link_saves_the_typed_text_too(page, unit_staff, client_for):
    client_for(unit_staff).post(page, {"action": "link", "progress": "发布解读两篇。",
                                       "state": "done", "url": "https://www.hp.gov.cn/",
                                       "link_title": "门户"})
    report = Report.objects.get()
    assert report.progress == "发布解读两篇。" and report.evidence.get().title == "门户"


def test_removing_evidence_keeps_the_typed_text(page, unit_staff, client_for):
    report = ReportFactory(assignment__unit=unit_staff.unit, progress="旧")
    page = reverse("plans:report_edit", args=[report.assignment_id, report.period_id])
    evidence = evidence_add_link(report=report, actor=unit_staff, url="https://a.example/")
    client_for(unit_staff).post(page, {"remove": evidence.pk, "progress": "改过的进展",
                                       "state": "in_progress", "version": report.version})
    report.refresh_from_db()
    assert report.progress == "改过的进展" and not Evidence.objects.exists()


def test_a_refused_file_keeps_every_typed_word_on_the_page(page, unit_staff, client_for):
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf")
    response = client_for(unit_staff).post(page, {
        "action": "upload", "progress": "不能丢的进展", "state": "in_progress",
        "version": "1", "file": fake, "url": "https://b.example/", "link_title": "链接说明"})
    body = response.content.decode()
    assert "文件内容不是PDF" in body
    assert "不能丢的进展" in body and "https://b.example/" in body and "链接说明" in body
    assert not Evidence.objects.exists()


def test_an_invalid_link_keeps_the_text_and_uploads_nothing(page, unit_staff, client_for):
    response = client_for(unit_staff).post(page, {
        "action": "link", "progress": "写了很多", "state": "in_progress", "version": "1",
        "url": "javascript:alert(1)"})
    body = response.content.decode()
    assert "http:// 或 https://" in body and "写了很多" in body
    assert not Evidence.objects.exists()  # the failed step rolled back as a whole


def test_submitting_without_evidence_asks_first_and_keeps_the_draft(page, unit_staff,
                                                                     client_for):
    client = client_for(unit_staff)
    response = client.post(page, {"action": "submit", "progress": "已完成", "state": "done",
                                  "version": "1"}, follow=True)
    body = response.content.decode()
    report = Report.objects.get()
    assert report.status == ReportStatus.DRAFT and report.progress == "已完成"
    assert "尚未报送" in body and "无佐证材料，仍然报送" in body
    client.post(page, {"action": "submit_anyway", "progress": "已完成", "state": "done",
                       "version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_submitting_with_evidence_asks_nothing(page, unit_staff, client_for):
    client_for(unit_staff).post(page, {"action": "submit", "progress": "完成", "state": "done",
                                       "version": "1", "file": png()})
    report = Report.objects.get()
    assert report.status == ReportStatus.SUBMITTED and report.evidence.count() == 1


def test_the_delete_button_asks_for_confirmation(page, unit_staff, client_for):
    report = ReportFactory(assignment__unit=unit_staff.unit)
    evidence_add_link(report=report, actor=unit_staff, url="https://c.example/")
    body = client_for(unit_staff).get(reverse(
        "plans:report_edit", args=[report.assignment_id, report.period_id])).content.decode()
    button = body[body.index('name="remove"') - 200:body.index('name="remove"') + 300]
    assert "data-confirm=" in button and "https://c.example/" in button
