"""The Content-Security-Policy forbids inline script; the pages still work under it.

Every main page is opened in chromium with a listener for CSP violations installed
before any page script runs; none may be reported, and the behaviours that used to be
inline (auto-submitting selects, charts, printing) still happen."""
import datetime as dt

import pytest

from gongkai.orgs.models import Role, Unit, User
from gongkai.plans.tests.factories import PlanFactory, ReportingPeriodFactory
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-1"
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""
PUBLIC = ["/", "/policies/", "/qa/", "/foi/apply/", "/foi/track/",
          "/participation/messages/write/", "/participation/consultations/",
          "/participation/meetings/", "/accounts/login/"]
OFFICE = ["/workbench/", "/plans/review/", "/plans/scores/", "/plans/progress/",
          "/plans/matrix/", "/participation/staff/messages/stats/", "/admin/"]


@pytest.fixture
def office_admin():
    office = Unit.objects.create(name="区政务公开办", category="other", is_office=True)
    plan = PlanFactory(year=2022)
    ReportingPeriodFactory(plan=plan, number=2, name="第二季度", deadline=dt.date(2022, 6, 30))
    ReportingPeriodFactory(plan=plan, number=3, name="第三季度", deadline=dt.date(2022, 9, 30))
    return User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                                    unit=office, is_staff=True, is_superuser=True)


def visit(page, url, console):
    response = page.goto(url)
    assert response.status < 400, url
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split(
        "script-src")[1].split(";")[0], url
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__csp")
    assert violations == [], f"{url}: {violations}"
    assert [m for m in console if "Content Security Policy" in m] == [], url


def test_main_pages_report_no_csp_violation_and_still_work(new_page, office_admin):
    page = new_page()
    page.context.add_init_script(WATCH)
    console = []
    page.on("console", lambda message: console.append(message.text))
    for url in PUBLIC:
        visit(page, url, console)
    login(page, "office", PASSWORD)
    for url in OFFICE:
        visit(page, url, console)
    # The period select submits itself (was an inline onchange handler).
    page.goto("/plans/review/")
    with page.expect_navigation():
        page.select_option("#id_period", label="第二季度")
    assert "period=" in page.url
    # The message chart draws from a static script (was inline).
    page.goto("/participation/staff/messages/stats/")
    page.wait_for_selector("#message-trend canvas, #message-trend svg")
    assert page.evaluate("window.__csp") == []


def test_an_injected_inline_script_is_blocked(new_page, live_server):
    """What the policy is for: inline script does not run, and is reported."""
    page = new_page()
    page.context.add_init_script(WATCH)
    page.goto("/")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = true'; document.body.appendChild(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran === true") is False
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
