"""Intake: online submission, staff registration by channel (Art. 31), numbering,
identity check digits, hostile and malformed input."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.foi.codes import ApplicantType, Channel
from gongkai.foi.models import Application, IdType, NumberingRule, Status
from gongkai.foi.services.intake import (
    application_confirm_receipt,
    application_register,
    application_submit_online,
)
from gongkai.foi.services.numbering import application_number_assign
from gongkai.foi.services.validation import credit_code_valid, resident_id_valid
from gongkai.foi.tests.factories import VALID_RESIDENT_ID, ApplicationFactory
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.workdays.services import calendar_seed_from_package

D = dt.date
VALID_CREDIT_CODE = "91350100M000100Y43"
NOW = dt.datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def calendar(db):
    calendar_seed_from_package(years=[2025, 2026])
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def unit(db):
    return UnitFactory(name="区发展改革局", short_name="发改")


def person(**overrides) -> dict:
    return {"applicant_type": ApplicantType.NATURAL_PERSON, "applicant_name": "张三",
            "id_type": IdType.RESIDENT_ID, "id_number": VALID_RESIDENT_ID,
            "phone": "020-12345678", "email": "zhang@example.com",
            "description": "请公开2025年区级预算。", **overrides}


def test_online_submission_waits_for_confirmation_without_number_or_clock(unit):
    application = application_submit_online(data={**person(), "unit": unit.pk},
                                            submission_key="k1")
    assert application.status == Status.PENDING
    assert application.number == "" and application.received_on is None
    assert application.due_on is None and application.query_code


def test_a_double_submission_with_the_same_key_creates_one_application(unit):
    first = application_submit_online(data={**person(), "unit": unit.pk}, submission_key="k1")
    again = application_submit_online(data={**person(applicant_name="李四"), "unit": unit.pk},
                                      submission_key="k1")
    assert again.pk == first.pk
    assert Application.objects.count() == 1


def test_confirming_receipt_numbers_the_application_and_starts_the_clock(unit):
    application = application_submit_online(data={**person(), "unit": unit.pk},
                                            submission_key="k1")
    application_confirm_receipt(application=application, confirmation="电话确认",
                                actor=None)
    application.refresh_from_db()
    assert application.status == Status.PROCESSING
    assert application.received_on == D(2026, 3, 10)  # the day of confirmation
    assert application.number == "发改依申〔2026〕第0001号"
    assert application.due_on == D(2026, 4, 8)  # 20 working days; 4-6 清明 is off
    assert AuditEvent.objects.filter(action="foi.application.received").exists()


def test_receipt_cannot_be_confirmed_before_the_submission_or_twice(unit):
    application = application_submit_online(data={**person(), "unit": unit.pk},
                                            submission_key="k1")
    with pytest.raises(ApplicationError, match="早于提交日期"):
        application_confirm_receipt(application=application, received_on=D(2026, 3, 9),
                                    confirmation="电话确认", actor=None)
    with pytest.raises(ApplicationError, match="确认方式"):
        application_confirm_receipt(application=application, actor=None)
    application_confirm_receipt(application=application, confirmation="电话确认", actor=None)
    with pytest.raises(ApplicationError, match="重复确认"):
        application_confirm_receipt(application=application, confirmation="电话确认",
                                    actor=None)


@pytest.mark.parametrize("channel", [Channel.IN_PERSON, Channel.REGISTERED_POST])
def test_in_person_and_registered_post_need_the_date_of_receipt(unit, channel):
    with pytest.raises(ApplicationError, match="收到日期"):
        application_register(unit=unit, data=person(), channel=channel, received_on=None,
                             actor=None)
    application = application_register(unit=unit, data=person(), channel=channel,
                                       received_on=D(2026, 3, 9), actor=None)
    assert application.status == Status.PROCESSING
    assert application.received_on == D(2026, 3, 9)


@pytest.mark.parametrize("channel", [Channel.LETTER, Channel.FAX])
def test_letters_and_faxes_wait_until_receipt_is_confirmed_with_the_applicant(unit, channel):
    application = application_register(unit=unit, data=person(), channel=channel,
                                       received_on=None, actor=None)
    assert application.status == Status.PENDING and application.number == ""
    application_confirm_receipt(application=application, confirmation="电话确认",
                                actor=None)
    application.refresh_from_db()
    assert application.status == Status.PROCESSING


def test_staff_cannot_register_an_online_application(unit):
    with pytest.raises(ApplicationError, match="网上提交"):
        application_register(unit=unit, data=person(), channel=Channel.ONLINE,
                             received_on=D(2026, 3, 9), actor=None)


@pytest.mark.parametrize(("received_on", "message"), [
    (D(2026, 3, 11), "不能晚于今天"), ("2026-02-30", "不是有效日期"), ("明天", "不是有效日期"),
])
def test_impossible_and_future_dates_of_receipt_are_refused_and_nothing_is_written(
        unit, received_on, message):
    with pytest.raises(ApplicationError, match=message):
        application_register(unit=unit, data=person(), channel=Channel.IN_PERSON,
                             received_on=received_on, actor=None)
    assert Application.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="foi.").exists()


def test_the_date_of_receipt_cannot_precede_the_date_on_the_letter(unit):
    with pytest.raises(ApplicationError, match="早于提交日期"):
        application_register(unit=unit, data=person(submitted_on="2026-03-09"),
                             channel=Channel.REGISTERED_POST, received_on=D(2026, 3, 8),
                             actor=None)


def test_resident_id_check_digit():
    assert resident_id_valid(VALID_RESIDENT_ID)
    assert not resident_id_valid("110105194912310021")  # wrong check digit
    assert not resident_id_valid("11010519490231002X".replace("0231", "0230"))  # Feb 30
    assert not resident_id_valid("1101051949123100")  # too short


def test_credit_code_check_digit():
    assert credit_code_valid(VALID_CREDIT_CODE)
    assert not credit_code_valid("91350100M000100Y44")
    assert not credit_code_valid("91350100M000100YI3")  # I is not in the code set


@pytest.mark.parametrize(("overrides", "message"), [
    ({"id_number": "110105194912310021"}, "居民身份证号码有误"),
    ({"applicant_type": ApplicantType.COMMERCIAL, "id_type": IdType.CREDIT_CODE,
      "id_number": "91350100M000100Y44"}, "统一社会信用代码有误"),
    ({"applicant_type": ApplicantType.COMMERCIAL}, "统一社会信用代码或其他"),
    ({"id_type": IdType.CREDIT_CODE, "id_number": VALID_CREDIT_CODE}, "自然人"),
    ({"phone": "call me"}, "联系电话"),
    ({"phone": "1380013800"}, "联系电话有误"),  # 10 digits: issue 11
    ({"phone": "12800138000"}, "联系电话有误"),  # no 12x mobile numbers
    ({"phone": "12345678"}, "联系电话有误"),  # a landline without its area code
    ({"email": "not-an-address"}, "电子邮箱"),
    ({"description": "   "}, "请填写"),
    ({"description": "查" * 5001}, "过长"),
    ({"applicant_name": "名" * 201}, "过长"),
    ({"applicant_type": "alien"}, "申请人类型"),
])
def test_malformed_applications_get_a_clear_chinese_error(unit, overrides, message):
    with pytest.raises(ApplicationError, match=message):
        application_submit_online(data={**person(**overrides), "unit": unit.pk},
                                  submission_key="k1")
    assert Application.objects.count() == 0


def test_an_organisation_with_a_valid_credit_code_is_accepted(unit):
    application = application_submit_online(
        data={**person(applicant_type=ApplicantType.COMMERCIAL, applicant_name="某公司",
                       id_type=IdType.CREDIT_CODE, id_number=VALID_CREDIT_CODE.lower()),
              "unit": unit.pk}, submission_key="k2")
    assert application.id_number == VALID_CREDIT_CODE


def test_script_tags_are_stored_as_typed(unit):
    hostile = "<script>alert(1)</script>预算"
    application = application_submit_online(
        data={**person(description=hostile), "unit": unit.pk}, submission_key="k3")
    application.refresh_from_db()
    assert application.description == hostile  # escaped when shown (see view tests)


def test_numbers_follow_the_units_pattern_and_count_per_unit_and_year(unit):
    NumberingRule.objects.create(unit=unit, pattern="埔发改依申〔{year}〕第{seq:04d}号")
    first = application_register(unit=unit, data=person(), channel=Channel.IN_PERSON,
                                 received_on=D(2026, 3, 2), actor=None)
    second = application_register(unit=unit, data=person(), channel=Channel.IN_PERSON,
                                  received_on=D(2026, 3, 3), actor=None)
    last_year = ApplicationFactory(unit=unit, number="", received_on=D(2025, 12, 30))
    application_number_assign(application=last_year)
    assert first.number == "埔发改依申〔2026〕第0001号"
    assert second.number == "埔发改依申〔2026〕第0002号"
    assert last_year.number == "埔发改依申〔2025〕第0001号"


def test_a_broken_pattern_is_reported_and_leaves_the_application_unregistered(unit):
    NumberingRule.objects.create(unit=unit, pattern="第{seq:04d}号{bogus}")
    with pytest.raises(ApplicationError, match="编号格式"):
        application_register(unit=unit, data=person(), channel=Channel.IN_PERSON,
                             received_on=D(2026, 3, 2), actor=None)
    assert Application.objects.count() == 0


def test_two_units_with_the_same_pattern_collide_with_a_clear_error(unit):
    other = UnitFactory()
    for u in (unit, other):
        NumberingRule.objects.create(unit=u, pattern="埔依申〔{year}〕第{seq:04d}号")
    application_register(unit=unit, data=person(), channel=Channel.IN_PERSON,
                         received_on=D(2026, 3, 2), actor=None)
    with pytest.raises(ApplicationError, match="已被使用"):
        application_register(unit=other, data=person(), channel=Channel.IN_PERSON,
                             received_on=D(2026, 3, 2), actor=None)


@pytest.mark.parametrize("phone", ["13800138000", "+86 138 0013 8000", "020-12345678",
                                   "(0755)1234567", "010 1234 5678-123", "020-12345678转88"])
def test_real_chinese_phone_numbers_are_accepted(phone):
    from gongkai.foi.services.validation import phone_valid

    assert phone_valid(phone)
