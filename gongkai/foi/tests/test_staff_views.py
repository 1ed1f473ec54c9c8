"""Staff pages: who sees what, masking for co-handling units, steps offered and run
through the services, registration, the fee calculator, hostile input escaped."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.files.base import ContentFile
from django.urls import reverse

from gongkai.foi.codes import LetterKind
from gongkai.foi.models import Application, CoHandling, Letter, Status
from gongkai.foi.tests.factories import VALID_RESIDENT_ID, ApplicationFactory
from gongkai.workdays.services import calendar_seed_from_package

D = dt.date
pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>"


@pytest.fixture(autouse=True)
def today(db):
    calendar_seed_from_package(years=[2025, 2026])
    with time_machine.travel(dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
                             tick=False):
        yield


@pytest.fixture
def application(unit_staff):
    return ApplicationFactory(unit=unit_staff.unit, received_on=D(2026, 3, 2),
                              due_on=D(2026, 3, 30), applicant_name="张小明",
                              phone="13812345678", description=f"预算{HOSTILE}")


def urls(application) -> list[str]:
    pk = application.pk
    return [reverse("foi:application_detail", args=[pk]),
            reverse("foi:staff_detail", args=[pk])]


def post_urls(application) -> list[str]:
    pk = application.pk
    return [reverse("foi:action", args=[pk, "reply"]),
            reverse("foi:action", args=[pk, "transfer"]),
            reverse("foi:letter_create", args=[pk]),
            reverse("foi:co_handling_answer", args=[pk])]


def test_unit_staff_of_another_unit_get_404_everywhere(client_for, other_unit_staff,
                                                       application):
    client = client_for(other_unit_staff)
    letter = Letter.objects.create(application=application, kind=LetterKind.RECEIPT,
                                   title="回执", file=ContentFile(b"x", name="r.docx"))
    for url in urls(application):
        assert client.get(url).status_code == 404
    for url in post_urls(application):
        assert client.post(url, {"outcome": "1"}).status_code == 404
    assert client.get(reverse("foi:letter_file", args=[application.pk, letter.pk])
                      ).status_code == 404
    listing = client.get(reverse("foi:staff_list"))
    assert application.number not in listing.content.decode()
    application.refresh_from_db()
    assert application.status == Status.PROCESSING


def test_the_handling_unit_sees_personal_data_in_full_and_markup_escaped(
        client_for, unit_staff, application):
    body = client_for(unit_staff).get(urls(application)[0]).content.decode()
    assert VALID_RESIDENT_ID in body and "13812345678" in body and "张小明" in body
    assert HOSTILE not in body and "&lt;script&gt;" in body


def test_a_co_handling_unit_reads_the_request_but_not_the_person(client_for,
                                                                  other_unit_staff,
                                                                  application):
    CoHandling.objects.create(application=application, unit=other_unit_staff.unit,
                              requested_on=D(2026, 3, 3))
    client = client_for(other_unit_staff)
    body = client.get(urls(application)[0]).content.decode()
    assert "预算" in body
    assert VALID_RESIDENT_ID not in body and "13812345678" not in body
    assert "张小明" not in body and "张*明" in body
    assert 'id="actions"' not in body and 'id="co-answer"' in body
    assert client.post(reverse("foi:action", args=[application.pk, "reply"]),
                       {"outcome": "1"}).status_code == 403
    listing = client.get(reverse("foi:staff_list")).content.decode()
    assert "张*明" in listing and "张小明" not in listing
    client.post(reverse("foi:co_handling_answer", args=[application.pk]),
                {"answer": "本局不掌握"})
    assert CoHandling.objects.get().answer == "本局不掌握"


def test_the_office_sees_every_unit_in_full(client_for, office_admin, application):
    client = client_for(office_admin)
    assert application.number in client.get(reverse("foi:staff_list")).content.decode()
    assert VALID_RESIDENT_ID in client.get(urls(application)[0]).content.decode()


def test_public_users_cannot_open_staff_pages(client_for, application):
    from gongkai.orgs.tests.factories import PublicUserFactory

    client = client_for(PublicUserFactory())
    assert client.get(reverse("foi:staff_list")).status_code == 403
    assert client.get(urls(application)[0]).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, application):
    response = client.get(urls(application)[0])
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_detail_page_offers_only_the_steps_the_table_allows_now(client_for, unit_staff,
                                                                    application):
    body = client_for(unit_staff).get(urls(application)[0]).content.decode()
    for step in ("reply", "supplement_request", "consultation_start", "extend", "fee_notify"):
        assert f'id="step-{step}"' in body
    for step in ("archive", "deliver", "fee_pay", "confirm_receipt", "supplement_receive"):
        assert f'id="step-{step}"' not in body
    assert "2026年3月30日" in body and "第0日" in body


def test_a_step_posted_runs_the_service_and_an_illegal_one_shows_the_error(
        client_for, unit_staff, application):
    client = client_for(unit_staff)
    response = client.post(reverse("foi:action", args=[application.pk, "reply"]),
                           {"outcome": "2", "reasons": "", "legal_basis": ""}, follow=True)
    assert "请填写理由" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.PROCESSING
    client.post(reverse("foi:action", args=[application.pk, "reply"]),
                {"outcome": "2", "reasons": "部分涉及个人隐私", "legal_basis": "第三十七条",
                 "provide_how": "以电子邮件提供。"})
    application.refresh_from_db()
    assert (application.status, application.outcome) == (Status.REPLIED, "2")
    response = client.post(reverse("foi:action", args=[application.pk, "archive"]),
                           follow=True)
    assert "案卷不完整" in response.content.decode()


def test_an_impossible_date_in_a_step_form_gets_a_chinese_error(client_for, unit_staff,
                                                                application):
    response = client_for(unit_staff).post(
        reverse("foi:action", args=[application.pk, "deliver"]),
        {"method": "邮寄", "delivered_on": "2026-02-30"}, follow=True)
    assert response.status_code == 400
    assert "请填写真实存在的日期" in response.content.decode()
    application.refresh_from_db()
    assert application.delivered_on is None


def test_a_rejected_reply_keeps_everything_typed_and_shows_every_error(
        client_for, unit_staff, application):
    # The reply form used to collapse, reset the outcome and empty the reason when a
    # date was rejected, and showed one error at a time.
    response = client_for(unit_staff).post(
        reverse("foi:action", args=[application.pk, "reply"]),
        {"outcome": "3.4", "reasons": "涉及第三方商业秘密，第三方不同意公开",
         "legal_basis": "第十五条", "on": "2026-02-30", "published_where": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="3.4" selected' in page
    assert "涉及第三方商业秘密，第三方不同意公开" in page and "第十五条" in page
    assert 'id="step-reply" open' in page
    assert "请填写真实存在的日期" in page
    application.refresh_from_db()
    assert application.status == Status.PROCESSING


def test_an_unknown_step_is_refused(client_for, unit_staff, application):
    response = client_for(unit_staff).post(reverse("foi:action",
                                                   args=[application.pk, "explode"]))
    assert response.status_code == 403


def registration(**overrides) -> dict:
    return {"channel": "in_person", "received_on": "2026-03-10",
            "applicant_type": "natural", "applicant_name": "李四", "id_type": "resident_id",
            "id_number": VALID_RESIDENT_ID, "phone": "13800138000",
            "description": "请公开某项目批复。", **overrides}


def test_staff_register_an_application_for_their_own_unit(client_for, unit_staff):
    response = client_for(unit_staff).post(reverse("foi:register"), registration())
    application = Application.objects.get()
    assert response.status_code == 302
    assert application.unit == unit_staff.unit and application.status == Status.PROCESSING
    assert application.number


@pytest.mark.parametrize(("overrides", "message"), [
    ({"received_on": "2026-03-11"}, "不能晚于今天"),
    ({"received_on": "2026-13-01"}, "真实存在的日期"),
    ({"id_number": "110105194912310021"}, "居民身份证号码有误"),
    ({"description": "x" * 5001}, "5000"),
])
def test_registration_errors_are_shown_and_nothing_is_saved(client_for, unit_staff,
                                                            overrides, message):
    response = client_for(unit_staff).post(reverse("foi:register"), registration(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_registration_shows_every_error_at_once(client_for, unit_staff):
    page = client_for(unit_staff).post(reverse("foi:register"), registration(
        phone="1380013800", id_number="110105194912310021", applicant_name="")
    ).content.decode()
    assert "联系电话有误" in page and "居民身份证号码有误" in page
    assert "1380013800" in page  # kept as typed
    assert not Application.objects.exists()


def test_the_fee_calculator_page_and_its_htmx_fragment(client_for, unit_staff):
    client = client_for(unit_staff)
    page = client.get(reverse("foi:fee_calculator"), {"basis": "per_volume",
                                                      "quantity": "250"})
    assert "4700" in page.content.decode() and "<html" in page.content.decode()
    fragment = client.get(reverse("foi:fee_calculator"),
                          {"basis": "per_application", "quantity": "45"},
                          HTTP_HX_REQUEST="true").content.decode()
    assert "5500" in fragment and "300" in fragment and "<html" not in fragment
    bad = client.get(reverse("foi:fee_calculator"), {"basis": "per_volume",
                                                     "quantity": "-1"}).content.decode()
    assert "errorlist" in bad


def test_letters_are_downloadable_by_the_handling_unit_only(client_for, unit_staff,
                                                            other_unit_staff, application):
    letter = Letter.objects.create(application=application, kind=LetterKind.RECEIPT,
                                   title="回执", file=ContentFile(b"docx", name="r.docx"))
    url = reverse("foi:letter_file", args=[application.pk, letter.pk])
    assert client_for(unit_staff).get(url).status_code == 200
    CoHandling.objects.create(application=application, unit=other_unit_staff.unit,
                              requested_on=D(2026, 3, 3))
    assert client_for(other_unit_staff).get(url).status_code == 403


def test_the_list_marks_provisional_dates_and_days_left(client_for, unit_staff):
    ApplicationFactory(unit=unit_staff.unit, received_on=D(2026, 3, 2),
                       due_on=D(2027, 1, 20), due_provisional=True)
    body = client_for(unit_staff).get(reverse("foi:staff_list")).content.decode()
    assert "（暂定）" in body and "个工作日" in body


def test_a_whole_file_through_the_pages_generates_the_letters_and_archives(
        client_for, unit_staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(unit_staff)
    client.post(reverse("foi:register"), registration())
    application = Application.objects.get()
    step = lambda name, data=None: client.post(  # noqa: E731
        reverse("foi:action", args=[application.pk, name]), data or {}, follow=True)
    step("reply", {"outcome": "1", "reasons": "", "legal_basis": "第三十六条",
                   "published_where": "区政府网站“政府信息公开”栏目"})
    step("deliver", {"method": "电子邮件", "delivered_on": "2026-03-10"})
    response = step("archive")
    application.refresh_from_db()
    kinds = set(application.letters.values_list("kind", flat=True))
    assert {LetterKind.RECEIPT, LetterKind.REPLY} <= kinds, response.content.decode()[:2000]
    assert application.status == Status.ARCHIVED
