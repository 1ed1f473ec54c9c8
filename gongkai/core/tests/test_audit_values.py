"""Audit details are shown in words through the model's own field definitions."""
import pytest

from django.template import Context, Template

from gongkai.core.audit import record_event
from gongkai.core.audit_values import describe, plain
from gongkai.plans.models import Evidence, Report
from gongkai.plans.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_workflow_states_and_choices_are_shown_by_their_chinese_labels():
    rows = dict(describe(Report, {"from": "draft", "to": "submitted", "state": "done"}))
    assert rows == {"原状态": "草稿", "新状态": "已报送", "推进状态": "已完成"}


def test_booleans_nothing_and_lists_are_words_not_python_literals():
    assert dict(describe(Report, {"late": True})) == {"逾期": "是"}
    assert dict(describe(Report, {"late": False})) == {"逾期": "否"}
    assert [plain(v) for v in (None, [], {}, "", ["甲", "乙"])] == ["—", "—", "—", "—", "甲、乙"]


def test_a_foreign_key_shows_the_objects_name_and_a_gone_one_says_so():
    report = ReportFactory()
    rows = dict(describe(Report, {"period": report.period_id, "assignment": None}))
    assert rows[str(Report._meta.get_field("period").verbose_name)] == str(report.period)
    assert rows[str(Report._meta.get_field("assignment").verbose_name)] == "—"
    gone = dict(describe(Report, {"period": 987654}))
    assert "已删除" in next(iter(gone.values()))


def test_registered_keys_of_other_models_are_resolved(monkeypatch):
    from gongkai.core import audit_values

    monkeypatch.setattr(audit_values, "_registry",
                        lambda: {"plans.report:kind": "plans.Evidence.kind"})
    assert dict(describe(Report, {"kind": "link"})) == {"类型": str(
        dict(Evidence._meta.get_field("kind").flatchoices)["link"])}


def test_the_history_table_of_a_report_shows_no_raw_codes():
    report = ReportFactory()
    record_event(obj=report, action="plans.report.submitted",
                 details={"from": "draft", "to": "submitted", "late": True})
    record_event(obj=report, action="plans.report.draft_saved", details={"state": "in_progress"})
    html = Template("{% load audit %}{% history_for obj %}").render(Context({"obj": report}))
    for raw in ("draft", "submitted", "True", "in_progress"):
        assert f"{raw}<" not in html and f"：{raw}" not in html, raw
    assert "草稿" in html and "已报送" in html and "推进中" in html and "是" in html
