import datetime as dt
import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.orgs.tests.factories import UserFactory
from gongkai.plans.models import Evidence, EvidenceKind, Notice, Report, ReportStatus
from gongkai.plans.services.reports import evidence_add_file, evidence_add_link
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_upload(name="截图.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def setup(unit_staff):
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2099, 9, 30))
    # TaskFactory(plan=...) keeps the section in the same plan (task__plan does not).
    assignment = AssignmentFactory(task=TaskFactory(plan=plan), unit=unit_staff.unit)
    return plan, period, assignment


def edit_url(assignment, period):
    return reverse("plans:report_edit", args=[assignment.pk, period.pk])


def test_unit_staff_write_submit_and_see_their_report(setup, unit_staff, client_for):
    _plan, period, assignment = setup
    client = client_for(unit_staff)
    page = client.get(edit_url(assignment, period))
    assert page.status_code == 200
    body = page.content.decode()
    assert "保存草稿" in body and "报送" in body
    response = client.post(edit_url(assignment, period),
                           {"action": "save", "progress": "已开设专栏。", "state": "in_progress"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.progress, report.status) == ("已开设专栏。", ReportStatus.DRAFT)
    response = client.post(edit_url(assignment, period),
                           {"action": "upload", "file": png_upload(), "title": "专栏截图"})
    assert response.status_code == 302 and report.evidence.count() == 1
    response = client.post(edit_url(assignment, period),
                           {"action": "submit", "progress": "已开设专栏并更新。", "state": "done"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.progress == "已开设专栏并更新。"
    detail = client.get(response.url)
    assert detail.status_code == 200 and "专栏截图" in detail.content.decode()
    assert "报送" in detail.content.decode()  # the history table
    # Once submitted the edit page sends the unit to the read-only detail.
    assert client.get(edit_url(assignment, period)).url == response.url


def test_a_refused_file_shows_the_reason_and_stores_nothing(setup, unit_staff, client_for):
    _plan, period, assignment = setup
    client = client_for(unit_staff)
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(edit_url(assignment, period),
                           {"action": "upload", "file": fake}, follow=True)
    assert "文件内容不是PDF，请上传真实的PDF文件。" in response.content.decode()
    assert not Evidence.objects.exists()


def test_submit_without_progress_keeps_the_draft_and_explains(setup, unit_staff, client_for):
    _plan, period, assignment = setup
    response = client_for(unit_staff).post(
        edit_url(assignment, period), {"action": "submit", "progress": "", "state": "done"})
    assert "请先填写工作进展及成效" in response.content.decode()
    assert not Report.objects.filter(status=ReportStatus.SUBMITTED).exists()


def test_hostile_names_and_text_are_shown_escaped(setup, unit_staff, client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period,
                           progress="<script>alert('p')</script>")
    evidence_add_file(report=report, actor=unit_staff,
                      file=png_upload("<img src=x onerror=alert(1)>.png"))
    body = client_for(unit_staff).get(reverse("plans:report_detail", args=[report.pk])
                                      ).content.decode()
    assert "<script>alert('p')" not in body and "&lt;script&gt;" in body
    assert "<img src=x" not in body and "&lt;img src=x onerror=alert(1)&gt;.png" in body


def test_other_units_never_reach_a_unit_report(setup, unit_staff, other_unit_staff,
                                              client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period)
    evidence = evidence_add_file(report=report, actor=unit_staff, file=png_upload())
    client = client_for(other_unit_staff)
    urls = [edit_url(assignment, period),
            reverse("plans:report_detail", args=[report.pk]),
            reverse("plans:evidence_download", args=[evidence.pk])]
    for url in urls:
        assert client.get(url).status_code == 404, url
    response = client.post(edit_url(assignment, period),
                           {"action": "save", "progress": "篡改", "state": "done"})
    assert response.status_code == 404
    response = client.post(edit_url(assignment, period),
                           {"action": "remove", "evidence": evidence.pk})
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.progress != "篡改" and Evidence.objects.filter(pk=evidence.pk).exists()
    # Even after submission another unit cannot read it.
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    for url in urls[1:]:
        assert client.get(url).status_code == 404, url


def test_the_office_and_supervisors_cannot_see_drafts(setup, unit_staff, office_admin,
                                                      supervisor, client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period)
    evidence = evidence_add_file(report=report, actor=unit_staff, file=png_upload())
    for user in (office_admin, supervisor):
        client = client_for(user)
        assert client.get(reverse("plans:report_detail", args=[report.pk])).status_code == 404
        assert client.get(reverse("plans:evidence_download",
                                  args=[evidence.pk])).status_code == 404
        assert client.get(edit_url(assignment, period)).status_code == 404


def test_downloads_are_attachments_with_the_original_name(setup, unit_staff, office_admin,
                                                           client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period, status=ReportStatus.SUBMITTED)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.DRAFT)
    report.refresh_from_db()
    evidence = evidence_add_file(report=report, actor=unit_staff, file=png_upload("截图.png"))
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    response = client_for(office_admin).get(reverse("plans:evidence_download",
                                                    args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E6%88%AA%E5%9B%BE.png" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_supervisors_read_but_cannot_review(setup, supervisor, client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period, status=ReportStatus.SUBMITTED)
    client = client_for(supervisor)
    assert client.get(reverse("plans:report_detail", args=[report.pk])).status_code == 200
    assert client.get(reverse("plans:review_queue")).status_code == 403
    response = client.post(reverse("plans:report_review", args=[report.pk]),
                           {"action": "pass"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert client.get(reverse("plans:scores")).status_code == 200
    assert client.get(reverse("plans:notice_generate")).status_code == 403


def test_unit_staff_cannot_use_the_office_pages(setup, unit_staff, client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period, status=ReportStatus.SUBMITTED)
    client = client_for(unit_staff)
    for name in ("plans:review_queue", "plans:scores", "plans:notice_generate"):
        assert client.get(reverse(name)).status_code == 403, name
    # 通报 are addressed to every unit: staff read them but cannot issue one.
    assert client.get(reverse("plans:notice_list")).status_code == 200
    response = client.post(reverse("plans:report_review", args=[report.pk]), {"action": "pass"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_the_office_returns_and_passes_from_the_queue(setup, unit_staff, office_admin,
                                                      client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period, status=ReportStatus.SUBMITTED,
                           progress="进展")
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.DRAFT)
    link = evidence_add_link(report=report, actor=unit_staff, url="https://dead.example/")
    Evidence.objects.filter(pk=link.pk).update(is_dead=True, http_status=404)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    office = client_for(office_admin)
    queue = office.get(reverse("plans:review_queue")).content.decode()
    assert assignment.unit.name in queue and "失效链接 1" in queue
    url = reverse("plans:report_review", args=[report.pk])
    response = office.post(url, {"action": "return", "comment": ""})
    assert response.status_code == 400 and "退回理由" in response.content.decode()
    response = office.post(url, {"action": "return", "comment": "截图不清晰"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    staff = client_for(unit_staff)
    assert "截图不清晰" in staff.get(edit_url(assignment, period)).content.decode()
    staff.post(edit_url(assignment, period),
               {"action": "submit", "progress": "已更换清晰截图。", "state": "done"})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert office.post(url, {"action": "pass", "comment": ""}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.PASSED
    history = office.get(reverse("plans:report_detail", args=[report.pk])).content.decode()
    for label in ("退回整改", "整改后重新报送", "审核通过", "截图不清晰"):
        assert label in history


def test_dead_links_are_listed_for_the_unit_and_the_office(setup, unit_staff, office_admin,
                                                           other_unit_staff, client_for):
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period)
    link = evidence_add_link(report=report, actor=unit_staff, url="https://gone.example/a")
    Evidence.objects.filter(pk=link.pk).update(is_dead=True, http_status=404,
                                               check_error="网页返回错误状态 404。")
    url = reverse("plans:dead_links")
    assert "https://gone.example/a" in client_for(unit_staff).get(url).content.decode()
    assert "https://gone.example/a" not in client_for(other_unit_staff).get(url).content.decode()
    # A draft's links are the unit's business until it is submitted.
    assert "https://gone.example/a" not in client_for(office_admin).get(url).content.decode()
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    assert "https://gone.example/a" in client_for(office_admin).get(url).content.decode()


def test_scores_and_notices_pages(setup, office_admin, client_for):
    _plan, period, assignment = setup
    ReportFactory(assignment=assignment, period=period, status=ReportStatus.PASSED,
                  first_submitted_at=dt.datetime(2022, 9, 1, tzinfo=dt.UTC))
    office = client_for(office_admin)
    page = office.get(reverse("plans:scores"), {"period": period.pk}).content.decode()
    assert assignment.unit.name in page and "100.0" in page
    response = office.post(reverse("plans:notice_generate"),
                           {"period": period.pk, "praised_count": 5, "criticised_threshold": 60,
                            "doc_number": ""})
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert list(notice.praised.all()) == [assignment.unit]
    listing = office.get(reverse("plans:notice_list")).content.decode()
    assert notice.title in listing
    download = office.get(reverse("plans:notice_download", args=[notice.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    response = office.post(reverse("plans:scores"), {
        "on_time_points": 50, "passed_points": 40, "completeness_points": 10,
        "return_penalty": "2"})
    assert response.status_code == 302
    assert assignment.task.plan.scoring_rule.on_time_points == 50


def test_posts_without_a_csrf_token_are_refused(setup, unit_staff):
    _plan, period, assignment = setup
    client = Client(enforce_csrf_checks=True)
    client.force_login(unit_staff)
    response = client.post(edit_url(assignment, period),
                           {"action": "save", "progress": "x", "state": "done"})
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_a_link_added_through_the_page_is_stored(setup, unit_staff, client_for):
    _plan, period, assignment = setup
    client = client_for(unit_staff)
    response = client.post(edit_url(assignment, period),
                           {"action": "link", "url": "javascript:alert(1)"}, follow=True)
    assert "http:// 或 https://" in response.content.decode()
    client.post(edit_url(assignment, period),
                {"action": "link", "url": "https://www.hp.gov.cn/", "link_title": "门户"})
    assert Evidence.objects.get().kind == EvidenceKind.LINK


def test_reviewers_of_the_unit_cannot_write_reports(setup, client_for):
    _plan, period, assignment = setup
    from gongkai.orgs.models import Role
    reviewer = UserFactory(role=Role.REVIEWER, unit=assignment.unit)
    assert client_for(reviewer).get(edit_url(assignment, period)).status_code == 404


def test_snapshots_download_only_for_those_who_see_the_report(setup, unit_staff,
                                                              other_unit_staff, client_for):
    from django.core.files.base import ContentFile
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period)
    link = evidence_add_link(report=report, actor=unit_staff, url="https://a.example/")
    link.snapshot.save("s.html", ContentFile(b"<script>x</script>"))
    url = reverse("plans:evidence_snapshot", args=[link.pk])
    response = client_for(unit_staff).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert client_for(other_unit_staff).get(url).status_code == 404


@pytest.mark.parametrize("claimed", ["evil.html", "evil", "evil.svg", "a/b/evil.htm"])
def test_a_file_proved_png_downloads_as_png_whatever_its_name(
        setup, unit_staff, office_admin, client_for, claimed):
    """Issue 15: an evidence file proved to be PNG downloaded under the name evil.html."""
    _plan, period, assignment = setup
    report = ReportFactory(assignment=assignment, period=period, status=ReportStatus.SUBMITTED)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.DRAFT)
    report.refresh_from_db()
    evidence = evidence_add_file(report=report, actor=unit_staff, file=png_upload(claimed))
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    Evidence.objects.filter(pk=evidence.pk).update(mime_type="text/html")  # not trusted
    response = client_for(office_admin).get(reverse("plans:evidence_download",
                                                    args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and 'filename="evil.png"' in disposition
    assert ".htm" not in disposition and ".svg" not in disposition
