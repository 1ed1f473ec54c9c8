"""The one door for state changes: ``gongkai.core.workflow.transition``.

Exercised on a real workflow model (a plan report) with a table given here, so the
door is tested on its own, apart from any app's table."""
import pytest

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.core.workflow import transition
from gongkai.plans.models import Report, ReportStatus
from gongkai.plans.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db
TABLE = {
    (ReportStatus.DRAFT, ReportStatus.SUBMITTED): "test.report.submitted",
    (ReportStatus.SUBMITTED, ReportStatus.PASSED): "test.report.passed",
}


def test_a_move_in_the_table_saves_the_state_and_appends_an_audit_event(office_admin):
    report = ReportFactory(status=ReportStatus.DRAFT)
    event = transition(report, to=ReportStatus.SUBMITTED, table=TABLE, actor=office_admin,
                       details={"late": False})
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
    assert event.action == "test.report.submitted" and event.actor == office_admin
    assert event.details == {"from": "draft", "to": "submitted", "late": False}
    assert [e.pk for e in history_of(report)] == [event.pk]


@pytest.mark.parametrize(("start", "to"), [
    (ReportStatus.DRAFT, ReportStatus.PASSED),      # skips a step
    (ReportStatus.SUBMITTED, ReportStatus.DRAFT),   # backwards
    (ReportStatus.PASSED, ReportStatus.PASSED),     # to itself
    (ReportStatus.RETURNED, ReportStatus.SUBMITTED),  # not in this table
])
def test_a_move_missing_from_the_table_is_refused_in_chinese_and_changes_nothing(
        start, to, office_admin):
    report = ReportFactory(status=start)
    with pytest.raises(ApplicationError) as refused:
        transition(report, to=to, table=TABLE, actor=office_admin,
                   extra_fields={"review_comment": "不应写入"})
    # The message names both states by their labels, as the user sees them.
    assert refused.value.message == (f"当前状态“{ReportStatus(start).label}”不能变更为"
                                     f"“{ReportStatus(to).label}”。")
    fresh = Report.objects.get(pk=report.pk)
    assert (fresh.status, fresh.review_comment) == (start, "")
    assert report.status == start  # the caller's copy is not moved either
    assert not AuditEvent.objects.exists()


def test_extra_fields_are_saved_with_the_state_and_nothing_else_is(office_admin):
    report = ReportFactory(status=ReportStatus.SUBMITTED, progress="原文")
    report.progress = "未保存的修改"
    transition(report, to=ReportStatus.PASSED, table=TABLE, actor=office_admin,
               extra_fields={"review_comment": "材料齐全", "return_count": 0})
    fresh = Report.objects.get(pk=report.pk)
    assert (fresh.status, fresh.review_comment) == (ReportStatus.PASSED, "材料齐全")
    assert fresh.progress == "原文"  # only the state and the extra fields are written


def test_another_state_field_is_moved_by_name(office_admin):
    table = {("not_started", "in_progress"): "test.report.started"}
    report = ReportFactory(state="not_started", status=ReportStatus.DRAFT)
    event = transition(report, to="in_progress", table=table, field="state",
                       actor=office_admin)
    fresh = Report.objects.get(pk=report.pk)
    assert (fresh.state, fresh.status) == ("in_progress", ReportStatus.DRAFT)
    assert event.details == {"from": "not_started", "to": "in_progress"}


def test_an_anonymous_or_missing_actor_is_recorded_as_nobody():
    from django.contrib.auth.models import AnonymousUser

    report = ReportFactory(status=ReportStatus.DRAFT)
    event = transition(report, to=ReportStatus.SUBMITTED, table=TABLE,
                       actor=AnonymousUser())
    assert event.actor is None
