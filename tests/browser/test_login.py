import pytest

from gongkai.orgs.models import Role, Unit, User
from tests.browser.conftest import log_out, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_logs_in_sees_their_unit_and_logs_out(new_page):
    unit = Unit.objects.create(name="区发展改革局", category="department")
    User.objects.create_user("fgj_staff", password="s3cret-pass!", role=Role.UNIT_STAFF,
                             unit=unit, display_name="王小明")
    page = new_page()
    login(page, "fgj_staff", "s3cret-pass!")
    header = page.locator("header").inner_text()
    assert "王小明" in header and "区发展改革局" in header
    log_out(page)
    assert page.url.endswith("/accounts/login/")


def test_wrong_password_is_refused_with_a_message_in_chinese(new_page):
    User.objects.create_user("someone", password="right-pass-1")
    page = new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "someone")
    page.fill("#id_password", "wrong")
    page.click("button[type=submit]")
    assert "用户名或密码不正确" in page.content()
