"""Switching language in the browser: on a public page and on a staff page the header
switcher turns the interface into English or traditional characters, <html lang>
follows, content reads in traditional characters, and the choice is remembered."""
import pytest

from gongkai.orgs.models import Role, Unit, User
from gongkai.policies.tests.factories_policies import make_document
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def switch_to(page, language: str) -> None:
    with page.expect_navigation():
        page.click(f"header .language-switcher a:has-text('{language}')")


def html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def test_a_visitor_switches_the_public_site_to_english_and_to_traditional(new_page):
    make_document(title="关于发展改革专项资金管理的通知")
    page = new_page()
    page.goto("/policies/")
    assert html_lang(page) == "zh-Hans"  # the browser asks for zh-CN
    assert "关于发展改革专项资金管理的通知" in page.content()

    switch_to(page, "English")
    assert page.url.endswith("/policies/")  # back on the same page
    assert html_lang(page) == "en"
    nav = page.locator("nav.public-nav").inner_text()
    assert "Policy documents" in nav and "Disclosure on request" in nav
    assert page.locator("header .language-switcher a[aria-current]").inner_text() == "English"

    page.goto("/")  # remembered on the next page
    assert html_lang(page) == "en" and "Staff sign-in" in page.content()

    switch_to(page, "繁體中文")
    assert html_lang(page) == "zh-Hant"
    assert "工作人員登錄" in page.content()
    page.goto("/policies/")
    body = page.locator("main").inner_text()
    assert "關於發展改革專項資金管理的通知" in body  # content converted, not only labels
    assert "关于发展改革专项资金管理的通知" not in body
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("django_language") == "zh-hant"


def test_a_staff_member_switches_the_workbench_and_the_choice_stays(new_page):
    unit = Unit.objects.create(name="区发展改革局", category="department")
    User.objects.create_user("fgj_staff", password="s3cret-pass!", role=Role.UNIT_STAFF,
                             unit=unit, display_name="王小明")
    page = new_page()
    login(page, "fgj_staff", "s3cret-pass!")
    assert html_lang(page) == "zh-Hans"

    switch_to(page, "English")
    assert page.url.endswith("/workbench/") and html_lang(page) == "en"
    page.click("header .user-menu summary")
    assert page.locator("header .menu-items button.logout").inner_text() == "Sign out"

    switch_to(page, "繁體中文")
    assert html_lang(page) == "zh-Hant"
    assert "區發展改革局" in page.locator("header").inner_text()
    page.goto("/plans/ledger/")
    assert html_lang(page) == "zh-Hant"
    assert "工作臺賬" in page.content() or "工作台賬" in page.content()

    switch_to(page, "简体中文")
    assert html_lang(page) == "zh-Hans" and "工作台账" in page.content()
