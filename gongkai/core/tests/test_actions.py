"""``core.actions.attempt``: where a service's refusal shows, the success message, the
stale-edit conflict and the value handed back to the view."""
import pytest

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import RequestFactory
from django.utils.translation import gettext_lazy

from gongkai.core.actions import attempt
from gongkai.core.errors import ApplicationError
from gongkai.core.versioning import StaleEdit, VersionedForm, claim_version
from gongkai.qa.models import QaEntry
from gongkai.qa.tests.factories_qa import QaEntryFactory


class NameForm(forms.Form):
    name = forms.CharField(max_length=20)
    phone = forms.CharField(max_length=20)


class QuestionForm(VersionedForm):
    question = forms.CharField(max_length=200)
    answer = forms.CharField(max_length=200)


@pytest.fixture
def request_():
    request = RequestFactory().post("/")
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    return request


def shown(request) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def bound_name_form() -> NameForm:
    form = NameForm({"name": "张三", "phone": "123"})
    assert form.is_valid()
    return form


def refuse(message: str = "现在不能这样做。", **details):
    def call():
        raise ApplicationError(message, details=details or None)
    return call


def test_a_refusal_goes_to_the_form_as_a_non_field_error_and_nothing_is_flashed(request_):
    form = bound_name_form()
    outcome = attempt(request_, refuse(), form=form, success="已保存。")
    assert not outcome.ok and not outcome
    assert outcome.value is None and outcome.error.message == "现在不能这样做。"
    assert form.non_field_errors() == ["现在不能这样做。"]
    assert form.data == {"name": "张三", "phone": "123"}  # what was typed stays
    assert shown(request_) == []


def test_a_refusal_naming_a_field_goes_to_that_field(request_):
    form = bound_name_form()
    attempt(request_, refuse("号码不对。", field="phone"), form=form)
    assert form.errors == {"phone": ["号码不对。"]}


def test_a_refusal_naming_every_bad_field_marks_them_all(request_):
    form = bound_name_form()
    attempt(request_, refuse("姓名不对。", field="name",
                             errors={"name": "姓名不对。", "phone": "号码不对。",
                                     "unknown": "别的问题。"}), form=form)
    assert form.errors == {"name": ["姓名不对。"], "phone": ["号码不对。"],
                           "__all__": ["别的问题。"]}


def test_a_refusal_naming_no_field_goes_to_the_field_the_view_chose(request_):
    form = bound_name_form()
    attempt(request_, refuse("这个名称已被使用。"), form=form, field="name")
    assert form.errors == {"name": ["这个名称已被使用。"]}


def test_a_list_of_errors_in_the_details_is_not_taken_for_fields(request_):
    form = bound_name_form()
    attempt(request_, refuse("第2行有误。", errors=["第2行有误。"]), form=form)
    assert form.non_field_errors() == ["第2行有误。"]


def test_without_a_form_a_refusal_is_flashed_as_an_error(request_):
    outcome = attempt(request_, refuse("已经提交过了。"), success="已提交。")
    assert not outcome.ok
    assert shown(request_) == [("error", "已经提交过了。")]


def test_a_refusal_the_view_shows_itself_is_not_shown_but_its_details_are_kept(request_):
    form = bound_name_form()
    outcome = attempt(request_, refuse("导入失败。", rows=["第3行：缺少问题。"]),
                      form=form, show_error=False)
    assert outcome.error.details["rows"] == ["第3行：缺少问题。"]
    assert form.errors == {} and shown(request_) == []


def test_success_shows_the_message_and_hands_back_the_value(request_):
    outcome = attempt(request_, lambda: {"created": 7}, success="已保存。")
    assert outcome.ok and outcome
    assert outcome.value == {"created": 7} and outcome.error is None
    assert shown(request_) == [("success", "已保存。")]


def test_the_success_message_may_be_made_from_the_value(request_):
    outcome = attempt(request_, lambda: 3, success=lambda n: f"已导入{n}条。")
    assert outcome.value == 3
    assert shown(request_) == [("success", "已导入3条。")]


def test_a_lazy_success_text_is_shown_as_text_not_called(request_):
    attempt(request_, lambda: None, success=gettext_lazy("已保存。"))
    assert shown(request_) == [("success", "已保存。")]


def test_no_success_message_unless_asked(request_):
    outcome = attempt(request_, lambda: 0)
    assert outcome.ok and outcome.value == 0
    assert shown(request_) == []


def test_permission_failures_are_not_refusals_and_pass_through(request_):
    def forbidden():
        raise PermissionDenied

    with pytest.raises(PermissionDenied):
        attempt(request_, forbidden, success="已保存。")
    assert shown(request_) == []


def _save_opened_at(pk: int, opened: int):
    def call():
        with transaction.atomic():
            claim_version(QaEntry.objects.get(pk=pk), opened)
    return call


@pytest.mark.django_db
def test_a_stale_edit_shows_both_versions_and_carries_the_current_version(request_):
    entry = QaEntryFactory(question="原来的问题？", answer="原来的答复。")
    opened = entry.version
    QaEntry.objects.filter(pk=entry.pk).update(question="同事改过的问题？",
                                               version=opened + 1)
    form = QuestionForm({"question": "我改的问题？", "answer": "原来的答复。",
                         "version": str(opened)})
    assert form.is_valid()
    outcome = attempt(request_, _save_opened_at(entry.pk, form.opened_version()),
                      form=form, conflict=form, success="已保存。")
    assert not outcome.ok and isinstance(outcome.error, StaleEdit)
    assert [(r.theirs, r.yours) for r in form.conflict] == [("同事改过的问题？", "我改的问题？")]
    assert form.data["version"] == str(opened + 1)  # the next save is judged against it
    assert form.non_field_errors() == [outcome.error.message]
    assert shown(request_) == []
    assert QaEntry.objects.get(pk=entry.pk).question == "同事改过的问题？"


@pytest.mark.django_db
def test_a_stale_edit_can_show_its_conflict_while_other_refusals_are_flashed(request_):
    entry = QaEntryFactory(question="原来的问题？")
    QaEntry.objects.filter(pk=entry.pk).update(question="同事改过的问题？",
                                               version=entry.version + 1)
    form = QuestionForm({"question": "我改的问题？", "answer": "答复。",
                         "version": str(entry.version)})
    assert form.is_valid()
    attempt(request_, _save_opened_at(entry.pk, entry.version), conflict=form,
            conflict_fields=["answer"])
    assert [r.label for r in form.conflict] == ["answer"]  # only the fields asked about
    assert shown(request_) == []
    attempt(request_, refuse("审核中的问答不能修改。"), conflict=form)
    assert shown(request_) == [("error", "审核中的问答不能修改。")]


@pytest.mark.django_db
def test_without_a_conflict_form_a_stale_edit_is_an_ordinary_refusal(request_):
    entry = QaEntryFactory()
    QaEntry.objects.filter(pk=entry.pk).update(version=entry.version + 1)
    outcome = attempt(request_, _save_opened_at(entry.pk, entry.version))
    assert isinstance(outcome.error, StaleEdit)
    assert shown(request_) == [("error", outcome.error.message)]
