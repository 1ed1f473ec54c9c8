import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.plans.models import Evidence, ProgressState, Report, ReportStatus
from gongkai.plans.services.reports import (
    evidence_add_file,
    evidence_add_link,
    evidence_remove,
    report_get_or_create,
    report_pass,
    report_return,
    report_save,
    report_submit,
)
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
)

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile("网页截图.png", buffer.getvalue())


def actions(report) -> list[str]:
    return [e.action for e in history_of(report).order_by("id")]


def make_report(deadline=dt.date(2022, 9, 30), **kwargs) -> Report:
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, deadline=deadline)
    assignment = AssignmentFactory(task__plan=plan)
    return ReportFactory(assignment=assignment, period=period, **kwargs)


def test_only_the_documented_moves_can_be_made(office_admin):
    """Try every service on a report in every status: exactly these moves succeed."""
    moves = {"submit": lambda r: report_submit(report=r, actor=office_admin),
             "return": lambda r: report_return(report=r, actor=office_admin, reason="缺材料"),
             "pass": lambda r: report_pass(report=r, actor=office_admin)}
    made, report = set(), make_report()
    for status in ReportStatus.values:
        for move in moves.values():
            Report.objects.filter(pk=report.pk).update(status=status)  # set up only
            report.refresh_from_db()
            try:
                move(report)
            except ApplicationError:
                continue
            report.refresh_from_db()
            made.add((status, report.status))
    assert made == {("draft", "submitted"), ("submitted", "returned"),
                    ("returned", "submitted"), ("submitted", "passed")}


def test_get_or_create_returns_one_report_per_assignment_and_period():
    plan = PlanFactory()
    period = ReportingPeriodFactory(plan=plan)
    assignment = AssignmentFactory(task__plan=plan)
    first = report_get_or_create(assignment=assignment, period=period)
    assert report_get_or_create(assignment=assignment, period=period) == first
    assert first.status == ReportStatus.DRAFT


def test_a_period_of_another_plan_is_refused():
    assignment = AssignmentFactory()
    other = ReportingPeriodFactory()
    with pytest.raises(ApplicationError, match="报送期不属于"):
        report_get_or_create(assignment=assignment, period=other)


def test_the_full_cycle_submit_return_resubmit_pass(unit_staff, office_admin):
    report = make_report(progress="")
    report_save(report=report, actor=unit_staff, progress="  已完成专栏建设。 ",
                state=ProgressState.DONE)
    with time_machine.travel(dt.datetime(2022, 9, 20, 10, tzinfo=SHANGHAI)):
        report_submit(report=report, actor=unit_staff)
    report_return(report=report, actor=office_admin, reason="缺少网页截图")
    report.refresh_from_db()
    assert (report.status, report.review_comment, report.return_count) == (
        ReportStatus.RETURNED, "缺少网页截图", 1)
    report_save(report=report, actor=unit_staff, progress="已补充截图。",
                state=ProgressState.DONE)
    with time_machine.travel(dt.datetime(2022, 10, 9, 10, tzinfo=SHANGHAI)):
        report_submit(report=report, actor=unit_staff)
    report_pass(report=report, actor=office_admin, comment="材料齐全")
    report.refresh_from_db()
    assert report.status == ReportStatus.PASSED
    assert report.progress == "已补充截图。"
    # The resubmission after the deadline does not make an on-time report late.
    assert report.is_late is False
    assert report.first_submitted_at.date() == dt.date(2022, 9, 20)
    assert actions(report) == [
        "plans.report.draft_saved", "plans.report.submitted", "plans.report.returned",
        "plans.report.draft_saved", "plans.report.resubmitted", "plans.report.passed"]
    returned = history_of(report).get(action="plans.report.returned")
    assert returned.actor == office_admin and returned.details["reason"] == "缺少网页截图"


def test_a_report_after_the_deadline_is_accepted_and_marked_late(unit_staff):
    report = make_report()
    with time_machine.travel(dt.datetime(2022, 10, 1, 0, 5, tzinfo=SHANGHAI)):
        report_submit(report=report, actor=unit_staff)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.is_late is True
    assert history_of(report).get().details["late"] is True


def test_a_report_on_the_deadline_day_is_on_time(unit_staff):
    report = make_report()
    with time_machine.travel(dt.datetime(2022, 9, 30, 23, 50, tzinfo=SHANGHAI)):
        report_submit(report=report, actor=unit_staff)
    report.refresh_from_db()
    assert report.is_late is False
    assert history_of(report).get().details["late"] is False


def test_submitting_without_progress_is_refused(unit_staff):
    report = make_report(progress="   ")
    with pytest.raises(ApplicationError, match="请先填写工作进展"):
        report_submit(report=report, actor=unit_staff)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and actions(report) == []


def test_failed_state_needs_a_reason(unit_staff):
    report = make_report()
    with pytest.raises(ApplicationError, match="未能完成的原因"):
        report_save(report=report, actor=unit_staff, progress="x",
                    state=ProgressState.FAILED, failure_reason="  ")
    report.refresh_from_db()
    assert report.state == ProgressState.NOT_STARTED and actions(report) == []
    report_save(report=report, actor=unit_staff, progress="x", state=ProgressState.FAILED,
                failure_reason="上级系统尚未开放")
    report.refresh_from_db()
    assert report.failure_reason == "上级系统尚未开放"


def test_a_reason_is_dropped_when_the_state_is_not_failed(unit_staff):
    report = make_report()
    report_save(report=report, actor=unit_staff, progress="x", state=ProgressState.DONE,
                failure_reason="不需要")
    report.refresh_from_db()
    assert report.failure_reason == ""


def test_an_unknown_state_is_refused(unit_staff):
    with pytest.raises(ApplicationError, match="推进状态"):
        report_save(report=make_report(), actor=unit_staff, progress="x", state="bogus")


def test_return_needs_a_reason_and_changes_nothing_without_one(office_admin):
    report = make_report(status=ReportStatus.SUBMITTED)
    with pytest.raises(ApplicationError, match="退回理由"):
        report_return(report=report, actor=office_admin, reason="  ")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.return_count == 0
    assert actions(report) == []


@pytest.mark.parametrize(("status", "move"), [
    (ReportStatus.DRAFT, "pass"), (ReportStatus.DRAFT, "return"),
    (ReportStatus.PASSED, "return"), (ReportStatus.PASSED, "submit"),
    (ReportStatus.SUBMITTED, "submit"), (ReportStatus.RETURNED, "pass"),
])
def test_illegal_moves_raise_and_change_nothing(status, move, office_admin):
    report = make_report(status=status)
    call = {"pass": lambda: report_pass(report=report, actor=office_admin),
            "return": lambda: report_return(report=report, actor=office_admin, reason="r"),
            "submit": lambda: report_submit(report=report, actor=office_admin)}[move]
    with pytest.raises(ApplicationError, match="不能变更"):
        call()
    report.refresh_from_db()
    assert report.status == status and report.reviewed_at is None
    assert actions(report) == []


def test_a_stale_copy_cannot_move_a_report_twice(office_admin):
    report = make_report(status=ReportStatus.SUBMITTED)
    stale = Report.objects.get(pk=report.pk)
    report_pass(report=report, actor=office_admin)
    with pytest.raises(ApplicationError):
        report_return(report=stale, actor=office_admin, reason="晚了一步")
    report.refresh_from_db()
    assert report.status == ReportStatus.PASSED


@pytest.mark.parametrize("status", [ReportStatus.SUBMITTED, ReportStatus.PASSED])
def test_submitted_or_passed_reports_cannot_be_edited(status, unit_staff):
    report = make_report(status=status, progress="原文")
    with pytest.raises(ApplicationError, match="不能修改"):
        report_save(report=report, actor=unit_staff, progress="改了",
                    state=ProgressState.DONE)
    with pytest.raises(ApplicationError, match="不能修改"):
        evidence_add_link(report=report, actor=unit_staff, url="https://example.gov.cn/")
    report.refresh_from_db()
    assert report.progress == "原文" and not report.evidence.exists()


def test_file_evidence_is_stored_under_a_generated_name(unit_staff):
    report = make_report()
    evidence = evidence_add_file(report=report, actor=unit_staff, file=png(), title="截图")
    assert evidence.original_name == "网页截图.png"
    assert evidence.mime_type == "image/png" and evidence.size > 0
    assert evidence.file.name.startswith(f"evidence/{report.pk}/")
    assert evidence.file.name.endswith(".png") and "截图" not in evidence.file.name
    assert history_of(report).get().action == "plans.evidence.added"


def test_a_disguised_file_is_refused_and_nothing_is_written(unit_staff, tmp_path):
    report = make_report()
    fake = SimpleUploadedFile("报告.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ApplicationError, match="文件内容不是PDF"):
        evidence_add_file(report=report, actor=unit_staff, file=fake)
    assert not Evidence.objects.exists() and actions(report) == []
    assert not (tmp_path / "evidence").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.gov.cn/a",
                                 "file:///etc/passwd", "not a url", ""])
def test_only_http_and_https_links_are_accepted(url, unit_staff):
    report = make_report()
    with pytest.raises(ApplicationError, match="http:// 或 https://"):
        evidence_add_link(report=report, actor=unit_staff, url=url)
    assert not Evidence.objects.exists()


def test_a_link_is_queued_for_checking_after_commit(unit_staff, django_capture_on_commit_callbacks,
                                                     monkeypatch):
    checked = []
    monkeypatch.setattr("gongkai.plans.tasks.check_evidence_link", checked.append)
    report = make_report()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        evidence = evidence_add_link(report=report, actor=unit_staff,
                                     url="https://www.hp.gov.cn/zwgk/", title="专栏")
    assert len(callbacks) == 1 and checked == [evidence.pk]


def test_evidence_is_removed_with_its_file_while_editable(unit_staff,
                                                         django_capture_on_commit_callbacks):
    report = make_report()
    evidence = evidence_add_file(report=report, actor=unit_staff, file=png())
    path = evidence.file.path
    with django_capture_on_commit_callbacks(execute=True):
        evidence_remove(evidence=evidence, actor=unit_staff)
    assert not Evidence.objects.exists()
    import os
    assert not os.path.exists(path)
    assert actions(report)[-1] == "plans.evidence.removed"


def test_evidence_of_a_submitted_report_cannot_be_removed(unit_staff):
    report = make_report()
    evidence = evidence_add_link(report=report, actor=unit_staff, url="https://a.gov.cn/")
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    with pytest.raises(ApplicationError, match="不能修改"):
        evidence_remove(evidence=Evidence.objects.get(pk=evidence.pk), actor=unit_staff)
    assert Evidence.objects.filter(pk=evidence.pk).exists()
