"""Meeting and training records (tasks 54, 55, 57): attendance and minutes as files
checked by content and size; counted as indicators; visible to whom they concern."""
import datetime as dt

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.core.tests.test_uploads import pdf_bytes
from gongkai.reports import registry
from gongkai.reports.models import WorkRecord, WorkRecordFile
from gongkai.reports.services.records import record_create

pytestmark = pytest.mark.django_db
D = dt.date


def _create(staff, files=(), **extra):
    args = {"unit": staff.unit, "kind": "leading_group", "held_on": D(2022, 3, 1),
            "title": "区政务公开领导小组2022年第一次会议", "attendees": "张三、李四",
            "attendee_count": 12, "summary": "研究部署全年工作", **extra}
    return record_create(files=files, actor=staff, **args)


def test_a_record_with_its_minutes_is_stored_audited_and_counted(unit_staff):
    record = _create(unit_staff, files=[SimpleUploadedFile("会议纪要.pdf", pdf_bytes())])
    stored = record.files.get()
    assert stored.original_name == "会议纪要.pdf" and stored.mime_type == "application/pdf"
    assert not stored.file.name.endswith("会议纪要.pdf")  # stored under a fresh name
    assert history_of(record).get().action == "reports.record.created"
    indicator = registry.get("reports.leading_group")
    assert indicator.per_unit(start=D(2022, 1, 1), end=D(2022, 12, 31)) == {
        unit_staff.unit_id: 1}


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("纪要.pdf", b"<html><script>alert(1)</script></html>"), "PDF"),
    (SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 5000), "超过"),
])
def test_a_file_that_is_not_what_it_claims_or_too_large_is_refused_and_nothing_stays(
        unit_staff, settings, upload, message):
    settings.GONGKAI_MAX_UPLOAD_BYTES = 2000
    good = SimpleUploadedFile("签到表.pdf", pdf_bytes())
    with pytest.raises(ApplicationError, match=message):
        _create(unit_staff, files=[good, upload])
    assert not WorkRecord.objects.exists() and not WorkRecordFile.objects.exists()


@pytest.mark.parametrize("extra, message", [
    ({"title": "  "}, "请填写名称"),
    ({"kind": "party"}, "记录类型"),
    ({"held_on": D(2999, 1, 1)}, "不能晚于今天"),
    ({"summary": "很" * 5001}, "不能超过"),
])
def test_bad_records_are_refused_in_chinese(unit_staff, extra, message):
    with pytest.raises(ApplicationError, match=message):
        _create(unit_staff, **extra)
    assert not WorkRecord.objects.exists()


def test_the_records_page_adds_for_the_own_unit_and_keeps_what_was_typed(
        unit_staff, other_unit_staff, client_for):
    client = client_for(unit_staff)
    response = client.post("/reports/records/", {
        "kind": "training", "held_on": "2022-05-06", "title": "  ",
        "attendee_count": "20", "summary": "送课上门"})
    assert response.status_code == 400 and "送课上门" in response.content.decode()
    response = client.post("/reports/records/", {
        "kind": "training", "held_on": "2022-05-06",
        "attendee_count": "20", "files": [SimpleUploadedFile("签到.pdf", pdf_bytes())],
        "title": "五月业务培训班"})
    assert response.status_code == 302
    record = WorkRecord.objects.get()
    assert record.unit == unit_staff.unit
    file_url = f"/reports/records/files/{record.files.get().pk}/"
    assert client.get(file_url).status_code == 200
    assert client_for(other_unit_staff).get(file_url).status_code == 404
    assert "五月业务培训班" not in client_for(other_unit_staff).get(
        "/reports/records/").content.decode()


def test_a_supervisor_reads_every_record_and_cannot_add_one(supervisor, unit_staff,
                                                            client_for):
    _create(unit_staff)
    client = client_for(supervisor)
    page = client.get("/reports/records/").content.decode()
    assert "区政务公开领导小组2022年第一次会议" in page and "record-form" not in page
    assert client.post("/reports/records/", {"kind": "training", "held_on": "2022-05-06",
                                             "title": "x", "attendee_count": "1"}
                       ).status_code == 403
    assert WorkRecord.objects.count() == 1
