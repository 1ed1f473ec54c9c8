"""Two people editing the same report or breakdown: the second save is refused with both
versions shown, and what the second person typed is kept on the page."""
import datetime as dt

import pytest

from django.urls import reverse

from gongkai.core.testing import opened_version
from gongkai.orgs.tests.factories import UserFactory
from gongkai.plans.models import Assignment, Report
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(unit_staff, client_for):
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2099, 9, 30))
    assignment = AssignmentFactory(task=TaskFactory(plan=plan), unit=unit_staff.unit,
                                   measures="原有措施")
    colleague = UserFactory(unit=unit_staff.unit)
    return assignment, period, client_for(unit_staff), client_for(colleague)


def test_a_stale_report_save_is_refused_showing_both_and_keeping_the_text(two_editors):
    assignment, period, first, second = two_editors
    url = reverse("plans:report_edit", args=[assignment.pk, period.pk])
    first.post(url, {"action": "save", "progress": "初稿", "state": "in_progress"})
    version_a = opened_version(first.get(url).content)
    version_b = opened_version(second.get(url).content)
    assert version_a == version_b
    saved = first.post(url, {"action": "save", "progress": "甲补充了专栏链接",
                             "state": "in_progress", "version": version_a})
    assert saved.status_code == 302
    refused = second.post(url, {"action": "save", "progress": "乙写的进展说明",
                                "state": "done", "version": version_b})
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "其他人已保存" in html
    assert "甲补充了专栏链接" in html and "乙写的进展说明" in html  # both, side by side
    report = Report.objects.get()
    assert (report.progress, report.state) == ("甲补充了专栏链接", "in_progress")
    # Having read both, saving again is deliberate and goes through.
    again = second.post(url, {"action": "save", "progress": "乙写的进展说明", "state": "done",
                              "version": opened_version(html)})
    assert again.status_code == 302
    assert Report.objects.get().progress == "乙写的进展说明"


def test_a_stale_breakdown_save_is_refused_even_for_a_different_field(two_editors):
    assignment, _period, first, second = two_editors
    url = reverse("plans:breakdown_edit", args=[assignment.pk])
    version = opened_version(first.get(url).content)
    assert opened_version(second.get(url).content) == version
    base = {"measures": "原有措施", "target": "", "due_on": "", "responsible_dept": "",
            "contact_person": "", "contact_phone": "", "version": version}
    assert first.post(url, {**base, "measures": "甲改的措施"}).status_code == 302
    refused = second.post(url, {**base, "target": "乙定的目标"})
    html = refused.content.decode()
    assert refused.status_code == 200 and "其他人已保存" in html
    assert "甲改的措施" in html and "乙定的目标" in html
    fresh = Assignment.objects.get(pk=assignment.pk)
    assert (fresh.measures, fresh.target) == ("甲改的措施", "")


def test_a_forged_version_is_a_form_error_not_a_crash(two_editors):
    assignment, _period, first, _second = two_editors
    url = reverse("plans:breakdown_edit", args=[assignment.pk])
    response = first.post(url, {"measures": "x", "version": "99999999999999999999"})
    assert response.status_code == 200
    assert Assignment.objects.get(pk=assignment.pk).measures == "原有措施"
