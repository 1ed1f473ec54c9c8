"""The applicant's side: apply online, receipt shown once, follow with the query code,
letters, online supplement; hostile input, guessing and other people's data."""
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.foi.codes import LetterKind
from gongkai.foi.models import Application, Letter, Status, Supplement
from gongkai.foi.services.letters import letter_generate
from gongkai.foi.tests.factories import (
    VALID_RESIDENT_ID,
    ApplicationFactory,
    SupplementFactory,
)
from gongkai.orgs.tests.factories import PublicUserFactory, UnitFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield
    cache.clear()


@pytest.fixture
def unit():
    return UnitFactory(name="区发展改革局")


def form_data(unit, /, **changes) -> dict:
    data = {
        "unit": unit.pk, "applicant_type": "natural", "applicant_name": "张小明",
        "id_type": "resident_id", "id_number": VALID_RESIDENT_ID, "contact_person": "",
        "phone": "13812345678", "email": "zhangxm@example.cn",
        "address": "广东省广州市黄埔区科学大道100号", "postal_code": "510530",
        "description": "2025年本区老旧小区改造项目的资金安排文件", "purpose": "",
        "form_wanted": "电子数据", "delivery_wanted": "电子邮件",
        "submission_key": "key-0001-abcdefghijklmnop",
    }
    data.update(changes)
    return data


def post_apply(client: Client, data: dict):
    """Post the form as the browser that was given its key: each made-up key of a test
    stands for one key the form page gave this client (the same made-up key, the same
    real one), so double submissions stay double submissions."""
    issued = client.__dict__.setdefault("issued_keys", {})
    made_up = data["submission_key"]
    if made_up not in issued:
        issued[made_up] = key_on_page(client.get(reverse("foi:apply")).content.decode())
    return client.post(reverse("foi:apply"), {**data, "submission_key": issued[made_up]})


def prove(client: Client, application: Application, last4: str | None = None):
    return client.post(reverse("foi:track"), {
        "query_code": application.query_code,
        "id_last4": last4 or application.id_number[-4:]})


# Applying.

def test_the_form_offers_a_one_time_key_and_the_annual_report_applicant_types(client, unit):
    page = client.get(reverse("foi:apply")).content.decode()
    assert 'name="submission_key"' in page and "csrfmiddlewaretoken" in page
    for label in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"):
        assert label in page
    for label in ("纸质", "电子数据", "邮寄", "电子邮件", "自行领取", "网上查看"):
        assert label in page


def test_the_form_refuses_a_post_without_csrf_token(unit):
    client = Client(enforce_csrf_checks=True)
    response = post_apply(client, form_data(unit))
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_an_online_application_is_created_pending_with_its_receipt(client, unit):
    response = post_apply(client, form_data(unit))
    assert response.status_code == 302 and response.url == reverse("foi:receipt")
    application = Application.objects.get()
    assert application.status == Status.PENDING and application.unit == unit
    assert application.applicant_name == "张小明" and application.delivery_wanted == "电子邮件"
    receipt = client.get(reverse("foi:receipt")).content.decode()
    assert application.query_code in receipt
    letter = Letter.objects.get(application=application, kind=LetterKind.RECEIPT)
    assert reverse("foi:letter_download", args=[letter.pk]) in receipt
    download = client.get(reverse("foi:letter_download", args=[letter.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "WS" in download["Content-Disposition"]  # named with the receipt number
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(
        download.streaming_content))).pages)
    assert "接收回执" in text and application.query_code in text and "张小明" in text


def test_the_query_code_is_shown_only_once(client, unit):
    post_apply(client, form_data(unit))
    client.get(reverse("foi:receipt"))
    again = client.get(reverse("foi:receipt"))
    assert again.status_code == 302 and again.url == reverse("foi:track")


def key_on_page(page: str) -> str:
    import re

    return re.search(r'name="submission_key" value="([^"]+)"', page).group(1)


def test_the_key_given_with_the_form_submits_it(client, unit):
    key = key_on_page(client.get(reverse("foi:apply")).content.decode())
    response = client.post(reverse("foi:apply"), form_data(unit, submission_key=key))
    assert response.status_code == 302 and Application.objects.count() == 1


def test_a_key_replayed_from_another_browser_reveals_nothing(client, unit):
    # Issue 15: the first applicant's key, posted from another session, used to
    # return the first application with its receipt, query code and case page.
    key = key_on_page(client.get(reverse("foi:apply")).content.decode())
    client.post(reverse("foi:apply"), form_data(unit, submission_key=key))
    first = Application.objects.get()
    other = Client()
    other.get(reverse("foi:apply"))
    replay = other.post(reverse("foi:apply"), form_data(unit, applicant_name="李四",
                                                         submission_key=key))
    page = replay.content.decode()
    assert replay.status_code == 400 and "不是在本浏览器打开的" in page
    assert first.query_code not in page and "李四" in page  # typed text kept
    assert key_on_page(page) != key  # a fresh key to submit with
    assert other.get(reverse("foi:receipt")).status_code == 302
    assert other.get(reverse("foi:track_application", args=[first.pk])).status_code == 404
    assert Application.objects.count() == 1


def test_a_made_up_key_creates_nothing(client, unit):
    client.get(reverse("foi:apply"))
    response = client.post(reverse("foi:apply"), form_data(unit, submission_key="made-up"))
    assert response.status_code == 400 and not Application.objects.exists()


def test_pages_with_personal_data_are_not_stored_by_caches(client, unit):
    key = key_on_page(client.get(reverse("foi:apply")).content.decode())
    client.post(reverse("foi:apply"), form_data(unit, submission_key=key))
    application = Application.objects.get()
    letter = Letter.objects.get(application=application)
    for url in (reverse("foi:receipt"), reverse("foi:track"),
                reverse("foi:track_application", args=[application.pk]),
                reverse("foi:letter_download", args=[letter.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


def test_a_double_submission_creates_one_application(client, unit):
    first = post_apply(client, form_data(unit))
    second = post_apply(client, form_data(unit))
    assert first.status_code == second.status_code == 302
    assert Application.objects.count() == 1
    assert Letter.objects.filter(kind=LetterKind.RECEIPT).count() == 1


def test_bad_input_gets_chinese_errors_and_keeps_what_was_typed(client, unit):
    response = post_apply(client, form_data(
        unit, applicant_name="", id_number="440106199001011235",
        description="我想要<b>预算</b>文件"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "这个字段是必填项" in page or "请填写" in page
    assert not Application.objects.exists()
    assert "我想要&lt;b&gt;预算&lt;/b&gt;文件" in page  # typed text kept, escaped
    assert "13812345678" in page and "科学大道100号" in page


def test_a_wrong_identity_check_digit_is_explained_on_the_field(client, unit):
    response = post_apply(client, form_data(unit, id_number="11010519491231002"
                                                           "1"))
    assert "居民身份证号码有误" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize(("changes", "message"), [
    ({"delivery_wanted": "电子邮件", "email": ""}, "请填写电子邮箱"),
    ({"delivery_wanted": "邮寄", "address": ""}, "请填写通信地址"),
    ({"applicant_type": "commercial", "contact_person": ""}, "请填写联系人"),
    ({"description": "长" * 5001}, "5000"),
    ({"unit": "999999"}, "请选择受理申请的机关"),
    ({"form_wanted": "光盘"}, "光盘"),
])
def test_incomplete_or_oversized_applications_are_refused(client, unit, changes, message):
    response = post_apply(client, form_data(unit, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_script_tags_are_stored_as_typed_and_shown_escaped(client, unit):
    post_apply(client, form_data(
        unit, description="<script>alert('x')</script>", applicant_name="<img src=x>"))
    application = Application.objects.get()
    assert application.description == "<script>alert('x')</script>"
    page = client.get(reverse("foi:track_application", args=[application.pk])).content.decode()
    assert "<script>alert('x')</script>" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_one_address_may_submit_ten_applications_an_hour(client, unit):
    for n in range(10):
        assert post_apply(client, form_data(unit, submission_key=f"key-{n:04d}-xxxxxxxx")
                          ).status_code == 302
    refused = post_apply(client, form_data(unit, submission_key="key-last-x"))
    assert refused.status_code == 400 and "提交的申请过多" in refused.content.decode()
    assert Application.objects.count() == 10


def test_a_signed_in_applicant_sees_their_applications_without_the_code(client_for, unit):
    user = PublicUserFactory()
    client = client_for(user)
    post_apply(client, form_data(unit))
    application = Application.objects.get()
    assert application.public_user == user
    fresh = client_for(user)  # a new session: no proven code
    assert reverse("foi:track_application", args=[application.pk]) in fresh.get(
        reverse("foi:track")).content.decode()
    assert fresh.get(reverse("foi:track_application", args=[application.pk])).status_code == 200


# Following an application.

def test_the_right_code_and_digits_open_the_application(client):
    application = ApplicationFactory(id_number="11010519491231002X")
    response = prove(client, application, last4="002x")
    assert response.url == reverse("foi:track_application", args=[application.pk])
    page = client.get(response.url).content.decode()
    assert application.number in page and "办理中" in page


@pytest.mark.parametrize("wrong", ["code", "digits", "both"])
def test_a_wrong_code_or_wrong_digits_get_the_same_generic_error(client, wrong):
    application = ApplicationFactory()
    data = {"query_code": application.query_code, "id_last4": application.id_number[-4:]}
    if wrong in ("code", "both"):
        data["query_code"] = "0000000000"
    if wrong in ("digits", "both"):
        data["id_last4"] = "9999"
    response = client.post(reverse("foi:track"), data)
    assert response.status_code == 400
    assert "查询码或证件号码后四位不正确" in response.content.decode()
    assert client.get(reverse("foi:track_application",
                              args=[application.pk])).status_code == 404


def test_guessing_is_stopped_after_ten_wrong_tries(client):
    application = ApplicationFactory()
    for _ in range(10):
        prove(client, application, last4="9999")
    response = prove(client, application)
    assert response.status_code == 400 and "次数过多" in response.content.decode()


def test_access_is_only_to_the_application_whose_code_was_proven(client):
    mine, theirs = ApplicationFactory(), ApplicationFactory()
    prove(client, mine)
    assert client.get(reverse("foi:track_application", args=[mine.pk])).status_code == 200
    assert client.get(reverse("foi:track_application", args=[theirs.pk])).status_code == 404
    prove(client, theirs)
    assert client.get(reverse("foi:track_application", args=[mine.pk])).status_code == 404


def test_a_provisional_due_date_is_marked(client):
    application = ApplicationFactory(due_provisional=True)
    prove(client, application)
    page = client.get(reverse("foi:track_application", args=[application.pk])).content.decode()
    assert "（暂定）" in page


def test_personal_data_is_masked_on_the_track_page(client, client_for, unit_staff,
                                                   other_unit_staff):
    application = ApplicationFactory(unit=unit_staff.unit, applicant_name="张小明",
                                     id_number="11010519491231002X", phone="13812345678",
                                     email="zhangxm@example.cn",
                                     address="广东省广州市黄埔区科学大道100号")
    prove(client, application)
    page = client.get(reverse("foi:track_application", args=[application.pk])).content.decode()
    for full in ("11010519491231002X", "13812345678", "zhangxm@", "科学大道", "张小明"):
        assert full not in page
    for masked in ("1101**********002X", "138****5678", "广东省广州市黄埔区****", "张*明"):
        assert masked in page
    staff_page = client_for(unit_staff).get(
        reverse("foi:track_application", args=[application.pk])).content.decode()
    assert "11010519491231002X" in staff_page and "13812345678" in staff_page
    assert client_for(other_unit_staff).get(
        reverse("foi:track_application", args=[application.pk])).status_code == 404


# Letters.

def test_letters_are_listed_and_downloaded_only_by_those_entitled(client, client_for,
                                                                   unit_staff, office_admin,
                                                                   other_unit_staff):
    application = ApplicationFactory(unit=unit_staff.unit, outcome="2")
    reply = letter_generate(application=application, kind=LetterKind.REPLY,
                            actor=unit_staff, outcome="2")
    internal = letter_generate(application=application, kind=LetterKind.REGISTRATION,
                               actor=unit_staff)
    other_letter = letter_generate(application=ApplicationFactory(), kind=LetterKind.RECEIPT,
                                   actor=None)
    url = reverse("foi:letter_download", args=[reply.pk])
    assert client.get(url).status_code == 404  # not proven yet
    prove(client, application)
    page = client.get(reverse("foi:track_application", args=[application.pk])).content.decode()
    assert reply.title in page and url in page
    assert reverse("foi:letter_download", args=[internal.pk]) not in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert client.get(reverse("foi:letter_download", args=[internal.pk])).status_code == 404
    assert client.get(reverse("foi:letter_download",
                              args=[other_letter.pk])).status_code == 404
    for user, status in ((unit_staff, 200), (office_admin, 200), (other_unit_staff, 404)):
        assert client_for(user).get(
            reverse("foi:letter_download", args=[internal.pk])).status_code == status


# Supplement online.

@pytest.fixture
def awaiting():
    application = ApplicationFactory(status=Status.AWAITING_SUPPLEMENT,
                                     received_on=dt.date(2026, 3, 2))
    SupplementFactory(application=application, requested_on=dt.date(2026, 3, 4),
                      items="请写明<所需文件>的年度。")
    return application


def test_the_applicant_supplies_the_supplement_online(client, awaiting):
    prove(client, awaiting)
    url = reverse("foi:track_application", args=[awaiting.pk])
    page = client.get(url).content.decode()
    assert "请写明&lt;所需文件&gt;的年度。" in page and "提交补正" in page
    response = client.post(url, {"content": "2025年度，文号为埔发改〔2025〕12号。"})
    assert response.status_code == 302
    supplement = Supplement.objects.get(application=awaiting)
    assert supplement.received_on == dt.date(2026, 3, 10)
    assert "埔发改〔2025〕12号" in supplement.content
    awaiting.refresh_from_db()
    assert awaiting.status == Status.PROCESSING
    assert "提交补正" not in client.get(url).content.decode()


def test_an_empty_or_oversized_supplement_is_refused_and_nothing_changes(client, awaiting):
    prove(client, awaiting)
    url = reverse("foi:track_application", args=[awaiting.pk])
    assert client.post(url, {"content": ""}).status_code == 400
    response = client.post(url, {"content": "补" * 5001})
    assert response.status_code == 400 and "5000" in response.content.decode()
    awaiting.refresh_from_db()
    assert awaiting.status == Status.AWAITING_SUPPLEMENT
    assert Supplement.objects.get(application=awaiting).received_on is None


def test_nobody_else_can_supplement(client, awaiting):
    response = client.post(reverse("foi:track_application", args=[awaiting.pk]),
                           {"content": "冒充"})
    assert response.status_code == 404
    assert Supplement.objects.get(application=awaiting).received_on is None


def test_staff_who_can_read_the_track_page_cannot_supplement_for_the_applicant(
        client_for, awaiting):
    # Issue 15: a co-handling unit could submit the applicant's 补正 here, restarting
    # the statutory clock. Staff record a written supplement on the staff side.
    from gongkai.foi.models import CoHandling
    from gongkai.orgs.tests.factories import UserFactory

    helper = UserFactory()
    CoHandling.objects.create(application=awaiting, unit=helper.unit,
                              requested_on=dt.date(2026, 3, 5))
    handler = UserFactory(unit=awaiting.unit)
    url = reverse("foi:track_application", args=[awaiting.pk])
    for user in (helper, handler):
        client = client_for(user)
        page = client.get(url)
        assert page.status_code == 200 and "提交补正" not in page.content.decode()
        assert client.post(url, {"content": "代为补正"}).status_code == 404
    assert Supplement.objects.get(application=awaiting).received_on is None
    awaiting.refresh_from_db()
    assert awaiting.status == Status.AWAITING_SUPPLEMENT


def test_the_due_date_says_why_it_is_missing_while_the_clock_stands_still(client, awaiting):
    awaiting.due_on = None
    awaiting.save(update_fields=["due_on"])
    prove(client, awaiting)
    page = client.get(reverse("foi:track_application", args=[awaiting.pk])).content.decode()
    assert "暂停计算（待补正）" in page
