"""A disclosure application end to end in a browser: an applicant applies online; staff
confirm receipt and ask for a supplement; the applicant supplies it online; staff
extend the time limit and reply with partial disclosure (outcome 2) and its letter;
the applicant reads the reply and downloads the letter (PDF) from the track page."""
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from django.utils import timezone

from gongkai.foi.models import Application, Letter, Status
from gongkai.foi.tests.factories import VALID_RESIDENT_ID
from gongkai.orgs.models import Role, Unit, User
from tests.browser.conftest import login, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-1"


def open_step(page, name: str) -> str:
    """Unfold one step of the staff page; return a selector scoped to its form."""
    page.locator(f"#step-{name}").evaluate("details => { details.open = true; }")
    return f"#step-{name} form"


def run_step(page, name: str, **fields) -> None:
    scope = open_step(page, name)
    for field, value in fields.items():
        locator = page.locator(f"{scope} [name={field}]")
        if locator.evaluate("e => e.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)
    submit(page, f"{scope} button[type=submit]")


def test_apply_supplement_extend_partial_reply_and_read_it(new_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    unit = Unit.objects.create(name="区发展改革局", category="department")
    User.objects.create_user("fgj", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit,
                             display_name="李办事")
    today = timezone.localdate()

    # The applicant applies online and keeps the query code from the receipt.
    applicant = new_page()
    applicant.goto("/foi/apply/")
    applicant.select_option("#id_unit", label="区发展改革局")
    applicant.fill("#id_applicant_name", "张小明")
    applicant.fill("#id_id_number", VALID_RESIDENT_ID)
    applicant.fill("#id_phone", "13812345678")
    applicant.fill("#id_email", "zhangxm@example.cn")
    applicant.fill("#id_description", "本区老旧小区改造项目的资金安排文件<script>x</script>")
    submit(applicant, "main button[type=submit]")
    query_code = applicant.inner_text("#query-code").strip()
    application = Application.objects.get()
    assert query_code == application.query_code
    assert application.status == Status.PENDING
    assert "<script>x</script>" not in applicant.content()

    # Staff confirm receipt and ask, once and completely, for a supplement.
    staff = new_page()
    login(staff, "fgj", PASSWORD)
    staff.goto(f"/foi/staff/{application.pk}/")
    run_step(staff, "confirm_receipt", confirmation="电话确认（申请人本人）")
    run_step(staff, "supplement_request", items="请写明所需文件的年度和文号。",
             reply_by=(today + dt.timedelta(days=15)).isoformat())
    application.refresh_from_db()
    assert application.status == Status.AWAITING_SUPPLEMENT and application.number

    # The applicant follows the application with the code and supplies it online.
    applicant.goto("/foi/track/")
    applicant.fill("#id_query_code", query_code)
    applicant.fill("#id_id_last4", VALID_RESIDENT_ID[-4:].lower())
    submit(applicant, "main button[type=submit]")
    assert "请写明所需文件的年度和文号。" in applicant.inner_text(".items")
    assert "138****5678" in applicant.content() and "13812345678" not in applicant.content()
    applicant.fill("#id_content", "2025年度，文号为埔发改〔2025〕12号。")
    submit(applicant, "#supplement ~ .card button[type=submit]")
    assert "补正材料已提交" in applicant.content()
    application.refresh_from_db()
    assert application.status == Status.PROCESSING

    # Staff extend (approved by the head of the disclosure office), then reply.
    staff.goto(f"/foi/staff/{application.pk}/")
    run_step(staff, "extend", approved_by="王主任", reason="所需信息涉及多个年度，需要检索汇总。")
    assert "已延长答复期限" in staff.content()
    run_step(staff, "reply", outcome="2", reasons="第3页涉及第三方商业秘密，已作遮盖处理。",
             legal_basis="《中华人民共和国政府信息公开条例》第十五条、第三十七条",
             provide_how="以电子邮件发送至您预留的邮箱。")
    application.refresh_from_db()
    assert application.status == Status.REPLIED and application.outcome == "2"
    assert application.extended_on == today
    reply = Letter.objects.get(application=application, kind="reply")

    # The applicant reads the reply and its letter.
    applicant.goto(f"/foi/track/{application.pk}/")
    assert "已答复" in applicant.inner_text("#status")
    assert "部分公开" in applicant.inner_text("#outcome")
    assert reply.title in applicant.inner_text("#letters")
    with applicant.expect_download() as info:
        applicant.click(f"#letters a[href='/foi/letters/{reply.pk}/download/']")
    assert info.value.suggested_filename.endswith(".pdf")
    assert application.number in info.value.suggested_filename
    with open(info.value.path(), "rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages
                       ).replace("\n", "").replace(" ", "")
    assert "张小明" in text and application.number in text and "第三十七条" in text
    assert "已作遮盖处理" in text and "60日内" in text and "6个月内" in text
